// SPDX-License-Identifier: GPL-3.0-or-later
#include "pvcontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <unordered_set>

namespace Orrery::Sim {

void PvController::sync(ControllerContext &ctx)
{
    using namespace std::chrono_literals;
    const auto claims = ctx.store.list(Kube::PersistentVolumeClaims);
    std::unordered_set<std::string> claimUids;
    for (const ObjectPtr &c : claims)
        claimUids.insert(Kube::uid(*c));

    // Released volumes: their claim is gone.
    for (const ObjectPtr &pv : ctx.store.list(Kube::PersistentVolumes)) {
        const std::string claimUid = Kube::str(*pv, Kube::ptr("/spec/claimRef/uid"));
        if (claimUid.empty() || claimUids.count(claimUid)
            || Kube::str(*pv, Kube::ptr("/status/phase")) != "Bound")
            continue;
        if (Kube::str(*pv, Kube::ptr("/spec/persistentVolumeReclaimPolicy"), "Delete")
            == "Delete") {
            ctx.remove(Kube::PersistentVolumes, "", Kube::name(*pv));
        } else {
            json released = *pv;
            released["status"]["phase"] = "Released";
            ctx.update(Kube::PersistentVolumes, std::move(released));
        }
    }

    bool pending = false;
    for (const ObjectPtr &c : claims)
        pending |= Kube::str(*c, Kube::ptr("/status/phase"), "Pending") == "Pending";
    if (!pending)
        return;

    const auto classes = ctx.store.list(Kube::StorageClasses);
    std::vector<ObjectPtr> pods;
    bool podsListed = false;
    for (const ObjectPtr &cPtr : claims) {
        const json &claim = *cPtr;
        if (Kube::str(claim, Kube::ptr("/status/phase"), "Pending") != "Pending"
            || Kube::isTerminating(claim))
            continue;
        const std::string uid = Kube::uid(claim), ns = Kube::ns(claim), name = Kube::name(claim);
        auto [seen, inserted] = m_firstSeen.try_emplace(uid, ctx.now);
        std::string className = Kube::str(claim, Kube::ptr("/spec/storageClassName"));
        const json *sc = nullptr;
        for (const ObjectPtr &s : classes) {
            const bool isDefault
                = Kube::str(
                      *s, Kube::ptr(
                              "/metadata/annotations/storageclass.kubernetes.io~1is-default-class"))
                  == "true";
            if ((className.empty() && isDefault)
                || (!className.empty() && Kube::name(*s) == className))
                sc = s.get();
        }
        if (className.empty() && sc)
            className = Kube::name(*sc);
        const std::string provisioner
            = sc ? sc->value("provisioner", "kubernetes.io/no-provisioner")
                 : "rancher.io/local-path";
        if (sc && sc->value("volumeBindingMode", "Immediate") == "WaitForFirstConsumer") {
            if (!podsListed) {
                pods = ctx.store.list(Kube::Pods);
                podsListed = true;
            }
            bool consumer = false;
            for (const ObjectPtr &p : pods) {
                if (Kube::ns(*p) != ns || Kube::str(*p, Kube::ptr("/spec/nodeName")).empty())
                    continue;
                for (const json &v : p->value(Kube::ptr("/spec/volumes"), json::array()))
                    consumer
                        |= v.value(Kube::ptr("/persistentVolumeClaim/claimName"), std::string())
                           == name;
            }
            if (!consumer) {
                if (inserted)
                    ctx.events.normal(claim, "WaitForFirstConsumer",
                                      "waiting for first consumer to be created before binding",
                                      "persistentvolume-controller");
                continue;
            }
        }
        if (inserted) {
            ctx.events.normal(
                claim, "ExternalProvisioning",
                "Waiting for a volume to be created either by the external provisioner '"
                    + provisioner
                    + "' or manually by the system administrator. If volume creation is delayed, "
                      "please verify that the provisioner is running and correctly registered.",
                "persistentvolume-controller");
            ctx.events.normal(claim, "Provisioning",
                              "External provisioner is provisioning volume for claim \"" + ns + "/"
                                  + name + "\"",
                              provisioner);
        }
        if (ctx.now - seen->second < 1s)
            continue;
        const json storage
            = claim.value(Kube::ptr("/spec/resources/requests/storage"), json("1Gi"));
        const json accessModes
            = claim.value(Kube::ptr("/spec/accessModes"), json::array({"ReadWriteOnce"}));
        std::string pvName = Kube::str(claim, Kube::ptr("/spec/volumeName"));
        if (pvName.empty() || !ctx.store.get(Kube::PersistentVolumes, "", pvName)) {
            if (pvName.empty())
                pvName = "pvc-" + uid;
            json pv = {
                {"apiVersion", "v1"},
                {"kind", "PersistentVolume"},
                {"metadata",
                 {{"name", pvName},
                  {"annotations", {{"pv.kubernetes.io/provisioned-by", provisioner}}},
                  {"finalizers", json::array({"kubernetes.io/pv-protection"})}}},
                {"spec",
                 {{"capacity", {{"storage", storage}}},
                  {"accessModes", accessModes},
                  {"persistentVolumeReclaimPolicy",
                   sc ? sc->value("reclaimPolicy", "Delete") : "Delete"},
                  {"storageClassName", className},
                  {"volumeMode",
                   claim.value(Kube::ptr("/spec/volumeMode"), std::string("Filesystem"))},
                  {"claimRef",
                   {{"kind", "PersistentVolumeClaim"},
                    {"namespace", ns},
                    {"name", name},
                    {"uid", uid},
                    {"apiVersion", "v1"},
                    {"resourceVersion", Kube::str(claim, Kube::ptr("/metadata/resourceVersion"))}}},
                  {"csi",
                   {{"driver", provisioner}, {"volumeHandle", pvName}, {"fsType", "ext4"}}}}},
                {"status", {{"phase", "Bound"}}}};
            if (!ctx.create(Kube::PersistentVolumes, std::move(pv)))
                continue;
            ctx.events.normal(claim, "ProvisioningSucceeded",
                              "Successfully provisioned volume " + pvName, provisioner);
        }
        json bound = claim;
        bound["spec"]["volumeName"] = pvName;
        if (!className.empty())
            bound["spec"]["storageClassName"] = className;
        json &ann = bound["metadata"]["annotations"];
        if (!ann.is_object())
            ann = json::object();
        ann["pv.kubernetes.io/bind-completed"] = "yes";
        ann["pv.kubernetes.io/bound-by-controller"] = "yes";
        ann["volume.beta.kubernetes.io/storage-provisioner"] = provisioner;
        ann["volume.kubernetes.io/storage-provisioner"] = provisioner;
        bound["status"] = {
            {"phase", "Bound"}, {"accessModes", accessModes}, {"capacity", {{"storage", storage}}}};
        ctx.update(Kube::PersistentVolumeClaims, std::move(bound));
        m_firstSeen.erase(uid);
    }
}

} // namespace Orrery::Sim
