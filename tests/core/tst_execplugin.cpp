// SPDX-License-Identifier: GPL-3.0-or-later
// Exec credential plugins, token files and the login-shell PATH, with small shell plugins
// generated into a temporary directory.

#include "kube/execcredentialprovider.h"
#include "kube/kubeconfig.h"
#include "kube/loginshellpath.h"
#include "kube/pluginprocess.h"
#include "kube/tokenfilecredentialprovider.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include <csignal>
#include <sys/types.h>

using namespace Orrery;

namespace {

const QString kV1 = QStringLiteral("client.authentication.k8s.io/v1");
const QString kV1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");

bool writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(content);
    file.close();
    if (executable)
        file.setPermissions(file.permissions() | QFile::ExeOwner | QFile::ExeGroup
                            | QFile::ExeOther);
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString errorText(const Error &error)
{
    return error.toString();
}

// Alive and not a zombie: an orphan is reaped by whoever adopted it, which may take a moment
// (or never, in a container whose init does not reap), and a zombie runs nothing.
bool processRuns(pid_t pid)
{
    if (pid <= 0 || ::kill(pid, 0) != 0)
        return false;
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 || stat.mid(close + 2, 1) != "Z";
}

// Kills what a failed test left behind, so a failure does not leave a 30 s sleep around.
struct KillOnExit
{
    QList<pid_t> pids;
    ~KillOnExit()
    {
        for (const pid_t pid : pids)
            if (pid > 0)
                ::kill(pid, SIGKILL);
    }
};

} // namespace

class tst_ExecPlugin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void searchPathFindsCloudPlugins();
    void token_data();
    void token();
    void clientCertificate();
    void expiry_data();
    void expiry();
    void failureWithInstallHint();
    void longStderrTruncated();
    void missingCommand_data();
    void missingCommand();
    void foundOnSearchPathOnly();
    void environmentAndArgs();
    void execInfoWithClusterInfo();
    void interactiveMode_data();
    void interactiveMode();
    void reportUnauthorizedReruns();
    void concurrentCallersShareOneRun();
    void kubeconfigConnectionsShareOneRun();
    void timeout();
    void timeoutKillsTheWholeProcessGroup();
    void shutdownCancelsRunningPluginWithinASecond();
    void relativeSearchPathEntriesIgnored();
    void outputValidation_data();
    void outputValidation();
    void invalidOutputFromPluginHidesToken();
    void validateConfig_data();
    void validateConfig();
    void tokenFileReread();
    void tokenFileErrors();
    void loginShellQuery();
    void combineSearchPath();

private:
    // A plugin that counts its runs, records KUBERNETES_EXEC_INFO, its environment and args
    // in m_dir, and prints an ExecCredential with `status` (shell-expanded: $n is the run).
    QString writePlugin(const QString &name, const QString &apiVersion, const QString &status,
                        const QString &extra = {});
    KubeExecConfig execConfig(const QString &command, const QString &apiVersion = kV1) const;
    ExecCredentialProvider::Options options() const;
    int runsRecorded() const
    {
        return readFile(m_dir.filePath(QStringLiteral("count"))).trimmed().toInt();
    }
    nlohmann::json execInfo() const;

    QTemporaryDir m_dir;
};

void tst_ExecPlugin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(QStringLiteral("orrery.*.debug=false"));
}

QString tst_ExecPlugin::writePlugin(const QString &name, const QString &apiVersion,
                                    const QString &status, const QString &extra)
{
    const QString path = m_dir.filePath(name);
    const QString script
        = QStringLiteral(
              "#!/bin/sh\n"
              "d=\"$ORRERY_PLUGIN_DIR\"\n"
              "n=0\n"
              "[ -f \"$d/count\" ] && read n < \"$d/count\"\n"
              "n=$((n + 1))\n"
              "echo \"$n\" > \"$d/count\"\n"
              "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$d/info.json\"\n"
              "printf 'A=%s\\nB=%s\\nPARENT=%s\\nPATH=%s\\n' \"$ORRERY_A\" \"$ORRERY_B\" "
              "\"$ORRERY_PARENT\" "
              "\"$PATH\" > \"$d/env.txt\"\n"
              "printf '%s\\n' \"$@\" > \"$d/args.txt\"\n"
              "%1\n"
              "printf '{\"apiVersion\":\"%2\",\"kind\":\"ExecCredential\",\"status\":%s}\\n' "
              "\"%3\"\n")
              .arg(extra, apiVersion,
                   QString(status).replace(QLatin1Char('"'), QLatin1String("\\\"")));
    if (!writeFile(path, script.toUtf8(), true))
        return {};
    QFile::remove(m_dir.filePath(QStringLiteral("count")));
    QFile::remove(m_dir.filePath(QStringLiteral("info.json")));
    return path;
}

