// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectdecoder.h"

#include "util/jsonread.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <ctime>

namespace Orrery::Internal {

using json = nlohmann::json;

namespace {

const json &at(const json &j, const char *key)
{
    static const json s_null;
    if (!j.is_object())
        return s_null;
    auto it = j.find(key);
    return it == j.end() ? s_null : *it;
}

std::string_view sv(const json &j)
{
    if (j.is_string())
        return j.get_ref<const std::string &>();
    return {};
}

QString str(const json &j)
{
    if (j.is_string()) {
        const std::string &s = j.get_ref<const std::string &>();
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    if (j.is_number_integer())
        return QString::number(j.get<qint64>());
    if (j.is_number())
        return QString::number(j.get<double>());
    if (j.is_boolean())
        return j.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

qint64 toInt(const json &j, qint64 fallback = 0)
{
    if (j.is_number())
        return JsonRead::toInteger(j).value_or(fallback); // NaN, 1e300: fallback, not UB
    if (j.is_string()) {
        qint64 v = 0;
        std::string_view s = j.get_ref<const std::string &>();
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec == std::errc())
            return v;
    }
    return fallback;
}

bool toBool(const json &j)
{
    return j.is_boolean() && j.get<bool>();
}

class Decoding
{
public:
    explicit Decoding(StringInterner &strings)
        : m_strings(strings)
    {
    }

    QString istr(const json &j)
    {
        if (j.is_string())
            return m_strings.intern(j.get_ref<const std::string &>());
        return str(j);
    }

    KeyValues keyValues(const json &map, bool dropLastApplied = false)
    {
        KeyValues out;
        if (!map.is_object())
            return out;
        out.reserve(qsizetype(map.size()));
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (dropLastApplied && it.key() == "kubectl.kubernetes.io/last-applied-configuration")
                continue;
            out.append({m_strings.intern(it.key()), istr(it.value())});
        }
        // nlohmann's object is a std::map: keys are already sorted bytewise, which equals
        // QString ordering for ASCII label keys; sort anyway for non-ASCII keys.
        std::sort(out.begin(), out.end(),
                  [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; });
        return out;
    }

    QStringList keys(const json &map)
    {
        QStringList out;
        if (!map.is_object())
            return out;
        for (auto it = map.begin(); it != map.end(); ++it)
            out.append(QString::fromStdString(it.key()));
        return out;
    }

    QStringList strings(const json &array, bool intern = true)
    {
        QStringList out;
        if (!array.is_array())
            return out;
        for (const json &e : array)
            out.append(intern ? istr(e) : str(e));
        return out;
    }

    QList<Condition> conditions(const json &array)
    {
        QList<Condition> out;
        if (!array.is_array())
            return out;
        for (const json &c : array) {
            Condition cond;
            cond.type = istr(at(c, "type"));
            cond.status = istr(at(c, "status"));
            cond.reason = istr(at(c, "reason"));
            cond.message = str(at(c, "message"));
            cond.lastTransitionTime = parseTimestamp(sv(at(c, "lastTransitionTime")));
            out.append(cond);
        }
        return out;
    }

    ObjectSelector selector(const json &sel)
    {
        ObjectSelector out;
        out.matchLabels = keyValues(at(sel, "matchLabels"));
        const json &exprs = at(sel, "matchExpressions");
        if (exprs.is_array()) {
            for (const json &e : exprs)
                out.matchExpressions.append(
                    {istr(at(e, "key")), istr(at(e, "operator")), strings(at(e, "values"))});
        }
        return out;
    }

    QString probe(const json &p)
    {
        if (!p.is_object())
            return {};
        QString kind;
        if (const json &h = at(p, "httpGet"); h.is_object()) {
            kind = QStringLiteral("http-get ") + str(at(h, "scheme")).toLower();
            if (kind.endsWith(QLatin1Char(' ')))
                kind.chop(1);
            kind += QStringLiteral(" :") + str(at(h, "port")) + str(at(h, "path"));
        } else if (const json &t = at(p, "tcpSocket"); t.is_object()) {
            kind = QStringLiteral("tcp-socket :") + str(at(t, "port"));
        } else if (const json &g = at(p, "grpc"); g.is_object()) {
            kind = QStringLiteral("grpc :") + str(at(g, "port"));
        } else if (const json &e = at(p, "exec"); e.is_object()) {
            kind = QStringLiteral("exec [")
                   + strings(at(e, "command"), false).join(QLatin1Char(' ')) + QLatin1Char(']');
        } else {
            kind = QStringLiteral("unknown");
        }
        return kind
               + QStringLiteral(" delay=%1s timeout=%2s period=%3s")
                     .arg(toInt(at(p, "initialDelaySeconds"), 0))
                     .arg(toInt(at(p, "timeoutSeconds"), 1))
                     .arg(toInt(at(p, "periodSeconds"), 10));
    }

    ContainerInfo container(const json &c)
    {
        ContainerInfo out;
        out.name = istr(at(c, "name"));
        out.image = istr(at(c, "image"));
        if (const json &ports = at(c, "ports"); ports.is_array()) {
            for (const json &p : ports)
                out.ports.append({istr(at(p, "name")), int(toInt(at(p, "containerPort"))),
                                  istr(at(p, "protocol"))});
        }
        const json &res = at(c, "resources");
        out.cpuRequest = istr(at(at(res, "requests"), "cpu"));
        out.memoryRequest = istr(at(at(res, "requests"), "memory"));
        out.cpuLimit = istr(at(at(res, "limits"), "cpu"));
        out.memoryLimit = istr(at(at(res, "limits"), "memory"));
        out.livenessProbe = probe(at(c, "livenessProbe"));
        out.readinessProbe = probe(at(c, "readinessProbe"));
        out.startupProbe = probe(at(c, "startupProbe"));
        auto add = [](QStringList &list, const QString &v) {
            if (!v.isEmpty() && !list.contains(v))
                list.append(v);
        };
        if (const json &env = at(c, "env"); env.is_array()) {
            for (const json &e : env) {
                // Only the referenced object's name: `value` literals are not kept either,
                // since people do put secrets into plain env values.
                const json &from = at(e, "valueFrom");
                add(out.configMapRefs, istr(at(at(from, "configMapKeyRef"), "name")));
                add(out.secretRefs, istr(at(at(from, "secretKeyRef"), "name")));
            }
        }
        if (const json &envFrom = at(c, "envFrom"); envFrom.is_array()) {
            for (const json &e : envFrom) {
                add(out.configMapRefs, istr(at(at(e, "configMapRef"), "name")));
                add(out.secretRefs, istr(at(at(e, "secretRef"), "name")));
            }
        }
        return out;
    }

    PodSpecSummary podSpec(const json &spec)
    {
        PodSpecSummary out;
        if (const json &cs = at(spec, "initContainers"); cs.is_array())
            for (const json &c : cs)
                out.initContainers.append(container(c));
        if (const json &cs = at(spec, "containers"); cs.is_array())
            for (const json &c : cs)
                out.containers.append(container(c));
        if (const json &vs = at(spec, "volumes"); vs.is_array()) {
            for (const json &v : vs) {
                VolumeInfo info;
                info.name = istr(at(v, "name"));
                if (const json &x = at(v, "persistentVolumeClaim"); x.is_object()) {
                    info.type = VolumeInfo::Type::PersistentVolumeClaim;
                    info.source = istr(at(x, "claimName"));
                } else if (const json &cm = at(v, "configMap"); cm.is_object()) {
                    info.type = VolumeInfo::Type::ConfigMap;
                    info.source = istr(at(cm, "name"));
                } else if (const json &secret = at(v, "secret"); secret.is_object()) {
                    info.type = VolumeInfo::Type::Secret;
                    info.source = istr(at(secret, "secretName"));
                } else if (at(v, "emptyDir").is_object()) {
                    info.type = VolumeInfo::Type::EmptyDir;
                } else if (const json &host = at(v, "hostPath"); host.is_object()) {
                    info.type = VolumeInfo::Type::HostPath;
                    info.source = istr(at(host, "path"));
                } else if (at(v, "projected").is_object()) {
                    info.type = VolumeInfo::Type::Projected;
                } else if (at(v, "downwardAPI").is_object()) {
                    info.type = VolumeInfo::Type::DownwardAPI;
                }
                out.volumes.append(info);
            }
        }
        out.serviceAccount = istr(at(spec, "serviceAccountName"));
        out.priorityClass = istr(at(spec, "priorityClassName"));
        return out;
    }

    void pod(KubeObject &o, const json &j)
    {
        PodData d;
        const json &spec = at(j, "spec");
        const json &status = at(j, "status");
        d.spec = podSpec(spec);
        d.phase = istr(at(status, "phase"));
        d.reason = istr(at(status, "reason"));
        d.message = str(at(status, "message"));
        d.nodeName = istr(at(spec, "nodeName"));
        d.podIP = str(at(status, "podIP"));
        d.hostIP = istr(at(status, "hostIP"));
        d.qosClass = istr(at(status, "qosClass"));
        d.nominatedNodeName = istr(at(status, "nominatedNodeName"));
        if (const json &ips = at(status, "podIPs"); ips.is_array())
            for (const json &ip : ips)
                d.podIPs.append(str(at(ip, "ip")));
        d.conditions = conditions(at(status, "conditions"));
        computePodStatus(d, o, spec, status);
        o.data = std::move(d);
    }

    // The STATUS, READY and RESTARTS columns exactly as kubectl's printPod computes them
    // (kubernetes pkg/printers/internalversion/printers.go).
    void computePodStatus(PodData &d, const KubeObject &o, const json &spec, const json &status)
    {
        const json &initSpecs = at(spec, "initContainers");
        const json &initStatuses = at(status, "initContainerStatuses");
        const json &statuses = at(status, "containerStatuses");
        const int initCount = initSpecs.is_array() ? int(initSpecs.size()) : 0;

        auto isSidecar = [&](int i) {
            return initSpecs.is_array() && i < initCount
                   && sv(at(initSpecs[std::size_t(i)], "restartPolicy")) == "Always";
        };

        int total = at(spec, "containers").is_array() ? int(at(spec, "containers").size()) : 0;
        for (int i = 0; i < initCount; ++i)
            if (isSidecar(i))
                ++total;
        int ready = 0;
        int restarts = 0;
        Timestamp lastRestart = 0;
        QString reason = d.phase;
        if (!d.reason.isEmpty())
            reason = d.reason;
        for (const Condition &c : d.conditions)
            if (c.type == QLatin1String("PodScheduled")
                && c.reason == QLatin1String("SchedulingGated"))
                reason = QStringLiteral("SchedulingGated");

        auto noteRestart = [&](const json &cs) {
            const Timestamp t
                = parseTimestamp(sv(at(at(at(cs, "lastState"), "terminated"), "finishedAt")));
            lastRestart = std::max(lastRestart, t);
        };

        auto stateOf = [&](const json &cs, bool init) {
            ContainerStatusInfo info;
            info.name = istr(at(cs, "name"));
            info.init = init;
            info.ready = toBool(at(cs, "ready"));
            info.restartCount = int(toInt(at(cs, "restartCount")));
            info.imageID = istr(at(cs, "imageID"));
            const json &state = at(cs, "state");
            if (const json &w = at(state, "waiting"); w.is_object()) {
                info.state = QStringLiteral("Waiting");
                info.reason = istr(at(w, "reason"));
            } else if (const json &t = at(state, "terminated"); t.is_object()) {
                info.state = QStringLiteral("Terminated");
                info.reason = istr(at(t, "reason"));
            } else if (at(state, "running").is_object()) {
                info.state = QStringLiteral("Running");
            }
            info.lastTerminationTime
                = parseTimestamp(sv(at(at(at(cs, "lastState"), "terminated"), "finishedAt")));
            d.containerStatuses.append(info);
        };
        if (initStatuses.is_array())
            for (const json &cs : initStatuses)
                stateOf(cs, true);
        if (statuses.is_array())
            for (const json &cs : statuses)
                stateOf(cs, false);

        bool initializing = false;
        if (initStatuses.is_array()) {
            for (int i = 0; i < int(initStatuses.size()); ++i) {
                const json &cs = initStatuses[std::size_t(i)];
                restarts += int(toInt(at(cs, "restartCount")));
                if (toInt(at(cs, "restartCount")) > 0)
                    noteRestart(cs);
                const json &state = at(cs, "state");
                const json &terminated = at(state, "terminated");
                const json &waiting = at(state, "waiting");
                if (terminated.is_object() && toInt(at(terminated, "exitCode")) == 0)
                    continue;
                if (isSidecar(i) && toBool(at(cs, "started"))) {
                    if (toBool(at(cs, "ready")))
                        ++ready;
                    continue;
                }
                if (terminated.is_object()) {
                    const QString r = istr(at(terminated, "reason"));
                    if (r.isEmpty()) {
                        if (toInt(at(terminated, "signal")) != 0)
                            reason = QStringLiteral("Init:Signal:%1")
                                         .arg(toInt(at(terminated, "signal")));
                        else
                            reason = QStringLiteral("Init:ExitCode:%1")
                                         .arg(toInt(at(terminated, "exitCode")));
                    } else {
                        reason = QStringLiteral("Init:") + r;
                    }
                } else if (waiting.is_object() && !sv(at(waiting, "reason")).empty()
                           && sv(at(waiting, "reason")) != "PodInitializing") {
                    reason = QStringLiteral("Init:") + istr(at(waiting, "reason"));
                } else {
                    reason = QStringLiteral("Init:%1/%2").arg(i).arg(initCount);
                }
                initializing = true;
                break;
            }
        }

        bool initializedTrue = false;
        for (const Condition &c : d.conditions)
            if (c.type == QLatin1String("Initialized") && c.status == QLatin1String("True"))
                initializedTrue = true;

        if (!initializing || initializedTrue) {
            restarts = 0;
            // Sidecar restarts still count once the pod is initialised.
            if (initStatuses.is_array())
                for (int i = 0; i < int(initStatuses.size()); ++i)
                    if (isSidecar(i))
                        restarts += int(toInt(at(initStatuses[std::size_t(i)], "restartCount")));
            bool hasRunning = false;
            if (statuses.is_array()) {
                for (int i = int(statuses.size()) - 1; i >= 0; --i) {
                    const json &cs = statuses[std::size_t(i)];
                    restarts += int(toInt(at(cs, "restartCount")));
                    if (toInt(at(cs, "restartCount")) > 0)
                        noteRestart(cs);
                    const json &state = at(cs, "state");
                    const json &waiting = at(state, "waiting");
                    const json &terminated = at(state, "terminated");
                    if (waiting.is_object() && !sv(at(waiting, "reason")).empty()) {
                        reason = istr(at(waiting, "reason"));
                    } else if (terminated.is_object() && !sv(at(terminated, "reason")).empty()) {
                        reason = istr(at(terminated, "reason"));
                    } else if (terminated.is_object()) {
                        if (toInt(at(terminated, "signal")) != 0)
                            reason
                                = QStringLiteral("Signal:%1").arg(toInt(at(terminated, "signal")));
                        else
                            reason = QStringLiteral("ExitCode:%1")
                                         .arg(toInt(at(terminated, "exitCode")));
                    } else if (toBool(at(cs, "ready")) && at(state, "running").is_object()) {
                        hasRunning = true;
                        ++ready;
                    }
                }
            }
            if (reason == QLatin1String("Completed") && hasRunning) {
                bool podReady = false;
                for (const Condition &c : d.conditions)
                    if (c.type == QLatin1String("Ready") && c.status == QLatin1String("True"))
                        podReady = true;
                reason = podReady ? QStringLiteral("Running") : QStringLiteral("NotReady");
            }
        }

        if (o.deletionTimestamp != 0 && d.reason == QLatin1String("NodeLost"))
            reason = QStringLiteral("Unknown");
        else if (o.deletionTimestamp != 0 && d.phase != QLatin1String("Succeeded")
                 && d.phase != QLatin1String("Failed"))
            reason = QStringLiteral("Terminating");

        d.status = m_strings.intern(reason.toStdString());
        d.readyContainers = ready;
        d.totalContainers = total;
        d.restarts = restarts;
        d.lastRestartTime = lastRestart;
    }

    void workload(KubeObject &o, const json &j)
    {
        WorkloadData d;
        const json &spec = at(j, "spec");
        const json &status = at(j, "status");
        d.selector = selector(at(spec, "selector"));
        const json &tmpl = at(spec, "template");
        d.templateLabels = keyValues(at(at(tmpl, "metadata"), "labels"));
        d.podTemplate = podSpec(at(tmpl, "spec"));
        d.observedGeneration = toInt(at(status, "observedGeneration"));
        d.conditions = conditions(at(status, "conditions"));
        d.revision = valueOf(o.annotations, QStringLiteral("deployment.kubernetes.io/revision"))
                         .toLongLong();
        switch (o.kind) {
        case Kind::Deployment:
            d.desired = int(toInt(at(spec, "replicas"), 1));
            d.current = int(toInt(at(status, "replicas")));
            d.ready = int(toInt(at(status, "readyReplicas")));
            d.available = int(toInt(at(status, "availableReplicas")));
            d.updated = int(toInt(at(status, "updatedReplicas")));
            d.strategy = istr(at(at(spec, "strategy"), "type"));
            d.paused = toBool(at(spec, "paused"));
            break;
        case Kind::ReplicaSet:
            d.desired = int(toInt(at(spec, "replicas"), 1));
            d.current = int(toInt(at(status, "replicas")));
            d.ready = int(toInt(at(status, "readyReplicas")));
            d.available = int(toInt(at(status, "availableReplicas")));
            d.updated = d.current;
            break;
        case Kind::StatefulSet:
            d.desired = int(toInt(at(spec, "replicas"), 1));
            d.current = int(toInt(at(status, "currentReplicas")));
            d.ready = int(toInt(at(status, "readyReplicas")));
            d.available = int(toInt(at(status, "availableReplicas")));
            d.updated = int(toInt(at(status, "updatedReplicas")));
            d.strategy = istr(at(at(spec, "updateStrategy"), "type"));
            d.serviceName = istr(at(spec, "serviceName"));
            d.currentRevision = istr(at(status, "currentRevision"));
            d.updateRevision = istr(at(status, "updateRevision"));
            break;
        case Kind::DaemonSet:
            d.desired = int(toInt(at(status, "desiredNumberScheduled")));
            d.current = int(toInt(at(status, "currentNumberScheduled")));
            d.ready = int(toInt(at(status, "numberReady")));
            d.available = int(toInt(at(status, "numberAvailable")));
            d.updated = int(toInt(at(status, "updatedNumberScheduled")));
            d.strategy = istr(at(at(spec, "updateStrategy"), "type"));
            break;
        default: break;
        }
        o.data = std::move(d);
    }

    void job(KubeObject &o, const json &j)
    {
        JobData d;
        const json &spec = at(j, "spec");
        const json &status = at(j, "status");
        d.completions = int(toInt(at(spec, "completions"), 1));
        d.parallelism = int(toInt(at(spec, "parallelism"), 1));
        d.suspend = toBool(at(spec, "suspend"));
        d.active = int(toInt(at(status, "active")));
        d.succeeded = int(toInt(at(status, "succeeded")));
        d.failed = int(toInt(at(status, "failed")));
        d.startTime = parseTimestamp(sv(at(status, "startTime")));
        d.completionTime = parseTimestamp(sv(at(status, "completionTime")));
        d.selector = selector(at(spec, "selector"));
        d.podTemplate = podSpec(at(at(spec, "template"), "spec"));
        d.conditions = conditions(at(status, "conditions"));
        o.data = std::move(d);
    }

    void cronJob(KubeObject &o, const json &j)
    {
        CronJobData d;
        const json &spec = at(j, "spec");
        const json &status = at(j, "status");
        d.schedule = istr(at(spec, "schedule"));
        d.timeZone = istr(at(spec, "timeZone"));
        d.suspend = toBool(at(spec, "suspend"));
        d.active = at(status, "active").is_array() ? int(at(status, "active").size()) : 0;
        d.lastScheduleTime = parseTimestamp(sv(at(status, "lastScheduleTime")));
        d.lastSuccessfulTime = parseTimestamp(sv(at(status, "lastSuccessfulTime")));
        d.podTemplate = podSpec(at(at(at(at(spec, "jobTemplate"), "spec"), "template"), "spec"));
        o.data = std::move(d);
    }

    QStringList loadBalancer(const json &status)
    {
        QStringList out;
        const json &ingress = at(at(status, "loadBalancer"), "ingress");
        if (ingress.is_array()) {
            for (const json &i : ingress) {
                QString v = str(at(i, "ip"));
                if (v.isEmpty())
                    v = str(at(i, "hostname"));
                if (!v.isEmpty())
                    out.append(v);
            }
        }
        return out;
    }

    QList<ServicePort> servicePorts(const json &ports)
    {
        QList<ServicePort> out;
        if (!ports.is_array())
            return out;
        for (const json &p : ports) {
            ServicePort sp;
            sp.name = istr(at(p, "name"));
            sp.protocol = istr(at(p, "protocol"));
            sp.port = int(toInt(at(p, "port")));
            sp.targetPort = istr(at(p, "targetPort"));
            sp.nodePort = int(toInt(at(p, "nodePort")));
            out.append(sp);
        }
        return out;
    }

    void service(KubeObject &o, const json &j)
    {
        ServiceData d;
        const json &spec = at(j, "spec");
        d.type = istr(at(spec, "type"));
        if (d.type.isEmpty())
            d.type = QStringLiteral("ClusterIP");
        d.clusterIP = str(at(spec, "clusterIP"));
        d.clusterIPs = strings(at(spec, "clusterIPs"), false);
        d.externalIPs = strings(at(spec, "externalIPs"), false);
        d.externalName = str(at(spec, "externalName"));
        d.sessionAffinity = istr(at(spec, "sessionAffinity"));
        d.ports = servicePorts(at(spec, "ports"));
        d.selector = keyValues(at(spec, "selector"));
        d.loadBalancerIngress = loadBalancer(at(j, "status"));
        o.data = std::move(d);
    }

    void endpoints(KubeObject &o, const json &j)
    {
        EndpointsData d;
        const json &subsets = at(j, "subsets");
        if (subsets.is_array()) {
            for (const json &s : subsets) {
                for (const auto &[key, ready] :
                     {std::pair{"addresses", true}, std::pair{"notReadyAddresses", false}}) {
                    const json &addrs = at(s, key);
                    if (!addrs.is_array())
                        continue;
                    for (const json &a : addrs) {
                        EndpointAddress ea;
                        ea.ip = str(at(a, "ip"));
                        ea.hostname = str(at(a, "hostname"));
                        ea.nodeName = istr(at(a, "nodeName"));
                        const json &ref = at(a, "targetRef");
                        ea.targetKind = istr(at(ref, "kind"));
                        ea.targetNamespace = istr(at(ref, "namespace"));
                        ea.targetName = str(at(ref, "name"));
                        ea.targetUid = str(at(ref, "uid"));
                        ea.ready = ready;
                        d.addresses.append(ea);
                    }
                }
                for (const ServicePort &p : servicePorts(at(s, "ports")))
                    d.ports.append(p);
            }
        }
        o.data = std::move(d);
    }

    IngressBackend backend(const json &b)
    {
        IngressBackend out;
        const json &svc = at(b, "service");
        out.serviceName = istr(at(svc, "name"));
        const json &port = at(svc, "port");
        out.servicePort
            = at(port, "name").is_string() ? istr(at(port, "name")) : istr(at(port, "number"));
        const json &res = at(b, "resource");
        out.resourceKind = istr(at(res, "kind"));
        out.resourceName = istr(at(res, "name"));
        return out;
    }

    void ingress(KubeObject &o, const json &j)
    {
        IngressData d;
        const json &spec = at(j, "spec");
        d.ingressClass = istr(at(spec, "ingressClassName"));
        if (d.ingressClass.isEmpty())
            d.ingressClass = valueOf(o.annotations, QStringLiteral("kubernetes.io/ingress.class"));
        if (const json &rules = at(spec, "rules"); rules.is_array()) {
            for (const json &r : rules) {
                const QString host = istr(at(r, "host"));
                if (!host.isEmpty() && !d.hosts.contains(host))
                    d.hosts.append(host);
                const json &paths = at(at(r, "http"), "paths");
                if (!paths.is_array())
                    continue;
                for (const json &p : paths)
                    d.paths.append({host, istr(at(p, "path")), istr(at(p, "pathType")),
                                    backend(at(p, "backend"))});
            }
        }
        if (const json &tls = at(spec, "tls"); tls.is_array())
            for (const json &t : tls)
                d.tls.append({strings(at(t, "hosts")), istr(at(t, "secretName"))});
        d.defaultBackend = backend(at(spec, "defaultBackend"));
        d.loadBalancerIngress = loadBalancer(at(j, "status"));
        o.data = std::move(d);
    }

    static QString metricTarget(const json &target, QString &type)
    {
        type = str(at(target, "type"));
        if (const json &u = at(target, "averageUtilization"); !u.is_null())
            return str(u) + QLatin1Char('%');
        if (const json &v = at(target, "averageValue"); !v.is_null())
            return str(v);
        return str(at(target, "value"));
    }

    void hpa(KubeObject &o, const json &j, const QString &apiVersion)
    {
        HpaData d;
        const json &spec = at(j, "spec");
        const json &status = at(j, "status");
        const json &ref = at(spec, "scaleTargetRef");
        d.targetApiVersion = istr(at(ref, "apiVersion"));
        d.targetKind = istr(at(ref, "kind"));
        d.targetName = istr(at(ref, "name"));
        d.minReplicas = int(toInt(at(spec, "minReplicas"), 1));
        d.maxReplicas = int(toInt(at(spec, "maxReplicas")));
        d.currentReplicas = int(toInt(at(status, "currentReplicas")));
        d.desiredReplicas = int(toInt(at(status, "desiredReplicas")));
        d.lastScaleTime = parseTimestamp(sv(at(status, "lastScaleTime")));
        d.conditions = conditions(at(status, "conditions"));
        QString version = apiVersion;
        if (version.isEmpty())
            version = str(at(j, "apiVersion"));
        d.apiVersion = version.isEmpty() ? QStringLiteral("autoscaling/v2") : version;

        if (d.apiVersion == QLatin1String("autoscaling/v1")) {
            // v1 knows CPU utilisation only.
            if (const json &t = at(spec, "targetCPUUtilizationPercentage"); !t.is_null()) {
                HpaMetric m{QStringLiteral("Resource"),
                            QStringLiteral("cpu"),
                            QStringLiteral("Utilization"),
                            str(t) + QLatin1Char('%'),
                            {}};
                if (const json &c = at(status, "currentCPUUtilizationPercentage"); !c.is_null())
                    m.current = str(c) + QLatin1Char('%');
                d.metrics.append(m);
            }
            o.data = std::move(d);
            return;
        }

        // Pairs spec.metrics[i] with the status.currentMetrics entry of the same type/name.
        const json &current = at(status, "currentMetrics");
        auto findCurrent = [&](const QString &type, const QString &name) -> QString {
            if (!current.is_array())
                return {};
            for (const json &c : current) {
                if (str(at(c, "type")) != type)
                    continue;
                const json &body = at(c, lowerFirst(type).c_str());
                if (metricName(type, body) != name)
                    continue;
                const json &cur = at(body, "current");
                if (const json &u = at(cur, "averageUtilization"); !u.is_null())
                    return str(u) + QLatin1Char('%');
                if (const json &v = at(cur, "averageValue"); !v.is_null())
                    return str(v);
                return str(at(cur, "value"));
            }
            return {};
        };
        if (const json &metrics = at(spec, "metrics"); metrics.is_array()) {
            for (const json &m : metrics) {
                HpaMetric metric;
                metric.type = istr(at(m, "type"));
                const json &body = at(m, lowerFirst(metric.type).c_str());
                metric.name = metricName(metric.type, body);
                metric.target = metricTarget(at(body, "target"), metric.targetType);
                metric.current = findCurrent(metric.type, metric.name);
                d.metrics.append(metric);
            }
        }
        o.data = std::move(d);
    }

    static std::string lowerFirst(const QString &type)
    {
        std::string s = type.toStdString();
        if (!s.empty())
            s[0] = char(std::tolower(static_cast<unsigned char>(s[0])));
        return s;
    }

    static QString metricName(const QString &type, const json &body)
    {
        if (type == QLatin1String("Resource") || type == QLatin1String("ContainerResource"))
            return str(at(body, "name"));
        return str(at(at(body, "metric"), "name"));
    }

    void pvc(KubeObject &o, const json &j)
    {
        PvcData d;
        const json &spec = at(j, "spec");
        const json &status = at(j, "status");
        d.phase = istr(at(status, "phase"));
        d.volumeName = str(at(spec, "volumeName"));
        d.storageClass = istr(at(spec, "storageClassName"));
        d.requested = istr(at(at(at(spec, "resources"), "requests"), "storage"));
        d.capacity = istr(at(at(status, "capacity"), "storage"));
        d.accessModes = strings(at(status, "accessModes"));
        if (d.accessModes.isEmpty())
            d.accessModes = strings(at(spec, "accessModes"));
        d.volumeMode = istr(at(spec, "volumeMode"));
        o.data = std::move(d);
    }

    void pv(KubeObject &o, const json &j)
    {
        PvData d;
        const json &spec = at(j, "spec");
        d.phase = istr(at(at(j, "status"), "phase"));
        d.capacity = istr(at(at(spec, "capacity"), "storage"));
        d.accessModes = strings(at(spec, "accessModes"));
        d.reclaimPolicy = istr(at(spec, "persistentVolumeReclaimPolicy"));
        d.storageClass = istr(at(spec, "storageClassName"));
        d.claimNamespace = istr(at(at(spec, "claimRef"), "namespace"));
        d.claimName = str(at(at(spec, "claimRef"), "name"));
        d.volumeMode = istr(at(spec, "volumeMode"));
        if (const json &csi = at(spec, "csi"); csi.is_object())
            d.source = QStringLiteral("csi:") + str(at(csi, "driver"));
        else if (const json &hp = at(spec, "hostPath"); hp.is_object())
            d.source = QStringLiteral("hostPath:") + str(at(hp, "path"));
        else if (const json &nfs = at(spec, "nfs"); nfs.is_object())
            d.source = QStringLiteral("nfs:") + str(at(nfs, "server")) + QLatin1Char(':')
                       + str(at(nfs, "path"));
        else if (const json &local = at(spec, "local"); local.is_object())
            d.source = QStringLiteral("local:") + str(at(local, "path"));
        o.data = std::move(d);
    }

    void node(KubeObject &o, const json &j)
    {
        NodeData d;
        const json &spec = at(j, "spec");
        const json &status = at(j, "status");
        d.unschedulable = toBool(at(spec, "unschedulable"));
        d.podCIDR = str(at(spec, "podCIDR"));
        d.conditions = conditions(at(status, "conditions"));
        for (const Condition &c : d.conditions)
            if (c.type == QLatin1String("Ready"))
                d.ready = c.status == QLatin1String("True");
        static const QString rolePrefix = QStringLiteral("node-role.kubernetes.io/");
        for (const KeyValue &kv : o.labels)
            if (kv.key.startsWith(rolePrefix) && kv.key.size() > rolePrefix.size())
                d.roles.append(kv.key.mid(rolePrefix.size()));
        const json &info = at(status, "nodeInfo");
        d.kubeletVersion = istr(at(info, "kubeletVersion"));
        d.osImage = istr(at(info, "osImage"));
        d.architecture = istr(at(info, "architecture"));
        d.containerRuntime = istr(at(info, "containerRuntimeVersion"));
        if (const json &addrs = at(status, "addresses"); addrs.is_array()) {
            for (const json &a : addrs) {
                const std::string_view type = sv(at(a, "type"));
                if (type == "InternalIP" && d.internalIP.isEmpty())
                    d.internalIP = str(at(a, "address"));
                else if (type == "ExternalIP" && d.externalIP.isEmpty())
                    d.externalIP = str(at(a, "address"));
                else if (type == "Hostname")
                    d.hostname = str(at(a, "address"));
            }
        }
        const json &cap = at(status, "capacity");
        const json &alloc = at(status, "allocatable");
        d.cpuCapacity = istr(at(cap, "cpu"));
        d.memoryCapacity = istr(at(cap, "memory"));
        d.podsCapacity = istr(at(cap, "pods"));
        d.cpuAllocatable = istr(at(alloc, "cpu"));
        d.memoryAllocatable = istr(at(alloc, "memory"));
        d.podsAllocatable = istr(at(alloc, "pods"));
        if (const json &taints = at(spec, "taints"); taints.is_array()) {
            for (const json &t : taints) {
                QString text = str(at(t, "key"));
                if (const QString v = str(at(t, "value")); !v.isEmpty())
                    text += QLatin1Char('=') + v;
                text += QLatin1Char(':') + str(at(t, "effect"));
                d.taints.append(text);
            }
        }
        o.data = std::move(d);
    }

    void event(KubeObject &o, const json &j)
    {
        EventData d;
        const json &inv = at(j, "involvedObject");
        d.involvedKind = istr(at(inv, "kind"));
        d.involvedNamespace = istr(at(inv, "namespace"));
        d.involvedName = istr(at(inv, "name"));
        d.involvedUid = istr(at(inv, "uid"));
        d.reason = istr(at(j, "reason"));
        d.message = str(at(j, "message"));
        d.type = istr(at(j, "type"));
        d.count = int(toInt(at(j, "count"), 1));
        if (d.count == 0)
            d.count = 1;
        d.firstTimestamp = parseTimestamp(sv(at(j, "firstTimestamp")));
        d.lastTimestamp = parseTimestamp(sv(at(j, "lastTimestamp")));
        if (d.lastTimestamp == 0)
            d.lastTimestamp = parseTimestamp(sv(at(j, "eventTime")));
        if (d.lastTimestamp == 0)
            d.lastTimestamp = o.creationTimestamp;
        // A series (events.k8s.io/v1, and core/v1 events written through it): the count and
        // the last occurrence live there; the top-level count then stays at 1.
        if (const json &series = at(j, "series"); series.is_object()) {
            d.count = std::max(d.count, int(toInt(at(series, "count"), 0)));
            d.lastTimestamp
                = std::max(d.lastTimestamp, parseTimestamp(sv(at(series, "lastObservedTime"))));
        }
        if (d.firstTimestamp == 0)
            d.firstTimestamp = d.lastTimestamp;
        d.source = istr(at(at(j, "source"), "component"));
        if (d.source.isEmpty())
            d.source = istr(at(j, "reportingComponent"));
        o.data = std::move(d);
    }

    StringInterner &m_strings;
};

} // namespace

Timestamp parseTimestamp(std::string_view s)
{
    // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
    if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't')
        || s[13] != ':' || s[16] != ':')
        return 0;
    auto num = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9')
                return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    const int year = num(0, 4), month = num(5, 2), day = num(8, 2);
    const int hour = num(11, 2), minute = num(14, 2), second = num(17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || minute < 0
        || second < 0)
        return 0;
    // Days from civil (Howard Hinnant's algorithm), avoiding timegm's locale/TZ state.
    const int y = year - (month <= 2);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = unsigned((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = qint64(era) * 146097 + qint64(doe) - 719468;
    qint64 t = days * 86400 + hour * 3600 + minute * 60 + second;
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
            ++pos;
    }
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-') && pos + 6 <= s.size()) {
        const int oh = num(pos + 1, 2), om = num(pos + 4, 2);
        if (oh >= 0 && om >= 0) {
            const qint64 offset = oh * 3600 + om * 60;
            t += s[pos] == '+' ? -offset : offset;
        }
    }
    return t;
}

