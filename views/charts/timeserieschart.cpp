// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeserieschart.h"

#include "seriesplotitem.h"
#include "timeseriesmodel.h"

#include <QCategoryAxis>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>
#include <limits>

namespace Orrery {

using Internal::SeriesPlotItem;

namespace {

// Above the grid and axes (QtCharts' own series sit at 4), below the legend.
constexpr qreal kPlotZ = 4;
constexpr qreal kHoverZ = 20;
// More series than this get no legend (it would fill the chart); hover still names them.
constexpr int kLegendLimit = 24;
// Hover picks the nearest point within this many pixels.
constexpr qreal kHoverRadius = 12;
constexpr int kValueTicks = 6;

// Series colours when no theme role is asked for: distinct hues, the dark set lighter so each
// keeps 3:1 against the dark base.
constexpr QRgb kLightSeries[] = {0x2f7fd8, 0xe8710a, 0x2e9d57, 0xc62828, 0x8e24aa,
                                 0x00897b, 0x6d4c41, 0xd81b60, 0x7cb342, 0x546e7a};
constexpr QRgb kDarkSeries[] = {0x5ea8ff, 0xffa04d, 0x4cc277, 0xff6b6b, 0xd2a8ff,
                                0x4dd0c4, 0xc69c6d, 0xff79b0, 0xaed581, 0x90a4ae};

QString timeText(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void setCategories(QCategoryAxis *axis, const QList<double> &ticks, MetricUnit unit)
{
    const QStringList old = axis->categoriesLabels();
    for (const QString &label : old)
        axis->remove(label);
    if (ticks.size() < 2)
        return;
    // Labels sit on the upper end of each category, so the first tick gets a hair-thin
    // category of its own to carry its label.
    const double epsilon = (ticks.last() - ticks.first()) * 1e-6;
    axis->setStartValue(ticks.first() - epsilon);
    for (double t : ticks)
        axis->append(MetricFormat::value(t, unit), t);
    axis->setRange(ticks.first(), ticks.last());
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QChartView(parent)
{
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(6, 6, 6, 6));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    // A live append updates a small rectangle; let the view repaint only that.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);

    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setTickCount(7);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_valueAxis = new QCategoryAxis;
    m_valueAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    m_plot = new SeriesPlotItem(m_chart);
    m_plot->setZValue(kPlotZ);

    m_emptyText = new QGraphicsSimpleTextItem(m_chart);
    m_emptyText->setZValue(kHoverZ);
    m_crosshair = new QGraphicsLineItem(m_chart);
    m_crosshair->setZValue(kHoverZ);
    m_hoverBox = new QGraphicsRectItem(m_chart);
    m_hoverBox->setZValue(kHoverZ);
    m_hoverText = new QGraphicsSimpleTextItem(m_hoverBox);
    m_crosshair->hide();
    m_hoverBox->hide();

    m_rangeBox = new QComboBox(this);
    for (Range r : {Range::Minutes15, Range::Hour1, Range::Hours6, Range::Hours24, Range::Days7})
        m_rangeBox->addItem(rangeName(r), QVariant::fromValue(r));
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(QVariant::fromValue(m_range)));
    m_rangeBox->setToolTip(tr("Time range"));
    connect(m_rangeBox, &QComboBox::activated, this,
            [this](int index) { setRange(m_rangeBox->itemData(index).value<Range>()); });

    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(0);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &TimeSeriesChart::rebuild);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] {
        renderAll();
        updateEmptyState();
    });
    // Theme::changed rather than QEvent::PaletteChange: the chart's colours are the theme's
    // roles, and a hidden chart (an export copy, a background tab) must follow too.
    connect(Theme::instance(), &Theme::changed, this, &TimeSeriesChart::applyTheme);
    applyTheme();
    rebuild();
}

TimeSeriesChart::~TimeSeriesChart() = default;

