// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Orrery {

// What a topology node stands for. External and PodGroup are Orrery's own: an entry point
// outside the cluster (load balancer, NodePort, host) and the collapsed pods of one owner.
enum class TopologyKind : quint8 {
    External,
    Ingress,
    Service,
    Hpa,
    Deployment,
    StatefulSet,
    DaemonSet,
    CronJob,
    ReplicaSet,
    Job,
    Pod,
    PodGroup,
    Pvc,
    Pv,
    ConfigMap,
    Secret,
    Node,
};
inline constexpr int TopologyKindCount = int(TopologyKind::Node) + 1;

// Health summarises status for colouring; `status` text on the node says the details.
enum class TopologyHealth : quint8 {
    Unknown,
    Healthy,     // running and ready, bound, available
    Progressing, // pending, rolling out, scaling, not yet ready
    Warning,     // degraded: some replicas unavailable, restarts
    Failed,      // CrashLoopBackOff, Failed, ImagePullBackOff, lost
    Succeeded,   // completed jobs and pods
    Terminating,
};
inline constexpr int TopologyHealthCount = int(TopologyHealth::Terminating) + 1;

enum class TopologyEdgeType : quint8 {
    Route,   // Ingress → Service (label: host/path)
    Selects, // Service → Pod (label selector; `active` when the pod is ready)
    Exposes, // External → Service (LoadBalancer, NodePort)
    Owns,    // ownerReferences: Deployment → ReplicaSet → Pod, CronJob → Job → Pod, ...
    Scales,  // HPA → scale target (label: replicas and metrics)
    Mounts,  // Pod → PVC
    Binds,   // PVC → PV
    Uses,    // Pod → ConfigMap / Secret (volumes, env, envFrom)
    Runs,    // Node → Pod (optional grouping)
};

// Left-to-right layers: entry → ingress → service → workload → replica set → pods → storage.
int topologyRank(TopologyKind kind);
inline constexpr int TopologyRankCount = 8;

QString topologyKindName(TopologyKind kind); // "Deployment", "PodGroup", "External"
bool topologyKindFromName(const QString &name, TopologyKind *kind);
QString topologyHealthName(TopologyHealth health);   // "healthy", "failed", ...
QString topologyEdgeTypeName(TopologyEdgeType type); // "route", "selects", ...

// Short letters drawn in the node's badge ("Dep", "Pod").
QString topologyKindBadge(TopologyKind kind);

// Identity used as node id: "Kind/namespace/name" (namespace empty for cluster objects).
QString topologyNodeId(TopologyKind kind, const QString &ns, const QString &name);

bool isTopologyWorkload(TopologyKind kind);

} // namespace Orrery
