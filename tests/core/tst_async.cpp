// SPDX-License-Identifier: GPL-3.0-or-later
// Async (util/async.h), the one idiom for one-shot background work: the function runs on the
// pool, the result arrives on the guard's thread, never after the guard is gone, cancellation
// reaches the task's token, the synchronizer waits (bounded) for every run including its
// captures, and an exception thrown by a task is logged instead of escaping.
#include "util/async.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <stdexcept>

using namespace Orrery;
using namespace std::chrono_literals;

namespace {

// Sets a flag when the last copy of a capture is destroyed.
struct Witness
{
    explicit Witness(std::shared_ptr<std::atomic<bool>> destroyed)
        : m_destroyed(std::move(destroyed))
    {
    }
    ~Witness() { *m_destroyed = true; }
    std::shared_ptr<std::atomic<bool>> m_destroyed;
};

} // namespace

class tst_Async : public QObject
{
    Q_OBJECT

private slots:
    void resultArrivesOnGuardThread();
    void resultArrivesOnWorkerGuardThread();
    void destroyedGuardGetsNothing();
    void cancelReachesToken();
    void cancelledBeforeStartNeverRuns();
    void synchronizerWaitsBounded();
    void synchronizerCancelsAndWaits();
    void synchronizerCoversCaptures();
    void applicationSynchronizerTracksRuns();
    void exceptionsDoNotEscape();
    void deliverRunsOnContextThread();
};

void tst_Async::resultArrivesOnGuardThread()
{
    QObject guard;
    QThread *taskThread = nullptr;
    QThread *handlerThread = nullptr;
    int value = 0;
    Async::run(
        &guard,
        [&taskThread] {
            taskThread = QThread::currentThread();
            return 42;
        },
        [&](int result) {
            handlerThread = QThread::currentThread();
            value = result;
        });
    QTRY_COMPARE(value, 42);
    QVERIFY(taskThread);
    QVERIFY(taskThread != QThread::currentThread());
    QCOMPARE(handlerThread, QThread::currentThread());
}

void tst_Async::resultArrivesOnWorkerGuardThread()
{
    QThread worker;
    worker.start();
    auto *guard = new QObject;
    guard->moveToThread(&worker);
    std::atomic<QThread *> handlerThread = nullptr;
    std::atomic<int> value = 0;
    // run() is called on the guard's thread, as the contract says.
    QMetaObject::invokeMethod(guard, [guard, &handlerThread, &value] {
        Async::run(
            guard, [] { return QStringLiteral("decoded"); },
            [&handlerThread, &value](const QString &text) {
                handlerThread = QThread::currentThread();
                value = int(text.size());
            });
    });
    QTRY_COMPARE(value.load(), 7);
    QCOMPARE(handlerThread.load(), &worker);
    QMetaObject::invokeMethod(guard, &QObject::deleteLater);
    worker.quit();
    QVERIFY(worker.wait(10000));
}

void tst_Async::destroyedGuardGetsNothing()
{
    auto *guard = new QObject;
    QSemaphore release;
    bool delivered = false;
    bool finishedHandler = false;
    QFuture<int> future = Async::run(
        guard,
        [&release] {
            release.acquire();
            return 1;
        },
        [&delivered](int) { delivered = true; });
    Async::onFinished(future, guard,
                      [&finishedHandler](const QFuture<int> &) { finishedHandler = true; });
    delete guard; // before the task returns
    release.release();
    future.waitForFinished();
    QCOMPARE(future.resultCount(), 1); // the task did return its result

    // A run with a live guard, queued after: once it arrives, the first one had its chance.
    QObject control;
    bool controlDelivered = false;
    Async::run(
        &control, [] { return 2; }, [&controlDelivered](int) { controlDelivered = true; });
    QTRY_VERIFY(controlDelivered);
    QCoreApplication::sendPostedEvents();
    QVERIFY(!delivered);
    QVERIFY(!finishedHandler);
}

void tst_Async::cancelReachesToken()
{
    QObject guard;
    std::atomic<bool> started = false;
    std::atomic<bool> sawCancel = false;
    bool delivered = false;
    bool finished = false;
    bool finishedCancelled = false;
    QFuture<int> future = Async::run(
        &guard,
        [&](const Async::Token &token) {
            started = true;
            QDeadlineTimer limit(10s);
            while (!token.isCanceled() && !limit.hasExpired())
                QThread::yieldCurrentThread();
            sawCancel = token.isCanceled();
            return 3;
        },
        [&delivered](int) { delivered = true; });
    Async::onFinished(future, &guard, [&](const QFuture<int> &done) {
        finished = true;
        finishedCancelled = done.isCanceled();
    });
    QTRY_VERIFY(started);
    future.cancel();
    QTRY_VERIFY(finished);
    QVERIFY(sawCancel);
    QVERIFY(finishedCancelled);
    QCoreApplication::sendPostedEvents();
    QVERIFY(!delivered); // a cancelled run delivers nothing

    // A token made outside a run is never cancelled.
    QVERIFY(!Async::Token().isCanceled());
}

void tst_Async::cancelledBeforeStartNeverRuns()
{
    // Fill every pool thread, so the next run stays queued.
    const int threads = Async::threadPool()->maxThreadCount();
    QSemaphore running;
    QSemaphore release;
    QList<QFuture<void>> blockers;
    for (int i = 0; i < threads; ++i)
        blockers << Async::run([&] {
            running.release();
            release.acquire();
        });
    QVERIFY(running.tryAcquire(threads, 10000));

    std::atomic<bool> called = false;
    QFuture<int> queued = Async::run([&called] {
        called = true;
        return 4;
    });
    queued.cancel();
    release.release(threads);
    for (QFuture<void> &f : blockers)
        f.waitForFinished();
    queued.waitForFinished();
    QVERIFY(queued.isCanceled());
    QVERIFY(!called);
}

