// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableconverter.h"

#include <labels.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

namespace Orrery::Sim {

using json = nlohmann::json;
using Clock = std::chrono::system_clock;

namespace {

json col(const std::string &name, const std::string &type = "string", int priority = 0,
         const std::string &format = {})
{
    return {{"name", name},
            {"type", type},
            {"format", format},
            {"description", name},
            {"priority", priority}};
}

json nameCol()
{
    return {{"name", "Name"},
            {"type", "string"},
            {"format", "name"},
            {"description", "Name must be unique within a namespace."},
            {"priority", 0}};
}

const json &field(const json &obj, std::initializer_list<const char *> path)
{
    static const json null;
    const json *cur = &obj;
    for (const char *k : path) {
        if (!cur->is_object())
            return null;
        auto it = cur->find(k);
        if (it == cur->end())
            return null;
        cur = &*it;
    }
    return *cur;
}

std::string str(const json &obj, std::initializer_list<const char *> path,
                const std::string &fallback = {})
{
    const json &v = field(obj, path);
    return v.is_string() ? v.get<std::string>() : fallback;
}

std::int64_t num(const json &obj, std::initializer_list<const char *> path,
                 std::int64_t fallback = 0)
{
    const json &v = field(obj, path);
    return v.is_number() ? v.get<std::int64_t>() : fallback;
}

std::string orNone(const std::string &s)
{
    return s.empty() ? "<none>" : s;
}

std::string join(const std::vector<std::string> &parts, const std::string &sep)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? sep : "") + parts[i];
    return out;
}

std::string age(const json &obj, Clock::time_point now, std::initializer_list<const char *> path)
{
    const std::string ts = str(obj, path);
    if (ts.empty())
        return "<unknown>";
    return TableConverter::humanDuration(
        std::chrono::duration_cast<std::chrono::seconds>(now - TableConverter::parseTime(ts)));
}

std::string creationAge(const json &obj, Clock::time_point now)
{
    return age(obj, now, {"metadata", "creationTimestamp"});
}

// labels.FormatLabels: sorted k=v joined by ",", "<none>" when empty.
std::string formatLabels(const json &m)
{
    if (!m.is_object() || m.empty())
        return "<none>";
    std::vector<std::string> parts;
    for (auto it = m.begin(); it != m.end(); ++it)
        parts.push_back(it.key() + "=" + (it->is_string() ? it->get<std::string>() : it->dump()));
    return join(parts, ",");
}

// metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, set values sorted.
std::string selectorString(const json &sel)
{
    if (!sel.is_object())
        return "<none>";
    std::vector<Labels::Requirement> reqs;
    if (sel.contains("matchLabels") && sel["matchLabels"].is_object())
        for (auto it = sel["matchLabels"].begin(); it != sel["matchLabels"].end(); ++it)
            reqs.push_back({it.key(), Labels::Operator::Equals, {it->get<std::string>()}});
    if (sel.contains("matchExpressions") && sel["matchExpressions"].is_array())
        for (const auto &e : sel["matchExpressions"]) {
            const auto op = Labels::operatorFromName(e.value("operator", std::string()));
            if (!op)
                continue;
            std::vector<std::string> values;
            for (const auto &v : e.value("values", json::array()))
                values.push_back(v.get<std::string>());
            std::sort(values.begin(), values.end());
            reqs.push_back({e.value("key", std::string()), *op, std::move(values)});
        }
    std::stable_sort(reqs.begin(), reqs.end(),
                     [](const auto &a, const auto &b) { return a.key < b.key; });
    return reqs.empty() ? "<none>" : Labels::toString(reqs);
}

std::pair<std::string, std::string> containersAndImages(const json &podSpec)
{
    std::vector<std::string> names, images;
    if (!podSpec.is_object())
        return {};
    for (const auto &c : podSpec.value("containers", json::array())) {
        names.push_back(c.value("name", std::string()));
        images.push_back(c.value("image", std::string()));
    }
    return {join(names, ","), join(images, ",")};
}

bool hasCondition(const json &obj, const std::string &type, const std::string &status = "True")
{
    for (const auto &c : field(obj, {"status", "conditions"}).is_array()
                             ? field(obj, {"status", "conditions"})
                             : json::array())
        if (c.value("type", "") == type && c.value("status", "") == status)
            return true;
    return false;
}

