// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/azurejson: what Entra ID, ARM and the az CLI answer, decoded tolerantly and
// within bounds. Azure's published examples (tests/data/azure, azure-rest-api-specs) must
// decode to what they say; hostile shapes (wrong types, duplicates, huge bodies, foreign
// nextLinks) must give values or Errors, never a crash.
#include "cloud/azurejson.h"
#include "util/jsonread.h"

#include <QFile>
#include <QtTest>

using namespace Orrery;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/azure/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// The response body of a published example.
QByteArray exampleBody(const QString &name)
{
    const auto j = JsonRead::parse(readData(name));
    const auto *body = JsonRead::find(j, {"responses", "200", "body"});
    return body ? QByteArray::fromStdString(body->dump()) : QByteArray();
}

} // namespace

class tst_AzureJson : public QObject
{
    Q_OBJECT

private slots:
    void publishedManagedClustersList();
    void publishedCredentials();
    void publishedSubscriptions();
    void tokenResponse();
    void azCliToken();
    void errors();
    void hostileLists();
    void clusterIds();
    void userKubeconfig();
    void claims();
};

void tst_AzureJson::publishedManagedClustersList()
{
    const auto page = AzureJson::parseManagedClusters(exampleBody("ManagedClustersList.json"));
    QVERIFY(page);
    QCOMPARE(page.value().items.size(), 1);
    const AksClusterInfo &c = page.value().items.constFirst();
    QCOMPARE(c.name, QStringLiteral("clustername1"));
    QCOMPARE(c.subscriptionId, QStringLiteral("00000000-0000-0000-0000-000000000000"));
    QCOMPARE(c.resourceGroup, QStringLiteral("rg1"));
    QCOMPARE(c.location, QStringLiteral("location1"));
    QCOMPARE(c.kubernetesVersion, QStringLiteral("1.9.6"));
    QCOMPARE(c.provisioningState, QStringLiteral("Succeeded"));
    QCOMPARE(c.fqdn, QStringLiteral("dnsprefix1-abcd1234.hcp.eastus.azmk8s.io"));
    QVERIFY(!c.entra);
    QVERIFY(page.value().nextLink.isEmpty());
}

void tst_AzureJson::publishedCredentials()
{
    const auto yaml = AzureJson::parseCredentialResults(
        exampleBody("ManagedClustersListClusterUserCredentials.json"));
    QVERIFY(yaml);
    QCOMPARE(yaml.value(), QByteArray("credentialValue1"));
    // The example's value is no kubeconfig: decoding it says so instead of inventing entries.
    const auto entry = AzureJson::parseUserKubeconfig(yaml.value());
    QVERIFY(!entry);
    QCOMPARE(entry.error().code, Error::Code::ParseError);
}

void tst_AzureJson::publishedSubscriptions()
{
    const auto page = AzureJson::parseSubscriptions(exampleBody("GetSubscriptions.json"));
    QVERIFY(page);
    QCOMPARE(page.value().items.size(), 2);
    QCOMPARE(page.value().items.at(0).id, QStringLiteral("291bba3f-e0a5-47bc-a099-3bdcb2a50a05"));
    QCOMPARE(page.value().items.at(0).displayName, QStringLiteral("Example Subscription"));
    QCOMPARE(page.value().items.at(1).tenantId,
             QStringLiteral("2a0ff0de-96b2-4859-bb7c-a430d07a3e0c"));
    QCOMPARE(page.value().items.at(1).state, QStringLiteral("Enabled"));
    // The example's nextLink is "...": not a URL, so there is no next page to follow.
    QVERIFY(page.value().nextLink.isEmpty());
}

void tst_AzureJson::tokenResponse()
{
    const QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(16, 0), Qt::UTC);
    auto t = AzureJson::parseTokenResponse(
        R"({"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"abc"})",
        now);
    QVERIFY(t);
    QCOMPARE(t.value().accessToken, QByteArray("abc"));
    QCOMPARE(t.value().expiresOn, now.addSecs(3599));
    // v1 sends expires_in as a string.
    t = AzureJson::parseTokenResponse(
        R"({"token_type":"Bearer","expires_in":"600","access_token":"x"})", now);
    QCOMPARE(t.value().expiresOn, now.addSecs(600));
    QCOMPARE(AzureJson::parseTokenResponse(R"({"token_type":"Bearer"})", now).error().code,
             Error::Code::ParseError);
    QCOMPARE(AzureJson::parseTokenResponse(R"({"token_type":"pop","access_token":"x"})", now)
                 .error()
                 .code,
             Error::Code::Unsupported);
    QCOMPARE(AzureJson::parseTokenResponse("[1,2]", now).error().code, Error::Code::ParseError);
    QCOMPARE(AzureJson::parseTokenResponse(R"({"access_token":7})", now).error().code,
             Error::Code::ParseError);
    // A year of validity is capped to a day.
    t = AzureJson::parseTokenResponse(R"({"expires_in":31536000,"access_token":"x"})", now);
    QCOMPARE(t.value().expiresOn, now.addSecs(24 * 3600));
}

