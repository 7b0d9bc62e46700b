// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace Orrery::Sim {

// Lets anyone with write access to a workload set its simulated load through the API:
// the annotation sim.orrery.dev/load-percent: "P" on a Deployment or StatefulSet fixes the
// workload's request load at P % of its reference peak; removing it returns the workload to
// its scheduled load. This is how Orrery (or `kubectl annotate`) drives an HPA demo without a
// private channel into the simulator.
//
// The reference peak is the load profile's peakRps when a scenario gave the workload one;
// otherwise (user-created workloads, steady synthetic profiles) it is the load that would use
// exactly the CPU requested by the workload's replicas when the annotation was set, so that
// 100 % means "running at its requests" and an HPA on CPU reacts above its target.
//
// Invariant: m_applied holds exactly the workloads whose load this controller fixed, with the
// annotation text it applied, so a change is applied once and a removal is noticed.
class LoadAnnotationController : public Controller
{
public:
    static constexpr const char *Annotation = "sim.orrery.dev/load-percent";

    const char *name() const override { return "load-annotation"; }
    void sync(ControllerContext &ctx) override;

private:
    using Key = std::pair<std::string, std::string>; // namespace, workload name
    std::map<Key, std::string> m_applied;
    // lastChange() of Deployments and StatefulSets at the last pass.
    bool m_synced = false;
    std::pair<std::uint64_t, std::uint64_t> m_inputs;
};

} // namespace Orrery::Sim
