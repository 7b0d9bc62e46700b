// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace Orrery::Sim {

// garbage-collector-controller, background propagation: an object whose controller owner
// (a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob) no longer exists is
// deleted (pods gracefully). This is what makes `kubectl delete deployment` remove its pods.
class GarbageCollector : public Controller
{
public:
    const char *name() const override { return "garbage-collector"; }
    void sync(ControllerContext &ctx) override;

private:
    // A full scan runs when owners disappeared since the last one, or every 5 s of sim time
    // (owners deleted and recreated in between); otherwise there is nothing to collect.
    std::size_t m_lastOwnerCount = 0;
    double m_lastScan = -1e18;
    // lastChange of the owner and dependant kinds at the end of the last scan.
    std::vector<std::uint64_t> m_scannedInputs;
    // The store's resourceVersion when pods were last looked at (0: never).
    std::uint64_t m_podScanRv = 0;
};

} // namespace Orrery::Sim
