// SPDX-License-Identifier: GPL-3.0-or-later
// The multi-cloud seed's pipeline (seed 001) end to end in one simulator: a workflow_dispatch
// sent by Debian's `gh` (GitHub Enterprise mode) starts acme/platform's Deploy workflow; its
// `flyctl deploy` step makes a new release of the Fly.io app acme-edge-staging and its
// `railway up` step a new deployment of the Railway service api-gateway, both read back by
// Orrery's own FlyAccount and RailwayAccount over HTTPS (the image, and the run's commit as
// the image's revision); Orrery links those boxes to the run its GitHubClient reads
// (ImageLinkWorkload::fromAppTopology, platformTargetsByJob). After the review, the health
// checks fail on the crashing release and the automatic rollback deploys the previous healthy
// images again on both platforms; gh sees the failed run with its successful rollback.
//
// One in-process Simulator (multicloud only) at speed 40: about 5 s.
#include "front/servicefront.h"
#include "github/githubservice.h"
#include "pipelines/pipelineengine.h"
#include "simulator.h"

#include <inprocesssimulator.h>

#include "cloud/flyaccount.h"
#include "cloud/railwayaccount.h"
#include "kube/httptransport.h"
#include "pipelines/githubclient.h"
#include "pipelines/githubcredentials.h"
#include "pipelines/imagelink.h"

#include <asyncanswer.h>
#include <eventloopwait.h>

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

#include <memory>

using namespace Orrery;
using json = nlohmann::json;
using Orrery::Test::ask;

namespace {

const QString s_repo = QStringLiteral("acme/platform");
const char *const s_githubToken = "orrery-sim-github";

} // namespace

class tst_MulticloudPipelineSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void deploysToFlyAndRailwayThenRollsBack();

private:
    json gh(const QStringList &args, bool *ok = nullptr);
    bool waitFor(long long id, const std::function<bool(const Sim::SimRun &)> &condition);
    std::optional<AppTopology> flyStaging();
    std::optional<AppTopology> railwayProduction();
    static const AppNode *nodeWithRevision(const AppTopology &t, AppNode::Kind kind,
                                           const QString &revision);
    // The image of the service's newest deployment (an environment's releases are all its
    // services', newest first, each described "service · reason · message").
    static QString newestImageOf(const AppTopology &t, const QString &service);

    Orrery::Test::InProcessSimulator m_sim;
    Sim::PipelineEngine *m_engine = nullptr;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<GitHubClient> m_github;
    std::unique_ptr<FlyAccount> m_fly;
    std::unique_ptr<RailwayAccount> m_railway;
    CloudResource m_railwayApp;
};

void tst_MulticloudPipelineSim::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("gh")).isEmpty())
        QFAIL("the gh CLI is not installed (Debian package gh, see scripts/deps.sh)");
    Sim::SimulatorOptions options;
    options.scenarios = {"multicloud"};
    options.speed = 40;
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    auto *github = m_sim.service<Sim::GitHubService>("github");
    QVERIFY(github);
    m_engine = &github->engine();

    ClusterConnection c;
    c.server = GitHubClient::apiBaseFor(m_sim.servicesUrl() + QStringLiteral("/api/v3"));
    c.certificateAuthorityPem = m_sim.servicesCaPem();
    GitHubCredentials::Options credentials;
    credentials.environment.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"),
                                   QString::fromLatin1(s_githubToken));
    credentials.ghProgram = QStringLiteral("/nonexistent/gh");
    c.credentials = std::make_shared<GitHubCredentials>(GitHubClient::hostOf(c.server),
                                                        std::move(credentials));
    m_transport = std::make_unique<HttpTransport>(c);
    m_github = std::make_unique<GitHubClient>(m_transport.get());

    const QString fly = m_sim.servicesUrl() + QStringLiteral("/fly");
    FlyAccount::Options flyOptions;
    flyOptions.endpoints = {QUrl(fly), QUrl(fly), m_sim.servicesCaPem()};
    flyOptions.token = "fo1_orrery-sim-multicloud-fly";
    m_fly = std::make_unique<FlyAccount>(flyOptions);

    RailwayAccount::Credentials railway;
    railway.token = "orrery-sim-railway";
    m_railway = std::make_unique<RailwayAccount>(
        RailwayClient::Endpoint{QUrl(m_sim.servicesUrl() + QStringLiteral("/railway/graphql/v2")),
                                m_sim.servicesCaPem()},
        railway);
    const auto found = ask<CloudDiscovery>([&](auto done) { m_railway->discover(done); }, 20000);
    QVERIFY(found && found->ok());
    for (const CloudResource &r : found->value().resources)
        if (r.name == QLatin1String("api-gateway") && r.group.contains(QLatin1String("production")))
            m_railwayApp = r;
    QVERIFY2(!m_railwayApp.ref.isEmpty(), "the Railway service api-gateway (production)");
}