qint64 TimeSeriesChart::rangeMsecs(Range range)
{
    constexpr qint64 minute = 60 * 1000;
    switch (range) {
    case Range::Minutes15: return 15 * minute;
    case Range::Hour1: return 60 * minute;
    case Range::Hours6: return 6 * 60 * minute;
    case Range::Hours24: return 24 * 60 * minute;
    case Range::Days7: return 7 * 24 * 60 * minute;
    }
    return 60 * minute;
}

QString TimeSeriesChart::rangeName(Range range)
{
    switch (range) {
    case Range::Minutes15: return tr("15 min");
    case Range::Hour1: return tr("1 h");
    case Range::Hours6: return tr("6 h");
    case Range::Hours24: return tr("24 h");
    case Range::Days7: return tr("7 d");
    }
    return QString();
}

void TimeSeriesChart::setModel(TimeSeriesModel *model)
{
    if (m_model == model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_plot->setModel(model);
    if (model) {
        // Structural changes come in bursts (a Prometheus answer replaces every series): one
        // rebuild per event-loop turn.
        const auto later = [this] { m_rebuildTimer.start(); };
        connect(model, &TimeSeriesModel::seriesAdded, this, later);
        connect(model, &TimeSeriesModel::seriesRemoved, this, later);
        connect(model, &TimeSeriesModel::seriesInfoChanged, this, later);
        connect(model, &TimeSeriesModel::pointsReset, this, later);
        connect(model, &TimeSeriesModel::cleared, this, later);
        connect(model, &TimeSeriesModel::pointsAppended, this, &TimeSeriesChart::onAppended);
        connect(model, &QObject::destroyed, this, [this] {
            m_plot->setModel(nullptr);
            rebuild();
        });
    }
    rebuild();
}

void TimeSeriesChart::setTitle(const QString &title)
{
    m_title = title;
    m_chart->setTitle(title);
}

void TimeSeriesChart::setRange(Range range)
{
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(QVariant::fromValue(range)));
    if (range == m_range)
        return;
    m_range = range;
    updateRanges(true);
    updateAxes();
    renderAll();
    emit rangeChanged(range);
}

void TimeSeriesChart::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    rebuild();
}

void TimeSeriesChart::setSeriesStyle(const QString &id, const SeriesStyle &style)
{
    m_styleById.insert(id, style);
    rebuild();
}

void TimeSeriesChart::setRightAxis(MetricUnit unit, const QString &title)
{
    m_rightUnit = unit;
    m_rightTitle = title;
    if (!m_rightAxis) {
        m_rightAxis = new QCategoryAxis;
        m_rightAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        m_rightAxis->setGridLineVisible(false);
        m_chart->addAxis(m_rightAxis, Qt::AlignRight);
    }
    m_rightAxis->setTitleText(title);
    m_hasRightAxis = true;
    applyTheme();
    rebuild();
}

void TimeSeriesChart::setLeftAxisTitle(const QString &title)
{
    m_leftTitle = title;
    m_valueAxis->setTitleText(title);
}

void TimeSeriesChart::setSeriesVisible(int series, bool visible)
{
    if (!m_model || series < 0 || series >= m_model->seriesCount())
        return;
    m_hiddenById.insert(m_model->info(series).id, !visible);
    rebuildStyles();
    rebuildLegend();
    updateRanges(true);
    updateAxes();
    renderAll();
}

bool TimeSeriesChart::isSeriesVisible(int series) const
{
    if (!m_model || series < 0 || series >= m_model->seriesCount())
        return false;
    return !m_hiddenById.value(m_model->info(series).id, false);
}

QColor TimeSeriesChart::seriesColor(int series) const
{
    const auto &styles = m_plot->styles();
    return size_t(series) < styles.size() ? styles[size_t(series)].color : QColor();
}

void TimeSeriesChart::setEmptyReason(const QString &reason)
{
    m_emptyReason = reason;
    updateEmptyState();
}

bool TimeSeriesChart::isShowingEmptyState() const
{
    if (!m_model)
        return true;
    for (int s = 0; s < m_model->seriesCount(); ++s) {
        if (m_model->pointCount(s) > 0)
            return false;
    }
    return true;
}

