// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workloadusage.h"

#include <kube/kubekind.h>
#include <kube/kubeobject.h>
#include <monitoring/metricssnapshot.h>

#include <QString>
#include <QVariant>

#include <array>
#include <optional>

namespace Orrery {

// The CPU and memory columns ResourceTableModel appends to the Pods and Nodes tables, read
// from the latest MetricsSnapshot (metrics-server) and the object itself (requests, limits,
// allocatable), with kubectl top's rounding (ResourceQuantity):
//  - Pods: CPU, %CPU/R, %CPU/L, MEM, %MEM/R, %MEM/L: usage, and usage as a percentage of the
//    containers' summed requests and limits, as k9s shows them; "n/a" when a container sets
//    none (its tooltip says so);
//  - Nodes: CPU, %CPU, MEM, %MEM of the node's allocatable, as `kubectl top node`;
//  - Deployments, StatefulSets, DaemonSets, ReplicaSets: the Pods columns over their pods
//    summed (WorkloadUsage).
// Without a sample the cell is "—" and its tooltip is the MetricsUnavailable sentence.
namespace MetricsColumns {

// A row's figures, resolved once per snapshot (ResourceTableModel keeps one per row, so sorting
// by a metrics column looks nothing up): usage, and the denominators in MilliValue() units
// (millicores; bytes × 1000) in the order CPU request, CPU limit, memory request, memory
// limit (a node's allocatable in the request slots); nullopt where some container sets none.
using Denominators = std::array<std::optional<qint64>, 4>;
struct Reading
{
    bool present = false;  // a sample (for a workload: of at least one pod)
    bool workload = false; // pods summed: CPU is in whole millicores
    qint64 cpuNanocores = 0;
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
    Denominators denominators;
    int pods = 0; // workloads: running pods, and those with a sample
    int sampled = 0;
};
// The object's own denominators (a pod's containers summed, a node's allocatable).
Denominators denominatorsOf(const KubeObject &object);
// `objectDenominators`: denominatorsOf(object) when the caller keeps them (null: computed).
Reading read(Kind kind, const KubeObject &object, const MetricsSnapshot *metrics,
             const WorkloadUsage *workloads = nullptr,
             const Denominators *objectDenominators = nullptr);
// A pod's or node's reading from its sample (already looked up).
Reading fromUsage(const MetricsSnapshot::Usage &usage, const Denominators &denominators);
QString text(Kind kind, int column, const Reading &reading);
QVariant sortKey(Kind kind, int column, const Reading &reading);
qint64 sortValue(Kind kind, int column, const Reading &reading); // sortKey() as a number
std::optional<double> fraction(bool cpu, const Reading &reading);

int count(Kind kind);
QString title(Kind kind, int column);
// DisplayRole text, ToolTipRole text and the numeric SortRole key (−1: nothing to sort by).
// Workload kinds (WorkloadUsage::covers) read `workloads` (their pods summed) instead.
QString text(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics,
             const WorkloadUsage *workloads = nullptr);
QString toolTip(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics,
                const WorkloadUsage *workloads = nullptr);
QVariant sortKey(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics,
                 const WorkloadUsage *workloads = nullptr);
// Usage as a share of the request (pods, workloads) or allocatable (nodes), 1.0 = 100 %:
// what the topology's heat overlay colours by; nullopt without a sample or a denominator.
std::optional<double> fraction(Kind kind, bool cpu, const KubeObject &object,
                               const MetricsSnapshot *metrics,
                               const WorkloadUsage *workloads = nullptr);

} // namespace MetricsColumns

} // namespace Orrery
