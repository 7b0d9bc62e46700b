// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginshellpath.h"

#include "pluginprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>

#include <mutex>

#include <pwd.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcLoginShell, "orrery.auth.loginshell", QtInfoMsg)

namespace Orrery {

namespace {

// Profiles may print banners on stdout; the markers let us pick $PATH out of the noise.
constexpr char kBegin[] = "__ORRERY_PATH_BEGIN__";
constexpr char kEnd[] = "__ORRERY_PATH_END__";

constexpr int kShellTimeoutMs = 5000;

} // namespace

QString LoginShellPath::userShell()
{
    const QString fromEnv = qEnvironmentVariable("SHELL");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable())
        return fromEnv;
    if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_shell && *pw->pw_shell) {
        const QString fromPasswd = QString::fromLocal8Bit(pw->pw_shell);
        if (QFileInfo(fromPasswd).isExecutable())
            return fromPasswd;
    }
    return QStringLiteral("/bin/sh");
}

QString LoginShellPath::queryLoginShell(const QString &shell, int timeoutMs)
{
    // Like a plugin: its own process group (a profile may start agents), killed whole on
    // timeout and when Orrery quits.
    PluginCommand command;
    command.program = shell;
    command.arguments = {QStringLiteral("-l"), QStringLiteral("-c"),
                         QStringLiteral("printf '%s%s%s' %1 \"$PATH\" %2")
                             .arg(QLatin1String(kBegin), QLatin1String(kEnd))};
    command.discardStderr = true;
    command.timeoutMs = timeoutMs;
    const PluginRun run = runPluginProcess(command);
    if (run.outcome == PluginRun::Outcome::FailedToStart) {
        qCWarning(lcLoginShell) << "cannot start login shell" << shell << run.errorString;
        return {};
    }
    if (run.outcome != PluginRun::Outcome::Finished) {
        qCWarning(lcLoginShell) << "login shell" << shell << "did not print PATH within"
                                << timeoutMs << "ms; using the process PATH";
        return {};
    }
    const QString out = QString::fromLocal8Bit(run.standardOutput);
    const qsizetype begin = out.lastIndexOf(QLatin1String(kBegin));
    const qsizetype end = out.lastIndexOf(QLatin1String(kEnd));
    if (begin < 0 || end < begin)
        return {};
    const qsizetype start = begin + qsizetype(qstrlen(kBegin));
    return out.mid(start, end - start);
}

QStringList LoginShellPath::installDirectories(const QString &home)
{
    QStringList dirs = {
        QStringLiteral("/usr/local/bin"),
        QStringLiteral("/usr/bin"),
        QStringLiteral("/bin"),
        QStringLiteral("/usr/lib/google-cloud-sdk/bin"),
        QStringLiteral("/usr/local/google-cloud-sdk/bin"),
        QStringLiteral("/snap/bin"),
        QStringLiteral("/opt/homebrew/bin"),
        QStringLiteral("/home/linuxbrew/.linuxbrew/bin"),
        QStringLiteral("/usr/local/go/bin"),
        QStringLiteral("/nix/var/nix/profiles/default/bin"),
    };
    if (!home.isEmpty()) {
        for (const char *sub : {".local/bin", "bin", "go/bin", ".krew/bin", "google-cloud-sdk/bin",
                                ".asdf/shims", ".nix-profile/bin", ".linuxbrew/bin"})
            dirs << QDir(home).filePath(QLatin1String(sub));
    }
    return dirs;
}

QStringList LoginShellPath::combine(const QString &processPath, const QString &loginShellPath,
                                    const QString &home)
{
    QStringList out;
    QSet<QString> seen;
    const auto add = [&](const QString &dir) {
        // Empty and relative entries mean "the current directory": never a place to find a
        // credential plugin (client-go's exec.LookPath refuses them too).
        if (dir.isEmpty() || !QDir::isAbsolutePath(dir))
            return;
        const QString clean = QDir::cleanPath(dir);
        if (seen.contains(clean))
            return;
        seen.insert(clean);
        out << clean;
    };
    for (const QString &dir : processPath.split(QLatin1Char(':')))
        add(dir);
    for (const QString &dir : loginShellPath.split(QLatin1Char(':')))
        add(dir);
    for (const QString &dir : installDirectories(home))
        add(dir);
    return out;
}

QStringList LoginShellPath::searchPath()
{
    static std::once_flag once;
    static QStringList cached;
    std::call_once(once, [] {
        const QString shell = userShell();
        const QString login = queryLoginShell(shell, kShellTimeoutMs);
        cached = combine(qEnvironmentVariable("PATH"), login, QDir::homePath());
        qCDebug(lcLoginShell) << "exec plugin search path from" << shell << cached;
    });
    return cached;
}

} // namespace Orrery
