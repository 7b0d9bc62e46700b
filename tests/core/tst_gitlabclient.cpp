// SPDX-License-Identifier: GPL-3.0-or-later
// GitLab CI in core: GitLabResponse on payloads shaped as GitLab's API docs
// (doc/api/pipelines.md, jobs.md: tests/data/gitlab) and on hostile ones, the needs DAG from
// .gitlab-ci.yml (or stage order), and GitLabClient over real HTTP against a fixture server on
// 127.0.0.1: pagination, filters, PRIVATE-TOKEN, traces from an offset, actions, faults
// (401 wrong token, 500, truncated JSON, an answer beyond the bounds). PipelineCredentials'
// token lookup (GITLAB_TOKEN, glab's config).

#include "kube/httptransport.h"
#include "pipelines/gitlabclient.h"
#include "pipelines/gitlabresponse.h"
#include "pipelines/pipelinecredentials.h"
#include "pipelines/pipelinesecretstore.h"

#include <asyncanswer.h>
#include <eventloopwait.h>
#include <loopbackhttpserver.h>

#include <httplib.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>
#include <optional>

using namespace Orrery;

namespace {

const char *const GoodToken = "glpat-right-token";
const QString Sha = QStringLiteral("eb94b618fb5865b26e80fdd8ae531b7a63ad851a");

QByteArray data(const char *name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/gitlab/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::string text(const char *name)
{
    return data(name).toStdString();
}

ApiResponse response(int status, const QByteArray &body)
{
    ApiResponse r;
    r.status = status;
    r.body = body;
    return r;
}

using Orrery::Test::ask;

const PipelineJob *jobNamed(const QList<PipelineJob> &jobs, const QString &name)
{
    for (const PipelineJob &j : jobs)
        if (j.name == name)
            return &j;
    return nullptr;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// The keyring, in memory.
class MemorySecretStore final : public SecretStore
{
public:
    QMap<QString, QByteArray> secrets;
    Result<QByteArray> read(const QString &key) override
    {
        if (!secrets.contains(key))
            return Error(Error::Code::NotFound, QStringLiteral("nothing stored"), key);
        return secrets.value(key);
    }
    Result<void> write(const QString &key, const QByteArray &secret) override
    {
        secrets.insert(key, secret);
        return {};
    }
    Result<void> remove(const QString &key) override
    {
        secrets.remove(key);
        return {};
    }
    QString name() const override { return QStringLiteral("the test keyring"); }
};

struct Seen
{
    std::mutex mutex;
    std::vector<std::string> targets;
    std::vector<std::string> tokens;
    std::string lastBody;
    std::string lastRange;
};

} // namespace

class tst_GitLabClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void decodesPipelines();
    void decodesJobsAndBridges();
    void mergesBridges();
    void needsFromCiYaml();
    void stageOrderWithoutYaml();
    void hostileInput_data();
    void hostileInput();
    void boundsTheAnswer();
    void statuses();
    void paths();
    void clientRuns();
    void clientRun();
    void clientTrace();
    void clientActions();
    void clientFaults();
    void credentials();

private:
    Orrery::Test::LoopbackHttpServer m_server;
    Seen m_seen;
};

void tst_GitLabClient::initTestCase()
{
    const std::string prefix = "/api/v4/projects/shop%2Fapi";
    QVERIFY(m_server.start(0, 4, [this, prefix](httplib::Server &s) {
        const auto handle = [this, prefix](const httplib::Request &req, httplib::Response &res) {
            const std::string target = req.target.substr(0, req.target.find('?'));
            const std::string token = req.get_header_value("PRIVATE-TOKEN");
            {
                std::lock_guard lock(m_seen.mutex);
                m_seen.targets.push_back(req.method + " " + req.target);
                m_seen.tokens.push_back(token);
                m_seen.lastBody = req.body;
                m_seen.lastRange = req.get_header_value("Range");
            }
            if (token != GoodToken) {
                res.status = 401;
                res.set_content(R"({"message":"401 Unauthorized"})", "application/json");
                return;
            }
            const auto json = [&res](const std::string &body, int status = 200) {
                res.status = status;
                res.set_content(body, "application/json");
            };
            if (target == "/api/v4/projects/shop%2Fbroken/pipelines")
                return json(R"({"message":"500 Internal Server Error"})", 500);
            if (target == "/api/v4/projects/shop%2Ftruncated/pipelines")
                return json(R"([{"id": 48, "iid": 14, "status": "runn)");
            if (target == "/api/v4/projects/shop%2Fforbidden/pipeline")
                return json(R"({"message":"403 Forbidden"})", 403);
            if (target == "/api/v4/projects/shop%2Fhuge/pipelines/1") {
                return json(R"({"id": 1, "iid": 1, "status": "running", "sha": "abc"})");
            }
            if (target == "/api/v4/projects/shop%2Fhuge/pipelines/1/jobs") {
                std::string many = "[";
                for (qint64 i = 0; i <= GitLabResponse::MaxJobs; ++i)
                    many += (i ? ",{\"id\":" : "{\"id\":") + std::to_string(i + 1) + "}";
                return json(many + "]");
            }
            if (target == "/api/v4/projects/shop%2Fapi" && req.method == "GET")
                return json(
                    R"({"id": 1, "path_with_namespace": "shop/api", "default_branch": "main"})");
            if (target.rfind(prefix, 0) != 0) {
                res.status = 404;
                res.set_content(R"({"message":"404 Project Not Found"})", "application/json");
                return;
            }
            const std::string rest = target.substr(prefix.size());
            if (rest == "/pipelines") {
                if (req.get_param_value("page") == "2") {
                    res.set_header("X-Next-Page", "");
                    return json(R"([{"id": 30, "iid": 5, "status": "success", "ref": "main"}])");
                }
                res.set_header("X-Next-Page", "2");
                res.set_header("X-Page", "1");
                return json(text("pipelines.json"));
            }
            if (rest == "/pipelines/48")
                return json(text("pipeline.json"));
            if (rest == "/pipelines/48/jobs")
                return json(text("jobs.json"));
            if (rest == "/pipelines/48/bridges")
                return json(text("bridges.json"));
            if (rest == "/repository/files/.gitlab-ci.yml/raw") {
                if (req.get_param_value("ref") != Sha.toStdString()) {
                    res.status = 404;
                    return;
                }
                res.set_content(text("gitlab-ci.yml"), "text/plain");
                return;
            }
            if (rest == "/jobs/5")
                return json(R"({"id": 5, "status": "running", "stage": "test", "name": "lint"})");
            if (rest == "/jobs/1")
                return json(
                    R"({"id": 1, "status": "success", "stage": "build", "name": "compile"})");
            if (rest == "/jobs/5/trace" || rest == "/jobs/1/trace") {
                const std::string trace = text("trace.txt");
                const std::string range = req.get_header_value("Range");
                if (rest == "/jobs/5/trace" && range.rfind("bytes=", 0) == 0) {
                    const size_t from = std::stoul(range.substr(6));
                    if (from >= trace.size()) {
                        res.status = 416;
                        return;
                    }
                    // httplib answers the Range itself: 206 with Content-Range.
                    res.set_content(trace, "text/plain");
                    return;
                }
                res.set_content(trace, "text/plain"); // ignores Range
                return;
            }
            if (rest == "/pipeline" && req.method == "POST")
                return json(R"({"id": 49, "iid": 15, "status": "created", "ref": "main"})", 201);
            if ((rest == "/pipelines/48/retry" || rest == "/pipelines/48/cancel")
                && req.method == "POST")
                return json(text("pipeline.json"), 201);
            if (rest == "/jobs/7/play" && req.method == "POST")
                return json(R"({"id": 7, "status": "pending", "name": "deploy-prod"})");
            res.status = 404;
            res.set_content(R"({"message":"404 Not found"})", "application/json");
        };
        s.Get(".*", handle);
        s.Post(".*", handle);
    }));
}

void tst_GitLabClient::decodesPipelines()
{
    const auto runs = GitLabResponse::decodePipelines(response(200, data("pipelines.json")),
                                                      QStringLiteral("shop/api"));
    QVERIFY2(runs.ok(), qPrintable(runs.ok() ? QString() : runs.error().toString()));
    QCOMPARE(runs->size(), 3); // a string and an item without id are skipped
    const PipelineRun &first = runs->at(0);
    QCOMPARE(first.provider, PipelineProvider::GitLab);
    QCOMPARE(first.source, QStringLiteral("shop/api"));
    QCOMPARE(first.id, QStringLiteral("48"));
    QCOMPARE(first.number, 14);
    QCOMPARE(first.branch, QStringLiteral("main"));
    QCOMPARE(first.name, QStringLiteral("Build pipeline"));
    QCOMPARE(first.event, QStringLiteral("push"));
    QCOMPARE(first.status, PipelineStatus::Running);
    QCOMPARE(first.commitSha, Sha);
    QCOMPARE(first.createdAt, QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
    QCOMPARE(runs->at(1).status, PipelineStatus::Waiting); // manual
    QCOMPARE(runs->at(1).name, QStringLiteral("release")); // no name: the ref
    QCOMPARE(runs->at(2).status, PipelineStatus::Failed);
    QVERIFY(!runs->at(2).updatedAt.isValid()); // "not a time"

    const auto one = GitLabResponse::decodePipeline(response(200, data("pipeline.json")),
                                                    QStringLiteral("shop/api"));
    QVERIFY(one.ok());
    QCOMPARE(one->actor, QStringLiteral("root"));
    QCOMPARE(one->startedAt, QDateTime(QDate(2026, 12, 7), QTime(9, 0, 4, 127), Qt::UTC));
    QVERIFY(!one->finishedAt.isValid());
    QCOMPARE(one->webUrl, QStringLiteral("https://gitlab.example.com/shop/api/-/pipelines/48"));
}

void tst_GitLabClient::decodesJobsAndBridges()
{
    const auto jobs = GitLabResponse::decodeJobs(response(200, data("jobs.json")));
    QVERIFY(jobs.ok());
    QCOMPARE(jobs->size(), 7);
    const PipelineJob *prod = jobNamed(*jobs, QStringLiteral("deploy-prod"));
    QVERIFY(prod);
    QCOMPARE(prod->id, QStringLiteral("7"));
    QCOMPARE(prod->stage, QStringLiteral("deploy"));
    QCOMPARE(prod->status, PipelineStatus::Waiting);
    QCOMPARE(prod->providerStatus, QStringLiteral("manual"));
    QVERIFY(prod->manual);
    QCOMPARE(prod->environment, QStringLiteral("production"));
    const PipelineJob *lint = jobNamed(*jobs, QStringLiteral("lint"));
    QVERIFY(lint);
    QCOMPARE(lint->runner, QStringLiteral("shared-runner-1"));
    QCOMPARE(lint->status, PipelineStatus::Running);
    QCOMPARE(jobNamed(*jobs, QStringLiteral("rspec 1/2"))->status, PipelineStatus::Failed);

    const auto bridges = GitLabResponse::decodeJobs(response(200, data("bridges.json")));
    QVERIFY(bridges.ok());
    QCOMPARE(bridges->size(), 1);
    QCOMPARE(bridges->first().name, QStringLiteral("trigger-docs"));
    QCOMPARE(bridges->first().downstreamSource, QStringLiteral("shop/docs"));
    QCOMPARE(bridges->first().downstreamRunId, QStringLiteral("71"));
    QCOMPARE(bridges->first().status, PipelineStatus::Running);
}

// A run's bridges joined to its jobs: a bridge listed twice (or with a job's id) once, a
// downstream that is the run itself no link, a child pipeline in the same project kept, the
// older web_url without "/-/" read too.
void tst_GitLabClient::mergesBridges()
{
    const auto bridges = GitLabResponse::decodeJobs(response(200, R"([
      {"id": 8, "name": "docs", "stage": "trigger", "status": "success",
       "downstream_pipeline": {"id": 71, "project_id": 3, "status": "success",
                               "web_url": "https://gitlab.example.com/shop/api/-/pipelines/71"}},
      {"id": 8, "name": "docs again", "status": "success"},
      {"id": 9, "name": "self", "status": "running",
       "downstream_pipeline": {"id": 48, "status": "running",
                               "web_url": "https://gitlab.example.com/shop/api/-/pipelines/48"}},
      {"id": 10, "name": "charts", "status": "failed",
       "downstream_pipeline": {"id": 5, "status": "failed",
                               "web_url": "https://example.com/diaspora/diaspora-client/pipelines/5"}},
      {"id": 1, "name": "a job's id", "status": "success"}])"));
    QVERIFY(bridges.ok());
    QList<PipelineJob> jobs;
    PipelineJob build;
    build.id = QStringLiteral("1");
    build.name = QStringLiteral("build");
    jobs.append(build);
    GitLabResponse::mergeBridges(&jobs, *bridges, QStringLiteral("shop/api"), QStringLiteral("48"));
    QStringList names;
    for (const PipelineJob &j : jobs)
        names << j.name;
    QCOMPARE(names, QStringList({"build", "docs", "self", "charts"}));
    QCOMPARE(jobs.at(1).downstreamSource, QStringLiteral("shop/api")); // a child pipeline
    QCOMPARE(jobs.at(1).downstreamRunId, QStringLiteral("71"));
    QVERIFY(jobs.at(2).downstreamRunId.isEmpty()); // itself: no link
    QCOMPARE(jobs.at(3).downstreamSource, QStringLiteral("diaspora/diaspora-client"));
    QCOMPARE(jobs.at(3).status, PipelineStatus::Failed);
    // GitLab under a relative URL root (https://host/gitlab): the project path follows it.
    QCOMPARE(GitLabResponse::webRootOf(QStringLiteral("https://host/gitlab/api/v4")),
             QStringLiteral("gitlab"));
    QCOMPARE(GitLabResponse::webRootOf(QStringLiteral("https://gitlab.com/api/v4/")), QString());
    QList<PipelineJob> rooted;
    PipelineJob rootedBridge = bridges->first();
    rootedBridge.downstreamSource = QStringLiteral("gitlab/shop/api");
    rootedBridge.downstreamRunId = QStringLiteral("48");
    GitLabResponse::mergeBridges(&rooted, {rootedBridge}, QStringLiteral("shop/api"),
                                 QStringLiteral("48"), QStringLiteral("gitlab"));
    QVERIFY(rooted.first().downstreamRunId.isEmpty()); // itself, once the root is read off
    GitLabResponse::linkJobs(&jobs, {});
    for (const PipelineJob &j : jobs)
        QVERIFY(!j.needs.contains(j.id));
}

void tst_GitLabClient::needsFromCiYaml()
{
    auto jobs = GitLabResponse::decodeJobs(response(200, data("jobs.json")));
    const auto bridges = GitLabResponse::decodeJobs(response(200, data("bridges.json")));
    QVERIFY(jobs.ok() && bridges.ok());
    QList<PipelineJob> all = *jobs + *bridges;
    const auto config = GitLabResponse::decodeCiConfig(data("gitlab-ci.yml"));
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    QCOMPARE(config->stages, QStringList({QStringLiteral("build"), QStringLiteral("test"),
                                          QStringLiteral("deploy")}));
    QVERIFY(!config->needs.contains(QStringLiteral(".deploy-template"))); // hidden
    QVERIFY(!config->needs.contains(QStringLiteral("variables")));
    GitLabResponse::linkJobs(&all, *config);
    const auto needsOf = [&](const char *name) {
        const PipelineJob *j = jobNamed(all, QLatin1String(name));
        return j ? sorted(j->needs) : QStringList{QStringLiteral("missing")};
    };
    QCOMPARE(needsOf("compile"), QStringList());     // first stage
    QCOMPARE(needsOf("build-image"), QStringList()); // needs: []
    // rspec (parallel: 2) needs compile; the other project's job is no edge.
    QCOMPARE(needsOf("rspec 1/2"), QStringList({QStringLiteral("1")}));
    QCOMPARE(needsOf("rspec 2/2"), QStringList({QStringLiteral("1")}));
    // No needs: every job of the previous stage.
    QCOMPARE(needsOf("lint"), QStringList({QStringLiteral("1"), QStringLiteral("2")}));
    // Through extends:
    QCOMPARE(needsOf("deploy-staging"), QStringList({QStringLiteral("2"), QStringLiteral("5")}));
    // Its own needs win over the template's; "rspec" means both instances.
    QCOMPARE(needsOf("deploy-prod"),
             QStringList({QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("6")}));
    QCOMPARE(needsOf("trigger-docs"),
             QStringList({QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}));
}

void tst_GitLabClient::stageOrderWithoutYaml()
{
    auto jobs = GitLabResponse::decodeJobs(response(200, data("jobs.json")));
    QVERIFY(jobs.ok());
    QList<PipelineJob> all = *jobs;
    GitLabResponse::linkJobs(&all, {});
    QCOMPARE(sorted(jobNamed(all, QStringLiteral("deploy-prod"))->needs),
             QStringList({QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}));
    QCOMPARE(jobNamed(all, QStringLiteral("build-image"))->needs, QStringList());
    // A stage the default order does not know goes by its first job's id, before .post.
    PipelineJob a;
    a.id = QStringLiteral("1");
    a.stage = QStringLiteral("prepare");
    PipelineJob b;
    b.id = QStringLiteral("2");
    b.stage = QStringLiteral("package");
    PipelineJob c;
    c.id = QStringLiteral("3");
    c.stage = QStringLiteral(".post");
    QList<PipelineJob> custom{c, b, a};
    GitLabResponse::linkJobs(&custom, {});
    QCOMPARE(custom.at(1).needs, QStringList({QStringLiteral("1")}));
    QCOMPARE(custom.at(0).needs, QStringList({QStringLiteral("2")}));
}

void tst_GitLabClient::hostileInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArray(R"([{"id": 1, "status": "runn)");
    QTest::newRow("object") << QByteArray(R"({"message": "not a list"})");
    QTest::newRow("html") << QByteArray("<html><body>Sign in</body></html>");
    QTest::newRow("deep") << QByteArray(400, '[') + QByteArray(400, ']');
    QTest::newRow("empty") << QByteArray();
}

void tst_GitLabClient::hostileInput()
{
    QFETCH(QByteArray, body);
    const auto runs
        = GitLabResponse::decodePipelines(response(200, body), QString(), QStringLiteral("url"));
    QVERIFY(!runs.ok());
    QCOMPARE(runs.error().code, Error::Code::ParseError);
    QCOMPARE(runs.error().httpStatus, 200);
    QCOMPARE(runs.error().context, QStringLiteral("url"));
    QVERIFY(!GitLabResponse::decodeJobs(response(200, body)).ok());
    // Odd values inside a valid list read as absent, never crash.
    const auto odd = GitLabResponse::decodePipelines(
        response(200, R"([{"id": 1, "iid": 1e300, "status": 5, "ref": ["x"], "user": "root",
                           "created_at": 7, "sha": null}])"),
        QString());
    QVERIFY(odd.ok());
    QCOMPARE(odd->size(), 1);
    QCOMPARE(odd->first().number, 0);
    QCOMPARE(odd->first().status, PipelineStatus::Unknown);
    // YAML that is not a CI file, or not YAML.
    QVERIFY(GitLabResponse::decodeCiConfig("- a\n- b\n").ok());
    QVERIFY(!GitLabResponse::decodeCiConfig("a: [unclosed\n").ok());
    const auto cyclic = GitLabResponse::decodeCiConfig(
        ".a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n");
    QVERIFY(cyclic.ok());
    QVERIFY(!cyclic->needs.contains(QStringLiteral("job")));
}