json podCells(const json &pod, Clock::time_point now)
{
    const json &status = pod.value("status", json::object()).is_object() ? pod["status"] : json();
    const int total = static_cast<int>(field(pod, {"spec", "containers"}).size());
    int ready = 0;
    std::int64_t restarts = 0;
    Clock::time_point lastRestart{};
    std::string reason = str(pod, {"status", "phase"});
    if (!str(pod, {"status", "reason"}).empty())
        reason = str(pod, {"status", "reason"});
    for (const auto &c : field(pod, {"status", "conditions"}).is_array()
                             ? field(pod, {"status", "conditions"})
                             : json::array())
        if (c.value("type", "") == "PodScheduled" && c.value("reason", "") == "SchedulingGated")
            reason = "SchedulingGated";

    bool initializing = false;
    const json &inits = field(pod, {"status", "initContainerStatuses"});
    const int initCount = static_cast<int>(field(pod, {"spec", "initContainers"}).size());
    if (inits.is_array()) {
        for (std::size_t i = 0; i < inits.size(); ++i) {
            const json &c = inits[i];
            restarts += c.value("restartCount", 0);
            const json &term = field(c, {"state", "terminated"});
            const json &wait = field(c, {"state", "waiting"});
            if (term.is_object() && term.value("exitCode", 0) == 0)
                continue;
            if (field(c, {"started"}).is_boolean() && c["started"].get<bool>()
                && field(c, {"state", "running"}).is_object())
                continue;
            if (term.is_object()) {
                const std::string r = term.value("reason", std::string());
                if (!r.empty())
                    reason = "Init:" + r;
                else if (term.value("signal", 0) != 0)
                    reason = "Init:Signal:" + std::to_string(term.value("signal", 0));
                else
                    reason = "Init:ExitCode:" + std::to_string(term.value("exitCode", 0));
            } else if (wait.is_object() && !wait.value("reason", std::string()).empty()
                       && wait.value("reason", std::string()) != "PodInitializing") {
                reason = "Init:" + wait.value("reason", std::string());
            } else {
                reason = "Init:" + std::to_string(i) + "/" + std::to_string(initCount);
            }
            initializing = true;
            break;
        }
    }
    if (!initializing || hasCondition(pod, "Initialized")) {
        restarts = 0;
        bool hasRunning = false;
        const json &statuses = field(pod, {"status", "containerStatuses"});
        if (statuses.is_array()) {
            for (auto it = statuses.rbegin(); it != statuses.rend(); ++it) {
                const json &c = *it;
                restarts += c.value("restartCount", 0);
                const std::string finished = str(c, {"lastState", "terminated", "finishedAt"});
                if (!finished.empty())
                    lastRestart = std::max(lastRestart, TableConverter::parseTime(finished));
                const json &wait = field(c, {"state", "waiting"});
                const json &term = field(c, {"state", "terminated"});
                if (wait.is_object() && !wait.value("reason", std::string()).empty()) {
                    reason = wait["reason"].get<std::string>();
                } else if (term.is_object() && !term.value("reason", std::string()).empty()) {
                    reason = term["reason"].get<std::string>();
                } else if (term.is_object()) {
                    reason = term.value("signal", 0) != 0
                                 ? "Signal:" + std::to_string(term.value("signal", 0))
                                 : "ExitCode:" + std::to_string(term.value("exitCode", 0));
                } else if (c.value("ready", false) && field(c, {"state", "running"}).is_object()) {
                    hasRunning = true;
                    ++ready;
                }
            }
        }
        if (reason == "Completed" && hasRunning)
            reason = hasCondition(pod, "Ready") ? "Running" : "NotReady";
    }
    const std::string phase = str(pod, {"status", "phase"});
    if (field(pod, {"metadata", "deletionTimestamp"}).is_string()) {
        if (str(pod, {"status", "reason"}) == "NodeLost")
            reason = "Unknown";
        else if (phase != "Succeeded" && phase != "Failed")
            reason = "Terminating";
    }
    json restartsCell = restarts;
    if (restarts != 0 && lastRestart != Clock::time_point{})
        restartsCell = std::to_string(restarts) + " ("
                       + TableConverter::humanDuration(
                           std::chrono::duration_cast<std::chrono::seconds>(now - lastRestart))
                       + " ago)";
    std::string ip = str(pod, {"status", "podIP"});
    const json &ips = field(pod, {"status", "podIPs"});
    if (ips.is_array() && !ips.empty())
        ip = ips[0].value("ip", ip);
    std::string gates = "<none>";
    const json &rg = field(pod, {"spec", "readinessGates"});
    if (rg.is_array() && !rg.empty()) {
        int trueCount = 0;
        for (const auto &g : rg)
            if (hasCondition(pod, g.value("conditionType", "")))
                ++trueCount;
        gates = std::to_string(trueCount) + "/" + std::to_string(rg.size());
    }
    (void)status;
    return json::array({str(pod, {"metadata", "name"}),
                        std::to_string(ready) + "/" + std::to_string(total), reason, restartsCell,
                        creationAge(pod, now), orNone(ip), orNone(str(pod, {"spec", "nodeName"})),
                        orNone(str(pod, {"status", "nominatedNodeName"})), gates});
}

std::string portString(const json &ports)
{
    std::vector<std::string> parts;
    for (const auto &p : ports.is_array() ? ports : json::array()) {
        const std::string proto = p.value("protocol", std::string("TCP"));
        const auto port = p.value("port", 0);
        const auto nodePort = p.value("nodePort", 0);
        parts.push_back(nodePort > 0
                            ? std::to_string(port) + ":" + std::to_string(nodePort) + "/" + proto
                            : std::to_string(port) + "/" + proto);
    }
    return join(parts, ",");
}

