// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud's Google Cloud decoders (GcpResponse: cluster and project lists, the token
// endpoint, gcloud config-helper, key files, errors), tolerant and bounded; the JWT
// assertion's shape; and what Add to kubeconfig writes for the cases gcloud treats apart
// (a CA, no CA, the DNS endpoint). The wire itself is judged against the simulator and
// gcloud in sim/tst_gkesim and sim/tst_gcpcloud_sim.
#include "cloud/gcpaccount.h"
#include "cloud/gcpauth.h"
#include "cloud/gcpresponse.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Orrery;

class tst_GcpResponse : public QObject
{
    Q_OBJECT

private slots:
    void clusterListIsTolerant();
    void clusterListBounds();
    void projectList();
    void tokenResponse();
    void configHelper();
    void keyFile();
    void errors();
    void jwtShape();
    void kubeconfigEntries();
};

void tst_GcpResponse::clusterListIsTolerant()
{
    QFile seed(QStringLiteral(ORRERY_TEST_DATA "/../fuzz/corpus/gcpresponse/clusters.json"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    QStringList missing;
    const auto r = GcpResponse::parseClusterList(seed.readAll(), QStringLiteral("p"), &missing);
    QVERIFY(r);
    // Sorted by location; the duplicate web and the nameless item and 42 skipped.
    QCOMPARE(r.value().size(), 2);
    QCOMPARE(r.value().at(0).name, QStringLiteral("web"));
    QCOMPARE(r.value().at(1).name, QStringLiteral("batch"));
    QCOMPARE(r.value().at(1).location, QStringLiteral("us-central1-a"));
    QCOMPARE(r.value().at(1).nodeCount, 0); // -3 clamped
    QCOMPARE(r.value().at(1).contextLocation(), QStringLiteral("us-central1-a"));
    const GkeClusterInfo &web = r.value().at(0);
    QCOMPARE(web.project, QStringLiteral("p"));
    QCOMPARE(web.version, QStringLiteral("1.30.5-gke.1014001"));
    QCOMPARE(web.nodeCount, 6);
    QVERIFY(web.caPem.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(web.ipEndpointsDisabled);
    QCOMPARE(web.kubeconfigEndpoint(),
             QStringLiteral("gke-0123456789abcdef.europe-west1.gke.goog"));
    QCOMPARE(missing, QStringList{QStringLiteral("asia-east1-a")});
    // No clusters: {} (proto3 JSON leaves the empty list out), or a list of the wrong type.
    QCOMPARE(GcpResponse::parseClusterList("{}", QStringLiteral("p")).value().size(), 0);
    QCOMPARE(GcpResponse::parseClusterList(R"({"clusters": {"a": 1}})", QStringLiteral("p"))
                 .value()
                 .size(),
             0);
    QCOMPARE(GcpResponse::parseClusterList("[]", QStringLiteral("p")).error().code,
             Error::Code::ParseError);
    QCOMPARE(GcpResponse::parseClusterList("{\"clusters\": [", QStringLiteral("p")).error().code,
             Error::Code::ParseError);
    QCOMPARE(
        GcpResponse::parseCluster(R"({"status": "RUNNING"})", QStringLiteral("p")).error().code,
        Error::Code::ParseError);
}

void tst_GcpResponse::clusterListBounds()
{
    QByteArray many = "{\"clusters\": [";
    for (int i = 0; i <= GcpResponse::MaxClusters; ++i)
        many += (i ? ",{\"name\":\"c" : "{\"name\":\"c") + QByteArray::number(i) + "\"}";
    many += "]}";
    QCOMPARE(GcpResponse::parseClusterList(many, QStringLiteral("p")).error().code,
             Error::Code::TooLarge);
    QCOMPARE(GcpResponse::parseServiceAccountKey(QByteArray(GcpResponse::MaxKeyFileBytes + 1, ' '))
                 .error()
                 .code,
             Error::Code::TooLarge);
}

void tst_GcpResponse::projectList()
{
    QString next;
    const auto r = GcpResponse::parseProjectList(
        R"({"projects": [{"projectId": "b"}, {"projectId": "a", "lifecycleState": "ACTIVE"},
            {"projectId": "gone", "lifecycleState": "DELETE_REQUESTED"}, {"projectId": "b"},
            {"name": "no id"}, null], "nextPageToken": "t2"})",
        &next);
    QVERIFY(r);
    QCOMPARE(r.value(), QStringList({"a", "b"}));
    QCOMPARE(next, QStringLiteral("t2"));
    QCOMPARE(GcpResponse::parseProjectList("{}").value(), QStringList());
}