KubeExecConfig tst_ExecPlugin::execConfig(const QString &command, const QString &apiVersion) const
{
    KubeExecConfig config;
    config.command = command;
    config.apiVersion = apiVersion;
    config.interactiveMode = QStringLiteral("Never");
    config.env = {{QStringLiteral("ORRERY_PLUGIN_DIR"), m_dir.path()}};
    return config;
}

ExecCredentialProvider::Options tst_ExecPlugin::options() const
{
    ExecCredentialProvider::Options o;
    o.searchPath = {m_dir.path(), QStringLiteral("/usr/bin"), QStringLiteral("/bin")};
    o.timeoutMs = 30000;
    o.stdinIsTerminal = false;
    o.contextLabel = QStringLiteral("user \"test\"");
    return o;
}

nlohmann::json tst_ExecPlugin::execInfo() const
{
    const QByteArray raw = readFile(m_dir.filePath(QStringLiteral("info.json")));
    return nlohmann::json::parse(raw.constData(), raw.constData() + raw.size(), nullptr, false);
}

void tst_ExecPlugin::searchPathFindsCloudPlugins()
{
    // The desktop case: started with a minimal PATH, the plugin is still found. This must be
    // the first use of LoginShellPath::searchPath() in this process (it is cached).
    const QString plugin = QStringLiteral("/usr/lib/google-cloud-sdk/bin/gke-gcloud-auth-plugin");
    const QString shell = m_dir.filePath(QStringLiteral("profile-shell"));
    QVERIFY(writeFile(shell,
                      "#!/bin/sh\nPATH=/opt/orrery-login-only/bin; export PATH\n"
                      "[ \"$1\" = -l ] && shift\nexec /bin/sh \"$@\"\n",
                      true));
    const QByteArray oldPath = qgetenv("PATH");
    const QByteArray oldShell = qgetenv("SHELL");
    qputenv("PATH", "/nonexistent-orrery-dir");
    qputenv("SHELL", QFile::encodeName(shell));
    QStringList dirs = LoginShellPath::searchPath();
    qputenv("PATH", oldPath);
    qputenv("SHELL", oldShell);
    QCOMPARE(dirs.mid(0, 2),
             (QStringList{"/nonexistent-orrery-dir", "/opt/orrery-login-only/bin"}));
    QVERIFY(dirs.contains(QStringLiteral("/usr/local/bin")));
    QVERIFY(dirs.contains(QDir::home().filePath(QStringLiteral(".krew/bin"))));
    QCOMPARE(dirs.removeDuplicates(), 0);
    QCOMPARE(LoginShellPath::searchPath(), dirs); // cached
    if (!QFileInfo(plugin).isExecutable())
        QSKIP("gke-gcloud-auth-plugin is not installed here");
    const QString found
        = QStandardPaths::findExecutable(QStringLiteral("gke-gcloud-auth-plugin"), dirs);
    QVERIFY(!found.isEmpty());
    QCOMPARE(QFileInfo(found).canonicalFilePath(), QFileInfo(plugin).canonicalFilePath());
}

void tst_ExecPlugin::token_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::newRow("v1") << kV1;
    QTest::newRow("v1beta1") << kV1beta1;
}

void tst_ExecPlugin::token()
{
    QFETCH(QString, apiVersion);
    const QString plugin = writePlugin(QStringLiteral("token.sh"), apiVersion,
                                       QStringLiteral("{\"token\":\"plugin-token-$n\"}"));
    ExecCredentialProvider provider(execConfig(plugin, apiVersion), {}, options());
    QCOMPARE(provider.authKind(), QStringLiteral("exec"));

    auto first = provider.credential();
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : errorText(first.error())));
    QCOMPARE(first->bearerToken, QByteArray("plugin-token-1"));
    QVERIFY(!first->expiry.isValid());
    // No expirationTimestamp: cached for good.
    auto second = provider.credential();
    QVERIFY(second.ok());
    QCOMPARE(second->bearerToken, QByteArray("plugin-token-1"));
    QCOMPARE(provider.runCount(), 1);
    QCOMPARE(runsRecorded(), 1);

    const nlohmann::json info = execInfo();
    const nlohmann::json expected = {{"apiVersion", apiVersion.toStdString()},
                                     {"kind", "ExecCredential"},
                                     {"spec", {{"interactive", false}}}};
    QVERIFY2(info == expected, info.dump().c_str());
}

void tst_ExecPlugin::clientCertificate()
{
    const QString plugin = writePlugin(
        QStringLiteral("cert.sh"), kV1,
        QStringLiteral(
            "{\"clientCertificateData\":\"-----BEGIN CERTIFICATE-----\\\\nMIIB\\\\n-----END "
            "CERTIFICATE-----\\\\n\",\"clientKeyData\":\"-----BEGIN PRIVATE KEY-----\\\\nMIGH\\\\n"
            "-----END PRIVATE KEY-----\\\\n\"}"));
    ExecCredentialProvider provider(execConfig(plugin), {}, options());
    auto credential = provider.credential();
    QVERIFY2(credential.ok(),
             qPrintable(credential.ok() ? QString() : errorText(credential.error())));
    QCOMPARE(credential->clientCertPem,
             QByteArray("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"));
    QCOMPARE(credential->clientKeyPem,
             QByteArray("-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n"));
    QVERIFY(credential->bearerToken.isEmpty());
}

