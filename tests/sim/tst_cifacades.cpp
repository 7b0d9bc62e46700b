// SPDX-License-Identifier: GPL-3.0-or-later
// The GitLab and Jenkins facades' renderers on hand-built engine values (no engine, no
// server): GitLab's pipeline/job shapes, statuses, pagination headers and the CI file that
// carries the DAG; Jenkins' stages and parallel branches (stage view, Blue Ocean edges), input
// steps, the tree= filter and the append-only console.

#include "gitlab/gitlabapi.h"
#include "jenkins/jenkinsapi.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace Orrery::Sim;
using json = nlohmann::json;
using namespace std::chrono_literals;

namespace {

const auto T0
    = std::chrono::system_clock::time_point(std::chrono::seconds(1796601600)); // 2026-12-07

SimJob job(long long id, const std::string &name, const std::string &stage, SimRunState state,
           int startedAfter = -1, int finishedAfter = -1, std::vector<std::string> steps = {})
{
    SimJob j;
    j.id = id;
    j.specId = name;
    j.name = name;
    j.stage = stage;
    j.state = state;
    if (startedAfter >= 0)
        j.startedAt = T0 + std::chrono::seconds(startedAfter);
    if (finishedAfter >= 0)
        j.finishedAt = T0 + std::chrono::seconds(finishedAfter);
    int n = 1;
    for (const auto &s : steps) {
        SimStep step;
        step.name = s;
        step.number = n++;
        step.state = state == SimRunState::Running && n > 2 ? SimRunState::Queued : state;
        j.steps.push_back(step);
    }
    return j;
}

// The shop's shape: checkout, a parallel build (frontend, backend), a parallel test, deploy
// (an input step), in the middle of the backend build.
SimRun shopRun()
{
    SimRun r;
    r.id = 501;
    r.number = 16;
    r.pipeline = "shop/Jenkinsfile";
    r.branch = "main";
    r.sha = "0123456789abcdef0123456789abcdef01234567";
    r.message = "Add the cart\n\nlong text";
    r.event = "push";
    r.actor = "amine";
    r.state = SimRunState::Running;
    r.createdAt = T0;
    r.startedAt = T0 + 1s;
    r.updatedAt = T0 + 40s;
    r.jobs = {job(1, "Checkout", "Checkout", SimRunState::Success, 1, 5, {"Git"}),
              job(2, "Frontend", "Parallel Build", SimRunState::Success, 5, 20,
                  {"npm ci", "npm run build"}),
              job(3, "Backend", "Parallel Build", SimRunState::Running, 5, -1, {"mvn package"}),
              job(4, "Unit", "Parallel Test", SimRunState::Queued),
              job(5, "Lint", "Parallel Test", SimRunState::Queued),
              job(6, "Deploy", "Deploy", SimRunState::Queued)};
    r.jobs[5].manual = true;
    return r;
}

Jenkins::JobRef shopJob()
{
    Jenkins::JobRef ref;
    ref.base = "https://127.0.0.1:9443/jenkins/";
    ref.spec.provider = "jenkins";
    ref.spec.source = "shop/shop-pipeline";
    ref.spec.name = "Shop pipeline";
    ref.spec.file = "Jenkinsfile";
    ref.spec.inputs = {{"IMAGE_TAG", "latest"}};
    return ref;
}

GitLab::Project pfeProject()
{
    GitLab::Project p;
    p.id = 3;
    p.base = "https://127.0.0.1:9443/gitlab";
    p.spec.provider = "gitlab";
    p.spec.source = "pfe/backend";
    p.spec.file = ".gitlab-ci.yml";
    JobSpec build;
    build.id = "build";
    build.stage = "build";
    JobSpec test;
    test.id = "test";
    test.name = "unit tests";
    test.stage = "test";
    test.needs = {"build"};
    JobSpec deploy;
    deploy.id = "deploy";
    deploy.stage = "deploy";
    deploy.needs = {"build", "test"};
    deploy.manual = true;
    deploy.environment = "production";
    deploy.steps = {"kubectl apply"};
    JobSpec package;
    package.id = "package";
    package.stage = "package";
    package.matrix = {"frontend", "backend"};
    p.spec.jobs = {build, test, deploy, package};
    return p;
}

} // namespace

