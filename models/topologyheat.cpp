// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyheat.h"

#include "metricscolumns.h"
#include "topologytypes.h"

#include <kube/resourcestore.h>

namespace Orrery {

QHash<QString, float> topologyHeat(const ResourceStore &store,
                                   const std::shared_ptr<const MetricsSnapshot> &metrics, bool cpu)
{
    QHash<QString, float> heat;
    if (!metrics)
        return heat;
    auto put = [&](Kind kind, TopologyKind topologyKind, const KubeObject &object,
                   const WorkloadUsage *workloads) {
        const std::optional<double> f
            = MetricsColumns::fraction(kind, cpu, object, metrics.get(), workloads);
        if (!f)
            return;
        heat.insert(topologyNodeId(topologyKind, object.namespaceName, object.name), float(*f));
        if (workloads)
            heat.insert(topologyNodeId(TopologyKind::PodGroup, object.namespaceName, object.name),
                        float(*f));
    };
    const QHash<QString, KubeObjectPtr> &pods = store.index(Kind::Pod);
    heat.reserve(pods.size() + store.count(Kind::Node));
    for (const KubeObjectPtr &pod : pods)
        put(Kind::Pod, TopologyKind::Pod, *pod, nullptr);
    for (const KubeObjectPtr &node : store.index(Kind::Node))
        put(Kind::Node, TopologyKind::Node, *node, nullptr);
    const std::shared_ptr<const WorkloadUsage> workloads = WorkloadUsage::compute(store, metrics);
    static constexpr std::pair<Kind, TopologyKind> kinds[] = {
        {Kind::ReplicaSet, TopologyKind::ReplicaSet},
        {Kind::StatefulSet, TopologyKind::StatefulSet},
        {Kind::DaemonSet, TopologyKind::DaemonSet},
        {Kind::Deployment, TopologyKind::Deployment},
    };
    for (const auto &[kind, topologyKind] : kinds) {
        for (const KubeObjectPtr &object : store.index(kind))
            put(kind, topologyKind, *object, workloads.get());
    }
    return heat;
}

} // namespace Orrery
