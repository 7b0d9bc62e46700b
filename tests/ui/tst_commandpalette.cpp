// SPDX-License-Identifier: GPL-3.0-or-later
// Command palette: fuzzy matching and ranking, keyboard navigation, activation.
#include <commandpalette.h>
#include <fuzzymatcher.h>

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

using namespace Orrery;

class TestCommandPalette : public QObject
{
    Q_OBJECT

private slots:
    void fuzzyScore_data();
    void fuzzyScore();
    void ranking();
    void keyboard();

private:
    static QList<PaletteEntry> entries();
};

QList<PaletteEntry> TestCommandPalette::entries()
{
    auto make = [](PaletteEntry::Type type, const QString &title, const QString &subtitle) {
        PaletteEntry e;
        e.type = type;
        e.title = title;
        e.subtitle = subtitle;
        e.payload = title;
        return e;
    };
    return {
        make(PaletteEntry::Type::Kind, "Pods", "Workloads"),
        make(PaletteEntry::Type::Kind, "Deployments", "Workloads"),
        make(PaletteEntry::Type::Kind, "Persistent Volume Claims", "Config and Storage"),
        make(PaletteEntry::Type::Context, "prod-eu", "Context"),
        make(PaletteEntry::Type::Resource, "web-frontend-7d9c", "Pod · shop"),
        make(PaletteEntry::Type::Resource, "workflow-engine-0", "Pod · batch"),
        make(PaletteEntry::Type::Resource, "payments-db-0", "Pod · payments"),
    };
}

void TestCommandPalette::fuzzyScore_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("matches");
    QTest::newRow("empty") << ""
                           << "anything" << true;
    QTest::newRow("prefix") << "web"
                            << "web-frontend" << true;
    QTest::newRow("subsequence") << "wfe"
                                 << "web-frontend" << true;
    QTest::newRow("case") << "WEB"
                          << "web-frontend" << true;
    QTest::newRow("order matters") << "efw"
                                   << "web-frontend" << false;
    QTest::newRow("missing char") << "webz"
                                  << "web-frontend" << false;
}

void TestCommandPalette::fuzzyScore()
{
    QFETCH(QString, pattern);
    QFETCH(QString, candidate);
    QFETCH(bool, matches);
    QCOMPARE(FuzzyMatcher::score(pattern, candidate) >= 0, matches);
}

void TestCommandPalette::ranking()
{
    // Word starts and runs beat scattered matches.
    QVERIFY(FuzzyMatcher::score("wf", "web-frontend")
            > FuzzyMatcher::score("wf", "workflow-engine"));
    QVERIFY(FuzzyMatcher::score("pods", "Pods") > FuzzyMatcher::score("pods", "payments-db-0-s"));
    QVERIFY(FuzzyMatcher::score("pvc", "Persistent Volume Claims") > 0);

    PaletteModel model;
    PaletteFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(entries());
    proxy.setPattern(QString());
    QCOMPARE(proxy.rowCount(), 7);
    proxy.setPattern("wfr");
    QVERIFY(proxy.rowCount() >= 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("web-frontend-7d9c"));
    proxy.setPattern("pod");
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Pods"));
    proxy.setPattern("zzz");
    QCOMPARE(proxy.rowCount(), 0);
    // "subtitle title": the namespace narrows resources.
    proxy.setPattern("payments db");
    QVERIFY(proxy.rowCount() >= 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("payments-db-0"));
}

void TestCommandPalette::keyboard()
{
    QWidget window;
    window.resize(800, 600);
    CommandPalette palette(&window);
    palette.setEntries(entries());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    palette.popup();
    QVERIFY(palette.isVisible());
    QSignalSpy activated(&palette, &CommandPalette::entryActivated);

    QTest::keyClicks(palette.searchField(), "dep");
    QCOMPARE(palette.listView()->currentIndex().data().toString(), QStringLiteral("Deployments"));
    QTest::keyClick(palette.searchField(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().value<PaletteEntry>().title, QStringLiteral("Deployments"));
    QVERIFY(!palette.isVisible());

    palette.popup();
    QVERIFY(palette.searchField()->text().isEmpty());
    QTest::keyClicks(palette.searchField(), "0");
    const int matches = palette.proxy()->rowCount();
    QVERIFY(matches >= 2);
    const QString first = palette.listView()->currentIndex().data().toString();
    QTest::keyClick(palette.searchField(), Qt::Key_Down);
    QVERIFY(palette.listView()->currentIndex().data().toString() != first);
    QTest::keyClick(palette.searchField(), Qt::Key_Up);
    QCOMPARE(palette.listView()->currentIndex().data().toString(), first);
    QTest::keyClick(palette.searchField(), Qt::Key_Escape);
    QVERIFY(!palette.isVisible());
    QCOMPARE(activated.count(), 1);
}

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
