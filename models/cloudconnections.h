// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionmanager.h"

#include <cloud/cloudaccounts.h>

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace Orrery {

// Clusters connected from the Clouds page, in memory (docs/clouds.md): the account's
// ClusterConnection (its token made by Orrery) becomes a context of the SessionManager, and
// nothing is written to a kubeconfig. Installs the sessions' factory: a context connected here
// is made from its connection, every other one by `base` (the kubeconfig's).
class CloudConnections : public QObject
{
    Q_OBJECT
public:
    CloudConnections(CloudAccounts *accounts, SessionManager *sessions,
                     SessionManager::Factory base, QObject *parent = nullptr);

    // "NAME (ACCOUNT)": the context a cloud cluster is shown under.
    static QString contextName(const CloudResource &cluster, const QString &accountName);
    bool contains(const QString &context) const { return m_connections->contains(context); }

    // Asks the cluster's account for a connection, makes it a context and the active one;
    // `onDone` gets the context, or why it could not connect. A cluster already connected is
    // made active again.
    void connectCluster(const CloudResource &cluster,
                        std::function<void(const Result<QString> &)> onDone);

private:
    CloudAccounts *m_accounts;
    SessionManager *m_sessions;
    std::shared_ptr<QHash<QString, ClusterConnection>> m_connections;
};

} // namespace Orrery
