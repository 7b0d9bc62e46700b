// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubekind.h"

#include "kubeobject.h"
#include "util/ageformat.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Orrery {

// The kind table. Each kind's row (at the bottom) points at its columns and its health rule,
// defined just above it. Display strings are marked here and translated on lookup, under the
// contexts the navigator and the table columns used before they became data, so existing
// translations still apply.
namespace {

constexpr char ColumnsContext[] = "Orrery::ResourceColumns";
constexpr char NavigatorContext[] = "Orrery::ResourceNavigator";
constexpr char KindsContext[] = "Orrery::Kinds";

using Col = KindColumn;
using Type = KindColumn::Type;
using Role = KindColumn::Role;

template <typename T> const T &dataOf(const KubeObject &o)
{
    static const T empty;
    const T *d = o.as<T>();
    return d ? *d : empty;
}

QString fraction(int a, int b)
{
    return QStringLiteral("%1/%2").arg(a).arg(b);
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("<none>") : text;
}

QString joinOrNone(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("<none>") : list.join(QLatin1Char(','));
}

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

QString accessModesShort(const QStringList &modes) // ["ReadWriteOnce"] → "RWO"
{
    QStringList out;
    for (const QString &m : modes) {
        if (m == QLatin1String("ReadWriteOnce"))
            out << QStringLiteral("RWO");
        else if (m == QLatin1String("ReadOnlyMany"))
            out << QStringLiteral("ROX");
        else if (m == QLatin1String("ReadWriteMany"))
            out << QStringLiteral("RWX");
        else if (m == QLatin1String("ReadWriteOncePod"))
            out << QStringLiteral("RWOP");
        else
            out << m;
    }
    return out.join(QLatin1Char(','));
}

QString images(const PodSpecSummary &spec)
{
    QStringList out;
    for (const ContainerInfo &c : spec.containers)
        out << c.image;
    return out.join(QLatin1Char(','));
}

QString servicePorts(const ServiceData &s)
{
    QStringList out;
    for (const ServicePort &p : s.ports) {
        QString t = QString::number(p.port);
        if (p.nodePort)
            t += QLatin1Char(':') + QString::number(p.nodePort);
        t += QLatin1Char('/') + (p.protocol.isEmpty() ? QStringLiteral("TCP") : p.protocol);
        out << t;
    }
    return joinOrNone(out);
}

QString externalIp(const ServiceData &s)
{
    if (s.type == QLatin1String("ExternalName"))
        return s.externalName;
    QStringList ips = s.externalIPs;
    ips += s.loadBalancerIngress;
    if (!ips.isEmpty())
        return ips.join(QLatin1Char(','));
    if (s.type == QLatin1String("LoadBalancer"))
        return QStringLiteral("<pending>");
    return QStringLiteral("<none>");
}

QString hpaTargets(const HpaData &hpa)
{
    QStringList out;
    for (const HpaMetric &m : hpa.metrics) {
        const QString current = m.current.isEmpty() ? QStringLiteral("<unknown>") : m.current;
        QString prefix = m.name.isEmpty() ? QString() : m.name + QStringLiteral(": ");
        out << prefix + current + QLatin1Char('/') + m.target;
    }
    return out.isEmpty() ? QStringLiteral("<none>") : out.join(QStringLiteral(", "));
}

QString selectorText(const KeyValues &labels)
{
    QStringList out;
    for (const KeyValue &kv : labels)
        out << kv.key + QLatin1Char('=') + kv.value;
    return joinOrNone(out);
}

// Columns most kinds share.
constexpr Col NameColumn{.id = "name",
                         .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "NAME"),
                         .role = Role::Name,
                         .text = [](const KubeObject &o) { return o.name; }};
constexpr Col NamespaceColumn{.id = "namespace",
                              .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "NAMESPACE"),
                              .role = Role::Namespace,
                              .text = [](const KubeObject &o) { return o.namespaceName; }};
constexpr Col AgeColumn{.id = "age",
                        .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "AGE"),
                        .type = Type::Age,
                        .timestamp = [](const KubeObject &o) { return o.creationTimestamp; }};
constexpr Col WorkloadImagesColumn{
    .id = "images",
    .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "IMAGES"),
    .text = [](const KubeObject &o) { return images(dataOf<WorkloadData>(o).podTemplate); }};
constexpr Col WorkloadDesiredColumn{
    .id = "desired",
    .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "DESIRED"),
    .type = Type::Number,
    .number = [](const KubeObject &o) { return dataOf<WorkloadData>(o).desired; }};
constexpr Col WorkloadCurrentColumn{
    .id = "current",
    .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "CURRENT"),
    .type = Type::Number,
    .number = [](const KubeObject &o) { return dataOf<WorkloadData>(o).current; }};
