// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterSession::resync: after a sleep or a network change the open watches may be dead
// sockets that say nothing. resync() relists every informer in place against the loopback
// fault server: the store catches up with the server (no ghosts, nothing lost), objects that
// did not change are neither removed nor re-added, and health says Reconnecting with the
// reason before it is Live again. A Retry-After the server sent still holds.

#include "fakeapiserver.h"
#include "faultyapiserver.h"
#include "testcredentialprovider.h"

#include "kube/changebatch.h"
#include "kube/clustersession.h"
#include "kube/resourcestore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Orrery;
using Fault = Orrery::Test::FakeApiServer::Fault;
using nlohmann::json;

namespace {

json pod(const std::string &ns, const std::string &name, const std::string &phase = "Running")
{
    return Test::FakeApiServer::makeObject(
        ns, name,
        {{"spec", {{"containers", {{{"name", "c"}, {"image", "nginx"}}}}}},
         {"status", {{"phase", phase}}}});
}

QStringList serverNames(const Test::FakeApiServer &server, const std::string &resource)
{
    QStringList out;
    for (const json &o : server.objects(resource))
        out << QString::fromStdString(o["metadata"].value("namespace", std::string()) + "/"
                                      + o["metadata"].value("name", std::string()) + "@"
                                      + o["metadata"].value("resourceVersion", std::string()));
    out.sort();
    return out;
}

QStringList storeNames(const ResourceStore *store, Kind kind)
{
    QStringList out;
    for (const KubeObjectPtr &o : store->objects(kind))
        out << o->key() + QLatin1Char('@') + o->resourceVersion;
    out.sort();
    return out;
}

InformerOptions fastOptions()
{
    InformerOptions o;
    o.initialBackoffMs = 20;
    o.maxBackoffMs = 200;
    // Long enough that only resync() can notice the silent watch within the test.
    o.watchIdleTimeoutMs = 60000;
    o.minWatchTimeoutSec = 300;
    o.maxWatchTimeoutSec = 600;
    return o;
}

} // namespace