class tst_CiFacades : public QObject
{
    Q_OBJECT

private slots:
    void gitlabPipeline();
    void gitlabJobs();
    void gitlabCiFileCarriesTheDag();
    void gitlabFiltersAndPages();
    void jenkinsStagesAndBranches();
    void jenkinsNodes();
    void jenkinsInputStep();
    void jenkinsBlueOceanEdges();
    void jenkinsBuildAndJob();
    void jenkinsTree();
    void jenkinsConsoleIsAppendOnly();
};

void tst_CiFacades::gitlabPipeline()
{
    const GitLab::Project project = pfeProject();
    SimRun run = shopRun();
    const json p = GitLab::pipelineJson(project, run);
    QCOMPARE(p["id"].get<long long>(), 501);
    QCOMPARE(p["iid"].get<int>(), 16);
    QCOMPARE(p["project_id"].get<long long>(), 3);
    QCOMPARE(p["status"], "running");
    QCOMPARE(p["source"], "push");
    QCOMPARE(p["ref"], "main");
    QCOMPARE(p["web_url"], "https://127.0.0.1:9443/gitlab/pfe/backend/-/pipelines/501");
    QCOMPARE(p["created_at"], "2026-12-07T00:00:00.000Z");
    QCOMPARE(p["started_at"], "2026-12-07T00:00:01.000Z");
    QVERIFY(p["finished_at"].is_null());
    QCOMPARE(p["duration"].get<int>(), 39);
    QCOMPARE(p["user"]["username"], "amine");
    QCOMPARE(p["detailed_status"]["group"], "running");

    run.state = SimRunState::Waiting;
    QCOMPARE(GitLab::pipelineStatus(run), "manual");
    QCOMPARE(GitLab::pipelineJson(project, run)["detailed_status"]["text"], "blocked");
    run.state = SimRunState::Success;
    QCOMPARE(GitLab::pipelineJson(project, run)["detailed_status"]["text"], "passed");
    run.state = SimRunState::Cancelled;
    QCOMPARE(GitLab::pipelineStatus(run), "canceled");
    QCOMPARE(GitLab::pipelineSource("workflow_dispatch"), "web");
    QCOMPARE(GitLab::pipelineSource("schedule"), "schedule");
    QCOMPARE(GitLab::pipelineSource("nonsense"), "api");
    // The summary is the list's shape: no user, no detailed status.
    const json summary = GitLab::pipelineSummaryJson(project, run);
    QVERIFY(!summary.contains("user"));
    QCOMPARE(summary["status"], "canceled");
}

