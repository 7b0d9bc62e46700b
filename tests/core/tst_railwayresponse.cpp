// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/railwayresponse: Railway's GraphQL answers decoded tolerantly and bounded (the
// envelope's errors as Error codes with hints, duplicates and malformed items skipped, cursors
// that cannot continue), and one environment as an AppTopology.
#include "cloud/railwayresponse.h"

#include <QtTest>

using namespace Orrery;
using json = nlohmann::json;

namespace {

json deployment(const std::string &id, const std::string &status, const std::string &image,
                const std::string &created, bool canRollback = false)
{
    return {{"id", id},
            {"status", status},
            {"createdAt", created},
            {"statusUpdatedAt", created},
            {"canRollback", canRollback},
            {"canRedeploy", true},
            {"meta", {{"image", image}, {"reason", "deploy"}}},
            {"serviceId", "s-api"},
            {"environmentId", "e-prod"}};
}

json project()
{
    auto instance = [](const std::string &service, const std::string &name,
                       const std::string &image, json latest) {
        return json{{"node",
                     {{"id", "i-" + service},
                      {"serviceId", service},
                      {"serviceName", name},
                      {"region", "europe-west4-drams3a"},
                      {"numReplicas", 2},
                      {"healthcheckPath", "/healthz"},
                      {"source", {{"image", image}, {"repo", nullptr}}},
                      {"latestDeployment", latest}}}};
    };
    return {{"id", "p1"},
            {"name", "acme-platform"},
            {"environments",
             {{"edges",
               {{{"node",
                  {{"id", "e-prod"},
                   {"name", "production"},
                   {"serviceInstances",
                    {{"edges",
                      {instance("s-api", "api-gateway", "",
                                deployment("d3", "CRASHED", "ghcr.io/acme/api-gateway:2.4.0",
                                           "2026-12-07T10:00:00Z")),
                       instance("s-api", "api-gateway (duplicate)", "", nullptr),
                       instance("s-pg", "Postgres", "ghcr.io/railwayapp-templates/postgres-ssl:16",
                                nullptr),
                       {{"node", "not an object"}},
                       instance("", "no id", "", nullptr)}}}}}}},
                {{"node", {{"id", "e-prod"}, {"name", "dup"}}}},
                {{"node", {{"id", "e-staging"}, {"name", "staging"}}}}}}}},
            {"services",
             {{"edges",
               {{{"node", {{"id", "s-api"}, {"name", "api-gateway"}, {"icon", nullptr}}}},
                {{"node", {{"id", "s-pg"}, {"name", "Postgres"}, {"icon", "postgresql"}}}}}}}}};
}

} // namespace

class tst_RailwayResponse : public QObject
{
    Q_OBJECT

private slots:
    void envelopeErrors_data();
    void envelopeErrors();
    void tolerantDecoding();
    void pagesStopWithoutCursor();
    void deploymentsNewestFirstWithoutDuplicates();
    void topology();
    void databases();
};

void tst_RailwayResponse::envelopeErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::newRow("not authorized")
        << 200 << QByteArray(R"({"data":null,"errors":[{"message":"Not Authorized"}]})")
        << int(Error::Code::AuthError);
    QTest::newRow("unauthenticated")
        << 200
        << QByteArray(R"({"errors":[{"message":"x","extensions":{"code":"UNAUTHENTICATED"}}]})")
        << int(Error::Code::AuthError);
    QTest::newRow("forbidden")
        << 200 << QByteArray(R"({"errors":[{"message":"x","extensions":{"code":"FORBIDDEN"}}]})")
        << int(Error::Code::Forbidden);
    QTest::newRow("not authorized for that project")
        << 200
        << QByteArray(
               R"({"errors":[{"message":"Not Authorized","extensions":{"code":"FORBIDDEN"}}]})")
        << int(Error::Code::Forbidden);
    QTest::newRow("not found")
        << 200 << QByteArray(R"({"errors":[{"message":"x","extensions":{"code":"NOT_FOUND"}}]})")
        << int(Error::Code::NotFound);
    QTest::newRow("validation") << 400 << QByteArray(R"({"errors":[{"message":"Cannot query"}]})")
                                << int(Error::Code::InvalidArgument);
    QTest::newRow("rate limited") << 429 << QByteArray("Too Many Requests")
                                  << int(Error::Code::TooManyRequests);
    QTest::newRow("server") << 502 << QByteArray("<html>bad gateway</html>")
                            << int(Error::Code::ServerError);
    QTest::newRow("not json") << 200 << QByteArray("{") << int(Error::Code::ParseError);
    QTest::newRow("no data") << 200 << QByteArray("{}") << int(Error::Code::ParseError);
    QTest::newRow("errors of strings")
        << 200 << QByteArray(R"({"errors":["plain"]})") << int(Error::Code::Unknown);
    QTest::newRow("deep") << 200 << QByteArray(100000, '[') << int(Error::Code::ParseError);
}

