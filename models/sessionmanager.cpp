// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionmanager.h"

#include "clockjumpdetector.h"

#include <kube/clustersession.h>
#include <kube/resourcestore.h>

#include <QNetworkInformation>

namespace Orrery {

using ConnectionState = ContextTreeModel::ConnectionState;

SessionManager::SessionManager(Factory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_clockJump(new ClockJumpDetector(this))
{
    connect(m_clockJump, &ClockJumpDetector::jumped, this, [this](qint64 ms) {
        wakeUp(tr("the computer woke up or its clock jumped by %n s", nullptr, int(ms / 1000)));
    });
    // Network changes (Wi-Fi to VPN, cable unplugged and back): watches may be stuck on dead
    // connections, so relist when the network comes back.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online)
                        wakeUp(tr("the network came back"));
                });
    }
}

SessionManager::~SessionManager()
{
    // Sessions stop their workers in their destructors.
    qDeleteAll(m_pending);
    m_pending.clear();
    qDeleteAll(m_sessions);
    m_sessions.clear();
}

void SessionManager::setFactory(Factory factory)
{
    m_factory = std::move(factory);
}

bool SessionManager::isSynced(const QString &context) const
{
    return m_states.value(context).synced;
}

std::optional<Error> SessionManager::discoveryError(const QString &context) const
{
    return m_states.value(context).discoveryError;
}

Freshness SessionManager::freshness(const QString &context) const
{
    const State state = m_states.value(context);
    if (ClusterSession *s = session(context)) {
        if (m_pending.contains(context)) {
            // The shown data is the old session's, kept until the reload syncs: not live.
            Freshness f = Freshness::summarize(s->health(), state.synced, {});
            if (f.state == Freshness::State::Live || f.state == Freshness::State::Syncing)
                f.state = Freshness::State::Reconnecting;
            if (state.discoveryError)
                f.reason = state.discoveryError->message;
            else if (f.reason.isEmpty())
                f.reason = tr("reloading: %1").arg(m_reloadReasons.value(context));
            return f;
        }
        return Freshness::summarize(s->health(), state.synced, state.discoveryError);
    }
    return Freshness::disconnected(state.discoveryError);
}

void SessionManager::setState(const QString &context, ConnectionState state, const QString &detail)
{
    emit connectionStateChanged(context, state, detail);
}

void SessionManager::connectContext(const QString &context)
{
    if (m_sessions.contains(context) || !m_factory)
        return;
    State &state = m_states[context];
    state.discoveryError.reset();
    state.synced = false;
    Result<ClusterSession *> created = m_factory(context, this);
    if (!created.ok()) {
        state.discoveryError = created.error();
        setState(context, ConnectionState::Error, created.error().message);
        emit healthChanged(context);
        return;
    }
    ClusterSession *session = created.value();
    m_sessions.insert(context, session);
    setState(context, ConnectionState::Connecting);
    attach(context, session);
    session->start();
}

void SessionManager::attach(const QString &context, ClusterSession *session)
{
    // Each handler asks whether `session` is the shown one or the pending one of a reload:
    // a pending session says only what goes wrong (the shown data stays), and takes over
    // once synced.
    const auto shown = [this, context, session] { return m_sessions.value(context) == session; };
    const auto pending = [this, context, session] { return m_pending.value(context) == session; };
    connect(session, &ClusterSession::discoveryFailed, this,
            [this, context, shown, pending](const Error &error) {
                if (!shown() && !pending())
                    return;
                m_states[context].discoveryError = error;
                setState(context, ConnectionState::Error, error.message);
                emit healthChanged(context);
            });
    connect(session, &ClusterSession::discovered, this, [this, context, shown, pending] {
        if (!shown() && !pending())
            return;
        m_states[context].discoveryError.reset();
        if (shown())
            setState(context, ConnectionState::Connecting);
        emit healthChanged(context);
    });
    connect(session, &ClusterSession::healthChanged, this,
            [this, context, shown](const WatchHealth &) {
                if (shown())
                    emit healthChanged(context);
            });
    connect(session, &ClusterSession::synced, this, [this, context, shown, pending] {
        if (pending()) {
            promotePending(context);
            return;
        }
        if (!shown())
            return;
        m_states[context].synced = true;
        setState(context, ConnectionState::Connected);
        emit healthChanged(context);
        emit contextSynced(context);
    });
    connect(session->store(), &ResourceStore::changed, this,
            [this, context, shown](const ChangeBatch &batch) {
                if (shown())
                    emit storeChanged(context, batch);
            });
}