void tst_AzureJson::azCliToken()
{
    auto t = AzureJson::parseAzCliToken(readData("az-get-access-token-new.json"));
    QVERIFY(t);
    QCOMPARE(t.value().expiresOn, QDateTime(QDate(2026, 12, 7), QTime(17, 40), Qt::UTC));
    QCOMPARE(t.value().tenant, QStringLiteral("5f0e2a1c-3b7d-4c19-9a8e-0c3f6b2d7e41"));
    // Older az: only expiresOn, in local time.
    t = AzureJson::parseAzCliToken(readData("az-get-access-token-old.json"));
    QVERIFY(t);
    QCOMPARE(t.value().accessToken, QByteArray("placeholder-token"));
    QCOMPARE(t.value().expiresOn,
             QDateTime(QDate(2026, 12, 7), QTime(17, 40), Qt::LocalTime).toUTC());
    QCOMPARE(AzureJson::parseAzCliToken(R"({"accessToken":"x"})").error().code,
             Error::Code::ParseError);
    QCOMPARE(AzureJson::parseAzCliToken(R"({"accessToken":"x","expires_on":-5,"expiresOn":"soon"})")
                 .error()
                 .code,
             Error::Code::ParseError);
    QCOMPARE(
        AzureJson::parseAzCliToken("ERROR: Please run 'az login' to setup account.").error().code,
        Error::Code::ParseError);
}

void tst_AzureJson::errors()
{
    const QByteArray aad
        = R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1\r\nCorrelation ID: 2","error_codes":[7000215]})";
    Error e = AzureJson::aadError(aad, 401, QStringLiteral("token"));
    QCOMPARE(e.code, Error::Code::AuthError);
    QCOMPARE(e.message, QStringLiteral("AADSTS7000215: Invalid client secret provided."));
    QVERIFY(!e.hint.isEmpty());
    e = AzureJson::aadError("<html>gateway</html>", 502, QString());
    QCOMPARE(e.code, Error::Code::ServerError);
    QCOMPARE(e.httpStatus, 502);

    e = AzureJson::armError(
        R"({"error":{"code":"AuthorizationFailed","message":"The client 'x' does not have authorization."}})",
        403, QStringLiteral("list"));
    QCOMPARE(e.code, Error::Code::Forbidden);
    QVERIFY(e.message.contains(QLatin1String("(AuthorizationFailed)")));
    e = AzureJson::armError(
        R"({"error":{"code":"ExpiredAuthenticationToken","message":"expired"}})", 401, QString());
    QCOMPARE(e.code, Error::Code::Expired);
    e = AzureJson::armError(R"({"error":"flat"})", 404, QString());
    QCOMPARE(e.code, Error::Code::NotFound);
    QVERIFY(e.message.contains(QLatin1String("404")));
}

void tst_AzureJson::hostileLists()
{
    // Wrong types are absent, items without ids skipped, duplicates kept once.
    const QByteArray subs
        = R"({"value":[{"subscriptionId":"A","displayName":7},{"subscriptionId":"a"},{"displayName":"no id"},5,null],"nextLink":"http://127.0.0.1/next"})";
    auto s = AzureJson::parseSubscriptions(subs);
    QVERIFY(s);
    QCOMPARE(s.value().items.size(), 1);
    QCOMPARE(s.value().items.constFirst().id, QStringLiteral("a"));
    QCOMPARE(s.value().items.constFirst().displayName, QStringLiteral("a"));
    QVERIFY(s.value().nextLink.isEmpty()); // not https
    QVERIFY(AzureJson::parseSubscriptions(R"({"value":{}})").value().items.isEmpty());
    QCOMPARE(
        AzureJson::parseSubscriptions(QByteArray(AzureJson::MaxBodyBytes + 1, ' ')).error().code,
        Error::Code::TooLarge);

    const QByteArray clusters
        = R"({"value":[{"id":"/subscriptions/S/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c1","properties":{"provisioningState":5,"aadProfile":{"managed":"yes"}}},{"id":"/subscriptions/S/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"},{"name":"no-id"}],"nextLink":"https://management.azure.com/next"})";
    auto c = AzureJson::parseManagedClusters(clusters);
    QVERIFY(c);
    QCOMPARE(c.value().items.size(), 1);
    QCOMPARE(c.value().items.constFirst().name, QStringLiteral("c1"));
    QCOMPARE(c.value().items.constFirst().subscriptionId, QStringLiteral("s"));
    QVERIFY(c.value().items.constFirst().provisioningState.isEmpty());
    QVERIFY(!c.value().items.constFirst().entra);
    QCOMPARE(c.value().nextLink, QStringLiteral("https://management.azure.com/next"));
    QVERIFY(!AzureJson::parseManagedCluster(R"({"name":"x"})"));

    QCOMPARE(AzureJson::parseCredentialResults(R"({"kubeconfigs":[]})").error().code,
             Error::Code::NotFound);
    QCOMPARE(AzureJson::parseCredentialResults(R"({"kubeconfigs":[{"name":"a","value":"%%%"}]})")
                 .error()
                 .code,
             Error::Code::ParseError);
    QCOMPARE(AzureJson::parseUserKubeconfig(QByteArray(AzureJson::MaxKubeconfigBytes + 1, 'a'))
                 .error()
                 .code,
             Error::Code::TooLarge);
}

