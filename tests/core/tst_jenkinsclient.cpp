// SPDX-License-Identifier: GPL-3.0-or-later
// Jenkins in core: JenkinsResponse on payloads shaped as the remote API, the Pipeline Stage
// View API's documented samples (wfapi/describe, pendingInputActions) and Blue Ocean's nodes
// with edges (tests/data/jenkins), parallel branches grouped under their stage, and
// JenkinsClient over real HTTP against a fixture server on 127.0.0.1: folders and multibranch
// paths, Basic auth, the crumb (fetched, sent with its session cookie, fetched again when
// Jenkins refuses it), Blue Ocean with the Stage View as fallback, the progressive log,
// triggers, stop, input approval, and faults (401, 403 without a crumb, truncated JSON).

#include "kube/httptransport.h"
#include "kube/staticcredentialprovider.h"
#include "pipelines/jenkinsclient.h"
#include "pipelines/jenkinsresponse.h"

#include <asyncanswer.h>
#include <eventloopwait.h>
#include <loopbackhttpserver.h>

#include <httplib.h>

#include <QFile>
#include <QTest>

#include <atomic>
#include <mutex>
#include <optional>

using namespace Orrery;

namespace {

QByteArray data(const char *name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/jenkins/") + QLatin1String(name));
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

const PipelineJob *jobWithId(const QList<PipelineJob> &jobs, const QString &id)
{
    for (const PipelineJob &j : jobs)
        if (j.id == id)
            return &j;
    return nullptr;
}

QStringList ids(const QList<PipelineJob> &jobs)
{
    QStringList out;
    for (const PipelineJob &j : jobs)
        out.append(j.id);
    return out;
}

const QString User = QStringLiteral("ada");
const QString Token = QStringLiteral("11aa22bb33cc44dd-token");

} // namespace

class tst_JenkinsClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void decodesJob();
    void decodesBuild();
    void decodesJobTree();
    void stageViewParallel();
    void blueOceanGraph();
    void inputsAndCrumb();
    void hostileInput();
    void boundsTheAnswer();
    void paths();
    void clientRuns();
    void clientRun();
    void clientLog();
    void clientActions();
    void clientFaults();

private:
    std::unique_ptr<HttpTransport> transport(const QString &user, const QString &token) const;
    void serve(const httplib::Request &req, httplib::Response &res);

    Orrery::Test::LoopbackHttpServer m_server;
    std::mutex m_mutex;
    std::vector<std::string> m_posts; // "target body"
    std::atomic<bool> m_blue = true;
    std::atomic<bool> m_crumbBroken = false;
    std::atomic<int> m_crumbGeneration = 1;
    std::atomic<int> m_crumbFetches = 0;
};

std::unique_ptr<HttpTransport> tst_JenkinsClient::transport(const QString &user,
                                                            const QString &token) const
{
    ClusterConnection c;
    c.server = QString::fromStdString(m_server.url()) + QStringLiteral("/jenkins");
    Credential cred;
    cred.username = user;
    cred.password = token;
    c.credentials = std::make_shared<StaticCredentialProvider>(cred, QStringLiteral("basic"));
    return std::make_unique<HttpTransport>(c);
}

