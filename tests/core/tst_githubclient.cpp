// SPDX-License-Identifier: GPL-3.0-or-later
// GitHub Actions in core: GitHubResponse on GitHub's official example payloads
// (tests/data/github, from github/rest-api-description) and on hostile ones; the needs read
// from a workflow file; GitHubClient over real HTTP on 127.0.0.1 against a small GitHub
// Enterprise-shaped server (/api/v3) serving those examples: pagination by Link, the ETag
// cache, the rate-limit snapshot, the actions, the 302 of a job log (no token sent on), and
// faults (truncated JSON, 500, rate-limited 403 and 429, endless pages, too many items);
// GitHubCredentials' order (environment, gh auth token, keyring) with a fake gh.

#include "kube/httptransport.h"
#include "pipelines/githubclient.h"
#include "pipelines/githubcredentials.h"
#include "pipelines/githubresponse.h"
#include "pipelines/pipelinesecretstore.h"

#include <asyncanswer.h>
#include <eventloopwait.h>
#include <loopbackhttpserver.h>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <optional>

using namespace Orrery;
using Json = nlohmann::json;

namespace {

const QByteArray Token = "ghp_test_token_not_real_0123456789";
const QString Repo = QStringLiteral("octo-org/octo-repo");
const QString Sha = QStringLiteral("acb5820ced9479c074f688cc328bf03f341a511d");

QByteArray data(const char *name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/github/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Json dataJson(const char *name)
{
    return Json::parse(data(name).toStdString());
}

using Orrery::Test::ask;

// The workflow file of the fixture run: a matrix build, a named lint job, tests that need
// both, a deploy to the "staging" environment (the pending deployment of GitHub's example) and
// a reusable release workflow.
const char *WorkflowYaml = R"(name: Build
on: [push, workflow_dispatch]
jobs:
  build:
    strategy:
      matrix:
        os: [ubuntu, macos]
    runs-on: ${{ matrix.os }}-latest
    steps: [{run: make}]
  lint:
    name: Lint code
    runs-on: ubuntu-latest
    steps: [{run: make lint}]
  test:
    needs: [build, lint]
    runs-on: ubuntu-latest
    steps: [{run: make test}]
  deploy:
    needs: test
    environment:
      name: staging
      url: https://staging.example.com
    runs-on: ubuntu-latest
    steps: [{run: make deploy}]
  release:
    needs: deploy
    uses: ./.github/workflows/release.yml
)";

// The jobs the run shows for that file: GitHub's job example, renamed and renumbered.
Json fixtureJobs()
{
    const Json example = dataJson("job-paginated.json")["jobs"][0];
    struct Spec
    {
        qint64 id;
        const char *name;
        const char *status;
        const char *conclusion;
    };
    const Spec specs[] = {{101, "build (ubuntu)", "completed", "success"},
                          {102, "build (macos)", "completed", "success"},
                          {103, "Lint code", "completed", "success"},
                          {104, "test", "completed", "failure"},
                          {105, "deploy", "waiting", nullptr},
                          {106, "release / publish", "queued", nullptr}};
    Json jobs = Json::array();
    for (const Spec &s : specs) {
        Json j = example;
        j["id"] = s.id;
        j["run_id"] = 30433642;
        j["name"] = s.name;
        j["status"] = s.status;
        j["conclusion"] = s.conclusion ? Json(s.conclusion) : Json(nullptr);
        jobs.push_back(j);
    }
    return jobs;
}

// A run page: GitHub's run example with the given ids.
Json runsPage(const QList<qint64> &ids)
{
    Json page = dataJson("workflow-run-paginated.json");
    const Json run = page["workflow_runs"][0];
    page["workflow_runs"] = Json::array();
    for (qint64 id : ids) {
        Json r = run;
        r["id"] = id;
        page["workflow_runs"].push_back(r);
    }
    page["total_count"] = 3;
    return page;
}

class MemorySecretStore final : public SecretStore
{
public:
    Result<QByteArray> read(const QString &key) override
    {
        std::lock_guard lock(m_mutex);
        if (!m_values.contains(key))
            return Error(Error::Code::NotFound, QStringLiteral("no entry"));
        return m_values.value(key);
    }
    Result<void> write(const QString &key, const QByteArray &secret) override
    {
        std::lock_guard lock(m_mutex);
        m_values.insert(key, secret);
        return {};
    }
    Result<void> remove(const QString &key) override
    {
        std::lock_guard lock(m_mutex);
        m_values.remove(key);
        return {};
    }
    QString name() const override { return QStringLiteral("the test keyring"); }

private:
    std::mutex m_mutex;
    QMap<QString, QByteArray> m_values;
};

// What the fixture server saw.
struct Seen
{
    std::mutex mutex;
    QStringList requests;              // "GET /api/v3/..." with the query
    QList<QByteArray> bodies;          // POST bodies, in order
    std::atomic<int> unauthorized = 0; // requests without the token
    std::atomic<int> notModified = 0;
    std::atomic<bool> logHadAuthorization = false;
    std::atomic<int> logRequests = 0;

    void note(const httplib::Request &req)
    {
        std::lock_guard lock(mutex);
        QString line = QString::fromStdString(req.method + " " + req.path);
        if (!req.params.empty()) {
            QStringList q;
            for (const auto &[k, v] : req.params)
                q.append(QString::fromStdString(k + "=" + v));
            line += QLatin1Char('?') + q.join(QLatin1Char('&'));
        }
        requests.append(line);
    }
    // Called by the POST handlers: the pre-routing handler runs before the body is read.
    void body(const httplib::Request &req)
    {
        std::lock_guard lock(mutex);
        bodies.append(QByteArray::fromStdString(req.body));
    }
    int count(const QString &prefix)
    {
        std::lock_guard lock(mutex);
        int n = 0;
        for (const QString &r : requests)
            n += r.startsWith(prefix) ? 1 : 0;
        return n;
    }
};

} // namespace

class tst_GitHubClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void decodesOfficialExamples();
    void statusMapping_data();
    void statusMapping();
    void needsFromWorkflow();
    void hostileInput_data();
    void hostileInput();
    void hostileWorkflow();
    void linksAndRateHeaders();
    void apiBase();

    void listsRunsAcrossPages();
    void etagCacheAnswers304();
    void runWithJobsNeedsAndPendingDeployment();
    void jobLogFollowsRedirectWithoutToken();
    void actions();
    void faults();
    void boundsPages();

    void credentialsOrder();

private:
    HttpTransport *makeTransport(int port);

    Orrery::Test::LoopbackHttpServer m_github;
    Orrery::Test::LoopbackHttpServer m_storage; // where logs redirect (another port)
    Seen m_seen;
    std::unique_ptr<HttpTransport> m_transport;
};

