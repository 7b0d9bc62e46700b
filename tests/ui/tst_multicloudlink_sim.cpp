// SPDX-License-Identifier: GPL-3.0-or-later
// Pipeline → image → PaaS box on the App topology page, against the simulated services
// (multicloud): a Deploy run of acme/platform is started; once its `flyctl deploy` step has
// made a new release of acme-edge-staging, the page (reading the app through FlyAccount, as
// the app does) shows "deployed by run #N" (or "rolling out from run #N") under the staging
// machine and its process group, a click on the pill emits pipelineRunRequested with the run,
// and the run diagram's Fly.io deploy job names the app it deployed. After the run's automatic
// rollback the pill goes. The Railway service's deployment is linked the same way (the
// diagram's Railway job names it). With ORRERY_PIPELINE_SCREENSHOTS=DIR the page and the diagram
// are saved there as multicloud-run-link.png (docs/screenshots).
//
// One in-process Simulator (multicloud) at speed 40.
#include "eventloopwait.h"

#include <apptopologynodeitem.h>
#include <apptopologypage.h>
#include <apptopologyscene.h>
#include <cloud/flyaccount.h>
#include <cloud/railwayaccount.h>
#include <front/servicefront.h>
#include <github/githubservice.h>
#include <kube/httptransport.h>
#include <pipelineimagelinker.h>
#include <pipelinerunmodel.h>
#include <pipelines/githubclient.h>
#include <pipelines/githubcredentials.h>
#include <pipelines/pipelineengine.h>
#include <pipelinescene.h>
#include <simulator.h>

#include <QApplication>
#include <QDir>
#include <QGraphicsView>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

const QString s_repo = QStringLiteral("acme/platform");

} // namespace

class TestMulticloudLinkSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pillOnTheFlyMachineOpensTheRun();

private:
    std::optional<PipelineRun> readRun(long long id);

    std::unique_ptr<Sim::Simulator> m_sim;
    Sim::PipelineEngine *m_engine = nullptr;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<GitHubClient> m_github;
    std::unique_ptr<FlyAccount> m_fly;
    std::unique_ptr<RailwayAccount> m_railway;
};

void TestMulticloudLinkSim::initTestCase()
{
    Sim::SimulatorOptions options;
    options.scenarios = {"multicloud"};
    options.speed = 40;
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    auto *github = dynamic_cast<Sim::GitHubService *>(m_sim->services()->service("github"));
    QVERIFY(github);
    m_engine = &github->engine();
    const QString url = QString::fromStdString(m_sim->servicesUrl());
    const QByteArray ca = QByteArray::fromStdString(m_sim->servicesCaCertificate());

    ClusterConnection c;
    c.server = GitHubClient::apiBaseFor(url + QStringLiteral("/api/v3"));
    c.certificateAuthorityPem = ca;
    GitHubCredentials::Options credentials;
    credentials.environment.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"),
                                   QStringLiteral("orrery-sim-github"));
    credentials.ghProgram = QStringLiteral("/nonexistent/gh");
    c.credentials = std::make_shared<GitHubCredentials>(GitHubClient::hostOf(c.server),
                                                        std::move(credentials));
    m_transport = std::make_unique<HttpTransport>(c);
    m_github = std::make_unique<GitHubClient>(m_transport.get());

    FlyAccount::Options fly;
    fly.endpoints = {QUrl(url + QStringLiteral("/fly")), QUrl(url + QStringLiteral("/fly")), ca};
    fly.token = "fo1_orrery-sim-multicloud-fly";
    m_fly = std::make_unique<FlyAccount>(fly);
    RailwayAccount::Credentials railway;
    railway.token = "orrery-sim-railway";
    m_railway = std::make_unique<RailwayAccount>(
        RailwayClient::Endpoint{QUrl(url + QStringLiteral("/railway/graphql/v2")), ca}, railway);
}

void TestMulticloudLinkSim::cleanupTestCase()
{
    m_github.reset();
    m_transport.reset();
    m_fly.reset();
    m_railway.reset();
    m_sim->stop();
}

std::optional<PipelineRun> TestMulticloudLinkSim::readRun(long long id)
{
    std::optional<Result<PipelineRun>> out;
    m_github->run(s_repo, QString::number(id), this,
                  [&out](const Result<PipelineRun> &r) { out = r; });
    if (!waitUntil([&] { return out.has_value(); }, 20000) || !out->ok())
        return std::nullopt;
    return out->value();
}

