// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated CI engine (sim/pipelines) on a manual clock, and the scenarios' `pipelines:`
// parser: stage order and parallel branches (Jenkins/GitLab shape), needs and matrices
// (GitHub shape), steps and logs advancing in sim time (also when nobody reads for a while),
// a failing job skipping what needs it while a `runsOn: failure` job runs, manual jobs and
// protected environments waiting for review (approve and reject), cancel, rerun of all and of
// the failed jobs, the actions on an object store and a registry, the run and log bounds, the
// deterministic history, and the parser's refusals.
#include "front/simservice.h"
#include "objectstore.h"
#include "pipelines/pipelineengine.h"
#include "pipelines/pipelinespec.h"
#include "registry/registries.h"
#include "scenario.h"
#include "simclock.h"
#include "workload/helmrelease.h"
#include "workload/kube.h"
#include "workload/yamljson.h"

#include <base64.h>
#include <gzip.h>

#include <QtTest>

#include <memory>

using namespace Orrery::Sim;
using json = nlohmann::json;

namespace {

class FakeClusters : public ClusterAccess
{
public:
    FakeClusters()
    {
        m_store.create(
            Kube::Namespaces,
            {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "web"}}}});
        m_store.create(
            Kube::Deployments,
            {{"apiVersion", "apps/v1"},
             {"kind", "Deployment"},
             {"metadata", {{"name", "shop"}, {"namespace", "web"}}},
             {"spec",
              {{"replicas", 1},
               {"selector", {{"matchLabels", {{"app", "shop"}}}}},
               {"template",
                {{"metadata", {{"labels", {{"app", "shop"}}}}},
                 {"spec",
                  {{"containers",
                    json::array({{{"name", "shop"}, {"image", "nginx:1.25"}},
                                 {{"name", "sidecar"}, {"image", "busybox:1.36"}}})}}}}}}}});
    }
    std::vector<std::string> clusterNames() const override { return {"c1"}; }
    std::string scenarioOf(const std::string &) const override { return {}; }
    std::string serverUrl(const std::string &) const override { return {}; }
    std::string caCertificate(const std::string &) const override { return {}; }
    ObjectStore *store(const std::string &c) const override
    {
        return c == "c1" ? &m_store : nullptr;
    }
    Registries *registries(const std::string &c) const override
    {
        return c == "c1" ? &registries_ : nullptr;
    }

    mutable ObjectStore m_store;
    mutable Registries registries_;
};

std::vector<PipelineSpec> parse(const std::string &yaml)
{
    return parsePipelines(YamlJson::parse(yaml), "c1");
}

const SimJob *job(const SimRun &r, const std::string &name)
{
    for (const SimJob &j : r.jobs)
        if (j.name == name)
            return &j;
    return nullptr;
}

SimRunState stateOf(const SimRun &r, const std::string &name)
{
    const SimJob *j = job(r, name);
    return j ? j->state : SimRunState::Skipped;
}

const char *const Jenkins = R"(
- provider: jenkins
  source: shop/deploy
  historyRuns: 0
  stages:
    - name: Checkout
      jobs: [{id: checkout, seconds: 5}]
    - name: Build
      parallel:
        - {id: build-front, name: Frontend, seconds: 10, steps: [npm ci, ng build]}
        - {id: build-back, name: Backend, seconds: 20}
    - name: Approve
      jobs: [{id: approve, name: "Deploy to production?", manual: true, seconds: 1}]
    - name: Deploy
      jobs:
        - id: deploy
          seconds: 4
          action: {type: setImage, namespace: web, name: shop, container: shop, image: "registry.example.com/shop:${short_sha}"}
)";

const char *const GitHub = R"(
- provider: github
  source: acme/app
  file: .github/workflows/cd.yml
  historyRuns: 10
  triggers: [push, workflow_dispatch]
  jobs:
    - {id: test, name: Test, matrix: [a, b], seconds: 10, steps: [one, two]}
    - id: push
      needs: [test]
      seconds: 2
      action: {type: pushImage, image: "registry.example.com/shop:${number}", crashing: true}
    - id: prod
      name: Production
      needs: [push]
      environment: production
      protected: true
      seconds: 2
      action: {type: setImage, kind: deploy, namespace: web, name: shop, image: "registry.example.com/shop:${number}"}
    - {id: verify, needs: [prod], seconds: 2, fails: true}
    - id: rollback
      needs: [verify]
      runsOn: failure
      seconds: 2
    - {id: notify, needs: [verify], seconds: 1}
)";

} // namespace

