// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated AWS (sim/aws: STS and EKS on the services front) judged by the real aws CLI
// and real kubectl: `aws eks list-clusters` / `describe-cluster` (per region, through
// --endpoint-url and the signature's region), `aws sts get-caller-identity` and
// `assume-role`, AWS's error shapes for a wrong secret, an unknown key and an unknown
// cluster; `aws eks get-token` (AWS_ENDPOINT_URL_STS on the front) gives a token the
// simulated cluster accepts, through --token and through an exec-credential kubeconfig, and
// maps through the scenario's aws-auth (a user not in it is refused until it assumes the
// admin role). Orrery's own EksToken (core/cloud) is accepted too; tokens for another
// cluster, tampered, expired or with a too long X-Amz-Expires are refused.
//
// One in-process Simulator (eks-devops-ppp); the aws CLI takes ~0.5 s per call: ~15 s.
#include "aws/awsservice.h"
#include "front/servicefront.h"
#include "simulator.h"

#include <inprocesssimulator.h>

#include "cloud/ekstoken.h"

#include <kubectlprocess.h>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery::Sim;

namespace {

// The scenario's test credentials (resources/scenarios/eks-devops-ppp.yaml, cloud: aws:).
const QString s_adminKey = QStringLiteral("AKIAORRERYSIMADMIN01");
const QString s_adminSecret = QStringLiteral("orrery-sim/devops-admin/wJalrXUtnFEMIK7MDENG");
const QString s_devKey = QStringLiteral("AKIAORRERYSIMDEV0001");
const QString s_devSecret = QStringLiteral("orrery-sim/devops-dev/bPxRfiCYEXAMPLEKEY00");
const QString s_cluster = QStringLiteral("devops-ppp-eks");
const QString s_roleArn = QStringLiteral("arn:aws:iam::123456789012:role/devops-ppp-eks-admin");

struct AwsResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

struct Keys
{
    QString id;
    QString secret;
    QString session;
};

} // namespace

class tst_AwsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listClustersPerRegion();
    void describeCluster();
    void callerIdentity();
    void errorShapes();
    void cliTokenAcceptedWithToken();
    void cliTokenAcceptedThroughExecKubeconfig();
    void unmappedUserNeedsTheRole();
    void orreryTokenAccepted();
    void badTokensRefused();

private:
    AwsResult aws(const QStringList &args, const Keys &keys);
    QString cliToken(const Keys &keys, const QString &cluster);
    Orrery::Test::KubectlResult kubectlWithToken(const QString &token, const QStringList &args);

    QTemporaryDir m_dir;
    Orrery::Test::InProcessSimulator m_sim;
    AwsService *m_aws = nullptr;
    QString m_awsBinary;
    QString m_front;
    QString m_ca;
    QString m_clusterCa;
    QString m_server;
    Keys m_admin;
};

void tst_AwsSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_awsBinary = QStandardPaths::findExecutable(QStringLiteral("aws"));
    if (m_awsBinary.isEmpty() && QFile::exists(QStringLiteral("/root/.pyenv/shims/aws")))
        m_awsBinary = QStringLiteral("/root/.pyenv/shims/aws");
    if (m_awsBinary.isEmpty())
        QFAIL("the aws CLI is not installed (pip's awscli, see scripts/deps.sh)");
    SimulatorOptions options;
    options.scenarios = {"eks-devops-ppp"};
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    m_aws = m_sim.service<AwsService>("aws");
    QVERIFY(m_aws);
    m_front = m_sim.servicesUrl();
    m_server = QString::fromStdString(m_sim.simulator().url());
    m_admin = {s_adminKey, s_adminSecret, {}};

    m_ca = m_sim.servicesCaFile();
    m_clusterCa
        = QString::fromStdString(m_sim.simulator().clusterAccess().caCertificate("devops-ppp-eks"));
    QVERIFY(m_clusterCa.startsWith(QLatin1String("-----BEGIN CERTIFICATE-----")));
    for (const char *f : {"aws-config", "aws-credentials"}) {
        QFile empty(m_dir.filePath(QString::fromLatin1(f)));
        QVERIFY(empty.open(QIODevice::WriteOnly));
    }
    // The aws CLI runs at all (the pyenv shim resolves).
    const AwsResult version = aws({QStringLiteral("--version")}, m_admin);
    QVERIFY2(version.exitCode == 0, version.err.constData());
}

void tst_AwsSim::cleanupTestCase()
{
    m_sim.stop();
}