void tst_JenkinsClient::serve(const httplib::Request &req, httplib::Response &res)
{
    std::string target = req.target.substr(0, req.target.find('?'));
    const std::string base = "/jenkins";
    if (target.rfind(base, 0) != 0) {
        res.status = 404;
        return;
    }
    target = target.substr(base.size());
    const std::string expected
        = "Basic "
          + QByteArray((User + QLatin1Char(':') + Token).toUtf8()).toBase64().toStdString();
    if (req.get_header_value("Authorization") != expected) {
        res.status = 401;
        res.set_content("<html><body>Unauthorized</body></html>", "text/html");
        return;
    }
    const auto json = [&res](const std::string &body, int status = 200) {
        res.status = status;
        res.set_content(body, "application/json");
    };
    const std::string crumb = "crumb-" + std::to_string(m_crumbGeneration.load());
    if (target == "/crumbIssuer/api/json") {
        ++m_crumbFetches;
        if (m_crumbBroken) {
            res.status = 403;
            res.set_content("<html>Access denied</html>", "text/html");
            return;
        }
        res.set_header("Set-Cookie", "JSESSIONID.f00d=node0abc; Path=/jenkins; HttpOnly");
        return json("{\"_class\":\"hudson.security.csrf.DefaultCrumbIssuer\",\"crumb\":\"" + crumb
                    + "\",\"crumbRequestField\":\"Jenkins-Crumb\"}");
    }
    if (req.method == "POST") {
        if (req.get_header_value("Jenkins-Crumb") != crumb
            || req.get_header_value("Cookie").find("JSESSIONID.f00d=node0abc")
                   == std::string::npos) {
            res.status = 403;
            res.set_content("<html><body><h2>HTTP ERROR 403 No valid crumb was included "
                            "in the request</h2></body></html>",
                            "text/html");
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_posts.push_back(target + " " + req.body);
        }
        if (target == "/job/shop/job/api/buildWithParameters") {
            res.status = 201;
            res.set_header("Location", m_server.url() + "/jenkins/queue/item/77/");
            return;
        }
        if (target == "/job/shop/job/api/build") {
            res.status = 201;
            res.set_header("Location", m_server.url() + "/jenkins/queue/item/78/");
            return;
        }
        if (target == "/job/shop/job/api/12/stop"
            || target == "/job/shop/job/api/12/input/Approve/proceedEmpty"
            || target == "/job/shop/job/api/12/input/Approve/abort") {
            res.status = 302;
            res.set_header("Location", m_server.url() + "/jenkins/job/shop/job/api/12/");
            return;
        }
        res.status = 404;
        return;
    }
    if (target == "/job/shop/job/api/api/json") {
        const std::string tree = req.get_param_value("tree");
        if (tree.find("builds[number,result,building") != 0
            && tree.find("_class,builds[number") != 0)
            return json(R"({"message":"bad tree"})", 400);
        return json(text("job.json"));
    }
    if (target == "/job/shop/job/mb/api/json")
        return json(text("multibranch.json"));
    if (target == "/job/shop/job/mb/job/feature%252Fcheckout/api/json")
        return json(text("job.json"));
    if (target == "/job/shop/job/truncated/api/json")
        return json(
            R"({"_class":"org.jenkinsci.plugins.workflow.job.WorkflowJob","builds":[{"num)");
    if (target == "/job/shop/job/api/12/api/json") {
        const std::string tree = req.get_param_value("tree");
        if (tree.rfind("number,actions[parameters", 0) == 0)
            return json(text("build.json"));
        return json(text("build.json"));
    }
    if (target == "/blue/rest/organizations/jenkins/pipelines/shop/pipelines/api/runs/12/nodes/") {
        if (!m_blue)
            return json(R"({"message":"not found","code":404})", 404);
        return json(text("blue-nodes.json"));
    }
    if (target == "/job/shop/job/api/12/wfapi/describe")
        return json(text("describe.json"));
    if (target == "/job/shop/job/api/12/wfapi/pendingInputActions")
        return json(text("pending-inputs.json"));
    if (target == "/queue/item/77/api/json")
        return json(
            R"({"_class":"hudson.model.Queue$LeftItem","cancelled":false,"executable":{"_class":"org.jenkinsci.plugins.workflow.job.WorkflowRun","number":13,"url":"http://x/job/shop/job/api/13/"}})");
    if (target == "/queue/item/78/api/json")
        return json(R"({"_class":"hudson.model.Queue$WaitingItem","why":"In the quiet period"})");
    if (target == "/job/shop/job/api/12/logText/progressiveText") {
        const std::string log = text("console.txt");
        const size_t start = std::stoul(req.get_param_value("start"));
        const size_t at = std::min(start, log.size());
        // The file holds console notes that progressiveText strips: its offsets
        // run ahead of the text's length.
        res.set_header("X-Text-Size", std::to_string(log.size() + 40));
        res.set_header("X-More-Data", "true");
        res.set_content(log.substr(at), "text/plain;charset=UTF-8");
        return;
    }
    res.status = 404;
    res.set_content("<html>Not found</html>", "text/html");
}

void tst_JenkinsClient::initTestCase()
{
    const auto handle
        = [this](const httplib::Request &req, httplib::Response &res) { serve(req, res); };
    QVERIFY(m_server.start(0, 4, [handle](httplib::Server &s) {
        s.Get(".*", handle);
        s.Post(".*", handle);
    }));
}

void tst_JenkinsClient::decodesJob()
{
    const auto job
        = JenkinsResponse::decodeJob(response(200, data("job.json")), QStringLiteral("shop/api"));
    QVERIFY(job.ok());
    QVERIFY(!job->isContainer());
    QCOMPARE(job->builds.size(), 3);
    const PipelineRun &running = job->builds.at(0);
    QCOMPARE(running.provider, PipelineProvider::Jenkins);
    QCOMPARE(running.id, QStringLiteral("12"));
    QCOMPARE(running.number, 12);
    QCOMPARE(running.status, PipelineStatus::Running);
    QCOMPARE(running.event, QStringLiteral("manual"));
    QCOMPARE(running.actor, QStringLiteral("ada"));
    QCOMPARE(running.name, QStringLiteral("shop » api"));
    QVERIFY(!running.finishedAt.isValid());
    QCOMPARE(job->builds.at(1).status, PipelineStatus::Failed); // UNSTABLE
    QCOMPARE(job->builds.at(1).event, QStringLiteral("push"));
    QCOMPARE(job->builds.at(1).durationSeconds(QDateTime()), 95);
    QCOMPARE(job->builds.at(2).status, PipelineStatus::Cancelled);
    QCOMPARE(job->builds.at(2).event, QStringLiteral("schedule"));

    const auto mb = JenkinsResponse::decodeJob(response(200, data("multibranch.json")),
                                               QStringLiteral("shop/mb"));
    QVERIFY(mb.ok());
    QVERIFY(mb->isContainer());
    QCOMPARE(mb->children,
             QStringList({QStringLiteral("main"), QStringLiteral("feature%2Fcheckout")}));
}

// Folders, a multibranch project and its branch jobs as get_all_jobs' tree= answers them:
// depth first with full names, a repeated or nameless entry skipped with what it holds,
// nothing past MaxTreeDepth, a job's last build from its colour.
void tst_JenkinsClient::decodesJobTree()
{
    const auto tree = JenkinsResponse::decodeJobTree(response(200, R"({"jobs": [
      {"_class": "com.cloudbees.hudson.plugins.folder.Folder", "name": "shop", "jobs": [
        {"_class": "org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject",
         "name": "api", "jobs": [
           {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowJob", "name": "main",
            "color": "blue"},
           {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowJob",
            "name": "feature%2Fx", "displayName": "feature/x", "color": "red_anime"},
           {"name": "main", "color": "red"},
           {"color": "blue"}, 7, null]},
        {"_class": "com.cloudbees.hudson.plugins.folder.Folder", "name": "shop", "jobs": []},
        {"_class": "hudson.model.FreeStyleProject", "name": "a/b"}]},
      {"_class": "org.jenkinsci.plugins.workflow.job.WorkflowJob", "name": "shop",
       "jobs": [{"name": "hidden"}]}]})"),
                                                     QString());
    QVERIFY(tree.ok());
    QStringList rows;
    for (const PipelineSourceNode &n : *tree)
        rows << QStringList({QString::number(n.depth), QString::number(int(n.kind)), n.source,
                             n.name, QString::number(int(n.status))})
                    .join(QLatin1Char(':'));
    QCOMPARE(rows, QStringList({
                       "0:0:shop:shop:0",
                       "1:1:shop/api:api:0",
                       "2:2:shop/api/main:main:" + QString::number(int(PipelineStatus::Succeeded)),
                       "2:2:shop/api/feature%2Fx:feature/x:"
                           + QString::number(int(PipelineStatus::Running)),
                       "1:0:shop/shop:shop:0",
                   }));
    // Under a folder asked by name; a Pipeline job (no jobs) is an empty tree.
    const auto sub = JenkinsResponse::decodeJobTree(
        response(200, R"({"jobs": [{"name": "main", "color": "aborted"}]})"),
        QStringLiteral("shop/api"));
    QVERIFY(sub.ok());
    QCOMPARE(sub->first().source, QStringLiteral("shop/api/main"));
    QCOMPARE(sub->first().status, PipelineStatus::Cancelled);
    QVERIFY(
        JenkinsResponse::decodeJobTree(response(200, R"({"builds": []})"), QString())->isEmpty());
    QVERIFY(!JenkinsResponse::decodeJobTree(response(200, "[]"), QString()).ok());
    // Deeper than MaxTreeDepth: cut there.
    QByteArray deep = R"({"name": "leaf"})";
    for (int i = 0; i < 20; ++i)
        deep = R"({"name": "f)" + QByteArray::number(i) + R"(", "jobs": [)" + deep + "]}";
    const auto cut
        = JenkinsResponse::decodeJobTree(response(200, R"({"jobs": [)" + deep + "]}"), QString());
    QVERIFY(cut.ok());
    QCOMPARE(cut->size(), qsizetype(JenkinsResponse::MaxTreeDepth));
    QCOMPARE(
        JenkinsClient::jobTreeListPath(QStringLiteral("shop/feature%2Fx"), 2),
        QStringLiteral("/job/shop/job/feature%252Fx/api/json?tree=")
            + QString::fromLatin1(QUrl::toPercentEncoding(
                "jobs[name,displayName,color,_class,jobs[name,displayName,color,_class,jobs]]")));
}