void tst_CiFacades::gitlabJobs()
{
    const GitLab::Project project = pfeProject();
    SimRun run = shopRun();
    const json running = GitLab::jobJson(project, run, run.jobs[2]);
    QCOMPARE(running["id"].get<long long>(), 3);
    QCOMPARE(running["stage"], "Parallel Build");
    QCOMPARE(running["status"], "running");
    QCOMPARE(running["pipeline"]["id"].get<long long>(), 501);
    QCOMPARE(running["commit"]["short_id"], "01234567");
    QCOMPARE(running["commit"]["title"], "Add the cart");
    QVERIFY(running["runner"].is_object());
    QCOMPARE(running["duration"].get<double>(), 35.0);
    QCOMPARE(running["web_url"], "https://127.0.0.1:9443/gitlab/pfe/backend/-/jobs/3");

    const json manual = GitLab::jobJson(project, run, run.jobs[5]);
    QCOMPARE(manual["status"], "manual");
    QVERIFY(manual["runner"].is_null());
    QVERIFY(manual["started_at"].is_null());
    QVERIFY(manual["duration"].is_null());

    run.jobs[2].state = SimRunState::Failure;
    run.jobs[2].finishedAt = T0 + 30s;
    const json failed = GitLab::jobJson(project, run, run.jobs[2]);
    QCOMPARE(failed["status"], "failed");
    QCOMPARE(failed["failure_reason"], "script_failure");
    QCOMPARE(GitLab::jobStatus(run.jobs[3]), "created");

    // A matrix job: the engine's "package (frontend)" is GitLab's "package: [frontend]".
    SimJob matrixJob = run.jobs[0];
    matrixJob.specId = "package";
    matrixJob.name = "package (frontend)";
    QCOMPARE(GitLab::jobJson(project, run, matrixJob)["name"], "package: [frontend]");
    matrixJob.name = "package (other)";
    QCOMPARE(GitLab::jobName(project.spec, matrixJob), "package (other)");
    QVERIFY(GitLab::ciYaml(project.spec)
                .find("package:\n  stage: package\n  parallel:\n    matrix:\n"
                      "      - VALUE:\n          - frontend\n")
            != std::string::npos);

    // The trace: no engine timestamps, steps as "$ step", the result at the end.
    SimJob traced = run.jobs[0];
    traced.log = "2026-12-07T08:00:01Z Job Checkout started on runner orrery-sim-runner\n"
                 "2026-12-07T08:00:01Z ##[group]Git\n2026-12-07T08:00:02Z cloned\n"
                 "2026-12-07T08:00:03Z ##[endgroup]\n";
    traced.state = SimRunState::Running;
    const std::string partial = GitLab::trace(traced);
    QCOMPARE(partial, "Running with gitlab-runner 16.11.0 (orrery-sim)\n  on orrery-sim-runner\n"
                      "\x1b[32;1m$ Git\x1b[0;m\ncloned\n");
    traced.state = SimRunState::Failure;
    traced.log += "2026-12-07T08:00:04Z ##[error]Process completed with exit code 1.\n";
    const std::string whole = GitLab::trace(traced);
    QCOMPARE(whole.substr(0, partial.size()), partial);
    QVERIFY(whole.find("ERROR: Process completed with exit code 1.") != std::string::npos);
    QVERIFY(whole.find("ERROR: Job failed: exit code 1") != std::string::npos);

    run.inputs = {{"DEPLOY_ENV", "staging"}};
    const json variables = GitLab::variablesJson(run);
    QCOMPARE(variables.size(), std::size_t(1));
    QCOMPARE(variables[0]["key"], "DEPLOY_ENV");
    QCOMPARE(variables[0]["value"], "staging");
}

void tst_CiFacades::gitlabCiFileCarriesTheDag()
{
    const std::string yaml = GitLab::ciYaml(pfeProject().spec);
    const auto at = [&](const std::string &s) {
        const auto pos = yaml.find(s);
        if (pos == std::string::npos)
            qWarning("missing in the CI file: %s\n%s", s.c_str(), yaml.c_str());
        return pos;
    };
    QVERIFY(at("stages:\n  - build\n  - test\n  - deploy\n") != std::string::npos);
    // needs name the jobs (the test job's display name), not the scenario ids.
    QVERIFY(at("deploy:\n  stage: deploy\n  needs:\n    - build\n    - unit tests\n")
            != std::string::npos);
    QVERIFY(at("unit tests:\n  stage: test\n  needs:\n    - build\n") != std::string::npos);
    QVERIFY(at("  when: manual\n") > at("deploy:\n"));
    QVERIFY(at("  environment:\n    name: production\n") != std::string::npos);
    QVERIFY(at("    - echo kubectl apply\n") != std::string::npos);
    // The build job has no needs: it runs in stage order.
    const auto build = at("build:\n  stage: build\n");
    QVERIFY(build != std::string::npos);
    QVERIFY(yaml.compare(build + 21, 7, "  needs") != 0);
}

