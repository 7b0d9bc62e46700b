// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18, the operator's day (second part), against orrery-sim (pfe): the k9s keys on the
// selected object (L for its logs, Ctrl+D for its delete with the confirmation); the Events
// page groups repeated events as the details pane does; the demo's first start opens on the
// pfe cluster's Cluster Overview page.
#include "eventloopwait.h"
#include "simwindowfixture.h"

#include <detailspane.h>
#include <operations/confirmdialog.h>
#include <operations/deletedialog.h>
#include <resourcebrowser.h>
#include <resourcefilterproxymodel.h>
#include <resourcetablemodel.h>

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
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

class TestOpsDay2Sim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void logsKeyShowsTheSelectedPodsLogs();
    void deleteKeyDeletesWithConfirmation();
    void eventsPageGroupsRepeats();
    void demoFirstStartOpensOnPfeOverview();

private:
    bool kubectl(const QStringList &args, QByteArray *out = nullptr);
    // Selects the object and gives the table the focus in the active window.
    bool select(Kind kind, const QString &ns, const QString &name);
    int currentDetailsTab() const;

    Orrery::Test::SimWindowFixture m_ui;
    std::unique_ptr<Orrery::Test::WindowUnderTest> m_window;
};

bool TestOpsDay2Sim::kubectl(const QStringList &args, QByteArray *out)
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

bool TestOpsDay2Sim::select(Kind kind, const QString &ns, const QString &name)
{
    MainWindow &window = m_window->window;
    window.selectKind(kind);
    if (!waitUntil([&] { return window.selectObject(kind, ns, name); }, 20000))
        return false;
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    window.tableView()->setFocus();
    return true;
}

int TestOpsDay2Sim::currentDetailsTab() const
{
    auto *tabs = m_window->window.detailsPane()->findChild<QTabWidget *>(
        QString(), Qt::FindDirectChildrenOnly);
    return tabs ? tabs->currentIndex() : -1;
}

void TestOpsDay2Sim::initTestCase()
{
    QVERIFY2(m_ui.start(QStringLiteral("pfe")), qPrintable(m_ui.error));
    m_window = std::make_unique<Orrery::Test::WindowUnderTest>(m_ui);
    MainWindow &window = m_window->window;
    // What app/operationswiring.cpp does.
    Orrery::Test::WindowUnderTest *w = m_window.get();
    window.setObjectActionsProvider([w](const KubeObjectPtr &object, QObject *parent) {
        return w->controller.actionsFor(object, parent);
    });
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateContext(m_ui.context);
    QVERIFY(waitUntil([&] { return m_window->sessions.isSynced(m_ui.context); }, 60000));
}

void TestOpsDay2Sim::cleanupTestCase()
{
    m_window.reset();
    m_ui.stop();
}

void TestOpsDay2Sim::logsKeyShowsTheSelectedPodsLogs()
{
    MainWindow &window = m_window->window;
    QVERIFY(kubectl({"create", "configmap", "no-logs", "-n", "default", "--from-literal=a=b"}));
    // A kind without logs: L does nothing.
    QVERIFY(select(Kind::ConfigMap, "default", "no-logs"));
    window.showDetailsTab(DetailsPane::OverviewTab);
    QTest::keyClick(window.tableView(), Qt::Key_L);
    QCOMPARE(currentDetailsTab(), int(DetailsPane::OverviewTab));

    // A pod: its logs.
    QVERIFY(kubectl({"run", "logs-key", "-n", "default", "--image=busybox"}));
    QVERIFY(select(Kind::Pod, "default", "logs-key"));
    window.showDetailsTab(DetailsPane::OverviewTab);
    QCOMPARE(currentDetailsTab(), int(DetailsPane::OverviewTab));
    QTest::keyClick(window.tableView(), Qt::Key_L);
    QCOMPARE(currentDetailsTab(), int(DetailsPane::LogsTab));

    // In a text field "l" is just text.
    window.showDetailsTab(DetailsPane::OverviewTab);
    QLineEdit *filter = window.resourceBrowser()->filterEdit();
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_L);
    QCOMPARE(filter->text(), QStringLiteral("l"));
    QCOMPARE(currentDetailsTab(), int(DetailsPane::OverviewTab));
    filter->clear();
}

