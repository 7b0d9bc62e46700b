// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated GitHub Actions (sim/github over sim/pipelines) judged by the real `gh` CLI
// (Debian's gh, GitHub Enterprise Server mode: GH_HOST, GH_ENTERPRISE_TOKEN, SSL_CERT_FILE on
// the front's CA) and real kubectl: `gh run list --json` and `gh run view --json jobs` read the
// scenarios' history; `gh workflow run` starts the PFE pipeline, whose staging deploy sets the
// images on the staging Deployments (kubectl sees the rollout) and whose production deploy
// waits for a review given through the pending_deployments API; `gh run cancel` and
// `gh run rerun` change a run; the multicloud release fails its health checks and the
// automatic rollback job puts the api-gateway Deployment back on its previous image. Also
// GitHub's 401, ETag / If-None-Match 304, the rate-limit headers, Link pagination, the
// workflow file with `needs:` at the contents API, and the job log redirect.
//
// One in-process Simulator (pfe + multicloud) at speed 30: the whole test takes ~15 s.
#include "front/servicefront.h"
#include "github/githubservice.h"
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

#include <memory>

using namespace Orrery::Sim;
using json = nlohmann::json;

namespace {

const QString s_pfe = QStringLiteral("pfe-v2/pfe-application");
const QString s_multicloud = QStringLiteral("acme/platform");
const char *const s_token = "orrery-sim-github";

struct GhResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class tst_GitHubSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void runListReadsHistory();
    void runViewJobs();
    void badTokenIs401();
    void etagRateLimitAndPaging();
    void workflowFileHasNeeds();
    void workflowRunDeploysThroughReview();
    void cancelAndRerun();
    void multicloudRollsBack();

private:
    GhResult gh(const QStringList &args, const QString &token = QString::fromLatin1(s_token));
    json ghJson(const QStringList &args);
    Orrery::Test::KubectlResult kubectl(const QStringList &args);
    QString image(const QString &context, const QString &ns, const QString &deployment);
    // Starts a workflow_dispatch run with `gh workflow run`; its id (0 on failure).
    long long dispatch(const QString &repo, const QString &workflow);
    std::optional<SimRun> run(long long id) { return m_engine->run(id); }
    bool waitFor(long long id, const std::function<bool(const SimRun &)> &condition);
    const SimJob *job(const SimRun &r, const std::string &name);
    void approve(const QString &repo, long long runId);

    Orrery::Test::InProcessSimulator m_sim;
    PipelineEngine *m_engine = nullptr;
    QString m_host;
    QString m_ca;
    QString m_kubeconfig;
};

void tst_GitHubSim::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("gh")).isEmpty())
        QFAIL("the gh CLI is not installed (Debian package gh, see scripts/deps.sh)");
    SimulatorOptions options;
    options.scenarios = {"pfe", "multicloud"};
    options.speed = 30;
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    auto *github = m_sim.service<GitHubService>("github");
    QVERIFY(github);
    m_engine = &github->engine();
    m_host = m_sim.servicesUrl().mid(QStringLiteral("https://").size());

    m_ca = m_sim.servicesCaFile();
    m_kubeconfig = m_sim.kubeconfigFile();
}

void tst_GitHubSim::cleanupTestCase()
{
    m_sim.stop();
}

