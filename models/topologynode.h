// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologytypes.h"

#include <kube/kubeobject.h>

#include <QHash>
#include <QString>

#include <array>

namespace Orrery {

// One box in the topology: a Kubernetes object (or an external entry, or the collapsed pods
// of one owner) reduced to what the diagram draws and exports. A value type: the builder
// produces a fresh one per change and the graph compares it to decide what changed.
struct TopologyNode
{
    QString id; // topologyNodeId(kind, ns, name): stable across updates
    TopologyKind kind = TopologyKind::Pod;
    TopologyHealth health = TopologyHealth::Unknown;
    QString ns; // empty for cluster-scoped objects placed nowhere else
    QString name;
    QString home;          // namespace box the node is drawn in: ns, or the claim's for a PV
    QString group;         // application group inside `home`; empty: ungrouped
    QString status;        // short status: "Running", "CrashLoopBackOff", "Bound", "3/5"
    QString detail;        // second line: "LoadBalancer 203.0.113.7", "2/5 · cpu 40%/70%"
    QString owner;         // id of the controlling owner (pods, replica sets, jobs)
    QString collapsedInto; // pods: id of the PodGroup drawn instead of them, if any
    KeyValues labels;      // the object's own list, shared with it (no copy per node)
    int ready = -1;        // workloads: ready replicas; pods: ready containers
    int desired = -1;      // workloads: desired replicas; pods: containers
    int restarts = 0;      // pods: total container restarts
    int maxReplicas = -1;  // HPAs: the layout keeps room for the pods a scale-out adds
    bool podReady = false; // pods: Ready condition, i.e. the pod receives Service traffic
    bool system = false;   // lives in a system namespace (kube-system, ...)
    std::array<int, TopologyHealthCount> counts{}; // pod groups: pods per health

    bool operator==(const TopologyNode &) const = default;
};

} // namespace Orrery
