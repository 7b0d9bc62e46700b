// SPDX-License-Identifier: GPL-3.0-or-later
// GitLabClient and JenkinsClient against the simulated GitLab (/gitlab/api/v4) and Jenkins
// (/jenkins) on orrery-sim's HTTPS front, verified with the front's CA: the pfe seed's
// GitLab pipeline (a DAG through needs read from the CI file, a manual production deploy)
// and its Jenkins pipeline (parallel stages from Blue Ocean), compared with the engine's own
// runs; a trigger, an approval and a cancel each; the logs; wrong credentials; the platform
// project's trigger jobs linked to the child and downstream pipelines they started; the
// pfe-v2 folder's tree (a multibranch project and its branch jobs) and a branch job's runs.

#include "front/servicefront.h"
#include "gitlab/gitlabservice.h"
#include "jenkins/jenkinsservice.h"
#include "pipelines/pipelineengine.h"
#include "simulator.h"

#include <inprocesssimulator.h>

#include "kube/httptransport.h"
#include "kube/staticcredentialprovider.h"
#include "pipelines/gitlabclient.h"
#include "pipelines/jenkinsclient.h"

#include <asyncanswer.h>
#include <eventloopwait.h>

#include <QtTest>

#include <memory>
#include <optional>
#include <set>

using namespace Orrery;

namespace {

const QString Pfe = QStringLiteral("pfe-v2/pfe-application");

using Orrery::Test::ask;

QString errorText(const std::optional<Result<PipelineRun>> &r)
{
    return r && !r->ok() ? r->error().toString() : QString();
}

} // namespace

class tst_CiClientsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void gitlabRunsHaveTheEnginesNeeds();
    void gitlabTriggerPlayAndTrace();
    void jenkinsParallelStages();
    void jenkinsTriggerApproveAndLog();
    void wrongCredentials();
    void gitlabBridgesLinkTheirPipelines();
    void jenkinsFolderTreeAndBranchRuns();

private:
    std::unique_ptr<HttpTransport> transport(const QString &path, const Credential &credential);
    bool waitFor(Sim::PipelineEngine *engine, long long id,
                 const std::function<bool(const Sim::SimRun &)> &condition);

    Orrery::Test::InProcessSimulator m_sim;
    Sim::PipelineEngine *m_gitlabEngine = nullptr;
    Sim::PipelineEngine *m_jenkinsEngine = nullptr;
    std::unique_ptr<HttpTransport> m_gitlabTransport;
    std::unique_ptr<HttpTransport> m_jenkinsTransport;
    std::unique_ptr<GitLabClient> m_gitlab;
    std::unique_ptr<JenkinsClient> m_jenkins;
};

void tst_CiClientsSim::initTestCase()
{
    Sim::SimulatorOptions options;
    options.scenarios = {"pfe"};
    options.speed = 30;
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    auto *gitlab = m_sim.service<Sim::GitLabService>("gitlab");
    auto *jenkins = m_sim.service<Sim::JenkinsService>("jenkins");
    QVERIFY(gitlab && jenkins);
    m_gitlabEngine = &gitlab->engine();
    m_jenkinsEngine = &jenkins->engine();
    m_gitlabTransport = transport(QStringLiteral("/gitlab/api/v4"), {});
    m_gitlab = std::make_unique<GitLabClient>(m_gitlabTransport.get(), "orrery-sim-gitlab");
    Credential basic;
    basic.username = QStringLiteral("orrery");
    basic.password = QStringLiteral("orrery-sim-jenkins");
    m_jenkinsTransport = transport(QStringLiteral("/jenkins"), basic);
    m_jenkins = std::make_unique<JenkinsClient>(m_jenkinsTransport.get());
}

void tst_CiClientsSim::cleanupTestCase()
{
    m_gitlab.reset();
    m_jenkins.reset();
    m_gitlabTransport.reset();
    m_jenkinsTransport.reset();
    m_sim.stop();
}

