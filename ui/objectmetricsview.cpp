// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectmetricsview.h"

#include "metricshistoryview.h"

#include <charts/hpaexplainedchart.h>
#include <theme.h>
#include <timeseriesmodel.h>

#include <kube/resourcestore.h>
#include <monitoring/hpahistory.h>
#include <monitoring/metricspoller.h>
#include <monitoring/monitoringsource.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <optional>

namespace Orrery {

namespace {

constexpr TimeSeriesChart::Range kRanges[] = {
    TimeSeriesChart::Range::Minutes15, TimeSeriesChart::Range::Hour1,
    TimeSeriesChart::Range::Hours6, TimeSeriesChart::Range::Hours24, TimeSeriesChart::Range::Days7};

bool isWorkloadOrNamespace(Kind kind)
{
    return kind == Kind::Deployment || kind == Kind::StatefulSet || kind == Kind::DaemonSet
           || kind == Kind::Namespace;
}

struct NamedPoints
{
    TimeSeriesModel::SeriesInfo info;
    QList<TimeSeriesModel::Point> points;
};

// Replaces the model's series by `series`: the same ids in the same order keep their series
// (one reset each), anything else starts over.
void syncSeries(TimeSeriesModel *model, QList<NamedPoints> series)
{
    bool same = model->seriesCount() == series.size();
    for (int i = 0; same && i < int(series.size()); ++i)
        same = model->info(i).id == series[i].info.id;
    if (!same) {
        model->clear();
        for (const NamedPoints &s : std::as_const(series))
            model->addSeries(s.info);
    }
    for (int i = 0; i < int(series.size()); ++i)
        model->setPoints(i, std::move(series[i].points));
}

// The members and their total: the total at each time is the sum of the members' values at
// that time (a range query's series share its steps; kept samples are put on 15 s windows).
QList<NamedPoints> withTotal(QList<NamedPoints> members, MetricUnit unit)
{
    QMap<qint64, double> sums;
    for (const NamedPoints &m : std::as_const(members)) {
        for (const TimeSeriesModel::Point &p : m.points)
            sums[p.msecs] += p.value;
    }
    NamedPoints total;
    total.info = {QStringLiteral("total"), ObjectMetricsView::tr("Total"), unit, true};
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        total.points.append({it.key(), it.value()});
    std::sort(members.begin(), members.end(), [](const NamedPoints &a, const NamedPoints &b) {
        return a.info.label < b.info.label;
    });
    members.prepend(std::move(total));
    return members;
}

// A member adds nothing at a step where it has no sample. The chart holds a stacked member's
// last value until its next point, so a pod that is gone (or absent for a while) gets a zero at
// the step after its last sample and at the step before its next one; the trailing zero only
// within the range (`endMsecs`), so a live pod does not push the time axis on.
void closeGaps(QList<NamedPoints> &members, qint64 stepMsecs, qint64 endMsecs)
{
    for (NamedPoints &m : members) {
        if (m.points.isEmpty() || stepMsecs <= 0)
            continue;
        QList<TimeSeriesModel::Point> out;
        out.reserve(m.points.size() + 4);
        for (int i = 0; i < int(m.points.size()); ++i) {
            if (i > 0 && m.points[i].msecs - m.points[i - 1].msecs > stepMsecs) {
                const qint64 after = m.points[i - 1].msecs + stepMsecs;
                const qint64 before = m.points[i].msecs - stepMsecs;
                out.append({after, 0});
                if (before > after)
                    out.append({before, 0});
            }
            out.append(m.points[i]);
        }
        if (out.last().msecs + stepMsecs <= endMsecs)
            out.append({out.last().msecs + stepMsecs, 0});
        m.points = std::move(out);
    }
}

QList<TimeSeriesModel::Point> pointsOf(const PrometheusSeries &series)
{
    QList<TimeSeriesModel::Point> out;
    out.reserve(series.samples.size());
    for (const PrometheusSample &s : series.samples) {
        if (std::isfinite(s.value))
            out.append({qint64(std::llround(s.time * 1000.0)), s.value});
    }
    return out;
}

} // namespace

struct ObjectMetricsView::Block
{
    MetricChart spec;
    QWidget *frame = nullptr;
    TimeSeriesModel *model = nullptr;
    TimeSeriesChart *chart = nullptr;
    QPlainTextEdit *promql = nullptr;
    HpaExplainedChart::SeriesIds hpaIds;
    std::vector<std::optional<Result<PrometheusResult>>> answers;
};

ObjectMetricsView::ObjectMetricsView(QWidget *parent)
    : QWidget(parent)
    , m_endpoint(new QLabel(this))
    , m_rangeBox(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_scroll(new QScrollArea(m_pages))
    , m_chartsPage(new QWidget(m_scroll))
    , m_chartsLayout(new QVBoxLayout(m_chartsPage))
    , m_history(new MetricsHistoryView(m_pages))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("objectMetrics"));
    m_endpoint->setObjectName(QStringLiteral("metricsEndpoint"));
    m_endpoint->setWordWrap(true);
    m_endpoint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rangeBox->setObjectName(QStringLiteral("metricsRange"));
    for (TimeSeriesChart::Range r : kRanges)
        m_rangeBox->addItem(TimeSeriesChart::rangeName(r), int(r));
    m_rangeBox->setCurrentIndex(1);
    m_rangeBox->setToolTip(tr("Time range of the charts"));
    connect(m_rangeBox, &QComboBox::activated, this, [this](int index) {
        setRange(TimeSeriesChart::Range(m_rangeBox->itemData(index).toInt()));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_endpoint, 1);
    top->addWidget(m_rangeBox, 0, Qt::AlignTop);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);