void TestOpsDay2Sim::deleteKeyDeletesWithConfirmation()
{
    MainWindow &window = m_window->window;
    QVERIFY(kubectl({"run", "delete-key", "-n", "default", "--image=busybox"}));
    QVERIFY(select(Kind::Pod, "default", "delete-key"));
    QTest::keyClick(window.tableView(), Qt::Key_D, Qt::ControlModifier);
    // The same Delete… as the Actions menu: its dialog, then the confirmation.
    auto *dialog = waitForDialog<DeleteDialog>();
    QVERIFY(dialog);
    dialog->accept();
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QCOMPARE(confirm->target().kind, QStringLiteral("Pod"));
    QCOMPARE(confirm->target().name, QStringLiteral("delete-key"));
    // Cancelled: the pod stays.
    confirm->reject();
    QVERIFY(waitUntil([] { return !visibleTopLevel<ConfirmDialog>(); }, 5000));
    QByteArray out;
    QVERIFY(kubectl({"get", "pod", "delete-key", "-n", "default", "-o", "name"}, &out));

    // Confirmed: gone from the cluster.
    QVERIFY(select(Kind::Pod, "default", "delete-key"));
    QTest::keyClick(window.tableView(), Qt::Key_D, Qt::ControlModifier);
    dialog = waitForDialog<DeleteDialog>();
    QVERIFY(dialog);
    dialog->accept();
    confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    confirm->confirmButton()->click();
    QVERIFY(waitUntil(
        [&] {
            QByteArray names;
            return kubectl({"get", "pods", "-n", "default", "-o", "name"}, &names)
                   && !names.contains("pod/delete-key\n");
        },
        20000));

    // Nothing selected (another page): Ctrl+D asks nothing.
    window.showCentralPage(window.overviewPageTitle());
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
    QTest::qWait(200);
    QVERIFY(!visibleTopLevel<DeleteDialog>());
}

