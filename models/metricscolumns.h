// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workloadusage.h"

#include <kube/kubekind.h>
#include <kube/kubeobject.h>
#include <monitoring/metricssnapshot.h>

#include <QString>
#include <QVariant>

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
