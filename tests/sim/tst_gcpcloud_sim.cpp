// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud's Google Cloud account (GcpTokenSource, GcpClient, GcpAccount) against the
// simulated Google Cloud (sim/google) over HTTPS, the server gcloud judges in tst_gkesim: a
// service account key's JWT exchanged at the token endpoint and the token refreshed after
// it expired (a 401 makes the next request fetch a new one); gcloud's own login through
// `gcloud config config-helper` (the real gcloud, once); projects from Resource Manager and
// GKE clusters across projects, zones and regions; a cluster connected in memory with the
// account's token; per-project errors as values; a missing, hanging or garbled gcloud.
#include "front/servicefront.h"
#include "google/googleservice.h"
#include "simulator.h"

#include "cloud/cloudaccounts.h"
#include "cloud/gcpaccount.h"
#include "kube/httptransport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Orrery;

namespace {

const QString s_deployer = QStringLiteral("deployer@orrery-sim-web.iam.gserviceaccount.com");

template <typename T> bool waitFor(const std::optional<T> &value, int ms = 30000)
{
    return QTest::qWaitFor([&] { return value.has_value(); }, ms);
}

} // namespace

class tst_GcpCloudSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void serviceAccountIdentity();
    void discoveryAcrossProjects();
    void connectClusterInMemory();
    void tokenRefreshedAfterExpiry();
    void projectErrorsAreValues();
    void unknownKeyIsAnAuthError();
    void gcloudLogin();
    void gcloudFailures();
    void registryFactory();

private:
    QProcessEnvironment environment() const;
    GcpAccount::Options keyOptions(const QString &file) const;
    Result<CloudIdentity> identify(GcpAccount &account);
    Result<CloudDiscovery> discover(GcpAccount &account);
    QString writeScript(const QString &name, const QByteArray &body);

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::Simulator> m_sim;
    Sim::GoogleService *m_google = nullptr;
    QString m_front;
    QString m_ca;
};

void tst_GcpCloudSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
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
    m_ca = m_dir.filePath(QStringLiteral("services-ca.pem"));
    QFile ca(m_ca);
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write(QByteArray::fromStdString(m_sim->servicesCaCertificate()));
}

void tst_GcpCloudSim::cleanupTestCase()
{
    if (m_sim)
        m_sim->stop();
}

// The environment as gcloud reads it: endpoint overrides, the token host, the CA bundle.
QProcessEnvironment tst_GcpCloudSim::environment() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("CLOUDSDK_CONFIG"), m_dir.filePath(QStringLiteral("gcloud")));
    env.insert(QStringLiteral("CLOUDSDK_CORE_CHECK_GCE_METADATA"), QStringLiteral("false"));
    env.insert(QStringLiteral("CLOUDSDK_CORE_DISABLE_PROMPTS"), QStringLiteral("1"));
    env.insert(QStringLiteral("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"),
               QStringLiteral("true"));
    env.insert(QStringLiteral("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"), m_ca);
    env.insert(QStringLiteral("CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER"),
               m_front + QStringLiteral("/google/container/"));
    env.insert(QStringLiteral("CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER"),
               m_front + QStringLiteral("/google/cloudresourcemanager/"));
    env.insert(QStringLiteral("CLOUDSDK_AUTH_TOKEN_HOST"),
               m_front + QStringLiteral("/google/oauth2/token"));
    return env;
}

GcpAccount::Options tst_GcpCloudSim::keyOptions(const QString &file) const
{
    const auto o = GcpAccount::keyFileOptions(file, environment());
    if (!o)
        qWarning("%s", qPrintable(o.error().toString()));
    return o ? o.value() : GcpAccount::Options();
}

