// SPDX-License-Identifier: GPL-3.0-or-later
// RequestQueue, the bound every cloud client (AWS, Azure, GCP, Fly.io) puts on the requests it
// has in flight: never more than the limit, started in the order they came, the next one
// started when one finishes, including from inside a request's own start or completion.
#include "cloud/requestqueue.h"

#include <QStringList>
#include <QTest>

#include <vector>

using namespace Orrery;

class TestRequestQueue : public QObject
{
    Q_OBJECT

private slots:
    void startsAtMostTheLimitInOrder()
    {
        RequestQueue queue(2);
        std::vector<int> started;
        for (int i = 0; i < 5; ++i)
            queue.enqueue([&started, i] { started.push_back(i); });
        QCOMPARE(started, (std::vector<int>{0, 1}));
        QCOMPARE(queue.inFlight(), 2);
        QCOMPARE(queue.queued(), 3);

        queue.finished();
        QCOMPARE(started, (std::vector<int>{0, 1, 2}));
        queue.finished();
        queue.finished();
        QCOMPARE(started, (std::vector<int>{0, 1, 2, 3, 4}));
        QCOMPARE(queue.inFlight(), 2);
        QCOMPARE(queue.queued(), 0);

        queue.finished();
        queue.finished();
        QCOMPARE(queue.inFlight(), 0);
    }

    // A request that fails at once finishes from inside its own start (a transport refusing a
    // request synchronously): the queue must not exceed its bound or lose the rest.
    void requestFinishingInsideItsStart()
    {
        RequestQueue queue(1);
        int started = 0;
        int maxSeen = 0;
        for (int i = 0; i < 4; ++i) {
            queue.enqueue([&] {
                ++started;
                maxSeen = std::max(maxSeen, queue.inFlight());
                queue.finished();
            });
        }
        QCOMPARE(started, 4);
        QCOMPARE(maxSeen, 1);
        QCOMPARE(queue.inFlight(), 0);
        QCOMPARE(queue.queued(), 0);
    }

    // A completion that queues a follow-up request (DescribeCluster after ListClusters): the
    // follow-up waits behind what was queued before it.
    void followUpQueuesBehindEarlierRequests()
    {
        RequestQueue queue(1);
        QStringList started;
        const auto start = [&](const QString &name) {
            queue.enqueue([&started, name] { started.append(name); });
        };
        start(QStringLiteral("list"));
        start(QStringLiteral("other"));
        QCOMPARE(started, QStringList{QStringLiteral("list")});
        // "list" answered: its handler asks for a follow-up, then the request finishes.
        start(QStringLiteral("describe"));
        queue.finished();
        QCOMPARE(started, (QStringList{QStringLiteral("list"), QStringLiteral("other")}));
        queue.finished();
        QCOMPARE(started, (QStringList{QStringLiteral("list"), QStringLiteral("other"),
                                       QStringLiteral("describe")}));
    }
};

QTEST_GUILESS_MAIN(TestRequestQueue)
#include "tst_requestqueue.moc"