class tst_PipelineEngine : public QObject
{
    Q_OBJECT

private slots:
    void stagesRunInOrderWithParallelBranches();
    void needsMatrixReviewAndRollbackJob();
    void rejectAndCancel();
    void rerunAllAndFailedOnly();
    void helmUpgradeRecordsARevision();
    void historyIsDeterministic();
    void boundsAndLog();
    void parserRefuses_data();
    void parserRefuses();
    void shippedScenariosParse();
    void matrixJobNames();
};

void tst_PipelineEngine::stagesRunInOrderWithParallelBranches()
{
    SimClock clock = SimClock::manualClock();
    FakeClusters clusters;
    PipelineEngine engine(clock, clusters);
    auto specs = parse(Jenkins);
    QCOMPARE(specs.size(), std::size_t(1));
    QCOMPARE(specs[0].jobs[1].stage, std::string("Build"));
    engine.addPipeline(specs[0]);
    QVERIFY(engine.runs("shop/deploy/Jenkinsfile").empty());
    std::string error;
    const auto id = engine.trigger("shop/deploy/Jenkinsfile", "", "manual", "ana", {}, &error);
    QVERIFY2(id, error.c_str());
    QCOMPARE(int(engine.run(*id)->state), int(SimRunState::Queued));

    clock.advance(std::chrono::seconds(3)); // 2 s into the run
    SimRun r = *engine.run(*id);
    QCOMPARE(int(r.state), int(SimRunState::Running));
    QCOMPARE(int(stateOf(r, "checkout")), int(SimRunState::Running));
    QCOMPARE(int(stateOf(r, "Frontend")), int(SimRunState::Queued));
    // Parallel branches need the whole previous stage; the next stage needs both branches.
    QCOMPARE(job(r, "Frontend")->needs, std::vector<long long>{job(r, "checkout")->id});
    QCOMPARE(job(r, "deploy")->needs.size(), std::size_t(1));
    QCOMPARE(job(r, "Deploy to production?")->needs.size(), std::size_t(2));

    clock.advance(std::chrono::seconds(10)); // 12 s in: checkout ended at 5, both branches run
    r = *engine.run(*id);
    QCOMPARE(int(stateOf(r, "checkout")), int(SimRunState::Success));
    QCOMPARE(int(stateOf(r, "Frontend")), int(SimRunState::Running));
    QCOMPARE(int(stateOf(r, "Backend")), int(SimRunState::Running));
    QCOMPARE(int(job(r, "Frontend")->steps[0].state), int(SimRunState::Success));
    QCOMPARE(int(job(r, "Frontend")->steps[1].state), int(SimRunState::Running));
    QVERIFY(job(r, "Frontend")->log.find("##[group]ng build") != std::string::npos);

    // Nobody reads for a minute: the manual stage waits, the deploy has not run.
    clock.advance(std::chrono::seconds(60));
    r = *engine.run(*id);
    QCOMPARE(int(r.state), int(SimRunState::Waiting));
    const SimJob *gate = job(r, "Deploy to production?");
    QCOMPARE(int(gate->state), int(SimRunState::Waiting));
    QVERIFY(gate->waitingApproval);
    // Timings are those of the sim time each transition happened at, not of the read.
    QCOMPARE(*job(r, "Backend")->finishedAt - *job(r, "Backend")->startedAt,
             std::chrono::system_clock::duration(std::chrono::seconds(20)));
    QCOMPARE(clusters.m_store.get(Kube::Deployments, "web", "shop")
                 ->at("spec")["template"]["spec"]["containers"][0]["image"],
             json("nginx:1.25"));

    QVERIFY(!engine.review(*id, job(r, "deploy")->id, true, "ana", &error));
    QVERIFY(engine.review(*id, gate->id, true, "ana", &error));
    clock.advance(std::chrono::seconds(10));
    r = *engine.run(*id);
    QCOMPARE(int(r.state), int(SimRunState::Success));
    QVERIFY(job(r, "Deploy to production?")->log.find("Started by ana") != std::string::npos);
    const json deployment = *clusters.m_store.get(Kube::Deployments, "web", "shop");
    QCOMPARE(deployment["spec"]["template"]["spec"]["containers"][0]["image"],
             json("registry.example.com/shop:" + r.sha.substr(0, 7)));
    QCOMPARE(deployment["spec"]["template"]["spec"]["containers"][1]["image"],
             json("busybox:1.36"));
    QCOMPARE(deployment["metadata"]["generation"], json(2));
    QVERIFY(job(r, "deploy")->log.find("deployment.apps/shop image updated") != std::string::npos);
}

