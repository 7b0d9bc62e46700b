// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated Fly.io (sim/fly) and Orrery's side of it (core/cloud: FlyClient, FlyAccount,
// FlyResponse) over real HTTPS on loopback, for the multi-cloud scenario (seed 001). No flyctl
// exists here: every Machines API answer is checked against Fly's published OpenAPI document
// (the excerpt in tests/data/fly/), and the GraphQL query is the one flyctl sends for
// releases. Machine states move over sim time (speed 10: a 1.5 s step takes 150 ms).
#include "front/servicefront.h"
#include "simulator.h"

#include "cloud/flyaccount.h"
#include "cloud/flyclient.h"
#include "cloud/flyresponse.h"
#include "kube/httptransport.h"
#include "kube/staticcredentialprovider.h"
#include "util/jsonread.h"

#include <eventloopwait.h>
#include <flyopenapi.h>

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery;
using json = nlohmann::json;

namespace {

const QByteArray s_token = "fo1_orrery-sim-multicloud-fly";
const QByteArray s_macaroon = "fm2_orrery-sim-multicloud-macaroon";

} // namespace

class tst_FlySim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tokens_data();
    void tokens();
    void answersFollowTheOpenApiDocument();
    void graphqlAsFlyctlAsks();
    void graphqlErrors();
    void machineLifecycle();
    void leases();
    void accountIdentityAndDiscovery();
    void accountWithoutToken();
    void configFileToken();
    void topologyOfTheEdgeApp();
    void decodingIsTolerant();

private:
    FlyClient::Endpoints endpoints() const;
    ApiResponse call(QByteArray method, const QString &path, const json &body = json(),
                     const QByteArray &authorization = "Bearer fo1_orrery-sim-multicloud-fly");
    json machinesOf(const QString &app);
    QString validate(const ApiResponse &r, const std::string &specPath, const std::string &method);

    std::unique_ptr<Sim::Simulator> m_sim;
    std::unique_ptr<Test::FlyOpenApi> m_spec;
};

void tst_FlySim::initTestCase()
{
    m_spec = std::make_unique<Test::FlyOpenApi>(QStringLiteral(ORRERY_TEST_DATA)
                                                + QStringLiteral("/fly/machines-openapi.json"));
    QVERIFY(m_spec->isLoaded());
    Sim::SimulatorOptions options;
    options.scenarios = {"multicloud"};
    options.speed = 10;
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    QVERIFY(m_sim->services()->service("fly"));
}

void tst_FlySim::cleanupTestCase()
{
    if (m_sim)
        m_sim->stop();
}

FlyClient::Endpoints tst_FlySim::endpoints() const
{
    const QString base = QString::fromStdString(m_sim->servicesUrl()) + QStringLiteral("/fly");
    return {QUrl(base), QUrl(base), QByteArray::fromStdString(m_sim->servicesCaCertificate())};
}

ApiResponse tst_FlySim::call(QByteArray method, const QString &path, const json &body,
                             const QByteArray &authorization)
{
    ClusterConnection c;
    c.server = QString::fromStdString(m_sim->servicesUrl()) + QStringLiteral("/fly");
    c.certificateAuthorityPem = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    HttpTransport transport(c);
    ApiRequest request;
    request.method = method;
    request.path = path;
    if (!authorization.isEmpty())
        request.headers.append({"Authorization", authorization});
    if (!body.is_null()) {
        request.body = QByteArray::fromStdString(body.dump());
        request.contentType = "application/json";
    }
    std::optional<Result<ApiResponse>> out;
    transport.send(request, this, [&out](const Result<ApiResponse> &r) { out = r; });
    if (!Test::waitUntil([&] { return out.has_value(); }, 20000) || !out->ok())
        return {};
    return out->value();
}

json tst_FlySim::machinesOf(const QString &app)
{
    const ApiResponse r = call("GET", FlyClient::machinesPath(app));
    return json::parse(r.body.toStdString(), nullptr, false);
}

