// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

// The defaulting kube-apiserver applies on every write of the built-in kinds (SetDefaults_*
// in pkg/apis/*/v1/defaults.go), for the fields kubectl and the controllers read: deployment
// strategy 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600, pod template
// defaults, service types and protocols, namespace phase. Stateful defaults (cluster IPs,
// node ports, Job selectors) are the server's business.
class Defaulter
{
public:
    static void apply(const std::string &kind, nlohmann::json &object);
    static void applyPodSpec(nlohmann::json &spec, bool isTemplate);
};

} // namespace Orrery::Sim
