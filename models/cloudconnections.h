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
//
// contextAdded() announces a connected cluster (for the sidebar's context tree, before it
// becomes the active context); once its context is disconnected (no session left after the
// disconnect: a reconnect keeps it) the connection is forgotten and contextRemoved() says so.
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
    // The connected contexts, with the account each comes from (its display name).
    QStringList contexts() const { return m_connections->keys(); }
    QString origin(const QString &context) const { return m_origins.value(context); }
    // The tree entry of a connected context (ContextTreeModel::addCloudContext).
    ContextTreeModel::Entry entry(const QString &context) const;
    // Keeps `tree` (the sidebar's) showing the connected contexts under their accounts: those
    // connected already, then every contextAdded / contextRemoved.
    void setContextTree(ContextTreeModel *tree);

signals:
    void contextAdded(const QString &context);
    void contextRemoved(const QString &context);

private:
    CloudAccounts *m_accounts;
    SessionManager *m_sessions;
    void forgetIfDisconnected(const QString &context);

    std::shared_ptr<QHash<QString, ClusterConnection>> m_connections;
    QHash<QString, QString> m_origins; // context -> the account's display name
};

} // namespace Orrery