QString tst_FlySim::validate(const ApiResponse &r, const std::string &specPath,
                             const std::string &method)
{
    const json schema = m_spec->responseSchema(specPath, method, r.status);
    if (schema.is_null())
        return QStringLiteral("%1 %2: HTTP %3 is not an answer the document lists")
            .arg(QString::fromStdString(method), QString::fromStdString(specPath))
            .arg(r.status);
    const json body = json::parse(r.body.toStdString(), nullptr, false);
    return m_spec->validate(body, schema);
}

void tst_FlySim::tokens_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::newRow("bearer") << QByteArray("Bearer " + s_token) << 200;
    QTest::newRow("flyv1 macaroon") << QByteArray("FlyV1 " + s_macaroon) << 200;
    QTest::newRow("bearer + printed macaroon") << QByteArray("Bearer FlyV1 " + s_macaroon) << 200;
    QTest::newRow("unknown token") << QByteArray("Bearer fo1_nope") << 401;
    QTest::newRow("other scheme") << QByteArray("Basic " + s_token) << 401;
    QTest::newRow("none") << QByteArray() << 401;
}

void tst_FlySim::tokens()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QCOMPARE(call("GET", FlyClient::appsPath(QStringLiteral("acme")), json(), authorization).status,
             status);
    const ApiResponse graph = call("POST", QStringLiteral("/graphql"),
                                   json{{"query", "{ viewer { email } }"}}, authorization);
    QCOMPARE(graph.status, status);
    if (status == 401)
        QCOMPARE(FlyResponse::viewer(graph.body).error().code, Error::Code::AuthError);
}

void tst_FlySim::answersFollowTheOpenApiDocument()
{
    ApiResponse r = call("GET", FlyClient::appsPath(QStringLiteral("acme")));
    QCOMPARE(r.status, 200);
    QCOMPARE(validate(r, "/apps", "get"), QString());
    r = call("GET", FlyClient::appPath(QStringLiteral("acme-edge")));
    QCOMPARE(validate(r, "/apps/{app_name}", "get"), QString());
    r = call("GET", FlyClient::machinesPath(QStringLiteral("acme-edge")));
    QCOMPARE(validate(r, "/apps/{app_name}/machines", "get"), QString());
    const json machines = json::parse(r.body.toStdString());
    QCOMPARE(machines.size(), std::size_t(6));
    const QString id = QString::fromStdString(machines[0]["id"].get<std::string>());
    r = call("GET", FlyClient::machinePath(QStringLiteral("acme-edge"), id));
    QCOMPARE(validate(r, "/apps/{app_name}/machines/{machine_id}", "get"), QString());
    r = call("GET",
             FlyClient::machinePath(QStringLiteral("acme-edge"), id) + QStringLiteral("/events"));
    QCOMPARE(validate(r, "/apps/{app_name}/machines/{machine_id}/events", "get"), QString());

    // A new machine from an existing one's config (what the scale operation sends), then an
    // update of its image (the deploy operation's request): both bodies and answers conform.
    const json create = {{"config", machines[0]["config"]}, {"region", "ams"}};
    QCOMPARE(m_spec->validate(create, m_spec->requestSchema("/apps/{app_name}/machines", "post")),
             QString());
    r = call("POST", FlyClient::machinesPath(QStringLiteral("acme-edge-staging")), create);
    QCOMPARE(r.status, 200);
    QCOMPARE(validate(r, "/apps/{app_name}/machines", "post"), QString());
    const json created = json::parse(r.body.toStdString());
    const QString newId = QString::fromStdString(created["id"].get<std::string>());
    json update = {{"config", created["config"]}};
    update["config"]["image"] = "ghcr.io/acme/edge:1.8.1";
    QCOMPARE(m_spec->validate(
                 update, m_spec->requestSchema("/apps/{app_name}/machines/{machine_id}", "post")),
             QString());
    r = call("POST", FlyClient::machinePath(QStringLiteral("acme-edge-staging"), newId), update);
    QCOMPARE(r.status, 200);
    QCOMPARE(validate(r, "/apps/{app_name}/machines/{machine_id}", "post"), QString());
    // A bad update is an ErrorResponse.
    r = call("POST", FlyClient::machinePath(QStringLiteral("acme-edge-staging"), newId),
             json{{"config", {{"image", ""}}}});
    QCOMPARE(r.status, 400);
    QCOMPARE(validate(r, "/apps/{app_name}/machines/{machine_id}", "post"), QString());
    QVERIFY(!FlyResponse::errorMessage(r.body).isEmpty());
    r = call("DELETE", FlyClient::machinePath(QStringLiteral("acme-edge-staging"), newId)
                           + QStringLiteral("?force=true"));
    QCOMPARE(r.status, 200);
}