GhResult tst_GitHubSim::gh(const QStringList &args, const QString &token)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN",
                          "GITHUB_ENTERPRISE_TOKEN", "GH_REPO", "GH_DEBUG"})
        env.remove(QString::fromLatin1(v));
    env.insert(QStringLiteral("GH_HOST"), m_host);
    env.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), token);
    env.insert(QStringLiteral("SSL_CERT_FILE"), m_ca);
    env.insert(QStringLiteral("HOME"), m_sim.directory());
    env.insert(QStringLiteral("GH_CONFIG_DIR"), m_sim.path(QStringLiteral("gh-config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_sim.path(QStringLiteral("cache")));
    env.insert(QStringLiteral("GH_PROMPT_DISABLED"), QStringLiteral("1"));
    env.insert(QStringLiteral("GH_NO_UPDATE_NOTIFIER"), QStringLiteral("1"));
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("gh"), args);
    GhResult r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (r.exitCode != 0)
        qInfo().noquote() << "gh" << args.join(' ') << "exit" << r.exitCode << r.err;
    return r;
}

json tst_GitHubSim::ghJson(const QStringList &args)
{
    const GhResult r = gh(args);
    if (r.exitCode != 0)
        return json();
    return json::parse(r.out.toStdString(), nullptr, false);
}

Orrery::Test::KubectlResult tst_GitHubSim::kubectl(const QStringList &args)
{
    return Orrery::Test::runKubectl(m_kubeconfig, m_sim.directory(), args);
}

QString tst_GitHubSim::image(const QString &context, const QString &ns, const QString &deployment)
{
    return kubectl({"--context", context, "-n", ns, "get", "deployment", deployment, "-o",
                    "jsonpath={.spec.template.spec.containers[0].image}"})
        .out.trimmed();
}

long long tst_GitHubSim::dispatch(const QString &repo, const QString &workflow)
{
    const json before = ghJson({"run", "list", "-R", repo, "--json", "databaseId", "-L", "1"});
    if (!before.is_array() || before.empty())
        return 0;
    const long long newest = before[0].value("databaseId", 0LL);
    if (gh({"workflow", "run", workflow, "-R", repo, "--ref", "main"}).exitCode != 0)
        return 0;
    // gh 2.23's run list has no --event: the newest run is the one just dispatched.
    const json after
        = ghJson({"run", "list", "-R", repo, "--json", "databaseId,event,headBranch", "-L", "1"});
    if (!after.is_array() || after.empty() || after[0].value("databaseId", 0LL) <= newest
        || after[0].value("event", "") != "workflow_dispatch"
        || after[0].value("headBranch", "") != "main")
        return 0;
    return after[0].value("databaseId", 0LL);
}

bool tst_GitHubSim::waitFor(long long id, const std::function<bool(const SimRun &)> &condition)
{
    return Orrery::Test::waitUntil(
        [&] {
            const auto r = run(id);
            return r && condition(*r);
        },
        30000);
}

const SimJob *tst_GitHubSim::job(const SimRun &r, const std::string &name)
{
    for (const SimJob &j : r.jobs)
        if (j.name == name)
            return &j;
    return nullptr;
}

void tst_GitHubSim::approve(const QString &repo, long long runId)
{
    const QString path
        = QStringLiteral("repos/%1/actions/runs/%2/pending_deployments").arg(repo).arg(runId);
    const json pending = ghJson({"api", path});
    QVERIFY2(pending.is_array() && pending.size() == 1, pending.dump().c_str());
    QCOMPARE(pending[0]["environment"].value("name", ""), std::string("production"));
    QVERIFY(pending[0].value("current_user_can_approve", false));
    const long long environment = pending[0]["environment"].value("id", 0LL);
    const json deployments = ghJson({"api", "-X", "POST", path, "-F",
                                     QStringLiteral("environment_ids[]=%1").arg(environment), "-f",
                                     "state=approved", "-f", "comment=Ship it"});
    QVERIFY2(deployments.is_array() && deployments.size() == 1, deployments.dump().c_str());
    QCOMPARE(deployments[0].value("environment", ""), std::string("production"));
}

void tst_GitHubSim::runListReadsHistory()
{
    const json runs = ghJson({"run", "list", "-R", s_pfe, "-L", "100", "--json",
                              "databaseId,number,status,conclusion,name,workflowName,"
                              "headBranch,headSha,event,createdAt,displayTitle"});
    QVERIFY2(runs.is_array(), runs.dump().c_str());
    QCOMPARE(runs.size(), std::size_t(24));
    int failed = 0;
    for (const json &r : runs) {
        QCOMPARE(r.value("status", ""), std::string("completed"));
        QCOMPARE(r.value("workflowName", ""), std::string("CI/CD Pipeline"));
        QCOMPARE(r.value("headSha", "").size(), std::size_t(40));
        QVERIFY(!r.value("displayTitle", "").empty());
        failed += r.value("conclusion", "") == "failure";
        QVERIFY(r.value("conclusion", "") == "success" || r.value("conclusion", "") == "failure");
    }
    QVERIFY2(failed > 0 && failed < 24, std::to_string(failed).c_str());
    // Newest first, numbered 24 .. 1.
    QCOMPARE(runs.front().value("number", 0), 24);
    QCOMPARE(runs.back().value("number", 0), 1);

    // Filters reach the server: branch and status.
    const json onDevelop = ghJson(
        {"run", "list", "-R", s_pfe, "-L", "100", "-b", "develop", "--json", "headBranch"});
    QVERIFY(onDevelop.is_array());
    for (const json &r : onDevelop)
        QCOMPARE(r.value("headBranch", ""), std::string("develop"));
    QVERIFY(onDevelop.size() < runs.size());
}

void tst_GitHubSim::runViewJobs()
{
    const json runs = ghJson({"run", "list", "-R", s_pfe, "-L", "1", "--json", "databaseId"});
    QVERIFY(runs.is_array() && runs.size() == 1);
    const QString id = QString::number(runs[0].value("databaseId", 0LL));
    const json view = ghJson({"run", "view", id, "-R", s_pfe, "--json", "jobs,conclusion,status"});
    QVERIFY2(view.is_object(), view.dump().c_str());
    const json &jobs = view["jobs"];
    // checkout, build-test x3, docker x3, scan, push x3, staging x2, production x3.
    QCOMPARE(jobs.size(), std::size_t(16));
    QStringList names;
    for (const json &j : jobs) {
        names << QString::fromStdString(j.value("name", ""));
        QVERIFY(!j["steps"].empty());
        QCOMPARE(j.value("status", ""), std::string("completed"));
        QVERIFY(j.value("databaseId", 0LL) > 0);
    }
    QVERIFY(names.contains(QStringLiteral("Build & Test (backend-python)")));
    QVERIFY(names.contains(QStringLiteral("Deploy to Production (frontend)")));
    QCOMPARE(jobs[0]["steps"][0].value("name", ""), std::string("Set up job"));
}

void tst_GitHubSim::badTokenIs401()
{
    const GhResult r = gh({"api", "repos/" + s_pfe + "/actions/runs"}, QStringLiteral("nope"));
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.out.contains("Bad credentials") || r.err.contains("Bad credentials"), r.out + r.err);
    QVERIFY2(r.err.contains("401"), r.err);
}

