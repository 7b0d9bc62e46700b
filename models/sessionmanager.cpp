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
    if (ClusterSession *s = session(context))
        return Freshness::summarize(s->health(), state.synced, state.discoveryError);
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
    connect(session, &ClusterSession::discoveryFailed, this, [this, context](const Error &error) {
        m_states[context].discoveryError = error;
        setState(context, ConnectionState::Error, error.message);
        emit healthChanged(context);
    });
    connect(session, &ClusterSession::discovered, this, [this, context] {
        m_states[context].discoveryError.reset();
        setState(context, ConnectionState::Connecting);
        emit healthChanged(context);
    });
    connect(session, &ClusterSession::healthChanged, this,
            [this, context](const WatchHealth &) { emit healthChanged(context); });
    connect(session, &ClusterSession::synced, this, [this, context] {
        m_states[context].synced = true;
        setState(context, ConnectionState::Connected);
        emit healthChanged(context);
        emit contextSynced(context);
    });
    connect(session->store(), &ResourceStore::changed, this,
            [this, context](const ChangeBatch &batch) { emit storeChanged(context, batch); });
    session->start();
}

void SessionManager::disconnectContext(const QString &context)
{
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