KubeObjectPtr ObjectDecoder::decode(Kind kind, const json &j, const QString &apiVersion)
{
    if (!j.is_object())
        return nullptr;
    auto o = std::make_shared<KubeObject>();
    Decoding dec(m_strings);
    o->kind = kind;
    const json &meta = at(j, "metadata");
    o->name = str(at(meta, "name"));
    o->namespaceName = dec.istr(at(meta, "namespace"));
    o->uid = str(at(meta, "uid"));
    o->resourceVersion = str(at(meta, "resourceVersion"));
    o->generation = toInt(at(meta, "generation"));
    o->creationTimestamp = parseTimestamp(sv(at(meta, "creationTimestamp")));
    o->deletionTimestamp = parseTimestamp(sv(at(meta, "deletionTimestamp")));
    o->labels = dec.keyValues(at(meta, "labels"));
    o->annotations = dec.keyValues(at(meta, "annotations"), true);
    if (const json &owners = at(meta, "ownerReferences"); owners.is_array()) {
        for (const json &ref : owners)
            o->ownerReferences.append({dec.istr(at(ref, "apiVersion")), dec.istr(at(ref, "kind")),
                                       str(at(ref, "name")), str(at(ref, "uid")),
                                       toBool(at(ref, "controller"))});
    }

    switch (kind) {
    case Kind::Namespace: o->data = NamespaceData{dec.istr(at(at(j, "status"), "phase"))}; break;
    case Kind::Node: dec.node(*o, j); break;
    case Kind::Pod: dec.pod(*o, j); break;
    case Kind::Deployment:
    case Kind::ReplicaSet:
    case Kind::StatefulSet:
    case Kind::DaemonSet: dec.workload(*o, j); break;
    case Kind::Job: dec.job(*o, j); break;
    case Kind::CronJob: dec.cronJob(*o, j); break;
    case Kind::Service: dec.service(*o, j); break;
    case Kind::Endpoints: dec.endpoints(*o, j); break;
    case Kind::Ingress: dec.ingress(*o, j); break;
    case Kind::HorizontalPodAutoscaler: dec.hpa(*o, j, apiVersion); break;
    case Kind::PersistentVolumeClaim: dec.pvc(*o, j); break;
    case Kind::PersistentVolume: dec.pv(*o, j); break;
    case Kind::ConfigMap: {
        ConfigMapData d;
        d.keys = dec.keys(at(j, "data")) + dec.keys(at(j, "binaryData"));
        o->data = std::move(d);
        break;
    }
    case Kind::Secret: {
        // Key names only: the values never leave this function.
        SecretData d;
        d.type = dec.istr(at(j, "type"));
        d.keys = dec.keys(at(j, "data"));
        for (const QString &k : dec.keys(at(j, "stringData")))
            if (!d.keys.contains(k))
                d.keys.append(k);
        o->data = std::move(d);
        break;
    }
    case Kind::Event: dec.event(*o, j); break;
    case Kind::ControllerRevision:
        o->data = ControllerRevisionData{toInt(at(j, "revision"))};
        break;
    }
    return o;
}

KubeObjectPtr ObjectDecoder::decode(Kind kind, const QByteArray &text)
{
    const json j = JsonRead::parse(text);
    if (j.is_discarded())
        return nullptr;
    return decode(kind, j);
}

} // namespace Orrery::Internal
