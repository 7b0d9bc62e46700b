// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyscene.h"

#include "theme.h"
#include "topologyaggregateitem.h"
#include "topologyboxitem.h"
#include "topologyedgelayer.h"
#include "topologygraph.h"
#include "topologynodeitem.h"
#include "topologyoverviewitem.h"
#include "topologystyle.h"

#include <QGraphicsSceneHelpEvent>
#include <QMap>
#include <QToolTip>

#include <algorithm>

namespace Orrery {

namespace {
constexpr qint64 s_flashMs = 900;
constexpr qreal s_margin = 60;
// An aggregated namespace's box in scene units: about the shape of a cell when a few hundred
// of them are fitted into a window.
constexpr QSizeF s_aggregateSize(520, 320);

// Parent of one namespace's node items; draws nothing itself.
class NodeLayer : public QGraphicsItem
{
public:
    NodeLayer() { setFlag(ItemHasNoContents); }
    QRectF boundingRect() const override { return {}; }
    void paint(QPainter *, const QStyleOptionGraphicsItem *, QWidget *) override {}
};
} // namespace

TopologyScene::TopologyScene(TopologyGraph *graph, QObject *parent)
    : QGraphicsScene(parent)
    , m_graph(graph)
{
    // Measured in tests/bench/bench_topology.cpp: with explicit sceneRect and items that
    // never move, the BSP index wins for painting a viewport of a 10k-pod scene.
    setItemIndexMethod(BspTreeIndex);
    setBackgroundBrush(TopologyStyle::background());
    // A switch of look (views/theme): new background, overview batches rebuilt, items repainted
    // (they read TopologyStyle at paint time).
    connect(Theme::instance(), &Theme::changed, this, [this] {
        setBackgroundBrush(TopologyStyle::background());
        invalidateOverviews();
        update();
    });
    m_clock.start();
    m_flashTimer.setInterval(33);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] { tickFlash(); });
    connect(this, &QGraphicsScene::selectionChanged, this, [this] { invalidateOverviews(); });
}

TopologyScene::~TopologyScene()
{
    // QGraphicsScene deletes the items after this; a selected one emits selectionChanged on
    // its way out, when the overview items may already be gone.
    disconnect(this, &QGraphicsScene::selectionChanged, this, nullptr);
    m_overviews.clear();
}

bool TopologyScene::isVisible(const TopologyNode &node) const
{
    if (!node.collapsedInto.isEmpty() || !m_filter.accepts(node))
        return false;
    if (m_aggregated && !m_expandedHomes.contains(node.home))
        return false;
    if (m_filter.unhealthyOnly && !m_unhealthyContext.contains(node.id))
        return false;
    return true;
}

void TopologyScene::computeUnhealthyContext()
{
    m_unhealthyContext.clear();
    if (!m_filter.unhealthyOnly)
        return;
    // Unhealthy nodes and their direct neighbours, so a failing pod still shows its owner
    // and Service.
    for (const TopologyNode &node : m_graph->nodes()) {
        if (TopologyFilter::isUnhealthy(node.health))
            m_unhealthyContext.insert(node.id);
    }
    QSet<QString> context = m_unhealthyContext;
    m_graph->forEachEdge([&](const TopologyEdge &edge) {
        const QString from = TopologyLayout::representative(*m_graph, edge.from);
        const QString to = TopologyLayout::representative(*m_graph, edge.to);
        if (m_unhealthyContext.contains(from))
            context.insert(to);
        if (m_unhealthyContext.contains(to))
            context.insert(from);
    });
    m_unhealthyContext = context;
}

bool TopologyScene::isHomeShown(const QString &home) const
{
    if (!m_filter.namespaces.isEmpty() && !m_filter.namespaces.contains(home))
        return false;
    return !m_filter.hideSystem || !m_graph->homeSummary(home).system;
}

void TopologyScene::decideAggregation()
{
    qint64 nodes = 0;
    int homes = 0;
    const auto &summaries = m_graph->homeSummaries();
    for (auto it = summaries.cbegin(); it != summaries.cend(); ++it) {
        if (isHomeShown(it.key())) {
            nodes += it->nodes;
            ++homes;
        }
    }
    m_aggregated = m_aggregateThreshold > 0 && homes > 1 && nodes > m_aggregateThreshold;
}

