// SPDX-License-Identifier: GPL-3.0-or-later
// Every cluster operation of core/operations against orrery-sim, without a widget: read, plan,
// preview (server dry run), run through the audited writer, report, undo. The window and the
// runbooks run these same classes (ui/operations/actioncontroller.cpp,
// core/runbook/clusterrunbookexecutor.cpp).
#include "audit/auditlog.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "operations/clusterwriteexecutor.h"
#include "operations/cordonoperation.h"
#include "operations/operationcatalog.h"
#include "operations/operationrunner.h"
#include "operations/permissioncache.h"
#include "operations/rollbackoperation.h"
#include "operations/rolloutwatch.h"
#include "operations/workloadoperations.h"

#include "util/async.h"
#include "util/decodeguard.h"

#include <simclusterfixture.h>

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Orrery;

class tst_OperationsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    // Operations read, plan, dry-run, run and explain failures without decoding JSON on the
    // thread that drives them (the GUI thread in the window): DecodeGuard counts 0.
    void cleanup();
    void scaleAndUndo();
    void scaleFindsHpa_hpaBounds();
    void restart();
    void pauseAndResume();
    void setImageRollbackAndUndo();
    void deletePod();
    void cordonAndUncordon();
    void dryRunStoresNothing();
    void refusalExplained();
    void fetchFailure();
    void auditLog();
    // After auditLog(): these writes are not counted there.
    void catalog();
    void runnerPath();
    void runnerStopsBeforeSending();
    void permissionFollow();

private:
    Result<nlohmann::json> get(const QString &path);
    int mongoReplicas();
    // fetch() then wait; false when it failed or timed out.
    bool fetch(ClusterOperation &op, Error *error = nullptr);
    bool run(ClusterOperation &op, WriteExecutor *writer = nullptr);

    Orrery::Test::SimClusterFixture m_cluster;
    int m_writes = 0;
};

void tst_OperationsSim::initTestCase()
{
    QVERIFY2(m_cluster.start(QStringLiteral("microk8s-shop")), qPrintable(m_cluster.error()));
}

void tst_OperationsSim::cleanupTestCase()
{
    m_cluster.stop();
}

void tst_OperationsSim::cleanup()
{
    const char *last = DecodeGuard::lastMainThreadDecode();
    QVERIFY2(DecodeGuard::mainThreadDecodes() == 0, last ? last : "");
}