void tst_GitHubClient::initTestCase()
{
    QVERIFY(m_storage.start(0, 2, [this](httplib::Server &s) {
        s.Get("/logs/105.txt", [this](const httplib::Request &req, httplib::Response &res) {
            ++m_seen.logRequests;
            if (req.has_header("Authorization"))
                m_seen.logHadAuthorization = true;
            res.set_content("2020-01-20T17:42:40Z Set up job\n2020-01-20T17:42:41Z make deploy\n",
                            "text/plain");
        });
    }));
    const std::string storage = m_storage.url();
    QVERIFY(m_github.start(0, 4, [this, storage](httplib::Server &s) {
        const std::string api = "/api/v3/repos/octo-org/octo-repo";
        s.set_tcp_nodelay(true); // 100 sequential pages without 40 ms delayed ACKs each
        s.set_pre_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
            m_seen.note(req);
            if (req.get_header_value("Authorization") != "Bearer " + Token.toStdString()
                || req.get_header_value("X-GitHub-Api-Version") != "2022-11-28") {
                ++m_seen.unauthorized;
                res.status = 401;
                res.set_content(R"({"message":"Requires authentication"})", "application/json");
                return httplib::Server::HandlerResponse::Handled;
            }
            res.set_header("X-RateLimit-Limit", "5000");
            res.set_header("X-RateLimit-Remaining", "4987");
            res.set_header("X-RateLimit-Used", "13");
            res.set_header("X-RateLimit-Reset", "1767225600");
            res.set_header("X-RateLimit-Resource", "core");
            return httplib::Server::HandlerResponse::Unhandled;
        });
        // Runs: three pages of one run each, linked with absolute URLs as GitHub does.
        s.Get(api + "/actions/runs", [this](const httplib::Request &req, httplib::Response &res) {
            const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
            const std::string etag = "\"runs-" + std::to_string(page) + "\"";
            res.set_header("ETag", etag);
            if (req.get_header_value("If-None-Match") == etag) {
                ++m_seen.notModified;
                res.status = 304;
                return;
            }
            const std::string base = "http://127.0.0.1:" + std::to_string(m_github.port())
                                     + "/api/v3/repos/octo-org/octo-repo/actions/runs?per_page="
                                     + req.get_param_value("per_page");
            if (page < 3)
                res.set_header("Link", "<" + base + "&page=" + std::to_string(page + 1)
                                           + ">; rel=\"next\", <" + base
                                           + "&page=3>; rel=\"last\"");
            res.set_content(runsPage({30433642 - page + 1}).dump(), "application/json");
        });
        s.Get(api + "/actions/runs/30433642",
              [](const httplib::Request &req, httplib::Response &res) {
                  res.set_header("ETag", "\"run\"");
                  if (req.get_header_value("If-None-Match") == "\"run\"") {
                      res.status = 304;
                      return;
                  }
                  Json run = dataJson("workflow-run.json");
                  run["status"] = "waiting";
                  res.set_content(run.dump(), "application/json");
              });
        s.Get(api + "/actions/runs/30433642/jobs", [this](const httplib::Request &req,
                                                          httplib::Response &res) {
            // Two pages: four jobs, then two.
            const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
            Json all = fixtureJobs();
            Json out = {{"total_count", all.size()}, {"jobs", Json::array()}};
            for (size_t i = page == 1 ? 0 : 4; i < (page == 1 ? 4 : all.size()); ++i)
                out["jobs"].push_back(all[i]);
            if (page == 1)
                res.set_header("Link", "<http://127.0.0.1:" + std::to_string(m_github.port())
                                           + "/api/v3/repos/octo-org/octo-repo/actions/runs/"
                                             "30433642/jobs?per_page=100&page=2>; rel=\"next\"");
            res.set_content(out.dump(), "application/json");
        });
        s.Get(api + "/contents/.github/workflows/build.yml", [](const httplib::Request &req,
                                                                httplib::Response &res) {
            if (req.get_param_value("ref") != Sha.toStdString()) {
                res.status = 404;
                res.set_content(R"({"message":"No commit found for the ref"})", "application/json");
                return;
            }
            // Base64 wrapped at 60 columns, as GitHub sends it.
            QByteArray b64 = QByteArray(WorkflowYaml).toBase64();
            QByteArray wrapped;
            for (qsizetype i = 0; i < b64.size(); i += 60)
                wrapped += b64.mid(i, 60) + '\n';
            const Json file = {{"type", "file"},
                               {"encoding", "base64"},
                               {"path", ".github/workflows/build.yml"},
                               {"content", wrapped.toStdString()}};
            res.set_content(file.dump(), "application/json");
        });
        s.Get(api + "/actions/runs/30433642/pending_deployments",
              [](const httplib::Request &, httplib::Response &res) {
                  res.set_content(data("pending-deployment-items.json").toStdString(),
                                  "application/json");
              });
        s.Post(api + "/actions/runs/30433642/pending_deployments",
               [this](const httplib::Request &req, httplib::Response &res) {
                   m_seen.body(req);
                   res.set_content("[]", "application/json");
               });
        s.Get(api + "/actions/runs/30433642/artifacts", [](const httplib::Request &,
                                                           httplib::Response &res) {
            res.set_content(data("artifact-paginated.json").toStdString(), "application/json");
        });
        s.Get(api + "/actions/workflows", [](const httplib::Request &, httplib::Response &res) {
            res.set_content(data("workflow-paginated.json").toStdString(), "application/json");
        });
        s.Get(api + "/actions/jobs/105/logs",
              [storage](const httplib::Request &, httplib::Response &res) {
                  res.set_redirect(storage + "/logs/105.txt", 302);
              });
        s.Get(api, [](const httplib::Request &, httplib::Response &res) {
            res.set_content(R"({"full_name":"octo-org/octo-repo","default_branch":"trunk"})",
                            "application/json");
        });
        s.Post(api + "/actions/workflows/deploy.yml/dispatches",
               [this](const httplib::Request &req, httplib::Response &res) {
                   m_seen.body(req);
                   res.status = 204;
               });
        s.Post(api + "/actions/runs/30433642/rerun",
               [](const httplib::Request &, httplib::Response &res) { res.status = 201; });
        s.Post(api + "/actions/runs/30433642/rerun-failed-jobs",
               [](const httplib::Request &, httplib::Response &res) { res.status = 201; });
        s.Post(api + "/actions/runs/30433642/cancel",
               [](const httplib::Request &, httplib::Response &res) { res.status = 202; });

        // Faults, each under a repository of its own.
        const std::string f = "/api/v3/repos/faults";
        s.Get(f + "/truncated/actions/runs", [](const httplib::Request &, httplib::Response &res) {
            const std::string full = runsPage({1, 2}).dump();
            res.set_content(full.substr(0, full.size() / 2), "application/json");
        });
        s.Get(f + "/broken/actions/runs", [](const httplib::Request &, httplib::Response &res) {
            res.status = 500;
            res.set_content(R"({"message":"Server Error"})", "application/json");
        });
        s.Get(f + "/limited/actions/runs", [](const httplib::Request &, httplib::Response &res) {
            res.status = 403;
            res.set_header("X-RateLimit-Remaining", "0");
            res.set_header("X-RateLimit-Reset", "4102444800"); // 2100-01-01T00:00:00Z
            res.set_content(
                R"({"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"})",
                "application/json");
        });
        s.Get(f + "/secondary/actions/runs", [](const httplib::Request &, httplib::Response &res) {
            res.status = 429;
            res.set_header("Retry-After", "60");
            res.set_content(R"({"message":"You have exceeded a secondary rate limit."})",
                            "application/json");
        });
        s.Get(f + "/forbidden/actions/runs", [](const httplib::Request &, httplib::Response &res) {
            res.status = 403;
            res.set_content(R"({"message":"Resource not accessible by personal access token"})",
                            "application/json");
        });
        s.Get(f + "/endless/actions/runs", [this](const httplib::Request &req,
                                                  httplib::Response &res) {
            const int page = req.has_param("page") ? std::stoi(req.get_param_value("page")) : 1;
            res.set_header("Link", "<http://127.0.0.1:" + std::to_string(m_github.port())
                                       + "/api/v3/repos/faults/endless/actions/runs?page="
                                       + std::to_string(page + 1) + ">; rel=\"next\"");
            res.set_content(runsPage({page}).dump(), "application/json");
        });
        s.Get(f + "/elsewhere/actions/runs", [](const httplib::Request &, httplib::Response &res) {
            // A next page on another host: never followed (the token would go there).
            res.set_header("Link", "<https://evil.example.com/steal?page=2>; rel=\"next\"");
            res.set_content(runsPage({7}).dump(), "application/json");
        });
        s.Get(f + "/huge/actions/runs", [](const httplib::Request &, httplib::Response &res) {
            std::string body = R"({"total_count":20000,"workflow_runs":[)";
            for (int i = 0; i < GitHubResponse::MaxItems + 1; ++i)
                body += (i ? ",{\"id\":" : "{\"id\":") + std::to_string(i + 1) + "}";
            body += "]}";
            res.set_content(body, "application/json");
        });
        s.Get(f + "/stale/actions/runs", [](const httplib::Request &, httplib::Response &res) {
            res.status = 304; // unasked for: there is nothing to reuse
        });
    }));
    m_transport.reset(makeTransport(m_github.port()));
}

