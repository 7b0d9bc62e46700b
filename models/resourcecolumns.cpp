// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcecolumns.h"

#include "ageformat.h"

#include <QCoreApplication>
#include <QDateTime>

#include <array>
#include <mutex>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ResourceColumns", text);
}

using Col = ResourceColumn;

Col nameCol()
{
    Col c;
    c.title = tr("NAME");
    c.isName = true;
    c.text = [](const KubeObject &o) { return o.name; };
    return c;
}

Col namespaceCol()
{
    Col c;
    c.title = tr("NAMESPACE");
    c.isNamespace = true;
    c.text = [](const KubeObject &o) { return o.namespaceName; };
    return c;
}

Col ageCol(const QString &title = {})
{
    Col c;
    c.title = title.isEmpty() ? tr("AGE") : title;
    c.type = Col::Type::Age;
    c.timestamp = [](const KubeObject &o) { return o.creationTimestamp; };
    return c;
}

Col textCol(const QString &title, std::function<QString(const KubeObject &)> text,
            bool status = false)
{
    Col c;
    c.title = title;
    c.text = std::move(text);
    c.isStatus = status;
    return c;
}

Col numberCol(const QString &title, std::function<int(const KubeObject &)> number)
{
    Col c;
    c.title = title;
    c.type = Col::Type::Number;
    c.text = [number](const KubeObject &o) { return QString::number(number(o)); };
    c.sortKey = [number](const KubeObject &o) { return QVariant(number(o)); };
    return c;
}

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

QString joinOrNone(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("<none>") : list.join(QLatin1Char(','));
}

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

QString ResourceColumns::accessModesShort(const QStringList &modes)
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

QString ResourceColumns::images(const PodSpecSummary &spec)
{
    QStringList out;
    for (const ContainerInfo &c : spec.containers)
        out << c.image;
    return out.join(QLatin1Char(','));
}

QString ResourceColumns::servicePorts(const ServiceData &s)
{
    QStringList out;
    for (const ServicePort &p : s.ports) {
        QString t = QString::number(p.port);
        if (p.nodePort)
            t += QLatin1Char(':') + QString::number(p.nodePort);
        t += QLatin1Char('/') + (p.protocol.isEmpty() ? QStringLiteral("TCP") : p.protocol);
        out << t;
    }
    return out.isEmpty() ? QStringLiteral("<none>") : out.join(QLatin1Char(','));
}

QString ResourceColumns::externalIp(const ServiceData &s)
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

QString ResourceColumns::hpaTargets(const HpaData &hpa)
{
    QStringList out;
    for (const HpaMetric &m : hpa.metrics) {
        const QString current = m.current.isEmpty() ? QStringLiteral("<unknown>") : m.current;
        QString prefix = m.name.isEmpty() ? QString() : m.name + QStringLiteral(": ");
        out << prefix + current + QLatin1Char('/') + m.target;
    }
    return out.isEmpty() ? QStringLiteral("<none>") : out.join(QStringLiteral(", "));
}

QString ResourceColumns::selectorText(const KeyValues &labels)
{
    QStringList out;
    for (const KeyValue &kv : labels)
        out << kv.key + QLatin1Char('=') + kv.value;
    return out.isEmpty() ? QStringLiteral("<none>") : out.join(QLatin1Char(','));
}

const QList<ResourceColumn> &ResourceColumns::columns(Kind kind)
{
    static std::array<QList<ResourceColumn>, KindCount> cache;
    static std::once_flag once;
    std::call_once(once, [] {
        for (int k = 0; k < KindCount; ++k)
            cache[k] = build(static_cast<Kind>(k));
    });
    return cache[static_cast<int>(kind)];
}