void tst_Async::synchronizerWaitsBounded()
{
    Async::Synchronizer sync;
    QSemaphore release;
    QSemaphore running;
    // This task does not poll its token: only its own return ends it.
    Async::run(sync, [&] {
        running.release();
        release.acquire();
    });
    QVERIFY(running.tryAcquire(1, 10000));
    QCOMPARE(sync.runningCount(), 1);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!sync.waitForFinished(100ms));
    QVERIFY(timer.elapsed() >= 90);
    QVERIFY(timer.elapsed() < 5000); // bounded
    QCOMPARE(sync.runningCount(), 1);
    release.release();
    QVERIFY(sync.waitForFinished(10s));
    QCOMPARE(sync.runningCount(), 0);
}

void tst_Async::synchronizerCancelsAndWaits()
{
    Async::Synchronizer sync;
    QSemaphore running;
    std::atomic<int> cancelled = 0;
    for (int i = 0; i < 3; ++i)
        Async::run(sync, [&](const Async::Token &token) {
            running.release();
            QDeadlineTimer limit(20s);
            while (!token.isCanceled() && !limit.hasExpired())
                QThread::msleep(1);
            if (token.isCanceled())
                ++cancelled;
        });
    QVERIFY(running.tryAcquire(3, 10000));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(sync.cancelAndWait(10s));
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(cancelled.load(), 3);
    QCOMPARE(sync.runningCount(), 0);

    // Still usable afterwards (a new run is not cancelled by the earlier cancelAll()).
    QFuture<int> later
        = Async::run(sync, [](const Async::Token &token) { return token.isCanceled() ? 0 : 5; });
    QVERIFY(sync.waitForFinished(10s));
    QCOMPARE(later.result(), 5);
}

void tst_Async::synchronizerCoversCaptures()
{
    Async::Synchronizer sync;
    auto destroyed = std::make_shared<std::atomic<bool>>(false);
    {
        auto witness = std::make_shared<Witness>(destroyed);
        Async::run(sync, [witness] { return witness->m_destroyed != nullptr; });
    }
    QVERIFY(sync.waitForFinished(10s));
    // The run's last reference is gone once the synchronizer counts it as returned.
    QVERIFY(destroyed->load());
}

void tst_Async::applicationSynchronizerTracksRuns()
{
    Async::Synchronizer &app = Async::synchronizer();
    QCOMPARE(&app, &Async::synchronizer());
    QVERIFY(app.waitForFinished(10s)); // earlier tests' runs
    QSemaphore release;
    QFuture<void> future = Async::run([&release] { release.acquire(); });
    QCOMPARE(app.runningCount(), 1);
    QVERIFY(!app.waitForFinished(50ms));
    release.release();
    QVERIFY(app.waitForFinished(10s));
    QVERIFY(future.isFinished());
}

void tst_Async::exceptionsDoNotEscape()
{
    QObject guard;
    bool delivered = false;
    int finished = 0;
    int resultCount = -1;
    QTest::ignoreMessage(QtWarningMsg, "a background task threw: boom");
    QFuture<int> thrown = Async::run(
        &guard, []() -> int { throw std::runtime_error("boom"); },
        [&delivered](int) { delivered = true; });
    Async::onFinished(thrown, &guard, [&](const QFuture<int> &done) {
        ++finished;
        resultCount = done.resultCount();
    });
    QTRY_COMPARE(finished, 1);
    QCOMPARE(resultCount, 0);
    QVERIFY(!delivered);

    QTest::ignoreMessage(QtWarningMsg, "a background task threw: (unknown)");
    QFuture<void> odd = Async::run([] { throw 7; });
    Async::onFinished(odd, &guard, [&finished](const QFuture<void> &) { ++finished; });
    QTRY_COMPARE(finished, 2);

    // The pool and the synchronizer carry on.
    int value = 0;
    Async::run(
        &guard, [] { return 6; }, [&value](int v) { value = v; });
    QTRY_COMPARE(value, 6);
    QVERIFY(Async::synchronizer().waitForFinished(10s));
}

void tst_Async::deliverRunsOnContextThread()
{
    // Here: at once.
    QObject here;
    bool ranNow = false;
    Async::deliver(QPointer<QObject>(&here), [&ranNow] { ranNow = true; });
    QVERIFY(ranNow);

    // Gone: never.
    QPointer<QObject> gone;
    {
        QObject temporary;
        gone = &temporary;
    }
    bool ranGone = false;
    Async::deliver(gone, [&ranGone] { ranGone = true; });
    QCoreApplication::sendPostedEvents();
    QVERIFY(!ranGone);

    // Elsewhere: queued to that thread.
    QThread worker;
    worker.start();
    auto *there = new QObject;
    there->moveToThread(&worker);
    std::atomic<QThread *> ranOn = nullptr;
    Async::deliver(QPointer<QObject>(there), [&ranOn] { ranOn = QThread::currentThread(); });
    QTRY_COMPARE(ranOn.load(), &worker);
    QMetaObject::invokeMethod(there, &QObject::deleteLater);
    worker.quit();
    QVERIFY(worker.wait(10000));
}

QTEST_GUILESS_MAIN(tst_Async)
#include "tst_async.moc"
