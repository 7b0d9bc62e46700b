// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace Orrery::Sim {

// garbage-collector-controller, background propagation: an object whose controller owner
// (a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob) no longer exists is
// deleted (pods gracefully). This is what makes `kubectl delete deployment` remove its pods.
class GarbageCollector : public Controller
{
public:
    const char *name() const override { return "garbage-collector"; }
    void sync(ControllerContext &ctx) override;
};

} // namespace Orrery::Sim
