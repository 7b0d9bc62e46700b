// SPDX-License-Identifier: GPL-3.0-or-later
// Railway end to end against the simulated Railway (sim/railway) over HTTPS on loopback:
// every GraphQL document Orrery sends validates against Railway's published schema
// (tests/data/railway: the part of railwayapp/cli src/gql/schema.json Orrery uses, judged by
// Debian's python3-graphql-core), and so do the simulator's answers to them; RailwayAccount's
// credentials, identity, discovery and app topology for the multi-cloud seed (001); the
// redeploy, rollback and restart operations through the audited writer; the simulator's
// GraphQL parser refusing what it does not serve, with GraphQL errors.
#include "front/servicefront.h"
#include "railway/railwayservice.h"
#include "simulator.h"

#include "audit/auditlog.h"
#include "cloud/cloudaccounts.h"
#include "cloud/railwayaccount.h"
#include "cloud/railwayclient.h"
#include "operations/clusterwriteexecutor.h"
#include "operations/railwayoperations.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery;
using json = nlohmann::json;

namespace {

const QByteArray s_token = "orrery-sim-railway";
const QByteArray s_projectToken = "orrery-sim-railway-project";

template <typename T> bool waitFor(const std::optional<T> &value, int ms = 20000)
{
    return QTest::qWaitFor([&] { return value.has_value(); }, ms);
}

QString railwayData(const char *file)
{
    return QStringLiteral(ORRERY_TEST_DATA "/railway/") + QLatin1String(file);
}

} // namespace

class tst_RailwaySim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyDocumentValidatesAgainstTheSchema();
    void theJudgeCatchesMistakes();
    void simulatorAnswersHaveTheSchemasShape();
    void simulatorRefusesWhatItDoesNotServe_data();
    void simulatorRefusesWhatItDoesNotServe();
    void credentials();
    void identify();
    void discoverAccount();
    void discoverProjectToken();
    void badTokenIsAnAuthError();
    void registryMakesTheAccounts();
    void appTopologyOfProduction();
    void refusals();
    void rollbackTheCrashedGateway();
    void redeployAndRestart();
    void graphQlErrorInHttp200IsAFailure();
    void auditHasNoToken();

private:
    RailwayClient::Endpoint endpoint() const;
    QStringList judge(const json &cases) const;
    json ask(const QString &document, const json &variables,
             const QByteArray &projectToken = {}) const;
    RailwayOperation *fetched(RailwayAction action, const RailwayActionTarget &target);
    bool runOp(RailwayOperation *op);
    std::optional<RailwayProject> platform(const QByteArray &token, RailwayClient::TokenKind kind);
    RailwayActionTarget target(const QString &environment, const QString &service);

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::Simulator> m_sim;
    Sim::RailwayService *m_railway = nullptr;
    std::unique_ptr<RailwayAccount> m_account;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ClusterWriteExecutor> m_writer;
    std::optional<RailwayProject> m_project;
};

void tst_RailwaySim::initTestCase()
{
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QStringLiteral("import graphql")});
    QVERIFY2(probe.waitForFinished(30000) && probe.exitCode() == 0,
             "Debian's python3-graphql-core is needed (scripts/deps.sh installs it)");
    Sim::SimulatorOptions options;
    options.scenarios = {"multicloud"};
    options.speed = 20; // a deployment takes 20 s of sim time: 1 s here
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    m_railway = dynamic_cast<Sim::RailwayService *>(m_sim->services()->service("railway"));
    QVERIFY(m_railway);
    RailwayAccount::Credentials c;
    c.token = s_token;
    c.source = QStringLiteral("RAILWAY_API_TOKEN");
    m_account = std::make_unique<RailwayAccount>(endpoint(), c, QStringLiteral("acme"));
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    m_writer
        = std::make_unique<ClusterWriteExecutor>(m_account->client()->transport(), m_audit.get());
    m_project = platform(s_token, RailwayClient::TokenKind::Account);
    QVERIFY(m_project);
    QCOMPARE(m_project->name, QStringLiteral("acme-platform"));
}

void tst_RailwaySim::cleanupTestCase()
{
    qDeleteAll(findChildren<ClusterOperation *>());
    m_writer.reset();
    m_account.reset();
    m_audit.reset();
    if (m_sim)
        m_sim->stop();
}

RailwayClient::Endpoint tst_RailwaySim::endpoint() const
{
    return {
        QUrl(QString::fromStdString(m_sim->servicesUrl()) + QStringLiteral("/railway/graphql/v2")),
        QByteArray::fromStdString(m_sim->servicesCaCertificate())};
}