constexpr Col WorkloadReadyNumberColumn{
    .id = "ready",
    .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "READY"),
    .type = Type::Number,
    .role = Role::Status,
    .number = [](const KubeObject &o) { return dataOf<WorkloadData>(o).ready; }};
constexpr Col WorkloadReadyFractionColumn{.id = "ready",
                                          .title
                                          = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "READY"),
                                          .role = Role::Status,
                                          .text = [](const KubeObject &o) {
                                              const WorkloadData &w = dataOf<WorkloadData>(o);
                                              return fraction(w.ready, w.desired);
                                          }};
constexpr Col WorkloadUpToDateColumn{
    .id = "up-to-date",
    .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "UP-TO-DATE"),
    .type = Type::Number,
    .number = [](const KubeObject &o) { return dataOf<WorkloadData>(o).updated; }};
constexpr Col WorkloadAvailableColumn{
    .id = "available",
    .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "AVAILABLE"),
    .type = Type::Number,
    .number = [](const KubeObject &o) { return dataOf<WorkloadData>(o).available; }};

RowSeverity alwaysOk(const KubeObject &)
{
    return RowSeverity::Ok;
}

RowSeverity workloadHealth(const KubeObject &o)
{
    const WorkloadData &w = dataOf<WorkloadData>(o);
    if (w.desired > 0 && w.ready == 0)
        return RowSeverity::Error;
    return w.ready < w.desired ? RowSeverity::Warning : RowSeverity::Ok;
}

// Operations.
constexpr const char *DeleteOnly[] = {"delete"};
constexpr const char *PodOperations[] = {"exec", "port-forward", "delete"};
constexpr const char *DeploymentOperations[]
    = {"scale", "restart", "pause", "resume", "set-image", "rollback", "delete"};
constexpr const char *StatefulSetOperations[]
    = {"scale", "restart", "set-image", "rollback", "delete"};
constexpr const char *DaemonSetOperations[] = {"restart", "set-image", "rollback", "delete"};
constexpr const char *ReplicaSetOperations[] = {"scale", "delete"};
constexpr const char *NodeOperations[] = {"cordon", "uncordon", "delete"};

// Pod.
constexpr Col PodColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "ready",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "READY"),
     .text =
         [](const KubeObject &o) {
             const PodData &p = dataOf<PodData>(o);
             return fraction(p.readyContainers, p.totalContainers);
         }},
    {.id = "status",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "STATUS"),
     .role = Role::Status,
     .text =
         [](const KubeObject &o) {
             const PodData &p = dataOf<PodData>(o);
             if (o.deletionTimestamp)
                 return QStringLiteral("Terminating");
             return p.status.isEmpty() ? p.phase : p.status;
         }},
    {.id = "restarts",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "RESTARTS"),
     .type = Type::Number,
     .text =
         [](const KubeObject &o) {
             const PodData &p = dataOf<PodData>(o);
             if (p.restarts > 0 && p.lastRestartTime > 0)
                 return QStringLiteral("%1 (%2 ago)")
                     .arg(p.restarts)
                     .arg(ageText(p.lastRestartTime, nowSeconds()));
             return QString::number(p.restarts);
         },
     .number = [](const KubeObject &o) { return dataOf<PodData>(o).restarts; }},
    AgeColumn,
    {.id = "node",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "NODE"),
     .text = [](const KubeObject &o) { return orNone(dataOf<PodData>(o).nodeName); }},
    {.id = "ip",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "IP"),
     .text = [](const KubeObject &o) { return orNone(dataOf<PodData>(o).podIP); }},
};

RowSeverity podHealth(const KubeObject &o)
{
    const PodData &p = dataOf<PodData>(o);
    const QString s = p.status.isEmpty() ? p.phase : p.status;
    static const QStringList errors
        = {QStringLiteral("CrashLoopBackOff"), QStringLiteral("Error"),
           QStringLiteral("Failed"),           QStringLiteral("ImagePullBackOff"),
           QStringLiteral("ErrImagePull"),     QStringLiteral("Evicted"),
           QStringLiteral("OOMKilled"),        QStringLiteral("CreateContainerConfigError"),
           QStringLiteral("InvalidImageName"), QStringLiteral("Unknown")};
    if (errors.contains(s) || s.startsWith(QLatin1String("Init:Error"))
        || s.startsWith(QLatin1String("Init:CrashLoop")))
        return RowSeverity::Error;
    if (s == QLatin1String("Running") && p.readyContainers < p.totalContainers)
        return RowSeverity::Warning;
    if (s == QLatin1String("Running") || s == QLatin1String("Completed")
        || s == QLatin1String("Succeeded"))
        return RowSeverity::Ok;
    return RowSeverity::Warning;
}

