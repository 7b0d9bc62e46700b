// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectstore.h"

#include <string>
#include <vector>

namespace Orrery::Sim {

class ControllerManager;

struct ScenarioInfo
{
    std::string name;
    std::string clusterName;
    std::string kubernetesVersion;
    std::string platform;
};

// Names of the scenario files in resources/scenarios (NAME.yaml whose first document is
// `kind: Scenario`), sorted.
std::vector<std::string> availableScenarios();

// The Prometheus rule file that goes with scenario NAME (resources/scenarios/rules/
// NAME.rules.yml: the alerts its seed document describes, over the metrics the simulator
// exports), or empty when the scenario has none.
std::string scenarioRulesFile(const std::string &name);

// The orrery-only header document of resources/scenarios/NAME.yaml (kind: Scenario) as JSON,
// for the simulated outside services that read their own section of it (`pipelines:`).
// Throws std::runtime_error like loadScenario on an unknown scenario or a bad file.
nlohmann::json scenarioHeader(const std::string &name);

// Loads resources/scenarios/NAME.yaml into the store: the orrery-only header document
// (cluster name, Kubernetes version, platform, nodes, load schedules, Helm releases) is
// applied to the store and the controllers; every following document is a plain Kubernetes
// object created as `kubectl create` would. Helm-managed documents may use
// {{ .Values.a.b }}, {{ .Release.Name }}, {{ .Chart.Version }} placeholders; each release
// revision renders them with its own values, and the release Secrets are generated from
// those renderings (the objects themselves come from the latest revision). kube-system
// (coredns, kube-proxy, metrics-server) comes from kubesystem.yaml. The controllers are not
// ticked: pods start Pending and come up as the clock runs. Throws std::runtime_error on an
// unknown scenario or a bad file, ApiError when the store refuses an object.
ScenarioInfo loadScenario(const std::string &name, ObjectStore &store,
                          ControllerManager &controllers);

// Without the controllers (kept for callers written before the three-argument form): the
// same objects, but no load schedules are installed, so HPAs stay idle.
ScenarioInfo loadScenario(const std::string &name, ObjectStore &store);

// A large steady cluster for benchmarks: `pods` pods, five per Deployment (ReplicaSet,
// Service each), an HPA on every fifth Deployment, 100 Deployments per namespace, on `nodes`
// nodes (<= 0: one per 100 pods); everything is created directly in its steady state
// (Running, Ready, rollouts complete) so it costs no controller work.
void generateSynthetic(int pods, ObjectStore &store, ControllerManager &controllers, int nodes = 0);
void generateSynthetic(int pods, ObjectStore &store);

} // namespace Orrery::Sim
