// SPDX-License-Identifier: GPL-3.0-or-later
// AWS IAM Identity Center (SSO) profiles end to end over HTTPS against the simulated portal
// (sim/aws, /aws/sso): the token `aws sso login` caches, exchanged by core/cloud's AwsClient
// for a role's credentials (GetRoleCredentials), used for STS and for an EKS cluster through
// AwsAccount; the errors (expired, revoked, unassigned role) and their texts. The real aws CLI
// (v1 here: botocore's SSOProvider reads the same cache and honours AWS_ENDPOINT_URL_SSO)
// judges the simulated portal: same profile, same cache file, same answers.
#include "aws/awsservice.h"

#include <inprocesssimulator.h>

#include "cloud/awsaccount.h"
#include "cloud/awsclient.h"
#include "cloud/awsconfig.h"
#include "cloud/cloudaccounts.h"
#include "kube/httptransport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace Orrery;

namespace {

const QString s_account = QStringLiteral("123456789012");
const QString s_role = QStringLiteral("devops-ppp-eks-admin");

template <typename T> bool waitFor(const std::optional<T> &value, int ms = 20000)
{
    return QTest::qWaitFor([&] { return value.has_value(); }, ms);
}

QString isoIn(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODate);
}

} // namespace

class tst_AwsSsoSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void roleCredentialsFromTheCachedToken();
    void legacyProfileAndRoleChain();
    void expiredCacheSaysToLogIn();
    void tokenThePortalNoLongerKnows();
    void unassignedRoleIsForbidden();
    void accountIdentifiesAndConnects();
    void awsCliJudgesThePortal();

private:
    void writeConfig();
    // Writes the cache file `aws sso login` would, for the session (or legacy start URL).
    void cacheToken(const QString &key, const QByteArray &token, qint64 validSeconds);
    AwsConfig::Plan plan(const QString &profile) const;
    Result<AwsCredentials> resolve(const QString &profile);
    QProcessEnvironment env() const;

    Orrery::Test::InProcessSimulator m_sim;
    Sim::AwsService *m_aws = nullptr;
    QTemporaryDir m_home;
    QString m_front;
    QByteArray m_adminToken;
    AwsClient::Endpoints m_endpoints;
};

void tst_AwsSsoSim::initTestCase()
{
    QVERIFY(m_home.isValid());
    Sim::SimulatorOptions options;
    options.scenarios = {"eks-devops-ppp"};
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    m_aws = m_sim.service<Sim::AwsService>("aws");
    QVERIFY(m_aws);
    m_front = m_sim.servicesUrl();
    const Sim::AwsService::SsoPortal portal = m_aws->ssoPortal();
    QCOMPARE(QString::fromStdString(portal.startUrl),
             QStringLiteral("https://devops-ppp.awsapps.com/start"));
    m_adminToken = QByteArray::fromStdString(m_aws->issueSsoToken("sso-admin"));
    QVERIFY(!m_adminToken.isEmpty());
    QVERIFY(m_aws->issueSsoToken("nobody-at-all").empty());
    m_endpoints
        = {QUrl(m_front + QStringLiteral("/aws/sts")), QUrl(m_front + QStringLiteral("/aws/eks")),
           QUrl(m_front + QStringLiteral("/aws/sso")), m_sim.servicesCaPem()};
    writeConfig();
    cacheToken(QStringLiteral("devops"), m_adminToken, 3600);
}

void tst_AwsSsoSim::cleanupTestCase()
{
    m_sim.stop();
}