void tst_CiFacades::gitlabFiltersAndPages()
{
    SimRun run = shopRun();
    GitLab::PipelineFilter filter;
    QVERIFY(filter.matches(run));
    filter.ref = "main";
    filter.status = "running";
    filter.username = "amine";
    filter.source = "push";
    QVERIFY(filter.matches(run));
    filter.ref = "develop";
    QVERIFY(!filter.matches(run));
    filter = {};
    filter.scope = "finished";
    QVERIFY(!filter.matches(run));
    run.state = SimRunState::Failure;
    QVERIFY(filter.matches(run));

    const GitLab::Page page = GitLab::parsePage("2", "10");
    QCOMPARE(page.first(), std::size_t(10));
    std::map<std::string, std::string> headers;
    for (const auto &[k, v] :
         page.headers(25, "https://h/gitlab/api/v4/projects/3/pipelines?ref=main"))
        headers[k] = v;
    QCOMPARE(headers["X-Total"], "25");
    QCOMPARE(headers["X-Total-Pages"], "3");
    QCOMPARE(headers["X-Page"], "2");
    QCOMPARE(headers["X-Per-Page"], "10");
    QCOMPARE(headers["X-Next-Page"], "3");
    QCOMPARE(headers["X-Prev-Page"], "1");
    QVERIFY(headers["Link"].find("<https://h/gitlab/api/v4/projects/3/pipelines?ref=main&page=3"
                                 "&per_page=10>; rel=\"next\"")
            != std::string::npos);
    const GitLab::Page last = GitLab::parsePage("3", "10");
    for (const auto &[k, v] : last.headers(25, "u"))
        headers[k] = v;
    QCOMPARE(headers["X-Next-Page"], "");
    QVERIFY(headers["Link"].find("rel=\"next\"") == std::string::npos);
    // Bounds: per_page at most 100, at least 1; junk falls back to the defaults.
    QCOMPARE(GitLab::parsePage("x", "1000").perPage, 100);
    QCOMPARE(GitLab::parsePage("-3", "0").perPage, 1);
    QCOMPARE(GitLab::parsePage("-3", "0").page, 1);
    QCOMPARE(GitLab::parsePage("99999999999999", "").page, 1);
}

void tst_CiFacades::jenkinsStagesAndBranches()
{
    const SimRun run = shopRun();
    const auto stages = Jenkins::layout(run);
    QCOMPARE(stages.size(), std::size_t(4));
    QCOMPARE(stages[0].name, "Checkout");
    QVERIFY(!stages[0].parallel);
    QCOMPARE(stages[1].name, "Parallel Build");
    QVERIFY(stages[1].parallel);
    QCOMPARE(stages[1].jobs.size(), std::size_t(2));
    // Ids: stage, then each branch and its steps, in order; stable across snapshots.
    QCOMPARE(stages[0].id, "3");
    QCOMPARE(stages[0].stepIds[0], std::vector<std::string>{"4"});
    QCOMPARE(stages[1].id, "5");
    QCOMPARE(stages[1].branchIds, (std::vector<std::string>{"6", "9"}));
    QCOMPARE(stages[1].stepIds[0], (std::vector<std::string>{"7", "8"}));

    const Jenkins::JobRef ref = shopJob();
    const json described = Jenkins::wfapiRun(ref, run);
    QCOMPARE(described["id"], "16");
    QCOMPARE(described["name"], "#16");
    QCOMPARE(described["status"], "IN_PROGRESS");
    QCOMPARE(described["startTimeMillis"].get<long long>(), Jenkins::millis(T0 + 1s));
    QCOMPARE(described["durationMillis"].get<long long>(), 39000);
    QCOMPARE(described["_links"]["self"]["href"],
             "/jenkins/job/shop/job/shop-pipeline/16/wfapi/describe");
    const json &s = described["stages"];
    QCOMPARE(s.size(), std::size_t(4));
    QCOMPARE(s[0]["status"], "SUCCESS");
    QCOMPARE(s[0]["durationMillis"].get<long long>(), 4000);
    // One branch done, one running: the parallel stage is in progress.
    QCOMPARE(s[1]["status"], "IN_PROGRESS");
    QCOMPARE(s[2]["status"], "NOT_EXECUTED");
    QCOMPARE(s[1]["_links"]["self"]["href"],
             "/jenkins/job/shop/job/shop-pipeline/16/execution/node/5/wfapi/describe");

    SimRun done = run;
    for (auto &j : done.jobs) {
        j.state = SimRunState::Success;
        j.startedAt = T0 + 2s;
        j.finishedAt = T0 + 50s;
    }
    done.jobs[4].state = SimRunState::Failure;
    done.state = SimRunState::Failure;
    done.finishedAt = T0 + 50s;
    const json failed = Jenkins::wfapiRun(ref, done);
    QCOMPARE(failed["status"], "FAILED");
    QCOMPARE(failed["stages"][2]["status"], "FAILED");
    QCOMPARE(failed["endTimeMillis"].get<long long>(), Jenkins::millis(T0 + 50s));

    const json runs = Jenkins::wfapiRuns(ref, std::vector<SimRun>(12, run));
    QCOMPARE(runs.size(), std::size_t(10));
}

