// SPDX-License-Identifier: GPL-3.0-or-later
// Orrery's GitHubClient (core/pipelines) against the simulated GitHub Enterprise Server
// (sim/github over sim/pipelines), over real HTTPS with the services front's CA and the token
// from GH_ENTERPRISE_TOKEN (GitHubCredentials): the PFE history lists across pages; a run's
// jobs carry exactly the needs the simulated engine runs them by (read from the workflow file
// at the run's commit, mapped onto matrix jobs); the ETag cache answers from 304s and the
// rate limit is visible; a workflow_dispatch run deploys staging, waits at the production
// environment (its job manual and Waiting), is approved through review() by its job and
// finishes; a finished job's log comes through the 302; cancel and rerun change a run; a
// wrong token is an AuthError that does not show the token.
//
// One in-process Simulator (pfe) at speed 30.
#include "front/servicefront.h"
#include "github/githubservice.h"
#include "pipelines/pipelineengine.h"
#include "simulator.h"

#include <inprocesssimulator.h>

#include "kube/httptransport.h"
#include "pipelines/githubclient.h"
#include "pipelines/githubcredentials.h"

#include <asyncanswer.h>
#include <eventloopwait.h>

#include <QtTest>

#include <memory>
#include <optional>

using namespace Orrery;

namespace {

const QString Pfe = QStringLiteral("pfe-v2/pfe-application");
const char *const Token = "orrery-sim-github";

using Orrery::Test::ask;

QString errorText(const Error &e)
{
    return e.toString();
}

} // namespace

class tst_GitHubClientSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsHistory();
    void jobsHaveTheEnginesNeeds();
    void etagAndRateLimit();
    void dispatchWaitApproveAndLog();
    void cancelAndRerun();
    void wrongTokenIsAuthError();

private:
    std::unique_ptr<HttpTransport> transport(const QString &token);
    bool waitFor(long long id, const std::function<bool(const Sim::SimRun &)> &condition);

    Orrery::Test::InProcessSimulator m_sim;
    Sim::PipelineEngine *m_engine = nullptr;
    QString m_base;
    QByteArray m_ca;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<GitHubClient> m_client;
};

void tst_GitHubClientSim::initTestCase()
{
    Sim::SimulatorOptions options;
    options.scenarios = {"pfe"};
    options.speed = 30;
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    auto *github = m_sim.service<Sim::GitHubService>("github");
    QVERIFY(github);
    m_engine = &github->engine();
    m_base = GitHubClient::apiBaseFor(m_sim.servicesUrl() + QStringLiteral("/api/v3"));
    m_ca = m_sim.servicesCaPem();
    m_transport = transport(QString::fromLatin1(Token));
    m_client = std::make_unique<GitHubClient>(m_transport.get());
}

void tst_GitHubClientSim::cleanupTestCase()
{
    m_client.reset();
    m_transport.reset();
    m_sim.stop();
}

std::unique_ptr<HttpTransport> tst_GitHubClientSim::transport(const QString &token)
{
    ClusterConnection c;
    c.server = m_base;
    c.certificateAuthorityPem = m_ca; // real TLS verification against the front's CA
    GitHubCredentials::Options options;
    options.environment = QProcessEnvironment();
    options.environment.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), token);
    options.ghProgram = QStringLiteral("/nonexistent/gh");
    c.credentials
        = std::make_shared<GitHubCredentials>(GitHubClient::hostOf(m_base), std::move(options));
    return std::make_unique<HttpTransport>(c);
}

bool tst_GitHubClientSim::waitFor(long long id,
                                  const std::function<bool(const Sim::SimRun &)> &condition)
{
    return Orrery::Test::waitUntil(
        [&] {
            const auto r = m_engine->run(id);
            return r && condition(*r);
        },
        60000);
}

