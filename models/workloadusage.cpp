// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadusage.h"

#include <kube/resourcestore.h>
#include <monitoring/resourcequantity.h>

namespace Orrery {

namespace {

Kind ownerKind(const QString &kind, bool *ok)
{
    *ok = true;
    if (kind == QLatin1String("ReplicaSet"))
        return Kind::ReplicaSet;
    if (kind == QLatin1String("Deployment"))
        return Kind::Deployment;
    if (kind == QLatin1String("StatefulSet"))
        return Kind::StatefulSet;
    if (kind == QLatin1String("DaemonSet"))
        return Kind::DaemonSet;
    *ok = false;
    return Kind::Pod;
}

void addPod(WorkloadUsage::Sum &sum, const KubeObject &pod, const PodData &data,
            const MetricsSnapshot::Usage *usage)
{
    ++sum.pods;
    if (!usage) {
        if (sum.unsampledPod.isEmpty())
            sum.unsampledPod = pod.key();
        return;
    }
    const bool first = sum.sampled == 0;
    ++sum.sampled;
    sum.cpuMillicores += ResourceQuantity::milliFromNano(usage->cpuNanocores);
    sum.memoryBytes += usage->memoryBytes;
    for (int d = 0; d < 4; ++d) {
        const std::optional<qint64> v
            = WorkloadUsage::podDenominator(data, WorkloadUsage::Denominator(d));
        std::optional<qint64> &total = sum.denominators[d];
        if (first)
            total = v;
        else if (total && (!v || __builtin_add_overflow(*total, *v, &*total)))
            total.reset();
    }
}

} // namespace

bool WorkloadUsage::covers(Kind kind)
{
    return kind == Kind::Deployment || kind == Kind::StatefulSet || kind == Kind::DaemonSet
           || kind == Kind::ReplicaSet;
}

QString WorkloadUsage::objectKey(Kind kind, const QString &ns, const QString &name)
{
    return kindName(kind).toLower() + QLatin1Char('/') + KubeObject::makeKey(ns, name);
}

std::optional<qint64> WorkloadUsage::podDenominator(const PodData &pod, Denominator d)
{
    if (pod.spec.containers.isEmpty())
        return std::nullopt;
    qint64 sum = 0;
    for (const ContainerInfo &c : pod.spec.containers) {
        const QString &text = d == Denominator::CpuRequest      ? c.cpuRequest
                              : d == Denominator::CpuLimit      ? c.cpuLimit
                              : d == Denominator::MemoryRequest ? c.memoryRequest
                                                                : c.memoryLimit;
        const std::optional<qint64> v = ResourceQuantity::parseScaled(text, 3);
        if (text.isEmpty() || !v || __builtin_add_overflow(sum, *v, &sum))
            return std::nullopt;
    }
    return sum;
}

std::shared_ptr<const WorkloadUsage>
WorkloadUsage::compute(const ResourceStore &store, std::shared_ptr<const MetricsSnapshot> metrics)
{
    auto result = std::make_shared<WorkloadUsage>();
    result->metrics = metrics;
    const QList<KubeObjectPtr> pods = store.objects(Kind::Pod);
    // A ReplicaSet's controller, looked up once per ReplicaSet.
    QHash<QString, QString> deploymentOf; // "ns/rs" → deployment key ("" when none)
    for (const KubeObjectPtr &pod : pods) {
        const PodData *data = pod->pod();
        const OwnerReference *ref = pod->controllerRef();
        if (!data || !ref || data->phase == QLatin1String("Succeeded")
            || data->phase == QLatin1String("Failed"))
            continue;
        bool ok = false;
        const Kind kind = ownerKind(ref->kind, &ok);
        if (!ok)
            continue;
        const MetricsSnapshot::Usage *usage
            = metrics ? metrics->pod(pod->namespaceName, pod->name) : nullptr;
        addPod(result->sums[objectKey(kind, pod->namespaceName, ref->name)], *pod, *data, usage);
        if (kind != Kind::ReplicaSet)
            continue;
        const QString rsKey = KubeObject::makeKey(pod->namespaceName, ref->name);
        auto it = deploymentOf.constFind(rsKey);
        if (it == deploymentOf.constEnd()) {
            QString deployment;
            if (const KubeObjectPtr rs
                = store.object(Kind::ReplicaSet, pod->namespaceName, ref->name)) {
                const OwnerReference *rsRef = rs->controllerRef();
                if (rsRef && rsRef->kind == QLatin1String("Deployment"))
                    deployment = objectKey(Kind::Deployment, pod->namespaceName, rsRef->name);
            }
            it = deploymentOf.insert(rsKey, deployment);
        }
        if (!it->isEmpty())
            addPod(result->sums[*it], *pod, *data, usage);
    }
    return result;
}

const WorkloadUsage::Sum *WorkloadUsage::find(const KubeObject &workload) const
{
    const auto it = sums.constFind(objectKey(workload.kind, workload.namespaceName, workload.name));
    return it == sums.constEnd() ? nullptr : &*it;
}

} // namespace Orrery
