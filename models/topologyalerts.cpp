// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyalerts.h"

#include "topologygraph.h"
#include "topologytypes.h"

namespace Orrery {

namespace {

void add(AlertCounts &into, const AlertCounts &more)
{
    into.critical += more.critical;
    into.warning += more.warning;
    into.info += more.info;
}

} // namespace

std::optional<QString> topologyIdOfAlertKey(const QString &key)
{
    static const QHash<QString, TopologyKind> kinds{
        {QStringLiteral("pod"), TopologyKind::Pod},
        {QStringLiteral("deployment"), TopologyKind::Deployment},
        {QStringLiteral("statefulset"), TopologyKind::StatefulSet},
        {QStringLiteral("daemonset"), TopologyKind::DaemonSet},
        {QStringLiteral("replicaset"), TopologyKind::ReplicaSet},
        {QStringLiteral("job"), TopologyKind::Job},
        {QStringLiteral("cronjob"), TopologyKind::CronJob},
        {QStringLiteral("service"), TopologyKind::Service},
        {QStringLiteral("horizontalpodautoscaler"), TopologyKind::Hpa},
        {QStringLiteral("persistentvolumeclaim"), TopologyKind::Pvc},
        {QStringLiteral("node"), TopologyKind::Node},
    };
    const QStringList parts = key.split(QLatin1Char('/'));
    if (parts.size() < 2)
        return std::nullopt;
    const auto it = kinds.constFind(parts[0]);
    if (it == kinds.constEnd())
        return std::nullopt;
    if (parts.size() == 2)
        return topologyNodeId(*it, QString(), parts[1]);
    return topologyNodeId(*it, parts[1], parts.mid(2).join(QLatin1Char('/')));
}

QHash<QString, AlertCounts> topologyAlerts(const AlertsState &state, const TopologyGraph &graph)
{
    QHash<QString, AlertCounts> out;
    for (const QString &key : state.index.keys()) {
        const std::optional<QString> id = topologyIdOfAlertKey(key);
        if (!id)
            continue;
        const AlertCounts counts = state.firingCounts(key);
        if (counts.total() == 0)
            continue;
        add(out[*id], counts);
        if (const TopologyNode *node = graph.node(*id); node && !node->collapsedInto.isEmpty())
            add(out[node->collapsedInto], counts);
    }
    return out;
}

} // namespace Orrery
