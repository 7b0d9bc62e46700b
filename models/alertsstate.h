// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <monitoring/alert.h>
#include <monitoring/alertindex.h>
#include <monitoring/alertmanagerclient.h>

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Orrery {

// One poll of Alertmanager as the window shows it: every alert (firing, silenced, inhibited)
// attached to objects, the silences, or why there are none. Shared read-only like
// MetricsSnapshot.
struct AlertsState
{
    AlertIndex index;
    QList<Silence> silences;
    std::optional<AlertsUnavailable> unavailable; // set: no alerts could be read, and why
    QString source;                               // the Alertmanager asked (its base URL)
    QDateTime polledAt;

    // The firing (not silenced or inhibited) alerts attached to `key` ("pod/NS/NAME"), and
    // their count by severity (the badges of the tables, the details pane and the topology).
    QList<Alert> firingFor(const QString &key) const;
    AlertCounts firingCounts(const QString &key) const;
    static bool isFiring(const Alert &alert);
    // The silences still muting something (active or pending), by id.
    const Silence *silence(const QString &id) const;
};

} // namespace Orrery