void tst_JenkinsClient::decodesBuild()
{
    const auto build = JenkinsResponse::decodeBuild(response(200, data("build.json")),
                                                    QStringLiteral("shop/api"));
    QVERIFY(build.ok());
    QCOMPARE(build->commitSha, QStringLiteral("eb94b618fb5865b26e80fdd8ae531b7a63ad851a"));
    QCOMPARE(build->branch, QStringLiteral("main"));
    QCOMPARE(build->commitMessage, QStringLiteral("Add the checkout page"));
    QCOMPARE(build->startedAt, QDateTime::fromMSecsSinceEpoch(1765098000000, Qt::UTC));
    const auto parameters = JenkinsResponse::parametersOf(data("build.json"));
    QCOMPARE(parameters.value(QStringLiteral("TARGET")), QStringLiteral("staging"));
    QCOMPARE(parameters.value(QStringLiteral("DRY_RUN")), QStringLiteral("false"));
}

void tst_JenkinsClient::stageViewParallel()
{
    const auto jobs = JenkinsResponse::decodeDescribe(response(200, data("describe.json")));
    QVERIFY(jobs.ok());
    // "Build" holds two overlapping stages: they replace it as parallel branches.
    QCOMPARE(ids(*jobs),
             QStringList({QStringLiteral("6"), QStringLiteral("15"), QStringLiteral("16"),
                          QStringLiteral("40"), QStringLiteral("52")}));
    const PipelineJob *frontend = jobWithId(*jobs, QStringLiteral("15"));
    QCOMPARE(frontend->stage, QStringLiteral("Build"));
    QCOMPARE(frontend->needs, QStringList({QStringLiteral("6")}));
    QCOMPARE(jobWithId(*jobs, QStringLiteral("16"))->needs, QStringList({QStringLiteral("6")}));
    QCOMPARE(jobWithId(*jobs, QStringLiteral("16"))->runner, QStringLiteral("agent-2"));
    const PipelineJob *test = jobWithId(*jobs, QStringLiteral("40"));
    QCOMPARE(test->needs, QStringList({QStringLiteral("15"), QStringLiteral("16")}));
    QCOMPARE(test->status, PipelineStatus::Failed); // UNSTABLE
    QCOMPARE(test->steps.size(), 1);
    QCOMPARE(test->steps.first().name, QStringLiteral("2 tests failed"));
    const PipelineJob *deploy = jobWithId(*jobs, QStringLiteral("52"));
    QCOMPARE(deploy->status, PipelineStatus::Waiting);
    QVERIFY(deploy->manual);
    QVERIFY(!deploy->finishedAt.isValid());
    QCOMPARE(deploy->needs, QStringList({QStringLiteral("40")}));
    // Nested sequential stages (contained, not overlapping) stay a chain.
    const QByteArray sequential = R"({"stages": [
        {"id": "1", "name": "A", "status": "SUCCESS", "startTimeMillis": 1000, "durationMillis": 100},
        {"id": "2", "name": "B", "status": "SUCCESS", "startTimeMillis": 1010, "durationMillis": 10},
        {"id": "3", "name": "C", "status": "SUCCESS", "startTimeMillis": 1030, "durationMillis": 10}]})";
    const auto chain = JenkinsResponse::decodeDescribe(response(200, sequential));
    QVERIFY(chain.ok());
    QCOMPARE(chain->size(), 3);
    QCOMPARE(chain->at(2).needs, QStringList({QStringLiteral("2")}));
}

