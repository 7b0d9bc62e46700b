// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologygraph.h"

namespace Orrery {

const TopologyNode *TopologyGraph::node(const QString &id) const
{
    auto it = m_nodes.constFind(id);
    return it == m_nodes.cend() ? nullptr : &it.value();
}

void TopologyGraph::count(const TopologyNode &node, int sign)
{
    TopologyHomeSummary &summary = m_homes[node.home];
    summary.nodes += sign;
    summary.health[size_t(node.health)] += sign;
    switch (node.kind) {
    case TopologyKind::Pod:
        summary.pods += sign;
        summary.podHealth[size_t(node.health)] += sign;
        break;
    case TopologyKind::PodGroup: summary.podGroups += sign; break;
    case TopologyKind::Deployment:
    case TopologyKind::StatefulSet:
    case TopologyKind::DaemonSet:
    case TopologyKind::CronJob: summary.workloads += sign; break;
    case TopologyKind::Service: summary.services += sign; break;
    default: break;
    }
    if (sign > 0)
        summary.system = node.system;
    m_delta.homes.insert(node.home);
    if (summary.nodes <= 0)
        m_homes.remove(node.home);
}

const QSet<QString> &TopologyGraph::idsIn(const QString &home) const
{
    static const QSet<QString> s_none;
    const auto it = m_homeIds.constFind(home);
    return it == m_homeIds.cend() ? s_none : it.value();
}

void TopologyGraph::setNode(const TopologyNode &node)
{
    auto it = m_nodes.find(node.id);
    if (it == m_nodes.end()) {
        m_nodes.insert(node.id, node);
        count(node, 1);
        m_homeIds[node.home].insert(node.id);
        if (!m_delta.removed.remove(node.id))
            m_delta.added.insert(node.id);
        else
            m_delta.changed.insert(node.id);
        m_delta.edgesChanged = true; // edges to it may become drawable
        return;
    }
    if (it.value() == node)
        return;
    TopologyNode &old = it.value();
    if (old.home != node.home) {
        if (auto ids = m_homeIds.find(old.home); ids != m_homeIds.end()) {
            ids->remove(node.id);
            if (ids->isEmpty())
                m_homeIds.erase(ids);
        }
        m_homeIds[node.home].insert(node.id);
    }
    if (old.home != node.home || old.health != node.health || old.kind != node.kind
        || old.system != node.system) {
        count(old, -1);
        count(node, 1);
    }
    old = node;
    if (!m_delta.added.contains(node.id))
        m_delta.changed.insert(node.id);
}

void TopologyGraph::removeNode(const QString &id)
{
    const auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return;
    count(it.value(), -1);
    if (auto ids = m_homeIds.find(it->home); ids != m_homeIds.end()) {
        ids->remove(id);
        if (ids->isEmpty())
            m_homeIds.erase(ids);
    }
    m_nodes.erase(it);
    if (m_edges.remove(id))
        m_delta.edgeProducers.insert(id);
    m_delta.edgesChanged = true; // edges to it stop being drawable too
    m_delta.changed.remove(id);
    if (!m_delta.added.remove(id))
        m_delta.removed.insert(id);
}

void TopologyGraph::setEdges(const QString &producer, QList<TopologyEdge> edges)
{
    auto it = m_edges.find(producer);
    if (it == m_edges.end()) {
        if (edges.isEmpty())
            return;
        m_edges.insert(producer, std::move(edges));
    } else {
        if (it.value() == edges)
            return;
        if (edges.isEmpty())
            m_edges.erase(it);
        else
            it.value() = std::move(edges);
    }
    m_delta.edgeProducers.insert(producer);
    m_delta.edgesChanged = true;
}

const QList<TopologyEdge> &TopologyGraph::edgesOf(const QString &producer) const
{
    static const QList<TopologyEdge> s_none;
    auto it = m_edges.constFind(producer);
    return it == m_edges.cend() ? s_none : it.value();
}

QList<TopologyEdge> TopologyGraph::edges() const
{
    QList<TopologyEdge> out;
    forEachEdge([&out](const TopologyEdge &edge) { out.append(edge); });
    return out;
}

int TopologyGraph::edgeCount() const
{
    int count = 0;
    forEachEdge([&count](const TopologyEdge &) { ++count; });
    return count;
}

void TopologyGraph::clear()
{
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (!m_delta.added.remove(it.key()))
            m_delta.removed.insert(it.key());
    }
    m_delta.changed.clear();
    m_delta.edgesChanged = true;
    for (auto it = m_homes.cbegin(); it != m_homes.cend(); ++it)
        m_delta.homes.insert(it.key());
    m_nodes.clear();
    m_edges.clear();
    m_homes.clear();
    m_homeIds.clear();
}

TopologyDelta TopologyGraph::takeDelta()
{
    TopologyDelta delta = std::move(m_delta);
    m_delta = {};
    return delta;
}

} // namespace Orrery