Result<nlohmann::json> tst_OperationsSim::get(const QString &path)
{
    std::optional<Result<nlohmann::json>> answer;
    fetchJson(m_cluster.transport(), path, this,
              [&answer](const Result<nlohmann::json> &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"), path);
    return *answer;
}

int tst_OperationsSim::mongoReplicas()
{
    const auto d = get(QStringLiteral("/apis/apps/v1/namespaces/default/deployments/mongodb"));
    return d.ok() ? int(JsonRead::integer(*d, {"spec", "replicas"}, -1)) : -1;
}

bool tst_OperationsSim::fetch(ClusterOperation &op, Error *error)
{
    std::optional<Result<void>> fetched;
    op.fetch([&fetched](const Result<void> &r) { fetched = r; });
    if (!QTest::qWaitFor([&] { return fetched.has_value(); }, 15000))
        return false;
    if (!fetched->ok() && error)
        *error = fetched->error();
    return fetched->ok() && op.isFetched();
}

bool tst_OperationsSim::run(ClusterOperation &op, WriteExecutor *writer)
{
    QSignalSpy finished(&op, &ClusterOperation::finished);
    op.run(writer ? writer : m_cluster.writer());
    if (!finished.wait(15000) && finished.isEmpty())
        return false;
    if (!writer)
        m_writes += int(op.report().lines.size());
    return finished.first().at(0).toBool();
}

void tst_OperationsSim::scaleAndUndo()
{
    ScaleOperation op(m_cluster.transport(),
                      {Kind::Deployment, QStringLiteral("default"), QStringLiteral("mongodb")});
    QCOMPARE(op.requiredAccess().size(), 1);
    QCOMPARE(op.requiredAccess().first().subresource, QStringLiteral("scale"));
    QVERIFY(fetch(op));
    QVERIFY(!op.hpa()); // no HPA owns mongodb
    const int before = op.currentReplicas();
    op.setReplicas(before + 2);
    QCOMPARE(op.summary().size(), 1);
    QVERIFY(op.details().startsWith(QStringLiteral("PATCH /apis/apps/v1/namespaces/default/"
                                                   "deployments/mongodb/scale")));
    QVERIFY(run(op));
    QVERIFY(op.report().ok);
    QVERIFY(op.report().explanation.isEmpty());
    QVERIFY(op.tracksRollout());
    // Followed as `kubectl rollout status` would.
    RolloutWatch watch(m_cluster.transport(), Kind::Deployment, QStringLiteral("default"),
                       QStringLiteral("mongodb"));
    watch.setPollInterval(200);
    QTRY_VERIFY2_WITH_TIMEOUT(watch.state() == RolloutWatch::State::Succeeded,
                              qPrintable(watch.message()), 60000);
    QVERIFY(watch.message().contains(QStringLiteral("successfully rolled out")));
    QCOMPARE(mongoReplicas(), before + 2);

    // Undo: scale back to the count read, as a new operation that reads the object again.
    QVERIFY(op.undoText().contains(QStringLiteral("(was %1)").arg(before)));
    const ClusterOperation::Factory undo = op.undo();
    QVERIFY(undo);
    std::unique_ptr<ClusterOperation> back(undo(m_cluster.transport(), nullptr));
    QVERIFY(!back->isFetched());
    QVERIFY(fetch(*back));
    QVERIFY(run(*back));
    QCOMPARE(mongoReplicas(), before);
}

void tst_OperationsSim::scaleFindsHpa_hpaBounds()
{
    ScaleOperation scale(m_cluster.transport(), {Kind::Deployment, QStringLiteral("default"),
                                                 QStringLiteral("order-service")});
    QVERIFY(fetch(scale));
    QVERIFY(scale.hpa());
    QCOMPARE(scale.hpa()->name, QStringLiteral("order-service-hpa"));
    QVERIFY(scale.hpaObject().is_object());

    HpaBoundsOperation bounds(
        m_cluster.transport(),
        {Kind::HorizontalPodAutoscaler, QStringLiteral("default"), scale.hpa()->name});
    QCOMPARE(bounds.requiredAccess().first().name, QStringLiteral("order-service-hpa"));
    bounds.setObject(scale.hpaObject());
    bounds.setBounds(2, 7);
    QVERIFY(run(bounds));
    const auto hpa = get(QStringLiteral(
        "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/order-service-hpa"));
    QVERIFY(hpa.ok());
    QCOMPARE(JsonRead::integer(*hpa, {"spec", "minReplicas"}), qint64(2));
    QCOMPARE(JsonRead::integer(*hpa, {"spec", "maxReplicas"}), qint64(7));
    QVERIFY(!bounds.undo());
}

void tst_OperationsSim::restart()
{
    RestartOperation op(m_cluster.transport(),
                        {Kind::Deployment, QStringLiteral("default"), QStringLiteral("mongodb")});
    const QDateTime now
        = QDateTime::fromString(QStringLiteral("2026-01-02T03:04:05Z"), Qt::ISODate);
    op.setNow(now);
    QVERIFY(fetch(op));
    QVERIFY(run(op));
    const auto d = get(QStringLiteral("/apis/apps/v1/namespaces/default/deployments/mongodb"));
    QCOMPARE(JsonRead::string(*d, {"spec", "template", "metadata", "annotations",
                                   "kubectl.kubernetes.io/restartedAt"}),
             QStringLiteral("2026-01-02T03:04:05Z"));
}

void tst_OperationsSim::pauseAndResume()
{
    const OperationTarget mysql{Kind::Deployment, QStringLiteral("default"),
                                QStringLiteral("mysql")};
    PauseOperation pause(m_cluster.transport(), mysql, true);
    QVERIFY(fetch(pause));
    QVERIFY(!pause.tracksRollout());
    QVERIFY(run(pause));
    const QString path = QStringLiteral("/apis/apps/v1/namespaces/default/deployments/mysql");
    QVERIFY(JsonRead::boolean(*get(path), {"spec", "paused"}));

    // kubectl's refusal, before anything is sent.
    PauseOperation again(m_cluster.transport(), mysql, true);
    QVERIFY(fetch(again));
    QVERIFY(!again.plan(false).ok());
    QVERIFY(again.plan(false).error().message.contains(QStringLiteral("already paused")));
    QSignalSpy refused(&again, &ClusterOperation::finished);
    again.run(m_cluster.writer());
    QVERIFY(refused.wait(5000));
    QCOMPARE(refused.first().at(0).toBool(), false);
    QVERIFY(again.report().explanation.contains(QStringLiteral("already paused")));

    PauseOperation resume(m_cluster.transport(), mysql, false);
    QVERIFY(fetch(resume));
    QVERIFY(resume.tracksRollout());
    QVERIFY(run(resume));
    QVERIFY(!JsonRead::boolean(*get(path), {"spec", "paused"}));
}

void tst_OperationsSim::setImageRollbackAndUndo()
{
    const OperationTarget product{Kind::Deployment, QStringLiteral("default"),
                                  QStringLiteral("product-service")};
    const QString path
        = QStringLiteral("/apis/apps/v1/namespaces/default/deployments/product-service");
    SetImageOperation setImage(m_cluster.transport(), product);
    QVERIFY(fetch(setImage));
    QVERIFY(!setImage.containers().isEmpty());
    const SetImageOperation::Container container = setImage.containers().last();
    setImage.setImage(container.name, QStringLiteral("shop/product:broken"));
    QVERIFY(run(setImage));
    QVERIFY(setImage.undoText().contains(container.image));
    QVERIFY(setImage.undo());

    // An image the registry does not have (ImagePullBackOff): the rollout watch says it
    // failed, and why.
    RolloutWatch watch(m_cluster.transport(), Kind::Deployment, QStringLiteral("default"),
                       QStringLiteral("product-service"));
    watch.setPollInterval(200);
    QTRY_VERIFY2_WITH_TIMEOUT(watch.state() == RolloutWatch::State::Failed,
                              qPrintable(watch.message() + QLatin1Char('\n') + watch.detail()),
                              120000);
    QCOMPARE(watch.message(), QStringLiteral("Rollout failed."));
    QVERIFY(!watch.detail().isEmpty());

    // The rollback reads the history the set image made (revision 2) and goes back to 1.
    std::unique_ptr<RollbackOperation> rollback;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            rollback = std::make_unique<RollbackOperation>(m_cluster.transport(), product);
            return fetch(*rollback) && rollback->history().size() >= 2
                   && rollback->nothingToDo().isEmpty() && rollback->plan(false).ok();
        }(),
        20000);
    QCOMPARE(rollback->rollbackPlan()->toRevision, 1);
    QVERIFY(rollback->title().endsWith(QStringLiteral("to revision 1")));
    QVERIFY(rollback->details().contains(QStringLiteral("shop/product:broken")));
    QVERIFY(run(*rollback));
    QCOMPARE(
        JsonRead::string(get(path)->at("spec")["template"]["spec"]["containers"].back(), "image"),
        container.image);

    // Its undo rolls forward again to the revision that was current.
    QVERIFY(rollback->undoText().contains(QStringLiteral("(was 2)")));
    std::unique_ptr<ClusterOperation> forward(rollback->undo()(m_cluster.transport(), nullptr));
    QVERIFY(fetch(*forward));
    QVERIFY(run(*forward));
    QCOMPARE(
        JsonRead::string(get(path)->at("spec")["template"]["spec"]["containers"].back(), "image"),
        QStringLiteral("shop/product:broken"));
}

