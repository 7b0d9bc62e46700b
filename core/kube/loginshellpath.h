// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Orrery {

// The directories in which exec credential plugins are looked up.
//
// An application started from a desktop menu inherits the session's minimal PATH, not the one
// the user's shell profile builds, so `aws`, `gke-gcloud-auth-plugin` or `kubelogin` are "not
// found" although they work in a terminal. We therefore ask the login shell for its PATH once
// (with a timeout, a broken profile must not hang us) and add the usual install directories.
class LoginShellPath
{
public:
    // Process PATH + login-shell PATH + install directories, de-duplicated. Computed once per
    // process and cached; thread-safe. May block for up to the shell timeout on first use.
    static QStringList searchPath();

    // Runs `shell -l -c` to print $PATH; empty on failure or after timeoutMs.
    static QString queryLoginShell(const QString &shell, int timeoutMs);

    // The user's login shell: $SHELL, else the passwd entry, else /bin/sh.
    static QString userShell();

    // Well-known install directories of cloud CLIs and kubectl plugins under `home`.
    static QStringList installDirectories(const QString &home);

    // processPath, then loginShellPath (both ':'-separated), then installDirectories(home);
    // empty and relative entries and duplicates dropped, first occurrence kept.
    static QStringList combine(const QString &processPath, const QString &loginShellPath,
                               const QString &home);
};

} // namespace Orrery