QStringList tst_RailwaySim::judge(const json &cases) const
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {railwayData("check.py")});
    if (!p.waitForStarted(10000))
        return {QStringLiteral("check.py did not start")};
    p.write(QByteArray::fromStdString(cases.dump()));
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {QStringLiteral("check.py failed: ") + QString::fromUtf8(p.readAllStandardError())};
    QStringList problems;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n'))
        if (!line.trimmed().isEmpty())
            problems << QString::fromUtf8(line);
    return problems;
}

json tst_RailwaySim::ask(const QString &document, const json &variables,
                         const QByteArray &projectToken) const
{
    const json body = {{"query", document.toStdString()}, {"variables", variables}};
    const auto a
        = m_railway->answer(body.dump(), projectToken.isEmpty() ? s_token.toStdString() : "",
                            projectToken.toStdString());
    return a.body;
}

std::optional<RailwayProject> tst_RailwaySim::platform(const QByteArray &token,
                                                       RailwayClient::TokenKind kind)
{
    RailwayClient client(endpoint(), token, kind);
    std::optional<Result<QList<RailwayProject>>> out;
    client.projects(QString(), this, [&](const Result<QList<RailwayProject>> &r) { out = r; });
    if (!waitFor(out) || !out->ok())
        return std::nullopt;
    for (const RailwayProject &p : out->value())
        if (p.name == QLatin1String("acme-platform"))
            return p;
    return std::nullopt;
}

RailwayActionTarget tst_RailwaySim::target(const QString &environment, const QString &service)
{
    RailwayActionTarget t;
    t.projectId = m_project->id;
    for (const RailwayEnvironment &e : m_project->environments)
        if (e.name == environment) {
            t.environmentId = e.id;
            for (const RailwayServiceInstance &i : e.instances)
                if (i.serviceName == service)
                    t.serviceId = i.serviceId;
        }
    t.label = QStringLiteral("acme-platform / ") + environment;
    return t;
}

