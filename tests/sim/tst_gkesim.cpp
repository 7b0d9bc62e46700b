// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated Google Cloud (sim/google: the GKE container API, the OAuth token endpoint,
// Resource Manager) judged by the real gcloud, gke-gcloud-auth-plugin and kubectl:
// `gcloud container clusters list --format=json` across the zones and regions of two projects
// (CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER on the front, a user's access token file);
// `gcloud container clusters get-credentials` writes a kubeconfig that Orrery's
// GcpAccount::kubeconfigEntry must match entry for entry, and kubectl on that kubeconfig
// reaches the simulated cluster through gke-gcloud-auth-plugin; `gcloud auth
// activate-service-account` exchanges a key's JWT at the simulated token endpoint. Google's
// error objects for a missing, wrong or unauthorised token and an unknown cluster; the token
// endpoint refuses a JWT signed by another key, out of its time window, for another audience
// or without the cloud-platform scope; issued and user tokens reach the Kubernetes API with
// the groups the scenario grants.
//
// Two test scenarios (tests/data/gcp/scenarios, ORRERY_SCENARIO_DIR), one in-process
// Simulator; gcloud takes ~1.5 s per call, six calls: ~15 s.
#include "front/servicefront.h"
#include "google/googleservice.h"
#include "simulator.h"

#include "cloud/gcpaccount.h"
#include "cloud/gcpauth.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"

#include <kubectlprocess.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

#include <memory>

using namespace Orrery;

namespace {

const QString s_userToken = QStringLiteral("ya29.orrery-sim-user-dev");
const QString s_auditorToken = QStringLiteral("ya29.orrery-sim-user-auditor");
const QString s_deployer = QStringLiteral("deployer@orrery-sim-web.iam.gserviceaccount.com");

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class tst_GkeSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void gcloudListsClustersAcrossLocations();
    void getCredentialsMatchesOrrery();
    void kubectlThroughTheAuthPlugin();
    void serviceAccountThroughGcloud();
    void errorObjects();
    void tokenEndpointChecksTheJwt();
    void tokensReachTheKubernetesApi();

private:
    QProcessEnvironment gcloudEnvironment(const QString &project) const;
    CliResult gcloud(const QStringList &args, const QString &project,
                     const QProcessEnvironment &extra = {});
    Result<ApiResponse> get(const QString &server, const QByteArray &ca, const QString &path,
                            const QByteArray &token);
    Result<ApiResponse> postToken(const QByteArray &assertion);
    QByteArray jwt(const GcpServiceAccountKey &key, const QString &aud, const QString &scope,
                   const QDateTime &at);

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::Simulator> m_sim;
    Sim::GoogleService *m_google = nullptr;
    QString m_gcloud;
    QString m_front;
    QString m_ca;
    QByteArray m_caPem;
    QString m_tokenFile;
    QJsonArray m_webListed;
    GcpServiceAccountKey m_key;
};

void tst_GkeSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_gcloud = QStandardPaths::findExecutable(QStringLiteral("gcloud"));
    if (m_gcloud.isEmpty())
        QFAIL("gcloud is not installed (google-cloud-cli, see scripts/deps.sh)");
    qputenv("ORRERY_SCENARIO_DIR", QByteArray(ORRERY_TEST_DATA "/gcp/scenarios"));
    Sim::SimulatorOptions options;
    options.scenarios = {"gke-web", "gke-batch"};
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    qunsetenv("ORRERY_SCENARIO_DIR");
    m_google = dynamic_cast<Sim::GoogleService *>(m_sim->services()->service("google"));
    QVERIFY(m_google);
    m_front = QString::fromStdString(m_sim->servicesUrl());
    m_caPem = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    m_ca = m_dir.filePath(QStringLiteral("services-ca.pem"));
    QFile ca(m_ca);
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write(m_caPem);
    ca.close();
    m_tokenFile = m_dir.filePath(QStringLiteral("access-token"));
    QFile token(m_tokenFile);
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write(s_userToken.toLatin1());
    token.close();
    QFile keyFile(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json"));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const auto key = GcpResponse::parseServiceAccountKey(keyFile.readAll());
    QVERIFY(key);
    m_key = key.value();
}

void tst_GkeSim::cleanupTestCase()
{
    if (m_sim)
        m_sim->stop();
}