void tst_GitLabClient::boundsTheAnswer()
{
    QByteArray many = "[";
    for (qint64 i = 0; i <= GitLabResponse::MaxRuns; ++i)
        many += (i ? ",{\"id\":" : "{\"id\":") + QByteArray::number(i + 1) + '}';
    many += ']';
    const auto runs = GitLabResponse::decodePipelines(response(200, many), QString());
    QVERIFY(!runs.ok());
    QCOMPARE(runs.error().code, Error::Code::TooLarge);
    const auto big
        = GitLabResponse::decodeCiConfig(QByteArray(GitLabResponse::MaxCiYamlBytes + 1, '#'));
    QVERIFY(!big.ok());
    QCOMPARE(big.error().code, Error::Code::TooLarge);
    // A needs list beyond the bound is cut.
    QByteArray yaml = "job:\n  needs:\n";
    for (qint64 i = 0; i < GitLabResponse::MaxNeedsPerJob + 5; ++i)
        yaml += "    - j" + QByteArray::number(i) + '\n';
    const auto cut = GitLabResponse::decodeCiConfig(yaml);
    QVERIFY(cut.ok());
    QCOMPARE(cut->needs.value(QStringLiteral("job")).size(), GitLabResponse::MaxNeedsPerJob);
}

void tst_GitLabClient::statuses()
{
    QCOMPARE(GitLabResponse::status(QStringLiteral("success")), PipelineStatus::Succeeded);
    QCOMPARE(GitLabResponse::status(QStringLiteral("canceled")), PipelineStatus::Cancelled);
    QCOMPARE(GitLabResponse::status(QStringLiteral("waiting_for_resource")),
             PipelineStatus::Queued);
    QCOMPARE(GitLabResponse::status(QStringLiteral("skipped")), PipelineStatus::Skipped);
    QCOMPARE(GitLabResponse::status(QStringLiteral("what")), PipelineStatus::Unknown);
    QCOMPARE(GitLabResponse::statusFilter(PipelineStatus::Cancelled), QStringLiteral("canceled"));
    QCOMPARE(GitLabResponse::statusFilter(PipelineStatus::Unknown), QString());
}

