// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologydisplay.h"
#include "topologyfilter.h"
#include "topologylayout.h"

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QHash>
#include <QTimer>

namespace Orrery {

class TopologyAggregateItem;
class TopologyBoxItem;
class TopologyEdgeLayer;
class TopologyGraph;
class TopologyNodeItem;
class TopologyOverviewItem;

// The drawn topology of one TopologyGraph. Applies graph deltas incrementally: placed nodes
// never move (TopologyLayout), changed nodes are repainted with a short fading halo, only the
// edges of changed producers are recomputed. A full relayout happens on rebuild() (asked by
// the user, or a filter/option change) or when an update does not fit the current layout.
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit TopologyScene(TopologyGraph *graph, QObject *parent = nullptr);
    ~TopologyScene() override;

    TopologyGraph *graph() const { return m_graph; }
    const TopologyLayout &layout() const { return m_layout; }
    const TopologyDisplay &display() const { return m_display; }

    void rebuild();
    // Takes the graph's pending delta and applies it.
    void applyPendingChanges();
    void applyDelta(const TopologyDelta &delta);

    void setFilter(const TopologyFilter &filter);
    const TopologyFilter &filter() const { return m_filter; }

    void setPresenter(bool presenter, qreal fontScale = 1.4);
    void setAnonymise(bool anonymise);
    void setRevealRank(int rank); // presenter steps: show ranks 0..rank
    int revealRank() const { return m_display.revealRank; }
    // Ranks that hold at least one visible node, ascending (presenter steps over them).
    QList<int> usedRanks() const;

    // Dims everything but the node's upstream and downstream chain; empty id clears.
    void setFocusNode(const QString &id);
    QString focusNode() const { return m_focusId; }
    QSet<QString> neighbourhood(const QString &id) const;

    TopologyNodeItem *item(const QString &id) const { return m_items.value(id); }
    int itemCount() const { return int(m_items.size()); }
    int edgeCount() const;
    QStringList find(const QString &text) const; // ids of drawn nodes whose name matches

    // Far-away drawing for a view zoomed out below overviewZoom(): each namespace's nodes are
    // painted as one cached batch of coloured rectangles instead of one item each.
    void setOverview(bool overview);
    bool isOverview() const { return m_overview; }
    static constexpr qreal overviewZoom() { return 0.3; }

    void setAnimationsEnabled(bool enabled) { m_animate = enabled; }

    // Level of detail for large clusters. When the namespaces the filter shows hold more than
    // aggregateThreshold() nodes together (and there is more than one namespace), rebuild()
    // draws every namespace as one TopologyAggregateItem (counts and pods by health), except
    // the expanded ones, whose nodes are laid out and drawn as usual. Layout, items and edges
    // then cost the expanded namespaces only; the aggregates follow each delta through the
    // graph's per-namespace summaries. Below the threshold nothing is aggregated (0: never).
    static constexpr int defaultAggregateThreshold() { return 20000; }
    void setAggregateThreshold(int nodes) { m_aggregateThreshold = nodes; }
    int aggregateThreshold() const { return m_aggregateThreshold; }
    bool isAggregated() const { return m_aggregated; }
    const QSet<QString> &expandedHomes() const { return m_expandedHomes; }
    // Replaces the expanded namespaces and rebuilds when aggregated.
    void setExpandedHomes(const QSet<QString> &homes);
    void setHomeExpanded(const QString &home, bool expanded);
    TopologyAggregateItem *aggregateItem(const QString &home) const
    {
        return m_aggregates.value(home);
    }
    int aggregateCount() const { return int(m_aggregates.size()); }
    QRectF homeRect(const QString &home) const; // the namespace's box, empty when not drawn
    // The id drawn for node `id` (its pod group when collapsed), expanding its namespace
    // first when it is aggregated: search and "show in topology" land on an item.
    QString reveal(const QString &id);

    // The overlays (TopologyDisplay): repaints only the items whose value changed, so a
    // metrics refresh or an alert poll costs one pass over the changed ids, not a relayout.
    void setHeat(bool on, const QHash<QString, float> &heat);
    void setAlertBadges(const QHash<QString, TopologyDisplay::AlertBadge> &alerts);
    void setPipelineBadges(const QHash<QString, TopologyDisplay::PipelineBadge> &badges);

signals:
    void relaidOut();
    void updated();

protected:
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    bool isVisible(const TopologyNode &node) const;
    bool isHomeShown(const QString &home) const; // by the namespace and system filters
    void decideAggregation();
    bool updateAggregates(const TopologyDelta &delta); // false: a namespace came or went
    void computeUnhealthyContext();
    void syncItem(const QString &id, bool flash);
    void syncItem(const QString &id, const TopologyNode *node, const QRectF &rect, bool flash,
                  bool invalidate);
    void removeItem(const QString &id);
    void rebuildFrames();
    void rebuildEdges();
    void updateProducerEdges(const QString &producer, bool repaint = true);
    void drawProducerEdges(const QString &producer, const TopologyNode *node, bool repaint);
    TopologyEdgeLayer *layerFor(const QString &home) const;
    QGraphicsItem *nodeLayerFor(const QString &home);
    void invalidateOverview(const QString &home);
    void invalidateOverviews();
    void startFlash(TopologyNodeItem *item);
    void tickFlash();
    void applyDim();
    void applyReveal();
    void computeAnonymousNames();
    void updateSceneRect();

    TopologyGraph *m_graph;
    TopologyLayout m_layout;
    TopologyFilter m_filter;
    TopologyDisplay m_display;
    QSet<QString> m_unhealthyContext;
    QHash<QString, TopologyNodeItem *> m_items;
    QHash<QString, TopologyEdgeLayer *> m_layers; // namespace (home) → its edges
    QHash<QString, QString> m_producerLayer;      // producer → home it was drawn in
    // Node items are children of one layer per namespace (home), so that the overview can
    // drop a whole namespace's items from painting at once (TopologyOverviewItem).
    QHash<QString, QGraphicsItem *> m_nodeLayers;
    QHash<QString, TopologyOverviewItem *> m_overviews;
    bool m_overview = false;
    QList<TopologyBoxItem *> m_frames;
    QHash<QString, TopologyAggregateItem *> m_aggregates; // aggregated namespace → its box
    QSet<QString> m_expandedHomes;
    int m_aggregateThreshold = defaultAggregateThreshold();
    bool m_aggregated = false;
    QString m_focusId;
    QHash<TopologyNodeItem *, qint64> m_flashing; // item → flash start (ms)
    QElapsedTimer m_clock;
    QTimer m_flashTimer;
    bool m_animate = true;
    bool m_revealApplied = false; // some items hidden by the presenter reveal
};

// Sets a scene's overview mode for one scope and restores it: exports render the details
// whatever the view's zoom, the minimap renders the overview.
class TopologyOverviewScope
{
public:
    TopologyOverviewScope(TopologyScene *scene, bool overview)
        : m_scene(scene)
        , m_was(scene && scene->isOverview())
    {
        if (m_scene)
            m_scene->setOverview(overview);
    }
    ~TopologyOverviewScope()
    {
        if (m_scene)
            m_scene->setOverview(m_was);
    }
    TopologyOverviewScope(const TopologyOverviewScope &) = delete;
    TopologyOverviewScope &operator=(const TopologyOverviewScope &) = delete;

private:
    TopologyScene *m_scene;
    bool m_was;
};

} // namespace Orrery
