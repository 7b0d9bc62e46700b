// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasetcontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace Orrery::Sim {

namespace {

int deletionRank(const json &pod)
{
    // Lower rank is deleted first (controller.ActivePods ordering, simplified).
    if (Kube::str(pod, Kube::ptr("/spec/nodeName")).empty())
        return 0;
    if (Kube::str(pod, Kube::ptr("/status/phase")) == "Pending")
        return 1;
    if (!Kube::isPodReady(pod))
        return 2;
    return 3;
}

int restarts(const json &pod)
{
    int n = 0;
    for (const json &c : pod.value(Kube::ptr("/status/containerStatuses"), json::array()))
        n = std::max(n, c.value("restartCount", 0));
    return n;
}

} // namespace

void ReplicaSetController::sync(ControllerContext &ctx)
{
    // The outcome depends only on ReplicaSets and pods: unchanged since the end of a pass
    // that finished its work, nothing to do (no regrouping of every pod of the cluster).
    const std::pair<std::uint64_t, std::uint64_t> inputs{ctx.store.lastChange(Kube::ReplicaSets),
                                                         ctx.store.lastChange(Kube::Pods)};
    if (inputs == m_doneInputs)
        return;
    const auto replicaSets = ctx.store.list(Kube::ReplicaSets);
    if (replicaSets.empty())
        return;
    // Only the namespaces where ReplicaSets or pods were written since the last complete pass
    // (all of them when that is not known): a deleted pod of one namespace does not make
    // every pod of the cluster parsed again.
    const auto dirty
        = Kube::namespacesWrittenSince(ctx.store, {Kube::ReplicaSets, Kube::Pods}, m_doneRv);
    // The pods of one namespace at a time (ReplicaSets come sorted by namespace): a large
    // cluster's pods are parsed from the store's text, and all at once would take gigabytes.
    std::unordered_map<std::string, std::vector<ObjectPtr>> byOwner;
    std::optional<std::string> indexed;
    int budget = 500;
    for (const ObjectPtr &rsPtr : replicaSets) {
        const json &rs = *rsPtr;
        if (Kube::isTerminating(rs))
            continue;
        const std::string ns = Kube::ns(rs), name = Kube::name(rs);
        if (dirty && !dirty->count(ns))
            continue;
        if (indexed != ns) {
            indexed = ns;
            byOwner = Kube::podsByController(ctx.store, {rsPtr});
        }
        const int desired = static_cast<int>(Kube::integer(rs, Kube::ptr("/spec/replicas"), 1));
        static const json::json_pointer rvPtr("/metadata/resourceVersion");
        std::hash<std::string> h;
        std::size_t fp = h(Kube::str(rs, rvPtr));
        for (const ObjectPtr &p : byOwner[Kube::uid(rs)])
            fp = (fp ^ h(Kube::str(*p, rvPtr))) * 1099511628211ULL;
        auto steady = m_steady.find(Kube::uid(rs));
        if (steady != m_steady.end() && steady->second == fp)
            continue;
        std::vector<ObjectPtr> active;
        for (const ObjectPtr &p : byOwner[Kube::uid(rs)]) {
            if (Kube::isPodActive(*p))
                active.push_back(p);
        }
        const int diff = static_cast<int>(active.size()) - desired;
        int created = 0;
        if (diff < 0) {
            const json tmpl = rs.value(Kube::ptr("/spec/template"), json::object());
            const json owner = Kube::ownerReference(rs, "apps/v1", "ReplicaSet");
            for (int i = 0; i < -diff && budget > 0; ++i) {
                for (int attempt = 0; attempt < 3; ++attempt) {
                    json pod = Kube::podFromTemplate(
                        tmpl, ns, name + "-" + Kube::randomSuffix(ctx.rng), owner);
                    pod["metadata"]["generateName"] = name + "-";
                    if (ObjectPtr createdPod = ctx.create(Kube::Pods, std::move(pod))) {
                        ctx.events.normal(rs, "SuccessfulCreate",
                                          "Created pod: " + Kube::name(*createdPod),
                                          "replicaset-controller");
                        ++created;
                        --budget;
                        break;
                    }
                }
            }
        } else if (diff > 0) {
            std::vector<ObjectPtr> victims = active;
            std::stable_sort(
                victims.begin(), victims.end(), [](const ObjectPtr &a, const ObjectPtr &b) {
                    const int ra = deletionRank(*a), rb = deletionRank(*b);
                    if (ra != rb)
                        return ra < rb;
                    const int xa = restarts(*a), xb = restarts(*b);
                    if (xa != xb)
                        return xa > xb;
                    // Newer first: creationTimestamp, then resourceVersion as a tie breaker.
                    const std::string ta = Kube::str(*a, Kube::ptr("/metadata/creationTimestamp"));
                    const std::string tb = Kube::str(*b, Kube::ptr("/metadata/creationTimestamp"));
                    if (ta != tb)
                        return ta > tb;
                    return std::stoull(Kube::str(*a, Kube::ptr("/metadata/resourceVersion"), "0"))
                           > std::stoull(
                               Kube::str(*b, Kube::ptr("/metadata/resourceVersion"), "0"));
                });
            for (int i = 0; i < diff; ++i) {
                ctx.deletePod(*victims[i]);
                ctx.events.normal(rs, "SuccessfulDelete", "Deleted pod: " + Kube::name(*victims[i]),
                                  "replicaset-controller");
            }
        }

        int replicas = 0, ready = 0, labeled = 0;
        const json labels = rs.value(Kube::ptr("/spec/template/metadata/labels"), json::object());
        for (const ObjectPtr &p : active) {
            ++replicas;
            if (Kube::isPodReady(*p))
                ++ready;
            if (Kube::mapMatches(labels, p->value(Kube::ptr("/metadata/labels"), json::object())))
                ++labeled;
        }
        json status = rs.value("status", json::object());
        json newStatus = status;
        newStatus["replicas"] = replicas;
        newStatus["fullyLabeledReplicas"] = labeled;
        newStatus["readyReplicas"] = ready;
        newStatus["availableReplicas"] = ready;
        newStatus["observedGeneration"] = Kube::integer(rs, Kube::ptr("/metadata/generation"), 1);
        if (newStatus != status) {
            json updated = rs;
            updated["status"] = std::move(newStatus);
            ctx.update(Kube::ReplicaSets, std::move(updated));
        } else if (diff == 0) {
            m_steady[Kube::uid(rs)] = fp;
        }
        (void)created;
    }
    // After our own writes; a pass cut short by the creation budget must run again.
    if (budget > 0) {
        m_doneInputs = {ctx.store.lastChange(Kube::ReplicaSets), ctx.store.lastChange(Kube::Pods)};
        m_doneRv = ctx.store.resourceVersion();
    }
}

} // namespace Orrery::Sim
