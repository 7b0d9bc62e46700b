// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "kube/kubeconfig.h"
#include "util/jsonread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace Orrery::App {

// Prints the merged kubeconfig as JSON on stdout. Per-entry errors are part of the JSON and
// repeated on stderr; the exit code is non-zero only when no kubeconfig file could be loaded.
int runListContexts(const QCommandLineParser &parser)
{
    const QString explicitFile = parser.value(QStringLiteral("kubeconfig"));
    const Kubeconfig config = Kubeconfig::load(explicitFile);

    QTextStream out(stdout);
    out << QString::fromStdString(JsonRead::dump(config.listContextsJson(), 2)) << '\n';
    out.flush();

    QTextStream err(stderr);
    for (const QString &warning : config.warnings())
        err << QCoreApplication::translate("listcontexts", "orrery: warning: %1").arg(warning)
            << '\n';
    for (const Error &error : config.errors())
        err << QCoreApplication::translate("listcontexts", "orrery: error: %1")
                   .arg(error.toString())
            << '\n';
    if (!config.isLoaded()) {
        err << QCoreApplication::translate("listcontexts",
                                           "orrery: no kubeconfig file could be loaded (tried: %1)")
                   .arg(Kubeconfig::precedence(explicitFile).join(QStringLiteral(", ")))
            << '\n';
        return 1;
    }
    return 0;
}

} // namespace Orrery::App
