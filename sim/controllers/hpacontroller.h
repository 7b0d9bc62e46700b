// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"
#include "simclock.h"

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace Orrery::Sim {

// horizontal-pod-autoscaler (autoscaling/v2), following pkg/controller/podautoscaler: every
// 15 s of sim time per HPA, for each Resource/ContainerResource metric (Utilization or
// AverageValue) the replica calculator with tolerance 0.1, Pending/unready pods (CPU) and
// missing metrics rebalanced as upstream; the maximum proposal wins; then the scale-up and
// scale-down stabilization windows and rate policies (defaults when behavior is unset) and the
// min/max clamp; the target's spec.replicas is written and SuccessfulRescale reported.
// Conditions AbleToScale, ScalingActive, ScalingLimited; status currentMetrics,
// currentReplicas, desiredReplicas, lastScaleTime.
class HpaController : public Controller
{
public:
    const char *name() const override { return "horizontal-pod-autoscaler"; }
    void sync(ControllerContext &ctx) override;

private:
    struct Recommendation
    {
        SimClock::TimePoint time;
        int replicas;
    };
    struct ScaleEvent
    {
        SimClock::TimePoint time;
        int change;
    };
    struct State
    {
        bool synced = false;
        SimClock::TimePoint lastSync;
        std::deque<Recommendation> recommendations;
        std::vector<ScaleEvent> scaleUps, scaleDowns;
    };
    std::unordered_map<std::string, State> m_state;
};

} // namespace Orrery::Sim
