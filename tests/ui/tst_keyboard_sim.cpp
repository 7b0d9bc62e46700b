// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18, "Keyboard", against orrery-sim: "/" focuses the filter and ":" jumps to a kind or a
// page by kubectl name or short name (":deploy", ":po", ":topology", ":problems"), as in k9s,
// and says so when nothing has that name; Down and Enter move from the filter into the rows;
// the command palette finds pages, commands and the objects of every connected context, and
// says when nothing matches; the shortcut list holds every key the window's actions and
// shortcuts have (F5 and Ctrl+Shift+A among them).
#include "eventloopwait.h"
#include "simwindowfixture.h"

#include <commandpalette.h>
#include <kindjump.h>
#include <palettemodel.h>
#include <problemspage.h>
#include <resourcebrowser.h>
#include <shortcutsdialog.h>
#include <topologypage.h>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QShortcut>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Orrery;
using Orrery::Test::waitUntil;

class TestKeyboardSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void slashFocusesTheFilter();
    void downAndEnterMoveIntoTheRows();
    void colonJumps_data();
    void colonJumps();
    void colonSaysWhenNothingHasThatName();
    void paletteFindsPagesCommandsAndOtherContexts();
    void paletteSaysWhenNothingMatches();
    void shortcutListIsComplete();

private:
    MainWindow &window() { return m_window->window; }
    QLineEdit *filter() const { return m_window->window.resourceBrowser()->filterEdit(); }

    Orrery::Test::SimWindowFixture m_ui;
    std::unique_ptr<Orrery::Test::WindowUnderTest> m_window;
};

void TestKeyboardSim::initTestCase()
{
    QVERIFY2(m_ui.start(QStringLiteral("microk8s-shop")), qPrintable(m_ui.error));
    m_window = std::make_unique<Orrery::Test::WindowUnderTest>(m_ui);
    // The pages app/ adds: the topology (with its F5) and a page added late.
    auto *topology = new TopologyPage;
    window().addCentralPage(QStringLiteral("Topology"), topology);
    window().activateContext(m_ui.context);
    QVERIFY(waitUntil([&] { return m_window->sessions.isSynced(m_ui.context); }, 60000));
    topology->setSession(window().activeSession());
    window().selectKind(Kind::Pod);
    QVERIFY(waitUntil([&] { return window().tableView()->model()->rowCount() > 0; }, 10000));
    window().show();
    QApplication::setActiveWindow(&window());
    QVERIFY(QTest::qWaitForWindowActive(&window()));
}

void TestKeyboardSim::cleanupTestCase()
{
    m_window.reset();
    m_ui.stop();
}

void TestKeyboardSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

void TestKeyboardSim::slashFocusesTheFilter()
{
    window().selectKind(Kind::Pod);
    window().tableView()->setFocus();
    QVERIFY(window().tableView()->hasFocus());
    QTest::keyClick(window().tableView(), Qt::Key_Slash);
    QLineEdit *f = filter();
    QVERIFY(f);
    QTRY_VERIFY(f->hasFocus());
    // In the filter, "/" is text, not the shortcut.
    QTest::keyClicks(f, QStringLiteral("a/b"));
    QCOMPARE(f->text(), QStringLiteral("a/b"));
    f->clear();
}

void TestKeyboardSim::downAndEnterMoveIntoTheRows()
{
    window().selectKind(Kind::Pod);
    window().tableView()->clearSelection();
    window().tableView()->setCurrentIndex({});
    QLineEdit *f = filter();
    f->setFocus();
    QTest::keyClicks(f, QStringLiteral("product"));
    QVERIFY(window().tableView()->model()->rowCount() > 0);
    QTest::keyClick(f, Qt::Key_Down);
    QVERIFY(window().tableView()->hasFocus());
    QCOMPARE(window().tableView()->currentIndex().row(), 0);
    QVERIFY(window().selectedObject());
    QVERIFY(window().selectedObject()->name.startsWith(QLatin1String("product")));

    f->setFocus();
    window().tableView()->setCurrentIndex({});
    QTest::keyClick(f, Qt::Key_Return);
    QVERIFY(window().tableView()->hasFocus());
    QVERIFY(window().tableView()->currentIndex().isValid());
    f->clear();
}

