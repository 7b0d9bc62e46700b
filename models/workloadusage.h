// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubekind.h>
#include <kube/kubeobject.h>
#include <monitoring/metricssnapshot.h>

#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

namespace Orrery {

class ResourceStore;

// A workload's pods summed: the metrics-server usage of the pods that have a sample and their
// containers' summed requests and limits, for the CPU and memory columns of the Deployments,
// StatefulSets, DaemonSets and ReplicaSets tables and the topology's heat overlay.
//
// A pod belongs to the workload its controller reference names (a ReplicaSet's pods also to
// the Deployment that controls the ReplicaSet), as `kubectl get` and the topology see it.
// Finished pods (Succeeded, Failed) are left out: metrics-server has no sample for them.
// CPU is summed as `kubectl top pod` prints each pod (millicores rounded up per pod), so the
// column is the sum of the CPU column of `kubectl top pod` over the workload's pods; memory is
// summed in bytes and rounded down to Mi once, after the sum.
//
// Built once per metrics snapshot (compute()) and shared read-only, like MetricsSnapshot.
struct WorkloadUsage
{
    enum class Denominator { CpuRequest, CpuLimit, MemoryRequest, MemoryLimit };

    struct Sum
    {
        int pods = 0;    // running (not finished) pods of the workload
        int sampled = 0; // of which metrics-server has a sample
        qint64 cpuMillicores = 0;
        qint64 memoryBytes = 0;
        // Of the sampled pods, in MilliValue() units (millicores; bytes × 1000); nullopt when
        // a container of one of them sets none (a sum would understate it).
        std::optional<qint64> denominators[4];
        QString unsampledPod; // "ns/name" of a pod without a sample, for the reason

        std::optional<qint64> denominator(Denominator d) const { return denominators[int(d)]; }
    };

    // Per kind (ReplicaSet, Deployment, StatefulSet, DaemonSet: kindIndex()), keyed by
    // (namespace, name): looked up with the strings the objects already hold.
    using Key = std::pair<QString, QString>;
    QHash<Key, Sum> sums[4];
    static int kindIndex(Kind kind); // -1 for kinds not covered
    std::shared_ptr<const MetricsSnapshot> metrics;

    static bool covers(Kind kind);
    static QString objectKey(Kind kind, const QString &ns, const QString &name);
    // The pods' containers summed, in MilliValue() units; nullopt when one sets none.
    static std::optional<qint64> podDenominator(const PodData &pod, Denominator d);

    // One pass over the store's pods. Asked again for the same store and snapshot (the
    // tables, the details pane and the topology's heat overlay all ask when a snapshot
    // arrives), it returns the previous result: sums are per snapshot, as the pods' figures.
    static std::shared_ptr<const WorkloadUsage>
    compute(const ResourceStore &store, std::shared_ptr<const MetricsSnapshot> metrics);

    const Sum *find(const KubeObject &workload) const;
    const Sum *find(Kind kind, const QString &ns, const QString &name) const;
};

} // namespace Orrery