void tst_GitHubClientSim::listsHistory()
{
    PipelineRunFilter filter;
    filter.limit = 100;
    const auto runs
        = ask<QList<PipelineRun>>([&](auto h) { m_client->runs(Pfe, filter, this, h); });
    QVERIFY(runs);
    QVERIFY2(runs->ok(), qPrintable(runs->ok() ? QString() : errorText(runs->error())));
    QCOMPARE((*runs)->size(), 24);
    int failed = 0;
    for (const PipelineRun &r : **runs) {
        QCOMPARE(r.source, Pfe);
        QCOMPARE(r.name, QStringLiteral("CI/CD Pipeline"));
        QCOMPARE(r.commitSha.size(), 40);
        QVERIFY(r.status == PipelineStatus::Succeeded || r.status == PipelineStatus::Failed);
        failed += r.status == PipelineStatus::Failed;
        QVERIFY(r.createdAt.isValid());
        QVERIFY(r.durationSeconds(QDateTime::currentDateTimeUtc()) >= 0);
    }
    QVERIFY(failed > 0 && failed < 24);
    // Newest first, across the simulator's pages (per_page 10: three pages).
    filter.limit = 25;
    const auto paged
        = ask<QList<PipelineRun>>([&](auto h) { m_client->runs(Pfe, filter, this, h); });
    QVERIFY(paged && paged->ok());
    QCOMPARE((*paged)->size(), 24);
    for (qsizetype i = 1; i < (*paged)->size(); ++i)
        QVERIFY((*paged)->at(i - 1).number > (*paged)->at(i).number);

    filter.status = PipelineStatus::Failed;
    const auto onlyFailed
        = ask<QList<PipelineRun>>([&](auto h) { m_client->runs(Pfe, filter, this, h); });
    QVERIFY(onlyFailed && onlyFailed->ok());
    QCOMPARE((*onlyFailed)->size(), failed);
}

void tst_GitHubClientSim::jobsHaveTheEnginesNeeds()
{
    PipelineRunFilter filter;
    filter.limit = 3;
    const auto runs
        = ask<QList<PipelineRun>>([&](auto h) { m_client->runs(Pfe, filter, this, h); });
    QVERIFY(runs && runs->ok() && !(*runs)->isEmpty());
    for (const PipelineRun &listed : **runs) {
        const auto run = ask<PipelineRun>([&](auto h) { m_client->run(Pfe, listed.id, this, h); });
        QVERIFY(run);
        QVERIFY2(run->ok(), qPrintable(run->ok() ? QString() : errorText(run->error())));
        const std::optional<Sim::SimRun> truth = m_engine->run(listed.id.toLongLong());
        QVERIFY(truth);
        QCOMPARE((*run)->jobs.size(), qsizetype(truth->jobs.size()));
        int withNeeds = 0;
        int grouped = 0;
        for (const Sim::SimJob &expected : truth->jobs) {
            const QString id = QString::number(expected.id);
            const auto it = std::find_if((*run)->jobs.cbegin(), (*run)->jobs.cend(),
                                         [&](const PipelineJob &j) { return j.id == id; });
            QVERIFY2(it != (*run)->jobs.cend(), qPrintable(id));
            QCOMPARE(it->name, QString::fromStdString(expected.name));
            QStringList needs;
            for (long long n : expected.needs)
                needs.append(QString::number(n));
            QStringList got = it->needs;
            needs.sort();
            got.sort();
            QVERIFY2(got == needs, qPrintable(it->name + QStringLiteral(": ") + got.join(',')
                                              + QStringLiteral(" != ") + needs.join(',')));
            QCOMPARE(it->environment, QString::fromStdString(expected.environment));
            withNeeds += needs.isEmpty() ? 0 : 1;
            grouped += it->group.isEmpty() ? 0 : 1;
            // A matrix job's group is its workflow name without the expression ("Deploy to
            // Staging", not "Deploy to Staging (${{ matrix.target }})"), the prefix of its
            // expanded name.
            QVERIFY2(!it->group.contains(QLatin1String("${{")), qPrintable(it->group));
            if (!it->group.isEmpty())
                QVERIFY2(it->name.startsWith(it->group + QLatin1String(" (")),
                         qPrintable(it->name + QStringLiteral(" / ") + it->group));
            QCOMPARE(it->steps.size(), qsizetype(expected.steps.size()));
        }
        QVERIFY(withNeeds > 0);
        QVERIFY(grouped > 0); // the PFE pipeline builds its three targets as a matrix
    }
}

