// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"
#include "simclock.h"

#include <string>
#include <unordered_map>

namespace Orrery::Sim {

// persistentvolume-binder plus a dynamic provisioner: a Pending claim gets a PV named
// pvc-<claim uid> from its StorageClass (or the default class) about a second later, both
// Bound, with ProvisioningSucceeded. WaitForFirstConsumer classes wait for a scheduled pod
// that uses the claim. Deleting a claim deletes (reclaimPolicy Delete) or releases its PV.
class PvController : public Controller
{
public:
    const char *name() const override { return "persistentvolume-controller"; }
    void sync(ControllerContext &ctx) override;

private:
    std::unordered_map<std::string, SimClock::TimePoint> m_firstSeen; // claim uid
};

} // namespace Orrery::Sim
