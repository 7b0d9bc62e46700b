// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated GitLab CI (sim/gitlab over sim/pipelines) judged by the real python-gitlab
// (Debian's python3-gitlab, run by /usr/bin/python3 with ssl_verify on the front's CA) and
// real kubectl: the PFE project by its URL-encoded path, its pipelines (all pages, a page,
// filters by status and ref), a pipeline's jobs with stages and matrix names, a job's trace
// (also followed with Range), the .gitlab-ci.yml that carries the DAG; a pipeline created with
// variables runs its DAG, deploys staging (kubectl sees the image), waits on its manual
// production job until python-gitlab plays it; cancel and retry; a wrong token is 401; the
// platform project's trigger jobs (bridges) with their child pipeline (source parent_pipeline,
// its own jobs, on the parent's commit) and multi-project downstream pipeline, their status
// mirrored (strategy: depend), a new pipeline spawning both on the same clock, and a cancel
// reaching the child.
//
// One in-process Simulator (pfe) at speed 30, as tst_githubsim.
#include "front/servicefront.h"
#include "gitlab/gitlabservice.h"
#include "pipelines/pipelineengine.h"
#include "simulator.h"

#include <inprocesssimulator.h>

#include <eventloopwait.h>
#include <kubectlprocess.h>

#include <nlohmann/json.hpp>

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>
#include <memory>
#include <set>

using namespace Orrery::Sim;
using json = nlohmann::json;

namespace {

const char *const s_project = "pfe-v2/pfe-application";
const char *const s_key = "pfe-v2/pfe-application/.gitlab-ci.yml";
const char *const s_token = "orrery-sim-gitlab";

// Python prelude: `gl` (python-gitlab on the front), `project`, and out() printing JSON.
const char *const s_prelude = R"(
import json, os, sys
import gitlab
url, ca, token = sys.argv[1], sys.argv[2], sys.argv[3]
gl = gitlab.Gitlab(url + '/gitlab', private_token=token, ssl_verify=ca)
def out(value):
    print(json.dumps(value))
)";

} // namespace

class tst_GitLabSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void projectAndPipelines();
    void jobsAndTraces();
    void ciFileCarriesTheDag();
    void createPlaysManualAndDeploys();
    void cancelAndRetry();
    void badTokenIs401();
    void bridgesAndChildPipelines();
    void triggeredPipelinesRunAndCancel();

private:
    // Runs the prelude + `script` under /usr/bin/python3; its last stdout line as JSON (null on
    // failure, with the error shown).
    json python(const QString &script, const QString &token = QString::fromLatin1(s_token));
    bool waitFor(long long id, const std::function<bool(const SimRun &)> &condition);
    QString image(const QString &ns, const QString &deployment);

    Orrery::Test::InProcessSimulator m_sim;
    PipelineEngine *m_engine = nullptr;
    QString m_url;
    QString m_ca;
    QString m_kubeconfig;
};

void tst_GitLabSim::initTestCase()
{
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"), {"-c", "import gitlab"});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
        QFAIL("python3-gitlab is not installed for /usr/bin/python3 (see scripts/deps.sh)");
    SimulatorOptions options;
    options.scenarios = {"pfe"};
    options.speed = 30;
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    auto *gitlab = m_sim.service<GitLabService>("gitlab");
    QVERIFY(gitlab);
    m_engine = &gitlab->engine();
    m_url = m_sim.servicesUrl();
    m_ca = m_sim.servicesCaFile();
    m_kubeconfig = m_sim.kubeconfigFile();
}

void tst_GitLabSim::cleanupTestCase()
{
    m_sim.stop();
}

json tst_GitLabSim::python(const QString &script, const QString &token)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GITLAB_TOKEN"));
    env.remove(QStringLiteral("PYTHON_GITLAB_CFG"));
    env.insert(QStringLiteral("HOME"), m_sim.directory());
    env.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), m_ca);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/usr/bin/python3"),
            {"-c", QString::fromLatin1(s_prelude) + script, m_url, m_ca, token});
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        qWarning("python did not finish");
        return json();
    }
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << "python failed:" << err;
        return json();
    }
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return json::parse(lines.isEmpty() ? std::string() : lines.last().toStdString(), nullptr,
                       false);
}

