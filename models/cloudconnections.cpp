// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudconnections.h"

#include <kube/clustersession.h>

#include <QPointer>
#include <QTimer>

namespace Orrery {

CloudConnections::CloudConnections(CloudAccounts *accounts, SessionManager *sessions,
                                   SessionManager::Factory base, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_sessions(sessions)
    , m_connections(std::make_shared<QHash<QString, ClusterConnection>>())
{
    sessions->setFactory([connections = m_connections, base = std::move(base)](
                             const QString &context,
                             QObject *parentObject) -> Result<ClusterSession *> {
        const auto it = connections->constFind(context);
        if (it != connections->constEnd())
            return new ClusterSession(*it, parentObject);
        if (!base)
            return Error(Error::Code::NotFound,
                         CloudConnections::tr("The context is not in the kubeconfig."), context);
        return base(context, parentObject);
    });
    connect(sessions, &SessionManager::connectionStateChanged, this,
            [this](const QString &context, ContextTreeModel::ConnectionState state) {
                if (state != ContextTreeModel::ConnectionState::Disconnected
                    || !m_connections->contains(context))
                    return;
                // reconnectContext() disconnects and connects at once: only a context still
                // without a session once that is done was disconnected.
                QTimer::singleShot(0, this, [this, context] { forgetIfDisconnected(context); });
            });
}

void CloudConnections::forgetIfDisconnected(const QString &context)
{
    if (!m_connections->contains(context) || m_sessions->session(context)
        || m_sessions->isReloading(context))
        return;
    m_connections->remove(context);
    m_origins.remove(context);
    emit contextRemoved(context);
}

void CloudConnections::setContextTree(ContextTreeModel *tree)
{
    for (const QString &context : contexts())
        tree->addCloudContext(entry(context), origin(context));
    connect(this, &CloudConnections::contextAdded, tree, [this, tree](const QString &context) {
        tree->addCloudContext(entry(context), origin(context));
    });
    connect(this, &CloudConnections::contextRemoved, tree, &ContextTreeModel::removeCloudContext);
}

ContextTreeModel::Entry CloudConnections::entry(const QString &context) const
{
    ContextTreeModel::Entry e;
    const auto it = m_connections->constFind(context);
    if (it == m_connections->constEnd())
        return e;
    e.context = context;
    e.cluster = it->clusterName.isEmpty() ? context : it->clusterName;
    e.server = it->server;
    e.user = it->userName;
    e.defaultNamespace = it->defaultNamespace;
    return e;
}

QString CloudConnections::contextName(const CloudResource &cluster, const QString &accountName)
{
    return QStringLiteral("%1 (%2)").arg(cluster.name, accountName);
}

void CloudConnections::connectCluster(const CloudResource &cluster,
                                      std::function<void(const Result<QString> &)> onDone)
{
    CloudAccount *account = m_accounts->account(cluster.accountId);
    if (!account)
        return onDone(
            Error(Error::Code::NotFound, tr("The account %1 is gone.").arg(cluster.accountId)));
    const QString context = contextName(cluster, account->displayName());
    if (m_connections->contains(context) && m_sessions->session(context)) {
        m_sessions->setActiveContext(context);
        return onDone(context);
    }
    QPointer<CloudConnections> self(this);
    const QString accountName = account->displayName();
    account->connectCluster(
        cluster, [self, context, accountName, onDone](const Result<ClusterConnection> &c) {
            if (!self)
                return;
            if (!c)
                return onDone(c.error());
            ClusterConnection connection = c.value();
            connection.contextName = context;
            const bool known = self->m_connections->contains(context);
            self->m_connections->insert(context, connection);
            self->m_origins.insert(context, accountName);
            // Into the context tree before it becomes active, so its state
            // shows there.
            if (!known)
                emit self->contextAdded(context);
            self->m_sessions->setActiveContext(context);
            onDone(context);
        });
}

} // namespace Orrery
