// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube.h"
#include "quantity.h"
#include "server/defaulter.h"

#include <labels.h>

#include <cmath>
#include <set>
#include <unordered_map>

namespace Orrery::Sim {

using json = nlohmann::json;

const GroupResource Kube::Pods{"", "pods"};
const GroupResource Kube::Nodes{"", "nodes"};
const GroupResource Kube::Namespaces{"", "namespaces"};
const GroupResource Kube::Services{"", "services"};
const GroupResource Kube::Endpoints{"", "endpoints"};
const GroupResource Kube::EndpointSlices{"discovery.k8s.io", "endpointslices"};
const GroupResource Kube::Events{"", "events"};
const GroupResource Kube::PersistentVolumeClaims{"", "persistentvolumeclaims"};
const GroupResource Kube::PersistentVolumes{"", "persistentvolumes"};
const GroupResource Kube::StorageClasses{"storage.k8s.io", "storageclasses"};
const GroupResource Kube::Deployments{"apps", "deployments"};
const GroupResource Kube::ReplicaSets{"apps", "replicasets"};
const GroupResource Kube::StatefulSets{"apps", "statefulsets"};
const GroupResource Kube::DaemonSets{"apps", "daemonsets"};
const GroupResource Kube::ControllerRevisions{"apps", "controllerrevisions"};
const GroupResource Kube::Jobs{"batch", "jobs"};
const GroupResource Kube::CronJobs{"batch", "cronjobs"};
const GroupResource Kube::HorizontalPodAutoscalers{"autoscaling", "horizontalpodautoscalers"};
const GroupResource Kube::Secrets{"", "secrets"};
const GroupResource Kube::ConfigMaps{"", "configmaps"};

const json::json_pointer &Kube::ptr(const char *literal)
{
    thread_local std::unordered_map<const char *, json::json_pointer> cache;
    auto it = cache.find(literal);
    if (it == cache.end())
        it = cache.emplace(literal, json::json_pointer(literal)).first;
    return it->second;
}

std::string Kube::str(const json &obj, const json::json_pointer &ptr, const std::string &fallback)
{
    if (!obj.contains(ptr))
        return fallback;
    const json &v = obj.at(ptr);
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number_integer())
        return std::to_string(v.get<std::int64_t>());
    return fallback;
}

std::int64_t Kube::integer(const json &obj, const json::json_pointer &ptr, std::int64_t fallback)
{
    if (!obj.contains(ptr))
        return fallback;
    const json &v = obj.at(ptr);
    if (v.is_number())
        return v.get<std::int64_t>();
    return fallback;
}

std::string Kube::name(const json &obj)
{
    static const json::json_pointer p("/metadata/name");
    return str(obj, p);
}

std::string Kube::ns(const json &obj)
{
    static const json::json_pointer p("/metadata/namespace");
    return str(obj, p);
}

std::string Kube::uid(const json &obj)
{
    static const json::json_pointer p("/metadata/uid");
    return str(obj, p);
}

bool Kube::mapMatches(const json &selector, const json &labels)
{
    if (!selector.is_object())
        return false;
    for (auto it = selector.begin(); it != selector.end(); ++it) {
        if (!labels.is_object())
            return false;
        auto l = labels.find(it.key());
        if (l == labels.end() || *l != *it)
            return false;
    }
    return true;
}

bool Kube::selectorMatches(const json &selector, const json &labels)
{
    if (!selector.is_object())
        return false;
    const json &ml = selector.value("matchLabels", json::object());
    const json &me = selector.value("matchExpressions", json::array());
    if (ml.empty() && me.empty())
        return false;
    if (!ml.empty() && !mapMatches(ml, labels))
        return false;
    for (const json &expr : me) {
        const std::string key = expr.value("key", "");
        const auto op = Labels::operatorFromName(expr.value("operator", ""));
        if (!op)
            continue; // the API server refuses other operators on create
        const bool has = labels.is_object() && labels.contains(key);
        const std::string value
            = has && labels[key].is_string() ? labels[key].get<std::string>() : std::string();
        bool inValues = false;
        for (const json &v : expr.value("values", json::array()))
            inValues |= v.is_string() && v.get<std::string>() == value;
        if (!Labels::satisfies(*op, has, inValues))
            return false;
    }
    return true;
}

const json *Kube::controllerRef(const json &obj)
{
    auto meta = obj.find("metadata");
    if (meta == obj.end())
        return nullptr;
    auto refs = meta->find("ownerReferences");
    if (refs == meta->end() || !refs->is_array())
        return nullptr;
    for (const json &ref : *refs) {
        if (ref.value("controller", false))
            return &ref;
    }
    return nullptr;
}

std::string Kube::controllerUid(const json &obj)
{
    const json *ref = controllerRef(obj);
    return ref ? ref->value("uid", "") : std::string();
}

