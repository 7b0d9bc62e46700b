// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentcontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <algorithm>
#include <unordered_map>

namespace Orrery::Sim {

namespace {

const json::json_pointer kRevisionPtr("/metadata/annotations/deployment.kubernetes.io~1revision");

int revisionOf(const json &obj)
{
    return std::atoi(Kube::str(obj, kRevisionPtr, "0").c_str());
}

int specReplicas(const json &obj)
{
    return static_cast<int>(Kube::integer(obj, Kube::ptr("/spec/replicas"), 1));
}

int statusInt(const json &obj, const char *field)
{
    return static_cast<int>(
        Kube::integer(obj, json::json_pointer(std::string("/status/") + field), 0));
}

struct RsState
{
    json obj;
    bool dirty = false;
};

} // namespace

void DeploymentController::sync(ControllerContext &ctx)
{
    // When the last pass found every deployment steady and no Deployment or ReplicaSet was
    // written since, this pass would skip each of them (m_steady): skip the walk itself, which
    // takes tens of milliseconds over 30,000 deployments and their ReplicaSets.
    const std::pair<std::uint64_t, std::uint64_t> inputs{ctx.store.lastChange(Kube::Deployments),
                                                         ctx.store.lastChange(Kube::ReplicaSets)};
    if (m_allSteady && inputs == m_steadyInputs)
        return;
    bool allSteady = true;
    const auto deployments = ctx.store.list(Kube::Deployments);
    if (deployments.empty())
        return;
    std::unordered_map<std::string, std::vector<ObjectPtr>> rsByOwner;
    for (const ObjectPtr &rs : ctx.store.list(Kube::ReplicaSets)) {
        const std::string owner = Kube::controllerUid(*rs);
        if (!owner.empty())
            rsByOwner[owner].push_back(rs);
    }

    for (const ObjectPtr &dPtr : deployments) {
        const json &d = *dPtr;
        if (Kube::isTerminating(d))
            continue;
        const std::string ns = Kube::ns(d), dName = Kube::name(d), dUid = Kube::uid(d);
        static const json::json_pointer rvPtr("/metadata/resourceVersion");
        std::hash<std::string> hasher;
        std::size_t fingerprint = hasher(Kube::str(d, rvPtr));
        for (const ObjectPtr &rs : rsByOwner[dUid])
            fingerprint = (fingerprint ^ hasher(Kube::str(*rs, rvPtr))) * 1099511628211ULL;
        if (auto steady = m_steady.find(dUid);
            steady != m_steady.end() && steady->second == fingerprint)
            continue;
        const int replicas = specReplicas(d);
        const bool paused = d.value(Kube::ptr("/spec/paused"), false);
        const std::string strategy
            = Kube::str(d, Kube::ptr("/spec/strategy/type"), "RollingUpdate");
        int maxSurge = 0, maxUnavailable = 0;
        if (strategy == "RollingUpdate") {
            const json ru = d.value(Kube::ptr("/spec/strategy/rollingUpdate"), json::object());
            maxSurge = Kube::scaledValue(ru.value("maxSurge", json("25%")), replicas, true, 0);
            maxUnavailable
                = Kube::scaledValue(ru.value("maxUnavailable", json("25%")), replicas, false, 0);
            if (maxSurge == 0 && maxUnavailable == 0)
                maxUnavailable = 1;
            maxUnavailable = std::min(maxUnavailable, replicas);
        }
        const int historyLimit
            = static_cast<int>(Kube::integer(d, Kube::ptr("/spec/revisionHistoryLimit"), 10));
        const int collisionCount = statusInt(d, "collisionCount");
        const json dTemplate
            = Kube::withoutHashLabel(d.value(Kube::ptr("/spec/template"), json::object()));

        std::vector<RsState> all;
        for (const ObjectPtr &rs : rsByOwner[dUid]) {
            if (!Kube::isTerminating(*rs))
                all.push_back({*rs, false});
        }
        std::sort(all.begin(), all.end(), [](const RsState &a, const RsState &b) {
            const int ra = revisionOf(a.obj), rb = revisionOf(b.obj);
            return ra != rb ? ra < rb : Kube::name(a.obj) < Kube::name(b.obj);
        });
        int newIdx = -1;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (newIdx < 0
                && Kube::withoutHashLabel(
                       all[i].obj.value(Kube::ptr("/spec/template"), json::object()))
                       == dTemplate)
                newIdx = static_cast<int>(i);
        }
        int maxOldRevision = 0;
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (static_cast<int>(i) != newIdx)
                maxOldRevision = std::max(maxOldRevision, revisionOf(all[i].obj));
        }