void tst_GitHubClient::cleanupTestCase()
{
    m_transport.reset();
    m_github.stop();
    m_storage.stop();
}

HttpTransport *tst_GitHubClient::makeTransport(int port)
{
    ClusterConnection c;
    c.server = GitHubClient::apiBaseFor(QStringLiteral("http://127.0.0.1:%1/api/v3").arg(port));
    GitHubCredentials::Options options;
    options.environment = QProcessEnvironment();
    options.environment.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), QString::fromLatin1(Token));
    options.environment.insert(QStringLiteral("GH_TOKEN"), QStringLiteral("wrong-host-token"));
    options.ghProgram = QStringLiteral("/nonexistent/gh");
    c.credentials
        = std::make_shared<GitHubCredentials>(GitHubClient::hostOf(c.server), std::move(options));
    return new HttpTransport(c);
}

void tst_GitHubClient::decodesOfficialExamples()
{
    const auto runs = GitHubResponse::decodeRuns(200, data("workflow-run-paginated.json"), Repo);
    QVERIFY(runs.ok());
    QCOMPARE(runs->totalCount, qint64(1));
    QCOMPARE(runs->items.size(), 1);
    const PipelineRun &r = runs->items.first();
    QCOMPARE(r.id, QStringLiteral("30433642"));
    QCOMPARE(r.source, Repo);
    QCOMPARE(r.number, 562);
    QCOMPARE(r.attempt, 1);
    QCOMPARE(r.name, QStringLiteral("Build"));
    QCOMPARE(r.branch, QStringLiteral("master"));
    QCOMPARE(r.commitSha, Sha);
    QCOMPARE(r.commitMessage, QStringLiteral("Create linter.yaml"));
    QCOMPARE(r.event, QStringLiteral("push"));
    QCOMPARE(r.actor, QStringLiteral("octocat"));
    QCOMPARE(r.status, PipelineStatus::Queued);
    QCOMPARE(r.providerStatus, QStringLiteral("queued/null"));
    QCOMPARE(r.createdAt, QDateTime(QDate(2020, 1, 22), QTime(19, 33, 8), Qt::UTC));
    QCOMPARE(r.startedAt, r.createdAt);
    QVERIFY(!r.finishedAt.isValid());
    QCOMPARE(r.webUrl,
             QStringLiteral("https://github.com/octo-org/octo-repo/actions/runs/30433642"));

    QString path;
    const auto run = GitHubResponse::decodeRun(200, data("workflow-run.json"), Repo, {}, &path);
    QVERIFY(run.ok());
    QCOMPARE(run->branch, QStringLiteral("main"));
    QCOMPARE(path, QStringLiteral(".github/workflows/build.yml"));

    const auto jobs = GitHubResponse::decodeJobs(200, data("job-paginated.json"));
    QVERIFY(jobs.ok());
    QCOMPARE(jobs->items.size(), 1);
    const PipelineJob &j = jobs->items.first();
    QCOMPARE(j.id, QStringLiteral("399444496"));
    QCOMPARE(j.name, QStringLiteral("build"));
    QCOMPARE(j.group, QString());
    QCOMPARE(j.status, PipelineStatus::Succeeded);
    QCOMPARE(j.providerStatus, QStringLiteral("completed/success"));
    QCOMPARE(j.runner, QStringLiteral("my runner"));
    QCOMPARE(j.steps.size(), 10);
    QCOMPARE(j.steps[7].name, QStringLiteral("Deploy to Heroku"));
    QCOMPARE(j.steps[8].number, 16);
    // "09:42:59.000-08:00" is 17:42:59 UTC.
    QCOMPARE(j.steps[7].startedAt, QDateTime(QDate(2020, 1, 20), QTime(17, 42, 59), Qt::UTC));
    QCOMPARE(j.finishedAt, QDateTime(QDate(2020, 1, 20), QTime(17, 44, 39), Qt::UTC));

    const auto pending
        = GitHubResponse::decodePendingDeployments(200, data("pending-deployment-items.json"));
    QVERIFY(pending.ok());
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().environmentId, QStringLiteral("161088068"));
    QCOMPARE(pending->first().environment, QStringLiteral("staging"));
    QCOMPARE(pending->first().waitTimerMinutes, 30);
    QVERIFY(pending->first().currentUserCanApprove);
    QCOMPARE(pending->first().reviewers,
             QStringList({QStringLiteral("octocat"), QStringLiteral("justice-league")}));

    const auto workflows = GitHubResponse::decodeWorkflows(200, data("workflow-paginated.json"));
    QVERIFY(workflows.ok());
    QCOMPARE(workflows->items.size(), 2);
    QCOMPARE(workflows->items[1].name, QStringLiteral("Linter"));
    QCOMPARE(workflows->items[1].path, QStringLiteral(".github/workflows/linter.yaml"));
    QCOMPARE(workflows->items[1].id, QStringLiteral("269289"));

    const auto artifacts = GitHubResponse::decodeArtifacts(200, data("artifact-paginated.json"));
    QVERIFY(artifacts.ok());
    QCOMPARE(artifacts->items.size(), 2);
    QCOMPARE(artifacts->items[0].name, QStringLiteral("Rails"));
    QCOMPARE(artifacts->items[0].sizeBytes, qint64(556));
    QVERIFY(artifacts->items[0].digest.startsWith(QLatin1String("sha256:cfc3236b")));
    QCOMPARE(artifacts->items[1].headSha,
             QStringLiteral("178f4f6090b3fccad4a65b3e83d076a622d59652"));
}

