// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <monitoring/monitoringdiscovery.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

namespace Orrery {
struct Alert;
class AlertmanagerClient;
class AlertsPage;
class AlertsPoller;
class ClusterSession;
class HttpTransport;
class MainWindow;
class MonitoringSource;
} // namespace Orrery

namespace Orrery::App {

// The "Alerts" page and the alert badges (alertswiring.cpp): one AlertsPoller follows the
// window's active session and reads, for that context, the Alertmanager of its monitoring
// setting (ContextPreferences), else the one its MonitoringSource discovers among the
// Services (through the API server's service proxy), else the one named by setEndpoint() (an
// http(s) URL, reached on a transport of its own, or service/NS/NAME[:PORT] through the
// session's API server); its answers go to the page, the table and details pane
// (ResourceBrowser) and the topology. The page's "Silence…" and "Expire silence" run
// CreateSilenceOperation and ExpireSilenceOperation through the window's ActionController
// (confirmation, audit, undo).
class AlertsWiring : public QObject
{
    Q_OBJECT
public:
    explicit AlertsWiring(MainWindow &window);
    ~AlertsWiring() override;

    // The Alertmanager to read, as AlertmanagerEndpoint::parse reads it, for the contexts
    // named (none: every context) that have no Alertmanager of their own (setting or
    // discovered); empty text or another context: none known (the page then says so).
    void setEndpoint(const QString &text, const QStringList &contexts = {});
    AlertsPage *page() const { return m_page; }
    AlertsPoller *poller() const { return m_poller; }

private:
    void followSession(ClusterSession *session);
    void followSource(MonitoringSource *source);
    void dropClient();
    void useClient(ClusterSession *session, std::unique_ptr<AlertmanagerClient> client);
    void silence(const Alert &alert);
    void expire(const QStringList &silenceIds);

    MainWindow &m_window;
    AlertsPage *m_page;
    AlertsPoller *m_poller;
    QString m_endpoint;
    QStringList m_contexts;
    QPointer<ClusterSession> m_session;
    QPointer<MonitoringSource> m_source; // the session's, from the ResourceBrowser
    MonitoringEndpoint m_used;           // the source's Alertmanager being polled (if any)
    QPointer<HttpTransport> m_direct;    // a child of the session: the transport of a direct URL
};

// Creates the wiring (a child of the window) and adds the page to the navigator.
AlertsWiring *installAlertsPage(MainWindow &window);

} // namespace Orrery::App