void TopologyScene::setExpandedHomes(const QSet<QString> &homes)
{
    if (homes == m_expandedHomes)
        return;
    m_expandedHomes = homes;
    if (m_aggregated)
        rebuild();
}

void TopologyScene::setHomeExpanded(const QString &home, bool expanded)
{
    QSet<QString> homes = m_expandedHomes;
    if (expanded)
        homes.insert(home);
    else
        homes.remove(home);
    setExpandedHomes(homes);
}

QRectF TopologyScene::homeRect(const QString &home) const
{
    for (const TopologyBox &box : m_layout.namespaceBoxes()) {
        if (box.key == home)
            return box.rect;
    }
    return {};
}

QString TopologyScene::reveal(const QString &id)
{
    const TopologyNode *node = m_graph->node(id);
    if (!node)
        return id;
    if (m_aggregated && !m_expandedHomes.contains(node->home) && isHomeShown(node->home))
        setHomeExpanded(node->home, true);
    return TopologyLayout::representative(*m_graph, id);
}

bool TopologyScene::updateAggregates(const TopologyDelta &delta)
{
    for (const QString &home : delta.homes) {
        const bool exists = m_graph->homeSummaries().contains(home);
        if (TopologyAggregateItem *item = m_aggregates.value(home)) {
            if (!exists)
                return false;
            item->setSummary(m_graph->homeSummary(home));
        } else if (exists && !m_layout.hasNamespace(home) && isHomeShown(home)
                   && !m_expandedHomes.contains(home)) {
            return false; // a new namespace: its box needs a place
        }
    }
    return true;
}

void TopologyScene::rebuild()
{
    computeUnhealthyContext();
    decideAggregation();
    if (m_aggregated) {
        QHash<QString, QSizeF> aggregates;
        QSet<QString> expanded;
        const auto &summaries = m_graph->homeSummaries();
        for (auto it = summaries.cbegin(); it != summaries.cend(); ++it) {
            if (!isHomeShown(it.key()))
                continue;
            if (m_expandedHomes.contains(it.key()))
                expanded.insert(it.key());
            else
                aggregates.insert(it.key(), s_aggregateSize);
        }
        m_layout.layoutAll(
            *m_graph, [this](const TopologyNode &node) { return isVisible(node); }, aggregates,
            expanded);
    } else {
        m_layout.layoutAll(*m_graph, [this](const TopologyNode &node) { return isVisible(node); });
    }
    if (m_display.anonymise)
        computeAnonymousNames();

    for (auto it = m_items.begin(); it != m_items.end();) {
        if (!m_layout.contains(it.key())) {
            m_flashing.remove(it.value());
            delete it.value();
            it = m_items.erase(it);
        } else {
            ++it;
        }
    }
    // Scene rect first: the index never sees the scene grow while 16k items arrive.
    updateSceneRect();
    m_items.reserve(m_layout.nodeRects().size());
    for (auto it = m_layout.nodeRects().cbegin(); it != m_layout.nodeRects().cend(); ++it)
        syncItem(it.key(), m_graph->node(it.key()), it.value(), false, false);
    rebuildFrames();
    rebuildEdges();
    invalidateOverviews(); // every namespace, so no per-item invalidation above
    if (!m_focusId.isEmpty())
        setFocusNode(m_focusId);
    applyReveal();
    emit relaidOut();
}

void TopologyScene::applyPendingChanges()
{
    applyDelta(m_graph->takeDelta());
}