void tst_FlySim::graphqlAsFlyctlAsks()
{
    // flyctl's GetAppReleasesMachines, word for word.
    const json request = {
        {"query", "query($appName: String!, $limit: Int!) {\n\t\tapp(name: $appName) {\n\t\t  "
                  "releases: releasesUnprocessed(first: $limit) {\n\t\t\tnodes {\n\t\t\t  id\n"
                  "\t\t\t  version\n\t\t\t  description\n\t\t\t  reason\n\t\t\t  status\n\t\t\t  "
                  "imageRef\n\t\t\t  stable\n\t\t\t  createdAt\n\t\t\t}\n\t\t  }\n\t\t}\n\t  }"},
        {"variables", {{"appName", "acme-edge"}, {"limit", 3}}}};
    const ApiResponse r = call("POST", QStringLiteral("/graphql"), request);
    QCOMPARE(r.status, 200);
    const json body = json::parse(r.body.toStdString());
    const json &nodes = body["data"]["app"]["releases"]["nodes"];
    QCOMPARE(nodes.size(), std::size_t(3));
    QCOMPARE(nodes[0]["version"].get<int>(), 42);
    QCOMPARE(nodes[0]["status"].get<std::string>(), std::string("failed"));
    QCOMPARE(nodes[1]["imageRef"].get<std::string>(), std::string("ghcr.io/acme/edge:1.8.1"));
    QVERIFY(!nodes[0].contains("user")); // only what was asked
    // Orrery's own query decodes to the app's details.
    FlyClient client(endpoints(), s_token);
    std::optional<Result<FlyAppDetails>> details;
    client.appDetails(QStringLiteral("acme-edge"),
                      [&details](const Result<FlyAppDetails> &d) { details = d; });
    QVERIFY(Test::waitUntil([&] { return details.has_value(); }, 20000));
    QVERIFY(details && details->ok());
    QCOMPARE(details->value().releases.size(), 5);
    QCOMPARE(details->value().secrets.size(), 4);
    QCOMPARE(details->value().hostname, QStringLiteral("acme-edge.fly.dev"));
}

void tst_FlySim::graphqlErrors()
{
    ApiResponse r = call("POST", QStringLiteral("/graphql"),
                         json{{"query", "query { app(name: \"nope\") { name } }"}});
    QCOMPARE(FlyResponse::appDetails(r.body).error().code, Error::Code::NotFound);
    r = call("POST", QStringLiteral("/graphql"),
             json{{"query", "query { viewer { email shoeSize } }"}});
    QCOMPARE(FlyResponse::errorMessage(r.body),
             QStringLiteral("Field 'shoeSize' doesn't exist on type 'User'"));
    r = call(
        "POST", QStringLiteral("/graphql"),
        json{{"query", "mutation { deleteApp(appId: \"acme-edge\") { organization { id } } }"}});
    QVERIFY(FlyResponse::errorMessage(r.body).contains(QLatin1String("Mutations")));
    r = call("POST", QStringLiteral("/graphql"), json{{"query", "query { viewer { ...F } }"}});
    QVERIFY(!FlyResponse::errorMessage(r.body).isEmpty());
}