void SessionManager::reloadContext(const QString &context, const QString &why)
{
    ClusterSession *old = m_sessions.value(context);
    if (!old || !m_states.value(context).synced || !m_factory) {
        reconnectContext(context, why);
        return;
    }
    delete m_pending.take(context); // a reload of a reload: the newest wins
    m_reloadReasons.insert(context, why);
    Result<ClusterSession *> created = m_factory(context, this);
    if (!created.ok()) {
        // The kubeconfig no longer yields a connection: keep showing what was there, say why.
        m_states[context].discoveryError = created.error();
        setState(context, ConnectionState::Error, created.error().message);
        emit healthChanged(context);
        if (!why.isEmpty())
            emit reloading(context, why);
        return;
    }
    ClusterSession *session = created.value();
    m_pending.insert(context, session);
    m_states[context].discoveryError.reset();
    attach(context, session);
    session->start();
    emit healthChanged(context);
    if (!why.isEmpty())
        emit reloading(context, why);
}

void SessionManager::promotePending(const QString &context)
{
    ClusterSession *session = m_pending.take(context);
    m_reloadReasons.remove(context);
    ClusterSession *old = m_sessions.value(context);
    m_sessions.insert(context, session);
    State &state = m_states[context];
    state.synced = true;
    state.discoveryError.reset();
    setState(context, ConnectionState::Connected);
    if (context == m_activeContext) {
        // Everything showing the context takes the new session, already full: no empty table.
        emit activeContextChanged(context);
        emit activeSessionChanged(session);
    }
    // Viewers have let go of the old session by now; its workers stop when it is deleted.
    delete old;
    emit healthChanged(context);
    emit contextSynced(context);
}

void SessionManager::disconnectContext(const QString &context)
{
    delete m_pending.take(context);
    m_reloadReasons.remove(context);
    ClusterSession *session = m_sessions.take(context);
    if (!session)
        return;
    // Whoever shows the session lets go of it before it is deleted.
    if (context == m_activeContext)
        emit activeSessionChanged(nullptr);
    delete session;
    m_states.remove(context);
    setState(context, ConnectionState::Disconnected);
    emit healthChanged(context);
}

void SessionManager::reconnectContext(const QString &context, const QString &why)
{
    disconnectContext(context);
    connectContext(context);
    if (context == m_activeContext) {
        // Everything showing the active context re-attaches to the new session's store.
        emit activeContextChanged(context);
        emit activeSessionChanged(activeSession());
    }
    if (!why.isEmpty())
        emit reloading(context, why);
}

void SessionManager::setActiveContext(const QString &context)
{
    if (context.isEmpty() || context == m_activeContext)
        return;
    m_activeContext = context;
    if (!m_sessions.contains(context))
        connectContext(context);
    emit activeContextChanged(context);
    emit activeSessionChanged(activeSession());
}

void SessionManager::wakeUp(const QString &why)
{
    // Relist every connected cluster: after a sleep, watches can look open while their
    // connections are long gone, and events were missed. A synced session relists in place,
    // so its rows stay on screen (marked reconnecting) until the fresh lists replace them.
    const QStringList contexts = m_sessions.keys();
    for (const QString &context : contexts) {
        if (m_states.value(context).synced)
            m_sessions.value(context)->resync(why);
        else
            reconnectContext(context); // never synced: start afresh
    }
    if (!contexts.isEmpty())
        emit reloadingAll(why);
}

} // namespace Orrery
