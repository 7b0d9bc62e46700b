// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18, the operator's day, against orrery-sim (pfe): the YAML edited in place in the
// details pane (E, the server's dry-run diff, the confirmation, the audited update, undo, a
// conflict explained with Reload and Show Differences, invalid values with their field paths,
// the protected context's typed name); repeated events grouped with their count, first and
// last seen; the topology's minimap never drawn over a node.
#include "eventloopwait.h"
#include "simwindowfixture.h"

#include <clusteroverviewpage.h>
#include <detailspane.h>
#include <eventfilterproxymodel.h>
#include <operations/confirmdialog.h>
#include <operations/operationspanel.h>
#include <problemmonitor.h>
#include <resourcetablemodel.h>
#include <theme.h>
#include <topologypage.h>
#include <yamleditbar.h>

#include <topologyminimap.h>
#include <topologynodeitem.h>
#include <topologyscene.h>
#include <topologyview.h>

#include <audit/auditlog.h>
#include <kube/resourcestore.h>

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

template <typename T> T *visibleTopLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    return nullptr;
}

template <typename T> T *waitForDialog(int timeoutMs = 15000)
{
    T *found = nullptr;
    waitUntil([&] { return (found = visibleTopLevel<T>()) != nullptr; }, timeoutMs);
    return found;
}

} // namespace

class TestOpsDaySim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void editAppliesAfterServerDiffAndUndoes();
    void editConflictIsExplained();
    void editInvalidValueNamesTheField();
    void editOnProtectedContextAsksForTheName();
    void repeatedEventsAreGrouped();
    void minimapNeverCoversANode();
    void overviewPageShowsTheCluster();

private:
    bool kubectl(const QStringList &args, QByteArray *out = nullptr);
    QString configMapValue(const QString &name);
    // Selects the object, presses E in the table and waits for the editable text.
    bool startEditing(Kind kind, const QString &ns, const QString &name);
    YamlEditBar *bar() const { return m_window->window.detailsPane()->editBar(); }
    QPlainTextEdit *yaml() const { return bar()->editor(); }

    Orrery::Test::SimWindowFixture m_ui;
    std::unique_ptr<Orrery::Test::WindowUnderTest> m_window;
    std::unique_ptr<OperationsPanel> m_panel;
};