void tst_CiFacades::jenkinsNodes()
{
    const SimRun run = shopRun();
    const Jenkins::JobRef ref = shopJob();
    const auto stage = Jenkins::wfapiNode(ref, run, "5");
    QVERIFY(stage);
    QCOMPARE((*stage)["name"], "Parallel Build");
    const json &nodes = (*stage)["stageFlowNodes"];
    // Branch: Frontend, its two steps, Branch: Backend, its step.
    QCOMPARE(nodes.size(), std::size_t(5));
    QCOMPARE(nodes[0]["name"], "Branch: Frontend");
    QCOMPARE(nodes[0]["parentNodes"], json::array({"5"}));
    QCOMPARE(nodes[1]["name"], "npm ci");
    QCOMPARE(nodes[1]["parentNodes"], json::array({"6"}));
    QCOMPARE(nodes[2]["parentNodes"], json::array({"7"}));
    QCOMPARE(nodes[3]["name"], "Branch: Backend");
    QCOMPARE(nodes[3]["status"], "IN_PROGRESS");
    QCOMPARE(nodes[4]["parentNodes"], json::array({"9"}));
    QCOMPARE(nodes[4]["_links"]["log"]["href"],
             "/jenkins/job/shop/job/shop-pipeline/16/execution/node/10/wfapi/log");

    const auto step = Jenkins::wfapiNode(ref, run, "8");
    QVERIFY(step);
    QCOMPARE((*step)["name"], "npm run build");
    QCOMPARE((*step)["parentNodes"], json::array({"7"}));
    QVERIFY(!Jenkins::wfapiNode(ref, run, "99"));

    SimRun logged = run;
    logged.jobs[2].log = "[INFO] Building backend\n[INFO] Compiling 42 files\n";
    const auto log = Jenkins::wfapiNodeLog(ref, logged, "10");
    QVERIFY(log);
    QCOMPARE((*log)["text"], logged.jobs[2].log);
    QCOMPARE((*log)["length"].get<std::size_t>(), logged.jobs[2].log.size());
    QCOMPARE((*log)["hasMore"], true);
    QCOMPARE((*log)["nodeStatus"], "IN_PROGRESS");

    SimRun failed = run;
    failed.jobs[2].state = SimRunState::Failure;
    failed.jobs[2].steps[0].state = SimRunState::Failure;
    failed.jobs[2].finishedAt = T0 + 30s;
    const auto failedStep = Jenkins::wfapiNode(ref, failed, "10");
    QCOMPARE((*failedStep)["status"], "FAILED");
    QCOMPARE((*failedStep)["error"]["type"], "hudson.AbortException");
}

