// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace Orrery::Sim {

class ClusterAccess;
class Registries;
class ServiceFront;

struct SimulatorOptions
{
    // Scenario names (see availableScenarios() in scenario.h), "all" for every scenario, or
    // "minimal": a bare cluster of three nodes and the system namespaces.
    std::vector<std::string> scenarios;
    int port = 0;           // first cluster's port; the others take the following ones. 0: OS
    int syntheticPods = 0;  // extra pods generated in the first cluster (benchmarks)
    int syntheticNodes = 0; // the nodes they run on; 0: one per 100 pods
    double churn = 0;       // random pod deletions per second in every cluster
    double speed = 1.0;     // sim time factor
    std::size_t eventWindow = 10000; // watch events kept per cluster (older versions: 410)
    // Plain-HTTP Prometheus scrape target per cluster (PrometheusEndpoint): -1 none, 0 ports
    // chosen by the OS, P: the first cluster's port, the others take the following ones.
    int metricsPort = -1;
    // The HTTPS front of the simulated outside services (sim/front/servicefront.h): -1 none,
    // 0 port chosen by the OS, P that port.
    int servicesPort = 0;
};

// A set of simulated clusters, each with its own object store, controllers and HTTPS API
// server, and the kubeconfig that reaches them. The orrery-sim executable and
// `orrery --demo` both run one of these.
//
// Contexts per cluster C: "C" (admin, client certificate), "C-operator" and "C-viewer"
// (bearer tokens); current-context is the first cluster's admin context.
class Simulator
{
public:
    explicit Simulator(SimulatorOptions options);
    ~Simulator();

    Simulator(const Simulator &) = delete;
    Simulator &operator=(const Simulator &) = delete;

    bool start(std::string *error);
    void stop();

    std::string kubeconfigYaml() const;
    std::vector<std::string> contextNames() const;
    // The first cluster's server URL.
    std::string url() const;
    std::vector<std::string> clusterNames() const;
    // Per cluster (same order as clusterNames()): its /metrics URL (empty without
    // metricsPort) and its scenario's Prometheus rule file (empty when it has none).
    std::vector<std::string> metricsUrls() const;
    std::vector<std::string> ruleFiles() const;

    // The image registries of a cluster (a name from clusterNames()), for simulated pipelines
    // that push images; null for an unknown name or before start(). Thread safe.
    Registries *registries(const std::string &clusterName) const;

    // Proxies /api/v1/namespaces/NS/services/NAME:PORT/proxy of a cluster to a real server on
    // loopback (a Prometheus started for the demo or a test); false for an unknown cluster.
    // PORT is the port's name or number as clients write it.
    bool mapServiceProxy(const std::string &clusterName, const std::string &ns,
                         const std::string &service, const std::string &port,
                         const std::string &url);

    // The simulated outside services (GitHub, Jenkins, clouds ...) behind one HTTPS front:
    // its URL (https://127.0.0.1:PORT) and the CA certificate (PEM) clients must trust; empty
    // without servicesPort. services() is null then.
    std::string servicesUrl() const;
    std::string servicesCaCertificate() const;
    ServiceFront *services() const;
    // The clusters as the services see them (valid after start()).
    ClusterAccess &clusterAccess() const;

    // Every scenario name --scenario accepts ("minimal" first).
    static std::vector<std::string> availableScenarioNames();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