// Deployment, StatefulSet, DaemonSet, ReplicaSet.
constexpr Col DeploymentColumns[] = {
    NameColumn,
    NamespaceColumn,
    WorkloadReadyFractionColumn,
    WorkloadUpToDateColumn,
    WorkloadAvailableColumn,
    AgeColumn,
    WorkloadImagesColumn,
};

constexpr Col StatefulSetColumns[] = {
    NameColumn, NamespaceColumn, WorkloadReadyFractionColumn, AgeColumn, WorkloadImagesColumn,
};

constexpr Col DaemonSetColumns[] = {
    NameColumn,
    NamespaceColumn,
    WorkloadDesiredColumn,
    WorkloadCurrentColumn,
    WorkloadReadyNumberColumn,
    WorkloadUpToDateColumn,
    WorkloadAvailableColumn,
    AgeColumn,
    WorkloadImagesColumn,
};

constexpr Col ReplicaSetColumns[] = {
    NameColumn,
    NamespaceColumn,
    WorkloadDesiredColumn,
    WorkloadCurrentColumn,
    WorkloadReadyNumberColumn,
    AgeColumn,
    WorkloadImagesColumn,
};

// Job.
constexpr Col JobColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "status",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "STATUS"),
     .role = Role::Status,
     .text =
         [](const KubeObject &o) {
             const JobData &j = dataOf<JobData>(o);
             if (j.suspend)
                 return QStringLiteral("Suspended");
             for (const Condition &cond : j.conditions) {
                 if (cond.status == QLatin1String("True")
                     && (cond.type == QLatin1String("Complete")
                         || cond.type == QLatin1String("Failed")))
                     return cond.type;
             }
             return QStringLiteral("Running");
         }},
    {.id = "completions",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "COMPLETIONS"),
     .text =
         [](const KubeObject &o) {
             const JobData &j = dataOf<JobData>(o);
             return fraction(j.succeeded, j.completions);
         }},
    {.id = "duration",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "DURATION"),
     .text =
         [](const KubeObject &o) {
             const JobData &j = dataOf<JobData>(o);
             if (!j.startTime)
                 return QString();
             const qint64 end = j.completionTime ? j.completionTime : nowSeconds();
             return humanDuration(qMax<qint64>(0, end - j.startTime));
         }},
    AgeColumn,
};

RowSeverity jobHealth(const KubeObject &o)
{
    for (const Condition &cond : dataOf<JobData>(o).conditions) {
        if (cond.type == QLatin1String("Failed") && cond.status == QLatin1String("True"))
            return RowSeverity::Error;
    }
    return RowSeverity::Ok;
}

// CronJob.
constexpr Col CronJobColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "schedule",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "SCHEDULE"),
     .text = [](const KubeObject &o) { return dataOf<CronJobData>(o).schedule; }},
    {.id = "timezone",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "TIMEZONE"),
     .text = [](const KubeObject &o) { return orNone(dataOf<CronJobData>(o).timeZone); }},
    {.id = "suspend",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "SUSPEND"),
     .text =
         [](const KubeObject &o) {
             return dataOf<CronJobData>(o).suspend ? QStringLiteral("True")
                                                   : QStringLiteral("False");
         }},
    {.id = "active",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "ACTIVE"),
     .type = Type::Number,
     .number = [](const KubeObject &o) { return dataOf<CronJobData>(o).active; }},
    {.id = "last-schedule",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "LAST SCHEDULE"),
     .type = Type::Age,
     .timestamp = [](const KubeObject &o) { return dataOf<CronJobData>(o).lastScheduleTime; }},
    AgeColumn,
};

// Service.
constexpr Col ServiceColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "type",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "TYPE"),
     .text = [](const KubeObject &o) { return dataOf<ServiceData>(o).type; }},
    {.id = "cluster-ip",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "CLUSTER-IP"),
     .text = [](const KubeObject &o) { return orNone(dataOf<ServiceData>(o).clusterIP); }},
    {.id = "external-ip",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "EXTERNAL-IP"),
     .text = [](const KubeObject &o) { return externalIp(dataOf<ServiceData>(o)); }},
    {.id = "ports",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "PORT(S)"),
     .text = [](const KubeObject &o) { return servicePorts(dataOf<ServiceData>(o)); }},
    AgeColumn,
    {.id = "selector",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "SELECTOR"),
     .text = [](const KubeObject &o) { return selectorText(dataOf<ServiceData>(o).selector); }},
};

// Endpoints.
constexpr Col EndpointsColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "endpoints",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "ENDPOINTS"),
     .text =
         [](const KubeObject &o) {
             const EndpointsData &e = dataOf<EndpointsData>(o);
             QStringList out;
             for (const EndpointAddress &a : e.addresses) {
                 if (!a.ready)
                     continue;
                 if (e.ports.isEmpty())
                     out << a.ip;
                 for (const ServicePort &p : e.ports)
                     out << a.ip + QLatin1Char(':') + QString::number(p.port);
                 if (out.size() > 3)
                     break;
             }
             return joinOrNone(out);
         }},
    AgeColumn,
};

