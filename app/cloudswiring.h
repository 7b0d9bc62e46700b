// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cloud/cloudaccounts.h>
#include <sessionmanager.h>

#include <QObject>

namespace Orrery {
class AuditLog;
class CloudConnections;
class CloudsPage;
class CloudTreeModel;
class MainWindow;
} // namespace Orrery

namespace Orrery::App {

// The Clouds page and what its buttons do (docs/clouds.md, "In the window"): one registry of
// accounts (every provider's factory), the tree model refreshing in the background, Connect
// (the account's in-memory ClusterConnection becomes a context of the SessionManager, no
// kubeconfig written) and Add to kubeconfig (the AddToKubeconfig operation: preview of the
// file's diff, confirmation, audited write with a backup, report).
class CloudsWiring : public QObject
{
    Q_OBJECT
public:
    CloudsWiring(MainWindow &window, SessionManager &sessions, SessionManager::Factory base,
                 AuditLog *audit);

    // Drops the accounts and builds them from `environment` (the user's, or the demo's).
    void setEnvironment(const CloudEnvironment &environment);

    CloudAccounts *accounts() const { return m_accounts; }
    CloudTreeModel *model() const { return m_model; }
    CloudsPage *page() const { return m_page; }
    void connectCluster(const CloudResource &cluster);
    void addToKubeconfig(const CloudResource &cluster);

private:
    MainWindow &m_window;
    AuditLog *m_audit;
    CloudAccounts *m_accounts;
    CloudTreeModel *m_model;
    CloudsPage *m_page;
    CloudConnections *m_connections; // the in-memory contexts, in the sessions' factory
    bool m_autoConnected = false;    // ORRERY_CONNECT_CLOUD was acted on
};

// Adds the "Clouds" page to the window's navigator and wraps the sessions' factory so that
// contexts connected from it need no kubeconfig.
CloudsWiring *installCloudsPage(MainWindow &window, SessionManager &sessions,
                                SessionManager::Factory base, AuditLog *audit);

} // namespace Orrery::App
