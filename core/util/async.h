// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one way Orrery runs one-shot work off the calling thread (the shape of Qt Creator's
// Utils::asyncRun / onResultReady / FutureSynchronizer, QtCore only):
//
//     Async::run(this, [bytes](const Async::Token &token) { return decode(bytes, token); },
//                [this](const Decoded &decoded) { show(decoded); });
//
// - run() queues the function on Async::threadPool() and returns its QFuture. The function
//   may take a `const Async::Token &` and poll isCanceled() to stop early; future.cancel()
//   cancels it. A run cancelled before it starts never calls the function.
// - The result is delivered on the guard's thread through a QFutureWatcher that is the
//   guard's child: once the guard is destroyed nothing is delivered and nothing touches it.
//   Call run()/onResult() on the guard's thread. A cancelled run delivers nothing.
// - An exception thrown by the function never escapes: it is logged (orrery.async) and the
//   run finishes without a result, so onResult() handlers are not called, onFinished() ones
//   are.
// - Every run is registered with a Synchronizer, by default the application's
//   (Async::synchronizer()), which the application cancels and waits for (bounded) when it
//   quits, so no task outlives the objects it uses. A task therefore owns (copies or shares)
//   what it reads; it never captures its guard.
// - deliver(context, fn) is the step underneath, for code already running on a thread of its
//   own (the transport's callbacks): fn on context's thread, or not at all once it is gone.
//
// Long-lived workers (the curl worker, the simulator's servers) stay QThreads or std::threads
// owned by their service, with interrupt, quit, wait; this is for one-shot work: decoding,
// reading files, starting the demo cluster, fetching a credential for a report.

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QRunnable>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <chrono>
#include <exception>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace Orrery::Async {

Q_DECLARE_LOGGING_CATEGORY(lcAsync)

// What a running task polls to learn that its result is no longer wanted (the run was
// cancelled, or the application quits). Cheap to copy; thread-safe.
class Token
{
public:
    // Never cancelled: for calling a task's function directly (tests, synchronous callers).
    Token() = default;
    explicit Token(QFuture<void> future)
        : m_future(std::move(future))
    {
    }
    bool isCanceled() const { return m_future && m_future->isCanceled(); }

private:
    std::optional<QFuture<void>> m_future;
};

// Keeps count of the runs registered with it until each has returned (its function done and
// its captures destroyed). The application's one (synchronizer()) is waited for on quit;
// an object that must not outlive its own runs may own one and pass it to run(). Thread-safe.
class Synchronizer
{
public:
    Synchronizer() = default;
    // Waits, without bound, for the runs registered here: they hold a pointer to it.
    ~Synchronizer();
    Q_DISABLE_COPY_MOVE(Synchronizer)

    // Runs queued or running.
    int runningCount() const;
    // Every registered run's token reads cancelled; queued ones will not call their function.
    void cancelAll();
    // cancelAll(), then waits at most `budget` for every run to return. True when all did; else
    // logs how many are still running and returns false.
    bool cancelAndWait(std::chrono::milliseconds budget);
    // Waits at most `budget` without cancelling. True when every run returned.
    bool waitForFinished(std::chrono::milliseconds budget);

    // For run(): a run is queued, and it has returned (the last use of this object).
    void taskQueued(const QFuture<void> &future);
    void taskDone();

private:
    mutable QMutex m_mutex;
    QWaitCondition m_allDone;
    QList<QFuture<void>> m_futures; // to cancel; finished ones pruned as runs are added
    int m_running = 0;
};

// The pool runs are queued on. Never destroyed: a run still going after the bounded wait at
// quit must not find it gone. At least four threads, since a run may block on I/O (a file, a
// credential plugin) and must not hold up a decode queued behind it.
QThreadPool *threadPool();
// The application-wide synchronizer; main() calls cancelAndWait() when the application quits.
// Never destroyed, for the same reason as the pool.
Synchronizer &synchronizer();

// Runs `fn` on `context`'s thread: at once when called there, else queued. Nothing happens
// when `context` is gone, or is destroyed before the queued call runs. The QPointer is read
// here, so call this on a thread where `context` cannot be destroyed meanwhile (its own, or
// one that serialises with its owner, as the transport's callbacks do).
template <typename Fn> void deliver(const QPointer<QObject> &context, Fn fn)
{
    if (!context)
        return;
    if (context->thread() == QThread::currentThread())
        fn();
    else
        QMetaObject::invokeMethod(context.data(), std::move(fn), Qt::QueuedConnection);
}

