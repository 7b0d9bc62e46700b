// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contexttreemodel.h"

#include <kube/changebatch.h>
#include <kube/freshness.h>
#include <util/result.h>

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace Orrery {

class ClockJumpDetector;
class ClusterSession;

// The connected contexts of one window: creates a ClusterSession per context (through the
// Factory that app/ provides, which keeps kubeconfig loading out of here), keeps it while
// another context is shown so switching is instant, stops it on disconnect, and relists every
// session after a wake-up (the clock jumped: the computer slept) or when the network comes
// back. One context is the active one; the window shows it.
//
// Invariants: at most one session per context; session(c) is null for a context that is not
// connected (or failed to connect: discoveryError(c) says why); every session is deleted by
// disconnectContext() or the destructor, which stops its workers.
class SessionManager : public QObject
{
    Q_OBJECT
public:
    using Factory
        = std::function<Result<ClusterSession *>(const QString &context, QObject *parent)>;

    explicit SessionManager(Factory factory = {}, QObject *parent = nullptr);
    ~SessionManager() override;

    void setFactory(Factory factory);

    void connectContext(const QString &context);
    void disconnectContext(const QString &context);
    // Disconnects and connects again (a fresh session, every list from scratch). `why`, when
    // given, is announced with reloading().
    void reconnectContext(const QString &context, const QString &why = {});
    // Replaces the context's session with a fresh one from the factory (so a changed
    // kubeconfig takes effect) without emptying what is shown: the old session stays, its
    // freshness Reconnecting with `why` (or the new session's error), until the new one has
    // synced, then viewers switch to it (activeContextChanged, activeSessionChanged) and the
    // old one goes. A context that is not connected, or never synced, reconnects at once.
    void reloadContext(const QString &context, const QString &why);
    // reloadContext() is waiting for the context's new session.
    bool isReloading(const QString &context) const { return m_pending.contains(context); }
    // Connects the context when needed and makes it the active one.
    void setActiveContext(const QString &context);
    // Relists every connected cluster (see ClusterSession::resync); `why` is announced.
    void wakeUp(const QString &why);

    QString activeContext() const { return m_activeContext; }
    ClusterSession *session(const QString &context) const { return m_sessions.value(context); }
    ClusterSession *activeSession() const { return session(m_activeContext); }
    QStringList connectedContexts() const { return m_sessions.keys(); }
    bool isSynced(const QString &context) const;
    std::optional<Error> discoveryError(const QString &context) const;
    // The context's freshness summary (Freshness::summarize over its informers' health).
    Freshness freshness(const QString &context) const;

    // Its jumped() signal is the wake-up path (tests emit it).
    ClockJumpDetector *clockJumpDetector() const { return m_clockJump; }

signals:
    // The active context changed, or its session was replaced by a reconnect: show it afresh.
    // activeSessionChanged() follows.
    void activeContextChanged(const QString &context);
    // The session behind the active context (null: disconnected).
    void activeSessionChanged(Orrery::ClusterSession *session);
    void connectionStateChanged(const QString &context,
                                Orrery::ContextTreeModel::ConnectionState state,
                                const QString &detail);
    // Discovery, an informer's health or the sync state of the context changed.
    void healthChanged(const QString &context);
    void storeChanged(const QString &context, const Orrery::ChangeBatch &batch);
    // The context's first full sync finished (all informers listed or failed).
    void contextSynced(const QString &context);
    // One cluster (reconnectContext with a reason) or all of them (wakeUp) are being reloaded.
    void reloading(const QString &context, const QString &why);
    void reloadingAll(const QString &why);

private:
    struct State
    {
        std::optional<Error> discoveryError;
        bool synced = false;
    };

    void setState(const QString &context, ContextTreeModel::ConnectionState state,
                  const QString &detail = {});
    // Follows `session`'s signals for `context` (shown, or pending while reloadContext waits).
    void attach(const QString &context, ClusterSession *session);
    void promotePending(const QString &context);

    Factory m_factory;
    QHash<QString, ClusterSession *> m_sessions;
    // reloadContext(): the new session of a context, until it syncs, and why it was made.
    QHash<QString, ClusterSession *> m_pending;
    QHash<QString, QString> m_reloadReasons;
    QHash<QString, State> m_states;
    QString m_activeContext;
    ClockJumpDetector *m_clockJump;
};

} // namespace Orrery