void tst_GitHubSim::etagRateLimitAndPaging()
{
    const QString path = "repos/" + s_pfe + "/actions/runs?per_page=5&page=2";
    const GhResult first = gh({"api", "-i", path});
    QCOMPARE(first.exitCode, 0);
    const QString head = QString::fromUtf8(first.out);
    QVERIFY2(head.contains(QStringLiteral("X-Ratelimit-Limit: 5000"), Qt::CaseInsensitive),
             first.out.left(2000));
    QVERIFY(head.contains(QStringLiteral("X-Ratelimit-Remaining:"), Qt::CaseInsensitive));
    QVERIFY(head.contains(QStringLiteral("rel=\"next\""), Qt::CaseInsensitive));
    QVERIFY(head.contains(QStringLiteral("rel=\"prev\""), Qt::CaseInsensitive));
    QVERIFY(head.contains(QStringLiteral("page=3"), Qt::CaseInsensitive));
    const QRegularExpression etagLine(QStringLiteral("(?mi)^Etag: (\"[0-9a-f]+\")"));
    const auto m = etagLine.match(head);
    QVERIFY2(m.hasMatch(), first.out.left(2000));
    const json page = json::parse(first.out.mid(first.out.indexOf("\r\n\r\n") + 4).toStdString(),
                                  nullptr, false);
    QVERIFY2(page.is_object(), first.out.left(2000));
    QCOMPARE(page["workflow_runs"].size(), std::size_t(5));
    QCOMPARE(page.value("total_count", 0), 24);
    // Absolute URLs on the front.
    QVERIFY(page["workflow_runs"][0]
                .value("jobs_url", "")
                .rfind("https://" + m_host.toStdString() + "/api/v3/repos/", 0)
            == 0);

    // The same request with If-None-Match: 304, no body (history runs do not change).
    const GhResult again = gh({"api", "-i", "-H", "If-None-Match: " + m.captured(1), path});
    QVERIFY2(QString::fromUtf8(again.out).contains(QStringLiteral(" 304 ")), again.out + again.err);
}

void tst_GitHubSim::workflowFileHasNeeds()
{
    const json file = ghJson({"api", "repos/" + s_pfe + "/contents/.github/workflows/ci-cd.yml"});
    QVERIFY2(file.is_object(), file.dump().c_str());
    QCOMPARE(file.value("encoding", ""), std::string("base64"));
    const QByteArray yaml = QByteArray::fromBase64(
        QByteArray::fromStdString(file.value("content", "")).replace('\n', ""));
    QVERIFY2(yaml.contains("needs: [security-scan]"), yaml);
    QVERIFY2(yaml.contains("environment: production"), yaml);
    QVERIFY2(yaml.contains("target: [frontend, backend-spring, backend-python]"), yaml);

    // The workflows list names its file.
    const json api = ghJson({"api", "repos/" + s_pfe + "/actions/workflows"});
    QCOMPARE(api.value("total_count", 0), 1);
    QCOMPARE(api["workflows"][0].value("path", ""), std::string(".github/workflows/ci-cd.yml"));
}

