// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud's AWS credential chain (AwsConfig: profiles, role_arn + source_profile,
// credential_process) and AwsClient (STS GetCallerIdentity and AssumeRole, EKS discovery
// across regions) against the simulated AWS (sim/aws) over HTTPS: the same server the real
// aws CLI is judged on in tst_awssim. Errors are values and never hold a secret.
#include "aws/awsservice.h"
#include "front/servicefront.h"
#include "simulator.h"

#include <inprocesssimulator.h>

#include "cloud/awsclient.h"
#include "cloud/awsconfig.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery;

namespace {

const QString s_adminKey = QStringLiteral("AKIAORRERYSIMADMIN01");
const QString s_adminSecret = QStringLiteral("orrery-sim/devops-admin/wJalrXUtnFEMIK7MDENG");
const QString s_devKey = QStringLiteral("AKIAORRERYSIMDEV0001");
const QString s_devSecret = QStringLiteral("orrery-sim/devops-dev/bPxRfiCYEXAMPLEKEY00");

template <typename T> bool waitFor(const std::optional<T> &value, int ms = 20000)
{
    return QTest::qWaitFor([&] { return value.has_value(); }, ms);
}

} // namespace

class tst_AwsCloudSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void iniIsTolerant();
    void planResolvesProfiles();
    void planErrors();
    void processOutput();
    void callerIdentity();
    void roleProfileThroughAssumeRole();
    void credentialProcessProfile();
    void discoveryAcrossRegions();
    void discoveryErrorsAreValues();

private:
    AwsClient::Endpoints endpoints() const;
    Result<AwsCredentials> resolve(const AwsConfig &config, const QString &profile);

    QTemporaryDir m_dir;
    Orrery::Test::InProcessSimulator m_sim;
    Sim::AwsService *m_aws = nullptr;
};

void tst_AwsCloudSim::initTestCase()
{
    Sim::SimulatorOptions options;
    options.scenarios = {"eks-devops-ppp"};
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    m_aws = m_sim.service<Sim::AwsService>("aws");
    QVERIFY(m_aws);
}

void tst_AwsCloudSim::cleanupTestCase()
{
    m_sim.stop();
}

AwsClient::Endpoints tst_AwsCloudSim::endpoints() const
{
    const QString front = m_sim.servicesUrl();
    return {QUrl(front + QStringLiteral("/aws/sts")), QUrl(front + QStringLiteral("/aws/eks")),
            QUrl(front + QStringLiteral("/aws/sso")), m_sim.servicesCaPem()};
}

Result<AwsCredentials> tst_AwsCloudSim::resolve(const AwsConfig &config, const QString &profile)
{
    const auto plan = config.plan(QProcessEnvironment(), profile);
    if (!plan)
        return plan.error();
    AwsClient client(endpoints());
    std::optional<Result<AwsCredentials>> out;
    client.resolve(plan.value(), [&](const Result<AwsCredentials> &r) { out = r; });
    if (!waitFor(out))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

void tst_AwsCloudSim::iniIsTolerant()
{
    const auto ini = AwsConfig::parseIni("junk before any section\n[default]\nREGION = eu-west-3 "
                                         "# comment\nno equals sign\n[profile x\n"
                                         "[profile dev]\naws_access_key_id=AKIA1\n"
                                         "s3 =\n  max_concurrent_requests = 20\n\r\n");
    QVERIFY(ini);
    QCOMPARE(ini.value().value(QStringLiteral("default")).value(QStringLiteral("region")),
             QStringLiteral("eu-west-3"));
    QCOMPARE(ini.value().value(QStringLiteral("profile dev")).size(), 2);
    QVERIFY(!ini.value()
                 .value(QStringLiteral("profile dev"))
                 .contains(QStringLiteral("max_concurrent_requests")));
    QCOMPARE(AwsConfig::parseIni(QByteArray(AwsConfig::MaxFileBytes + 1, 'a')).error().code,
             Error::Code::TooLarge);
}

void tst_AwsCloudSim::planResolvesProfiles()
{
    const AwsConfig config = AwsConfig::fromTexts(
        "[default]\naws_access_key_id = AKIA1\naws_secret_access_key = s1\n",
        "[default]\nregion = us-east-1\n[profile admin]\nrole_arn = arn:aws:iam::1:role/a\n"
        "source_profile = default\nregion = eu-west-3\nrole_session_name = alice\n"
        "[profile chained]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = admin\n");
    QCOMPARE(config.profileNames(), QStringList({"admin", "chained", "default"}));
    auto p = config.plan(QProcessEnvironment(), QStringLiteral("chained"));
    QVERIFY2(p, qPrintable(p ? QString() : p.error().toString()));
    QCOMPARE(p.value().base.accessKeyId, QStringLiteral("AKIA1"));
    QCOMPARE(p.value().roleArns, QStringList({"arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b"}));
    p = config.plan(QProcessEnvironment(), QStringLiteral("admin"));
    QCOMPARE(p.value().region, QStringLiteral("eu-west-3"));
    QCOMPARE(p.value().roleSessionName, QStringLiteral("alice"));
    // The environment's keys win when no profile is named; AWS_PROFILE names one.
    QProcessEnvironment env;
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAENV"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("senv"));
    QCOMPARE(config.plan(env).value().base.accessKeyId, QStringLiteral("AKIAENV"));
    env.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("default"));
    QCOMPARE(config.plan(env).value().base.accessKeyId, QStringLiteral("AKIA1"));
}

