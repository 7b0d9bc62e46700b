// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated Azure (sim/azure: Entra ID's token endpoint and ARM) and core/cloud's
// AzureClient / AzureAccount end to end over HTTPS on loopback, on the chat-app scenario
// (seed 003, AKS): service principal tokens, subscriptions, managedClusters with nextLink
// paging across subscriptions, listClusterUserCredential, the az CLI login path (a stand-in
// az prints what `az account get-access-token` prints), and a connection to the AKS cluster
// with the Entra token Orrery requests for the AKS server application. The simulator's
// answers are compared with Azure's published examples (tests/data/azure); kubectl judges
// the token.
#include "azure/azureservice.h"
#include "front/servicefront.h"
#include "simulator.h"

#include "cloud/azureaccount.h"
#include "cloud/azureclient.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "util/jsonread.h"

#include <kubectlprocess.h>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery;

namespace {

const QString s_tenant = QStringLiteral("5f0e2a1c-3b7d-4c19-9a8e-0c3f6b2d7e41");
const QString s_prod = QStringLiteral("00000000-0000-0000-0000-000000000000");
const QString s_dev = QStringLiteral("3a9d7c52-8e41-4f0b-b6a2-91d0c7e5f318");
const QString s_deployerId = QStringLiteral("8c2f4e71-0b5a-4d3e-9f16-7a2c9e4b1d05");
const QString s_deployerSecret = QStringLiteral("orrery-sim~chat-app-deployer~Qx7.Vn2");
const QString s_deployerObject = QStringLiteral("e4b7a1d2-6c3f-4e85-a9d0-2f1b8c7e6a34");
const QString s_readerId = QStringLiteral("1d6b3f90-7e2c-4a58-8b41-c5e0f9a27d13");
const QString s_readerSecret = QStringLiteral("orrery-sim~chat-app-reader~Lm4.Kw9");
const QString s_clusterId = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000000/"
                                           "resourcegroups/rg-chat/providers/"
                                           "Microsoft.ContainerService/managedClusters/aks-chat");

template <typename T> bool waitFor(const std::optional<T> &value, int ms = 20000)
{
    return QTest::qWaitFor([&] { return value.has_value(); }, ms);
}

JsonRead::Json exampleBody(const QString &name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/azure/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const auto j = JsonRead::parse(f.readAll());
    const auto *body = JsonRead::find(j, {"responses", "200", "body"});
    return body ? *body : JsonRead::Json();
}

// Every member of `example` that `actual` also has is of the same JSON type (objects
// compared member by member, arrays by their first element); `path` names the place.
QStringList typeMismatches(const JsonRead::Json &example, const JsonRead::Json &actual,
                           const QString &path = QStringLiteral("$"))
{
    QStringList out;
    if (example.type() != actual.type() && !(example.is_number() && actual.is_number())) {
        out << QStringLiteral("%1: example %2, simulator %3")
                   .arg(path, QString::fromUtf8(example.type_name()),
                        QString::fromUtf8(actual.type_name()));
        return out;
    }
    if (example.is_object()) {
        for (auto it = example.begin(); it != example.end(); ++it)
            if (actual.contains(it.key()))
                out << typeMismatches(it.value(), actual.at(it.key()),
                                      path + QLatin1Char('.') + QString::fromStdString(it.key()));
    } else if (example.is_array() && !example.empty() && !actual.empty()) {
        out << typeMismatches(example.front(), actual.front(), path + QStringLiteral("[0]"));
    }
    return out;
}

} // namespace

class tst_AzureSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void servicePrincipalTokens();
    void tokenErrorsHoldNoSecret();
    void answersFollowPublishedExamples();
    void armRefusesBadRequests();
    void identifyAndDiscover();
    void kubeconfigEntryIsWhatAzWrites();
    void connectWithEntraToken();
    void kubectlAcceptsTheAksToken();
    void readerCannotListCredentials();
    void azCliLogin();
    void azCliFailures();
    void pagingAcrossSubscriptions();
    void azureCliJudge();

private:
    struct AzResult
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };
    AzResult az(const QStringList &args);
    QProcessEnvironment azEnvironment() const;
    AzureClient::Endpoints endpoints() const;
    AzureAccount::Options servicePrincipal(const QString &id, const QString &secret) const;
    Result<AzureToken> spToken(const QString &id, const QString &secret, const QString &resource);
    Result<ApiResponse> raw(const QByteArray &token, const QByteArray &method, const QString &path);
    Result<CloudDiscovery> discover(AzureAccount &account);
    QString writeScript(const QString &name, const QString &body);

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::Simulator> m_sim;
    Sim::AzureService *m_azure = nullptr;
    QString m_front;
    QString m_server; // the AKS cluster's simulated API server
    QByteArray m_clusterCa;
    std::unique_ptr<HttpTransport> m_frontTransport;
};

