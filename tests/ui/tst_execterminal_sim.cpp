// SPDX-License-Identifier: GPL-3.0-or-later
// The exec terminal end to end: ExecTerminal (TerminalView + the ExecSession of the audited
// ExecOperation) against orrery-sim,
// driven by key presses as a user types: the prompt appears, a command's output lands on the
// screen, the grid size reaches the shell (stty size), Ctrl+C clears the line, and `exit`
// ends the session with its code on screen. With ORRERY_SCREENSHOT_DIR set it saves the
// terminal in the light and dark looks (docs/screenshots/terminal-*.png).
#include <execterminal.h>
#include <kubectlprocess.h>
#include <operations/streamoperations.h>
#include <simclusterfixture.h>
#include <terminalview.h>
#include <theme.h>

#include <QtTest>

using namespace Orrery;

class TestExecTerminalSim : public QObject
{
    Q_OBJECT

private:
    Test::SimClusterFixture m_fixture;

    static void type(QWidget *w, const QString &text)
    {
        QTest::keyClicks(w, text);
        QTest::keyClick(w, Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_fixture.start(QStringLiteral("minimal")), qPrintable(m_fixture.error()));
        const QString kubeconfig = m_fixture.path(QStringLiteral("kubeconfig"));
        const QString home = m_fixture.path(QStringLiteral("kubectl"));
        QVERIFY(QDir().mkpath(home));
        const QByteArray pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: shell, namespace: "
                               "default}\nspec:\n  containers:\n  - {name: main, image: "
                               "nginx:1.27, env: [{name: APP_MODE, value: demo}]}\n";
        auto r = Test::runKubectl(kubeconfig, home, {"apply", "-f", "-"}, pod);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = Test::runKubectl(kubeconfig, home,
                             {"wait", "--for=condition=Ready", "pod/shell", "--timeout=60s"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void cleanupTestCase() { m_fixture.stop(); }

    void typesIntoTheShell()
    {
        // The session comes from the audited operation, as in the window.
        ExecOperation op(m_fixture.transport(), QStringLiteral("default"), QStringLiteral("shell"));
        std::optional<Result<void>> fetched;
        op.fetch([&fetched](const Result<void> &r) { fetched = r; });
        QTRY_VERIFY_WITH_TIMEOUT(fetched.has_value(), 20000);
        QVERIFY(fetched->ok());
        ExecTerminal window(op.options(), QStringLiteral("minimal"));
        QCOMPARE(window.title(), QStringLiteral("Shell — shell/main"));
        window.resize(720, 360);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TerminalView *term = window.terminal();
        term->setFocus();
        // Taken when the operation finishes, as OperationRunner hands it over: the prompt
        // follows at once.
        connect(&op, &ClusterOperation::finished, &window, [&op, &window](bool ok) {
            if (!ok)
                return;
            std::unique_ptr<QObject> stream = op.takeStream();
            window.attach(
                std::unique_ptr<ExecSession>(qobject_cast<ExecSession *>(stream.release())));
        });
        QSignalSpy opened(&op, &ClusterOperation::finished);
        op.run(m_fixture.writer());
        QVERIFY(opened.wait(20000));
        QVERIFY2(opened.at(0).at(0).toBool(), qPrintable(op.report().explanation));
        QVERIFY(window.session());
        QTRY_VERIFY_WITH_TIMEOUT(term->screenText().endsWith(QStringLiteral("root@shell:/#")),
                                 20000);
        type(term, QStringLiteral("hostname"));
        QTRY_VERIFY_WITH_TIMEOUT(term->screenText().contains(QStringLiteral(
                                     "root@shell:/# hostname\nshell\nroot@shell:/#")),
                                 10000);
        // The grid the widget shows is what the shell was told (resize channel).
        type(term, QStringLiteral("stty size"));
        const QString size = QStringLiteral("%1 %2").arg(term->rows()).arg(term->columns());
        QTRY_VERIFY_WITH_TIMEOUT(term->screenText().contains(QLatin1Char('\n') + size + '\n'),
                                 10000);
        // Backspace edits, Ctrl+C abandons the line.
        QTest::keyClicks(term, QStringLiteral("ecko"));
        QTest::keyClick(term, Qt::Key_Backspace);
        QTest::keyClick(term, Qt::Key_Backspace);
        type(term, QStringLiteral("ho $APP_MODE ok"));
        QTRY_VERIFY_WITH_TIMEOUT(term->screenText().contains(QStringLiteral("\n$APP_MODE ok\n")),
                                 10000);
        QTest::keyClicks(term, QStringLiteral("never run"));
        QTest::keyClick(term, Qt::Key_C, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(term->screenText().contains(QStringLiteral("never run^C\n")),
                                 10000);
        type(term, QStringLiteral("env"));
        QTRY_VERIFY_WITH_TIMEOUT(term->screenText().contains(QStringLiteral("APP_MODE=demo")),
                                 10000);

        if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty()) {
            for (const auto mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
                Theme::instance()->setMode(mode);
                QCoreApplication::processEvents();
                QVERIFY(window.grab().save(QDir(dir).filePath(
                    mode == Theme::Mode::Dark ? "terminal-dark.png" : "terminal-light.png")));
            }
            Theme::instance()->setMode(Theme::Mode::Light);
        }

        QSignalSpy ended(&window, &ExecTerminal::ended);
        type(term, QStringLiteral("exit 3"));
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
        QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("The shell exited with code 3."));
        QVERIFY(term->isEnded());
        // Typing after the end goes nowhere.
        QSignalSpy input(term, &TerminalView::input);
        QTest::keyClicks(term, QStringLiteral("ls"));
        QCOMPARE(input.count(), 0);
        // Reconnect asks for a new session (the operation again), it opens none itself.
        QSignalSpy reconnect(&window, &ExecTerminal::reconnectRequested);
        auto *button = window.findChild<QPushButton *>();
        QVERIFY(button && button->isVisible());
        button->click();
        QCOMPARE(reconnect.count(), 1);
        // The audit log has the shell: who, where, what, and how it ended.
        QTRY_VERIFY_WITH_TIMEOUT(
            !AuditLog::read(m_fixture.auditDirectory()).isEmpty()
                && AuditLog::read(m_fixture.auditDirectory()).last().outcomeKnown(),
            10000);
        const AuditEntry entry = AuditLog::read(m_fixture.auditDirectory()).last();
        QCOMPARE(entry.verb, QStringLiteral("exec"));
        QCOMPARE(entry.name, QStringLiteral("shell"));
        QVERIFY(entry.summary.contains(QStringLiteral("bash || sh")));
        QCOMPARE(entry.result, QStringLiteral("ok: exited with code 3"));
    }
};

QTEST_MAIN(TestExecTerminalSim)
#include "tst_execterminal_sim.moc"
