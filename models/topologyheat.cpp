// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyheat.h"

#include "metricscolumns.h"
#include "topologytypes.h"

#include <kube/resourcestore.h>
#include <monitoring/resourcequantity.h>

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
        // A pod owner's collapsed pods are drawn as its pod group.
        if (workloads && kind != Kind::Deployment)
            heat.insert(topologyNodeId(TopologyKind::PodGroup, object.namespaceName, object.name),
                        float(*f));
    };
    const QHash<QString, KubeObjectPtr> &pods = store.index(Kind::Pod);
    heat.reserve(pods.size() + store.count(Kind::Node) + 2 * store.count(Kind::ReplicaSet));
    const WorkloadUsage::Denominator request
        = cpu ? WorkloadUsage::Denominator::CpuRequest : WorkloadUsage::Denominator::MemoryRequest;
    // Pods: the snapshot is keyed like the store ("ns/name"); only the one denominator needed,
    // parsed once per distinct single-container request (pods repeat their template's).
    QHash<QString, std::optional<qint64>> parsed;
    for (auto it = pods.cbegin(); it != pods.cend(); ++it) {
        const auto usage = metrics->pods.constFind(it.key());
        const PodData *pod = (*it)->pod();
        if (usage == metrics->pods.constEnd() || !pod)
            continue;
        std::optional<qint64> d;
        if (pod->spec.containers.size() == 1) {
            const ContainerInfo &c = pod->spec.containers.first();
            const QString &text = cpu ? c.cpuRequest : c.memoryRequest;
            auto p = parsed.constFind(text);
            if (p == parsed.constEnd())
                p = parsed.insert(text, WorkloadUsage::podDenominator(*pod, request));
            d = *p;
        } else {
            d = WorkloadUsage::podDenominator(*pod, request);
        }
        if (!d || *d <= 0)
            continue;
        const double used = cpu ? double(ResourceQuantity::milliFromNano(usage->cpuNanocores))
                                : double(usage->memoryBytes) * 1000.0;
        heat.insert(QLatin1String("Pod/") + (*it)->namespaceName + QLatin1Char('/') + (*it)->name,
                    float(used / double(*d)));
    }
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