void TopologyScene::applyDelta(const TopologyDelta &delta)
{
    if (delta.isEmpty())
        return;
    if (m_aggregated && !updateAggregates(delta)) {
        rebuild(); // a namespace came or went: the boxes are packed again
        return;
    }
    if (m_filter.unhealthyOnly) {
        // Which nodes are context depends on the whole graph: recompute, then place.
        computeUnhealthyContext();
    }
    const int namespacesBefore = int(m_layout.namespaceBoxes().size());
    const bool fits = m_layout.update(*m_graph, delta,
                                      [this](const TopologyNode &node) { return isVisible(node); });
    if (!fits) {
        rebuild(); // the structure changed more than the slack allows
        return;
    }
    // Before the frames are rebuilt below: a new namespace gets its anonymous title.
    if (m_display.anonymise && !delta.added.isEmpty())
        computeAnonymousNames();
    for (const QString &id : delta.removed)
        removeItem(id);
    auto sync = [this](const QString &id, bool flash) {
        if (m_layout.contains(id))
            syncItem(id, flash);
        else
            removeItem(id);
    };
    for (const QString &id : delta.changed)
        sync(id, true);
    for (const QString &id : delta.added)
        sync(id, true);
    if (int(m_layout.namespaceBoxes().size()) != namespacesBefore) {
        rebuildFrames();
        rebuildEdges();
        updateSceneRect();
    } else if (!delta.added.isEmpty() || !delta.removed.isEmpty()) {
        rebuildEdges();
    } else {
        for (const QString &producer : delta.edgeProducers)
            updateProducerEdges(producer);
        // A changed node may have become (in)visible: its neighbours' edges follow.
        for (const QString &id : delta.changed) {
            if (!delta.edgeProducers.contains(id)
                && m_producerLayer.contains(id) != m_layout.contains(id))
                updateProducerEdges(id);
        }
    }
    if (!m_focusId.isEmpty())
        applyDim();
    applyReveal();
    emit updated();
}

void TopologyScene::syncItem(const QString &id, bool flash)
{
    syncItem(id, m_graph->node(id), m_layout.nodeRect(id), flash, true);
}

void TopologyScene::syncItem(const QString &id, const TopologyNode *node, const QRectF &rect,
                             bool flash, bool invalidate)
{
    if (!node)
        return;
    TopologyNodeItem *item = m_items.value(id);
    if (invalidate)
        invalidateOverview(node->home);
    if (!item) {
        item = new TopologyNodeItem(*node, rect.size(), &m_display);
        item->setPos(rect.topLeft());
        item->setParentItem(nodeLayerFor(node->home));
        m_items.insert(id, item);
        if (flash)
            startFlash(item);
        return;
    }
    if (item->node().home != node->home) {
        invalidateOverview(item->node().home);
        item->setParentItem(nodeLayerFor(node->home));
    }
    if (item->pos() != rect.topLeft())
        item->setPos(rect.topLeft());
    item->setSize(rect.size());
    if (item->setNode(*node) && flash)
        startFlash(item);
}

QGraphicsItem *TopologyScene::nodeLayerFor(const QString &home)
{
    QGraphicsItem *&layer = m_nodeLayers[home];
    if (!layer) {
        layer = new NodeLayer;
        layer->setOpacity(m_overview ? 0 : 1);
        addItem(layer);
        auto *overview = new TopologyOverviewItem(layer, QRectF());
        overview->setVisible(m_overview);
        addItem(overview);
        m_overviews.insert(home, overview);
        for (const TopologyBox &box : m_layout.namespaceBoxes()) {
            if (box.key == home)
                overview->setRect(box.rect);
        }
    }
    return layer;
}

void TopologyScene::invalidateOverview(const QString &home)
{
    if (TopologyOverviewItem *overview = m_overviews.value(home))
        overview->invalidate();
}

void TopologyScene::invalidateOverviews()
{
    for (TopologyOverviewItem *overview : std::as_const(m_overviews))
        overview->invalidate();
}

void TopologyScene::setOverview(bool overview)
{
    if (overview == m_overview)
        return;
    m_overview = overview;
    // Opacity 0 on the layer: QGraphicsScene skips the subtree without visiting its items.
    for (QGraphicsItem *layer : std::as_const(m_nodeLayers))
        layer->setOpacity(overview ? 0 : 1);
    for (TopologyOverviewItem *item : std::as_const(m_overviews))
        item->setVisible(overview);
}

void TopologyScene::removeItem(const QString &id)
{
    TopologyNodeItem *item = m_items.take(id);
    if (!item)
        return;
    invalidateOverview(item->node().home);
    m_flashing.remove(item);
    delete item;
}

