// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpointscontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <array>
#include <optional>
#include <set>
#include <unordered_map>

namespace Orrery::Sim {

namespace {

int resolveTargetPort(const json &servicePort, const json &pod)
{
    const json target = servicePort.value("targetPort", servicePort.value("port", json(0)));
    if (target.is_number_integer())
        return target.get<int>();
    if (target.is_string()) {
        const std::string name = target.get<std::string>();
        for (const json &c : pod.value(Kube::ptr("/spec/containers"), json::array())) {
            for (const json &p : c.value("ports", json::array())) {
                if (p.value("name", "") == name)
                    return p.value("containerPort", 0);
            }
        }
        const int asNumber = std::atoi(name.c_str());
        if (asNumber > 0)
            return asNumber;
    }
    return servicePort.value("port", 0);
}

} // namespace

std::array<std::uint64_t, 4> EndpointsController::inputStamp(const ControllerContext &ctx)
{
    return {ctx.store.lastChange(Kube::Services), ctx.store.lastChange(Kube::Pods),
            ctx.store.lastChange(Kube::Endpoints), ctx.store.lastChange(Kube::EndpointSlices)};
}

void EndpointsController::sync(ControllerContext &ctx)
{
    // Endpoints are a function of Services and Pods (and of themselves, to repair edits):
    // when none of those changed since the end of the last pass there is nothing to do.
    if (inputStamp(ctx) == m_inputs)
        return;
    // Only the namespaces where any of those were written since the last pass (all when that
    // is not known): one changed pod does not make every pod of the cluster parsed again.
    reconcile(ctx,
              Kube::namespacesWrittenSince(
                  ctx.store, {Kube::Services, Kube::Pods, Kube::Endpoints, Kube::EndpointSlices},
                  m_doneRv));
    m_inputs = inputStamp(ctx); // after our own writes
    m_doneRv = ctx.store.resourceVersion();
}

void EndpointsController::reconcile(ControllerContext &ctx,
                                    const std::optional<std::set<std::string>> &dirty)
{
    // The Services of the namespaces to redo only: Services are stored as text, and parsing
    // the 30,000 of a 150,000-pod cluster each pass would cost more than the pass's work.
    // (Sorted by namespace either way: `dirty` is an ordered set.)
    std::vector<ObjectPtr> services;
    if (dirty) {
        for (const std::string &n : *dirty)
            for (ObjectPtr &s : ctx.store.list(Kube::Services, n))
                services.push_back(std::move(s));
    } else {
        services = ctx.store.list(Kube::Services);
    }
    // Index pods by (namespace, label=value) so that 10,000 services do not each scan every
    // pod of their namespace. Services come sorted by namespace: the index holds one
    // namespace's pods at a time (pods are parsed from the store's text; a large cluster's
    // all at once would take gigabytes).
    std::unordered_map<std::string, std::vector<ObjectPtr>> podsByLabel;
    std::optional<std::string> indexed;
    auto indexNamespace = [&](const std::string &ns) {
        if (indexed == ns)
            return;
        indexed = ns;
        podsByLabel.clear();
        for (const ObjectPtr &p : ctx.store.list(Kube::Pods, ns)) {
            static const json::json_pointer labelsPtr("/metadata/labels");
            if (!p->contains(labelsPtr))
                continue;
            const json &labels = p->at(labelsPtr);
            for (auto it = labels.begin(); it != labels.end(); ++it) {
                if (it.value().is_string())
                    podsByLabel[ns + '\0' + it.key() + '\0' + it.value().get<std::string>()]
                        .push_back(p);
            }
        }
    };
    static const std::vector<ObjectPtr> none;
    std::set<std::pair<std::string, std::string>> serviceNames;

    for (const ObjectPtr &sPtr : services) {
        const std::string ns = Kube::ns(*sPtr), name = Kube::name(*sPtr);
        serviceNames.insert({ns, name});
        if (dirty && !dirty->count(ns))
            continue;
        json svc = *sPtr;
        indexNamespace(ns);
        serviceNames.insert({ns, name});
        const std::string type = Kube::str(svc, Kube::ptr("/spec/type"), "ClusterIP");

        // Allocators (what the API server's registry and the cloud provider do).
        bool svcChanged = false;
        if (type != "ExternalName") {
            if (Kube::str(svc, Kube::ptr("/spec/clusterIP")).empty()) {
                const std::string ip = ctx.allocateClusterIp();
                svc["spec"]["clusterIP"] = ip;
                svc["spec"]["clusterIPs"] = json::array({ip});
                svcChanged = true;
            }
            if (type == "NodePort" || type == "LoadBalancer") {
                for (json &port : svc["spec"]["ports"]) {
                    if (!port.contains("nodePort")) {
                        port["nodePort"] = ctx.allocateNodePort();
                        svcChanged = true;
                    }
                }
            }
            if (type == "LoadBalancer"
                && !svc.contains(Kube::ptr("/status/loadBalancer/ingress"))) {
                const int n = std::uniform_int_distribution<int>(2, 250)(ctx.rng);
                const std::string wanted = Kube::str(svc, Kube::ptr("/spec/loadBalancerIP"));
                svc["status"]["loadBalancer"]["ingress"] = json::array(
                    {{{"ip", wanted.empty() ? "20.31.118." + std::to_string(n) : wanted},
                      {"ipMode", "VIP"}}});
                svcChanged = true;
            }
        }
        if (svcChanged) {
            if (ObjectPtr w = ctx.update(Kube::Services, svc))
                svc = *w;
        }

        const json selector = svc.value(Kube::ptr("/spec/selector"), json::object());
        if (selector.empty() || type == "ExternalName")
            continue;
        const auto first = selector.begin();
        const auto candidates = first.value().is_string()
                                    ? podsByLabel.find(ns + '\0' + first.key() + '\0'
                                                       + first.value().get<std::string>())
                                    : podsByLabel.end();
        ObjectPtr existing = ctx.store.get(Kube::Endpoints, ns, name);
        const std::string sliceName
            = name + "-" + Kube::templateHash(json(ns + "/" + name)).substr(0, 5);
        ObjectPtr slice = ctx.store.get(Kube::EndpointSlices, ns, sliceName);
        {
            static const json::json_pointer rvPtr("/metadata/resourceVersion");
            std::hash<std::string> h;
            std::size_t fp = h(Kube::str(svc, rvPtr));
            auto mix = [&fp](std::size_t v) { fp = (fp ^ v) * 1099511628211ULL; };
            mix(existing ? h(Kube::str(*existing, rvPtr)) : 1);
            mix(slice ? h(Kube::str(*slice, rvPtr)) : 2);
            if (candidates != podsByLabel.end()) {
                for (const ObjectPtr &p : candidates->second)
                    mix(h(Kube::str(*p, rvPtr)));
            }
            std::size_t &last = m_fingerprints[Kube::uid(svc)];
            if (last == fp)
                continue;
            last = fp;
        }
        const json ports = svc.value(Kube::ptr("/spec/ports"), json::array());
        json ready = json::array(), notReady = json::array(), sliceEndpoints = json::array();
        json subsetPorts = json::array(), slicePorts = json::array();
        bool portsResolved = false;
        for (const ObjectPtr &p : candidates == podsByLabel.end() ? none : candidates->second) {
            const json &pod = *p;
            if (!Kube::mapMatches(selector,
                                  pod.value(Kube::ptr("/metadata/labels"), json::object())))
                continue;
            const std::string ip = Kube::str(pod, Kube::ptr("/status/podIP"));
            if (ip.empty() || Kube::isPodTerminated(pod))
                continue;
            const bool isReady = Kube::isPodReady(pod) && !Kube::isTerminating(pod);
            json addr = {{"ip", ip},
                         {"nodeName", Kube::str(pod, Kube::ptr("/spec/nodeName"))},
                         {"targetRef",
                          {{"kind", "Pod"},
                           {"namespace", ns},
                           {"name", Kube::name(pod)},
                           {"uid", Kube::uid(pod)}}}};
            (isReady ? ready : notReady).push_back(addr);
            sliceEndpoints.push_back({{"addresses", json::array({ip})},
                                      {"conditions",
                                       {{"ready", isReady},
                                        {"serving", Kube::isPodReady(pod)},
                                        {"terminating", Kube::isTerminating(pod)}}},
                                      {"nodeName", addr["nodeName"]},
                                      {"targetRef", addr["targetRef"]}});
            if (!portsResolved) {
                for (const json &sp : ports) {
                    json ep = {{"port", resolveTargetPort(sp, pod)},
                               {"protocol", sp.value("protocol", "TCP")}};
                    if (sp.contains("name"))
                        ep["name"] = sp["name"];
                    subsetPorts.push_back(ep);
                    slicePorts.push_back(ep);
                }
                portsResolved = true;
            }
        }
        auto byIp = [](const json &a, const json &b) {
            return a["ip"].get<std::string>() < b["ip"].get<std::string>();
        };
        std::sort(ready.begin(), ready.end(), byIp);
        std::sort(notReady.begin(), notReady.end(), byIp);

        json subsets = json::array();
        if (!ready.empty() || !notReady.empty()) {
            json subset = {{"ports", subsetPorts}};
            if (!ready.empty())
                subset["addresses"] = ready;
            if (!notReady.empty())
                subset["notReadyAddresses"] = notReady;
            subsets.push_back(subset);
        }
        json labels = svc.value(Kube::ptr("/metadata/labels"), json::object());
        if (!existing) {
            json ep = {{"apiVersion", "v1"},
                       {"kind", "Endpoints"},
                       {"metadata", {{"name", name}, {"namespace", ns}, {"labels", labels}}},
                       {"subsets", subsets}};
            ctx.create(Kube::Endpoints, std::move(ep));
        } else if (existing->value("subsets", json::array()) != subsets) {
            json ep = *existing;
            ep["subsets"] = subsets;
            ctx.update(Kube::Endpoints, std::move(ep));
        }

        json sliceLabels = labels;
        sliceLabels["kubernetes.io/service-name"] = name;
        sliceLabels["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io";
        if (!slice) {
            json s = {{"apiVersion", "discovery.k8s.io/v1"},
                      {"kind", "EndpointSlice"},
                      {"metadata",
                       {{"name", sliceName},
                        {"namespace", ns},
                        {"labels", sliceLabels},
                        {"generateName", name + "-"},
                        {"ownerReferences", json::array({{{"apiVersion", "v1"},
                                                          {"kind", "Service"},
                                                          {"name", name},
                                                          {"uid", Kube::uid(svc)},
                                                          {"controller", true},
                                                          {"blockOwnerDeletion", true}}})}}},
                      {"addressType", "IPv4"},
                      {"endpoints", sliceEndpoints},
                      {"ports", slicePorts}};
            ctx.create(Kube::EndpointSlices, std::move(s));
        } else if (slice->value("endpoints", json::array()) != sliceEndpoints
                   || slice->value("ports", json::array()) != slicePorts) {
            json s = *slice;
            s["endpoints"] = sliceEndpoints;
            s["ports"] = slicePorts;
            ctx.update(Kube::EndpointSlices, std::move(s));
        }
    }
    // Endpoints of deleted Services go with them (a deletion marks its namespace written).
    const std::vector<std::string> scope
        = dirty ? std::vector<std::string>(dirty->begin(), dirty->end())
                : std::vector<std::string>{std::string()};
    for (const std::string &n : scope) {
        for (const ObjectPtr &ep : ctx.store.list(Kube::Endpoints, n)) {
            if (!serviceNames.count({Kube::ns(*ep), Kube::name(*ep)}))
                ctx.remove(Kube::Endpoints, Kube::ns(*ep), Kube::name(*ep));
        }
        for (const ObjectPtr &s : ctx.store.list(Kube::EndpointSlices, n)) {
            const std::string svc
                = Kube::str(*s, Kube::ptr("/metadata/labels/kubernetes.io~1service-name"));
            if (!svc.empty() && !serviceNames.count({Kube::ns(*s), svc}))
                ctx.remove(Kube::EndpointSlices, Kube::ns(*s), Kube::name(*s));
        }
    }
}

} // namespace Orrery::Sim