void tst_GitHubClient::statusMapping_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("conclusion");
    QTest::addColumn<PipelineStatus>("expected");
    QTest::newRow("queued") << "queued"
                            << "" << PipelineStatus::Queued;
    QTest::newRow("requested") << "requested"
                               << "" << PipelineStatus::Queued;
    QTest::newRow("pending") << "pending"
                             << "" << PipelineStatus::Queued;
    QTest::newRow("waiting") << "waiting"
                             << "" << PipelineStatus::Waiting;
    QTest::newRow("in_progress") << "in_progress"
                                 << "" << PipelineStatus::Running;
    QTest::newRow("success") << "completed"
                             << "success" << PipelineStatus::Succeeded;
    QTest::newRow("failure") << "completed"
                             << "failure" << PipelineStatus::Failed;
    QTest::newRow("timed_out") << "completed"
                               << "timed_out" << PipelineStatus::Failed;
    QTest::newRow("startup_failure") << "completed"
                                     << "startup_failure" << PipelineStatus::Failed;
    QTest::newRow("cancelled") << "completed"
                               << "cancelled" << PipelineStatus::Cancelled;
    QTest::newRow("skipped") << "completed"
                             << "skipped" << PipelineStatus::Skipped;
    QTest::newRow("neutral") << "completed"
                             << "neutral" << PipelineStatus::Skipped;
    QTest::newRow("action_required") << "completed"
                                     << "action_required" << PipelineStatus::Waiting;
    QTest::newRow("no conclusion") << "completed"
                                   << "" << PipelineStatus::Unknown;
    QTest::newRow("stale") << "completed"
                           << "stale" << PipelineStatus::Unknown;
    QTest::newRow("new word") << "teleporting"
                              << "" << PipelineStatus::Unknown;
}

void tst_GitHubClient::statusMapping()
{
    QFETCH(QString, status);
    QFETCH(QString, conclusion);
    QFETCH(PipelineStatus, expected);
    QCOMPARE(GitHubResponse::statusOf(status, conclusion), expected);
    QCOMPARE(GitHubResponse::providerStatusOf(status, conclusion),
             status + QLatin1Char('/')
                 + (conclusion.isEmpty() ? QStringLiteral("null") : conclusion));
}

void tst_GitHubClient::needsFromWorkflow()
{
    const auto workflow = GitHubResponse::decodeWorkflowJobs(WorkflowYaml);
    QVERIFY2(workflow.ok(), qPrintable(workflow.ok() ? QString() : workflow.error().toString()));
    QCOMPARE(workflow->size(), 5);

    const Json jobsJson = {{"total_count", 6}, {"jobs", fixtureJobs()}};
    auto jobs = GitHubResponse::decodeJobs(200, QByteArray::fromStdString(jobsJson.dump()));
    QVERIFY(jobs.ok());
    QList<PipelineJob> list = jobs->items;
    GitHubResponse::applyWorkflow(list, *workflow);
    QHash<QString, PipelineJob> byName;
    for (const PipelineJob &j : list)
        byName.insert(j.name, j);
    QCOMPARE(byName["build (ubuntu)"].group, QStringLiteral("build"));
    QCOMPARE(byName["build (macos)"].group, QStringLiteral("build"));
    QVERIFY(byName["build (ubuntu)"].needs.isEmpty());
    QCOMPARE(byName["Lint code"].group, QString());
    QCOMPARE(byName["test"].needs,
             QStringList({QStringLiteral("101"), QStringLiteral("102"), QStringLiteral("103")}));
    QCOMPARE(byName["deploy"].needs, QStringList({QStringLiteral("104")}));
    QCOMPARE(byName["deploy"].environment, QStringLiteral("staging"));
    QCOMPARE(byName["release / publish"].needs, QStringList({QStringLiteral("105")}));
    QCOMPARE(byName["release / publish"].group, QStringLiteral("release"));

    const auto pending
        = GitHubResponse::decodePendingDeployments(200, data("pending-deployment-items.json"));
    QVERIFY(pending.ok());
    GitHubResponse::applyPendingDeployments(list, *pending);
    for (const PipelineJob &j : list) {
        QCOMPARE(j.manual, j.name == QLatin1String("deploy"));
        if (j.name == QLatin1String("deploy"))
            QCOMPARE(j.status, PipelineStatus::Waiting);
    }

    // A job name with an expression matches by its literal part; unknown jobs keep no needs.
    const auto named = GitHubResponse::decodeWorkflowJobs(
        "jobs:\n  e2e:\n    name: E2E ${{ matrix.browser }}\n    needs: unit\n  unit: {}\n");
    QVERIFY(named.ok());
    QList<PipelineJob> two(3);
    two[0].id = QStringLiteral("1");
    two[0].name = QStringLiteral("unit");
    two[1].id = QStringLiteral("2");
    two[1].name = QStringLiteral("E2E firefox");
    two[2].id = QStringLiteral("3");
    two[2].name = QStringLiteral("stranger");
    GitHubResponse::applyWorkflow(two, *named);
    QCOMPARE(two[1].needs, QStringList({QStringLiteral("1")}));
    QVERIFY(two[2].needs.isEmpty());

    // Matrix jobs whose names carry the expression, as GitHub expands them: grouped under the
    // name without it, matched by the whole expansion (not by a prefix another job shares).
    const auto matrix = GitHubResponse::decodeWorkflowJobs(R"(jobs:
  build:
    name: Build (${{ matrix.os }}, ${{ matrix.node }})
    strategy: {matrix: {os: [linux, mac], node: [20]}}
  e2e:
    name: E2E ${{ matrix.browser }}
    needs: build
    strategy: {matrix: {browser: [firefox, chrome]}}
  e2e-report:
    name: E2E report
    needs: e2e
  deploy:
    name: "Deploy: ${{ matrix.target }}"
    needs: e2e-report
    strategy: {matrix: {target: [eu]}}
)");
    QVERIFY(matrix.ok());
    const QStringList names{"Build (linux, 20)", "Build (mac, 20)", "E2E firefox",
                            "E2E chrome",        "E2E report",      "Deploy: eu"};
    QList<PipelineJob> expanded;
    for (const QString &name : names) {
        PipelineJob j;
        j.id = QString::number(expanded.size() + 1);
        j.name = name;
        expanded << j;
    }
    GitHubResponse::applyWorkflow(expanded, *matrix);
    QCOMPARE(expanded[0].group, QStringLiteral("Build"));
    QCOMPARE(expanded[1].group, QStringLiteral("Build"));
    QCOMPARE(expanded[2].group, QStringLiteral("E2E"));
    QCOMPARE(expanded[3].group, QStringLiteral("E2E"));
    QCOMPARE(expanded[2].needs, QStringList({"1", "2"}));
    QCOMPARE(expanded[4].group, QString()); // "E2E report" is its own job, not an E2E instance
    QCOMPARE(expanded[4].needs, QStringList({"3", "4"}));
    QCOMPARE(expanded[5].group, QStringLiteral("Deploy"));
    QCOMPARE(expanded[5].needs, QStringList({"5"}));
}