void tst_ExecPlugin::expiry_data()
{
    QTest::addColumn<QString>("timestamp");
    QTest::addColumn<int>("runsAfterTwoCalls");
    QTest::newRow("expired") << "2001-01-01T00:00:00Z" << 2;
    QTest::newRow("expired with fraction") << "2001-01-01T00:00:00.250Z" << 2;
    QTest::newRow("future") << "2999-01-01T00:00:00Z" << 1;
    QTest::newRow("future with offset") << "2999-01-01T02:00:00+02:00" << 1;
}

void tst_ExecPlugin::expiry()
{
    QFETCH(QString, timestamp);
    QFETCH(int, runsAfterTwoCalls);
    const QString plugin
        = writePlugin(QStringLiteral("expiry.sh"), kV1,
                      QStringLiteral("{\"token\":\"expiring-$n\",\"expirationTimestamp\":\"%1\"}")
                          .arg(timestamp));
    ExecCredentialProvider provider(execConfig(plugin), {}, options());
    auto first = provider.credential();
    QVERIFY(first.ok());
    QCOMPARE(first->expiry, QDateTime::fromString(timestamp, Qt::ISODateWithMs));
    QCOMPARE(first->expiry.timeSpec(), Qt::UTC);
    auto second = provider.credential();
    QVERIFY(second.ok());
    QCOMPARE(provider.runCount(), runsAfterTwoCalls);
    QCOMPARE(second->bearerToken, QStringLiteral("expiring-%1").arg(runsAfterTwoCalls).toUtf8());
}

void tst_ExecPlugin::failureWithInstallHint()
{
    const QString plugin = writePlugin(QStringLiteral("fail.sh"), kV1, QStringLiteral("{}"),
                                       QStringLiteral("echo 'boom: please log in' >&2; exit 3"));
    KubeExecConfig config = execConfig(plugin);
    config.installHint = QStringLiteral("Run `fail-cli login` first.");
    ExecCredentialProvider provider(config, {}, options());
    auto result = provider.credential();
    QVERIFY(!result.ok());
    const Error &error = result.error();
    QCOMPARE(error.code, Error::Code::AuthError);
    QVERIFY2(error.message.contains(QLatin1String("exit code 3")), qPrintable(error.message));
    QVERIFY(error.message.contains(QLatin1String("boom: please log in")));
    QCOMPARE(error.hint, QStringLiteral("Run `fail-cli login` first."));
    QCOMPARE(error.context, QStringLiteral("user \"test\""));
    QVERIFY(error.toString().contains(QLatin1String("fail-cli login")));
    // Failures are not cached: the next call tries again.
    QVERIFY(!provider.credential().ok());
    QCOMPARE(provider.runCount(), 2);
}

void tst_ExecPlugin::longStderrTruncated()
{
    const QString plugin = writePlugin(
        QStringLiteral("noisy.sh"), kV1, QStringLiteral("{}"),
        QStringLiteral(
            "i=0; while [ $i -lt 400 ]; do printf 'noise-line-%s\\n' $i >&2; i=$((i+1)); "
            "done; echo 'the-real-reason' >&2; exit 1"));
    ExecCredentialProvider provider(execConfig(plugin), {}, options());
    auto result = provider.credential();
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(QLatin1String("the-real-reason")));
    QVERIFY(!result.error().message.contains(QLatin1String("noise-line-0\n")));
    QVERIFY2(result.error().message.size() < 1000,
             qPrintable(QString::number(result.error().message.size())));
}

void tst_ExecPlugin::missingCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("installHint");
    QTest::newRow("bare name") << "orrery-no-such-plugin"
                               << "Install it from example.com.";
    QTest::newRow("path") << "/nonexistent/dir/plugin"
                          << "Install it from example.com.";
    QTest::newRow("no hint") << "orrery-no-such-plugin"
                             << "";
}

void tst_ExecPlugin::missingCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, installHint);
    KubeExecConfig config = execConfig(command);
    config.installHint = installHint;
    ExecCredentialProvider provider(config, {}, options());
    auto result = provider.credential();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::NotFound);
    QVERIFY(result.error().message.contains(command));
    if (!installHint.isEmpty())
        QCOMPARE(result.error().hint, installHint);
    else
        QVERIFY(!result.error().hint.isEmpty()); // generic advice
    QCOMPARE(provider.runCount(), 0);
}