void tst_PipelineEngine::needsMatrixReviewAndRollbackJob()
{
    SimClock clock = SimClock::manualClock();
    FakeClusters clusters;
    PipelineEngine engine(clock, clusters);
    engine.addPipeline(parse(GitHub)[0]);
    const std::string key = "acme/app/.github/workflows/cd.yml";
    std::string error;
    const long long id = *engine.trigger(key, "main", "workflow_dispatch", "ana", {}, &error);
    SimRun r = *engine.run(id);
    QCOMPARE(r.jobs.size(),
             std::size_t(7)); // Test (a), Test (b), push, prod, verify, rollback, notify
    QCOMPARE(job(r, "push")->needs.size(), std::size_t(2));
    QCOMPARE(r.number, 11); // after 10 history runs

    clock.advance(std::chrono::seconds(14));
    r = *engine.run(id);
    QCOMPARE(int(stateOf(r, "Test (a)")), int(SimRunState::Success));
    QCOMPARE(int(stateOf(r, "Production")), int(SimRunState::Waiting));
    QCOMPARE(int(r.state), int(SimRunState::Waiting));
    QCOMPARE(r.images, std::vector<std::string>{"registry.example.com/shop:11"});
    // The pushed image exists, and crashes (crashing: true).
    const PullResult pulled = clusters.registries_.pull("registry.example.com/shop:11", {});
    QCOMPARE(int(pulled.status), int(PullStatus::Pulled));
    QCOMPARE(pulled.image.exitCode, 1);

    QVERIFY(engine.review(id, job(r, "Production")->id, true, "lead", &error));
    clock.advance(std::chrono::seconds(10));
    r = *engine.run(id);
    QCOMPARE(int(stateOf(r, "Production")), int(SimRunState::Success));
    QCOMPARE(int(stateOf(r, "verify")), int(SimRunState::Failure));
    QCOMPARE(int(job(r, "verify")->steps.back().state), int(SimRunState::Failure));
    QCOMPARE(int(stateOf(r, "rollback")), int(SimRunState::Success));
    QCOMPARE(int(stateOf(r, "notify")), int(SimRunState::Skipped));
    QCOMPARE(int(r.state), int(SimRunState::Failure));
    QCOMPARE(clusters.m_store.get(Kube::Deployments, "web", "shop")
                 ->at("spec")["template"]["spec"]["containers"][0]["image"],
             json("registry.example.com/shop:11"));
}

void tst_PipelineEngine::rejectAndCancel()
{
    SimClock clock = SimClock::manualClock();
    FakeClusters clusters;
    PipelineEngine engine(clock, clusters);
    engine.addPipeline(parse(GitHub)[0]);
    const std::string key = "acme/app/.github/workflows/cd.yml";
    std::string error;
    const long long id = *engine.trigger(key, "main", "push", "ana", {}, &error);
    clock.advance(std::chrono::seconds(14));
    SimRun r = *engine.run(id);
    QVERIFY(engine.review(id, job(r, "Production")->id, false, "lead", &error));
    r = *engine.run(id);
    QCOMPARE(int(stateOf(r, "Production")), int(SimRunState::Failure));
    QVERIFY(job(r, "Production")->log.find("Rejected by lead") != std::string::npos);
    QCOMPARE(int(stateOf(r, "verify")), int(SimRunState::Skipped));
    QCOMPARE(int(stateOf(r, "rollback")), int(SimRunState::Skipped)); // its need was skipped
    QCOMPARE(int(r.state), int(SimRunState::Failure));
    QVERIFY(!engine.cancel(id, &error));

    const long long second = *engine.trigger(key, "main", "push", "ana", {}, &error);
    clock.advance(std::chrono::seconds(6)); // Test's first step has ended, its second runs
    QVERIFY(engine.cancel(second, &error));
    r = *engine.run(second);
    QCOMPARE(int(r.state), int(SimRunState::Cancelled));
    QCOMPARE(int(stateOf(r, "Test (a)")), int(SimRunState::Cancelled));
    QCOMPARE(int(job(r, "Test (a)")->steps[0].state), int(SimRunState::Success));
    QCOMPARE(int(job(r, "Test (a)")->steps[1].state), int(SimRunState::Cancelled));
    QCOMPARE(int(stateOf(r, "push")), int(SimRunState::Cancelled));
    clock.advance(std::chrono::seconds(60));
    QCOMPARE(int(engine.run(second)->state), int(SimRunState::Cancelled));
    QVERIFY(!engine.review(second, 1, true, "x", &error));
    QVERIFY(!engine.cancel(424242, &error));
}

