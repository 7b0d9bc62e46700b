// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubcredentials.h"

#include "kube/pluginprocess.h"
#include "pipelines/pipelinesecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GitHubCredentials", text);
}

bool isGitHubCom(const QString &host)
{
    return host.compare(QLatin1String("github.com"), Qt::CaseInsensitive) == 0;
}

Credential bearer(const QByteArray &token)
{
    Credential c;
    c.bearerToken = token;
    return c;
}

// A token is one line of visible ASCII; anything else (an error text on stdout, a prompt) is
// not used, and not shown either.
bool plausibleToken(const QByteArray &token)
{
    if (token.isEmpty() || token.size() > 4096)
        return false;
    for (char c : token)
        if (c <= ' ' || c > '~')
            return false;
    return true;
}

} // namespace

GitHubCredentials::GitHubCredentials(QString host, Options options)
    : m_host(std::move(host))
    , m_options(std::move(options))
{
}

GitHubCredentials::GitHubCredentials(QString host)
    : GitHubCredentials(std::move(host), Options())
{
}

QString GitHubCredentials::secretKey(const QString &host)
{
    return QStringLiteral("github:") + host.toLower();
}

Result<void> GitHubCredentials::storeToken(SecretStore &store, const QString &host,
                                           const QByteArray &token)
{
    const QByteArray t = token.trimmed();
    if (!plausibleToken(t))
        return Error(Error::Code::InvalidArgument,
                     tr("this is not a GitHub token (one line without spaces)"));
    return store.write(secretKey(host), t);
}

std::optional<Credential> GitHubCredentials::fromEnvironment(QString *origin) const
{
    const QStringList names
        = isGitHubCom(m_host)
              ? QStringList{QStringLiteral("GH_TOKEN"), QStringLiteral("GITHUB_TOKEN")}
              : QStringList{QStringLiteral("GH_ENTERPRISE_TOKEN"),
                            QStringLiteral("GITHUB_ENTERPRISE_TOKEN")};
    for (const QString &name : names) {
        const QByteArray token = m_options.environment.value(name).toUtf8().trimmed();
        if (plausibleToken(token)) {
            *origin = name;
            return bearer(token);
        }
    }
    return std::nullopt;
}

std::optional<Result<Credential>> GitHubCredentials::credentialIfReady()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_cached)
            return Result<Credential>(*m_cached);
    }
    QString origin;
    if (std::optional<Credential> env = fromEnvironment(&origin)) {
        std::lock_guard lock(m_mutex);
        m_cached = env;
        m_origin = origin;
        return Result<Credential>(*env);
    }
    return std::nullopt; // gh or the keyring: off this thread
}

void GitHubCredentials::remember(const Credential &credential, const QString &origin)
{
    std::lock_guard lock(m_mutex);
    m_cached = credential;
    m_origin = origin;
}

Result<Credential> GitHubCredentials::credential()
{
    // Concurrent callers share one lookup: the second finds the first one's answer cached.
    std::lock_guard lookup(m_lookup);
    {
        std::lock_guard lock(m_mutex);
        if (m_cached)
            return *m_cached;
    }
    QString origin;
    Result<Credential> found = lookUp(&origin);
    if (found.ok())
        remember(*found, origin);
    return found;
}

Result<Credential> GitHubCredentials::lookUp(QString *origin) const
{
    if (std::optional<Credential> env = fromEnvironment(origin))
        return *env;

    QStringList tried{isGitHubCom(m_host) ? tr("GH_TOKEN and GITHUB_TOKEN are not set")
                                          : tr("GH_ENTERPRISE_TOKEN is not set")};

    // gh's own login.
    QString gh = m_options.ghProgram;
    if (gh.isEmpty())
        gh = QStandardPaths::findExecutable(QStringLiteral("gh"),
                                            m_options.environment.value(QStringLiteral("PATH"))
                                                .split(QDir::listSeparator(), Qt::SkipEmptyParts));
    if (gh.isEmpty()) {
        tried.append(tr("gh is not installed"));
    } else {
        PluginCommand command;
        command.program = gh;
        command.arguments = {QStringLiteral("auth"), QStringLiteral("token"),
                             QStringLiteral("--hostname"), m_host};
        command.environment = m_options.environment;
        command.timeoutMs = m_options.ghTimeoutMs;
        command.registry = m_options.registry;
        const PluginRun run = runPluginProcess(command);
        const QByteArray token = run.standardOutput.trimmed();
        if (run.outcome == PluginRun::Outcome::Finished && !run.crashed && run.exitCode == 0
            && plausibleToken(token)) {
            *origin = QStringLiteral("gh auth token");
            return bearer(token);
        }
        if (run.outcome == PluginRun::Outcome::TimedOut)
            tried.append(tr("\"gh auth token\" did not answer within %1 s")
                             .arg(m_options.ghTimeoutMs / 1000));
        else if (run.outcome == PluginRun::Outcome::Finished)
            // stderr only (stdout would be the token): "no oauth token found for HOST".
            tried.append(tr("\"gh auth token --hostname %1\" failed: %2")
                             .arg(m_host, QString::fromUtf8(run.standardError.trimmed().left(200))
                                              .section(QLatin1Char('\n'), 0, 0)));
        else
            tried.append(tr("gh could not run: %1").arg(run.errorString));
    }

    // A token the user typed, from the keyring.
    if (m_options.secrets) {
        const Result<QByteArray> stored = m_options.secrets->read(secretKey(m_host));
        if (stored.ok() && plausibleToken(stored->trimmed())) {
            *origin = QStringLiteral("keyring");
            return bearer(stored->trimmed());
        }
        if (stored.ok() || stored.error().code == Error::Code::NotFound)
            tried.append(tr("no token for %1 in %2").arg(m_host, m_options.secrets->name()));
        else
            tried.append(tr("%1 could not be read: %2")
                             .arg(m_options.secrets->name(), stored.error().message));
    }

    Error e(Error::Code::AuthError,
            tr("no GitHub token for %1 (%2)").arg(m_host, tried.join(QStringLiteral("; "))),
            QStringLiteral("GitHub %1").arg(m_host));
    e.hint = isGitHubCom(m_host)
                 ? tr("set GH_TOKEN, run \"gh auth login\", or enter a token")
                 : tr("set GH_ENTERPRISE_TOKEN, run \"gh auth login --hostname %1\", or enter a "
                      "token")
                       .arg(m_host);
    return e;
}

void GitHubCredentials::reportUnauthorized(const Credential &used)
{
    std::lock_guard lock(m_mutex);
    if (m_cached && m_cached->bearerToken == used.bearerToken) {
        m_cached.reset();
        m_origin.clear();
    }
}

QString GitHubCredentials::origin() const
{
    std::lock_guard lock(m_mutex);
    return m_origin;
}

} // namespace Orrery