void TestKeyboardSim::colonJumps_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("kind"); // -1: a page
    QTest::addColumn<QString>("page");
    QTest::newRow("deploy") << "deploy" << int(Kind::Deployment) << QString();
    QTest::newRow("po") << "po" << int(Kind::Pod) << QString();
    QTest::newRow("svc") << "svc" << int(Kind::Service) << QString();
    QTest::newRow("hpa") << "hpa" << int(Kind::HorizontalPodAutoscaler) << QString();
    QTest::newRow("plural") << "configmaps" << int(Kind::ConfigMap) << QString();
    QTest::newRow("topology") << "topology" << -1 << "Topology";
    QTest::newRow("problems") << "problems" << -1 << "Problems";
    QTest::newRow("prefix") << "statefu" << int(Kind::StatefulSet) << QString();
}

void TestKeyboardSim::colonJumps()
{
    QFETCH(QString, typed);
    QFETCH(int, kind);
    QFETCH(QString, page);
    window().selectKind(Kind::Namespace);
    window().tableView()->setFocus();
    QTest::keyClick(window().tableView(), ':');
    KindJump *jump = window().kindJump();
    QTRY_VERIFY(jump->isVisible());
    QVERIFY(jump->field()->hasFocus());
    QTest::keyClicks(jump->field(), typed);
    QTest::keyClick(jump->field(), Qt::Key_Return);
    QVERIFY(!jump->isVisible());
    if (kind >= 0) {
        QCOMPARE(window().currentPage(), static_cast<QWidget *>(window().resourceBrowser()));
        QCOMPARE(int(window().currentKind()), kind);
        QVERIFY(window().tableView()->hasFocus());
    } else {
        QWidget *current = window().currentPage();
        if (page == QLatin1String("Problems"))
            QCOMPARE(current, static_cast<QWidget *>(window().problemsPage()));
        else
            QVERIFY(qobject_cast<TopologyPage *>(current));
    }
}

void TestKeyboardSim::colonSaysWhenNothingHasThatName()
{
    window().selectKind(Kind::Pod);
    window().tableView()->setFocus();
    QTest::keyClick(window().tableView(), ':');
    KindJump *jump = window().kindJump();
    QTRY_VERIFY(jump->isVisible());
    QTest::keyClicks(jump->field(), QStringLiteral("flurbs"));
    QTest::keyClick(jump->field(), Qt::Key_Return);
    QVERIFY(jump->isVisible());
    QVERIFY2(jump->message()->text().contains(QLatin1String("flurbs")),
             qPrintable(jump->message()->text()));
    QCOMPARE(window().currentKind(), Kind::Pod);
    QTest::keyClick(jump->field(), Qt::Key_Escape);
    QVERIFY(!jump->isVisible());
}

