// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitoring/hpahistory.h"
#include "monitoring/monitoringdiscovery.h"
#include "monitoring/prometheusclient.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace Orrery {

class ClusterSession;
class HttpTransport;

// The Prometheus and Alertmanager one cluster session uses: the per-context settings when
// set, otherwise what MonitoringDiscovery finds among the session's Services, found again
// whenever the Services change. A Service is reached through the session's transport (the
// API server's service proxy); a URL through a transport of its own, owned here.
//
// It also keeps the session's HPA status history (HpaHistory) from the store's updates.
//
// A child of its session's lifetime: create it with the session as parent (or destroy it
// first); the clients it hands out are valid until endpointsChanged() or its destruction.
class MonitoringSource : public QObject
{
    Q_OBJECT
public:
    explicit MonitoringSource(ClusterSession *session, QObject *parent = nullptr);
    ~MonitoringSource() override;

    // The settings of the session's context (parsed MonitoringTarget values); re-discovers.
    void setSettings(const MonitoringTarget &prometheus, const MonitoringTarget &alertmanager);

    const MonitoringEndpoints &endpoints() const { return m_endpoints; }

    // The client for the Prometheus in use; nullptr when there is none (endpoints() says why).
    const PrometheusClient *prometheus() const { return m_prometheus ? &*m_prometheus : nullptr; }

    // Where Alertmanager answers: the transport to send through (the session's for a Service,
    // a direct one for a URL) and the path prefix of its API on that transport ("" or
    // "/api/v1/namespaces/NS/services/NAME:PORT/proxy"). nullptr when there is none.
    HttpTransport *alertmanagerTransport() const;
    QString alertmanagerPathPrefix() const;

    // The session's HPAs' status over time, recorded from the store's updates (the HPA chart
    // without Prometheus).
    const HpaHistory &hpaHistory() const { return m_hpaHistory; }

signals:
    void endpointsChanged();
    void hpaHistoryChanged();

private:
    void rediscover();
    void recordHpas();
    HttpTransport *transportFor(const MonitoringEndpoint &endpoint,
                                std::unique_ptr<HttpTransport> &direct);

    QPointer<ClusterSession> m_session;
    MonitoringTarget m_prometheusSetting;
    MonitoringTarget m_alertmanagerSetting;
    MonitoringEndpoints m_endpoints;
    bool m_discovered = false;
    std::unique_ptr<HttpTransport> m_prometheusDirect;
    std::unique_ptr<HttpTransport> m_alertmanagerDirect;
    std::optional<PrometheusClient> m_prometheus;
    HpaHistory m_hpaHistory;
};

} // namespace Orrery