std::unique_ptr<HttpTransport> tst_CiClientsSim::transport(const QString &path,
                                                           const Credential &credential)
{
    ClusterConnection c;
    c.server = m_sim.servicesUrl() + path;
    c.certificateAuthorityPem = m_sim.servicesCaPem();
    if (!credential.isEmpty())
        c.credentials
            = std::make_shared<StaticCredentialProvider>(credential, QStringLiteral("basic"));
    return std::make_unique<HttpTransport>(c);
}

bool tst_CiClientsSim::waitFor(Sim::PipelineEngine *engine, long long id,
                               const std::function<bool(const Sim::SimRun &)> &condition)
{
    return Orrery::Test::waitUntil(
        [&] {
            const auto r = engine->run(id);
            return r && condition(*r);
        },
        60000);
}

void tst_CiClientsSim::gitlabRunsHaveTheEnginesNeeds()
{
    PipelineRunFilter filter;
    filter.limit = 5;
    const auto runs
        = ask<QList<PipelineRun>>([&](auto h) { m_gitlab->runs(Pfe, filter, this, h); });
    QVERIFY(runs);
    QVERIFY2(runs->ok(), qPrintable(runs->ok() ? QString() : runs->error().toString()));
    QCOMPARE((*runs)->size(), 5);
    for (const PipelineRun &listed : **runs) {
        QCOMPARE(listed.commitSha.size(), 40);
        const auto run = ask<PipelineRun>([&](auto h) { m_gitlab->run(Pfe, listed.id, this, h); });
        QVERIFY2(run && run->ok(), qPrintable(errorText(run)));
        const std::optional<Sim::SimRun> truth = m_gitlabEngine->run(listed.id.toLongLong());
        QVERIFY(truth);
        QCOMPARE(qsizetype((*run)->jobs.size()), qsizetype(truth->jobs.size()));
        for (const Sim::SimJob &job : truth->jobs) {
            const QString id = QString::number(job.id);
            const auto it = std::find_if((*run)->jobs.cbegin(), (*run)->jobs.cend(),
                                         [&](const PipelineJob &j) { return j.id == id; });
            QVERIFY2(it != (*run)->jobs.cend(), qPrintable(id));
            std::set<QString> expected, actual;
            for (long long n : job.needs)
                expected.insert(QString::number(n));
            for (const QString &n : it->needs)
                actual.insert(n);
            QVERIFY2(expected == actual,
                     qPrintable(QStringLiteral("%1: needs %2").arg(it->name, it->needs.join(','))));
            QCOMPARE(it->stage, QString::fromStdString(job.stage));
        }
    }
}