void tst_GcpResponse::tokenResponse()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1765000000, Qt::UTC);
    auto r = GcpResponse::parseTokenResponse(
        R"({"access_token": "ya29.x", "expires_in": 3599, "token_type": "Bearer"})", now);
    QVERIFY(r);
    QCOMPARE(r.value().token, QByteArray("ya29.x"));
    QCOMPARE(r.value().expiresAt, now.addSecs(3599));
    // No expires_in: unknown expiry; a negative one too.
    QVERIFY(!GcpResponse::parseTokenResponse(R"({"access_token": "t", "expires_in": -5})", now)
                 .value()
                 .expiresAt.isValid());
    QCOMPARE(GcpResponse::parseTokenResponse(R"({"access_token": 5})", now).error().code,
             Error::Code::ParseError);
    QCOMPARE(GcpResponse::parseTokenResponse(R"({"access_token": "t", "token_type": "MAC"})", now)
                 .error()
                 .code,
             Error::Code::Unsupported);
}

void tst_GcpResponse::configHelper()
{
    QFile seed(QStringLiteral(ORRERY_TEST_DATA "/../fuzz/corpus/gcpresponse/config-helper.json"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const auto r = GcpResponse::parseConfigHelper(seed.readAll());
    QVERIFY(r);
    QCOMPARE(r.value().token.token, QByteArray("ya29.a0example"));
    QCOMPARE(r.value().token.expiresAt, QDateTime(QDate(2026, 12, 7), QTime(16, 34, 5), Qt::UTC));
    QCOMPARE(r.value().account, QStringLiteral("dev@example.com"));
    QCOMPARE(r.value().project, QStringLiteral("orrery-sim-web"));
    QCOMPARE(r.value().configuration, QStringLiteral("default"));
    // An access token file: no expiry, no account.
    const auto file = GcpResponse::parseConfigHelper(
        R"({"credential": {"access_token": "t", "token_expiry": null}})");
    QVERIFY(file);
    QVERIFY(!file.value().token.expiresAt.isValid());
    QVERIFY(file.value().account.isEmpty());
    QCOMPARE(GcpResponse::parseConfigHelper(R"({"credential": {}})").error().code,
             Error::Code::AuthError);
}

void tst_GcpResponse::keyFile()
{
    QFile file(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto key = GcpResponse::parseServiceAccountKey(file.readAll());
    QVERIFY(key);
    QCOMPARE(key.value().clientEmail,
             QStringLiteral("deployer@orrery-sim-web.iam.gserviceaccount.com"));
    QCOMPARE(key.value().projectId, QStringLiteral("orrery-sim-web"));
    QCOMPARE(key.value().tokenUri, QStringLiteral("https://oauth2.googleapis.com/token"));
    QVERIFY(key.value().privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----"));
    const QString debug = key.value().debugString();
    QVERIFY(!debug.contains(QLatin1String("PRIVATE KEY")));
    QVERIFY(!debug.contains(key.value().privateKeyId));
    // A user's application default credentials are not a service account key.
    const auto adc = GcpResponse::parseServiceAccountKey(
        R"({"type": "authorized_user", "client_id": "x", "refresh_token": "r"})");
    QCOMPARE(adc.error().code, Error::Code::Unsupported);
    QVERIFY(!adc.error().toString().contains(QLatin1String("\"r\"")));
    QCOMPARE(GcpResponse::parseServiceAccountKey(R"({"type": "service_account"})").error().code,
             Error::Code::ParseError);
}

void tst_GcpResponse::errors()
{
    Error e = GcpResponse::errorOf(
        403,
        R"({"error": {"code": 403, "message": "Required \"container.clusters.list\" permission(s) for \"projects/p\".", "status": "PERMISSION_DENIED"}})",
        QStringLiteral("GKE clusters of project p"));
    QCOMPARE(e.code, Error::Code::Forbidden);
    QCOMPARE(e.httpStatus, 403);
    QCOMPARE(e.message, QStringLiteral("Required \"container.clusters.list\" permission(s) for "
                                       "\"projects/p\". (PERMISSION_DENIED)"));
    QVERIFY(e.hint.contains(QLatin1String("roles/container.clusterViewer")));
    e = GcpResponse::errorOf(
        400, R"({"error": "invalid_grant", "error_description": "Invalid JWT Signature."})",
        QString());
    QCOMPARE(e.code, Error::Code::AuthError);
    QCOMPARE(e.message, QStringLiteral("Invalid JWT Signature. (invalid_grant)"));
    e = GcpResponse::errorOf(404, "<html>Not Found</html>", QString());
    QCOMPARE(e.code, Error::Code::NotFound);
    QCOMPARE(e.message, QStringLiteral("the server answered HTTP 404"));
    QCOMPARE(GcpResponse::errorOf(503, "{\"error\": [1]}", QString()).code,
             Error::Code::ServerError);
}

void tst_GcpResponse::jwtShape()
{
    QFile file(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const GcpServiceAccountKey key = GcpResponse::parseServiceAccountKey(file.readAll()).value();
    const QDateTime at = QDateTime::fromSecsSinceEpoch(1765000000, Qt::UTC);
    const auto jwt = GcpJwt::assertion(key, QStringLiteral("https://oauth2.googleapis.com/token"),
                                       QString::fromLatin1(GcpJwt::CloudPlatformScope), at);
    QVERIFY(jwt);
    const QList<QByteArray> parts = jwt.value().split('.');
    QCOMPARE(parts.size(), 3);
    for (const QByteArray &p : parts) {
        QVERIFY(!p.contains('=') && !p.contains('+') && !p.contains('/'));
    }
    const QJsonObject header
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding))
              .object();
    QCOMPARE(header.value(QLatin1String("alg")).toString(), QStringLiteral("RS256"));
    QCOMPARE(header.value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));
    QCOMPARE(header.value(QLatin1String("kid")).toString(), key.privateKeyId);
    const QJsonObject claims
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
              .object();
    QCOMPARE(claims.value(QLatin1String("iss")).toString(), key.clientEmail);
    QCOMPARE(claims.value(QLatin1String("aud")).toString(),
             QStringLiteral("https://oauth2.googleapis.com/token"));
    QCOMPARE(claims.value(QLatin1String("iat")).toInteger(), 1765000000);
    QCOMPARE(claims.value(QLatin1String("exp")).toInteger(), 1765003600);
    // RSA-2048 PKCS#1 v1.5: 256 bytes, deterministic for the same input.
    QCOMPARE(QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding).size(), 256);
    QCOMPARE(GcpJwt::assertion(key, QStringLiteral("https://oauth2.googleapis.com/token"),
                               QString::fromLatin1(GcpJwt::CloudPlatformScope), at)
                 .value(),
             jwt.value());
    // A broken private key is an error, not a crash; its text is not in the message.
    GcpServiceAccountKey broken = key;
    broken.privateKeyPem = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n";
    const auto bad = GcpJwt::assertion(broken, QStringLiteral("a"), QStringLiteral("s"), at);
    QCOMPARE(bad.error().code, Error::Code::ParseError);
    QVERIFY(!bad.error().toString().contains(QLatin1String("MIIB")));
}

