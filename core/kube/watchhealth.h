// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubekind.h"
#include "util/result.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Orrery {

// The health of one informer (one kind, in one namespace or all of them).
//
// Syncing:      the first full list is in progress; the store holds the pages that arrived so
//               far (ResourceStore::listProgress) and has not synced the kind yet.
// Live:         listed, and a watch is open (or being reopened after a clean server close).
// Reconnecting: the watch or list failed (dropped, 5xx, 429, silent stream); retrying with
//               backoff. Data is at most a few seconds old.
// Stale:        still reconnecting after several attempts or for more than 30 s; the data may
//               be out of date and the UI should say so.
// Error:        the server refused (403 Forbidden, 404 kind not served, 401 after a retry).
//               `lastError` says why; the informer keeps retrying slowly. Or a list page was
//               larger than the body limit (Error::Code::TooLarge): no retry until a resync.
struct WatchHealth
{
    enum class State : quint8 { Syncing, Live, Reconnecting, Stale, Error };

    Kind kind = Kind::Pod;
    QString namespaceName; // empty: all namespaces
    State state = State::Syncing;
    QString resourceVersion;
    QDateTime lastEventTime; // last watch event or bookmark (or list) received
    QDateTime lastSyncTime;  // last completed full list
    std::optional<Error> lastError;
    int objectCount = 0;     // after the last list (the store holds the live count)
    int relistCount = 0;     // full lists after the first
    int reconnectCount = 0;  // watch re-opens after a failure
    qint64 lastListMs = 0;   // wall time of the last full list, all pages
    qint64 lastDecodeMs = 0; // of which JSON parsing and decoding (worker thread)
    QString apiVersion;      // the group/version in use, "apps/v1"

    bool isSynced() const { return state == State::Live || lastSyncTime.isValid(); }
    static QString stateName(State s); // "Syncing", "Live", ... (not translated; for logs)
};

} // namespace Orrery

Q_DECLARE_METATYPE(Orrery::WatchHealth)