void tst_CiFacades::jenkinsInputStep()
{
    SimRun run = shopRun();
    const Jenkins::JobRef ref = shopJob();
    QCOMPARE(Jenkins::pendingInputActions(ref, run).size(), std::size_t(0));
    for (auto &j : run.jobs)
        if (j.state != SimRunState::Success) {
            j.state = SimRunState::Success;
            j.startedAt = T0 + 20s;
            j.finishedAt = T0 + 30s;
        }
    run.jobs[5].state = SimRunState::Waiting;
    run.jobs[5].startedAt = T0 + 31s;
    run.jobs[5].finishedAt.reset();
    run.jobs[5].waitingApproval = true;
    run.state = SimRunState::Waiting;
    const json described = Jenkins::wfapiRun(ref, run);
    QCOMPARE(described["status"], "PAUSED_PENDING_INPUT");
    QCOMPARE(described["stages"][3]["status"], "PAUSED_PENDING_INPUT");
    QCOMPARE(described["_links"]["pendingInputActions"]["href"],
             "/jenkins/job/shop/job/shop-pipeline/16/wfapi/pendingInputActions");
    const json inputs = Jenkins::pendingInputActions(ref, run);
    QCOMPARE(inputs.size(), std::size_t(1));
    QCOMPARE(inputs[0]["id"], "Deploy6");
    QCOMPARE(inputs[0]["id"], Jenkins::inputId(run.jobs[5]));
    QCOMPARE(inputs[0]["proceedUrl"],
             "/jenkins/job/shop/job/shop-pipeline/16/input/Deploy6/proceedEmpty");
    QCOMPARE(inputs[0]["abortUrl"], "/jenkins/job/shop/job/shop-pipeline/16/input/Deploy6/abort");
    QVERIFY(Jenkins::building(run));
    QVERIFY(Jenkins::result(run).is_null());
}

void tst_CiFacades::jenkinsBlueOceanEdges()
{
    const SimRun run = shopRun();
    const json nodes = Jenkins::blueNodes(shopJob(), run);
    // 4 stages + 2 + 2 parallel branches.
    QCOMPARE(nodes.size(), std::size_t(8));
    std::map<std::string, json> byId;
    for (const json &n : nodes)
        byId[n["id"]] = n;
    QCOMPARE(byId["3"]["type"], "STAGE");
    QCOMPARE(byId["3"]["edges"].size(), std::size_t(1));
    QCOMPARE(byId["3"]["edges"][0]["id"], "5");
    QCOMPARE(byId["5"]["edges"].size(), std::size_t(2));
    QCOMPARE(byId["5"]["edges"][0]["id"], "6");
    QCOMPARE(byId["5"]["edges"][0]["type"], "PARALLEL");
    QCOMPARE(byId["6"]["type"], "PARALLEL");
    QCOMPARE(byId["6"]["displayName"], "Frontend");
    QCOMPARE(byId["6"]["firstParent"], "5");
    QCOMPARE(byId["6"]["result"], "SUCCESS");
    QCOMPARE(byId["6"]["state"], "FINISHED");
    QCOMPARE(byId["9"]["state"], "RUNNING");
    // Both branches lead to the next stage (Parallel Test, id 11).
    QCOMPARE(byId["6"]["edges"][0]["id"], "11");
    QCOMPARE(byId["9"]["edges"][0]["id"], "11");
    QVERIFY(byId["11"]["state"].is_null());
    QCOMPARE(byId["3"]["startTime"], "2026-12-07T00:00:01.000+0000");
    QCOMPARE(byId["3"]["_links"]["self"]["href"],
             "/jenkins/blue/rest/organizations/jenkins/pipelines/shop/pipelines/shop-pipeline/"
             "runs/16/nodes/3/");
}