int TimeSeriesChart::fullRenderCount() const
{
    return m_plot->fullRenders();
}

void TimeSeriesChart::setAntialiased(bool on)
{
    m_antialiased = on;
    m_plot->setAntialiased(on);
    setRenderHint(QPainter::Antialiasing, on);
    renderAll();
}

void TimeSeriesChart::rebuild()
{
    m_rebuildTimer.stop();
    rebuildStyles();
    rebuildLegend();
    updateRanges(true);
    updateAxes();
    renderAll();
    updateEmptyState();
}

void TimeSeriesChart::rebuildStyles()
{
    std::vector<SeriesPlotItem::Style> styles;
    const int count = m_model ? m_model->seriesCount() : 0;
    styles.reserve(size_t(count));
    const bool dark = Theme::instance()->isDark();
    int next = 0;
    for (int s = 0; s < count; ++s) {
        const TimeSeriesModel::SeriesInfo &info = m_model->info(s);
        const SeriesStyle look = m_styleById.value(info.id);
        SeriesPlotItem::Style style;
        const bool total = m_mode == Mode::Breakdown && info.total;
        if (look.role)
            style.color = themeColor(*look.role);
        else if (total)
            style.color = themeColor(Theme::Role::Text);
        else
            style.color = QColor::fromRgb(dark ? kDarkSeries[next++ % std::size(kDarkSeries)]
                                               : kLightSeries[next++ % std::size(kLightSeries)]);
        style.width = total ? 2.5 : count > 50 ? 1.0 : 1.5;
        style.pen = look.pen;
        style.rightAxis = look.rightAxis && m_hasRightAxis;
        style.steps = look.steps;
        style.stacked = m_mode == Mode::Breakdown && !info.total;
        if (style.stacked) {
            style.fill = style.color;
            style.fill.setAlpha(dark ? 70 : 55);
        }
        style.visible = !m_hiddenById.value(info.id, false);
        styles.push_back(style);
    }
    m_plot->setStyles(styles);
}

void TimeSeriesChart::rebuildLegend()
{
    // The legend's series carry no points: they give QtCharts a name, a pen and a marker.
    m_chart->removeAllSeries();
    m_legendSeries.clear();
    const int count = m_model ? m_model->seriesCount() : 0;
    m_chart->legend()->setVisible(count > 1 && count <= kLegendLimit && !isShowingEmptyState());
    if (count > kLegendLimit)
        return;
    const QColor muted = themeColor(Theme::Role::MutedText);
    const QColor text = themeColor(Theme::Role::Text);
    for (int s = 0; s < count; ++s) {
        const SeriesPlotItem::Style &style = m_plot->styles()[size_t(s)];
        auto *series = new QLineSeries;
        series->setName(m_model->info(s).label);
        QPen pen(style.color, std::max<qreal>(2, style.width), style.pen);
        series->setPen(pen);
        m_chart->addSeries(series);
        m_legendSeries.append(series);
        for (QLegendMarker *marker : m_chart->legend()->markers(series)) {
            marker->setLabelBrush(style.visible ? text : muted);
            if (!style.visible) {
                QPen faded = pen;
                QColor c = style.color;
                c.setAlpha(70);
                faded.setColor(c);
                marker->setPen(faded);
            }
            connect(marker, &QLegendMarker::clicked, this,
                    [this, s] { setSeriesVisible(s, !isSeriesVisible(s)); });
        }
    }
}