void tst_GitHubClientSim::etagAndRateLimit()
{
    GitHubClient client(m_transport.get());
    PipelineRunFilter filter;
    filter.limit = 5;
    const auto first = ask<QList<PipelineRun>>([&](auto h) { client.runs(Pfe, filter, this, h); });
    QVERIFY(first && first->ok());
    const GitHubRateLimit rate = client.rateLimit();
    QVERIFY(rate.isValid());
    QVERIFY(rate.remaining < rate.limit);
    QVERIFY(rate.reset.isValid());
    const auto second = ask<QList<PipelineRun>>([&](auto h) { client.runs(Pfe, filter, this, h); });
    QVERIFY(second && second->ok());
    QCOMPARE(**second, **first);
    QCOMPARE(client.notModifiedCount(), 1);
}

void tst_GitHubClientSim::dispatchWaitApproveAndLog()
{
    PipelineRunFilter filter;
    filter.limit = 1;
    const auto before
        = ask<QList<PipelineRun>>([&](auto h) { m_client->runs(Pfe, filter, this, h); });
    QVERIFY(before && before->ok() && !(*before)->isEmpty());
    const int newest = (*before)->first().number;

    PipelineTrigger trigger;
    trigger.workflow = QStringLiteral("ci-cd.yml"); // ref: the default branch, asked first
    const auto started = ask<QString>([&](auto h) { m_client->trigger(Pfe, trigger, this, h); });
    QVERIFY(started);
    QVERIFY2(started->ok(), qPrintable(started->ok() ? QString() : errorText(started->error())));

    const auto after
        = ask<QList<PipelineRun>>([&](auto h) { m_client->runs(Pfe, filter, this, h); });
    QVERIFY(after && after->ok() && !(*after)->isEmpty());
    const PipelineRun dispatched = (*after)->first();
    QVERIFY(dispatched.number > newest);
    QCOMPARE(dispatched.event, QStringLiteral("workflow_dispatch"));
    QCOMPARE(dispatched.branch, QStringLiteral("main"));
    if (!(*started)->isEmpty())
        QCOMPARE(**started, dispatched.id);

    const long long id = dispatched.id.toLongLong();
    QVERIFY(waitFor(id, [](const Sim::SimRun &r) { return r.state == Sim::SimRunState::Waiting; }));
    const auto waiting
        = ask<PipelineRun>([&](auto h) { m_client->run(Pfe, dispatched.id, this, h); });
    QVERIFY(waiting && waiting->ok());
    QCOMPARE((*waiting)->status, PipelineStatus::Waiting);
    QString production;
    QString finishedJob;
    for (const PipelineJob &j : (*waiting)->jobs) {
        if (j.manual && j.status == PipelineStatus::Waiting) {
            QCOMPARE(j.environment, QStringLiteral("production"));
            production = j.id;
        }
        if (j.status == PipelineStatus::Succeeded && finishedJob.isEmpty())
            finishedJob = j.id;
    }
    QVERIFY2(!production.isEmpty(), "no job waits at the production environment");

    const auto pending = ask<QList<GitHubPendingDeployment>>(
        [&](auto h) { m_client->pendingDeployments(Pfe, dispatched.id, this, h); });
    QVERIFY(pending && pending->ok());
    QCOMPARE((*pending)->size(), 1);
    QCOMPARE((*pending)->first().environment, QStringLiteral("production"));

    // A finished job's log, through the API's 302 to the simulator's log URL.
    QVERIFY(!finishedJob.isEmpty());
    const auto log = ask<PipelineLogChunk>(
        [&](auto h) { m_client->jobLog(Pfe, dispatched.id, finishedJob, 0, this, h); });
    QVERIFY(log);
    QVERIFY2(log->ok(), qPrintable(log->ok() ? QString() : errorText(log->error())));
    QVERIFY(!(*log)->text.isEmpty());
    QVERIFY((*log)->complete);

    const auto approved = ask<void>([&](auto h) {
        m_client->review(Pfe, dispatched.id, production, true, QStringLiteral("Ship it"), this, h);
    });
    QVERIFY(approved);
    QVERIFY2(approved->ok(), qPrintable(approved->ok() ? QString() : errorText(approved->error())));
    QVERIFY(waitFor(id, [](const Sim::SimRun &r) { return r.state == Sim::SimRunState::Success; }));
    const auto done = ask<PipelineRun>([&](auto h) { m_client->run(Pfe, dispatched.id, this, h); });
    QVERIFY(done && done->ok());
    QCOMPARE((*done)->status, PipelineStatus::Succeeded);
    QVERIFY((*done)->finishedAt.isValid());

    const auto artifacts = ask<QList<GitHubArtifact>>(
        [&](auto h) { m_client->artifacts(Pfe, dispatched.id, this, h); });
    QVERIFY(artifacts && artifacts->ok());
    QCOMPARE((*artifacts)->size(), 3);
}