void tst_GitHubSim::workflowRunDeploysThroughReview()
{
    const QString before
        = image(QStringLiteral("pfe-k8s"), QStringLiteral("staging"), QStringLiteral("frontend"));
    QCOMPARE(before, QStringLiteral("ghcr.io/pfe-v2/frontend:1.1.0-rc.1"));

    const long long id = dispatch(s_pfe, QStringLiteral("ci-cd.yml"));
    QVERIFY(id > 0);
    // Production is a protected environment: the run waits once staging is deployed.
    QVERIFY(waitFor(id, [](const SimRun &r) { return r.state == SimRunState::Waiting; }));
    const SimRun waiting = *run(id);
    const std::string tag = "sha-" + waiting.sha.substr(0, 7);
    const SimJob *staging = job(waiting, "Deploy to Staging (frontend)");
    QVERIFY(staging);
    QCOMPARE(int(staging->state), int(SimRunState::Success));
    QVERIFY(staging->log.find("kubectl set image deployment/frontend") != std::string::npos);

    // gh sees the run waiting, and the job waiting.
    const json view
        = ghJson({"run", "view", QString::number(id), "-R", s_pfe, "--json", "status,jobs,event"});
    QCOMPARE(view.value("status", ""), std::string("waiting"));
    QCOMPARE(view.value("event", ""), std::string("workflow_dispatch"));

    // The staging Deployment really changed: kubectl sees the new image and the rollout ends.
    QCOMPARE(
        image(QStringLiteral("pfe-k8s"), QStringLiteral("staging"), QStringLiteral("frontend")),
        QString::fromStdString("ghcr.io/pfe-v2/frontend:" + tag));
    const auto rollout = kubectl({"--context", "pfe-k8s", "-n", "staging", "rollout", "status",
                                  "deployment/frontend", "--timeout=60s"});
    QVERIFY2(rollout.exitCode == 0, qPrintable(rollout.out + rollout.err));

    // The job log, through the API's redirect.
    const GhResult log
        = gh({"api", QStringLiteral("repos/%1/actions/jobs/%2/logs").arg(s_pfe).arg(staging->id)});
    QCOMPARE(log.exitCode, 0);
    QVERIFY2(log.out.contains("deployment.apps/frontend image updated"), log.out);

    approve(s_pfe, id);
    QVERIFY(waitFor(id, [](const SimRun &r) { return r.state == SimRunState::Success; }));
    QCOMPARE(image(QStringLiteral("pfe-k8s"), QStringLiteral("pfe-app"),
                   QStringLiteral("backend-python")),
             QString::fromStdString("ghcr.io/pfe-v2/backend-python:" + tag));
    const json done
        = ghJson({"run", "view", QString::number(id), "-R", s_pfe, "--json", "status,conclusion"});
    QCOMPARE(done.value("conclusion", ""), std::string("success"));

    // The images it pushed are its artifacts.
    const json artifacts
        = ghJson({"api", QStringLiteral("repos/%1/actions/runs/%2/artifacts").arg(s_pfe).arg(id)});
    QCOMPARE(artifacts.value("total_count", 0), 3);
}

void tst_GitHubSim::cancelAndRerun()
{
    const long long id = dispatch(s_pfe, QStringLiteral("ci-cd.yml"));
    QVERIFY(id > 0);
    QCOMPARE(gh({"run", "cancel", QString::number(id), "-R", s_pfe}).exitCode, 0);
    QCOMPARE(int(run(id)->state), int(SimRunState::Cancelled));
    const json cancelled = ghJson(
        {"run", "view", QString::number(id), "-R", s_pfe, "--json", "status,conclusion,jobs"});
    QCOMPARE(cancelled.value("conclusion", ""), std::string("cancelled"));
    // A finished run cannot be cancelled again.
    QVERIFY(gh({"run", "cancel", QString::number(id), "-R", s_pfe}).exitCode != 0);

    const long long firstJob = run(id)->jobs.front().id;
    QCOMPARE(gh({"run", "rerun", QString::number(id), "-R", s_pfe}).exitCode, 0);
    const SimRun again = *run(id);
    QCOMPARE(again.attempt, 2);
    QVERIFY(again.jobs.front().id != firstJob);
    QVERIFY(again.state == SimRunState::Queued || again.state == SimRunState::Running);
    // gh 2.23's --json has no attempt field: the API has run_attempt.
    const json view
        = ghJson({"api", QStringLiteral("repos/%1/actions/runs/%2").arg(s_pfe).arg(id)});
    QCOMPARE(view.value("run_attempt", 0), 2);
    QVERIFY(view["previous_attempt_url"].is_string());
    QVERIFY(m_engine->cancel(id, nullptr));
}

