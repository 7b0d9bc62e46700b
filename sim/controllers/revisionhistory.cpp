// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisionhistory.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <algorithm>

namespace Orrery::Sim {

RevisionHistory::Current RevisionHistory::ensure(ControllerContext &ctx, const json &owner,
                                                 const std::string &kind)
{
    const std::string ns = Kube::ns(owner), uid = Kube::uid(owner);
    json tmpl = owner.value(Kube::ptr("/spec/template"), json::object());
    const std::string hash = Kube::templateHash(tmpl);
    const std::string name = Kube::name(owner) + "-" + hash;
    long maxRevision = 0;
    ObjectPtr match;
    for (const ObjectPtr &cr : ctx.store.list(Kube::ControllerRevisions, ns)) {
        if (Kube::controllerUid(*cr) != uid)
            continue;
        maxRevision = std::max<long>(maxRevision, cr->value("revision", 0L));
        if (Kube::name(*cr) == name)
            match = cr;
    }
    if (match) {
        long rev = match->value("revision", 0L);
        if (rev < maxRevision) {
            json bumped = *match;
            bumped["revision"] = maxRevision + 1;
            if (ctx.update(Kube::ControllerRevisions, bumped))
                rev = maxRevision + 1;
        }
        return {name, hash, rev};
    }
    json data = tmpl;
    data["$patch"] = "replace";
    json labels = tmpl.value(Kube::ptr("/metadata/labels"), json::object());
    labels["controller.kubernetes.io/hash"] = hash;
    json cr = {{"apiVersion", "apps/v1"},
               {"kind", "ControllerRevision"},
               {"metadata",
                {{"name", name},
                 {"namespace", ns},
                 {"labels", labels},
                 {"ownerReferences", json::array({Kube::ownerReference(owner, "apps/v1", kind)})}}},
               {"data", {{"spec", {{"template", data}}}}},
               {"revision", maxRevision + 1}};
    ctx.create(Kube::ControllerRevisions, std::move(cr));
    return {name, hash, maxRevision + 1};
}

void RevisionHistory::prune(ControllerContext &ctx, const json &owner, const std::string &current,
                            const std::vector<std::string> &inUse)
{
    const long limit = Kube::integer(owner, Kube::ptr("/spec/revisionHistoryLimit"), 10);
    std::vector<ObjectPtr> old;
    for (const ObjectPtr &cr : ctx.store.list(Kube::ControllerRevisions, Kube::ns(owner))) {
        if (Kube::controllerUid(*cr) == Kube::uid(owner) && Kube::name(*cr) != current
            && std::find(inUse.begin(), inUse.end(), Kube::name(*cr)) == inUse.end())
            old.push_back(cr);
    }
    std::sort(old.begin(), old.end(), [](const ObjectPtr &a, const ObjectPtr &b) {
        return a->value("revision", 0L) < b->value("revision", 0L);
    });
    for (long i = 0; i < static_cast<long>(old.size()) - limit; ++i)
        ctx.remove(Kube::ControllerRevisions, Kube::ns(*old[i]), Kube::name(*old[i]));
}

} // namespace Orrery::Sim
