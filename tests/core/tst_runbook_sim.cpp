// SPDX-License-Identifier: GPL-3.0-or-later
// Runbooks end to end against orrery-sim: a bad release rolled back on microk8s-shop, and the
// Helm rollback runbook on aks-chat, whose release Secrets the simulator renders like Helm.
#include "audit/auditlog.h"
#include "helm/helmreleases.h"
#include "kube/actions/resourcepath.h"
#include "kube/actions/revisionhistory.h"
#include "kube/actions/rolloutstatus.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "operations/clusterwriteexecutor.h"
#include "operations/rollbackoperation.h"
#include "runbook/clusterrunbookexecutor.h"
#include "runbook/runbookparser.h"
#include "runbook/runbookrunner.h"

#include <simprocess.h>

#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Orrery;

class tst_RunbookSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void badRelease();
    void helmRollback();
    void refusalInPlainWords();
    void rollbackTargetAfterBadImage();

private:
    std::unique_ptr<HttpTransport> transport(const QString &contextSubstring);
    Result<nlohmann::json> get(HttpTransport *t, const QString &path);

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;
};

void tst_RunbookSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    // Sim time at four times the wall clock: the rollouts and image pull back-offs the
    // runbooks wait for come sooner; every wait here is an upper bound, none a duration.
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("microk8s-shop"),
                          QStringLiteral("--scenario"), QStringLiteral("aks-chat"),
                          QStringLiteral("--speed"), QStringLiteral("4")},
                         m_kubeconfig),
             qPrintable(m_sim.errorString()));
}

void tst_RunbookSim::cleanupTestCase()
{
    m_sim.stop();
}

std::unique_ptr<HttpTransport> tst_RunbookSim::transport(const QString &contextSubstring)
{
    const Kubeconfig config = Kubeconfig::load(m_kubeconfig);
    for (const QString &name : config.contextNames()) {
        if (!name.contains(contextSubstring)
            || name.endsWith(QLatin1String("-viewer"))
                   != contextSubstring.endsWith(QLatin1String("-viewer")))
            continue;
        auto connection = config.connection(name);
        if (connection.ok())
            return std::make_unique<HttpTransport>(std::move(*connection));
    }
    return {};
}

Result<nlohmann::json> tst_RunbookSim::get(HttpTransport *t, const QString &path)
{
    std::optional<Result<ApiResponse>> answer;
    t->get(path, this, [&answer](const Result<ApiResponse> &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"), path);
    auto body = bodyOrError(*answer, path);
    if (!body)
        return body.error();
    return nlohmann::json::parse(body->toStdString());
}

void tst_RunbookSim::badRelease()
{
    auto t = transport(QStringLiteral("microk8s"));
    QVERIFY2(t, "no context for microk8s-shop");
    const QString file = QStringLiteral(ORRERY_TEST_DATA "/runbooks/sim-bad-release.yaml");
    auto book = RunbookParser::parseFile(file);
    QVERIFY(book.ok());
    AuditLog audit(m_dir.filePath(QStringLiteral("audit-shop")));
    ClusterWriteExecutor writer(t.get(), &audit);
    ClusterRunbookExecutor executor(t.get(), &writer, QStringLiteral("default"),
                                    QFileInfo(file).absolutePath());
    executor.setPollInterval(200);
    RunbookRunner runner(&executor);
    QSignalSpy steps(&runner, &RunbookRunner::stepFinished);
    QSignalSpy finished(&runner, &RunbookRunner::finished);
    // The scenario must have rolled out revision 1 before the runbook changes the image;
    // otherwise the broken image would itself be revision 1 and there would be no history.
    const QString deploymentPath
        = QStringLiteral("/apis/apps/v1/namespaces/default/deployments/product-service");
    const auto rolledOut = [&] {
        const auto deployment = get(t.get(), deploymentPath);
        return deployment.ok() && RolloutStatus::evaluate(*deployment).done();
    };
    QTRY_VERIFY_WITH_TIMEOUT(rolledOut(), 60000);
    const auto original = get(t.get(), deploymentPath);
    QVERIFY(original.ok());
    runner.start(*book);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 90000);
    QStringList log;
    for (const auto &s : steps)
        log << QStringLiteral("%1 %2 %3")
                   .arg(s.at(0).toInt())
                   .arg(s.at(1).toBool())
                   .arg(s.at(2).toString());
    // setLoad works where /version says "orrerySimulator": true, as orrery-sim does: every
    // step succeeds, the last caption included.
    const auto version = get(t.get(), QStringLiteral("/version"));
    QVERIFY(version.ok());
    QVERIFY2(version->value("orrerySimulator", false) == true, version->dump().c_str());
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(log.join(QLatin1Char('\n'))));
    QCOMPARE(steps.count(), 10);
    for (int i = 0; i < 10; ++i)
        QVERIFY2(steps.at(i).at(1).toBool(), qPrintable(log.join(QLatin1Char('\n'))));
    QVERIFY2(steps.at(3).at(2).toString().contains(QLatin1String("successfully rolled out")),
             qPrintable(log.join('\n')));

    const auto after = get(
        t.get(), QStringLiteral("/apis/apps/v1/namespaces/default/deployments/product-service"));
    QVERIFY(after.ok());
    QVERIFY((*after)["spec"]["template"]["spec"]["containers"][0]["image"]
            == (*original)["spec"]["template"]["spec"]["containers"][0]["image"]);
    QVERIFY(
        get(t.get(), QStringLiteral("/api/v1/namespaces/default/configmaps/runbook-applied")).ok());
    // setImage, rollback, scale, restart, apply, setLoad: six audited writes.
    QCOMPARE(AuditLog::read(audit.directory()).size(), 6);
    QVERIFY((*after)["metadata"]["annotations"]["sim.orrery.dev/load-percent"] == "90");
}