void tst_OperationsSim::deletePod()
{
    const auto pods
        = get(QStringLiteral("/api/v1/namespaces/default/pods?labelSelector=app%3Dmongodb"));
    QVERIFY(pods.ok());
    QString pod;
    for (const auto &p : JsonRead::array(*pods, "items"))
        if (!JsonRead::find(p, {"metadata", "deletionTimestamp"}))
            pod = JsonRead::string(p, {"metadata", "name"});
    QVERIFY(!pod.isEmpty());
    DeleteOperation op(m_cluster.transport(), {Kind::Pod, QStringLiteral("default"), pod});
    QCOMPARE(op.requiredAccess().first().verb, QStringLiteral("delete"));
    QVERIFY(fetch(op));
    QVERIFY(op.controller().startsWith(QStringLiteral("ReplicaSet/mongodb")));
    op.setPropagation(WorkloadActions::Propagation::Foreground);
    QVERIFY(op.plan(false)->first().request.body.contains("Foreground"));
    QVERIFY(run(op));
    QVERIFY(!op.undo());
}

void tst_OperationsSim::cordonAndUncordon()
{
    const auto nodes = get(QStringLiteral("/api/v1/nodes"));
    QVERIFY(nodes.ok());
    const QString node
        = JsonRead::string(JsonRead::array(*nodes, "items").at(0), {"metadata", "name"});
    QVERIFY(!node.isEmpty());
    const QString path = QStringLiteral("/api/v1/nodes/") + node;

    CordonOperation cordon(m_cluster.transport(), node, true);
    const AccessCheck access = cordon.requiredAccess().first();
    QCOMPARE(access.verb, QStringLiteral("patch"));
    QCOMPARE(access.resource, QStringLiteral("nodes"));
    QVERIFY(access.namespaceName.isEmpty());
    QVERIFY(fetch(cordon));
    QVERIFY(cordon.nothingToDo().isEmpty());
    const PlannedWrite write = cordon.plan(false)->first();
    QCOMPARE(write.request.path, path);
    QVERIFY(write.body == nlohmann::json::parse(R"({"spec":{"unschedulable":true}})"));
    QVERIFY(run(cordon));
    QVERIFY(JsonRead::boolean(*get(path), {"spec", "unschedulable"}));
    QCOMPARE(cordon.undoText(), QStringLiteral("Cordoned node %1.").arg(node));

    // Already cordoned: nothing to send, kubectl's words.
    CordonOperation again(m_cluster.transport(), node, true);
    QVERIFY(fetch(again));
    QCOMPARE(again.nothingToDo(), QStringLiteral("node/%1 already cordoned").arg(node));
    QVERIFY(again.plan(false)->isEmpty());

    // Undo: uncordon.
    std::unique_ptr<ClusterOperation> undo(cordon.undo()(m_cluster.transport(), nullptr));
    QVERIFY(fetch(*undo));
    QCOMPARE(undo->title(), QStringLiteral("Uncordon node %1").arg(node));
    QVERIFY(run(*undo));
    QVERIFY(!JsonRead::boolean(*get(path), {"spec", "unschedulable"}));
}

