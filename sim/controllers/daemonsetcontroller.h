// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace Orrery::Sim {

// daemonset-controller: one pod per Ready node that matches the template's nodeSelector and
// whose NoSchedule taints it tolerates, pinned with required node affinity on metadata.name
// like the real controller; pods stay on nodes that go NotReady; RollingUpdate replaces one
// pod at a time (maxUnavailable 1) when all are ready; ControllerRevisions.
class DaemonSetController : public Controller
{
public:
    const char *name() const override { return "daemonset-controller"; }
    void sync(ControllerContext &ctx) override;
};

} // namespace Orrery::Sim