void TopologyScene::rebuildFrames()
{
    qDeleteAll(m_frames);
    m_frames.clear();
    qDeleteAll(m_aggregates);
    m_aggregates.clear();
    QMap<QString, QList<QPair<QString, QRectF>>> groups;
    for (const TopologyBox &box : m_layout.groupBoxes())
        groups[box.ns].append({m_display.displayTitle(box.key, box.title), box.rect});
    QHash<QString, TopologyEdgeLayer *> layers;
    for (const TopologyBox &box : m_layout.namespaceBoxes()) {
        if (box.aggregate) {
            auto *aggregate = new TopologyAggregateItem(box.key, box.title, box.rect, &m_display);
            aggregate->setSummary(m_graph->homeSummary(box.key));
            addItem(aggregate);
            m_aggregates.insert(box.key, aggregate);
            continue;
        }
        auto *frame = new TopologyBoxItem(m_display.displayTitle(box.key, box.title), box.rect,
                                          groups.value(box.ns), &m_display);
        addItem(frame);
        m_frames.append(frame);
        TopologyEdgeLayer *layer = m_layers.take(box.key);
        if (!layer) {
            layer = new TopologyEdgeLayer(box.rect, &m_display);
            addItem(layer);
        }
        layer->setRect(box.rect.adjusted(-4, -4, 4, 4));
        layers.insert(box.key, layer);
        nodeLayerFor(box.key);
        m_overviews.value(box.key)->setRect(box.rect);
    }
    qDeleteAll(m_layers);
    m_layers = layers;
}

TopologyEdgeLayer *TopologyScene::layerFor(const QString &home) const
{
    return m_layers.value(home);
}

void TopologyScene::rebuildEdges()
{
    // clearEdges() repaints each layer whole: no need for 16k partial updates after it.
    for (TopologyEdgeLayer *layer : std::as_const(m_layers))
        layer->clearEdges();
    m_producerLayer.clear();
    if (m_aggregated) {
        // The expanded namespaces' producers only: the others have no items to connect.
        for (const QString &home : std::as_const(m_expandedHomes)) {
            for (const QString &id : m_graph->idsIn(home))
                drawProducerEdges(id, m_graph->node(id), false);
        }
        return;
    }
    m_producerLayer.reserve(m_graph->nodeCount());
    for (auto it = m_graph->nodes().cbegin(); it != m_graph->nodes().cend(); ++it)
        drawProducerEdges(it.key(), &it.value(), false);
}

void TopologyScene::updateProducerEdges(const QString &producer, bool repaint)
{
    const QString previousHome = m_producerLayer.take(producer);
    if (TopologyEdgeLayer *old = layerFor(previousHome))
        old->setEdges(producer, {}, repaint);
    drawProducerEdges(producer, m_graph->node(producer), repaint);
}

void TopologyScene::drawProducerEdges(const QString &producer, const TopologyNode *node,
                                      bool repaint)
{
    if (!node)
        return;
    QList<TopologyEdgeLayer::Edge> drawn;
    for (const TopologyEdge &edge : m_graph->edgesOf(producer)) {
        // Representative ids and their nodes, each looked up once.
        const TopologyNode *a = m_graph->node(edge.from);
        const TopologyNode *b = m_graph->node(edge.to);
        const QString &from = a && !a->collapsedInto.isEmpty() ? a->collapsedInto : edge.from;
        const QString &to = b && !b->collapsedInto.isEmpty() ? b->collapsedInto : edge.to;
        if (from == to)
            continue;
        auto fromRect = m_layout.nodeRects().constFind(from);
        auto toRect = m_layout.nodeRects().constFind(to);
        if (fromRect == m_layout.nodeRects().cend() || toRect == m_layout.nodeRects().cend())
            continue;
        // Collapsed pods map many edges onto one: draw it once. A producer has a handful of
        // edges, so a linear scan beats building keys for a set (measured on rebuild).
        if (std::any_of(drawn.cbegin(), drawn.cend(), [&](const TopologyEdgeLayer::Edge &e) {
                return e.from == from && e.to == to;
            }))
            continue;
        TopologyEdgeLayer::Edge e = TopologyEdgeLayer::makeEdge(*fromRect, *toRect);
        e.from = from;
        e.to = to;
        e.type = edge.type;
        e.active = edge.active;
        e.label = edge.label;
        if (a && !a->collapsedInto.isEmpty())
            a = m_graph->node(from);
        if (b && !b->collapsedInto.isEmpty())
            b = m_graph->node(to);
        e.fromRank = quint8(a ? topologyRank(a->kind) : 0);
        e.toRank = quint8(b ? topologyRank(b->kind) : 0);
        drawn.append(e);
    }
    if (drawn.isEmpty())
        return;
    // Pod groups stand for many producers; their edges belong to the group's own box.
    TopologyEdgeLayer *layer = layerFor(node->home);
    if (!layer)
        return;
    layer->setEdges(producer, std::move(drawn), repaint);
    m_producerLayer.insert(producer, node->home);
}

