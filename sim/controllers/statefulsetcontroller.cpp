// SPDX-License-Identifier: GPL-3.0-or-later
#include "statefulsetcontroller.h"
#include "controllercontext.h"
#include "revisionhistory.h"
#include "workload/kube.h"

#include <map>
#include <unordered_map>

namespace Orrery::Sim {

void StatefulSetController::sync(ControllerContext &ctx)
{
    const auto sets = ctx.store.list(Kube::StatefulSets);
    if (sets.empty())
        return;
    auto byOwner = Kube::podsByController(ctx.store, sets);
    for (const ObjectPtr &sPtr : sets) {
        const json &sts = *sPtr;
        if (Kube::isTerminating(sts))
            continue;
        const std::string ns = Kube::ns(sts), name = Kube::name(sts);
        const int replicas = static_cast<int>(Kube::integer(sts, Kube::ptr("/spec/replicas"), 1));
        const bool parallel
            = Kube::str(sts, Kube::ptr("/spec/podManagementPolicy"), "OrderedReady") == "Parallel";
        const bool onDelete
            = Kube::str(sts, Kube::ptr("/spec/updateStrategy/type"), "RollingUpdate") == "OnDelete";
        const int partition = static_cast<int>(
            Kube::integer(sts, Kube::ptr("/spec/updateStrategy/rollingUpdate/partition"), 0));
        const RevisionHistory::Current update = RevisionHistory::ensure(ctx, sts, "StatefulSet");
        json status = sts.value("status", json::object());
        const json oldStatus = status;
        std::string currentRevision = status.value("currentRevision", update.name);

        std::map<int, ObjectPtr> pods;
        for (const ObjectPtr &p : byOwner[Kube::uid(sts)]) {
            const std::string podName = Kube::name(*p);
            const auto dash = podName.rfind('-');
            if (dash == std::string::npos || podName.substr(0, dash) != name)
                continue;
            pods[std::atoi(podName.c_str() + dash + 1)] = p;
        }
        const json owner = Kube::ownerReference(sts, "apps/v1", "StatefulSet");
        const json vcts = sts.value(Kube::ptr("/spec/volumeClaimTemplates"), json::array());
        auto createPod = [&](int ordinal) {
            const std::string podName = name + "-" + std::to_string(ordinal);
            for (const json &vct : vcts) {
                const std::string claim
                    = vct.value(Kube::ptr("/metadata/name"), std::string()) + "-" + podName;
                if (ctx.store.get(Kube::PersistentVolumeClaims, ns, claim))
                    continue;
                json pvc = {{"apiVersion", "v1"},
                            {"kind", "PersistentVolumeClaim"},
                            {"metadata",
                             {{"name", claim},
                              {"namespace", ns},
                              {"labels", sts.value(Kube::ptr("/spec/selector/matchLabels"),
                                                   json::object())}}},
                            {"spec", vct.value("spec", json::object())},
                            {"status", {{"phase", "Pending"}}}};
                if (ctx.create(Kube::PersistentVolumeClaims, std::move(pvc)))
                    ctx.events.normal(sts, "SuccessfulCreate",
                                      "create Claim " + claim + " Pod " + podName
                                          + " in StatefulSet " + name + " success",
                                      "statefulset-controller");
            }
            json tmpl = sts.value(Kube::ptr("/spec/template"), json::object());
            json &labels = tmpl["metadata"]["labels"];
            labels["controller-revision-hash"] = update.name;
            labels["statefulset.kubernetes.io/pod-name"] = podName;
            labels["apps.kubernetes.io/pod-index"] = std::to_string(ordinal);
            json pod = Kube::podFromTemplate(tmpl, ns, podName, owner);
            pod["spec"]["hostname"] = podName;
            if (sts["spec"].contains("serviceName"))
                pod["spec"]["subdomain"] = sts["spec"]["serviceName"];
            json &volumes = pod["spec"]["volumes"];
            if (!volumes.is_array())
                volumes = json::array();
            for (const json &vct : vcts) {
                const std::string vname = vct.value(Kube::ptr("/metadata/name"), std::string());
                json vol = {{"name", vname},
                            {"persistentVolumeClaim", {{"claimName", vname + "-" + podName}}}};
                bool replaced = false;
                for (json &v : volumes) {
                    if (v.value("name", "") == vname) {
                        v = vol;
                        replaced = true;
                    }
                }
                if (!replaced)
                    volumes.push_back(vol);
            }
            if (ctx.create(Kube::Pods, std::move(pod)))
                ctx.events.normal(sts, "SuccessfulCreate",
                                  "create Pod " + podName + " in StatefulSet " + name
                                      + " successful",
                                  "statefulset-controller");
        };
        auto deletePod = [&](const ObjectPtr &p) {
            ctx.deletePod(*p);
            ctx.events.normal(sts, "SuccessfulDelete",
                              "delete Pod " + Kube::name(*p) + " in StatefulSet " + name
                                  + " successful",
                              "statefulset-controller");
        };
        auto healthy = [](const ObjectPtr &p) {
            return Kube::isPodReady(*p) && !Kube::isTerminating(*p)
                   && Kube::str(*p, Kube::ptr("/status/phase")) == "Running";
        };

        bool busy = false; // OrderedReady: something in flight blocks further steps
        for (int i = 0; i < replicas; ++i) {
            auto it = pods.find(i);
            if (it == pods.end()) {
                createPod(i);
                busy = true;
                if (!parallel)
                    break;
                continue;
            }
            if (Kube::str(*it->second, Kube::ptr("/status/phase")) == "Failed") {
                deletePod(it->second);
                busy = true;
                if (!parallel)
                    break;
                continue;
            }
            if (!healthy(it->second)) {
                busy = true;
                if (!parallel)
                    break;
            }
        }
        // Scale down from the highest ordinal, one at a time unless Parallel.
        if (!busy || parallel) {
            for (auto it = pods.rbegin(); it != pods.rend(); ++it) {
                if (it->first < replicas)
                    break;
                if (!Kube::isTerminating(*it->second)) {
                    deletePod(it->second);
                    busy = true;
                }
                if (!parallel)
                    break;
            }
        }
        // Rolling update: highest ordinal first, down to the partition.
        if (!busy && !onDelete) {
            for (int i = replicas - 1; i >= partition; --i) {
                auto it = pods.find(i);
                if (it == pods.end())
                    break;
                if (Kube::str(*it->second, Kube::ptr("/metadata/labels/controller-revision-hash"))
                    != update.name) {
                    if (!Kube::isTerminating(*it->second))
                        deletePod(it->second);
                    break;
                }
            }
        }

        int count = 0, ready = 0, current = 0, updated = 0;
        std::vector<std::string> inUse;
        for (const auto &[ordinal, p] : pods) {
            if (Kube::isTerminating(*p))
                continue;
            ++count;
            if (Kube::isPodReady(*p))
                ++ready;
            const std::string rev
                = Kube::str(*p, Kube::ptr("/metadata/labels/controller-revision-hash"));
            inUse.push_back(rev);
            if (rev == update.name)
                ++updated;
            if (rev == currentRevision)
                ++current;
        }
        if (updated == replicas && ready == replicas && count == replicas) {
            currentRevision = update.name;
            current = updated;
        }
        status["observedGeneration"] = Kube::integer(sts, Kube::ptr("/metadata/generation"), 1);
        status["replicas"] = count;
        status["readyReplicas"] = ready;
        status["availableReplicas"] = ready;
        status["currentReplicas"] = current;
        status["updatedReplicas"] = updated;
        status["currentRevision"] = currentRevision;
        status["updateRevision"] = update.name;
        status["collisionCount"] = 0;
        if (status != oldStatus) {
            json w = sts;
            w["status"] = status;
            ctx.update(Kube::StatefulSets, std::move(w));
        }
        RevisionHistory::prune(ctx, sts, update.name, inUse);
    }
}

} // namespace Orrery::Sim