void tst_GitHubClientSim::cancelAndRerun()
{
    PipelineTrigger trigger;
    trigger.workflow = QStringLiteral("ci-cd.yml");
    trigger.ref = QStringLiteral("main");
    const auto started = ask<QString>([&](auto h) { m_client->trigger(Pfe, trigger, this, h); });
    QVERIFY(started && started->ok());
    PipelineRunFilter filter;
    filter.limit = 1;
    filter.event = QStringLiteral("workflow_dispatch");
    const auto runs
        = ask<QList<PipelineRun>>([&](auto h) { m_client->runs(Pfe, filter, this, h); });
    QVERIFY(runs && runs->ok() && !(*runs)->isEmpty());
    const QString id = (*runs)->first().id;
    QVERIFY(!pipelineStatusIsFinal((*runs)->first().status));

    const auto cancelled = ask<void>([&](auto h) { m_client->cancel(Pfe, id, this, h); });
    QVERIFY(cancelled);
    QVERIFY2(cancelled->ok(),
             qPrintable(cancelled->ok() ? QString() : errorText(cancelled->error())));
    QVERIFY(waitFor(id.toLongLong(),
                    [](const Sim::SimRun &r) { return r.state == Sim::SimRunState::Cancelled; }));
    // Cancelling a finished run is refused, in GitHub's words.
    const auto again = ask<void>([&](auto h) { m_client->cancel(Pfe, id, this, h); });
    QVERIFY(again && !again->ok());
    QVERIFY(again->error().httpStatus >= 400);

    const auto rerun = ask<void>([&](auto h) { m_client->rerun(Pfe, id, false, this, h); });
    QVERIFY(rerun);
    QVERIFY2(rerun->ok(), qPrintable(rerun->ok() ? QString() : errorText(rerun->error())));
    const auto attempt2 = ask<PipelineRun>([&](auto h) { m_client->run(Pfe, id, this, h); });
    QVERIFY(attempt2 && attempt2->ok());
    QCOMPARE((*attempt2)->attempt, 2);
    QVERIFY(m_engine->cancel(id.toLongLong(), nullptr));
}

void tst_GitHubClientSim::wrongTokenIsAuthError()
{
    const QString wrong = QStringLiteral("ghp_wrong_token_1234");
    std::unique_ptr<HttpTransport> t = transport(wrong);
    const GitHubClient client(t.get());
    PipelineRunFilter filter;
    const auto runs = ask<QList<PipelineRun>>([&](auto h) { client.runs(Pfe, filter, this, h); });
    QVERIFY(runs && !runs->ok());
    QCOMPARE(runs->error().code, Error::Code::AuthError);
    QCOMPARE(runs->error().httpStatus, 401);
    QVERIFY(!errorText(runs->error()).contains(wrong));
}

QTEST_GUILESS_MAIN(tst_GitHubClientSim)
#include "tst_githubclient_sim.moc"