bool tst_GitLabSim::waitFor(long long id, const std::function<bool(const SimRun &)> &condition)
{
    return Orrery::Test::waitUntil(
        [&] {
            const auto r = m_engine->run(id);
            return r && condition(*r);
        },
        30000);
}

QString tst_GitLabSim::image(const QString &ns, const QString &deployment)
{
    return Orrery::Test::runKubectl(m_kubeconfig, m_sim.directory(),
                                    {"--context", "pfe-k8s", "-n", ns, "get", "deployment",
                                     deployment, "-o",
                                     "jsonpath={.spec.template.spec.containers[0].image}"})
        .out.trimmed();
}

void tst_GitLabSim::projectAndPipelines()
{
    const json r = python(R"(
project = gl.projects.get('pfe-v2/pfe-application')
everything = project.pipelines.list(get_all=True)
page2 = project.pipelines.list(per_page=5, page=2)
lazy = project.pipelines.list(iterator=True, per_page=4)
failed = project.pipelines.list(status='failed', get_all=True)
develop = project.pipelines.list(ref='develop', get_all=True)
full = project.pipelines.get(everything[0].id)
out({'id': project.id, 'path': project.path_with_namespace, 'branch': project.default_branch,
     'all': [[p.id, p.iid, p.status, p.ref, p.sha, p.source] for p in everything],
     'page2': [p.id for p in page2], 'total': lazy.total, 'pages': lazy.total_pages,
     'failed': [p.status for p in failed], 'develop': [p.ref for p in develop],
     'full': {'id': full.id, 'user': full.user['username'], 'duration': full.duration,
              'finished_at': full.finished_at, 'web_url': full.web_url}})
)");
    QVERIFY2(r.is_object(), r.dump().c_str());
    QCOMPARE(r["id"].get<int>(), 1);
    QCOMPARE(r["path"], s_project);
    QCOMPARE(r["branch"], "main");

    // Every pipeline the engine has, newest first, with its status.
    const std::vector<SimRun> runs = m_engine->runs(s_key);
    QCOMPARE(runs.size(), std::size_t(12));
    const json &all = r["all"];
    QCOMPARE(all.size(), runs.size());
    std::size_t failures = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QCOMPARE(all[i][0].get<long long>(), runs[i].id);
        QCOMPARE(all[i][1].get<int>(), runs[i].number);
        const std::string expected = runs[i].state == SimRunState::Success ? "success" : "failed";
        QCOMPARE(all[i][2].get<std::string>(), expected);
        QCOMPARE(all[i][3].get<std::string>(), runs[i].branch);
        QCOMPARE(all[i][4].get<std::string>(), runs[i].sha);
        failures += runs[i].state == SimRunState::Failure;
    }
    // Offset pagination: page 2 of 5 is the 6th..10th; X-Total and X-Total-Pages read.
    QCOMPARE(r["page2"].size(), std::size_t(5));
    QCOMPARE(r["page2"][0].get<long long>(), runs[5].id);
    QCOMPARE(r["page2"][4].get<long long>(), runs[9].id);
    QVERIFY2(r["total"] == 12, r["total"].dump().c_str());
    QVERIFY2(r["pages"] == 3, r["pages"].dump().c_str());
    QVERIFY(failures > 0);
    QCOMPARE(r["failed"].size(), failures);
    for (const json &s : r["failed"])
        QCOMPARE(s.get<std::string>(), "failed");
    for (const json &ref : r["develop"])
        QCOMPARE(ref.get<std::string>(), "develop");
    QVERIFY(r["develop"].size() < runs.size());
    QCOMPARE(r["full"]["id"].get<long long>(), runs[0].id);
    QCOMPARE(r["full"]["user"].get<std::string>(), runs[0].actor);
    QVERIFY(!r["full"]["finished_at"].is_null());
    QVERIFY(r["full"]["web_url"].get<std::string>().find("/pfe-v2/pfe-application/-/pipelines/")
            != std::string::npos);
}