int TopologyScene::edgeCount() const
{
    int count = 0;
    for (const TopologyEdgeLayer *layer : m_layers)
        count += layer->edgeCount();
    return count;
}

void TopologyScene::updateSceneRect()
{
    setSceneRect(m_layout.bounds().adjusted(-s_margin, -s_margin, s_margin, s_margin));
}

void TopologyScene::startFlash(TopologyNodeItem *item)
{
    if (!m_animate)
        return;
    m_flashing.insert(item, m_clock.elapsed());
    item->setFlash(1.0);
    if (!m_flashTimer.isActive())
        m_flashTimer.start();
}

void TopologyScene::tickFlash()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_flashing.begin(); it != m_flashing.end();) {
        const qreal t = qreal(now - it.value()) / s_flashMs;
        if (t >= 1) {
            it.key()->setFlash(0);
            it = m_flashing.erase(it);
        } else {
            it.key()->setFlash(1 - t);
            ++it;
        }
    }
    if (m_flashing.isEmpty())
        m_flashTimer.stop();
}

void TopologyScene::setFilter(const TopologyFilter &filter)
{
    m_filter = filter;
    rebuild();
}

void TopologyScene::setPresenter(bool presenter, qreal fontScale)
{
    m_display.presenter = presenter;
    m_display.fontScale = presenter ? fontScale : 1.0;
    // Larger fonts need larger boxes: scale the geometry with them.
    TopologyLayout::Options options;
    const qreal k = m_display.fontScale;
    options.nodeWidth *= k;
    options.nodeHeight *= k;
    options.podHeight *= k;
    options.columnWidth
        = options.nodeWidth
          + (TopologyLayout::Options().columnWidth - TopologyLayout::Options().nodeWidth) * k;
    options.routeLabelGap *= k;
    options.groupHeader *= k;
    options.namespaceHeader *= k;
    if (presenter) {
        // A presentation shows the architecture, compactly: no bands kept empty for later
        // pods (an update that does not fit relayouts, which a presentation can afford).
        options.slack = 0.05;
        options.scaleRoom = false;
        // Fitted to a projector, every column is narrow on screen: wider cards keep the names
        // whole beside their kind badge.
        const TopologyLayout::Options normal;
        options.nodeWidth *= 1.45;
        options.columnWidth = options.nodeWidth + (normal.columnWidth - normal.nodeWidth) * k * 0.6;
        // Namespaces one below the other: the fit is as wide as the widest one (every column
        // of the application) instead of two shelves side by side.
        options.aspect = 0.5;
        // Room for the namespace title, which keeps its size on screen at any zoom.
        options.namespaceHeader *= 1.8;
    }
    m_layout = TopologyLayout(options);
    rebuild();
    update();
}

void TopologyScene::setAnonymise(bool anonymise)
{
    m_display.anonymise = anonymise;
    if (anonymise)
        computeAnonymousNames();
    rebuildFrames(); // their titles
    invalidateOverviews();
    update();
}