bool TestOpsDaySim::kubectl(const QStringList &args, QByteArray *out)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_ui.dir.path());
    env.remove(QStringLiteral("KUBECONFIG"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("kubectl"),
            QStringList{QStringLiteral("--kubeconfig"), m_ui.kubeconfig} + args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning().noquote() << "kubectl" << args.join(QLatin1Char(' '))
                             << "failed:" << p.readAllStandardError();
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return true;
}

QString TestOpsDaySim::configMapValue(const QString &name)
{
    QByteArray out;
    if (!kubectl({"get", "configmap", name, "-n", "default", "-o", "jsonpath={.data.greeting}"},
                 &out))
        return {};
    return QString::fromUtf8(out);
}

bool TestOpsDaySim::startEditing(Kind kind, const QString &ns, const QString &name)
{
    MainWindow &window = m_window->window;
    window.selectKind(kind);
    if (!waitUntil([&] { return window.selectObject(kind, ns, name); }, 20000))
        return false;
    // The key goes through the window's shortcut map, as a user's would.
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    window.tableView()->setFocus();
    QTest::keyClick(window.tableView(), Qt::Key_E);
    return waitUntil([&] { return bar()->isEditing(); }, 15000);
}

void TestOpsDaySim::initTestCase()
{
    QVERIFY2(m_ui.start(QStringLiteral("pfe")), qPrintable(m_ui.error));
    m_window = std::make_unique<Orrery::Test::WindowUnderTest>(m_ui);
    m_panel = std::make_unique<OperationsPanel>();
    m_window->controller.setPanel(m_panel.get());
    // What app/operationswiring.cpp does.
    m_window->window.detailsPane()->setEditHooks(m_window->controller.editHooks());
    MainWindow &window = m_window->window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateContext(m_ui.context);
    QVERIFY(waitUntil([&] { return m_window->sessions.isSynced(m_ui.context); }, 60000));
}

void TestOpsDaySim::cleanupTestCase()
{
    m_window.reset();
    m_panel.reset();
    m_ui.stop();
}

void TestOpsDaySim::editAppliesAfterServerDiffAndUndoes()
{
    QVERIFY(kubectl(
        {"create", "configmap", "edit-me", "-n", "default", "--from-literal=greeting=hello"}));
    QVERIFY(startEditing(Kind::ConfigMap, "default", "edit-me"));
    QPlainTextEdit *text = yaml();
    QVERIFY(!text->isReadOnly());
    // The server's own fields are not in the editor; the version read is.
    QVERIFY2(!text->toPlainText().contains("managedFields"), qPrintable(text->toPlainText()));
    QVERIFY(text->toPlainText().contains("resourceVersion"));
    QVERIFY(text->toPlainText().contains("greeting: hello"));

    text->setPlainText(text->toPlainText().replace("greeting: hello", "greeting: bonjour"));
    QTest::mouseClick(bar()->applyButton(), Qt::LeftButton);
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY2(confirm, qPrintable(bar()->messageText()));
    // The diff is the server's dry run against the live object.
    const QString diff = confirm->findChild<QPlainTextEdit *>("changeDetails")->toPlainText();
    QVERIFY2(diff.contains("-  greeting: hello") && diff.contains("+  greeting: bonjour"),
             qPrintable(diff));
    QCOMPARE(configMapValue("edit-me"), QStringLiteral("hello")); // the dry run stored nothing
    QVERIFY2(bar()->messageText().contains("confirm to apply"), qPrintable(bar()->messageText()));
    // docs/screenshots: the editor and the server's diff, light and dark (a dialog opened in
    // that look: the confirmation is cancelled, the edit kept, and reviewed again).
    if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        const auto shoot = [&](const char *suffix) {
            QTest::qWait(200);
            QVERIFY(m_window->window.grab().save(
                QDir(dir).filePath(QStringLiteral("yaml-edit-%1.png").arg(suffix))));
            QVERIFY(confirm->grab().save(
                QDir(dir).filePath(QStringLiteral("yaml-edit-diff-%1.png").arg(suffix))));
        };
        shoot("light");
        Theme::instance()->setMode(Theme::Mode::Dark);
        confirm->reject();
        QVERIFY(waitUntil(
            [&] {
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                return bar()->messageText().contains("cancelled");
            },
            5000));
        QVERIFY(bar()->isEditing());
        QTest::mouseClick(bar()->applyButton(), Qt::LeftButton);
        confirm = waitForDialog<ConfirmDialog>();
        QVERIFY(confirm);
        shoot("dark");
        Theme::instance()->setMode(Theme::Mode::Light);
    }
    confirm->confirmButton()->click();
    QVERIFY(waitUntil([&] { return !bar()->isEditing(); }, 15000));
    QCOMPARE(configMapValue("edit-me"), QStringLiteral("bonjour"));
    QVERIFY(text->isReadOnly());

    // Audited as an update (and its dry run).
    const QList<AuditEntry> entries
        = Orrery::Test::auditEntries(m_ui.dir.filePath(QStringLiteral("audit")));
    bool audited = false;
    for (const AuditEntry &e : entries)
        audited
            = audited || (e.verb == QLatin1String("update") && e.name == "edit-me" && !e.dryRun);
    QVERIFY(audited);

    // Undo puts the object read back.
    UndoBanner *undo = nullptr;
    QVERIFY(
        waitUntil([&] { return (undo = m_panel->findChild<UndoBanner *>()) != nullptr; }, 15000));
    undo->undoButton()->click();
    confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    confirm->confirmButton()->click();
    QVERIFY(waitUntil([&] { return configMapValue("edit-me") == QLatin1String("hello"); }, 15000));
}