// Ingress.
constexpr Col IngressColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "class",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "CLASS"),
     .text = [](const KubeObject &o) { return orNone(dataOf<IngressData>(o).ingressClass); }},
    {.id = "hosts",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "HOSTS"),
     .text =
         [](const KubeObject &o) {
             const QStringList h = dataOf<IngressData>(o).hosts;
             return h.isEmpty() ? QStringLiteral("*") : h.join(QLatin1Char(','));
         }},
    {.id = "paths",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "PATHS → BACKENDS"),
     .text =
         [](const KubeObject &o) {
             QStringList out;
             for (const IngressPath &p : dataOf<IngressData>(o).paths) {
                 const QString backend
                     = p.backend.serviceName.isEmpty()
                           ? p.backend.resourceKind + QLatin1Char('/') + p.backend.resourceName
                           : p.backend.serviceName + QLatin1Char(':') + p.backend.servicePort;
                 out << (p.path.isEmpty() ? QStringLiteral("/") : p.path) + QStringLiteral(" → ")
                            + backend;
             }
             return out.join(QStringLiteral(", "));
         }},
    {.id = "tls",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "TLS"),
     .text =
         [](const KubeObject &o) {
             QStringList out;
             for (const auto &t : dataOf<IngressData>(o).tls)
                 out << t.second;
             return joinOrNone(out);
         }},
    {.id = "address",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "ADDRESS"),
     .text =
         [](const KubeObject &o) {
             return dataOf<IngressData>(o).loadBalancerIngress.join(QLatin1Char(','));
         }},
    AgeColumn,
};

// HorizontalPodAutoscaler.
constexpr Col HpaColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "reference",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "REFERENCE"),
     .text =
         [](const KubeObject &o) {
             const HpaData &h = dataOf<HpaData>(o);
             return h.targetKind + QLatin1Char('/') + h.targetName;
         }},
    {.id = "targets",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "TARGETS"),
     .role = Role::Status,
     .text = [](const KubeObject &o) { return hpaTargets(dataOf<HpaData>(o)); }},
    {.id = "minpods",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "MINPODS"),
     .type = Type::Number,
     .number = [](const KubeObject &o) { return dataOf<HpaData>(o).minReplicas; }},
    {.id = "maxpods",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "MAXPODS"),
     .type = Type::Number,
     .number = [](const KubeObject &o) { return dataOf<HpaData>(o).maxReplicas; }},
    {.id = "replicas",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "REPLICAS"),
     .type = Type::Number,
     .number = [](const KubeObject &o) { return dataOf<HpaData>(o).currentReplicas; }},
    AgeColumn,
};

RowSeverity hpaHealth(const KubeObject &o)
{
    const HpaData &h = dataOf<HpaData>(o);
    for (const Condition &cond : h.conditions) {
        if (cond.type == QLatin1String("ScalingActive") && cond.status == QLatin1String("False"))
            return RowSeverity::Warning;
    }
    return h.maxReplicas > 0 && h.currentReplicas >= h.maxReplicas ? RowSeverity::Warning
                                                                   : RowSeverity::Ok;
}

// ConfigMap and Secret.
constexpr Col ConfigMapColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "data",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "DATA"),
     .type = Type::Number,
     .number = [](const KubeObject &o) { return int(dataOf<ConfigMapData>(o).keys.size()); }},
    {.id = "keys",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "KEYS"),
     .text =
         [](const KubeObject &o) {
             return dataOf<ConfigMapData>(o).keys.join(QStringLiteral(", "));
         }},
    AgeColumn,
};

constexpr Col SecretColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "type",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "TYPE"),
     .text = [](const KubeObject &o) { return dataOf<SecretData>(o).type; }},
    {.id = "data",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "DATA"),
     .type = Type::Number,
     .number = [](const KubeObject &o) { return int(dataOf<SecretData>(o).keys.size()); }},
    {.id = "keys",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "KEYS"),
     .text
     = [](const KubeObject &o) { return dataOf<SecretData>(o).keys.join(QStringLiteral(", ")); }},
    AgeColumn,
};

