// SPDX-License-Identifier: GPL-3.0-or-later
// Freshness indicator states, the clock-jump detector that triggers a relist, and the
// overlay that replaces empty tables with a reason.
#include <clockjumpdetector.h>
#include <freshnessindicator.h>
#include <messageoverlay.h>

#include <QDateTime>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Orrery;

class TestFreshnessIndicator : public QObject
{
    Q_OBJECT

private slots:
    void states();
    void liveTicks();
    void liveButSilentIsStale();
    void clockJump();
    void overlay();
};

void TestFreshnessIndicator::states()
{
    FreshnessIndicator indicator;
    QCOMPARE(indicator.state(), FreshnessIndicator::State::Disconnected);
    QVERIFY(indicator.text().contains("Not connected"));

    indicator.setState(FreshnessIndicator::State::Syncing);
    QVERIFY(indicator.text().startsWith("Loading"));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    indicator.setState(FreshnessIndicator::State::Live, now.addSecs(-3));
    QVERIFY2(indicator.text().contains("Live"), qPrintable(indicator.text()));
    QVERIFY2(indicator.text().contains("3 s") || indicator.text().contains("4 s"),
             qPrintable(indicator.text()));

    indicator.setState(FreshnessIndicator::State::Reconnecting, now, "connection reset");
    QVERIFY(indicator.text().contains("Reconnecting"));
    QVERIFY(indicator.text().contains("connection reset"));

    indicator.setState(FreshnessIndicator::State::Stale, now.addSecs(-300), "timeout");
    QVERIFY2(indicator.text().contains("STALE"), qPrintable(indicator.text()));
    QVERIFY2(indicator.text().contains("5 min"), qPrintable(indicator.text()));

    indicator.setState(FreshnessIndicator::State::Error, {}, "403 Forbidden");
    QVERIFY(indicator.text().contains("403 Forbidden"));
}

void TestFreshnessIndicator::liveTicks()
{
    FreshnessIndicator indicator;
    indicator.setState(FreshnessIndicator::State::Live, QDateTime::currentDateTimeUtc());
    const QString first = indicator.text();
    // The label follows the clock without new events: within a few seconds the text changes.
    QTRY_VERIFY_WITH_TIMEOUT(indicator.accessibleName() != first, 5000);
}

void TestFreshnessIndicator::liveButSilentIsStale()
{
    // "Live" whose last event or bookmark is older than the bookmark period allows is a dead
    // connection not yet noticed: never shown as live.
    FreshnessIndicator indicator;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    indicator.setState(FreshnessIndicator::State::Live,
                       now.addSecs(-(FreshnessIndicator::liveStaleAfterSecs() - 30)));
    QCOMPARE(indicator.state(), FreshnessIndicator::State::Live);
    indicator.setState(FreshnessIndicator::State::Live,
                       now.addSecs(-(FreshnessIndicator::liveStaleAfterSecs() + 60)));
    QCOMPARE(indicator.state(), FreshnessIndicator::State::Stale);
    QVERIFY2(indicator.text().contains("STALE"), qPrintable(indicator.text()));
    QVERIFY2(indicator.text().contains("4 min"), qPrintable(indicator.text()));
    QVERIFY(indicator.toolTip().contains("Ctrl+R"));
    // A fresh event brings it back.
    indicator.setState(FreshnessIndicator::State::Live, now);
    QCOMPARE(indicator.state(), FreshnessIndicator::State::Live);
}

void TestFreshnessIndicator::clockJump()
{
    ClockJumpDetector detector(nullptr, 3600 * 1000, 10000);
    QSignalSpy jumped(&detector, &ClockJumpDetector::jumped);
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    detector.check(wall, 0);
    jumped.clear();                    // the first check compares against construction time
    detector.check(wall + 2000, 2000); // normal tick
    QCOMPARE(jumped.count(), 0);
    detector.check(wall + 2000 + 3600000, 4000); // slept an hour
    QCOMPARE(jumped.count(), 1);
    QVERIFY(jumped.first().first().toLongLong() > 3500000);
    detector.check(wall + 3600000 + 4000, 6000);
    QCOMPARE(jumped.count(), 1);
}

void TestFreshnessIndicator::overlay()
{
    QTableView table;
    table.resize(400, 300);
    MessageOverlay overlay(&table);
    QSignalSpy action(&overlay, &MessageOverlay::actionTriggered);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    QVERIFY(!overlay.isVisible());
    overlay.showMessage(MessageOverlay::Severity::Error, "You may not list secrets here",
                        "Ask a cluster administrator", "Reconnect");
    QVERIFY(overlay.isVisible());
    QCOMPARE(overlay.geometry(), table.rect());
    QCOMPARE(overlay.title(), QStringLiteral("You may not list secrets here"));
    table.resize(500, 350);
    QTRY_COMPARE(overlay.geometry(), table.rect());
    overlay.clear();
    QVERIFY(!overlay.isVisible());
    QCOMPARE(action.count(), 0);
}

QTEST_MAIN(TestFreshnessIndicator)
#include "tst_freshnessindicator.moc"