AwsResult tst_AwsSim::aws(const QStringList &args, const Keys &keys)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_dir.filePath(QStringLiteral("aws-config")));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
               m_dir.filePath(QStringLiteral("aws-credentials")));
    env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    env.insert(QStringLiteral("AWS_CA_BUNDLE"), m_ca);
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), keys.id);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), keys.secret);
    if (!keys.session.isEmpty())
        env.insert(QStringLiteral("AWS_SESSION_TOKEN"), keys.session);
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), m_front + QStringLiteral("/aws/sts"));
    env.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
    env.insert(QStringLiteral("AWS_PAGER"), QString());
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(m_awsBinary, QStringList(args) << QStringLiteral("--output") << QStringLiteral("json"));
    AwsResult r;
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

static QStringList eks(const QString &front, const QString &region)
{
    return {QStringLiteral("--endpoint-url"), front + QStringLiteral("/aws/eks"),
            QStringLiteral("--region"), region, QStringLiteral("eks")};
}

void tst_AwsSim::listClustersPerRegion()
{
    AwsResult r = aws(eks(m_front, QStringLiteral("us-east-1")) << QStringLiteral("list-clusters"),
                      m_admin);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().value(QLatin1String("clusters")).toArray(), QJsonArray({s_cluster}));
    // The region is the one the request is signed for: none in eu-west-3.
    r = aws(eks(m_front, QStringLiteral("eu-west-3")) << QStringLiteral("list-clusters"), m_admin);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().value(QLatin1String("clusters")).toArray(), QJsonArray());
}

void tst_AwsSim::describeCluster()
{
    const AwsResult r
        = aws(eks(m_front, QStringLiteral("us-east-1"))
                  << QStringLiteral("describe-cluster") << QStringLiteral("--name") << s_cluster,
              m_admin);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject c = r.json().value(QLatin1String("cluster")).toObject();
    QCOMPARE(c.value(QLatin1String("name")).toString(), s_cluster);
    QCOMPARE(c.value(QLatin1String("arn")).toString(),
             QStringLiteral("arn:aws:eks:us-east-1:123456789012:cluster/devops-ppp-eks"));
    QCOMPARE(c.value(QLatin1String("version")).toString(), QStringLiteral("1.28"));
    QCOMPARE(c.value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(c.value(QLatin1String("endpoint")).toString(), m_server);
    const QByteArray ca = QByteArray::fromBase64(c.value(QLatin1String("certificateAuthority"))
                                                     .toObject()
                                                     .value(QLatin1String("data"))
                                                     .toString()
                                                     .toLatin1());
    QCOMPARE(QString::fromLatin1(ca), m_clusterCa);
}

void tst_AwsSim::callerIdentity()
{
    const AwsResult r = aws({QStringLiteral("--endpoint-url"), m_front + QStringLiteral("/aws/sts"),
                             QStringLiteral("--region"), QStringLiteral("us-east-1"),
                             QStringLiteral("sts"), QStringLiteral("get-caller-identity")},
                            m_admin);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().value(QLatin1String("Arn")).toString(),
             QStringLiteral("arn:aws:iam::123456789012:user/devops-admin"));
    QCOMPARE(r.json().value(QLatin1String("Account")).toString(), QStringLiteral("123456789012"));
    QVERIFY(r.json().value(QLatin1String("UserId")).toString().startsWith(QLatin1String("AIDA")));
}

void tst_AwsSim::errorShapes()
{
    const Keys wrong{s_adminKey, QStringLiteral("not-the-secret"), {}};
    AwsResult r
        = aws(eks(m_front, QStringLiteral("us-east-1")) << QStringLiteral("list-clusters"), wrong);
    QVERIFY(r.exitCode > 0);
    QVERIFY2(r.err.contains("(InvalidSignatureException)"), r.err.constData());
    QVERIFY(r.err.contains("does not match the signature you provided"));
    QVERIFY(!r.err.contains("not-the-secret"));
    r = aws({QStringLiteral("--endpoint-url"), m_front + QStringLiteral("/aws/sts"),
             QStringLiteral("--region"), QStringLiteral("us-east-1"), QStringLiteral("sts"),
             QStringLiteral("get-caller-identity")},
            wrong);
    QVERIFY2(r.err.contains("(SignatureDoesNotMatch)"), r.err.constData());
    const Keys unknown{QStringLiteral("AKIAUNKNOWN000000000"), s_adminSecret, {}};
    r = aws({QStringLiteral("--endpoint-url"), m_front + QStringLiteral("/aws/sts"),
             QStringLiteral("--region"), QStringLiteral("us-east-1"), QStringLiteral("sts"),
             QStringLiteral("get-caller-identity")},
            unknown);
    QVERIFY2(r.err.contains("(InvalidClientTokenId)"), r.err.constData());
    r = aws(eks(m_front, QStringLiteral("us-east-1")) << QStringLiteral("list-clusters"), unknown);
    QVERIFY2(r.err.contains("(UnrecognizedClientException)"), r.err.constData());
    r = aws(eks(m_front, QStringLiteral("us-east-1"))
                << QStringLiteral("describe-cluster") << QStringLiteral("--name")
                << QStringLiteral("nope"),
            m_admin);
    QVERIFY2(r.err.contains("(ResourceNotFoundException)"), r.err.constData());
    QVERIFY(r.err.contains("No cluster found for name: nope."));
}