QProcessEnvironment tst_GkeSim::gcloudEnvironment(const QString &project) const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("CLOUDSDK_CONFIG"), m_dir.filePath(QStringLiteral("gcloud")));
    env.insert(QStringLiteral("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"), m_tokenFile);
    env.insert(QStringLiteral("CLOUDSDK_CORE_PROJECT"), project);
    env.insert(QStringLiteral("CLOUDSDK_CORE_CHECK_GCE_METADATA"), QStringLiteral("false"));
    env.insert(QStringLiteral("CLOUDSDK_CORE_DISABLE_PROMPTS"), QStringLiteral("1"));
    env.insert(QStringLiteral("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING"), QStringLiteral("true"));
    env.insert(QStringLiteral("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"),
               QStringLiteral("true"));
    env.insert(QStringLiteral("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"), m_ca);
    env.insert(QStringLiteral("CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER"),
               m_front + QStringLiteral("/google/container/"));
    return env;
}

CliResult tst_GkeSim::gcloud(const QStringList &args, const QString &project,
                             const QProcessEnvironment &extra)
{
    QProcessEnvironment env = gcloudEnvironment(project);
    for (const QString &k : extra.keys())
        env.insert(k, extra.value(k));
    if (extra.contains(QStringLiteral("-CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"))) {
        env.remove(QStringLiteral("-CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"));
        env.remove(QStringLiteral("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"));
    }
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(m_gcloud, args);
    CliResult r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void tst_GkeSim::gcloudListsClustersAcrossLocations()
{
    CliResult r = gcloud({QStringLiteral("container"), QStringLiteral("clusters"),
                          QStringLiteral("list"), QStringLiteral("--format=json")},
                         QStringLiteral("orrery-sim-web"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    m_webListed = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(m_webListed.size(), 1);
    const QJsonObject web = m_webListed.first().toObject();
    QCOMPARE(web.value(QLatin1String("name")).toString(), QStringLiteral("web"));
    QCOMPARE(web.value(QLatin1String("location")).toString(), QStringLiteral("europe-west1"));
    QCOMPARE(web.value(QLatin1String("status")).toString(), QStringLiteral("RUNNING"));
    QCOMPARE(web.value(QLatin1String("currentMasterVersion")).toString(),
             QStringLiteral("1.30.5-gke.1014001"));
    QCOMPARE(web.value(QLatin1String("currentNodeCount")).toInt(), 2);
    const QString server = QString::fromStdString(m_sim->clusterAccess().serverUrl("web"));
    QCOMPARE(QStringLiteral("https://") + web.value(QLatin1String("endpoint")).toString(), server);
    QCOMPARE(QByteArray::fromBase64(web.value(QLatin1String("masterAuth"))
                                        .toObject()
                                        .value(QLatin1String("clusterCaCertificate"))
                                        .toString()
                                        .toLatin1()),
             QByteArray::fromStdString(m_sim->clusterAccess().caCertificate("web")));
    QCOMPARE(web.value(QLatin1String("locations")).toArray().size(), 3);

    // The other project's zonal cluster; the user is granted there too.
    r = gcloud({QStringLiteral("container"), QStringLiteral("clusters"), QStringLiteral("list"),
                QStringLiteral("--format=json")},
               QStringLiteral("orrery-sim-batch"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray batch = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(batch.size(), 1);
    QCOMPARE(batch.first()[QLatin1String("name")].toString(), QStringLiteral("batch"));
    QCOMPARE(batch.first()[QLatin1String("location")].toString(), QStringLiteral("us-central1-a"));
    QCOMPARE(batch.first()[QLatin1String("zone")].toString(), QStringLiteral("us-central1-a"));
}

void tst_GkeSim::getCredentialsMatchesOrrery()
{
    QVERIFY(!m_webListed.isEmpty());
    const QString kubeconfig = m_dir.filePath(QStringLiteral("gcloud-kubeconfig"));
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
    const CliResult r = gcloud({QStringLiteral("container"), QStringLiteral("clusters"),
                                QStringLiteral("get-credentials"), QStringLiteral("web"),
                                QStringLiteral("--location"), QStringLiteral("europe-west1")},
                               QStringLiteral("orrery-sim-web"), extra);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("kubeconfig entry generated for web."), r.err.constData());

    // Orrery's entry for the cluster gcloud listed.
    const auto info = GcpResponse::parseCluster(
        QJsonDocument(m_webListed.first().toObject()).toJson(), QStringLiteral("orrery-sim-web"));
    QVERIFY(info);
    GcpAccount account(
        GcpAccount::gcloudOptions(gcloudEnvironment(QStringLiteral("orrery-sim-web"))));
    const CloudResource resource = GcpAccount::resourceOf(info.value(), account.id());
    const auto entry = account.kubeconfigEntry(resource);
    QVERIFY(entry);

    const Kubeconfig written = Kubeconfig::loadFiles({kubeconfig});
    const QString name = QStringLiteral("gke_orrery-sim-web_europe-west1_web");
    QCOMPARE(written.currentContext(), name);
    QCOMPARE(written.contextNames(), QStringList{name});
    const auto context = written.context(name);
    QVERIFY(context);
    QCOMPARE(entry.value().context.name, context->name);
    QCOMPARE(entry.value().context.clusterName, context->clusterName);
    QCOMPARE(entry.value().context.userName, context->userName);
    QCOMPARE(entry.value().context.namespace_, context->namespace_);
    const auto cluster = written.cluster(context->clusterName);
    QVERIFY(cluster);
    QCOMPARE(entry.value().cluster.name, cluster->name);
    QCOMPARE(entry.value().cluster.server, cluster->server);
    QCOMPARE(entry.value().cluster.certificateAuthorityData, cluster->certificateAuthorityData);
    QCOMPARE(entry.value().cluster.certificateAuthority, cluster->certificateAuthority);
    QCOMPARE(entry.value().cluster.insecureSkipTlsVerify, cluster->insecureSkipTlsVerify);
    QCOMPARE(entry.value().cluster.tlsServerName, cluster->tlsServerName);
    const auto user = written.user(context->userName);
    QVERIFY(user);
    QCOMPARE(entry.value().user.name, user->name);
    QCOMPARE(entry.value().user.authKind(), user->authKind());
    QVERIFY(user->exec && entry.value().user.exec);
    // gcloud probes the plugin and writes its absolute path when it is not on PATH; here it
    // is, so both name the program.
    QCOMPARE(entry.value().user.exec->command, user->exec->command);
    QCOMPARE(entry.value().user.exec->apiVersion, user->exec->apiVersion);
    QCOMPARE(entry.value().user.exec->args, user->exec->args);
    QCOMPARE(entry.value().user.exec->installHint, user->exec->installHint);
    QCOMPARE(entry.value().user.exec->provideClusterInfo, user->exec->provideClusterInfo);
    QCOMPARE(entry.value().user.exec->env, user->exec->env);
    // gcloud writes no interactiveMode (the loader reads that as v1beta1's IfAvailable); the
    // entry leaves it unset too.
    QVERIFY(entry.value().user.exec->interactiveMode.isEmpty());
    QFile raw(kubeconfig);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(!raw.readAll().contains("interactiveMode"));
    QCOMPARE(entry.value().user.token, user->token);
    QVERIFY(!user->hasClientCertificate() && !entry.value().user.hasClientCertificate());
}

void tst_GkeSim::kubectlThroughTheAuthPlugin()
{
    // kubectl runs gke-gcloud-auth-plugin, which runs `gcloud config config-helper` with the
    // environment kubectl got (runKubectl passes ours through).
    const QString kubeconfig = m_dir.filePath(QStringLiteral("gcloud-kubeconfig"));
    QVERIFY(QFile::exists(kubeconfig));
    const QProcessEnvironment env = gcloudEnvironment(QStringLiteral("orrery-sim-web"));
    QList<QPair<QByteArray, QByteArray>> saved;
    for (const QString &k : env.keys()) {
        if (k == QLatin1String("PATH") || k == QLatin1String("HOME"))
            continue;
        saved.append({k.toLatin1(), qgetenv(k.toLatin1().constData())});
        qputenv(k.toLatin1().constData(), env.value(k).toUtf8());
    }
    const auto r = Test::runKubectl(kubeconfig, m_dir.path(),
                                    {QStringLiteral("get"), QStringLiteral("nodes"),
                                     QStringLiteral("-o"), QStringLiteral("name")});
    // The user is in system:masters on web (the scenario's kubernetesGroups).
    const auto canI = Test::runKubectl(kubeconfig, m_dir.path(),
                                       {QStringLiteral("auth"), QStringLiteral("can-i"),
                                        QStringLiteral("get"), QStringLiteral("secrets"),
                                        QStringLiteral("-n"), QStringLiteral("kube-system")});
    for (const auto &[k, v] : saved) {
        if (v.isNull())
            qunsetenv(k.constData());
        else
            qputenv(k.constData(), v);
    }
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2);
    QVERIFY2(r.out.contains(QLatin1String("node/gke-web-default-pool-")), qPrintable(r.out));
    QVERIFY2(canI.exitCode == 0, qPrintable(canI.err));
    QCOMPARE(canI.out.trimmed(), QStringLiteral("yes"));
}

void tst_GkeSim::serviceAccountThroughGcloud()
{
    // google-auth inside gcloud signs the key's JWT; the simulated token endpoint
    // (CLOUDSDK_AUTH_TOKEN_HOST) must accept it, and the token must list the clusters.
    const int issuedBefore = m_google->issuedTokenCount();
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("CLOUDSDK_AUTH_TOKEN_HOST"),
                 m_front + QStringLiteral("/google/oauth2/token"));
    extra.insert(QStringLiteral("-CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"), QString());
    extra.insert(QStringLiteral("CLOUDSDK_CONFIG"), m_dir.filePath(QStringLiteral("gcloud-sa")));
    CliResult r
        = gcloud({QStringLiteral("auth"), QStringLiteral("activate-service-account"),
                  QStringLiteral("--key-file=" ORRERY_TEST_DATA "/gcp/service-account.json")},
                 QStringLiteral("orrery-sim-batch"), extra);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = gcloud({QStringLiteral("container"), QStringLiteral("clusters"), QStringLiteral("list"),
                QStringLiteral("--format=json")},
               QStringLiteral("orrery-sim-batch"), extra);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray batch = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(batch.size(), 1);
    QCOMPARE(batch.first()[QLatin1String("name")].toString(), QStringLiteral("batch"));
    QVERIFY(m_google->issuedTokenCount() > issuedBefore);
}

Result<ApiResponse> tst_GkeSim::get(const QString &server, const QByteArray &ca,
                                    const QString &path, const QByteArray &token)
{
    ClusterConnection c;
    c.server = server;
    c.certificateAuthorityPem = ca;
    HttpTransport transport(c);
    ApiRequest request = ApiRequest::get(path);
    if (!token.isEmpty())
        request.headers.append({"Authorization", "Bearer " + token});
    std::optional<Result<ApiResponse>> out;
    transport.send(request, this, [&out](const Result<ApiResponse> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

Result<ApiResponse> tst_GkeSim::postToken(const QByteArray &assertion)
{
    ClusterConnection c;
    c.server = m_front;
    c.certificateAuthorityPem = m_caPem;
    HttpTransport transport(c);
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/google/oauth2/token");
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"),
                      QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
    form.addQueryItem(QStringLiteral("assertion"), QString::fromLatin1(assertion));
    request.body = form.toString(QUrl::FullyEncoded).toLatin1();
    request.contentType = "application/x-www-form-urlencoded";
    std::optional<Result<ApiResponse>> out;
    transport.send(request, this, [&out](const Result<ApiResponse> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

QByteArray tst_GkeSim::jwt(const GcpServiceAccountKey &key, const QString &aud,
                           const QString &scope, const QDateTime &at)
{
    const auto a = GcpJwt::assertion(key, aud, scope, at);
    return a ? a.value() : QByteArray();
}

void tst_GkeSim::errorObjects()
{
    const QString clusters
        = QStringLiteral("/google/container/v1/projects/%1/locations/-/clusters");
    auto errorOf = [](const ApiResponse &r) {
        return QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toObject();
    };
    auto r = get(m_front, m_caPem, clusters.arg(QStringLiteral("orrery-sim-web")), {});
    QVERIFY(r);
    QCOMPARE(r.value().status, 401);
    QCOMPARE(errorOf(r.value()).value(QLatin1String("status")).toString(),
             QStringLiteral("UNAUTHENTICATED"));
    QCOMPARE(errorOf(r.value()).value(QLatin1String("code")).toInt(), 401);
    QVERIFY(
        errorOf(r.value())
            .value(QLatin1String("message"))
            .toString()
            .startsWith(QLatin1String("Request is missing required authentication credential")));
    r = get(m_front, m_caPem, clusters.arg(QStringLiteral("orrery-sim-web")), "ya29.forged");
    QCOMPARE(r.value().status, 401);
    QVERIFY(errorOf(r.value())
                .value(QLatin1String("message"))
                .toString()
                .startsWith(QLatin1String("Request had invalid authentication credentials")));
    // The auditor is granted on orrery-sim-web only.
    r = get(m_front, m_caPem, clusters.arg(QStringLiteral("orrery-sim-batch")),
            s_auditorToken.toLatin1());
    QCOMPARE(r.value().status, 403);
    QCOMPARE(errorOf(r.value()).value(QLatin1String("status")).toString(),
             QStringLiteral("PERMISSION_DENIED"));
    QCOMPARE(errorOf(r.value()).value(QLatin1String("message")).toString(),
             QStringLiteral("Required \"container.clusters.list\" permission(s) for "
                            "\"projects/orrery-sim-batch\"."));
    r = get(m_front, m_caPem,
            QStringLiteral("/google/container/v1/projects/orrery-sim-web/locations/europe-west1/"
                           "clusters/nope"),
            s_userToken.toLatin1());
    QCOMPARE(r.value().status, 404);
    QCOMPARE(errorOf(r.value()).value(QLatin1String("message")).toString(),
             QStringLiteral("Not found: projects/orrery-sim-web/locations/europe-west1/clusters/"
                            "nope."));
    // A zone filter: the regional cluster is not in europe-west1-b's list; {} when empty.
    r = get(m_front, m_caPem,
            QStringLiteral("/google/container/v1/projects/orrery-sim-web/locations/europe-west1-b/"
                           "clusters"),
            s_userToken.toLatin1());
    QCOMPARE(r.value().status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.value().body).object(), QJsonObject());
    // Resource Manager lists the caller's projects.
    r = get(m_front, m_caPem, QStringLiteral("/google/cloudresourcemanager/v1/projects"),
            s_auditorToken.toLatin1());
    QCOMPARE(r.value().status, 200);
    const QJsonArray projects = QJsonDocument::fromJson(r.value().body)
                                    .object()
                                    .value(QLatin1String("projects"))
                                    .toArray();
    QCOMPARE(projects.size(), 1);
    QCOMPARE(projects.first()[QLatin1String("projectId")].toString(),
             QStringLiteral("orrery-sim-web"));
}

void tst_GkeSim::tokenEndpointChecksTheJwt()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString aud = QString::fromLatin1(GcpJwt::DefaultTokenUri);
    const QString scope = QString::fromLatin1(GcpJwt::CloudPlatformScope);
    auto oauth = [](const Result<ApiResponse> &r) {
        const QJsonObject o = QJsonDocument::fromJson(r.value().body).object();
        return o.value(QLatin1String("error")).toString() + QLatin1Char(':')
               + o.value(QLatin1String("error_description")).toString();
    };
    // A good one, with Google's audience and with the simulator's own URL.
    auto r = postToken(jwt(m_key, aud, scope, now));
    QVERIFY(r);
    QCOMPARE(r.value().status, 200);
    const auto token = GcpResponse::parseTokenResponse(r.value().body, now);
    QVERIFY(token);
    QVERIFY(token.value().token.startsWith("ya29."));
    QVERIFY(qAbs(now.secsTo(token.value().expiresAt) - 3599) <= 1);
    r = postToken(jwt(m_key, m_front + QStringLiteral("/google/oauth2/token"), scope, now));
    QCOMPARE(r.value().status, 200);

    // Signed by a key the account does not have.
    QFile other(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account-unknown-key.json"));
    QVERIFY(other.open(QIODevice::ReadOnly));
    GcpServiceAccountKey forged = GcpResponse::parseServiceAccountKey(other.readAll()).value();
    r = postToken(jwt(forged, aud, scope, now));
    QCOMPARE(r.value().status, 400);
    QCOMPARE(oauth(r), QStringLiteral("invalid_grant:Invalid JWT Signature."));
    // The other key, claiming the right key id: still the wrong signature.
    forged.privateKeyId = m_key.privateKeyId;
    r = postToken(jwt(forged, aud, scope, now));
    QCOMPARE(oauth(r), QStringLiteral("invalid_grant:Invalid JWT Signature."));
    // A tampered claim (the signature no longer matches).
    QByteArray tampered = jwt(m_key, aud, scope, now);
    const QList<QByteArray> parts = tampered.split('.');
    QByteArray claims = QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding);
    claims.replace("deployer@", "deployes@");
    QCOMPARE(oauth(postToken(parts.at(0) + '.' + GcpJwt::base64Url(claims) + '.' + parts.at(2))),
             QStringLiteral("invalid_grant:Invalid grant: account not found"));
    claims = QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding);
    claims.replace("cloud-platform", "cloud-platfore");
    QCOMPARE(oauth(postToken(parts.at(0) + '.' + GcpJwt::base64Url(claims) + '.' + parts.at(2))),
             QStringLiteral("invalid_grant:Invalid JWT Signature."));
    // Out of its time window: expired, or issued in the future.
    r = postToken(jwt(m_key, aud, scope, now.addSecs(-2 * 3600)));
    QVERIFY(oauth(r).startsWith(QLatin1String("invalid_grant:Invalid JWT: Token must be a "
                                              "short-lived token")));
    r = postToken(jwt(m_key, aud, scope, now.addSecs(3600)));
    QVERIFY(oauth(r).startsWith(QLatin1String("invalid_grant:Invalid JWT: Token must be")));
    // Another audience; no cloud-platform scope.
    r = postToken(jwt(m_key, QStringLiteral("https://example.com/token"), scope, now));
    QVERIFY(oauth(r).startsWith(QLatin1String("invalid_grant:Invalid JWT: Failed audience check")));
    r = postToken(
        jwt(m_key, aud, QStringLiteral("https://www.googleapis.com/auth/userinfo.email"), now));
    QVERIFY(oauth(r).startsWith(QLatin1String("invalid_scope:")));
    // Not a JWT at all.
    QCOMPARE(postToken("e30.e30").value().status, 400);
    QVERIFY(oauth(postToken("not-a-jwt")).startsWith(QLatin1String("invalid_grant:")));
}

void tst_GkeSim::tokensReachTheKubernetesApi()
{
    const QString web = QString::fromStdString(m_sim->clusterAccess().serverUrl("web"));
    const QByteArray webCa = QByteArray::fromStdString(m_sim->clusterAccess().caCertificate("web"));
    const QString batch = QString::fromStdString(m_sim->clusterAccess().serverUrl("batch"));
    const QByteArray batchCa
        = QByteArray::fromStdString(m_sim->clusterAccess().caCertificate("batch"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto issued = postToken(jwt(m_key, QString::fromLatin1(GcpJwt::DefaultTokenUri),
                                      QString::fromLatin1(GcpJwt::CloudPlatformScope), now));
    const QByteArray saToken
        = GcpResponse::parseTokenResponse(issued.value().body, now).value().token;
    const QString secrets = QStringLiteral("/api/v1/namespaces/kube-system/secrets");
    // The service account is in system:masters on both clusters.
    QCOMPARE(get(web, webCa, secrets, saToken).value().status, 200);
    QCOMPARE(get(batch, batchCa, secrets, saToken).value().status, 200);
    // The user is a master on web; on batch authenticated but bound to nothing.
    QCOMPARE(get(web, webCa, secrets, s_userToken.toLatin1()).value().status, 200);
    QCOMPARE(get(batch, batchCa, secrets, s_userToken.toLatin1()).value().status, 403);
    // The auditor has no access to batch's project at all; unknown tokens are refused.
    QCOMPARE(get(batch, batchCa, secrets, s_auditorToken.toLatin1()).value().status, 401);
    QCOMPARE(get(web, webCa, secrets, "ya29.forged").value().status, 401);
    // An expired token is refused.
    m_google->expireIssuedTokens();
    QCOMPARE(get(web, webCa, secrets, saToken).value().status, 401);
}

QTEST_GUILESS_MAIN(tst_GkeSim)
#include "tst_gkesim.moc"