void tst_AzureSim::initTestCase()
{
    Sim::SimulatorOptions options;
    options.scenarios = {"aks-chat"};
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    m_azure = dynamic_cast<Sim::AzureService *>(m_sim->services()->service("azure"));
    QVERIFY(m_azure);
    m_front = QString::fromStdString(m_sim->servicesUrl());
    Sim::ClusterAccess &clusters = m_sim->clusterAccess();
    m_server = QString::fromStdString(clusters.serverUrl("aks-chat-francecentral"));
    m_clusterCa = QByteArray::fromStdString(clusters.caCertificate("aks-chat-francecentral"));
    QVERIFY(m_server.startsWith(QLatin1String("https://127.0.0.1:")));
    ClusterConnection c;
    c.server = m_front;
    c.certificateAuthorityPem = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    m_frontTransport = std::make_unique<HttpTransport>(c);
}

void tst_AzureSim::cleanupTestCase()
{
    m_frontTransport.reset();
    if (m_sim)
        m_sim->stop();
}

AzureClient::Endpoints tst_AzureSim::endpoints() const
{
    return {QUrl(m_front + QStringLiteral("/azure/login")),
            QUrl(m_front + QStringLiteral("/azure/arm")),
            QByteArray::fromStdString(m_sim->servicesCaCertificate())};
}

AzureAccount::Options tst_AzureSim::servicePrincipal(const QString &id, const QString &secret) const
{
    AzureAccount::Options o;
    o.endpoints = endpoints();
    o.servicePrincipal = AzureClient::ServicePrincipal{s_tenant, id, secret};
    return o;
}