void tst_GitLabSim::jobsAndTraces()
{
    const std::vector<SimRun> runs = m_engine->runs(s_key);
    QVERIFY(!runs.empty());
    const SimRun &run = runs.front();
    const json r = python(QStringLiteral(R"(
import requests
project = gl.projects.get('pfe-v2/pfe-application', lazy=True)
pipeline = project.pipelines.get(%1)
jobs = pipeline.jobs.list(get_all=True)
build = [j for j in jobs if j.name == 'build-frontend'][0]
trace = project.jobs.get(build.id).trace().decode()
api = url + '/gitlab/api/v4/projects/pfe-v2%2Fpfe-application/jobs/' + str(build.id) + '/trace'
ranged = requests.get(api, headers={'PRIVATE-TOKEN': token, 'Range': 'bytes=10-'}, verify=ca)
out({'jobs': [[j.id, j.name, j.stage, j.status, j.pipeline['id']] for j in jobs],
     'trace': trace, 'status': ranged.status_code, 'rest': ranged.text,
     'range': ranged.headers.get('Content-Range', '')})
)")
                              .arg(run.id));
    QVERIFY2(r.is_object(), r.dump().c_str());
    const json &jobs = r["jobs"];
    // 3 builds, 3 tests, package x3, staging x2, production.
    QCOMPARE(jobs.size(), std::size_t(12));
    QCOMPARE(jobs.size(), run.jobs.size());
    std::set<std::string> names;
    long long previous = std::numeric_limits<long long>::max();
    for (const json &j : jobs) {
        QVERIFY(j[0].get<long long>() < previous); // newest (highest id) first
        previous = j[0].get<long long>();
        QCOMPARE(j[4].get<long long>(), run.id);
        names.insert(j[1].get<std::string>());
        if (j[1] == "build-frontend") {
            QCOMPARE(j[2].get<std::string>(), "build");
            QCOMPARE(j[3].get<std::string>(), "success");
        }
    }
    QVERIFY(names.count("package: [backend-python]"));
    QVERIFY(names.count("deploy-staging: [frontend]"));
    QVERIFY(names.count("deploy-production"));

    const std::string trace = r["trace"];
    QVERIFY2(trace.rfind("Running with gitlab-runner", 0) == 0, trace.c_str());
    QVERIFY(trace.find("$ npm ci") != std::string::npos);
    QVERIFY(trace.find("Job succeeded") != std::string::npos);
    QCOMPARE(r["status"].get<int>(), 206);
    QCOMPARE(r["rest"].get<std::string>(), trace.substr(10));
    QCOMPARE(r["range"].get<std::string>(),
             "bytes 10-" + std::to_string(trace.size() - 1) + "/" + std::to_string(trace.size()));
}

void tst_GitLabSim::ciFileCarriesTheDag()
{
    const json r = python(R"(
import yaml
project = gl.projects.get('pfe-v2/pfe-application', lazy=True)
ci = yaml.safe_load(project.files.raw(file_path='.gitlab-ci.yml', ref='main'))
f = project.files.get(file_path='.gitlab-ci.yml', ref='main')
out({'stages': ci['stages'], 'needs': ci['test-backend-spring']['needs'],
     'deploy': ci['deploy-production'],
     'same': yaml.safe_load(f.decode()) == ci, 'matrix': ci['package']['parallel']['matrix']})
)");
    QVERIFY2(r.is_object(), r.dump().c_str());
    QCOMPARE(r["stages"], json::array({"build", "test", "package", "deploy"}));
    QCOMPARE(r["needs"], json::array({"build-backend-spring"}));
    QCOMPARE(r["deploy"]["when"], "manual");
    QCOMPARE(r["deploy"]["needs"], json::array({"deploy-staging"}));
    QCOMPARE(r["deploy"]["environment"]["name"], "production");
    QCOMPARE(r["same"], true);
    QCOMPARE(r["matrix"][0]["VALUE"],
             json::array({"frontend", "backend-spring", "backend-python"}));
}

