// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"
#include "simclock.h"

#include <string>
#include <utility>
#include <vector>

namespace Orrery::Sim {

// Random pod deletions at ControllerContext::churnPerSecond (sim time) among pods owned by a
// ReplicaSet, so their controllers recreate them: the steady background churn of a large
// cluster, for benchmarks of watch-driven clients. The annotation
// sim.orrery.dev/churn-per-second on the kube-system namespace overrides the rate at run time.
class ChurnController : public Controller
{
public:
    const char *name() const override { return "churn"; }
    void sync(ControllerContext &ctx) override;

private:
    double m_carry = 0;
    std::vector<std::pair<std::string, std::string>> m_keys; // pods not yet picked
    SimClock::TimePoint m_keysTaken{};
};

} // namespace Orrery::Sim
