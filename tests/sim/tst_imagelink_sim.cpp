// SPDX-License-Identifier: GPL-3.0-or-later
// Pipeline → image → workload end to end: the PFE pipeline's run is started through
// GitHubClient on the simulated GitHub, its pushed images are set on the staging Deployments
// by its deploy job, a ClusterSession follows the cluster, and the link rule (ImageLinkIndex,
// default rule: sha-${short_sha}) says the staging backend-spring Deployment was deployed by
// that run (not by the earlier push run of the same commit, nor by any history run), and the
// run's images run on the staging backend-spring and frontend Deployments.
//
// One in-process Simulator (pfe) at speed 30.
#include "front/servicefront.h"
#include "github/githubservice.h"
#include "pipelines/pipelineengine.h"
#include "simulator.h"

#include <inprocesssimulator.h>

#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"
#include "pipelines/githubclient.h"
#include "pipelines/githubcredentials.h"
#include "pipelines/imagelink.h"

#include <asyncanswer.h>
#include <eventloopwait.h>

#include <QtTest>

#include <memory>
#include <optional>

using namespace Orrery;

namespace {

const QString Pfe = QStringLiteral("pfe-v2/pfe-application");

using Orrery::Test::ask;

} // namespace

class tst_ImageLinkSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void runDeploysStaging();

private:
    // Every workload of the session's store, as the link rule sees it.
    void feedWorkloads(ImageLinkIndex &index) const;

    Orrery::Test::InProcessSimulator m_sim;
    Sim::PipelineEngine *m_engine = nullptr;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<GitHubClient> m_client;
    std::unique_ptr<ClusterSession> m_session;
    QString m_context;
};

void tst_ImageLinkSim::initTestCase()
{
    Sim::SimulatorOptions options;
    options.scenarios = {"pfe"};
    options.speed = 30;
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    auto *github = m_sim.service<Sim::GitHubService>("github");
    QVERIFY(github);
    m_engine = &github->engine();

    const QString base = GitHubClient::apiBaseFor(m_sim.servicesUrl() + QStringLiteral("/api/v3"));
    ClusterConnection c;
    c.server = base;
    c.certificateAuthorityPem = m_sim.servicesCaPem();
    GitHubCredentials::Options credentials;
    credentials.environment = QProcessEnvironment();
    credentials.environment.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"),
                                   QStringLiteral("orrery-sim-github"));
    credentials.ghProgram = QStringLiteral("/nonexistent/gh");
    c.credentials
        = std::make_shared<GitHubCredentials>(GitHubClient::hostOf(base), std::move(credentials));
    m_transport = std::make_unique<HttpTransport>(c);
    m_client = std::make_unique<GitHubClient>(m_transport.get());

    m_context = QString::fromStdString(m_sim.simulator().contextNames().front());
    Result<ClusterConnection> cluster
        = Kubeconfig::load(m_sim.kubeconfigFile()).connection(m_context);
    QVERIFY2(cluster.ok(), qPrintable(cluster.ok() ? QString() : cluster.error().toString()));
    m_session = std::make_unique<ClusterSession>(cluster.value());
    QSignalSpy synced(m_session.get(), &ClusterSession::synced);
    m_session->start();
    QVERIFY(synced.wait(60000) || !synced.isEmpty());
}

void tst_ImageLinkSim::cleanupTestCase()
{
    m_session.reset();
    m_client.reset();
    m_transport.reset();
    m_sim.stop();
}

void tst_ImageLinkSim::feedWorkloads(ImageLinkIndex &index) const
{
    ResourceStore *store = m_session->store();
    for (const Kind kind : {Kind::Deployment, Kind::StatefulSet, Kind::DaemonSet})
        for (const KubeObjectPtr &o : store->objects(kind))
            if (auto w = ImageLinkWorkload::fromObject(m_context, *o,
                                                       store->objects(Kind::Pod, o->namespaceName)))
                index.upsertWorkload(*w);
}