Result<AzureToken> tst_AzureSim::spToken(const QString &id, const QString &secret,
                                         const QString &resource)
{
    AzureClient client(endpoints());
    std::optional<Result<AzureToken>> out;
    client.servicePrincipalToken({s_tenant, id, secret}, resource,
                                 [&](const Result<AzureToken> &r) { out = r; });
    if (!waitFor(out))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

Result<ApiResponse> tst_AzureSim::raw(const QByteArray &token, const QByteArray &method,
                                      const QString &path)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    if (!token.isEmpty())
        request.headers = {{"Authorization", "Bearer " + token}};
    std::optional<Result<ApiResponse>> out;
    m_frontTransport->send(request, this, [&](const Result<ApiResponse> &r) { out = r; });
    if (!waitFor(out))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

Result<CloudDiscovery> tst_AzureSim::discover(AzureAccount &account)
{
    std::optional<Result<CloudDiscovery>> out;
    account.discover([&](const Result<CloudDiscovery> &r) { out = r; });
    if (!waitFor(out, 60000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

QString tst_AzureSim::writeScript(const QString &name, const QString &body)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n" + body.toUtf8());
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void tst_AzureSim::servicePrincipalTokens()
{
    const auto arm = spToken(s_deployerId, s_deployerSecret, AzureClient::ArmResource);
    QVERIFY2(arm, arm ? "" : qPrintable(arm.error().toString()));
    const auto now = QDateTime::currentDateTimeUtc();
    QVERIFY(arm.value().expiresOn > now.addSecs(3500));
    QVERIFY(arm.value().expiresOn <= now.addSecs(3600));
    const auto claims = AzureJson::claims(arm.value().accessToken);
    QCOMPARE(claims.tenant, s_tenant);
    QCOMPARE(claims.principal, s_deployerId);
    QCOMPARE(claims.objectId, s_deployerObject);
    const auto aks = spToken(s_deployerId, s_deployerSecret, AzureClient::AksServerApp);
    QVERIFY(aks);
    QVERIFY(aks.value().accessToken != arm.value().accessToken);
}

void tst_AzureSim::tokenErrorsHoldNoSecret()
{
    const auto wrong
        = spToken(s_deployerId, QStringLiteral("not-the-secret-xyz"), AzureClient::ArmResource);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, Error::Code::AuthError);
    QCOMPARE(wrong.error().httpStatus, 401);
    QVERIFY2(wrong.error().message.startsWith(QLatin1String("AADSTS7000215:")),
             qPrintable(wrong.error().message));
    QVERIFY(!wrong.error().toString().contains(QLatin1String("not-the-secret-xyz")));
    QVERIFY(!wrong.error().message.contains(QLatin1String("Trace ID")));
    const auto unknown = spToken(QStringLiteral("00000000-aaaa-bbbb-cccc-000000000000"),
                                 s_deployerSecret, AzureClient::ArmResource);
    QVERIFY(unknown.error().message.startsWith(QLatin1String("AADSTS700016:")));
    QCOMPARE(unknown.error().code, Error::Code::AuthError);
    QVERIFY(!unknown.error().toString().contains(s_deployerSecret));
    const auto resource
        = spToken(s_deployerId, s_deployerSecret, QStringLiteral("https://vault.azure.net"));
    QVERIFY(resource.error().message.startsWith(QLatin1String("AADSTS500011:")));
    // Another tenant.
    AzureClient client(endpoints());
    std::optional<Result<AzureToken>> out;
    client.servicePrincipalToken(
        {QStringLiteral("11111111-2222-3333-4444-555555555555"), s_deployerId, s_deployerSecret},
        AzureClient::ArmResource, [&](const Result<AzureToken> &r) { out = r; });
    QVERIFY(waitFor(out));
    QVERIFY(out->error().message.startsWith(QLatin1String("AADSTS90002:")));
    // Missing parts are refused before any request.
    out.reset();
    client.servicePrincipalToken({s_tenant, s_deployerId, QString()}, AzureClient::ArmResource,
                                 [&](const Result<AzureToken> &r) { out = r; });
    QVERIFY(out.has_value());
    QCOMPARE(out->error().code, Error::Code::AuthError);
}

void tst_AzureSim::answersFollowPublishedExamples()
{
    const auto token = spToken(s_deployerId, s_deployerSecret, AzureClient::ArmResource);
    QVERIFY(token);
    const QByteArray t = token.value().accessToken;

    // managedClusters list: the example's cluster and the simulator's have the same shape.
    auto r = raw(t, "GET",
                 QStringLiteral("/azure/arm/subscriptions/%1/providers/Microsoft.ContainerService/"
                                "managedClusters?api-version=2024-09-01")
                     .arg(s_prod));
    QVERIFY(r);
    QCOMPARE(r.value().status, 200);
    const auto list = JsonRead::parse(r.value().body);
    const auto example = exampleBody(QStringLiteral("ManagedClustersList.json"));
    QCOMPARE(list.at("value").size(), 1u);
    const auto &cluster = list.at("value").front();
    const auto &exampleCluster = example.at("value").front();
    QStringList mismatches = typeMismatches(exampleCluster, cluster);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
    for (const char *key : {"id", "location", "name", "tags", "type", "eTag", "properties"})
        QVERIFY2(cluster.contains(key), key);
    for (const char *key :
         {"provisioningState", "kubernetesVersion", "currentKubernetesVersion", "maxAgentPools",
          "dnsPrefix", "fqdn", "agentPoolProfiles", "servicePrincipalProfile", "nodeResourceGroup",
          "enableRBAC", "networkProfile"})
        QVERIFY2(cluster.at("properties").contains(key), key);
    for (auto it = exampleCluster.at("properties").at("agentPoolProfiles").front().begin();
         it != exampleCluster.at("properties").at("agentPoolProfiles").front().end(); ++it)
        QVERIFY2(cluster.at("properties").at("agentPoolProfiles").front().contains(it.key()),
                 it.key().c_str());
    QCOMPARE(cluster.at("type"), exampleCluster.at("type"));
    QCOMPARE(QString::fromStdString(cluster.at("id").get<std::string>()), s_clusterId);
    QCOMPARE(cluster.at("location"), "francecentral");
    QCOMPARE(cluster.at("properties").at("currentKubernetesVersion"), "1.32.5");
    QCOMPARE(cluster.at("properties").at("aadProfile").at("managed"), true);

    // GET of the one cluster: the list's item.
    r = raw(t, "GET", QStringLiteral("/azure/arm%1?api-version=2024-09-01").arg(s_clusterId));
    QCOMPARE(r.value().status, 200);
    auto one = JsonRead::parse(r.value().body);
    one.erase("identity"); // its principalId is made up per answer
    auto listed = cluster;
    listed.erase("identity");
    QCOMPARE(one, listed);

    // listClusterUserCredential: {kubeconfigs: [{name, value}]} as published.
    r = raw(t, "POST",
            QStringLiteral("/azure/arm%1/listClusterUserCredential?api-version=2024-09-01")
                .arg(s_clusterId));
    QCOMPARE(r.value().status, 200);
    const auto credentials = JsonRead::parse(r.value().body);
    const auto exampleCredentials
        = exampleBody(QStringLiteral("ManagedClustersListClusterUserCredentials.json"));
    mismatches = typeMismatches(exampleCredentials, credentials);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
    QCOMPARE(credentials.size(), exampleCredentials.size());
    QCOMPARE(credentials.at("kubeconfigs").front().size(),
             exampleCredentials.at("kubeconfigs").front().size());

    // Subscriptions: every member of the published example is there, with its type.
    r = raw(t, "GET", QStringLiteral("/azure/arm/subscriptions?api-version=2022-12-01"));
    QCOMPARE(r.value().status, 200);
    const auto subs = JsonRead::parse(r.value().body);
    const auto exampleSubs = exampleBody(QStringLiteral("GetSubscriptions.json"));
    QCOMPARE(subs.at("value").size(), 2u);
    for (auto it = exampleSubs.at("value").front().begin();
         it != exampleSubs.at("value").front().end(); ++it)
        if (it.key() != "tags") // optional: ARM leaves it out when a subscription has none
            QVERIFY2(subs.at("value").front().contains(it.key()), it.key().c_str());
    mismatches = typeMismatches(exampleSubs.at("value").front(), subs.at("value").front());
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
}

void tst_AzureSim::armRefusesBadRequests()
{
    const QString list = QStringLiteral("/azure/arm/subscriptions/%1/providers/"
                                        "Microsoft.ContainerService/managedClusters")
                             .arg(s_prod);
    auto r = raw({}, "GET", list + QStringLiteral("?api-version=2024-09-01"));
    QCOMPARE(r.value().status, 401);
    QVERIFY(r.value().body.contains("AuthenticationFailed"));
    const auto aks = spToken(s_deployerId, s_deployerSecret, AzureClient::AksServerApp);
    r = raw(aks.value().accessToken, "GET", list + QStringLiteral("?api-version=2024-09-01"));
    QCOMPARE(r.value().status, 401);
    QVERIFY(r.value().body.contains("InvalidAuthenticationTokenAudience"));
    QByteArray forged
        = spToken(s_deployerId, s_deployerSecret, AzureClient::ArmResource).value().accessToken;
    forged.chop(2);
    r = raw(forged, "GET", list + QStringLiteral("?api-version=2024-09-01"));
    QCOMPARE(r.value().status, 401);
    const QByteArray arm
        = spToken(s_deployerId, s_deployerSecret, AzureClient::ArmResource).value().accessToken;
    r = raw(arm, "GET", list);
    QCOMPARE(r.value().status, 400);
    QVERIFY(r.value().body.contains("MissingApiVersionParameter"));
    r = raw(arm, "GET",
            QStringLiteral("/azure/arm/subscriptions/99999999-0000-0000-0000-000000000000/"
                           "providers/Microsoft.ContainerService/managedClusters?api-version=1"));
    QCOMPARE(r.value().status, 404);
    QVERIFY(r.value().body.contains("SubscriptionNotFound"));
    r = raw(arm, "GET",
            QStringLiteral("/azure/arm/subscriptions/%1/resourceGroups/rg-chat/providers/"
                           "Microsoft.ContainerService/managedClusters/nope?api-version=1")
                .arg(s_prod));
    QCOMPARE(r.value().status, 404);
    QVERIFY(r.value().body.contains("ResourceNotFound"));
    // The ARM token is not a Kubernetes credential.
    ClusterConnection c;
    c.server = m_server;
    c.certificateAuthorityPem = m_clusterCa;
    HttpTransport cluster(c);
    ApiRequest request = ApiRequest::get(QStringLiteral("/api/v1/namespaces"));
    request.headers = {{"Authorization", "Bearer " + arm}};
    std::optional<Result<ApiResponse>> out;
    cluster.send(request, this, [&](const Result<ApiResponse> &res) { out = res; });
    QVERIFY(waitFor(out));
    QCOMPARE(out->value().status, 401);
}

void tst_AzureSim::identifyAndDiscover()
{
    AzureAccount account(servicePrincipal(s_deployerId, s_deployerSecret));
    QCOMPARE(account.id(), QStringLiteral("azure:") + s_tenant);
    std::optional<Result<CloudIdentity>> identity;
    account.identify([&](const Result<CloudIdentity> &r) { identity = r; });
    QVERIFY(waitFor(identity));
    QVERIFY2(*identity, *identity ? "" : qPrintable(identity->error().toString()));
    QCOMPARE(identity->value().principal, s_deployerId);
    QVERIFY(identity->value().source.contains(s_deployerId));
    QVERIFY(!identity->value().source.contains(s_deployerSecret));
    QVERIFY(identity->value().expiresAt > QDateTime::currentDateTimeUtc().addSecs(3000));

    const auto found = discover(account);
    QVERIFY2(found, found ? "" : qPrintable(found.error().toString()));
    QVERIFY(found.value().groupErrors.isEmpty());
    QCOMPARE(found.value().resources.size(), 1);
    const CloudResource &r = found.value().resources.constFirst();
    QCOMPARE(r.kind, CloudResource::Kind::Cluster);
    QCOMPARE(r.provider, QStringLiteral("azure"));
    QCOMPARE(r.accountId, account.id());
    QCOMPARE(r.group, QStringLiteral("chat-app-prod"));
    QCOMPARE(r.name, QStringLiteral("aks-chat"));
    QCOMPARE(r.location, QStringLiteral("francecentral"));
    QCOMPARE(r.ref, s_clusterId);
    QCOMPARE(r.version, QStringLiteral("1.32.5"));
    QCOMPARE(r.status, QStringLiteral("Succeeded"));
    QCOMPARE(r.server, m_server);
    QCOMPARE(r.caPem, m_clusterCa);
}

void tst_AzureSim::kubeconfigEntryIsWhatAzWrites()
{
    AzureAccount account(servicePrincipal(s_deployerId, s_deployerSecret));
    CloudResource unknown;
    unknown.ref = s_clusterId;
    QCOMPARE(account.kubeconfigEntry(unknown).error().code, Error::Code::NotFound);
    const auto found = discover(account);
    QVERIFY(found);
    const auto entry = account.kubeconfigEntry(found.value().resources.constFirst());
    QVERIFY2(entry, entry ? "" : qPrintable(entry.error().toString()));
    // `az aks get-credentials -g rg-chat -n aks-chat` merges the user kubeconfig as AKS
    // hands it out: context and cluster named after the cluster, user clusterUser_RG_NAME,
    // kubelogin in devicecode mode for the AKS server application.
    QCOMPARE(entry.value().context.name, QStringLiteral("aks-chat"));
    QCOMPARE(entry.value().context.clusterName, QStringLiteral("aks-chat"));
    QCOMPARE(entry.value().context.userName, QStringLiteral("clusterUser_rg-chat_aks-chat"));
    QCOMPARE(entry.value().cluster.name, QStringLiteral("aks-chat"));
    QCOMPARE(entry.value().cluster.server, m_server);
    QCOMPARE(entry.value().cluster.certificateAuthorityData, m_clusterCa);
    QCOMPARE(entry.value().user.name, QStringLiteral("clusterUser_rg-chat_aks-chat"));
    QVERIFY(entry.value().user.exec);
    const KubeExecConfig &exec = *entry.value().user.exec;
    QCOMPARE(exec.command, QStringLiteral("kubelogin"));
    QCOMPARE(exec.apiVersion, QStringLiteral("client.authentication.k8s.io/v1beta1"));
    QCOMPARE(exec.args, QStringList({"get-token", "--environment", "AzurePublicCloud",
                                     "--server-id", AzureClient::AksServerApp, "--client-id",
                                     "80faf920-1908-4b52-b5ef-a8e7bedfc67a", "--tenant-id",
                                     s_tenant, "--login", "devicecode"}));
    QVERIFY(exec.installHint.contains(QLatin1String("https://aka.ms/aks/kubelogin")));
    QVERIFY(!exec.provideClusterInfo);
}

void tst_AzureSim::connectWithEntraToken()
{
    AzureAccount account(servicePrincipal(s_deployerId, s_deployerSecret));
    CloudResource cluster;
    cluster.ref = s_clusterId;
    cluster.name = QStringLiteral("aks-chat");
    // Without a discovery first: the account fetches the credentials itself.
    std::optional<Result<ClusterConnection>> connection;
    account.connectCluster(cluster, [&](const Result<ClusterConnection> &r) { connection = r; });
    QVERIFY(waitFor(connection));
    QVERIFY2(*connection, *connection ? "" : qPrintable(connection->error().toString()));
    QCOMPARE(connection->value().server, m_server);
    QCOMPARE(connection->value().contextName, QStringLiteral("aks-chat"));
    QVERIFY(connection->value().credentials);
    QCOMPARE(connection->value().credentials->authKind(), QStringLiteral("token"));
    // No token yet: the transport asks on a thread of its own, the account answers on this one.
    QVERIFY(!connection->value().credentials->credentialIfReady().has_value());
    HttpTransport transport(connection->value());
    std::optional<Result<ApiResponse>> out;
    transport.get(QStringLiteral("/api/v1/namespaces/production/secrets"), this,
                  [&](const Result<ApiResponse> &r) { out = r; });
    QVERIFY(waitFor(out));
    QVERIFY2(*out, *out ? "" : qPrintable(out->error().toString()));
    QCOMPARE(out->value().status, 200); // system:masters through the scenario's groups
    const auto ready = connection->value().credentials->credentialIfReady();
    QVERIFY(ready.has_value() && *ready);
    const QByteArray token = ready->value().bearerToken;
    const auto claims = AzureJson::claims(token);
    QCOMPARE(claims.objectId, s_deployerObject);
    // A rejected token is forgotten, and the next request gets a fresh one.
    connection->value().credentials->reportUnauthorized(ready->value());
    QVERIFY(!connection->value().credentials->credentialIfReady().has_value());
    out.reset();
    transport.get(QStringLiteral("/api/v1/namespaces"), this,
                  [&](const Result<ApiResponse> &r) { out = r; });
    QVERIFY(waitFor(out));
    QCOMPARE(out->value().status, 200);
}

void tst_AzureSim::kubectlAcceptsTheAksToken()
{
    const auto aks = spToken(s_deployerId, s_deployerSecret, AzureClient::AksServerApp);
    QVERIFY(aks);
    const QString caFile = m_dir.filePath(QStringLiteral("cluster-ca.pem"));
    QFile ca(caFile);
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write(m_clusterCa);
    ca.close();
    const QString kubeconfig = m_dir.filePath(QStringLiteral("token-kubeconfig"));
    QFile kc(kubeconfig);
    QVERIFY(kc.open(QIODevice::WriteOnly));
    kc.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: aks\n  cluster:\n"
                            "    server: %1\n    certificate-authority: %2\ncontexts:\n"
                            "- name: aks\n  context: {cluster: aks, user: nobody}\n"
                            "users:\n- name: nobody\n  user: {}\ncurrent-context: aks\n")
                 .arg(m_server, caFile)
                 .toUtf8());
    kc.close();
    auto r = Test::runKubectl(
        kubeconfig, m_dir.path(),
        {QStringLiteral("--token"), QString::fromLatin1(aks.value().accessToken),
         QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-n"),
         QStringLiteral("production"), QStringLiteral("-o"), QStringLiteral("name")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("deployment.apps/chat-app-backend")), qPrintable(r.out));
    r = Test::runKubectl(kubeconfig, m_dir.path(),
                         {QStringLiteral("--token"), QStringLiteral("eyJhIjoxfQ.eyJhIjoxfQ.c2ln"),
                          QStringLiteral("get"), QStringLiteral("ns")});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QLatin1String("Unauthorized"))
                 || r.err.contains(QLatin1String("must be logged in")),
             qPrintable(r.err));
}