void tst_ExecPlugin::foundOnSearchPathOnly()
{
    QTemporaryDir binDir;
    const QString path = binDir.filePath(QStringLiteral("orrery-test-cloud-plugin"));
    QVERIFY(writeFile(path,
                      "#!/bin/sh\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                      "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"from-search-path\"}}'\n",
                      true));
    QVERIFY(QStandardPaths::findExecutable(QStringLiteral("orrery-test-cloud-plugin")).isEmpty());
    ExecCredentialProvider::Options o = options();
    o.searchPath.prepend(binDir.path());
    ExecCredentialProvider provider(execConfig(QStringLiteral("orrery-test-cloud-plugin")), {}, o);
    auto result = provider.credential();
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : errorText(result.error())));
    QCOMPARE(result->bearerToken, QByteArray("from-search-path"));
}

void tst_ExecPlugin::environmentAndArgs()
{
    const QString plugin
        = writePlugin(QStringLiteral("env.sh"), kV1, QStringLiteral("{\"token\":\"env-token\"}"));
    const QByteArray oldParent = qgetenv("ORRERY_PARENT");
    const QByteArray oldB = qgetenv("ORRERY_B");
    qputenv("ORRERY_PARENT", "from-parent");
    qputenv("ORRERY_B", "parent-b");
    KubeExecConfig config = execConfig(plugin);
    config.env.append({QStringLiteral("ORRERY_A"), QStringLiteral("one")});
    config.env.append({QStringLiteral("ORRERY_B"), QStringLiteral("exec-b")}); // beats the parent
    config.args = {QStringLiteral("--flag"), QStringLiteral("with space"), QStringLiteral("")};
    ExecCredentialProvider provider(config, {}, options());
    auto result = provider.credential();
    qputenv("ORRERY_PARENT", oldParent);
    qputenv("ORRERY_B", oldB);
    QVERIFY(result.ok());

    const QList<QByteArray> env = readFile(m_dir.filePath(QStringLiteral("env.txt"))).split('\n');
    QVERIFY(env.contains("A=one"));
    QVERIFY(env.contains("B=exec-b"));
    QVERIFY(env.contains("PARENT=from-parent"));
    // The plugin gets the search path as PATH, so the tools it calls are found too.
    QVERIFY(env.contains("PATH=" + options().searchPath.join(QLatin1Char(':')).toLocal8Bit()));
    QCOMPARE(readFile(m_dir.filePath(QStringLiteral("args.txt"))),
             QByteArray("--flag\nwith space\n\n"));
}

void tst_ExecPlugin::execInfoWithClusterInfo()
{
    const QString plugin = writePlugin(QStringLiteral("info.sh"), kV1beta1,
                                       QStringLiteral("{\"token\":\"info-token\"}"));
    const QByteArray ca = "-----BEGIN CERTIFICATE-----\nZm9v\n-----END CERTIFICATE-----\n";
    const QString kubeconfig = m_dir.filePath(QStringLiteral("info-kubeconfig.yaml"));
    const QString yaml
        = QStringLiteral("clusters:\n"
                         "- name: c\n"
                         "  cluster:\n"
                         "    server: https://info.example:6443\n"
                         "    tls-server-name: info-tls.example\n"
                         "    certificate-authority-data: %1\n"
                         "    proxy-url: socks5://proxy.example:1080\n"
                         "    extensions:\n"
                         "    - name: client.authentication.k8s.io/exec\n"
                         "      extension: {audience: info, nested: {flag: true}}\n"
                         "users:\n"
                         "- name: with-info\n"
                         "  user:\n"
                         "    exec: {apiVersion: %2, command: %3, provideClusterInfo: true,\n"
                         "           env: [{name: ORRERY_PLUGIN_DIR, value: \"%4\"}]}\n"
                         "- name: without-info\n"
                         "  user:\n"
                         "    exec: {apiVersion: %2, command: %3,\n"
                         "           env: [{name: ORRERY_PLUGIN_DIR, value: \"%4\"}]}\n"
                         "contexts:\n"
                         "- {name: with-info, context: {cluster: c, user: with-info}}\n"
                         "- {name: without-info, context: {cluster: c, user: without-info}}\n")
              .arg(QString::fromLatin1(ca.toBase64()), kV1beta1, plugin, m_dir.path());
    QVERIFY(writeFile(kubeconfig, yaml.toUtf8()));
    const Kubeconfig config = Kubeconfig::loadFiles({kubeconfig});
    QVERIFY2(config.errors().isEmpty(), qPrintable(config.errors().value(0).toString()));

    auto with = config.connection(QStringLiteral("with-info"));
    QVERIFY(with.ok());
    QCOMPARE(with->credentials->authKind(), QStringLiteral("exec"));
    auto credential = with->credentials->credential();
    QVERIFY2(credential.ok(),
             qPrintable(credential.ok() ? QString() : errorText(credential.error())));
    const nlohmann::json expected
        = {{"apiVersion", kV1beta1.toStdString()},
           {"kind", "ExecCredential"},
           {"spec",
            {{"interactive", false},
             {"cluster",
              {{"server", "https://info.example:6443"},
               {"tls-server-name", "info-tls.example"},
               {"certificate-authority-data", ca.toBase64().toStdString()},
               {"proxy-url", "socks5://proxy.example:1080"},
               {"config", {{"audience", "info"}, {"nested", {{"flag", true}}}}}}}}}};
    QVERIFY2(execInfo() == expected, execInfo().dump().c_str());

    auto without = config.connection(QStringLiteral("without-info"));
    QVERIFY(without.ok());
    QVERIFY(without->credentials->credential().ok());
    QVERIFY2(!execInfo()["spec"].contains("cluster"), execInfo().dump().c_str());
}

