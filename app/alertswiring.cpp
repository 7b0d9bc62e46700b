// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertswiring.h"

#include <alertspage.h>
#include <alertspoller.h>
#include <mainwindow.h>
#include <operations/actioncontroller.h>
#include <resourcebrowser.h>
#include <silencedialog.h>
#include <topologypage.h>

#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/resourcestore.h>
#include <monitoring/alertmanagerclient.h>
#include <monitoring/monitoringsource.h>
#include <operations/silenceoperations.h>

#include <QApplication>
#include <QDateTime>

namespace Orrery::App {

AlertsWiring::AlertsWiring(MainWindow &window)
    : QObject(&window)
    , m_window(window)
    , m_page(new AlertsPage)
    , m_poller(new AlertsPoller(this))
{
    window.addCentralPage(QApplication::translate("GuiApplication", "Alerts"), m_page);
    connect(&window, &MainWindow::activeSessionChanged, this,
            [this](ClusterSession *session) { followSession(session); });
    connect(m_poller, &AlertsPoller::updated, this,
            [this](std::shared_ptr<const AlertsState> state) {
                m_page->setState(state);
                m_window.resourceBrowser()->setAlerts(state);
                if (auto *topology = m_window.findChild<TopologyPage *>())
                    topology->setAlerts(state);
            });
    connect(m_page, &AlertsPage::refreshRequested, m_poller, &AlertsPoller::pollNow);
    connect(m_page, &AlertsPage::silenceRequested, this,
            [this](const Alert &alert) { silence(alert); });
    connect(m_page, &AlertsPage::expireRequested, this,
            [this](const QStringList &ids, const Alert &) { expire(ids); });
    connect(m_page, &AlertsPage::objectRequested, this, [this](const QString &key) {
        // "pod/NS/NAME" or "node/NAME"
        const QStringList parts = key.split(QLatin1Char('/'));
        const auto kind = kindFromName(parts.value(0));
        if (!kind || parts.size() < 2)
            return;
        const bool cluster = parts.size() == 2;
        m_window.selectObject(*kind, cluster ? QString() : parts[1],
                              cluster ? parts[1] : parts.mid(2).join(QLatin1Char('/')));
    });
    // The session's MonitoringSource (the context's setting, else discovery) is replaced
    // when the shown session changes; its endpoints change with the settings and Services.
    connect(window.resourceBrowser(), &ResourceBrowser::monitoringSourceChanged, this,
            [this] { followSession(m_window.activeSession()); });
    if (window.activeSession())
        followSession(window.activeSession());
}

AlertsWiring::~AlertsWiring() = default;

void AlertsWiring::setEndpoint(const QString &text, const QStringList &contexts)
{
    if (text == m_endpoint && contexts == m_contexts)
        return;
    m_endpoint = text;
    m_contexts = contexts;
    followSession(m_session);
}

void AlertsWiring::dropClient()
{
    m_poller->stop();
    m_poller->setClient(nullptr);
    m_used = {};
}

void AlertsWiring::followSource(MonitoringSource *source)
{
    if (m_source == source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (!source)
        return;
    connect(source, &MonitoringSource::endpointsChanged, this,
            [this] { followSession(m_session); });
    // Its direct transport goes with it: no poll may reach it after that.
    connect(source, &QObject::destroyed, this, [this] { dropClient(); });
}

void AlertsWiring::followSession(ClusterSession *session)
{
    if (m_session != session) {
        if (m_session)
            disconnect(m_session, &QObject::destroyed, this, nullptr);
        // A session going away takes its transports: no poll may reach them after that.
        if (session)
            connect(session, &QObject::destroyed, this, [this] { dropClient(); });
    }
    m_session = session;
    MonitoringSource *source = m_window.resourceBrowser()->monitoringSource();
    followSource(source && session && source->parent() == session ? source : nullptr);

    // 1. and 2.: the context's setting, else what discovery found (MonitoringSource).
    if (m_source && m_source->alertmanagerTransport()) {
        HttpTransport *transport = m_source->alertmanagerTransport();
        const MonitoringEndpoint &found = m_source->endpoints().alertmanager;
        const AlertmanagerLocation location
            = found.isDirect() ? AlertmanagerLocation::direct() : found.location;
        if (m_poller->client() && m_used.isValid() && m_used == found
            && m_poller->client()->transport() == transport)
            return; // the same Alertmanager: keep polling it
        dropClient();
        delete m_direct;
        m_used = found;
        useClient(session, std::make_unique<AlertmanagerClient>(transport, location));
        return;
    }

    // 3.: --alertmanager, or the demo's.
    dropClient();
    delete m_direct; // the previous direct transport
    const Result<AlertmanagerEndpoint> endpoint = AlertmanagerEndpoint::parse(m_endpoint);
    const bool applies
        = session
          && (m_contexts.isEmpty() || m_contexts.contains(session->connection().contextName));
    if (!applies || !session->transport() || m_endpoint.isEmpty() || !endpoint.ok()) {
        m_poller->start();
        return;
    }
    HttpTransport *transport = session->transport();
    if (endpoint->isDirect()) {
        ClusterConnection c;
        c.server = endpoint->url;
        c.contextName = session->connection().contextName;
        m_direct = new HttpTransport(std::move(c), session); // lives as long as the session
        transport = m_direct;
    }
    useClient(session, std::make_unique<AlertmanagerClient>(transport, endpoint->location));
}

void AlertsWiring::useClient(ClusterSession *session, std::unique_ptr<AlertmanagerClient> client)
{
    // Node addresses let `instance` labels attach to nodes.
    QHash<QString, QStringList> addresses;
    for (const KubeObjectPtr &node : session->store()->objects(Kind::Node)) {
        if (const NodeData *n = node->node())
            addresses.insert(node->name, QStringList{n->internalIP, n->externalIP, n->hostname});
    }
    m_poller->setNodeAddresses(addresses);
    m_poller->setClient(std::move(client));
    m_poller->start();
}

void AlertsWiring::silence(const Alert &alert)
{
    AlertmanagerClient *client = m_poller->client();
    auto *controller = m_window.findChild<ActionController *>(QStringLiteral("actionController"));
    if (!client || !controller)
        return;
    auto *dialog = new SilenceDialog(alert, CreateSilenceOperation::localUser(), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, alert, controller, transport = QPointer(client->transport()),
             location = client->location()] {
                if (!transport)
                    return;
                const QString ns = alert.labels.value(QStringLiteral("namespace"));
                auto *op = new CreateSilenceOperation(
                    transport, location, dialog->silence(QDateTime::currentDateTimeUtc()),
                    alert.name(), ns);
                connect(op, &ClusterOperation::finished, m_poller, &AlertsPoller::pollNow);
                controller->runOperation(op);
            });
    dialog->open();
}

void AlertsWiring::expire(const QStringList &silenceIds)
{
    AlertmanagerClient *client = m_poller->client();
    auto *controller = m_window.findChild<ActionController *>(QStringLiteral("actionController"));
    if (!client || !controller)
        return;
    for (const QString &id : silenceIds) {
        auto *op = new ExpireSilenceOperation(client->transport(), client->location(), id);
        connect(op, &ClusterOperation::finished, m_poller, &AlertsPoller::pollNow);
        controller->runOperation(op);
    }
}

AlertsWiring *installAlertsPage(MainWindow &window)
{
    return new AlertsWiring(window);
}

} // namespace Orrery::App