void tst_AwsCloudSim::planErrors()
{
    const AwsConfig config = AwsConfig::fromTexts(
        "[half]\naws_access_key_id = AKIA1\n",
        "[profile loop]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = loop2\n"
        "[profile loop2]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = loop\n"
        "[profile empty]\nregion = us-east-1\n[profile sso]\nsso_start_url = https://x\n");
    QCOMPARE(config.plan({}, QStringLiteral("loop")).error().code, Error::Code::InvalidArgument);
    QCOMPARE(config.plan({}, QStringLiteral("missing")).error().code, Error::Code::NotFound);
    QCOMPARE(config.plan({}, QStringLiteral("half")).error().code, Error::Code::AuthError);
    const Error empty = config.plan({}, QStringLiteral("empty")).error();
    QCOMPARE(empty.code, Error::Code::AuthError);
    QVERIFY(empty.hint.contains(QLatin1String("aws configure --profile empty")));
    // An SSO profile missing its portal, account and role says which keys it misses.
    const Error sso = config.plan({}, QStringLiteral("sso")).error();
    QCOMPARE(sso.code, Error::Code::InvalidArgument);
    QVERIFY2(sso.message.contains(QLatin1String("sso_region, sso_account_id, sso_role_name")),
             qPrintable(sso.message));
}