void TestOpsDaySim::editConflictIsExplained()
{
    QVERIFY(kubectl(
        {"create", "configmap", "edit-race", "-n", "default", "--from-literal=greeting=one"}));
    QVERIFY(startEditing(Kind::ConfigMap, "default", "edit-race"));
    QPlainTextEdit *text = yaml();
    text->setPlainText(text->toPlainText().replace("greeting: one", "greeting: mine"));
    // Someone else changes it meanwhile.
    QVERIFY(kubectl({"patch", "configmap", "edit-race", "-n", "default", "--type=merge", "-p",
                     R"({"data":{"greeting":"theirs"}})"}));
    QTest::mouseClick(bar()->applyButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return bar()->reloadButton()->isVisible(); }, 15000));
    QVERIFY2(bar()->messageText().contains("Someone else changed"),
             qPrintable(bar()->messageText()));
    QVERIFY(!visibleTopLevel<ConfirmDialog>());
    QCOMPARE(configMapValue("edit-race"), QStringLiteral("theirs"));
    QVERIFY(bar()->isEditing()); // the edit is kept

    // Their change, as a diff.
    QVERIFY(bar()->differencesButton()->isVisible());
    bar()->differencesButton()->click();
    QVERIFY(waitUntil([&] { return !bar()->differencesText().isEmpty(); }, 15000));
    QVERIFY2(bar()->differencesText().contains("-  greeting: one")
                 && bar()->differencesText().contains("+  greeting: theirs"),
             qPrintable(bar()->differencesText()));
    if (QWidget *box = QApplication::activeModalWidget())
        box->close();

    // Reload: the latest version to edit.
    bar()->reloadButton()->click();
    QVERIFY(waitUntil([&] { return text->toPlainText().contains("greeting: theirs"); }, 15000));
    QVERIFY(bar()->isEditing());
    QVERIFY(!bar()->reloadButton()->isVisible());
    bar()->cancelButton()->click();
    QVERIFY(!bar()->isEditing());
}

void TestOpsDaySim::editInvalidValueNamesTheField()
{
    QVERIFY(startEditing(Kind::Deployment, "pfe-app", "frontend"));
    QPlainTextEdit *text = yaml();
    // Drop the selector: the server says which field is wrong.
    QStringList lines = text->toPlainText().split('\n');
    const int at = lines.indexOf("  selector:");
    QVERIFY2(at > 0, qPrintable(text->toPlainText()));
    lines.removeAt(at);
    while (at < lines.size() && lines[at].startsWith("    "))
        lines.removeAt(at);
    text->setPlainText(lines.join('\n'));
    QTest::mouseClick(bar()->applyButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return bar()->messageText().contains("invalid"); }, 15000));
    QVERIFY2(bar()->messageText().contains("spec.selector"), qPrintable(bar()->messageText()));
    QVERIFY(!visibleTopLevel<ConfirmDialog>());
    QVERIFY(bar()->isEditing());
    bar()->cancelButton()->click();

    // Not YAML at all: said before anything is sent.
    QVERIFY(startEditing(Kind::Deployment, "pfe-app", "frontend"));
    text->setPlainText("metadata: [unclosed");
    QTest::mouseClick(bar()->applyButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return bar()->messageText().contains("not valid YAML"); }, 15000));
    bar()->cancelButton()->click();
}

void TestOpsDaySim::editOnProtectedContextAsksForTheName()
{
    QVERIFY(kubectl(
        {"create", "configmap", "edit-guarded", "-n", "default", "--from-literal=greeting=safe"}));
    m_ui.preferences->setProtected(m_ui.context, true);
    QVERIFY(startEditing(Kind::ConfigMap, "default", "edit-guarded"));
    QPlainTextEdit *text = yaml();
    text->setPlainText(text->toPlainText().replace("greeting: safe", "greeting: risky"));
    QTest::mouseClick(bar()->applyButton(), Qt::LeftButton);
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QVERIFY(confirm->protectionEdit() && confirm->protectionEdit()->isVisible());
    QVERIFY(!confirm->isConfirmEnabled());
    QTest::keyClicks(confirm->protectionEdit(), m_ui.context);
    QVERIFY(confirm->isConfirmEnabled());
    confirm->reject();
    // Cancelled: nothing written, the edit still there.
    QVERIFY(waitUntil(
        [&] {
            // The dropped operation goes with deleteLater(), which a running event loop does.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            return bar()->messageText().contains("cancelled");
        },
        5000));
    QVERIFY(bar()->isEditing());
    QCOMPARE(configMapValue("edit-guarded"), QStringLiteral("safe"));
    bar()->cancelButton()->click();
    m_ui.preferences->setProtected(m_ui.context, false);
}

