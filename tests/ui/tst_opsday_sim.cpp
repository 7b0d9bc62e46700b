// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18, the operator's day, against orrery-sim (pfe): the YAML edited in place in the
// details pane (E, the server's dry-run diff, the confirmation, the audited update, undo, a
// conflict explained with Reload and Show Differences, invalid values with their field paths,
// the protected context's typed name).
#include "eventloopwait.h"
#include "simwindowfixture.h"

#include <detailspane.h>
#include <operations/confirmdialog.h>
#include <operations/operationspanel.h>
#include <yamleditbar.h>

#include <audit/auditlog.h>
#include <kube/resourcestore.h>

#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
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

QTEST_MAIN(TestOpsDaySim)
#include "tst_opsday_sim.moc"