QString tst_AwsSim::cliToken(const Keys &keys, const QString &cluster)
{
    const AwsResult r
        = aws({QStringLiteral("--region"), QStringLiteral("us-east-1"), QStringLiteral("eks"),
               QStringLiteral("get-token"), QStringLiteral("--cluster-name"), cluster},
              keys);
    if (r.exitCode != 0)
        qWarning("aws eks get-token: %s", r.err.constData());
    return r.json()
        .value(QLatin1String("status"))
        .toObject()
        .value(QLatin1String("token"))
        .toString();
}

Orrery::Test::KubectlResult tst_AwsSim::kubectlWithToken(const QString &token,
                                                         const QStringList &args)
{
    const QString caFile = m_dir.filePath(QStringLiteral("cluster-ca.pem"));
    QFile ca(caFile);
    if (!ca.exists() && ca.open(QIODevice::WriteOnly))
        ca.write(m_clusterCa.toLatin1());
    ca.close();
    const QString kubeconfig = m_dir.filePath(QStringLiteral("token-kubeconfig"));
    QFile kc(kubeconfig);
    if (!kc.exists() && kc.open(QIODevice::WriteOnly)) {
        kc.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: eks\n  cluster:\n"
                                "    server: %1\n    certificate-authority: %2\ncontexts:\n"
                                "- name: eks\n  context: {cluster: eks, user: nobody}\n"
                                "users:\n- name: nobody\n  user: {}\ncurrent-context: eks\n")
                     .arg(m_server, caFile)
                     .toUtf8());
    }
    kc.close();
    return Orrery::Test::runKubectl(kubeconfig, m_dir.path(),
                                    QStringList{QStringLiteral("--token"), token} + args);
}

void tst_AwsSim::cliTokenAcceptedWithToken()
{
    const QString token = cliToken(m_admin, s_cluster);
    QVERIFY(token.startsWith(QLatin1String("k8s-aws-v1.")));
    const auto r = kubectlWithToken(token, {QStringLiteral("get"), QStringLiteral("deployments"),
                                            QStringLiteral("-n"), QStringLiteral("devops-ppp"),
                                            QStringLiteral("-o"), QStringLiteral("name")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("deployment.apps/backend")), qPrintable(r.out));
    // mapUsers: devops-admin is in system:masters, so it may read Secrets (a viewer may not).
    const auto secrets = kubectlWithToken(
        token, {QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("get"),
                QStringLiteral("secrets"), QStringLiteral("-n"), QStringLiteral("devops-ppp")});
    QCOMPARE(secrets.out.trimmed(), QStringLiteral("yes"));
}

