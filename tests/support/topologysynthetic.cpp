// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologysynthetic.h"

#include <algorithm>

namespace Orrery {

namespace {

KeyValues sorted(KeyValues kv)
{
    std::sort(kv.begin(), kv.end(),
              [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; });
    return kv;
}

KeyValues appLabels(const QString &app, const QString &partOf = {})
{
    KeyValues kv{{QStringLiteral("app"), app}};
    if (!partOf.isEmpty())
        kv.append({QStringLiteral("app.kubernetes.io/part-of"), partOf});
    return sorted(kv);
}

WorkloadData workloadData(int replicas, int ready, const KeyValues &labels)
{
    WorkloadData w;
    w.desired = replicas;
    w.current = replicas;
    w.ready = ready;
    w.available = ready;
    w.updated = replicas;
    w.observedGeneration = 1;
    w.templateLabels = labels;
    for (const KeyValue &kv : labels) {
        if (kv.key == QLatin1String("app"))
            w.selector.matchLabels.append(kv);
    }
    w.strategy = QStringLiteral("RollingUpdate");
    return w;
}

} // namespace

KubeObject TopologySynthetic::object(Kind kind, const QString &ns, const QString &name,
                                     const KeyValues &labels)
{
    KubeObject o;
    o.kind = kind;
    o.namespaceName = ns;
    o.name = name;
    o.uid = ns + QLatin1Char('/') + name + QLatin1Char('/') + kindName(kind);
    o.generation = 1;
    o.labels = sorted(labels);
    return o;
}

void TopologySynthetic::setOwner(KubeObject &object, const QString &kind, const QString &name)
{
    OwnerReference ref;
    ref.kind = kind;
    ref.name = name;
    ref.controller = true;
    ref.uid = object.namespaceName + QLatin1Char('/') + name + QLatin1Char('/') + kind;
    object.ownerReferences = {ref};
}

KubeObjectPtr TopologySynthetic::deployment(const QString &ns, const QString &name, int replicas,
                                            int ready, const KeyValues &labels)
{
    KubeObject o = object(Kind::Deployment, ns, name, labels);
    o.data = workloadData(replicas, ready, labels);
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::statefulSet(const QString &ns, const QString &name, int replicas,
                                             int ready, const KeyValues &labels,
                                             const QString &claim)
{
    KubeObject o = object(Kind::StatefulSet, ns, name, labels);
    WorkloadData w = workloadData(replicas, ready, labels);
    if (!claim.isEmpty())
        w.podTemplate.volumes.append(
            VolumeInfo{QStringLiteral("data"), VolumeInfo::Type::PersistentVolumeClaim, claim});
    o.data = w;
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::daemonSet(const QString &ns, const QString &name, int desired,
                                           int ready, const KeyValues &labels)
{
    KubeObject o = object(Kind::DaemonSet, ns, name, labels);
    o.data = workloadData(desired, ready, labels);
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::replicaSet(const QString &ns, const QString &name,
                                            const QString &deployment, int replicas, int ready,
                                            const KeyValues &labels, qint64 revision)
{
    KubeObject o = object(Kind::ReplicaSet, ns, name, labels);
    setOwner(o, QStringLiteral("Deployment"), deployment);
    WorkloadData w = workloadData(replicas, ready, labels);
    w.revision = revision;
    o.data = w;
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::pod(const QString &ns, const QString &name,
                                     const QString &ownerKind, const QString &owner,
                                     const KeyValues &labels, const QString &status, int restarts,
                                     const PodSpecSummary &spec)
{
    KubeObject o = object(Kind::Pod, ns, name, labels);
    if (!owner.isEmpty())
        setOwner(o, ownerKind, owner);
    PodData p;
    p.spec = spec;
    if (p.spec.containers.isEmpty())
        p.spec.containers.append(ContainerInfo{QStringLiteral("main"),
                                               QStringLiteral("nginx"),
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               {}});
    p.totalContainers = 1;
    p.restarts = restarts;
    p.status = status;
    p.nodeName = QStringLiteral("node-1");
    bool ready = false;
    if (status == QLatin1String("Running")) {
        p.phase = QStringLiteral("Running");
        ready = true;
    } else if (status == QLatin1String("NotReady")) {
        p.phase = QStringLiteral("Running");
        p.status = QStringLiteral("Running");
    } else if (status == QLatin1String("Pending")) {
        p.phase = QStringLiteral("Pending");
    } else if (status == QLatin1String("CrashLoopBackOff")) {
        p.phase = QStringLiteral("Running");
    } else if (status == QLatin1String("Terminating")) {
        p.phase = QStringLiteral("Running");
        o.deletionTimestamp = 1;
    } else if (status == QLatin1String("Completed")) {
        p.phase = QStringLiteral("Succeeded");
    } else if (status == QLatin1String("Failed")) {
        p.phase = QStringLiteral("Failed");
    }
    p.readyContainers = ready ? 1 : 0;
    p.conditions.append(Condition{QStringLiteral("Ready"),
                                  ready ? QStringLiteral("True") : QStringLiteral("False"),
                                  {},
                                  {},
                                  0});
    o.data = p;
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::service(const QString &ns, const QString &name,
                                         const KeyValues &selector, const QString &type,
                                         const KeyValues &labels)
{
    KubeObject o = object(Kind::Service, ns, name, labels);
    ServiceData s;
    s.type = type;
    s.clusterIP = QStringLiteral("10.96.0.10");
    s.ports.append(ServicePort{QStringLiteral("http"), QStringLiteral("TCP"), 80,
                               QStringLiteral("8080"),
                               type == QLatin1String("ClusterIP") ? 0 : 30080});
    s.selector = sorted(selector);
    if (type == QLatin1String("LoadBalancer"))
        s.loadBalancerIngress = {QStringLiteral("203.0.113.10")};
    o.data = s;
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::ingress(const QString &ns, const QString &name,
                                         const QList<IngressPath> &paths,
                                         const QString &defaultBackend)
{
    KubeObject o = object(Kind::Ingress, ns, name);
    IngressData i;
    i.ingressClass = QStringLiteral("nginx");
    i.paths = paths;
    for (const IngressPath &path : paths) {
        if (!path.host.isEmpty() && !i.hosts.contains(path.host))
            i.hosts.append(path.host);
    }
    i.defaultBackend.serviceName = defaultBackend;
    o.data = i;
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::hpa(const QString &ns, const QString &name,
                                     const QString &targetKind, const QString &target, int min,
                                     int max, int current, int desired, const QString &cpuCurrent,
                                     const QString &cpuTarget)
{
    KubeObject o = object(Kind::HorizontalPodAutoscaler, ns, name);
    HpaData h;
    h.targetApiVersion = QStringLiteral("apps/v1");
    h.targetKind = targetKind;
    h.targetName = target;
    h.minReplicas = min;
    h.maxReplicas = max;
    h.currentReplicas = current;
    h.desiredReplicas = desired;
    h.metrics.append(HpaMetric{QStringLiteral("Resource"), QStringLiteral("cpu"),
                               QStringLiteral("Utilization"), cpuTarget, cpuCurrent});
    o.data = h;
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::pvc(const QString &ns, const QString &name, const QString &volume,
                                     const KeyValues &labels)
{
    KubeObject o = object(Kind::PersistentVolumeClaim, ns, name, labels);
    PvcData p;
    p.phase = volume.isEmpty() ? QStringLiteral("Pending") : QStringLiteral("Bound");
    p.volumeName = volume;
    p.storageClass = QStringLiteral("standard");
    p.requested = QStringLiteral("10Gi");
    p.capacity = volume.isEmpty() ? QString() : QStringLiteral("10Gi");
    o.data = p;
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::pv(const QString &name, const QString &claimNs,
                                    const QString &claim)
{
    KubeObject o = object(Kind::PersistentVolume, {}, name);
    PvData p;
    p.phase = QStringLiteral("Bound");
    p.capacity = QStringLiteral("10Gi");
    p.claimNamespace = claimNs;
    p.claimName = claim;
    p.source = QStringLiteral("hostPath:/data");
    o.data = p;
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::configMap(const QString &ns, const QString &name)
{
    KubeObject o = object(Kind::ConfigMap, ns, name);
    o.data = ConfigMapData{{QStringLiteral("config.yaml")}};
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::secret(const QString &ns, const QString &name)
{
    KubeObject o = object(Kind::Secret, ns, name);
    o.data = SecretData{QStringLiteral("Opaque"), {QStringLiteral("password")}};
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::job(const QString &ns, const QString &name, const QString &cronJob,
                                     bool complete)
{
    KubeObject o = object(Kind::Job, ns, name);
    if (!cronJob.isEmpty())
        setOwner(o, QStringLiteral("CronJob"), cronJob);
    JobData j;
    j.succeeded = complete ? 1 : 0;
    j.active = complete ? 0 : 1;
    if (complete)
        j.conditions.append(
            Condition{QStringLiteral("Complete"), QStringLiteral("True"), {}, {}, 0});
    o.data = j;
    return std::make_shared<const KubeObject>(std::move(o));
}

KubeObjectPtr TopologySynthetic::cronJob(const QString &ns, const QString &name,
                                         const QString &schedule)
{
    KubeObject o = object(Kind::CronJob, ns, name);
    CronJobData c;
    c.schedule = schedule;
    o.data = c;
    return std::make_shared<const KubeObject>(std::move(o));
}

void TopologySynthetic::application(QList<KubeObjectPtr> &out, const QString &ns,
                                    const QString &name, int replicas, bool withHpa, int failing,
                                    const QString &partOf, const PodSpecSummary &spec)
{
    const KeyValues labels = appLabels(name, partOf);
    const int ready = replicas - failing;
    KubeObject d = object(Kind::Deployment, ns, name, labels);
    WorkloadData w = workloadData(replicas, ready, labels);
    w.podTemplate = spec;
    d.data = w;
    out.append(std::make_shared<const KubeObject>(std::move(d)));
    const QString rs = name + QStringLiteral("-7d9f8b6c5");
    out.append(replicaSet(ns, rs, name, replicas, ready, labels));
    for (int i = 0; i < replicas; ++i) {
        const QString podName = rs + QLatin1Char('-') + QString::number(10000 + i * 7919, 36);
        out.append(pod(ns, podName, QStringLiteral("ReplicaSet"), rs, labels,
                       i < failing ? QStringLiteral("CrashLoopBackOff") : QStringLiteral("Running"),
                       i < failing ? 7 : 0, spec));
    }
    out.append(
        service(ns, name, {{QStringLiteral("app"), name}}, QStringLiteral("ClusterIP"), labels));
    if (withHpa)
        out.append(hpa(ns, name, QStringLiteral("Deployment"), name, 2, 5, replicas, replicas,
                       QStringLiteral("42%"), QStringLiteral("70%")));
}

QList<KubeObjectPtr> TopologySynthetic::cluster(int pods)
{
    QList<KubeObjectPtr> out;
    const int deployments = std::max(1, pods / 5);
    const int namespaces = std::max(1, pods / 200);
    for (int d = 0; d < deployments; ++d) {
        const QString ns = QStringLiteral("team-%1").arg(d % namespaces, 3, 10, QLatin1Char('0'));
        const QString name = QStringLiteral("svc-%1").arg(d, 5, 10, QLatin1Char('0'));
        // One deployment in 23 has a crashing pod, so the status colours show.
        application(out, ns, name, 5, d % 5 == 0, d % 23 == 0 ? 1 : 0,
                    QStringLiteral("app-%1").arg(d / namespaces / 4));
    }
    return out;
}

QList<KubeObjectPtr> TopologySynthetic::pfe()
{
    QList<KubeObjectPtr> out;
    const QString ns = QStringLiteral("pfe");
    PodSpecSummary backendSpec;
    ContainerInfo container;
    container.name = QStringLiteral("app");
    container.configMapRefs = {QStringLiteral("app-config")};
    container.secretRefs = {QStringLiteral("mysql-credentials")};
    backendSpec.containers.append(container);
    application(out, ns, QStringLiteral("frontend"), 2, true, 0, QStringLiteral("pfe"));
    application(out, ns, QStringLiteral("backend-spring"), 3, true, 0, QStringLiteral("pfe"),
                backendSpec);
    application(out, ns, QStringLiteral("backend-python"), 2, true, 1, QStringLiteral("pfe"),
                backendSpec);
    out.append(configMap(ns, QStringLiteral("app-config")));
    out.append(secret(ns, QStringLiteral("mysql-credentials")));
    out.append(
        ingress(ns, QStringLiteral("pfe-ingress"),
                {IngressPath{QStringLiteral("pfe.example.com"),
                             QStringLiteral("/"),
                             QStringLiteral("Prefix"),
                             {QStringLiteral("frontend"), QStringLiteral("80"), {}, {}}},
                 IngressPath{QStringLiteral("pfe.example.com"),
                             QStringLiteral("/api"),
                             QStringLiteral("Prefix"),
                             {QStringLiteral("backend-spring"), QStringLiteral("8080"), {}, {}}},
                 IngressPath{QStringLiteral("pfe.example.com"),
                             QStringLiteral("/ml"),
                             QStringLiteral("Prefix"),
                             {QStringLiteral("backend-python"), QStringLiteral("8000"), {}, {}}}}));
    const KeyValues mysqlLabels = appLabels(QStringLiteral("mysql"), QStringLiteral("pfe"));
    out.append(statefulSet(ns, QStringLiteral("mysql"), 1, 1, mysqlLabels,
                           QStringLiteral("data-mysql-0")));
    PodSpecSummary mysqlSpec;
    mysqlSpec.volumes.append(VolumeInfo{QStringLiteral("data"),
                                        VolumeInfo::Type::PersistentVolumeClaim,
                                        QStringLiteral("data-mysql-0")});
    ContainerInfo mysqlContainer;
    mysqlContainer.name = QStringLiteral("mysql");
    mysqlContainer.secretRefs = {QStringLiteral("mysql-credentials")};
    mysqlSpec.containers.append(mysqlContainer);
    out.append(pod(ns, QStringLiteral("mysql-0"), QStringLiteral("StatefulSet"),
                   QStringLiteral("mysql"), mysqlLabels, QStringLiteral("Running"), 0, mysqlSpec));
    out.append(service(ns, QStringLiteral("mysql"),
                       {{QStringLiteral("app"), QStringLiteral("mysql")}},
                       QStringLiteral("ClusterIP"), mysqlLabels));
    out.append(pvc(ns, QStringLiteral("data-mysql-0"), QStringLiteral("pvc-3f1c9a"), mysqlLabels));
    out.append(pv(QStringLiteral("pvc-3f1c9a"), ns, QStringLiteral("data-mysql-0")));

    const QString mon = QStringLiteral("monitoring");
    application(out, mon, QStringLiteral("prometheus"), 1, false, 0, QStringLiteral("monitoring"));
    application(out, mon, QStringLiteral("alertmanager"), 1, false, 0,
                QStringLiteral("monitoring"));
    out.append(deployment(mon, QStringLiteral("grafana"), 1, 1,
                          appLabels(QStringLiteral("grafana"), QStringLiteral("monitoring"))));
    out.append(replicaSet(mon, QStringLiteral("grafana-5c8d7"), QStringLiteral("grafana"), 1, 1,
                          appLabels(QStringLiteral("grafana"), QStringLiteral("monitoring"))));
    out.append(pod(mon, QStringLiteral("grafana-5c8d7-x2k9p"), QStringLiteral("ReplicaSet"),
                   QStringLiteral("grafana-5c8d7"),
                   appLabels(QStringLiteral("grafana"), QStringLiteral("monitoring"))));
    out.append(service(mon, QStringLiteral("grafana"),
                       {{QStringLiteral("app"), QStringLiteral("grafana")}},
                       QStringLiteral("LoadBalancer"),
                       appLabels(QStringLiteral("grafana"), QStringLiteral("monitoring"))));
    const KeyValues exporter
        = appLabels(QStringLiteral("node-exporter"), QStringLiteral("monitoring"));
    out.append(daemonSet(mon, QStringLiteral("node-exporter"), 2, 2, exporter));
    out.append(pod(mon, QStringLiteral("node-exporter-abcde"), QStringLiteral("DaemonSet"),
                   QStringLiteral("node-exporter"), exporter));
    out.append(pod(mon, QStringLiteral("node-exporter-fghij"), QStringLiteral("DaemonSet"),
                   QStringLiteral("node-exporter"), exporter));
    out.append(cronJob(ns, QStringLiteral("mysql-backup"), QStringLiteral("0 2 * * *")));
    out.append(job(ns, QStringLiteral("mysql-backup-28911"), QStringLiteral("mysql-backup"), true));
    return out;
}

} // namespace Orrery