void tst_OperationsSim::dryRunStoresNothing()
{
    ScaleOperation op(m_cluster.transport(),
                      {Kind::Deployment, QStringLiteral("default"), QStringLiteral("mongodb")});
    QVERIFY(fetch(op));
    const int before = op.currentReplicas();
    op.setReplicas(before + 5);
    std::optional<std::pair<bool, QString>> verdict;
    op.dryRun(m_cluster.writer(), [&verdict](bool ok, const QString &text) {
        verdict = {ok, text};
    });
    QVERIFY(QTest::qWaitFor([&] { return verdict.has_value(); }, 15000));
    QVERIFY2(verdict->first, qPrintable(verdict->second));
    QVERIFY(verdict->second.contains(QStringLiteral("without storing anything")));
    ++m_writes;
    QCOMPARE(mongoReplicas(), before);
}

void tst_OperationsSim::refusalExplained()
{
    const QString viewerContext = m_cluster.config().currentContext() + QStringLiteral("-viewer");
    auto connection = m_cluster.config().connection(viewerContext);
    QVERIFY(connection.ok());
    HttpTransport viewer(std::move(*connection));
    ClusterWriteExecutor writer(&viewer, m_cluster.audit());
    ScaleOperation op(&viewer,
                      {Kind::Deployment, QStringLiteral("default"), QStringLiteral("mysql")});
    QVERIFY(fetch(op));
    op.setReplicas(4);
    QVERIFY(!run(op, &writer));
    ++m_writes; // the refused write is audited too
    const OperationReport &report = op.report();
    QVERIFY(!report.ok);
    QVERIFY(report.failure);
    QCOMPARE(report.failure->second->status, 403);
    QVERIFY2(report.explanation.contains(QStringLiteral("Forbidden: the user"))
                 && report.explanation.contains(
                     QStringLiteral("patch deployments/scale in namespace default")),
             qPrintable(report.explanation));
    QVERIFY(!report.explanation.contains(QLatin1Char('{')));
}

void tst_OperationsSim::fetchFailure()
{
    RestartOperation op(m_cluster.transport(), {Kind::Deployment, QStringLiteral("default"),
                                                QStringLiteral("no-such-deployment")});
    Error error;
    QVERIFY(!fetch(op, &error));
    QCOMPARE(error.code, Error::Code::NotFound);
    QVERIFY(!op.isFetched());
}