// PersistentVolumeClaim and PersistentVolume.
constexpr Col PvcColumns[] = {
    NameColumn,
    NamespaceColumn,
    {.id = "status",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "STATUS"),
     .role = Role::Status,
     .text = [](const KubeObject &o) { return dataOf<PvcData>(o).phase; }},
    {.id = "volume",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "VOLUME"),
     .text = [](const KubeObject &o) { return dataOf<PvcData>(o).volumeName; }},
    {.id = "capacity",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "CAPACITY"),
     .text = [](const KubeObject &o) { return dataOf<PvcData>(o).capacity; }},
    {.id = "access-modes",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "ACCESS MODES"),
     .text = [](const KubeObject &o) { return accessModesShort(dataOf<PvcData>(o).accessModes); }},
    {.id = "storageclass",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "STORAGECLASS"),
     .text = [](const KubeObject &o) { return dataOf<PvcData>(o).storageClass; }},
    AgeColumn,
};

RowSeverity pvcHealth(const KubeObject &o)
{
    const QString phase = dataOf<PvcData>(o).phase;
    if (phase == QLatin1String("Lost"))
        return RowSeverity::Error;
    return phase == QLatin1String("Bound") ? RowSeverity::Ok : RowSeverity::Warning;
}

constexpr Col PvColumns[] = {
    NameColumn,
    {.id = "capacity",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "CAPACITY"),
     .text = [](const KubeObject &o) { return dataOf<PvData>(o).capacity; }},
    {.id = "access-modes",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "ACCESS MODES"),
     .text = [](const KubeObject &o) { return accessModesShort(dataOf<PvData>(o).accessModes); }},
    {.id = "reclaim-policy",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "RECLAIM POLICY"),
     .text = [](const KubeObject &o) { return dataOf<PvData>(o).reclaimPolicy; }},
    {.id = "status",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "STATUS"),
     .role = Role::Status,
     .text = [](const KubeObject &o) { return dataOf<PvData>(o).phase; }},
    {.id = "claim",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "CLAIM"),
     .text =
         [](const KubeObject &o) {
             const PvData &p = dataOf<PvData>(o);
             return p.claimName.isEmpty() ? QString()
                                          : p.claimNamespace + QLatin1Char('/') + p.claimName;
         }},
    {.id = "storageclass",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "STORAGECLASS"),
     .text = [](const KubeObject &o) { return dataOf<PvData>(o).storageClass; }},
    AgeColumn,
};

RowSeverity pvHealth(const KubeObject &o)
{
    return dataOf<PvData>(o).phase == QLatin1String("Failed") ? RowSeverity::Error
                                                              : RowSeverity::Ok;
}

// Node and Namespace.
constexpr Col NodeColumns[] = {
    NameColumn,
    {.id = "status",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "STATUS"),
     .role = Role::Status,
     .text =
         [](const KubeObject &o) {
             const NodeData &n = dataOf<NodeData>(o);
             QString s = n.ready ? QStringLiteral("Ready") : QStringLiteral("NotReady");
             if (n.unschedulable)
                 s += QStringLiteral(",SchedulingDisabled");
             return s;
         }},
    {.id = "roles",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "ROLES"),
     .text = [](const KubeObject &o) { return joinOrNone(dataOf<NodeData>(o).roles); }},
    AgeColumn,
    {.id = "version",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "VERSION"),
     .text = [](const KubeObject &o) { return dataOf<NodeData>(o).kubeletVersion; }},
    {.id = "internal-ip",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "INTERNAL-IP"),
     .text = [](const KubeObject &o) { return dataOf<NodeData>(o).internalIP; }},
    {.id = "os-image",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "OS-IMAGE"),
     .text = [](const KubeObject &o) { return dataOf<NodeData>(o).osImage; }},
    {.id = "container-runtime",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "CONTAINER-RUNTIME"),
     .text = [](const KubeObject &o) { return dataOf<NodeData>(o).containerRuntime; }},
};

RowSeverity nodeHealth(const KubeObject &o)
{
    return dataOf<NodeData>(o).ready ? RowSeverity::Ok : RowSeverity::Error;
}

constexpr Col NamespaceColumns[] = {
    NameColumn,
    {.id = "status",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "STATUS"),
     .role = Role::Status,
     .text = [](const KubeObject &o) { return dataOf<NamespaceData>(o).phase; }},
    AgeColumn,
};

RowSeverity namespaceHealth(const KubeObject &o)
{
    return dataOf<NamespaceData>(o).phase == QLatin1String("Terminating") ? RowSeverity::Warning
                                                                          : RowSeverity::Ok;
}