// Runs `fn` on `context`'s thread by way of `hop`'s thread: for callers on a thread where
// `context` may be destroyed meanwhile (a worker), given an object that outlives every such
// call and serialises with `context`'s owner (the transport, whose destructor joins its
// worker). The QPointer is only read on `hop`'s thread, as deliver() requires.
template <typename Fn> void deliverVia(QObject *hop, const QPointer<QObject> &context, Fn fn)
{
    QMetaObject::invokeMethod(
        hop, [context, fn = std::move(fn)]() mutable { deliver(context, std::move(fn)); },
        Qt::QueuedConnection);
}

namespace Internal {

template <typename F> decltype(auto) invoke(F &function, const Token &token)
{
    if constexpr (std::is_invocable_v<F &, const Token &>)
        return std::invoke(function, token);
    else
        return std::invoke(function);
}

template <typename F>
using ResultOf = std::decay_t<decltype(invoke(std::declval<F &>(), std::declval<const Token &>()))>;

void logException(const char *what);

// One run: owns the function and the promise; deleted by the pool after run().
template <typename F, typename R> class Task final : public QRunnable
{
public:
    Task(F function, Synchronizer *sync)
        : m_function(std::move(function))
        , m_sync(sync)
    {
        setAutoDelete(true);
    }

    QFuture<R> future() { return m_promise.future(); }

    void run() override
    {
        m_promise.start();
        if (!m_promise.isCanceled()) {
            try {
                const Token token{QFuture<void>(m_promise.future())};
                if constexpr (std::is_void_v<R>)
                    Internal::invoke(*m_function, token);
                else
                    m_promise.addResult(Internal::invoke(*m_function, token));
            } catch (const std::exception &e) {
                logException(e.what());
            } catch (...) {
                logException(nullptr);
            }
        }
        // The captures go before the run counts as returned: the synchronizer's wait covers
        // the last reference a run holds (a simulator, a provider).
        m_function.reset();
        m_promise.finish();
        m_sync->taskDone();
    }

private:
    std::optional<F> m_function;
    QPromise<R> m_promise;
    Synchronizer *m_sync;
};

bool onGuardThread(const QObject *guard);

} // namespace Internal

// Queues `function` on `pool`, registered with `sync`. `function` is callable with a
// `const Token &` or with nothing. A service whose runs may block for minutes (a credential
// plugin waiting for a browser login) passes a pool of its own, so it cannot starve others.
template <typename F> auto run(Synchronizer &sync, QThreadPool *pool, F &&function)
{
    using Fn = std::decay_t<F>;
    using R = Internal::ResultOf<Fn>;
    auto *task = new Internal::Task<Fn, R>(std::forward<F>(function), &sync);
    QFuture<R> future = task->future();
    sync.taskQueued(QFuture<void>(future));
    pool->start(task);
    return future;
}

// Queues `function` on threadPool(), registered with `sync`.
template <typename F> auto run(Synchronizer &sync, F &&function)
{
    return run(sync, threadPool(), std::forward<F>(function));
}

// Queues `function` registered with the application's synchronizer.
template <typename F> auto run(F &&function)
{
    return run(synchronizer(), std::forward<F>(function));
}

// Calls handler(const QFuture<R> &) on `guard`'s thread when the run finishes, whatever its
// outcome (result, cancelled, or an exception logged). Nothing once `guard` is destroyed.
template <typename R, typename H>
void onFinished(const QFuture<R> &future, QObject *guard, H &&handler)
{
    if (!Internal::onGuardThread(guard))
        return;
    auto *watcher = new QFutureWatcher<R>(guard);
    QObject::connect(watcher, &QFutureWatcherBase::finished, guard,
                     [watcher, handler = std::forward<H>(handler)]() mutable {
                         const QFuture<R> done = watcher->future();
                         auto call = std::move(handler);
                         watcher->deleteLater();
                         std::invoke(call, done);
                     });
    watcher->setFuture(future);
}

// Calls handler(result) on `guard`'s thread when the run returned a result and was not
// cancelled. Nothing once `guard` is destroyed.
template <typename R, typename H>
void onResult(const QFuture<R> &future, QObject *guard, H &&handler)
{
    static_assert(!std::is_void_v<R>, "a void run has no result: use onFinished()");
    onFinished(future, guard, [handler = std::forward<H>(handler)](const QFuture<R> &done) mutable {
        if (!done.isCanceled() && done.resultCount() > 0)
            std::invoke(handler, done.result());
    });
}

// run() and onResult() together: `function` on the pool, `handler` with its result on
// `guard`'s thread. Returns the future (to cancel the run).
template <typename F, typename H> auto run(QObject *guard, F &&function, H &&handler)
{
    auto future = run(std::forward<F>(function));
    onResult(future, guard, std::forward<H>(handler));
    return future;
}

} // namespace Orrery::Async
