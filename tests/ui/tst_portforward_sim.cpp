// SPDX-License-Identifier: GPL-3.0-or-later
// Port-forward and the shell from a pod's menu, end to end against orrery-sim: the pod's
// actions ("Shell", "Port forward…") gated by the permission check, the PortForwardDialog
// (declared ports offered, the local port), the forward listed in the PortForwardsPanel and
// reachable on 127.0.0.1, Stop; "Shell" opening a session through the audited operation
// without a confirmation on an ordinary context and with one on a protected context; both
// recorded in the audit log; the viewer's actions disabled. No JSON decoded on the GUI thread.
// With ORRERY_SCREENSHOT_DIR set: docs/screenshots/port-forward-{dialog,panel}.png.
#include "eventloopwait.h"
#include "simwindowfixture.h"

#include <contextpreferences.h>
#include <kubectlprocess.h>
#include <operations/actioncontroller.h>
#include <operations/confirmdialog.h>
#include <operations/portforwarddialog.h>
#include <portforwardlistmodel.h>
#include <portforwardspanel.h>

#include <kube/execsession.h>
#include <kube/kubeobject.h>
#include <kube/portforwardsession.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHostAddress>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

template <typename T> T *waitForDialog(int timeoutMs = 15000)
{
    T *found = nullptr;
    waitUntil(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
                    found = t;
            return found != nullptr;
        },
        timeoutMs);
    return found;
}

const QByteArray s_pod = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: default
spec:
  containers:
  - name: main
    image: nginx:1.27
    ports:
    - {name: http, containerPort: 80}
    - {name: echo, containerPort: 7000}
)";

} // namespace

class TestPortForwardUi : public QObject
{
    Q_OBJECT

private:
    Test::SimWindowFixture m_ui;
    PortForwardListModel *m_forwards = nullptr;
    std::unique_ptr<PortForwardsPanel> m_panel;
    std::unique_ptr<ExecSession> m_shell;
    QString m_shellContext;

    static KubeObjectPtr pod()
    {
        auto object = std::make_shared<KubeObject>();
        object->kind = Kind::Pod;
        object->namespaceName = QStringLiteral("default");
        object->name = QStringLiteral("web");
        return object;
    }

