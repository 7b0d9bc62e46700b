// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertspoller.h"

#include <kube/httptransport.h>

namespace Orrery {

AlertsPoller::AlertsPoller(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(15000);
    connect(&m_timer, &QTimer::timeout, this, &AlertsPoller::pollNow);
}

AlertsPoller::~AlertsPoller() = default;

void AlertsPoller::setClient(std::unique_ptr<AlertmanagerClient> client)
{
    m_client = std::move(client);
    ++m_generation; // answers of the previous client are dropped
    m_pending = 0;
    if (m_timer.isActive())
        pollNow();
}

void AlertsPoller::setNodeAddresses(const QHash<QString, QStringList> &addresses)
{
    m_nodeAddresses = addresses;
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
    m_pending = 0;
}

void AlertsPoller::pollNow()
{
    if (m_pending > 0)
        return;
    if (!m_client) {
        auto state = std::make_shared<AlertsState>();
        state->unavailable = AlertsUnavailable::notConfigured();
        state->polledAt = QDateTime::currentDateTimeUtc();
        m_state = state;
        emit updated(m_state);
        return;
    }
    m_alerts.reset();
    m_silences.reset();
    m_error.reset();
    m_pending = 2;
    const int generation = m_generation;
    const AlertmanagerLocation location = m_client->location();
    const QString server
        = m_client->transport() ? m_client->transport()->connection().server : QString();
    m_client->alerts(AlertFilter{}, this,
                     [this, generation, location, server](const Result<QList<Alert>> &r) {
                         if (generation != m_generation)
                             return;
                         if (r.ok())
                             m_alerts = r.value();
                         else if (!m_error)
                             m_error = AlertsUnavailable::fromError(r.error(), location, server);
                         finishPoll();
                     });
    m_client->silences(this, [this, generation, location, server](const Result<QList<Silence>> &r) {
        if (generation != m_generation)
            return;
        if (r.ok())
            m_silences = r.value();
        else if (!m_error)
            m_error = AlertsUnavailable::fromError(r.error(), location, server);
        finishPoll();
    });
}

void AlertsPoller::finishPoll()
{
    if (--m_pending > 0)
        return;
    auto state = std::make_shared<AlertsState>();
    state->polledAt = QDateTime::currentDateTimeUtc();
    state->source = m_client ? m_client->baseUrl() : QString();
    if (m_alerts) {
        state->index.setNodeAddresses(m_nodeAddresses);
        state->index.setAlerts(std::move(*m_alerts));
        if (m_silences)
            state->silences = std::move(*m_silences);
    } else {
        state->unavailable = m_error.value_or(AlertsUnavailable::notConfigured());
    }
    m_alerts.reset();
    m_silences.reset();
    m_state = state;
    emit updated(m_state);
}

} // namespace Orrery