        json status = d.value("status", json::object());
        const json oldStatus = status;
        std::string progressingReason, progressingMessage;
        bool progressed = false;
        auto scaleEvent = [&](const json &rs, int from, int to) {
            ctx.events.normal(d, "ScalingReplicaSet",
                              std::string(to > from ? "Scaled up" : "Scaled down") + " replica set "
                                  + Kube::name(rs) + " to " + std::to_string(to),
                              "deployment-controller");
        };
        auto setRsAnnotations = [&](json &rs, int newRevision) {
            json &ann = rs["metadata"]["annotations"];
            if (!ann.is_object())
                ann = json::object();
            ann["deployment.kubernetes.io/desired-replicas"] = std::to_string(replicas);
            ann["deployment.kubernetes.io/max-replicas"] = std::to_string(replicas + maxSurge);
            if (newRevision > 0)
                ann["deployment.kubernetes.io/revision"] = std::to_string(newRevision);
        };
        auto scaleRs = [&](RsState &rs, int to) {
            const int from = specReplicas(rs.obj);
            if (from == to)
                return;
            rs.obj["spec"]["replicas"] = to;
            setRsAnnotations(rs.obj, 0);
            rs.dirty = true;
            scaleEvent(rs.obj, from, to);
        };

        // New ReplicaSet: find, adopt (rollback) or create.
        if (newIdx >= 0) {
            RsState &nrs = all[newIdx];
            const int rev = revisionOf(nrs.obj);
            if (rev <= maxOldRevision || rev == 0) {
                json &ann = nrs.obj["metadata"]["annotations"];
                if (!ann.is_object())
                    ann = json::object();
                if (rev > 0) {
                    std::string history
                        = ann.value("deployment.kubernetes.io/revision-history", "");
                    history += (history.empty() ? "" : ",") + std::to_string(rev);
                    ann["deployment.kubernetes.io/revision-history"] = history;
                }
                setRsAnnotations(nrs.obj, maxOldRevision + 1);
                nrs.dirty = true;
                progressingReason = "FoundNewReplicaSet";
                progressingMessage = "Found new replica set \"" + Kube::name(nrs.obj) + "\"";
                m_lastProgress[dUid] = ctx.now;
            }
        } else if (!paused) {
            const std::string hash = Kube::templateHash(dTemplate, collisionCount);
            json tmpl = d.value(Kube::ptr("/spec/template"), json::object());
            tmpl["metadata"]["labels"]["pod-template-hash"] = hash;
            json selector = d.value(Kube::ptr("/spec/selector"), json::object());
            selector["matchLabels"]["pod-template-hash"] = hash;
            int initial = replicas;
            int existing = 0;
            for (const RsState &rs : all)
                existing += specReplicas(rs.obj);
            if (strategy == "Recreate")
                initial = existing > 0 ? 0 : replicas;
            else
                initial = std::max(0, std::min(replicas, replicas + maxSurge - existing));
            json annotations = d.value(Kube::ptr("/metadata/annotations"), json::object());
            annotations.erase("kubectl.kubernetes.io/last-applied-configuration");
            annotations.erase("deployment.kubernetes.io/revision");
            annotations.erase("deployment.kubernetes.io/revision-history");
            json labels = tmpl["metadata"].value("labels", json::object());
            json rs
                = {{"apiVersion", "apps/v1"},
                   {"kind", "ReplicaSet"},
                   {"metadata",
                    {{"name", dName + "-" + hash},
                     {"namespace", ns},
                     {"labels", labels},
                     {"annotations", annotations},
                     {"ownerReferences",
                      json::array({Kube::ownerReference(d, "apps/v1", "Deployment")})}}},
                   {"spec", {{"replicas", initial}, {"selector", selector}, {"template", tmpl}}}};
            if (d["spec"].contains("minReadySeconds"))
                rs["spec"]["minReadySeconds"] = d["spec"]["minReadySeconds"];
            setRsAnnotations(rs, maxOldRevision + 1);
            try {
                rs["metadata"]["creationTimestamp"] = ctx.timestamp();
                ObjectPtr created = ctx.store.create(Kube::ReplicaSets, rs);
                all.push_back({*created, false});
                newIdx = static_cast<int>(all.size()) - 1;
                if (initial > 0)
                    scaleEvent(*created, 0, initial);
                progressingReason = "NewReplicaSetCreated";
                progressingMessage = "Created new replica set \"" + Kube::name(*created) + "\"";
                m_lastProgress[dUid] = ctx.now;
            } catch (const ApiError &e) {
                if (e.code() == 409) // a different template hashed to the same name
                    status["collisionCount"] = collisionCount + 1;
            }
        }

