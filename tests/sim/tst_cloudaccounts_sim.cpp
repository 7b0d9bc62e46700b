// SPDX-License-Identifier: GPL-3.0-or-later
// The account layer (core/cloud: CloudAccounts, AwsAccount) and Add to kubeconfig
// (core/operations/addtokubeconfig) against the simulated AWS of eks-devops-ppp: accounts
// from the environment and the profiles, identity with expiry, discovery across regions in
// parallel, a cluster connected in memory with the native token (a real API request), and the
// kubeconfig file compared with what the real `aws eks update-kubeconfig` writes.
#include "aws/awsservice.h"
#include "front/servicefront.h"
#include "simulator.h"

#include "audit/auditlog.h"
#include "cloud/awsaccount.h"
#include "cloud/cloudaccounts.h"
#include "kube/actions/yamljson.h"
#include "kube/httptransport.h"
#include "operations/addtokubeconfig.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery;

namespace {

const QString s_adminKey = QStringLiteral("AKIAORRERYSIMADMIN01");
const QString s_adminSecret = QStringLiteral("orrery-sim/devops-admin/wJalrXUtnFEMIK7MDENG");
const QString s_devKey = QStringLiteral("AKIAORRERYSIMDEV0001");
const QString s_devSecret = QStringLiteral("orrery-sim/devops-dev/bPxRfiCYEXAMPLEKEY00");
const QString s_arn = QStringLiteral("arn:aws:eks:us-east-1:123456789012:cluster/devops-ppp-eks");

} // namespace

class tst_CloudAccountsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void accountsFromEnvironmentAndProfiles();
    void refreshIdentifiesAndDiscovers();
    void roleAccountExpires();
    void badKeysAreAnErrorWithAHint();
    void connectInMemory();
    void kubeconfigAsTheAwsCliWritesIt_data();
    void kubeconfigAsTheAwsCliWritesIt();
    void kubeconfigRefusesWhatIsNotOne();
    void headlessCommands();

private:
    CloudEnvironment environment() const;
    void refreshed(CloudAccounts &accounts);
    QString writeFile(const QString &name, const QByteArray &text);

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::Simulator> m_sim;
    QString m_front;
    QString m_awsBinary;
};

void tst_CloudAccountsSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Sim::SimulatorOptions options;
    options.scenarios = {"eks-devops-ppp"};
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    m_front = QString::fromStdString(m_sim->servicesUrl());
    auto *aws = dynamic_cast<Sim::AwsService *>(m_sim->services()->service("aws"));
    QVERIFY(aws);
    aws->addSyntheticClusters("123456789012", "eu-west-3", "paris", 3);
    writeFile(QStringLiteral("aws-config"),
              QStringLiteral("[profile admin]\nregion = us-east-1\norrery_regions = us-east-1, "
                             "eu-west-3, ap-south-1\n"
                             "[profile ops]\nrole_arn = "
                             "arn:aws:iam::123456789012:role/devops-ppp-eks-admin\n"
                             "source_profile = dev\nregion = us-east-1\n"
                             "orrery_regions = us-east-1\n"
                             "[profile dev]\nregion = us-east-1\norrery_regions = us-east-1\n"
                             "[profile settings-only]\nregion = eu-west-1\n"
                             "[profile broken]\nregion = us-east-1\norrery_regions = us-east-1\n")
                  .toUtf8());
    writeFile(QStringLiteral("aws-credentials"),
              QStringLiteral("[admin]\naws_access_key_id = %1\naws_secret_access_key = %2\n"
                             "[dev]\naws_access_key_id = %3\naws_secret_access_key = %4\n"
                             "[broken]\naws_access_key_id = %1\naws_secret_access_key = wrong\n")
                  .arg(s_adminKey, s_adminSecret, s_devKey, s_devSecret)
                  .toUtf8());
    m_awsBinary = QStandardPaths::findExecutable(QStringLiteral("aws"));
    if (m_awsBinary.isEmpty() && QFile::exists(QStringLiteral("/root/.pyenv/shims/aws")))
        m_awsBinary = QStringLiteral("/root/.pyenv/shims/aws");
}