    m_chartsLayout->setContentsMargins(0, 0, 0, 0);
    m_chartsLayout->addStretch(1);
    m_scroll->setWidget(m_chartsPage);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pages->addWidget(m_scroll);
    m_pages->addWidget(m_history);

    m_timer->setInterval(15000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!isVisible())
            return;
        if (m_prometheusShown)
            queryPrometheus();
        else if (!m_prometheusFailure.isEmpty()
                 && QDateTime::currentSecsSinceEpoch() - m_failedAt >= 60)
            rebuildCharts(); // try Prometheus again
    });
    connect(Theme::instance(), &Theme::changed, this, &ObjectMetricsView::applyTheme);
    applyTheme();
    updateEndpointText();
}

ObjectMetricsView::~ObjectMetricsView() = default;

void ObjectMetricsView::applyTheme()
{
    const Theme *t = Theme::instance();
    m_endpoint->setStyleSheet(QStringLiteral("color:%1;").arg(t->name(Theme::Role::MutedText)));
    for (const auto &b : m_blocks) {
        if (b->promql)
            b->promql->setStyleSheet(
                QStringLiteral("QPlainTextEdit{color:%1;background:transparent;font-family:"
                               "monospace;}")
                    .arg(t->name(Theme::Role::MutedText)));
    }
}

void ObjectMetricsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void ObjectMetricsView::setSource(MonitoringSource *source)
{
    if (m_source == source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (source) {
        connect(source, &MonitoringSource::endpointsChanged, this,
                &ObjectMetricsView::rebuildCharts);
        connect(source, &MonitoringSource::hpaHistoryChanged, this, [this] {
            if (!m_prometheusShown && m_object && m_object->kind == Kind::HorizontalPodAutoscaler)
                showHpaFromHistory();
        });
    }
    rebuildCharts();
}

void ObjectMetricsView::setStore(ResourceStore *store)
{
    m_store = store;
}

void ObjectMetricsView::setMetricsPoller(MetricsPoller *poller)
{
    m_poller = poller;
    if (!m_prometheusShown)
        showMetricsServer();
}

bool ObjectMetricsView::isUsingPrometheus() const
{
    return m_prometheusShown;
}

QString ObjectMetricsView::endpointText() const
{
    return m_endpoint->text();
}

QStringList ObjectMetricsView::chartIds() const
{
    QStringList ids;
    for (const auto &b : m_blocks)
        ids << b->spec.id;
    return ids;
}

TimeSeriesChart *ObjectMetricsView::chart(const QString &id) const
{
    for (const auto &b : m_blocks) {
        if (b->spec.id == id)
            return b->chart;
    }
    return nullptr;
}

const TimeSeriesModel *ObjectMetricsView::chartModel(const QString &id) const
{
    for (const auto &b : m_blocks) {
        if (b->spec.id == id)
            return b->model;
    }
    return nullptr;
}

QString ObjectMetricsView::promql(const QString &id) const
{
    for (const auto &b : m_blocks) {
        if (b->spec.id != id)
            continue;
        QStringList lines;
        for (const MetricQuery &q : b->spec.queries)
            lines << q.promql;
        return lines.join(QLatin1Char('\n'));
    }
    return {};
}

void ObjectMetricsView::copyPromql(const QString &id)
{
    QApplication::clipboard()->setText(promql(id));
}

void ObjectMetricsView::showObject(const KubeObjectPtr &object, const QString &metricsServerReason)
{
    const bool same
        = object && m_object && object->uid == m_object->uid && object->kind == m_object->kind;
    m_object = object;
    m_metricsServerReason = metricsServerReason;
    if (same) {
        // Prometheus is re-queried by the timer; the kept samples are re-read on each poll.
        if (!m_prometheusShown)
            showMetricsServer();
        return;
    }
    rebuildCharts();
}

void ObjectMetricsView::setRange(TimeSeriesChart::Range range)
{
    const int index = m_rangeBox->findData(int(range));
    if (index >= 0)
        m_rangeBox->setCurrentIndex(index);
    if (m_range == range)
        return;
    m_range = range;
    m_timer->setInterval(TimeSeriesChart::rangeMsecs(range) > 3600 * 1000 ? 60000 : 15000);
    for (const auto &b : m_blocks)
        b->chart->setRange(range);
    refresh();
}

void ObjectMetricsView::refresh()
{
    if (m_prometheusShown)
        queryPrometheus();
    else
        showMetricsServer();
}

void ObjectMetricsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Answers older than a refresh period are stale once the tab shows again.
    if (m_prometheusShown && m_end > 0
        && QDateTime::currentSecsSinceEpoch() - m_end > m_timer->interval() / 1000)
        queryPrometheus();
}

void ObjectMetricsView::updateEndpointText()
{
    if (!m_source) {
        m_endpoint->setText(tr("Prometheus: not looked for yet (no cluster connected)"));
        return;
    }
    QString text = m_source->endpoints().prometheusSentence();
    const QString fallback
        = m_object && m_object->kind == Kind::HorizontalPodAutoscaler
              ? tr("Showing the HPA's status as Orrery recorded it since it connected.")
              : tr("Showing metrics-server's samples (CPU and memory, kept since Orrery "
                   "connected).");
    if (!m_source->prometheus())
        text = tr("%1. %2").arg(text, fallback);
    else if (!m_prometheusShown && !m_prometheusFailure.isEmpty())
        text = tr("%1, but %2. %3").arg(text, m_prometheusFailure, fallback);
    m_endpoint->setText(text);
}

void ObjectMetricsView::clearBlocks()
{
    ++m_generation; // answers still on their way belong to charts that are gone
    m_pending = 0;
    for (const auto &b : m_blocks)
        delete b->frame;
    m_blocks.clear();
}