std::string serviceExternalIp(const json &svc)
{
    const std::string type = str(svc, {"spec", "type"}, "ClusterIP");
    std::vector<std::string> external;
    for (const auto &ip : field(svc, {"spec", "externalIPs"}).is_array()
                              ? svc["spec"]["externalIPs"]
                              : json::array())
        external.push_back(ip.get<std::string>());
    if (type == "ClusterIP" || type == "NodePort")
        return external.empty() ? "<none>" : join(external, ",");
    if (type == "LoadBalancer") {
        std::vector<std::string> lb;
        const json &ing = field(svc, {"status", "loadBalancer", "ingress"});
        for (const auto &i : ing.is_array() ? ing : json::array()) {
            if (i.contains("ip"))
                lb.push_back(i["ip"].get<std::string>());
            else if (i.contains("hostname"))
                lb.push_back(i["hostname"].get<std::string>());
        }
        lb.insert(lb.end(), external.begin(), external.end());
        return lb.empty() ? "<pending>" : join(lb, ",");
    }
    if (type == "ExternalName")
        return str(svc, {"spec", "externalName"});
    return "<unknown>";
}

std::string accessModes(const json &modes)
{
    static const std::map<std::string, std::string> shortForm = {{"ReadWriteOnce", "RWO"},
                                                                 {"ReadOnlyMany", "ROX"},
                                                                 {"ReadWriteMany", "RWX"},
                                                                 {"ReadWriteOncePod", "RWOP"}};
    std::vector<std::string> out;
    for (const auto &m : modes.is_array() ? modes : json::array()) {
        auto it = shortForm.find(m.get<std::string>());
        if (it != shortForm.end() && std::find(out.begin(), out.end(), it->second) == out.end())
            out.push_back(it->second);
    }
    return join(out, ",");
}

std::string nodeStatus(const json &node)
{
    std::string s = "Unknown";
    const json &conds = field(node, {"status", "conditions"});
    for (const auto &c : conds.is_array() ? conds : json::array())
        if (c.value("type", "") == "Ready")
            s = c.value("status", "") == "True" ? "Ready" : "NotReady";
    if (field(node, {"spec", "unschedulable"}).is_boolean()
        && node["spec"]["unschedulable"].get<bool>())
        s += ",SchedulingDisabled";
    return s;
}

std::string nodeRoles(const json &node)
{
    std::set<std::string> roles;
    const json &labels = field(node, {"metadata", "labels"});
    if (!labels.is_object())
        return "<none>";
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const std::string k = it.key();
        if (k.rfind("node-role.kubernetes.io/", 0) == 0 && k.size() > 24)
            roles.insert(k.substr(24));
        else if (k == "kubernetes.io/role" && it->is_string())
            roles.insert(it->get<std::string>());
    }
    return roles.empty() ? "<none>"
                         : join(std::vector<std::string>(roles.begin(), roles.end()), ",");
}

std::string nodeAddress(const json &node, const std::string &type)
{
    const json &addrs = field(node, {"status", "addresses"});
    for (const auto &a : addrs.is_array() ? addrs : json::array())
        if (a.value("type", "") == type)
            return a.value("address", std::string());
    return "<none>";
}

std::string hpaTargets(const json &hpa)
{
    const json &specs = field(hpa, {"spec", "metrics"});
    const json &statuses = field(hpa, {"status", "currentMetrics"});
    if (!specs.is_array() || specs.empty())
        return "<none>";
    std::vector<std::string> list;
    const std::size_t max = 2;
    for (std::size_t i = 0; i < specs.size() && list.size() < max; ++i) {
        const json &s = specs[i];
        const json st = statuses.is_array() && statuses.size() > i ? statuses[i] : json();
        const std::string type = s.value("type", "");
        if (type == "Resource" || type == "ContainerResource") {
            const json &r
                = type == "Resource" ? field(s, {"resource"}) : field(s, {"containerResource"});
            const json &sr
                = type == "Resource" ? field(st, {"resource"}) : field(st, {"containerResource"});
            const std::string name = r.value("name", "");
            const json &target = field(r, {"target"});
            if (target.contains("averageValue")) {
                std::string current = "<unknown>";
                if (field(sr, {"current", "averageValue"}).is_string())
                    current = sr["current"]["averageValue"].get<std::string>();
                list.push_back(name + ": " + current + "/"
                               + target["averageValue"].get<std::string>());
            } else {
                std::string current = "<unknown>";
                if (field(sr, {"current", "averageUtilization"}).is_number())
                    current = std::to_string(sr["current"]["averageUtilization"].get<int>()) + "%";
                std::string t = "<auto>";
                if (target.contains("averageUtilization"))
                    t = std::to_string(target["averageUtilization"].get<int>()) + "%";
                list.push_back(name + ": " + current + "/" + t);
            }
        } else if (type == "Pods" || type == "Object" || type == "External") {
            const char *key = type == "Pods" ? "pods" : type == "Object" ? "object" : "external";
            const json &target = field(s, {key, "target"});
            const json &cur = field(st, {key, "current"});
            std::string current = "<unknown>";
            std::string t = "<unknown>";
            for (const char *k : {"averageValue", "value"}) {
                if (cur.is_object() && cur.contains(k) && current == "<unknown>")
                    current = cur[k].is_string() ? cur[k].get<std::string>() : cur[k].dump();
                if (target.is_object() && target.contains(k) && t == "<unknown>")
                    t = target[k].is_string() ? target[k].get<std::string>() : target[k].dump();
            }
            list.push_back(current + "/" + t);
        } else {
            list.push_back("<unknown type>");
        }
    }
    std::string ret = join(list, ", ");
    if (specs.size() > max)
        ret += " + " + std::to_string(specs.size() - max) + " more...";
    return ret;
}