// Event: kubectl get events puts LAST SEEN first and the name last.
constexpr Col EventColumns[] = {
    {.id = "last-seen",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "LAST SEEN"),
     .type = Type::Age,
     .timestamp =
         [](const KubeObject &o) {
             const EventData &e = dataOf<EventData>(o);
             return e.lastTimestamp ? e.lastTimestamp : o.creationTimestamp;
         }},
    {.id = "type",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "TYPE"),
     .role = Role::Status,
     .text = [](const KubeObject &o) { return dataOf<EventData>(o).type; }},
    {.id = "reason",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "REASON"),
     .text = [](const KubeObject &o) { return dataOf<EventData>(o).reason; }},
    {.id = "object",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "OBJECT"),
     .text =
         [](const KubeObject &o) {
             const EventData &e = dataOf<EventData>(o);
             return e.involvedKind.toLower() + QLatin1Char('/') + e.involvedName;
         }},
    {.id = "message",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "MESSAGE"),
     .text = [](const KubeObject &o) { return dataOf<EventData>(o).message.simplified(); }},
    {.id = "count",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "COUNT"),
     .type = Type::Number,
     .number = [](const KubeObject &o) { return dataOf<EventData>(o).count; }},
    {.id = "first-seen",
     .title = QT_TRANSLATE_NOOP("Orrery::ResourceColumns", "FIRST SEEN"),
     .type = Type::Age,
     .timestamp =
         [](const KubeObject &o) {
             const EventData &e = dataOf<EventData>(o);
             return e.firstTimestamp ? e.firstTimestamp : o.creationTimestamp;
         }},
    NamespaceColumn,
    NameColumn,
};

RowSeverity eventHealth(const KubeObject &o)
{
    return dataOf<EventData>(o).type == QLatin1String("Warning") ? RowSeverity::Warning
                                                                 : RowSeverity::Ok;
}

// ControllerRevision: not listed; its columns serve the details pane.
constexpr Col ControllerRevisionColumns[] = {NameColumn, NamespaceColumn, AgeColumn};