ObjectMetricsView::Block *ObjectMetricsView::addBlock(const MetricChart &spec, bool withPromql)
{
    auto block = std::make_unique<Block>();
    block->spec = spec;
    block->frame = new QWidget(m_chartsPage);
    auto *layout = new QVBoxLayout(block->frame);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->setSpacing(2);
    block->model = new TimeSeriesModel(TimeSeriesModel::kDefaultCapacity, block->frame);
    if (spec.hpa) {
        auto *hpa = new HpaExplainedChart(block->frame);
        const QString metric = spec.id.mid(4); // "hpa/<metric>"
        block->hpaIds
            = HpaExplainedChart::addSeries(block->model, QStringLiteral("hpa"), metric, spec.unit);
        hpa->setSeries(block->hpaIds, metric);
        block->chart = hpa;
    } else {
        block->chart = new TimeSeriesChart(block->frame);
        if (spec.breakdown)
            block->chart->setMode(TimeSeriesChart::Mode::Breakdown);
    }
    block->chart->setObjectName(QStringLiteral("metricsChart:") + spec.id);
    block->chart->setModel(block->model);
    block->chart->setTitle(spec.title);
    block->chart->setRange(m_range);
    block->chart->setRangeSelectorVisible(false); // the view's selector sets every chart's
    block->chart->setMinimumHeight(spec.hpa ? 300 : 270);
    connect(block->chart, &TimeSeriesChart::rangeChanged, this,
            [this](TimeSeriesChart::Range r) { setRange(r); });
    layout->addWidget(block->chart, 1);
    if (withPromql) {
        auto *row = new QHBoxLayout;
        QStringList lines;
        for (const MetricQuery &q : spec.queries)
            lines << q.promql;
        // A read-only text, not a label: PromQL has few spaces, and a word-wrapped label would
        // be as wide as its longest "word"; this wraps anywhere and selects like an editor.
        block->promql = new QPlainTextEdit(lines.join(QLatin1Char('\n')), block->frame);
        block->promql->setObjectName(QStringLiteral("promql:") + spec.id);
        block->promql->setReadOnly(true);
        block->promql->setFrameShape(QFrame::NoFrame);
        block->promql->setWordWrapMode(QTextOption::WrapAnywhere);
        block->promql->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        block->promql->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        block->promql->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        block->promql->setFixedHeight(
            block->promql->fontMetrics().lineSpacing() * (spec.queries.size() > 1 ? 4 : 3) + 8);
        block->promql->setToolTip(tr("The PromQL behind this chart"));
        auto *copy = new QToolButton(block->frame);
        copy->setText(tr("Copy PromQL"));
        copy->setToolTip(tr("Copy this chart's PromQL to the clipboard"));
        const QString id = spec.id;
        connect(copy, &QToolButton::clicked, this, [this, id] { copyPromql(id); });
        row->addWidget(block->promql, 1);
        row->addWidget(copy, 0, Qt::AlignTop);
        layout->addLayout(row);
    }
    block->answers.resize(size_t(spec.queries.size()));
    m_chartsLayout->insertWidget(m_chartsLayout->count() - 1, block->frame);
    m_blocks.push_back(std::move(block));
    return m_blocks.back().get();
}

void ObjectMetricsView::rebuildCharts()
{
    clearBlocks();
    m_prometheusShown = false;
    m_prometheusFailure.clear();
    updateEndpointText();
    m_timer->stop();
    if (!m_object || !MetricQueries::hasCharts(m_object->kind)) {
        m_history->clear();
        return;
    }
    const bool prometheus = m_source && m_source->prometheus();
    if (prometheus) {
        m_prometheusShown = true;
        const qint64 rangeSeconds = TimeSeriesChart::rangeMsecs(m_range) / 1000;
        const QList<MetricChart> specs
            = MetricQueries::charts(*m_object, MetricQueries::stepSeconds(rangeSeconds));
        for (const MetricChart &spec : specs)
            addBlock(spec, true);
        m_pages->setCurrentWidget(m_scroll);
        applyTheme();
        queryPrometheus();
        m_timer->start();
        return;
    }
    showMetricsServer();
}

void ObjectMetricsView::queryPrometheus()
{
    const PrometheusClient *client = m_source ? m_source->prometheus() : nullptr;
    if (!client || !m_object)
        return;
    const qint64 rangeSeconds = TimeSeriesChart::rangeMsecs(m_range) / 1000;
    m_step = MetricQueries::stepSeconds(rangeSeconds);
    // Steps on multiples of the step, so a refresh answers the same timestamps again.
    m_end = QDateTime::currentSecsSinceEpoch() / m_step * m_step;
    const QDateTime end = QDateTime::fromSecsSinceEpoch(m_end);
    const QDateTime start = QDateTime::fromSecsSinceEpoch(m_end - rangeSeconds);
    // The rate window follows the step: the queries of another range differ.
    const QList<MetricChart> specs = MetricQueries::charts(*m_object, m_step);
    const int generation = ++m_generation;
    m_pending = 0;
    for (int b = 0; b < int(m_blocks.size()); ++b) {
        Block &block = *m_blocks[size_t(b)];
        if (b < specs.size() && specs[b].id == block.spec.id) {
            block.spec = specs[b];
            if (block.promql) {
                QStringList lines;
                for (const MetricQuery &q : block.spec.queries)
                    lines << q.promql;
                if (block.promql->toPlainText() != lines.join(QLatin1Char('\n')))
                    block.promql->setPlainText(lines.join(QLatin1Char('\n')));
            }
        }
        block.answers.assign(size_t(block.spec.queries.size()), std::nullopt);
        for (int q = 0; q < int(block.spec.queries.size()); ++q) {
            ++m_pending;
            client->queryRange(block.spec.queries[q].promql, start, end, double(m_step), this,
                               [this, generation, b, q](const Result<PrometheusResult> &answer) {
                                   onAnswer(generation, b, q, answer);
                               });
        }
    }
}