QList<ResourceColumn> ResourceColumns::build(Kind kind)
{
    QList<Col> c;
    const bool namespaced
        = kind != Kind::Node && kind != Kind::Namespace && kind != Kind::PersistentVolume;
    if (kind == Kind::Event) {
        // kubectl get events puts LAST SEEN first.
        Col last = ageCol(tr("LAST SEEN"));
        last.timestamp = [](const KubeObject &o) {
            const EventData &e = dataOf<EventData>(o);
            return e.lastTimestamp ? e.lastTimestamp : o.creationTimestamp;
        };
        c << last;
        c << textCol(
            tr("TYPE"), [](const KubeObject &o) { return dataOf<EventData>(o).type; }, true);
        c << textCol(tr("REASON"), [](const KubeObject &o) { return dataOf<EventData>(o).reason; });
        c << textCol(tr("OBJECT"), [](const KubeObject &o) {
            const EventData &e = dataOf<EventData>(o);
            return e.involvedKind.toLower() + QLatin1Char('/') + e.involvedName;
        });
        c << textCol(tr("MESSAGE"),
                     [](const KubeObject &o) { return dataOf<EventData>(o).message.simplified(); });
        c << numberCol(tr("COUNT"), [](const KubeObject &o) { return dataOf<EventData>(o).count; });
        c << namespaceCol();
        c << nameCol();
        return c;
    }

    c << nameCol();
    if (namespaced)
        c << namespaceCol();

    switch (kind) {
    case Kind::Pod: {
        c << textCol(tr("READY"), [](const KubeObject &o) {
            const PodData &p = dataOf<PodData>(o);
            return fraction(p.readyContainers, p.totalContainers);
        });
        c << textCol(
            tr("STATUS"),
            [](const KubeObject &o) {
                const PodData &p = dataOf<PodData>(o);
                if (o.deletionTimestamp)
                    return QStringLiteral("Terminating");
                return p.status.isEmpty() ? p.phase : p.status;
            },
            true);
        Col restarts;
        restarts.title = tr("RESTARTS");
        restarts.type = Col::Type::Number;
        restarts.text = [](const KubeObject &o) {
            const PodData &p = dataOf<PodData>(o);
            if (p.restarts > 0 && p.lastRestartTime > 0)
                return QStringLiteral("%1 (%2 ago)")
                    .arg(p.restarts)
                    .arg(ageText(p.lastRestartTime, nowSeconds()));
            return QString::number(p.restarts);
        };
        restarts.sortKey
            = [](const KubeObject &o) { return QVariant(dataOf<PodData>(o).restarts); };
        c << restarts;
        c << ageCol();
        c << textCol(tr("NODE"), [](const KubeObject &o) {
            const QString n = dataOf<PodData>(o).nodeName;
            return n.isEmpty() ? QStringLiteral("<none>") : n;
        });
        c << textCol(tr("IP"), [](const KubeObject &o) {
            const QString ip = dataOf<PodData>(o).podIP;
            return ip.isEmpty() ? QStringLiteral("<none>") : ip;
        });
        break;
    }
    case Kind::Deployment:
        c << textCol(
            tr("READY"),
            [](const KubeObject &o) {
                const WorkloadData &w = dataOf<WorkloadData>(o);
                return fraction(w.ready, w.desired);
            },
            true);
        c << numberCol(tr("UP-TO-DATE"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).updated; });
        c << numberCol(tr("AVAILABLE"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).available; });
        c << ageCol();
        c << textCol(tr("IMAGES"), [](const KubeObject &o) {
            return images(dataOf<WorkloadData>(o).podTemplate);
        });
        break;
    case Kind::StatefulSet:
        c << textCol(
            tr("READY"),
            [](const KubeObject &o) {
                const WorkloadData &w = dataOf<WorkloadData>(o);
                return fraction(w.ready, w.desired);
            },
            true);
        c << ageCol();
        c << textCol(tr("IMAGES"), [](const KubeObject &o) {
            return images(dataOf<WorkloadData>(o).podTemplate);
        });
        break;
    case Kind::DaemonSet:
        c << numberCol(tr("DESIRED"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).desired; });
        c << numberCol(tr("CURRENT"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).current; });
        c << numberCol(tr("READY"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).ready; });
        c.last().isStatus = true;
        c << numberCol(tr("UP-TO-DATE"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).updated; });
        c << numberCol(tr("AVAILABLE"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).available; });
        c << ageCol();
        c << textCol(tr("IMAGES"), [](const KubeObject &o) {
            return images(dataOf<WorkloadData>(o).podTemplate);
        });
        break;
    case Kind::ReplicaSet:
        c << numberCol(tr("DESIRED"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).desired; });
        c << numberCol(tr("CURRENT"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).current; });
        c << numberCol(tr("READY"),
                       [](const KubeObject &o) { return dataOf<WorkloadData>(o).ready; });
        c.last().isStatus = true;
        c << ageCol();
        c << textCol(tr("IMAGES"), [](const KubeObject &o) {
            return images(dataOf<WorkloadData>(o).podTemplate);
        });
        break;
    case Kind::Job:
        c << textCol(
            tr("STATUS"),
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
            },
            true);
        c << textCol(tr("COMPLETIONS"), [](const KubeObject &o) {
            const JobData &j = dataOf<JobData>(o);
            return fraction(j.succeeded, j.completions);
        });
        c << textCol(tr("DURATION"), [](const KubeObject &o) {
            const JobData &j = dataOf<JobData>(o);
            if (!j.startTime)
                return QString();
            const qint64 end = j.completionTime ? j.completionTime : nowSeconds();
            return humanDuration(qMax<qint64>(0, end - j.startTime));
        });
        c << ageCol();
        break;
    case Kind::CronJob:
        c << textCol(tr("SCHEDULE"),
                     [](const KubeObject &o) { return dataOf<CronJobData>(o).schedule; });
        c << textCol(tr("TIMEZONE"), [](const KubeObject &o) {
            const QString tz = dataOf<CronJobData>(o).timeZone;
            return tz.isEmpty() ? QStringLiteral("<none>") : tz;
        });
        c << textCol(tr("SUSPEND"), [](const KubeObject &o) {
            return dataOf<CronJobData>(o).suspend ? QStringLiteral("True")
                                                  : QStringLiteral("False");
        });
        c << numberCol(tr("ACTIVE"),
                       [](const KubeObject &o) { return dataOf<CronJobData>(o).active; });
        {
            Col last = ageCol(tr("LAST SCHEDULE"));
            last.timestamp
                = [](const KubeObject &o) { return dataOf<CronJobData>(o).lastScheduleTime; };
            c << last;
        }
        c << ageCol();
        break;
    case Kind::Service:
        c << textCol(tr("TYPE"), [](const KubeObject &o) { return dataOf<ServiceData>(o).type; });
        c << textCol(tr("CLUSTER-IP"), [](const KubeObject &o) {
            const QString ip = dataOf<ServiceData>(o).clusterIP;
            return ip.isEmpty() ? QStringLiteral("<none>") : ip;
        });
        c << textCol(tr("EXTERNAL-IP"),
                     [](const KubeObject &o) { return externalIp(dataOf<ServiceData>(o)); });
        c << textCol(tr("PORT(S)"),
                     [](const KubeObject &o) { return servicePorts(dataOf<ServiceData>(o)); });
        c << ageCol();
        c << textCol(tr("SELECTOR"), [](const KubeObject &o) {
            return selectorText(dataOf<ServiceData>(o).selector);
        });
        break;
    case Kind::Ingress:
        c << textCol(tr("CLASS"), [](const KubeObject &o) {
            const QString cls = dataOf<IngressData>(o).ingressClass;
            return cls.isEmpty() ? QStringLiteral("<none>") : cls;
        });
        c << textCol(tr("HOSTS"), [](const KubeObject &o) {
            const QStringList h = dataOf<IngressData>(o).hosts;
            return h.isEmpty() ? QStringLiteral("*") : h.join(QLatin1Char(','));
        });
        c << textCol(tr("PATHS → BACKENDS"), [](const KubeObject &o) {
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
        });
        c << textCol(tr("TLS"), [](const KubeObject &o) {
            QStringList out;
            for (const auto &t : dataOf<IngressData>(o).tls)
                out << t.second;
            return out.isEmpty() ? QStringLiteral("<none>") : out.join(QLatin1Char(','));
        });
        c << textCol(tr("ADDRESS"), [](const KubeObject &o) {
            return dataOf<IngressData>(o).loadBalancerIngress.join(QLatin1Char(','));
        });
        c << ageCol();
        break;
    case Kind::HorizontalPodAutoscaler:
        c << textCol(tr("REFERENCE"), [](const KubeObject &o) {
            const HpaData &h = dataOf<HpaData>(o);
            return h.targetKind + QLatin1Char('/') + h.targetName;
        });
        c << textCol(
            tr("TARGETS"), [](const KubeObject &o) { return hpaTargets(dataOf<HpaData>(o)); },
            true);
        c << numberCol(tr("MINPODS"),
                       [](const KubeObject &o) { return dataOf<HpaData>(o).minReplicas; });
        c << numberCol(tr("MAXPODS"),
                       [](const KubeObject &o) { return dataOf<HpaData>(o).maxReplicas; });
        c << numberCol(tr("REPLICAS"),
                       [](const KubeObject &o) { return dataOf<HpaData>(o).currentReplicas; });
        c << ageCol();
        break;
    case Kind::PersistentVolumeClaim:
        c << textCol(
            tr("STATUS"), [](const KubeObject &o) { return dataOf<PvcData>(o).phase; }, true);
        c << textCol(tr("VOLUME"),
                     [](const KubeObject &o) { return dataOf<PvcData>(o).volumeName; });
        c << textCol(tr("CAPACITY"),
                     [](const KubeObject &o) { return dataOf<PvcData>(o).capacity; });
        c << textCol(tr("ACCESS MODES"), [](const KubeObject &o) {
            return accessModesShort(dataOf<PvcData>(o).accessModes);
        });
        c << textCol(tr("STORAGECLASS"),
                     [](const KubeObject &o) { return dataOf<PvcData>(o).storageClass; });
        c << ageCol();
        break;
    case Kind::PersistentVolume:
        c << textCol(tr("CAPACITY"),
                     [](const KubeObject &o) { return dataOf<PvData>(o).capacity; });
        c << textCol(tr("ACCESS MODES"), [](const KubeObject &o) {
            return accessModesShort(dataOf<PvData>(o).accessModes);
        });
        c << textCol(tr("RECLAIM POLICY"),
                     [](const KubeObject &o) { return dataOf<PvData>(o).reclaimPolicy; });
        c << textCol(
            tr("STATUS"), [](const KubeObject &o) { return dataOf<PvData>(o).phase; }, true);
        c << textCol(tr("CLAIM"), [](const KubeObject &o) {
            const PvData &p = dataOf<PvData>(o);
            return p.claimName.isEmpty() ? QString()
                                         : p.claimNamespace + QLatin1Char('/') + p.claimName;
        });
        c << textCol(tr("STORAGECLASS"),
                     [](const KubeObject &o) { return dataOf<PvData>(o).storageClass; });
        c << ageCol();
        break;
    case Kind::ConfigMap:
        c << numberCol(tr("DATA"), [](const KubeObject &o) {
            return int(dataOf<ConfigMapData>(o).keys.size());
        });
        c << textCol(tr("KEYS"), [](const KubeObject &o) {
            return dataOf<ConfigMapData>(o).keys.join(QStringLiteral(", "));
        });
        c << ageCol();
        break;
    case Kind::Secret:
        c << textCol(tr("TYPE"), [](const KubeObject &o) { return dataOf<SecretData>(o).type; });
        c << numberCol(tr("DATA"),
                       [](const KubeObject &o) { return int(dataOf<SecretData>(o).keys.size()); });
        c << textCol(tr("KEYS"), [](const KubeObject &o) {
            return dataOf<SecretData>(o).keys.join(QStringLiteral(", "));
        });
        c << ageCol();
        break;
    case Kind::Node:
        c << textCol(
            tr("STATUS"),
            [](const KubeObject &o) {
                const NodeData &n = dataOf<NodeData>(o);
                QString s = n.ready ? QStringLiteral("Ready") : QStringLiteral("NotReady");
                if (n.unschedulable)
                    s += QStringLiteral(",SchedulingDisabled");
                return s;
            },
            true);
        c << textCol(tr("ROLES"),
                     [](const KubeObject &o) { return joinOrNone(dataOf<NodeData>(o).roles); });
        c << ageCol();
        c << textCol(tr("VERSION"),
                     [](const KubeObject &o) { return dataOf<NodeData>(o).kubeletVersion; });
        c << textCol(tr("INTERNAL-IP"),
                     [](const KubeObject &o) { return dataOf<NodeData>(o).internalIP; });
        c << textCol(tr("OS-IMAGE"),
                     [](const KubeObject &o) { return dataOf<NodeData>(o).osImage; });
        c << textCol(tr("CONTAINER-RUNTIME"),
                     [](const KubeObject &o) { return dataOf<NodeData>(o).containerRuntime; });
        break;
    case Kind::Namespace:
        c << textCol(
            tr("STATUS"), [](const KubeObject &o) { return dataOf<NamespaceData>(o).phase; }, true);
        c << ageCol();
        break;
    case Kind::Endpoints:
        c << textCol(tr("ENDPOINTS"), [](const KubeObject &o) {
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
            return out.isEmpty() ? QStringLiteral("<none>") : out.join(QLatin1Char(','));
        });
        c << ageCol();
        break;
    default: c << ageCol(); break;
    }
    return c;
}