void tst_FlySim::machineLifecycle()
{
    const QString app = QStringLiteral("acme-edge-staging");
    // The scenario's one machine, stopped (a machine made by an earlier test may still be
    // on its way out).
    QString id;
    for (const json &m : machinesOf(app))
        if (m.value("state", std::string()) == "stopped")
            id = QString::fromStdString(m.value("id", std::string()));
    QVERIFY(!id.isEmpty());
    const QString path = FlyClient::machinePath(app, id);
    const auto state = [&] {
        const ApiResponse r = call("GET", path);
        return QString::fromStdString(
            json::parse(r.body.toStdString(), nullptr, false).value("state", std::string()));
    };
    QCOMPARE(state(), QStringLiteral("stopped"));
    // Fly refuses to restart a stopped machine.
    QCOMPARE(call("POST", path + QStringLiteral("/restart")).status, 412);
    QCOMPARE(call("POST", path + QStringLiteral("/start")).status, 200);
    QVERIFY(Test::waitUntil([&] { return state() == QLatin1String("started"); }, 10000));
    QCOMPARE(call("POST", path + QStringLiteral("/start")).status, 412);
    QCOMPARE(call("POST", path + QStringLiteral("/restart")).status, 200);
    QVERIFY(Test::waitUntil([&] { return state() == QLatin1String("started"); }, 10000));
    // A started machine is not destroyed without force.
    QCOMPARE(call("DELETE", path).status, 412);
    QCOMPARE(call("POST", path + QStringLiteral("/stop"), json::object()).status, 200);
    QVERIFY(Test::waitUntil([&] { return state() == QLatin1String("stopped"); }, 10000));
    const Result<FlyMachine> m = FlyResponse::machine(call("GET", path).body);
    QVERIFY(m.ok());
    QStringList types;
    for (const FlyMachineEvent &e : m->events)
        types << e.type;
    QVERIFY2(types.mid(0, 3) == QStringList({"stop", "stop", "start"}),
             qPrintable(types.join(',')));
}

