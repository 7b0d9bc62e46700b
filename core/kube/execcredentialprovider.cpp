// SPDX-License-Identifier: GPL-3.0-or-later
#include "execcredentialprovider.h"

#include "loginshellpath.h"
#include "pluginprocess.h"
#include "util/jsonread.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcExec, "orrery.auth.exec", QtInfoMsg)

namespace Orrery {

namespace {

const QString kV1 = QStringLiteral("client.authentication.k8s.io/v1");
const QString kV1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");

// Enough of a plugin's stderr to see why it failed, without flooding a dialog.
constexpr qsizetype kMaxStderr = 600;

QString truncatedStderr(const QByteArray &raw)
{
    QString text = QString::fromLocal8Bit(raw).trimmed();
    if (text.size() > kMaxStderr)
        text = QStringLiteral("...") + text.right(kMaxStderr);
    return text;
}

std::optional<QString> optionalString(const nlohmann::json &object, const char *key, QString *out)
{
    // client-go refuses a wrong type here rather than treating it as absent; so do we.
    const nlohmann::json *value = JsonRead::find(object, key);
    if (!value)
        return std::nullopt;
    if (!value->is_string())
        return QStringLiteral("exec plugin returned a non-string status.%1")
            .arg(QLatin1String(key));
    *out = JsonRead::toString(*value);
    return std::nullopt;
}

} // namespace

ExecCredentialProvider::ExecCredentialProvider(KubeExecConfig config, nlohmann::json clusterInfo,
                                               Options options)
    : m_config(std::move(config))
    , m_clusterInfo(std::move(clusterInfo))
    , m_options(std::move(options))
{
}

ExecCredentialProvider::ExecCredentialProvider(KubeExecConfig config, nlohmann::json clusterInfo)
    : ExecCredentialProvider(std::move(config), std::move(clusterInfo), Options())
{
}

int ExecCredentialProvider::runCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_runs;
}

std::optional<QString> ExecCredentialProvider::validate(const KubeExecConfig &config)
{
    if (config.command.isEmpty())
        return QStringLiteral("exec: command is empty");
    if (config.apiVersion != kV1 && config.apiVersion != kV1beta1) {
        return QStringLiteral("exec plugin apiVersion \"%1\" is not supported (use %2 or %3)")
            .arg(config.apiVersion, kV1, kV1beta1);
    }
    if (config.interactiveMode.isEmpty()) {
        if (config.apiVersion == kV1)
            return QStringLiteral("interactiveMode must be specified for %1 to use exec "
                                  "authentication plugin")
                .arg(kV1);
    } else if (config.interactiveMode != QLatin1String("Never")
               && config.interactiveMode != QLatin1String("IfAvailable")
               && config.interactiveMode != QLatin1String("Always")) {
        return QStringLiteral("invalid interactiveMode \"%1\" (use Never, IfAvailable or Always)")
            .arg(config.interactiveMode);
    }
    return std::nullopt;
}

nlohmann::json ExecCredentialProvider::clusterInfo(const ClusterConnection &connection,
                                                   const nlohmann::json &execExtension)
{
    // Field names and omitempty as in client.authentication.k8s.io/v1 Cluster.
    nlohmann::json cluster = {{"server", connection.server.toStdString()}};
    if (!connection.tlsServerName.isEmpty())
        cluster["tls-server-name"] = connection.tlsServerName.toStdString();
    if (connection.insecureSkipTlsVerify)
        cluster["insecure-skip-tls-verify"] = true;
    if (!connection.certificateAuthorityPem.isEmpty())
        cluster["certificate-authority-data"]
            = connection.certificateAuthorityPem.toBase64().toStdString();
    if (!connection.proxyUrl.isEmpty())
        cluster["proxy-url"] = connection.proxyUrl.toStdString();
    if (connection.disableCompression)
        cluster["disable-compression"] = true;
    if (!execExtension.is_null())
        cluster["config"] = execExtension;
    return cluster;
}