void tst_ExecPlugin::interactiveMode_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("interactive");
    QTest::newRow("Never, terminal") << "Never" << true << true << false;
    QTest::newRow("IfAvailable, terminal") << "IfAvailable" << true << true << true;
    QTest::newRow("IfAvailable, no terminal") << "IfAvailable" << false << true << false;
    QTest::newRow("Always, terminal") << "Always" << true << true << true;
    QTest::newRow("Always, no terminal") << "Always" << false << false << false;
}

void tst_ExecPlugin::interactiveMode()
{
    QFETCH(QString, mode);
    QFETCH(bool, terminal);
    QFETCH(bool, ok);
    QFETCH(bool, interactive);
    const QString plugin = writePlugin(QStringLiteral("interactive.sh"), kV1,
                                       QStringLiteral("{\"token\":\"interactive-token\"}"));
    KubeExecConfig config = execConfig(plugin);
    config.interactiveMode = mode;
    ExecCredentialProvider::Options o = options();
    o.stdinIsTerminal = terminal;
    ExecCredentialProvider provider(config, {}, o);
    auto result = provider.credential();
    QCOMPARE(result.ok(), ok);
    if (!ok) {
        QVERIFY(result.error().message.contains(QLatin1String("interactive")));
        QCOMPARE(provider.runCount(), 0);
        return;
    }
    QCOMPARE(execInfo()["spec"]["interactive"].get<bool>(), interactive);
}

void tst_ExecPlugin::reportUnauthorizedReruns()
{
    const QString plugin = writePlugin(QStringLiteral("rotate.sh"), kV1,
                                       QStringLiteral("{\"token\":\"rotating-$n\"}"));
    ExecCredentialProvider provider(execConfig(plugin), {}, options());
    auto first = provider.credential();
    QVERIFY(first.ok());
    QCOMPARE(first->bearerToken, QByteArray("rotating-1"));

    // A 401 for a credential that is no longer the cached one changes nothing.
    Credential stale;
    stale.bearerToken = "rotating-0";
    provider.reportUnauthorized(stale);
    QCOMPARE(provider.credential()->bearerToken, QByteArray("rotating-1"));
    QCOMPARE(provider.runCount(), 1);

    provider.reportUnauthorized(first.value());
    auto second = provider.credential();
    QVERIFY(second.ok());
    QCOMPARE(second->bearerToken, QByteArray("rotating-2"));
    QCOMPARE(provider.runCount(), 2);
    // The old credential failing again (a late response) must not drop the fresh one.
    provider.reportUnauthorized(first.value());
    QCOMPARE(provider.credential()->bearerToken, QByteArray("rotating-2"));
    QCOMPARE(provider.runCount(), 2);
}