void tst_GitHubClient::hostileInput_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code"); // -1: decodes (tolerantly)
    QTest::newRow("truncated") << 200 << QByteArray(R"({"total_count":1,"workflow_runs":[{"id")")
                               << int(Error::Code::ParseError);
    QTest::newRow("not json") << 200 << QByteArray("<html>hi</html>")
                              << int(Error::Code::ParseError);
    QTest::newRow("array") << 200 << QByteArray("[]") << int(Error::Code::ParseError);
    QTest::newRow("no list") << 200 << QByteArray(R"({"total_count":1})")
                             << int(Error::Code::ParseError);
    QTest::newRow("wrong types")
        << 200
        << QByteArray(
               R"({"workflow_runs":[1,"x",null,{"id":"12","run_number":"7","status":5,"actor":[],"created_at":"yesterday"},{"name":"no id"}]})")
        << -1;
    QTest::newRow("deep") << 200 << (QByteArray(100000, '[') + QByteArray(100000, ']'))
                          << int(Error::Code::ParseError);
    QTest::newRow("500 text") << 500 << QByteArray("upstream died\nstack")
                              << int(Error::Code::ServerError);
    QTest::newRow("404") << 404 << QByteArray(R"({"message":"Not Found"})")
                         << int(Error::Code::NotFound);
    QTest::newRow("401") << 401 << QByteArray(R"({"message":"Bad credentials"})")
                         << int(Error::Code::AuthError);
}

void tst_GitHubClient::hostileInput()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    const auto runs = GitHubResponse::decodeRuns(status, body, Repo, QStringLiteral("u"));
    if (code < 0) {
        QVERIFY(runs.ok());
        QCOMPARE(runs->items.size(), 1);
        QCOMPARE(runs->items[0].id, QStringLiteral("12"));
        QCOMPARE(runs->items[0].number, 0);
        QCOMPARE(runs->items[0].status, PipelineStatus::Unknown);
        QVERIFY(!runs->items[0].createdAt.isValid());
        return;
    }
    QVERIFY(!runs.ok());
    QCOMPARE(int(runs.error().code), code);
    QCOMPARE(runs.error().context, QStringLiteral("u"));
    if (status != 200)
        QCOMPARE(runs.error().httpStatus, status);
    // The other decoders stay total on the same bytes.
    (void)GitHubResponse::decodeRun(status, body, Repo);
    (void)GitHubResponse::decodeJobs(status, body);
    (void)GitHubResponse::decodePendingDeployments(status, body);
    (void)GitHubResponse::decodeArtifacts(status, body);
    (void)GitHubResponse::decodeContent(status, body);
}

void tst_GitHubClient::hostileWorkflow()
{
    // Billion laughs: bounded by YamlJson's node limit.
    QByteArray laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c) {
        laughs += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
        for (int i = 0; i < 10; ++i)
            laughs += (i ? ", *" : "*") + QByteArray(1, prev);
        laughs += "]\n";
        prev = c;
    }
    laughs += "jobs: *j\n";
    const auto boom = GitHubResponse::decodeWorkflowJobs(laughs);
    QVERIFY(!boom.ok());
    QCOMPARE(boom.error().code, Error::Code::TooLarge);

    QVERIFY(!GitHubResponse::decodeWorkflowJobs("jobs: [a, b]").ok());
    QVERIFY(!GitHubResponse::decodeWorkflowJobs("{{{").ok());
    QVERIFY(!GitHubResponse::decodeWorkflowJobs(
                 QByteArray(GitHubResponse::MaxWorkflowFileBytes + 1, '#'))
                 .ok());
    // Odd shapes read as nothing rather than failing the run.
    const auto odd = GitHubResponse::decodeWorkflowJobs(
        "jobs:\n  a: 5\n  b: {needs: {x: 1}, environment: [1]}\n  c: {needs: [a, 7, [b]]}\n");
    QVERIFY(odd.ok());
    QCOMPARE(odd->size(), 3);
    QVERIFY(odd->at(1).needs.isEmpty());
    QCOMPARE(odd->at(2).needs, QStringList({QStringLiteral("a"), QStringLiteral("7")}));
}