void tst_AzureSim::readerCannotListCredentials()
{
    AzureAccount account(servicePrincipal(s_readerId, s_readerSecret));
    const auto found = discover(account);
    QVERIFY(found);
    QCOMPARE(found.value().resources.size(), 1);
    const CloudResource &r = found.value().resources.constFirst();
    // The cluster is listed (Reader may read it), its server as ARM gives it.
    QCOMPARE(r.name, QStringLiteral("aks-chat"));
    QVERIFY2(r.server.startsWith(QLatin1String("https://aks-chat-rg-chat-000000-"))
                 && r.server.endsWith(QLatin1String(".hcp.francecentral.azmk8s.io:443")),
             qPrintable(r.server));
    QVERIFY(r.caPem.isEmpty());
    const auto entry = account.kubeconfigEntry(r);
    QVERIFY(!entry);
    QCOMPARE(entry.error().code, Error::Code::Forbidden);
    QVERIFY2(entry.error().message.contains(QLatin1String("listClusterUserCredential")),
             qPrintable(entry.error().message));
    std::optional<Result<ClusterConnection>> connection;
    account.connectCluster(r, [&](const Result<ClusterConnection> &c) { connection = c; });
    QVERIFY(waitFor(connection));
    QCOMPARE(connection->error().code, Error::Code::Forbidden);
}