void tst_PipelineEngine::rerunAllAndFailedOnly()
{
    SimClock clock = SimClock::manualClock();
    FakeClusters clusters;
    PipelineEngine engine(clock, clusters);
    engine.addPipeline(parse(GitHub)[0]);
    const std::string key = "acme/app/.github/workflows/cd.yml";
    std::string error;
    const long long id = *engine.trigger(key, "main", "push", "ana", {}, &error);
    QVERIFY(!engine.rerun(id, false, &error)); // not finished
    clock.advance(std::chrono::seconds(14));
    QVERIFY(engine.review(id, job(*engine.run(id), "Production")->id, true, "lead", &error));
    clock.advance(std::chrono::seconds(10));
    const SimRun first = *engine.run(id);
    QCOMPARE(int(first.state), int(SimRunState::Failure));

    QVERIFY(engine.rerun(id, true, &error));
    SimRun r = *engine.run(id);
    QCOMPARE(r.attempt, 2);
    QCOMPARE(int(r.state), int(SimRunState::Queued));
    // Kept: the successful jobs, same ids. Again: verify and what follows it.
    QCOMPARE(job(r, "Production")->id, job(first, "Production")->id);
    QCOMPARE(int(stateOf(r, "Production")), int(SimRunState::Success));
    QVERIFY(job(r, "verify")->id != job(first, "verify")->id);
    QCOMPARE(int(stateOf(r, "verify")), int(SimRunState::Queued));
    QCOMPARE(int(stateOf(r, "notify")), int(SimRunState::Queued));
    clock.advance(std::chrono::seconds(10));
    r = *engine.run(id);
    QCOMPARE(int(stateOf(r, "verify")), int(SimRunState::Failure));
    QCOMPARE(int(stateOf(r, "rollback")), int(SimRunState::Success));

    // One job: it and what needs it (verify → rollback, notify), the rest kept.
    const long long prodId = job(r, "Production")->id;
    QVERIFY(!engine.rerunJob(id, 77, &error));
    QVERIFY(engine.rerunJob(id, job(r, "verify")->id, &error));
    r = *engine.run(id);
    QCOMPARE(r.attempt, 3);
    QCOMPARE(job(r, "Production")->id, prodId);
    QCOMPARE(int(stateOf(r, "verify")), int(SimRunState::Queued));
    QCOMPARE(int(stateOf(r, "rollback")), int(SimRunState::Queued));
    QCOMPARE(int(stateOf(r, "Test (a)")), int(SimRunState::Success));
    QVERIFY(!engine.rerunJob(id, job(r, "verify")->id, &error)); // not finished
    clock.advance(std::chrono::seconds(10));

    QVERIFY(engine.rerun(id, false, &error));
    r = *engine.run(id);
    QCOMPARE(r.attempt, 4);
    for (const SimJob &j : r.jobs)
        QCOMPARE(int(j.state), int(SimRunState::Queued));
    QVERIFY(!engine.rerun(99, false, &error));
}