void tst_RailwaySim::everyDocumentValidatesAgainstTheSchema()
{
    json cases = json::array();
    for (const auto &[name, document] : RailwayQueries::all())
        cases.push_back({{"query", document.toStdString()}, {"operationName", name.toStdString()}});
    QCOMPARE(cases.size(), 9u);
    const QStringList problems = judge(cases);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_RailwaySim::theJudgeCatchesMistakes()
{
    // The judge is not lenient: a field Railway does not have, a wrong argument, a missing
    // variable, an answer of the wrong shape are all reported.
    const json cases
        = json::array({{{"query", "query A { me { id teams { id } } }"}, {"operationName", "A"}},
                       {{"query", "query B { deployments(first: 2) { edges { node { id } } } }"},
                        {"operationName", "B"}},
                       {{"query", "mutation C($id: String!) { deploymentRollback(id: $id) }"},
                        {"operationName", "C"},
                        {"variables", json::object()}},
                       {{"query", "query D { me { id email } }"},
                        {"operationName", "D"},
                        {"data", {{"me", {{"id", 1}, {"email", nullptr}}}}}}});
    const QStringList problems = judge(cases);
    QVERIFY2(problems.size() >= 4, qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(problems.join(QLatin1Char('\n')).contains(QLatin1String("teams")));
}

void tst_RailwaySim::simulatorAnswersHaveTheSchemasShape()
{
    const RailwayActionTarget staging
        = target(QStringLiteral("staging"), QStringLiteral("queue-worker"));
    const RailwayActionTarget prod
        = target(QStringLiteral("production"), QStringLiteral("api-gateway"));
    QVERIFY(!staging.serviceId.isEmpty() && !prod.serviceId.isEmpty());
    json cases = json::array();
    auto add = [&](const QString &name, const QString &document, const json &variables,
                   const QByteArray &projectToken = {}) {
        const json answer = ask(document, variables, projectToken);
        QVERIFY2(!answer.contains("errors"),
                 answer.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
        cases.push_back({{"query", document.toStdString()},
                         {"operationName", name.toStdString()},
                         {"variables", variables},
                         {"data", answer["data"]}});
    };
    add(QStringLiteral("OrreryMe"), RailwayQueries::me(), json::object());
    add(QStringLiteral("OrreryProjectToken"), RailwayQueries::projectToken(), json::object(),
        s_projectToken);
    add(QStringLiteral("OrreryProjects"), RailwayQueries::projects(), {{"first", 50}});
    add(QStringLiteral("OrreryProject"), RailwayQueries::project(),
        {{"id", prod.projectId.toStdString()}});
    add(QStringLiteral("OrreryDeployments"), RailwayQueries::deployments(),
        {{"input",
          {{"projectId", prod.projectId.toStdString()},
           {"environmentId", prod.environmentId.toStdString()}}},
         {"first", 100}});
    add(QStringLiteral("OrreryServiceInstance"), RailwayQueries::serviceInstance(),
        {{"environmentId", prod.environmentId.toStdString()},
         {"serviceId", prod.serviceId.toStdString()}});
    // The mutations' answers, on staging (the operations' tests use production).
    const json history = ask(RailwayQueries::deployments(),
                             {{"input",
                               {{"environmentId", staging.environmentId.toStdString()},
                                {"serviceId", staging.serviceId.toStdString()}}}});
    const json &edges = history["data"]["deployments"]["edges"];
    QCOMPARE(edges.size(), 2u);
    const std::string current = edges[0]["node"]["id"];
    const std::string older = edges[1]["node"]["id"];
    QCOMPARE(edges[1]["node"]["status"], "REMOVED");
    QCOMPARE(edges[1]["node"]["canRollback"], true);
    add(QStringLiteral("OrreryDeploymentRestart"), RailwayQueries::deploymentRestart(),
        {{"id", current}});
    add(QStringLiteral("OrreryDeploymentRedeploy"), RailwayQueries::deploymentRedeploy(),
        {{"id", current}});
    add(QStringLiteral("OrreryDeploymentRollback"), RailwayQueries::deploymentRollback(),
        {{"id", older}});
    QCOMPARE(cases.size(), 9u);
    const QStringList problems = judge(cases);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_RailwaySim::simulatorRefusesWhatItDoesNotServe_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{\"query\": ") << 400 << "invalid JSON";
    QTest::newRow("no query") << QByteArray("{\"variables\": {}}") << 400 << "query string";
    QTest::newRow("syntax") << QByteArray(R"({"query": "query { me { id "})") << 400
                            << "Syntax Error";
    QTest::newRow("fragment") << QByteArray(
        R"({"query": "query { me { ...F } } fragment F on User { id }"})")
                              << 400 << "Fragments";
    QTest::newRow("unknown field") << QByteArray(R"({"query": "{ me { id password } }"})") << 400
                                   << "Cannot query field \"password\" on type \"User\"";
    QTest::newRow("unknown root") << QByteArray(R"({"query": "{ teams { id } }"})") << 400
                                  << "on type \"Query\"";
    QTest::newRow("missing variable")
        << QByteArray(R"({"query": "mutation M($id: String!) { deploymentRestart(id: $id) }"})")
        << 400 << "was not provided";
    QTest::newRow("undefined variable")
        << QByteArray(R"({"query": "mutation { deploymentRestart(id: $nope) }"})") << 400
        << "is not defined";
    QTest::newRow("two operations")
        << QByteArray(R"({"query": "query A { me { id } } query B { me { id } }"})") << 400
        << "operation name";
    QTest::newRow("deep") << QByteArray("{\"query\": \"{ "
                                        + QByteArray(40, 'a').replace("a", "a { ") + "}\"}")
                          << 400 << "nested too deeply";
    QTest::newRow("deep json") << QByteArray(5000, '[') << 400 << "invalid JSON";
    QTest::newRow("not found") << QByteArray(
        R"({"query": "mutation { deploymentRestart(id: \"nope\") }"})")
                               << 200 << "Deployment not found";
    QTest::newRow("unicode") << QByteArray(R"({"query": "query \u00e9 { me { id } }"})") << 400
                             << "Syntax Error";
}

void tst_RailwaySim::simulatorRefusesWhatItDoesNotServe()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    const auto a = m_railway->answer(body.toStdString(), s_token.toStdString(), "");
    QCOMPARE(a.status, status);
    QVERIFY2(a.body.contains("errors") && a.body["errors"].is_array(),
             a.body.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
    const QString text = QString::fromStdString(a.body["errors"][0].value("message", ""));
    QVERIFY2(text.contains(message), qPrintable(text));
    if (status == 200)
        QVERIFY(a.body["data"].is_null());
}

void tst_RailwaySim::credentials()
{
    const QString home = m_dir.filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkpath(home + QStringLiteral("/.railway")));
    QProcessEnvironment env;
    auto none = RailwayAccount::credentialsFrom(env, home);
    QCOMPARE(none.error().code, Error::Code::NotFound);
    QVERIFY(none.error().hint.contains(QLatin1String("railway login")));

    QFile config(home + QStringLiteral("/.railway/config.json"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"projects": {}, "user": {"token": "legacy-token", "accessToken": "oauth-token",
                    "tokenExpiresAt": 1900000000}, "linkedFunctions": null})");
    config.close();
    auto fromFile = RailwayAccount::credentialsFrom(env, home);
    QVERIFY(fromFile.ok());
    QCOMPARE(fromFile->token, QByteArray("oauth-token"));
    QCOMPARE(fromFile->kind, RailwayClient::TokenKind::Account);
    QCOMPARE(fromFile->expiresAt, QDateTime::fromSecsSinceEpoch(1900000000, Qt::UTC));
    QCOMPARE(RailwayAccount::parseCliConfig(R"({"user": {"token": "t"}})")->token, QByteArray("t"));
    QCOMPARE(RailwayAccount::parseCliConfig(R"({"user": {}})").error().code, Error::Code::NotFound);
    QCOMPARE(RailwayAccount::parseCliConfig("[]").error().code, Error::Code::ParseError);
    QCOMPARE(RailwayAccount::parseCliConfig(R"({"user": {"token": 5, "accessToken": ["x"]}})")
                 .error()
                 .code,
             Error::Code::NotFound);

    env.insert(QStringLiteral("RAILWAY_API_TOKEN"), QStringLiteral("api"));
    QCOMPARE(RailwayAccount::credentialsFrom(env, home)->source,
             QStringLiteral("RAILWAY_API_TOKEN"));
    env.insert(QStringLiteral("RAILWAY_TOKEN"), QStringLiteral("project"));
    auto project = RailwayAccount::credentialsFrom(env, home);
    QCOMPARE(project->kind, RailwayClient::TokenKind::Project);
    QCOMPARE(project->token, QByteArray("project"));
    // No secret in an error.
    QVERIFY(!none.error().toString().contains(QLatin1String("token\"")));

    QProcessEnvironment endpointEnv;
    QCOMPARE(RailwayAccount::endpointFrom(endpointEnv).url, RailwayClient::defaultUrl());
    endpointEnv.insert(QStringLiteral("ORRERY_RAILWAY_API_URL"), endpoint().url.toString());
    QCOMPARE(RailwayAccount::endpointFrom(endpointEnv).url, endpoint().url);
}

void tst_RailwaySim::identify()
{
    std::optional<Result<CloudIdentity>> out;
    m_account->identify([&](const Result<CloudIdentity> &r) { out = r; });
    QVERIFY(waitFor(out));
    QVERIFY2(out->ok(), qPrintable(out->ok() ? QString() : out->error().toString()));
    QCOMPARE(out->value().principal, QStringLiteral("Acme Ops <ops@acme.example>"));
    QCOMPARE(out->value().source, QStringLiteral("RAILWAY_API_TOKEN"));
    QCOMPARE(m_account->id(), QStringLiteral("railway:acme"));
    QCOMPARE(m_account->displayName(), QStringLiteral("Railway: ops@acme.example"));

    RailwayAccount project(
        endpoint(),
        {s_projectToken, RailwayClient::TokenKind::Project, QStringLiteral("RAILWAY_TOKEN"), {}},
        QStringLiteral("ci"));
    out.reset();
    project.identify([&](const Result<CloudIdentity> &r) { out = r; });
    QVERIFY(waitFor(out));
    QVERIFY(out->ok());
    QCOMPARE(out->value().principal, QStringLiteral("project token of acme-platform / production"));
}

void tst_RailwaySim::discoverAccount()
{
    std::optional<Result<CloudDiscovery>> out;
    m_account->discover([&](const Result<CloudDiscovery> &r) { out = r; });
    QVERIFY(waitFor(out));
    QVERIFY2(out->ok(), qPrintable(out->ok() ? QString() : out->error().toString()));
    const CloudDiscovery &d = out->value();
    QVERIFY(d.groupErrors.isEmpty());
    QCOMPARE(d.resources.size(), 14); // 7 services in production and in staging
    QStringList groups;
    for (const CloudResource &r : d.resources) {
        QCOMPARE(r.kind, CloudResource::Kind::App);
        QCOMPARE(r.provider, QStringLiteral("railway"));
        QCOMPARE(r.accountId, QStringLiteral("railway:acme"));
        QCOMPARE(r.location, QStringLiteral("europe-west4-drams3a"));
        if (!groups.contains(r.group))
            groups << r.group;
        QString p, e, s;
        QVERIFY(RailwayAccount::parseRef(r.ref, &p, &e, &s));
        if (r.name == QLatin1String("api-gateway")
            && r.group.endsWith(QLatin1String("production"))) {
            QCOMPARE(r.status, QStringLiteral("CRASHED"));
            QCOMPARE(r.version, QStringLiteral("2.4.0"));
        }
    }
    QCOMPARE(groups, QStringList({"acme-platform / production", "acme-platform / staging"}));
    // Sorted by group, then name.
    QCOMPARE(d.resources.first().name, QStringLiteral("Postgres"));
}

void tst_RailwaySim::discoverProjectToken()
{
    RailwayAccount project(
        endpoint(),
        {s_projectToken, RailwayClient::TokenKind::Project, QStringLiteral("RAILWAY_TOKEN"), {}},
        QStringLiteral("ci"));
    std::optional<Result<CloudDiscovery>> out;
    project.discover([&](const Result<CloudDiscovery> &r) { out = r; });
    QVERIFY(waitFor(out));
    QVERIFY(out->ok());
    QCOMPARE(out->value().resources.size(), 7);
    for (const CloudResource &r : out->value().resources)
        QCOMPARE(r.group, QStringLiteral("acme-platform / production"));
}

void tst_RailwaySim::badTokenIsAnAuthError()
{
    RailwayAccount bad(endpoint(), {"not-a-real-token-0123",
                                    RailwayClient::TokenKind::Account,
                                    QStringLiteral("RAILWAY_API_TOKEN"),
                                    {}});
    std::optional<Result<CloudDiscovery>> out;
    bad.discover([&](const Result<CloudDiscovery> &r) { out = r; });
    QVERIFY(waitFor(out));
    QVERIFY(!out->ok());
    QCOMPARE(out->error().code, Error::Code::AuthError);
    QVERIFY(out->error().hint.contains(QLatin1String("RAILWAY_API_TOKEN")));
    QVERIFY(!out->error().toString().contains(QLatin1String("not-a-real-token")));
    // A project token cannot list the account's projects, nor see the other environment.
    RailwayClient project(endpoint(), s_projectToken, RailwayClient::TokenKind::Project);
    std::optional<Result<RailwayUser>> me;
    project.me(this, [&](const Result<RailwayUser> &r) { me = r; });
    QVERIFY(waitFor(me));
    QCOMPARE(me->error().code, Error::Code::AuthError);
    const RailwayActionTarget staging
        = target(QStringLiteral("staging"), QStringLiteral("api-gateway"));
    std::optional<Result<RailwayServiceInstance>> inst;
    project.serviceInstance(staging.environmentId, staging.serviceId, this,
                            [&](const Result<RailwayServiceInstance> &r) { inst = r; });
    QVERIFY(waitFor(inst));
    QCOMPARE(inst->error().code, Error::Code::Forbidden);
}

void tst_RailwaySim::registryMakesTheAccounts()
{
    // The registry's one line: an account per token, pointed at the simulator's front.
    CloudEnvironment environment;
    environment.env = QProcessEnvironment();
    environment.env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("nohome")));
    environment.env.insert(QStringLiteral("RAILWAY_API_TOKEN"), QString::fromLatin1(s_token));
    environment.env.insert(QStringLiteral("RAILWAY_TOKEN"), QString::fromLatin1(s_projectToken));
    environment.servicesFront = QUrl(QString::fromStdString(m_sim->servicesUrl()));
    environment.caPem = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    QVERIFY(accounts.providers().contains(QStringLiteral("railway")));
    accounts.load(environment);
    QVERIFY(accounts.account(QStringLiteral("railway:api-token")));
    QVERIFY(accounts.account(QStringLiteral("railway:project-token")));
    QSignalSpy finished(&accounts, &CloudAccounts::refreshFinished);
    accounts.refresh();
    QVERIFY(finished.wait(30000));
    const CloudAccountState api = accounts.state(QStringLiteral("railway:api-token"));
    QVERIFY(api.discovery && api.discovery->ok());
    QCOMPARE(api.discovery->value().resources.size(), 14);
    QVERIFY(api.identity && api.identity->ok());
    const CloudAccountState project = accounts.state(QStringLiteral("railway:project-token"));
    QVERIFY(project.discovery && project.discovery->ok());
    QCOMPARE(project.discovery->value().resources.size(), 7);
    // Without any token, no Railway account.
    environment.env.remove(QStringLiteral("RAILWAY_API_TOKEN"));
    environment.env.remove(QStringLiteral("RAILWAY_TOKEN"));
    QVERIFY(RailwayAccount::fromEnvironment(environment).empty());
}

void tst_RailwaySim::appTopologyOfProduction()
{
    const RailwayActionTarget t
        = target(QStringLiteral("production"), QStringLiteral("api-gateway"));
    CloudResource app;
    app.kind = CloudResource::Kind::App;
    app.provider = QStringLiteral("railway");
    app.name = QStringLiteral("api-gateway");
    app.ref = RailwayAccount::refOf(t.projectId, t.environmentId, t.serviceId);
    std::optional<Result<AppTopology>> out;
    m_account->appTopology(app, [&](const Result<AppTopology> &r) { out = r; });
    QVERIFY(waitFor(out));
    QVERIFY2(out->ok(), qPrintable(out->ok() ? QString() : out->error().toString()));
    const AppTopology &topo = out->value();
    QCOMPARE(topo.provider, QStringLiteral("railway"));
    QCOMPARE(topo.ref, app.ref);
    QMap<QString, const AppNode *> byName;
    int groups = 0, attachments = 0;
    for (const AppNode &n : topo.nodes) {
        byName.insert(n.name, &n);
        groups += n.kind == AppNode::Kind::Group;
        attachments += n.kind == AppNode::Kind::Attachment;
    }
    QCOMPARE(groups, 5);
    QCOMPARE(attachments, 2);
    const AppNode *app0 = byName.value(QStringLiteral("acme-platform / production"));
    QVERIFY(app0 && app0->kind == AppNode::Kind::App);
    QVERIFY(!app0->healthy);
    const AppNode *gateway = byName.value(QStringLiteral("api-gateway"));
    QVERIFY(gateway);
    QCOMPARE(gateway->status, QStringLiteral("CRASHED"));
    QVERIFY(!gateway->healthy);
    QCOMPARE(gateway->image, QStringLiteral("ghcr.io/acme/api-gateway:2.4.0"));
    QCOMPARE(gateway->checks, QStringList{QStringLiteral("http /healthz: failing")});
    QCOMPARE(byName.value(QStringLiteral("Postgres"))->kind, AppNode::Kind::Attachment);
    QCOMPARE(byName.value(QStringLiteral("Redis"))->kind, AppNode::Kind::Attachment);
    // The orders-service build failed: it still runs 1.9.3, and both deployments show.
    const AppNode *orders = byName.value(QStringLiteral("orders-service"));
    QCOMPARE(orders->status, QStringLiteral("SUCCESS"));
    QCOMPARE(orders->image, QStringLiteral("ghcr.io/acme/orders-service:1.9.3"));
    QStringList orderInstances;
    for (const AppNode &n : topo.nodes)
        if (n.parentId == orders->id) {
            QCOMPARE(n.kind, AppNode::Kind::Instance);
            orderInstances << n.status;
        }
    QCOMPARE(orderInstances, QStringList({"FAILED", "SUCCESS"}));
    // Releases: every deployment of the environment, newest first; current marks what runs.
    QCOMPARE(topo.releases.size(), 3 + 4 + 3 + 4 + 2 + 1 + 1);
    for (int i = 1; i < topo.releases.size(); ++i)
        QVERIFY(topo.releases[i - 1].createdAt >= topo.releases[i].createdAt);
    int current = 0;
    for (const AppRelease &r : topo.releases) {
        current += r.current;
        if (r.version == QLatin1String("2.3.1")) {
            QCOMPARE(r.status, QStringLiteral("REMOVED"));
            QVERIFY(r.description.startsWith(QStringLiteral("api-gateway · deploy")));
        }
    }
    QCOMPARE(current, 7);
}

RailwayOperation *tst_RailwaySim::fetched(RailwayAction action, const RailwayActionTarget &t)
{
    auto *op = new RailwayOperation(m_account->client(), action, t, this);
    std::optional<Result<void>> done;
    op->fetch([&](const Result<void> &r) { done = r; });
    if (!waitFor(done) || !done->ok()) {
        delete op;
        return nullptr;
    }
    return op;
}

bool tst_RailwaySim::runOp(RailwayOperation *op)
{
    QSignalSpy finished(op, &ClusterOperation::finished);
    op->run(m_writer.get());
    return finished.wait(20000) && finished.first().first().toBool();
}

void tst_RailwaySim::refusals()
{
    const RailwayActionTarget gateway
        = target(QStringLiteral("production"), QStringLiteral("api-gateway"));
    // Restarting a failed build, redeploying the crashing image: Railway would refuse some;
    // Orrery says why before anything is sent.
    RailwayActionTarget orders
        = target(QStringLiteral("production"), QStringLiteral("orders-service"));
    RailwayOperation *op = fetched(RailwayAction::Restart, orders);
    QVERIFY(op);
    // Without a deployment named, a restart acts on what runs (1.9.3), not on the failed build.
    QCOMPARE(op->subject()->status, QStringLiteral("SUCCESS"));
    orders.deploymentId = op->instance()->latest->id;
    delete op;
    op = fetched(RailwayAction::Restart, orders);
    QCOMPARE(op->subject()->status, QStringLiteral("FAILED"));
    QCOMPARE(op->plan(false).error().code, Error::Code::Conflict);
    delete op;
    // Rolling back to the crashed deployment is refused (canRollback false).
    RailwayActionTarget toCrashed = gateway;
    op = fetched(RailwayAction::Rollback, gateway);
    QVERIFY(op);
    toCrashed.deploymentId = op->instance()->latest->id;
    delete op;
    op = fetched(RailwayAction::Rollback, toCrashed);
    const auto refused = op->plan(false);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY(refused.error().message.contains(QLatin1String("cannot roll")));
    delete op;
    // A deployment that is not the service's.
    RailwayActionTarget unknown = gateway;
    unknown.deploymentId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    op = fetched(RailwayAction::Rollback, unknown);
    QCOMPARE(op->plan(false).error().code, Error::Code::NotFound);
    delete op;
}

void tst_RailwaySim::rollbackTheCrashedGateway()
{
    const RailwayActionTarget gateway
        = target(QStringLiteral("production"), QStringLiteral("api-gateway"));
    RailwayOperation *op = fetched(RailwayAction::Rollback, gateway);
    QVERIFY(op);
    const auto subject = op->subject();
    QVERIFY(subject);
    QCOMPARE(subject->image, QStringLiteral("ghcr.io/acme/api-gateway:2.3.1"));
    QVERIFY(op->nothingToDo().isEmpty());
    const auto planned = op->plan(false);
    QVERIFY(planned.ok());
    const PlannedWrite &w = planned->first();
    QCOMPARE(w.verb, QStringLiteral("rollback"));
    QCOMPARE(w.kind, QStringLiteral("RailwayDeployment"));
    QVERIFY(w.description.startsWith(
        QLatin1String("Roll back Railway service api-gateway (acme-platform / production) to "
                      "deployment ")));
    // The preview holds the mutation, never the token.
    QVERIFY(w.request.headers.isEmpty());
    QVERIFY(op->details().contains(QLatin1String("deploymentRollback")));
    QVERIFY(!op->details().contains(QString::fromLatin1(s_token)));
    QVERIFY(op->summary().join(QLatin1Char('\n')).contains(QLatin1String("It runs deployment")));
    std::optional<bool> dry;
    op->dryRun(m_writer.get(), [&](bool ok, const QString &) { dry = ok; });
    QVERIFY(waitFor(dry));
    QVERIFY(*dry);

    QVERIFY2(runOp(op), qPrintable(op->report().explanation));
    QVERIFY(op->report().lines.first().contains(QLatin1String(": done (200)")));
    // The crashed deployment was running: no undo back to it.
    QVERIFY(!op->undo());

    // Railway brings 2.3.1 up again; once it is up, 2.4.0 is removed.
    std::optional<RailwayServiceInstance> inst;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 std::optional<Result<RailwayServiceInstance>> r;
                                 m_account->client()->serviceInstance(
                                     gateway.environmentId, gateway.serviceId, this,
                                     [&](const auto &x) { r = x; });
                                 if (!waitFor(r) || !r->ok() || !r->value().latest)
                                     return false;
                                 inst = r->value();
                                 return inst->latest->status == QLatin1String("SUCCESS");
                             }()),
                             15000);
    QCOMPARE(inst->latest->image, QStringLiteral("ghcr.io/acme/api-gateway:2.3.1"));
    QCOMPARE(inst->latest->reason, QStringLiteral("rollback"));

    // Rolling back now (to the 2.3.1 that ran before) offers its own undo.
    RailwayOperation *again = fetched(RailwayAction::Rollback, gateway);
    QVERIFY(again);
    QCOMPARE(again->subject()->image, QStringLiteral("ghcr.io/acme/api-gateway:2.3.1"));
    QVERIFY(again->subject()->id != inst->latest->id);
    QVERIFY2(runOp(again), qPrintable(again->report().explanation));
    QVERIFY(again->undo());
    QVERIFY(again->undoText().startsWith(QLatin1String("Roll back to the deployment")));
    delete again;
    delete op;
}

