// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsmodel.h"
#include "kube.h"
#include "quantity.h"

#include <cmath>
#include <functional>
#include <map>
#include <unordered_map>

namespace Orrery::Sim {

MetricsModel::MetricsModel(LoadModel &load, SimClock &clock)
    : m_load(load)
    , m_clock(clock)
{
}

std::string MetricsModel::workloadOf(const json &pod)
{
    const json *ref = Kube::controllerRef(pod);
    if (!ref)
        return Kube::name(pod);
    const std::string kind = ref->value("kind", "");
    const std::string owner = ref->value("name", "");
    if (kind == "ReplicaSet") {
        // RS names are <deployment>-<pod-template-hash>.
        static const json::json_pointer p("/metadata/labels/pod-template-hash");
        const std::string hash = Kube::str(pod, p);
        if (!hash.empty() && owner.size() > hash.size() + 1
            && owner.compare(owner.size() - hash.size(), hash.size(), hash) == 0)
            return owner.substr(0, owner.size() - hash.size() - 1);
    }
    return owner;
}

std::vector<PodUsage> MetricsModel::compute(const std::vector<ObjectPtr> &pods) const
{
    static const json::json_pointer phasePtr("/status/phase");
    std::map<std::pair<std::string, std::string>, int> ready;
    for (const ObjectPtr &p : pods) {
        if (Kube::isPodReady(*p) && !Kube::isTerminating(*p))
            ++ready[{Kube::ns(*p), workloadOf(*p)}];
    }
    std::map<std::pair<std::string, std::string>, std::pair<double, LoadProfile>> loads;
    const long long window
        = std::chrono::duration_cast<std::chrono::seconds>(m_clock.now().time_since_epoch()).count()
          / 15;

    std::vector<PodUsage> out;
    out.reserve(pods.size());
    for (const ObjectPtr &p : pods) {
        const json &pod = *p;
        if (Kube::str(pod, phasePtr) != "Running")
            continue;
        const std::pair<std::string, std::string> key{Kube::ns(pod), workloadOf(pod)};
        auto l = loads.find(key);
        if (l == loads.end())
            l = loads
                    .emplace(key, std::make_pair(m_load.requestsPerSecond(key.first, key.second),
                                                 m_load.profile(key.first, key.second)))
                    .first;
        const double rps = l->second.first;
        const LoadProfile &prof = l->second.second;
        const bool serving = Kube::isPodReady(pod);
        const int n = std::max(1, ready[key]);

        double u = 0;
        if (m_noise > 0) {
            const std::size_t h = std::hash<std::string>{}(Kube::uid(pod) + std::to_string(window));
            u = (static_cast<double>(h % 2001) / 1000.0) - 1.0;
        }
        const double factor = 1.0 + m_noise * u;

        PodUsage usage;
        usage.pod = p;
        static const json::json_pointer containersPtr("/spec/containers");
        const json containers = pod.contains(containersPtr) ? pod.at(containersPtr) : json::array();
        std::int64_t totalCpuReq = 0, totalMemReq = 0;
        std::vector<std::pair<std::int64_t, std::int64_t>> reqs;
        for (const json &c : containers) {
            std::int64_t cpu = Kube::containerRequest(c, "cpu", false);
            std::int64_t mem = Kube::containerRequest(c, "memory", true);
            if (cpu <= 0)
                cpu = 100;
            if (mem <= 0)
                mem = 128LL << 20;
            reqs.push_back({cpu, mem});
            totalCpuReq += cpu;
            totalMemReq += mem;
        }
        for (std::size_t i = 0; i < reqs.size(); ++i) {
            const double share = totalCpuReq > 0 ? double(reqs[i].first) / totalCpuReq : 1.0;
            const double memShare = totalMemReq > 0 ? double(reqs[i].second) / totalMemReq : 1.0;
            double cpu = prof.idleCpuFraction * reqs[i].first;
            double mem = prof.idleMemoryFraction * reqs[i].second;
            if (serving) {
                cpu += share * rps * prof.cpuMilliPerRequest / n;
                mem += memShare * rps * prof.memoryMiPerRequest * 1048576.0 / n;
            }
            ContainerUsage cu;
            cu.name = containers[i].value("name", "");
            cu.cpuMilli = std::max<std::int64_t>(1, std::llround(cpu * factor));
            cu.memoryBytes = std::max<std::int64_t>(1 << 20, std::llround(mem * factor));
            usage.cpuMilli += cu.cpuMilli;
            usage.memoryBytes += cu.memoryBytes;
            usage.containers.push_back(std::move(cu));
        }
        usage.requestsPerSecond = serving ? rps / n : 0.0;
        out.push_back(std::move(usage));
    }
    return out;
}

json MetricsModel::podMetricsList(const std::vector<PodUsage> &usage) const
{
    const std::string now = m_clock.timestamp();
    json items = json::array();
    for (const PodUsage &u : usage) {
        json containers = json::array();
        for (const ContainerUsage &c : u.containers)
            containers.push_back({{"name", c.name},
                                  {"usage",
                                   {{"cpu", Quantity::formatMilli(c.cpuMilli)},
                                    {"memory", Quantity::formatBytesKi(c.memoryBytes)}}}});
        json meta = {{"name", Kube::name(*u.pod)},
                     {"namespace", Kube::ns(*u.pod)},
                     {"creationTimestamp", now}};
        if (u.pod->contains(Kube::ptr("/metadata/labels")))
            meta["labels"] = u.pod->at(Kube::ptr("/metadata/labels"));
        items.push_back({{"metadata", meta},
                         {"timestamp", now},
                         {"window", "30s"},
                         {"containers", containers}});
    }
    return {{"kind", "PodMetricsList"},
            {"apiVersion", "metrics.k8s.io/v1beta1"},
            {"metadata", json::object()},
            {"items", items}};
}

std::vector<NodeUsage> MetricsModel::nodeUsage(const std::vector<ObjectPtr> &nodes,
                                               const std::vector<PodUsage> &usage)
{
    std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> perNode;
    static const json::json_pointer nodeName("/spec/nodeName");
    for (const PodUsage &u : usage) {
        auto &n = perNode[Kube::str(*u.pod, nodeName)];
        n.first += u.cpuMilli;
        n.second += u.memoryBytes;
    }
    std::vector<NodeUsage> out;
    out.reserve(nodes.size());
    for (const ObjectPtr &node : nodes) {
        if (!Kube::hasCondition(*node, "Ready", "True"))
            continue; // metrics-server cannot scrape a NotReady kubelet
        const auto &n = perNode[Kube::name(*node)];
        // The system daemons (kubelet, containerd, OS) use a little of every node.
        const std::int64_t capCpu
            = Quantity::milli(node->value(Kube::ptr("/status/capacity/cpu"), json("2")));
        out.push_back({node, n.first + capCpu / 25, n.second + (700LL << 20)});
    }
    return out;
}

json MetricsModel::nodeMetricsList(const std::vector<ObjectPtr> &nodes,
                                   const std::vector<PodUsage> &usage) const
{
    const std::string now = m_clock.timestamp();
    json items = json::array();
    for (const NodeUsage &n : nodeUsage(nodes, usage)) {
        json meta = {{"name", Kube::name(*n.node)}, {"creationTimestamp", now}};
        if (n.node->contains(Kube::ptr("/metadata/labels")))
            meta["labels"] = n.node->at(Kube::ptr("/metadata/labels"));
        items.push_back({{"metadata", meta},
                         {"timestamp", now},
                         {"window", "20.05s"},
                         {"usage",
                          {{"cpu", Quantity::formatMilli(n.cpuMilli)},
                           {"memory", Quantity::formatBytesKi(n.memoryBytes)}}}});
    }
    return {{"kind", "NodeMetricsList"},
            {"apiVersion", "metrics.k8s.io/v1beta1"},
            {"metadata", json::object()},
            {"items", items}};
}

} // namespace Orrery::Sim
