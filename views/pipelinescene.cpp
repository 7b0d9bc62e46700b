// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinescene.h"

#include "pipelinestyle.h"

#include <pipelineformat.h>
#include <pipelinerunmodel.h>

#include <QFontMetricsF>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>

namespace Orrery {

namespace {

constexpr qreal s_lineHeight = 13;

} // namespace

// --- PipelineNodeItem ------------------------------------------------------------------------

PipelineNodeItem::PipelineNodeItem(PipelineScene *scene, int node)
    : m_scene(scene)
    , m_node(node)
{
    setZValue(1);
    setAcceptedMouseButtons(Qt::LeftButton);
    m_detail = wantedDetail();
}

QString PipelineNodeItem::key() const
{
    return m_scene->m_layout.nodes().value(m_node).key;
}

PipelineStatus PipelineNodeItem::status() const
{
    const PipelineRunModel *model = m_scene->m_model;
    if (!model || m_node >= m_scene->m_layout.nodes().size())
        return PipelineStatus::Unknown;
    const PipelineLayout::Node &n = m_scene->m_layout.nodes().at(m_node);
    if (n.isGroup())
        return PipelineLayout::aggregateStatus(model->run().jobs, n.jobs);
    const PipelineJob *job = model->jobAt(n.jobs.value(0, -1));
    return job ? job->status : PipelineStatus::Unknown;
}

QString PipelineNodeItem::title() const
{
    const PipelineRunModel *model = m_scene->m_model;
    if (!model || m_node >= m_scene->m_layout.nodes().size())
        return QString();
    const PipelineLayout::Node &n = m_scene->m_layout.nodes().at(m_node);
    if (n.isGroup())
        return PipelineScene::tr("%1 ×%2").arg(n.group).arg(n.jobs.size());
    const PipelineJob *job = model->jobAt(n.jobs.value(0, -1));
    return job ? job->name : QString();
}

QString PipelineNodeItem::subtitle() const
{
    const PipelineRunModel *model = m_scene->m_model;
    if (!model || m_node >= m_scene->m_layout.nodes().size())
        return QString();
    const PipelineLayout::Node &n = m_scene->m_layout.nodes().at(m_node);
    const QString duration = PipelineFormat::duration(n.seconds);
    if (n.isGroup()) {
        int counts[int(PipelineStatus::Skipped) + 1] = {};
        for (int row : n.jobs) {
            if (const PipelineJob *job = model->jobAt(row))
                ++counts[int(job->status)];
        }
        QStringList parts;
        auto add = [&](PipelineStatus s, const QString &text) {
            if (counts[int(s)])
                parts << text.arg(counts[int(s)]);
        };
        add(PipelineStatus::Succeeded, PipelineScene::tr("%1 ✓"));
        add(PipelineStatus::Failed, PipelineScene::tr("%1 ✗"));
        add(PipelineStatus::Running, PipelineScene::tr("%1 running"));
        add(PipelineStatus::Waiting, PipelineScene::tr("%1 waiting"));
        add(PipelineStatus::Queued, PipelineScene::tr("%1 queued"));
        add(PipelineStatus::Cancelled, PipelineScene::tr("%1 cancelled"));
        add(PipelineStatus::Skipped, PipelineScene::tr("%1 skipped"));
        add(PipelineStatus::Unknown, PipelineScene::tr("%1 unknown"));
        return n.seconds >= 0
                   ? PipelineScene::tr("%1 · %2").arg(parts.join(QLatin1Char(' ')), duration)
                   : parts.join(QLatin1Char(' '));
    }
    const PipelineJob *job = model->jobAt(n.jobs.value(0, -1));
    if (!job)
        return QString();
    QString text = PipelineFormat::statusGlyph(job->status) + QLatin1Char(' ')
                   + PipelineFormat::statusTitle(job->status);
    if (job->status == PipelineStatus::Waiting && !job->environment.isEmpty())
        text = PipelineScene::tr("%1 for %2").arg(text, job->environment);
    if (n.seconds >= 0)
        text = PipelineScene::tr("%1 · %2").arg(text, duration);
    const QString downstream = PipelineFormat::downstreamLabel(model->run(), *job);
    if (!downstream.isEmpty())
        text = PipelineScene::tr("%1 · → %2").arg(text, downstream);
    return text;
}

qreal PipelineNodeItem::wantedDetail() const
{
    const PipelineRunModel *model = m_scene->m_model;
    if (!model || m_node >= m_scene->m_layout.nodes().size())
        return 0;
    const PipelineLayout::Node &n = m_scene->m_layout.nodes().at(m_node);
    if (n.isGroup())
        return 0;
    const PipelineJob *job = model->jobAt(n.jobs.value(0, -1));
    if (!job)
        return 0;
    int lines = int(m_scene->m_jobTargets.value(job->id).size());
    if (status() == PipelineStatus::Failed)
        lines += (PipelineFormat::failingStep(*job) ? 1 : 0)
                 + int(m_scene->m_logTails.value(job->id).size());
    return lines ? lines * s_lineHeight + 8 : 0;
}

void PipelineNodeItem::refresh()
{
    const qreal wanted = wantedDetail();
    if (wanted != m_detail) {
        prepareGeometryChange();
        m_detail = wanted;
        m_scene->restackRank(m_scene->m_layout.nodes().value(m_node).rank);
    }
    update();
}

QRectF PipelineNodeItem::boundingRect() const
{
    return QRectF(-5, -5, Width + 10, Height + m_detail + 10);
}

void PipelineNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_node >= m_scene->m_layout.nodes().size())
        return;
    const PipelineLayout::Node &n = m_scene->m_layout.nodes().at(m_node);
    const PipelineStatus s = status();
    const QRectF box(0, 0, Width, Height + m_detail);
    painter->setRenderHint(QPainter::Antialiasing);
    if (n.critical) {
        // The critical path: an outline around the card, outside its status border.
        painter->setPen(QPen(PipelineStyle::critical(), 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-3, -3, 3, 3), 8, 8);
    }
    const PipelineJob *bridge
        = n.isGroup() || !m_scene->m_model ? nullptr : m_scene->m_model->jobAt(n.jobs.value(0, -1));
    if (bridge && !bridge->downstreamRunId.isEmpty()) {
        // A trigger job: the pipeline it started, a dashed card nested behind its own.
        painter->setPen(QPen(PipelineStyle::statusColor(s), 1, Qt::DashLine));
        painter->setBrush(PipelineStyle::statusFill(s));
        painter->drawRoundedRect(box.translated(4, 4).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    }
    painter->setPen(QPen(PipelineStyle::statusColor(s), 1.5));
    painter->setBrush(PipelineStyle::statusFill(s));
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    // The status stripe on the left.
    painter->setPen(Qt::NoPen);
    painter->setBrush(PipelineStyle::statusColor(s));
    QPainterPath stripe;
    stripe.addRoundedRect(QRectF(1.5, 1.5, 6, box.height() - 3), 3, 3);
    painter->drawPath(stripe);
    if (n.isGroup()) {
        // A stack behind the card says "several".
        painter->setPen(QPen(PipelineStyle::statusColor(s), 1));
        painter->drawLine(QPointF(6, Height + 1.5), QPointF(Width - 6, Height + 1.5));
    }

    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.35)
        return;
    const qreal left = 14;
    const qreal textWidth = Width - left - 8;
    painter->setPen(PipelineStyle::text());
    painter->setFont(PipelineStyle::titleFont());
    QFontMetricsF title(PipelineStyle::titleFont());
    painter->drawText(QRectF(left, 7, textWidth, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      title.elidedText(this->title(), Qt::ElideMiddle, textWidth));
    painter->setFont(PipelineStyle::detailFont());
    QFontMetricsF detail(PipelineStyle::detailFont());
    painter->setPen(PipelineStyle::mutedText());
    painter->drawText(QRectF(left, 29, textWidth, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      detail.elidedText(subtitle(), Qt::ElideRight, textWidth));
    if (m_detail <= 0 || !m_scene->m_model)
        return;
    const PipelineJob *job = m_scene->m_model->jobAt(n.jobs.value(0, -1));
    if (!job)
        return;
    qreal y = Height - 4;
    // Where the job deployed (a PaaS app or service running the run's image now).
    painter->setPen(PipelineStyle::statusColor(PipelineStatus::Running));
    for (const QString &line : m_scene->m_jobTargets.value(job->id)) {
        painter->drawText(QRectF(left, y, textWidth, s_lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          detail.elidedText(line, Qt::ElideRight, textWidth));
        y += s_lineHeight;
    }
    if (status() != PipelineStatus::Failed)
        return;
    if (const PipelineStep *step = PipelineFormat::failingStep(*job)) {
        painter->setPen(PipelineStyle::statusColor(PipelineStatus::Failed));
        painter->drawText(QRectF(left, y, textWidth, s_lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          detail.elidedText(PipelineScene::tr("✗ %1").arg(step->name),
                                            Qt::ElideRight, textWidth));
        y += s_lineHeight;
    }
    painter->setFont(PipelineStyle::logFont());
    QFontMetricsF log(PipelineStyle::logFont());
    painter->setPen(PipelineStyle::text());
    for (const QString &line : m_scene->m_logTails.value(job->id)) {
        painter->drawText(QRectF(left, y, textWidth, s_lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          log.elidedText(line, Qt::ElideRight, textWidth));
        y += s_lineHeight;
    }
}

// --- PipelineEdgeLayer -----------------------------------------------------------------------

PipelineEdgeLayer::PipelineEdgeLayer(PipelineScene *scene)
    : m_scene(scene)
{
    setZValue(0);
    setAcceptedMouseButtons(Qt::NoButton);
}

void PipelineEdgeLayer::setBounds(const QRectF &bounds)
{
    if (bounds == m_bounds)
        return;
    prepareGeometryChange();
    m_bounds = bounds;
}

void PipelineEdgeLayer::invalidate()
{
    m_routed = false;
    update();
}

void PipelineEdgeLayer::route()
{
    // Forward edges are routed orthogonally through the gap before the target's column
    // (source → right to the gap, along the gap, → right into the target), and shared pieces are
    // drawn once: a matrix of 192 jobs fanning into two is 192 short stubs, one trunk and two
    // arrows rather than 384 curves (GitHub's own run graph merges its lines the same way).
    m_lines.clear();
    m_heads.clear();
    const PipelineLayout &layout = m_scene->m_layout;
    QSet<QPair<int, int>> stubsOut;                // (node, gap x)
    QSet<int> stubsIn;                             // node
    QHash<int, QList<QPair<qreal, qreal>>> trunks; // gap x -> y intervals
    for (const PipelineLayout::Edge &e : layout.edges()) {
        if (e.back || isLong(e))
            continue;
        const PipelineNodeItem *from = m_scene->m_items.value(layout.nodes().value(e.from).key);
        const PipelineNodeItem *to = m_scene->m_items.value(layout.nodes().value(e.to).key);
        if (!from || !to)
            continue;
        const qreal y1 = from->pos().y() + PipelineNodeItem::Height / 2;
        const qreal y2 = to->pos().y() + PipelineNodeItem::Height / 2;
        const qreal x1 = from->pos().x() + PipelineNodeItem::Width;
        const qreal x2 = to->pos().x();
        const int gap = qRound(x2 - PipelineScene::ColumnGap / 2);
        if (!stubsOut.contains({e.from, gap})) {
            stubsOut.insert({e.from, gap});
            m_lines << QLineF(x1, y1, gap, y1);
        }
        // Every edge into a node comes through the gap before its column: one stub, one arrow.
        if (!stubsIn.contains(e.to)) {
            stubsIn.insert(e.to);
            m_lines << QLineF(gap, y2, x2, y2);
            m_heads << QPointF(x2, y2);
        }
        trunks[gap] << qMakePair(qMin(y1, y2), qMax(y1, y2));
    }
    for (auto it = trunks.begin(); it != trunks.end(); ++it) {
        QList<QPair<qreal, qreal>> &spans = it.value();
        std::sort(spans.begin(), spans.end());
        QPair<qreal, qreal> current = spans.first();
        for (int i = 1; i <= spans.size(); ++i) {
            if (i < spans.size() && spans.at(i).first <= current.second) {
                current.second = qMax(current.second, spans.at(i).second);
                continue;
            }
            if (current.second > current.first)
                m_lines << QLineF(it.key(), current.first, it.key(), current.second);
            if (i < spans.size())
                current = spans.at(i);
        }
    }
    m_routed = true;
}

bool PipelineEdgeLayer::isLong(const PipelineLayout::Edge &e) const
{
    const PipelineLayout &layout = m_scene->m_layout;
    return layout.nodes().value(e.to).rank - layout.nodes().value(e.from).rank > 1;
}

QPainterPath PipelineEdgeLayer::pathOf(const PipelineLayout::Edge &e) const
{
    const PipelineLayout &layout = m_scene->m_layout;
    const PipelineNodeItem *from = m_scene->m_items.value(layout.nodes().value(e.from).key);
    const PipelineNodeItem *to = m_scene->m_items.value(layout.nodes().value(e.to).key);
    if (!from || !to)
        return {};
    const QPointF a = from->pos() + QPointF(PipelineNodeItem::Width, PipelineNodeItem::Height / 2);
    const QPointF b = to->pos() + QPointF(0, PipelineNodeItem::Height / 2);
    QPainterPath path(a);
    if (e.back) {
        // Backwards (a cycle in `needs`): a dashed loop under the nodes.
        const qreal below = qMax(a.y(), b.y()) + PipelineNodeItem::Height;
        path.cubicTo(a + QPointF(40, 0), QPointF(a.x() + 40, below),
                     QPointF((a.x() + b.x()) / 2, below));
        path.cubicTo(QPointF(b.x() - 40, below), b - QPointF(40, 0), b);
        return path;
    }
    if (isLong(e)) {
        // Across columns: a curve of its own, so it never seems to join a bundle it passes.
        const qreal dx = qMax<qreal>(40, (b.x() - a.x()) / 3);
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
        return path;
    }
    const qreal gap = qRound(b.x() - PipelineScene::ColumnGap / 2);
    path.lineTo(gap, a.y());
    path.lineTo(gap, b.y());
    path.lineTo(b);
    return path;
}

void PipelineEdgeLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (!m_routed)
        route();
    const QRectF exposed = option->exposedRect.adjusted(-4, -4, 4, 4);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    const QColor colour = PipelineStyle::edge();
    painter->setPen(QPen(colour, 1.4, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    for (const QLineF &line : std::as_const(m_lines)) {
        if (QRectF(line.p1(), line.p2()).normalized().adjusted(-1, -1, 1, 1).intersects(exposed))
            painter->drawLine(line);
    }
    auto drawHead = [painter](const QPointF &b, const QColor &c) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(c);
        const QPointF head[3] = {b, b + QPointF(-7, -4), b + QPointF(-7, 4)};
        painter->drawPolygon(head, 3);
    };
    for (const QPointF &b : std::as_const(m_heads)) {
        if (exposed.contains(b))
            drawHead(b, colour);
    }
    // Edges across columns as curves, cycles dashed, the critical path on top, thick.
    const PipelineLayout &layout = m_scene->m_layout;
    QList<const PipelineLayout::Edge *> order;
    for (const PipelineLayout::Edge &e : layout.edges()) {
        if (!e.critical && (e.back || isLong(e)))
            order << &e;
    }
    for (const PipelineLayout::Edge &e : layout.edges()) {
        if (e.critical)
            order << &e;
    }
    for (const PipelineLayout::Edge *edge : std::as_const(order)) {
        const PipelineLayout::Edge &e = *edge;
        const QPainterPath path = pathOf(e);
        if (path.isEmpty() || !path.controlPointRect().adjusted(-3, -3, 3, 3).intersects(exposed))
            continue;
        const QColor c = e.critical ? PipelineStyle::critical() : colour;
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(c, e.critical ? 2.5 : 1.4, e.back ? Qt::DashLine : Qt::SolidLine,
                             Qt::FlatCap, Qt::MiterJoin));
        painter->drawPath(path);
        drawHead(path.currentPosition(), c);
    }
}

// --- PipelineScene ---------------------------------------------------------------------------

PipelineScene::PipelineScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_edges(new PipelineEdgeLayer(this))
{
    addItem(m_edges);
    setBackgroundBrush(PipelineStyle::background());
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &PipelineScene::tick);
}

PipelineScene::~PipelineScene() = default;

void PipelineScene::setModel(PipelineRunModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_logTails.clear();
    m_jobTargets.clear();
    m_tailsAsked.clear();
    m_expanded.clear();
    if (model) {
        connect(model, &PipelineRunModel::graphChanged, this, [this] {
            // Another run: its own groups and logs.
            if (m_model && m_logTails.size() + m_tailsAsked.size() > 0) {
                QSet<QString> ids;
                for (const PipelineJob &job : m_model->run().jobs)
                    ids.insert(job.id);
                for (auto it = m_logTails.begin(); it != m_logTails.end();)
                    it = ids.contains(it.key()) ? std::next(it) : m_logTails.erase(it);
                for (auto it = m_tailsAsked.begin(); it != m_tailsAsked.end();)
                    it = ids.contains(*it) ? std::next(it) : m_tailsAsked.erase(it);
            }
            relayout();
        });
        connect(model, &PipelineRunModel::jobsChanged, this, &PipelineScene::updateJobs);
        connect(model, &QObject::destroyed, this, [this] { relayout(); });
    }
    relayout();
}

void PipelineScene::setNow(const QDateTime &now)
{
    m_now = now;
    if (m_model)
        m_model->setNow(now);
    tick();
}

QDateTime PipelineScene::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void PipelineScene::setLiveTicking(bool on)
{
    m_live = on;
    updateTicking();
}

void PipelineScene::updateTicking()
{
    bool running = false;
    if (m_model) {
        for (const PipelineJob &job : m_model->run().jobs) {
            if (!pipelineStatusIsFinal(job.status) && job.startedAt.isValid()) {
                running = true;
                break;
            }
        }
    }
    if (m_live && running && !m_ticker.isActive())
        m_ticker.start();
    else if ((!m_live || !running) && m_ticker.isActive())
        m_ticker.stop();
}

void PipelineScene::tick()
{
    updateCritical();
}

void PipelineScene::setGroupExpanded(const QString &group, bool expanded)
{
    if (expanded == m_expanded.contains(group))
        return;
    if (expanded)
        m_expanded.insert(group);
    else
        m_expanded.remove(group);
    relayout();
    emit groupToggled(group, expanded);
}

void PipelineScene::setJobTargets(const QHash<QString, QStringList> &targets)
{
    if (targets == m_jobTargets)
        return;
    QSet<QString> touched;
    for (auto it = m_jobTargets.cbegin(); it != m_jobTargets.cend(); ++it)
        touched.insert(it.key());
    for (auto it = targets.cbegin(); it != targets.cend(); ++it)
        touched.insert(it.key());
    m_jobTargets = targets;
    for (const QString &id : std::as_const(touched))
        if (PipelineNodeItem *item = itemOfJob(id))
            item->refresh();
}

void PipelineScene::setLogTail(const QString &jobId, const QStringList &lines)
{
    const QStringList kept = lines.mid(qMax<qsizetype>(0, lines.size() - MaxLogLines));
    if (m_logTails.value(jobId) == kept)
        return;
    m_logTails.insert(jobId, kept);
    if (PipelineNodeItem *item = itemOfJob(jobId))
        item->refresh();
}

PipelineNodeItem *PipelineScene::itemOfJob(const QString &jobId) const
{
    const int node = m_layout.nodeOfJob(jobId);
    return node < 0 ? nullptr : m_items.value(m_layout.nodes().at(node).key);
}

QList<PipelineNodeItem *> PipelineScene::nodeItems() const
{
    QList<PipelineNodeItem *> out;
    for (const PipelineLayout::Node &n : m_layout.nodes())
        out << m_items.value(n.key);
    return out;
}

QRectF PipelineScene::nodeRect(const QString &key) const
{
    const PipelineNodeItem *item = m_items.value(key);
    return item ? QRectF(item->pos(), QSizeF(PipelineNodeItem::Width,
                                             PipelineNodeItem::Height + item->detailHeight()))
                : QRectF();
}

void PipelineScene::relayout()
{
    ++m_layoutCount;
    const QList<PipelineJob> jobs = m_model ? m_model->run().jobs : QList<PipelineJob>();
    // Groups that are gone are no longer expanded.
    QSet<QString> groups;
    for (const PipelineJob &job : jobs)
        groups.insert(job.group);
    m_expanded.intersect(groups);
    m_layout.build(jobs, m_expanded);
    m_layout.updateCriticalPath(jobs, now());

    // Keep the items of nodes that stay (by key), create new ones, delete gone ones.
    QHash<QString, PipelineNodeItem *> items;
    for (int v = 0; v < m_layout.nodes().size(); ++v) {
        const QString &key = m_layout.nodes().at(v).key;
        PipelineNodeItem *item = m_items.take(key);
        if (!item) {
            item = new PipelineNodeItem(this, v);
            addItem(item);
        } else {
            item->setNode(v);
        }
        items.insert(key, item);
    }
    qDeleteAll(m_items);
    m_items = items;
    for (PipelineNodeItem *item : std::as_const(m_items)) {
        item->refresh();
    }
    placeNodes();
    askForLogTails();
    updateTicking();
}

void PipelineScene::placeNodes()
{
    for (int r = 0; r < m_layout.rankCount(); ++r)
        restackRank(r);
    if (m_layout.nodes().isEmpty()) {
        m_edges->setBounds({});
        setSceneRect(QRectF(0, 0, 2 * Margin, 2 * Margin));
    }
}

void PipelineScene::restackRank(int rank)
{
    const qreal x = Margin + rank * (PipelineNodeItem::Width + ColumnGap);
    qreal y = Margin;
    for (int v : m_layout.nodesInRank(rank)) {
        PipelineNodeItem *item = m_items.value(m_layout.nodes().at(v).key);
        if (!item)
            continue;
        if (item->pos() != QPointF(x, y))
            item->setPos(x, y);
        y += PipelineNodeItem::Height + item->detailHeight() + RowGap;
    }
    // The scene grows to what the nodes need (and never jumps back while a run is shown).
    QRectF bounds;
    for (PipelineNodeItem *item : std::as_const(m_items))
        bounds |= QRectF(item->pos(), QSizeF(PipelineNodeItem::Width,
                                             PipelineNodeItem::Height + item->detailHeight()));
    bounds.adjust(-Margin, -Margin, Margin, Margin + PipelineNodeItem::Height);
    bounds.setTopLeft(QPointF(0, 0));
    m_edges->setBounds(bounds);
    m_edges->invalidate();
    setSceneRect(bounds);
}

void PipelineScene::updateJobs(const QList<int> &rows)
{
    QSet<PipelineNodeItem *> touched;
    for (int row : rows) {
        const PipelineJob *job = m_model ? m_model->jobAt(row) : nullptr;
        if (PipelineNodeItem *item = job ? itemOfJob(job->id) : nullptr)
            touched.insert(item);
    }
    for (PipelineNodeItem *item : std::as_const(touched))
        item->refresh();
    updateCritical();
    askForLogTails();
    updateTicking();
}

void PipelineScene::updateCritical()
{
    if (!m_model)
        return;
    const QList<int> changed = m_layout.updateCriticalPath(m_model->run().jobs, now());
    for (int v : changed) {
        if (PipelineNodeItem *item = m_items.value(m_layout.nodes().at(v).key))
            item->update();
    }
    // The edges are one item over the whole diagram: repainted only when the path moved, not
    // for a duration ticking.
    if (m_layout.criticalChanged())
        m_edges->update();
}

void PipelineScene::askForLogTails()
{
    if (!m_model)
        return;
    for (const PipelineJob &job : m_model->run().jobs) {
        if (job.status != PipelineStatus::Failed || m_tailsAsked.contains(job.id))
            continue;
        // Only nodes that show the job alone (not inside a collapsed group).
        const int node = m_layout.nodeOfJob(job.id);
        if (node < 0 || m_layout.nodes().at(node).isGroup())
            continue;
        m_tailsAsked.insert(job.id);
        emit logTailWanted(job.id);
    }
}

PipelineNodeItem *PipelineScene::nodeAt(const QPointF &pos) const
{
    for (QGraphicsItem *item : items(pos)) {
        if (item != m_edges)
            return static_cast<PipelineNodeItem *>(item);
    }
    return nullptr;
}

void PipelineScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    PipelineNodeItem *item
        = event->button() == Qt::LeftButton ? nodeAt(event->scenePos()) : nullptr;
    if (!item) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    event->accept();
    const PipelineLayout::Node n = m_layout.nodes().value(item->node());
    if (n.isGroup()) {
        setGroupExpanded(n.group, true);
        return;
    }
    if (const PipelineJob *job = m_model ? m_model->jobAt(n.jobs.value(0, -1)) : nullptr) {
        if (!job->downstreamRunId.isEmpty()) {
            emit downstreamActivated(job->downstreamSource.isEmpty() ? m_model->run().source
                                                                     : job->downstreamSource,
                                     job->downstreamRunId);
            return;
        }
        emit jobActivated(job->id);
    }
}

QString PipelineScene::jobIdAt(const QPointF &scenePos) const
{
    PipelineNodeItem *item = nodeAt(scenePos);
    if (!item || !m_model)
        return {};
    const PipelineLayout::Node n = m_layout.nodes().value(item->node());
    if (n.isGroup())
        return {};
    const PipelineJob *job = m_model->jobAt(n.jobs.value(0, -1));
    return job ? job->id : QString();
}

void PipelineScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    PipelineNodeItem *item
        = event->button() == Qt::LeftButton ? nodeAt(event->scenePos()) : nullptr;
    const PipelineLayout::Node n
        = item ? m_layout.nodes().value(item->node()) : PipelineLayout::Node();
    const PipelineJob *job = m_model && item ? m_model->jobAt(n.jobs.value(0, -1)) : nullptr;
    if (job && !n.isGroup() && !job->group.isEmpty() && m_expanded.contains(job->group)) {
        event->accept();
        setGroupExpanded(job->group, false);
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void PipelineScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    PipelineNodeItem *item = nodeAt(event->scenePos());
    if (!item) {
        QToolTip::hideText();
        return;
    }
    const PipelineLayout::Node n = m_layout.nodes().value(item->node());
    QString text = tr("%1: %2").arg(item->title(), item->subtitle());
    if (n.isGroup())
        text += QLatin1Char('\n')
                + tr("Click to show the %n job(s) one by one.", nullptr, int(n.jobs.size()));
    else if (const PipelineJob *job = m_model ? m_model->jobAt(n.jobs.value(0, -1)) : nullptr) {
        if (!job->group.isEmpty())
            text
                += QLatin1Char('\n') + tr("Double-click to collapse the %1 group.").arg(job->group);
        if (n.critical)
            text += QLatin1Char('\n') + tr("On the critical path (the longest chain).");
        if (!job->downstreamRunId.isEmpty())
            text += QLatin1Char('\n')
                    + tr("Click to open %1.")
                          .arg(PipelineFormat::downstreamLabel(m_model->run(), *job));
        else
            text += QLatin1Char('\n') + tr("Click to show the full log.");
    }
    QToolTip::showText(event->screenPos(), text, event->widget());
    event->accept();
}

} // namespace Orrery