void tst_RailwayResponse::envelopeErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    const auto d = RailwayResponse::data(status, body, QStringLiteral("what"));
    QVERIFY(!d.ok());
    QCOMPARE(int(d.error().code), code);
    QCOMPARE(d.error().context, QStringLiteral("what"));
    if (d.error().code == Error::Code::AuthError)
        QVERIFY(d.error().hint.contains(QLatin1String("RAILWAY_API_TOKEN")));
    QVERIFY(RailwayResponse::data(200, R"({"data":{"me":null}})", {}).ok());
}

void tst_RailwayResponse::tolerantDecoding()
{
    // Wrong types read as absent; items without ids or repeated ones are skipped.
    const json me = {{"me",
                      {{"id", "u1"},
                       {"name", 5},
                       {"email", "a@b"},
                       {"workspaces",
                        {{{"id", "w1"}, {"name", "a"}},
                         {{"id", "w1"}, {"name", "b"}},
                         3,
                         {{"name", "no id"}}}}}}};
    const auto u = RailwayResponse::user(me);
    QVERIFY(u.ok());
    QVERIFY(u->name.isEmpty());
    QCOMPARE(u->workspaces.size(), 1);
    QCOMPARE(RailwayResponse::user(json::object()).error().code, Error::Code::ParseError);
    QCOMPARE(RailwayResponse::user({{"me", "x"}}).error().code, Error::Code::ParseError);

    const auto p = RailwayResponse::project({{"project", project()}});
    QVERIFY(p.ok());
    QCOMPARE(p->environments.size(), 2);              // the repeated e-prod dropped
    QCOMPARE(p->environments[0].instances.size(), 2); // duplicate, non-object, no id dropped
    QCOMPARE(p->environments[0].instances[0].replicas, 2);
    QVERIFY(p->environments[0].instances[0].latest);
    QVERIFY(!p->environments[0].instances[1].latest);
    QCOMPARE(p->services.size(), 2);

    QCOMPARE(RailwayResponse::mutationFlag({{"deploymentRollback", "true"}}, "deploymentRollback")
                 .error()
                 .code,
             Error::Code::ParseError);
    QVERIFY(*RailwayResponse::mutationFlag({{"deploymentRollback", true}}, "deploymentRollback"));
    QCOMPARE(*RailwayResponse::redeployedId({{"deploymentRedeploy", {{"id", "d9"}}}}),
             QStringLiteral("d9"));
    QVERIFY(!RailwayResponse::redeployedId({{"deploymentRedeploy", nullptr}}).ok());

    // Strings are bounded.
    const json huge = {{"me", {{"id", std::string(100000, 'x')}}}};
    QCOMPARE(RailwayResponse::user(huge)->id.size(), RailwayResponse::MaxString);
}

void tst_RailwayResponse::pagesStopWithoutCursor()
{
    const json page = {{"projects",
                        {{"pageInfo", {{"hasNextPage", true}, {"endCursor", nullptr}}},
                         {"edges", {{{"node", project()}}, {{"node", project()}}}}}}};
    const auto r = RailwayResponse::projects(page);
    QVERIFY(r.ok());
    QCOMPARE(r->projects.size(), 1);
    QVERIFY(!r->hasNextPage);
    QCOMPARE(RailwayResponse::projects({{"projects", json::array()}}).error().code,
             Error::Code::ParseError);
}