std::unordered_map<std::string, std::vector<ObjectPtr>>
Kube::podsByController(const ObjectStore &store, const std::vector<ObjectPtr> &owners)
{
    std::set<std::string> namespaces;
    for (const ObjectPtr &o : owners)
        namespaces.insert(ns(*o));
    std::unordered_map<std::string, std::vector<ObjectPtr>> byOwner;
    for (const std::string &n : namespaces) {
        for (const ObjectPtr &p : store.list(Pods, n)) {
            const std::string owner = controllerUid(*p);
            if (!owner.empty())
                byOwner[owner].push_back(p);
        }
    }
    return byOwner;
}

std::optional<std::set<std::string>>
Kube::namespacesWrittenSince(const ObjectStore &store, const std::vector<GroupResource> &kinds,
                             std::uint64_t rv)
{
    if (rv == 0)
        return std::nullopt;
    std::set<std::string> out;
    for (const GroupResource &gr : kinds) {
        // Namespaces only: the store answers without parsing the objects written.
        const auto written = store.namespacesSince(gr, rv);
        if (!written)
            return std::nullopt;
        out.insert(written->begin(), written->end());
    }
    return out;
}

json Kube::ownerReference(const json &owner, const std::string &apiVersion, const std::string &kind)
{
    return json{{"apiVersion", apiVersion}, {"kind", kind},       {"name", name(owner)},
                {"uid", uid(owner)},        {"controller", true}, {"blockOwnerDeletion", true}};
}

std::string Kube::safeEncode(const std::string &s)
{
    // k8s.io/apimachinery/pkg/util/rand: no vowels, no confusable characters.
    static const char alphanums[] = "bcdfghjklmnpqrstvwxz2456789";
    std::string out = s;
    for (char &c : out)
        c = alphanums[static_cast<unsigned char>(c) % (sizeof alphanums - 1)];
    return out;
}

std::string Kube::templateHash(const json &object, int collisionCount)
{
    std::string text = object.dump();
    if (collisionCount > 0)
        text += std::to_string(collisionCount);
    std::uint32_t hash = 2166136261u;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 16777619u;
    }
    return safeEncode(std::to_string(hash));
}

std::string Kube::randomSuffix(std::mt19937 &rng, int length)
{
    static const char alphanums[] = "bcdfghjklmnpqrstvwxz2456789";
    std::uniform_int_distribution<int> pick(0, sizeof alphanums - 2);
    std::string out;
    for (int i = 0; i < length; ++i)
        out += alphanums[pick(rng)];
    return out;
}

json Kube::withoutHashLabel(json podTemplate)
{
    if (podTemplate.contains(Kube::ptr("/metadata/labels")))
        podTemplate["metadata"]["labels"].erase("pod-template-hash");
    return podTemplate;
}

bool Kube::isTerminating(const json &obj)
{
    static const json::json_pointer p("/metadata/deletionTimestamp");
    return obj.contains(p) && !obj.at(p).is_null();
}

bool Kube::isPodTerminated(const json &pod)
{
    static const json::json_pointer p("/status/phase");
    const std::string phase = str(pod, p);
    return phase == "Succeeded" || phase == "Failed";
}

bool Kube::isPodActive(const json &pod)
{
    return !isTerminating(pod) && !isPodTerminated(pod);
}

bool Kube::hasCondition(const json &obj, const std::string &type, const std::string &status)
{
    static const json::json_pointer p("/status/conditions");
    if (!obj.contains(p))
        return false;
    for (const json &c : obj.at(p)) {
        if (c.value("type", "") == type)
            return c.value("status", "") == status;
    }
    return false;
}

bool Kube::isPodReady(const json &pod)
{
    return !isPodTerminated(pod) && hasCondition(pod, "Ready", "True");
}

bool Kube::setCondition(json &status, const json &condition, const std::string &now,
                        bool withUpdateTime)
{
    json &conditions = status["conditions"];
    if (!conditions.is_array())
        conditions = json::array();
    const std::string type = condition.value("type", "");
    for (json &c : conditions) {
        if (c.value("type", "") != type)
            continue;
        const bool statusChanged = c.value("status", "") != condition.value("status", "");
        const bool changed = statusChanged || c.value("reason", "") != condition.value("reason", "")
                             || c.value("message", "") != condition.value("message", "");
        if (!changed)
            return false;
        const json old = c;
        c = condition;
        c["lastTransitionTime"] = statusChanged ? now : old.value("lastTransitionTime", now);
        if (withUpdateTime)
            c["lastUpdateTime"] = now;
        return true;
    }
    json c = condition;
    c["lastTransitionTime"] = now;
    if (withUpdateTime)
        c["lastUpdateTime"] = now;
    conditions.push_back(c);
    return true;
}