// The table, in navigator order. Versions are those whose shape the decoder understands;
// extensions/v1beta1 and friends are gone from every supported server (1.27+), so they are
// not listed. Short names are kubectl's (the API server's discovery).
constexpr std::array<KindInfo, KindCount> s_kinds = {{
    {.kind = Kind::Pod,
     .name = "Pod",
     .group = "",
     .resource = "pods",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"po"},
     .category = KindCategory::Workloads,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Pod"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Pods"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln pod(s)"),
     .icon = "pod",
     .listed = true,
     .hasLogs = true,
     .operations = PodOperations,
     .columns = PodColumns,
     .health = podHealth},
    {.kind = Kind::Deployment,
     .name = "Deployment",
     .group = "apps",
     .resource = "deployments",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"deploy"},
     .category = KindCategory::Workloads,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Deployment"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Deployments"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln deployment(s)"),
     .icon = "deployment",
     .listed = true,
     .hasLogs = true,
     .operations = DeploymentOperations,
     .columns = DeploymentColumns,
     .health = workloadHealth},
    {.kind = Kind::StatefulSet,
     .name = "StatefulSet",
     .group = "apps",
     .resource = "statefulsets",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"sts"},
     .category = KindCategory::Workloads,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "StatefulSet"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "StatefulSets"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln statefulset(s)"),
     .icon = "statefulset",
     .listed = true,
     .hasLogs = true,
     .operations = StatefulSetOperations,
     .columns = StatefulSetColumns,
     .health = workloadHealth},
    {.kind = Kind::DaemonSet,
     .name = "DaemonSet",
     .group = "apps",
     .resource = "daemonsets",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"ds"},
     .category = KindCategory::Workloads,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "DaemonSet"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "DaemonSets"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln daemonset(s)"),
     .icon = "daemonset",
     .listed = true,
     .hasLogs = true,
     .operations = DaemonSetOperations,
     .columns = DaemonSetColumns,
     .health = workloadHealth},
    {.kind = Kind::ReplicaSet,
     .name = "ReplicaSet",
     .group = "apps",
     .resource = "replicasets",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"rs"},
     .category = KindCategory::Workloads,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "ReplicaSet"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "ReplicaSets"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln replicaset(s)"),
     .icon = "replicaset",
     .listed = true,
     .hasLogs = true,
     .operations = ReplicaSetOperations,
     .columns = ReplicaSetColumns,
     .health = workloadHealth},
    {.kind = Kind::Job,
     .name = "Job",
     .group = "batch",
     .resource = "jobs",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {},
     .category = KindCategory::Workloads,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Job"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Jobs"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln job(s)"),
     .icon = "job",
     .listed = true,
     .hasLogs = true,
     .operations = DeleteOnly,
     .columns = JobColumns,
     .health = jobHealth},
    {.kind = Kind::CronJob,
     .name = "CronJob",
     .group = "batch",
     .resource = "cronjobs",
     .namespaced = true,
     .versions = {"v1", "v1beta1"},
     .shortNames = {"cj"},
     .category = KindCategory::Workloads,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "CronJob"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "CronJobs"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln cronjob(s)"),
     .icon = "cronjob",
     .listed = true,
     .hasLogs = false,
     .operations = DeleteOnly,
     .columns = CronJobColumns,
     .health = alwaysOk},
    {.kind = Kind::HorizontalPodAutoscaler,
     .name = "HorizontalPodAutoscaler",
     .group = "autoscaling",
     .resource = "horizontalpodautoscalers",
     .namespaced = true,
     .versions = {"v2", "v2beta2", "v1"},
     .shortNames = {"hpa"},
     .category = KindCategory::Workloads,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "HorizontalPodAutoscaler"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Autoscalers (HPA)"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln autoscaler(s) (HPA)"),
     .icon = "horizontalpodautoscaler",
     .listed = true,
     .hasLogs = false,
     .operations = DeleteOnly,
     .columns = HpaColumns,
     .health = hpaHealth},
    {.kind = Kind::Service,
     .name = "Service",
     .group = "",
     .resource = "services",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"svc"},
     .category = KindCategory::Network,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Service"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Services"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln service(s)"),
     .icon = "service",
     .listed = true,
     .hasLogs = false,
     .operations = DeleteOnly,
     .columns = ServiceColumns,
     .health = alwaysOk},
    {.kind = Kind::Ingress,
     .name = "Ingress",
     .group = "networking.k8s.io",
     .resource = "ingresses",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"ing"},
     .category = KindCategory::Network,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Ingress"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Ingresses"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln ingress(es)"),
     .icon = "ingress",
     .listed = true,
     .hasLogs = false,
     .operations = DeleteOnly,
     .columns = IngressColumns,
     .health = alwaysOk},
    {.kind = Kind::Endpoints,
     .name = "Endpoints",
     .group = "",
     .resource = "endpoints",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"ep"},
     .category = KindCategory::Network,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Endpoints"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Endpoints"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln endpoints"),
     .icon = "endpoints",
     .listed = true,
     .hasLogs = false,
     .operations = {},
     .columns = EndpointsColumns,
     .health = alwaysOk},
    {.kind = Kind::ConfigMap,
     .name = "ConfigMap",
     .group = "",
     .resource = "configmaps",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"cm"},
     .category = KindCategory::ConfigAndStorage,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "ConfigMap"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "ConfigMaps"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln configmap(s)"),
     .icon = "configmap",
     .listed = true,
     .hasLogs = false,
     .operations = DeleteOnly,
     .columns = ConfigMapColumns,
     .health = alwaysOk},
    {.kind = Kind::Secret,
     .name = "Secret",
     .group = "",
     .resource = "secrets",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {},
     .category = KindCategory::ConfigAndStorage,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Secret"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Secrets"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln secret(s)"),
     .icon = "secret",
     .listed = true,
     .hasLogs = false,
     .operations = DeleteOnly,
     .columns = SecretColumns,
     .health = alwaysOk},
    {.kind = Kind::PersistentVolumeClaim,
     .name = "PersistentVolumeClaim",
     .group = "",
     .resource = "persistentvolumeclaims",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"pvc"},
     .category = KindCategory::ConfigAndStorage,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "PersistentVolumeClaim"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Persistent Volume Claims"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln persistent volume claim(s)"),
     .icon = "persistentvolumeclaim",
     .listed = true,
     .hasLogs = false,
     .operations = DeleteOnly,
     .columns = PvcColumns,
     .health = pvcHealth},
    {.kind = Kind::PersistentVolume,
     .name = "PersistentVolume",
     .group = "",
     .resource = "persistentvolumes",
     .namespaced = false,
     .versions = {"v1"},
     .shortNames = {"pv"},
     .category = KindCategory::ConfigAndStorage,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "PersistentVolume"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Persistent Volumes"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln persistent volume(s)"),
     .icon = "persistentvolume",
     .listed = true,
     .hasLogs = false,
     .operations = DeleteOnly,
     .columns = PvColumns,
     .health = pvHealth},
    {.kind = Kind::Node,
     .name = "Node",
     .group = "",
     .resource = "nodes",
     .namespaced = false,
     .versions = {"v1"},
     .shortNames = {"no"},
     .category = KindCategory::Cluster,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Node"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Nodes"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln node(s)"),
     .icon = "node",
     .listed = true,
     .hasLogs = false,
     .operations = NodeOperations,
     .columns = NodeColumns,
     .health = nodeHealth},
    {.kind = Kind::Namespace,
     .name = "Namespace",
     .group = "",
     .resource = "namespaces",
     .namespaced = false,
     .versions = {"v1"},
     .shortNames = {"ns"},
     .category = KindCategory::Cluster,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Namespace"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Namespaces"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln namespace(s)"),
     .icon = "namespace",
     .listed = true,
     .hasLogs = false,
     .operations = DeleteOnly,
     .columns = NamespaceColumns,
     .health = namespaceHealth},
    {.kind = Kind::Event,
     .name = "Event",
     .group = "",
     .resource = "events",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {"ev"},
     .category = KindCategory::Events,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "Event"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Events"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln event(s)"),
     .icon = "event",
     .listed = true,
     .hasLogs = false,
     .operations = {},
     .columns = EventColumns,
     .health = eventHealth},
    {.kind = Kind::ControllerRevision,
     .name = "ControllerRevision",
     .group = "apps",
     .resource = "controllerrevisions",
     .namespaced = true,
     .versions = {"v1"},
     .shortNames = {},
     .category = KindCategory::Cluster,
     .singular = QT_TRANSLATE_NOOP("Orrery::Kinds", "ControllerRevision"),
     .plural = QT_TRANSLATE_NOOP("Orrery::ResourceNavigator", "Controller Revisions"),
     .count = QT_TRANSLATE_N_NOOP("Orrery::Kinds", "%Ln controller revision(s)"),
     .icon = "replicaset", // no icon of its own; shown with ReplicaSet's
     .listed = false,
     .hasLogs = false,
     .operations = {},
     .columns = ControllerRevisionColumns,
     .health = alwaysOk},
}};