void tst_CiClientsSim::gitlabTriggerPlayAndTrace()
{
    PipelineTrigger trigger;
    trigger.ref = QStringLiteral("main");
    trigger.inputs.insert(QStringLiteral("DEPLOY_ENV"), QStringLiteral("staging"));
    const auto created = ask<QString>([&](auto h) { m_gitlab->trigger(Pfe, trigger, this, h); });
    QVERIFY2(created && created->ok(),
             qPrintable(created && !created->ok() ? created->error().toString() : QString()));
    const long long id = (*created)->toLongLong();
    // Wait for the manual job, then approve it through the client.
    long long manualJob = 0;
    QVERIFY(waitFor(m_gitlabEngine, id, [&](const Sim::SimRun &r) {
        for (const Sim::SimJob &j : r.jobs)
            if (j.manual && j.state == Sim::SimRunState::Waiting) {
                manualJob = j.id;
                return true;
            }
        return pipelineStatusIsFinal(PipelineStatus::Unknown);
    }));
    const auto run
        = ask<PipelineRun>([&](auto h) { m_gitlab->run(Pfe, QString::number(id), this, h); });
    QVERIFY2(run && run->ok(), qPrintable(errorText(run)));
    const auto waiting = std::find_if((*run)->jobs.cbegin(), (*run)->jobs.cend(),
                                      [](const PipelineJob &j) { return j.manual; });
    QVERIFY(waiting != (*run)->jobs.cend());
    QCOMPARE(waiting->id, QString::number(manualJob));
    QCOMPARE(waiting->status, PipelineStatus::Waiting);
    const auto played = ask<void>([&](auto h) {
        m_gitlab->review(Pfe, QString::number(id), waiting->id, true, QString(), this, h);
    });
    QVERIFY2(played && played->ok(),
             qPrintable(played && !played->ok() ? played->error().toString() : QString()));
    QVERIFY(waitFor(m_gitlabEngine, id, [&](const Sim::SimRun &r) {
        for (const Sim::SimJob &j : r.jobs)
            if (j.id == manualJob)
                return j.state != Sim::SimRunState::Waiting;
        return false;
    }));
    // The first job's trace, read progressively to its end.
    const QString firstJob = (*run)->jobs.isEmpty() ? QString() : (*run)->jobs.last().id;
    QVERIFY(waitFor(m_gitlabEngine, id, [](const Sim::SimRun &r) {
        return r.state == Sim::SimRunState::Success || r.state == Sim::SimRunState::Failure;
    }));
    QByteArray trace;
    qint64 offset = 0;
    for (int i = 0; i < 50; ++i) {
        const auto chunk = ask<PipelineLogChunk>(
            [&](auto h) { m_gitlab->jobLog(Pfe, QString::number(id), firstJob, offset, this, h); });
        QVERIFY2(chunk && chunk->ok(),
                 qPrintable(chunk && !chunk->ok() ? chunk->error().toString() : QString()));
        trace += (*chunk)->text;
        offset = (*chunk)->nextOffset;
        if ((*chunk)->complete)
            break;
    }
    QVERIFY2(trace.contains("Job succeeded") || trace.contains("ERROR: Job failed"),
             trace.constData());
}

void tst_CiClientsSim::jenkinsParallelStages()
{
    PipelineRunFilter filter;
    filter.limit = 3;
    const auto runs
        = ask<QList<PipelineRun>>([&](auto h) { m_jenkins->runs(Pfe, filter, this, h); });
    QVERIFY(runs);
    QVERIFY2(runs->ok(), qPrintable(runs->ok() ? QString() : runs->error().toString()));
    QCOMPARE((*runs)->size(), 3);
    const PipelineRun &listed = (*runs)->first();
    const auto run = ask<PipelineRun>([&](auto h) { m_jenkins->run(Pfe, listed.id, this, h); });
    QVERIFY2(run && run->ok(), qPrintable(errorText(run)));
    // Every engine job is a stage or a parallel branch; a stage of several jobs is parallel:
    // its branches share it and need the same nodes.
    std::optional<Sim::SimRun> truth;
    for (const Sim::SimRun &r : m_jenkinsEngine->runs(Pfe.toStdString() + "/Jenkinsfile"))
        if (r.number == listed.number)
            truth = r;
    QVERIFY(truth);
    QCOMPARE(qsizetype((*run)->jobs.size()), qsizetype(truth->jobs.size()));
    QMap<QString, int> perStage;
    for (const Sim::SimJob &j : truth->jobs)
        ++perStage[QString::fromStdString(j.stage)];
    QMap<QString, int> seen;
    QMap<QString, QStringList> needsOfStage;
    for (const PipelineJob &j : (*run)->jobs) {
        ++seen[j.stage];
        QStringList needs = j.needs;
        needs.sort();
        if (needsOfStage.contains(j.stage))
            QCOMPARE(needs, needsOfStage.value(j.stage));
        needsOfStage.insert(j.stage, needs);
    }
    QCOMPARE(seen, perStage);
    QVERIFY(std::any_of(perStage.cbegin(), perStage.cend(), [](int n) { return n > 1; }));
}

