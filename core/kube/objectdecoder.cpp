// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectdecoder.h"

#include "util/decodeguard.h"
#include "util/jsonread.h"

#include <nlohmann/json.hpp>
// As Debian's libsimdjson is built (its CMake package exports the definition; orrery_core
// links it without its usage requirements so that only this file sees simdjson).
#ifndef SIMDJSON_THREADS_ENABLED
#define SIMDJSON_THREADS_ENABLED 1
#endif
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace Orrery::Internal {

using json = nlohmann::json;

// The decoding below is written once against a small read-only JSON view and compiled for
// two: NlohmannView (a parsed nlohmann::json, the fuzz target's and older callers' input)
// and SimdView (simdjson's DOM over the text of a list page or a watch event, what the
// informers decode: no tree of std::maps and std::strings per object). Both views answer
// the same questions the same way, including for duplicate keys (the last one wins, as in
// nlohmann's parser) and the order of fields (sorted bytewise, as nlohmann's std::map).
namespace ObjectDecoding {

class NlohmannView
{
public:
    NlohmannView(const json &j) // NOLINT: implicit on purpose, the decoder's entry takes a json
        : m_j(&j)
    {
    }

    bool is_null() const { return m_j->is_null(); }
    bool is_object() const { return m_j->is_object(); }
    bool is_array() const { return m_j->is_array(); }
    bool is_string() const { return m_j->is_string(); }
    bool is_boolean() const { return m_j->is_boolean(); }
    bool is_number() const { return m_j->is_number(); }
    bool is_number_integer() const { return m_j->is_number_integer(); }

    // Callers check the type first; these never throw either way (tst_jsonidioms).
    std::string_view string() const
    {
        return m_j->is_string() ? std::string_view(m_j->get_ref<const std::string &>())
                                : std::string_view();
    }
    bool boolean() const { return m_j->is_boolean() && m_j->get<bool>(); }
    qint64 int64() const { return m_j->is_number() ? m_j->get<qint64>() : 0; }
    double number() const { return m_j->is_number() ? m_j->get<double>() : 0; }
    std::optional<qint64> integer() const { return JsonRead::toInteger(*m_j); }
    std::size_t size() const { return m_j->size(); }
    NlohmannView element(std::size_t i) const { return NlohmannView((*m_j)[i]); }

    NlohmannView field(const char *key) const
    {
        static const json s_null;
        if (!m_j->is_object())
            return NlohmannView(s_null);
        auto it = m_j->find(key);
        return it == m_j->end() ? NlohmannView(s_null) : NlohmannView(*it);
    }

    template <class F> void forEachField(F &&f) const
    {
        if (!m_j->is_object())
            return;
        for (auto it = m_j->begin(); it != m_j->end(); ++it)
            f(std::string_view(it.key()), NlohmannView(it.value()));
    }

    class Iterator
    {
    public:
        explicit Iterator(json::const_iterator it)
            : m_it(it)
        {
        }
        NlohmannView operator*() const { return NlohmannView(*m_it); }
        Iterator &operator++()
        {
            ++m_it;
            return *this;
        }
        bool operator!=(const Iterator &other) const { return m_it != other.m_it; }

    private:
        json::const_iterator m_it;
    };
    Iterator begin() const { return Iterator(m_j->cbegin()); }
    Iterator end() const { return Iterator(m_j->cend()); }

private:
    const json *m_j;
};

class SimdView
{
public:
    SimdView() = default; // a missing value: null
    explicit SimdView(simdjson::dom::element e)
        : m_e(e)
        , m_type(e.type())
        , m_valid(true)
    {
    }

    using Type = simdjson::dom::element_type;
    bool is_null() const { return !m_valid || m_type == Type::NULL_VALUE; }
    bool is_object() const { return m_valid && m_type == Type::OBJECT; }
    bool is_array() const { return m_valid && m_type == Type::ARRAY; }
    bool is_string() const { return m_valid && m_type == Type::STRING; }
    bool is_boolean() const { return m_valid && m_type == Type::BOOL; }
    bool is_number() const
    {
        return m_valid
               && (m_type == Type::INT64 || m_type == Type::UINT64 || m_type == Type::DOUBLE);
    }
    bool is_number_integer() const
    {
        return m_valid && (m_type == Type::INT64 || m_type == Type::UINT64);
    }

    std::string_view string() const
    {
        return is_string() ? m_e.get_string().value_unsafe() : std::string_view();
    }
    bool boolean() const { return is_boolean() && m_e.get_bool().value_unsafe(); }
    qint64 int64() const
    {
        // As nlohmann's get<qint64>() of an unsigned number: the same bits.
        if (m_type == Type::UINT64)
            return qint64(m_e.get_uint64().value_unsafe());
        return m_e.get_int64().value_unsafe();
    }
    double number() const
    {
        switch (m_type) {
        case Type::INT64: return double(m_e.get_int64().value_unsafe());
        case Type::UINT64: return double(m_e.get_uint64().value_unsafe());
        default: return m_e.get_double().value_unsafe();
        }
    }
    // As JsonRead::toInteger.
    std::optional<qint64> integer() const
    {
        if (!m_valid)
            return std::nullopt;
        switch (m_type) {
        case Type::INT64: return qint64(m_e.get_int64().value_unsafe());
        case Type::UINT64: {
            const quint64 u = m_e.get_uint64().value_unsafe();
            if (u > quint64(std::numeric_limits<qint64>::max()))
                return std::nullopt;
            return qint64(u);
        }
        case Type::DOUBLE: {
            const double d = m_e.get_double().value_unsafe();
            if (!std::isfinite(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
                return std::nullopt;
            return qint64(d);
        }
        default: return std::nullopt;
        }
    }
    std::size_t size() const
    {
        if (is_array())
            return m_e.get_array().value_unsafe().size();
        if (is_object())
            return m_e.get_object().value_unsafe().size();
        return is_null() ? 0 : 1;
    }
    SimdView element(std::size_t i) const
    {
        simdjson::dom::element e;
        if (is_array() && !m_e.get_array().value_unsafe().at(i).get(e))
            return SimdView(e);
        return {};
    }

    // The last field of that name, as nlohmann keeps it.
    SimdView field(const char *key) const
    {
        if (!is_object())
            return {};
        const std::string_view wanted(key);
        SimdView found;
        // A copy (two words): value_unsafe() of a temporary result would dangle in the loop.
        const simdjson::dom::object object = m_e.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair kv : object)
            if (kv.key == wanted)
                found = SimdView(kv.value);
        return found;
    }

    // Sorted bytewise by key, the last of duplicate keys: nlohmann's std::map.
    template <class F> void forEachField(F &&f) const
    {
        if (!is_object())
            return;
        const simdjson::dom::object object = m_e.get_object().value_unsafe();
        // The API server writes map keys sorted (Go's encoding/json): then no copy is needed.
        bool ascending = true;
        std::string_view previous;
        bool first = true;
        for (const simdjson::dom::key_value_pair kv : object) {
            if (!first && !(previous < kv.key)) {
                ascending = false;
                break;
            }
            previous = kv.key;
            first = false;
        }
        if (ascending) {
            for (const simdjson::dom::key_value_pair kv : object)
                f(kv.key, SimdView(kv.value));
            return;
        }
        std::vector<std::pair<std::string_view, simdjson::dom::element>> fields;
        for (const simdjson::dom::key_value_pair kv : object)
            fields.emplace_back(kv.key, kv.value);
        std::stable_sort(fields.begin(), fields.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (i + 1 == fields.size() || fields[i + 1].first != fields[i].first)
                f(fields[i].first, SimdView(fields[i].second));
    }

    class Iterator
    {
    public:
        Iterator() = default;
        explicit Iterator(simdjson::dom::array::iterator it)
            : m_it(it)
            , m_active(true)
        {
        }
        SimdView operator*() const { return SimdView(*m_it); }
        Iterator &operator++()
        {
            ++m_it;
            return *this;
        }
        bool operator!=(const Iterator &other) const { return m_active && m_it != other.m_it; }

    private:
        simdjson::dom::array::iterator m_it;
        bool m_active = false;
    };
    // Arrays only (every loop of the decoder checks is_array() first): anything else is empty.
    Iterator begin() const
    {
        return is_array() ? Iterator(m_e.get_array().value_unsafe().begin()) : Iterator();
    }
    Iterator end() const
    {
        return is_array() ? Iterator(m_e.get_array().value_unsafe().end()) : Iterator();
    }

private:
    simdjson::dom::element m_e;
    Type m_type = Type::NULL_VALUE;
    bool m_valid = false;
};

template <class V> V at(V j, const char *key)
{
    return j.field(key);
}

template <class V> std::string_view sv(V j)
{
    if (j.is_string())
        return j.string();
    return {};
}

template <class V> QString str(V j)
{
    if (j.is_string()) {
        const std::string_view s = j.string();
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    if (j.is_number_integer())
        return QString::number(j.int64());
    if (j.is_number())
        return QString::number(j.number());
    if (j.is_boolean())
        return j.boolean() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

template <class V> qint64 toInt(V j, qint64 fallback = 0)
{
    if (j.is_number())
        return j.integer().value_or(fallback); // NaN, 1e300: fallback, not UB
    if (j.is_string()) {
        qint64 v = 0;
        const std::string_view s = j.string();
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec == std::errc())
            return v;
    }
    return fallback;
}

template <class V> bool toBool(V j)
{
    return j.is_boolean() && j.boolean();
}

template <class V> class Decoding
{
public:
    explicit Decoding(StringInterner &strings)
        : m_strings(strings)
    {
    }

    QString istr(V j)
    {
        if (j.is_string())
            return m_strings.intern(j.string());
        return str(j);
    }

    KeyValues keyValues(V map, bool dropLastApplied = false)
    {
        KeyValues out;
        if (!map.is_object())
            return out;
        out.reserve(qsizetype(map.size()));
        map.forEachField([&](std::string_view key, V value) {
            if (dropLastApplied && key == "kubectl.kubernetes.io/last-applied-configuration")
                return;
            out.append({m_strings.intern(key), istr(value)});
        });
        // Fields come sorted bytewise (as nlohmann's std::map keeps them), which equals
        // QString ordering for ASCII label keys; sort anyway for non-ASCII keys.
        std::sort(out.begin(), out.end(),
                  [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; });
        return out;
    }

    QStringList keys(V map)
    {
        QStringList out;
        if (!map.is_object())
            return out;
        map.forEachField([&](std::string_view key, V) {
            out.append(QString::fromUtf8(key.data(), qsizetype(key.size())));
        });
        return out;
    }

    QStringList strings(V array, bool intern = true)
    {
        QStringList out;
        if (!array.is_array())
            return out;
        for (V e : array)
            out.append(intern ? istr(e) : str(e));
        return out;
    }

    QList<Condition> conditions(V array)
    {
        QList<Condition> out;
        if (!array.is_array())
            return out;
        for (V c : array) {
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

    ObjectSelector selector(V sel)
    {
        ObjectSelector out;
        out.matchLabels = keyValues(at(sel, "matchLabels"));
        V exprs = at(sel, "matchExpressions");
        if (exprs.is_array()) {
            for (V e : exprs)
                out.matchExpressions.append(
                    {istr(at(e, "key")), istr(at(e, "operator")), strings(at(e, "values"))});
        }
        return out;
    }

    QString probe(V p)
    {
        if (!p.is_object())
            return {};
        QString kind;
        if (V h = at(p, "httpGet"); h.is_object()) {
            kind = QStringLiteral("http-get ") + str(at(h, "scheme")).toLower();
            if (kind.endsWith(QLatin1Char(' ')))
                kind.chop(1);
            kind += QStringLiteral(" :") + str(at(h, "port")) + str(at(h, "path"));
        } else if (V t = at(p, "tcpSocket"); t.is_object()) {
            kind = QStringLiteral("tcp-socket :") + str(at(t, "port"));
        } else if (V g = at(p, "grpc"); g.is_object()) {
            kind = QStringLiteral("grpc :") + str(at(g, "port"));
        } else if (V e = at(p, "exec"); e.is_object()) {
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

    ContainerInfo container(V c)
    {
        ContainerInfo out;
        out.name = istr(at(c, "name"));
        out.image = istr(at(c, "image"));
        if (V ports = at(c, "ports"); ports.is_array()) {
            for (V p : ports)
                out.ports.append({istr(at(p, "name")), int(toInt(at(p, "containerPort"))),
                                  istr(at(p, "protocol"))});
        }
        V res = at(c, "resources");
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
        if (V env = at(c, "env"); env.is_array()) {
            for (V e : env) {
                // Only the referenced object's name: `value` literals are not kept either,
                // since people do put secrets into plain env values.
                V from = at(e, "valueFrom");
                add(out.configMapRefs, istr(at(at(from, "configMapKeyRef"), "name")));
                add(out.secretRefs, istr(at(at(from, "secretKeyRef"), "name")));
            }
        }
        if (V envFrom = at(c, "envFrom"); envFrom.is_array()) {
            for (V e : envFrom) {
                add(out.configMapRefs, istr(at(at(e, "configMapRef"), "name")));
                add(out.secretRefs, istr(at(at(e, "secretRef"), "name")));
            }
        }
        return out;
    }

    PodSpecSummary podSpec(V spec)
    {
        PodSpecSummary out;
        if (V cs = at(spec, "initContainers"); cs.is_array())
            for (V c : cs)
                out.initContainers.append(container(c));
        if (V cs = at(spec, "containers"); cs.is_array())
            for (V c : cs)
                out.containers.append(container(c));
        if (V vs = at(spec, "volumes"); vs.is_array()) {
            for (V v : vs) {
                VolumeInfo info;
                info.name = istr(at(v, "name"));
                if (V x = at(v, "persistentVolumeClaim"); x.is_object()) {
                    info.type = VolumeInfo::Type::PersistentVolumeClaim;
                    info.source = istr(at(x, "claimName"));
                } else if (V cm = at(v, "configMap"); cm.is_object()) {
                    info.type = VolumeInfo::Type::ConfigMap;
                    info.source = istr(at(cm, "name"));
                } else if (V secret = at(v, "secret"); secret.is_object()) {
                    info.type = VolumeInfo::Type::Secret;
                    info.source = istr(at(secret, "secretName"));
                } else if (at(v, "emptyDir").is_object()) {
                    info.type = VolumeInfo::Type::EmptyDir;
                } else if (V host = at(v, "hostPath"); host.is_object()) {
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

    void pod(KubeObject &o, V j)
    {
        PodData d;
        V spec = at(j, "spec");
        V status = at(j, "status");
        d.spec = podSpec(spec);
        d.phase = istr(at(status, "phase"));
        d.reason = istr(at(status, "reason"));
        d.message = str(at(status, "message"));
        d.nodeName = istr(at(spec, "nodeName"));
        d.podIP = str(at(status, "podIP"));
        d.hostIP = istr(at(status, "hostIP"));
        d.qosClass = istr(at(status, "qosClass"));
        d.nominatedNodeName = istr(at(status, "nominatedNodeName"));
        if (V ips = at(status, "podIPs"); ips.is_array())
            for (V ip : ips)
                d.podIPs.append(str(at(ip, "ip")));
        d.conditions = conditions(at(status, "conditions"));
        computePodStatus(d, o, spec, status);
        o.data = std::move(d);
    }

    // The STATUS, READY and RESTARTS columns exactly as kubectl's printPod computes them
    // (kubernetes pkg/printers/internalversion/printers.go).
    void computePodStatus(PodData &d, const KubeObject &o, V spec, V status)
    {
        V initSpecs = at(spec, "initContainers");
        V initStatuses = at(status, "initContainerStatuses");
        V statuses = at(status, "containerStatuses");
        const int initCount = initSpecs.is_array() ? int(initSpecs.size()) : 0;

        auto isSidecar = [&](int i) {
            return initSpecs.is_array() && i < initCount
                   && sv(at(initSpecs.element(std::size_t(i)), "restartPolicy")) == "Always";
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

        auto noteRestart = [&](V cs) {
            const Timestamp t
                = parseTimestamp(sv(at(at(at(cs, "lastState"), "terminated"), "finishedAt")));
            lastRestart = std::max(lastRestart, t);
        };

        auto stateOf = [&](V cs, bool init) {
            ContainerStatusInfo info;
            info.name = istr(at(cs, "name"));
            info.init = init;
            info.ready = toBool(at(cs, "ready"));
            info.restartCount = int(toInt(at(cs, "restartCount")));
            info.imageID = istr(at(cs, "imageID"));
            V state = at(cs, "state");
            if (V w = at(state, "waiting"); w.is_object()) {
                info.state = QStringLiteral("Waiting");
                info.reason = istr(at(w, "reason"));
            } else if (V t = at(state, "terminated"); t.is_object()) {
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
            for (V cs : initStatuses)
                stateOf(cs, true);
        if (statuses.is_array())
            for (V cs : statuses)
                stateOf(cs, false);

        bool initializing = false;
        if (initStatuses.is_array()) {
            for (int i = 0; i < int(initStatuses.size()); ++i) {
                V cs = initStatuses.element(std::size_t(i));
                restarts += int(toInt(at(cs, "restartCount")));
                if (toInt(at(cs, "restartCount")) > 0)
                    noteRestart(cs);
                V state = at(cs, "state");
                V terminated = at(state, "terminated");
                V waiting = at(state, "waiting");
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
                        restarts
                            += int(toInt(at(initStatuses.element(std::size_t(i)), "restartCount")));
            bool hasRunning = false;
            if (statuses.is_array()) {
                for (int i = int(statuses.size()) - 1; i >= 0; --i) {
                    V cs = statuses.element(std::size_t(i));
                    restarts += int(toInt(at(cs, "restartCount")));
                    if (toInt(at(cs, "restartCount")) > 0)
                        noteRestart(cs);
                    V state = at(cs, "state");
                    V waiting = at(state, "waiting");
                    V terminated = at(state, "terminated");
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

    void workload(KubeObject &o, V j)
    {
        WorkloadData d;
        V spec = at(j, "spec");
        V status = at(j, "status");
        d.selector = selector(at(spec, "selector"));
        V tmpl = at(spec, "template");
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

    void job(KubeObject &o, V j)
    {
        JobData d;
        V spec = at(j, "spec");
        V status = at(j, "status");
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

    void cronJob(KubeObject &o, V j)
    {
        CronJobData d;
        V spec = at(j, "spec");
        V status = at(j, "status");
        d.schedule = istr(at(spec, "schedule"));
        d.timeZone = istr(at(spec, "timeZone"));
        d.suspend = toBool(at(spec, "suspend"));
        d.active = at(status, "active").is_array() ? int(at(status, "active").size()) : 0;
        d.lastScheduleTime = parseTimestamp(sv(at(status, "lastScheduleTime")));
        d.lastSuccessfulTime = parseTimestamp(sv(at(status, "lastSuccessfulTime")));
        d.podTemplate = podSpec(at(at(at(at(spec, "jobTemplate"), "spec"), "template"), "spec"));
        o.data = std::move(d);
    }

    QStringList loadBalancer(V status)
    {
        QStringList out;
        V ingress = at(at(status, "loadBalancer"), "ingress");
        if (ingress.is_array()) {
            for (V i : ingress) {
                QString v = str(at(i, "ip"));
                if (v.isEmpty())
                    v = str(at(i, "hostname"));
                if (!v.isEmpty())
                    out.append(v);
            }
        }
        return out;
    }

    QList<ServicePort> servicePorts(V ports)
    {
        QList<ServicePort> out;
        if (!ports.is_array())
            return out;
        for (V p : ports) {
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

    void service(KubeObject &o, V j)
    {
        ServiceData d;
        V spec = at(j, "spec");
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

    void endpoints(KubeObject &o, V j)
    {
        EndpointsData d;
        V subsets = at(j, "subsets");
        if (subsets.is_array()) {
            for (V s : subsets) {
                for (const auto &[key, ready] :
                     {std::pair{"addresses", true}, std::pair{"notReadyAddresses", false}}) {
                    V addrs = at(s, key);
                    if (!addrs.is_array())
                        continue;
                    for (V a : addrs) {
                        EndpointAddress ea;
                        ea.ip = str(at(a, "ip"));
                        ea.hostname = str(at(a, "hostname"));
                        ea.nodeName = istr(at(a, "nodeName"));
                        V ref = at(a, "targetRef");
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

    IngressBackend backend(V b)
    {
        IngressBackend out;
        V svc = at(b, "service");
        out.serviceName = istr(at(svc, "name"));
        V port = at(svc, "port");
        out.servicePort
            = at(port, "name").is_string() ? istr(at(port, "name")) : istr(at(port, "number"));
        V res = at(b, "resource");
        out.resourceKind = istr(at(res, "kind"));
        out.resourceName = istr(at(res, "name"));
        return out;
    }

    void ingress(KubeObject &o, V j)
    {
        IngressData d;
        V spec = at(j, "spec");
        d.ingressClass = istr(at(spec, "ingressClassName"));
        if (d.ingressClass.isEmpty())
            d.ingressClass = valueOf(o.annotations, QStringLiteral("kubernetes.io/ingress.class"));
        if (V rules = at(spec, "rules"); rules.is_array()) {
            for (V r : rules) {
                const QString host = istr(at(r, "host"));
                if (!host.isEmpty() && !d.hosts.contains(host))
                    d.hosts.append(host);
                V paths = at(at(r, "http"), "paths");
                if (!paths.is_array())
                    continue;
                for (V p : paths)
                    d.paths.append({host, istr(at(p, "path")), istr(at(p, "pathType")),
                                    backend(at(p, "backend"))});
            }
        }
        if (V tls = at(spec, "tls"); tls.is_array())
            for (V t : tls)
                d.tls.append({strings(at(t, "hosts")), istr(at(t, "secretName"))});
        d.defaultBackend = backend(at(spec, "defaultBackend"));
        d.loadBalancerIngress = loadBalancer(at(j, "status"));
        o.data = std::move(d);
    }

    static QString metricTarget(V target, QString &type)
    {
        type = str(at(target, "type"));
        if (V u = at(target, "averageUtilization"); !u.is_null())
            return str(u) + QLatin1Char('%');
        if (V v = at(target, "averageValue"); !v.is_null())
            return str(v);
        return str(at(target, "value"));
    }

    void hpa(KubeObject &o, V j, const QString &apiVersion)
    {
        HpaData d;
        V spec = at(j, "spec");
        V status = at(j, "status");
        V ref = at(spec, "scaleTargetRef");
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
            if (V t = at(spec, "targetCPUUtilizationPercentage"); !t.is_null()) {
                HpaMetric m{QStringLiteral("Resource"),
                            QStringLiteral("cpu"),
                            QStringLiteral("Utilization"),
                            str(t) + QLatin1Char('%'),
                            {}};
                if (V c = at(status, "currentCPUUtilizationPercentage"); !c.is_null())
                    m.current = str(c) + QLatin1Char('%');
                d.metrics.append(m);
            }
            o.data = std::move(d);
            return;
        }

        // Pairs spec.metrics[i] with the status.currentMetrics entry of the same type/name.
        V current = at(status, "currentMetrics");
        auto findCurrent = [&](const QString &type, const QString &name) -> QString {
            if (!current.is_array())
                return {};
            for (V c : current) {
                if (str(at(c, "type")) != type)
                    continue;
                V body = at(c, lowerFirst(type).c_str());
                if (metricName(type, body) != name)
                    continue;
                V cur = at(body, "current");
                if (V u = at(cur, "averageUtilization"); !u.is_null())
                    return str(u) + QLatin1Char('%');
                if (V v = at(cur, "averageValue"); !v.is_null())
                    return str(v);
                return str(at(cur, "value"));
            }
            return {};
        };
        if (V metrics = at(spec, "metrics"); metrics.is_array()) {
            for (V m : metrics) {
                HpaMetric metric;
                metric.type = istr(at(m, "type"));
                V body = at(m, lowerFirst(metric.type).c_str());
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

    static QString metricName(const QString &type, V body)
    {
        if (type == QLatin1String("Resource") || type == QLatin1String("ContainerResource"))
            return str(at(body, "name"));
        return str(at(at(body, "metric"), "name"));
    }

    void pvc(KubeObject &o, V j)
    {
        PvcData d;
        V spec = at(j, "spec");
        V status = at(j, "status");
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

    void pv(KubeObject &o, V j)
    {
        PvData d;
        V spec = at(j, "spec");
        d.phase = istr(at(at(j, "status"), "phase"));
        d.capacity = istr(at(at(spec, "capacity"), "storage"));
        d.accessModes = strings(at(spec, "accessModes"));
        d.reclaimPolicy = istr(at(spec, "persistentVolumeReclaimPolicy"));
        d.storageClass = istr(at(spec, "storageClassName"));
        d.claimNamespace = istr(at(at(spec, "claimRef"), "namespace"));
        d.claimName = str(at(at(spec, "claimRef"), "name"));
        d.volumeMode = istr(at(spec, "volumeMode"));
        if (V csi = at(spec, "csi"); csi.is_object())
            d.source = QStringLiteral("csi:") + str(at(csi, "driver"));
        else if (V hp = at(spec, "hostPath"); hp.is_object())
            d.source = QStringLiteral("hostPath:") + str(at(hp, "path"));
        else if (V nfs = at(spec, "nfs"); nfs.is_object())
            d.source = QStringLiteral("nfs:") + str(at(nfs, "server")) + QLatin1Char(':')
                       + str(at(nfs, "path"));
        else if (V local = at(spec, "local"); local.is_object())
            d.source = QStringLiteral("local:") + str(at(local, "path"));
        o.data = std::move(d);
    }

    void node(KubeObject &o, V j)
    {
        NodeData d;
        V spec = at(j, "spec");
        V status = at(j, "status");
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
        V info = at(status, "nodeInfo");
        d.kubeletVersion = istr(at(info, "kubeletVersion"));
        d.osImage = istr(at(info, "osImage"));
        d.architecture = istr(at(info, "architecture"));
        d.containerRuntime = istr(at(info, "containerRuntimeVersion"));
        if (V addrs = at(status, "addresses"); addrs.is_array()) {
            for (V a : addrs) {
                const std::string_view type = sv(at(a, "type"));
                if (type == "InternalIP" && d.internalIP.isEmpty())
                    d.internalIP = str(at(a, "address"));
                else if (type == "ExternalIP" && d.externalIP.isEmpty())
                    d.externalIP = str(at(a, "address"));
                else if (type == "Hostname")
                    d.hostname = str(at(a, "address"));
            }
        }
        V cap = at(status, "capacity");
        V alloc = at(status, "allocatable");
        d.cpuCapacity = istr(at(cap, "cpu"));
        d.memoryCapacity = istr(at(cap, "memory"));
        d.podsCapacity = istr(at(cap, "pods"));
        d.cpuAllocatable = istr(at(alloc, "cpu"));
        d.memoryAllocatable = istr(at(alloc, "memory"));
        d.podsAllocatable = istr(at(alloc, "pods"));
        if (V taints = at(spec, "taints"); taints.is_array()) {
            for (V t : taints) {
                QString text = str(at(t, "key"));
                if (const QString v = str(at(t, "value")); !v.isEmpty())
                    text += QLatin1Char('=') + v;
                text += QLatin1Char(':') + str(at(t, "effect"));
                d.taints.append(text);
            }
        }
        o.data = std::move(d);
    }

    void event(KubeObject &o, V j)
    {
        EventData d;
        V inv = at(j, "involvedObject");
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
        if (V series = at(j, "series"); series.is_object()) {
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

template <class V>
KubeObjectPtr decodeObject(StringInterner &strings, Kind kind, V j, const QString &apiVersion)
{
    if (!j.is_object())
        return nullptr;
    auto o = std::make_shared<KubeObject>();
    Decoding<V> dec(strings);
    o->kind = kind;
    V meta = at(j, "metadata");
    o->name = str(at(meta, "name"));
    o->namespaceName = dec.istr(at(meta, "namespace"));
    o->uid = str(at(meta, "uid"));
    o->resourceVersion = str(at(meta, "resourceVersion"));
    o->generation = toInt(at(meta, "generation"));
    o->creationTimestamp = parseTimestamp(sv(at(meta, "creationTimestamp")));
    o->deletionTimestamp = parseTimestamp(sv(at(meta, "deletionTimestamp")));
    o->labels = dec.keyValues(at(meta, "labels"));
    o->annotations = dec.keyValues(at(meta, "annotations"), true);
    if (V owners = at(meta, "ownerReferences"); owners.is_array()) {
        for (V ref : owners)
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

// One simdjson parser per thread (the informers of a cluster share their CurlWorker's): its
// buffers grow to the largest document read and are given back after a large list page.
// Its depth limit is JsonRead's: a document nested deeper is refused by simdjson itself and
// goes the nlohmann way, which refuses it too (JsonRead::parse), so no separate pass over
// the text counts the nesting first (that pass was 7 % of a 150,000-pod sync's CPU). Should
// simdjson count one level more than JsonRead, a document at exactly the limit takes the
// nlohmann way and reads the same.
constexpr std::size_t kParserDepth = JsonRead::MaxDepth;

void resetParser(simdjson::dom::parser &parser)
{
    parser = simdjson::dom::parser();
    if (parser.allocate(64 * 1024, kParserDepth) != simdjson::SUCCESS)
        parser = simdjson::dom::parser(); // allocation failed: parseFast() checks the depth
}

simdjson::dom::parser &threadParser()
{
    thread_local std::unique_ptr<simdjson::dom::parser> t_parser;
    if (!t_parser) {
        t_parser = std::make_unique<simdjson::dom::parser>();
        resetParser(*t_parser);
    }
    return *t_parser;
}

void releaseLargeParser()
{
    simdjson::dom::parser &parser = threadParser();
    if (parser.capacity() > 4 * 1024 * 1024)
        resetParser(parser);
}

// Parses `text` with the thread's parser; false when it is nested deeper than JsonRead::parse
// allows or simdjson refuses it (malformed, or a number it does not hold such as a 20-digit
// integer): the caller then goes the nlohmann way, so all of those keep their old meaning.
bool parseFast(std::string_view text, simdjson::dom::element &root)
{
    // Empty text is not JSON, and simdjson would copy from its null pointer (UBSan).
    if (text.empty())
        return false;
    simdjson::dom::parser &parser = threadParser();
    if (parser.max_depth() != kParserDepth) {
        resetParser(parser); // an earlier allocation failed: try again, else the slow way
        if (parser.max_depth() != kParserDepth)
            return false;
    }
    return parser.parse(text.data(), text.size()).get(root) == simdjson::SUCCESS;
}

} // namespace ObjectDecoding

using namespace ObjectDecoding;

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
    return decodeObject(m_strings, kind, NlohmannView(j), apiVersion);
}

KubeObjectPtr ObjectDecoder::decode(Kind kind, const QByteArray &text)
{
    DecodeGuard::noteDecode("ObjectDecoder::decode");
    simdjson::dom::element root;
    if (parseFast(std::string_view(text.constData(), std::size_t(text.size())), root))
        return decodeObject(m_strings, kind, SimdView(root), QString());
    const json j = JsonRead::parse(text);
    if (j.is_discarded())
        return nullptr;
    return decode(kind, j);
}

KubeObjectPtr ObjectDecoder::decodeNlohmann(Kind kind, const QByteArray &text)
{
    const json j = JsonRead::parse(text);
    if (j.is_discarded())
        return nullptr;
    return decode(kind, j);
}

bool ObjectDecoder::decodeList(Kind kind, QByteArrayView text, const QString &apiVersion,
                               std::vector<KubeObjectPtr> &out, std::string &continueToken,
                               std::string &resourceVersion, qint64 *remainingItemCount)
{
    if (remainingItemCount)
        *remainingItemCount = -1;
    DecodeGuard::noteDecode("ObjectDecoder::decodeList");
    simdjson::dom::element root;
    if (parseFast(std::string_view(text.data(), std::size_t(text.size())), root)) {
        const SimdView page(root);
        if (!page.is_object())
            return false;
        const SimdView items = at(page, "items");
        if (items.is_array()) {
            out.reserve(out.size() + items.size());
            for (SimdView item : items)
                if (KubeObjectPtr o = decodeObject(m_strings, kind, item, apiVersion))
                    out.push_back(std::move(o));
        }
        const SimdView meta = at(page, "metadata");
        continueToken = std::string(sv(at(meta, "continue")));
        resourceVersion = std::string(sv(at(meta, "resourceVersion")));
        if (remainingItemCount) {
            const std::optional<qint64> remaining = at(meta, "remainingItemCount").integer();
            *remainingItemCount = remaining && *remaining >= 0 ? *remaining : -1;
        }
        releaseLargeParser();
        return true;
    }
    releaseLargeParser();
    json j = JsonRead::parse(text);
    if (!j.is_object())
        return false;
    const json &items = JsonRead::array(j, "items");
    out.reserve(out.size() + items.size());
    for (const json &item : items)
        if (KubeObjectPtr o = decode(kind, item, apiVersion))
            out.push_back(std::move(o));
    continueToken = JsonRead::stdString(j, {"metadata", "continue"});
    resourceVersion = JsonRead::stdString(j, {"metadata", "resourceVersion"});
    if (remainingItemCount) {
        const std::optional<qint64> remaining
            = JsonRead::optionalInteger(j, {"metadata", "remainingItemCount"});
        *remainingItemCount = remaining && *remaining >= 0 ? *remaining : -1;
    }
    return true;
}

ObjectDecoder::WatchEvent ObjectDecoder::decodeWatchEvent(Kind kind, std::string_view line,
                                                          const QString &apiVersion)
{
    DecodeGuard::noteDecode("ObjectDecoder::decodeWatchEvent");
    using T = WatchEvent::Type;
    WatchEvent event;
    auto changeType = [](std::string_view type) {
        if (type == "ADDED")
            return T::Added;
        if (type == "MODIFIED")
            return T::Modified;
        if (type == "DELETED")
            return T::Deleted;
        if (type == "BOOKMARK")
            return T::Bookmark;
        if (type == "ERROR")
            return T::Error;
        return T::Other;
    };
    simdjson::dom::element root;
    if (parseFast(line, root)) {
        const SimdView e(root);
        if (!e.is_object())
            return event; // Malformed
        event.type = changeType(sv(at(e, "type")));
        if (event.type == T::Added || event.type == T::Modified || event.type == T::Deleted) {
            const SimdView object = at(e, "object");
            // Not an object: decoded as an empty one, as JsonRead::object() gives it.
            event.object = object.is_object() ? decodeObject(m_strings, kind, object, apiVersion)
                                              : decode(kind, json::object(), apiVersion);
            return event;
        }
        if (event.type == T::Other)
            return event;
        // BOOKMARK and ERROR (one a minute, or once): read as before, below.
    }
    const json j = JsonRead::parse(line);
    if (!j.is_object())
        return WatchEvent();
    event.type = changeType(JsonRead::stdString(j, "type"));
    const json &object = JsonRead::object(j, "object");
    switch (event.type) {
    case T::Added:
    case T::Modified:
    case T::Deleted: event.object = decode(kind, object, apiVersion); break;
    case T::Bookmark:
        event.resourceVersion = JsonRead::string(object, {"metadata", "resourceVersion"});
        break;
    case T::Error:
        event.errorCode = JsonRead::integer(object, "code");
        event.errorBody = JsonRead::dumpBytes(object);
        break;
    case T::Malformed:
    case T::Other: break;
    }
    return event;
}

} // namespace Orrery::Internal
