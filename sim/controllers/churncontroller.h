// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace Orrery::Sim {

// Random pod deletions at ControllerContext::churnPerSecond (sim time) among pods owned by a
// ReplicaSet, so their controllers recreate them: the steady background churn of a large
// cluster, for benchmarks of watch-driven clients.
class ChurnController : public Controller
{
public:
    const char *name() const override { return "churn"; }
    void sync(ControllerContext &ctx) override;

private:
    double m_carry = 0;
};

} // namespace Orrery::Sim
