// SPDX-License-Identifier: GPL-3.0-or-later
#include "scheduler.h"
#include "controllercontext.h"
#include "workload/kube.h"
#include "workload/quantity.h"

#include <optional>
#include <unordered_map>

namespace Orrery::Sim {

namespace {

struct NodeInfo
{
    ObjectPtr node;
    std::string name;
    std::int64_t cpu = 0, memory = 0, pods = 110;
    std::int64_t usedCpu = 0, usedMemory = 0, usedPods = 0;
    bool ready = false;
    bool unschedulable = false;
};

bool tolerates(const json &pod, const json &taint)
{
    static const json::json_pointer p("/spec/tolerations");
    if (!pod.contains(p))
        return false;
    for (const json &t : pod.at(p)) {
        const std::string op = t.value("operator", "Equal");
        const std::string key = t.value("key", "");
        if (!key.empty() && key != taint.value("key", ""))
            continue;
        if (key.empty() && op != "Exists")
            continue;
        if (op == "Equal" && t.value("value", "") != taint.value("value", ""))
            continue;
        const std::string effect = t.value("effect", "");
        if (!effect.empty() && effect != taint.value("effect", ""))
            continue;
        return true;
    }
    return false;
}

bool affinityMatches(const json &pod, const NodeInfo &n)
{
    static const json::json_pointer p(
        "/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/"
        "nodeSelectorTerms");
    if (!pod.contains(p))
        return true;
    const json labels = n.node->value(Kube::ptr("/metadata/labels"), json::object());
    for (const json &term : pod.at(p)) {
        bool ok = true;
        for (const json &f : term.value("matchFields", json::array())) {
            if (f.value("key", "") != "metadata.name")
                continue;
            bool in = false;
            for (const json &v : f.value("values", json::array()))
                in |= v == n.name;
            ok &= (f.value("operator", "") == "In") == in;
        }
        json selector = {{"matchExpressions", term.value("matchExpressions", json::array())}};
        if (!selector["matchExpressions"].empty())
            ok &= Kube::selectorMatches(selector, labels);
        if (ok)
            return true;
    }
    return false;
}

} // namespace

void Scheduler::forgetPod(const std::string &ns, const std::string &name)
{
    const std::pair<std::string, std::string> key{ns, name};
    m_pending.erase(key);
    const auto it = m_podUse.find(key);
    if (it == m_podUse.end())
        return;
    Used &u = m_used[static_cast<std::size_t>(it->second.node)];
    u.cpu -= it->second.cpu;
    u.memory -= it->second.memory;
    --u.pods;
    m_podUse.erase(it);
}

void Scheduler::countPod(const json &pod)
{
    const std::string ns = Kube::ns(pod), name = Kube::name(pod);
    forgetPod(ns, name);
    const std::string node = Kube::str(pod, Kube::ptr("/spec/nodeName"));
    if (node.empty()) {
        if (Kube::isPodActive(pod))
            m_pending.insert({ns, name});
    } else if (!Kube::isPodTerminated(pod)) {
        auto id = m_nodeIds.find(node);
        if (id == m_nodeIds.end()) {
            id = m_nodeIds.emplace(node, static_cast<int>(m_nodeNames.size())).first;
            m_nodeNames.push_back(node);
            m_used.emplace_back();
        }
        const PodUse use{id->second, Kube::podCpuRequest(pod), Kube::podMemoryRequest(pod)};
        Used &u = m_used[static_cast<std::size_t>(use.node)];
        u.cpu += use.cpu;
        u.memory += use.memory;
        ++u.pods;
        m_podUse.emplace(std::make_pair(ns, name), use);
    }
}

void Scheduler::sync(ControllerContext &ctx)
{
    // When the last pass found no pod to place and neither pods nor nodes changed since,
    // there is still none (pending pods are retried every pass, for their re-reported
    // FailedScheduling events).
    const std::pair<std::uint64_t, std::uint64_t> inputs{ctx.store.lastChange(Kube::Pods),
                                                         ctx.store.lastChange(Kube::Nodes)};
    if (inputs == m_idleInputs)
        return;
    // What pods take of their nodes, and the pending pods: kept from pass to pass and
    // brought up to date from the pods written since (the store's event window), so that a
    // large cluster's pods (stored as text) are not all parsed each time one changes. A walk
    // over every pod rebuilds it at the start, when the window no longer reaches back, and
    // every pass for clusters of up to 2,048 pods (their pods are kept parsed).
    const std::uint64_t rv = ctx.store.resourceVersion();
    std::optional<std::vector<StoreEvent>> events;
    if (m_indexed && ctx.store.count(Kube::Pods) > 2048)
        events = ctx.store.eventsSince(Kube::Pods, m_seenRv);
    if (events) {
        for (const StoreEvent &ev : *events) {
            if (ev.type == StoreEvent::Type::Deleted)
                forgetPod(Kube::ns(*ev.object), Kube::name(*ev.object));
            else
                countPod(*ev.object);
        }
    } else {
        m_podUse.clear();
        m_used.assign(m_used.size(), Used());
        m_pending.clear();
        ctx.store.forEach(Kube::Pods, {}, [&](const ObjectPtr &p) {
            countPod(*p);
            return true;
        });
        m_indexed = true;
    }
    m_seenRv = rv;
    std::vector<ObjectPtr> pending;
    for (const auto &[ns, name] : m_pending)
        if (const ObjectPtr p = ctx.store.get(Kube::Pods, ns, name))
            pending.push_back(p);
    if (pending.empty()) {
        m_idleInputs = inputs;
        return;
    }

    std::vector<NodeInfo> nodes;
    std::unordered_map<std::string, std::size_t> byName;
    for (const ObjectPtr &n : ctx.store.list(Kube::Nodes)) {
        NodeInfo info;
        info.node = n;
        info.name = Kube::name(*n);
        const json alloc = n->value(Kube::ptr("/status/allocatable"), json::object());
        info.cpu = Quantity::milli(alloc.value("cpu", json("0")));
        info.memory = Quantity::bytes(alloc.value("memory", json("0")));
        info.pods = static_cast<std::int64_t>(Quantity::parse(alloc.value("pods", json("110"))));
        info.ready = Kube::hasCondition(*n, "Ready", "True");
        info.unschedulable = n->value(Kube::ptr("/spec/unschedulable"), false);
        byName[info.name] = nodes.size();
        nodes.push_back(std::move(info));
    }
    for (std::size_t id = 0; id < m_used.size(); ++id) {
        const Used &u = m_used[id];
        auto it = byName.find(m_nodeNames[id]);
        if (it == byName.end())
            continue;
        NodeInfo &n = nodes[it->second];
        n.usedCpu += u.cpu;
        n.usedMemory += u.memory;
        n.usedPods += u.pods;
    }

    const double nowSec = std::chrono::duration<double>(ctx.now.time_since_epoch()).count();
    for (const ObjectPtr &p : pending) {
        const json &pod = *p;
        const std::int64_t cpu = Kube::podCpuRequest(pod);
        const std::int64_t mem = Kube::podMemoryRequest(pod);
        const json nodeSelector = pod.value(Kube::ptr("/spec/nodeSelector"), json::object());
        int notReady = 0, unschedulable = 0, insufficientCpu = 0, insufficientMem = 0, tooMany = 0,
            selectorMismatch = 0, tainted = 0;
        NodeInfo *best = nullptr;
        double bestScore = 1e18;
        for (NodeInfo &n : nodes) {
            if (!n.ready) {
                ++notReady;
                continue;
            }
            if (n.unschedulable) {
                ++unschedulable;
                continue;
            }
            const json labels = n.node->value(Kube::ptr("/metadata/labels"), json::object());
            if ((!nodeSelector.empty() && !Kube::mapMatches(nodeSelector, labels))
                || !affinityMatches(pod, n)) {
                ++selectorMismatch;
                continue;
            }
            bool blocked = false;
            for (const json &taint : n.node->value(Kube::ptr("/spec/taints"), json::array())) {
                const std::string effect = taint.value("effect", "");
                if ((effect == "NoSchedule" || effect == "NoExecute") && !tolerates(pod, taint))
                    blocked = true;
            }
            if (blocked) {
                ++tainted;
                continue;
            }
            bool fits = true;
            if (n.usedPods + 1 > n.pods) {
                ++tooMany;
                fits = false;
            }
            if (n.usedCpu + cpu > n.cpu) {
                ++insufficientCpu;
                fits = false;
            }
            if (n.usedMemory + mem > n.memory) {
                ++insufficientMem;
                fits = false;
            }
            if (!fits)
                continue;
            // LeastAllocated: balance CPU and memory fractions.
            const double score = (n.cpu ? double(n.usedCpu + cpu) / n.cpu : 1)
                                 + (n.memory ? double(n.usedMemory + mem) / n.memory : 1);
            if (score < bestScore) {
                bestScore = score;
                best = &n;
            }
        }
        json updated = pod;
        if (best) {
            updated["spec"]["nodeName"] = best->name;
            json &status = updated["status"];
            status["phase"] = "Pending";
            Kube::setCondition(
                status, {{"type", "PodScheduled"}, {"status", "True"}, {"lastProbeTime", nullptr}},
                ctx.timestamp());
            if (ctx.update(Kube::Pods, std::move(updated))) {
                best->usedCpu += cpu;
                best->usedMemory += mem;
                ++best->usedPods;
                ctx.events.normal(pod, "Scheduled",
                                  "Successfully assigned " + Kube::ns(pod) + "/" + Kube::name(pod)
                                      + " to " + best->name,
                                  "default-scheduler");
                m_lastReport.erase(Kube::uid(pod));
            }
            continue;
        }
        const std::size_t total = nodes.size();
        std::string message
            = std::to_string(0) + "/" + std::to_string(total) + " nodes are available";
        std::vector<std::string> reasons;
        auto add = [&reasons](int count, const std::string &what) {
            if (count > 0)
                reasons.push_back(std::to_string(count) + " " + what);
        };
        add(insufficientCpu, "Insufficient cpu");
        add(insufficientMem, "Insufficient memory");
        add(tooMany, "Too many pods");
        add(notReady, "node(s) had untolerated taint {node.kubernetes.io/not-ready: }");
        add(unschedulable, "node(s) were unschedulable");
        add(selectorMismatch, "node(s) didn't match Pod's node affinity/selector");
        add(tainted, "node(s) had untolerated taint(s)");
        std::sort(reasons.begin(), reasons.end());
        message += reasons.empty() ? "." : ": ";
        for (std::size_t i = 0; i < reasons.size(); ++i)
            message += reasons[i] + (i + 1 < reasons.size() ? ", " : ".");
        if (total == 0)
            message = "no nodes available to schedule pods";
        else
            message += " preemption: 0/" + std::to_string(total) + " nodes are available: "
                       + std::to_string(total) + " No preemption victims found for incoming pod.";
        json &status = updated["status"];
        status["phase"] = "Pending";
        const bool changed = Kube::setCondition(status,
                                                {{"type", "PodScheduled"},
                                                 {"status", "False"},
                                                 {"lastProbeTime", nullptr},
                                                 {"reason", "Unschedulable"},
                                                 {"message", message}},
                                                ctx.timestamp());
        if (changed)
            ctx.update(Kube::Pods, std::move(updated));
        auto last = m_lastReport.find(Kube::uid(pod));
        if (last == m_lastReport.end() || nowSec - last->second >= 30) {
            ctx.events.warning(pod, "FailedScheduling", message, "default-scheduler");
            m_lastReport[Kube::uid(pod)] = nowSec;
        }
    }
}

} // namespace Orrery::Sim