void tst_CiFacades::jenkinsBuildAndJob()
{
    const Jenkins::JobRef ref = shopJob();
    SimRun running = shopRun();
    SimRun older = shopRun();
    older.id = 480;
    older.number = 15;
    older.state = SimRunState::Success;
    older.finishedAt = T0 + 61s;
    older.inputs = {{"IMAGE_TAG", "v15"}};
    SimRun oldest = older;
    oldest.id = 470;
    oldest.number = 14;
    oldest.state = SimRunState::Failure;
    const std::vector<SimRun> runs = {running, older, oldest};

    const json build = Jenkins::buildJson(ref, running, runs);
    QCOMPARE(build["_class"], "org.jenkinsci.plugins.workflow.job.WorkflowRun");
    QCOMPARE(build["number"].get<int>(), 16);
    QCOMPARE(build["building"], true);
    QVERIFY(build["result"].is_null());
    QCOMPARE(build["url"], "https://127.0.0.1:9443/jenkins/job/shop/job/shop-pipeline/16/");
    QCOMPARE(build["queueId"].get<long long>(), 501);
    QCOMPARE(build["previousBuild"]["number"].get<int>(), 15);
    QVERIFY(build["nextBuild"].is_null());
    QCOMPARE(build["estimatedDuration"].get<long long>(), 60000);
    const json done = Jenkins::buildJson(ref, older, runs);
    QCOMPARE(done["result"], "SUCCESS");
    QCOMPARE(done["duration"].get<long long>(), 60000);
    bool sawParameters = false;
    for (const json &a : done["actions"])
        if (a["_class"] == "hudson.model.ParametersAction") {
            sawParameters = true;
            QCOMPARE(a["parameters"][0]["name"], "IMAGE_TAG");
            QCOMPARE(a["parameters"][0]["value"], "v15");
        }
    QVERIFY(sawParameters);

    const json job = Jenkins::jobJson(ref, runs, false);
    QCOMPARE(job["name"], "shop-pipeline");
    QCOMPARE(job["fullName"], "shop/shop-pipeline");
    QCOMPARE(job["displayName"], "Shop pipeline");
    QCOMPARE(job["url"], "https://127.0.0.1:9443/jenkins/job/shop/job/shop-pipeline/");
    QCOMPARE(job["color"], "blue_anime"); // the last completed build passed, one is running
    QCOMPARE(job["builds"].size(), std::size_t(3));
    QCOMPARE(job["builds"][0].size(), std::size_t(3)); // depth 0: _class, number, url
    QCOMPARE(job["lastBuild"]["number"].get<int>(), 16);
    QCOMPARE(job["lastCompletedBuild"]["number"].get<int>(), 15);
    QCOMPARE(job["lastFailedBuild"]["number"].get<int>(), 14);
    QCOMPARE(job["firstBuild"]["number"].get<int>(), 14);
    QCOMPARE(job["nextBuildNumber"].get<int>(), 17);
    QCOMPARE(job["property"][0]["parameterDefinitions"][0]["name"], "IMAGE_TAG");
    QCOMPARE(Jenkins::jobJson(ref, runs, true)["builds"][1]["result"], "SUCCESS");
    QCOMPARE(Jenkins::color({oldest}), "red");
    QCOMPARE(Jenkins::color({}), "notbuilt");
}

void tst_CiFacades::jenkinsTree()
{
    const json value
        = {{"_class", "hudson.model.Hudson"},
           {"mode", "NORMAL"},
           {"jobs",
            json::array(
                {{{"_class", "Folder"},
                  {"name", "shop"},
                  {"url", "u"},
                  {"jobs",
                   json::array({{{"_class", "WorkflowJob"}, {"name", "p"}, {"color", "blue"}}})}},
                 {{"_class", "WorkflowJob"},
                  {"name", "pfe"},
                  {"url", "v"},
                  {"builds", json::array({{{"number", 3}}, {{"number", 2}}, {{"number", 1}}})}}})}};
    const auto tree = Jenkins::parseTree("jobs[name,jobs[name,color],builds[number]{0,2}]");
    QVERIFY(tree);
    const json filtered = Jenkins::applyTree(value, *tree);
    QCOMPARE(filtered.dump(),
             json({{"_class", "hudson.model.Hudson"},
                   {"jobs",
                    json::array({{{"_class", "Folder"},
                                  {"name", "shop"},
                                  {"jobs", json::array({{{"_class", "WorkflowJob"},
                                                         {"name", "p"},
                                                         {"color", "blue"}}})}},
                                 {{"_class", "WorkflowJob"},
                                  {"name", "pfe"},
                                  {"builds", json::array({{{"number", 3}}, {{"number", 2}}})}}})}})
                 .dump());
    // A field without sub-fields keeps objects as {_class} only (python-jenkins relies on it).
    const json shallow = Jenkins::applyTree(value, *Jenkins::parseTree("jobs"));
    QCOMPARE(shallow["jobs"][0].dump(), json({{"_class", "Folder"}}).dump());
    QVERIFY(Jenkins::parseTree("a[b]{1}"));
    QCOMPARE(Jenkins::parseTree("a{1}")->front().range->second, std::size_t(2));
    for (const char *bad : {"", "a[", "a[b", "a]", "a,,b", "a{2,1}", "a{x}", "a[]", "a b"})
        QVERIFY2(!Jenkins::parseTree(bad), bad);
    std::string deep;
    for (int i = 0; i < 40; ++i)
        deep += "a[";
    deep += "b";
    for (int i = 0; i < 40; ++i)
        deep += "]";
    QVERIFY(!Jenkins::parseTree(deep));
}

