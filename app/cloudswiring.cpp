// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudswiring.h"

#include "apptopologywiring.h"

#include <cloudconnections.h>
#include <cloudspage.h>
#include <cloudtreemodel.h>
#include <mainwindow.h>
#include <operations/addtokubeconfig.h>

#include <QApplication>
#include <QDir>

namespace Orrery::App {

CloudsWiring::CloudsWiring(MainWindow &window, SessionManager &sessions,
                           SessionManager::Factory base, AuditLog *audit)
    : QObject(&window)
    , m_window(window)
    , m_audit(audit)
    , m_accounts(new CloudAccounts(this))
{
    setObjectName(QStringLiteral("cloudsWiring"));
    m_accounts->addBuiltinFactories();
    m_model = new CloudTreeModel(m_accounts, this);
    m_page = new CloudsPage(m_model);
    window.addCentralPage(QApplication::translate("GuiApplication", "Clouds"), m_page);
    // A context connected from the Clouds page is a connection held in memory; every other
    // one comes from the kubeconfig as before.
    m_connections = new CloudConnections(m_accounts, &sessions, std::move(base), this);
    connect(m_page, &CloudsPage::connectRequested, this, &CloudsWiring::connectCluster);
    connect(m_page, &CloudsPage::addToKubeconfigRequested, this, &CloudsWiring::addToKubeconfig);
    connect(m_page, &CloudsPage::refreshRequested, m_accounts, &CloudAccounts::refresh);
    // Connected clusters are contexts of the sidebar's tree too, under their account.
    m_connections->setContextTree(window.contextModel());
    // ORRERY_CONNECT_CLOUD=NAME-OR-REF (screenshots, demos): connect that cluster once the
    // accounts have been refreshed, as its Connect button would.
    const QString autoConnect = qEnvironmentVariable("ORRERY_CONNECT_CLOUD");
    if (!autoConnect.isEmpty())
        connect(m_accounts, &CloudAccounts::refreshFinished, this, [this, autoConnect] {
            if (m_autoConnected)
                return;
            if (const auto cluster = m_accounts->findResource(autoConnect)) {
                m_autoConnected = true;
                connectCluster(*cluster);
            }
        });
}

void CloudsWiring::setEnvironment(const CloudEnvironment &environment)
{
    m_accounts->load(environment);
    if (m_accounts->accounts().isEmpty())
        m_page->setMessage(tr("No cloud credentials found. Orrery reads what the providers' "
                              "CLIs read (~/.aws, az login, gcloud, FLY_API_TOKEN, "
                              "RAILWAY_TOKEN): see docs/clouds.md."));
}

void CloudsWiring::connectCluster(const CloudResource &cluster)
{
    // A PaaS app has no cluster to connect to: it opens as its own topology.
    if (cluster.kind == CloudResource::Kind::App) {
        showCloudApp(m_window, m_accounts->account(cluster.accountId), cluster);
        return;
    }
    m_page->setMessage(tr("Connecting to %1…").arg(cluster.name));
    m_connections->connectCluster(cluster, [this, cluster](const Result<QString> &context) {
        if (!context) {
            m_page->setMessage(
                tr("Could not connect to %1: %2").arg(cluster.name, context.error().toString()),
                true);
            return;
        }
        m_page->setMessage(tr("Connected to %1 with a token Orrery made in memory; the "
                              "kubeconfig was not touched.")
                               .arg(cluster.name));
        m_window.showCentralPage(m_window.overviewPageTitle());
    });
}

void CloudsWiring::addToKubeconfig(const CloudResource &cluster)
{
    CloudAccount *account = m_accounts->account(cluster.accountId);
    if (!account)
        return;
    const auto entry = account->kubeconfigEntry(cluster);
    if (!entry) {
        m_page->setMessage(entry.error().toString(), true);
        return;
    }
    auto *op = new AddToKubeconfig(entry.value(), QString(), m_audit, this);
    op->prepare([this, op](const Result<void> &prepared) {
        if (!prepared) {
            m_page->setMessage(tr("Cannot add to kubeconfig: %1").arg(prepared.error().toString()),
                               true);
            op->deleteLater();
            return;
        }
        if (const QString nothing = op->nothingToDo(); !nothing.isEmpty()) {
            m_page->setMessage(nothing);
            op->deleteLater();
            return;
        }
        if (!CloudsPage::confirmAddToKubeconfig(&m_window, op->title(), op->summary(),
                                                op->warnings(), op->diff())) {
            op->deleteLater();
            return;
        }
        op->run([this, op](const AddToKubeconfig::Report &report) {
            if (report.ok)
                m_page->setMessage(report.lines.join(QLatin1Char(' ')));
            else
                m_page->setMessage(report.explanation, true);
            op->deleteLater();
        });
    });
}

CloudsWiring *installCloudsPage(MainWindow &window, SessionManager &sessions,
                                SessionManager::Factory base, AuditLog *audit)
{
    return new CloudsWiring(window, sessions, std::move(base), audit);
}

} // namespace Orrery::App