void TestOpsDaySim::repeatedEventsAreGrouped()
{
    QVERIFY(kubectl(
        {"create", "configmap", "events-about", "-n", "default", "--from-literal=greeting=hi"}));
    const QString about = "involvedObject: {kind: ConfigMap, name: events-about, namespace: "
                          "default}\n";
    const QString events
        = "apiVersion: v1\nkind: Event\nmetadata: {name: reload-a, namespace: default}\n" + about
          + "reason: Reloaded\nmessage: config reloaded by the sidecar\ntype: Normal\n"
            "count: 3\nfirstTimestamp: \"2026-01-01T10:00:00Z\"\n"
            "lastTimestamp: \"2026-01-01T10:05:00Z\"\n"
            "---\n"
            "apiVersion: v1\nkind: Event\nmetadata: {name: reload-b, namespace: default}\n"
          + about
          + "reason: Reloaded\nmessage: config reloaded by the sidecar\ntype: Normal\n"
            "count: 2\nfirstTimestamp: \"2026-01-01T10:02:00Z\"\n"
            "lastTimestamp: \"2026-01-01T10:30:00Z\"\n"
            "---\n"
            "apiVersion: v1\nkind: Event\nmetadata: {name: probe, namespace: default}\n"
          + about
          + "reason: Checked\nmessage: checked by a series\ntype: Warning\n"
            "eventTime: \"2026-01-01T09:00:00.000000Z\"\n"
            "series: {count: 7, lastObservedTime: \"2026-01-01T11:00:00.000000Z\"}\n"
            "reportingComponent: checker\nreportingInstance: checker-1\naction: Check\n";
    const QString file = m_ui.dir.filePath("events.yaml");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(events.toUtf8());
    f.close();
    QVERIFY(kubectl({"create", "-f", file}));

    MainWindow &window = m_window->window;
    window.selectKind(Kind::ConfigMap);
    QVERIFY(waitUntil(
        [&] { return window.selectObject(Kind::ConfigMap, "default", "events-about"); }, 20000));
    window.showDetailsTab(DetailsPane::EventsTab);
    auto *proxy = window.detailsPane()->findChild<EventFilterProxyModel *>();
    QVERIFY(proxy);
    auto *source = qobject_cast<ResourceTableModel *>(proxy->sourceModel());
    QVERIFY(source);
    const int count = source->columnOf("count");
    const int first = source->columnOf("first-seen");
    const int last = source->columnOf("last-seen");
    QVERIFY(count >= 0 && first >= 0 && last >= 0);
    // Two rows: the two Reloaded events as one, and the series.
    QVERIFY(waitUntil(
        [&] {
            return proxy->rowCount() == 2
                   && proxy->groupSize(proxy->index(0, 0)) + proxy->groupSize(proxy->index(1, 0))
                          == 3;
        },
        15000));
    const auto seconds = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
    };
    bool sawGroup = false;
    bool sawSeries = false;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QString reason = proxy->index(row, source->columnOf("reason")).data().toString();
        const QString n = proxy->index(row, count).data().toString();
        const qint64 firstSeen
            = -proxy->index(row, first).data(ResourceTableModel::SortRole).toLongLong();
        const qint64 lastSeen
            = -proxy->index(row, last).data(ResourceTableModel::SortRole).toLongLong();
        if (reason == "Reloaded") {
            sawGroup = true;
            QCOMPARE(proxy->groupSize(proxy->index(row, 0)), 2);
            QCOMPARE(n, QStringLiteral("5"));
            QCOMPARE(firstSeen, seconds("2026-01-01T10:00:00Z"));
            QCOMPARE(lastSeen, seconds("2026-01-01T10:30:00Z"));
            QVERIFY(!proxy->index(row, first).data().toString().isEmpty());
        } else if (reason == "Checked") {
            sawSeries = true;
            QCOMPARE(n, QStringLiteral("7"));
            QCOMPARE(lastSeen, seconds("2026-01-01T11:00:00Z"));
        }
    }
    QVERIFY(sawGroup && sawSeries);
    // The pane's table shows the counts and both times, not the object it is about.
    auto *table = window.detailsPane()->findChild<QTableView *>();
    QVERIFY(table && table->model() == proxy);
    QVERIFY(!table->isColumnHidden(first) && !table->isColumnHidden(count));
    QVERIFY(table->isColumnHidden(source->columnOf("object")));
}

