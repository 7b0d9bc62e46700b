// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plannedwrite.h"

#include <QString>

namespace Orrery {

// What `kubectl rollout undo` would do: either nothing (the template already matches the
// revision; kubectl prints "skipped rollback (...)" and succeeds) or one patch.
struct RollbackPlan
{
    bool skipped = false;
    qint64 toRevision = 0; // the revision actually chosen (resolved when 0 was asked)
    QString message;       // kubectl's line: "rolled back" or "skipped rollback (...)"
    PlannedWrite write;    // valid when !skipped
};

} // namespace Orrery