void TestKeyboardSim::paletteFindsPagesCommandsAndOtherContexts()
{
    // A second connected context: its objects are found too, and choosing one switches.
    const QString viewer = m_ui.context + QStringLiteral("-viewer");
    m_window->sessions.connectContext(viewer);
    QVERIFY(waitUntil([&] { return m_window->sessions.isSynced(viewer); }, 60000));
    QCOMPARE(window().activeContext(), m_ui.context);

    window().openCommandPalette();
    CommandPalette *palette = window().commandPalette();
    QVERIFY(palette->isVisible());
    PaletteModel *model = palette->model();
    bool page = false, command = false, otherContextObject = false;
    for (int r = 0; r < model->rowCount(); ++r) {
        const PaletteEntry &e = model->entry(r);
        page = page || (e.type == PaletteEntry::Type::Page && e.title == QLatin1String("Problems"));
        command = command
                  || (e.type == PaletteEntry::Type::Action
                      && e.title == QLatin1String("Reconnect Cluster"));
        otherContextObject
            = otherContextObject || (e.type == PaletteEntry::Type::Resource && e.context == viewer);
    }
    QVERIFY(page);
    QVERIFY(command);
    QVERIFY(otherContextObject);

    // "Problems" → the page.
    QTest::keyClicks(palette->searchField(), QStringLiteral("Problems"));
    QCOMPARE(PaletteEntry::Type(
                 palette->listView()->currentIndex().data(PaletteModel::TypeRole).toInt()),
             PaletteEntry::Type::Page);
    QTest::keyClick(palette->searchField(), Qt::Key_Return);
    QCOMPARE(window().currentPage(), static_cast<QWidget *>(window().problemsPage()));

    // An object of the other context, chosen by entry: the window switches to that context.
    window().openCommandPalette();
    int viewerMongo = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        const PaletteEntry &e = model->entry(r);
        if (e.type == PaletteEntry::Type::Resource && e.context == viewer
            && e.title == QLatin1String("mongodb") && e.payload.value<Kind>() == Kind::Deployment)
            viewerMongo = r;
    }
    QVERIFY(viewerMongo >= 0);
    QVERIFY(model->entry(viewerMongo).subtitle.contains(QLatin1String("default")));
    emit palette->entryActivated(model->entry(viewerMongo));
    QCOMPARE(window().activeContext(), viewer);
    QVERIFY(window().selectedObject());
    QCOMPARE(window().selectedObject()->name, QStringLiteral("mongodb"));
    window().activateContext(m_ui.context);
}

void TestKeyboardSim::paletteSaysWhenNothingMatches()
{
    window().openCommandPalette();
    CommandPalette *palette = window().commandPalette();
    QVERIFY(!palette->nothingLabel()->isVisible());
    QTest::keyClicks(palette->searchField(), QStringLiteral("zzqxq"));
    QCOMPARE(palette->proxy()->rowCount(), 0);
    QVERIFY(palette->nothingLabel()->isVisible());
    QVERIFY2(palette->nothingLabel()->text().contains(QLatin1String("zzqxq")),
             qPrintable(palette->nothingLabel()->text()));
    palette->searchField()->clear();
    QVERIFY(!palette->nothingLabel()->isVisible());
    palette->hide();
}

void TestKeyboardSim::shortcutListIsComplete()
{
    ShortcutsDialog dialog(&window());
    QTableWidget *table = dialog.table();
    QStringList listed;
    for (int r = 0; r < table->rowCount(); ++r)
        listed << table->item(r, 0)->text() + QStringLiteral(" = ") + table->item(r, 1)->text();
    const auto listedKey = [&](const QKeySequence &key) {
        const QString text = key.toString(QKeySequence::NativeText);
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text().split(QStringLiteral(", ")).contains(text))
                return true;
        return false;
    };
    // Every key of every action and shortcut in the window is in the list.
    for (const QAction *action : window().findChildren<QAction *>())
        for (const QKeySequence &key : action->shortcuts())
            QVERIFY2(listedKey(key),
                     qPrintable(action->text() + QStringLiteral(": ")
                                + key.toString(QKeySequence::NativeText)
                                + QStringLiteral(" not in ") + listed.join(QStringLiteral("; "))));
    for (const QShortcut *shortcut : window().findChildren<QShortcut *>())
        for (const QKeySequence &key : shortcut->keys())
            QVERIFY2(listedKey(key), qPrintable(key.toString(QKeySequence::NativeText)));
    // The ones the issue found missing, and the new ones.
    QVERIFY2(listedKey(QKeySequence(Qt::Key_F5)), qPrintable(listed.join(QStringLiteral("; "))));
    QVERIFY(listedKey(QKeySequence(QStringLiteral("Ctrl+Shift+A"))));
    QVERIFY(listedKey(QKeySequence(Qt::Key_Slash)));
    QVERIFY(listedKey(QKeySequence(Qt::Key_Colon)));
    // Every row says what the key does.
    for (int r = 0; r < table->rowCount(); ++r)
        QVERIFY2(!table->item(r, 1)->text().isEmpty(), qPrintable(table->item(r, 0)->text()));
}

QTEST_MAIN(TestKeyboardSim)
#include "tst_keyboard_sim.moc"