void tst_CloudAccountsSim::cleanupTestCase()
{
    if (m_sim)
        m_sim->stop();
}

QString tst_CloudAccountsSim::writeFile(const QString &name, const QByteArray &text)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(text);
    return path;
}

CloudEnvironment tst_CloudAccountsSim::environment() const
{
    CloudEnvironment e;
    e.env = QProcessEnvironment();
    e.env.insert(QStringLiteral("HOME"), m_dir.path());
    e.env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_dir.filePath(QStringLiteral("aws-config")));
    e.env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                 m_dir.filePath(QStringLiteral("aws-credentials")));
    e.env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), s_adminKey);
    e.env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), s_adminSecret);
    e.env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    e.env.insert(QStringLiteral("ORRERY_AWS_REGIONS"), QStringLiteral("us-east-1,us-west-2"));
    e.servicesFront = QUrl(m_front);
    e.caPem = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    return e;
}

void tst_CloudAccountsSim::refreshed(CloudAccounts &accounts)
{
    QSignalSpy finished(&accounts, &CloudAccounts::refreshFinished);
    accounts.refresh();
    QVERIFY(accounts.isRefreshing());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!accounts.isRefreshing());
}

void tst_CloudAccountsSim::accountsFromEnvironmentAndProfiles()
{
    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    QVERIFY(accounts.providers().contains(QStringLiteral("aws")));
    QSignalSpy changed(&accounts, &CloudAccounts::accountsChanged);
    accounts.load(environment());
    QCOMPARE(changed.count(), 1);
    QStringList ids;
    for (CloudAccount *a : accounts.accounts())
        ids << a->id();
    // The environment's keys first, then every profile with credentials; a profile with only
    // settings is no account.
    QCOMPARE(ids, QStringList({QStringLiteral("aws:environment"), QStringLiteral("aws:admin"),
                               QStringLiteral("aws:broken"), QStringLiteral("aws:dev"),
                               QStringLiteral("aws:ops")}));
    auto *admin = qobject_cast<AwsAccount *>(accounts.account(QStringLiteral("aws:admin")));
    QVERIFY(admin);
    QCOMPARE(admin->regions(),
             QStringList({QStringLiteral("us-east-1"), QStringLiteral("eu-west-3"),
                          QStringLiteral("ap-south-1")}));
    auto *env = qobject_cast<AwsAccount *>(accounts.account(QStringLiteral("aws:environment")));
    QCOMPARE(env->regions(),
             QStringList({QStringLiteral("us-east-1"), QStringLiteral("us-west-2")}));
    // A second account with a taken id is refused.
    AwsAccount::Options o;
    o.profile = QStringLiteral("admin");
    QVERIFY(!accounts.addAccount(std::make_unique<AwsAccount>(o)));
    QCOMPARE(accounts.accounts().size(), 5);
}