void tst_GitLabSim::createPlaysManualAndDeploys()
{
    const json created = python(R"(
project = gl.projects.get('pfe-v2/pfe-application', lazy=True)
p = project.pipelines.create({'ref': 'main', 'variables': [{'key': 'DEPLOY_ENV', 'value': 'prod'}]})
out({'id': p.id, 'status': p.status, 'source': p.source,
     'variables': [[v.key, v.value] for v in p.variables.list()]})
)");
    QVERIFY2(created.is_object(), created.dump().c_str());
    const long long id = created["id"];
    QCOMPARE(created["status"], "pending");
    QCOMPARE(created["source"], "api");
    QCOMPARE(created["variables"], json::array({json::array({"DEPLOY_ENV", "prod"})}));

    // The DAG runs to the manual production job, which waits.
    QVERIFY(waitFor(id, [](const SimRun &r) { return r.state == SimRunState::Waiting; }));
    const SimRun waiting = *m_engine->run(id);
    const std::string tag = waiting.sha.substr(0, 7);
    QCOMPARE(image("staging", "frontend"),
             QString::fromStdString("registry.gitlab.com/pfe-v2/pfe-application/frontend:" + tag));
    const json played = python(QStringLiteral(R"(
project = gl.projects.get('pfe-v2/pfe-application', lazy=True)
pipeline = project.pipelines.get(%1)
manual = pipeline.jobs.list(scope='manual', get_all=True)
status = pipeline.status
project.jobs.get(manual[0].id, lazy=True).play()
out({'pipeline': status, 'manual': [j.name for j in manual]})
)")
                                   .arg(id));
    QVERIFY2(played.is_object(), played.dump().c_str());
    QCOMPARE(played["pipeline"], "manual");
    QCOMPARE(played["manual"], json::array({"deploy-production"}));
    QVERIFY(waitFor(id, [](const SimRun &r) { return r.state == SimRunState::Success; }));
    QCOMPARE(
        image("pfe-app", "backend-spring"),
        QString::fromStdString("registry.gitlab.com/pfe-v2/pfe-application/backend-spring:" + tag));
    const json finished = python(QStringLiteral(R"(
p = gl.projects.get('pfe-v2/pfe-application', lazy=True).pipelines.get(%1)
out([p.status, p.finished_at is not None, p.detailed_status['text']])
)")
                                     .arg(id));
    QCOMPARE(finished, json::array({"success", true, "passed"}));
}

void tst_GitLabSim::cancelAndRetry()
{
    const json r = python(R"(
project = gl.projects.get('pfe-v2/pfe-application', lazy=True)
p = project.pipelines.create({'ref': 'develop'})
p.cancel()
p.refresh()
cancelled = p.status
jobs = [j.status for j in p.jobs.list(get_all=True)]
p.retry()
p.refresh()
out({'id': p.id, 'cancelled': cancelled, 'jobs': jobs, 'retried': p.status, 'ref': p.ref})
)");
    QVERIFY2(r.is_object(), r.dump().c_str());
    QCOMPARE(r["cancelled"], "canceled");
    QCOMPARE(r["ref"], "develop");
    for (const json &s : r["jobs"])
        QVERIFY2(s == "canceled" || s == "skipped", s.dump().c_str());
    QVERIFY2(r["retried"] == "pending" || r["retried"] == "running", r.dump().c_str());
    const auto run = m_engine->run(r["id"].get<long long>());
    QVERIFY(run);
    QCOMPARE(run->attempt, 2);
    QVERIFY(m_engine->cancel(run->id, nullptr));

    // Retrying one failed job of a history pipeline reruns it (a new job id) and what follows.
    const std::vector<SimRun> runs = m_engine->runs(s_key);
    const SimRun *failed = nullptr;
    for (const SimRun &h : runs)
        if (h.state == SimRunState::Failure && !failed)
            failed = &h;
    QVERIFY(failed);
    long long failedJob = 0;
    for (const SimJob &j : failed->jobs)
        if (j.state == SimRunState::Failure)
            failedJob = j.id;
    QVERIFY(failedJob);
    const json retried = python(QStringLiteral(R"(
project = gl.projects.get('pfe-v2/pfe-application', lazy=True)
job = project.jobs.get(%1)
new = job.retry()
out([job.status, new['id'], new['status'], new['pipeline']['id']])
)")
                                    .arg(failedJob));
    QVERIFY2(retried.is_array() && retried.size() == 4, retried.dump().c_str());
    QCOMPARE(retried[0], "failed");
    QVERIFY(retried[1].get<long long>() != failedJob);
    QCOMPARE(retried[3].get<long long>(), failed->id);
    QCOMPARE(m_engine->run(failed->id)->attempt, failed->attempt + 1);
}