bool TimeSeriesChart::updateRanges(bool force)
{
    if (!m_model || isShowingEmptyState())
        return false;
    const qint64 latest = m_model->timeSpan().second;
    const qint64 range = rangeMsecs(m_range);
    bool changed = false;
    if (force || latest > m_x1 || latest < m_x1 - range) {
        m_x1 = latest + range / 10;
        m_x0 = m_x1 - range;
        changed = true;
    }
    // Value ranges over what the window shows, from zero (a usage chart reads against zero).
    double lo[2] = {0, 0};
    double hi[2] = {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    const auto &styles = m_plot->styles();
    for (int s = 0; s < m_model->seriesCount() && size_t(s) < styles.size(); ++s) {
        const SeriesPlotItem::Style &style = styles[size_t(s)];
        if (!style.visible)
            continue;
        const int axis = style.rightAxis ? 1 : 0;
        const int n = m_model->pointCount(s);
        // Only the points not drawn yet unless the window moved: an append can only grow the
        // range.
        const int first
            = std::max(0, m_model->indexAtOrBefore(s, changed ? m_x0 : m_plot->drawnUpTo(s)));
        for (int i = first; i < n; ++i) {
            const double v
                = style.stacked ? m_plot->plottedValue(s, i) : m_model->pointAt(s, i).value;
            if (!std::isfinite(v))
                continue;
            lo[axis] = std::min(lo[axis], v);
            hi[axis] = std::max(hi[axis], v);
        }
    }
    const auto fit = [&](int axis, double *min, double *max) {
        if (hi[axis] == std::numeric_limits<double>::lowest())
            return changed;
        if (!changed && lo[axis] >= *min && hi[axis] <= *max)
            return false;
        if (!changed) {
            lo[axis] = std::min(lo[axis], *min);
            hi[axis] = std::max(hi[axis], *max);
        }
        return true;
    };
    // A little room above the highest point, so a line at the maximum is not on the frame.
    for (int axis : {0, 1}) {
        if (hi[axis] != std::numeric_limits<double>::lowest())
            hi[axis] += (hi[axis] - lo[axis]) * 0.04;
    }
    if (fit(0, &m_yMin, &m_yMax)) {
        const QList<double> t = MetricFormat::ticks(lo[0], hi[0], leftUnit(), kValueTicks);
        m_yMin = t.first();
        m_yMax = t.last();
        m_leftTicks = t;
        changed = true;
    }
    if (m_hasRightAxis && fit(1, &m_rMin, &m_rMax)) {
        const QList<double> t = MetricFormat::ticks(lo[1], hi[1], m_rightUnit, kValueTicks);
        m_rMin = t.first();
        m_rMax = t.last();
        m_rightTicks = t;
        changed = true;
    }
    return changed;
}

MetricUnit TimeSeriesChart::leftUnit() const
{
    if (m_model) {
        const auto &styles = m_plot->styles();
        for (int s = 0; s < m_model->seriesCount(); ++s) {
            if (size_t(s) >= styles.size() || !styles[size_t(s)].rightAxis)
                return m_model->info(s).unit;
        }
    }
    return MetricUnit::Count;
}

void TimeSeriesChart::updateAxes()
{
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_x0),
                         QDateTime::fromMSecsSinceEpoch(m_x1));
    m_timeAxis->setFormat(m_range == Range::Days7 ? QStringLiteral("ddd HH:mm")
                                                  : QStringLiteral("HH:mm"));
    setCategories(m_valueAxis, m_leftTicks, leftUnit());
    if (m_rightAxis)
        setCategories(m_rightAxis, m_rightTicks, m_rightUnit);
}

void TimeSeriesChart::renderAll()
{
    m_plot->setGeometry(m_chart->plotArea(), m_x0, m_x1, m_yMin, m_yMax, m_rMin, m_rMax);
    m_plot->renderAll();
}

void TimeSeriesChart::onAppended(const QList<int> &series)
{
    if (m_rebuildTimer.isActive())
        return; // the pending rebuild draws these points too
    if (m_plot->styles().size() != size_t(m_model->seriesCount()))
        rebuildStyles();
    if (m_emptyText->isVisible()) {
        // The first point: the chart appears in place of the reason.
        rebuild();
        return;
    }
    if (updateRanges(false)) {
        updateAxes();
        renderAll();
    } else if (!m_plot->renderAppended(series)) {
        renderAll();
    }
}

