// SPDX-License-Identifier: GPL-3.0-or-later
// Real kubectl against orrery-sim: the simulator must be faithful enough that kubectl's own
// commands (not ours) succeed, print what they print against a real cluster, and fail where
// a real cluster makes them fail.
#include <simprocess.h>

#include <QtTest>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString simplified(const QString &line)
{
    return line.simplified();
}

} // namespace

class TestKubectl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;
    QString m_url;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // kubectl reads ~/.kube and caches discovery there: keep it inside the test.
        env.insert("HOME", m_dir.path());
        env.remove("KUBECONFIG");
        return env;
    }

    QStringList baseArgs(const QString &context) const
    {
        QStringList args = {"--kubeconfig", m_kubeconfig, "--cache-dir", m_dir.filePath("cache")};
        if (!context.isEmpty())
            args << "--context" << context;
        return args;
    }

    Result kubectl(const QStringList &args, const QString &context = {},
                   const QByteArray &stdinData = {}, int timeoutMs = 120000)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start("kubectl", baseArgs(context) + args);
        if (!p.waitForStarted())
            return {};
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    // Runs kubectl and fails the test when it does not exit 0.
    QString ok(const QStringList &args, const QString &context = {},
               const QByteArray &stdinData = {})
    {
        const Result r = kubectl(args, context, stdinData);
        if (r.exitCode != 0)
            qWarning().noquote() << "kubectl" << args.join(' ') << "failed:" << r.err;
        [&] { QCOMPARE(r.exitCode, 0); }();
        return r.out;
    }

    QString jsonpath(const QString &resource, const QString &path, const QString &ns = "default")
    {
        return kubectl({"get", resource, "-n", ns, "-o", "jsonpath=" + path}).out;
    }

    static QByteArray deployment(const QString &name, const QString &image, int replicas,
                                 const QString &ns = "default")
    {
        return QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %1\n"
                              "  namespace: %4\n  labels: {app: %1}\nspec:\n  replicas: %3\n"
                              "  selector:\n    matchLabels: {app: %1}\n  template:\n"
                              "    metadata:\n      labels: {app: %1}\n    spec:\n"
                              "      containers:\n      - name: main\n        image: %2\n"
                              "        ports:\n        - containerPort: 80\n"
                              "        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n")
            .arg(name, image)
            .arg(replicas)
            .arg(ns)
            .toUtf8();
    }

    void waitRollout(const QString &name, const QString &ns = "default")
    {
        const Result r
            = kubectl({"rollout", "status", "deployment/" + name, "-n", ns, "--timeout=120s"});
        if (r.exitCode != 0)
            qWarning().noquote() << r.out << r.err;
        QCOMPARE(r.exitCode, 0);
        QVERIFY(
            r.out.contains(QStringLiteral("deployment \"%1\" successfully rolled out").arg(name)));
    }

    QString headerOf(const QString &output) { return simplified(output.section('\n', 0, 0)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable("kubectl").isEmpty(), "kubectl is not installed");
        m_kubeconfig = m_dir.filePath("kubeconfig");
        QVERIFY2(m_sim.start({"--scenario", "minimal", "--speed", "4"}, m_kubeconfig),
                 qPrintable(m_sim.errorString()));
        QVERIFY2(m_sim.url().startsWith("https://127.0.0.1:"), qPrintable(m_sim.url()));
        m_url = m_sim.url();

        // One object of every kind `get` is checked against, in their own namespace.
        ok({"create", "namespace", "kinds"});
        const QByteArray fixture = deployment("web", "nginx:1.25", 2, "kinds") + R"(---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: kinds}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: kinds}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:16"}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kinds}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: "fluent/fluent-bit:3.0"}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: once, namespace: kinds}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: once, image: "busybox:1.36"}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: kinds}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: backup, image: "busybox:1.36"}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: kinds}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 5
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: kinds}
data: {mode: fast}
---
apiVersion: v1
kind: Secret
metadata: {name: creds, namespace: kinds}
stringData: {password: hunter2}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: kinds}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
)";
        ok({"apply", "-f", "-"}, {}, fixture);
        waitRollout("web", "kinds");
    }

    void cleanupTestCase()
    {
        QProcess &sim = m_sim.process();
        if (sim.state() == QProcess::Running) {
            sim.terminate(); // SIGTERM: the simulator shuts down cleanly
            QVERIFY(sim.waitForFinished(20000));
            QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
            QCOMPARE(sim.exitCode(), 0);
        }
    }

    void version()
    {
        const QString out = ok({"version"});
        QVERIFY2(out.contains("Server Version: v1.32."), qPrintable(out));
        // The simulator marks itself in /version; kubectl must still decode it.
        const QJsonObject json
            = QJsonDocument::fromJson(ok({"version", "-o", "json"}).toUtf8()).object();
        QVERIFY(json.value("serverVersion")
                    .toObject()
                    .value("gitVersion")
                    .toString()
                    .startsWith("v1.32."));
        const QJsonObject raw
            = QJsonDocument::fromJson(ok({"get", "--raw", "/version"}).toUtf8()).object();
        QCOMPARE(raw.value("orrerySimulator").toBool(), true);
    }

    void loadAnnotationScalesOut()
    {
        ok({"apply", "-f", "-"}, {}, deployment("loaded", "nginx:1.25", 1) + R"(---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: loaded, namespace: default}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: loaded}
  minReplicas: 1
  maxReplicas: 4
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
)");
        waitRollout("loaded");
        QCOMPARE(ok({"annotate", "deployment/loaded", "sim.orrery.dev/load-percent=300"}).trimmed(),
                 QStringLiteral("deployment.apps/loaded annotated"));
        // 300 % of the load the single replica was sized for: the HPA scales out to its max.
        QTRY_COMPARE_WITH_TIMEOUT(jsonpath("hpa/loaded", "{.status.desiredReplicas}"),
                                  QStringLiteral("4"), 90000);
        waitRollout("loaded");
        QCOMPARE(jsonpath("deployment/loaded", "{.spec.replicas}"), QStringLiteral("4"));
        QVERIFY(ok({"top", "pods", "-l", "app=loaded"}).contains("loaded-"));
        ok({"annotate", "deployment/loaded", "sim.orrery.dev/load-percent-"});
    }

    void kubeconfigContexts()
    {
        const QString out = ok({"config", "get-contexts", "-o", "name"});
        QCOMPARE(out.split('\n', Qt::SkipEmptyParts),
                 QStringList({"minimal", "minimal-operator", "minimal-viewer"}));
        QCOMPARE(ok({"config", "current-context"}).trimmed(), QStringLiteral("minimal"));
    }

    void apiResources()
    {
        const QString out = ok({"api-resources"});
        QCOMPARE(headerOf(out), QStringLiteral("NAME SHORTNAMES APIVERSION NAMESPACED KIND"));
        const QStringList lines = out.split('\n');
        auto has = [&](const QString &expected) {
            for (const auto &l : lines)
                if (simplified(l) == expected)
                    return true;
            return false;
        };
        QVERIFY(has("deployments deploy apps/v1 true Deployment"));
        QVERIFY(has("pods po v1 true Pod"));
        QVERIFY(has("horizontalpodautoscalers hpa autoscaling/v2 true HorizontalPodAutoscaler"));
        QVERIFY(has("namespaces ns v1 false Namespace"));
        QVERIFY(has("cronjobs cj batch/v1 true CronJob"));
        const QString all = ok({"api-resources", "--categories=all", "-o", "name"});
        for (const char *r : {"pods", "services", "deployments.apps", "replicasets.apps",
                              "statefulsets.apps", "daemonsets.apps", "jobs.batch",
                              "cronjobs.batch", "horizontalpodautoscalers.autoscaling"})
            QVERIFY2(all.split('\n').contains(r), r);
    }

    void getColumns_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("header");
        QTest::newRow("pods") << QStringList{"pods"} << "NAME READY STATUS RESTARTS AGE";
        QTest::newRow("pods wide")
            << QStringList{"pods", "-o", "wide"}
            << "NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES";
        QTest::newRow("deployments")
            << QStringList{"deployments"} << "NAME READY UP-TO-DATE AVAILABLE AGE";
        QTest::newRow("deployments wide")
            << QStringList{"deploy", "-o", "wide"}
            << "NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR";
        QTest::newRow("replicasets") << QStringList{"rs"} << "NAME DESIRED CURRENT READY AGE";
        QTest::newRow("statefulsets") << QStringList{"sts"} << "NAME READY AGE";
        QTest::newRow("daemonsets")
            << QStringList{"ds"}
            << "NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE";
        QTest::newRow("services") << QStringList{"svc"}
                                  << "NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE";
        QTest::newRow("services wide") << QStringList{"svc", "-o", "wide"}
                                       << "NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR";
        QTest::newRow("hpa") << QStringList{"hpa"}
                             << "NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE";
        QTest::newRow("jobs") << QStringList{"jobs"} << "NAME STATUS COMPLETIONS DURATION AGE";
        QTest::newRow("cronjobs") << QStringList{"cronjobs"}
                                  << "NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE";
        QTest::newRow("configmaps") << QStringList{"cm"} << "NAME DATA AGE";
        QTest::newRow("secrets") << QStringList{"secrets"} << "NAME TYPE DATA AGE";
        QTest::newRow("serviceaccounts") << QStringList{"sa"} << "NAME SECRETS AGE";
        QTest::newRow("pvc")
            << QStringList{"pvc"}
            << "NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE";
        QTest::newRow("nodes") << QStringList{"nodes"} << "NAME STATUS ROLES AGE VERSION";
        QTest::newRow("nodes wide") << QStringList{"nodes", "-o", "wide"}
                                    << "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP "
                                       "OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME";
        QTest::newRow("namespaces") << QStringList{"ns"} << "NAME STATUS AGE";
        QTest::newRow("endpoints") << QStringList{"endpoints"} << "NAME ENDPOINTS AGE";
    }

    void getColumns()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, header);
        const QString out = ok(QStringList{"get"} + args + QStringList{"-n", "kinds"});
        QCOMPARE(headerOf(out), header);
        QVERIFY2(out.count('\n') >= 2, qPrintable(out)); // at least one row
    }

    void getCells()
    {
        // Cells computed the way kube-apiserver's printers compute them.
        QTRY_COMPARE_WITH_TIMEOUT(
            simplified(ok({"get", "deploy", "web", "-n", "kinds", "--no-headers", "-o", "wide"}))
                .section(' ', 0, 3),
            QStringLiteral("web 2/2 2 2"), 60000);
        const QString wide
            = simplified(ok({"get", "deploy", "web", "-n", "kinds", "--no-headers", "-o", "wide"}));
        QVERIFY2(wide.endsWith("main nginx:1.25 app=web"), qPrintable(wide));
        const QString svc = simplified(ok({"get", "svc", "web", "-n", "kinds", "--no-headers"}));
        QVERIFY2(QRegularExpression("^web ClusterIP 10\\.96\\.\\d+\\.\\d+ <none> 80/TCP \\S+$")
                     .match(svc)
                     .hasMatch(),
                 qPrintable(svc));
        const QString hpa = simplified(ok({"get", "hpa", "web", "-n", "kinds", "--no-headers"}));
        QVERIFY2(QRegularExpression("^web Deployment/web cpu: (<unknown>|\\d+%)/80% 2 5 \\d+ \\S+$")
                     .match(hpa)
                     .hasMatch(),
                 qPrintable(hpa));
        const QString secret
            = simplified(ok({"get", "secret", "creds", "-n", "kinds", "--no-headers"}));
        QVERIFY2(secret.startsWith("creds Opaque 1 "), qPrintable(secret));
        const QString pods = ok({"get", "pods", "-n", "kinds", "-l", "app=web", "--no-headers"});
        QCOMPARE(
            pods.count(QRegularExpression("^web-[a-z0-9]+-[a-z0-9]{5}\\s+1/1\\s+Running\\s+0\\s",
                                          QRegularExpression::MultilineOption)),
            2);
    }

    void getAll()
    {
        const QString out = ok({"get", "all", "-n", "kinds"});
        for (const char *prefix :
             {"pod/web-", "service/web", "deployment.apps/web", "replicaset.apps/web-",
              "statefulset.apps/db", "daemonset.apps/agent", "job.batch/once",
              "cronjob.batch/nightly", "horizontalpodautoscaler.autoscaling/web"})
            QVERIFY2(out.contains(prefix), prefix);
    }

    void listSelectorsAndPaging()
    {
        const QString setBased
            = ok({"get", "pods", "-n", "kinds", "-l", "app in (web,db)", "-o", "name"});
        QVERIFY(setBased.contains("pod/web-"));
        QVERIFY(setBased.contains("pod/db-0"));
        QVERIFY(!setBased.contains("pod/agent-"));
        const QString notIn
            = ok({"get", "pods", "-n", "kinds", "-l", "app notin (web),app", "-o", "name"});
        QVERIFY(!notIn.contains("pod/web-"));
        QVERIFY(notIn.contains("pod/db-0"));
        QTRY_VERIFY_WITH_TIMEOUT(ok({"get", "pods", "-n", "kinds", "--field-selector",
                                     "status.phase=Running", "-o", "name"})
                                     .contains("pod/db-0"),
                                 60000);
        const QString byName
            = ok({"get", "cm", "-A", "--field-selector", "metadata.name=settings", "-o", "name"});
        QCOMPARE(byName.trimmed(), QStringLiteral("configmap/settings"));
        const Result bad = kubectl({"get", "pods", "--field-selector", "spec.bogus=1"});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("field label not supported: spec.bogus"), qPrintable(bad.err));
        // Pages of one object each (limit/continue) give the same list as one request.
        const QString whole = ok({"get", "cm", "-A", "-o", "name"});
        const QString paged = ok({"get", "cm", "-A", "-o", "name", "--chunk-size=1"});
        QCOMPARE(paged, whole);
        QVERIFY(whole.count('\n') >= 6);
    }

    void notFoundAndUnknownKinds()
    {
        const Result missing = kubectl({"get", "deployment", "nope"});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(
            missing.err.trimmed(),
            QStringLiteral("Error from server (NotFound): deployments.apps \"nope\" not found"));
        const Result unknown = kubectl({"get", "flurbs"});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("the server doesn't have a resource type \"flurbs\""),
                 qPrintable(unknown.err));
    }

    void watchSeesScaleOut()
    {
        ok({"apply", "-f", "-"}, {}, deployment("watched", "nginx:1.25", 1));
        waitRollout("watched");
        QProcess watch;
        watch.setProcessEnvironment(environment());
        watch.start("kubectl", baseArgs({}) + QStringList{"get", "deployment", "watched", "-w"});
        QVERIFY(watch.waitForStarted());
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += watch.readAllStandardOutput()).contains("watched"),
                                 20000);
        ok({"scale", "deployment/watched", "--replicas=3"});
        // The watch prints the new desired count, then the pods becoming ready.
        QTRY_VERIFY_WITH_TIMEOUT((seen += watch.readAllStandardOutput()).contains("/3"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            QRegularExpression("watched\\s+3/3\\s+3\\s+3")
                .match(QString::fromUtf8(seen += watch.readAllStandardOutput()))
                .hasMatch(),
            60000);
        watch.kill();
        watch.waitForFinished();
    }

    void describeDeployment()
    {
        const QString out = ok({"describe", "deployment", "web", "-n", "kinds"});
        for (const char *expected : {"Name:                   web", "Namespace:              kinds",
                                     "Selector:               app=web",
                                     "Replicas:               2 desired | 2 updated | 2 total | 2 "
                                     "available | 0 unavailable",
                                     "StrategyType:           RollingUpdate",
                                     "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
                                     "Available      True    MinimumReplicasAvailable",
                                     "NewReplicaSet:   web-", "ScalingReplicaSet"})
            QVERIFY2(out.contains(expected), expected);
        QVERIFY(QRegularExpression("\\n\\s+Image:\\s+nginx:1\\.25\\n").match(out).hasMatch());
    }

    void scaleAndRolloutStatus()
    {
        ok({"apply", "-f", "-"}, {}, deployment("scaled", "nginx:1.25", 1));
        waitRollout("scaled");
        QCOMPARE(ok({"scale", "deployment/scaled", "--replicas=4"}).trimmed(),
                 QStringLiteral("deployment.apps/scaled scaled"));
        waitRollout("scaled");
        QCOMPARE(jsonpath("deployment/scaled", "{.status.availableReplicas}"), QStringLiteral("4"));
        // --current-replicas is a precondition checked through the scale subresource.
        const Result wrong
            = kubectl({"scale", "deployment/scaled", "--current-replicas=2", "--replicas=1"});
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains("Expected replicas to be 2, was 4"), qPrintable(wrong.err));
    }

    void setImageAndUndo()
    {
        ok({"apply", "-f", "-"}, {}, deployment("roll", "nginx:1.25", 2));
        waitRollout("roll");
        ok({"set", "image", "deployment/roll", "main=nginx:1.26"});
        waitRollout("roll");
        QString history = ok({"rollout", "history", "deployment/roll"});
        QVERIFY2(QRegularExpression("REVISION\\s+CHANGE-CAUSE\\n1\\s+<none>\\n2\\s+<none>")
                     .match(history)
                     .hasMatch(),
                 qPrintable(history));
        QCOMPARE(ok({"rollout", "undo", "deployment/roll"}).trimmed(),
                 QStringLiteral("deployment.apps/roll rolled back"));
        waitRollout("roll");
        QCOMPARE(jsonpath("deployment/roll", "{.spec.template.spec.containers[0].image}"),
                 QStringLiteral("nginx:1.25"));
        // Revision 1's ReplicaSet was adopted back as revision 3, as on a real cluster.
        history = ok({"rollout", "history", "deployment/roll"});
        QVERIFY2(QRegularExpression("\\n2\\s+<none>\\n3\\s+<none>").match(history).hasMatch(),
                 qPrintable(history));
        QCOMPARE(jsonpath("deployment/roll",
                          "{.metadata.annotations.deployment\\.kubernetes\\.io/revision}"),
                 QStringLiteral("3"));
        QVERIFY(
            ok({"rollout", "history", "deployment/roll", "--revision=2"}).contains("nginx:1.26"));

        ok({"rollout", "undo", "deployment/roll", "--to-revision=2"});
        waitRollout("roll");
        QCOMPARE(jsonpath("deployment/roll", "{.spec.template.spec.containers[0].image}"),
                 QStringLiteral("nginx:1.26"));
        history = ok({"rollout", "history", "deployment/roll"});
        QVERIFY2(QRegularExpression("\\n3\\s+<none>\\n4\\s+<none>").match(history).hasMatch(),
                 qPrintable(history));
        const Result missing = kubectl({"rollout", "undo", "deployment/roll", "--to-revision=9"});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains("unable to find specified revision 9 in history"),
                 qPrintable(missing.err));
        // Only two ReplicaSets exist: undo re-used them instead of creating new ones.
        QCOMPARE(ok({"get", "rs", "-l", "app=roll", "-o", "name"}).count('\n'), 2);
    }

    void rolloutRestart()
    {
        ok({"apply", "-f", "-"}, {}, deployment("restarted", "nginx:1.25", 1));
        waitRollout("restarted");
        QCOMPARE(ok({"rollout", "restart", "deployment/restarted"}).trimmed(),
                 QStringLiteral("deployment.apps/restarted restarted"));
        QVERIFY(
            !jsonpath("deployment/restarted",
                      "{.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}")
                 .isEmpty());
        waitRollout("restarted");
        QCOMPARE(jsonpath("deployment/restarted",
                          "{.metadata.annotations.deployment\\.kubernetes\\.io/revision}"),
                 QStringLiteral("2"));
    }

    void brokenImageNeverFinishes()
    {
        ok({"apply", "-f", "-"}, {}, deployment("broken", "nginx:1.25", 2));
        waitRollout("broken");
        ok({"set", "image", "deployment/broken", "main=nginx:pending-forever"});
        const Result r = kubectl({"rollout", "status", "deployment/broken", "--timeout=8s"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("timed out waiting for the condition"), qPrintable(r.err));
        QVERIFY(r.out.contains("Waiting for deployment \"broken\" rollout to finish"));
        // The old pods keep serving: maxUnavailable 25% of 2 rounds down to 0.
        QCOMPARE(jsonpath("deployment/broken", "{.status.availableReplicas}"), QStringLiteral("2"));
        QTRY_VERIFY_WITH_TIMEOUT(ok({"get", "pods", "-l", "app=broken"})
                                     .contains(QRegularExpression("ErrImagePull|ImagePullBackOff")),
                                 60000);
    }

    void serverSideApply()
    {
        const QByteArray manifest = R"(apiVersion: v1
kind: ConfigMap
metadata: {name: ssa-config}
data: {level: info}
---
)" + deployment("ssa", "nginx:1.25", 2);
        QString out = ok({"apply", "--server-side", "-f", "-"}, {}, manifest);
        QCOMPARE(out, QStringLiteral("configmap/ssa-config serverside-applied\ndeployment.apps/ssa "
                                     "serverside-applied\n"));
        const QString rv = jsonpath("configmap/ssa-config", "{.metadata.resourceVersion}");
        const QString managers
            = jsonpath("configmap/ssa-config", "{.metadata.managedFields[*].manager}");
        QCOMPARE(managers, QStringLiteral("kubectl"));
        QCOMPARE(jsonpath("configmap/ssa-config", "{.metadata.managedFields[0].operation}"),
                 QStringLiteral("Apply"));
        // Re-applying the same configuration changes nothing: not even the resourceVersion.
        ok({"apply", "--server-side", "-f", "-"}, {}, manifest);
        QCOMPARE(jsonpath("configmap/ssa-config", "{.metadata.resourceVersion}"), rv);
        // Another manager changing a field kubectl owns is a conflict...
        QByteArray other = manifest;
        other.replace("level: info", "level: debug");
        const Result conflict
            = kubectl({"apply", "--server-side", "--field-manager=ops", "-f", "-"}, {}, other);
        QCOMPARE(conflict.exitCode, 1);
        QVERIFY2(conflict.err.contains(
                     "Apply failed with 1 conflict: conflict with \"kubectl\": .data.level"),
                 qPrintable(conflict.err));
        QCOMPARE(jsonpath("configmap/ssa-config", "{.data.level}"), QStringLiteral("info"));
        // ...that --force-conflicts resolves by taking the field over.
        ok({"apply", "--server-side", "--field-manager=ops", "--force-conflicts", "-f", "-"}, {},
           other);
        QCOMPARE(jsonpath("configmap/ssa-config", "{.data.level}"), QStringLiteral("debug"));
        // A manager whose configuration no longer mentions a field stops owning it and the
        // field goes away when nobody else owns it.
        QByteArray trimmed = R"(apiVersion: v1
kind: ConfigMap
metadata: {name: ssa-config}
data: {level: debug, extra: "1"}
)";
        ok({"apply", "--server-side", "--field-manager=ops", "-f", "-"}, {}, trimmed);
        QCOMPARE(jsonpath("configmap/ssa-config", "{.data.extra}"), QStringLiteral("1"));
        trimmed.replace(", extra: \"1\"", "");
        ok({"apply", "--server-side", "--field-manager=ops", "-f", "-"}, {}, trimmed);
        QCOMPARE(jsonpath("configmap/ssa-config", "{.data.extra}"), QString());
        waitRollout("ssa");
        // Server-side dry run validates without writing.
        QByteArray scaled = deployment("ssa", "nginx:1.25", 5);
        // (ops co-owns spec.replicas since its forced apply: take it over, on paper only.)
        ok({"apply", "--server-side", "--force-conflicts", "--dry-run=server", "-f", "-"}, {},
           scaled);
        QCOMPARE(jsonpath("deployment/ssa", "{.spec.replicas}"), QStringLiteral("2"));
    }

    void clientSideApply()
    {
        QByteArray manifest = deployment("csa", "nginx:1.25", 1);
        QCOMPARE(ok({"apply", "-f", "-"}, {}, manifest).trimmed(),
                 QStringLiteral("deployment.apps/csa created"));
        QCOMPARE(ok({"apply", "-f", "-"}, {}, manifest).trimmed(),
                 QStringLiteral("deployment.apps/csa unchanged"));
        manifest.replace("replicas: 1", "replicas: 2");
        const Result r = kubectl({"apply", "-f", "-"}, {}, manifest);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/csa configured"));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // no OpenAPI or validation warnings
        QCOMPARE(jsonpath("deployment/csa", "{.spec.replicas}"), QStringLiteral("2"));
        QVERIFY(jsonpath("deployment/csa", "{.metadata.annotations}")
                    .contains("last-applied-configuration"));
        // Server-side defaulting, as kube-apiserver does it.
        QCOMPARE(jsonpath("deployment/csa", "{.spec.strategy.rollingUpdate.maxSurge}"),
                 QStringLiteral("25%"));
        QCOMPARE(jsonpath("deployment/csa", "{.spec.revisionHistoryLimit}"), QStringLiteral("10"));
        QCOMPARE(jsonpath("deployment/csa", "{.spec.progressDeadlineSeconds}"),
                 QStringLiteral("600"));
        QCOMPARE(jsonpath("deployment/csa", "{.spec.template.spec.containers[0].imagePullPolicy}"),
                 QStringLiteral("IfNotPresent"));
        QCOMPARE(
            jsonpath("deployment/csa", "{.spec.template.spec.containers[0].ports[0].protocol}"),
            QStringLiteral("TCP"));
    }

    void deleteCascadesToPods()
    {
        ok({"apply", "-f", "-"}, {}, deployment("doomed", "nginx:1.25", 2));
        waitRollout("doomed");
        QCOMPARE(ok({"get", "pods", "-l", "app=doomed", "-o", "name"}).count('\n'), 2);
        QCOMPARE(ok({"delete", "deployment", "doomed"}).trimmed(),
                 QStringLiteral("deployment.apps \"doomed\" deleted"));
        QTRY_COMPARE_WITH_TIMEOUT(ok({"get", "rs,pods", "-l", "app=doomed", "-o", "name"}),
                                  QString(), 60000);

        // --cascade=orphan leaves the ReplicaSet (and its pods) without an owner.
        ok({"apply", "-f", "-"}, {}, deployment("orphaned", "nginx:1.25", 1));
        waitRollout("orphaned");
        ok({"delete", "deployment", "orphaned", "--cascade=orphan"});
        const QString rs = ok({"get", "rs", "-l", "app=orphaned", "-o", "name"}).trimmed();
        QVERIFY(rs.startsWith("replicaset.apps/orphaned-"));
        QCOMPARE(jsonpath(rs, "{.metadata.ownerReferences}"), QString());
    }

    void logsFollow()
    {
        ok({"apply", "-f", "-"}, {}, deployment("chatty", "nginx:1.25", 1));
        waitRollout("chatty");
        const QString pod = ok({"get", "pods", "-l", "app=chatty", "-o", "name"}).trimmed();
        QVERIFY(!ok({"logs", pod}).isEmpty());
        QCOMPARE(ok({"logs", pod, "--tail=1"}).count('\n'), 1);
        QProcess follow;
        follow.setProcessEnvironment(environment());
        follow.start("kubectl", baseArgs({}) + QStringList{"logs", "-f", "--tail=1", pod});
        QVERIFY(follow.waitForStarted());
        QByteArray seen;
        // Lines keep arriving on the open stream after the first one.
        QTRY_VERIFY_WITH_TIMEOUT((seen += follow.readAllStandardOutput()).count('\n') >= 3, 60000);
        QCOMPARE(follow.state(), QProcess::Running);
        follow.kill();
        follow.waitForFinished();
        const Result badContainer = kubectl({"logs", pod, "-c", "nope"});
        QVERIFY(badContainer.exitCode != 0);
        QVERIFY2(badContainer.err.contains("container nope is not valid for pod"),
                 qPrintable(badContainer.err));
    }

    // Like the kubelet, a follow ends when the followed container instance terminates: on a
    // crash-looping pod `kubectl logs -f` exits 0 by itself (the next instance needs a new
    // follow), while on a healthy pod it keeps streaming.
    void logsFollowEndsWithContainer()
    {
        // The process exits at once, as `sh -c "exit 1"` does on a real node.
        ok({"apply", "-f", "-"}, {},
           deployment("crashy", "busybox:1.36", 1) + "        command: [sh, -c, \"exit 1\"]\n");
        ok({"apply", "-f", "-"}, {}, deployment("steady", "nginx:1.25", 1));
        waitRollout("steady");
        // Crash-looping: it has restarted at least once.
        QTRY_VERIFY_WITH_TIMEOUT(jsonpath("pods", "{.items[?(@.metadata.labels.app==\"crashy\")]."
                                                  "status.containerStatuses[0].restartCount}")
                                         .toInt()
                                     >= 1,
                                 60000);
        const QString crashy = ok({"get", "pods", "-l", "app=crashy", "-o", "name"}).trimmed();
        const QString steady = ok({"get", "pods", "-l", "app=steady", "-o", "name"}).trimmed();
        QVERIFY(!crashy.isEmpty() && !steady.isEmpty());

        // A container instance of the crashing pod lives ~1.5 s of sim time and its back-off
        // is at most 300 s; at --speed 4 a follow must end within a few seconds either way.
        QProcess crashFollow, steadyFollow;
        for (QProcess *p : {&crashFollow, &steadyFollow}) {
            p->setProcessEnvironment(environment());
            p->start("kubectl",
                     baseArgs({}) + QStringList{"logs", "-f", p == &crashFollow ? crashy : steady});
            QVERIFY(p->waitForStarted());
        }
        auto killSteady = qScopeGuard([&] {
            steadyFollow.kill();
            steadyFollow.waitForFinished();
        });
        QVERIFY2(crashFollow.waitForFinished(15000),
                 "kubectl logs -f on a crash-looping pod did not end");
        QCOMPARE(crashFollow.exitStatus(), QProcess::NormalExit);
        const QByteArray crashErr = crashFollow.readAllStandardError();
        QVERIFY2(crashFollow.exitCode() == 0, crashErr.constData());
        QVERIFY(!crashFollow.readAllStandardOutput().isEmpty());
        // The healthy pod's follow is still open after the same time.
        QTest::qWait(2000);
        QCOMPARE(steadyFollow.state(), QProcess::Running);
        QVERIFY(!steadyFollow.readAllStandardOutput().isEmpty());
        ok({"delete", "deployment", "crashy", "steady"});
    }

    // Seed objects are defaulted like API creates: after `kubectl set image` on a seed
    // Deployment, its revisions 1 and 2 differ only in the image (no imagePullPolicy,
    // protocol or other defaults appearing as changes). Runs its own simulator on pfe.
    void seedRolloutHistoryDiffersOnlyInImage()
    {
        Orrery::Test::SimProcess sim;
        const QString kubeconfig = m_dir.filePath("pfe-kubeconfig");
        QVERIFY2(sim.start({"--scenario", "pfe", "--speed", "4"}, kubeconfig),
                 qPrintable(sim.errorString()));
        const QString ownKubeconfig = m_kubeconfig;
        m_kubeconfig = kubeconfig;
        auto restore = qScopeGuard([&] { m_kubeconfig = ownKubeconfig; });
        const QString ns = "pfe-app";
        waitRollout("backend-spring", ns);
        ok({"set", "image", "deployment/backend-spring",
            "backend-spring=ghcr.io/pfe-v2/backend-spring:1.0.1", "-n", ns});
        waitRollout("backend-spring", ns);
        auto revision = [&](int n) {
            QStringList lines = ok({"rollout", "history", "deployment/backend-spring", "-n", ns,
                                    "--revision=" + QString::number(n)})
                                    .split('\n');
            QStringList kept;
            for (const QString &l : lines) {
                if (l.contains("with revision #"))
                    continue; // the header names the revision
                if (l.trimmed().startsWith("pod-template-hash="))
                    continue; // each revision's ReplicaSet has its own hash, on a real cluster too
                kept << l;
            }
            return kept;
        };
        const QStringList one = revision(1), two = revision(2);
        QVERIFY2(one.size() > 5, qPrintable(one.join('\n')));
        QCOMPARE(one.size(), two.size());
        QStringList differing;
        for (int i = 0; i < one.size(); ++i)
            if (one[i] != two[i])
                differing << one[i] + "  ->  " + two[i];
        QVERIFY2(differing.size() == 1,
                 qPrintable(differing.join('\n') + "\n--- revision 1:\n" + one.join('\n')));
        QVERIFY2(differing[0].contains("ghcr.io/pfe-v2/backend-spring:1.0.0")
                     && differing[0].contains("ghcr.io/pfe-v2/backend-spring:1.0.1"),
                 qPrintable(differing[0]));
        // The defaults a real API server gives the seed template are printed for revision 1.
        QVERIFY2(one.join('\n').contains("8080/TCP"), qPrintable(one.join('\n')));
    }

    void topPods()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            kubectl({"top", "pods", "-n", "kinds", "-l", "app=web"}).exitCode == 0, 60000);
        const QString out = ok({"top", "pods", "-n", "kinds", "-l", "app=web"});
        QCOMPARE(headerOf(out), QStringLiteral("NAME CPU(cores) MEMORY(bytes)"));
        QCOMPARE(out.count(QRegularExpression("^web-\\S+\\s+\\d+m\\s+\\d+Mi",
                                              QRegularExpression::MultilineOption)),
                 2);
        QCOMPARE(headerOf(ok({"top", "nodes"})),
                 QStringLiteral("NAME CPU(cores) CPU(%) MEMORY(bytes) MEMORY(%)"));
    }

    void viewerForbiddenToScale()
    {
        const Result r
            = kubectl({"scale", "deployment/web", "-n", "kinds", "--replicas=1"}, "minimal-viewer");
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed(), QStringLiteral("Error from server (Forbidden): deployments.apps "
                                                 "\"web\" is forbidden: User \"viewer\" "
                                                 "cannot patch resource \"deployments/scale\" in "
                                                 "API group \"apps\" in the namespace \"kinds\""));
        QCOMPARE(jsonpath("deployment/web", "{.spec.replicas}", "kinds"), QStringLiteral("2"));
        // Reading is allowed, Secrets are not.
        QVERIFY(kubectl({"get", "pods", "-n", "kinds"}, "minimal-viewer").exitCode == 0);
        const Result secrets = kubectl({"get", "secrets", "-n", "kinds"}, "minimal-viewer");
        QCOMPARE(secrets.exitCode, 1);
        QVERIFY2(secrets.err.contains("secrets is forbidden: User \"viewer\" cannot list resource "
                                      "\"secrets\" in API group \"\" in the namespace \"kinds\""),
                 qPrintable(secrets.err));
        // The operator may scale.
        QCOMPARE(
            kubectl({"scale", "deployment/web", "-n", "kinds", "--replicas=2"}, "minimal-operator")
                .exitCode,
            0);
    }

    void unauthenticated()
    {
        QFile in(m_kubeconfig);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(in.readAll());
        const QString token = QRegularExpression("minimal-viewer\\n  user:\\n    token: (\\w+)")
                                  .match(text)
                                  .captured(1);
        QVERIFY(!token.isEmpty());
        text.replace(token, "not-a-valid-token");
        const QString bad = m_dir.filePath("bad-kubeconfig");
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
        out.close();
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start("kubectl", {"--kubeconfig", bad, "--cache-dir", m_dir.filePath("cache-bad"),
                            "--context", "minimal-viewer", "get", "pods"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(p.readAllStandardError().contains("You must be logged in to the server"),
                 "no 401");
    }

    void authCanI_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("answer");
        QTest::newRow("admin create deployments")
            << "minimal" << QStringList{"create", "deployments"} << "yes";
        QTest::newRow("admin delete nodes") << "minimal" << QStringList{"delete", "nodes"} << "yes";
        QTest::newRow("viewer list pods")
            << "minimal-viewer" << QStringList{"list", "pods"} << "yes";
        QTest::newRow("viewer create deployments")
            << "minimal-viewer" << QStringList{"create", "deployments"} << "no";
        QTest::newRow("viewer patch scale")
            << "minimal-viewer" << QStringList{"patch", "deployments", "--subresource=scale"}
            << "no";
        QTest::newRow("viewer get secrets")
            << "minimal-viewer" << QStringList{"get", "secrets"} << "no";
        QTest::newRow("operator delete pods")
            << "minimal-operator" << QStringList{"delete", "pods"} << "yes";
        QTest::newRow("operator create namespaces")
            << "minimal-operator" << QStringList{"create", "namespaces"} << "no";
    }

    void authCanI()
    {
        QFETCH(QString, context);
        QFETCH(QStringList, args);
        QFETCH(QString, answer);
        const Result r = kubectl(QStringList{"auth", "can-i"} + args, context);
        QCOMPARE(r.out.trimmed(), answer);
        QCOMPARE(r.exitCode, answer == "yes" ? 0 : 1);
    }

    void authCanIList()
    {
        const QString out = ok({"auth", "can-i", "--list"}, "minimal-viewer");
        QVERIFY(
            QRegularExpression("\\ndeployments\\.apps\\s+\\[\\]\\s+\\[\\]\\s+\\[get list watch\\]")
                .match(out)
                .hasMatch()
            || QRegularExpression("\\ndeployments\\s+\\[\\]\\s+\\[\\]\\s+\\[get list watch\\]")
                   .match(out)
                   .hasMatch());
        QVERIFY(!out.contains("secrets"));
    }

    // Every `kubectl create` generator sends its object as protobuf (kubectl's typed
    // clients); each must be created as on a real cluster, with the fields it set.
    void createGenerators_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("printed");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value");
        QTest::newRow("deployment")
            << QStringList{"create",       "deployment", "gen-web", "--image=nginx:1.25",
                           "--replicas=2", "--port=80"}
            << "deployment.apps/gen-web created"
            << "deployment/gen-web"
            << "{.spec.replicas} {.spec.template.spec.containers[0].image} "
               "{.spec.template.spec.containers[0].ports[0].containerPort} "
               "{.spec.selector.matchLabels.app}"
            << "2 nginx:1.25 80 gen-web";
        QTest::newRow("service clusterip")
            << QStringList{"create", "service", "clusterip", "gen-svc", "--tcp=80:8080"}
            << "service/gen-svc created"
            << "service/gen-svc"
            << "{.spec.type} {.spec.ports[0].name} {.spec.ports[0].port} "
               "{.spec.ports[0].targetPort} {.spec.selector.app}"
            << "ClusterIP 80-8080 80 8080 gen-svc";
        QTest::newRow("service nodeport")
            << QStringList{"create", "service",       "nodeport",
                           "gen-np", "--tcp=80:http", "--node-port=30999"}
            << "service/gen-np created"
            << "service/gen-np"
            << "{.spec.type} {.spec.ports[0].targetPort} {.spec.ports[0].nodePort}"
            << "NodePort http 30999";
        QTest::newRow("configmap")
            << QStringList{"create", "configmap", "gen-cm", "--from-literal=mode=fast",
                           "--from-literal=level=3"}
            << "configmap/gen-cm created"
            << "configmap/gen-cm"
            << "{.data.mode} {.data.level}"
            << "fast 3";
        QTest::newRow("secret generic") << QStringList{"create", "secret", "generic", "gen-secret",
                                                       "--from-literal=password=s3cret"}
                                        << "secret/gen-secret created"
                                        << "secret/gen-secret"
                                        << "{.type} {.data.password}"
                                        << "Opaque czNjcmV0";
        QTest::newRow("job")
            << QStringList{"create", "job", "gen-job", "--image=busybox:1.36", "--", "date", "-u"}
            << "job.batch/gen-job created"
            << "job/gen-job"
            << "{.spec.template.spec.containers[0].command} {.spec.template.spec.restartPolicy}"
            << "[\"date\",\"-u\"] Never";
        QTest::newRow("cronjob") << QStringList{"create",
                                                "cronjob",
                                                "gen-cron",
                                                "--image=busybox:1.36",
                                                "--schedule=*/5 * * * *",
                                                "--",
                                                "date"}
                                 << "cronjob.batch/gen-cron created"
                                 << "cronjob/gen-cron"
                                 << "{.spec.schedule} {.spec.jobTemplate.metadata.name} "
                                    "{.spec.jobTemplate.spec.template.spec.restartPolicy}"
                                 << "*/5 * * * * gen-cron OnFailure";
        QTest::newRow("job from cronjob")
            << QStringList{"create", "job", "gen-manual", "--from=cronjob/gen-cron"}
            << "job.batch/gen-manual created"
            << "job/gen-manual"
            << "{.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate} "
               "{.metadata.ownerReferences[0].name} {.spec.template.spec.containers[0].command}"
            << "manual gen-cron [\"date\"]";
        QTest::newRow("namespace")
            << QStringList{"create", "namespace", "gen-ns"} << "namespace/gen-ns created"
            << "namespace/gen-ns"
            << "{.status.phase}"
            << "Active";
        QTest::newRow("serviceaccount")
            << QStringList{"create", "serviceaccount", "gen-sa"} << "serviceaccount/gen-sa created"
            << "serviceaccount/gen-sa"
            << "{.metadata.name}"
            << "gen-sa";
        QTest::newRow("ingress")
            << QStringList{"create", "ingress", "gen-ing", "--class=nginx",
                           "--rule=shop.example.com/api*=gen-svc:80,tls=shop-tls"}
            << "ingress.networking.k8s.io/gen-ing created"
            << "ingress/gen-ing"
            << "{.spec.ingressClassName} {.spec.rules[0].host} "
               "{.spec.rules[0].http.paths[0].pathType} "
               "{.spec.rules[0].http.paths[0].backend.service.port.number} "
               "{.spec.tls[0].secretName}"
            << "nginx shop.example.com Prefix 80 shop-tls";
        QTest::newRow("run pod")
            << QStringList{"run", "gen-pod", "--image=nginx:1.25", "--labels=app=gen-pod",
                           "--env=MODE=demo"}
            << "pod/gen-pod created"
            << "pod/gen-pod"
            << "{.metadata.labels.app} {.spec.containers[0].env[0].value} {.spec.restartPolicy}"
            << "gen-pod demo Always";
    }

    void createGenerators()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, printed);
        QFETCH(QString, resource);
        QFETCH(QString, path);
        QFETCH(QString, value);
        QCOMPARE(ok(args).trimmed(), printed);
        QCOMPARE(jsonpath(resource, path), value);
    }

    void createDeploymentRollsOut()
    {
        // Depends on createGenerators' deployment: the generated object is a working one.
        waitRollout("gen-web");
        QCOMPARE(jsonpath("deployment/gen-web", "{.status.availableReplicas}"),
                 QStringLiteral("2"));
        const QString dry = ok({"create", "deployment", "gen-dry", "--image=nginx:1.25",
                                "--dry-run=server", "-o", "jsonpath={.metadata.uid}"});
        QVERIFY(!dry.isEmpty());
        QCOMPARE(kubectl({"get", "deployment", "gen-dry"}).exitCode, 1);
    }

    // kubectl explain reads the component schemas of /openapi/v3 (root schema found by
    // x-kubernetes-group-version-kind, fields followed through allOf/$ref, items, maps).
    void explainFields_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("deployment.spec.replicas")
            << "deployment.spec.replicas"
            << QStringList{"GROUP:      apps", "KIND:       Deployment", "VERSION:    v1",
                           "FIELD: replicas <integer>", "Number of desired pods"};
        QTest::newRow("deployment")
            << "deployment"
            << QStringList{"Deployment enables declarative updates for Pods and ReplicaSets.",
                           "FIELDS:",
                           "apiVersion\t<string>",
                           "metadata\t<ObjectMeta>",
                           "spec\t<DeploymentSpec>",
                           "status\t<DeploymentStatus>"};
        QTest::newRow("pods.spec.containers")
            << "pods.spec.containers" << QStringList{"KIND:       Pod",
                                                     "FIELD: containers <[]Container>",
                                                     "name\t<string> -required-",
                                                     "ports\t<[]ContainerPort>",
                                                     "resources\t<ResourceRequirements>",
                                                     "env\t<[]EnvVar>"};
        QTest::newRow("service.spec")
            << "service.spec"
            << QStringList{"FIELD: spec <ServiceSpec>", "ports\t<[]ServicePort>",
                           "selector\t<map[string]string>", "type\t<string>"};
        QTest::newRow("hpa.spec") << "hpa.spec"
                                  << QStringList{
                                         "GROUP:      autoscaling", "VERSION:    v2",
                                         "maxReplicas\t<integer> -required-",
                                         "scaleTargetRef\t<CrossVersionObjectReference> -required-",
                                         "metrics\t<[]MetricSpec>"};
        QTest::newRow("cronjob pod template image")
            << "cronjob.spec.jobTemplate.spec.template.spec.containers.image"
            << QStringList{"GROUP:      batch", "KIND:       CronJob", "FIELD: image <string>",
                           "Container image name."};
        QTest::newRow("ingress rules")
            << "ingress.spec.rules.http.paths.backend.service.port"
            << QStringList{"GROUP:      networking.k8s.io", "FIELD: port <ServiceBackendPort>",
                           "number\t<integer>"};
    }

    void explainFields()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, expected);
        const QString out = ok({"explain", path});
        for (const QString &line : expected)
            QVERIFY2(out.contains(line), qPrintable(line + "\n---\n" + out));
    }

    void explainUnknownField()
    {
        const Result r = kubectl({"explain", "deployment.spec.replicsa"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("field \"replicsa\" does not exist"), qPrintable(r.err));
        QVERIFY(ok({"explain", "deployment", "--recursive"}).contains("replicas\t<integer>"));
    }

    // Client-side apply of a seed scenario's objects with the OpenAPI schemas served: kubectl
    // still computes strategic merge patches from its own types, so a re-apply changes
    // nothing except what a real cluster also reports as configured every time (Secrets
    // written with stringData, and a StatefulSet's volumeClaimTemplates, an atomic list the
    // server defaults).
    void applySeedManifest()
    {
        QFile file(QStringLiteral(ORRERY_TEST_DATA) + "/../../resources/scenarios/pfe.yaml");
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray objects = file.readAll();
        objects = objects.mid(objects.indexOf("\n---\n") + 5); // drop the scenario header
        const QString first = ok({"apply", "-f", "-"}, {}, objects);
        QVERIFY2(first.contains("deployment.apps/backend-spring created"), qPrintable(first));
        QVERIFY(first.contains("horizontalpodautoscaler.autoscaling/frontend-hpa created"));
        const QStringList again
            = ok({"apply", "-f", "-"}, {}, objects).split('\n', Qt::SkipEmptyParts);
        QVERIFY(again.size() > 30);
        for (const QString &line : again) {
            if (line.startsWith("secret/") || line.startsWith("statefulset.apps/"))
                continue;
            QVERIFY2(line.endsWith(" unchanged"), qPrintable(line));
        }
    }

    // A watch from a resourceVersion that has left the bounded event window gets the ERROR
    // event with a 410 Expired Status that makes client-go relist; a fresh list still works.
    // Runs its own simulator with a 20-event window.
    void watchFromExpiredVersion()
    {
        Orrery::Test::SimProcess sim;
        const QString kubeconfig = m_dir.filePath("expired-kubeconfig");
        QVERIFY2(sim.start({"--scenario", "minimal", "--event-window", "20"}, kubeconfig),
                 qPrintable(sim.errorString()));
        const QString ownKubeconfig = m_kubeconfig;
        m_kubeconfig = kubeconfig;
        auto restore = qScopeGuard([&] { m_kubeconfig = ownKubeconfig; });

        auto listVersion = [this] {
            const QString list = ok({"get", "--raw", "/api/v1/namespaces/default/configmaps"});
            return QJsonDocument::fromJson(list.toUtf8())
                .object()
                .value("metadata")
                .toObject()
                .value("resourceVersion")
                .toString();
        };
        const QString before = listVersion();
        QVERIFY(!before.isEmpty());
        // A recent version still watches fine.
        const QString recent
            = ok({"get", "--raw",
                  "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + before
                      + "&timeoutSeconds=1"});
        QVERIFY2(!recent.contains("\"ERROR\""), qPrintable(recent));
        QByteArray manifest;
        for (int i = 0; i < 30; ++i)
            manifest += QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
                                       "churn-%1, namespace: default}\ndata: {n: \"%1\"}\n")
                            .arg(i)
                            .toUtf8();
        ok({"apply", "-f", "-"}, {}, manifest);

        const QString expired
            = ok({"get", "--raw",
                  "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + before
                      + "&timeoutSeconds=5"});
        const QJsonObject event = QJsonDocument::fromJson(expired.trimmed().toUtf8()).object();
        QCOMPARE(event.value("type").toString(), QStringLiteral("ERROR"));
        const QJsonObject status = event.value("object").toObject();
        QCOMPARE(status.value("kind").toString(), QStringLiteral("Status"));
        QCOMPARE(status.value("code").toInt(), 410);
        QCOMPARE(status.value("reason").toString(), QStringLiteral("Expired"));
        QVERIFY2(
            status.value("message").toString().startsWith("too old resource version: " + before),
            qPrintable(expired));
        // What a client does next: relist, then watch from the new version.
        const QString relisted = ok({"get", "configmaps", "-n", "default", "-o", "name"});
        QCOMPARE(relisted.count("configmap/churn-"), 30);
        const QString now = listVersion();
        QVERIFY(now.toLongLong() > before.toLongLong());
        QVERIFY(!ok({"get", "--raw",
                     "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + now
                         + "&timeoutSeconds=1"})
                     .contains("\"ERROR\""));
    }

    void dryRunCreates()
    {
        const QString out = ok({"create", "-f", "-", "--dry-run=server", "-o", "name"}, {},
                               deployment("dry", "nginx:1.25", 1));
        QCOMPARE(out.trimmed(), QStringLiteral("deployment.apps/dry"));
        QCOMPARE(kubectl({"get", "deployment", "dry"}).exitCode, 1);
    }

    // A manifest with misspelled fields: kubectl 1.27+ sends ?fieldValidation=Strict by
    // default, and kube-apiserver then refuses the whole object instead of dropping them.
    static QByteArray misspelled(const QString &name)
    {
        QByteArray manifest = deployment(name, "nginx:1.25", 2);
        manifest.replace("  replicas: 2\n", "  replicas: 2\n  replica: 3\n");
        manifest.replace("        image: nginx:1.25\n",
                         "        image: nginx:1.25\n        imagePullPolice: Always\n");
        return manifest;
    }

    void fieldValidationStrictRefusesUnknownFields()
    {
        const QByteArray manifest = misspelled("strict-typo");
        QVERIFY(manifest.contains("replica: 3") && manifest.contains("imagePullPolice"));
        const QString expected
            = QStringLiteral("Deployment in version \"v1\" cannot be handled as a Deployment: "
                             "strict decoding error: "
                             "unknown field \"spec.replica\", unknown field "
                             "\"spec.template.spec.containers[0].imagePullPolice\"");
        const Result applied = kubectl({"apply", "-f", "-"}, {}, manifest);
        QCOMPARE(applied.exitCode, 1);
        QVERIFY2(applied.err.contains("Error from server (BadRequest)"), qPrintable(applied.err));
        QVERIFY2(applied.err.contains(expected), qPrintable(applied.err));
        const Result created = kubectl({"create", "-f", "-"}, {}, manifest);
        QCOMPARE(created.exitCode, 1);
        QVERIFY2(created.err.contains(expected), qPrintable(created.err));
        QCOMPARE(kubectl({"get", "deployment", "strict-typo"}).exitCode, 1); // nothing created
        // Server-side apply refuses unknown fields of the applied configuration whatever
        // --validate says, with structured-merge-diff's error (a 500 in kube-apiserver).
        for (const QString &validate :
             {QStringLiteral("--validate=strict"), QStringLiteral("--validate=false")}) {
            const Result ssa
                = kubectl({"apply", "--server-side", validate, "-f", "-"}, {}, manifest);
            QCOMPARE(ssa.exitCode, 1);
            QVERIFY2(ssa.err.contains("Error from server: failed to create typed patch object "
                                      "(default/strict-typo; apps/v1, Kind=Deployment): "
                                      ".spec.replica: field not declared in schema"),
                     qPrintable(ssa.err));
            QVERIFY2(ssa.err.contains(".spec.template.spec.containers[name=\"main\"]."
                                      "imagePullPolice: field not declared in schema"),
                     qPrintable(ssa.err));
        }
        QCOMPARE(kubectl({"get", "deployment", "strict-typo"}).exitCode, 1);

        // The correct manifest applies; then a typo in an update (a strategic merge patch for
        // client-side apply, a PUT for replace) is refused and changes nothing.
        const QByteArray good = deployment("strict-typo", "nginx:1.25", 2);
        const Result fine = kubectl({"apply", "-f", "-"}, {}, good);
        QCOMPARE(fine.exitCode, 0);
        QCOMPARE(fine.out.trimmed(), QStringLiteral("deployment.apps/strict-typo created"));
        QVERIFY2(fine.err.isEmpty(), qPrintable(fine.err));
        QByteArray update = good;
        update.replace("  replicas: 2\n", "  replicas: 4\n  replica: 3\n");
        const Result patched = kubectl({"apply", "-f", "-"}, {}, update);
        QCOMPARE(patched.exitCode, 1);
        QVERIFY2(patched.err.contains("strict decoding error: unknown field \"spec.replica\""),
                 qPrintable(patched.err));
        const Result replaced = kubectl({"replace", "-f", "-"}, {}, update);
        QCOMPARE(replaced.exitCode, 1);
        QVERIFY2(replaced.err.contains("strict decoding error: unknown field \"spec.replica\""),
                 qPrintable(replaced.err));
        QCOMPARE(jsonpath("deployment/strict-typo", "{.spec.replicas}"), QStringLiteral("2"));
    }

    void fieldValidationWarnAcceptsWithWarnings()
    {
        const Result r
            = kubectl({"apply", "--validate=warn", "-f", "-"}, {}, misspelled("warn-typo"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/warn-typo created"));
        QVERIFY2(r.err.contains("Warning: unknown field \"spec.replica\""), qPrintable(r.err));
        QVERIFY2(r.err.contains(
                     "Warning: unknown field \"spec.template.spec.containers[0].imagePullPolice\""),
                 qPrintable(r.err));
        // The known fields are kept. (kube-apiserver also drops the unknown ones; the
        // simulator keeps them, see simulator.md, so they are not checked here.)
        QCOMPARE(jsonpath("deployment/warn-typo", "{.spec.replicas}"), QStringLiteral("2"));
        QCOMPARE(
            jsonpath("deployment/warn-typo", "{.spec.template.spec.containers[0].imagePullPolicy}"),
            QStringLiteral("IfNotPresent"));
    }

    void fieldValidationIgnoreIsSilent()
    {
        const Result r
            = kubectl({"apply", "--validate=false", "-f", "-"}, {}, misspelled("ignore-typo"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/ignore-typo created"));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(jsonpath("deployment/ignore-typo", "{.spec.replicas}"), QStringLiteral("2"));
    }

    // Raw requests: without the parameter the server warns (its default since 1.23), and
    // duplicate fields, which kubectl's own decoding would hide, count like unknown ones.
    void fieldValidationDefaultAndDuplicates()
    {
        const QString path = m_dir.filePath("duplicate.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"apiVersion": "v1", "kind": "ConfigMap",
                       "metadata": {"name": "raw-%1", "namespace": "default"},
                       "data": {"a": "1", "a": "2"}, "dat": {}})");
        file.close();
        auto body = [&](const QString &name) {
            QFile f(path);
            [&] { QVERIFY(f.open(QIODevice::ReadOnly)); }();
            QByteArray text = f.readAll();
            f.close();
            QFile out(m_dir.filePath(name + ".json"));
            [&] { QVERIFY(out.open(QIODevice::WriteOnly)); }();
            out.write(text.replace("%1", name.toUtf8()));
            return out.fileName();
        };
        const QString collection = "/api/v1/namespaces/default/configmaps";
        const Result strict = kubectl(
            {"create", "--raw", collection + "?fieldValidation=Strict", "-f", body("strict")});
        QCOMPARE(strict.exitCode, 1);
        QVERIFY2(strict.err.contains("ConfigMap in version \"v1\" cannot be handled as a "
                                     "ConfigMap: strict decoding error: "
                                     "duplicate field \"data.a\", unknown field \"dat\""),
                 qPrintable(strict.err));
        QCOMPARE(kubectl({"get", "configmap", "raw-strict"}).exitCode, 1);
        const Result byDefault = kubectl({"create", "--raw", collection, "-f", body("default")});
        QCOMPARE(byDefault.exitCode, 0);
        QVERIFY2(byDefault.err.contains("Warning: duplicate field \"data.a\""),
                 qPrintable(byDefault.err));
        QVERIFY2(byDefault.err.contains("Warning: unknown field \"dat\""),
                 qPrintable(byDefault.err));
        QCOMPARE(jsonpath("configmap/raw-default", "{.data.a}"),
                 QStringLiteral("2")); // the last one wins
        const Result bogus = kubectl(
            {"create", "--raw", collection + "?fieldValidation=Loud", "-f", body("bogus")});
        QCOMPARE(bogus.exitCode, 1);
        QCOMPARE(kubectl({"get", "configmap", "raw-bogus"}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestKubectl)
#include "tst_kubectl.moc"