class tst_Resync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::FakeApiServer> m_server;

    std::unique_ptr<ClusterSession> makeSession(QList<Kind> kinds = {Kind::Pod})
    {
        ClusterConnection c;
        c.contextName = QStringLiteral("test");
        c.server = QString::fromStdString(m_server->url());
        c.credentials = std::make_shared<Test::TestCredentialProvider>(QList<QByteArray>{"t0k3n"});
        auto session = std::make_unique<ClusterSession>(c);
        session->setOptions(fastOptions());
        session->setKinds(kinds);
        return session;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<Test::FakeApiServer>();
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void relistsInPlaceAfterSilentWatch()
    {
        m_server->put("pods", pod("a", "keep"));
        m_server->put("pods", pod("a", "changes"));
        m_server->put("pods", pod("a", "goes"));
        m_server->put("deployments", Test::FakeApiServer::makeObject("a", "web"));
        // The first pods watch is a dead socket: headers, then nothing (as after a sleep).
        m_server->addFault("pods", Fault::WatchSilent);
        auto session = makeSession({Kind::Pod, Kind::Deployment});
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(session->isSynced(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->activeWatches(), 2, 5000);
        QCOMPARE(session->health(Kind::Pod).state, WatchHealth::State::Live);

        // The cluster moves on; the silent watch tells us nothing.
        m_server->put("pods", pod("a", "changes", "Succeeded"));
        QVERIFY(m_server->remove("pods", "a", "goes"));
        m_server->put("pods", pod("a", "new"));
        QTest::qWait(300);
        QVERIFY(storeNames(session->store(), Kind::Pod) != serverNames(*m_server, "pods"));

        const KubeObjectPtr keepBefore = session->store()->object(Kind::Pod, "a", "keep");
        QSignalSpy health(session.get(), &ClusterSession::healthChanged);
        QSignalSpy changed(session->store(), &ResourceStore::changed);
        const int podLists = m_server->fullListCount("pods");
        const int deploymentLists = m_server->fullListCount("deployments");
        const int podWatches = m_server->watchCount("pods");
        const QString reason = QStringLiteral("the computer woke from sleep");
        session->resync(reason);

        // Every informer relists at once (not after its idle deadline) and catches up.
        QTRY_COMPARE_WITH_TIMEOUT(storeNames(session->store(), Kind::Pod),
                                  serverNames(*m_server, "pods"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->fullListCount("deployments"), deploymentLists + 1,
                                  5000);
        QCOMPARE(m_server->fullListCount("pods"), podLists + 1);
        QTRY_COMPARE_WITH_TIMEOUT(session->health(Kind::Pod).state, WatchHealth::State::Live, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(session->health(Kind::Deployment).state, WatchHealth::State::Live,
                                  5000);
        QCOMPARE(session->health(Kind::Pod).relistCount, 1);

        // Health said why, then Live: Reconnecting(reason) comes before Live for each kind.
        for (Kind kind : {Kind::Pod, Kind::Deployment}) {
            int reconnecting = -1, live = -1;
            for (int i = 0; i < health.count(); ++i) {
                const auto h = health.at(i).at(0).value<WatchHealth>();
                if (h.kind != kind)
                    continue;
                if (h.state == WatchHealth::State::Reconnecting && reconnecting < 0) {
                    reconnecting = i;
                    QCOMPARE(h.lastError->message, reason);
                }
                if (h.state == WatchHealth::State::Live && reconnecting >= 0 && live < 0)
                    live = i;
            }
            QVERIFY2(reconnecting >= 0, kindName(kind).toUtf8());
            QVERIFY2(live > reconnecting, kindName(kind).toUtf8());
        }

        // In place: the unchanged object is the same object, never removed or re-added; the
        // store only reported what really changed.
        QCOMPARE(session->store()->object(Kind::Pod, "a", "keep"), keepBefore);
        int added = 0, modified = 0, deleted = 0;
        for (const QList<QVariant> &args : changed) {
            const auto batch = args.at(0).value<ChangeBatch>();
            for (const ObjectChange &c : batch.changes) {
                QVERIFY(c.object->name != QLatin1String("keep"));
                added += c.type == ObjectChange::Type::Added;
                modified += c.type == ObjectChange::Type::Modified;
                deleted += c.type == ObjectChange::Type::Deleted;
            }
        }
        QCOMPARE(added, 1);    // new
        QCOMPARE(modified, 1); // changes
        QCOMPARE(deleted, 1);  // goes

        // And one new watch is live: later events arrive without another list. (The server
        // notices the dropped silent watch only when it next writes, so activeWatches lags.)
        QTRY_COMPARE_WITH_TIMEOUT(m_server->watchCount("pods"), podWatches + 1, 5000);
        m_server->put("pods", pod("a", "after"));
        QTRY_VERIFY_WITH_TIMEOUT(session->store()->object(Kind::Pod, "a", "after"), 5000);
        QCOMPARE(m_server->fullListCount("pods"), podLists + 1);
        QCOMPARE(m_server->watchCount("pods"), podWatches + 1);
    }

    void resyncDuringBackoffListsAtOnce()
    {
        // The server went away: the informer backs off. When the network comes back, resync
        // does not wait for the next backoff step.
        m_server->put("pods", pod("a", "one"));
        auto session = makeSession();
        InformerOptions slow = fastOptions();
        slow.initialBackoffMs = 20000;
        slow.maxBackoffMs = 60000;
        session->setOptions(slow);
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(session->isSynced(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->activeWatches(), 1, 5000);
        m_server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(session->health(Kind::Pod).state != WatchHealth::State::Live,
                                 10000);
        QVERIFY(m_server->restart({{"pods", pod("a", "one")}, {"pods", pod("a", "two")}}));
        QTest::qWait(200);
        QCOMPARE(session->store()->count(Kind::Pod), 1); // still backing off (20 s)
        session->resync(QStringLiteral("the network changed"));
        QTRY_COMPARE_WITH_TIMEOUT(session->store()->count(Kind::Pod), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(session->health(Kind::Pod).state, WatchHealth::State::Live, 5000);
        QCOMPARE(storeNames(session->store(), Kind::Pod), serverNames(*m_server, "pods"));
    }

    void resyncWaitsOutTheServersRetryAfter()
    {
        // A resync drops the informer's own backoff, not the server's Retry-After: after a
        // 429 that asked for two seconds, the resync's list waits them out.
        Test::FaultyApiServer server;
        QVERIFY(server.start());
        server.put("pods", pod("a", "one"));
        ClusterConnection c;
        c.contextName = QStringLiteral("test");
        c.server = QString::fromStdString(server.url());
        ClusterSession session(c);
        session.setOptions(fastOptions());
        session.setKinds({Kind::Pod});
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.isSynced(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(session.health(Kind::Pod).state, WatchHealth::State::Live, 5000);

        // The open watch ends; the re-watch meets 429 with Retry-After: 2, and the informer
        // reads it (its health quotes the server's Status).
        server.inject("pods", {Test::FaultyApiServer::Fault::WatchStatus, 429, 2, 0, 0});
        QTRY_VERIFY_WITH_TIMEOUT(session.health(Kind::Pod).lastError
                                     && session.health(Kind::Pod).lastError->retryAfterMs == 2000,
                                 5000);
        QCOMPARE(server.retryAfterRecords().size(), std::size_t(1));
        const int lists = server.fullLists("pods");
        session.resync(QStringLiteral("the network changed"));
        QTRY_VERIFY_WITH_TIMEOUT(server.retryAfterRecords().front().nextRequestAt
                                     != std::chrono::steady_clock::time_point(),
                                 10000);
        const Test::FaultyApiServer::RetryAfterRecord r = server.retryAfterRecords().front();
        const auto gapMs
            = std::chrono::duration_cast<std::chrono::milliseconds>(r.nextRequestAt - r.answeredAt)
                  .count();
        QVERIFY2(
            gapMs >= 2000,
            qPrintable(QStringLiteral("the next request came %1 ms after the 429").arg(gapMs)));
        // That request was the resync's list, and it brings the informer back.
        QTRY_COMPARE_WITH_TIMEOUT(server.fullLists("pods"), lists + 1, 5000);
        server.put("pods", pod("a", "two"));
        QTRY_COMPARE_WITH_TIMEOUT(session.store()->count(Kind::Pod), 2, 5000);
        QCOMPARE(session.health(Kind::Pod).state, WatchHealth::State::Live);
    }

    void noOpBeforeFirstSync()
    {
        // Forbidden kinds never synced: resync leaves them in Error without extra requests.
        m_server->setForbidden("pods", true);
        auto session = makeSession();
        session->start();
        QTRY_COMPARE_WITH_TIMEOUT(session->health(Kind::Pod).state, WatchHealth::State::Error,
                                  10000);
        session->resync(QStringLiteral("woke up"));
        QTest::qWait(100);
        QCOMPARE(session->health(Kind::Pod).state, WatchHealth::State::Error);
        QCOMPARE(session->health(Kind::Pod).lastError->code, Error::Code::Forbidden);
    }
};

QTEST_GUILESS_MAIN(tst_Resync)
#include "tst_resync.moc"