void tst_JenkinsClient::blueOceanGraph()
{
    const auto jobs = JenkinsResponse::decodeBlueNodes(response(200, data("blue-nodes.json")));
    QVERIFY(jobs.ok());
    QCOMPARE(ids(*jobs),
             QStringList({QStringLiteral("6"), QStringLiteral("15"), QStringLiteral("16"),
                          QStringLiteral("40"), QStringLiteral("52"), QStringLiteral("60")}));
    QCOMPARE(jobWithId(*jobs, QStringLiteral("6"))->needs, QStringList());
    QCOMPARE(jobWithId(*jobs, QStringLiteral("15"))->stage, QStringLiteral("Build"));
    QCOMPARE(jobWithId(*jobs, QStringLiteral("15"))->needs, QStringList({QStringLiteral("6")}));
    QCOMPARE(jobWithId(*jobs, QStringLiteral("16"))->needs, QStringList({QStringLiteral("6")}));
    QCOMPARE(jobWithId(*jobs, QStringLiteral("40"))->needs,
             QStringList({QStringLiteral("15"), QStringLiteral("16")}));
    const PipelineJob *deploy = jobWithId(*jobs, QStringLiteral("52"));
    QCOMPARE(deploy->status, PipelineStatus::Waiting);
    QVERIFY(deploy->manual);
    QCOMPARE(jobWithId(*jobs, QStringLiteral("60"))->status, PipelineStatus::Queued);
    QCOMPARE(jobWithId(*jobs, QStringLiteral("60"))->needs, QStringList({QStringLiteral("52")}));
    QCOMPARE(jobWithId(*jobs, QStringLiteral("6"))->startedAt,
             QDateTime(QDate(2025, 12, 7), QTime(9, 0, 0, 100), Qt::UTC));
    QCOMPARE(jobWithId(*jobs, QStringLiteral("6"))->finishedAt,
             QDateTime(QDate(2025, 12, 7), QTime(9, 0, 2, 100), Qt::UTC));
    QCOMPARE(JenkinsResponse::blueStatus(QStringLiteral("FINISHED"), QStringLiteral("ABORTED")),
             PipelineStatus::Cancelled);
    QCOMPARE(JenkinsResponse::blueStatus(QStringLiteral("SKIPPED"), QString()),
             PipelineStatus::Skipped);
}

