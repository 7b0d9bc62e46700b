// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudconnections.h"

#include <kube/clustersession.h>

#include <QPointer>

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
    account->connectCluster(cluster, [self, context, onDone](const Result<ClusterConnection> &c) {
        if (!self)
            return;
        if (!c)
            return onDone(c.error());
        ClusterConnection connection = c.value();
        connection.contextName = context;
        self->m_connections->insert(context, connection);
        self->m_sessions->setActiveContext(context);
        onDone(context);
    });
}

} // namespace Orrery