void tst_GitLabClient::paths()
{
    PipelineRunFilter filter;
    filter.branch = QStringLiteral("feature/x");
    filter.actor = QStringLiteral("root");
    filter.event = QStringLiteral("web");
    filter.status = PipelineStatus::Failed;
    filter.limit = 500;
    QCOMPARE(GitLabClient::pipelinesPath(QStringLiteral("group/sub/proj"), filter, 3),
             QStringLiteral("/projects/group%2Fsub%2Fproj/pipelines?per_page=100&page=3&order_by="
                            "id&sort=desc&ref=feature%2Fx&status=failed&source=web&username=root"));
    QCOMPARE(GitLabClient::tracePath(QStringLiteral("42"), QStringLiteral("7")),
             QStringLiteral("/projects/42/jobs/7/trace"));
    QCOMPARE(GitLabClient::ciConfigPath(QStringLiteral("a/b"), Sha),
             QStringLiteral("/projects/a%2Fb/repository/files/.gitlab-ci.yml/raw?ref=") + Sha);
    QCOMPARE(GitLabClient::createBody(QStringLiteral("main"),
                                      {{QStringLiteral("A"), QStringLiteral("1")}}),
             QByteArray(R"({"ref":"main","variables":[{"key":"A","value":"1"}]})"));
}

