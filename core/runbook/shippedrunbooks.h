// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbookstep.h"

#include <QList>
#include <QString>

namespace Orrery {

// The runbooks Orrery ships for the demo scenarios (resources/runbooks/). Each is pinned to
// the context of its scenario's cluster, which is how the player finds the ones that fit the
// active context.
class ShippedRunbooks
{
public:
    // $ORRERY_RUNBOOK_DIR, else <prefix>/share/orrery/runbooks next to an installed binary,
    // else the source tree's resources/runbooks (development builds, like the simulator's
    // scenarios). Empty when none exists.
    static QString directory();

    // Every shipped runbook that parses, sorted by file name.
    static QList<Runbook> all();
    // Those pinned to `context`.
    static QList<Runbook> forContext(const QString &context);
};

} // namespace Orrery