void tst_GitHubClient::linksAndRateHeaders()
{
    QCOMPARE(
        GitHubResponse::nextLink(
            R"(<https://api.github.com/repositories/1/actions/runs?page=2>; rel="next", <https://api.github.com/repositories/1/actions/runs?page=9>; rel="last")"),
        QStringLiteral("https://api.github.com/repositories/1/actions/runs?page=2"));
    QCOMPARE(GitHubResponse::nextLink(
                 R"(<https://x/?page=1>; rel="prev", <https://x/?page=3>; rel="next")"),
             QStringLiteral("https://x/?page=3"));
    QCOMPARE(GitHubResponse::nextLink(R"(<https://x/?page=1>; rel="last")"), QString());
    QCOMPARE(GitHubResponse::nextLink("garbage <unclosed"), QString());

    const GitHubRateLimit rate = GitHubResponse::rateLimitOf({{"x-ratelimit-limit", "5000"},
                                                              {"X-RateLimit-Remaining", "0"},
                                                              {"x-ratelimit-used", "5000"},
                                                              {"x-ratelimit-reset", "1767225600"},
                                                              {"x-ratelimit-resource", "core"}});
    QVERIFY(rate.isValid());
    QCOMPARE(rate.remaining, 0);
    QCOMPARE(rate.reset, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(!GitHubResponse::rateLimitOf({{"x-ratelimit-limit", "lots"}}).isValid());

    const Error limited = GitHubResponse::errorOf(403, R"({"message":"API rate limit exceeded"})",
                                                  QStringLiteral("u"), rate);
    QCOMPARE(limited.code, Error::Code::TooManyRequests);
    QVERIFY2(limited.message.contains(QLatin1String("00:00:00 UTC")), qPrintable(limited.message));
    const Error denied = GitHubResponse::errorOf(403, R"({"message":"Must have admin rights"})",
                                                 QStringLiteral("u"));
    QCOMPARE(denied.code, Error::Code::Forbidden);
    QCOMPARE(denied.message, QStringLiteral("Must have admin rights"));
}

void tst_GitHubClient::apiBase()
{
    QCOMPARE(GitHubClient::apiBaseFor(QStringLiteral("github.com")),
             QStringLiteral("https://api.github.com"));
    QCOMPARE(GitHubClient::apiBaseFor(QString()), QStringLiteral("https://api.github.com"));
    QCOMPARE(GitHubClient::apiBaseFor(QStringLiteral("ghe.example.com")),
             QStringLiteral("https://ghe.example.com/api/v3"));
    QCOMPARE(GitHubClient::hostOf(QStringLiteral("https://api.github.com")),
             QStringLiteral("github.com"));
    QCOMPARE(GitHubClient::hostOf(QStringLiteral("https://ghe.example.com/api/v3")),
             QStringLiteral("ghe.example.com"));
    QCOMPARE(GitHubClient::hostOf(QStringLiteral("https://localhost:8443/api/v3")),
             QStringLiteral("localhost:8443"));
    PipelineRunFilter filter;
    filter.branch = QStringLiteral("feature/x y");
    filter.event = QStringLiteral("push");
    filter.actor = QStringLiteral("octocat");
    filter.status = PipelineStatus::Failed;
    QCOMPARE(
        GitHubClient::runsPath(Repo, filter, 30),
        QStringLiteral("/repos/octo-org/octo-repo/actions/runs?per_page=30&branch=feature%2Fx%20y"
                       "&event=push&actor=octocat&status=failure"));
}

void tst_GitHubClient::listsRunsAcrossPages()
{
    const GitHubClient client(m_transport.get());
    QCOMPARE(client.baseUrl(), QStringLiteral("http://127.0.0.1:%1/api/v3").arg(m_github.port()));
    PipelineRunFilter filter;
    filter.limit = 50;
    const auto runs = ask<QList<PipelineRun>>([&](auto h) { client.runs(Repo, filter, this, h); });
    QVERIFY(runs);
    QVERIFY2(runs->ok(), qPrintable(runs->ok() ? QString() : runs->error().toString()));
    QCOMPARE((*runs)->size(), 3);
    QCOMPARE((*runs)->at(2).id, QStringLiteral("30433640"));
    QCOMPARE(m_seen.unauthorized.load(), 0);
    const GitHubRateLimit rate = client.rateLimit();
    QCOMPARE(rate.limit, 5000);
    QCOMPARE(rate.remaining, 4987);
    QCOMPARE(rate.resource, QStringLiteral("core"));

    // A limit stops early.
    filter.limit = 2;
    const auto two = ask<QList<PipelineRun>>([&](auto h) { client.runs(Repo, filter, this, h); });
    QVERIFY(two && two->ok());
    QCOMPARE((*two)->size(), 2);

    // A source that is not OWNER/REPO never reaches the server.
    const int before = m_seen.count(QStringLiteral("GET"));
    const auto bad = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("../../user"), filter, this, h); });
    QVERIFY(bad && !bad->ok());
    QCOMPARE(bad->error().code, Error::Code::InvalidArgument);
    QCOMPARE(m_seen.count(QStringLiteral("GET")), before);
}

void tst_GitHubClient::etagCacheAnswers304()
{
    const GitHubClient client(m_transport.get());
    PipelineRunFilter filter;
    const auto first = ask<QList<PipelineRun>>([&](auto h) { client.runs(Repo, filter, this, h); });
    QVERIFY(first && first->ok());
    const int served304 = m_seen.notModified;
    const auto again = ask<QList<PipelineRun>>([&](auto h) { client.runs(Repo, filter, this, h); });
    QVERIFY(again && again->ok());
    QCOMPARE(**again, **first);
    // All three pages came back 304 and were answered from the cache, Link included.
    QCOMPARE(m_seen.notModified - served304, 3);
    QCOMPARE(client.notModifiedCount(), 3);
}

void tst_GitHubClient::runWithJobsNeedsAndPendingDeployment()
{
    const GitHubClient client(m_transport.get());
    const auto run
        = ask<PipelineRun>([&](auto h) { client.run(Repo, QStringLiteral("30433642"), this, h); });
    QVERIFY(run);
    QVERIFY2(run->ok(), qPrintable(run->ok() ? QString() : run->error().toString()));
    const PipelineRun &r = **run;
    QCOMPARE(r.status, PipelineStatus::Waiting);
    QCOMPARE(r.jobs.size(), 6); // both pages of jobs
    QHash<QString, PipelineJob> byName;
    for (const PipelineJob &j : r.jobs)
        byName.insert(j.name, j);
    QCOMPARE(byName["test"].needs,
             QStringList({QStringLiteral("101"), QStringLiteral("102"), QStringLiteral("103")}));
    QCOMPARE(byName["test"].status, PipelineStatus::Failed);
    QCOMPARE(byName["deploy"].environment, QStringLiteral("staging"));
    QVERIFY(byName["deploy"].manual);
    QCOMPARE(byName["deploy"].status, PipelineStatus::Waiting);
    QCOMPARE(byName["build (macos)"].group, QStringLiteral("build"));
    QCOMPARE(m_seen.count(QStringLiteral("GET /api/v3/repos/octo-org/octo-repo/contents/"
                                         ".github/workflows/build.yml?ref=")
                          + Sha),
             1);

    const auto pending = ask<QList<GitHubPendingDeployment>>(
        [&](auto h) { client.pendingDeployments(Repo, QStringLiteral("30433642"), this, h); });
    QVERIFY(pending && pending->ok());
    QCOMPARE((*pending)->size(), 1);
    const auto artifacts = ask<QList<GitHubArtifact>>(
        [&](auto h) { client.artifacts(Repo, QStringLiteral("30433642"), this, h); });
    QVERIFY(artifacts && artifacts->ok());
    QCOMPARE((*artifacts)->size(), 2);
    const auto workflows
        = ask<QList<GitHubWorkflow>>([&](auto h) { client.workflows(Repo, this, h); });
    QVERIFY(workflows && workflows->ok());
    QCOMPARE((*workflows)->size(), 2);

    const auto badId
        = ask<PipelineRun>([&](auto h) { client.run(Repo, QStringLiteral("1/../2"), this, h); });
    QVERIFY(badId && !badId->ok());
    QCOMPARE(badId->error().code, Error::Code::InvalidArgument);
}