void tst_GitLabClient::clientRuns()
{
    ClusterConnection c;
    c.server = QString::fromStdString(m_server.url()) + QStringLiteral("/api/v4");
    HttpTransport transport(c);
    const GitLabClient client(&transport, GoodToken);
    QCOMPARE(client.baseUrl(), c.server);
    QCOMPARE(client.provider(), PipelineProvider::GitLab);
    PipelineRunFilter filter;
    filter.branch = QStringLiteral("main");
    const auto runs = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("shop/api"), filter, this, h); });
    QVERIFY(runs && runs->ok());
    QCOMPARE((*runs)->size(), 4); // both pages
    QCOMPARE((*runs)->last().id, QStringLiteral("30"));
    {
        std::lock_guard lock(m_seen.mutex);
        QVERIFY(
            std::any_of(m_seen.targets.cbegin(), m_seen.targets.cend(), [](const std::string &t) {
                return t.find("/pipelines?per_page=50&page=2&") != std::string::npos
                       && t.find("&ref=main") != std::string::npos;
            }));
    }
    filter.limit = 2;
    const auto two = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("shop/api"), filter, this, h); });
    QVERIFY(two && two->ok());
    QCOMPARE((*two)->size(), 2);
}

void tst_GitLabClient::clientRun()
{
    ClusterConnection c;
    c.server = QString::fromStdString(m_server.url()) + QStringLiteral("/api/v4");
    HttpTransport transport(c);
    const GitLabClient client(&transport, GoodToken);
    const auto run = ask<PipelineRun>(
        [&](auto h) { client.run(QStringLiteral("shop/api"), QStringLiteral("48"), this, h); });
    QVERIFY(run && run->ok());
    const PipelineRun &r = **run;
    QCOMPARE(r.id, QStringLiteral("48"));
    QCOMPARE(r.jobs.size(), 8); // 7 jobs and a bridge
    const PipelineJob *prod = jobNamed(r.jobs, QStringLiteral("deploy-prod"));
    QVERIFY(prod);
    QCOMPARE(sorted(prod->needs),
             QStringList({QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("6")}));
    const PipelineJob *bridge = jobNamed(r.jobs, QStringLiteral("trigger-docs"));
    QVERIFY(bridge);
    QCOMPARE(bridge->downstreamRunId, QStringLiteral("71"));
    std::lock_guard lock(m_seen.mutex);
    QVERIFY(std::all_of(m_seen.tokens.cbegin(), m_seen.tokens.cend(),
                        [](const std::string &t) { return t == GoodToken; }));
}