        if (newIdx >= 0 && !paused) {
            RsState &nrs = all[newIdx];
            auto totalSpec = [&all]() {
                int n = 0;
                for (const RsState &rs : all)
                    n += specReplicas(rs.obj);
                return n;
            };
            if (strategy == "Recreate") {
                int oldRunning = 0;
                for (std::size_t i = 0; i < all.size(); ++i) {
                    if (static_cast<int>(i) == newIdx)
                        continue;
                    scaleRs(all[i], 0);
                    oldRunning += statusInt(all[i].obj, "replicas");
                }
                if (oldRunning == 0)
                    scaleRs(nrs, replicas);
            } else {
                // reconcileNewReplicaSet
                const int newReplicas = specReplicas(nrs.obj);
                if (newReplicas > replicas) {
                    scaleRs(nrs, replicas);
                } else if (newReplicas < replicas) {
                    const int current = totalSpec();
                    const int maxTotal = replicas + maxSurge;
                    if (current < maxTotal)
                        scaleRs(nrs,
                                newReplicas + std::min(maxTotal - current, replicas - newReplicas));
                }
                // reconcileOldReplicaSets
                int oldPods = 0;
                for (std::size_t i = 0; i < all.size(); ++i) {
                    if (static_cast<int>(i) != newIdx)
                        oldPods += specReplicas(all[i].obj);
                }
                if (oldPods > 0) {
                    const int allPods = totalSpec();
                    const int minAvailable = replicas - maxUnavailable;
                    const int newUnavailable
                        = specReplicas(nrs.obj) - statusInt(nrs.obj, "availableReplicas");
                    int maxScaledDown = allPods - minAvailable - newUnavailable;
                    // Oldest first (ascending revision).
                    std::vector<std::size_t> order;
                    for (std::size_t i = 0; i < all.size(); ++i) {
                        if (static_cast<int>(i) != newIdx)
                            order.push_back(i);
                    }
                    std::sort(order.begin(), order.end(), [&all](std::size_t a, std::size_t b) {
                        return revisionOf(all[a].obj) < revisionOf(all[b].obj);
                    });
                    // cleanupUnhealthyReplicas: unavailable old pods go first.
                    int cleaned = 0;
                    for (std::size_t i : order) {
                        if (maxScaledDown - cleaned <= 0)
                            break;
                        const int rsReplicas = specReplicas(all[i].obj);
                        const int unhealthy
                            = rsReplicas - statusInt(all[i].obj, "availableReplicas");
                        if (rsReplicas == 0 || unhealthy <= 0)
                            continue;
                        const int down = std::min(maxScaledDown - cleaned, unhealthy);
                        scaleRs(all[i], rsReplicas - down);
                        cleaned += down;
                    }
                    maxScaledDown -= cleaned;
                    // scaleDownOldReplicaSetsForRollingUpdate
                    int available = 0;
                    for (const RsState &rs : all)
                        available += std::min(statusInt(rs.obj, "availableReplicas"),
                                              specReplicas(rs.obj));
                    if (maxScaledDown > 0 && available > minAvailable) {
                        int budget = available - minAvailable;
                        for (std::size_t i : order) {
                            if (budget <= 0)
                                break;
                            const int rsReplicas = specReplicas(all[i].obj);
                            if (rsReplicas == 0)
                                continue;
                            const int down = std::min(rsReplicas, budget);
                            scaleRs(all[i], rsReplicas - down);
                            budget -= down;
                        }
                    }
                }
            }
        } else if (newIdx >= 0 && paused) {
            // Paused: scaling still applies to the new ReplicaSet when it is the only one.
            bool onlyNew = true;
            for (std::size_t i = 0; i < all.size(); ++i)
                onlyNew &= static_cast<int>(i) == newIdx || specReplicas(all[i].obj) == 0;
            if (onlyNew)
                scaleRs(all[newIdx], replicas);
        }

