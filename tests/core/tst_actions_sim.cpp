// SPDX-License-Identifier: GPL-3.0-or-later
// Actions against orrery-sim through the real transport: scale (and the HPA found for it),
// set image then roll back exactly as kubectl, server-side apply with dry run, every write in
// the audit log.
#include "audit/auditlog.h"
#include "kube/actions/deploymentrollback.h"
#include "kube/actions/operation.h"
#include "kube/actions/serversideapply.h"
#include "kube/actions/workloadactions.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "operations/clusterwriteexecutor.h"

#include <simprocess.h>

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Orrery;

class tst_ActionsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void scaleAndHpa();
    void setImageThenRollback();
    void applyDryRun();
    void auditLog();

private:
    Result<nlohmann::json> get(const QString &path);
    bool runJobs(const QList<PlannedWrite> &jobs, QStringList *report = nullptr);

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ClusterWriteExecutor> m_executor;
    int m_writes = 0;
};

void tst_ActionsSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY2(
        m_sim.start({QStringLiteral("--scenario"), QStringLiteral("microk8s-shop")}, kubeconfig),
        qPrintable(m_sim.errorString()));

    const Kubeconfig config = Kubeconfig::load(kubeconfig);
    auto connection = config.connection(config.currentContext());
    QVERIFY2(connection.ok(),
             qPrintable(connection.ok() ? QString() : connection.error().toString()));
    m_transport = std::make_unique<HttpTransport>(std::move(*connection));
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    m_executor = std::make_unique<ClusterWriteExecutor>(m_transport.get(), m_audit.get());
}

void tst_ActionsSim::cleanupTestCase()
{
    m_executor.reset();
    m_transport.reset();
    m_sim.stop();
}

Result<nlohmann::json> tst_ActionsSim::get(const QString &path)
{
    std::optional<Result<ApiResponse>> answer;
    m_transport->get(path, this, [&answer](const Result<ApiResponse> &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"), path);
    auto body = bodyOrError(*answer, path);
    if (!body)
        return body.error();
    return nlohmann::json::parse(body->toStdString());
}

bool tst_ActionsSim::runJobs(const QList<PlannedWrite> &jobs, QStringList *report)
{
    Operation op(QStringLiteral("test"), jobs);
    QSignalSpy finished(&op, &Operation::finished);
    op.run(m_executor.get());
    if (!finished.wait(15000) && finished.isEmpty())
        return false;
    m_writes += int(op.report().size());
    if (report)
        *report = op.report();
    return finished.first().at(0).toBool();
}

void tst_ActionsSim::scaleAndHpa()
{
    auto dep = get(QStringLiteral("/apis/apps/v1/namespaces/default/deployments/order-service"));
    QVERIFY(dep.ok());
    auto hpas
        = get(QStringLiteral("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers"));
    QVERIFY(hpas.ok());
    const auto hpa = WorkloadActions::findHpa(*dep, *hpas);
    QVERIFY(hpa.has_value());
    QCOMPARE(hpa->name, QStringLiteral("order-service-hpa"));

    // Scaling a deployment without an HPA sticks.
    auto mongo = get(QStringLiteral("/apis/apps/v1/namespaces/default/deployments/mongodb"));
    QVERIFY(mongo.ok());
    QVERIFY(!WorkloadActions::findHpa(*mongo, *hpas).has_value());
    auto scale = WorkloadActions::scale(*mongo, 3);
    QVERIFY(scale.ok());
    QVERIFY(runJobs({*scale}));
    auto after = get(QStringLiteral("/apis/apps/v1/namespaces/default/deployments/mongodb/scale"));
    QVERIFY(after.ok());
    QCOMPARE((*after)["spec"]["replicas"].get<int>(), 3);
}

void tst_ActionsSim::setImageThenRollback()
{
    const QString depPath
        = QStringLiteral("/apis/apps/v1/namespaces/default/deployments/product-service");
    auto dep = get(depPath);
    QVERIFY(dep.ok());
    const std::string container = (*dep)["spec"]["template"]["spec"]["containers"][0]["name"];
    const std::string original = (*dep)["spec"]["template"]["spec"]["containers"][0]["image"];
    auto setImage = WorkloadActions::setImage(*dep, QString::fromStdString(container),
                                              QStringLiteral("shop/product:broken"));
    QVERIFY(setImage.ok());
    QVERIFY(runJobs({*setImage}));

    // Wait for the controller to create the new ReplicaSet (revision 2).
    Result<RollbackPlan> plan = Error();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto d = get(depPath);
            auto rs = get(QStringLiteral("/apis/apps/v1/namespaces/default/replicasets"));
            if (!d.ok() || !rs.ok())
                return false;
            plan = DeploymentRollback::plan(*d, *rs, 0);
            return plan.ok() && !plan->skipped;
        }(),
        20000);
    QCOMPARE(plan->toRevision, 1);
    QVERIFY(runJobs({plan->write}));
    auto rolledBack = get(depPath);
    QVERIFY(rolledBack.ok());
    QCOMPARE((*rolledBack)["spec"]["template"]["spec"]["containers"][0]["image"].get<std::string>(),
             original);
}

void tst_ActionsSim::applyDryRun()
{
    ServerSideApply::Options options;
    options.dryRun = true;
    auto writes = ServerSideApply::plan(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orrery-dry\ndata:\n  a: \"1\"\n",
        options);
    QVERIFY(writes.ok());
    QStringList report;
    QVERIFY2(runJobs(*writes, &report), qPrintable(report.join(QLatin1Char('\n'))));
    // Dry run: nothing was stored.
    auto cm = get(QStringLiteral("/api/v1/namespaces/default/configmaps/orrery-dry"));
    QVERIFY(!cm.ok());
    QCOMPARE(cm.error().code, Error::Code::NotFound);
}

void tst_ActionsSim::auditLog()
{
    const QList<AuditEntry> entries = AuditLog::read(m_audit->directory());
    QCOMPARE(int(entries.size()), m_writes);
    QVERIFY(m_writes >= 4);
    for (const AuditEntry &e : entries) {
        QCOMPARE(e.context, m_transport->connection().contextName);
        QVERIFY(!e.cluster.isEmpty());
        QVERIFY(e.status >= 200 && e.status < 300);
        QCOMPARE(e.result, QStringLiteral("ok"));
    }
    QCOMPARE(entries.first().summary, QStringLiteral("{\"spec\":{\"replicas\":3}}"));
    QVERIFY(entries.last().dryRun);
}

QTEST_GUILESS_MAIN(tst_ActionsSim)
#include "tst_actions_sim.moc"