void tst_RunbookSim::helmRollback()
{
    auto t = transport(QStringLiteral("chat"));
    QVERIFY2(t, "no context for aks-chat");
    const QString secretsPath
        = ResourcePath::addQuery(ResourcePath::forKind(Kind::Secret, QStringLiteral("production")),
                                 QStringLiteral("labelSelector"), QStringLiteral("owner=helm"));
    auto before = get(t.get(), secretsPath);
    QVERIFY(before.ok());
    const HelmReleases releases = HelmReleases::fromSecrets(*before);
    QVERIFY2(releases.errors().isEmpty(), qPrintable(releases.errors().value(0).toString()));
    const QList<HelmRelease> history = releases.history(QStringLiteral("chat-app"));
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.last().status, QStringLiteral("deployed"));

    auto book = RunbookParser::parseFile(
        QStringLiteral(ORRERY_TEST_DATA "/../../resources/runbooks/helm-rollback.yaml"));
    QVERIFY(book.ok());
    AuditLog audit(m_dir.filePath(QStringLiteral("audit-chat")));
    ClusterWriteExecutor writer(t.get(), &audit);
    ClusterRunbookExecutor executor(t.get(), &writer, QStringLiteral("production"), QString());
    executor.setPollInterval(200);
    RunbookRunner runner(&executor);
    // The runbook's expect: entries (revision 3, then 4; the images) read informers.
    auto connection
        = Kubeconfig::load(m_kubeconfig).connection(QStringLiteral("aks-chat-francecentral"));
    QVERIFY(connection.ok());
    ClusterSession session(std::move(*connection));
    session.start();
    runner.setExpectationStore(session.store(), QStringLiteral("production"));
    QSignalSpy steps(&runner, &RunbookRunner::stepFinished);
    QSignalSpy finished(&runner, &RunbookRunner::finished);
    runner.start(*book);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 90000);
    QStringList log;
    for (const auto &s : steps)
        log << QStringLiteral("%1 %2 %3")
                   .arg(s.at(0).toInt())
                   .arg(s.at(1).toBool())
                   .arg(s.at(2).toString());
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(log.join(QLatin1Char('\n'))));

    auto after = get(t.get(), secretsPath);
    QVERIFY(after.ok());
    QStringList rows;
    for (const HelmRelease &r :
         HelmReleases::fromSecrets(*after).history(QStringLiteral("chat-app")))
        rows << QStringLiteral("%1|%2|%3").arg(r.version).arg(r.status, r.description);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.last(), QStringLiteral("4|deployed|Rollback to 2"));
    QVERIFY(rows[2].startsWith(QLatin1String("3|superseded|")));
}

