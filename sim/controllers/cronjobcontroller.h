// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"
#include "simclock.h"

#include <string>
#include <unordered_map>

namespace Orrery::Sim {

// cronjob-controller (v2): at each scheduled minute of sim time creates the Job
// <name>-<scheduled unix minutes> from jobTemplate (only the most recent missed schedule after
// a jump), honours suspend and concurrencyPolicy (Allow/Forbid/Replace), tracks status.active,
// lastScheduleTime and lastSuccessfulTime, reports SuccessfulCreate / SawCompletedJob /
// SuccessfulDelete, and keeps successfulJobsHistoryLimit (3) / failedJobsHistoryLimit (1).
class CronJobController : public Controller
{
public:
    const char *name() const override { return "cronjob-controller"; }
    void sync(ControllerContext &ctx) override;

private:
    std::unordered_map<std::string, SimClock::TimePoint> m_lastChecked; // cronjob uid
};

} // namespace Orrery::Sim
