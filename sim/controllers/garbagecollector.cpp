// SPDX-License-Identifier: GPL-3.0-or-later
#include "garbagecollector.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <unordered_set>

namespace Orrery::Sim {

void GarbageCollector::sync(ControllerContext &ctx)
{
    static const std::pair<const char *, GroupResource> owners[]
        = {{"Deployment", Kube::Deployments},
           {"ReplicaSet", Kube::ReplicaSets},
           {"StatefulSet", Kube::StatefulSets},
           {"DaemonSet", Kube::DaemonSets},
           {"Job", Kube::Jobs},
           {"CronJob", Kube::CronJobs}};
    // Counted, not listed: listing 60,000 owners every pass only to compare a count costs
    // milliseconds of store lock at 150,000 pods.
    std::size_t ownerCount = 0;
    for (const auto &[kind, gr] : owners)
        ownerCount += ctx.store.count(gr);
    const double now = std::chrono::duration<double>(ctx.now.time_since_epoch()).count();
    const bool shrank = ownerCount < m_lastOwnerCount;
    m_lastOwnerCount = ownerCount;
    if (!shrank && now - m_lastScan < 5.0)
        return;
    // Orphans appear only when owners or dependants change: with none changed since the last
    // scan, that scan's answer (nothing left to collect) still holds.
    std::vector<std::uint64_t> inputs;
    for (const GroupResource &gr :
         {Kube::Deployments, Kube::ReplicaSets, Kube::StatefulSets, Kube::DaemonSets, Kube::Jobs,
          Kube::CronJobs, Kube::ControllerRevisions, Kube::Pods})
        inputs.push_back(ctx.store.lastChange(gr));
    if (inputs == m_scannedInputs)
        return;
    m_lastScan = now;
    std::unordered_set<std::string> uids;
    for (const auto &[kind, gr] : owners) {
        for (const ObjectPtr &o : ctx.store.list(gr))
            uids.insert(Kube::uid(*o));
    }
    auto orphaned = [&uids](const json &obj) {
        const json *ref = Kube::controllerRef(obj);
        if (!ref)
            return false;
        const std::string kind = ref->value("kind", "");
        for (const auto &[k, gr] : owners) {
            if (kind == k)
                return !uids.count(ref->value("uid", ""));
        }
        return false;
    };
    bool collected = false;
    for (const GroupResource &gr : {Kube::ReplicaSets, Kube::ControllerRevisions, Kube::Jobs}) {
        for (const ObjectPtr &o : ctx.store.list(gr)) {
            if (orphaned(*o)) {
                ctx.remove(gr, Kube::ns(*o), Kube::name(*o));
                collected = true;
            }
        }
    }
    // Pod by pod: a large cluster's pods are parsed from text, not held all at once.
    ctx.store.forEach(Kube::Pods, {}, [&](const ObjectPtr &p) {
        if (orphaned(*p))
            ctx.deletePod(*p);
        return true;
    });
    // A scan that removed owners must run again for their dependants (cascade); one that
    // found nothing holds until an input changes.
    m_scannedInputs = collected ? std::vector<std::uint64_t>{} : inputs;
}

} // namespace Orrery::Sim