void tst_GitLabClient::clientTrace()
{
    ClusterConnection c;
    c.server = QString::fromStdString(m_server.url()) + QStringLiteral("/api/v4");
    HttpTransport transport(c);
    const GitLabClient client(&transport, GoodToken);
    const QByteArray trace = data("trace.txt");
    // A running job: the server honours Range.
    const auto first = ask<PipelineLogChunk>([&](auto h) {
        client.jobLog(QStringLiteral("shop/api"), QStringLiteral("48"), QStringLiteral("5"), 0,
                      this, h);
    });
    QVERIFY(first && first->ok());
    QCOMPARE((*first)->text, trace);
    QCOMPARE((*first)->nextOffset, trace.size());
    QVERIFY(!(*first)->complete); // still running
    {
        std::lock_guard lock(m_seen.mutex);
        // Appended, not `"…" + std::to_string(…)`: GCC 12 warns wrongly (-Warray-bounds) there.
        std::string expected = "bytes=0-";
        expected += std::to_string(GitLabClient::MaxLogChunkBytes - 1);
        QCOMPARE(m_seen.lastRange, expected);
    }
    const auto later = ask<PipelineLogChunk>([&](auto h) {
        client.jobLog(QStringLiteral("shop/api"), QStringLiteral("48"), QStringLiteral("5"), 20,
                      this, h);
    });
    QVERIFY(later && later->ok());
    QCOMPARE((*later)->text, trace.mid(20));
    const auto nothing = ask<PipelineLogChunk>([&](auto h) {
        client.jobLog(QStringLiteral("shop/api"), QStringLiteral("48"), QStringLiteral("5"),
                      trace.size(), this, h);
    });
    QVERIFY(nothing && nothing->ok());
    QVERIFY((*nothing)->text.isEmpty());
    QCOMPARE((*nothing)->nextOffset, trace.size());
    // A finished job on a server that ignores Range: sliced here, complete.
    const auto done = ask<PipelineLogChunk>([&](auto h) {
        client.jobLog(QStringLiteral("shop/api"), QStringLiteral("48"), QStringLiteral("1"), 10,
                      this, h);
    });
    QVERIFY(done && done->ok());
    QCOMPARE((*done)->text, trace.mid(10));
    QCOMPARE((*done)->nextOffset, trace.size());
    QVERIFY((*done)->complete);
}

