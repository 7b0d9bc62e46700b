// SPDX-License-Identifier: GPL-3.0-or-later
// Image pulls judged by real kubectl against orrery-sim (scenario eks-devops-ppp, whose
// private ECR registry needs the ecr-credentials pull secret): an image that does not exist
// leaves the new pods in ErrImagePull / ImagePullBackOff with the kubelet's events in
// `kubectl describe pod`, and the rollout stalls until its progress deadline; a private image
// without a pull secret fails with 401 Unauthorized and runs once the secret is there; a
// crashing image crash-loops with restarts; `kubectl rollout undo` recovers each time.
#include <kubectlprocess.h>
#include <simprocess.h>

#include <QtTest>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

using Result = Orrery::Test::KubectlResult;

const QString s_ecr = QStringLiteral("123456789012.dkr.ecr.us-east-1.amazonaws.com");

} // namespace

class TestRegistry : public QObject
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

    QString ok(const QStringList &args, const QByteArray &stdinData = {})
    {
        const Result r = kubectl(args, stdinData);
        if (r.exitCode != 0)
            qWarning().noquote() << "kubectl" << args.join(' ') << "failed:" << r.err;
        [&] { QCOMPARE(r.exitCode, 0); }();
        return r.out;
    }

    QString jsonpath(const QString &ns, const QString &resource, const QString &path)
    {
        return kubectl({"get", resource, "-n", ns, "-o", "jsonpath=" + path}).out;
    }

    void waitRollout(const QString &ns, const QString &name)
    {
        const Result r
            = kubectl({"rollout", "status", "deployment/" + name, "-n", ns, "--timeout=120s"});
        if (r.exitCode != 0)
            qWarning().noquote() << r.out << r.err;
        QCOMPARE(r.exitCode, 0);
        QVERIFY(
            r.out.contains(QStringLiteral("deployment \"%1\" successfully rolled out").arg(name)));
    }

    // The pods of app=APP in NS whose first container runs IMAGE.
    QStringList podsWithImage(const QString &ns, const QString &app, const QString &image)
    {
        const QString out = kubectl({"get", "pods", "-n", ns, "-l", "app=" + app, "-o",
                                     "jsonpath={range .items[*]}{.metadata.name} "
                                     "{.spec.containers[0].image}{\"\\n\"}{end}"})
                                .out;
        QStringList names;
        for (const QString &line : out.split('\n', Qt::SkipEmptyParts)) {
            if (line.section(' ', 1) == image)
                names << line.section(' ', 0, 0);
        }
        return names;
    }

    // `kubectl describe pod` once it shows every part (events arrive over a few seconds).
    QString describeShowing(const QString &ns, const QString &pod, const QStringList &parts)
    {
        QString out;
        // On a timeout the caller's checks name what is missing.
        (void)QTest::qWaitFor(
            [&] {
                out = kubectl({"describe", "pod", pod, "-n", ns}).out;
                for (const QString &p : parts) {
                    if (!out.contains(p))
                        return false;
                }
                return true;
            },
            60000);
        return out;
    }

    static QByteArray deployment(const QString &name, const QString &image, int replicas,
                                 const QString &ns)
    {
        return QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %1\n"
                              "  namespace: %4\n  labels: {app: %1}\nspec:\n  replicas: %3\n"
                              "  progressDeadlineSeconds: 60\n"
                              "  selector:\n    matchLabels: {app: %1}\n  template:\n"
                              "    metadata:\n      labels: {app: %1}\n    spec:\n"
                              "      containers:\n      - name: main\n        image: %2\n"
                              "        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n")
            .arg(name, image)
            .arg(replicas)
            .arg(ns)
            .toUtf8();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable("kubectl").isEmpty(), "kubectl is not installed");
        m_kubeconfig = m_dir.filePath("kubeconfig");
        QVERIFY2(m_sim.start({"--scenario", "eks-devops-ppp", "--speed", "10"}, m_kubeconfig),
                 qPrintable(m_sim.errorString()));
        ok({"create", "namespace", "lab"});
    }

    void cleanupTestCase()
    {
        QProcess &sim = m_sim.process();
        if (sim.state() == QProcess::Running) {
            sim.terminate();
            QVERIFY(sim.waitForFinished(20000));
        }
    }

    // The seed's own pods pull from the private ECR with the scenario's pull secret.
    void seedPodsPull()
    {
        waitRollout("devops-ppp", "frontend");
        waitRollout("devops-ppp", "backend");
        waitRollout("devops-ppp", "sqs-worker");
    }

    void setImageThatDoesNotExist()
    {
        ok({"apply", "-f", "-"}, deployment("web", "nginx:1.25", 2, "lab"));
        waitRollout("lab", "web");
        ok({"set", "image", "deployment/web", "main=nope:bad", "-n", "lab"});
        QTRY_VERIFY_WITH_TIMEOUT(!podsWithImage("lab", "web", "nope:bad").isEmpty(), 30000);
        const QString pod = podsWithImage("lab", "web", "nope:bad").first();
        QTRY_VERIFY_WITH_TIMEOUT(
            ok({"get", "pods", "-n", "lab", "-l", "app=web"})
                .contains(QRegularExpression(pod + "\\s+0/1\\s+(ErrImagePull|ImagePullBackOff)")),
            60000);

        const QString failed = "Failed to pull image \"nope:bad\": rpc error: code = Unknown desc "
                               "= failed to pull and unpack image \"docker.io/library/nope:bad\": "
                               "failed to resolve reference \"docker.io/library/nope:bad\": pull "
                               "access denied, repository does not exist or may require "
                               "authorization: server message: insufficient_scope: authorization "
                               "failed";
        const QStringList parts
            = {"Pulling image \"nope:bad\"", failed, "Error: ErrImagePull",
               "Back-off pulling image \"nope:bad\"", "Error: ImagePullBackOff"};
        const QString described = describeShowing("lab", pod, parts);
        for (const QString &p : parts)
            QVERIFY2(described.contains(p), qPrintable(described));
        QVERIFY2(described.contains(QRegularExpression("State:\\s+Waiting\\n\\s+Reason:\\s+("
                                                       "ErrImagePull|ImagePullBackOff)")),
                 qPrintable(described));
        QVERIFY2(described.contains(QRegularExpression("kubelet\\s+Failed to pull image")),
                 qPrintable(described));
        // Retries with back-off: the events count up ("(x3 over 40s)").
        const QString counted = describeShowing("lab", pod, {"(x3 over", "Back-off pulling image"});
        QVERIFY2(counted.contains(QRegularExpression("\\(x[3-9] over [^)]*\\)\\s+kubelet\\s+"
                                                     "(Pulling image|Failed to pull image|"
                                                     "Back-off pulling image)")),
                 qPrintable(counted));

        // The rollout stalls with the old pods serving, then fails at its deadline.
        QCOMPARE(jsonpath("lab", "deployment/web", "{.status.availableReplicas}"),
                 QStringLiteral("2"));
        const Result status
            = kubectl({"rollout", "status", "deployment/web", "-n", "lab", "--timeout=100s"});
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.err.contains("deployment \"web\" exceeded its progress deadline"),
                 qPrintable(status.err));
        QCOMPARE(jsonpath("lab", "deployment/web",
                          "{.status.conditions[?(@.type==\"Progressing\")].reason}"),
                 QStringLiteral("ProgressDeadlineExceeded"));

        ok({"rollout", "undo", "deployment/web", "-n", "lab"});
        waitRollout("lab", "web");
        QCOMPARE(jsonpath("lab", "deployment/web", "{.spec.template.spec.containers[0].image}"),
                 QStringLiteral("nginx:1.25"));
        QTRY_VERIFY_WITH_TIMEOUT(podsWithImage("lab", "web", "nope:bad").isEmpty(), 30000);
    }

    void tagThatDoesNotExist()
    {
        ok({"run", "typo", "-n", "lab", "--image=nginx:1.25-typo", "--restart=Never"});
        const QString described = describeShowing(
            "lab", "typo",
            {"rpc error: code = NotFound desc = failed to pull and unpack image "
             "\"docker.io/library/nginx:1.25-typo\": failed to resolve reference "
             "\"docker.io/library/nginx:1.25-typo\": docker.io/library/nginx:1.25-typo: not found",
             "Back-off pulling image \"nginx:1.25-typo\""});
        QVERIFY2(described.contains("docker.io/library/nginx:1.25-typo: not found"),
                 qPrintable(described));
        QCOMPARE(jsonpath("lab", "pod/typo", "{.status.phase}"), QStringLiteral("Pending"));
    }

    void unknownRegistryHost()
    {
        ok({"run", "ghost", "-n", "lab", "--image=registry.invalid.example/app:1"});
        const QString described
            = describeShowing("lab", "ghost", {"lookup registry.invalid.example: no such host"});
        QVERIFY2(described.contains("dial tcp: lookup registry.invalid.example: no such host"),
                 qPrintable(described));
    }

    void privateImageNeedsPullSecret()
    {
        const QString image = s_ecr + "/backend:1.1.0";
        ok({"run", "anon", "-n", "lab", "--image=" + image});
        const QString denied = "unexpected status from HEAD request to https://" + s_ecr
                               + "/v2/backend/manifests/1.1.0: 401 Unauthorized";
        const QString described = describeShowing("lab", "anon", {denied, "Error: ErrImagePull"});
        QVERIFY2(described.contains("Failed to pull image \"" + image
                                    + "\": rpc error: code = "
                                      "Unknown desc = failed to pull and unpack image \""
                                    + image + "\": failed to resolve reference \"" + image
                                    + "\": " + denied),
                 qPrintable(described));
        QTRY_COMPARE_WITH_TIMEOUT(
            jsonpath("lab", "pod/anon", "{.status.containerStatuses[0].state.waiting.reason}")
                .contains("ImagePull"),
            true, 30000);

        // `kubectl create secret docker-registry`, referenced by the namespace's default
        // ServiceAccount: pods created from then on pull.
        ok({"create", "secret", "docker-registry", "ecr", "-n", "lab", "--docker-server=" + s_ecr,
            "--docker-username=AWS", "--docker-password=simulated-token"});
        ok({"patch", "serviceaccount", "default", "-n", "lab", "-p",
            R"({"imagePullSecrets":[{"name":"ecr"}]})"});
        ok({"run", "authed", "-n", "lab", "--image=" + image});
        const Result ready = kubectl(
            {"wait", "--for=condition=Ready", "pod/authed", "-n", "lab", "--timeout=60s"});
        QVERIFY2(ready.exitCode == 0, qPrintable(ready.err));
        QVERIFY(jsonpath("lab", "pod/authed", "{.status.containerStatuses[0].imageID}")
                    .startsWith(s_ecr + "/backend@sha256:"));
        const QString pulled
            = describeShowing("lab", "authed", {"Successfully pulled image \"" + image + "\""});
        QVERIFY2(!pulled.contains("401"), qPrintable(pulled));
    }

    void crashingImageCrashLoops()
    {
        const QString good = s_ecr + "/backend:latest", bad = s_ecr + "/backend:1.3.0";
        ok({"set", "image", "deployment/backend", "backend=" + bad, "-n", "devops-ppp"});
        QTRY_VERIFY_WITH_TIMEOUT(!podsWithImage("devops-ppp", "backend", bad).isEmpty(), 30000);
        const QString pod = podsWithImage("devops-ppp", "backend", bad).first();
        QTRY_VERIFY_WITH_TIMEOUT(
            jsonpath("devops-ppp", "pod/" + pod, "{.status.containerStatuses[0].restartCount}")
                    .toInt()
                >= 2,
            60000);
        QTRY_VERIFY_WITH_TIMEOUT(
            ok({"get", "pods", "-n", "devops-ppp", "-l", "app=backend"})
                .contains(QRegularExpression(pod + "\\s+0/1\\s+CrashLoopBackOff\\s+[2-9]")),
            60000);
        const QString described = describeShowing(
            "devops-ppp", pod,
            {"Back-off restarting failed container backend in pod " + pod, "Started container"});
        QVERIFY2(described.contains(QRegularExpression("Last State:\\s+Terminated\\n\\s+Reason:"
                                                       "\\s+Error\\n\\s+Exit Code:\\s+1")),
                 qPrintable(described));
        // maxUnavailable 0: the old pods keep serving.
        QVERIFY(jsonpath("devops-ppp", "deployment/backend", "{.status.availableReplicas}").toInt()
                >= 2);

        ok({"rollout", "undo", "deployment/backend", "-n", "devops-ppp"});
        waitRollout("devops-ppp", "backend");
        QCOMPARE(jsonpath("devops-ppp", "deployment/backend",
                          "{.spec.template.spec.containers[0].image}"),
                 good);
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
