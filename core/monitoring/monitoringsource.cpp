// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitoringsource.h"

#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/resourcestore.h"

#include <QDateTime>

namespace Orrery {

MonitoringSource::MonitoringSource(ClusterSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    if (session) {
        connect(session->store(), &ResourceStore::changed, this, [this](const ChangeBatch &batch) {
            if (batch.contains(Kind::Service))
                rediscover();
            if (batch.contains(Kind::HorizontalPodAutoscaler))
                recordHpas();
        });
    }
    rediscover();
    recordHpas();
}

void MonitoringSource::recordHpas()
{
    if (!m_session || !m_session->store())
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const KubeObjectPtr &hpa : m_session->store()->objects(Kind::HorizontalPodAutoscaler))
        m_hpaHistory.record(*hpa, now);
    emit hpaHistoryChanged();
}

MonitoringSource::~MonitoringSource() = default;

void MonitoringSource::setSettings(const MonitoringTarget &prometheus,
                                   const MonitoringTarget &alertmanager)
{
    if (prometheus == m_prometheusSetting && alertmanager == m_alertmanagerSetting)
        return;
    m_prometheusSetting = prometheus;
    m_alertmanagerSetting = alertmanager;
    rediscover();
}

HttpTransport *MonitoringSource::transportFor(const MonitoringEndpoint &endpoint,
                                              std::unique_ptr<HttpTransport> &direct)
{
    if (!endpoint.isValid())
        return nullptr;
    if (!endpoint.isDirect())
        return m_session ? m_session->transport() : nullptr;
    const QString server = endpoint.url.toString(QUrl::StripTrailingSlash);
    if (!direct || direct->connection().server != server) {
        ClusterConnection c;
        c.contextName = m_session ? m_session->connection().contextName : QString();
        c.server = server;
        direct = std::make_unique<HttpTransport>(c);
    }
    return direct.get();
}

void MonitoringSource::rediscover()
{
    QList<KubeObjectPtr> services;
    bool listed = false;
    if (m_session && m_session->store()) {
        services = m_session->store()->objects(Kind::Service);
        listed = m_session->store()->hasSynced(Kind::Service) || !services.isEmpty();
    }
    MonitoringEndpoints found = MonitoringDiscovery::discover(services, listed, m_prometheusSetting,
                                                              m_alertmanagerSetting);
    const bool same = m_discovered && found.prometheus == m_endpoints.prometheus
                      && found.alertmanager == m_endpoints.alertmanager;
    const bool sentenceSame = same && found.prometheusSentence() == m_endpoints.prometheusSentence()
                              && found.alertmanagerSentence() == m_endpoints.alertmanagerSentence();
    m_endpoints = std::move(found);
    m_discovered = true;
    if (sentenceSame)
        return;
    if (!same) {
        m_prometheus.reset();
        if (HttpTransport *t = transportFor(m_endpoints.prometheus, m_prometheusDirect)) {
            m_prometheus.emplace(t, m_endpoints.prometheus.isDirect()
                                        ? PrometheusLocation::direct()
                                        : m_endpoints.prometheus.location);
        }
        if (!m_endpoints.prometheus.isDirect())
            m_prometheusDirect.reset();
        transportFor(m_endpoints.alertmanager, m_alertmanagerDirect);
        if (!m_endpoints.alertmanager.isDirect())
            m_alertmanagerDirect.reset();
    }
    emit endpointsChanged();
}

HttpTransport *MonitoringSource::alertmanagerTransport() const
{
    if (!m_endpoints.alertmanager.isValid())
        return nullptr;
    if (m_endpoints.alertmanager.isDirect())
        return m_alertmanagerDirect.get();
    return m_session ? m_session->transport() : nullptr;
}

QString MonitoringSource::alertmanagerPathPrefix() const
{
    if (!m_endpoints.alertmanager.isValid() || m_endpoints.alertmanager.isDirect())
        return {};
    return m_endpoints.alertmanager.location.pathPrefix();
}

} // namespace Orrery
