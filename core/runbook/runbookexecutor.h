// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbookstep.h"
#include "util/result.h"

#include <QString>

#include <functional>

namespace Orrery {

struct StepOutcome
{
    bool ok = false;
    QString message; // what happened, shown in the runbook view ("scaled to 5", kubectl's line)
    Error error;     // when !ok
};

// Carries out one cluster step. Implementations: the cluster executor (actions through the
// transport, audited, behind the same confirmations as the UI) and test fakes. `done` is
// called exactly once, from the executor's thread of choice; the runner re-queues onto its
// own thread. Steps an executor cannot do (setLoad outside the demo cluster) fail with
// Error::Code::Unsupported and a message saying so.
class RunbookExecutor
{
public:
    using Done = std::function<void(StepOutcome)>;
    virtual ~RunbookExecutor() = default;
    virtual void execute(const RunbookStep &step, Done done) = 0;
    // Stop the step in progress (a wait or a rollout watch); `done` may still be called.
    virtual void cancel() {}
};

} // namespace Orrery