void tst_ExecPlugin::concurrentCallersShareOneRun()
{
    const QString plugin
        = writePlugin(QStringLiteral("shared.sh"), kV1, QStringLiteral("{\"token\":\"shared-$n\"}"),
                      QStringLiteral("sleep 0.2"));
    auto provider
        = std::make_shared<ExecCredentialProvider>(execConfig(plugin), nlohmann::json(), options());
    constexpr int kThreads = 4;
    std::vector<QByteArray> tokens(kThreads);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back(QThread::create([provider, &tokens, i] {
            auto result = provider->credential();
            tokens[i] = result.ok() ? result->bearerToken : QByteArray("error");
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60000));
    for (const QByteArray &token : tokens)
        QCOMPARE(token, QByteArray("shared-1"));
    QCOMPARE(provider->runCount(), 1);
}

void tst_ExecPlugin::kubeconfigConnectionsShareOneRun()
{
    // Several workers each ask the (shared, immutable) Kubeconfig for a connection and a
    // credential at once: one provider, one plugin run.
    const QString plugin
        = writePlugin(QStringLiteral("kc-shared.sh"), kV1,
                      QStringLiteral("{\"token\":\"kc-shared-$n\"}"), QStringLiteral("sleep 0.2"));
    const QString kubeconfig = m_dir.filePath(QStringLiteral("shared-kubeconfig.yaml"));
    QVERIFY(writeFile(
        kubeconfig,
        QStringLiteral(
            "clusters: [{name: c, cluster: {server: https://c.example}}]\n"
            "users: [{name: u, user: {exec: {apiVersion: %1, command: %2, "
            "interactiveMode: Never, env: [{name: ORRERY_PLUGIN_DIR, value: \"%3\"}]}}}]\n"
            "contexts: [{name: x, context: {cluster: c, user: u}}]\n")
            .arg(kV1, plugin, m_dir.path())
            .toUtf8()));
    const Kubeconfig config = Kubeconfig::loadFiles({kubeconfig});
    QVERIFY(config.errors().isEmpty());
    constexpr int kThreads = 4;
    std::vector<QByteArray> tokens(kThreads);
    std::vector<CredentialProvider *> providers(kThreads);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back(QThread::create([&config, &tokens, &providers, i] {
            auto conn = config.connection(QStringLiteral("x"));
            if (!conn.ok())
                return;
            providers[i] = conn->credentials.get();
            auto result = conn->credentials->credential();
            tokens[i] = result.ok() ? result->bearerToken : QByteArray("error");
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60000));
    for (int i = 0; i < kThreads; ++i) {
        QCOMPARE(tokens[i], QByteArray("kc-shared-1"));
        QCOMPARE(providers[i], providers[0]);
    }
    QCOMPARE(runsRecorded(), 1);
}

void tst_ExecPlugin::timeout()
{
    const QString plugin = writePlugin(QStringLiteral("hang.sh"), kV1, QStringLiteral("{}"),
                                       QStringLiteral("sleep 30"));
    ExecCredentialProvider::Options o = options();
    o.timeoutMs = 300;
    ExecCredentialProvider provider(execConfig(plugin), {}, o);
    auto result = provider.credential();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::Timeout);
}

// A plugin that starts a child of its own (aws → python, a browser helper) and hangs: the
// timeout must kill the child too, not only the shell.
void tst_ExecPlugin::timeoutKillsTheWholeProcessGroup()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("grandchild.pid"));
    QFile::remove(pidFile);
    const QString plugin
        = writePlugin(QStringLiteral("hang-with-child.sh"), kV1, QStringLiteral("{}"),
                      QStringLiteral("sleep 30 & echo $! > \"$d/grandchild.pid\"; wait"));
    ExecCredentialProvider::Options o = options();
    o.timeoutMs = 500;
    ExecCredentialProvider provider(execConfig(plugin), {}, o);
    const auto result = provider.credential();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::Timeout);
    const auto grandchild = pid_t(readFile(pidFile).trimmed().toInt());
    KillOnExit cleanup{{grandchild}};
    QVERIFY2(grandchild > 0, "the plugin did not start its child");
    QTRY_VERIFY_WITH_TIMEOUT(!processRuns(grandchild), 2000);
}

// Quitting: a plugin waiting for a browser login is killed with its children, and the thread
// that ran it returns, all within a second; later runs are refused at once.
void tst_ExecPlugin::shutdownCancelsRunningPluginWithinASecond()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("login-child.pid"));
    QFile::remove(pidFile);
    const QString plugin
        = writePlugin(QStringLiteral("browser-login.sh"), kV1, QStringLiteral("{}"),
                      QStringLiteral("sleep 60 & echo $! > \"$d/login-child.pid\"; wait"));
    PluginProcessRegistry registry;
    ExecCredentialProvider::Options o = options();
    o.timeoutMs = 120000;
    o.registry = &registry;
    ExecCredentialProvider provider(execConfig(plugin), {}, o);

    std::atomic<bool> returned = false;
    std::optional<Result<Credential>> result;
    registry.runInBackground([&] {
        result = provider.credential();
        returned = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(pidFile) && registry.runningCount() == 1, 10000);
    const auto child = pid_t(readFile(pidFile).trimmed().toInt());
    KillOnExit cleanup{{child}};
    QVERIFY(processRuns(child));

    QElapsedTimer clock;
    clock.start();
    QVERIFY(registry.shutdown());
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(returned);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, Error::Code::Cancelled);
    QCOMPARE(registry.runningCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processRuns(child), 2000);

    // After quit nothing starts again.
    const int runs = runsRecorded();
    const auto again = provider.credential();
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::Cancelled);
    QCOMPARE(runsRecorded(), runs);
}