void tst_JenkinsClient::inputsAndCrumb()
{
    const auto inputs
        = JenkinsResponse::decodePendingInputs(response(200, data("pending-inputs.json")));
    QVERIFY(inputs.ok());
    QCOMPARE(inputs->size(), 1);
    QCOMPARE(inputs->first().id, QStringLiteral("Approve"));
    QCOMPARE(inputs->first().message, QStringLiteral("Deploy to production?"));
    QCOMPARE(inputs->first().proceedText, QStringLiteral("Deploy"));
    const auto crumb = JenkinsResponse::decodeCrumb(response(200, data("crumb.json")));
    QVERIFY(crumb.ok());
    QCOMPARE(crumb->field, QByteArray("Jenkins-Crumb"));
    QCOMPARE(crumb->value, QByteArray("5a1b7f0c2d9e4e1f8a3b6c7d9e0f1a2b"));
    // A crumb that would split the header is refused.
    QVERIFY(!JenkinsResponse::decodeCrumb(
                 response(200, R"({"crumb":"a\r\nX-Evil: 1","crumbRequestField":"Jenkins-Crumb"})"))
                 .ok());
    ApiResponse queued = response(201, {});
    queued.headers.append(qMakePair(QByteArray("location"), QByteArray("http://j/queue/item/42/")));
    QCOMPARE(*JenkinsResponse::decodeQueued(queued), QStringLiteral("42"));
    QCOMPARE(*JenkinsResponse::decodeQueueItem(response(200, R"({"why":"waiting"})")), QString());
    const auto cancelled = JenkinsResponse::decodeQueueItem(response(200, R"({"cancelled":true})"));
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, Error::Code::Cancelled);
}

