// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyjson.h"

#include "topologygraph.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Orrery {

QJsonObject TopologyJson::toJson(const TopologyGraph &graph)
{
    QStringList ids = graph.nodes().keys();
    std::sort(ids.begin(), ids.end());
    QJsonArray nodes;
    for (const QString &id : std::as_const(ids)) {
        const TopologyNode &node = *graph.node(id);
        if (node.kind == TopologyKind::PodGroup)
            continue;
        QJsonObject o{
            {QStringLiteral("id"), node.id},
            {QStringLiteral("kind"), topologyKindName(node.kind)},
            {QStringLiteral("namespace"), node.ns},
            {QStringLiteral("name"), node.name},
            {QStringLiteral("status"), node.status},
            {QStringLiteral("health"), topologyHealthName(node.health)},
        };
        if (!node.group.isEmpty())
            o.insert(QStringLiteral("group"), node.group);
        if (!node.detail.isEmpty())
            o.insert(QStringLiteral("detail"), node.detail);
        if (node.desired >= 0 && node.kind != TopologyKind::Pod) {
            o.insert(QStringLiteral("ready"), node.ready);
            o.insert(QStringLiteral("desired"), node.desired);
        }
        if (node.kind == TopologyKind::Pod) {
            o.insert(QStringLiteral("ready"), node.podReady);
            o.insert(QStringLiteral("restarts"), node.restarts);
            if (!node.owner.isEmpty())
                o.insert(QStringLiteral("owner"), node.owner);
        }
        nodes.append(o);
    }
    QList<TopologyEdge> edges = graph.edges();
    std::sort(edges.begin(), edges.end(), [](const TopologyEdge &a, const TopologyEdge &b) {
        if (a.from != b.from)
            return a.from < b.from;
        if (a.to != b.to)
            return a.to < b.to;
        return a.label < b.label;
    });
    QJsonArray edgeArray;
    for (const TopologyEdge &edge : std::as_const(edges)) {
        const TopologyNode *from = graph.node(edge.from);
        const TopologyNode *to = graph.node(edge.to);
        if (from->kind == TopologyKind::PodGroup || to->kind == TopologyKind::PodGroup)
            continue;
        QJsonObject o{
            {QStringLiteral("type"), topologyEdgeTypeName(edge.type)},
            {QStringLiteral("from"), edge.from},
            {QStringLiteral("to"), edge.to},
        };
        if (!edge.label.isEmpty())
            o.insert(QStringLiteral("label"), edge.label);
        if (edge.type == TopologyEdgeType::Selects)
            o.insert(QStringLiteral("active"), edge.active);
        edgeArray.append(o);
    }
    return QJsonObject{{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edgeArray}};
}

QByteArray TopologyJson::toBytes(const TopologyGraph &graph)
{
    return QJsonDocument(toJson(graph)).toJson(QJsonDocument::Indented);
}

} // namespace Orrery
