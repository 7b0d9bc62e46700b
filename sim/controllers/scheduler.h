// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace Orrery::Sim {

// kube-scheduler, reduced to what changes outcomes: Ready and schedulable nodes,
// nodeSelector, required node affinity (labels and metadata.name fields), NoSchedule taints
// without tolerations, the pod limit, and CPU/memory requests against allocatable. Picks the
// least requested node. Unschedulable pods stay Pending with PodScheduled=False/Unschedulable
// and a FailedScheduling event (re-reported at most every 30 s of sim time).
class Scheduler : public Controller
{
public:
    const char *name() const override { return "scheduler"; }
    void sync(ControllerContext &ctx) override;

private:
    std::map<std::string, double> m_lastReport; // pod uid -> sim seconds
    // lastChange of pods and nodes when a pass last found nothing to place.
    std::pair<std::uint64_t, std::uint64_t> m_idleInputs{~0ULL, ~0ULL};
};

} // namespace Orrery::Sim