void tst_GitLabClient::clientActions()
{
    ClusterConnection c;
    c.server = QString::fromStdString(m_server.url()) + QStringLiteral("/api/v4");
    HttpTransport transport(c);
    const GitLabClient client(&transport, GoodToken);
    PipelineTrigger trigger;
    trigger.inputs.insert(QStringLiteral("DEPLOY"), QStringLiteral("yes"));
    const auto created = ask<QString>(
        [&](auto h) { client.trigger(QStringLiteral("shop/api"), trigger, this, h); });
    QVERIFY(created && created->ok());
    QCOMPARE(**created, QStringLiteral("49"));
    {
        std::lock_guard lock(m_seen.mutex);
        // No ref given: the project's default branch.
        QCOMPARE(m_seen.lastBody,
                 std::string(R"({"ref":"main","variables":[{"key":"DEPLOY","value":"yes"}]})"));
    }
    const QString s = QStringLiteral("shop/api");
    const QString run = QStringLiteral("48");
    const auto retried = ask<void>([&](auto h) { client.rerun(s, run, true, this, h); });
    QVERIFY(retried && retried->ok());
    const auto again = ask<void>([&](auto h) { client.rerun(s, run, false, this, h); });
    QVERIFY(again && again->ok());
    {
        std::lock_guard lock(m_seen.mutex);
        QCOMPARE(m_seen.targets.back(), std::string("POST /api/v4/projects/shop%2Fapi/pipeline"));
        QCOMPARE(m_seen.lastBody, std::string(R"({"ref":"main"})"));
    }
    const auto cancelled = ask<void>([&](auto h) { client.cancel(s, run, this, h); });
    QVERIFY(cancelled && cancelled->ok());
    const auto played = ask<void>(
        [&](auto h) { client.review(s, run, QStringLiteral("7"), true, QString(), this, h); });
    QVERIFY(played && played->ok());
    {
        std::lock_guard lock(m_seen.mutex);
        QCOMPARE(m_seen.targets.back(),
                 std::string("POST /api/v4/projects/shop%2Fapi/jobs/7/play"));
    }
    const auto rejected = ask<void>(
        [&](auto h) { client.review(s, run, QStringLiteral("7"), false, QString(), this, h); });
    QVERIFY(rejected && !rejected->ok());
    QCOMPARE(rejected->error().code, Error::Code::Unsupported);
    const auto forbidden = ask<QString>([&](auto h) {
        client.trigger(QStringLiteral("shop/forbidden"), {QStringLiteral("main"), {}, {}}, this, h);
    });
    QVERIFY(forbidden && !forbidden->ok());
    QCOMPARE(forbidden->error().code, Error::Code::Forbidden);
    QCOMPARE(forbidden->error().message, QStringLiteral("403 Forbidden"));
}