// The viewer user may not scale: the step fails with who may not do what where and what to do,
// then the server's sentence, never the Status JSON; nothing changes.
void tst_RunbookSim::refusalInPlainWords()
{
    std::unique_ptr<HttpTransport> t;
    for (const QString &name : Kubeconfig::load(m_kubeconfig).contextNames())
        if (name.startsWith(QLatin1String("microk8s")) && name.endsWith(QLatin1String("-viewer")))
            if (auto connection = Kubeconfig::load(m_kubeconfig).connection(name); connection.ok())
                t = std::make_unique<HttpTransport>(std::move(*connection));
    QVERIFY2(t, "no viewer context for microk8s-shop");
    auto book = RunbookParser::parse("- scale: {target: deployment/mongodb, replicas: 4}\n");
    QVERIFY(book.ok());
    AuditLog audit(m_dir.filePath(QStringLiteral("audit-viewer")));
    ClusterWriteExecutor writer(t.get(), &audit);
    ClusterRunbookExecutor executor(t.get(), &writer, QStringLiteral("default"), m_dir.path());
    std::optional<StepOutcome> outcome;
    executor.execute(book->steps.at(0), [&outcome](StepOutcome o) { outcome = o; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 15000);
    QVERIFY(!outcome->ok);
    QVERIFY2(
        outcome->message.startsWith(QLatin1String("Forbidden: this context's user may not patch "
                                                  "deployments/scale in namespace default.")),
        qPrintable(outcome->message));
    QVERIFY2(outcome->message.contains(QLatin1String("Ask a cluster administrator")),
             qPrintable(outcome->message));
    QVERIFY2(!outcome->message.contains(QLatin1Char('{')), qPrintable(outcome->message));
    const auto mongodb
        = get(t.get(), QStringLiteral("/apis/apps/v1/namespaces/default/deployments/mongodb"));
    QVERIFY(mongodb.ok());
    QVERIFY((*mongodb)["spec"].value("replicas", 0) != 4);
}

// The rollback target after a bad `set image` (issue 19: the dialog offered nope:bad as the
// previous revision). With the simulator's registry the new pods fail to pull; the previous
// revision is then the good one. After `rollout undo` kubectl renumbers the good revision as
// the newest, so "previous" becomes the bad one: kubectl's rule, which the dialog keeps and
// now spells out (RevisionHistory::previousRevisionNote).
void tst_RunbookSim::rollbackTargetAfterBadImage()
{
    auto t = transport(QStringLiteral("chat"));
    QVERIFY(t);
    const QString path
        = QStringLiteral("/apis/apps/v1/namespaces/production/deployments/chat-app-grafana");
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto d = get(t.get(), path);
            return d.ok() && RolloutStatus::evaluate(*d).done();
        }(),
        60000);
    const auto original = get(t.get(), path);
    QVERIFY(original.ok());
    const QString good = QString::fromStdString(
        (*original)["spec"]["template"]["spec"]["containers"][0]["image"].get<std::string>());
    const auto history = [&]() -> QList<RevisionEntry> {
        RollbackOperation op(t.get(), {Kind::Deployment, QStringLiteral("production"),
                                       QStringLiteral("chat-app-grafana")});
        std::optional<Result<void>> fetched;
        op.fetch([&fetched](const Result<void> &r) { fetched = r; });
        if (!QTest::qWaitFor([&] { return fetched.has_value(); }, 15000) || !fetched->ok())
            return {};
        return op.history();
    };

    auto book = RunbookParser::parse(
        "namespace: production\nsteps:\n"
        "  - setImage: {target: deployment/chat-app-grafana, container: grafana, "
        "image: \"nope:bad\"}\n"
        "    expect: {kind: pods, of: deployment/chat-app-grafana, state: ImagePullBackOff, "
        "within: 60s}\n");
    QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().toString()));
    auto connection
        = Kubeconfig::load(m_kubeconfig).connection(QStringLiteral("aks-chat-francecentral"));
    QVERIFY(connection.ok());
    ClusterSession session(std::move(*connection));
    session.start();
    AuditLog audit(m_dir.filePath(QStringLiteral("audit-target")));
    ClusterWriteExecutor writer(t.get(), &audit);
    ClusterRunbookExecutor executor(t.get(), &writer, QStringLiteral("production"), QString());
    executor.setPollInterval(200);
    RunbookRunner runner(&executor);
    runner.setExpectationStore(session.store(), QStringLiteral("production"));
    QSignalSpy finished(&runner, &RunbookRunner::finished);
    QSignalSpy steps(&runner, &RunbookRunner::stepFinished);
    runner.start(*book);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 90000);
    QVERIFY2(finished.first().at(0).toBool(),
             qPrintable(steps.isEmpty() ? QString() : steps.last().at(2).toString()));

    // The bad revision is running (and failing): "previous" is the good one before it.
    QList<RevisionEntry> entries = history();
    QVERIFY(entries.size() >= 2);
    const qint64 bad = entries.last().revision;
    QCOMPARE(entries.last().images, QStringList{QStringLiteral("nope:bad")});
    QVERIFY(entries.last().current);
    const qint64 previous = RevisionHistory::previousRevision(entries);
    QCOMPARE(previous, entries.at(entries.size() - 2).revision);
    QCOMPARE(entries.at(entries.size() - 2).images, QStringList{good});
    QVERIFY2(RevisionHistory::previousRevisionNote(entries).startsWith(
                 QStringLiteral("Previous revision: %1 (%2)").arg(previous).arg(good)),
             qPrintable(RevisionHistory::previousRevisionNote(entries)));

    // Undo: the good template comes back as the newest revision; now kubectl's previous is
    // the bad one.
    auto undo = RunbookParser::parse(
        "namespace: production\nsteps:\n"
        "  - rollback: {target: deployment/chat-app-grafana}\n"
        "  - waitForRollout: {target: deployment/chat-app-grafana, timeout: 120}\n"
        "    expect: {kind: image, of: deployment/chat-app-grafana, is: \""
        + good.toUtf8() + "\"}\n");
    QVERIFY(undo.ok());
    runner.start(*undo);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 150000);
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(steps.last().at(2).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(history().value(history().size() - 1).revision == bad + 1, 15000);
    entries = history();
    QCOMPARE(entries.last().images, QStringList{good});
    QVERIFY(entries.last().current);
    QCOMPARE(RevisionHistory::previousRevision(entries), bad);
    QVERIFY2(RevisionHistory::previousRevisionNote(entries).startsWith(
                 QStringLiteral("Previous revision: %1 (nope:bad)").arg(bad)),
             qPrintable(RevisionHistory::previousRevisionNote(entries)));
}

QTEST_GUILESS_MAIN(tst_RunbookSim)
#include "tst_runbook_sim.moc"
