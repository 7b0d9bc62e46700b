// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/kubeobject.h"

#include <QList>
#include <QString>

namespace Orrery {

// Hand-made typed objects for the model and view tests and the benchmarks (a test fixture:
// the product never links it; the app's demo runs the simulator instead). The factories fill only
// what the topology reads; the cluster generators produce the shape of `orrery-sim --synthetic-pods
// N` (about five pods per Deployment, a Service each, an HPA on every fifth, many namespaces) and a
// PFE-like seed architecture.
class TopologySynthetic
{
public:
    static KubeObject object(Kind kind, const QString &ns, const QString &name,
                             const KeyValues &labels = {});
    static void setOwner(KubeObject &object, const QString &kind, const QString &name);

    static KubeObjectPtr deployment(const QString &ns, const QString &name, int replicas, int ready,
                                    const KeyValues &labels);
    static KubeObjectPtr statefulSet(const QString &ns, const QString &name, int replicas,
                                     int ready, const KeyValues &labels, const QString &claim);
    static KubeObjectPtr daemonSet(const QString &ns, const QString &name, int desired, int ready,
                                   const KeyValues &labels);
    static KubeObjectPtr replicaSet(const QString &ns, const QString &name,
                                    const QString &deployment, int replicas, int ready,
                                    const KeyValues &labels, qint64 revision = 1);
    // status: "Running" (ready), "NotReady", "Pending", "CrashLoopBackOff", "Terminating",
    // "Completed", "Failed".
    static KubeObjectPtr pod(const QString &ns, const QString &name, const QString &ownerKind,
                             const QString &owner, const KeyValues &labels,
                             const QString &status = QStringLiteral("Running"), int restarts = 0,
                             const PodSpecSummary &spec = {});
    static KubeObjectPtr service(const QString &ns, const QString &name, const KeyValues &selector,
                                 const QString &type = QStringLiteral("ClusterIP"),
                                 const KeyValues &labels = {});
    static KubeObjectPtr ingress(const QString &ns, const QString &name,
                                 const QList<IngressPath> &paths,
                                 const QString &defaultBackend = {});
    static KubeObjectPtr hpa(const QString &ns, const QString &name, const QString &targetKind,
                             const QString &target, int min, int max, int current, int desired,
                             const QString &cpuCurrent, const QString &cpuTarget);
    static KubeObjectPtr pvc(const QString &ns, const QString &name, const QString &volume,
                             const KeyValues &labels = {});
    static KubeObjectPtr pv(const QString &name, const QString &claimNs, const QString &claim);
    static KubeObjectPtr configMap(const QString &ns, const QString &name);
    static KubeObjectPtr secret(const QString &ns, const QString &name);
    static KubeObjectPtr job(const QString &ns, const QString &name, const QString &cronJob,
                             bool complete);
    static KubeObjectPtr cronJob(const QString &ns, const QString &name, const QString &schedule);

    // A Deployment with its ReplicaSet, pods (the first `failing` in CrashLoopBackOff), a
    // Service, optionally an HPA. Appends to `out`.
    static void application(QList<KubeObjectPtr> &out, const QString &ns, const QString &name,
                            int replicas, bool withHpa, int failing = 0, const QString &partOf = {},
                            const PodSpecSummary &spec = {});

    // ~`pods` pods: ~5 per Deployment, a Service each, an HPA on every fifth Deployment,
    // spread over pods / 200 namespaces. Deterministic.
    static QList<KubeObjectPtr> cluster(int pods);

    // The PFE architecture: ingress → frontend, backend-spring, backend-python (HPAs 2–5),
    // MySQL StatefulSet with a PVC and PV, and a monitoring namespace.
    static QList<KubeObjectPtr> pfe();
};

} // namespace Orrery
