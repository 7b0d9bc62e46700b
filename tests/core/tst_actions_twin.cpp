// SPDX-License-Identifier: GPL-3.0-or-later
// Orrery's actions against kubectl's on twin objects in orrery-sim: the same Deployment in two
// namespaces, changed by Orrery in twin-a (WorkloadActions / DeploymentRollback through the
// audited executor) and by the real kubectl in twin-b. After each step the pod templates, the
// Deployments' annotations (revision, revision-history, ...), the ReplicaSets' revision
// annotations and the generations must be identical: set image, rollout undo, rollout restart
// (restartedAt compared as "a time in RFC 3339", since the two clocks differ) and scale.
#include "audit/auditlog.h"
#include "kube/actions/controllerrevisionrollback.h"
#include "kube/actions/deploymentrollback.h"
#include "kube/actions/operation.h"
#include "kube/actions/workloadactions.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "operations/clusterwriteexecutor.h"

#include <simprocess.h>

#include <QDateTime>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

using namespace Orrery;

namespace {

const char *const kRestartedAt = "kubectl.kubernetes.io/restartedAt";

const char *const kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: main
        image: nginx:1.25
      - name: sidecar
        image: busybox:1.36
)";

const char *const kStatefulSet = R"(apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: 1
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres:16.1
)";

} // namespace

class tst_ActionsTwin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void setImage();
    void rolloutUndo();
    void rolloutUndoToRevision();
    void rolloutRestart();
    void scale();
    void statefulSetUndo();

private:
    bool kubectl(const QStringList &args, QByteArray *out = nullptr, const QByteArray &input = {});
    nlohmann::json object(const QString &ns, const QString &what);
    bool waitRollout(const QString &ns);
    bool orrery(const Result<PlannedWrite> &write);
    // What must match between the twins, as one comparable JSON document.
    nlohmann::json comparable(const QString &ns);
    void compareTwins();

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ClusterWriteExecutor> m_executor;
};

void tst_ActionsTwin::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
        QSKIP("kubectl is not installed: the twin comparison needs the real kubectl");
    QVERIFY(m_dir.isValid());
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    // Sim time at ten times the wall clock: the rollouts both sides wait for finish in seconds.
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("minimal"),
                          QStringLiteral("--speed"), QStringLiteral("10")},
                         m_kubeconfig),
             qPrintable(m_sim.errorString()));

    const Kubeconfig config = Kubeconfig::load(m_kubeconfig);
    auto connection = config.connection(config.currentContext());
    QVERIFY(connection.ok());
    m_transport = std::make_unique<HttpTransport>(std::move(*connection));
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    m_executor = std::make_unique<ClusterWriteExecutor>(m_transport.get(), m_audit.get());

    for (const QString &ns : {QStringLiteral("twin-a"), QStringLiteral("twin-b")}) {
        QVERIFY(kubectl({"create", "namespace", ns}));
        QVERIFY(kubectl({"apply", "-n", ns, "-f", "-"}, nullptr, kDeployment));
        QVERIFY(waitRollout(ns));
    }
    compareTwins();
}

void tst_ActionsTwin::cleanupTestCase()
{
    m_executor.reset();
    m_transport.reset();
    m_sim.stop();
}

bool tst_ActionsTwin::kubectl(const QStringList &args, QByteArray *out, const QByteArray &input)
{
    QProcess p;
    p.start(QStringLiteral("kubectl"), QStringList{"--kubeconfig", m_kubeconfig} + args);
    if (!input.isEmpty()) {
        p.write(input);
        p.closeWriteChannel();
    }
    if (!p.waitForFinished(90000))
        return false;
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitCode() != 0)
        qWarning() << "kubectl" << args << p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

nlohmann::json tst_ActionsTwin::object(const QString &ns, const QString &what)
{
    QByteArray out;
    if (!kubectl({"get", "-n", ns, what, "-o", "json"}, &out))
        return {};
    return nlohmann::json::parse(out.toStdString(), nullptr, false);
}

bool tst_ActionsTwin::waitRollout(const QString &ns)
{
    return kubectl({"rollout", "status", "-n", ns, "deployment/web", "--timeout=90s"});
}

bool tst_ActionsTwin::orrery(const Result<PlannedWrite> &write)
{
    if (!write.ok()) {
        qWarning() << write.error().toString();
        return false;
    }
    Operation op(QStringLiteral("twin"), {*write});
    QSignalSpy finished(&op, &Operation::finished);
    op.run(m_executor.get());
    if (finished.isEmpty() && !finished.wait(15000))
        return false;
    if (!finished.first().at(0).toBool())
        qWarning() << op.report();
    return finished.first().at(0).toBool();
}