void tst_AwsCloudSim::processOutput()
{
    QDateTime expires;
    const auto c = AwsConfig::parseProcessOutput(
        R"({"Version": 1, "AccessKeyId": "AKIA", "SecretAccessKey": "topsecret",)"
        R"( "Expiration": "2030-01-01T00:00:00Z"})",
        &expires);
    QVERIFY(c);
    QCOMPARE(expires, QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
    const auto bad = AwsConfig::parseProcessOutput(R"({"Version": 2, "SecretAccessKey": "x1"})");
    QVERIFY(!bad);
    QVERIFY(!bad.error().toString().contains(QLatin1String("x1")));
}

void tst_AwsCloudSim::callerIdentity()
{
    AwsClient client(endpoints());
    std::optional<Result<QString>> arn;
    client.callerIdentity({s_adminKey, s_adminSecret, {}}, QStringLiteral("us-east-1"),
                          [&](const Result<QString> &r) { arn = r; });
    QVERIFY(waitFor(arn));
    QVERIFY2(*arn, qPrintable(*arn ? QString() : arn->error().toString()));
    QCOMPARE(arn->value(), QStringLiteral("arn:aws:iam::123456789012:user/devops-admin"));
    // A wrong secret: AWS's message and code, not the secret.
    arn.reset();
    client.callerIdentity({s_adminKey, QStringLiteral("wrong-secret"), {}},
                          QStringLiteral("us-east-1"), [&](const Result<QString> &r) { arn = r; });
    QVERIFY(waitFor(arn));
    QVERIFY(!*arn);
    QCOMPARE(arn->error().code, Error::Code::AuthError);
    QVERIFY2(arn->error().message.contains(QLatin1String("SignatureDoesNotMatch")),
             qPrintable(arn->error().message));
    QVERIFY(!arn->error().toString().contains(QLatin1String("wrong-secret")));
}

void tst_AwsCloudSim::roleProfileThroughAssumeRole()
{
    const AwsConfig config = AwsConfig::fromTexts(
        ("[dev]\naws_access_key_id = " + s_devKey + "\naws_secret_access_key = " + s_devSecret
         + "\n")
            .toUtf8(),
        "[profile eks-admin]\nrole_arn = arn:aws:iam::123456789012:role/devops-ppp-eks-admin\n"
        "source_profile = dev\nrole_session_name = bob\nregion = us-east-1\n"
        "[profile nope]\nrole_arn = arn:aws:iam::123456789012:role/other\nsource_profile = dev\n");
    const auto creds = resolve(config, QStringLiteral("eks-admin"));
    QVERIFY2(creds, qPrintable(creds ? QString() : creds.error().toString()));
    QVERIFY(creds.value().accessKeyId.startsWith(QLatin1String("ASIA")));
    QVERIFY(!creds.value().sessionToken.isEmpty());
    AwsClient client(endpoints());
    std::optional<Result<QString>> arn;
    client.callerIdentity(creds.value(), QStringLiteral("us-east-1"),
                          [&](const Result<QString> &r) { arn = r; });
    QVERIFY(waitFor(arn));
    QCOMPARE(arn->value(),
             QStringLiteral("arn:aws:sts::123456789012:assumed-role/devops-ppp-eks-admin/bob"));
    const auto denied = resolve(config, QStringLiteral("nope"));
    QVERIFY(!denied);
    QCOMPARE(denied.error().code, Error::Code::Forbidden);
    QVERIFY(!denied.error().toString().contains(s_devSecret));
}

void tst_AwsCloudSim::credentialProcessProfile()
{
    const QString script = m_dir.filePath(QStringLiteral("creds.sh"));
    QFile f(script);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(("#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"" + s_adminKey
             + "\", \"SecretAccessKey\": \"" + s_adminSecret + "\"}'\n")
                .toUtf8());
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const AwsConfig config
        = AwsConfig::fromTexts({}, ("[profile proc]\ncredential_process = " + script
                                    + "\n[profile failing]\ncredential_process = /bin/false\n")
                                       .toUtf8());
    const auto creds = resolve(config, QStringLiteral("proc"));
    QVERIFY2(creds, qPrintable(creds ? QString() : creds.error().toString()));
    QCOMPARE(creds.value().accessKeyId, s_adminKey);
    const auto failing = resolve(config, QStringLiteral("failing"));
    QCOMPARE(failing.error().code, Error::Code::AuthError);
}

void tst_AwsCloudSim::discoveryAcrossRegions()
{
    // 150 more clusters in us-east-1 (two ListClusters pages), 3 in eu-west-3, none elsewhere.
    m_aws->addSyntheticClusters("123456789012", "us-east-1", "synthetic", 150);
    m_aws->addSyntheticClusters("123456789012", "eu-west-3", "paris", 3);
    m_aws->addSyntheticClusters("999999999999", "eu-west-3", "foreign", 2);
    AwsClient client(endpoints());
    std::optional<EksDiscovery> found;
    client.discover({s_adminKey, s_adminSecret, {}},
                    {QStringLiteral("us-east-1"), QStringLiteral("eu-west-3"),
                     QStringLiteral("ap-southeast-2")},
                    [&](const EksDiscovery &d) { found = d; });
    QVERIFY(waitFor(found, 60000));
    QVERIFY(found->regionErrors.isEmpty());
    QCOMPARE(found->clusters.size(), 1 + 150 + 3);
    const auto real = std::find_if(
        found->clusters.cbegin(), found->clusters.cend(),
        [](const EksClusterInfo &c) { return c.name == QLatin1String("devops-ppp-eks"); });
    QVERIFY(real != found->clusters.cend());
    QCOMPARE(real->region, QStringLiteral("us-east-1"));
    QCOMPARE(real->version, QStringLiteral("1.28"));
    QCOMPARE(real->status, QStringLiteral("ACTIVE"));
    QCOMPARE(real->endpoint, QString::fromStdString(m_sim.simulator().url()));
    QCOMPARE(real->certificateAuthorityPem,
             QByteArray::fromStdString(
                 m_sim.simulator().clusterAccess().caCertificate("devops-ppp-eks")));
    QCOMPARE(found->clusters.first().region, QStringLiteral("eu-west-3")); // sorted
}

void tst_AwsCloudSim::discoveryErrorsAreValues()
{
    AwsClient client(endpoints());
    std::optional<EksDiscovery> found;
    client.discover({s_adminKey, QStringLiteral("wrong-secret"), {}},
                    {QStringLiteral("us-east-1"), QStringLiteral("eu-west-3")},
                    [&](const EksDiscovery &d) { found = d; });
    QVERIFY(waitFor(found));
    QCOMPARE(found->clusters.size(), 0);
    QCOMPARE(found->regionErrors.size(), 2);
    const Error e = found->regionErrors.value(QStringLiteral("us-east-1"));
    QCOMPARE(e.code, Error::Code::AuthError);
    QVERIFY2(e.message.contains(QLatin1String("does not match")), qPrintable(e.toString()));
    QVERIFY(!e.toString().contains(QLatin1String("wrong-secret")));
}

QTEST_GUILESS_MAIN(tst_AwsCloudSim)
#include "tst_awscloud_sim.moc"