void tst_AwsSsoSim::writeConfig()
{
    QDir(m_home.path()).mkpath(QStringLiteral(".aws/sso/cache"));
    QFile f(m_home.filePath(QStringLiteral(".aws/config")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(("[profile sso-admin]\nsso_session = devops\nsso_account_id = " + s_account
             + "\nsso_role_name = " + s_role
             + "\nregion = us-east-1\norrery_regions = us-east-1\n"
               "[sso-session devops]\nsso_start_url = https://devops-ppp.awsapps.com/start\n"
               "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n"
               "[profile sso-unassigned]\nsso_session = devops\nsso_account_id = "
             + s_account
             + "\nsso_role_name = billing-admin\nregion = us-east-1\n"
               "[profile sso-legacy]\nsso_start_url = https://legacy.awsapps.com/start\n"
               "sso_region = us-east-1\nsso_account_id = "
             + s_account + "\nsso_role_name = " + s_role
             + "\n[profile sso-chained]\nrole_arn = arn:aws:iam::" + s_account + ":role/" + s_role
             + "\nsource_profile = sso-admin\nrole_session_name = chained\n"
               "[profile sso-expired]\nsso_session = expired\nsso_account_id = "
             + s_account + "\nsso_role_name = " + s_role
             + "\n[sso-session expired]\nsso_start_url = https://devops-ppp.awsapps.com/start\n"
               "sso_region = us-east-1\n"
               "[profile sso-revoked]\nsso_session = revoked\nsso_account_id = "
             + s_account + "\nsso_role_name = " + s_role
             + "\n[sso-session revoked]\nsso_start_url = https://devops-ppp.awsapps.com/start\n"
               "sso_region = us-east-1\n")
                .toUtf8());
}

void tst_AwsSsoSim::cacheToken(const QString &key, const QByteArray &token, qint64 validSeconds)
{
    AwsSso::Profile p;
    if (key.startsWith(QLatin1String("https://")))
        p.startUrl = key;
    else
        p.session = key;
    QFile f(m_home.filePath(QStringLiteral(".aws/sso/cache/") + AwsSso::cacheKey(p)
                            + QStringLiteral(".json")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    // The CLI v2's cache file, registration fields included (Orrery does not refresh: it
    // says to log in again).
    f.write(R"({"startUrl": "https://devops-ppp.awsapps.com/start", "region": "us-east-1",)"
            R"( "accessToken": ")"
            + token + R"(", "expiresAt": ")" + isoIn(validSeconds).toUtf8()
            + R"(", "clientId": "sim-client", "clientSecret": "sim-client-secret",)"
              R"( "registrationExpiresAt": ")"
            + isoIn(90 * 24 * 3600).toUtf8() + R"("})");
}

QProcessEnvironment tst_AwsSsoSim::env() const
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("HOME"), m_home.path());
    return e;
}

AwsConfig::Plan tst_AwsSsoSim::plan(const QString &profile) const
{
    const auto p = AwsConfig::load(env()).plan(env(), profile);
    return p ? p.value() : AwsConfig::Plan();
}

