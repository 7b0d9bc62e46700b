// SPDX-License-Identifier: GPL-3.0-or-later
#include "async.h"

#include <QDeadlineTimer>
#include <QThreadPool>

#include <algorithm>

namespace Orrery::Async {

Q_LOGGING_CATEGORY(lcAsync, "orrery.async", QtInfoMsg)

Synchronizer::~Synchronizer()
{
    QMutexLocker lock(&m_mutex);
    while (m_running > 0)
        m_allDone.wait(&m_mutex);
}

int Synchronizer::runningCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_running;
}

void Synchronizer::cancelAll()
{
    QMutexLocker lock(&m_mutex);
    for (QFuture<void> &future : m_futures)
        future.cancel();
}

bool Synchronizer::waitForFinished(std::chrono::milliseconds budget)
{
    QDeadlineTimer deadline(budget);
    QMutexLocker lock(&m_mutex);
    while (m_running > 0) {
        if (!m_allDone.wait(&m_mutex, deadline))
            break;
    }
    if (m_running == 0) {
        m_futures.clear();
        return true;
    }
    return false;
}

bool Synchronizer::cancelAndWait(std::chrono::milliseconds budget)
{
    cancelAll();
    if (waitForFinished(budget))
        return true;
    qCWarning(lcAsync) << runningCount() << "background task(s) still running after"
                       << budget.count() << "ms";
    return false;
}

void Synchronizer::taskQueued(const QFuture<void> &future)
{
    QMutexLocker lock(&m_mutex);
    m_futures.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    m_futures.append(future);
    ++m_running;
}

void Synchronizer::taskDone()
{
    QMutexLocker lock(&m_mutex);
    if (--m_running == 0)
        m_allDone.wakeAll();
}

QThreadPool *threadPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setObjectName(QStringLiteral("orrery-async"));
        p->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

Synchronizer &synchronizer()
{
    static auto *sync = new Synchronizer;
    return *sync;
}

namespace Internal {

void logException(const char *what)
{
    qCWarning(lcAsync).noquote() << "a background task threw:"
                                 << (what ? QString::fromUtf8(what) : QStringLiteral("(unknown)"));
}

bool onGuardThread(const QObject *guard)
{
    if (guard && guard->thread() == QThread::currentThread())
        return true;
    // A soft assert: a watcher cannot be the child of an object on another thread.
    qCWarning(lcAsync) << "result handler not installed: the guard" << guard
                       << "is null or lives on another thread";
    return false;
}

} // namespace Internal

} // namespace Orrery::Async