void ObjectMetricsView::onAnswer(int generation, int block, int query,
                                 const Result<PrometheusResult> &answer)
{
    if (generation != m_generation || block >= int(m_blocks.size()))
        return;
    Block &b = *m_blocks[size_t(block)];
    if (query >= int(b.answers.size()))
        return;
    b.answers[size_t(query)] = answer;
    if (std::all_of(b.answers.cbegin(), b.answers.cend(), [](const auto &a) { return bool(a); }))
        applyAnswers(b);
    if (--m_pending > 0)
        return;
    // Every query failed (the proxy answered 404, Prometheus is down...): say why and show
    // metrics-server's samples meanwhile. A chart that merely has no series stays.
    bool allFailed = !m_blocks.empty();
    for (const auto &blk : m_blocks) {
        allFailed = allFailed
                    && std::any_of(blk->answers.cbegin(), blk->answers.cend(),
                                   [](const auto &a) { return a && !a->ok(); });
    }
    if (allFailed) {
        const MonitoringEndpoint endpoint
            = m_source ? m_source->endpoints().prometheus : MonitoringEndpoint();
        for (const auto &a : m_blocks.front()->answers) {
            if (a && !a->ok()) {
                m_prometheusFailure
                    = MonitoringProblem::fromError(a->error(), endpoint,
                                                   m_blocks.front()->spec.queries.first().promql)
                          .text();
                break;
            }
        }
        m_failedAt = QDateTime::currentSecsSinceEpoch();
        clearBlocks();
        showMetricsServer(); // emits chartsUpdated
        updateEndpointText();
        return;
    }
    emit chartsUpdated();
}

void ObjectMetricsView::applyAnswers(Block &b)
{
    const MonitoringEndpoint endpoint
        = m_source ? m_source->endpoints().prometheus : MonitoringEndpoint();
    // The first failure says why; a chart with no series at all says which labels it expected.
    for (size_t i = 0; i < b.answers.size(); ++i) {
        const Result<PrometheusResult> &a = *b.answers[i];
        if (!a.ok()) {
            b.model->clear();
            if (b.spec.hpa) {
                b.hpaIds = HpaExplainedChart::addSeries(b.model, QStringLiteral("hpa"),
                                                        b.spec.id.mid(4), b.spec.unit);
            }
            b.chart->setEmptyReason(
                MonitoringProblem::fromError(a.error(), endpoint, b.spec.queries[int(i)].promql)
                    .text());
            return;
        }
    }
    const bool noSeries = std::all_of(b.answers.cbegin(), b.answers.cend(),
                                      [](const auto &a) { return (*a)->series.isEmpty(); });
    if (noSeries) {
        b.chart->setEmptyReason(
            MonitoringProblem::noSeries(b.spec.queries.first().promql, b.spec.expectedLabels)
                .text());
    } else {
        b.chart->setEmptyReason({});
    }

    if (b.spec.hpa) {
        const QString idsByRole[] = {b.hpaIds.current, b.hpaIds.target, b.hpaIds.currentReplicas,
                                     b.hpaIds.desiredReplicas};
        const QString roles[]
            = {QStringLiteral("current"), QStringLiteral("target"),
               QStringLiteral("currentReplicas"), QStringLiteral("desiredReplicas")};
        for (size_t i = 0; i < b.answers.size(); ++i) {
            const PrometheusResult &r = **b.answers[i];
            const QString &role = b.spec.queries[int(i)].role;
            for (int k = 0; k < 4; ++k) {
                if (roles[k] != role)
                    continue;
                const int index = b.model->indexOf(idsByRole[k]);
                if (index >= 0)
                    b.model->setPoints(index, r.series.isEmpty() ? QList<TimeSeriesModel::Point>()
                                                                 : pointsOf(r.series.first()));
            }
        }
        return;
    }

    QList<NamedPoints> series;
    for (size_t i = 0; i < b.answers.size(); ++i) {
        const PrometheusResult &r = **b.answers[i];
        const MetricQuery &q = b.spec.queries[int(i)];
        for (const PrometheusSeries &s : r.series) {
            NamedPoints n;
            const QString name = q.seriesLabel.isEmpty() ? q.name : s.labels.value(q.seriesLabel);
            n.info = {q.seriesLabel.isEmpty() ? q.name : q.seriesLabel + QLatin1Char('/') + name,
                      name.isEmpty() ? q.name : name, b.spec.unit, false};
            n.points = pointsOf(s);
            series << n;
        }
    }
    if (b.spec.breakdown)
        closeGaps(series, m_step * 1000, m_end * 1000);
    syncSeries(b.model, b.spec.breakdown ? withTotal(std::move(series), b.spec.unit) : series);
}