void tst_AwsSim::cliTokenAcceptedThroughExecKubeconfig()
{
    // What `aws eks update-kubeconfig` writes, with the test's environment in `env:`.
    const QString kubeconfig = m_dir.filePath(QStringLiteral("exec-kubeconfig"));
    QFile kc(kubeconfig);
    QVERIFY(kc.open(QIODevice::WriteOnly));
    const QString env = QStringLiteral("      - {name: AWS_ACCESS_KEY_ID, value: %1}\n"
                                       "      - {name: AWS_SECRET_ACCESS_KEY, value: %2}\n"
                                       "      - {name: AWS_ENDPOINT_URL_STS, value: %3}\n"
                                       "      - {name: AWS_CONFIG_FILE, value: %4}\n"
                                       "      - {name: AWS_SHARED_CREDENTIALS_FILE, value: %5}\n")
                            .arg(s_adminKey, s_adminSecret, m_front + QStringLiteral("/aws/sts"),
                                 m_dir.filePath(QStringLiteral("aws-config")),
                                 m_dir.filePath(QStringLiteral("aws-credentials")));
    kc.write(QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: %1\n  cluster:\n"
                            "    server: %2\n    certificate-authority-data: %3\ncontexts:\n"
                            "- name: %1\n  context: {cluster: %1, user: %1}\n"
                            "current-context: %1\nusers:\n- name: %1\n  user:\n    exec:\n"
                            "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                            "      command: %4\n"
                            "      args: [--region, us-east-1, eks, get-token, --cluster-name, %5, "
                            "--output, json]\n"
                            "      interactiveMode: Never\n      env:\n")
                 .arg(QStringLiteral("arn:aws:eks:us-east-1:123456789012:cluster/devops-ppp-eks"),
                      m_server, QString::fromLatin1(m_clusterCa.toLatin1().toBase64()), m_awsBinary,
                      s_cluster)
                 .toUtf8()
             + env.toUtf8());
    kc.close();
    const auto r = Orrery::Test::runKubectl(kubeconfig, m_dir.path(),
                                            {QStringLiteral("get"), QStringLiteral("pods"),
                                             QStringLiteral("-n"), QStringLiteral("devops-ppp"),
                                             QStringLiteral("-o"), QStringLiteral("name")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("pod/backend-")), qPrintable(r.out));
}

void tst_AwsSim::unmappedUserNeedsTheRole()
{
    const Keys dev{s_devKey, s_devSecret, {}};
    // devops-dev is not in aws-auth: a valid token, but no Kubernetes user.
    auto r = kubectlWithToken(cliToken(dev, s_cluster),
                              {QStringLiteral("get"), QStringLiteral("pods")});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QLatin1String("Unauthorized")), qPrintable(r.err));

    // It assumes the admin role (AssumeRole, signed by the CLI) and tries again.
    const AwsResult assumed
        = aws({QStringLiteral("--endpoint-url"), m_front + QStringLiteral("/aws/sts"),
               QStringLiteral("--region"), QStringLiteral("us-east-1"), QStringLiteral("sts"),
               QStringLiteral("assume-role"), QStringLiteral("--role-arn"), s_roleArn,
               QStringLiteral("--role-session-name"), QStringLiteral("alice")},
              dev);
    QVERIFY2(assumed.exitCode == 0, assumed.err.constData());
    const QJsonObject creds = assumed.json().value(QLatin1String("Credentials")).toObject();
    const Keys role{creds.value(QLatin1String("AccessKeyId")).toString(),
                    creds.value(QLatin1String("SecretAccessKey")).toString(),
                    creds.value(QLatin1String("SessionToken")).toString()};
    QVERIFY(role.id.startsWith(QLatin1String("ASIA")));
    QCOMPARE(assumed.json()
                 .value(QLatin1String("AssumedRoleUser"))
                 .toObject()
                 .value(QLatin1String("Arn"))
                 .toString(),
             QStringLiteral("arn:aws:sts::123456789012:assumed-role/devops-ppp-eks-admin/alice"));
    const AwsResult who
        = aws({QStringLiteral("--endpoint-url"), m_front + QStringLiteral("/aws/sts"),
               QStringLiteral("--region"), QStringLiteral("us-east-1"), QStringLiteral("sts"),
               QStringLiteral("get-caller-identity")},
              role);
    QVERIFY2(who.exitCode == 0, who.err.constData());
    QVERIFY(who.json().value(QLatin1String("Arn")).toString().endsWith(QLatin1String("/alice")));
    // The session token is part of the credentials: without it the key is refused.
    const AwsResult noSession
        = aws({QStringLiteral("--endpoint-url"), m_front + QStringLiteral("/aws/sts"),
               QStringLiteral("--region"), QStringLiteral("us-east-1"), QStringLiteral("sts"),
               QStringLiteral("get-caller-identity")},
              Keys{role.id, role.secret, {}});
    QVERIFY2(noSession.err.contains("(InvalidClientTokenId)"), noSession.err.constData());

    r = kubectlWithToken(cliToken(role, s_cluster),
                         {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                          QStringLiteral("devops-ppp"), QStringLiteral("-o"),
                          QStringLiteral("name")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("pod/frontend-")));
    std::string reason;
    const auto user = m_aws->authenticateToken("devops-ppp-eks",
                                               cliToken(role, s_cluster).toStdString(), &reason);
    QVERIFY2(user, reason.c_str());
    QCOMPARE(QString::fromStdString(user->name), QStringLiteral("eks-admin:alice"));

    // A role devops-dev is not trusted for does not exist for it.
    const AwsResult denied
        = aws({QStringLiteral("--endpoint-url"), m_front + QStringLiteral("/aws/sts"),
               QStringLiteral("--region"), QStringLiteral("us-east-1"), QStringLiteral("sts"),
               QStringLiteral("assume-role"), QStringLiteral("--role-arn"),
               QStringLiteral("arn:aws:iam::123456789012:role/other"),
               QStringLiteral("--role-session-name"), QStringLiteral("xy")},
              dev);
    QVERIFY2(denied.err.contains("(AccessDenied)"), denied.err.constData());
}