Result<CloudIdentity> tst_GcpCloudSim::identify(GcpAccount &account)
{
    std::optional<Result<CloudIdentity>> out;
    account.identify([&](const Result<CloudIdentity> &r) { out = r; });
    if (!waitFor(out))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

Result<CloudDiscovery> tst_GcpCloudSim::discover(GcpAccount &account)
{
    std::optional<Result<CloudDiscovery>> out;
    account.discover([&](const Result<CloudDiscovery> &r) { out = r; });
    if (!waitFor(out))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

void tst_GcpCloudSim::serviceAccountIdentity()
{
    GcpAccount account(keyOptions(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json")));
    QCOMPARE(account.id(), QStringLiteral("gcp:") + s_deployer);
    QCOMPARE(account.provider(), QStringLiteral("gcp"));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto identity = identify(account);
    QVERIFY2(identity, qPrintable(identity ? QString() : identity.error().toString()));
    QCOMPARE(identity.value().principal, s_deployer);
    QVERIFY(identity.value().source.startsWith(QLatin1String("service account key ")));
    QVERIFY(identity.value().source.endsWith(QLatin1String("service-account.json")));
    // A one-hour token.
    QVERIFY(qAbs(before.secsTo(identity.value().expiresAt) - 3599) <= 5);
    // The token source's URL: CLOUDSDK_AUTH_TOKEN_HOST over the key's token_uri.
    QCOMPARE(account.client()->tokenSource()->tokenUrl().toString(),
             m_front + QStringLiteral("/google/oauth2/token"));
}

void tst_GcpCloudSim::discoveryAcrossProjects()
{
    GcpAccount account(keyOptions(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json")));
    const auto found = discover(account);
    QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
    QVERIFY(found.value().groupErrors.isEmpty());
    // Resource Manager lists both projects; one regional and one zonal cluster.
    QCOMPARE(found.value().resources.size(), 2);
    const CloudResource &batch = found.value().resources.at(0);
    const CloudResource &web = found.value().resources.at(1);
    QCOMPARE(batch.group, QStringLiteral("orrery-sim-batch"));
    QCOMPARE(batch.name, QStringLiteral("batch"));
    QCOMPARE(batch.location, QStringLiteral("us-central1-a"));
    QCOMPARE(batch.version, QStringLiteral("1.31.1-gke.1678000"));
    QCOMPARE(web.group, QStringLiteral("orrery-sim-web"));
    QCOMPARE(web.name, QStringLiteral("web"));
    QCOMPARE(web.location, QStringLiteral("europe-west1"));
    QCOMPARE(web.status, QStringLiteral("RUNNING"));
    QCOMPARE(web.provider, QStringLiteral("gcp"));
    QCOMPARE(web.accountId, account.id());
    QCOMPARE(web.ref, QStringLiteral("https://container.googleapis.com/v1/projects/orrery-sim-web/"
                                     "locations/europe-west1/clusters/web"));
    QCOMPARE(web.server, QString::fromStdString(m_sim->clusterAccess().serverUrl("web")));
    QCOMPARE(web.caPem, QByteArray::fromStdString(m_sim->clusterAccess().caCertificate("web")));
    // One token served every request.
    QCOMPARE(m_google->issuedTokenCount() >= 1, true);

    // Named projects only.
    GcpAccount::Options only
        = keyOptions(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json"));
    only.projects = {QStringLiteral("orrery-sim-batch")};
    GcpAccount named(only);
    const auto batchOnly = discover(named);
    QCOMPARE(batchOnly.value().resources.size(), 1);
    QCOMPARE(batchOnly.value().resources.first().name, QStringLiteral("batch"));
}

void tst_GcpCloudSim::connectClusterInMemory()
{
    GcpAccount account(keyOptions(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json")));
    const auto found = discover(account);
    QVERIFY(found && found.value().resources.size() == 2);
    for (const CloudResource &cluster : found.value().resources) {
        std::optional<Result<ClusterConnection>> connection;
        account.connectCluster(cluster,
                               [&](const Result<ClusterConnection> &c) { connection = c; });
        QVERIFY(waitFor(connection));
        QVERIFY2(*connection,
                 qPrintable(connection->ok() ? QString() : connection->error().toString()));
        QCOMPARE(connection->value().contextName,
                 QStringLiteral("gke_%1_%2_%3").arg(cluster.group, cluster.location, cluster.name));
        QVERIFY(!connection->value().insecureSkipTlsVerify);
        HttpTransport transport(connection->value());
        std::optional<Result<ApiResponse>> nodes;
        transport.get(QStringLiteral("/api/v1/nodes"), this,
                      [&](const Result<ApiResponse> &r) { nodes = r; });
        QVERIFY(waitFor(nodes));
        QVERIFY(*nodes);
        QCOMPARE(nodes->value().status, 200);
        const QJsonArray items = QJsonDocument::fromJson(nodes->value().body)
                                     .object()
                                     .value(QLatin1String("items"))
                                     .toArray();
        QCOMPARE(items.size(), cluster.name == QLatin1String("web") ? 2 : 1);
    }
}

void tst_GcpCloudSim::tokenRefreshedAfterExpiry()
{
    GcpAccount account(keyOptions(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json")));
    QVERIFY(identify(account));
    const int issued = m_google->issuedTokenCount();
    // The server expires every token early; the client's cached one is refused with a 401,
    // dropped, and a new one fetched for the retry.
    m_google->expireIssuedTokens();
    const auto found = discover(account);
    QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
    QCOMPARE(found.value().resources.size(), 2);
    QVERIFY(found.value().groupErrors.isEmpty());
    QVERIFY(m_google->issuedTokenCount() > issued);

    // Before expiry: a token within the refresh margin is replaced without any 401.
    GcpAccount::Options soon
        = keyOptions(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json"));
    soon.source.refreshMarginSeconds = 3600; // every token is "about to expire"
    GcpAccount eager(soon);
    QVERIFY(identify(eager));
    const int afterFirst = m_google->issuedTokenCount();
    QVERIFY(identify(eager));
    QCOMPARE(m_google->issuedTokenCount(), afterFirst + 1);
    QSignalSpy changed(&eager, &CloudAccount::identityChanged);
    // The refresh timer fires at once (clamped to 1 s) and says the identity changed.
    QVERIFY(changed.wait(5000));
}

void tst_GcpCloudSim::projectErrorsAreValues()
{
    GcpAccount::Options o
        = keyOptions(QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json"));
    o.projects = {QStringLiteral("orrery-sim-web"), QStringLiteral("someone-elses")};
    GcpAccount account(o);
    const auto found = discover(account);
    QVERIFY(found);
    QCOMPARE(found.value().resources.size(), 1);
    QCOMPARE(found.value().groupErrors.keys(), QStringList{QStringLiteral("someone-elses")});
    const Error e = found.value().groupErrors.value(QStringLiteral("someone-elses"));
    QCOMPARE(e.code, Error::Code::Forbidden);
    QVERIFY2(e.message.contains(QLatin1String("PERMISSION_DENIED")), qPrintable(e.message));
    QCOMPARE(e.context, QStringLiteral("GKE clusters of project someone-elses"));
}

void tst_GcpCloudSim::unknownKeyIsAnAuthError()
{
    const QString file = QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account-unknown-key.json");
    GcpAccount account(keyOptions(file));
    const auto identity = identify(account);
    QVERIFY(!identity);
    QCOMPARE(identity.error().code, Error::Code::AuthError);
    QCOMPARE(identity.error().message, QStringLiteral("Invalid JWT Signature. (invalid_grant)"));
    QVERIFY(identity.error().hint.contains(QLatin1String("create a new key")));
    const auto found = discover(account);
    QCOMPARE(found.error().code, Error::Code::AuthError);
    // A key file that is not one.
    QCOMPARE(GcpAccount::keyFileOptions(m_ca).error().code, Error::Code::ParseError);
    QCOMPARE(GcpAccount::keyFileOptions(m_dir.filePath(QStringLiteral("none.json"))).error().code,
             Error::Code::FileError);
}

void tst_GcpCloudSim::gcloudLogin()
{
    const QString gcloud = QStandardPaths::findExecutable(QStringLiteral("gcloud"));
    if (gcloud.isEmpty())
        QFAIL("gcloud is not installed (google-cloud-cli, see scripts/deps.sh)");
    // A user's login, as an access token file; the account named as gcloud's core/account.
    const QString tokenFile = m_dir.filePath(QStringLiteral("user-token"));
    QFile token(tokenFile);
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write("ya29.orrery-sim-user-dev");
    token.close();
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"), tokenFile);
    env.insert(QStringLiteral("CLOUDSDK_CORE_ACCOUNT"), QStringLiteral("dev@orrery.test"));
    env.insert(QStringLiteral("CLOUDSDK_CORE_PROJECT"), QStringLiteral("orrery-sim-web"));
    GcpAccount account(GcpAccount::gcloudOptions(env));
    QCOMPARE(account.id(), QStringLiteral("gcp:gcloud"));
    const auto found = discover(account);
    QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
    QCOMPARE(found.value().resources.size(), 2);
    const auto identity = identify(account); // cached: gcloud ran once
    QVERIFY(identity);
    QCOMPARE(identity.value().principal, QStringLiteral("dev@orrery.test"));
    QCOMPARE(identity.value().source, QStringLiteral("gcloud login (configuration default)"));
    QVERIFY(!identity.value().expiresAt.isValid()); // a token file has no expiry
    QCOMPARE(account.displayName(), QStringLiteral("dev@orrery.test"));
    QCOMPARE(account.client()->tokenSource()->project(), QStringLiteral("orrery-sim-web"));
}

QString tst_GcpCloudSim::writeScript(const QString &name, const QByteArray &body)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void tst_GcpCloudSim::gcloudFailures()
{
    auto identifyWith = [this](const QString &program, int timeoutMs) {
        GcpAccount::Options o = GcpAccount::gcloudOptions(environment());
        o.source.gcloudProgram = program;
        o.source.processTimeoutMs = timeoutMs;
        GcpAccount account(o);
        return identify(account);
    };
    // Not installed.
    auto r = identifyWith(m_dir.filePath(QStringLiteral("no-gcloud-here")), 5000);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::AuthError); // could not start
    r = identifyWith(QStringLiteral("gcloud-that-does-not-exist"), 5000);
    QCOMPARE(r.error().code, Error::Code::NotFound);
    QVERIFY(r.error().hint.contains(QLatin1String("service account key")));
    // Not logged in: gcloud's own sentence, and what to run.
    r = identifyWith(writeScript(QStringLiteral("gcloud-logged-out"),
                                 "echo 'ERROR: (gcloud.config.config-helper) You do not currently "
                                 "have an active account selected.' >&2\nexit 1\n"),
                     5000);
    QCOMPARE(r.error().code, Error::Code::AuthError);
    QVERIFY2(r.error().message.contains(
                 QLatin1String("You do not currently have an active account selected.")),
             qPrintable(r.error().message));
    QCOMPARE(r.error().hint, QStringLiteral("run gcloud auth login"));
    // Garbage, then a hang (killed after the timeout, with its children).
    r = identifyWith(writeScript(QStringLiteral("gcloud-garbage"), "echo 'not json'\n"), 5000);
    QCOMPARE(r.error().code, Error::Code::ParseError);
    QElapsedTimer timer;
    timer.start();
    r = identifyWith(writeScript(QStringLiteral("gcloud-hangs"), "sleep 30 & wait\n"), 500);
    QCOMPARE(r.error().code, Error::Code::Timeout);
    QVERIFY(timer.elapsed() < 10000);
}

void tst_GcpCloudSim::registryFactory()
{
    // GOOGLE_APPLICATION_CREDENTIALS makes a key account; gcloud is on PATH but not logged in
    // (no credentials in CLOUDSDK_CONFIG), so no gcloud account. The registry's simulator
    // front replaces the endpoints.
    CloudEnvironment environment;
    environment.env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    environment.env.insert(QStringLiteral("HOME"), m_dir.path());
    environment.env.insert(QStringLiteral("CLOUDSDK_CONFIG"),
                           m_dir.filePath(QStringLiteral("empty")));
    environment.env.insert(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"),
                           QStringLiteral(ORRERY_TEST_DATA "/gcp/service-account.json"));
    environment.env.insert(QStringLiteral("ORRERY_GCP_PROJECTS"),
                           QStringLiteral(" orrery-sim-web ,"));
    environment.servicesFront = QUrl(m_front);
    environment.caPem = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    CloudAccounts accounts;
    accounts.addFactory(QStringLiteral("gcp"), &GcpAccount::fromEnvironment);
    accounts.load(environment);
    QCOMPARE(accounts.accounts().size(), 1);
    auto *account
        = qobject_cast<GcpAccount *>(accounts.account(QStringLiteral("gcp:") + s_deployer));
    QVERIFY(account);
    QCOMPARE(account->client()->tokenSource()->tokenUrl().toString(),
             m_front + QStringLiteral("/google/oauth2/token"));
    const auto found = discover(*account);
    QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
    QCOMPARE(found.value().resources.size(), 1); // ORRERY_GCP_PROJECTS: web only
    QCOMPARE(found.value().resources.first().name, QStringLiteral("web"));
    // A token file makes gcloud's login an account too.
    environment.env.insert(QStringLiteral("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"),
                           m_dir.filePath(QStringLiteral("user-token")));
    accounts.load(environment);
    QCOMPARE(accounts.accounts().size(),
             1 + (QStandardPaths::findExecutable(QStringLiteral("gcloud")).isEmpty() ? 0 : 1));
}

QTEST_GUILESS_MAIN(tst_GcpCloudSim)
#include "tst_gcpcloud_sim.moc"
