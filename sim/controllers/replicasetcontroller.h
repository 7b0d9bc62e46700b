// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

namespace Orrery::Sim {

// replicaset-controller: keeps spec.replicas active pods (named <rs>-<5 chars>, controlled by
// the ReplicaSet), deleting the least useful first (unscheduled, pending, not ready, most
// restarts, newest), and reports replicas/fullyLabeled/ready/available/observedGeneration.
// At most 500 creations per pass (the real controller's slow-start batch ceiling).
class ReplicaSetController : public Controller
{
public:
    const char *name() const override { return "replicaset-controller"; }
    void sync(ControllerContext &ctx) override;

private:
    // ReplicaSet uid → fingerprint (its and its pods' resourceVersions) of the last pass that
    // found nothing to do; unchanged steady ReplicaSets are skipped.
    std::unordered_map<std::string, std::size_t> m_steady;
    // lastChange of ReplicaSets and pods at the end of the last complete pass.
    std::pair<std::uint64_t, std::uint64_t> m_doneInputs{};
    // The store's resourceVersion at the end of the last complete pass (0: none yet).
    std::uint64_t m_doneRv = 0;
};

} // namespace Orrery::Sim
