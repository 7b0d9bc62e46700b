// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubectlprocess.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>

namespace Orrery::Test {

KubectlResult runKubectl(const QString &kubeconfig, const QString &dir, const QStringList &args,
                         const QByteArray &stdinData)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir); // kubectl's cache stays inside the test
    env.remove(QStringLiteral("KUBECONFIG"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("kubectl"),
            QStringList{QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("--cache-dir"),
                        QDir(dir).filePath(QStringLiteral("cache"))}
                + args);
    if (!p.waitForStarted())
        return {};
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace Orrery::Test