void tst_CiFacades::jenkinsConsoleIsAppendOnly()
{
    SimRun run = shopRun();
    for (auto &j : run.jobs)
        j.log.clear();
    run.jobs[0].log = "Cloning the repository\n";
    run.jobs[1].log = "npm ci\nadded 1200 packages\n";
    run.jobs[1].state = SimRunState::Running;
    run.jobs[1].finishedAt.reset();
    run.jobs[2].log = "mvn package\n[INFO] Compil"; // a partial line stays back
    Jenkins::ConsoleLog console;
    console.update(run);
    const std::string first = console.text();
    QVERIFY(first.rfind("Started by GitHub push by amine\n[Pipeline] Start of Pipeline\n", 0) == 0);
    QVERIFY(first.find("[Pipeline] { (Checkout)\nCloning the repository\n") != std::string::npos);
    QVERIFY(first.find("[Frontend] added 1200 packages\n") != std::string::npos);
    QVERIFY(first.find("[Backend] mvn package\n") != std::string::npos);
    QVERIFY(first.find("Compil") == std::string::npos);
    QVERIFY(!console.complete());

    // Both branches log more: the text only grows.
    run.jobs[1].log += "built frontend\n";
    run.jobs[1].state = SimRunState::Success;
    run.jobs[1].finishedAt = T0 + 30s;
    run.jobs[2].log += "ing 42 files\n";
    console.update(run);
    const std::string second = console.text();
    QCOMPARE(second.substr(0, first.size()), first);
    QVERIFY(second.find("[Backend] [INFO] Compiling 42 files\n") != std::string::npos);
    QVERIFY(second.find("[Frontend] built frontend\n") != std::string::npos);
    console.update(run);
    QCOMPARE(console.text(), second); // nothing new, nothing added

    // Waiting for input, then done.
    run.jobs[2].state = SimRunState::Failure;
    run.jobs[2].finishedAt = T0 + 35s;
    run.jobs[5].state = SimRunState::Waiting;
    console.update(run);
    QVERIFY(console.text().find("Proceed with Deploy?\n") != std::string::npos);
    run.state = SimRunState::Failure;
    run.finishedAt = T0 + 40s;
    console.update(run);
    QVERIFY(console.complete());
    const std::string last = console.text();
    QCOMPARE(last.substr(0, second.size()), second);
    QVERIFY(last.find("[Backend] ERROR: script returned exit code 1\n") != std::string::npos);
    QVERIFY(last.size() > 20 && last.compare(last.size() - 18, 18, "Finished: FAILURE\n") == 0);
    console.update(run);
    QCOMPARE(console.text(), last);

    // A new attempt starts a new console.
    run.attempt = 2;
    run.state = SimRunState::Running;
    console.update(run);
    QVERIFY(console.text().size() < last.size());
    QVERIFY(!console.complete());
}

QTEST_GUILESS_MAIN(tst_CiFacades)
#include "tst_cifacades.moc"