void tst_CloudAccountsSim::refreshIdentifiesAndDiscovers()
{
    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    accounts.load(environment());
    QSignalSpy discovered(&accounts, &CloudAccounts::discoveryChanged);
    refreshed(accounts);
    QCOMPARE(discovered.count(), 5);

    const CloudAccountState admin = accounts.state(QStringLiteral("aws:admin"));
    QVERIFY(admin.identity && admin.identity->ok());
    QCOMPARE(admin.identity->value().principal,
             QStringLiteral("arn:aws:iam::123456789012:user/devops-admin"));
    QCOMPARE(admin.identity->value().source, QStringLiteral("profile admin (~/.aws/config)"));
    QVERIFY(!admin.identity->value().expiresAt.isValid()); // long-term keys
    QVERIFY(admin.discovery && admin.discovery->ok());
    const CloudDiscovery &d = admin.discovery->value();
    QVERIFY(d.groupErrors.isEmpty());
    QStringList found;
    for (const CloudResource &r : d.resources)
        found << r.group + QLatin1Char('/') + r.name;
    // Sorted by region then name, the synthetic Paris clusters included.
    QCOMPARE(found,
             QStringList({QStringLiteral("eu-west-3/paris-0"), QStringLiteral("eu-west-3/paris-1"),
                          QStringLiteral("eu-west-3/paris-2"),
                          QStringLiteral("us-east-1/devops-ppp-eks")}));
    const CloudResource eks = d.resources.last();
    QCOMPARE(eks.ref, s_arn);
    QCOMPARE(eks.provider, QStringLiteral("aws"));
    QCOMPARE(eks.accountId, QStringLiteral("aws:admin"));
    QCOMPARE(eks.status, QStringLiteral("ACTIVE"));
    QVERIFY(!eks.version.isEmpty());
    QCOMPARE(eks.server,
             QString::fromStdString(m_sim->clusterAccess().serverUrl("devops-ppp-eks")));
    QVERIFY(eks.caPem.startsWith("-----BEGIN CERTIFICATE-----"));

    // By ARN always; by name only when one account has it (here every account sees it).
    QVERIFY(accounts.findResource(s_arn));
    QCOMPARE(accounts.findResource(s_arn)->name, QStringLiteral("devops-ppp-eks"));
    QVERIFY(accounts.findResource(QStringLiteral("paris-1"))); // only aws:admin asks eu-west-3
    QVERIFY(!accounts.findResource(QStringLiteral("devops-ppp-eks")));
    QVERIFY(!accounts.findResource(QStringLiteral("nothing")));
}

void tst_CloudAccountsSim::roleAccountExpires()
{
    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    accounts.load(environment());
    QSignalSpy finished(&accounts, &CloudAccounts::refreshFinished);
    accounts.refreshAccount(QStringLiteral("aws:ops"));
    QVERIFY(finished.wait(30000));
    const CloudAccountState ops = accounts.state(QStringLiteral("aws:ops"));
    QVERIFY(ops.identity);
    QVERIFY2(ops.identity->ok(),
             qPrintable(ops.identity->ok() ? QString() : ops.identity->error().toString()));
    QVERIFY2(ops.identity->value().principal.startsWith(
                 QLatin1String("arn:aws:sts::123456789012:assumed-role/devops-ppp-eks-admin/")),
             qPrintable(ops.identity->value().principal));
    // A role session ends: the sidebar can say when.
    const QDateTime expires = ops.identity->value().expiresAt;
    QVERIFY(expires.isValid());
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(600));
    QVERIFY(ops.discovery && ops.discovery->ok());
    QCOMPARE(ops.discovery->value().resources.size(), 1);
}

void tst_CloudAccountsSim::badKeysAreAnErrorWithAHint()
{
    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    accounts.load(environment());
    QSignalSpy finished(&accounts, &CloudAccounts::refreshFinished);
    accounts.refreshAccount(QStringLiteral("aws:broken"));
    QVERIFY(finished.wait(30000));
    const CloudAccountState broken = accounts.state(QStringLiteral("aws:broken"));
    QVERIFY(broken.identity && !broken.identity->ok());
    const Error e = broken.identity->error();
    QCOMPARE(e.code, Error::Code::AuthError);
    QVERIFY2(e.message.contains(QLatin1String("SignatureDoesNotMatch")), qPrintable(e.message));
    QVERIFY2(e.hint.contains(QLatin1String("--profile broken")), qPrintable(e.hint));
    QVERIFY(!e.toString().contains(QLatin1String("wrong")));
    // Every region failed the same way: the errors are per group, in the region's name.
    QVERIFY(broken.discovery && broken.discovery->ok());
    QVERIFY(broken.discovery->value().resources.isEmpty());
    QCOMPARE(broken.discovery->value().groupErrors.keys(),
             QStringList{QStringLiteral("us-east-1")});
}

