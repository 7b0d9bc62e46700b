// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemmonitor.h"

#include "sessionmanager.h"

#include <kube/clustersession.h>
#include <kube/resourcestore.h>

#include <QDateTime>

namespace Orrery {

ProblemMonitor::ProblemMonitor(SessionManager *sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
{
    connect(m_sessions, &SessionManager::storeChanged, this, &ProblemMonitor::onBatch);
    connect(m_sessions, &SessionManager::connectionStateChanged, this,
            [this](const QString &context, ContextTreeModel::ConnectionState state) {
                if (state == ContextTreeModel::ConnectionState::Disconnected)
                    drop(context);
            });
    // Grace periods end in whole seconds; a look every 5 s is soon enough and costs only the
    // objects that are waiting.
    m_recheck.setInterval(5000);
    connect(&m_recheck, &QTimer::timeout, this, &ProblemMonitor::recheckAll);
    m_recheck.start();
}

ProblemMonitor::~ProblemMonitor() = default;

ProblemMonitor::Watch *ProblemMonitor::watchFor(const QString &context)
{
    ClusterSession *session = m_sessions->session(context);
    if (!session) {
        drop(context);
        return nullptr;
    }
    std::shared_ptr<Watch> &watch = m_watches[context];
    if (!watch || watch->store != session->store()) {
        // A new session (connected or reconnected): start from what its store holds.
        watch = std::make_shared<Watch>();
        watch->store = session->store();
        watch->detector.reset(*watch->store, now());
    }
    return watch.get();
}

void ProblemMonitor::onBatch(const QString &context, const ChangeBatch &batch)
{
    const bool known = m_watches.contains(context);
    Watch *watch = watchFor(context);
    if (!watch)
        return;
    if (!known) {
        emit problemsChanged(context); // reset() saw the store as it is, this batch included
        return;
    }
    report(context, watch->detector.apply(*watch->store, batch, now()));
}

void ProblemMonitor::report(const QString &context, const ProblemDetector::Changes &changes)
{
    if (!changes.changed)
        return;
    emit problemsChanged(context);
    // Failures found while a context first lists are not news: it was like that before.
    if (!m_sessions->isSynced(context))
        return;
    for (const Problem &problem : changes.appeared)
        if (problem.isRollout())
            emit rolloutFailed(context, problem);
}

void ProblemMonitor::recheckAll()
{
    const Timestamp t = now();
    for (const QString &context : m_watches.keys()) {
        Watch *watch = watchFor(context);
        if (!watch)
            continue;
        const Timestamp due = watch->detector.nextRecheck();
        if (due != 0 && due <= t)
            report(context, watch->detector.recheck(*watch->store, t));
    }
}

void ProblemMonitor::drop(const QString &context)
{
    if (m_watches.remove(context) > 0)
        emit problemsChanged(context);
}

QList<Problem> ProblemMonitor::problems(const QString &context) const
{
    const auto watch = m_watches.value(context);
    return watch ? watch->detector.problems() : QList<Problem>();
}

int ProblemMonitor::count(const QString &context) const
{
    const auto watch = m_watches.value(context);
    return watch ? watch->detector.count() : 0;
}

int ProblemMonitor::count(const QString &context, Kind kind) const
{
    const auto watch = m_watches.value(context);
    return watch ? watch->detector.count(kind) : 0;
}

ProblemDetector::KindCounts ProblemMonitor::countsByKind(const QString &context) const
{
    const auto watch = m_watches.value(context);
    return watch ? watch->detector.countsByKind() : ProblemDetector::KindCounts{};
}

QHash<QString, int> ProblemMonitor::countsByNamespace(const QString &context) const
{
    const auto watch = m_watches.value(context);
    return watch ? watch->detector.countsByNamespace() : QHash<QString, int>();
}

const ProblemDetector *ProblemMonitor::detectorFor(const ResourceStore *store) const
{
    for (const auto &watch : m_watches)
        if (watch->store == store)
            return &watch->detector;
    return nullptr;
}

} // namespace Orrery
