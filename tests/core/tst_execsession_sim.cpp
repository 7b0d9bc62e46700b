// SPDX-License-Identifier: GPL-3.0-or-later
// ExecSession against orrery-sim: the WebSocket upgrade with the kubeconfig's client
// certificate or token, v5.channel.k8s.io, output, stdin and its close, the terminal's resize,
// exit codes from the error channel, and refusals (forbidden, missing pod) as errors.
#include <kube/execsession.h>
#include <kubectlprocess.h>
#include <simclusterfixture.h>

#include <QSignalSpy>
#include <QtTest>

using namespace Orrery;

namespace {

const QByteArray s_pod = R"(apiVersion: v1
kind: Pod
metadata:
  name: shell
  namespace: default
spec:
  containers:
  - name: main
    image: nginx:1.27
)";

} // namespace

class TestExecSessionSim : public QObject
{
    Q_OBJECT

private:
    Test::SimClusterFixture m_fixture;

    ClusterConnection connection(const QString &context = QStringLiteral("minimal")) const
    {
        auto c = m_fixture.config().connection(context);
        return c.ok() ? *c : ClusterConnection{};
    }

    // Runs a session to its end; the concatenated output per channel and the result.
    struct Run
    {
        QByteArray out;
        QByteArray err;
        std::optional<Result<int>> result;
        QByteArray protocol;
    };

    static void collect(ExecSession &session, Run &run)
    {
        QObject::connect(&session, &ExecSession::output, &session,
                         [&run](const QByteArray &data, int channel) {
                             (channel == 2 ? run.err : run.out) += data;
                         });
        QObject::connect(&session, &ExecSession::finished, &session,
                         [&run](const Result<int> &r) { run.result = r; });
        QObject::connect(&session, &ExecSession::started, &session,
                         [&run](const QByteArray &p) { run.protocol = p; });
    }

    static QString describe(const Result<int> &r)
    {
        return r.ok() ? QString::number(r.value()) : r.error().toString();
    }

    static ExecOptions command(const QStringList &argv)
    {
        ExecOptions o;
        o.ns = QStringLiteral("default");
        o.pod = QStringLiteral("shell");
        o.command = argv;
        o.tty = false;
        o.stdinOpen = false;
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_fixture.start(QStringLiteral("minimal")), qPrintable(m_fixture.error()));
        const QString kubeconfig = m_fixture.path(QStringLiteral("kubeconfig"));
        const QString home = m_fixture.path(QStringLiteral("kubectl"));
        QVERIFY(QDir().mkpath(home));
        auto r = Test::runKubectl(kubeconfig, home, {"apply", "-f", "-"}, s_pod);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = Test::runKubectl(kubeconfig, home,
                             {"wait", "--for=condition=Ready", "pod/shell", "--timeout=60s"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void cleanupTestCase() { m_fixture.stop(); }

    void echoes()
    {
        ExecSession session(connection(), command({"echo", "hi", "there"}));
        Run run;
        collect(session, run);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 20000);
        QVERIFY2(run.result->ok(), qPrintable(describe(*run.result)));
        QCOMPARE(run.result->value(), 0);
        QCOMPARE(run.out, QByteArray("hi there\n"));
        QCOMPARE(run.protocol, QByteArray("v5.channel.k8s.io"));
    }

    void exitCodeAndStderr()
    {
        ExecSession session(connection(), command({"sh", "-c", "echo out; nosuch; exit 3"}));
        Run run;
        collect(session, run);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 20000);
        QVERIFY2(run.result->ok(), qPrintable(describe(*run.result)));
        QCOMPARE(run.result->value(), 3);
        QCOMPARE(run.out, QByteArray("out\n"));
        QCOMPARE(run.err, QByteArray("sh: nosuch: not found\n"));
    }

    void stdinAndItsEnd()
    {
        ExecOptions o = command({"cat"});
        o.stdinOpen = true;
        ExecSession session(connection(), o);
        Run run;
        collect(session, run);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.isRunning(), 20000);
        QVERIFY(session.write("first line\n"));
        QTRY_COMPARE_WITH_TIMEOUT(run.out, QByteArray("first line\n"), 10000);
        QVERIFY(session.write("second"));
        session.closeStdin();
        QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
        QCOMPARE(run.out, QByteArray("first line\nsecond"));
        QCOMPARE(describe(*run.result), QStringLiteral("0"));
    }

    // The default command is the interactive shell on a terminal: prompt, echo, resize.
    void terminalShell()
    {
        ExecOptions o;
        o.ns = QStringLiteral("default");
        o.pod = QStringLiteral("shell");
        QCOMPARE(o.command, QStringList({"sh", "-c", "bash || sh"}));
        ExecSession session(connection(), o);
        Run run;
        collect(session, run);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(run.out.endsWith("root@shell:/# "), 20000);
        session.resize(132, 43);
        session.write("stty size\r");
        QTRY_VERIFY_WITH_TIMEOUT(run.out.contains("stty size\r\n43 132\r\nroot@shell:/# "), 10000);
        session.write("exit 7\r");
        QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
        QCOMPARE(describe(*run.result), QStringLiteral("7"));
        QVERIFY(run.err.isEmpty());
    }

    void terminateEndsTheStream()
    {
        ExecOptions o;
        o.ns = QStringLiteral("default");
        o.pod = QStringLiteral("shell");
        ExecSession session(connection(), o);
        Run run;
        collect(session, run);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.isRunning(), 20000);
        session.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 10000);
        QVERIFY(!session.isRunning());
        QVERIFY(!run.result->ok());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("pod");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("viewer") << "minimal-viewer"
                                << "shell" << int(Error::Code::Forbidden)
                                << "cannot create resource \"pods/exec\"";
        QTest::newRow("missing pod")
            << "minimal"
            << "nosuch" << int(Error::Code::NotFound) << "pods \"nosuch\" not found";
    }

    void refusals()
    {
        QFETCH(QString, context);
        QFETCH(QString, pod);
        QFETCH(int, code);
        QFETCH(QString, message);
        ExecOptions o = command({"true"});
        o.pod = pod;
        ExecSession session(connection(context), o);
        Run run;
        collect(session, run);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(run.result.has_value(), 20000);
        QVERIFY2(!run.result->ok(), qPrintable(describe(*run.result)));
        QCOMPARE(int(run.result->error().code), code);
        QVERIFY2(run.result->error().message.contains(message),
                 qPrintable(run.result->error().message));
        QVERIFY(run.protocol.isEmpty());
    }

    void exitStatus_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("code"); // -1: an error
        QTest::newRow("success") << QByteArray(R"({"metadata":{},"status":"Success"})") << 0;
        QTest::newRow("exit 42") << QByteArray(
            R"({"status":"Failure","reason":"NonZeroExitCode","details":)"
            R"({"causes":[{"reason":"ExitCode","message":"42"}]}})")
                                 << 42;
        QTest::newRow("other failure")
            << QByteArray(R"({"status":"Failure","message":"container not found"})") << -1;
        QTest::newRow("garbage") << QByteArray("\x01{") << -1;
        QTest::newRow("wrong types")
            << QByteArray(R"({"status":1,"reason":"NonZeroExitCode","details":{"causes":7}})")
            << -1;
    }

    void exitStatus()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, code);
        const Result<int> r = execExitStatus(json);
        QCOMPARE(r.ok() ? r.value() : -1, code);
    }
};

QTEST_GUILESS_MAIN(TestExecSessionSim)
#include "tst_execsession_sim.moc"