void tst_OperationsSim::auditLog()
{
    // Read on a worker: the test's own reading is no decode of the operations' thread.
    QFuture<QList<AuditEntry>> read = Async::run(
        [directory = m_cluster.audit()->directory()] { return AuditLog::read(directory); });
    read.waitForFinished();
    QCOMPARE(read.resultCount(), 1);
    const QList<AuditEntry> entries = read.result();
    QCOMPARE(int(entries.size()), m_writes);
    for (const AuditEntry &e : entries)
        QVERIFY(e.outcomeKnown());
    QVERIFY(entries.first().summary.startsWith(QStringLiteral("{\"spec\":{\"replicas\":")));
}

void tst_OperationsSim::catalog()
{
    const OperationTarget web{Kind::Deployment, QStringLiteral("default"), QStringLiteral("web")};
    const QStringList ids = OperationCatalog::ids(Kind::Deployment);
    QVERIFY(ids.contains(QStringLiteral("pause")) && !ids.contains(QStringLiteral("resume")));
    QVERIFY(OperationCatalog::ids(Kind::Deployment, true).contains(QStringLiteral("resume")));
    QVERIFY(OperationCatalog::ids(Kind::Node, false, true).contains(QStringLiteral("uncordon")));
    for (const QString &id :
         {QStringLiteral("scale"), QStringLiteral("restart"), QStringLiteral("pause"),
          QStringLiteral("resume"), QStringLiteral("set-image"), QStringLiteral("rollback"),
          QStringLiteral("cordon"), QStringLiteral("uncordon"), QStringLiteral("delete")}) {
        QVERIFY2(OperationCatalog::label(id) != id, qPrintable(id));
        const std::optional<AccessCheck> access = OperationCatalog::access(id, web.kind, web.ns);
        QVERIFY(access);
        std::unique_ptr<ClusterOperation> op(
            OperationCatalog::create(id, m_cluster.transport(), web));
        QVERIFY(op);
        QCOMPARE(op->requiredAccess().first().verb, access->verb);
        QCOMPARE(op->target().name, web.name);
    }
    QCOMPARE(OperationCatalog::label(QStringLiteral("scale")), QStringLiteral("Scale\u2026"));
    // The fixed parameter of each of a pair.
    std::unique_ptr<ClusterOperation> resume(
        OperationCatalog::create(QStringLiteral("resume"), m_cluster.transport(), web));
    QVERIFY(resume->tracksRollout()); // a pause does not
    std::unique_ptr<ClusterOperation> uncordon(OperationCatalog::create(
        QStringLiteral("uncordon"), m_cluster.transport(), {Kind::Node, {}, QStringLiteral("n")}));
    QVERIFY(!static_cast<CordonOperation *>(uncordon.get())->cordons());
    QVERIFY(!OperationCatalog::create(QStringLiteral("describe"), m_cluster.transport(), web));
    QVERIFY(!OperationCatalog::access(QStringLiteral("describe"), web.kind, web.ns));
    QCOMPARE(OperationCatalog::label(QStringLiteral("describe")), QStringLiteral("describe"));
}

// The path the window takes, without widgets: the hooks stand for the dialogs.
void tst_OperationsSim::runnerPath()
{
    auto connection = m_cluster.config().connection(m_cluster.config().currentContext());
    QVERIFY(connection.ok());
    ClusterSession session(std::move(*connection)); // not started: its transport is enough
    OperationRunner runner(m_cluster.audit());
    QStringList confirmed;
    runner.setConfirmation([&](const OperationRunner::Target &t, ClusterOperation *op) {
        QCOMPARE(t.session.data(), &session);
        confirmed << op->summary().join(QLatin1Char('\n'));
        runner.run(t, op);
    });
    QSignalSpy finished(&runner, &OperationRunner::operationFinished);
    QSignalSpy rollouts(&runner, &OperationRunner::rolloutStarted);
    QSignalSpy failed(&runner, &OperationRunner::failed);
    std::function<void()> undo;
    connect(&runner, &OperationRunner::undoOffered, this,
            [&undo, &runner](const OperationRunner::Target &t, const QString &,
                             const ClusterOperation::Factory &u) {
                undo = [&runner, t, u] { runner.start(t, u(t.session->transport(), &runner)); };
            });

    const int before = mongoReplicas();
    const OperationTarget mongo{Kind::Deployment, QStringLiteral("default"),
                                QStringLiteral("mongodb")};
    runner.start(OperationRunner::targetOf(&session),
                 OperationCatalog::create(QStringLiteral("scale"), session.transport(), mongo),
                 [&](const OperationRunner::Target &t, ClusterOperation *op) {
                     static_cast<ScaleOperation *>(op)->setReplicas(before + 1);
                     runner.confirm(t, op);
                 });
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(confirmed.size(), 1);
    QCOMPARE(mongoReplicas(), before + 1);
    QCOMPARE(rollouts.size(), 1);
    QCOMPARE(rollouts.first().at(1).value<OperationTarget>().name, mongo.name);
    QVERIFY(undo);

    // The undo goes through the same confirmation.
    undo();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 15000);
    QCOMPARE(confirmed.size(), 2);
    QCOMPARE(mongoReplicas(), before);
    QVERIFY(failed.isEmpty());
}