void tst_MulticloudPipelineSim::cleanupTestCase()
{
    m_github.reset();
    m_transport.reset();
    m_fly.reset();
    m_railway.reset();
    m_sim.stop();
}

json tst_MulticloudPipelineSim::gh(const QStringList &args, bool *ok)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN",
                          "GITHUB_ENTERPRISE_TOKEN", "GH_REPO", "GH_DEBUG"})
        env.remove(QString::fromLatin1(v));
    env.insert(QStringLiteral("GH_HOST"), m_sim.servicesUrl().mid(8)); // after https://
    env.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), QString::fromLatin1(s_githubToken));
    env.insert(QStringLiteral("SSL_CERT_FILE"), m_sim.servicesCaFile());
    env.insert(QStringLiteral("HOME"), m_sim.directory());
    env.insert(QStringLiteral("GH_CONFIG_DIR"), m_sim.path(QStringLiteral("gh-config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_sim.path(QStringLiteral("cache")));
    env.insert(QStringLiteral("GH_PROMPT_DISABLED"), QStringLiteral("1"));
    env.insert(QStringLiteral("GH_NO_UPDATE_NOTIFIER"), QStringLiteral("1"));
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("gh"), args);
    const bool finished = p.waitForFinished(60000);
    if (!finished)
        p.kill();
    const bool good = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!good)
        qInfo().noquote() << "gh" << args.join(' ') << p.readAllStandardError();
    if (ok)
        *ok = good;
    const QByteArray out = p.readAllStandardOutput();
    return good && !out.trimmed().isEmpty() ? json::parse(out.toStdString(), nullptr, false)
                                            : json();
}

bool tst_MulticloudPipelineSim::waitFor(long long id,
                                        const std::function<bool(const Sim::SimRun &)> &condition)
{
    return Orrery::Test::waitUntil(
        [&] {
            const auto r = m_engine->run(id);
            return r && condition(*r);
        },
        30000);
}

std::optional<AppTopology> tst_MulticloudPipelineSim::flyStaging()
{
    CloudResource app;
    app.kind = CloudResource::Kind::App;
    app.provider = QStringLiteral("fly");
    app.name = app.ref = QStringLiteral("acme-edge-staging");
    const auto t = ask<AppTopology>([&](auto done) { m_fly->appTopology(app, done); }, 20000);
    if (!t || !t->ok())
        return std::nullopt;
    return t->value();
}

std::optional<AppTopology> tst_MulticloudPipelineSim::railwayProduction()
{
    const auto t
        = ask<AppTopology>([&](auto done) { m_railway->appTopology(m_railwayApp, done); }, 20000);
    if (!t || !t->ok())
        return std::nullopt;
    return t->value();
}

const AppNode *tst_MulticloudPipelineSim::nodeWithRevision(const AppTopology &t, AppNode::Kind kind,
                                                           const QString &revision)
{
    for (const AppNode &n : t.nodes)
        if (n.kind == kind && n.revision == revision)
            return &n;
    return nullptr;
}

QString tst_MulticloudPipelineSim::newestImageOf(const AppTopology &t, const QString &service)
{
    for (const AppRelease &r : t.releases)
        if (r.description == service
            || r.description.startsWith(service + QStringLiteral(" \u00b7")))
            return r.image;
    return QString();
}