void tst_AzureSim::azCliLogin()
{
    // A stand-in az: prints what `az account get-access-token --output json [--resource R]`
    // prints for a logged-in user (the tokens come from the simulated Entra ID), and records
    // its arguments.
    const auto arm = spToken(s_deployerId, s_deployerSecret, AzureClient::ArmResource);
    const auto aks = spToken(s_deployerId, s_deployerSecret, AzureClient::AksServerApp);
    QVERIFY(arm && aks);
    auto json = [](const AzureToken &t) {
        return QStringLiteral("{\"accessToken\": \"%1\", \"expiresOn\": \"%2\", \"expires_on\": "
                              "%3, \"subscription\": \"%4\", \"tenant\": \"%5\", \"tokenType\": "
                              "\"Bearer\"}")
            .arg(QString::fromLatin1(t.accessToken),
                 t.expiresOn.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz000")))
            .arg(t.expiresOn.toSecsSinceEpoch())
            .arg(s_prod, s_tenant);
    };
    const QString log = m_dir.filePath(QStringLiteral("az-args"));
    const QString az = writeScript(
        QStringLiteral("az"),
        QStringLiteral("echo \"$*\" >> '%1'\ncase \"$*\" in\n*6dae42f8*) cat <<'EOF'\n%2\nEOF\n;;\n"
                       "*) cat <<'EOF'\n%3\nEOF\n;;\nesac\n")
            .arg(log, json(aks.value()), json(arm.value())));
    AzureAccount::Options options;
    options.endpoints = endpoints();
    options.azProgram = az;
    AzureAccount account(options);
    QCOMPARE(account.id(), QStringLiteral("azure:az"));
    std::optional<Result<CloudIdentity>> identity;
    account.identify([&](const Result<CloudIdentity> &r) { identity = r; });
    QVERIFY(waitFor(identity));
    QVERIFY2(*identity, *identity ? "" : qPrintable(identity->error().toString()));
    QCOMPARE(identity->value().source, QStringLiteral("az login"));
    QCOMPARE(identity->value().expiresAt.toSecsSinceEpoch(),
             arm.value().expiresOn.toSecsSinceEpoch());
    const auto found = discover(account);
    QVERIFY(found);
    QCOMPARE(found.value().resources.size(), 1);
    std::optional<Result<ClusterConnection>> connection;
    account.connectCluster(found.value().resources.constFirst(),
                           [&](const Result<ClusterConnection> &r) { connection = r; });
    QVERIFY(waitFor(connection));
    QVERIFY(*connection);
    HttpTransport transport(connection->value());
    std::optional<Result<ApiResponse>> out;
    transport.get(QStringLiteral("/api/v1/namespaces"), this,
                  [&](const Result<ApiResponse> &r) { out = r; });
    QVERIFY(waitFor(out));
    QCOMPARE(out->value().status, 200);
    QFile args(log);
    QVERIFY(args.open(QIODevice::ReadOnly));
    const QStringList calls
        = QString::fromUtf8(args.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // The ARM token once (cached across identify and discover), the AKS token once.
    QCOMPARE(calls, QStringList({"account get-access-token --output json --resource "
                                 "https://management.azure.com/",
                                 "account get-access-token --output json --resource "
                                 "6dae42f8-4368-4678-94ff-3960e28e3630"}));
}

void tst_AzureSim::azCliFailures()
{
    AzureAccount::Options options;
    options.endpoints = endpoints();
    auto identifyWith = [&](const QString &program) {
        options.azProgram = program;
        AzureAccount account(options);
        std::optional<Result<CloudIdentity>> identity;
        account.identify([&](const Result<CloudIdentity> &r) { identity = r; });
        if (!waitFor(identity))
            return Result<CloudIdentity>(Error(Error::Code::Timeout, QStringLiteral("no answer")));
        return *identity;
    };
    auto r = identifyWith(writeScript(
        QStringLiteral("az-logged-out"),
        QStringLiteral("echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n")));
    QCOMPARE(r.error().code, Error::Code::AuthError);
    QCOMPARE(r.error().hint, QStringLiteral("ERROR: Please run 'az login' to setup account."));
    r = identifyWith(m_dir.filePath(QStringLiteral("no-such-az")));
    QCOMPARE(r.error().code, Error::Code::AuthError);
    QVERIFY(r.error().hint.contains(QLatin1String("AZURE_CLIENT_ID")));
    r = identifyWith(writeScript(QStringLiteral("az-chatty"),
                                 QStringLiteral("head -c 100000 /dev/zero | tr '\\0' x\n")));
    QCOMPARE(r.error().code, Error::Code::TooLarge);
    r = identifyWith(
        writeScript(QStringLiteral("az-garbled"), QStringLiteral("echo '{\"x\": 1'\n")));
    QCOMPARE(r.error().code, Error::Code::ParseError);
}

void tst_AzureSim::pagingAcrossSubscriptions()
{
    // 45 more clusters in the dev subscription: three pages of 20, 20 and 5.
    m_azure->addSyntheticClusters(s_dev.toStdString(), "rg-fleet", "fleet", 45);
    const auto token = spToken(s_deployerId, s_deployerSecret, AzureClient::ArmResource);
    const auto r = raw(token.value().accessToken, "GET",
                       QStringLiteral("/azure/arm/subscriptions/%1/providers/"
                                      "Microsoft.ContainerService/managedClusters"
                                      "?api-version=2024-09-01")
                           .arg(s_dev));
    const auto first = JsonRead::parse(r.value().body);
    QCOMPARE(first.at("value").size(), std::size_t(Sim::AzureService::PageSize));
    const QString next = QString::fromStdString(first.at("nextLink").get<std::string>());
    QVERIFY2(next.startsWith(m_front + QStringLiteral("/azure/arm/subscriptions/") + s_dev),
             qPrintable(next));
    QVERIFY(next.endsWith(QLatin1String("&$skipToken=20")));

    AzureClient client(endpoints());
    std::optional<AksDiscovery> found;
    client.managedClusters(token.value(), {s_prod, s_dev, s_dev.toUpper()},
                           [&](const AksDiscovery &d) { found = d; });
    QVERIFY(waitFor(found));
    QVERIFY(found->subscriptionErrors.isEmpty());
    QCOMPARE(found->clusters.size(), 46);
    QCOMPARE(found->clusters.constFirst().name, QStringLiteral("aks-chat"));
    QStringList fleet;
    for (const AksClusterInfo &c : found->clusters)
        if (c.subscriptionId == s_dev)
            fleet << c.name;
    QCOMPARE(fleet.size(), 45);
    QCOMPARE(fleet.removeDuplicates(), 0);

    // An unknown subscription fails alone; the others are listed.
    found.reset();
    client.managedClusters(token.value(), {s_prod, QStringLiteral("99999999-0000-0000-0000-0")},
                           [&](const AksDiscovery &d) { found = d; });
    QVERIFY(waitFor(found));
    QCOMPARE(found->clusters.size(), 1);
    QCOMPARE(found->subscriptionErrors.size(), 1);
    QCOMPARE(found->subscriptionErrors.first().code, Error::Code::NotFound);

    // The account: both subscriptions as groups, every cluster with its credentials.
    AzureAccount account(servicePrincipal(s_deployerId, s_deployerSecret));
    const auto all = discover(account);
    QVERIFY(all);
    QCOMPARE(all.value().resources.size(), 46);
    QCOMPARE(all.value().resources.constFirst().group, QStringLiteral("chat-app-dev"));
    QCOMPARE(all.value().resources.constLast().group, QStringLiteral("chat-app-prod"));
    for (const CloudResource &c : all.value().resources)
        QVERIFY2(account.kubeconfigEntry(c), qPrintable(c.name));
}

QProcessEnvironment tst_AzureSim::azEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AZURE_CONFIG_DIR"), m_dir.filePath(QStringLiteral("azure-cli")));
    env.insert(QStringLiteral("REQUESTS_CA_BUNDLE"),
               m_dir.filePath(QStringLiteral("front-ca.pem")));
    env.insert(QStringLiteral("AZURE_CORE_COLLECT_TELEMETRY"), QStringLiteral("false"));
    env.insert(QStringLiteral("AZURE_CORE_NO_COLOR"), QStringLiteral("true"));
    env.insert(QStringLiteral("AZURE_CORE_ONLY_SHOW_ERRORS"), QStringLiteral("true"));
    env.insert(QStringLiteral("KUBECONFIG"), m_dir.filePath(QStringLiteral("az-kubeconfig")));
    return env;
}

tst_AzureSim::AzResult tst_AzureSim::az(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(azEnvironment());
    p.start(QStringLiteral("az"), args);
    AzResult r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void tst_AzureSim::azureCliJudge()
{
    // The real az CLI (Debian's azure-cli) against the simulator: it logs in with the
    // deployer's secret through the AD FS authority (active directory = the front, tenant
    // "adfs": FRONT/adfs; MSAL asks login.microsoftonline.com about any other custom
    // authority), lists the AKS clusters, writes the kubeconfig entries Orrery must match,
    // and hands Orrery its tokens through `az account get-access-token`.
    if (QStandardPaths::findExecutable(QStringLiteral("az")).isEmpty())
        QSKIP("the Azure CLI (az) is not installed (scripts/deps.sh installs azure-cli)");
    QFile ca(m_dir.filePath(QStringLiteral("front-ca.pem")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write(QByteArray::fromStdString(m_sim->servicesCaCertificate()));
    ca.close();
    auto r = az({"cloud", "register", "--name", "OrrerySim", "--endpoint-resource-manager",
                 m_front + QStringLiteral("/azure/arm/"), "--endpoint-active-directory", m_front,
                 "--endpoint-active-directory-resource-id", "https://management.core.windows.net/",
                 "--endpoint-active-directory-graph-resource-id", "https://graph.windows.net/",
                 "--endpoint-management", "https://management.core.windows.net/"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = az({"cloud", "set", "--name", "OrrerySim"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = az({"login", "--service-principal", "--username", s_deployerId, "--password",
            s_deployerSecret, "--tenant", "adfs", "--output", "json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto subs = JsonRead::parse(r.out);
    QVERIFY2(subs.is_array() && subs.size() == 2, r.out.constData());

    r = az({"aks", "list", "--subscription", s_prod, "--output", "json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto clusters = JsonRead::parse(r.out);
    QVERIFY2(clusters.is_array() && clusters.size() == 1, r.out.constData());
    QCOMPARE(JsonRead::string(clusters.front(), "name"), QStringLiteral("aks-chat"));
    QCOMPARE(JsonRead::string(clusters.front(), "resourceGroup"), QStringLiteral("rg-chat"));
    QCOMPARE(JsonRead::string(clusters.front(), "currentKubernetesVersion"),
             QStringLiteral("1.32.5"));

    // az aks get-credentials writes what kubeconfigEntry() says, entry for entry.
    const QString file = m_dir.filePath(QStringLiteral("az-get-credentials"));
    r = az({"aks", "get-credentials", "--subscription", s_prod, "--resource-group", "rg-chat",
            "--name", "aks-chat", "--file", file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const Kubeconfig written = Kubeconfig::loadFiles({file});
    QVERIFY(written.errors().isEmpty());
    AzureAccount account(servicePrincipal(s_deployerId, s_deployerSecret));
    CloudResource cluster;
    cluster.ref = s_clusterId;
    std::optional<Result<ClusterConnection>> connected;
    account.connectCluster(cluster, [&](const Result<ClusterConnection> &c) { connected = c; });
    QVERIFY(waitFor(connected));
    const auto entry = account.kubeconfigEntry(cluster);
    QVERIFY(entry);
    QCOMPARE(written.contextNames(), QStringList{entry.value().context.name});
    QCOMPARE(written.currentContext(), entry.value().context.name);
    const auto context = written.context(entry.value().context.name);
    QCOMPARE(context->clusterName, entry.value().context.clusterName);
    QCOMPARE(context->userName, entry.value().context.userName);
    const auto writtenCluster = written.cluster(context->clusterName);
    QCOMPARE(writtenCluster->server, entry.value().cluster.server);
    QCOMPARE(writtenCluster->certificateAuthorityData,
             entry.value().cluster.certificateAuthorityData);
    const auto writtenUser = written.user(context->userName);
    QVERIFY(writtenUser->exec && entry.value().user.exec);
    QCOMPARE(writtenUser->exec->command, entry.value().user.exec->command);
    QCOMPARE(writtenUser->exec->args, entry.value().user.exec->args);
    QCOMPARE(writtenUser->exec->apiVersion, entry.value().user.exec->apiVersion);

    // Orrery with the az login: the tokens are az's own.
    const QString wrapper
        = writeScript(QStringLiteral("az-real"),
                      QStringLiteral("export AZURE_CONFIG_DIR='%1' REQUESTS_CA_BUNDLE='%2' "
                                     "AZURE_CORE_COLLECT_TELEMETRY=false\nexec az \"$@\"\n")
                          .arg(azEnvironment().value(QStringLiteral("AZURE_CONFIG_DIR")),
                               azEnvironment().value(QStringLiteral("REQUESTS_CA_BUNDLE"))));
    AzureAccount::Options options;
    options.endpoints = endpoints();
    options.azProgram = wrapper;
    AzureAccount viaAz(options);
    const auto found = discover(viaAz);
    QVERIFY2(found, found ? "" : qPrintable(found.error().toString()));
    QVERIFY(found.value().groupErrors.isEmpty());
    const auto chat = std::find_if(found.value().resources.cbegin(), found.value().resources.cend(),
                                   [](const CloudResource &c) { return c.ref == s_clusterId; });
    QVERIFY(chat != found.value().resources.cend());
    QCOMPARE(chat->server, m_server);
    std::optional<Result<ClusterConnection>> connection;
    viaAz.connectCluster(*chat, [&](const Result<ClusterConnection> &c) { connection = c; });
    QVERIFY(waitFor(connection));
    QVERIFY(*connection);
    HttpTransport transport(connection->value());
    std::optional<Result<ApiResponse>> out;
    transport.get(QStringLiteral("/api/v1/namespaces"), this,
                  [&](const Result<ApiResponse> &res) { out = res; });
    QVERIFY(waitFor(out, 60000));
    QVERIFY2(*out, *out ? "" : qPrintable(out->error().toString()));
    QCOMPARE(out->value().status, 200);
}

QTEST_GUILESS_MAIN(tst_AzureSim)
#include "tst_azuresim.moc"
