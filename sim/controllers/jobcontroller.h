// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace Orrery::Sim {

// job-controller: keeps min(parallelism, completions - succeeded) pods active until
// `completions` pods succeeded (conditions SuccessCriteriaMet and Complete, completionTime,
// event Completed) or more than backoffLimit failed (Failed / BackoffLimitExceeded). Pods are
// labelled batch.kubernetes.io/job-name and controller-uid like the real ones.
class JobController : public Controller
{
public:
    const char *name() const override { return "job-controller"; }
    void sync(ControllerContext &ctx) override;
};

} // namespace Orrery::Sim