void TimeSeriesChart::updateEmptyState()
{
    const bool empty = isShowingEmptyState();
    m_emptyText->setVisible(empty);
    m_plot->setVisible(!empty);
    m_timeAxis->setVisible(!empty);
    m_valueAxis->setVisible(!empty);
    if (m_rightAxis)
        m_rightAxis->setVisible(!empty);
    const int count = m_model ? m_model->seriesCount() : 0;
    m_chart->legend()->setVisible(!empty && count > 1 && count <= kLegendLimit);
    if (empty) {
        m_emptyText->setText(m_emptyReason.isEmpty() ? tr("No data yet.") : m_emptyReason);
        const QRectF area = m_chart->rect();
        const QRectF text = m_emptyText->boundingRect();
        m_emptyText->setPos(area.center() - text.center());
        m_crosshair->hide();
        m_hoverBox->hide();
    }
}

void TimeSeriesChart::applyTheme()
{
    const QColor base = themeColor(Theme::Role::Base);
    const QColor text = themeColor(Theme::Role::Text);
    const QColor muted = themeColor(Theme::Role::MutedText);
    const QColor grid = themeColor(Theme::Role::Border);
    m_chart->setBackgroundBrush(base);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    setBackgroundBrush(base);
    QList<QAbstractAxis *> axes = {m_timeAxis, m_valueAxis};
    if (m_rightAxis)
        axes.append(m_rightAxis);
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(muted);
        axis->setTitleBrush(muted);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
    }
    m_emptyText->setBrush(muted);
    m_crosshair->setPen(QPen(muted, 1, Qt::DashLine));
    m_hoverBox->setBrush(themeColor(Theme::Role::HeaderBackground));
    m_hoverBox->setPen(QPen(grid));
    m_hoverText->setBrush(text);
    rebuildStyles();
    rebuildLegend();
    renderAll();
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeRangeSelector();
    updateEmptyState();
}

void TimeSeriesChart::setRangeSelectorVisible(bool visible)
{
    m_rangeBox->setVisible(visible);
}

void TimeSeriesChart::placeRangeSelector()
{
    m_rangeBox->adjustSize();
    m_rangeBox->move(width() - m_rangeBox->width() - 8, 6);
}

QString TimeSeriesChart::hoverTextAt(const QPoint &viewPos) const
{
    if (!m_model || isShowingEmptyState())
        return QString();
    const QPointF at = m_chart->mapFromScene(mapToScene(viewPos));
    const QRectF plot = m_chart->plotArea();
    if (!plot.adjusted(-kHoverRadius, -kHoverRadius, kHoverRadius, kHoverRadius).contains(at))
        return QString();
    const qint64 t = m_x0 + qint64((at.x() - plot.left()) / plot.width() * double(m_x1 - m_x0));
    const qint64 slack = qint64(kHoverRadius / plot.width() * double(m_x1 - m_x0)) + 1;
    const auto &styles = m_plot->styles();
    int bestSeries = -1, bestIndex = -1;
    qreal best = kHoverRadius * kHoverRadius + 1;
    for (int s = 0; s < m_model->seriesCount() && size_t(s) < styles.size(); ++s) {
        if (!styles[size_t(s)].visible)
            continue;
        const int n = m_model->pointCount(s);
        int i = std::max(0, m_model->indexAtOrBefore(s, t - slack));
        for (; i < n; ++i) {
            const TimeSeriesModel::Point p = m_model->pointAt(s, i);
            if (p.msecs > t + slack)
                break;
            const QPointF pos = m_plot->positionOf(s, p.msecs, m_plot->plottedValue(s, i));
            const QPointF d = pos - at;
            const qreal dist = d.x() * d.x() + d.y() * d.y();
            if (dist < best) { // ties go to the first series
                best = dist;
                bestSeries = s;
                bestIndex = i;
            }
        }
    }
    if (bestSeries < 0)
        return QString();
    const TimeSeriesModel::Point p = m_model->pointAt(bestSeries, bestIndex);
    const TimeSeriesModel::SeriesInfo &info = m_model->info(bestSeries);
    return QStringLiteral("%1\n%2\n%3")
        .arg(info.label, timeText(p.msecs), MetricFormat::value(p.value, info.unit));
}

