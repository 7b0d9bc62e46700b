// SPDX-License-Identifier: GPL-3.0-or-later
#include "freshness.h"

namespace Orrery {

Freshness Freshness::disconnected(const std::optional<Error> &discoveryError)
{
    Freshness f;
    if (discoveryError) {
        f.state = State::Error;
        f.reason = discoveryError->message;
    }
    return f;
}

Freshness Freshness::summarize(const QList<WatchHealth> &health, bool synced,
                               const std::optional<Error> &discoveryError)
{
    Freshness f;
    if (discoveryError && !synced) {
        f.state = State::Error;
        f.reason = discoveryError->message;
        return f;
    }
    bool syncing = health.isEmpty();
    bool reconnecting = false;
    bool stale = false;
    QString reason;
    QDateTime newest;
    QDateTime oldestStale;
    for (const WatchHealth &h : health) {
        switch (h.state) {
        case WatchHealth::State::Syncing: syncing = true; break;
        case WatchHealth::State::Stale:
            stale = true;
            if (h.lastEventTime.isValid()
                && (!oldestStale.isValid() || h.lastEventTime < oldestStale))
                oldestStale = h.lastEventTime;
            if (h.lastError)
                reason = h.lastError->message;
            break;
        case WatchHealth::State::Reconnecting:
            reconnecting = true;
            if (h.lastError && reason.isEmpty())
                reason = h.lastError->message;
            break;
        case WatchHealth::State::Live:
        case WatchHealth::State::Error: // a 403 for one kind is shown on that kind's table
            break;
        }
        if (h.lastEventTime.isValid() && (!newest.isValid() || h.lastEventTime > newest))
            newest = h.lastEventTime;
    }
    if (stale) {
        f.state = State::Stale;
        f.since = oldestStale;
        f.reason = reason;
    } else if (reconnecting) {
        f.state = State::Reconnecting;
        f.since = newest;
        f.reason = reason;
    } else if (syncing && !synced) {
        f.state = State::Syncing;
    } else {
        f.state = State::Live;
        f.since = newest;
    }
    return f;
}

bool Freshness::liveButSilent(const QDateTime &now) const
{
    return state == State::Live && since.isValid() && since.secsTo(now) > liveStaleAfterSecs();
}

Freshness::State Freshness::effectiveState(const QDateTime &now) const
{
    return liveButSilent(now) ? State::Stale : state;
}

QString Freshness::ageText(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 120)
        return tr("%n s", nullptr, static_cast<int>(seconds));
    if (seconds < 7200)
        return tr("%n min", nullptr, static_cast<int>(seconds / 60));
    return tr("%n h", nullptr, static_cast<int>(seconds / 3600));
}

QString Freshness::text(const QDateTime &now) const
{
    const qint64 age = since.isValid() ? since.secsTo(now) : -1;
    switch (effectiveState(now)) {
    case State::Disconnected: return tr("Not connected");
    case State::Syncing: return tr("Loading…");
    case State::Live:
        return age >= 0 ? tr("Live · last update %1 ago").arg(ageText(age)) : tr("Live");
    case State::Reconnecting:
        return reason.isEmpty() ? tr("Reconnecting…") : tr("Reconnecting: %1").arg(reason);
    case State::Stale:
        return age >= 0 ? tr("STALE · data is %1 old").arg(ageText(age)) : tr("STALE");
    case State::Error: return reason.isEmpty() ? tr("Error") : tr("Error: %1").arg(reason);
    }
    return {};
}

QString Freshness::explanation(const QDateTime &now) const
{
    if (liveButSilent(now))
        return tr("The watches look open but nothing arrived for over %n minute(s); the "
                  "connection is probably dead. Orrery reconnects by itself; Ctrl+R reconnects "
                  "now.",
                  nullptr, liveStaleAfterSecs() / 60);
    return reason.isEmpty() ? text(now) : reason;
}

QString Freshness::staleBanner(const WatchHealth &kindHealth, const QString &plural,
                               const QDateTime &now)
{
    if (kindHealth.state != WatchHealth::State::Stale)
        return {};
    const qint64 age
        = kindHealth.lastEventTime.isValid() ? kindHealth.lastEventTime.secsTo(now) : -1;
    QString text = age >= 0
                       ? tr("⚠ These %1 may be out of date: no update for %n s.", nullptr, int(age))
                             .arg(plural)
                       : tr("⚠ These %1 may be out of date.").arg(plural);
    if (kindHealth.lastError)
        text += QLatin1Char(' ') + tr("Reconnecting: %1").arg(kindHealth.lastError->message);
    return text;
}

} // namespace Orrery