void tst_GcpResponse::kubeconfigEntries()
{
    GcpAccount account(GcpAccount::gcloudOptions(QProcessEnvironment()));
    QCOMPARE(account.id(), QStringLiteral("gcp:gcloud"));
    GkeClusterInfo info;
    info.project = QStringLiteral("proj");
    info.name = QStringLiteral("c1");
    info.location = QStringLiteral("us-central1");
    info.zone = QStringLiteral("us-central1");
    info.endpoint = QStringLiteral("35.1.2.3");
    info.caPem = "-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n";
    auto entry = account.kubeconfigEntry(GcpAccount::resourceOf(info, account.id()));
    QVERIFY(entry);
    QCOMPARE(entry.value().context.name, QStringLiteral("gke_proj_us-central1_c1"));
    QCOMPARE(entry.value().cluster.server, QStringLiteral("https://35.1.2.3"));
    QCOMPARE(entry.value().cluster.certificateAuthorityData, info.caPem);
    QVERIFY(!entry.value().cluster.insecureSkipTlsVerify);
    QCOMPARE(entry.value().user.exec->command, QStringLiteral("gke-gcloud-auth-plugin"));
    QVERIFY(entry.value().user.exec->provideClusterInfo);
    // No CA: gcloud writes insecure-skip-tls-verify (and warns).
    info.caPem.clear();
    entry = account.kubeconfigEntry(GcpAccount::resourceOf(info, account.id()));
    QVERIFY(entry.value().cluster.insecureSkipTlsVerify);
    // IP endpoints off: the DNS endpoint, trusted publicly, without a CA.
    info.caPem = "x";
    info.ipEndpointsDisabled = true;
    info.dnsEndpoint = QStringLiteral("gke-abc.us-central1.gke.goog");
    entry = account.kubeconfigEntry(GcpAccount::resourceOf(info, account.id()));
    QCOMPARE(entry.value().cluster.server, QStringLiteral("https://gke-abc.us-central1.gke.goog"));
    QVERIFY(entry.value().cluster.certificateAuthorityData.isEmpty());
    QVERIFY(!entry.value().cluster.insecureSkipTlsVerify);
    // Not a cluster of this provider; no endpoint yet.
    CloudResource app;
    app.kind = CloudResource::Kind::App;
    QCOMPARE(account.kubeconfigEntry(app).error().code, Error::Code::InvalidArgument);
    info.endpoint.clear();
    info.ipEndpointsDisabled = false;
    QCOMPARE(account.kubeconfigEntry(GcpAccount::resourceOf(info, account.id())).error().code,
             Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(tst_GcpResponse)
#include "tst_gcpresponse.moc"
