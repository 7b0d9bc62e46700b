// SPDX-License-Identifier: GPL-3.0-or-later
#include "nodecontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"
#include "workload/quantity.h"

namespace Orrery::Sim {

json NodeController::makeNode(const std::string &name, const std::string &cpu,
                              const std::string &memory, const json &labels,
                              const std::string &kubeletVersion, int index, const std::string &now)
{
    json l = labels.is_object() ? labels : json::object();
    l["kubernetes.io/hostname"] = name;
    l["kubernetes.io/os"] = "linux";
    l["kubernetes.io/arch"] = "amd64";
    l["beta.kubernetes.io/os"] = "linux";
    l["beta.kubernetes.io/arch"] = "amd64";
    const std::int64_t cpuMilli = Quantity::milli(json(cpu));
    const std::int64_t memBytes = Quantity::bytes(json(memory));
    // Allocatable as kubelets reserve it: a little CPU and about 10 % of memory.
    const std::int64_t allocCpu = cpuMilli - std::min<std::int64_t>(cpuMilli / 20, 200);
    const std::int64_t allocMem = memBytes - memBytes / 10;
    const std::string ip
        = "10.0." + std::to_string(1 + index / 250) + "." + std::to_string(4 + index % 250);
    json node
        = {{"apiVersion", "v1"},
           {"kind", "Node"},
           {"metadata",
            {{"name", name},
             {"labels", l},
             {"annotations",
              {{"node.alpha.kubernetes.io/ttl", "0"},
               {"volumes.kubernetes.io/controller-managed-attach-detach", "true"}}}}},
           {"spec",
            {{"podCIDR", "10.244." + std::to_string(index % 256) + ".0/24"},
             {"podCIDRs", json::array({"10.244." + std::to_string(index % 256) + ".0/24"})}}},
           {"status",
            {{"capacity",
              {{"cpu", Quantity::formatMilli(cpuMilli)},
               {"memory", Quantity::formatBytesKi(memBytes)},
               {"pods", "110"},
               {"ephemeral-storage", "129886128Ki"},
               {"hugepages-2Mi", "0"}}},
             {"allocatable",
              {{"cpu", Quantity::formatMilli(allocCpu)},
               {"memory", Quantity::formatBytesKi(allocMem)},
               {"pods", "110"},
               {"ephemeral-storage", "119703055367"},
               {"hugepages-2Mi", "0"}}},
             {"addresses", json::array({{{"type", "InternalIP"}, {"address", ip}},
                                        {{"type", "Hostname"}, {"address", name}}})},
             {"daemonEndpoints", {{"kubeletEndpoint", {{"Port", 10250}}}}},
             {"nodeInfo",
              {{"machineID", Kube::templateHash(json(name + "machine")) + "0c3e6f1a9b2d4e7f"},
               {"systemUUID",
                "ec2" + Kube::templateHash(json(name + "uuid")) + "-7c1d-4b8e-9f0a-3d5e6f7a8b9c"},
               {"bootID", Kube::templateHash(json(name + "boot")) + "-1f2e-4d3c-8b7a-6f5e4d3c2b1a"},
               {"kernelVersion", "6.1.0-27-cloud-amd64"},
               {"osImage", "Ubuntu 22.04.4 LTS"},
               {"containerRuntimeVersion", "containerd://1.7.20"},
               {"kubeletVersion", kubeletVersion},
               {"kubeProxyVersion", kubeletVersion},
               {"operatingSystem", "linux"},
               {"architecture", "amd64"}}},
             {"images", json::array()}}}};
    const char *pressure[][3] = {
        {"MemoryPressure", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"},
        {"DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"},
        {"PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available"}};
    for (const auto &p : pressure)
        Kube::setCondition(node["status"],
                           {{"type", p[0]},
                            {"status", "False"},
                            {"reason", p[1]},
                            {"message", p[2]},
                            {"lastHeartbeatTime", now}},
                           now);
    return withReadiness(node, true, now);
}

json NodeController::withReadiness(json node, bool ready, const std::string &now)
{
    json cond = ready ? json{{"type", "Ready"},
                             {"status", "True"},
                             {"reason", "KubeletReady"},
                             {"message", "kubelet is posting ready status"},
                             {"lastHeartbeatTime", now}}
                      : json{{"type", "Ready"},
                             {"status", "Unknown"},
                             {"reason", "NodeStatusUnknown"},
                             {"message", "Kubelet stopped posting node status."},
                             {"lastHeartbeatTime", now}};
    Kube::setCondition(node["status"], cond, now);
    json taints = json::array();
    for (const json &t : node["spec"].value("taints", json::array())) {
        if (t.value("key", "") != "node.kubernetes.io/unreachable")
            taints.push_back(t);
    }
    if (!ready) {
        taints.push_back({{"key", "node.kubernetes.io/unreachable"},
                          {"effect", "NoSchedule"},
                          {"timeAdded", now}});
        taints.push_back({{"key", "node.kubernetes.io/unreachable"},
                          {"effect", "NoExecute"},
                          {"timeAdded", now}});
    }
    if (taints.empty())
        node["spec"].erase("taints");
    else
        node["spec"]["taints"] = taints;
    return node;
}

void NodeController::sync(ControllerContext &ctx)
{
    int index = 0;
    for (const ObjectPtr &n : ctx.store.list(Kube::Nodes)) {
        ++index;
        if (n->contains(Kube::ptr("/status/nodeInfo/kubeletVersion")))
            continue;
        // Created through the API without a status (kubectl create -f node.yaml): a kubelet
        // would register its capacity and report Ready.
        const json existing = *n;
        json labels = existing.value(Kube::ptr("/metadata/labels"), json::object());
        json node = makeNode(Kube::name(existing), "4", "16Gi", labels, ctx.kubernetesVersion,
                             200 + index, ctx.timestamp());
        node["metadata"] = existing["metadata"];
        node["metadata"]["labels"].update(makeNode(Kube::name(existing), "4", "16Gi", labels,
                                                   ctx.kubernetesVersion, 0,
                                                   "")["metadata"]["labels"]);
        if (existing.contains("spec"))
            node["spec"].update(existing["spec"]);
        ctx.update(Kube::Nodes, std::move(node));
    }
}

} // namespace Orrery::Sim
