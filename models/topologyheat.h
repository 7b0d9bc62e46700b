// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workloadusage.h"

#include <monitoring/metricssnapshot.h>

#include <QHash>
#include <QString>

#include <memory>

namespace Orrery {

class ResourceStore;

// The topology's heat overlay: for every pod, node and workload (Deployment, StatefulSet,
// DaemonSet, ReplicaSet, and the pod group that stands for a workload's collapsed pods) with
// a sample, CPU or memory use as a share of the summed requests (nodes: of allocatable),
// keyed by topology node id; 1.0 = 100 %. The same figures as the tables' %CPU/R and %MEM/R
// columns (MetricsColumns::fraction), computed once per metrics snapshot.
QHash<QString, float> topologyHeat(const ResourceStore &store,
                                   const std::shared_ptr<const MetricsSnapshot> &metrics, bool cpu);

} // namespace Orrery
