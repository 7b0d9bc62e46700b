// SPDX-License-Identifier: GPL-3.0-or-later
// SessionManager against the fake API server: one session per context, kept while another
// context is active, replaced by a reconnect, deleted by a disconnect; a failed connection
// reported with its reason; a wake-up relists the synced sessions in place.
#include "fakeapiserver.h"
#include "testcredentialprovider.h"

#include <clockjumpdetector.h>
#include <sessionmanager.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>

#include <QSignalSpy>
#include <QTest>

using namespace Orrery;
using ConnectionState = ContextTreeModel::ConnectionState;

class TestSessionManager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void failedConnection();
    void sessionsPerContext();
    void wakeUpRelistsInPlace();
    void reloadKeepsTheOldSessionUntilTheNewOneSynced();

private:
    SessionManager::Factory fakeServerFactory();
    std::unique_ptr<Test::FakeApiServer> m_server;
};

void TestSessionManager::initTestCase()
{
    qRegisterMetaType<ClusterSession *>();
    qRegisterMetaType<ContextTreeModel::ConnectionState>();
    m_server = std::make_unique<Test::FakeApiServer>();
    m_server->setBookmarkIntervalMs(100);
    m_server->put("pods", Test::FakeApiServer::makeObject(
                              "shop", "web-1",
                              {{"spec", {{"containers", {{{"name", "c"}, {"image", "nginx"}}}}}},
                               {"status", {{"phase", "Running"}}}}));
    QVERIFY(m_server->start());
}

SessionManager::Factory TestSessionManager::fakeServerFactory()
{
    const std::string url = m_server->url();
    return [url](const QString &context, QObject *parent) -> Result<ClusterSession *> {
        ClusterConnection c;
        c.contextName = context;
        c.server = QString::fromStdString(url);
        c.credentials = std::make_shared<Test::TestCredentialProvider>(QList<QByteArray>{"t0k3n"});
        auto *session = new ClusterSession(c, parent);
        session->setKinds({Kind::Pod});
        return session;
    };
}

void TestSessionManager::failedConnection()
{
    SessionManager sessions([](const QString &, QObject *) -> Result<ClusterSession *> {
        return Error(Error::Code::Network, QStringLiteral("unreachable"));
    });
    QSignalSpy contexts(&sessions, &SessionManager::activeContextChanged);
    QSignalSpy active(&sessions, &SessionManager::activeSessionChanged);
    QSignalSpy states(&sessions, &SessionManager::connectionStateChanged);
    sessions.setActiveContext("prod");
    QCOMPARE(sessions.activeContext(), QString("prod"));
    QCOMPARE(contexts.count(), 1);
    QCOMPARE(active.count(), 1);
    QCOMPARE(active.at(0).at(0).value<ClusterSession *>(), nullptr);
    QCOMPARE(states.count(), 1);
    QCOMPARE(states.at(0).at(1).value<ConnectionState>(), ConnectionState::Error);
    QCOMPARE(states.at(0).at(2).toString(), QString("unreachable"));
    QVERIFY(!sessions.session("prod"));
    QVERIFY(sessions.discoveryError("prod"));
    const Freshness freshness = sessions.freshness("prod");
    QCOMPARE(freshness.state, Freshness::State::Error);
    QCOMPARE(freshness.reason, QString("unreachable"));
    // Activating the active context again changes nothing.
    sessions.setActiveContext("prod");
    QCOMPARE(contexts.count(), 1);
}