std::string formatEndpoints(const json &ep)
{
    std::vector<std::string> list;
    std::size_t count = 0;
    const json &subsets = field(ep, {"subsets"});
    for (const auto &ss : subsets.is_array() ? subsets : json::array()) {
        const json ports = ss.value("ports", json::array());
        for (const auto &a : ss.value("addresses", json::array())) {
            if (ports.empty()) {
                ++count;
                if (list.size() < 3)
                    list.push_back(a.value("ip", ""));
            }
            for (const auto &p : ports) {
                ++count;
                if (list.size() < 3)
                    list.push_back(a.value("ip", "") + ":" + std::to_string(p.value("port", 0)));
            }
        }
    }
    if (list.empty())
        return "<none>";
    std::string ret = join(list, ",");
    if (count > list.size())
        ret += " + " + std::to_string(count - list.size()) + " more...";
    return ret;
}

std::string quantity(const json &v)
{
    return v.is_string() ? v.get<std::string>() : v.is_number() ? v.dump() : "";
}

const std::map<std::string, json> &columnTable()
{
    static const std::map<std::string, json> table = [] {
        std::map<std::string, json> t;
        const json ageCol = col("Age");
        t["Pod"] = {nameCol(),
                    col("Ready"),
                    col("Status"),
                    col("Restarts", "string"),
                    ageCol,
                    col("IP", "string", 1),
                    col("Node", "string", 1),
                    col("Nominated Node", "string", 1),
                    col("Readiness Gates", "string", 1)};
        t["Deployment"] = {nameCol(),
                           col("Ready"),
                           col("Up-to-date", "integer"),
                           col("Available", "integer"),
                           ageCol,
                           col("Containers", "string", 1),
                           col("Images", "string", 1),
                           col("Selector", "string", 1)};
        t["ReplicaSet"] = {nameCol(),
                           col("Desired", "integer"),
                           col("Current", "integer"),
                           col("Ready", "integer"),
                           ageCol,
                           col("Containers", "string", 1),
                           col("Images", "string", 1),
                           col("Selector", "string", 1)};
        t["ReplicationController"] = t["ReplicaSet"];
        t["StatefulSet"] = {nameCol(), col("Ready"), ageCol, col("Containers", "string", 1),
                            col("Images", "string", 1)};
        t["DaemonSet"] = {nameCol(),
                          col("Desired", "integer"),
                          col("Current", "integer"),
                          col("Ready", "integer"),
                          col("Up-to-date", "integer"),
                          col("Available", "integer"),
                          col("Node Selector"),
                          ageCol,
                          col("Containers", "string", 1),
                          col("Images", "string", 1),
                          col("Selector", "string", 1)};
        t["Job"] = {nameCol(),
                    col("Status"),
                    col("Completions"),
                    col("Duration"),
                    ageCol,
                    col("Containers", "string", 1),
                    col("Images", "string", 1),
                    col("Selector", "string", 1)};
        t["CronJob"] = {nameCol(),
                        col("Schedule"),
                        col("Timezone"),
                        col("Suspend", "boolean"),
                        col("Active", "integer"),
                        col("Last Schedule"),
                        ageCol,
                        col("Containers", "string", 1),
                        col("Images", "string", 1),
                        col("Selector", "string", 1)};
        t["Service"]
            = {nameCol(),      col("Type"), col("Cluster-IP"),           col("External-IP"),
               col("Port(s)"), ageCol,      col("Selector", "string", 1)};
        t["Endpoints"] = {nameCol(), col("Endpoints"), ageCol};
        t["EndpointSlice"]
            = {nameCol(), col("AddressType"), col("Ports"), col("Endpoints"), ageCol};
        t["Node"] = {nameCol(),
                     col("Status"),
                     col("Roles"),
                     ageCol,
                     col("Version"),
                     col("Internal-IP", "string", 1),
                     col("External-IP", "string", 1),
                     col("OS-Image", "string", 1),
                     col("Kernel-Version", "string", 1),
                     col("Container-Runtime", "string", 1)};
        t["Namespace"] = {nameCol(), col("Status"), ageCol};
        t["Event"] = {col("Last Seen"),
                      col("Type"),
                      col("Reason"),
                      col("Object"),
                      col("Subobject", "string", 1),
                      col("Source", "string", 1),
                      col("Message"),
                      col("First Seen", "string", 1),
                      col("Count", "string", 1),
                      col("Name", "string", 1)};
        t["Secret"] = {nameCol(), col("Type"), col("Data", "string"), ageCol};
        t["ConfigMap"] = {nameCol(), col("Data", "string"), ageCol};
        t["ServiceAccount"] = {nameCol(), col("Secrets", "string"), ageCol};
        t["PersistentVolumeClaim"] = {nameCol(),
                                      col("Status"),
                                      col("Volume"),
                                      col("Capacity"),
                                      col("Access Modes"),
                                      col("StorageClass"),
                                      col("VolumeAttributesClass"),
                                      ageCol,
                                      col("VolumeMode", "string", 1)};
        t["PersistentVolume"] = {nameCol(),
                                 col("Capacity"),
                                 col("Access Modes"),
                                 col("Reclaim Policy"),
                                 col("Status"),
                                 col("Claim"),
                                 col("StorageClass"),
                                 col("VolumeAttributesClass"),
                                 col("Reason"),
                                 ageCol,
                                 col("VolumeMode", "string", 1)};
        t["StorageClass"] = {nameCol(),
                             col("Provisioner"),
                             col("ReclaimPolicy"),
                             col("VolumeBindingMode"),
                             col("AllowVolumeExpansion"),
                             ageCol};
        t["HorizontalPodAutoscaler"]
            = {nameCol(),      col("Reference"),          col("Targets"),
               col("MinPods"), col("MaxPods", "integer"), col("Replicas", "integer"),
               ageCol};
        t["Ingress"]
            = {nameCol(), col("Class"), col("Hosts"), col("Address"), col("Ports"), ageCol};
        t["IngressClass"] = {nameCol(), col("Controller"), col("Parameters"), ageCol};
        t["NetworkPolicy"] = {nameCol(), col("Pod-Selector"), ageCol};
        t["PodDisruptionBudget"] = {nameCol(), col("Min Available"), col("Max Unavailable"),
                                    col("Allowed Disruptions", "integer"), ageCol};
        t["ControllerRevision"]
            = {nameCol(), col("Controlled By"), col("Revision", "integer"), ageCol};
        t["RoleBinding"] = {nameCol(),
                            col("Role"),
                            ageCol,
                            col("Users", "string", 1),
                            col("Groups", "string", 1),
                            col("ServiceAccounts", "string", 1)};
        t["ClusterRoleBinding"] = t["RoleBinding"];
        t["Role"] = {nameCol(), col("Created At", "date")};
        t["ClusterRole"] = t["Role"];
        t["Lease"] = {nameCol(), col("Holder"), ageCol};
        return t;
    }();
    return table;
}

} // namespace