void TestOpsDaySim::minimapNeverCoversANode()
{
    // As app/topologywiring.cpp shows it, on the window's session.
    TopologyPage page;
    page.resize(1200, 780);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setSession(m_window->window.activeSession());
    QVERIFY(page.scene());
    QVERIFY(waitUntil([&] { return page.scene()->itemCount() > 20; }, 10000));
    TopologyView *view = page.view();
    auto *minimap = page.findChild<TopologyMinimap *>();
    QVERIFY(minimap);

    // Nodes drawn under `rect` (view coordinates).
    const auto nodesUnder = [&](const QRect &rect) {
        QStringList names;
        const QRect inViewport(view->viewport()->mapFrom(view, rect.topLeft()), rect.size());
        for (QGraphicsItem *item : page.scene()->items()) {
            if (item->type() != TopologyNodeItem::Type || !item->isVisible())
                continue;
            const QRect drawn = view->mapFromScene(item->sceneBoundingRect()).boundingRect();
            if (drawn.intersects(inViewport))
                names << QString::number(quintptr(item), 16);
        }
        return names;
    };
    bool defaultCornerTaken = false;
    int shown = 0;
    const auto check = [&](const char *state) {
        QTest::qWait(50);
        QCoreApplication::processEvents();
        defaultCornerTaken
            = defaultCornerTaken || !nodesUnder(minimap->corners().first()).isEmpty();
        if (!minimap->isVisible())
            return true;
        ++shown;
        const QStringList covered = nodesUnder(minimap->geometry());
        if (!covered.isEmpty())
            qWarning() << state << "the minimap covers" << covered.size() << "node(s)";
        return covered.isEmpty();
    };
    view->fitAll();
    QVERIFY(check("fit"));
    view->showWhole();
    QVERIFY(check("whole"));
    view->setZoom(1.0);
    QVERIFY(check("zoom 1"));
    for (int step = 0; step < 6; ++step) {
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum() * step / 5);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() * (5 - step) / 5);
        QVERIFY(check("scrolled"));
    }
    view->zoomBy(0.6);
    QVERIFY(check("zoomed out"));
    page.resize(928, 513);
    QVERIFY(check("small window"));
    view->fitAll();
    QVERIFY(check("small window, fit"));
    // The bottom-right corner (where it used to stay) had nodes at some point, and the
    // minimap was still offered elsewhere at others.
    QVERIFY(defaultCornerTaken);
    QVERIFY(shown > 0);
}

void TestOpsDaySim::overviewPageShowsTheCluster()
{
    MainWindow &window = m_window->window;
    QVERIFY(window.showCentralPage(window.overviewPageTitle()));
    ClusterOverviewPage *page = window.overviewPage();
    QCOMPARE(window.currentPage(), page);
    QCOMPARE(page->context(), m_ui.context);
    ResourceStore *store = window.activeSession()->store();
    const auto counted = [&] {
        const ClusterOverviewPage::Figures f = page->figures();
        int workloads = 0;
        for (Kind k :
             {Kind::Deployment, Kind::StatefulSet, Kind::DaemonSet, Kind::Job, Kind::CronJob})
            workloads += store->count(k);
        return f.namespaces == store->count(Kind::Namespace) && f.namespaces > 0
               && f.workloads == workloads && f.workloads > 0 && f.pods == store->count(Kind::Pod)
               && f.pods > 0 && f.nodes == store->count(Kind::Node) && f.nodes > 0
               && f.problems == window.problemMonitor()->count(m_ui.context);
    };
    QVERIFY2(waitUntil(counted, 15000), qPrintable(page->text()));
    QVERIFY(page->text().contains("Namespaces") && page->text().contains("Nodes"));
    // metrics-server's node figures, against the nodes' allocatable amounts.
    QVERIFY2(waitUntil([&] { return page->figures().usage; }, 30000), qPrintable(page->text()));
    const ClusterOverviewPage::Figures f = page->figures();
    QVERIFY(f.cpuUsedNanocores > 0 && f.cpuAllocatableNanocores > f.cpuUsedNanocores);
    QVERIFY(f.memoryUsedBytes > 0 && f.memoryAllocatableBytes > f.memoryUsedBytes);
    QVERIFY2(page->text().contains("CPU:") && page->text().contains("allocatable"),
             qPrintable(page->text()));
    // A crash loop shows up there as a problem.
    // (The simulator's backend-spring 1.2.0 crashes at start: tst_layout_sim.)
    QVERIFY(kubectl({"run", "overview-crasher", "-n", "default",
                     "--image=ghcr.io/pfe-v2/backend-spring:1.2.0", "--restart=Always"}));
    QVERIFY2(waitUntil([&] { return page->text().contains("overview-crasher"); }, 60000),
             qPrintable(page->text()));
    QVERIFY(waitUntil(counted, 5000));
    // Switching back to the tables is one click away; the page follows the context.
    window.selectKind(Kind::Pod);
    QCOMPARE(window.currentPage(), window.resourceBrowser());
}

QTEST_MAIN(TestOpsDaySim)
#include "tst_opsday_sim.moc"