void tst_CiClientsSim::jenkinsTriggerApproveAndLog()
{
    PipelineTrigger trigger;
    trigger.inputs.insert(QStringLiteral("BRANCH"), QStringLiteral("main"));
    const auto queued = ask<QString>([&](auto h) { m_jenkins->trigger(Pfe, trigger, this, h); });
    QVERIFY2(queued && queued->ok(),
             qPrintable(queued && !queued->ok() ? queued->error().toString() : QString()));
    QVERIFY(!(*queued)->isEmpty());
    QString number;
    QVERIFY(Orrery::Test::waitUntil(
        [&] {
            const auto b = ask<QString>([&](auto h) { m_jenkins->queuedBuild(**queued, this, h); });
            if (b && b->ok())
                number = **b;
            return !number.isEmpty();
        },
        60000));
    const long long runId = (*queued)->toLongLong(); // the queue item is the engine's run id
    QVERIFY(waitFor(m_jenkinsEngine, runId, [](const Sim::SimRun &r) {
        return std::any_of(r.jobs.cbegin(), r.jobs.cend(), [](const Sim::SimJob &j) {
            return j.manual && j.state == Sim::SimRunState::Waiting;
        });
    }));
    const auto run = ask<PipelineRun>([&](auto h) { m_jenkins->run(Pfe, number, this, h); });
    QVERIFY2(run && run->ok(), qPrintable(errorText(run)));
    QCOMPARE((*run)->status, PipelineStatus::Waiting);
    const auto approved = ask<void>(
        [&](auto h) { m_jenkins->review(Pfe, number, QString(), true, QString(), this, h); });
    QVERIFY2(approved && approved->ok(),
             qPrintable(approved && !approved->ok() ? approved->error().toString() : QString()));
    QVERIFY(waitFor(m_jenkinsEngine, runId, [](const Sim::SimRun &r) {
        return std::none_of(r.jobs.cbegin(), r.jobs.cend(), [](const Sim::SimJob &j) {
            return j.manual && j.state == Sim::SimRunState::Waiting;
        });
    }));
    const auto chunk = ask<PipelineLogChunk>(
        [&](auto h) { m_jenkins->jobLog(Pfe, number, QString(), 0, this, h); });
    QVERIFY(chunk && chunk->ok());
    QVERIFY((*chunk)->text.startsWith("Started by"));
    QVERIFY((*chunk)->nextOffset >= (*chunk)->text.size());
    const auto stopped = ask<void>([&](auto h) { m_jenkins->cancel(Pfe, number, this, h); });
    QVERIFY2(stopped && stopped->ok(),
             qPrintable(stopped && !stopped->ok() ? stopped->error().toString() : QString()));
    QVERIFY(waitFor(m_jenkinsEngine, runId, [](const Sim::SimRun &r) {
        return r.state != Sim::SimRunState::Running && r.state != Sim::SimRunState::Queued;
    }));
}

void tst_CiClientsSim::wrongCredentials()
{
    const GitLabClient gitlab(m_gitlabTransport.get(), "not-the-token");
    const auto denied = ask<QList<PipelineRun>>([&](auto h) { gitlab.runs(Pfe, {}, this, h); });
    QVERIFY(denied && !denied->ok());
    QCOMPARE(denied->error().code, Error::Code::AuthError);
    QVERIFY(!denied->error().toString().contains(QLatin1String("not-the-token")));
    Credential wrong;
    wrong.username = QStringLiteral("orrery");
    wrong.password = QStringLiteral("wrong-jenkins-token");
    const auto t = transport(QStringLiteral("/jenkins"), wrong);
    const JenkinsClient jenkins(t.get());
    const auto refused = ask<QList<PipelineRun>>([&](auto h) { jenkins.runs(Pfe, {}, this, h); });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, Error::Code::AuthError);
    QVERIFY(!refused->error().toString().contains(QLatin1String("wrong-jenkins-token")));
}