json TableConverter::columns(const std::string &kind)
{
    const auto &t = columnTable();
    auto it = t.find(kind);
    if (it != t.end())
        return it->second;
    return json::array({nameCol(), col("Created At", "date")});
}

json TableConverter::cells(const std::string &kind, const json &o, Clock::time_point now)
{
    const std::string name = str(o, {"metadata", "name"});
    const std::string ageS = creationAge(o, now);
    if (kind == "Pod")
        return podCells(o, now);
    if (kind == "Deployment") {
        auto [c, i] = containersAndImages(field(o, {"spec", "template", "spec"}));
        return {name,
                std::to_string(num(o, {"status", "readyReplicas"})) + "/"
                    + std::to_string(num(o, {"spec", "replicas"}, 1)),
                num(o, {"status", "updatedReplicas"}),
                num(o, {"status", "availableReplicas"}),
                ageS,
                c,
                i,
                selectorString(field(o, {"spec", "selector"}))};
    }
    if (kind == "ReplicaSet" || kind == "ReplicationController") {
        auto [c, i] = containersAndImages(field(o, {"spec", "template", "spec"}));
        const json &sel = field(o, {"spec", "selector"});
        return {name,
                num(o, {"spec", "replicas"}, 1),
                num(o, {"status", "replicas"}),
                num(o, {"status", "readyReplicas"}),
                ageS,
                c,
                i,
                kind == "ReplicaSet" ? selectorString(sel) : formatLabels(sel)};
    }
    if (kind == "StatefulSet") {
        auto [c, i] = containersAndImages(field(o, {"spec", "template", "spec"}));
        return {name,
                std::to_string(num(o, {"status", "readyReplicas"})) + "/"
                    + std::to_string(num(o, {"spec", "replicas"}, 1)),
                ageS, c, i};
    }
    if (kind == "DaemonSet") {
        auto [c, i] = containersAndImages(field(o, {"spec", "template", "spec"}));
        return {name,
                num(o, {"status", "desiredNumberScheduled"}),
                num(o, {"status", "currentNumberScheduled"}),
                num(o, {"status", "numberReady"}),
                num(o, {"status", "updatedNumberScheduled"}),
                num(o, {"status", "numberAvailable"}),
                formatLabels(field(o, {"spec", "template", "spec", "nodeSelector"})),
                ageS,
                c,
                i,
                selectorString(field(o, {"spec", "selector"}))};
    }
    if (kind == "Job") {
        auto [c, i] = containersAndImages(field(o, {"spec", "template", "spec"}));
        const auto succeeded = num(o, {"status", "succeeded"});
        std::string completions;
        if (field(o, {"spec", "completions"}).is_number())
            completions
                = std::to_string(succeeded) + "/" + std::to_string(num(o, {"spec", "completions"}));
        else if (num(o, {"spec", "parallelism"}, 1) > 1)
            completions = std::to_string(succeeded) + "/1 of "
                          + std::to_string(num(o, {"spec", "parallelism"}));
        else
            completions = std::to_string(succeeded) + "/1";
        std::string duration;
        const std::string start = str(o, {"status", "startTime"});
        const std::string done = str(o, {"status", "completionTime"});
        if (!start.empty())
            duration = humanDuration(std::chrono::duration_cast<std::chrono::seconds>(
                (done.empty() ? now : parseTime(done)) - parseTime(start)));
        std::string status = "Running";
        if (hasCondition(o, "Complete"))
            status = "Complete";
        else if (hasCondition(o, "Failed"))
            status = "Failed";
        else if (field(o, {"metadata", "deletionTimestamp"}).is_string())
            status = "Terminating";
        else if (hasCondition(o, "Suspended"))
            status = "Suspended";
        else if (hasCondition(o, "FailureTarget"))
            status = "FailureTarget";
        return {name, status, completions, duration,
                ageS, c,      i,           selectorString(field(o, {"spec", "selector"}))};
    }
    if (kind == "CronJob") {
        auto [c, i]
            = containersAndImages(field(o, {"spec", "jobTemplate", "spec", "template", "spec"}));
        const json &suspend = field(o, {"spec", "suspend"});
        const std::string last = str(o, {"status", "lastScheduleTime"});
        return {name,
                str(o, {"spec", "schedule"}),
                orNone(str(o, {"spec", "timeZone"})),
                suspend.is_boolean() ? (suspend.get<bool>() ? "True" : "False") : "<unset>",
                static_cast<std::int64_t>(field(o, {"status", "active"}).size()),
                last.empty() ? "<none>" : age(o, now, {"status", "lastScheduleTime"}),
                ageS,
                c,
                i,
                selectorString(field(o, {"spec", "jobTemplate", "spec", "selector"}))};
    }
    if (kind == "Service") {
        std::string ip = str(o, {"spec", "clusterIP"});
        const json &ips = field(o, {"spec", "clusterIPs"});
        if (ips.is_array() && !ips.empty())
            ip = ips[0].get<std::string>();
        const std::string ports = portString(field(o, {"spec", "ports"}));
        return {name,
                str(o, {"spec", "type"}, "ClusterIP"),
                orNone(ip),
                serviceExternalIp(o),
                orNone(ports),
                ageS,
                formatLabels(field(o, {"spec", "selector"}))};
    }
    if (kind == "Endpoints")
        return {name, formatEndpoints(o), ageS};
    if (kind == "EndpointSlice") {
        std::vector<std::string> ports, addrs;
        for (const auto &p : o.value("ports", json::array()))
            ports.push_back(std::to_string(p.value("port", 0)));
        for (const auto &e : o.value("endpoints", json::array()))
            for (const auto &a : e.value("addresses", json::array()))
                if (addrs.size() < 3)
                    addrs.push_back(a.get<std::string>());
        return {name, str(o, {"addressType"}), orNone(join(ports, ",")), orNone(join(addrs, ",")),
                ageS};
    }
    if (kind == "Node") {
        return {name,
                nodeStatus(o),
                nodeRoles(o),
                ageS,
                str(o, {"status", "nodeInfo", "kubeletVersion"}),
                nodeAddress(o, "InternalIP"),
                nodeAddress(o, "ExternalIP"),
                orNone(str(o, {"status", "nodeInfo", "osImage"})),
                orNone(str(o, {"status", "nodeInfo", "kernelVersion"})),
                orNone(str(o, {"status", "nodeInfo", "containerRuntimeVersion"}))};
    }
    if (kind == "Namespace")
        return {name, str(o, {"status", "phase"}), ageS};
    if (kind == "Event") {
        std::string first
            = str(o, {"firstTimestamp"}).empty()
                  ? (str(o, {"eventTime"}).empty() ? "<unknown>" : age(o, now, {"eventTime"}))
                  : age(o, now, {"firstTimestamp"});
        std::string last
            = str(o, {"lastTimestamp"}).empty() ? first : age(o, now, {"lastTimestamp"});
        std::int64_t count = num(o, {"count"});
        if (field(o, {"series"}).is_object()) {
            last = age(o, now, {"series", "lastObservedTime"});
            count = num(o, {"series", "count"});
        } else if (count == 0) {
            count = 1;
        }
        std::string kindLower = str(o, {"involvedObject", "kind"});
        std::transform(kindLower.begin(), kindLower.end(), kindLower.begin(), ::tolower);
        const std::string objName = str(o, {"involvedObject", "name"});
        std::string source = str(o, {"source", "component"});
        if (source.empty())
            source = str(o, {"reportingComponent"});
        if (!str(o, {"source", "host"}).empty())
            source += ", " + str(o, {"source", "host"});
        std::string message = str(o, {"message"});
        while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
            message.pop_back();
        return {last,
                str(o, {"type"}),
                str(o, {"reason"}),
                objName.empty() ? kindLower : kindLower + "/" + objName,
                str(o, {"involvedObject", "fieldPath"}),
                source,
                message,
                first,
                count,
                name};
    }
    if (kind == "Secret")
        return {name, str(o, {"type"}), static_cast<std::int64_t>(field(o, {"data"}).size()), ageS};
    if (kind == "ConfigMap")
        return {
            name,
            static_cast<std::int64_t>(field(o, {"data"}).size() + field(o, {"binaryData"}).size()),
            ageS};
    if (kind == "ServiceAccount")
        return {name, static_cast<std::int64_t>(field(o, {"secrets"}).size()), ageS};
    if (kind == "PersistentVolumeClaim") {
        const bool bound = !str(o, {"spec", "volumeName"}).empty();
        const std::string phase = field(o, {"metadata", "deletionTimestamp"}).is_string()
                                      ? "Terminating"
                                      : str(o, {"status", "phase"});
        return {name,
                phase,
                str(o, {"spec", "volumeName"}),
                bound ? quantity(field(o, {"status", "capacity", "storage"})) : "",
                bound ? accessModes(field(o, {"status", "accessModes"})) : "",
                orNone(str(o, {"spec", "storageClassName"})),
                orNone(str(o, {"spec", "volumeAttributesClassName"})),
                ageS,
                orNone(str(o, {"spec", "volumeMode"}))};
    }
    if (kind == "PersistentVolume") {
        const std::string claim = field(o, {"spec", "claimRef"}).is_object()
                                      ? str(o, {"spec", "claimRef", "namespace"}) + "/"
                                            + str(o, {"spec", "claimRef", "name"})
                                      : "";
        return {name,
                quantity(field(o, {"spec", "capacity", "storage"})),
                accessModes(field(o, {"spec", "accessModes"})),
                str(o, {"spec", "persistentVolumeReclaimPolicy"}),
                str(o, {"status", "phase"}),
                claim,
                str(o, {"spec", "storageClassName"}),
                orNone(str(o, {"spec", "volumeAttributesClassName"})),
                str(o, {"status", "reason"}),
                ageS,
                orNone(str(o, {"spec", "volumeMode"}))};
    }
    if (kind == "StorageClass") {
        std::string n = name;
        if (str(o, {"metadata", "annotations", "storageclass.kubernetes.io/is-default-class"})
            == "true")
            n += " (default)";
        const json &expand = field(o, {"allowVolumeExpansion"});
        return {n,
                str(o, {"provisioner"}),
                str(o, {"reclaimPolicy"}, "Delete"),
                str(o, {"volumeBindingMode"}, "Immediate"),
                expand.is_boolean() && expand.get<bool>() ? "true" : "false",
                ageS};
    }
    if (kind == "HorizontalPodAutoscaler") {
        const json &minR = field(o, {"spec", "minReplicas"});
        return {name,
                str(o, {"spec", "scaleTargetRef", "kind"}) + "/"
                    + str(o, {"spec", "scaleTargetRef", "name"}),
                hpaTargets(o),
                minR.is_number() ? json(minR.get<std::int64_t>()) : json("<unset>"),
                num(o, {"spec", "maxReplicas"}),
                num(o, {"status", "currentReplicas"}),
                ageS};
    }
    if (kind == "Ingress") {
        std::vector<std::string> hosts, addrs;
        for (const auto &r :
             field(o, {"spec", "rules"}).is_array() ? o["spec"]["rules"] : json::array())
            if (r.contains("host"))
                hosts.push_back(r["host"].get<std::string>());
        const json &ing = field(o, {"status", "loadBalancer", "ingress"});
        for (const auto &i : ing.is_array() ? ing : json::array())
            addrs.push_back(i.value("ip", i.value("hostname", std::string())));
        return {name,
                orNone(str(o, {"spec", "ingressClassName"})),
                hosts.empty() ? "*" : join(hosts, ","),
                join(addrs, ","),
                field(o, {"spec", "tls"}).is_array() ? "80, 443" : "80",
                ageS};
    }
    if (kind == "IngressClass") {
        std::string params = "<none>";
        if (field(o, {"spec", "parameters"}).is_object())
            params = str(o, {"spec", "parameters", "kind"}) + "/"
                     + str(o, {"spec", "parameters", "name"});
        return {name, str(o, {"spec", "controller"}), params, ageS};
    }
    if (kind == "NetworkPolicy")
        return {name, formatLabels(field(o, {"spec", "podSelector", "matchLabels"})), ageS};
    if (kind == "PodDisruptionBudget") {
        const json &minA = field(o, {"spec", "minAvailable"});
        const json &maxU = field(o, {"spec", "maxUnavailable"});
        auto render = [](const json &v) {
            return v.is_null()     ? std::string("N/A")
                   : v.is_string() ? v.get<std::string>()
                                   : v.dump();
        };
        return {name, render(minA), render(maxU), num(o, {"status", "disruptionsAllowed"}), ageS};
    }
    if (kind == "ControllerRevision") {
        std::string by = "<none>";
        for (const auto &r : field(o, {"metadata", "ownerReferences"}).is_array()
                                 ? o["metadata"]["ownerReferences"]
                                 : json::array())
            if (r.value("controller", false)) {
                std::string k = r.value("kind", "");
                std::transform(k.begin(), k.end(), k.begin(), ::tolower);
                const std::string av = r.value("apiVersion", "");
                const auto slash = av.find('/');
                by = k + (slash == std::string::npos ? "" : "." + av.substr(0, slash)) + "/"
                     + r.value("name", "");
            }
        return {name, by, num(o, {"revision"}), ageS};
    }
    if (kind == "RoleBinding" || kind == "ClusterRoleBinding") {
        std::vector<std::string> users, groups, sas;
        for (const auto &s : o.value("subjects", json::array())) {
            const std::string k = s.value("kind", "");
            if (k == "User")
                users.push_back(s.value("name", ""));
            else if (k == "Group")
                groups.push_back(s.value("name", ""));
            else if (k == "ServiceAccount")
                sas.push_back(s.value("namespace", "") + "/" + s.value("name", ""));
        }
        return {name,
                str(o, {"roleRef", "kind"}) + "/" + str(o, {"roleRef", "name"}),
                ageS,
                join(users, ", "),
                join(groups, ", "),
                join(sas, ", ")};
    }
    if (kind == "Lease")
        return {name, orNone(str(o, {"spec", "holderIdentity"})), ageS};
    return {name, str(o, {"metadata", "creationTimestamp"})};
}