Result<Credential> ExecCredentialProvider::parseOutput(const QByteArray &output,
                                                       const QString &apiVersion)
{
    const auto fail = [](const QString &message) { return Error(Error::Code::AuthError, message); };
    const nlohmann::json doc = JsonRead::parse(output);
    if (doc.is_discarded() || !doc.is_object())
        return fail(QStringLiteral("exec plugin output is not a JSON object"));
    const std::string gotVersion = JsonRead::stdString(doc, "apiVersion");
    if (QString::fromStdString(gotVersion) != apiVersion) {
        return fail(QStringLiteral("exec plugin is configured to use API version %1, plugin "
                                   "returned version %2")
                        .arg(apiVersion, gotVersion.empty()
                                             ? QStringLiteral("(none)")
                                             : QString::fromStdString(gotVersion).left(80)));
    }
    if (JsonRead::string(doc, "kind") != QLatin1String("ExecCredential"))
        return fail(QStringLiteral("exec plugin output is not an ExecCredential"));
    const nlohmann::json *status = JsonRead::find(doc, "status");
    if (!status || !status->is_object())
        return fail(QStringLiteral("exec plugin didn't return a status field"));

    QString token, cert, key, expiry;
    for (const auto &[name, target] :
         {std::pair{"token", &token}, std::pair{"clientCertificateData", &cert},
          std::pair{"clientKeyData", &key}, std::pair{"expirationTimestamp", &expiry}}) {
        if (auto problem = optionalString(*status, name, target))
            return fail(*problem);
    }
    if (cert.isEmpty() != key.isEmpty())
        return fail(QStringLiteral("exec plugin returned only certificate or key, not both"));
    if (token.isEmpty() && cert.isEmpty())
        return fail(QStringLiteral("exec plugin didn't return a token or cert/key pair"));

    Credential credential;
    credential.bearerToken = token.toUtf8();
    credential.clientCertPem = cert.toUtf8();
    credential.clientKeyPem = key.toUtf8();
    if (!expiry.isEmpty()) {
        credential.expiry = QDateTime::fromString(expiry, Qt::ISODateWithMs);
        if (!credential.expiry.isValid())
            return fail(QStringLiteral("exec plugin returned an invalid expirationTimestamp \"%1\"")
                            .arg(expiry.left(64)));
        credential.expiry = credential.expiry.toUTC();
    }
    return credential;
}

Result<Credential> ExecCredentialProvider::credential()
{
    QMutexLocker lock(&m_mutex);
    if (m_cached) {
        if (!m_cached->expiry.isValid() || QDateTime::currentDateTimeUtc() < m_cached->expiry)
            return *m_cached;
        qCDebug(lcExec) << "cached exec credential expired; re-running" << m_config.command;
        m_cached.reset();
    }
    Result<Credential> result = run();
    if (result.ok())
        m_cached = result.value();
    return result;
}

std::optional<Result<Credential>> ExecCredentialProvider::credentialIfReady()
{
    // A plugin run holds the mutex: do not wait for it.
    if (!m_mutex.tryLock())
        return std::nullopt;
    std::optional<Result<Credential>> ready;
    if (m_cached
        && (!m_cached->expiry.isValid() || QDateTime::currentDateTimeUtc() < m_cached->expiry))
        ready = Result<Credential>(*m_cached);
    m_mutex.unlock();
    return ready;
}

void ExecCredentialProvider::reportUnauthorized(const Credential &used)
{
    QMutexLocker lock(&m_mutex);
    // Only drop the cache if the rejected credential is still the cached one: another thread
    // may already have fetched a fresh one that must not be thrown away.
    if (m_cached && m_cached->bearerToken == used.bearerToken
        && m_cached->clientCertPem == used.clientCertPem) {
        qCDebug(lcExec) << "exec credential rejected with 401; plugin re-runs on next use";
        m_cached.reset();
    }
}

Error ExecCredentialProvider::makeError(Error::Code code, const QString &message) const
{
    Error error(code, message, m_options.contextLabel);
    if (!m_config.installHint.isEmpty())
        error.hint = m_config.installHint.trimmed();
    return error;
}

QStringList ExecCredentialProvider::searchPath() const
{
    // Relative entries ("", ".", "bin") would find a program by the current directory, which
    // anyone who can write there controls; client-go's exec.LookPath refuses such results.
    QStringList dirs
        = m_options.searchPath.isEmpty() ? LoginShellPath::searchPath() : m_options.searchPath;
    dirs.removeIf([](const QString &dir) { return !QDir::isAbsolutePath(dir); });
    return dirs;
}