// client-go (exec.LookPath) never runs a plugin found through a relative PATH entry: "bin" or
// "." means whatever directory Orrery happens to run in.
void tst_ExecPlugin::relativeSearchPathEntriesIgnored()
{
    QTemporaryDir cwd;
    QVERIFY(QDir(cwd.path()).mkpath(QStringLiteral("bin")));
    QVERIFY(writeFile(cwd.filePath(QStringLiteral("bin/orrery-relative-plugin")),
                      "#!/bin/sh\nprintf '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                      "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"planted\"}}'\n",
                      true));
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(cwd.path()));
    ExecCredentialProvider::Options o = options();
    o.searchPath = {QStringLiteral("bin"), QStringLiteral("."), QStringLiteral("/usr/bin")};
    ExecCredentialProvider provider(execConfig(QStringLiteral("orrery-relative-plugin")), {}, o);
    const auto result = provider.credential();
    QDir::setCurrent(previous);
    QVERIFY2(!result.ok(), "a plugin was run from a relative PATH entry");
    QCOMPARE(result.error().code, Error::Code::NotFound);
    // The login-shell search path drops them too.
    const QStringList dirs = LoginShellPath::combine(QStringLiteral("bin:.:/usr/bin"),
                                                     QStringLiteral("./tools:/opt/x/bin"), {});
    QVERIFY(!dirs.contains(QStringLiteral("bin")));
    QVERIFY(!dirs.contains(QStringLiteral(".")));
    QVERIFY(!dirs.contains(QStringLiteral("tools")));
    QVERIFY(dirs.contains(QStringLiteral("/opt/x/bin")));
}

void tst_ExecPlugin::outputValidation_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("messagePart");

    const QByteArray head
        = R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)";
    QTest::newRow("token") << head + R"("status":{"token":"sekret-token-123"}})" << true << "";
    QTest::newRow("cert and key")
        << head + R"("status":{"clientCertificateData":"C","clientKeyData":"K"}})" << true << "";
    QTest::newRow("not json") << QByteArray("token=sekret-token-123") << false << "not a JSON";
    QTest::newRow("array") << QByteArray("[\"sekret-token-123\"]") << false << "not a JSON";
    QTest::newRow("wrong version")
        << QByteArray(
               R"({"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential",)"
               R"("status":{"token":"sekret-token-123"}})")
        << false << "returned version client.authentication.k8s.io/v1beta1";
    QTest::newRow("no version") << QByteArray(
        R"({"kind":"ExecCredential","status":{"token":"sekret-token-123"}})")
                                << false << "(none)";
    QTest::newRow("wrong kind") << QByteArray(
        R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"Secret",)"
        R"("status":{"token":"sekret-token-123"}})")
                                << false << "not an ExecCredential";
    QTest::newRow("no status") << head + R"("spec":{}})" << false << "status";
    QTest::newRow("empty status") << head + R"("status":{}})" << false << "token or cert/key";
    QTest::newRow("cert only") << head + R"("status":{"clientCertificateData":"sekret-token-123"}})"
                               << false << "only certificate or key";
    QTest::newRow("key only") << head + R"("status":{"clientKeyData":"sekret-token-123"}})" << false
                              << "only certificate or key";
    QTest::newRow("token not a string")
        << head + R"("status":{"token":12345}})" << false << "non-string";
    QTest::newRow("bad expiry")
        << head + R"("status":{"token":"sekret-token-123","expirationTimestamp":"tomorrow"}})"
        << false << "expirationTimestamp";
}

void tst_ExecPlugin::outputValidation()
{
    QFETCH(QByteArray, output);
    QFETCH(bool, ok);
    QFETCH(QString, messagePart);
    auto result = ExecCredentialProvider::parseOutput(output, kV1);
    QCOMPARE(result.ok(), ok);
    if (ok)
        return;
    QCOMPARE(result.error().code, Error::Code::AuthError);
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
    QVERIFY2(!result.error().toString().contains(QLatin1String("sekret-token-123")),
             "the error quotes the credential");
}

void tst_ExecPlugin::invalidOutputFromPluginHidesToken()
{
    // Valid token, wrong apiVersion: the run fails and nothing of the output leaks.
    const QString plugin = writePlugin(QStringLiteral("mismatch.sh"), kV1beta1,
                                       QStringLiteral("{\"token\":\"sekret-token-456\"}"));
    ExecCredentialProvider provider(execConfig(plugin, kV1), {}, options());
    auto result = provider.credential();
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(QLatin1String("plugin returned version")));
    QVERIFY(result.error().message.contains(plugin));
    QVERIFY(!result.error().toString().contains(QLatin1String("sekret-token-456")));
}

void tst_ExecPlugin::validateConfig_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("valid");
    QTest::newRow("v1 Never") << kV1 << "Never"
                              << "x" << true;
    QTest::newRow("v1 without mode") << kV1 << ""
                                     << "x" << false;
    QTest::newRow("v1beta1 without mode") << kV1beta1 << ""
                                          << "x" << true;
    QTest::newRow("bad mode") << kV1 << "Sometimes"
                              << "x" << false;
    QTest::newRow("v1alpha1") << "client.authentication.k8s.io/v1alpha1"
                              << "Never"
                              << "x" << false;
    QTest::newRow("no command") << kV1 << "Never"
                                << "" << false;
}

void tst_ExecPlugin::validateConfig()
{
    QFETCH(QString, apiVersion);
    QFETCH(QString, mode);
    QFETCH(QString, command);
    QFETCH(bool, valid);
    KubeExecConfig config;
    config.apiVersion = apiVersion;
    config.interactiveMode = mode;
    config.command = command;
    QCOMPARE(!ExecCredentialProvider::validate(config).has_value(), valid);
    if (!valid) {
        ExecCredentialProvider provider(config, {}, options());
        auto result = provider.credential();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::InvalidArgument);
        QCOMPARE(provider.runCount(), 0);
    }
}