void tst_GitLabClient::clientFaults()
{
    ClusterConnection c;
    c.server = QString::fromStdString(m_server.url()) + QStringLiteral("/api/v4");
    HttpTransport transport(c);
    const QByteArray wrong = "glpat-wrong-secret-value";
    const GitLabClient intruder(&transport, wrong);
    const auto denied = ask<QList<PipelineRun>>(
        [&](auto h) { intruder.runs(QStringLiteral("shop/api"), {}, this, h); });
    QVERIFY(denied && !denied->ok());
    QCOMPARE(denied->error().code, Error::Code::AuthError);
    QCOMPARE(denied->error().httpStatus, 401);
    QCOMPARE(denied->error().message, QStringLiteral("401 Unauthorized"));
    QVERIFY(!denied->error().toString().contains(QString::fromLatin1(wrong)));
    QVERIFY(denied->error().context.startsWith(c.server
                                               + QLatin1String("/projects/shop%2Fapi/pipelines?")));

    const GitLabClient client(&transport, GoodToken);
    const auto broken = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("shop/broken"), {}, this, h); });
    QVERIFY(broken && !broken->ok());
    QCOMPARE(broken->error().code, Error::Code::ServerError);
    QCOMPARE(broken->error().message, QStringLiteral("500 Internal Server Error"));
    const auto truncated = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("shop/truncated"), {}, this, h); });
    QVERIFY(truncated && !truncated->ok());
    QCOMPARE(truncated->error().code, Error::Code::ParseError);
    const auto huge = ask<PipelineRun>(
        [&](auto h) { client.run(QStringLiteral("shop/huge"), QStringLiteral("1"), this, h); });
    QVERIFY(huge && !huge->ok());
    QCOMPARE(huge->error().code, Error::Code::TooLarge);
    const auto missing = ask<PipelineRun>(
        [&](auto h) { client.run(QStringLiteral("shop/api"), QStringLiteral("999"), this, h); });
    QVERIFY(missing && !missing->ok());
    QCOMPARE(missing->error().code, Error::Code::NotFound);

    ClusterConnection nowhere;
    nowhere.server = QStringLiteral("http://127.0.0.1:1/api/v4");
    HttpTransport dead(nowhere);
    const GitLabClient deadClient(&dead, GoodToken);
    const auto refused = ask<QList<PipelineRun>>(
        [&](auto h) { deadClient.runs(QStringLiteral("shop/api"), {}, this, h); });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().httpStatus, 0);
    QVERIFY(!refused->error().toString().contains(QLatin1String(GoodToken)));
}

