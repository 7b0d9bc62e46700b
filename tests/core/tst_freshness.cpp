// SPDX-License-Identifier: GPL-3.0-or-later
// Freshness: the informers' health of one context summarized into one answer and its words
// (what the status bar and the stale banner over a table say).
#include <kube/freshness.h>

#include <QTest>

using namespace Orrery;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);

WatchHealth health(Kind kind, WatchHealth::State state, qint64 secondsAgo = -1,
                   const QString &error = {})
{
    WatchHealth h;
    h.kind = kind;
    h.state = state;
    if (secondsAgo >= 0)
        h.lastEventTime = kNow.addSecs(-secondsAgo);
    if (!error.isEmpty())
        h.lastError = Error{Error::Code::Network, error};
    return h;
}

} // namespace

class TestFreshness : public QObject
{
    Q_OBJECT

private slots:
    void summarize_data();
    void summarize();
    void disconnected();
    void discoveryErrorBeforeSync();
    void liveButSilentIsStale();
    void words_data();
    void words();
    void staleBanner();
};

void TestFreshness::summarize_data()
{
    using S = WatchHealth::State;
    using F = Freshness::State;
    QTest::addColumn<QList<WatchHealth>>("health");
    QTest::addColumn<bool>("synced");
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("sinceSecondsAgo"); // -1: invalid
    QTest::addColumn<QString>("reason");

    QTest::newRow("no informers yet")
        << QList<WatchHealth>{} << false << int(F::Syncing) << qint64(-1) << QString();
    QTest::newRow("one kind still listing")
        << QList<WatchHealth>{health(Kind::Pod, S::Live, 5), health(Kind::Service, S::Syncing)}
        << false << int(F::Syncing) << qint64(-1) << QString();
    QTest::newRow("all live: the newest event")
        << QList<WatchHealth>{health(Kind::Pod, S::Live, 5), health(Kind::Service, S::Live, 2)}
        << true << int(F::Live) << qint64(2) << QString();
    QTest::newRow("synced, a kind relisting is still live")
        << QList<WatchHealth>{health(Kind::Pod, S::Live, 5), health(Kind::Service, S::Syncing)}
        << true << int(F::Live) << qint64(5) << QString();
    QTest::newRow("a 403 on one kind is not the cluster's error")
        << QList<WatchHealth>{health(Kind::Pod, S::Live, 1),
                              health(Kind::Secret, S::Error, -1, "forbidden")}
        << true << int(F::Live) << qint64(1) << QString();
    QTest::newRow("reconnecting names the first reason")
        << QList<WatchHealth>{health(Kind::Pod, S::Reconnecting, 8, "reset"),
                              health(Kind::Service, S::Reconnecting, 4, "refused"),
                              health(Kind::Node, S::Live, 3)}
        << true << int(F::Reconnecting) << qint64(3) << QString("reset");
    QTest::newRow("stale wins, since the oldest stale event")
        << QList<WatchHealth>{health(Kind::Pod, S::Stale, 40, "timeout"),
                              health(Kind::Service, S::Stale, 90),
                              health(Kind::Node, S::Reconnecting, 2, "reset"),
                              health(Kind::Event, S::Live, 1)}
        << true << int(F::Stale) << qint64(90) << QString("timeout");
}

void TestFreshness::summarize()
{
    QFETCH(QList<WatchHealth>, health);
    QFETCH(bool, synced);
    QFETCH(int, state);
    QFETCH(qint64, sinceSecondsAgo);
    QFETCH(QString, reason);
    const Freshness f = Freshness::summarize(health, synced, std::nullopt);
    QCOMPARE(int(f.state), state);
    QCOMPARE(f.since.isValid(), sinceSecondsAgo >= 0);
    if (sinceSecondsAgo >= 0)
        QCOMPARE(f.since, kNow.addSecs(-sinceSecondsAgo));
    QCOMPARE(f.reason, reason);
}

void TestFreshness::disconnected()
{
    const Freshness plain = Freshness::disconnected();
    QCOMPARE(plain.state, Freshness::State::Disconnected);
    QCOMPARE(plain.text(kNow), QString("Not connected"));
    const Freshness failed
        = Freshness::disconnected(Error{Error::Code::AuthError, "token expired"});
    QCOMPARE(failed.state, Freshness::State::Error);
    QCOMPARE(failed.text(kNow), QString("Error: token expired"));
}