void tst_PipelineEngine::helmUpgradeRecordsARevision()
{
    SimClock clock = SimClock::manualClock();
    FakeClusters clusters;
    ObjectStore &store = clusters.m_store;
    json deployment = *store.get(Kube::Deployments, "web", "shop");
    deployment.erase("status");
    deployment["metadata"]["name"] = "chat-backend";
    deployment["metadata"].erase("uid");
    deployment["metadata"].erase("resourceVersion");
    deployment["metadata"].erase("creationTimestamp");
    deployment["metadata"]["annotations"]["meta.helm.sh/release-name"] = "chat";
    deployment["spec"]["template"]["spec"]["containers"][0]["image"] = "acr.io/chat-backend:1.0.0";
    store.create(Kube::Deployments, deployment);
    const json release = {{"name", "chat"},
                          {"namespace", "web"},
                          {"version", 1},
                          {"info", {{"status", "deployed"}, {"description", "Install complete"}}},
                          {"config", json::object()},
                          {"manifest", "kind: Deployment\nimage: acr.io/chat-backend:1.0.0\n"}};
    store.create(Kube::Secrets, HelmRelease::secret(release, ""));

    PipelineEngine engine(clock, clusters);
    engine.addPipeline(parse(R"(
- provider: github
  source: chat/app
  historyRuns: 0
  jobs:
    - id: deploy
      action: {type: helmUpgrade, namespace: web, name: chat, image: "acr.io/chat-backend:2.0.0"}
)")[0]);
    std::string error;
    const long long id
        = *engine.trigger("chat/app/.github/workflows/ci.yml", "", "push", "x", {}, &error);
    clock.advance(std::chrono::seconds(20));
    const SimRun r = *engine.run(id);
    QCOMPARE(int(r.state), int(SimRunState::Success));
    QVERIFY(r.jobs[0].log.find("REVISION: 2") != std::string::npos);
    QCOMPARE(store.get(Kube::Deployments, "web", "chat-backend")
                 ->at("spec")["template"]["spec"]["containers"][0]["image"],
             json("acr.io/chat-backend:2.0.0"));
    // The other Deployment runs another repository: untouched.
    QCOMPARE(store.get(Kube::Deployments, "web", "shop")
                 ->at("spec")["template"]["spec"]["containers"][0]["image"],
             json("nginx:1.25"));
    const ObjectPtr v1 = store.get(Kube::Secrets, "web", "sh.helm.release.v1.chat.v1");
    const ObjectPtr v2 = store.get(Kube::Secrets, "web", "sh.helm.release.v1.chat.v2");
    QVERIFY(v1 && v2);
    QCOMPARE((*v1)["metadata"]["labels"]["status"], json("superseded"));
    QCOMPARE((*v2)["metadata"]["labels"]["status"], json("deployed"));
    const auto helmValue = Orrery::Base64::decode((*v2)["data"].value("release", ""));
    QVERIFY(helmValue);
    const auto gzipped = Orrery::Base64::decode(*helmValue);
    QVERIFY(gzipped);
    const auto text = Orrery::Gzip::decompress(*gzipped);
    QVERIFY(text.ok());
    const json stored = json::parse(text.data);
    QCOMPARE(stored["version"], json(2));
    QCOMPARE(stored["info"]["status"], json("deployed"));
    QCOMPARE(stored["manifest"], json("kind: Deployment\nimage: acr.io/chat-backend:2.0.0\n"));
}

void tst_PipelineEngine::historyIsDeterministic()
{
    SimClock clock = SimClock::manualClock();
    FakeClusters clusters;
    PipelineEngine a(clock, clusters), b(clock, clusters);
    a.addPipeline(parse(GitHub)[0]);
    b.addPipeline(parse(GitHub)[0]);
    const auto ra = a.runs("acme/app/.github/workflows/cd.yml");
    const auto rb = b.runs("acme/app/.github/workflows/cd.yml");
    QCOMPARE(ra.size(), std::size_t(10));
    int failed = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        QCOMPARE(ra[i].sha, rb[i].sha);
        QCOMPARE(int(ra[i].state), int(rb[i].state));
        QCOMPARE(ra[i].number, int(10 - i)); // newest first
        QVERIFY(ra[i].state == SimRunState::Success || ra[i].state == SimRunState::Failure);
        QVERIFY(ra[i].finishedAt && *ra[i].finishedAt <= clock.wallTime(clock.now()));
        failed += ra[i].state == SimRunState::Failure;
    }
    QVERIFY(failed > 0);
    // History does not deploy.
    QCOMPARE(clusters.m_store.get(Kube::Deployments, "web", "shop")
                 ->at("spec")["template"]["spec"]["containers"][0]["image"],
             json("nginx:1.25"));
}