void tst_AzureJson::clusterIds()
{
    QString sub, rg, name;
    QVERIFY(AzureJson::splitClusterId(
        QStringLiteral("/subscriptions/ABC/resourcegroups/rg-chat/providers/"
                       "microsoft.containerservice/managedclusters/aks-chat"),
        &sub, &rg, &name));
    QCOMPARE(sub, QStringLiteral("abc"));
    QCOMPARE(rg, QStringLiteral("rg-chat"));
    QCOMPARE(name, QStringLiteral("aks-chat"));
    QVERIFY(!AzureJson::splitClusterId(QStringLiteral("/subscriptions/ABC"), &sub, &rg, &name));
    QVERIFY(!AzureJson::splitClusterId(
        QStringLiteral("/subscriptions//resourceGroups/rg/providers/Microsoft.ContainerService/"
                       "managedClusters/x"),
        &sub, &rg, &name));
}

void tst_AzureJson::userKubeconfig()
{
    // An Entra ID cluster's user kubeconfig as AKS hands it out (kubelogin, devicecode).
    const QByteArray yaml = "apiVersion: v1\nclusters:\n- cluster:\n"
                            "    certificate-authority-data: LS0tLS1CRUdJTg==\n"
                            "    server: https://aks-chat-dns.hcp.francecentral.azmk8s.io:443\n"
                            "  name: aks-chat\ncontexts:\n- context:\n    cluster: aks-chat\n"
                            "    user: clusterUser_rg-chat_aks-chat\n  name: aks-chat\n"
                            "current-context: aks-chat\nkind: Config\npreferences: {}\nusers:\n"
                            "- name: clusterUser_rg-chat_aks-chat\n  user:\n    exec:\n"
                            "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                            "      args:\n      - get-token\n      - --server-id\n"
                            "      - 6dae42f8-4368-4678-94ff-3960e28e3630\n"
                            "      command: kubelogin\n      env: null\n"
                            "      provideClusterInfo: false\n";
    const auto e = AzureJson::parseUserKubeconfig(yaml);
    QVERIFY2(e, e ? "" : qPrintable(e.error().toString()));
    QCOMPARE(e.value().context.name, QStringLiteral("aks-chat"));
    QCOMPARE(e.value().cluster.server,
             QStringLiteral("https://aks-chat-dns.hcp.francecentral.azmk8s.io:443"));
    QCOMPARE(e.value().cluster.certificateAuthorityData, QByteArray("-----BEGIN"));
    QCOMPARE(e.value().user.name, QStringLiteral("clusterUser_rg-chat_aks-chat"));
    QVERIFY(e.value().user.exec);
    QCOMPARE(e.value().user.exec->command, QStringLiteral("kubelogin"));
    QCOMPARE(e.value().user.exec->args.at(2),
             QStringLiteral("6dae42f8-4368-4678-94ff-3960e28e3630"));
    QVERIFY(e.value().cluster.source.file.isEmpty());
}

void tst_AzureJson::claims()
{
    const QByteArray jwt
        = AzureJson::parseAzCliToken(readData("az-get-access-token-new.json")).value().accessToken;
    const auto c = AzureJson::claims(jwt);
    QCOMPARE(c.principal, QStringLiteral("alice@example.com"));
    QCOMPARE(c.tenant, QStringLiteral("tenant"));
    QCOMPARE(c.expires.toSecsSinceEpoch(), 1796563600);
    QVERIFY(AzureJson::claims("not-a-jwt").principal.isEmpty());
    QVERIFY(AzureJson::claims("a.%%%.c").tenant.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AzureJson)
#include "tst_azurejson.moc"