    QList<AuditEntry> audit() const
    {
        return Test::auditEntries(m_ui.dir.filePath(QStringLiteral("audit")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_ui.start(QStringLiteral("minimal")), qPrintable(m_ui.error));
        const QString home = m_ui.dir.filePath(QStringLiteral("kubectl"));
        QVERIFY(QDir().mkpath(home));
        auto r = Test::runKubectl(m_ui.kubeconfig, home, {"apply", "-f", "-"}, s_pod);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = Test::runKubectl(m_ui.kubeconfig, home,
                             {"wait", "--for=condition=Ready", "pod/web", "--timeout=60s"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // What app/operationswiring.cpp wires.
        m_forwards = new PortForwardListModel(m_ui.controller.get());
        new QAbstractItemModelTester(
            m_forwards, QAbstractItemModelTester::FailureReportingMode::QtTest, m_forwards);
        m_panel = std::make_unique<PortForwardsPanel>(m_forwards);
        m_panel->resize(760, 180);
        m_panel->show();
        connect(m_ui.controller.get(), &ActionController::portForwardStarted, m_forwards,
                [this](const QString &, PortForwardSession *session) {
                    m_forwards->add(std::unique_ptr<PortForwardSession>(session));
                });
        connect(m_ui.controller.get(), &ActionController::shellOpened, this,
                [this](const QString &context, ExecSession *session) {
                    m_shellContext = context;
                    m_shell.reset(session);
                    m_shell->setParent(nullptr);
                });
    }

    void cleanupTestCase()
    {
        m_shell.reset();
        m_panel.reset();
        m_ui.stop();
    }

    void cleanup()
    {
        QVERIFY2(Test::guiThreadDecodeCount() == 0, Test::guiThreadDecodes().constData());
    }

    void podMenuOffersShellAndPortForward()
    {
        QObject parent;
        const QList<QAction *> actions = m_ui.controller->actionsFor(pod(), &parent);
        QStringList labels;
        for (QAction *a : actions)
            labels << a->text();
        QCOMPARE(labels, QStringList({"Shell", "Port forward\u2026", "Delete\u2026"}));
        // Enabled once the API server said the user may create pods/exec and pods/portforward.
        QVERIFY(waitUntil([&] { return actions.at(0)->isEnabled() && actions.at(1)->isEnabled(); },
                          15000));
    }

    void forwardFromTheDialogThenStop()
    {
        const int before = int(audit().size());
        QVERIFY(
            m_ui.controller->trigger(QStringLiteral("port-forward"), Kind::Pod, "default", "web"));
        auto *dialog = waitForDialog<PortForwardDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->remoteCombo()->count(), 2);
        QCOMPARE(dialog->remoteCombo()->itemText(0), QStringLiteral("80 (http) — main"));
        QCOMPARE(dialog->remotePort(), 80);
        QCOMPARE(dialog->localPort(), 0); // 80 needs privileges: any free port
        dialog->remoteCombo()->setCurrentIndex(1);
        QCOMPARE(dialog->remotePort(), 7000);
        QCOMPARE(dialog->localPort(), 7000); // the same number when it may be
        dialog->remoteCombo()->setCurrentIndex(0);
        if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(QDir(dir).filePath("port-forward-dialog.png")));
        dialog->forwardButton()->click();
        // No confirmation on an ordinary context: the forward starts and is listed.
        QVERIFY(waitUntil([&] { return m_forwards->rowCount() == 1; }, 20000));
        PortForwardSession *session = m_forwards->sessionAt(0);
        QVERIFY(session->isListening());
        const QModelIndex local = m_forwards->index(0, PortForwardListModel::Local);
        QCOMPARE(local.data().toString(), QStringLiteral("127.0.0.1:%1").arg(session->localPort()));
        QCOMPARE(m_forwards->index(0, PortForwardListModel::Pod).data().toString(),
                 QStringLiteral("default/web"));
        QCOMPARE(m_forwards->index(0, PortForwardListModel::State).data().toString(),
                 QStringLiteral("Listening"));

        QTcpSocket client;
        QByteArray answer;
        connect(&client, &QTcpSocket::readyRead, &client, [&] { answer += client.readAll(); });
        client.connectToHost(QHostAddress::LocalHost, session->localPort());
        QVERIFY(client.waitForConnected(5000));
        client.write("GET /from-the-panel HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(waitUntil([&] { return answer.contains("</p>"); }, 20000));
        QVERIFY2(answer.contains("Hello from default/web on port 80 (GET /from-the-panel"),
                 answer.constData());
        QVERIFY(waitUntil(
            [&] {
                return m_forwards->index(0, PortForwardListModel::Connections).data().toString()
                       == QStringLiteral("0 open, 1 in all");
            },
            10000));
        if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_panel->grab().save(QDir(dir).filePath("port-forward-panel.png")));

        m_panel->selectRow(0);
        QVERIFY(m_panel->stopButton()->isEnabled());
        m_panel->stopButton()->click();
        QCOMPARE(m_forwards->rowCount(), 0);
        QVERIFY(waitUntil(
            [&] { return int(audit().size()) == before + 1 && audit().last().outcomeKnown(); },
            10000));
        QCOMPARE(audit().last().verb, QStringLiteral("port-forward"));
        QVERIFY2(audit().last().result.startsWith("ok: stopped after 1 connection(s)"),
                 qPrintable(audit().last().result));
    }

    void shellOpensWithoutConfirmation()
    {
        const int before = int(audit().size());
        QVERIFY(m_ui.controller->trigger(QStringLiteral("exec"), Kind::Pod, "default", "web"));
        QVERIFY(waitUntil([&] { return m_shell != nullptr; }, 20000));
        QCOMPARE(m_shellContext, m_ui.context);
        QVERIFY(m_shell->isRunning());
        QCOMPARE(m_shell->options().command, QStringList({"sh", "-c", "bash || sh"}));
        QByteArray out;
        connect(m_shell.get(), &ExecSession::output, this,
                [&out](const QByteArray &data, int) { out += data; });
        m_shell->write("hostname\r");
        QVERIFY(waitUntil([&] { return out.contains("hostname\r\nweb\r\n"); }, 10000));
        QVERIFY(waitUntil([&] { return int(audit().size()) == before + 1; }, 10000));
        QCOMPARE(audit().last().verb, QStringLiteral("exec"));
        QVERIFY(!audit().last().outcomeKnown()); // still running
        m_shell->write("exit 2\r");
        QVERIFY(waitUntil([&] { return audit().last().outcomeKnown(); }, 10000));
        QCOMPARE(audit().last().result, QStringLiteral("ok: exited with code 2"));
        m_shell.reset();
    }

    // A protected context asks first, as every action there does.
    void protectedContextConfirmsTheShell()
    {
        m_ui.preferences->setProtected(m_ui.context, true);
        QVERIFY(m_ui.controller->trigger(QStringLiteral("exec"), Kind::Pod, "default", "web"));
        auto *confirm = waitForDialog<ConfirmDialog>();
        QVERIFY(confirm);
        QVERIFY(!m_shell);
        confirm->reject();
        QCoreApplication::processEvents();
        QVERIFY(!m_shell);
        m_ui.preferences->setProtected(m_ui.context, false);
    }
};

QTEST_MAIN(TestPortForwardUi)
#include "tst_portforward_sim.moc"