void tst_PipelineEngine::boundsAndLog()
{
    SimClock clock = SimClock::manualClock();
    FakeClusters clusters;
    PipelineEngine engine(clock, clusters);
    // 1000 history runs (the most a scenario may ask for) plus 150 running ones: 1100 kept.
    engine.addPipeline(parse(R"(
- provider: gitlab
  source: group/project
  historyRuns: 1000
  jobs: [{id: build, seconds: 1000}, {id: test, needs: [build]}]
)")[0]);
    std::string error;
    for (int i = 0; i < 150; ++i)
        QVERIFY(engine.trigger("group/project/.gitlab-ci.yml", "", "push", "x", {}, &error));
    const auto runs = engine.runSummaries("group/project/.gitlab-ci.yml");
    QCOMPARE(runs.size(), std::size_t(1100));
    QCOMPARE(runs.front().number, 1150);
    // The oldest finished runs went; the 150 queued ones stay.
    QCOMPARE(runs.back().number, 51);
    QCOMPARE(runs.front().jobs.size(), std::size_t(2));
    QCOMPARE(runs.front().jobs[1].needs, std::vector<long long>{runs.front().jobs[0].id});

    // A job's log stops at 64 KiB with one truncation line.
    engine.addPipeline(parse(R"(
- provider: jenkins
  source: big/logs
  historyRuns: 1
  jobs:
    - {id: long, seconds: 1000, steps: [)"
                             +
                             [] {
                                 std::string s;
                                 for (int i = 0; i < 100; ++i)
                                     s += std::string(i ? ", " : "") + "step "
                                          + std::string(600, 'x');
                                 return s;
                             }()
                             + "]}\n")[0]);
    const auto big = engine.runs("big/logs/Jenkinsfile");
    QCOMPARE(big.size(), std::size_t(1));
    const std::string &log = big.front().jobs.front().log;
    QVERIFY(log.size() <= 64 * 1024);
    QVERIFY(log.find("[log truncated at 64 KiB]") != std::string::npos);
    // Summaries carry no logs.
    QVERIFY(engine.runSummaries("big/logs/Jenkinsfile").front().jobs.front().log.empty());
}

void tst_PipelineEngine::parserRefuses_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("message");
    QTest::newRow("provider") << "- {provider: circleci, source: a/b, jobs: [{id: x}]}"
                              << "provider must be github, gitlab or jenkins";
    QTest::newRow("source") << "- {provider: github, jobs: [{id: x}]}"
                            << "has no source";
    QTest::newRow("no jobs") << "- {provider: github, source: a/b}"
                             << "no jobs";
    QTest::newRow("duplicate") << "- {provider: github, source: a/b, jobs: [{id: x}, {id: x}]}"
                               << "duplicate job id x";
    QTest::newRow("unknown need")
        << "- {provider: github, source: a/b, jobs: [{id: x, needs: [y]}]}"
        << "needs y";
    QTest::newRow("cycle")
        << "- {provider: github, source: a/b, jobs: [{id: x, needs: [y]}, {id: y, needs: [x]}]}"
        << "cycle";
    QTest::newRow("action") << "- {provider: github, source: a/b, jobs: [{id: x, action: {type: "
                               "deleteCluster}}]}"
                            << "unknown action type";
    QTest::newRow("kind") << "- {provider: github, source: a/b, jobs: [{id: x, action: {type: "
                             "setImage, kind: Pod, name: p, image: i}}]}"
                          << "not a Deployment or StatefulSet";
    QTest::newRow("deploy without platform")
        << "- {provider: github, source: a/b, jobs: [{id: x, action: {type: deploy, name: app, "
           "image: i}}]}"
        << "deploy needs a platform";
    QTest::newRow("unknown platform")
        << "- {provider: github, source: a/b, jobs: [{id: x, action: {type: deploy, platform: "
           "heroku, name: app, image: i}}]}"
        << "platform must be fly or railway";
    QTest::newRow("deploy without image")
        << "- {provider: github, source: a/b, jobs: [{id: x, action: {type: deploy, platform: "
           "fly, name: app}}]}"
        << "needs the target's name and an image";
    QTest::newRow("action and actions")
        << "- {provider: github, source: a/b, jobs: [{id: x, action: {type: none}, actions: []}]}"
        << "give one of them";
    QTest::newRow("too many actions")
        << "- {provider: github, source: a/b, jobs: [{id: x, actions: ["
               + QString("{type: none}, ").repeated(16) + "{type: none}]}]}"
        << "more than 16";
    QTest::newRow("seconds") << "- {provider: github, source: a/b, jobs: [{id: x, seconds: -1}]}"
                             << "seconds";
    QTest::newRow("history")
        << "- {provider: github, source: a/b, historyRuns: 5000, jobs: [{id: x}]}"
        << "historyRuns";
    QTest::newRow("protected")
        << "- {provider: github, source: a/b, jobs: [{id: x, protected: true}]}"
        << "needs an environment";
    QTest::newRow("runsOn") << "- {provider: github, source: a/b, jobs: [{id: x, runsOn: never}]}"
                            << "runsOn";
    QTest::newRow("twice") << "- {provider: github, source: a/b, jobs: [{id: x}]}\n"
                              "- {provider: github, source: a/b, jobs: [{id: y}]}"
                           << "declared twice";
    QTest::newRow("not a list") << "{provider: github}"
                                << "must be a list";
}

void tst_PipelineEngine::parserRefuses()
{
    QFETCH(QString, yaml);
    QFETCH(QString, message);
    try {
        parse(yaml.toStdString());
        QFAIL("accepted");
    } catch (const std::runtime_error &e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
    }
}

void tst_PipelineEngine::shippedScenariosParse()
{
    // Every seed with GitHub Actions has its workflow; the AKS one has the seed's 12 jobs.
    std::map<std::string, std::size_t> jobs;
    for (const char *name : {"pfe", "multicloud", "eks-devops-ppp", "aks-chat"}) {
        const json header = scenarioHeader(name);
        for (const PipelineSpec &p : parsePipelines(header.value("pipelines", json()), name))
            if (p.provider == "github") {
                SimClock clock = SimClock::manualClock();
                FakeClusters clusters;
                PipelineEngine engine(clock, clusters);
                engine.addPipeline(p);
                std::string error;
                const auto id
                    = engine.trigger(p.source + "/" + p.file, "", "push", "x", {}, &error);
                QVERIFY2(id, error.c_str());
                jobs[name] = engine.run(*id)->jobs.size();
            }
    }
    QCOMPARE(jobs.size(), std::size_t(4));
    QCOMPARE(jobs["aks-chat"], std::size_t(12));
}

void tst_PipelineEngine::matrixJobNames()
{
    // As GitHub names matrix jobs: an expression in the name is expanded, else the value is
    // appended; not a matrix job, the name as is.
    QCOMPARE(matrixJobName("Build", "linux"), std::string("Build (linux)"));
    QCOMPARE(matrixJobName("Build ${{ matrix.target }}", "linux"), std::string("Build linux"));
    QCOMPARE(matrixJobName("Build (${{matrix.os}})", "linux"), std::string("Build (linux)"));
    QCOMPARE(matrixJobName("Deploy ${matrix} now", "web"), std::string("Deploy web now"));
    QCOMPARE(matrixJobName("Lint ${{ github.ref }}", "x"),
             std::string("Lint ${{ github.ref }} (x)"));
    QCOMPARE(matrixJobName("Broken ${{ matrix.os", "x"), std::string("Broken ${{ matrix.os (x)"));
    QCOMPARE(matrixJobName("Build", ""), std::string("Build"));

    // The engine's jobs carry those names.
    SimClock clock = SimClock::manualClock();
    FakeClusters clusters;
    PipelineEngine engine(clock, clusters);
    auto specs = parse(R"(
- provider: github
  source: acme/app
  historyRuns: 0
  jobs:
    - {id: build, name: "Build ${{ matrix.target }}", matrix: [linux, mac]}
    - {id: test, name: Test, matrix: [unit], needs: [build]}
)");
    QCOMPARE(specs.size(), std::size_t(1));
    engine.addPipeline(specs[0]);
    std::string error;
    const auto id
        = engine.trigger(specs[0].source + "/" + specs[0].file, "", "push", "ana", {}, &error);
    QVERIFY2(id, error.c_str());
    std::vector<std::string> names;
    const SimRun run = *engine.run(*id);
    for (const SimJob &j : run.jobs)
        names.push_back(j.name);
    QCOMPARE(names, (std::vector<std::string>{"Build linux", "Build mac", "Test (unit)"}));
}

QTEST_GUILESS_MAIN(tst_PipelineEngine)
#include "tst_pipelineengine.moc"
