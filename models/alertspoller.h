// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alertsstate.h"

#include <monitoring/alertmanagerclient.h>

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace Orrery {

// Reads Alertmanager's alerts and silences every `interval` (15 s by default) for the shown
// context. The requests and the JSON decoding run on the transport's worker
// (AlertmanagerClient); this object (GUI thread) only receives values and builds the
// AlertIndex from them. A poll in flight is never doubled; setClient() and stop() drop
// answers still coming. Without a client, updated() carries AlertsUnavailable::notConfigured.
class AlertsPoller : public QObject
{
    Q_OBJECT

public:
    explicit AlertsPoller(QObject *parent = nullptr);
    ~AlertsPoller() override;

    // The Alertmanager of the shown context (null: none known); polls at once when running.
    void setClient(std::unique_ptr<AlertmanagerClient> client);
    AlertmanagerClient *client() const { return m_client.get(); }
    // Node name → its addresses, so `instance` labels attach to nodes (AlertIndex).
    void setNodeAddresses(const QHash<QString, QStringList> &addresses);

    void setInterval(int ms) { m_timer.setInterval(ms); }
    void start();
    void stop();
    void pollNow();
    bool isPolling() const { return m_pending > 0; }

    std::shared_ptr<const AlertsState> state() const { return m_state; }

signals:
    void updated(std::shared_ptr<const Orrery::AlertsState> state);

private:
    void finishPoll();

    std::unique_ptr<AlertmanagerClient> m_client;
    QHash<QString, QStringList> m_nodeAddresses;
    QTimer m_timer;
    int m_generation = 0;
    int m_pending = 0;
    std::optional<QList<Alert>> m_alerts;
    std::optional<QList<Silence>> m_silences;
    std::optional<AlertsUnavailable> m_error;
    std::shared_ptr<const AlertsState> m_state;
};

} // namespace Orrery
