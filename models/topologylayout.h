// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologydelta.h"
#include "topologytypes.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QRectF>
#include <QSet>
#include <QString>

#include <functional>

namespace Orrery {

class TopologyGraph;
struct TopologyNode;

// A framed area of the diagram: a namespace, or an application group inside one.
struct TopologyBox
{
    QString key; // namespace: its name ("" for cluster-scoped); group: "ns\ngroup"
    QString ns;
    QString title;
    QRectF rect;
    bool aggregate = false; // a namespace drawn as one summary box, its nodes not placed
};

// Layered left-to-right layout (entry → ingress → service → workload → replica set → pods →
// storage), grouped by namespace and application.
//
// Stability is the point: layoutAll() orders each column by its neighbours (barycentre) and
// leaves slack in every group; update() never moves a placed node. Removed nodes leave a
// free slot, new nodes take the free slot (or the slack) closest to their neighbours, a new
// namespace goes below the shortest column of namespaces. When a node does not fit, update()
// returns false and the caller decides to relayout: the structure changed a lot.
class TopologyLayout
{
public:
    using Visible = std::function<bool(const TopologyNode &)>;

    struct Options
    {
        qreal columnWidth = 262;
        qreal routeLabelGap = 110; // after the ingress column: room for host/path labels
        qreal emptyColumnWidth = 28;
        qreal nodeWidth = 206;
        qreal nodeHeight = 50;
        qreal podHeight = 30;
        qreal rowGap = 10;
        qreal groupPadding = 12;
        qreal groupHeader = 24;
        qreal namespaceHeader = 34;
        qreal namespacePadding = 14;
        qreal namespaceGap = 48;
        qreal aspect = 1.6;    // width / height aimed at when packing namespaces
        qreal slack = 0.25;    // free room left in each group for pods that come later
        bool scaleRoom = true; // room for what HPAs may add (off: compact, e.g. presenter)
    };

    TopologyLayout();
    explicit TopologyLayout(const Options &options);

    void layoutAll(const TopologyGraph &graph, const Visible &visible);
    // The same with the namespaces (homes) of `aggregates` placed as boxes of the given size
    // instead of their nodes: only the nodes of the other homes are visited (by
    // TopologyGraph::idsIn), so laying out one namespace of a 150,000-pod cluster costs that
    // namespace. Homes in neither are left out.
    void layoutAll(const TopologyGraph &graph, const Visible &visible,
                   const QHash<QString, QSizeF> &aggregates, const QSet<QString> &expanded);
    bool update(const TopologyGraph &graph, const TopologyDelta &delta, const Visible &visible);
    void clear();

    QSizeF nodeSize(TopologyKind kind) const;
    bool contains(const QString &id) const { return m_placed.contains(id); }
    QRectF nodeRect(const QString &id) const;
    bool hasNamespace(const QString &home) const { return m_namespaceIndex.contains(home); }
    const QHash<QString, QRectF> &nodeRects() const { return m_rects; }
    const QList<TopologyBox> &namespaceBoxes() const { return m_namespaces; }
    const QList<TopologyBox> &groupBoxes() const { return m_groups; }
    QRectF bounds() const { return m_bounds; }
    const Options &options() const { return m_options; }

    // The id drawn for `id`: the PodGroup of a collapsed pod, else `id` itself.
    static QString representative(const TopologyGraph &graph, const QString &id);
    // The same by node: the PodGroup node of a collapsed pod (nullptr when that group is not
    // in the graph), else `node` itself.
    static const TopologyNode *representative(const TopologyGraph &graph, const TopologyNode *node);

private:
    struct Slot
    {
        qreal y = 0;
        qreal height = 0;
        QString id; // empty: free
    };
    struct Group
    {
        int boxIndex = -1;
        QRectF rect;
        qreal columnX[TopologyRankCount] = {};
        QList<Slot> columns[TopologyRankCount];
    };
    struct Placement
    {
        QString group;
        int rank = 0;
        int slot = 0;
    };
    struct NamespaceLayout;
    // Drawn neighbours of each node, keyed by the graph's node (pointers into the graph, which
    // does not change during a layout): no string hashing or comparison per edge.
    using Neighbours = QHash<const TopologyNode *, QList<const TopologyNode *>>;

    NamespaceLayout layoutNamespace(const QString &ns, const QList<const TopologyNode *> &nodes,
                                    const Neighbours &neighbours);
    void adoptNamespace(NamespaceLayout &&layout, QPointF origin);
    void pack(QList<NamespaceLayout> &layouts);
    bool place(const TopologyNode &node, const Neighbours &neighbours);
    void freeSlot(const QString &id);
    static QString groupKey(const TopologyNode &node);

    Options m_options;
    QHash<QString, Group> m_groupState;
    QHash<QString, Placement> m_placed;
    QHash<QString, QRectF> m_rects;
    QHash<QString, int> m_namespaceIndex;
    QList<TopologyBox> m_namespaces;
    QList<TopologyBox> m_groups;
    QList<qreal> m_shelfBottoms; // bottom of each column of namespaces
    QList<qreal> m_shelfX;
    QRectF m_bounds;
};

} // namespace Orrery
