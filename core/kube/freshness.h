// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "watchhealth.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Orrery {

// "Can I trust what I see?" for one context, as one answer: the informers' WatchHealth (and
// the session's discovery outcome) summarized into live, syncing, reconnecting, stale since T
// or error, with the words the status bar shows. Computed here so every view (the status bar
// indicator, a future tray icon or presenter window) says the same thing; widgets only draw it.
//
// Invariant: `since` is the newest event for Live and Reconnecting, the oldest last event of
// a stale kind for Stale, invalid otherwise; `reason` is the error worth naming, if any.
struct Freshness
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(Orrery::Freshness)
public:
    enum class State {
        Disconnected, // not connected (grey)
        Syncing,      // initial list in progress (blue)
        Live,         // watches healthy (green), "live · 3 s"
        Reconnecting, // a watch failed, retrying (amber), with the reason
        Stale,        // data older than the stale threshold (red)
        Error,        // cannot load at all (red), with the reason
    };
    Q_ENUM(State)

    State state = State::Disconnected;
    QDateTime since;
    QString reason;

    // A connected session: its informers' health, whether its first full sync finished, and
    // the discovery error if discovery failed. A 403 on one kind (State::Error of one
    // informer) does not make the whole context an error: that kind's table says so.
    static Freshness summarize(const QList<WatchHealth> &health, bool synced,
                               const std::optional<Error> &discoveryError);
    // No session: disconnected, or the error that prevented connecting.
    static Freshness disconnected(const std::optional<Error> &discoveryError = {});

    // Live whose last event or bookmark is older than liveStaleAfterSecs() is Stale. The
    // server sends a bookmark about once a minute, so a live watch that said nothing for three
    // minutes is a dead connection the informer has not noticed yet: never call that live.
    static constexpr int liveStaleAfterSecs() { return 180; }
    bool liveButSilent(const QDateTime &now) const;
    State effectiveState(const QDateTime &now) const;

    // The words: "Live · last update 3 s ago", "STALE · data is 5 min old", "Error: …".
    QString text(const QDateTime &now) const;
    // The longer explanation (a tooltip): the reason, or why silent live data is stale.
    QString explanation(const QDateTime &now) const;
    // "42 s", "3 min", "2 h".
    static QString ageText(qint64 seconds);

    // The warning over a kind's table when that kind's informer is stale; empty when it is
    // not. `plural` is the kind's lower-case plural ("pods").
    static QString staleBanner(const WatchHealth &kindHealth, const QString &plural,
                               const QDateTime &now);
};

} // namespace Orrery
