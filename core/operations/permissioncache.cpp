// SPDX-License-Identifier: GPL-3.0-or-later
#include "permissioncache.h"

#include "kube/clustersession.h"

namespace Orrery {

PermissionCache::PermissionCache(QObject *parent)
    : QObject(parent)
{
}

QString PermissionCache::key(const QString &context, const AccessCheck &check)
{
    return QStringList{context,           check.verb,          check.group, check.resource,
                       check.subresource, check.namespaceName, check.name}
        .join(QLatin1Char('\x1f'));
}

std::optional<AccessResult> PermissionCache::cached(const QString &context,
                                                    const AccessCheck &check) const
{
    const auto it = m_entries.constFind(key(context, check));
    if (it == m_entries.constEnd())
        return std::nullopt;
    if (it->at.secsTo(QDateTime::currentDateTimeUtc()) > m_maxAgeSeconds)
        return std::nullopt;
    return it->result;
}

void PermissionCache::follow(const QString &context, const AccessCheck &check, QObject *receiver,
                             Show show)
{
    show(cached(context, check));
    connect(this, &PermissionCache::updated, receiver,
            [this, context, check, show](const QString &updatedContext) {
                if (updatedContext == context)
                    show(cached(context, check));
            });
}

void PermissionCache::request(ClusterSession *session, const QString &context,
                              const QList<AccessCheck> &checks)
{
    if (!session)
        return;
    QList<AccessCheck> missing;
    for (const AccessCheck &c : checks) {
        const QString k = key(context, c);
        if (m_pending.contains(k) || cached(context, c))
            continue;
        m_pending.insert(k);
        missing.append(c);
    }
    if (missing.isEmpty())
        return;
    AccessReview::run(session->transport(), missing, this,
                      [this, context](const QList<AccessResult> &results) {
                          const QDateTime now = QDateTime::currentDateTimeUtc();
                          for (const AccessResult &r : results) {
                              const QString k = key(context, r.check);
                              m_pending.remove(k);
                              m_entries.insert(k, Entry{r, now});
                          }
                          emit updated(context);
                      });
}

} // namespace Orrery