void tst_ExecPlugin::tokenFileReread()
{
    const QString path = m_dir.filePath(QStringLiteral("token-file"));
    QVERIFY(writeFile(path, "first-token\n"));
    Credential base;
    base.clientCertPem = "CERT";
    base.clientKeyPem = "KEY";
    TokenFileCredentialProvider provider(path, base);
    QCOMPARE(provider.authKind(), QStringLiteral("tokenFile"));
    auto first = provider.credential();
    QVERIFY(first.ok());
    QCOMPARE(first->bearerToken, QByteArray("first-token")); // trimmed
    QCOMPARE(first->clientCertPem, QByteArray("CERT"));

    // Rotated with a new size: picked up on the next call.
    QVERIFY(writeFile(path, "rotated-token-2"));
    QCOMPARE(provider.credential()->bearerToken, QByteArray("rotated-token-2"));

    // Same size and the old modification time: the cache cannot see it ...
    const QDateTime modified = QFileInfo(path).lastModified();
    QVERIFY(writeFile(path, "rotated-token-3"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
    }
    auto cached = provider.credential();
    QCOMPARE(cached->bearerToken, QByteArray("rotated-token-2"));
    // ... until the server rejects the cached token.
    provider.reportUnauthorized(cached.value());
    QCOMPARE(provider.credential()->bearerToken, QByteArray("rotated-token-3"));
}

void tst_ExecPlugin::tokenFileErrors()
{
    const QString path = m_dir.filePath(QStringLiteral("token-file-errors"));
    TokenFileCredentialProvider provider(path);
    auto missing = provider.credential();
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::FileError);
    QCOMPARE(missing.error().file, path);

    QVERIFY(writeFile(path, "  \n"));
    auto empty = provider.credential();
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, Error::Code::AuthError);

    QVERIFY(writeFile(path, "secret-file-token-789"));
    QVERIFY(provider.credential().ok());
    QVERIFY(QFile::remove(path));
    auto gone = provider.credential();
    QVERIFY(!gone.ok());
    QVERIFY(!gone.error().toString().contains(QLatin1String("secret-file-token-789")));
}

void tst_ExecPlugin::loginShellQuery()
{
    // A profile that prints a banner and sets its own PATH, as real ones do.
    const QString shell = m_dir.filePath(QStringLiteral("fake-shell"));
    QVERIFY(writeFile(shell,
                      "#!/bin/sh\n"
                      "echo 'Welcome to the fake login shell'\n"
                      "PATH=/opt/fake-login/bin:/usr/bin:/bin; export PATH\n"
                      "[ \"$1\" = -l ] && shift\n"
                      "exec /bin/sh \"$@\"\n",
                      true));
    QCOMPARE(LoginShellPath::queryLoginShell(shell, 10000),
             QStringLiteral("/opt/fake-login/bin:/usr/bin:/bin"));

    const QString hanging = m_dir.filePath(QStringLiteral("hanging-shell"));
    QVERIFY(writeFile(hanging, "#!/bin/sh\nsleep 30\n", true));
    QCOMPARE(LoginShellPath::queryLoginShell(hanging, 300), QString());
    QCOMPARE(LoginShellPath::queryLoginShell(m_dir.filePath(QStringLiteral("no-shell")), 1000),
             QString());

    const QString failing = m_dir.filePath(QStringLiteral("failing-shell"));
    QVERIFY(writeFile(failing, "#!/bin/sh\necho nothing useful\nexit 1\n", true));
    QCOMPARE(LoginShellPath::queryLoginShell(failing, 1000), QString());

    QVERIFY(!LoginShellPath::userShell().isEmpty());
}

void tst_ExecPlugin::combineSearchPath()
{
    QStringList dirs = LoginShellPath::combine(
        QStringLiteral("/usr/bin:/custom/bin::/usr/bin/"),
        QStringLiteral("/login/bin:/custom/bin:/usr/local/bin"), QStringLiteral("/home/u"));
    QCOMPARE(dirs.mid(0, 4),
             (QStringList{"/usr/bin", "/custom/bin", "/login/bin", "/usr/local/bin"}));
    QCOMPARE(dirs.removeDuplicates(), 0);
    for (const char *expected :
         {"/usr/lib/google-cloud-sdk/bin", "/snap/bin", "/opt/homebrew/bin", "/home/u/.local/bin",
          "/home/u/bin", "/home/u/go/bin", "/home/u/.krew/bin"})
        QVERIFY2(dirs.contains(QLatin1String(expected)), expected);
    QVERIFY(!dirs.contains(QString()));
}

QTEST_GUILESS_MAIN(tst_ExecPlugin)
#include "tst_execplugin.moc"