void tst_JenkinsClient::hostileInput()
{
    for (const QByteArray &body :
         {QByteArray(R"({"builds":[{"num)"), QByteArray("<html>login</html>"), QByteArray("[]"),
          QByteArray(400, '{'), QByteArray()}) {
        const auto job
            = JenkinsResponse::decodeJob(response(200, body), QString(), QStringLiteral("url"));
        QVERIFY(!job.ok());
        QCOMPARE(job.error().code, Error::Code::ParseError);
        QVERIFY(!JenkinsResponse::decodeDescribe(response(200, body)).ok());
        QVERIFY(!JenkinsResponse::decodeBuild(response(200, body), QString()).ok());
    }
    // Wrong types inside valid JSON are absent, never a crash.
    const auto odd = JenkinsResponse::decodeDescribe(
        response(200, R"({"stages":[{"id":1,"name":["x"],"status":7,"startTimeMillis":"now",
                            "durationMillis":-5,"error":"boom"},
                           {"id":"2","startTimeMillis":1e308,"durationMillis":1e308}]})"));
    QVERIFY(odd.ok());
    QCOMPARE(odd->size(), 2);
    QCOMPARE(odd->first().status, PipelineStatus::Unknown);
    const auto blue = JenkinsResponse::decodeBlueNodes(response(
        200, R"([{"id":"1","edges":[{"id":"1"},{"id":"2"}],"type":"PARALLEL","firstParent":"1"},
                 {"id":"2","edges":"x","type":"PARALLEL","firstParent":"2"}])"));
    QVERIFY(blue.ok()); // self edges and self parents go nowhere
}

void tst_JenkinsClient::boundsTheAnswer()
{
    QByteArray many = R"({"builds":[)";
    for (qint64 i = 0; i <= JenkinsResponse::MaxRuns; ++i)
        many += (i ? ",{\"number\":" : "{\"number\":") + QByteArray::number(i) + '}';
    many += "]}";
    const auto job = JenkinsResponse::decodeJob(response(200, many), QString());
    QVERIFY(!job.ok());
    QCOMPARE(job.error().code, Error::Code::TooLarge);
    QByteArray stages = "[";
    for (qint64 i = 0; i <= JenkinsResponse::MaxStages; ++i)
        stages += (i ? ",{\"id\":" : "{\"id\":") + QByteArray::number(i) + '}';
    stages += ']';
    const auto nodes = JenkinsResponse::decodeBlueNodes(response(200, stages));
    QVERIFY(!nodes.ok());
    QCOMPARE(nodes.error().code, Error::Code::TooLarge);
}

void tst_JenkinsClient::paths()
{
    QCOMPARE(JenkinsClient::jobPath(QStringLiteral("shop/mb/feature%2Fcheckout")),
             QStringLiteral("/job/shop/job/mb/job/feature%252Fcheckout"));
    QCOMPARE(JenkinsClient::jobPath(QStringLiteral("My Job")), QStringLiteral("/job/My%20Job"));
    QCOMPARE(JenkinsClient::blueNodesPath(QStringLiteral("shop/api"), QStringLiteral("12")),
             QStringLiteral(
                 "/blue/rest/organizations/jenkins/pipelines/shop/pipelines/api/runs/12/nodes/"));
    QCOMPARE(JenkinsClient::progressivePath(QStringLiteral("a"), QStringLiteral("3"), 120),
             QStringLiteral("/job/a/3/logText/progressiveText?start=120"));
    QVERIFY(JenkinsClient::jobTreePath(QStringLiteral("a"), 20)
                .contains(QLatin1String("%7B0%2C20%7D")));
}