void TestSessionManager::sessionsPerContext()
{
    SessionManager sessions(fakeServerFactory());
    QSignalSpy synced(&sessions, &SessionManager::contextSynced);
    QSignalSpy states(&sessions, &SessionManager::connectionStateChanged);
    sessions.setActiveContext("a");
    ClusterSession *a = sessions.activeSession();
    QVERIFY(a);
    QTRY_VERIFY_WITH_TIMEOUT(synced.contains({QString("a")}), 10000);
    QVERIFY(sessions.isSynced("a"));
    QTRY_COMPARE_WITH_TIMEOUT(sessions.freshness("a").state, Freshness::State::Live, 10000);
    QCOMPARE(states.last().at(1).value<ConnectionState>(), ConnectionState::Connected);

    // Another context: the first session is kept, so coming back is instant.
    sessions.setActiveContext("b");
    QVERIFY(sessions.activeSession() && sessions.activeSession() != a);
    QCOMPARE(sessions.session("a"), a);
    QCOMPARE(sessions.connectedContexts().size(), 2);

    // Reconnecting the active context: its viewers let go of the old session, then take the
    // new one; the reason is announced.
    QSignalSpy contexts(&sessions, &SessionManager::activeContextChanged);
    QSignalSpy active(&sessions, &SessionManager::activeSessionChanged);
    QSignalSpy reloading(&sessions, &SessionManager::reloading);
    sessions.reconnectContext("b", "asked for");
    QCOMPARE(active.count(), 2);
    QCOMPARE(active.at(0).at(0).value<ClusterSession *>(), nullptr);
    ClusterSession *newB = active.at(1).at(0).value<ClusterSession *>();
    QVERIFY(newB);
    QCOMPARE(newB, sessions.session("b"));
    QCOMPARE(contexts.count(), 1);
    QCOMPARE(reloading.count(), 1);
    QCOMPARE(reloading.at(0).at(1).toString(), QString("asked for"));

    // Disconnecting a context that is not active deletes its session quietly.
    active.clear();
    sessions.disconnectContext("a");
    QVERIFY(!sessions.session("a"));
    QCOMPARE(active.count(), 0);
    QCOMPARE(states.last().at(0).toString(), QString("a"));
    QCOMPARE(states.last().at(1).value<ConnectionState>(), ConnectionState::Disconnected);
    QCOMPARE(sessions.freshness("a").state, Freshness::State::Disconnected);
}

void TestSessionManager::wakeUpRelistsInPlace()
{
    SessionManager sessions(fakeServerFactory());
    QSignalSpy synced(&sessions, &SessionManager::contextSynced);
    sessions.setActiveContext("a");
    ClusterSession *a = sessions.activeSession();
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 10000);

    QSignalSpy reloadingAll(&sessions, &SessionManager::reloadingAll);
    QSignalSpy active(&sessions, &SessionManager::activeSessionChanged);
    emit sessions.clockJumpDetector()->jumped(90000);
    QCOMPARE(reloadingAll.count(), 1);
    const QString why = reloadingAll.at(0).at(0).toString();
    QVERIFY2(why.contains("woke up") && why.contains("90 s"), qPrintable(why));
    // A synced session relists in place: same session, no viewer had to let go of it.
    QCOMPARE(sessions.activeSession(), a);
    QCOMPARE(active.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(sessions.freshness("a").state, Freshness::State::Live, 10000);
}

void TestSessionManager::reloadKeepsTheOldSessionUntilTheNewOneSynced()
{
    // Ctrl+R and a changed kubeconfig: the old session (and its rows) stays shown, marked not
    // live, until the new session has synced; viewers never get a null or empty session.
    SessionManager sessions(fakeServerFactory());
    QSignalSpy synced(&sessions, &SessionManager::contextSynced);
    sessions.setActiveContext("a");
    ClusterSession *a = sessions.activeSession();
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sessions.freshness("a").state, Freshness::State::Live, 10000);
    QVERIFY(!a->store()->objects(Kind::Pod).isEmpty());

    QSignalSpy active(&sessions, &SessionManager::activeSessionChanged);
    QSignalSpy reloading(&sessions, &SessionManager::reloading);
    sessions.reloadContext("a", "asked for");
    QVERIFY(sessions.isReloading("a"));
    QCOMPARE(sessions.activeSession(), a);
    QCOMPARE(active.count(), 0);
    QCOMPARE(reloading.count(), 1);
    const Freshness during = sessions.freshness("a");
    QCOMPARE(during.state, Freshness::State::Reconnecting);
    QVERIFY2(during.reason.contains("asked for"), qPrintable(during.reason));

    QTRY_VERIFY_WITH_TIMEOUT(!sessions.isReloading("a"), 10000);
    QCOMPARE(active.count(), 1);
    ClusterSession *fresh = active.at(0).at(0).value<ClusterSession *>();
    QVERIFY(fresh && fresh != a);
    QCOMPARE(sessions.activeSession(), fresh);
    QVERIFY(!fresh->store()->objects(Kind::Pod).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(sessions.freshness("a").state, Freshness::State::Live, 10000);

    // A context that never synced has nothing to keep: it reconnects at once.
    SessionManager failing([](const QString &, QObject *) -> Result<ClusterSession *> {
        return Error(Error::Code::Network, QStringLiteral("unreachable"));
    });
    failing.setActiveContext("b");
    failing.reloadContext("b", "asked for");
    QVERIFY(!failing.isReloading("b"));
}

QTEST_GUILESS_MAIN(TestSessionManager)
#include "tst_sessionmanager.moc"