void tst_GitHubSim::multicloudRollsBack()
{
    const QString context = QStringLiteral("multicloud-gke-europe-west1");
    QCOMPARE(image(context, QStringLiteral("app"), QStringLiteral("api-gateway")),
             QStringLiteral("ghcr.io/acme/api-gateway:2.3.1"));
    const long long id = dispatch(s_multicloud, QStringLiteral("deploy.yml"));
    QVERIFY(id > 0);
    QVERIFY(waitFor(id, [](const SimRun &r) { return r.state == SimRunState::Waiting; }));
    approve(s_multicloud, id);
    // The release reaches GKE, its health checks fail, and the rollback job undoes the
    // rollout by itself.
    QVERIFY(waitFor(id, [](const SimRun &r) { return r.state == SimRunState::Failure; }));
    const SimRun done = *run(id);
    QCOMPARE(int(job(done, "Post-deployment health checks")->state), int(SimRunState::Failure));
    QCOMPARE(int(job(done, "Automatic rollback")->state), int(SimRunState::Success));
    QVERIFY(
        job(done, "Deploy production (GKE)")->log.find("deployment.apps/api-gateway image updated")
        != std::string::npos);
    QVERIFY(job(done, "Automatic rollback")->log.find("deployment.apps/api-gateway rolled back")
            != std::string::npos);
    QCOMPARE(image(context, QStringLiteral("app"), QStringLiteral("api-gateway")),
             QStringLiteral("ghcr.io/acme/api-gateway:2.3.1"));
    // kubectl's history has the release's revision (the pipeline's change-cause) and its
    // ReplicaSet ran the release image.
    const auto history = kubectl(
        {"--context", context, "-n", "app", "rollout", "history", "deployment/api-gateway"});
    QVERIFY2(history.out.contains(QStringLiteral("Deploy run #%1").arg(done.number)),
             qPrintable(history.out + history.err));
    const auto replicaSets
        = kubectl({"--context", context, "-n", "app", "get", "rs", "-l", "app=api-gateway", "-o",
                   "jsonpath={.items[*].spec.template.spec.containers[0].image}"});
    QVERIFY2(replicaSets.out.contains(
                 QStringLiteral("ghcr.io/acme/api-gateway:2.5.0-rc.%1").arg(done.number)),
             qPrintable(replicaSets.out));

    const json view = ghJson(
        {"run", "view", QString::number(id), "-R", s_multicloud, "--json", "conclusion,jobs"});
    QCOMPARE(view.value("conclusion", ""), std::string("failure"));
    bool rollbackSeen = false;
    for (const json &j : view["jobs"])
        if (j.value("name", "") == "Automatic rollback")
            rollbackSeen = j.value("conclusion", "") == "success";
    QVERIFY(rollbackSeen);

    // gh reads the run's log archive (a zip of one file per step) for the failed step.
    const GhResult failedLog
        = gh({"run", "view", QString::number(id), "-R", s_multicloud, "--log-failed"});
    QCOMPARE(failedLog.exitCode, 0);
    QVERIFY2(failedLog.out.contains("Post-deployment health checks\tProbe /healthz\t"),
             failedLog.out);
    QVERIFY2(failedLog.out.contains("Process completed with exit code 1."), failedLog.out);
    QVERIFY2(!failedLog.out.contains("Automatic rollback"), failedLog.out);

    // gh run rerun --failed: only the failed job and what follows it run again.
    QCOMPARE(gh({"run", "rerun", QString::number(id), "-R", s_multicloud, "--failed"}).exitCode, 0);
    const SimRun again = *run(id);
    QCOMPARE(again.attempt, 2);
    QCOMPARE(int(job(again, "Deploy production (GKE)")->state), int(SimRunState::Success));
    const SimRunState health = job(again, "Post-deployment health checks")->state;
    QVERIFY(health == SimRunState::Queued || health == SimRunState::Running);
}

QTEST_GUILESS_MAIN(tst_GitHubSim)
#include "tst_githubsim.moc"