std::string TableConverter::labelSelectorString(const json &selector)
{
    const std::string s = selectorString(selector);
    return s == "<none>" ? std::string() : s;
}

json TableConverter::row(const std::string &kind, const json &object, Clock::time_point now,
                         bool fullObject, bool omitObject)
{
    json r = {{"cells", cells(kind, object, now)}};
    if (omitObject)
        return r;
    if (fullObject) {
        r["object"] = object;
    } else {
        json meta = object.value("metadata", json::object());
        meta.erase("managedFields");
        r["object"] = {{"kind", "PartialObjectMetadata"},
                       {"apiVersion", "meta.k8s.io/v1"},
                       {"metadata", std::move(meta)}};
    }
    return r;
}

std::string TableConverter::humanDuration(std::chrono::seconds d)
{
    const long long seconds = d.count();
    if (seconds < -1)
        return "<invalid>";
    if (seconds < 0)
        return "0s";
    if (seconds < 60 * 2)
        return std::to_string(seconds) + "s";
    const long long minutes = seconds / 60;
    if (minutes < 10) {
        const long long s = seconds % 60;
        return s == 0 ? std::to_string(minutes) + "m"
                      : std::to_string(minutes) + "m" + std::to_string(s) + "s";
    }
    if (minutes < 60 * 3)
        return std::to_string(minutes) + "m";
    const long long hours = minutes / 60;
    if (hours < 8) {
        const long long m = minutes % 60;
        return m == 0 ? std::to_string(hours) + "h"
                      : std::to_string(hours) + "h" + std::to_string(m) + "m";
    }
    if (hours < 48)
        return std::to_string(hours) + "h";
    if (hours < 24 * 8) {
        const long long h = hours % 24;
        return h == 0 ? std::to_string(hours / 24) + "d"
                      : std::to_string(hours / 24) + "d" + std::to_string(h) + "h";
    }
    if (hours < 24 * 365 * 2)
        return std::to_string(hours / 24) + "d";
    if (hours < 24 * 365 * 8) {
        const long long dy = (hours / 24) % 365;
        return dy == 0 ? std::to_string(hours / 24 / 365) + "y"
                       : std::to_string(hours / 24 / 365) + "y" + std::to_string(dy) + "d";
    }
    return std::to_string(hours / 24 / 365) + "y";
}

Clock::time_point TableConverter::parseTime(const std::string &s)
{
    std::tm tm{};
    if (sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec)
        != 6)
        return Clock::time_point{};
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return Clock::from_time_t(timegm(&tm));
}

} // namespace Orrery::Sim