void tst_GitLabClient::credentials()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    auto none = PipelineCredentials::gitlabToken(QStringLiteral("gitlab.com"), env);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, Error::Code::NotFound);

    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".config/glab-cli")));
    QFile config(home.path() + QStringLiteral("/.config/glab-cli/config.yml"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        "git_protocol: ssh\nhosts:\n  gitlab.com:\n    token: glpat-from-glab\n"
        "  gitlab.example.com:\n    api_protocol: http\n    api_host: gitlab.example.com:8080\n"
        "    token: !!null\n");
    config.close();
    auto fromGlab = PipelineCredentials::gitlabToken(QStringLiteral("gitlab.com"), env);
    QVERIFY(fromGlab.ok());
    QCOMPARE(*fromGlab, QByteArray("glpat-from-glab"));
    auto keyring = PipelineCredentials::gitlabToken(QStringLiteral("gitlab.example.com"), env);
    QVERIFY(!keyring.ok());
    QCOMPARE(keyring.error().code, Error::Code::NotFound);
    QCOMPARE(PipelineCredentials::gitlabApiBase(QStringLiteral("gitlab.example.com"), env),
             QStringLiteral("http://gitlab.example.com:8080/api/v4"));
    QCOMPARE(PipelineCredentials::gitlabApiBase(QStringLiteral("gitlab.com"), env),
             QStringLiteral("https://gitlab.com/api/v4"));
    env.insert(QStringLiteral("GITLAB_TOKEN"), QStringLiteral("glpat-env"));
    QCOMPARE(*PipelineCredentials::gitlabToken(QStringLiteral("gitlab.com"), env),
             QByteArray("glpat-env"));
    // A broken config names the file, never its content.
    const auto broken = PipelineCredentials::glabToken("hosts:\n  x: [glpat-secret\n",
                                                       QStringLiteral("x"), QStringLiteral("cfg"));
    QVERIFY(!broken.ok());
    QVERIFY(!broken.error().toString().contains(QLatin1String("glpat-secret")));

    env.remove(QStringLiteral("GITLAB_TOKEN"));
    // A token the user typed, in the keyring, after the environment and glab's config.
    MemorySecretStore store;
    const auto stillNone
        = PipelineCredentials::gitlabToken(QStringLiteral("gitlab.example.com"), env, &store);
    QVERIFY(!stillNone.ok());
    QVERIFY(stillNone.error().message.contains(QLatin1String("the test keyring")));
    QVERIFY(store
                .write(PipelineCredentials::gitlabKey(QStringLiteral("gitlab.example.com")),
                       "glpat-typed")
                .ok());
    QCOMPARE(*PipelineCredentials::gitlabToken(QStringLiteral("gitlab.example.com"), env, &store),
             QByteArray("glpat-typed"));
    QCOMPARE(*PipelineCredentials::gitlabToken(QStringLiteral("gitlab.com"), env, &store),
             QByteArray("glpat-from-glab"));

    auto jenkins = PipelineCredentials::jenkins(env);
    QVERIFY(!jenkins.ok());
    QVERIFY(store
                .write(PipelineCredentials::jenkinsKey(QStringLiteral("ci.example.com")),
                       "bob:typed-token")
                .ok());
    jenkins = PipelineCredentials::jenkins(env, QStringLiteral("ci.example.com"), &store);
    QVERIFY(jenkins.ok());
    QCOMPARE(jenkins->username, QStringLiteral("bob"));
    QCOMPARE(jenkins->password, QStringLiteral("typed-token"));
    env.insert(QStringLiteral("JENKINS_USER_ID"), QStringLiteral("ada"));
    env.insert(QStringLiteral("JENKINS_API_TOKEN"), QStringLiteral("11aa"));
    jenkins = PipelineCredentials::jenkins(env);
    QVERIFY(jenkins.ok());
    QCOMPARE(jenkins->username, QStringLiteral("ada"));
    QCOMPARE(jenkins->password, QStringLiteral("11aa"));
}

QTEST_GUILESS_MAIN(tst_GitLabClient)
#include "tst_gitlabclient.moc"