void tst_ImageLinkSim::runDeploysStaging()
{
    PipelineRunFilter filter;
    filter.limit = 100;
    const auto history
        = ask<QList<PipelineRun>>([&](auto h) { m_client->runs(Pfe, filter, this, h); });
    QVERIFY(history && history->ok());

    // Before: the history's images are not what the cluster runs (1.0.0, 1.1.0-rc.1 tags).
    ImageLinkIndex before;
    for (const PipelineRun &r : **history)
        before.upsertRun(r);
    feedWorkloads(before);
    QVERIFY(before.workloadCount() > 5);
    QVERIFY2(before.links().isEmpty(), qPrintable(before.links().value(0).describe({})));

    PipelineTrigger trigger;
    trigger.workflow = QStringLiteral("ci-cd.yml");
    const auto started = ask<QString>([&](auto h) { m_client->trigger(Pfe, trigger, this, h); });
    QVERIFY(started && started->ok());
    filter.limit = 1;
    const auto newest
        = ask<QList<PipelineRun>>([&](auto h) { m_client->runs(Pfe, filter, this, h); });
    QVERIFY(newest && newest->ok() && !(*newest)->isEmpty());
    const PipelineRun dispatched = (*newest)->first();
    QCOMPARE(dispatched.event, QStringLiteral("workflow_dispatch"));
    QCOMPARE(dispatched.commitSha.size(), 40);

    // Its staging deploy sets the pushed image; production waits for a review.
    QVERIFY(Orrery::Test::waitUntil(
        [&] {
            const auto r = m_engine->run(dispatched.id.toLongLong());
            return r && r->state == Sim::SimRunState::Waiting;
        },
        60000));
    const QString pushed
        = QStringLiteral("ghcr.io/pfe-v2/backend-spring:sha-") + dispatched.commitSha.left(7);
    const auto done = ask<PipelineRun>([&](auto h) { m_client->run(Pfe, dispatched.id, this, h); });
    QVERIFY(done && done->ok());
    QCOMPARE((*done)->commitSha, dispatched.commitSha);
    const auto artifacts = ask<QList<GitHubArtifact>>(
        [&](auto h) { m_client->artifacts(Pfe, dispatched.id, this, h); });
    QVERIFY(artifacts && artifacts->ok());
    QStringList artifactNames;
    for (const GitHubArtifact &a : **artifacts)
        artifactNames << a.name;
    // The run says it pushed the image the Deployment is about to run.
    QVERIFY2(artifactNames.contains(QStringLiteral("image-backend-spring-sha-")
                                    + dispatched.commitSha.left(7)),
             qPrintable(artifactNames.join(", ")));

    // The cluster follows: the staging Deployment's image is the run's, rolled out.
    ResourceStore *store = m_session->store();
    const WorkloadKey backend{m_context, QStringLiteral("staging"), QStringLiteral("Deployment"),
                              QStringLiteral("backend-spring")};
    QVERIFY(Orrery::Test::waitUntil(
        [&] {
            const KubeObjectPtr d = store->object(Kind::Deployment, "staging", "backend-spring");
            const auto w = d ? ImageLinkWorkload::fromObject(m_context, *d,
                                                             store->objects(Kind::Pod, "staging"))
                             : std::nullopt;
            return w && w->images == QStringList{pushed} && !w->rollingOut
                   && !w->runningIds.isEmpty();
        },
        60000));

    // The whole history plus the new run, in any order: the Deployment was deployed by it.
    const auto all = ask<QList<PipelineRun>>(
        [&](auto h) { m_client->runs(Pfe, PipelineRunFilter{}, this, h); });
    QVERIFY(all && all->ok());
    ImageLinkIndex index;
    feedWorkloads(index);
    for (const PipelineRun &r : **all)
        index.upsertRun(r);
    const auto link = index.linkOf(backend);
    QVERIFY(link);
    QCOMPARE(link->runNumber, dispatched.number);
    QCOMPARE(link->runId, dispatched.id);
    QCOMPARE(link->source, Pfe);
    QCOMPARE(link->provider, PipelineProvider::GitHub);
    QCOMPARE(link->image, pushed);
    QCOMPARE(link->evidence, ImageLinkEvidence::Tag);
    QVERIFY(!link->rollingOut);
    const QString text = link->describe(QDateTime::currentDateTimeUtc());
    QVERIFY2(text.startsWith(QStringLiteral("deployed by run #%1 · %2")
                                 .arg(dispatched.number)
                                 .arg(dispatched.commitSha.left(7))),
             qPrintable(text));

    // And the reverse: where the run's images run now (the two staging Deployments).
    QStringList where;
    for (const ImageLink &l : index.linksOfRun(PipelineProvider::GitHub, Pfe, dispatched.id))
        where << l.workload.namespaceName + QLatin1Char('/') + l.workload.name;
    QCOMPARE(where, QStringList({"staging/backend-spring", "staging/frontend"}));
    // Production still runs 1.0.0: not linked.
    QVERIFY(!index.linkOf({m_context, "pfe-app", "Deployment", "backend-spring"}));
}

QTEST_GUILESS_MAIN(tst_ImageLinkSim)
#include "tst_imagelink_sim.moc"