void tst_GitHubClient::jobLogFollowsRedirectWithoutToken()
{
    const GitHubClient client(m_transport.get());
    const auto log = ask<PipelineLogChunk>([&](auto h) {
        client.jobLog(Repo, QStringLiteral("30433642"), QStringLiteral("105"), 0, this, h);
    });
    QVERIFY(log);
    QVERIFY2(log->ok(), qPrintable(log->ok() ? QString() : log->error().toString()));
    QVERIFY((*log)->text.startsWith("2020-01-20T17:42:40Z Set up job\n"));
    QVERIFY((*log)->complete);
    QCOMPARE((*log)->nextOffset, qint64((*log)->text.size()));
    QCOMPARE(m_seen.logRequests.load(), 1);
    QVERIFY2(!m_seen.logHadAuthorization, "the token went to the log storage");

    const auto tail = ask<PipelineLogChunk>([&](auto h) {
        client.jobLog(Repo, QStringLiteral("30433642"), QStringLiteral("105"), 32, this, h);
    });
    QVERIFY(tail && tail->ok());
    QCOMPARE((*tail)->text, QByteArray("2020-01-20T17:42:41Z make deploy\n"));
}

void tst_GitHubClient::actions()
{
    const GitHubClient client(m_transport.get());
    const QString run = QStringLiteral("30433642");
    auto lastBody = [this] {
        std::lock_guard lock(m_seen.mutex);
        return m_seen.bodies.isEmpty() ? QByteArray() : m_seen.bodies.last();
    };

    PipelineTrigger trigger;
    trigger.workflow = QStringLiteral("deploy.yml");
    trigger.inputs.insert(QStringLiteral("image"), QStringLiteral("shop:1.2.3"));
    const auto triggered = ask<QString>([&](auto h) { client.trigger(Repo, trigger, this, h); });
    QVERIFY(triggered);
    QVERIFY2(triggered->ok(),
             qPrintable(triggered->ok() ? QString() : triggered->error().toString()));
    QCOMPARE(**triggered, QString());
    // No ref given: the repository's default branch.
    QVERIFY2(Json::parse(lastBody().toStdString(), nullptr, false)
                 == Json({{"ref", "trunk"}, {"inputs", {{"image", "shop:1.2.3"}}}}),
             lastBody().constData());

    trigger.workflow.clear();
    const auto noWorkflow = ask<QString>([&](auto h) { client.trigger(Repo, trigger, this, h); });
    QVERIFY(noWorkflow && !noWorkflow->ok());
    QCOMPARE(noWorkflow->error().code, Error::Code::InvalidArgument);

    for (bool failedOnly : {false, true}) {
        const auto rerun = ask<void>([&](auto h) { client.rerun(Repo, run, failedOnly, this, h); });
        QVERIFY(rerun && rerun->ok());
    }
    QCOMPARE(m_seen.count(QStringLiteral("POST /api/v3/repos/octo-org/octo-repo/actions/runs/"
                                         "30433642/rerun-failed-jobs")),
             1);
    const auto cancelled = ask<void>([&](auto h) { client.cancel(Repo, run, this, h); });
    QVERIFY(cancelled && cancelled->ok());

    // Approve the job waiting at "staging" by its job id: its environment comes from the
    // workflow file, its environment id from the pending deployments.
    const auto approved = ask<void>([&](auto h) {
        client.review(Repo, run, QStringLiteral("105"), true, QStringLiteral("Ship it!"), this, h);
    });
    QVERIFY(approved);
    QVERIFY2(approved->ok(), qPrintable(approved->ok() ? QString() : approved->error().toString()));
    QVERIFY2(
        Json::parse(lastBody().toStdString(), nullptr, false)
            == Json(
                {{"environment_ids", {161088068}}, {"state", "approved"}, {"comment", "Ship it!"}}),
        lastBody().constData());
    const auto rejected = ask<void>([&](auto h) {
        client.review(Repo, run, QStringLiteral("staging"), false, QStringLiteral("no"), this, h);
    });
    QVERIFY(rejected && rejected->ok());
    QVERIFY(Json::parse(lastBody().toStdString(), nullptr, false)["state"] == "rejected");
    const auto nothing = ask<void>(
        [&](auto h) { client.review(Repo, run, QStringLiteral("101"), true, QString(), this, h); });
    QVERIFY(nothing && !nothing->ok());
    QCOMPARE(nothing->error().code, Error::Code::NotFound);
}

void tst_GitHubClient::faults()
{
    const GitHubClient client(m_transport.get());
    PipelineRunFilter filter;
    auto runsOf = [&](const char *repo) {
        return ask<QList<PipelineRun>>([&](auto h) {
            client.runs(QStringLiteral("faults/") + QLatin1String(repo), filter, this, h);
        });
    };
    const auto truncated = runsOf("truncated");
    QVERIFY(truncated && !truncated->ok());
    QCOMPARE(truncated->error().code, Error::Code::ParseError);
    QVERIFY2(truncated->error().context.endsWith(
                 QLatin1String("/api/v3/repos/faults/truncated/actions/runs")),
             qPrintable(truncated->error().context));

    const auto broken = runsOf("broken");
    QVERIFY(broken && !broken->ok());
    QCOMPARE(broken->error().code, Error::Code::ServerError);
    QCOMPARE(broken->error().httpStatus, 500);
    QCOMPARE(broken->error().message, QStringLiteral("Server Error"));

    const auto limited = runsOf("limited");
    QVERIFY(limited && !limited->ok());
    QCOMPARE(limited->error().code, Error::Code::TooManyRequests);
    QCOMPARE(limited->error().httpStatus, 403);
    QVERIFY2(limited->error().message.contains(QLatin1String("resets at 00:00:00 UTC")),
             qPrintable(limited->error().message));
    QVERIFY(limited->error().retryAfterMs > 0);
    QCOMPARE(client.rateLimit().remaining, 0);

    const auto secondary = runsOf("secondary");
    QVERIFY(secondary && !secondary->ok());
    QCOMPARE(secondary->error().code, Error::Code::TooManyRequests);
    QCOMPARE(secondary->error().retryAfterMs, 60000);

    const auto forbidden = runsOf("forbidden");
    QVERIFY(forbidden && !forbidden->ok());
    QCOMPARE(forbidden->error().code, Error::Code::Forbidden);

    const auto stale = runsOf("stale");
    QVERIFY(stale && !stale->ok());
    QCOMPARE(stale->error().httpStatus, 304);

    // The token is in no error.
    for (const auto *r : {&truncated, &broken, &limited, &secondary, &forbidden, &stale})
        QVERIFY(!(*r)->error().toString().contains(QString::fromLatin1(Token)));

    // Nobody listening.
    std::unique_ptr<HttpTransport> dead(makeTransport(1));
    const GitHubClient nowhere(dead.get());
    const auto down = ask<QList<PipelineRun>>([&](auto h) { nowhere.runs(Repo, filter, this, h); });
    QVERIFY(down && !down->ok());
    QCOMPARE(down->error().httpStatus, 0);
    QVERIFY(!down->error().toString().contains(QString::fromLatin1(Token)));
}