void ObjectMetricsView::showMetricsServer()
{
    m_prometheusShown = false;
    if (!m_object || !MetricQueries::hasCharts(m_object->kind)) {
        m_history->clear();
        return;
    }
    const Kind kind = m_object->kind;
    if (kind == Kind::Pod || kind == Kind::Node) {
        clearBlocks();
        m_pages->setCurrentWidget(m_history);
        const bool pod = kind == Kind::Pod;
        const QString key = pod ? MetricsHistory::podKey(m_object->namespaceName, m_object->name)
                                : MetricsHistory::nodeKey(m_object->name);
        const QList<MetricsSample> samples
            = m_poller ? m_poller->history().samples(key) : QList<MetricsSample>();
        m_history->showSamples(key, samples, samples.isEmpty() ? m_metricsServerReason : QString());
        emit chartsUpdated();
        return;
    }
    m_history->clear();
    m_pages->setCurrentWidget(m_scroll);
    if (isWorkloadOrNamespace(kind)) {
        showPodsFromHistory();
        return;
    }
    showHpaFromHistory();
}

void ObjectMetricsView::showHpaFromHistory()
{
    // An HPA: the status Orrery recorded from the informer since it connected (HpaHistory), one
    // chart per metric of its spec.
    const HpaHistory *history = m_source ? &m_source->hpaHistory() : nullptr;
    const QStringList metrics
        = history ? history->metricNames(m_object->namespaceName, m_object->name) : QStringList();
    const QList<HpaSample> samples
        = history ? history->samples(m_object->namespaceName, m_object->name) : QList<HpaSample>();
    QStringList ids;
    for (const QString &m : metrics)
        ids << QStringLiteral("hpa/") + m;
    if (ids.isEmpty())
        ids << QStringLiteral("hpa");
    if (chartIds() != ids) {
        clearBlocks();
        const HpaData *h = m_object->as<HpaData>();
        for (int i = 0; i < int(ids.size()); ++i) {
            MetricChart spec;
            spec.id = ids[i];
            spec.hpa = true;
            const QString metric = metrics.value(i);
            const HpaMetric *hm = nullptr;
            if (h) {
                for (const HpaMetric &candidate : h->metrics) {
                    if (candidate.name == metric)
                        hm = &candidate;
                }
            }
            spec.title = metric.isEmpty()
                             ? tr("Metrics against targets, and replicas")
                             : tr("%1 against its target, and replicas (kept status)").arg(metric);
            spec.unit = hm && hm->targetType == QLatin1String("Utilization") ? MetricUnit::Percent
                        : metric == QLatin1String("cpu")                     ? MetricUnit::Cores
                        : metric == QLatin1String("memory")                  ? MetricUnit::Bytes
                                                                             : MetricUnit::Count;
            addBlock(spec, false);
        }
    }
    const qint64 nowMsecs = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < int(metrics.size()) && i < int(m_blocks.size()); ++i) {
        Block &b = *m_blocks[size_t(i)];
        QList<TimeSeriesModel::Point> current, target, currentReplicas, desiredReplicas;
        for (const HpaSample &s : samples) {
            const qint64 msecs = s.timeSec * 1000;
            if (i < s.current.size() && std::isfinite(s.current[i]))
                current.append({msecs, s.current[i]});
            if (i < s.target.size() && std::isfinite(s.target[i]))
                target.append({msecs, s.target[i]});
            currentReplicas.append({msecs, double(s.currentReplicas)});
            desiredReplicas.append({msecs, double(s.desiredReplicas)});
        }
        // The status holds until it changes: draw it up to now.
        for (QList<TimeSeriesModel::Point> *list :
             {&current, &target, &currentReplicas, &desiredReplicas}) {
            if (!list->isEmpty() && list->last().msecs < nowMsecs - 1000)
                list->append({nowMsecs, list->last().value});
        }
        b.model->setPoints(b.model->indexOf(b.hpaIds.current), current);
        b.model->setPoints(b.model->indexOf(b.hpaIds.target), target);
        b.model->setPoints(b.model->indexOf(b.hpaIds.currentReplicas), currentReplicas);
        b.model->setPoints(b.model->indexOf(b.hpaIds.desiredReplicas), desiredReplicas);
        b.chart->setEmptyReason(tr("no status recorded yet for this HPA"));
    }
    if (metrics.isEmpty()) {
        m_blocks.front()->chart->setEmptyReason(
            !m_prometheusFailure.isEmpty() ? m_prometheusFailure
            : m_source                     ? tr("this HPA lists no metrics, and %1")
                             .arg(MonitoringProblem::noPrometheus(m_source->endpoints()).text())
                       : tr("no cluster connected"));
    }
    emit chartsUpdated();
}

