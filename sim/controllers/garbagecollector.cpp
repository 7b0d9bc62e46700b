// SPDX-License-Identifier: GPL-3.0-or-later
#include "garbagecollector.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <unordered_set>

namespace Orrery::Sim {

void GarbageCollector::sync(ControllerContext &ctx)
{
    static const std::pair<const char *, GroupResource> owners[] = {
        {"Deployment", Kube::Deployments}, {"ReplicaSet", Kube::ReplicaSets},
        {"StatefulSet", Kube::StatefulSets}, {"DaemonSet", Kube::DaemonSets},
        {"Job", Kube::Jobs},               {"CronJob", Kube::CronJobs}};
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
    for (const GroupResource &gr : {Kube::ReplicaSets, Kube::ControllerRevisions, Kube::Jobs}) {
        for (const ObjectPtr &o : ctx.store.list(gr)) {
            if (orphaned(*o))
                ctx.remove(gr, Kube::ns(*o), Kube::name(*o));
        }
    }
    for (const ObjectPtr &p : ctx.store.list(Kube::Pods)) {
        if (orphaned(*p))
            ctx.deletePod(*p);
    }
}

} // namespace Orrery::Sim