std::int64_t Kube::containerRequest(const json &container, const char *resource, bool memory)
{
    const json::json_pointer req(std::string("/resources/requests/") + resource);
    const json::json_pointer lim(std::string("/resources/limits/") + resource);
    const json *q = container.contains(req)   ? &container.at(req)
                    : container.contains(lim) ? &container.at(lim)
                                              : nullptr;
    if (!q)
        return 0;
    return memory ? Quantity::bytes(*q) : Quantity::milli(*q);
}

std::int64_t Kube::podCpuRequest(const json &pod)
{
    std::int64_t total = 0;
    static const json::json_pointer p("/spec/containers");
    if (pod.contains(p)) {
        for (const json &c : pod.at(p))
            total += containerRequest(c, "cpu", false);
    }
    return total;
}

std::int64_t Kube::podMemoryRequest(const json &pod)
{
    std::int64_t total = 0;
    static const json::json_pointer p("/spec/containers");
    if (pod.contains(p)) {
        for (const json &c : pod.at(p))
            total += containerRequest(c, "memory", true);
    }
    return total;
}

json Kube::podFromTemplate(const json &podTemplate, const std::string &ns, const std::string &name,
                           const json &ownerRef)
{
    json meta = podTemplate.value("metadata", json::object());
    meta.erase("creationTimestamp");
    meta["name"] = name;
    meta["namespace"] = ns;
    if (ownerRef.is_object())
        meta["ownerReferences"] = json::array({ownerRef});
    json spec = podTemplate.value("spec", json::object());
    if (!spec.contains("restartPolicy"))
        spec["restartPolicy"] = "Always";
    if (!spec.contains("terminationGracePeriodSeconds"))
        spec["terminationGracePeriodSeconds"] = 30;
    if (!spec.contains("dnsPolicy"))
        spec["dnsPolicy"] = "ClusterFirst";
    if (!spec.contains("schedulerName"))
        spec["schedulerName"] = "default-scheduler";
    if (!spec.contains("serviceAccountName"))
        spec["serviceAccountName"] = spec.value("serviceAccount", std::string("default"));
    if (spec.contains("containers")) {
        for (json &c : spec["containers"]) {
            if (!c.contains("imagePullPolicy")) {
                const std::string image = c.value("image", "");
                c["imagePullPolicy"] = image.find(':') == std::string::npos
                                               || image.substr(image.rfind(':')) == ":latest"
                                           ? "Always"
                                           : "IfNotPresent";
            }
            if (!c.contains("terminationMessagePath"))
                c["terminationMessagePath"] = "/dev/termination-log";
            if (!c.contains("terminationMessagePolicy"))
                c["terminationMessagePolicy"] = "File";
            if (!c.contains("resources"))
                c["resources"] = json::object();
        }
    }
    if (!spec.contains("tolerations") || !spec["tolerations"].is_array())
        spec["tolerations"] = json::array();
    // Like the DefaultTolerationSeconds admission plugin: only where the pod does not already
    // tolerate the taint (DaemonSet pods carry their own, without tolerationSeconds).
    for (const char *taint : {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
        bool tolerated = false;
        for (const json &t : spec["tolerations"])
            if (t.is_object() && t.value("key", "") == taint
                && t.value("effect", "NoExecute") == "NoExecute")
                tolerated = true;
        if (!tolerated)
            spec["tolerations"].push_back({{"key", taint},
                                           {"operator", "Exists"},
                                           {"effect", "NoExecute"},
                                           {"tolerationSeconds", 300}});
    }
    json pod = {{"apiVersion", "v1"},
                {"kind", "Pod"},
                {"metadata", meta},
                {"spec", spec},
                {"status", {{"phase", "Pending"}, {"qosClass", "BestEffort"}}}};
    // The rest of what the API server's defaulting gives a pod the controllers create
    // (securityContext {}, enableServiceLinks, priority, ports' protocol, probes...).
    Defaulter::apply("Pod", pod);
    return pod;
}

int Kube::scaledValue(const json &intOrPercent, int total, bool roundUp, int fallback)
{
    if (intOrPercent.is_number_integer())
        return intOrPercent.get<int>();
    if (intOrPercent.is_string()) {
        std::string s = intOrPercent.get<std::string>();
        if (!s.empty() && s.back() == '%') {
            const int percent = std::atoi(s.c_str());
            // Integer arithmetic like intstr.GetScaledValueFromIntOrPercent.
            const long long product = static_cast<long long>(percent) * total;
            return static_cast<int>(roundUp ? (product + 99) / 100 : product / 100);
        }
        return std::atoi(s.c_str());
    }
    return fallback;
}

} // namespace Orrery::Sim