void tst_JenkinsClient::clientRuns()
{
    const auto t = transport(User, Token);
    const JenkinsClient client(t.get());
    QCOMPARE(client.provider(), PipelineProvider::Jenkins);
    QCOMPARE(client.baseUrl(), QString::fromStdString(m_server.url()) + QStringLiteral("/jenkins"));
    const auto runs = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("shop/api"), {}, this, h); });
    QVERIFY2(runs && runs->ok(), runs && !runs->ok() ? qPrintable(runs->error().toString()) : "");
    QCOMPARE((*runs)->size(), 3);
    PipelineRunFilter failed;
    failed.status = PipelineStatus::Failed;
    const auto onlyFailed = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("shop/api"), failed, this, h); });
    QVERIFY(onlyFailed && onlyFailed->ok());
    QCOMPARE((*onlyFailed)->size(), 1);
    QCOMPARE((*onlyFailed)->first().number, 11);

    // A multibranch project: its branch's job, or a list of its branches.
    const auto project = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("shop/mb"), {}, this, h); });
    QVERIFY(project && !project->ok());
    QCOMPARE(project->error().code, Error::Code::InvalidArgument);
    QVERIFY(project->error().message.contains(QLatin1String("feature%2Fcheckout")));
    PipelineRunFilter branch;
    branch.branch = QStringLiteral("feature/checkout");
    const auto branchRuns = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("shop/mb"), branch, this, h); });
    QVERIFY(branchRuns && branchRuns->ok());
    QCOMPARE((*branchRuns)->size(), 3);
    QCOMPARE((*branchRuns)->first().source, QStringLiteral("shop/mb/feature%2Fcheckout"));
}

void tst_JenkinsClient::clientRun()
{
    const auto t = transport(User, Token);
    const JenkinsClient client(t.get());
    m_blue = true;
    const auto blue = ask<PipelineRun>(
        [&](auto h) { client.run(QStringLiteral("shop/api"), QStringLiteral("12"), this, h); });
    QVERIFY(blue && blue->ok());
    QCOMPARE((*blue)->jobs.size(), 6);
    QCOMPARE((*blue)->status, PipelineStatus::Waiting); // an input waits
    QCOMPARE((*blue)->commitSha, QStringLiteral("eb94b618fb5865b26e80fdd8ae531b7a63ad851a"));
    m_blue = false; // no Blue Ocean: the Stage View
    const auto stageView = ask<PipelineRun>(
        [&](auto h) { client.run(QStringLiteral("shop/api"), QStringLiteral("12"), this, h); });
    QVERIFY(stageView && stageView->ok());
    QCOMPARE(ids((*stageView)->jobs),
             QStringList({QStringLiteral("6"), QStringLiteral("15"), QStringLiteral("16"),
                          QStringLiteral("40"), QStringLiteral("52")}));
    QCOMPARE((*stageView)->status, PipelineStatus::Waiting);
    m_blue = true;
}

void tst_JenkinsClient::clientLog()
{
    const auto t = transport(User, Token);
    const JenkinsClient client(t.get());
    const QByteArray console = data("console.txt");
    const auto chunk = ask<PipelineLogChunk>([&](auto h) {
        client.jobLog(QStringLiteral("shop/api"), QStringLiteral("12"), QString(), 0, this, h);
    });
    QVERIFY(chunk && chunk->ok());
    QCOMPARE((*chunk)->text, console);
    QCOMPARE((*chunk)->nextOffset, console.size() + 40); // X-Text-Size, not the text's length
    QVERIFY(!(*chunk)->complete);                        // X-More-Data: true
}