void tst_FlySim::leases()
{
    const QString app = QStringLiteral("acme-edge-db");
    const json machines = machinesOf(app);
    const QString path
        = FlyClient::machinePath(app, QString::fromStdString(machines[0]["id"].get<std::string>()));
    ApiResponse r = call("POST", path + QStringLiteral("/lease"),
                         json{{"ttl", 300}, {"description", "someone's deploy"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(validate(r, "/apps/{app_name}/machines/{machine_id}/lease", "post"), QString());
    const json lease = json::parse(r.body.toStdString());
    const QByteArray nonce = QByteArray::fromStdString(lease["nonce"].get<std::string>());
    QCOMPARE(call("POST", path + QStringLiteral("/lease"), json{{"ttl", 30}}).status, 409);
    r = call("POST", path + QStringLiteral("/restart"));
    QCOMPARE(r.status, 409);
    QVERIFY(FlyResponse::errorMessage(r.body).contains(QLatin1String("lease currently held")));
    QCOMPARE(validate(call("GET", path + QStringLiteral("/lease")),
                      "/apps/{app_name}/machines/{machine_id}/lease", "get"),
             QString());
    // With the nonce, the holder may act and release.
    ClusterConnection c;
    c.server = QString::fromStdString(m_sim->servicesUrl()) + QStringLiteral("/fly");
    c.certificateAuthorityPem = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    HttpTransport transport(c);
    ApiRequest release;
    release.method = "DELETE";
    release.path = path + QStringLiteral("/lease");
    release.headers = {{"Authorization", "Bearer " + s_token}, {"fly-machine-lease-nonce", nonce}};
    std::optional<Result<ApiResponse>> out;
    transport.send(release, this, [&out](const Result<ApiResponse> &x) { out = x; });
    QVERIFY(Test::waitUntil([&] { return out.has_value(); }, 20000));
    QCOMPARE(out->value().status, 200);
    QCOMPARE(call("GET", path + QStringLiteral("/lease")).status, 404);
}

void tst_FlySim::accountIdentityAndDiscovery()
{
    FlyAccount::Options options;
    options.endpoints = endpoints();
    options.token = "FlyV1 " + s_macaroon; // as `fly tokens create` prints it
    options.tokenSource = QStringLiteral("FLY_API_TOKEN");
    FlyAccount account(options);
    QCOMPARE(account.id(), QStringLiteral("fly:personal"));
    std::optional<Result<CloudIdentity>> identity;
    account.identify([&](const Result<CloudIdentity> &r) { identity = r; });
    QVERIFY(Test::waitUntil([&] { return identity.has_value(); }, 20000));
    QVERIFY2(identity->ok(), qPrintable(identity->ok() ? QString() : identity->error().toString()));
    QCOMPARE(identity->value().principal, QStringLiteral("devops@acme.example"));
    QCOMPARE(identity->value().source, QStringLiteral("FLY_API_TOKEN"));
    QVERIFY(!identity->value().expiresAt.isValid());

    std::optional<Result<CloudDiscovery>> found;
    account.discover([&](const Result<CloudDiscovery> &r) { found = r; });
    QVERIFY(Test::waitUntil([&] { return found.has_value(); }, 20000));
    QVERIFY(found->ok());
    const QList<CloudResource> &apps = found->value().resources;
    QCOMPARE(apps.size(), 3);
    QCOMPARE(apps[0].name, QStringLiteral("acme-edge"));
    QCOMPARE(apps[1].name, QStringLiteral("acme-edge-db"));
    QCOMPARE(apps[2].name, QStringLiteral("acme-edge-staging"));
    for (const CloudResource &a : apps) {
        QCOMPARE(a.kind, CloudResource::Kind::App);
        QCOMPARE(a.provider, QStringLiteral("fly"));
        QCOMPARE(a.group, QStringLiteral("acme"));
        QCOMPARE(a.accountId, account.id());
        QCOMPARE(a.ref, a.name);
    }
    QCOMPARE(apps[0].status, QStringLiteral("deployed"));
    QCOMPARE(apps[0].location, QStringLiteral("cdg"));
    QCOMPARE(apps[0].version, QStringLiteral("v42"));
    QVERIFY(found->value().groupErrors.isEmpty());

    // A token Fly does not know: the error says what to run, and never holds the token.
    options.token = "fo1_revoked";
    FlyAccount revoked(options);
    found.reset();
    revoked.discover([&](const Result<CloudDiscovery> &r) { found = r; });
    QVERIFY(Test::waitUntil([&] { return found.has_value(); }, 20000));
    QVERIFY(!found->ok());
    QCOMPARE(found->error().code, Error::Code::AuthError);
    QVERIFY(found->error().hint.contains(QLatin1String("fly auth login")));
    QVERIFY(!found->error().toString().contains(QLatin1String("fo1_revoked")));
}

void tst_FlySim::accountWithoutToken()
{
    QTemporaryDir home;
    const Result<FlyAccount::Options> none
        = FlyAccount::optionsFromEnvironment(QProcessEnvironment(), home.path());
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, Error::Code::AuthError);
    QVERIFY(none.error().hint.contains(QLatin1String("fly auth login")));

    QProcessEnvironment env;
    env.insert(QStringLiteral("FLY_API_TOKEN"), QStringLiteral(" fo1_x "));
    env.insert(QStringLiteral("FLY_FLAPS_BASE_URL"), QStringLiteral("https://127.0.0.1:1/fly"));
    env.insert(QStringLiteral("FLY_API_BASE_URL"), QStringLiteral("https://127.0.0.1:2/fly"));
    env.insert(QStringLiteral("FLY_ORG"), QStringLiteral("acme"));
    const Result<FlyAccount::Options> o = FlyAccount::optionsFromEnvironment(env, home.path());
    QVERIFY(o.ok());
    QCOMPARE(o->token, QByteArray("fo1_x"));
    QCOMPARE(o->tokenSource, QStringLiteral("FLY_API_TOKEN"));
    QCOMPARE(o->endpoints.machines.port(), 1);
    QCOMPARE(o->endpoints.api.port(), 2);
    QCOMPARE(FlyAccount(o.value()).id(), QStringLiteral("fly:acme"));
    // Fly's own endpoints by default.
    const auto defaults = FlyClient::endpointsFromEnvironment(QProcessEnvironment());
    QCOMPARE(defaults.machines.toString(), QStringLiteral("https://api.machines.dev"));
    QCOMPARE(defaults.api.toString(), QStringLiteral("https://api.fly.io"));
}

void tst_FlySim::configFileToken()
{
    QCOMPARE(FlyAccount::accessTokenFromConfig("access_token: fo1_abc\nlast_login: x\n"),
             QByteArray("fo1_abc"));
    QCOMPARE(FlyAccount::accessTokenFromConfig("wire_guard_state: {}\naccess_token: \"FlyV1 "
                                               "fm2_a,fm2_b\"\n"),
             QByteArray("FlyV1 fm2_a,fm2_b"));
    QCOMPARE(FlyAccount::accessTokenFromConfig("  access_token: 'q'  \r\n"), QByteArray("q"));
    QCOMPARE(FlyAccount::accessTokenFromConfig("no token here\n"), QByteArray());
    QCOMPARE(FlyAccount::accessTokenFromConfig(QByteArray(3 * 1024 * 1024, 'a')
                                               + "\naccess_token: late"),
             QByteArray());

    QTemporaryDir home;
    QDir(home.path()).mkpath(QStringLiteral(".fly"));
    QFile f(home.filePath(QStringLiteral(".fly/config.yml")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("access_token: " + s_token + "\n");
    f.close();
    const auto o = FlyAccount::optionsFromEnvironment(QProcessEnvironment(), home.path());
    QVERIFY(o.ok());
    QCOMPARE(o->tokenSource, QStringLiteral("~/.fly/config.yml"));
    QCOMPARE(o->token, s_token);
}

void tst_FlySim::topologyOfTheEdgeApp()
{
    FlyAccount::Options options;
    options.endpoints = endpoints();
    options.token = s_token;
    FlyAccount account(options);
    CloudResource app;
    app.kind = CloudResource::Kind::App;
    app.name = app.ref = QStringLiteral("acme-edge");
    std::optional<Result<AppTopology>> out;
    account.appTopology(app, [&](const Result<AppTopology> &r) { out = r; });
    QVERIFY(Test::waitUntil([&] { return out.has_value(); }, 20000));
    QVERIFY2(out->ok(), qPrintable(out->ok() ? QString() : out->error().toString()));
    const AppTopology &t = out->value();
    QCOMPARE(t.provider, QStringLiteral("fly"));
    QCOMPARE(t.ref, QStringLiteral("acme-edge"));
    QMap<QString, AppNode> byId;
    QMap<QString, int> children;
    for (const AppNode &n : t.nodes) {
        QVERIFY(!byId.contains(n.id));
        byId.insert(n.id, n);
        children[n.parentId] += 1;
    }
    const AppNode root = byId.value(QStringLiteral("app:acme-edge"));
    QCOMPARE(root.kind, AppNode::Kind::App);
    QCOMPARE(root.status, QStringLiteral("deployed"));
    QCOMPARE(root.region, QStringLiteral("cdg"));
    QVERIFY(!root.healthy); // v42's machines fail their checks
    QCOMPARE(children.value(QStringLiteral("group:web")), 3);
    QCOMPARE(children.value(QStringLiteral("group:api")), 2);
    QCOMPARE(children.value(QStringLiteral("group:worker")), 1);
    const AppNode web = byId.value(QStringLiteral("group:web"));
    QCOMPARE(web.region, QStringLiteral("ams, cdg, iad"));
    QCOMPARE(web.release, QStringLiteral("v41, v42"));
    QVERIFY(!web.healthy);
    QVERIFY(byId.value(QStringLiteral("group:worker")).healthy);
    int unhealthy = 0;
    for (const AppNode &n : t.nodes)
        if (n.kind == AppNode::Kind::Instance && !n.healthy) {
            ++unhealthy;
            QCOMPARE(n.release, QStringLiteral("v42"));
            QCOMPARE(n.image, QStringLiteral("ghcr.io/acme/edge:1.9.0"));
            QVERIFY(n.checks.join(' ').contains(QLatin1String("critical")));
        }
    QCOMPARE(unhealthy, 4);
    QCOMPARE(byId.value(QStringLiteral("attachment:DATABASE_URL")).name,
             QStringLiteral("Postgres"));
    QCOMPARE(byId.value(QStringLiteral("attachment:REDIS_URL")).name, QStringLiteral("Redis"));
    QVERIFY(!byId.contains(QStringLiteral("attachment:SESSION_SECRET")));
    QCOMPARE(t.releases.size(), 5);
    QCOMPARE(t.releases.first().version, QStringLiteral("v42"));
    QVERIFY(t.releases.first().current);
    QCOMPARE(t.releases.at(1).image, QStringLiteral("ghcr.io/acme/edge:1.8.1"));

    // An app Fly does not have.
    app.name = app.ref = QStringLiteral("nope");
    out.reset();
    account.appTopology(app, [&](const Result<AppTopology> &r) { out = r; });
    QVERIFY(Test::waitUntil([&] { return out.has_value(); }, 20000));
    QCOMPARE(out->error().code, Error::Code::NotFound);
}

void tst_FlySim::decodingIsTolerant()
{
    // Wrong types read as absent; duplicates and bad ids are dropped; limits hold.
    const QByteArray machines
        = R"([{"id":"a1","state":7,"config":{"metadata":{"fly_process_group":["x"]}},
              "checks":[{"name":"c","status":"critical"},5],"events":"no"},
             {"id":"a1","state":"started"}, {"id":"group:web"}, {"id":""}, 12, null])";
    const auto decoded = FlyResponse::machines(machines);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->size(), 1);
    QCOMPARE(decoded->first().processGroup, QStringLiteral("app"));
    QCOMPARE(decoded->first().state, QString());
    QVERIFY(!decoded->first().healthy());
    QCOMPARE(FlyResponse::machines("{}").error().code, Error::Code::ParseError);
    QCOMPARE(FlyResponse::machines("[").error().code, Error::Code::ParseError);
    QByteArray many = "[";
    for (int i = 0; i < FlyResponse::MaxMachines + 10; ++i)
        many += (i ? ",{\"id\":\"m" : "{\"id\":\"m") + QByteArray::number(i) + "\"}";
    many += "]";
    QCOMPARE(FlyResponse::machines(many)->size(), FlyResponse::MaxMachines);
    // GraphQL: errors with data; data null.
    QCOMPARE(FlyResponse::appDetails(R"({"data":{"app":null}})").error().code,
             Error::Code::NotFound);
    QCOMPARE(FlyResponse::viewer(R"({"errors":[{"message":"boom"}]})").error().message,
             QStringLiteral("boom"));
    const auto details = FlyResponse::appDetails(
        R"({"data":{"app":{"name":"a","secrets":[{"name":"REDIS_URL"},{"name":"REDIS_URL"}],
            "releases":{"nodes":[{"id":"r","version":2},{"id":"r","version":2},{"version":3}]}}}})");
    QVERIFY(details.ok());
    QCOMPARE(details->secrets.size(), 1);
    QCOMPARE(details->releases.size(), 2);
    QCOMPARE(details->releases.first().version, 3);
    QCOMPARE(FlyResponse::imageFromRef(json{
                 {"registry", "registry.fly.io"}, {"repository", "app"}, {"digest", "sha256:ab"}}),
             QStringLiteral("registry.fly.io/app@sha256:ab"));
    QCOMPARE(FlyResponse::attachmentKind(QStringLiteral("CACHE_REDIS_URL")),
             QStringLiteral("Redis"));
    QCOMPARE(FlyResponse::attachmentKind(QStringLiteral("API_KEY")), QString());
}

QTEST_GUILESS_MAIN(tst_FlySim)
#include "tst_flysim.moc"