void ObjectMetricsView::showPodsFromHistory()
{
    // CPU and memory of the workload's (or namespace's) pods from the kept samples, each
    // pod's sample put on its 15 s window so the pods add up.
    if (m_blocks.size() != 2) {
        clearBlocks();
        for (const char *id : {"cpu", "memory"}) {
            MetricChart spec;
            spec.id = QString::fromLatin1(id);
            const bool cpu = spec.id == QLatin1String("cpu");
            spec.title = cpu ? tr("CPU (metrics-server)") : tr("Memory (metrics-server)");
            spec.unit = cpu ? MetricUnit::Cores : MetricUnit::Bytes;
            spec.breakdown = true;
            addBlock(spec, false);
        }
        applyTheme();
    }
    const QString ns = m_object->kind == Kind::Namespace ? m_object->name : m_object->namespaceName;
    const QString pattern = MetricQueries::podNamePattern(m_object->kind, m_object->name);
    const QRegularExpression podName(QRegularExpression::anchoredPattern(pattern));
    QList<NamedPoints> cpu;
    QList<NamedPoints> memory;
    if (m_store && m_poller) {
        for (const KubeObjectPtr &pod : m_store->objects(Kind::Pod, ns)) {
            if (!pattern.isEmpty() && !podName.match(pod->name).hasMatch())
                continue;
            const QList<MetricsSample> samples
                = m_poller->history().samples(MetricsHistory::podKey(ns, pod->name));
            if (samples.isEmpty())
                continue;
            NamedPoints c;
            c.info = {QStringLiteral("pod/") + pod->name, pod->name, MetricUnit::Cores, false};
            NamedPoints m;
            m.info = {QStringLiteral("pod/") + pod->name, pod->name, MetricUnit::Bytes, false};
            for (const MetricsSample &s : samples) {
                const qint64 msecs = qint64(s.timeSec) / 15 * 15 * 1000;
                if (!c.points.isEmpty() && c.points.last().msecs == msecs) {
                    c.points.last().value = double(s.cpuMilli) / 1000.0;
                    m.points.last().value = double(s.memoryBytes);
                    continue;
                }
                c.points.append({msecs, double(s.cpuMilli) / 1000.0});
                m.points.append({msecs, double(s.memoryBytes)});
            }
            cpu << c;
            memory << m;
        }
    }
    const QString reason
        = !m_poller ? tr("Waiting for the first answer of metrics-server\u2026")
          : cpu.isEmpty()
              ? (m_metricsServerReason.isEmpty()
                     ? tr("no metrics-server sample yet for the pods of %1 in namespace %2")
                           .arg(m_object->name, ns)
                     : m_metricsServerReason)
              : QString();
    qint64 newest = 0;
    for (const NamedPoints &c : std::as_const(cpu))
        newest = std::max(newest, c.points.last().msecs);
    closeGaps(cpu, 15000, newest);
    closeGaps(memory, 15000, newest);
    syncSeries(m_blocks[0]->model, cpu.isEmpty() ? cpu : withTotal(cpu, MetricUnit::Cores));
    syncSeries(m_blocks[1]->model,
               memory.isEmpty() ? memory : withTotal(memory, MetricUnit::Bytes));
    m_blocks[0]->chart->setEmptyReason(reason);
    m_blocks[1]->chart->setEmptyReason(reason);
    emit chartsUpdated();
}

} // namespace Orrery