void TopologyScene::computeAnonymousNames()
{
    // Stable per session: sorted ids, numbered per kind ("deployment-3").
    QStringList ids = m_graph->nodes().keys();
    std::sort(ids.begin(), ids.end());
    QHash<int, int> counters;
    m_display.anonymousNames.clear();
    for (const QString &id : std::as_const(ids)) {
        const TopologyNode *node = m_graph->node(id);
        const int n = ++counters[int(node->kind)];
        m_display.anonymousNames.insert(id, topologyKindBadge(node->kind).toLower()
                                                + QLatin1Char('-') + QString::number(n));
    }
    // Frames: namespaces and groups by sorted key, so the numbers do not follow the layout.
    m_display.anonymousTitles.clear();
    for (const auto &[boxes, prefix] :
         {std::pair{&m_layout.namespaceBoxes(), QStringLiteral("namespace-")},
          std::pair{&m_layout.groupBoxes(), QStringLiteral("group-")}}) {
        QStringList keys;
        for (const TopologyBox &box : *boxes)
            keys.append(box.key);
        std::sort(keys.begin(), keys.end());
        for (int i = 0; i < keys.size(); ++i)
            m_display.anonymousTitles.insert(keys.at(i), prefix + QString::number(i + 1));
    }
}

void TopologyScene::setRevealRank(int rank)
{
    m_display.revealRank = rank;
    applyReveal();
    update();
}

QList<int> TopologyScene::usedRanks() const
{
    QSet<int> ranks;
    for (const TopologyNodeItem *item : m_items)
        ranks.insert(topologyRank(item->node().kind));
    QList<int> out(ranks.cbegin(), ranks.cend());
    std::sort(out.begin(), out.end());
    return out;
}

void TopologyScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    for (QGraphicsItem *item : items(event->scenePos())) {
        if (item->type() == TopologyAggregateItem::Type) {
            const auto *aggregate = static_cast<TopologyAggregateItem *>(item);
            QToolTip::showText(
                event->screenPos(),
                QStringLiteral("<b>%1</b><br/>%2<br/>%3<br/><i>%4</i>")
                    .arg(m_display.displayTitle(aggregate->home(), aggregate->title())
                             .toHtmlEscaped(),
                         aggregate->countsText().toHtmlEscaped(),
                         aggregate->healthText().toHtmlEscaped(),
                         tr("Double-click or zoom in to show its objects")));
            event->accept();
            return;
        }
        if (item->type() == TopologyNodeItem::Type) {
            const TopologyNode &node = static_cast<TopologyNodeItem *>(item)->node();
            QToolTip::showText(event->screenPos(),
                               m_display.anonymise ? TopologyNodeItem::anonymousToolTipFor(
                                   node, m_display.displayName(node))
                                                   : TopologyNodeItem::toolTipFor(node, m_display));
            event->accept();
            return;
        }
    }
    QToolTip::hideText();
    event->ignore();
}

void TopologyScene::setHeat(bool on, const QHash<QString, float> &heat)
{
    // The items whose colour changes; past a few hundred, one scene-wide repaint is cheaper
    // than that many item updates (a metrics refresh of a large cluster changes most pods).
    constexpr int s_itemwise = 256;
    QList<TopologyNodeItem *> changed;
    bool all = false;
    auto repaint = [&](const QString &id) {
        if (all)
            return;
        if (TopologyNodeItem *i = m_items.value(id)) {
            changed << i;
            all = changed.size() > s_itemwise;
        }
    };
    const QHash<QString, float> &shown = m_display.heat;
    if (on != m_display.heatOn) {
        for (auto it = shown.cbegin(); it != shown.cend(); ++it)
            repaint(it.key());
        for (auto it = heat.cbegin(); it != heat.cend(); ++it)
            repaint(it.key());
    } else {
        for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
            if (!heat.contains(it.key()))
                repaint(it.key());
        }
        // A colour step is 1 %: smaller changes are not worth a repaint.
        for (auto it = heat.cbegin(); it != heat.cend(); ++it) {
            const auto old = shown.constFind(it.key());
            if (old == shown.cend() || qAbs(*old - *it) >= 0.01f)
                repaint(it.key());
        }
    }
    m_display.heatOn = on;
    m_display.heat = heat;
    if (all) {
        update();
    } else {
        for (TopologyNodeItem *i : std::as_const(changed))
            i->update();
    }
    if (all || !changed.isEmpty())
        invalidateOverviews();
}