void tst_CiClientsSim::gitlabBridgesLinkTheirPipelines()
{
    const QString platform = QStringLiteral("pfe-v2/pfe-platform");
    PipelineRunFilter filter;
    filter.limit = 20;
    const auto runs
        = ask<QList<PipelineRun>>([&](auto h) { m_gitlab->runs(platform, filter, this, h); });
    QVERIFY(runs && runs->ok());
    int linked = 0, children = 0;
    for (const PipelineRun &listed : **runs) {
        const std::optional<Sim::SimRun> truth = m_gitlabEngine->run(listed.id.toLongLong());
        QVERIFY(truth);
        if (listed.event == QLatin1String("parent_pipeline")) {
            ++children;
            QVERIFY(truth->parentRunId != 0);
            continue;
        }
        const auto run
            = ask<PipelineRun>([&](auto h) { m_gitlab->run(platform, listed.id, this, h); });
        QVERIFY2(run && run->ok(), qPrintable(errorText(run)));
        for (const Sim::SimJob &job : truth->jobs) {
            if (!job.bridge || job.downstreamRunId == 0)
                continue;
            const auto it = std::find_if(
                (*run)->jobs.cbegin(), (*run)->jobs.cend(),
                [&](const PipelineJob &j) { return j.id == QString::number(job.id); });
            QVERIFY(it != (*run)->jobs.cend());
            QCOMPARE(it->downstreamRunId, QString::number(job.downstreamRunId));
            QCOMPARE(it->downstreamSource,
                     job.name == "docs" ? platform : QStringLiteral("pfe-v2/pfe-charts"));
            ++linked;
        }
    }
    QVERIFY(linked >= 2);
    QVERIFY(children >= 1);
}

void tst_CiClientsSim::jenkinsFolderTreeAndBranchRuns()
{
    const auto tree = ask<QList<PipelineSourceNode>>(
        [&](auto h) { m_jenkins->sourceTree(QStringLiteral("pfe-v2"), this, h); });
    QVERIFY(tree && tree->ok());
    QStringList rows;
    for (const PipelineSourceNode &n : **tree)
        rows << QStringLiteral("%1 %2 %3 %4").arg(n.depth).arg(int(n.kind)).arg(n.source, n.name);
    QCOMPARE(rows, QStringList(
                       {"0 2 pfe-v2/pfe-application PFE application",
                        "0 1 pfe-v2/pfe-platform pfe-platform", "1 2 pfe-v2/pfe-platform/main main",
                        "1 2 pfe-v2/pfe-platform/develop develop",
                        "1 2 pfe-v2/pfe-platform/feature%2Flogin-page feature/login-page"}));
    // A Pipeline job holds no jobs; a branch job's runs are the engine's.
    const auto none
        = ask<QList<PipelineSourceNode>>([&](auto h) { m_jenkins->sourceTree(Pfe, this, h); });
    QVERIFY(none && none->ok() && (*none)->isEmpty());
    const QString branch = QStringLiteral("pfe-v2/pfe-platform/feature%2Flogin-page");
    const auto runs = ask<QList<PipelineRun>>(
        [&](auto h) { m_jenkins->runs(branch, PipelineRunFilter(), this, h); });
    QVERIFY(runs && runs->ok());
    const auto truth = m_jenkinsEngine->runs(branch.toStdString() + "/Jenkinsfile");
    QCOMPARE(qsizetype((*runs)->size()), qsizetype(truth.size()));
    QCOMPARE((*runs)->first().number, truth.front().number);
    const auto run
        = ask<PipelineRun>([&](auto h) { m_jenkins->run(branch, (*runs)->first().id, this, h); });
    QVERIFY2(run && run->ok(), qPrintable(errorText(run)));
    QCOMPARE((*run)->jobs.size(), 5); // Checkout, Lint, Test, Package, Release
}

QTEST_GUILESS_MAIN(tst_CiClientsSim)
#include "tst_ciclients_sim.moc"
