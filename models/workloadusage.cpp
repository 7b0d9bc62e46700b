// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadusage.h"

#include <kube/resourcestore.h>
#include <monitoring/resourcequantity.h>

#include <array>

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

using PodDenominators = std::array<std::optional<qint64>, 4>;

void addPod(WorkloadUsage::Sum &sum, const KubeObject &pod, const PodDenominators &denominators,
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
        const std::optional<qint64> &v = denominators[std::size_t(d)];
        std::optional<qint64> &total = sum.denominators[d];
        if (first)
            total = v;
        else if (total && (!v || __builtin_add_overflow(*total, *v, &*total)))
            total.reset();
    }
}

// Quantities parsed once per distinct text: a cluster's pods repeat a few request values.
class QuantityMemo
{
public:
    std::optional<qint64> milli(const QString &text)
    {
        if (text.isEmpty())
            return std::nullopt;
        auto it = m_values.constFind(text);
        if (it == m_values.constEnd())
            it = m_values.insert(text, ResourceQuantity::parseScaled(text, 3));
        return *it;
    }
    PodDenominators of(const PodData &pod)
    {
        PodDenominators out;
        if (pod.spec.containers.isEmpty())
            return out;
        std::array<qint64, 4> sums{};
        std::array<bool, 4> valid{true, true, true, true};
        for (const ContainerInfo &c : pod.spec.containers) {
            const QString *texts[4]
                = {&c.cpuRequest, &c.cpuLimit, &c.memoryRequest, &c.memoryLimit};
            for (std::size_t d = 0; d < 4; ++d) {
                if (!valid[d])
                    continue;
                const std::optional<qint64> v = milli(*texts[d]);
                valid[d] = v && !__builtin_add_overflow(sums[d], *v, &sums[d]);
            }
        }
        for (std::size_t d = 0; d < 4; ++d) {
            if (valid[d])
                out[d] = sums[d];
        }
        return out;
    }

private:
    QHash<QString, std::optional<qint64>> m_values;
};

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

int WorkloadUsage::kindIndex(Kind kind)
{
    switch (kind) {
    case Kind::ReplicaSet: return 0;
    case Kind::Deployment: return 1;
    case Kind::StatefulSet: return 2;
    case Kind::DaemonSet: return 3;
    default: return -1;
    }
}

std::shared_ptr<const WorkloadUsage>
WorkloadUsage::compute(const ResourceStore &store, std::shared_ptr<const MetricsSnapshot> metrics)
{
    // The tables, the details pane and the topology ask for the same snapshot in one turn of
    // the event loop: the last result is kept for it (it holds the snapshot, so the pointer
    // cannot be reused by another).
    struct Cached
    {
        const ResourceStore *store = nullptr;
        std::shared_ptr<const WorkloadUsage> usage;
    };
    static thread_local Cached s_last;
    if (metrics && s_last.usage && s_last.store == &store && s_last.usage->metrics == metrics)
        return s_last.usage;

    auto result = std::make_shared<WorkloadUsage>();
    result->metrics = metrics;
    for (Kind kind : {Kind::ReplicaSet, Kind::Deployment, Kind::StatefulSet, Kind::DaemonSet})
        result->sums[kindIndex(kind)].reserve(store.count(kind));
    const QHash<QString, KubeObjectPtr> &pods = store.index(Kind::Pod);
    QuantityMemo memo;
    // A ReplicaSet's controlling Deployment, looked up once per ReplicaSet (empty: none).
    QHash<Key, QString> deploymentOf;
    for (auto p = pods.cbegin(); p != pods.cend(); ++p) {
        const KubeObject &pod = **p;
        const PodData *data = pod.pod();
        const OwnerReference *ref = pod.controllerRef();
        if (!data || !ref || data->phase == QLatin1String("Succeeded")
            || data->phase == QLatin1String("Failed"))
            continue;
        bool ok = false;
        const Kind kind = ownerKind(ref->kind, &ok);
        if (!ok)
            continue;
        const MetricsSnapshot::Usage *usage = nullptr;
        if (metrics) {
            // The store's key ("ns/name") is the snapshot's.
            const auto it = metrics->pods.constFind(p.key());
            usage = it == metrics->pods.constEnd() ? nullptr : &*it;
        }
        const PodDenominators denominators = usage ? memo.of(*data) : PodDenominators{};
        const Key owner{pod.namespaceName, ref->name};
        addPod(result->sums[kindIndex(kind)][owner], pod, denominators, usage);
        if (kind != Kind::ReplicaSet)
            continue;
        auto it = deploymentOf.constFind(owner);
        if (it == deploymentOf.constEnd()) {
            QString deployment;
            if (const KubeObjectPtr rs
                = store.object(Kind::ReplicaSet, pod.namespaceName, ref->name)) {
                const OwnerReference *rsRef = rs->controllerRef();
                if (rsRef && rsRef->kind == QLatin1String("Deployment"))
                    deployment = rsRef->name;
            }
            it = deploymentOf.insert(owner, deployment);
        }
        if (!it->isEmpty())
            addPod(result->sums[kindIndex(Kind::Deployment)][Key{pod.namespaceName, *it}], pod,
                   denominators, usage);
    }
    if (metrics)
        s_last = {&store, result};
    return result;
}

const WorkloadUsage::Sum *WorkloadUsage::find(Kind kind, const QString &ns,
                                              const QString &name) const
{
    const int k = kindIndex(kind);
    if (k < 0)
        return nullptr;
    const auto it = sums[k].constFind(Key{ns, name});
    return it == sums[k].constEnd() ? nullptr : &*it;
}

const WorkloadUsage::Sum *WorkloadUsage::find(const KubeObject &workload) const
{
    return find(workload.kind, workload.namespaceName, workload.name);
}

} // namespace Orrery