void tst_MulticloudPipelineSim::deploysToFlyAndRailwayThenRollsBack()
{
    // Before: Fly staging runs v117 (1.9.0-rc.3); Railway's api-gateway last deployed 2.4.0.
    std::optional<AppTopology> fly = flyStaging();
    QVERIFY(fly && !fly->releases.isEmpty());
    QCOMPARE(fly->releases.first().image, QStringLiteral("ghcr.io/acme/edge:1.9.0-rc.3"));
    std::optional<AppTopology> railway = railwayProduction();
    QVERIFY(railway);
    QCOMPARE(newestImageOf(*railway, QStringLiteral("api-gateway")),
             QStringLiteral("ghcr.io/acme/api-gateway:2.4.0"));

    // workflow_dispatch as gh sends it; the newest run is the one just dispatched.
    bool ok = false;
    gh({"workflow", "run", "deploy.yml", "-R", s_repo, "--ref", "main"}, &ok);
    QVERIFY(ok);
    const json listed = gh({"run", "list", "-R", s_repo, "--json", "databaseId,event", "-L", "1"});
    QVERIFY(listed.is_array() && listed.size() == 1);
    QCOMPARE(listed[0].value("event", ""), std::string("workflow_dispatch"));
    const long long id = listed[0].value("databaseId", 0LL);
    QVERIFY(id > 0);

    // Both platform deploys are done when the run waits for the production review.
    QVERIFY(waitFor(id, [](const Sim::SimRun &r) { return r.state == Sim::SimRunState::Waiting; }));
    const Sim::SimRun waiting = *m_engine->run(id);
    const QString sha = QString::fromStdString(waiting.sha);
    const QString image
        = QStringLiteral("ghcr.io/acme/api-gateway:2.5.0-rc.%1").arg(waiting.number);

    fly = flyStaging();
    QVERIFY(fly);
    QCOMPARE(fly->releases.first().image, image);
    QCOMPARE(fly->releases.first().version, QStringLiteral("v118"));
    const AppNode *machine = nodeWithRevision(*fly, AppNode::Kind::Instance, sha);
    QVERIFY2(machine, "the staging machine runs the run's image, labelled with its commit");
    QCOMPARE(machine->image, image);
    railway = railwayProduction();
    QVERIFY(railway);
    QCOMPARE(newestImageOf(*railway, QStringLiteral("api-gateway")), image);
    const AppNode *deployment = nodeWithRevision(*railway, AppNode::Kind::Instance, sha);
    QVERIFY2(deployment, "the new Railway deployment carries the run's commit");
    QCOMPARE(deployment->image, image);

    // Orrery's side: the run as GitHubClient reads it is linked to both platforms' boxes, and
    // its deploy jobs say where they deployed.
    const auto run = ask<PipelineRun>(
        [&](auto done) { m_github->run(s_repo, QString::number(id), this, done); });
    QVERIFY(run && run->ok());
    QCOMPARE(run->value().commitSha, sha);
    ImageLinkIndex index;
    index.upsertRun(run->value());
    for (const AppTopology &t : {*fly, *railway})
        for (const ImageLinkWorkload &w : ImageLinkWorkload::fromAppTopology(t))
            index.upsertWorkload(w);
    const QList<ImageLink> links
        = index.linksOfRun(PipelineProvider::GitHub, s_repo, QString::number(id));
    QStringList kinds;
    for (const ImageLink &l : links) {
        QCOMPARE(l.evidence, ImageLinkEvidence::Revision);
        QCOMPARE(l.runNumber, waiting.number);
        kinds << l.workload.kind;
    }
    QVERIFY2(kinds.contains(QStringLiteral("FlyMachine")), qPrintable(kinds.join(' ')));
    QVERIFY2(kinds.contains(QStringLiteral("RailwayDeployment")), qPrintable(kinds.join(' ')));
    const QHash<QString, QStringList> targets = platformTargetsByJob(run->value(), links);
    QStringList shown;
    for (const PipelineJob &job : run->value().jobs)
        for (const QString &line : targets.value(job.id))
            shown << job.name + QStringLiteral(": ") + line;
    QVERIFY2(
        shown.contains(QStringLiteral("Deploy staging (Fly.io): \u2192 Fly.io: acme-edge-staging")),
        qPrintable(shown.join('\n')));
    QVERIFY2(shown.contains(QStringLiteral(
                 "Deploy (Railway): \u2192 Railway: api-gateway (acme-platform / production)")),
             qPrintable(shown.join('\n')));
    QCOMPARE(shown.size(), 2); // no other job names Fly.io or Railway

    // The review, then the health checks fail on the crashing release and the rollback job
    // deploys the previous healthy images again.
    const QString pendingPath
        = QStringLiteral("repos/%1/actions/runs/%2/pending_deployments").arg(s_repo).arg(id);
    const json pending = gh({"api", pendingPath});
    QVERIFY2(pending.is_array() && pending.size() == 1, pending.dump().c_str());
    gh({"api", "-X", "POST", pendingPath, "-F",
        QStringLiteral("environment_ids[]=%1").arg(pending[0]["environment"].value("id", 0LL)),
        "-f", "state=approved"},
       &ok);
    QVERIFY(ok);
    QVERIFY(waitFor(id, [](const Sim::SimRun &r) { return r.state == Sim::SimRunState::Failure; }));
    const Sim::SimRun done = *m_engine->run(id);
    for (const Sim::SimJob &j : done.jobs) {
        if (j.name == "Post-deployment health checks") {
            QCOMPARE(int(j.state), int(Sim::SimRunState::Failure));
            QVERIFY2(j.log.find("acme-edge-staging v118") != std::string::npos, j.log.c_str());
            QVERIFY2(j.log.find("CRASHED") != std::string::npos, j.log.c_str());
        } else if (j.name == "Automatic rollback") {
            QCOMPARE(int(j.state), int(Sim::SimRunState::Success));
            QVERIFY2(j.log.find("Rolling back acme-edge-staging to v117") != std::string::npos,
                     j.log.c_str());
        } else if (j.name == "Deploy (Railway)") {
            QVERIFY2(j.log.find("railway up --service acme-platform/production/api-gateway")
                         != std::string::npos,
                     j.log.c_str());
        }
    }

    fly = flyStaging();
    QVERIFY(fly);
    QCOMPARE(fly->releases.first().version, QStringLiteral("v119"));
    QCOMPARE(fly->releases.first().image, QStringLiteral("ghcr.io/acme/edge:1.9.0-rc.3"));
    QVERIFY(!nodeWithRevision(*fly, AppNode::Kind::Instance, sha));
    railway = railwayProduction();
    QVERIFY(railway);
    // 2.4.0 crashes too: the rollback goes to the last healthy deployment, 2.3.1.
    QCOMPARE(newestImageOf(*railway, QStringLiteral("api-gateway")),
             QStringLiteral("ghcr.io/acme/api-gateway:2.3.1"));

    const json view
        = gh({"run", "view", QString::number(id), "-R", s_repo, "--json", "conclusion,jobs"});
    QCOMPARE(view.value("conclusion", ""), std::string("failure"));
    QStringList conclusions;
    for (const json &j : view.value("jobs", json::array()))
        conclusions << QString::fromStdString(j.value("name", "") + "="
                                              + j.value("conclusion", ""));
    QVERIFY2(conclusions.contains(QStringLiteral("Deploy staging (Fly.io)=success")),
             qPrintable(conclusions.join(' ')));
    QVERIFY2(conclusions.contains(QStringLiteral("Deploy (Railway)=success")),
             qPrintable(conclusions.join(' ')));
    QVERIFY2(conclusions.contains(QStringLiteral("Post-deployment health checks=failure")),
             qPrintable(conclusions.join(' ')));
    QVERIFY2(conclusions.contains(QStringLiteral("Automatic rollback=success")),
             qPrintable(conclusions.join(' ')));
}

QTEST_GUILESS_MAIN(tst_MulticloudPipelineSim)
#include "tst_multicloudpipeline_sim.moc"