void tst_JenkinsClient::clientActions()
{
    const auto t = transport(User, Token);
    const JenkinsClient client(t.get());
    const int fetchesBefore = m_crumbFetches;
    PipelineTrigger trigger;
    trigger.inputs.insert(QStringLiteral("TARGET"), QStringLiteral("prod & more"));
    const auto queued = ask<QString>(
        [&](auto h) { client.trigger(QStringLiteral("shop/api"), trigger, this, h); });
    QVERIFY2(queued && queued->ok(),
             queued && !queued->ok() ? qPrintable(queued->error().toString()) : "");
    QCOMPARE(**queued, QStringLiteral("77"));
    {
        std::lock_guard lock(m_mutex);
        QCOMPARE(m_posts.back(),
                 std::string("/job/shop/job/api/buildWithParameters TARGET=prod%20%26%20more"));
    }
    const auto build
        = ask<QString>([&](auto h) { client.queuedBuild(QStringLiteral("77"), this, h); });
    QVERIFY(build && build->ok());
    QCOMPARE(**build, QStringLiteral("13"));
    const auto waiting
        = ask<QString>([&](auto h) { client.queuedBuild(QStringLiteral("78"), this, h); });
    QVERIFY(waiting && waiting->ok());
    QCOMPARE(**waiting, QString());

    const QString s = QStringLiteral("shop/api");
    const QString n = QStringLiteral("12");
    const auto stopped = ask<void>([&](auto h) { client.cancel(s, n, this, h); });
    QVERIFY(stopped && stopped->ok());
    QCOMPARE(m_crumbFetches.load(), fetchesBefore + 1); // one crumb for both POSTs
    // Jenkins restarted: the old crumb is refused once, a new one is fetched.
    ++m_crumbGeneration;
    const auto approved = ask<void>(
        [&](auto h) { client.review(s, n, QStringLiteral("approve"), true, QString(), this, h); });
    QVERIFY2(approved && approved->ok(),
             approved && !approved->ok() ? qPrintable(approved->error().toString()) : "");
    QCOMPARE(m_crumbFetches.load(), fetchesBefore + 2);
    {
        std::lock_guard lock(m_mutex);
        QCOMPARE(m_posts.back(), std::string("/job/shop/job/api/12/input/Approve/proceedEmpty "));
    }
    const auto rejected
        = ask<void>([&](auto h) { client.review(s, n, QString(), false, QString(), this, h); });
    QVERIFY(rejected && rejected->ok());
    {
        std::lock_guard lock(m_mutex);
        QCOMPARE(m_posts.back(), std::string("/job/shop/job/api/12/input/Approve/abort "));
    }
    const auto rerun = ask<void>([&](auto h) { client.rerun(s, n, false, this, h); });
    QVERIFY(rerun && rerun->ok());
    {
        std::lock_guard lock(m_mutex);
        QCOMPARE(m_posts.back(),
                 std::string("/job/shop/job/api/buildWithParameters DRY_RUN=false&TARGET=staging"));
    }
    const auto failedOnly = ask<void>([&](auto h) { client.rerun(s, n, true, this, h); });
    QVERIFY(failedOnly && !failedOnly->ok());
    QCOMPARE(failedOnly->error().code, Error::Code::Unsupported);
}

void tst_JenkinsClient::clientFaults()
{
    const auto wrong = transport(User, QStringLiteral("wrong-secret-token"));
    const JenkinsClient intruder(wrong.get());
    const auto denied = ask<QList<PipelineRun>>(
        [&](auto h) { intruder.runs(QStringLiteral("shop/api"), {}, this, h); });
    QVERIFY(denied && !denied->ok());
    QCOMPARE(denied->error().code, Error::Code::AuthError);
    QVERIFY(!denied->error().toString().contains(QLatin1String("wrong-secret-token")));

    const auto t = transport(User, Token);
    const JenkinsClient client(t.get());
    const auto truncated = ask<QList<PipelineRun>>(
        [&](auto h) { client.runs(QStringLiteral("shop/truncated"), {}, this, h); });
    QVERIFY(truncated && !truncated->ok());
    QCOMPARE(truncated->error().code, Error::Code::ParseError);
    const auto missing = ask<PipelineRun>(
        [&](auto h) { client.run(QStringLiteral("shop/nothing"), QStringLiteral("1"), this, h); });
    QVERIFY(missing && !missing->ok());
    QCOMPARE(missing->error().code, Error::Code::NotFound);
    QCOMPARE(missing->error().message, QStringLiteral("the server answered HTTP 404"));

    // The crumb issuer refuses: the POST is not sent, the error says 403.
    m_crumbBroken = true;
    const JenkinsClient fresh(t.get());
    const auto noCrumb = ask<void>(
        [&](auto h) { fresh.cancel(QStringLiteral("shop/api"), QStringLiteral("12"), this, h); });
    m_crumbBroken = false;
    QVERIFY(noCrumb && !noCrumb->ok());
    QCOMPARE(noCrumb->error().code, Error::Code::Forbidden);
    QCOMPARE(noCrumb->error().httpStatus, 403);
    QVERIFY(noCrumb->error().context.endsWith(QLatin1String("/crumbIssuer/api/json")));
}

QTEST_GUILESS_MAIN(tst_JenkinsClient)
#include "tst_jenkinsclient.moc"