void tst_RailwaySim::redeployAndRestart()
{
    const RailwayActionTarget web
        = target(QStringLiteral("production"), QStringLiteral("web-frontend"));
    RailwayOperation *restart = fetched(RailwayAction::Restart, web);
    QVERIFY(restart);
    QCOMPARE(restart->plan(false)->first().verb, QStringLiteral("restart"));
    QVERIFY2(runOp(restart), qPrintable(restart->report().explanation));
    delete restart;

    RailwayOperation *redeploy = fetched(RailwayAction::Redeploy, web);
    QVERIFY(redeploy);
    const QString before = redeploy->subject()->id;
    QVERIFY2(runOp(redeploy), qPrintable(redeploy->report().explanation));
    QVERIFY(!redeploy->newDeploymentId().isEmpty());
    QVERIFY(redeploy->newDeploymentId() != before);
    QVERIFY(redeploy->report().lines.first().contains(QLatin1String("new deployment")));
    std::optional<Result<QList<RailwayDeployment>>> history;
    m_account->client()->deployments(web.projectId, web.environmentId, web.serviceId, 5, this,
                                     [&](const auto &r) { history = r; });
    QVERIFY(waitFor(history));
    QVERIFY(history->ok());
    QCOMPARE(history->value().first().id, redeploy->newDeploymentId());
    QCOMPARE(history->value().first().reason, QStringLiteral("redeploy"));
    delete redeploy;
}