void tst_CloudAccountsSim::connectInMemory()
{
    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    accounts.load(environment());
    refreshed(accounts);
    const auto eks = accounts.findResource(s_arn);
    QVERIFY(eks);
    CloudAccount *account = accounts.account(QStringLiteral("aws:environment"));
    std::optional<Result<ClusterConnection>> connection;
    account->connectCluster(*eks, [&](const Result<ClusterConnection> &c) { connection = c; });
    QTRY_VERIFY_WITH_TIMEOUT(connection.has_value(), 20000);
    QVERIFY(connection->ok());
    QCOMPARE(connection->value().contextName, QStringLiteral("devops-ppp-eks"));
    const auto credential = connection->value().credentials->credential();
    QVERIFY(credential);
    QVERIFY(credential->bearerToken.startsWith("k8s-aws-v1."));
    QVERIFY(credential->expiry > QDateTime::currentDateTimeUtc().addSecs(13 * 60));

    // A real request with the token: the cluster's aws-auth maps devops-admin.
    HttpTransport transport(connection->value());
    std::optional<Result<ApiResponse>> answer;
    transport.get(QStringLiteral("/api/v1/namespaces/devops-ppp/pods"), this,
                  [&](const Result<ApiResponse> &r) { answer = r; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
    QVERIFY(answer->ok());
    QCOMPARE(answer->value().status, 200);
    QVERIFY(answer->value().body.contains("sqs-worker"));
}

void tst_CloudAccountsSim::kubeconfigAsTheAwsCliWritesIt_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QByteArray>("existing");
    const QByteArray other = "apiVersion: v1\nkind: Config\nclusters:\n- name: other\n  cluster:\n"
                             "    server: https://other.example:6443\ncontexts:\n- name: other\n"
                             "  context: {cluster: other, user: other}\ncurrent-context: other\n"
                             "users:\n- name: other\n  user: {token: abc}\n";
    QTest::newRow("environment, new file")
        << QStringLiteral("aws:environment") << QString() << QByteArray();
    QTest::newRow("profile, existing file")
        << QStringLiteral("aws:admin") << QStringLiteral("admin") << other;
    // The entries are there already (from an earlier run, another profile): replaced in place.
    QTest::newRow("replaced in place")
        << QStringLiteral("aws:admin") << QStringLiteral("admin")
        << QByteArray(other + "- name: " + s_arn.toUtf8() + "\n  user: {token: old}\n");
}

void tst_CloudAccountsSim::kubeconfigAsTheAwsCliWritesIt()
{
    QFETCH(QString, account);
    QFETCH(QString, profile);
    QFETCH(QByteArray, existing);
    if (m_awsBinary.isEmpty())
        QFAIL("the aws CLI is not installed (pip's awscli, see scripts/deps.sh)");
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), '-');
    const QString theirs = m_dir.filePath(QStringLiteral("cli-") + tag);
    const QString ours = m_dir.filePath(QStringLiteral("orrery-") + tag);
    QFile::remove(theirs);
    QFile::remove(ours);
    if (!existing.isEmpty()) {
        writeFile(QStringLiteral("cli-") + tag, existing);
        writeFile(QStringLiteral("orrery-") + tag, existing);
    }

    // The judge: aws eks update-kubeconfig against the simulated EKS.
    const CloudEnvironment env = environment();
    QProcessEnvironment cliEnv = env.env;
    cliEnv.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    cliEnv.insert(QStringLiteral("AWS_CA_BUNDLE"),
                  writeFile(QStringLiteral("services-ca.pem"), env.caPem));
    cliEnv.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    if (!profile.isEmpty()) {
        cliEnv.remove(QStringLiteral("AWS_ACCESS_KEY_ID"));
        cliEnv.remove(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    }
    QStringList args{QStringLiteral("eks"),
                     QStringLiteral("update-kubeconfig"),
                     QStringLiteral("--name"),
                     QStringLiteral("devops-ppp-eks"),
                     QStringLiteral("--region"),
                     QStringLiteral("us-east-1"),
                     QStringLiteral("--kubeconfig"),
                     theirs,
                     QStringLiteral("--endpoint-url"),
                     m_front + QStringLiteral("/aws/eks")};
    if (!profile.isEmpty())
        args << QStringLiteral("--profile") << profile;
    QProcess cli;
    cli.setProcessEnvironment(cliEnv);
    cli.start(m_awsBinary, args);
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

    // Orrery: discovery, then the operation.
    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    accounts.load(env);
    refreshed(accounts);
    const auto eks = accounts.findResource(s_arn);
    QVERIFY(eks);
    const auto entry = accounts.account(account)->kubeconfigEntry(*eks);
    QVERIFY(entry);
    AuditLog audit(m_dir.filePath(QStringLiteral("audit-") + tag));
    AddToKubeconfig op(entry.value(), ours, &audit);
    QVERIFY(op.check());
    std::optional<Result<void>> prepared;
    op.prepare([&](const Result<void> &r) { prepared = r; });
    QTRY_VERIFY(prepared.has_value());
    QVERIFY2(prepared->ok(), qPrintable(prepared->ok() ? QString() : prepared->error().toString()));
    QVERIFY(op.nothingToDo().isEmpty());
    QVERIFY2(op.diff().contains(QLatin1String("+current-context: ") + s_arn),
             qPrintable(op.diff()));
    std::optional<AddToKubeconfig::Report> report;
    op.run([&](const AddToKubeconfig::Report &r) { report = r; });
    QTRY_VERIFY(report.has_value());
    QVERIFY2(report->ok, qPrintable(report->explanation));
    QCOMPARE(report->backupFile.isEmpty(), existing.isEmpty());
    if (!existing.isEmpty()) {
        QFile backup(report->backupFile);
        QVERIFY(backup.open(QIODevice::ReadOnly));
        QCOMPARE(backup.readAll(), existing);
    }
    // Recorded, intent and outcome.
    const QList<AuditEntry> logged = AuditLog::read(audit.directory());
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.first().kind, QStringLiteral("kubeconfig"));
    QCOMPARE(logged.first().result, QStringLiteral("ok"));

    // The same file, as the CLI wrote it.
    auto read = [](const QString &path) {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return YamlJson::parse(f.readAll());
    };
    const auto cliJson = read(theirs);
    const auto ourJson = read(ours);
    QVERIFY(cliJson && ourJson);
    QVERIFY2(cliJson.value() == ourJson.value(),
             qPrintable(QString::fromStdString(cliJson.value().dump(1)) + QStringLiteral("\n---\n")
                        + QString::fromStdString(ourJson.value().dump(1))));

    // Run again: nothing to do.
    AddToKubeconfig again(entry.value(), ours, nullptr);
    prepared.reset();
    again.prepare([&](const Result<void> &r) { prepared = r; });
    QTRY_VERIFY(prepared.has_value());
    QVERIFY(prepared->ok());
    QVERIFY(!again.nothingToDo().isEmpty());
}