void TestOpsDay2Sim::eventsPageGroupsRepeats()
{
    const QString about
        = "involvedObject: {kind: ConfigMap, name: page-events, namespace: default}\n";
    const QString events
        = "apiVersion: v1\nkind: Event\nmetadata: {name: page-reload-a, namespace: default}\n"
          + about
          + "reason: Reloaded\nmessage: config reloaded by the sidecar\ntype: Normal\n"
            "count: 3\nfirstTimestamp: \"2026-01-01T10:00:00Z\"\n"
            "lastTimestamp: \"2026-01-01T10:05:00Z\"\n"
            "---\n"
            "apiVersion: v1\nkind: Event\nmetadata: {name: page-reload-b, namespace: default}\n"
          + about
          + "reason: Reloaded\nmessage: config reloaded by the sidecar\ntype: Normal\n"
            "count: 2\nfirstTimestamp: \"2026-01-01T10:02:00Z\"\n"
            "lastTimestamp: \"2026-01-01T10:30:00Z\"\n"
            "---\n"
            "apiVersion: v1\nkind: Event\nmetadata: {name: page-other, namespace: default}\n"
          + about
          + "reason: Reloaded\nmessage: another message\ntype: Normal\n"
            "count: 1\nfirstTimestamp: \"2026-01-01T10:01:00Z\"\n"
            "lastTimestamp: \"2026-01-01T10:01:00Z\"\n";
    const QString file = m_ui.dir.filePath("page-events.yaml");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(events.toUtf8());
    f.close();
    QVERIFY(kubectl({"create", "-f", file}));

    MainWindow &window = m_window->window;
    window.selectKind(Kind::Event);
    ResourceBrowser *browser = window.resourceBrowser();
    ResourceFilterProxyModel *proxy = browser->proxyModel();
    QCOMPARE(window.tableView()->model(), proxy);
    ResourceTableModel *source = browser->tableModel();
    QCOMPARE(source->kind(), Kind::Event);
    const int count = source->columnOf("count");
    const int first = source->columnOf("first-seen");
    const int last = source->columnOf("last-seen");
    const int message = source->columnOf("message");
    QVERIFY(count >= 0 && first >= 0 && last >= 0 && message >= 0);
    browser->filterEdit()->setText(QStringLiteral("page-"));
    // The two repeats as one row (the newest, b), the other message on its own.
    const auto rowsOf = [&](const QString &prefix) {
        QList<int> rows;
        for (int row = 0; row < proxy->rowCount(); ++row)
            if (proxy->index(row, 0)
                    .data(ResourceTableModel::KeyRole)
                    .toString()
                    .startsWith(prefix))
                rows << row;
        return rows;
    };
    QVERIFY(waitUntil(
        [&] {
            return rowsOf("default/page-reload-").size() == 1
                   && rowsOf("default/page-other").size() == 1;
        },
        15000));
    const QList<int> grouped = rowsOf("default/page-reload-");
    const int row = grouped.first();
    QCOMPARE(proxy->index(row, 0).data(ResourceTableModel::KeyRole).toString(),
             QStringLiteral("default/page-reload-b"));
    QCOMPARE(proxy->groupSize(proxy->index(row, 0)), 2);
    QCOMPARE(proxy->index(row, count).data().toString(), QStringLiteral("5"));
    const auto seconds = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
    };
    QCOMPARE(-proxy->index(row, first).data(ResourceTableModel::SortRole).toLongLong(),
             seconds("2026-01-01T10:00:00Z"));
    QCOMPARE(-proxy->index(row, last).data(ResourceTableModel::SortRole).toLongLong(),
             seconds("2026-01-01T10:30:00Z"));
    QVERIFY(proxy->index(row, count).data(Qt::ToolTipRole).toString().startsWith("2 event"));
    const int other = rowsOf("default/page-other").first();
    QCOMPARE(proxy->groupSize(proxy->index(other, 0)), 1);
    QCOMPARE(proxy->index(other, count).data().toString(), QStringLiteral("1"));

    // A filter that lets one of the repeats through shows it alone, with its own figures.
    browser->filterEdit()->setText(QStringLiteral("page-reload-a"));
    QVERIFY(waitUntil([&] { return rowsOf("default/page-reload-a").size() == 1; }, 5000));
    const int alone = rowsOf("default/page-reload-a").first();
    QCOMPARE(proxy->index(alone, count).data().toString(), QStringLiteral("3"));
    QCOMPARE(proxy->groupSize(proxy->index(alone, 0)), 1);
    browser->filterEdit()->clear();

    // Another kind is never grouped.
    window.selectKind(Kind::Pod);
    QVERIFY(waitUntil([&] { return proxy->rowCount() > 0; }, 10000));
    for (int r = 0; r < proxy->rowCount(); ++r)
        QCOMPARE(proxy->groupSize(proxy->index(r, 0)), 1);
}

void TestOpsDay2Sim::demoFirstStartOpensOnPfeOverview()
{
    // The real app, as a new user starts it: --demo, nothing remembered, nothing asked for.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString shot = home.filePath(QStringLiteral("first.png"));
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", home.path());
    env.insert("XDG_CONFIG_HOME", home.filePath(".config"));
    env.insert("XDG_DATA_HOME", home.filePath(".local/share"));
    env.insert("XDG_STATE_HOME", home.filePath(".local/state"));
    env.insert("XDG_CACHE_HOME", home.filePath(".cache"));
    env.remove("KUBECONFIG");
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("LANGUAGE", "en");
    env.insert("LC_ALL", "C.UTF-8");
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(ORRERY_APP_BINARY),
              {QStringLiteral("--demo"), QStringLiteral("--screenshot"), shot});
    QVERIFY(waitUntil([&] { return app.state() == QProcess::NotRunning; }, 90000));
    const QString out = QString::fromUtf8(app.readAllStandardOutput());
    QVERIFY2(app.exitCode() == 0, qPrintable(out + app.readAllStandardError()));
    QVERIFY(QFile::exists(shot));
    QVERIFY2(out.contains(QStringLiteral("orrery: screenshot %1: context pfe-k8s, page Cluster "
                                         "Overview")
                              .arg(shot)),
             qPrintable(out));
}

QTEST_MAIN(TestOpsDay2Sim)
#include "tst_opsday2_sim.moc"
