// SPDX-License-Identifier: GPL-3.0-or-later
// orrery-sim's pods/exec judged by real kubectl: kubectl 1.30+ speaks the WebSocket
// remote-command protocol (v5.channel.k8s.io), and its output, exit codes and errors must be
// those a real cluster gives for the simulated container's shell.
#include <kubectlprocess.h>
#include <simprocess.h>

#include <QtTest>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

namespace {

using Result = Orrery::Test::KubectlResult;

const QByteArray s_pod = R"(apiVersion: v1
kind: Pod
metadata:
  name: shell
  namespace: default
spec:
  containers:
  - name: main
    image: nginx:1.27
    env:
    - {name: GREETING, value: hello-from-env}
    ports:
    - {name: http, containerPort: 80}
    - {name: echo, containerPort: 7000}
  - name: sidecar
    image: busybox:1.36
)";

} // namespace

class TestExec : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;

    Result kubectl(const QStringList &args, const QByteArray &stdinData = {})
    {
        return Orrery::Test::runKubectl(m_kubeconfig, m_dir.path(), args, stdinData);
    }

    // A specific kubectl release from the Google Cloud SDK beside the dispatcher, if there.
    Result versioned(const QString &version, const QStringList &args, const QByteArray &in)
    {
        const QString binary
            = QStringLiteral("/usr/lib/google-cloud-sdk/bin/kubectl.%1").arg(version);
        if (!QFileInfo::exists(binary))
            return {};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.remove(QStringLiteral("KUBECONFIG"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(binary, QStringList{"--kubeconfig", m_kubeconfig} + args);
        if (!p.waitForStarted())
            return {};
        p.write(in);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000))
            p.kill();
        p.waitForFinished();
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable("kubectl").isEmpty(), "kubectl is not installed");
        m_kubeconfig = m_dir.filePath("kubeconfig");
        QVERIFY2(m_sim.start({"--scenario", "minimal", "--speed", "10"}, m_kubeconfig),
                 qPrintable(m_sim.errorString()));
        Result r = kubectl({"apply", "-f", "-"}, s_pod);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = kubectl({"wait", "--for=condition=Ready", "pod/shell", "--timeout=60s"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void echoes()
    {
        const Result r = kubectl({"exec", "shell", "-c", "main", "--", "echo", "hi", "there"});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("hi there\n"));
        QCOMPARE(r.exitCode, 0);
    }

    void containerView()
    {
        Result r = kubectl({"exec", "shell", "-c", "main", "--", "hostname"});
        QCOMPARE(r.out, QStringLiteral("shell\n"));
        r = kubectl({"exec", "shell", "-c", "main", "--", "env"});
        QVERIFY2(r.out.contains("\nGREETING=hello-from-env\n"), qPrintable(r.out));
        QVERIFY(r.out.contains("HOSTNAME=shell\n"));
        r = kubectl({"exec", "shell", "-c", "main", "--", "cat", "/etc/hostname"});
        QCOMPARE(r.out, QStringLiteral("shell\n"));
        r = kubectl({"exec", "shell", "-c", "main", "--", "ls", "/etc"});
        QCOMPARE(r.out, QStringLiteral("hostname\nhosts\nos-release\nresolv.conf\n"));
    }

    // -i: stdin reaches the command and its end (v5's close channel) ends it.
    void standardInput()
    {
        Result r
            = kubectl({"exec", "-i", "shell", "-c", "main", "--", "cat"}, "line one\nline two\n");
        QCOMPARE(r.out, QStringLiteral("line one\nline two\n"));
        QCOMPARE(r.exitCode, 0);
        r = kubectl({"exec", "-i", "shell", "-c", "main", "--", "sh", "-c", "bash || sh"},
                    "echo first\nhostname\nexit 4\necho never\n");
        QCOMPARE(r.out, QStringLiteral("first\nshell\n"));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("command terminated with exit code 4"), qPrintable(r.err));
    }

    void exitCodesAndErrors()
    {
        Result r = kubectl({"exec", "shell", "-c", "main", "--", "nosuchtool", "-x"});
        QCOMPARE(r.exitCode, 127);
        QVERIFY2(r.err.contains("sh: nosuchtool: not found"), qPrintable(r.err));
        r = kubectl({"exec", "shell", "-c", "main", "--", "cat", "/etc/shadow"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("cat: /etc/shadow: No such file or directory"));
        r = kubectl({"exec", "shell", "-c", "nosuch", "--", "true"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("container nosuch is not valid for pod shell"), qPrintable(r.err));
        r = kubectl({"exec", "missing", "--", "true"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("pods \"missing\" not found"), qPrintable(r.err));
    }

    // exec needs "create" on pods/exec: the read-only user is refused.
    void viewerIsForbidden()
    {
        const Result r
            = kubectl({"--context", "minimal-viewer", "exec", "shell", "-c", "main", "--", "true"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("cannot create resource \"pods/exec\""), qPrintable(r.err));
        const Result op = kubectl(
            {"--context", "minimal-operator", "exec", "shell", "-c", "main", "--", "true"});
        QCOMPARE(op.exitCode, 0);
    }

    void otherReleases_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("1.30") << "1.30";
        QTest::newRow("1.31") << "1.31";
        QTest::newRow("1.33") << "1.33";
    }

    void otherReleases()
    {
        QFETCH(QString, version);
        const Result r = versioned(version, {"exec", "-i", "shell", "-c", "main", "--", "sh"},
                                   "echo $0 ok\nexit 2\n");
        if (r.exitCode == -1)
            QSKIP("this kubectl release is not installed");
        QCOMPARE(r.out, QStringLiteral("$0 ok\n"));
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestExec)
#include "tst_exec.moc"