        bool wroteRs = false;
        for (RsState &rs : all) {
            if (rs.dirty) {
                wroteRs = true;
                if (ObjectPtr written = ctx.update(Kube::ReplicaSets, rs.obj))
                    rs.obj = *written;
                rs.dirty = false;
            }
        }

        // Status
        int total = 0, ready = 0, available = 0, updated = 0;
        for (const RsState &rs : all) {
            total += statusInt(rs.obj, "replicas");
            ready += statusInt(rs.obj, "readyReplicas");
            available += statusInt(rs.obj, "availableReplicas");
        }
        if (newIdx >= 0)
            updated = statusInt(all[newIdx].obj, "replicas");
        status["observedGeneration"] = Kube::integer(d, Kube::ptr("/metadata/generation"), 1);
        status["replicas"] = total;
        status["updatedReplicas"] = updated;
        status["readyReplicas"] = ready;
        status["availableReplicas"] = available;
        const int unavailable = std::max(0, replicas - available);
        if (unavailable > 0)
            status["unavailableReplicas"] = unavailable;
        else
            status.erase("unavailableReplicas");

        const std::string now = ctx.timestamp();
        if (available >= replicas - maxUnavailable)
            Kube::setCondition(status,
                               {{"type", "Available"},
                                {"status", "True"},
                                {"reason", "MinimumReplicasAvailable"},
                                {"message", "Deployment has minimum availability."}},
                               now, true);
        else
            Kube::setCondition(status,
                               {{"type", "Available"},
                                {"status", "False"},
                                {"reason", "MinimumReplicasUnavailable"},
                                {"message", "Deployment does not have minimum availability."}},
                               now, true);