void tst_GitLabSim::badTokenIs401()
{
    const json r = python(R"(
try:
    gl.projects.get('pfe-v2/pfe-application')
    out('accepted')
except gitlab.exceptions.GitlabAuthenticationError as e:
    out([e.response_code, str(e.error_message)])
)",
                          QStringLiteral("not-a-token"));
    QCOMPARE(r, json::array({401, "401 Unauthorized"}));
    const json missing = python(R"(
try:
    gl.projects.get('does/not-exist')
    out('found')
except gitlab.exceptions.GitlabGetError as e:
    out([e.response_code, str(e.error_message)])
)");
    QCOMPARE(missing, json::array({404, "404 Project Not Found"}));
    // Paths the API does not have are 404 JSON, whatever the method.
    const json odd = python(R"(
import requests
h = {'PRIVATE-TOKEN': token}
api = url + '/gitlab/api/v4/projects/'
out([requests.post(api + '1', headers=h).status_code,
     requests.delete(api + '1/pipelines/1', headers=h).status_code,
     requests.get(api + '1/jobs/abc/trace', headers=h).status_code,
     requests.get(url + '/gitlab/nothing', headers=h).json()['message']])
)");
    QCOMPARE(odd, json::array({404, 404, 404, "404 Not Found"}));
}

void tst_GitLabSim::bridgesAndChildPipelines()
{
    const json r = python(R"(
project = gl.projects.get('pfe-v2/pfe-platform')
pipelines = project.pipelines.list(get_all=True)
parents = [p for p in pipelines if p.source != 'parent_pipeline']
children = [p for p in pipelines if p.source == 'parent_pipeline']
# The oldest whose lint passed (a history pipeline may fail before its trigger jobs).
parent = [p for p in reversed(parents)
          if all(b.downstream_pipeline for b in p.bridges.list(get_all=True))][0]
parent = project.pipelines.get(parent.id)
rows = []
for b in sorted(parent.bridges.list(get_all=True), key=lambda b: b.name):
    d = b.downstream_pipeline
    downstream = gl.projects.get(d['project_id'], lazy=True)
    dp = downstream.pipelines.get(d['id'])
    jobs = sorted(j.name for j in dp.jobs.list(get_all=True))
    rows.append([b.name, b.stage, b.status == d['status'], d['status'], dp.source,
                 dp.sha == parent.sha, jobs, d['web_url'].split('/gitlab/')[1].split('/-/')[0]])
ci = project.files.raw(file_path='.gitlab-ci.yml', ref='main').decode()
child = project.files.raw(file_path='ci/docs.gitlab-ci.yml', ref='main').decode()
out({'parent': parent.status, 'jobs': sorted(j.name for j in parent.jobs.list(get_all=True)),
     'bridges': rows, 'parents': len(parents), 'children': len(children),
     'ci': ['include: ci/docs.gitlab-ci.yml' in ci, 'strategy: depend' in ci,
            'build-docs' in child],
     'projects': sorted(p.path_with_namespace for p in gl.projects.list(get_all=True))})
)");
    QVERIFY2(r.is_object(), r.dump().c_str());
    // The child pipeline's file is no project of its own; the charts project is one.
    QCOMPARE(r["projects"],
             json::array({"pfe-v2/pfe-application", "pfe-v2/pfe-charts", "pfe-v2/pfe-platform"}));
    // Four history pipelines; the children are in the same project's list.
    QCOMPARE(r["parents"], 4);
    QCOMPARE(r["children"].get<std::size_t>(),
             m_engine->runs("pfe-v2/pfe-platform/ci/docs.gitlab-ci.yml").size());
    QVERIFY(r["children"].get<int>() >= 1);
    QCOMPARE(r["jobs"], json::array({"lint", "report"})); // bridges are not jobs
    QCOMPARE(r["ci"], json::array({true, true, true}));
    const json &b = r["bridges"];
    QCOMPARE(b.size(), std::size_t(2));
    QCOMPARE(b[0][0], "charts");
    QCOMPARE(b[0][1], "trigger");
    QCOMPARE(b[0][2], true); // strategy: depend
    QCOMPARE(b[0][4], "pipeline");
    QCOMPARE(b[0][5], false); // another project's commit
    QCOMPARE(b[0][6], json::array({"helm-lint", "helm-package"}));
    QCOMPARE(b[0][7], "pfe-v2/pfe-charts");
    QCOMPARE(b[1][0], "docs");
    QCOMPARE(b[1][2], true);
    QCOMPARE(b[1][4], "parent_pipeline");
    QCOMPARE(b[1][5], true);
    QCOMPARE(b[1][6], json::array({"build-docs", "check-links", "publish-docs"}));
    QCOMPARE(b[1][7], "pfe-v2/pfe-platform");
    // Finished history: the children finished and the parent followed them.
    QVERIFY(b[0][3] == "success" || b[0][3] == "failed");
    QVERIFY(r["parent"] == "success" || r["parent"] == "failed");
}

