// SPDX-License-Identifier: GPL-3.0-or-later
#include "garbagecollector.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <optional>
#include <set>
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
    // Before this scan's own deletions: owners it removes make the next scan look at every
    // pod (their pods are not orphaned yet in this scan's view).
    const std::uint64_t scanRv = ctx.store.resourceVersion();
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
    // Pods: a pod is orphaned when its owner went away or when it was written with an owner
    // that is not there. Every pod is looked at (one by one: a large cluster's pods are
    // parsed from text, not held all at once) on the first scan, when an owner was deleted
    // since the last one or the event window no longer reaches back, and always in clusters
    // of up to 2,048 pods; otherwise only the pods written since the last scan, so that
    // churn does not parse 150,000 pods every 5 s.
    bool ownerDeleted = m_podScanRv == 0 || ctx.store.count(Kube::Pods) <= 2048;
    for (const auto &[kind, gr] : owners) {
        if (ownerDeleted)
            break;
        const auto changes = ctx.store.changesSince(gr, m_podScanRv);
        ownerDeleted = !changes;
        for (std::size_t i = 0; changes && i < changes->size() && !ownerDeleted; ++i)
            ownerDeleted = (*changes)[i].type == StoreEvent::Type::Deleted;
    }
    std::optional<std::vector<ObjectStore::Change>> written;
    if (!ownerDeleted)
        written = ctx.store.changesSince(Kube::Pods, m_podScanRv);
    m_podScanRv = scanRv;
    if (written) {
        std::set<std::pair<std::string, std::string>> keys;
        for (const ObjectStore::Change &c : *written)
            if (c.type != StoreEvent::Type::Deleted)
                keys.insert({c.ns, c.name});
        for (const auto &[ns, name] : keys)
            if (const ObjectPtr p = ctx.store.get(Kube::Pods, ns, name); p && orphaned(*p))
                ctx.deletePod(*p);
    } else {
        ctx.store.forEach(Kube::Pods, {}, [&](const ObjectPtr &p) {
            if (orphaned(*p))
                ctx.deletePod(*p);
            return true;
        });
    }
    // A scan that removed owners must run again for their dependants (cascade); one that
    // found nothing holds until an input changes.
    m_scannedInputs = collected ? std::vector<std::uint64_t>{} : inputs;
}

} // namespace Orrery::Sim