QString ExecCredentialProvider::resolveCommand() const
{
    if (m_config.command.contains(QLatin1Char('/'))) {
        const QFileInfo info(m_config.command);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    const QStringList dirs = searchPath();
    // findExecutable() with an empty list searches the process PATH, relative entries included.
    return dirs.isEmpty() ? QString() : QStandardPaths::findExecutable(m_config.command, dirs);
}

Result<Credential> ExecCredentialProvider::run()
{
    if (auto problem = validate(m_config))
        return makeError(Error::Code::InvalidArgument, *problem);

    const QString program = resolveCommand();
    if (program.isEmpty()) {
        Error error = makeError(Error::Code::NotFound,
                                m_config.command.contains(QLatin1Char('/'))
                                    ? QStringLiteral("exec plugin \"%1\" does not exist or is not "
                                                     "executable")
                                          .arg(m_config.command)
                                    : QStringLiteral("exec plugin \"%1\" not found in PATH or the "
                                                     "usual install directories")
                                          .arg(m_config.command));
        if (error.hint.isEmpty())
            error.hint = QStringLiteral("install it, or put its absolute path in the kubeconfig "
                                        "exec command");
        return error;
    }

    const bool terminal = m_options.stdinIsTerminal.value_or(isatty(STDIN_FILENO) == 1);
    const QString mode = m_config.interactiveMode.isEmpty() ? QStringLiteral("IfAvailable")
                                                            : m_config.interactiveMode;
    const bool interactive = mode != QLatin1String("Never") && terminal;
    if (mode == QLatin1String("Always") && !terminal) {
        return makeError(Error::Code::AuthError,
                         QStringLiteral("exec plugin \"%1\" needs an interactive terminal "
                                        "(interactiveMode Always) but standard input is not one")
                             .arg(m_config.command));
    }

    nlohmann::json spec = {{"interactive", interactive}};
    if (m_config.provideClusterInfo && !m_clusterInfo.is_null())
        spec["cluster"] = m_clusterInfo;
    const nlohmann::json info = {{"apiVersion", m_config.apiVersion.toStdString()},
                                 {"kind", "ExecCredential"},
                                 {"spec", spec}};

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Plugins call other tools (gke-gcloud-auth-plugin needs gcloud, aws needs python): give
    // them the same search path we found them with.
    env.insert(QStringLiteral("PATH"), searchPath().join(QLatin1Char(':')));
    for (const auto &[name, value] : m_config.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
               QString::fromStdString(JsonRead::dump(info)));

    PluginCommand command;
    command.program = program;
    command.arguments = m_config.args;
    command.environment = env;
    command.interactive = interactive;
    command.timeoutMs = m_options.timeoutMs;
    command.registry = m_options.registry;

    ++m_runs;
    qCDebug(lcExec) << "running exec plugin" << program << "interactive" << interactive;
    const PluginRun process = runPluginProcess(command);
    switch (process.outcome) {
    case PluginRun::Outcome::FailedToStart:
        return makeError(Error::Code::AuthError,
                         QStringLiteral("exec plugin \"%1\" could not be started: %2")
                             .arg(program, process.errorString));
    case PluginRun::Outcome::TimedOut:
        return makeError(Error::Code::Timeout,
                         QStringLiteral("exec plugin \"%1\" did not finish within %2 s")
                             .arg(program)
                             .arg(m_options.timeoutMs / 1000.0));
    case PluginRun::Outcome::Cancelled:
        return makeError(
            Error::Code::Cancelled,
            QStringLiteral("exec plugin \"%1\" was stopped: %2").arg(program, process.errorString));
    case PluginRun::Outcome::Finished: break;
    }
    const QString stderrText = interactive ? QString() : truncatedStderr(process.standardError);
    if (process.crashed || process.exitCode != 0) {
        QString message = process.crashed
                              ? QStringLiteral("exec plugin \"%1\" crashed").arg(program)
                              : QStringLiteral("exec plugin \"%1\" failed with exit code %2")
                                    .arg(program)
                                    .arg(process.exitCode);
        if (!stderrText.isEmpty())
            message += QStringLiteral(": ") + stderrText;
        return makeError(Error::Code::AuthError, message);
    }

    Result<Credential> parsed = parseOutput(process.standardOutput, m_config.apiVersion);
    if (!parsed.ok()) {
        Error error = parsed.error();
        error.context = m_options.contextLabel;
        error.message += QStringLiteral(" (plugin \"%1\")").arg(program);
        return error;
    }
    return parsed;
}

} // namespace Orrery
