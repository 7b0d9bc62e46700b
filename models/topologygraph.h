// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologydelta.h"
#include "topologyedge.h"
#include "topologynode.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Orrery {

// What one namespace box (TopologyNode::home) holds, counted as nodes come and go: what the
// scene draws for a namespace it shows as one aggregate (TopologyScene, level of detail).
struct TopologyHomeSummary
{
    int nodes = 0;
    int pods = 0;
    int podGroups = 0;
    int workloads = 0; // Deployments, StatefulSets, DaemonSets, CronJobs
    int services = 0;
    std::array<int, TopologyHealthCount> podHealth{}; // pods by health
    std::array<int, TopologyHealthCount> health{};    // every node by health
    bool system = false;

    int failedPods() const { return podHealth[size_t(TopologyHealth::Failed)]; }
    bool operator==(const TopologyHomeSummary &) const = default;
};

// The nodes and edges of one cluster's topology, independent of drawing.
//
// Edges are stored per "producer": the node whose object states the relation (a Pod for its
// owner, Service, volume and config edges; an Ingress for its routes; an HPA for its target).
// Updating one object therefore replaces exactly the edges it produces, which keeps an
// incremental update proportional to the change.
//
// Invariants: every key of nodes() equals the node's id; producer keys of edge lists are
// node ids (removing a node drops the edges it produces). The delta accumulates every change
// until takeDelta().
class TopologyGraph
{
public:
    const QHash<QString, TopologyNode> &nodes() const { return m_nodes; }
    const TopologyNode *node(const QString &id) const;
    bool contains(const QString &id) const { return m_nodes.contains(id); }
    int nodeCount() const { return int(m_nodes.size()); }

    // Inserts or replaces; records "added" or "changed" only when the value differs.
    void setNode(const TopologyNode &node);
    void removeNode(const QString &id);

    // Replaces the edges produced by `producer`.
    void setEdges(const QString &producer, QList<TopologyEdge> edges);
    const QList<TopologyEdge> &edgesOf(const QString &producer) const;

    // Every edge whose endpoints both exist, in no particular order.
    QList<TopologyEdge> edges() const;
    template <typename F> void forEachEdge(F &&fn) const
    {
        for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
            for (const TopologyEdge &edge : it.value()) {
                if (m_nodes.contains(edge.from) && m_nodes.contains(edge.to))
                    fn(edge);
            }
        }
    }
    // The same with both endpoints' nodes, found once per edge.
    template <typename F> void forEachEdgeNode(F &&fn) const
    {
        for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
            for (const TopologyEdge &edge : it.value()) {
                const auto from = m_nodes.constFind(edge.from);
                if (from == m_nodes.cend())
                    continue;
                const auto to = m_nodes.constFind(edge.to);
                if (to != m_nodes.cend())
                    fn(edge, &from.value(), &to.value());
            }
        }
    }
    int edgeCount() const;

    // Per namespace box: the summary and the ids of the nodes drawn in it.
    const QHash<QString, TopologyHomeSummary> &homeSummaries() const { return m_homes; }
    TopologyHomeSummary homeSummary(const QString &home) const { return m_homes.value(home); }
    const QSet<QString> &idsIn(const QString &home) const;

    void clear();
    TopologyDelta takeDelta();

private:
    void count(const TopologyNode &node, int sign);

    QHash<QString, TopologyNode> m_nodes;
    QHash<QString, TopologyHomeSummary> m_homes;
    QHash<QString, QSet<QString>> m_homeIds;
    QHash<QString, QList<TopologyEdge>> m_edges;
    TopologyDelta m_delta;
};

} // namespace Orrery
