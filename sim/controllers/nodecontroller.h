// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

// The node side of the cluster: completes nodes created without a status (capacity,
// allocatable, conditions, addresses, nodeInfo with the cluster's kubeletVersion) and applies
// readiness changes (Ready condition and the unreachable taints, as the node lifecycle
// controller does).
class NodeController : public Controller
{
public:
    const char *name() const override { return "node-lifecycle-controller"; }
    void sync(ControllerContext &ctx) override;

    // A complete Ready node as kubeadm/managed clusters show them. index picks its IPs.
    static nlohmann::json makeNode(const std::string &name, const std::string &cpu,
                                   const std::string &memory, const nlohmann::json &labels,
                                   const std::string &kubeletVersion, int index,
                                   const std::string &now);
    static nlohmann::json withReadiness(nlohmann::json node, bool ready, const std::string &now);
};

} // namespace Orrery::Sim