nlohmann::json tst_ActionsTwin::comparable(const QString &ns)
{
    const nlohmann::json d = object(ns, QStringLiteral("deployment/web"));
    nlohmann::json out;
    out["spec"] = d.value("spec", nlohmann::json());
    out["generation"] = d["metadata"].value("generation", 0);
    out["annotations"] = d["metadata"].value("annotations", nlohmann::json::object());
    // restartedAt differs by the clocks only: both must be a valid RFC 3339 UTC time.
    auto &templateAnnotations = out["spec"]["template"]["metadata"]["annotations"];
    if (templateAnnotations.is_object() && templateAnnotations.contains(kRestartedAt)) {
        const QString at
            = QString::fromStdString(templateAnnotations[kRestartedAt].get<std::string>());
        templateAnnotations[kRestartedAt]
            = QDateTime::fromString(at, Qt::ISODate).isValid() && at.endsWith(QLatin1Char('Z'))
                  ? "<RFC 3339 UTC time>"
                  : "<invalid: " + at.toStdString() + ">";
    }
    if (templateAnnotations.is_null())
        out["spec"]["template"]["metadata"].erase("annotations");
    // The ReplicaSets by revision: which template each holds and its revision annotations.
    std::map<int, nlohmann::json> byRevision;
    const nlohmann::json replicaSets = object(ns, QStringLiteral("replicasets"));
    for (const auto &rs : replicaSets.value("items", nlohmann::json::array())) {
        const auto annotations = rs["metadata"].value("annotations", nlohmann::json::object());
        const int revision
            = std::stoi(annotations.value("deployment.kubernetes.io/revision", std::string("0")));
        nlohmann::json images = nlohmann::json::array();
        for (const auto &c : rs["spec"]["template"]["spec"]["containers"])
            images.push_back(c["image"]);
        byRevision[revision] = {{"annotations", annotations}, {"images", images}};
    }
    out["replicaSets"] = nlohmann::json::object();
    out["replicaSetCount"] = byRevision.size();
    for (const auto &[revision, rs] : byRevision)
        out["replicaSets"][std::to_string(revision)] = rs;
    return out;
}

void tst_ActionsTwin::compareTwins()
{
    const nlohmann::json a = comparable(QStringLiteral("twin-a"));
    const nlohmann::json b = comparable(QStringLiteral("twin-b"));
    QVERIFY(a.contains("spec") && !a["spec"].is_null());
    // The namespace shows in kubectl's last-applied annotation (both twins were created by
    // kubectl apply); it is the only intended difference.
    const QString twinB = QString::fromStdString(b.dump(2)).replace(QLatin1String("twin-b"),
                                                                    QLatin1String("twin-a"));
    QCOMPARE(QString::fromStdString(a.dump(2)), twinB);
}

void tst_ActionsTwin::setImage()
{
    const nlohmann::json d = object(QStringLiteral("twin-a"), QStringLiteral("deployment/web"));
    QVERIFY(
        orrery(WorkloadActions::setImage(d, QStringLiteral("main"), QStringLiteral("nginx:1.26"))));
    QVERIFY(kubectl({"set", "image", "-n", "twin-b", "deployment/web", "main=nginx:1.26"}));
    QVERIFY(waitRollout(QStringLiteral("twin-a")));
    QVERIFY(waitRollout(QStringLiteral("twin-b")));
    compareTwins();
    QCOMPARE(comparable(QStringLiteral("twin-a"))["replicaSets"].size(), std::size_t(2));
}

void tst_ActionsTwin::rolloutUndo()
{
    const QString ns = QStringLiteral("twin-a");
    const nlohmann::json d = object(ns, QStringLiteral("deployment/web"));
    const nlohmann::json rs = object(ns, QStringLiteral("replicasets"));
    const Result<RollbackPlan> plan = DeploymentRollback::plan(d, rs, 0);
    QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
    QVERIFY(!plan->skipped);
    QCOMPARE(plan->toRevision, qint64(1));
    QVERIFY(orrery(plan->write));
    QVERIFY(kubectl({"rollout", "undo", "-n", "twin-b", "deployment/web"}));
    QVERIFY(waitRollout(ns));
    QVERIFY(waitRollout(QStringLiteral("twin-b")));
    compareTwins();
    // Revision 1's ReplicaSet came back as revision 3 and remembers it was 1.
    const nlohmann::json a = comparable(ns);
    QVERIFY2(a["replicaSets"].contains("3"),
             qPrintable(QString::fromStdString(a["replicaSets"].dump())));
    QCOMPARE(a["replicaSets"]["3"]["annotations"].value("deployment.kubernetes.io/revision-history",
                                                        std::string()),
             std::string("1"));
}