Result<AwsCredentials> tst_AwsSsoSim::resolve(const QString &profile)
{
    const auto p = AwsConfig::load(env()).plan(env(), profile);
    if (!p)
        return p.error();
    AwsClient client(m_endpoints);
    std::optional<Result<AwsCredentials>> out;
    client.resolve(p.value(), [&](const Result<AwsCredentials> &r) { out = r; });
    if (!waitFor(out))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

void tst_AwsSsoSim::roleCredentialsFromTheCachedToken()
{
    const auto creds = resolve(QStringLiteral("sso-admin"));
    QVERIFY2(creds, qPrintable(creds ? QString() : creds.error().toString()));
    QVERIFY(creds.value().accessKeyId.startsWith(QLatin1String("ASIA")));
    QVERIFY(!creds.value().sessionToken.isEmpty());
    // A permission set's hour.
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(creds.value().expiration);
    QVERIFY2(left > 3500 && left <= 3600, qPrintable(QString::number(left)));
    // STS knows them as a session of the role named after the SSO user.
    AwsClient client(m_endpoints);
    std::optional<Result<QString>> arn;
    client.callerIdentity(creds.value(), QStringLiteral("us-east-1"),
                          [&](const Result<QString> &r) { arn = r; });
    QVERIFY(waitFor(arn));
    QVERIFY2(*arn, qPrintable(*arn ? QString() : arn->error().toString()));
    QCOMPARE(arn->value(), QStringLiteral("arn:aws:sts::123456789012:assumed-role/"
                                          "devops-ppp-eks-admin/sso-admin"));
}

void tst_AwsSsoSim::legacyProfileAndRoleChain()
{
    // The legacy profile's cache file is named after its start URL.
    cacheToken(QStringLiteral("https://legacy.awsapps.com/start"), m_adminToken, 3600);
    const auto legacy = resolve(QStringLiteral("sso-legacy"));
    QVERIFY2(legacy, qPrintable(legacy ? QString() : legacy.error().toString()));
    // SSO at the root of a role chain: the role assumed with the SSO role's credentials
    // (the role trusts only IAM users here, so STS refuses; it is reached, which is the point).
    const auto chained = resolve(QStringLiteral("sso-chained"));
    QVERIFY(!chained);
    QCOMPARE(chained.error().code, Error::Code::Forbidden);
    QVERIFY2(chained.error().message.contains(
                 QLatin1String("assumed-role/devops-ppp-eks-admin/sso-admin is not authorized")),
             qPrintable(chained.error().message));
}

void tst_AwsSsoSim::expiredCacheSaysToLogIn()
{
    // Expired in the cache: no request at all, and what to run.
    cacheToken(QStringLiteral("expired"), m_adminToken, -60);
    const auto r = resolve(QStringLiteral("sso-expired"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::AuthError);
    QCOMPARE(r.error().hint, QStringLiteral("run: aws sso login --profile sso-expired"));
    QVERIFY2(r.error().message.startsWith(
                 QLatin1String("The AWS SSO login for the SSO session \"expired\" expired at ")),
             qPrintable(r.error().message));
    QVERIFY(!r.error().toString().contains(QString::fromLatin1(m_adminToken)));
    // No cache file at all.
    QFile::remove(plan(QStringLiteral("sso-expired")).sso.cacheFile);
    const auto none = resolve(QStringLiteral("sso-expired"));
    QCOMPARE(none.error().code, Error::Code::AuthError);
    QCOMPARE(none.error().toString(),
             QStringLiteral("AWS profile \"sso-expired\": No AWS SSO login is cached for the SSO "
                            "session \"expired\". (run: aws sso login --profile sso-expired)"));
}

void tst_AwsSsoSim::tokenThePortalNoLongerKnows()
{
    // The cache says valid, the portal says no (expired there, or signed out): 401.
    const QByteArray stale = QByteArray::fromStdString(m_aws->issueSsoToken("sso-admin", -1));
    cacheToken(QStringLiteral("revoked"), stale, 3600);
    auto r = resolve(QStringLiteral("sso-revoked"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::AuthError);
    QCOMPARE(r.error().toString(),
             QStringLiteral("AWS profile \"sso-revoked\": The AWS SSO login for the SSO session "
                            "\"revoked\" is no longer valid (UnauthorizedException: Session token "
                            "not found or invalid). (run: aws sso login --profile sso-revoked)"));
    QVERIFY(!r.error().toString().contains(QString::fromLatin1(stale)));
    cacheToken(QStringLiteral("revoked"), "aoa-never-issued", 3600);
    r = resolve(QStringLiteral("sso-revoked"));
    QCOMPARE(r.error().code, Error::Code::AuthError);
    QVERIFY(!r.error().toString().contains(QLatin1String("aoa-never-issued")));
}

void tst_AwsSsoSim::unassignedRoleIsForbidden()
{
    const auto r = resolve(QStringLiteral("sso-unassigned"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Forbidden);
    QCOMPARE(r.error().message, QStringLiteral("The SSO user may not use role billing-admin in "
                                               "account 123456789012 (ForbiddenException: No "
                                               "access)."));
    QVERIFY(!r.error().toString().contains(QString::fromLatin1(m_adminToken)));
}

void tst_AwsSsoSim::accountIdentifiesAndConnects()
{
    CloudEnvironment e;
    e.env = env();
    e.servicesFront = QUrl(m_front);
    e.caPem = m_sim.servicesCaPem();
    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    accounts.load(e);
    CloudAccount *account = accounts.account(QStringLiteral("aws:sso-admin"));
    QVERIFY(account);
    std::optional<Result<CloudIdentity>> identity;
    account->identify([&](const Result<CloudIdentity> &r) { identity = r; });
    QVERIFY(waitFor(identity));
    QVERIFY2(*identity, qPrintable(*identity ? QString() : identity->error().toString()));
    QCOMPARE(
        identity->value().principal,
        QStringLiteral("arn:aws:sts::123456789012:assumed-role/devops-ppp-eks-admin/sso-admin"));
    QVERIFY2(identity->value().source.contains(QLatin1String("AWS SSO")),
             qPrintable(identity->value().source));
    QVERIFY(identity->value().expiresAt > QDateTime::currentDateTimeUtc().addSecs(3500));

    std::optional<Result<CloudDiscovery>> found;
    account->discover([&](const Result<CloudDiscovery> &r) { found = r; });
    QVERIFY(waitFor(found));
    QVERIFY(*found);
    QCOMPARE(found->value().resources.size(), 1);
    const CloudResource cluster = found->value().resources.first();
    QCOMPARE(cluster.name, QStringLiteral("devops-ppp-eks"));

    // The role's session reaches the cluster: aws-auth maps the role.
    std::optional<Result<ClusterConnection>> connection;
    account->connectCluster(cluster, [&](const Result<ClusterConnection> &c) { connection = c; });
    QVERIFY(waitFor(connection));
    QVERIFY2(*connection, qPrintable(*connection ? QString() : connection->error().toString()));
    HttpTransport transport(connection->value());
    std::optional<Result<ApiResponse>> answer;
    transport.get(QStringLiteral("/api/v1/namespaces"), this,
                  [&](const Result<ApiResponse> &r) { answer = r; });
    QVERIFY(waitFor(answer));
    QVERIFY(answer->ok());
    QCOMPARE(answer->value().status, 200);

    // An expired login makes the account say what to run.
    CloudAccount *expired = accounts.account(QStringLiteral("aws:sso-expired"));
    QVERIFY(expired);
    identity.reset();
    expired->identify([&](const Result<CloudIdentity> &r) { identity = r; });
    QVERIFY(waitFor(identity));
    QVERIFY(!*identity);
    QCOMPARE(identity->error().hint, QStringLiteral("run: aws sso login --profile sso-expired"));
}

void tst_AwsSsoSim::awsCliJudgesThePortal()
{
    // aws-cli 1.x: botocore's SSOProvider reads the same ~/.aws/config and cache file and
    // calls GetRoleCredentials at AWS_ENDPOINT_URL_SSO; then STS with what it got.
    QString aws = QStandardPaths::findExecutable(QStringLiteral("aws"));
    if (aws.isEmpty() && QFile::exists(QStringLiteral("/root/.pyenv/shims/aws")))
        aws = QStringLiteral("/root/.pyenv/shims/aws");
    if (aws.isEmpty())
        QFAIL("the aws CLI is not installed (pip's awscli, see scripts/deps.sh)");
    QFile ca(m_home.filePath(QStringLiteral("services-ca.pem")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write(m_sim.servicesCaPem());
    ca.close();
    auto run = [&](const QString &profile) {
        // The CLI caches role credentials in ~/.aws/cli/cache: every run asks the portal.
        QDir(m_home.filePath(QStringLiteral(".aws/cli/cache"))).removeRecursively();
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        e.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
        e.insert(QStringLiteral("AWS_CA_BUNDLE"), ca.fileName());
        e.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), m_front + QStringLiteral("/aws/sso"));
        e.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), m_front + QStringLiteral("/aws/sts"));
        e.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
        e.insert(QStringLiteral("AWS_PAGER"), QString());
        QProcess p;
        p.setProcessEnvironment(e);
        p.start(aws, {QStringLiteral("sts"), QStringLiteral("get-caller-identity"),
                      QStringLiteral("--profile"), profile, QStringLiteral("--output"),
                      QStringLiteral("json")});
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
        }
        return std::make_pair(p.exitCode(), p.readAllStandardOutput() + p.readAllStandardError());
    };
    // Same profile, same cached token: the same caller as Orrery's.
    auto [code, out] = run(QStringLiteral("sso-admin"));
    QVERIFY2(code == 0, out.constData());
    QVERIFY2(
        out.contains(
            "\"Arn\": \"arn:aws:sts::123456789012:assumed-role/devops-ppp-eks-admin/sso-admin\""),
        out.constData());
    // The portal's 403 as the CLI reads it.
    std::tie(code, out) = run(QStringLiteral("sso-unassigned"));
    QVERIFY(code != 0);
    QVERIFY2(out.contains("An error occurred (ForbiddenException) when calling the "
                          "GetRoleCredentials operation: No access"),
             out.constData());
    // The portal's 401: botocore's UnauthorizedSSOTokenError.
    cacheToken(QStringLiteral("revoked"), "aoa-never-issued", 3600);
    std::tie(code, out) = run(QStringLiteral("sso-revoked"));
    QVERIFY(code != 0);
    QVERIFY2(out.contains("The SSO session associated with this profile has expired or is "
                          "otherwise invalid"),
             out.constData());
    QVERIFY(!out.contains("aoa-never-issued"));
}

QTEST_GUILESS_MAIN(tst_AwsSsoSim)
#include "tst_awssso_sim.moc"
