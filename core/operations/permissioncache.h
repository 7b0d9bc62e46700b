// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/accessreview.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

namespace Orrery {

class ClusterSession;

// Answers of SelfSubjectAccessReview per (context, check), kept for a short while so that
// opening a menu does not ask the server every time, but a role change shows up within a
// minute. Unknown checks are asked for in one concurrent batch; updated() says when answers
// arrived.
class PermissionCache : public QObject
{
    Q_OBJECT
public:
    explicit PermissionCache(QObject *parent = nullptr);

    void setMaxAge(int seconds) { m_maxAgeSeconds = seconds; }

    // The cached answer, if fresh.
    std::optional<AccessResult> cached(const QString &context, const AccessCheck &check) const;
    // Asks for the checks not cached (nor already asked for) on `session`.
    void request(ClusterSession *session, const QString &context, const QList<AccessCheck> &checks);
    void clear() { m_entries.clear(); }
    // Calls `show` with the cached answer to `check` now (nullopt while unknown) and again
    // whenever answers for `context` arrive, for as long as `receiver` lives. Asking is the
    // caller's (request()), so that one menu asks for all its checks at once.
    using Show = std::function<void(const std::optional<AccessResult> &)>;
    void follow(const QString &context, const AccessCheck &check, QObject *receiver, Show show);

    static QString key(const QString &context, const AccessCheck &check);

signals:
    void updated(const QString &context);

private:
    struct Entry
    {
        AccessResult result;
        QDateTime at;
    };
    QHash<QString, Entry> m_entries;
    QSet<QString> m_pending;
    int m_maxAgeSeconds = 60;
};

} // namespace Orrery
