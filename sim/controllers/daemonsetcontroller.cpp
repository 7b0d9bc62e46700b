// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemonsetcontroller.h"
#include "controllercontext.h"
#include "revisionhistory.h"
#include "workload/kube.h"

#include <unordered_map>

namespace Orrery::Sim {

namespace {

bool toleratesAll(const json &tmpl, const json &node)
{
    const json tolerations = tmpl.value(Kube::ptr("/spec/tolerations"), json::array());
    for (const json &taint : node.value(Kube::ptr("/spec/taints"), json::array())) {
        if (taint.value("effect", "") != "NoSchedule"
            || taint.value("key", "") == "node.kubernetes.io/unreachable")
            continue;
        bool ok = false;
        for (const json &t : tolerations) {
            if (t.value("operator", "Equal") == "Exists"
                && (t.value("key", "").empty() || t.value("key", "") == taint.value("key", "")))
                ok = true;
            else if (t.value("key", "") == taint.value("key", "")
                     && t.value("value", "") == taint.value("value", ""))
                ok = true;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

void DaemonSetController::sync(ControllerContext &ctx)
{
    const auto sets = ctx.store.list(Kube::DaemonSets);
    if (sets.empty())
        return;
    const auto nodes = ctx.store.list(Kube::Nodes);
    auto byOwner = Kube::podsByController(ctx.store, sets);
    for (const ObjectPtr &dsPtr : sets) {
        const json &ds = *dsPtr;
        if (Kube::isTerminating(ds))
            continue;
        const std::string ns = Kube::ns(ds), name = Kube::name(ds);
        const RevisionHistory::Current update = RevisionHistory::ensure(ctx, ds, "DaemonSet");
        const json tmpl = ds.value(Kube::ptr("/spec/template"), json::object());
        const json nodeSelector = tmpl.value(Kube::ptr("/spec/nodeSelector"), json::object());
        const bool onDelete
            = Kube::str(ds, Kube::ptr("/spec/updateStrategy/type"), "RollingUpdate") == "OnDelete";

        std::unordered_map<std::string, std::vector<ObjectPtr>> podsOnNode;
        for (const ObjectPtr &p : byOwner[Kube::uid(ds)]) {
            if (!Kube::isTerminating(*p))
                podsOnNode[Kube::str(*p,
                                     Kube::ptr("/spec/affinity/nodeAffinity/"
                                               "requiredDuringSchedulingIgnoredDuringExecution/"
                                               "nodeSelectorTerms/0/matchFields/0/values/0"),
                                     Kube::str(*p, Kube::ptr("/spec/nodeName")))]
                    .push_back(p);
        }
        int desired = 0, scheduled = 0, ready = 0, updated = 0, misscheduled = 0;
        bool allReady = true;
        std::vector<ObjectPtr> outdated;
        for (const ObjectPtr &nPtr : nodes) {
            const json &node = *nPtr;
            const std::string nodeName = Kube::name(node);
            const bool eligible
                = (nodeSelector.empty()
                   || Kube::mapMatches(nodeSelector,
                                       node.value(Kube::ptr("/metadata/labels"), json::object())))
                  && toleratesAll(tmpl, node)
                  && !node.value(Kube::ptr("/spec/unschedulable"), false);
            const bool nodeReady = Kube::hasCondition(node, "Ready", "True");
            auto it = podsOnNode.find(nodeName);
            const bool hasPod = it != podsOnNode.end() && !it->second.empty();
            if (!eligible) {
                if (hasPod) {
                    ++misscheduled;
                    for (const ObjectPtr &p : it->second)
                        ctx.deletePod(*p);
                }
                continue;
            }
            if (!hasPod && !nodeReady)
                continue; // not counted until the node comes back
            ++desired;
            if (!hasPod) {
                json podTmpl = tmpl;
                podTmpl["metadata"]["labels"]["controller-revision-hash"] = update.hash;
                podTmpl["metadata"]["labels"]["pod-template-generation"]
                    = std::to_string(Kube::integer(ds, Kube::ptr("/metadata/generation"), 1));
                json pod
                    = Kube::podFromTemplate(podTmpl, ns, name + "-" + Kube::randomSuffix(ctx.rng),
                                            Kube::ownerReference(ds, "apps/v1", "DaemonSet"));
                pod["metadata"]["generateName"] = name + "-";
                pod["spec"]["affinity"]["nodeAffinity"]
                   ["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"]
                    = json::array(
                        {{{"matchFields", json::array({{{"key", "metadata.name"},
                                                        {"operator", "In"},
                                                        {"values", json::array({nodeName})}}})}}});
                for (const char *key :
                     {"node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
                      "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable"})
                    pod["spec"]["tolerations"].push_back(
                        {{"key", key}, {"operator", "Exists"}, {"effect", "NoSchedule"}});
                if (ObjectPtr created = ctx.create(Kube::Pods, std::move(pod)))
                    ctx.events.normal(ds, "SuccessfulCreate",
                                      "Created pod: " + Kube::name(*created),
                                      "daemonset-controller");
                allReady = false;
                continue;
            }
            ++scheduled;
            for (const ObjectPtr &p : it->second) {
                if (Kube::isPodReady(*p))
                    ++ready;
                else
                    allReady = false;
                if (Kube::str(*p, Kube::ptr("/metadata/labels/controller-revision-hash"))
                    == update.hash)
                    ++updated;
                else
                    outdated.push_back(p);
            }
        }
        if (!onDelete && allReady && !outdated.empty()) {
            ctx.deletePod(*outdated.front());
            ctx.events.normal(ds, "SuccessfulDelete",
                              "Deleted pod: " + Kube::name(*outdated.front()),
                              "daemonset-controller");
        }
        json status = ds.value("status", json::object());
        const json old = status;
        status["desiredNumberScheduled"] = desired;
        status["currentNumberScheduled"] = scheduled;
        status["numberReady"] = ready;
        status["numberAvailable"] = ready;
        status["updatedNumberScheduled"] = updated;
        status["numberMisscheduled"] = misscheduled;
        status["observedGeneration"] = Kube::integer(ds, Kube::ptr("/metadata/generation"), 1);
        if (desired - ready > 0)
            status["numberUnavailable"] = desired - ready;
        else
            status.erase("numberUnavailable");
        if (status != old) {
            json w = ds;
            w["status"] = status;
            ctx.update(Kube::DaemonSets, std::move(w));
        }
        std::vector<std::string> inUse;
        RevisionHistory::prune(ctx, ds, update.name, inUse);
    }
}

} // namespace Orrery::Sim