void TestMulticloudLinkSim::pillOnTheFlyMachineOpensTheRun()
{
    std::string error;
    const auto id = m_engine->trigger(s_repo.toStdString() + "/.github/workflows/deploy.yml",
                                      "main", "workflow_dispatch", "lucas-ops", {}, &error);
    QVERIFY2(id, error.c_str());
    // Both platform deploys are done when the run waits for the production review.
    QVERIFY(waitUntil(
        [&] {
            const auto r = m_engine->run(*id);
            return r && r->state == Sim::SimRunState::Waiting;
        },
        30000));
    const std::optional<PipelineRun> run = readRun(*id);
    QVERIFY(run);

    PipelineImageLinker linker;
    linker.updateRuns({*run});
    AppTopologyPage page;
    page.resize(1180, 560);
    page.setPipelineLinker(&linker);
    QSignalSpy loaded(&page, &AppTopologyPage::loaded);
    CloudResource app;
    app.kind = CloudResource::Kind::App;
    app.provider = QStringLiteral("fly");
    app.name = app.ref = QStringLiteral("acme-edge-staging");
    FlyAccount *fly = m_fly.get();
    page.setApp(QStringLiteral("acme-edge-staging \u00b7 Fly.io"),
                [fly, app](std::function<void(const Result<AppTopology> &)> done) {
                    fly->appTopology(app, std::move(done));
                },
                {});
    page.show();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.first().first().toBool(), true);

    // The staging machine (and its process group) run the run's image: both carry the pill.
    const AppTopology &t = page.scene()->topology();
    QString machineId, groupId;
    for (const AppNode &n : t.nodes) {
        if (n.kind == AppNode::Kind::Instance)
            machineId = n.id;
        if (n.kind == AppNode::Kind::Group)
            groupId = n.id;
    }
    QVERIFY(!machineId.isEmpty() && !groupId.isEmpty());
    const QString runText = QStringLiteral("run #%1").arg(run->number);
    AppTopologyNodeItem *machine = page.scene()->item(machineId);
    QVERIFY(machine);
    QVERIFY2(machine->pipelineBadge().text.contains(runText),
             qPrintable(machine->pipelineBadge().text));
    QVERIFY2(machine->pipelineBadge().text.contains(run->commitSha.left(7)),
             qPrintable(machine->pipelineBadge().text));
    QVERIFY(page.scene()->item(groupId)->pipelineBadge().text.contains(runText));
    QVERIFY(page.pipelineLink(machineId).has_value());
    QCOMPARE(page.pipelineLink(machineId)->evidence, ImageLinkEvidence::Revision);

    // A click on the pill asks for the run.
    QSignalSpy requested(&page, &AppTopologyPage::pipelineRunRequested);
    page.view()->ensureVisible(machine->pipelineBadgeRect());
    QApplication::processEvents();
    const QPoint onPill = page.view()->mapFromScene(machine->pipelineBadgeRect().center());
    QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, onPill);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).value<PipelineProvider>(), PipelineProvider::GitHub);
    QCOMPARE(requested.first().at(1).toString(), s_repo);
    QCOMPARE(requested.first().at(2).toString(), run->id);

    // The Railway service the run deployed, read as its App topology page would.
    std::optional<Result<CloudDiscovery>> found;
    m_railway->discover([&found](const Result<CloudDiscovery> &r) { found = r; });
    QVERIFY(waitUntil([&] { return found.has_value(); }, 20000));
    QVERIFY(found->ok());
    CloudResource service;
    for (const CloudResource &r : found->value().resources)
        if (r.name == QLatin1String("api-gateway") && r.group.contains(QLatin1String("production")))
            service = r;
    std::optional<Result<AppTopology>> railway;
    m_railway->appTopology(service, [&railway](const Result<AppTopology> &r) { railway = r; });
    QVERIFY(waitUntil([&] { return railway.has_value(); }, 20000));
    QVERIFY(railway->ok());
    linker.setAppTopology(railway->value());

    // The other way: the run diagram's deploy jobs name the app and the service.
    PipelineRunModel model;
    model.setRun(*run);
    PipelineScene scene;
    scene.setModel(&model);
    scene.setNow(run->updatedAt.isValid() ? run->updatedAt : QDateTime::currentDateTimeUtc());
    scene.setJobTargets(
        platformTargetsByJob(*run, linker.linksOfRun(run->provider, run->source, run->id)));
    QString flyJob, railwayJob;
    for (const PipelineJob &job : run->jobs) {
        if (job.name == QLatin1String("Deploy staging (Fly.io)"))
            flyJob = job.id;
        if (job.name == QLatin1String("Deploy (Railway)"))
            railwayJob = job.id;
    }
    QCOMPARE(scene.jobTargets(flyJob),
             QStringList{QStringLiteral("\u2192 Fly.io: acme-edge-staging")});
    QCOMPARE(
        scene.jobTargets(railwayJob),
        QStringList{QStringLiteral("\u2192 Railway: api-gateway (acme-platform / production)")});

    const QString screenshots = qEnvironmentVariable("ORRERY_PIPELINE_SCREENSHOTS");
    if (!screenshots.isEmpty()) {
        // The app page over the run's diagram, as one picture.
        page.view()->centerOn(page.scene()->sceneRect().topLeft());
        QApplication::processEvents();
        const QPixmap top = page.grab();
        QGraphicsView diagram(&scene);
        diagram.setRenderHint(QPainter::Antialiasing);
        diagram.resize(page.width(), 330);
        diagram.show();
        diagram.centerOn(scene.itemsBoundingRect().topLeft());
        QApplication::processEvents();
        const QPixmap bottom = diagram.grab();
        QPixmap both(top.width(), top.height() + bottom.height());
        both.fill(Qt::white);
        QPainter painter(&both);
        painter.drawPixmap(0, 0, top);
        painter.drawPixmap(0, top.height(), bottom);
        painter.end();
        QVERIFY(both.save(QDir(screenshots).filePath(QStringLiteral("multicloud-run-link.png"))));
    }

    // After the review the run fails its health checks and rolls back: the staging machine
    // runs v117's image again, and the pill goes.
    const std::optional<Sim::SimRun> waiting = m_engine->run(*id);
    QVERIFY(waiting);
    for (const Sim::SimJob &j : waiting->jobs)
        if (j.waitingApproval)
            QVERIFY2(m_engine->review(*id, j.id, true, "lucas-ops", &error), error.c_str());
    QVERIFY(waitUntil(
        [&] {
            const auto r = m_engine->run(*id);
            return r && r->state == Sim::SimRunState::Failure;
        },
        30000));
    loaded.clear();
    page.refresh();
    QVERIFY(loaded.wait(20000));
    QVERIFY(waitUntil([&] { return !page.pipelineLink(machineId).has_value(); }, 5000));
    QVERIFY(page.scene()->item(machineId)->pipelineBadge().text.isEmpty());
}

QTEST_MAIN(TestMulticloudLinkSim)
#include "tst_multicloudlink_sim.moc"