// Row of each enumerator; the table has KindCount rows, so "every enumerator has a row" also
// means "no kind has two".
constexpr std::array<int, KindCount> s_rowOf = [] {
    std::array<int, KindCount> rows{};
    rows.fill(-1);
    for (int i = 0; i < KindCount; ++i)
        rows[std::size_t(s_kinds[std::size_t(i)].kind)] = i;
    return rows;
}();
static_assert(
    [] {
        for (int row : s_rowOf) {
            if (row < 0)
                return false;
        }
        return true;
    }(),
    "every Kind enumerator needs exactly one row in s_kinds");

QStringList toList(std::span<const char *const> items)
{
    QStringList out;
    for (const char *item : items) {
        if (item)
            out << QString::fromLatin1(item);
    }
    return out;
}

} // namespace

QString KindColumn::translatedTitle() const
{
    return QCoreApplication::translate(ColumnsContext, title);
}

QString KindColumn::cellText(const KubeObject &object) const
{
    if (text)
        return text(object);
    if (number)
        return QString::number(number(object));
    return {};
}

QVariant KindColumn::sortKey(const KubeObject &object) const
{
    return number ? QVariant(number(object)) : QVariant();
}

const KindInfo &kindInfo(Kind kind)
{
    return s_kinds[std::size_t(s_rowOf[std::size_t(kind)])];
}

std::span<const KindInfo> kindTable()
{
    return s_kinds;
}

QList<Kind> allKinds()
{
    QList<Kind> kinds;
    kinds.reserve(KindCount);
    for (int k = 0; k < KindCount; ++k)
        kinds.append(Kind(k));
    return kinds;
}

QString kindName(Kind kind)
{
    return QString::fromLatin1(kindInfo(kind).name);
}

std::optional<Kind> kindFromName(const QString &name)
{
    for (const KindInfo &info : s_kinds) {
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0
            || name.compare(QLatin1String(info.resource), Qt::CaseInsensitive) == 0)
            return info.kind;
    }
    return std::nullopt;
}

QString kindSingularName(Kind kind)
{
    return QCoreApplication::translate(KindsContext, kindInfo(kind).singular);
}

QString kindPluralName(Kind kind)
{
    return kindPluralName(kindInfo(kind));
}

QString kindCount(Kind kind, int n)
{
    return QCoreApplication::translate(KindsContext, kindInfo(kind).count, nullptr, n);
}

QString kindPluralName(const KindInfo &info)
{
    return QCoreApplication::translate(NavigatorContext, info.plural);
}

QString kindCategoryTitle(KindCategory category)
{
    switch (category) {
    case KindCategory::Workloads:
        return QCoreApplication::translate("Orrery::ResourceNavigator", "Workloads");
    case KindCategory::Network:
        return QCoreApplication::translate("Orrery::ResourceNavigator", "Network");
    case KindCategory::ConfigAndStorage:
        return QCoreApplication::translate("Orrery::ResourceNavigator", "Config and Storage");
    case KindCategory::Cluster:
        return QCoreApplication::translate("Orrery::ResourceNavigator", "Cluster");
    case KindCategory::Events:
        return QCoreApplication::translate("Orrery::ResourceNavigator", "Events");
    }
    return {};
}

QStringList kindShortNames(Kind kind)
{
    return toList(kindInfo(kind).shortNames);
}

QStringList allowedOperations(Kind kind)
{
    return toList(kindInfo(kind).operations);
}

RowSeverity kindHealth(const KubeObject &object)
{
    return kindInfo(object.kind).health(object);
}

} // namespace Orrery