void TestFreshness::discoveryErrorBeforeSync()
{
    const QList<WatchHealth> live{health(Kind::Pod, WatchHealth::State::Live, 1)};
    const Error error{Error::Code::Network, "no route to host"};
    const Freshness early = Freshness::summarize(live, false, error);
    QCOMPARE(early.state, Freshness::State::Error);
    QCOMPARE(early.reason, QString("no route to host"));
    // Once synced, the informers speak: a later discovery failure does not hide live data.
    QCOMPARE(Freshness::summarize(live, true, error).state, Freshness::State::Live);
}

void TestFreshness::liveButSilentIsStale()
{
    Freshness f;
    f.state = Freshness::State::Live;
    f.since = kNow.addSecs(-(Freshness::liveStaleAfterSecs() - 30));
    QCOMPARE(f.effectiveState(kNow), Freshness::State::Live);
    QVERIFY(!f.explanation(kNow).contains("Ctrl+R"));
    f.since = kNow.addSecs(-(Freshness::liveStaleAfterSecs() + 60));
    QCOMPARE(f.effectiveState(kNow), Freshness::State::Stale);
    QCOMPARE(f.text(kNow), QString("STALE · data is 4 min old"));
    QVERIFY2(f.explanation(kNow).contains("Ctrl+R"), qPrintable(f.explanation(kNow)));
}

void TestFreshness::words_data()
{
    using F = Freshness::State;
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("text");
    QTest::newRow("syncing") << int(F::Syncing) << qint64(-1) << QString() << "Loading…";
    QTest::newRow("live, no event yet") << int(F::Live) << qint64(-1) << QString() << "Live";
    QTest::newRow("live") << int(F::Live) << qint64(3) << QString() << "Live · last update 3 s ago";
    QTest::newRow("live, minutes")
        << int(F::Live) << qint64(150) << QString() << "Live · last update 2 min ago";
    QTest::newRow("reconnecting") << int(F::Reconnecting) << qint64(3) << QString()
                                  << "Reconnecting…";
    QTest::newRow("reconnecting, why")
        << int(F::Reconnecting) << qint64(3) << QString("connection reset")
        << "Reconnecting: connection reset";
    QTest::newRow("stale") << int(F::Stale) << qint64(300) << QString("timeout")
                           << "STALE · data is 5 min old";
    QTest::newRow("stale, hours") << int(F::Stale) << qint64(3 * 3600) << QString()
                                  << "STALE · data is 3 h old";
    QTest::newRow("stale, no event") << int(F::Stale) << qint64(-1) << QString() << "STALE";
    QTest::newRow("error") << int(F::Error) << qint64(-1) << QString("403 Forbidden")
                           << "Error: 403 Forbidden";
    QTest::newRow("error, no reason") << int(F::Error) << qint64(-1) << QString() << "Error";
}

void TestFreshness::words()
{
    QFETCH(int, state);
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, reason);
    QFETCH(QString, text);
    Freshness f;
    f.state = Freshness::State(state);
    if (secondsAgo >= 0)
        f.since = kNow.addSecs(-secondsAgo);
    f.reason = reason;
    QCOMPARE(f.text(kNow), text);
    QCOMPARE(f.explanation(kNow), reason.isEmpty() ? text : reason);
}

void TestFreshness::staleBanner()
{
    using S = WatchHealth::State;
    QVERIFY(Freshness::staleBanner(health(Kind::Pod, S::Live, 2), "pods", kNow).isEmpty());
    QVERIFY(Freshness::staleBanner(health(Kind::Pod, S::Reconnecting, 2, "reset"), "pods", kNow)
                .isEmpty());
    QCOMPARE(Freshness::staleBanner(health(Kind::Pod, S::Stale, 42), "pods", kNow),
             QString("⚠ These pods may be out of date: no update for 42 s."));
    QCOMPARE(Freshness::staleBanner(health(Kind::Service, S::Stale), "services", kNow),
             QString("⚠ These services may be out of date."));
    QCOMPARE(Freshness::staleBanner(health(Kind::Pod, S::Stale, 7, "timeout"), "pods", kNow),
             QString("⚠ These pods may be out of date: no update for 7 s. Reconnecting: timeout"));
}

QTEST_GUILESS_MAIN(TestFreshness)
#include "tst_freshness.moc"