void tst_AwsSim::orreryTokenAccepted()
{
    const QString host = QUrl(m_front).authority();
    const Orrery::AwsCredentials creds{s_adminKey, s_adminSecret, {}};
    const Orrery::EksToken token = Orrery::EksToken::make(
        creds, s_cluster, QStringLiteral("us-east-1"), QDateTime::currentDateTimeUtc(), host);
    const auto r = kubectlWithToken(
        token.token, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                      QStringLiteral("devops-ppp"), QStringLiteral("-o"), QStringLiteral("name")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("pod/sqs-worker-")));
}

void tst_AwsSim::badTokensRefused()
{
    const QString host = QUrl(m_front).authority();
    const Orrery::AwsCredentials creds{s_adminKey, s_adminSecret, {}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto check = [&](const QString &token, const char *why) {
        std::string reason;
        const auto user = m_aws->authenticateToken("devops-ppp-eks", token.toStdString(), &reason);
        QVERIFY2(!user, "accepted");
        QVERIFY2(QString::fromStdString(reason).contains(QLatin1String(why)), reason.c_str());
        QVERIFY(!QString::fromStdString(reason).contains(token));
    };
    std::string reason;
    QVERIFY2(m_aws->authenticateToken(
                 "devops-ppp-eks",
                 Orrery::EksToken::make(creds, s_cluster, QStringLiteral("us-east-1"), now, host)
                     .token.toStdString(),
                 &reason),
             reason.c_str());
    // Made for another cluster: x-k8s-aws-id is signed, so the signature breaks.
    check(Orrery::EksToken::make(creds, QStringLiteral("other"), QStringLiteral("us-east-1"), now,
                                 host)
              .token,
          "SignatureDoesNotMatch");
    // Wrong secret.
    check(Orrery::EksToken::make({s_adminKey, QStringLiteral("wrong"), {}}, s_cluster,
                                 QStringLiteral("us-east-1"), now, host)
              .token,
          "SignatureDoesNotMatch");
    // Signed 16 minutes ago: past the authenticator's 15 minutes.
    check(Orrery::EksToken::make(creds, s_cluster, QStringLiteral("us-east-1"), now.addSecs(-960),
                                 host)
              .token,
          "expired");
    // Another STS host (the real one): refused as aws-iam-authenticator refuses foreign hosts.
    check(Orrery::EksToken::make(creds, s_cluster, QStringLiteral("us-east-1"), now).token,
          "unexpected STS host");
    // A tampered URL: X-Amz-Expires raised to a day.
    QString url = Orrery::EksToken::decodeUrl(
        Orrery::EksToken::make(creds, s_cluster, QStringLiteral("us-east-1"), now, host).token);
    url.replace(QLatin1String("X-Amz-Expires=60"), QLatin1String("X-Amz-Expires=86400"));
    check(QStringLiteral("k8s-aws-v1.")
              + QString::fromLatin1(url.toUtf8().toBase64(QByteArray::Base64UrlEncoding
                                                          | QByteArray::OmitTrailingEquals)),
          "X-Amz-Expires");
    check(QStringLiteral("k8s-aws-v1.!!!"), "base64url");
    check(QStringLiteral("Bearer-something"), "not a k8s-aws-v1. token");
    // And through the API server: 401.
    const auto r = kubectlWithToken(Orrery::EksToken::make(creds, QStringLiteral("other"),
                                                           QStringLiteral("us-east-1"), now, host)
                                        .token,
                                    {QStringLiteral("get"), QStringLiteral("pods")});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QLatin1String("Unauthorized")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_AwsSim)
#include "tst_awssim.moc"