void tst_ActionsTwin::rolloutUndoToRevision()
{
    const QString ns = QStringLiteral("twin-a");
    const Result<RollbackPlan> plan = DeploymentRollback::plan(
        object(ns, QStringLiteral("deployment/web")), object(ns, QStringLiteral("replicasets")), 2);
    QVERIFY(plan.ok());
    QVERIFY(orrery(plan->write));
    QVERIFY(kubectl({"rollout", "undo", "-n", "twin-b", "deployment/web", "--to-revision=2"}));
    QVERIFY(waitRollout(ns));
    QVERIFY(waitRollout(QStringLiteral("twin-b")));
    compareTwins();
}

void tst_ActionsTwin::rolloutRestart()
{
    const nlohmann::json d = object(QStringLiteral("twin-a"), QStringLiteral("deployment/web"));
    QVERIFY(orrery(WorkloadActions::restart(d, QDateTime::currentDateTimeUtc())));
    QVERIFY(kubectl({"rollout", "restart", "-n", "twin-b", "deployment/web"}));
    QVERIFY(waitRollout(QStringLiteral("twin-a")));
    QVERIFY(waitRollout(QStringLiteral("twin-b")));
    compareTwins();
    const nlohmann::json a = comparable(QStringLiteral("twin-a"));
    QCOMPARE(a["spec"]["template"]["metadata"]["annotations"].value(kRestartedAt, std::string()),
             std::string("<RFC 3339 UTC time>"));
}

void tst_ActionsTwin::scale()
{
    const nlohmann::json d = object(QStringLiteral("twin-a"), QStringLiteral("deployment/web"));
    QVERIFY(orrery(WorkloadActions::scale(d, 4)));
    QVERIFY(kubectl({"scale", "-n", "twin-b", "deployment/web", "--replicas=4"}));
    QVERIFY(waitRollout(QStringLiteral("twin-a")));
    QVERIFY(waitRollout(QStringLiteral("twin-b")));
    compareTwins();
    QCOMPARE(comparable(QStringLiteral("twin-a"))["spec"].value("replicas", 0), 4);
}

// A StatefulSet's history lives in ControllerRevisions: Orrery's undo (ControllerRevisionRollback,
// the revision's data as a strategic merge patch) and kubectl's must leave the same template
// and the same revisions (numbers, templates) behind.
void tst_ActionsTwin::statefulSetUndo()
{
    auto controllerRevisions = [this](const QString &ns) {
        const nlohmann::json list = object(ns, QStringLiteral("controllerrevisions"));
        std::map<int, std::string> byRevision;
        for (const auto &cr : list.value("items", nlohmann::json::array()))
            byRevision[cr.value("revision", 0)]
                = ControllerRevisionRollback::storedTemplate(cr).dump();
        return byRevision;
    };
    auto rolledOut = [this](const QString &ns) {
        return kubectl({"rollout", "status", "-n", ns, "statefulset/db", "--timeout=90s"});
    };
    for (const QString &ns : {QStringLiteral("twin-a"), QStringLiteral("twin-b")}) {
        QVERIFY(kubectl({"apply", "-n", ns, "-f", "-"}, nullptr, kStatefulSet));
        QVERIFY(rolledOut(ns));
        QVERIFY(kubectl({"set", "image", "-n", ns, "statefulset/db", "db=postgres:16.2"}));
        QVERIFY(rolledOut(ns));
    }
    const QString ns = QStringLiteral("twin-a");
    const Result<RollbackPlan> plan
        = ControllerRevisionRollback::plan(object(ns, QStringLiteral("statefulset/db")),
                                           object(ns, QStringLiteral("controllerrevisions")), 0);
    QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
    QCOMPARE(plan->toRevision, qint64(1));
    QVERIFY(orrery(plan->write));
    QVERIFY(kubectl({"rollout", "undo", "-n", "twin-b", "statefulset/db"}));
    QVERIFY(rolledOut(ns));
    QVERIFY(rolledOut(QStringLiteral("twin-b")));
    const nlohmann::json a = object(ns, QStringLiteral("statefulset/db"));
    const nlohmann::json b = object(QStringLiteral("twin-b"), QStringLiteral("statefulset/db"));
    QCOMPARE(QString::fromStdString(a["spec"].dump(2)), QString::fromStdString(b["spec"].dump(2)));
    QCOMPARE(a["metadata"].value("generation", 0), b["metadata"].value("generation", 0));
    QCOMPARE(a["spec"]["template"]["spec"]["containers"][0].value("image", std::string()),
             std::string("postgres:16.1"));
    const auto revisionsA = controllerRevisions(ns);
    QVERIFY(revisionsA.size() >= 2);
    QVERIFY(revisionsA == controllerRevisions(QStringLiteral("twin-b")));
}

QTEST_MAIN(tst_ActionsTwin)
#include "tst_actions_twin.moc"