void tst_GitHubClient::boundsPages()
{
    const GitHubClient client(m_transport.get());
    PipelineRunFilter filter;
    // An endless chain of next links stops at the limit, and at 100 pages whatever the limit.
    filter.limit = 3;
    int before = m_seen.count(QStringLiteral("GET /api/v3/repos/faults/endless/"));
    const auto three = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("faults/endless"), filter, this, h); });
    QVERIFY(three && three->ok());
    QCOMPARE((*three)->size(), 3);
    QCOMPARE(m_seen.count(QStringLiteral("GET /api/v3/repos/faults/endless/")) - before, 3);
    filter.limit = 1000;
    before = m_seen.count(QStringLiteral("GET /api/v3/repos/faults/endless/"));
    const auto endless = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("faults/endless"), filter, this, h); });
    QVERIFY(endless && endless->ok());
    QCOMPARE((*endless)->size(), 100);
    QCOMPARE(m_seen.count(QStringLiteral("GET /api/v3/repos/faults/endless/")) - before, 100);
    filter.limit = 3;

    const auto elsewhere = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("faults/elsewhere"), filter, this, h); });
    QVERIFY(elsewhere && elsewhere->ok());
    QCOMPARE((*elsewhere)->size(), 1); // the foreign next link was not followed

    const auto huge = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("faults/huge"), filter, this, h); });
    QVERIFY(huge && !huge->ok());
    QCOMPARE(huge->error().code, Error::Code::TooLarge);
}

void tst_GitHubClient::credentialsOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto writeGh = [&](const QByteArray &script) {
        const QString path = dir.filePath(QStringLiteral("gh"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QString();
        f.write("#!/bin/sh\n" + script);
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    };

    // 1. The environment, per host.
    GitHubCredentials::Options env;
    env.environment = QProcessEnvironment();
    env.environment.insert(QStringLiteral("GITHUB_TOKEN"), QStringLiteral("from-github-token"));
    env.environment.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), QStringLiteral("from-ghe"));
    env.ghProgram = QStringLiteral("/nonexistent/gh");
    GitHubCredentials dotcom(QStringLiteral("github.com"), env);
    auto ready = dotcom.credentialIfReady();
    QVERIFY(ready && ready->ok());
    QCOMPARE(ready->value().bearerToken, QByteArray("from-github-token"));
    QCOMPARE(dotcom.origin(), QStringLiteral("GITHUB_TOKEN"));
    GitHubCredentials ghes(QStringLiteral("ghe.example.com"), env);
    QCOMPARE(ghes.credential()->bearerToken, QByteArray("from-ghe"));

    // 2. gh auth token --hostname HOST, off the environment.
    const QString argsFile = dir.filePath(QStringLiteral("args"));
    GitHubCredentials::Options viaGh;
    viaGh.environment = QProcessEnvironment();
    viaGh.ghProgram = writeGh("echo \"$@\" > '" + argsFile.toUtf8() + "'\necho gho_from_gh\n");
    GitHubCredentials fromGh(QStringLiteral("ghe.example.com"), viaGh);
    QVERIFY(!fromGh.credentialIfReady().has_value()); // gh must run: not on this thread
    const auto got = fromGh.credential();
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().toString()));
    QCOMPARE(got->bearerToken, QByteArray("gho_from_gh"));
    QCOMPARE(fromGh.origin(), QStringLiteral("gh auth token"));
    QFile args(argsFile);
    QVERIFY(args.open(QIODevice::ReadOnly));
    QCOMPARE(args.readAll().trimmed(), QByteArray("auth token --hostname ghe.example.com"));
    // Cached until refused; then looked up again.
    QVERIFY(fromGh.credentialIfReady().has_value());
    fromGh.reportUnauthorized(*got);
    QVERIFY(!fromGh.credentialIfReady().has_value());

    // 3. gh knows nothing: the keyring.
    auto store = std::make_shared<MemorySecretStore>();
    QVERIFY(
        GitHubCredentials::storeToken(*store, QStringLiteral("GitHub.com"), " ghp_typed \n").ok());
    QVERIFY(!GitHubCredentials::storeToken(*store, QStringLiteral("github.com"), "two words").ok());
    GitHubCredentials::Options viaKeyring;
    viaKeyring.environment = QProcessEnvironment();
    viaKeyring.ghProgram = writeGh("echo 'no oauth token found for github.com' >&2\nexit 1\n");
    viaKeyring.secrets = store;
    GitHubCredentials fromKeyring(QStringLiteral("github.com"), viaKeyring);
    const auto typed = fromKeyring.credential();
    QVERIFY(typed.ok());
    QCOMPARE(typed->bearerToken, QByteArray("ghp_typed"));
    QCOMPARE(fromKeyring.origin(), QStringLiteral("keyring"));

    // Nothing anywhere: an AuthError that says what was tried.
    QVERIFY(store->remove(GitHubCredentials::secretKey(QStringLiteral("github.com"))).ok());
    GitHubCredentials none(QStringLiteral("github.com"), viaKeyring);
    const auto missing = none.credential();
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::AuthError);
    QVERIFY2(missing.error().message.contains(QLatin1String("no oauth token found")),
             qPrintable(missing.error().message));
    QVERIFY(missing.error().message.contains(QLatin1String("the test keyring")));

    // A gh that hangs is killed in time.
    GitHubCredentials::Options hanging;
    hanging.environment = QProcessEnvironment();
    hanging.ghProgram = writeGh("sleep 30\n");
    hanging.ghTimeoutMs = 300;
    GitHubCredentials slow(QStringLiteral("github.com"), hanging);
    QElapsedTimer timer;
    timer.start();
    const auto late = slow.credential();
    QVERIFY(!late.ok());
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY2(late.error().message.contains(QLatin1String("did not answer")),
             qPrintable(late.error().message));
}

QTEST_GUILESS_MAIN(tst_GitHubClient)
#include "tst_githubclient.moc"
