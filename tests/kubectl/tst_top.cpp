// SPDX-License-Identifier: GPL-3.0-or-later
// `orrery --top` judged by real kubectl: against one orrery-sim cluster, `kubectl top pod -A`,
// `kubectl top pod -n NS` and `kubectl top node` and the matching `orrery --top` must print
// the same bytes (columns, numbers, spacing), and the same message for an empty namespace.
//
// The simulator's figures change once per 15 s window of its clock (MetricsModel's noise), so
// each comparison is sandwiched: kubectl, orrery, kubectl. When both kubectl runs agree, the
// window did not change around orrery's run and orrery must print exactly that; when they
// disagree, a window boundary fell in between and the triple is taken again.
#include <simprocess.h>

#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Output
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Output run(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted() || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestTop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;
    const QString m_context = QStringLiteral("minimal");

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", m_dir.path()); // kubectl's cache and Orrery's settings stay here
        env.remove("KUBECONFIG");
        env.insert("QT_QPA_PLATFORM", "offscreen");
        return env;
    }

    Output kubectl(const QStringList &args, const QByteArray &stdinData = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start("kubectl", QStringList{"--kubeconfig", m_kubeconfig, "--context", m_context,
                                       "--cache-dir", m_dir.filePath("cache")}
                               + args);
        if (!p.waitForStarted())
            return {};
        p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    Output orrery(const QStringList &args)
    {
        return run(QStringLiteral(ORRERY_APP_BINARY),
                   QStringList{"--kubeconfig", m_kubeconfig, "--context", m_context} + args,
                   environment());
    }

    // kubectl, orrery, kubectl until both kubectl runs agree; then orrery must match them.
    void compare(const QStringList &kubectlArgs, const QStringList &orreryArgs)
    {
        for (int attempt = 0; attempt < 8; ++attempt) {
            const Output before = kubectl(kubectlArgs);
            QCOMPARE(before.exitCode, 0);
            const Output ours = orrery(orreryArgs);
            const Output after = kubectl(kubectlArgs);
            QCOMPARE(after.exitCode, 0);
            if (before.out != after.out || before.err != after.err)
                continue; // a 15 s window turned meanwhile: take the three again
            if (ours.out != before.out || ours.err != before.err)
                qWarning().noquote() << "kubectl" << kubectlArgs.join(' ') << "printed:\n"
                                     << before.out << before.err << "\norrery printed:\n"
                                     << ours.out << ours.err;
            QCOMPARE(ours.exitCode, 0);
            QCOMPARE(ours.out, before.out);
            QCOMPARE(ours.err, before.err);
            return;
        }
        QFAIL("kubectl never printed the same twice in a row");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable("kubectl").isEmpty(), "kubectl is not installed");
        m_kubeconfig = m_dir.filePath("kubeconfig");
        // Real time: a 15 s metrics window is long enough for a kubectl-orrery-kubectl triple.
        QVERIFY2(m_sim.start({"--scenario", "minimal"}, m_kubeconfig),
                 qPrintable(m_sim.errorString()));

        // Pods in two namespaces, one with two containers (summed), one without requests.
        QCOMPARE(kubectl({"create", "namespace", "shop"}).exitCode, 0);
        QCOMPARE(kubectl({"create", "namespace", "empty"}).exitCode, 0);
        const Output applied = kubectl({"apply", "-f", "-"}, R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: main
        image: nginx:1.25
        resources: {requests: {cpu: 250m, memory: 300Mi}}
      - name: sidecar
        image: envoyproxy/envoy:v1.29.0
        resources: {requests: {cpu: 35m, memory: 70Mi}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - {name: api, image: "python:3.12-slim"}
)");
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        QCOMPARE(kubectl({"rollout", "status", "-n", "shop", "deployment/web", "--timeout=120s"})
                     .exitCode,
                 0);
        QCOMPARE(kubectl({"rollout", "status", "deployment/api", "--timeout=120s"}).exitCode, 0);
        // Every running pod has a sample once the rollouts are done.
        QTRY_COMPARE_WITH_TIMEOUT(kubectl({"top", "pod", "-A", "--no-headers"}).out.count('\n'), 5,
                                  60000);
    }

    void podsAllNamespaces() { compare({"top", "pod", "-A"}, {"--top", "pods", "-A"}); }
    void podsOneNamespace()
    {
        compare({"top", "pod", "-n", "shop"}, {"--top", "pods", "-n", "shop"});
    }
    void podsDefaultNamespace() { compare({"top", "pod"}, {"--top", "pods"}); }
    void nodes() { compare({"top", "node"}, {"--top", "nodes"}); }
    // No pods: nothing on stdout, kubectl's sentence on stderr, exit 0.
    void emptyNamespace()
    {
        compare({"top", "pod", "-n", "empty"}, {"--top", "pods", "-n", "empty"});
    }

    void usage()
    {
        const Output bad = orrery({"--top", "deployments"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("usage: orrery --top pods|nodes"));
        QCOMPARE(orrery({"--top", "pods", "-A", "-n", "shop"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestTop)
#include "tst_top.moc"
