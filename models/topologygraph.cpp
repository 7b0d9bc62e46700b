// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologygraph.h"

namespace Orrery {

const TopologyNode *TopologyGraph::node(const QString &id) const
{
    auto it = m_nodes.constFind(id);
    return it == m_nodes.cend() ? nullptr : &it.value();
}

void TopologyGraph::setNode(const TopologyNode &node)
{
    auto it = m_nodes.find(node.id);
    if (it == m_nodes.end()) {
        m_nodes.insert(node.id, node);
        if (!m_delta.removed.remove(node.id))
            m_delta.added.insert(node.id);
        else
            m_delta.changed.insert(node.id);
        m_delta.edgesChanged = true; // edges to it may become drawable
        return;
    }
    if (it.value() == node)
        return;
    it.value() = node;
    if (!m_delta.added.contains(node.id))
        m_delta.changed.insert(node.id);
}

void TopologyGraph::removeNode(const QString &id)
{
    if (!m_nodes.remove(id))
        return;
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
    m_nodes.clear();
    m_edges.clear();
}

TopologyDelta TopologyGraph::takeDelta()
{
    TopologyDelta delta = std::move(m_delta);
    m_delta = {};
    return delta;
}

} // namespace Orrery