void tst_RailwaySim::graphQlErrorInHttp200IsAFailure()
{
    // Railway refuses inside a 200 answer ({"data": null, "errors": [...]}): the operation
    // fails and the audit log's outcome says so, not "ok".
    const RailwayActionTarget web
        = target(QStringLiteral("production"), QStringLiteral("web-frontend"));
    RailwayOperation *restart = fetched(RailwayAction::Restart, web);
    QVERIFY(restart);
    const QString deployment = restart->subject()->id;
    m_railway->failNextMutation("deploymentRestart", "Problem processing request",
                                "INTERNAL_SERVER_ERROR");
    QVERIFY(!runOp(restart));
    QVERIFY(!restart->report().ok);
    QVERIFY2(restart->report().explanation.contains(QLatin1String("Problem processing request")),
             qPrintable(restart->report().explanation));
    QVERIFY(restart->report().failure);
    QCOMPARE(restart->report().failure->second->status, 200);
    delete restart;

    // The audit entry of that write: HTTP 200, and the refusal as its result.
    std::optional<AuditEntry> entry;
    for (const AuditEntry &e : AuditLog::read(m_audit->directory()))
        if (e.verb == QLatin1String("restart") && e.name == deployment)
            entry = e;
    QVERIFY(entry);
    QVERIFY(entry->outcomeKnown());
    QCOMPARE(entry->status, 200);
    QVERIFY2(entry->result != QLatin1String("ok"), qPrintable(entry->result));
    QVERIFY2(entry->result.contains(QLatin1String("Problem processing request")),
             qPrintable(entry->result));
    QVERIFY(!entry->result.contains(QString::fromLatin1(s_token)));

    // The injection is spent: the next restart goes through and is recorded as "ok".
    RailwayOperation *again = fetched(RailwayAction::Restart, web);
    QVERIFY(again);
    QVERIFY2(runOp(again), qPrintable(again->report().explanation));
    delete again;
    int ok = 0;
    for (const AuditEntry &e : AuditLog::read(m_audit->directory()))
        if (e.verb == QLatin1String("restart") && e.name == deployment
            && e.result == QLatin1String("ok"))
            ++ok;
    QVERIFY(ok >= 1);
}

void tst_RailwaySim::auditHasNoToken()
{
    const QList<AuditEntry> entries = AuditLog::read(m_audit->directory());
    QStringList verbs;
    for (const AuditEntry &e : entries) {
        verbs << e.verb;
        QCOMPARE(e.kind, QStringLiteral("RailwayDeployment"));
        QVERIFY(e.ns.startsWith(QLatin1String("acme-platform / ")));
    }
    QVERIFY2(verbs.contains(QStringLiteral("rollback"))
                 && verbs.contains(QStringLiteral("redeploy"))
                 && verbs.contains(QStringLiteral("restart")),
             qPrintable(verbs.join(QLatin1Char(','))));
    for (const QFileInfo &f : QDir(m_audit->directory()).entryInfoList(QDir::Files)) {
        QFile file(f.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains(s_token));
        QVERIFY(!text.contains("Bearer"));
    }
}

QTEST_GUILESS_MAIN(tst_RailwaySim)
#include "tst_railwaysim.moc"
