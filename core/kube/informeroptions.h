// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/limits.h"

namespace Orrery {

// Tunables of the informers; the defaults follow client-go's reflector. Tests shrink the
// times so that fault scenarios finish quickly.
struct InformerOptions
{
    int pageSize = 500;         // list limit
    int initialBackoffMs = 800; // first retry delay, doubled per failure
    int maxBackoffMs = 30000;
    double backoffJitter = 0.5;   // delay × (1 + jitter × random[0,1))
    int healthyResetMs = 120000;  // a watch alive this long resets the backoff
    int minWatchTimeoutSec = 300; // watch timeoutSeconds is random in [min, max]
    int maxWatchTimeoutSec = 600;
    // No event or bookmark for this long: the connection is treated as dead. Servers send a
    // bookmark about every minute when asked to, so this stays well above that.
    int watchIdleTimeoutMs = 150000;
    int requestTimeoutMs = 60000; // per list page
    int staleAfterFailures = 3;   // Reconnecting becomes Stale after this many failures
    int staleAfterMs = 30000;     // ... or after this long without a live watch
    // The largest list page accepted (Limits::maxResponseBodyBytes; tests lower it). A page
    // beyond it stops the informer with Error::Code::TooLarge instead of retrying: the same
    // list would fail the same way.
    qint64 maxListPageBytes = Limits::maxResponseBodyBytes;
};

} // namespace Orrery
