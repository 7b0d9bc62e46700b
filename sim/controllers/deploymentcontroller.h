// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"
#include "simclock.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

namespace Orrery::Sim {

// deployment-controller (pkg/controller/deployment), rolling and recreate strategies: the
// ReplicaSet whose template equals the Deployment's (ignoring pod-template-hash) is the new
// one, created as <name>-<pod-template-hash> when missing; revision = max(old) + 1, and an
// adopted older ReplicaSet (rollback) gets max + 1 with its old number appended to
// deployment.kubernetes.io/revision-history. Scaling follows maxSurge (rounded up) and
// maxUnavailable (rounded down, 1 when both are 0). Conditions Progressing/Available with the
// real reasons, ProgressDeadlineExceeded after progressDeadlineSeconds without progress,
// revisionHistoryLimit cleanup, paused.
class DeploymentController : public Controller
{
public:
    const char *name() const override { return "deployment-controller"; }
    void sync(ControllerContext &ctx) override;

private:
    std::unordered_map<std::string, SimClock::TimePoint> m_lastProgress; // deployment uid
    // Deployment uid → fingerprint (its and its ReplicaSets' resourceVersions) of the last
    // pass that found a complete rollout with nothing to write; such deployments are skipped.
    std::unordered_map<std::string, std::size_t> m_steady;
    // Every deployment was steady at the end of the last pass, with these lastChange()s of
    // Deployments and ReplicaSets.
    bool m_allSteady = false;
    std::pair<std::uint64_t, std::uint64_t> m_steadyInputs;
};

} // namespace Orrery::Sim