void tst_GitLabSim::triggeredPipelinesRunAndCancel()
{
    const json created = python(R"(
project = gl.projects.get('pfe-v2/pfe-platform', lazy=True)
out([project.pipelines.create({'ref': 'main'}).id, project.pipelines.create({'ref': 'main'}).id])
)");
    QVERIFY2(created.is_array() && created.size() == 2, created.dump().c_str());
    const long long done = created[0].get<long long>(), cancelled = created[1].get<long long>();
    // The second: cancelled once its docs child runs; the cancel reaches the child, and the
    // API says so for the pipeline, its bridge and the child.
    long long child = 0;
    QVERIFY(waitFor(cancelled, [&](const SimRun &run) {
        for (const SimJob &j : run.jobs)
            if (j.name == "docs" && j.downstreamRunId != 0)
                child = j.downstreamRunId;
        return child != 0;
    }));
    std::string error;
    QVERIFY2(m_engine->cancel(cancelled, &error), error.c_str());
    QCOMPARE(m_engine->run(child)->state, SimRunState::Cancelled);
    const json answer = python(QStringLiteral(R"(
project = gl.projects.get('pfe-v2/pfe-platform', lazy=True)
p = project.pipelines.get(%1)
docs = [b for b in p.bridges.list() if b.name == 'docs'][0]
out([p.status, docs.status, project.pipelines.get(docs.downstream_pipeline['id']).status])
)")
                                   .arg(cancelled));
    QCOMPARE(answer, json::array({"canceled", "canceled", "canceled"}));
    // The first runs to the end on the same clock: lint, both children, then report.
    QVERIFY(waitFor(done, [](const SimRun &run) { return run.state == SimRunState::Success; }));
    const SimRun parent = *m_engine->run(done);
    int bridges = 0;
    for (const SimJob &j : parent.jobs) {
        if (!j.bridge)
            continue;
        ++bridges;
        const auto downstream = m_engine->run(j.downstreamRunId);
        QVERIFY(downstream);
        QCOMPARE(downstream->parentRunId, done);
        QCOMPARE(downstream->parentJobId, j.id);
        QCOMPARE(downstream->state, SimRunState::Success);
        QVERIFY(*j.finishedAt >= *downstream->finishedAt);
        QCOMPARE(downstream->event, j.name == "docs" ? "parent_pipeline" : "pipeline");
    }
    QCOMPARE(bridges, 2);
}

QTEST_GUILESS_MAIN(tst_GitLabSim)
#include "tst_gitlabsim.moc"