RowSeverity ResourceColumns::severity(const KubeObject &o)
{
    switch (o.kind) {
    case Kind::Pod: {
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
    case Kind::Deployment:
    case Kind::StatefulSet:
    case Kind::ReplicaSet:
    case Kind::DaemonSet: {
        const WorkloadData &w = dataOf<WorkloadData>(o);
        if (w.desired > 0 && w.ready == 0)
            return RowSeverity::Error;
        return w.ready < w.desired ? RowSeverity::Warning : RowSeverity::Ok;
    }
    case Kind::Node: return dataOf<NodeData>(o).ready ? RowSeverity::Ok : RowSeverity::Error;
    case Kind::Event:
        return dataOf<EventData>(o).type == QLatin1String("Warning") ? RowSeverity::Warning
                                                                     : RowSeverity::Ok;
    case Kind::PersistentVolumeClaim: {
        const QString phase = dataOf<PvcData>(o).phase;
        if (phase == QLatin1String("Lost"))
            return RowSeverity::Error;
        return phase == QLatin1String("Bound") ? RowSeverity::Ok : RowSeverity::Warning;
    }
    case Kind::PersistentVolume: {
        const QString phase = dataOf<PvData>(o).phase;
        return phase == QLatin1String("Failed") ? RowSeverity::Error : RowSeverity::Ok;
    }
    case Kind::Job:
        for (const Condition &cond : dataOf<JobData>(o).conditions) {
            if (cond.type == QLatin1String("Failed") && cond.status == QLatin1String("True"))
                return RowSeverity::Error;
        }
        return RowSeverity::Ok;
    case Kind::HorizontalPodAutoscaler: {
        const HpaData &h = dataOf<HpaData>(o);
        for (const Condition &cond : h.conditions) {
            if (cond.type == QLatin1String("ScalingActive")
                && cond.status == QLatin1String("False"))
                return RowSeverity::Warning;
        }
        return h.maxReplicas > 0 && h.currentReplicas >= h.maxReplicas ? RowSeverity::Warning
                                                                       : RowSeverity::Ok;
    }
    case Kind::Namespace:
        return dataOf<NamespaceData>(o).phase == QLatin1String("Terminating") ? RowSeverity::Warning
                                                                              : RowSeverity::Ok;
    default: return RowSeverity::Ok;
    }
}

} // namespace Orrery