QPoint TimeSeriesChart::viewPositionOf(int series, qint64 msecs, double value) const
{
    const double plotted = m_model ? value + m_plot->stackOffset(series, msecs) : value;
    return mapFromScene(m_chart->mapToScene(m_plot->positionOf(series, msecs, plotted)));
}

void TimeSeriesChart::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QString text = hoverTextAt(event->pos());
    if (text.isEmpty()) {
        m_crosshair->hide();
        m_hoverBox->hide();
        return;
    }
    const QPointF at = m_chart->mapFromScene(mapToScene(event->pos()));
    const QRectF plot = m_chart->plotArea();
    m_crosshair->setLine(QLineF(at.x(), plot.top(), at.x(), plot.bottom()));
    m_crosshair->show();
    m_hoverText->setText(text);
    const QRectF box = m_hoverText->boundingRect().adjusted(-6, -4, 6, 4);
    m_hoverText->setPos(6, 4);
    m_hoverBox->setRect(QRectF(QPointF(0, 0), box.size()));
    // Beside the cursor, flipped to the other side near the right or bottom edge.
    QPointF pos = at + QPointF(14, 14);
    if (pos.x() + box.width() > plot.right())
        pos.rx() = at.x() - 14 - box.width();
    if (pos.y() + box.height() > plot.bottom())
        pos.ry() = at.y() - 14 - box.height();
    m_hoverBox->setPos(pos);
    m_hoverBox->show();
}

void TimeSeriesChart::leaveEvent(QEvent *event)
{
    QChartView::leaveEvent(event);
    m_crosshair->hide();
    m_hoverBox->hide();
}

void TimeSeriesChart::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *save = menu.addAction(tr("Save as PNG…"));
    save->setEnabled(!isShowingEmptyState());
    QMenu *ranges = menu.addMenu(tr("Time Range"));
    for (Range r : {Range::Minutes15, Range::Hour1, Range::Hours6, Range::Hours24, Range::Days7}) {
        QAction *a = ranges->addAction(rangeName(r));
        a->setCheckable(true);
        a->setChecked(r == m_range);
        connect(a, &QAction::triggered, this, [this, r] { setRange(r); });
    }
    if (menu.exec(event->globalPos()) != save)
        return;
    QString file = QFileDialog::getSaveFileName(this, tr("Save Chart as PNG"),
                                                m_title.isEmpty() ? tr("chart.png")
                                                                  : m_title + QLatin1String(".png"),
                                                tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        file += QLatin1String(".png");
    saveAsPng(file);
}

void TimeSeriesChart::copySettingsTo(TimeSeriesChart *other) const
{
    other->m_styleById = m_styleById;
    other->m_hiddenById = m_hiddenById;
    other->m_emptyReason = m_emptyReason;
    other->m_mode = m_mode;
    other->m_range = m_range;
    other->m_antialiased = m_antialiased;
    other->m_plot->setAntialiased(m_antialiased);
    other->setTitle(m_title);
    other->setLeftAxisTitle(m_leftTitle);
    if (m_hasRightAxis)
        other->setRightAxis(m_rightUnit, m_rightTitle);
    other->setModel(m_model);
    other->rebuild();
    // The same window as on screen, not one recomputed from the data.
    other->m_x0 = m_x0;
    other->m_x1 = m_x1;
    other->updateAxes();
}

QImage TimeSeriesChart::renderToImage(QSize size) const
{
    if (!size.isValid() || size.isEmpty())
        size = this->size();
    TimeSeriesChart copy;
    copySettingsTo(&copy);
    copy.m_chart->resize(size);
    // Lay the chart out now (plot area, axes), which renders the data layer at this size.
    if (copy.m_chart->layout())
        copy.m_chart->layout()->activate();
    copy.renderAll();
    copy.updateEmptyState();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(themeColor(Theme::Role::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    copy.scene()->render(&painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    return image;
}

bool TimeSeriesChart::saveAsPng(const QString &fileName, QSize size) const
{
    return renderToImage(size).save(fileName, "PNG");
}

} // namespace Orrery
