// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitoring/alertindex.h"
#include "monitoring/alertmanagerclient.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace Orrery {

// Reads one Alertmanager's alerts every interval (30 s by default: Prometheus' default
// evaluation interval, far below any `for:`) and hands out an AlertIndex over them, or why
// there is none: what the Alerts page and the badges of the topology, the tables and the
// details pane follow. The request and its decoding run on the transport's worker; the owner's
// thread builds the index. A poll still in flight when the timer fires is not doubled; stop()
// drops the answer still coming. The transport must outlive the poller (make the poller its
// session's child, like MetricsPoller).
class AlertsPoller : public QObject
{
    Q_OBJECT
public:
    AlertsPoller(HttpTransport *transport, AlertmanagerLocation location = {},
                 QObject *parent = nullptr);
    ~AlertsPoller() override;

    const AlertmanagerClient &client() const { return m_client; }
    // What to read: AlertFilter::activeOnly() by default (a silenced alert is no badge);
    // AlertFilter() for every alert, silenced and inhibited ones included.
    void setFilter(const AlertFilter &filter) { m_filter = filter; }
    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }
    // The nodes' addresses, so `instance` labels find their node (AlertIndex); applied to the
    // current index at once.
    void setNodeAddresses(const QHash<QString, QStringList> &addressesByNode);

    // Polls now, then every interval.
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    // Polls now (unless a poll is in flight).
    void pollNow();

    // The last answer's alerts (empty before the first one, and after a failure).
    const AlertIndex &index() const { return m_index; }

signals:
    // After each successful poll.
    void alertsUpdated(const Orrery::AlertIndex &index);
    // After each failed poll: why there are no alerts to show.
    void unavailable(const Orrery::AlertsUnavailable &why);

private:
    AlertmanagerClient m_client;
    AlertFilter m_filter = AlertFilter::activeOnly();
    QHash<QString, QStringList> m_nodeAddresses;
    AlertIndex m_index;
    QTimer m_timer;
    // Answers of polls started before the last stop() are dropped.
    quint64 m_generation = 0;
    bool m_inFlight = false;
};

} // namespace Orrery