void tst_CloudAccountsSim::kubeconfigRefusesWhatIsNotOne()
{
    const QString file = writeFile(QStringLiteral("not-a-kubeconfig"), "- just\n- a list\n");
    CloudKubeconfigEntry entry;
    entry.cluster.name = entry.user.name = entry.context.name = QStringLiteral("x");
    entry.context.clusterName = entry.context.userName = QStringLiteral("x");
    AddToKubeconfig op(entry, file, nullptr);
    std::optional<Result<void>> prepared;
    op.prepare([&](const Result<void> &r) { prepared = r; });
    QTRY_VERIFY(prepared.has_value());
    QVERIFY(!prepared->ok());
    QCOMPARE(prepared->error().code, Error::Code::ParseError);
    const QString list = writeFile(QStringLiteral("clusters-not-a-list"), "clusters: 3\n");
    AddToKubeconfig op2(entry, list, nullptr);
    prepared.reset();
    op2.prepare([&](const Result<void> &r) { prepared = r; });
    QTRY_VERIFY(prepared.has_value());
    QVERIFY(!prepared->ok());
    QVERIFY(prepared->error().message.contains(QLatin1String("not a list")));
}

void tst_CloudAccountsSim::headlessCommands()
{
    // The user's path: the aws CLI's own variables point at the simulator.
    const CloudEnvironment e = environment();
    QProcessEnvironment env = e.env;
    env.remove(QStringLiteral("AWS_ACCESS_KEY_ID"));
    env.remove(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), m_front + QStringLiteral("/aws/sts"));
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_EKS"), m_front + QStringLiteral("/aws/eks"));
    env.insert(QStringLiteral("AWS_CA_BUNDLE"), writeFile(QStringLiteral("front-ca.pem"), e.caPem));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    auto orrery = [&env](const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ORRERY_APP_BINARY), args);
        Run r;
        if (!p.waitForFinished(60000))
            return r;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    };
    const Run listed = orrery({QStringLiteral("--clouds"), QStringLiteral("--account"),
                               QStringLiteral("aws:admin"), QStringLiteral("--json")});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    const auto json = nlohmann::json::parse(listed.out.toStdString(), nullptr, false);
    QVERIFY(json.is_object());
    QCOMPARE(int(json["accounts"].size()), 1);
    const auto &admin = json["accounts"][0];
    auto text = [](const nlohmann::json &j) {
        return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
    };
    QCOMPARE(text(admin["id"]), QStringLiteral("aws:admin"));
    QCOMPARE(text(admin["principal"]),
             QStringLiteral("arn:aws:iam::123456789012:user/devops-admin"));
    QCOMPARE(int(admin["resources"].size()), 4);
    QCOMPARE(text(admin["resources"][3]["ref"]), s_arn);
    QCOMPARE(text(admin["resources"][3]["status"]), QStringLiteral("ACTIVE"));

    // Text; the broken profile fails the command, with AWS's words and the hint.
    const Run table = orrery({QStringLiteral("--clouds")});
    QCOMPARE(table.exitCode, 1);
    QVERIFY2(table.out.contains("aws:ops"), table.out.constData());
    QVERIFY(table.out.contains("cluster  devops-ppp-eks  ACTIVE"));
    QVERIFY(table.out.contains("SignatureDoesNotMatch"));
    QCOMPARE(orrery({QStringLiteral("--clouds"), QStringLiteral("--account"),
                     QStringLiteral("aws:nope")})
                 .exitCode,
             1);

    const QString kubeconfig = m_dir.filePath(QStringLiteral("headless-kubeconfig"));
    const Run added
        = orrery({QStringLiteral("--add-to-kubeconfig"), s_arn, QStringLiteral("--account"),
                  QStringLiteral("aws:admin"), QStringLiteral("--kubeconfig"), kubeconfig});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QVERIFY2(added.out.contains("+current-context: " + s_arn.toUtf8()), added.out.constData());
    QFile written(kubeconfig);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().contains("AWS_PROFILE"));
    const Run again
        = orrery({QStringLiteral("--add-to-kubeconfig"), s_arn, QStringLiteral("--account"),
                  QStringLiteral("aws:admin"), QStringLiteral("--kubeconfig"), kubeconfig});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains("already holds"), again.out.constData());
    QCOMPARE(orrery({QStringLiteral("--add-to-kubeconfig"), QStringLiteral("nothing"),
                     QStringLiteral("--account"), QStringLiteral("aws:admin")})
                 .exitCode,
             1);
}

QTEST_GUILESS_MAIN(tst_CloudAccountsSim)
#include "tst_cloudaccounts_sim.moc"