void tst_RailwayResponse::deploymentsNewestFirstWithoutDuplicates()
{
    const json d = {{"deployments",
                     {{"edges",
                       {{{"node", deployment("d1", "REMOVED", "x:1", "2026-12-01T00:00:00Z")}},
                        {{"node", deployment("d3", "SUCCESS", "x:3", "2026-12-03T00:00:00.123Z")}},
                        {{"node", deployment("d2", "REMOVED", "x:2", "not a time")}},
                        {{"node", deployment("d3", "FAILED", "x:3", "2026-12-03T00:00:00Z")}}}}}}};
    const auto list = RailwayResponse::deployments(d);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 3);
    QCOMPARE(list->at(0).id, QStringLiteral("d3"));
    QCOMPARE(list->at(0).status, QStringLiteral("SUCCESS"));
    QCOMPARE(list->at(1).id, QStringLiteral("d1"));
    QVERIFY(!list->at(2).createdAt.isValid());
}

void tst_RailwayResponse::topology()
{
    const RailwayProject p = RailwayResponse::projectNode(project());
    const QList<RailwayDeployment> history = {
        RailwayResponse::deploymentNode(
            deployment("d3", "CRASHED", "ghcr.io/acme/api-gateway:2.4.0", "2026-12-07T10:00:00Z")),
        RailwayResponse::deploymentNode(deployment(
            "d2", "REMOVED", "ghcr.io/acme/api-gateway:2.3.1", "2026-12-06T10:00:00Z", true)),
    };
    const AppTopology t = RailwayResponse::topology(p, QStringLiteral("e-prod"), history,
                                                    QStringLiteral("p1/e-prod/s-api"));
    QCOMPARE(t.provider, QStringLiteral("railway"));
    QCOMPARE(t.nodes.size(), 4); // app, api-gateway, its CRASHED deployment, Postgres
    QCOMPARE(t.nodes[0].kind, AppNode::Kind::App);
    QCOMPARE(t.nodes[0].name, QStringLiteral("acme-platform / production"));
    QCOMPARE(t.nodes[0].region, QStringLiteral("europe-west4-drams3a"));
    QVERIFY(!t.nodes[0].healthy);
    QCOMPARE(t.nodes[1].kind, AppNode::Kind::Group);
    QCOMPARE(t.nodes[1].status, QStringLiteral("CRASHED"));
    QCOMPARE(t.nodes[1].checks, QStringList{QStringLiteral("http /healthz: failing")});
    QCOMPARE(t.nodes[2].kind, AppNode::Kind::Instance);
    QCOMPARE(t.nodes[2].parentId, QStringLiteral("s-api"));
    QCOMPARE(t.nodes[2].name, QStringLiteral("d3 2.4.0"));
    QCOMPARE(t.nodes[3].kind, AppNode::Kind::Attachment);
    QCOMPARE(t.releases.size(), 2);
    QVERIFY(t.releases[0].current);
    QVERIFY(!t.releases[1].current);
    QCOMPARE(t.releases[1].version, QStringLiteral("2.3.1"));
    // Every node's parent exists; ids are unique.
    QSet<QString> ids;
    for (const AppNode &n : t.nodes) {
        QVERIFY(!ids.contains(n.id));
        ids.insert(n.id);
    }
    for (const AppNode &n : t.nodes)
        QVERIFY(n.parentId.isEmpty() || ids.contains(n.parentId));
    // An environment that is not there: an empty topology, not a crash.
    QVERIFY(RailwayResponse::topology(p, QStringLiteral("nope"), history, {}).nodes.isEmpty());
    // A staging environment without instances: the app alone.
    QCOMPARE(RailwayResponse::topology(p, QStringLiteral("e-staging"), {}, {}).nodes.size(), 1);
}

void tst_RailwayResponse::databases()
{
    QVERIFY(RailwayResponse::isDatabase(
        QStringLiteral("ghcr.io/railwayapp-templates/postgres-ssl:16"), {}, {}));
    QVERIFY(RailwayResponse::isDatabase(QStringLiteral("bitnami/redis:7.2.5"), {}, {}));
    QVERIFY(RailwayResponse::isDatabase({}, QStringLiteral("mysql"), {}));
    QVERIFY(RailwayResponse::isDatabase({}, {}, QStringLiteral("MongoDB")));
    QVERIFY(!RailwayResponse::isDatabase(QStringLiteral("ghcr.io/acme/api-gateway:2.4.0"), {},
                                         QStringLiteral("api-gateway")));
}

QTEST_GUILESS_MAIN(tst_RailwayResponse)
#include "tst_railwayresponse.moc"