void TopologyScene::setAlertBadges(const QHash<QString, TopologyDisplay::AlertBadge> &alerts)
{
    for (auto it = m_display.alerts.cbegin(); it != m_display.alerts.cend(); ++it) {
        if (alerts.value(it.key()) != *it)
            if (TopologyNodeItem *i = m_items.value(it.key()))
                i->update();
    }
    for (auto it = alerts.cbegin(); it != alerts.cend(); ++it) {
        if (!m_display.alerts.contains(it.key()))
            if (TopologyNodeItem *i = m_items.value(it.key()))
                i->update();
    }
    m_display.alerts = alerts;
}

void TopologyScene::setPipelineBadges(const QHash<QString, TopologyDisplay::PipelineBadge> &badges)
{
    for (auto it = m_display.pipeline.cbegin(); it != m_display.pipeline.cend(); ++it) {
        if (TopologyNodeItem *i = m_items.value(it.key())) {
            if (!badges.contains(it.key()))
                i->pipelineBadgeChanging();
            else if (badges.value(it.key()) != *it)
                i->update();
        }
    }
    for (auto it = badges.cbegin(); it != badges.cend(); ++it)
        if (!m_display.pipeline.contains(it.key()))
            if (TopologyNodeItem *i = m_items.value(it.key()))
                i->pipelineBadgeChanging();
    m_display.pipeline = badges;
}

void TopologyScene::applyReveal()
{
    const bool all = m_display.revealRank >= TopologyRankCount;
    // Nothing hidden and nothing to hide: skip the walk over every item (hot on updates).
    if (all && !m_revealApplied)
        return;
    m_revealApplied = !all;
    for (TopologyNodeItem *item : std::as_const(m_items)) {
        const bool show = all || topologyRank(item->node().kind) <= m_display.revealRank;
        if (item->isVisible() != show)
            item->setVisible(show);
    }
    invalidateOverviews();
}

QSet<QString> TopologyScene::neighbourhood(const QString &id) const
{
    // Upstream (who points at it, transitively) and downstream (what it points at).
    QHash<QString, QList<QString>> forward, backward;
    m_graph->forEachEdge([&](const TopologyEdge &edge) {
        const QString from = TopologyLayout::representative(*m_graph, edge.from);
        const QString to = TopologyLayout::representative(*m_graph, edge.to);
        if (from == to)
            return;
        forward[from].append(to);
        backward[to].append(from);
    });
    QSet<QString> result{id};
    for (const auto *adjacency : {&forward, &backward}) {
        QList<QString> queue{id};
        QSet<QString> seen{id};
        while (!queue.isEmpty()) {
            const QString current = queue.takeFirst();
            for (const QString &next : adjacency->value(current)) {
                if (!seen.contains(next)) {
                    seen.insert(next);
                    queue.append(next);
                }
            }
        }
        result |= seen;
    }
    return result;
}

void TopologyScene::setFocusNode(const QString &id)
{
    m_focusId = id;
    m_display.focus = id.isEmpty() ? QSet<QString>() : neighbourhood(id);
    applyDim();
    update();
}

void TopologyScene::applyDim()
{
    invalidateOverviews();
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        const qreal opacity = m_display.isDimmed(it.key()) ? 0.18 : 1.0;
        if (it.value()->opacity() != opacity)
            it.value()->setOpacity(opacity);
    }
}

QStringList TopologyScene::find(const QString &text) const
{
    QStringList out;
    if (text.trimmed().isEmpty())
        return out;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        const TopologyNode &node = it.value()->node();
        if (node.name.contains(text, Qt::CaseInsensitive)
            || m_display.displayName(node).contains(text, Qt::CaseInsensitive))
            out.append(it.key());
    }
    if (m_aggregated) {
        // And what the aggregated namespaces hold (reveal() expands the one of a match).
        for (auto it = m_aggregates.cbegin(); it != m_aggregates.cend(); ++it) {
            for (const QString &id : m_graph->idsIn(it.key())) {
                const TopologyNode *node = m_graph->node(id);
                if (node && node->collapsedInto.isEmpty() && m_filter.accepts(*node)
                    && (node->name.contains(text, Qt::CaseInsensitive)
                        || m_display.displayName(*node).contains(text, Qt::CaseInsensitive)))
                    out.append(id);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace Orrery