        const std::string newName = newIdx >= 0 ? Kube::name(all[newIdx].obj) : std::string();
        const bool complete
            = newIdx >= 0 && updated == replicas && total == replicas && available == replicas;
        if (!m_lastProgress.count(dUid))
            m_lastProgress[dUid] = ctx.now;
        const int oldUpdated = oldStatus.value("updatedReplicas", 0),
                  oldReady = oldStatus.value("readyReplicas", 0),
                  oldAvailable = oldStatus.value("availableReplicas", 0),
                  oldTotal = oldStatus.value("replicas", 0);
        progressed = updated > oldUpdated || ready > oldReady || available > oldAvailable
                     || (oldTotal - oldUpdated) > (total - updated);
        const long deadline
            = static_cast<long>(Kube::integer(d, Kube::ptr("/spec/progressDeadlineSeconds"), 600));
        if (paused) {
            Kube::setCondition(status,
                               {{"type", "Progressing"},
                                {"status", "Unknown"},
                                {"reason", "DeploymentPaused"},
                                {"message", "Deployment is paused"}},
                               now, true);
        } else if (!progressingReason.empty()) {
            Kube::setCondition(status,
                               {{"type", "Progressing"},
                                {"status", "True"},
                                {"reason", progressingReason},
                                {"message", progressingMessage}},
                               now, true);
        } else if (complete) {
            if (Kube::setCondition(
                    status,
                    {{"type", "Progressing"},
                     {"status", "True"},
                     {"reason", "NewReplicaSetAvailable"},
                     {"message", "ReplicaSet \"" + newName + "\" has successfully progressed."}},
                    now, true))
                m_lastProgress[dUid] = ctx.now;
        } else if (progressed && !newName.empty()) {
            json cond = {{"type", "Progressing"},
                         {"status", "True"},
                         {"reason", "ReplicaSetUpdated"},
                         {"message", "ReplicaSet \"" + newName + "\" is progressing."}};
            if (!Kube::setCondition(status, cond, now, true)) {
                for (json &c : status["conditions"]) {
                    if (c.value("type", "") == "Progressing")
                        c["lastUpdateTime"] = now; // progress refreshes the deadline
                }
            }
            m_lastProgress[dUid] = ctx.now;
        } else if (!newName.empty()
                   && ctx.now - m_lastProgress[dUid] > std::chrono::seconds(deadline)) {
            Kube::setCondition(
                status,
                {{"type", "Progressing"},
                 {"status", "False"},
                 {"reason", "ProgressDeadlineExceeded"},
                 {"message", "ReplicaSet \"" + newName + "\" has timed out progressing."}},
                now, true);
        }
        // Real controllers list Available before Progressing only by accident of creation;
        // keep whatever order the conditions were first set in.

        json updatedDeployment;
        bool writeDeployment = false;
        if (status != oldStatus) {
            updatedDeployment = d;
            updatedDeployment["status"] = status;
            writeDeployment = true;
        }
        if (newIdx >= 0) {
            const std::string rev = Kube::str(all[newIdx].obj, kRevisionPtr);
            if (!rev.empty() && Kube::str(d, kRevisionPtr) != rev) {
                if (!writeDeployment)
                    updatedDeployment = d;
                updatedDeployment["metadata"]["annotations"]["deployment.kubernetes.io/revision"]
                    = rev;
                writeDeployment = true;
            }
        }
        if (writeDeployment)
            ctx.update(Kube::Deployments, std::move(updatedDeployment));
        else if (complete && !paused && !wroteRs)
            m_steady[dUid] = fingerprint;
        if (writeDeployment || !complete || paused || wroteRs)
            allSteady = false;

        // revisionHistoryLimit: only once the rollout is complete, oldest revisions first.
        if (complete && !paused) {
            std::vector<const json *> candidates;
            for (std::size_t i = 0; i < all.size(); ++i) {
                if (static_cast<int>(i) != newIdx && specReplicas(all[i].obj) == 0
                    && statusInt(all[i].obj, "replicas") == 0)
                    candidates.push_back(&all[i].obj);
            }
            std::sort(candidates.begin(), candidates.end(),
                      [](const json *a, const json *b) { return revisionOf(*a) < revisionOf(*b); });
            const int excess = static_cast<int>(candidates.size()) - historyLimit;
            for (int i = 0; i < excess; ++i)
                ctx.remove(Kube::ReplicaSets, ns, Kube::name(*candidates[i]));
        }
    }
    m_allSteady = allSteady;
    m_steadyInputs
        = {ctx.store.lastChange(Kube::Deployments), ctx.store.lastChange(Kube::ReplicaSets)};
}

} // namespace Orrery::Sim