void tst_OperationsSim::runnerStopsBeforeSending()
{
    auto connection = m_cluster.config().connection(m_cluster.config().currentContext());
    QVERIFY(connection.ok());
    ClusterSession session(std::move(*connection));
    OperationRunner runner(m_cluster.audit());
    int confirmations = 0;
    runner.setConfirmation([&](const OperationRunner::Target &, ClusterOperation *op) {
        ++confirmations;
        op->deleteLater();
    });
    QSignalSpy failed(&runner, &OperationRunner::failed);
    QSignalSpy nothing(&runner, &OperationRunner::nothingToDo);
    const auto target = OperationRunner::targetOf(&session);

    // No session: said, nothing fetched.
    runner.start({}, OperationCatalog::create(
                         QStringLiteral("restart"), session.transport(),
                         {Kind::Deployment, QStringLiteral("default"), QStringLiteral("mongodb")}));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("Not connected"));

    // kubectl would write nothing: a node that is not cordoned, uncordoned.
    const auto nodes = get(QStringLiteral("/api/v1/nodes"));
    QVERIFY(nodes.ok());
    const QString node
        = JsonRead::string(JsonRead::array(*nodes, "items").at(0), {"metadata", "name"});
    runner.start(target, OperationCatalog::create(QStringLiteral("uncordon"), session.transport(),
                                                  {Kind::Node, {}, node}));
    QTRY_COMPARE_WITH_TIMEOUT(nothing.size(), 1, 15000);
    QCOMPARE(nothing.first().at(0).toString(), QStringLiteral("Nothing to change"));
    QVERIFY(nothing.first().at(1).toString().contains(node));

    // kubectl's refusal in plan(): a revision that is not in the history.
    auto *rollback
        = new RollbackOperation(session.transport(), {Kind::Deployment, QStringLiteral("default"),
                                                      QStringLiteral("mongodb")});
    rollback->setRevision(999);
    const QString refusalTitle = rollback->failureTitle();
    runner.start(target, rollback);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 15000);
    QCOMPARE(failed.at(1).at(0).toString(), refusalTitle);
    QCOMPARE(confirmations, 0);
}

// What gates a menu entry or the HPA bounds: the cached answer now, then each answer for the
// context, for as long as the receiver lives.
void tst_OperationsSim::permissionFollow()
{
    auto connection = m_cluster.config().connection(m_cluster.config().currentContext());
    QVERIFY(connection.ok());
    ClusterSession session(std::move(*connection));
    PermissionCache cache;
    const AccessCheck check = ScaleOperation::access(Kind::Deployment, QStringLiteral("default"));
    QList<std::optional<AccessResult>> shown;
    auto receiver = std::make_unique<QObject>();
    cache.follow(QStringLiteral("a"), check, receiver.get(),
                 [&shown](const std::optional<AccessResult> &r) { shown << r; });
    QCOMPARE(shown.size(), 1);
    QVERIFY(!shown.first()); // unknown until asked

    QSignalSpy updated(&cache, &PermissionCache::updated);
    cache.request(&session, QStringLiteral("a"), {check});
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 15000);
    QVERIFY(shown.last() && shown.last()->allowed);

    cache.request(&session, QStringLiteral("b"), {check}); // another context: not shown
    QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 2, 15000);
    QCOMPARE(shown.size(), 2);

    receiver.reset(); // gone: no more calls
    cache.clear();
    cache.request(&session, QStringLiteral("a"), {check});
    QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 3, 15000);
    QCOMPARE(shown.size(), 2);
}

QTEST_GUILESS_MAIN(tst_OperationsSim)
#include "tst_operations_sim.moc"
