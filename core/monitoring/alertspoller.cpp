// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertspoller.h"

#include "kube/httptransport.h"

namespace Orrery {

AlertsPoller::AlertsPoller(HttpTransport *transport, AlertmanagerLocation location, QObject *parent)
    : QObject(parent)
    , m_client(transport, std::move(location))
{
    m_timer.setInterval(30000);
    connect(&m_timer, &QTimer::timeout, this, &AlertsPoller::pollNow);
}

AlertsPoller::~AlertsPoller() = default;

void AlertsPoller::setNodeAddresses(const QHash<QString, QStringList> &addressesByNode)
{
    m_nodeAddresses = addressesByNode;
    m_index.setNodeAddresses(addressesByNode);
}

void AlertsPoller::start()
{
    m_timer.start();
    pollNow();
}

void AlertsPoller::stop()
{
    m_timer.stop();
    ++m_generation;
    m_inFlight = false;
}

void AlertsPoller::pollNow()
{
    if (m_inFlight)
        return;
    m_inFlight = true;
    const quint64 generation = m_generation;
    m_client.alerts(m_filter, this, [this, generation](const Result<QList<Alert>> &alerts) {
        if (generation != m_generation)
            return;
        m_inFlight = false;
        if (!alerts.ok()) {
            m_index = AlertIndex();
            m_index.setNodeAddresses(m_nodeAddresses);
            emit unavailable(AlertsUnavailable::fromError(
                alerts.error(), m_client.location(), m_client.transport()->connection().server));
            return;
        }
        AlertIndex index(*alerts);
        if (!m_nodeAddresses.isEmpty())
            index.setNodeAddresses(m_nodeAddresses);
        m_index = std::move(index);
        emit alertsUpdated(m_index);
    });
}

} // namespace Orrery
