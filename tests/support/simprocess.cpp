// SPDX-License-Identifier: GPL-3.0-or-later
#include "simprocess.h"

#include "eventloopwait.h"

namespace Orrery::Test {

bool SimProcess::start(const QStringList &arguments, const QString &kubeconfig, int timeoutMs)
{
    m_url.clear();
    m_error.clear();
    m_process.setProgram(
        qEnvironmentVariable("ORRERY_SIM_BINARY", QStringLiteral(ORRERY_SIM_BINARY)));
    m_process.setArguments(arguments + QStringList{QStringLiteral("--kubeconfig-out"), kubeconfig});
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("orrery-sim did not start: %1").arg(m_process.errorString());
        return false;
    }
    QByteArray out;
    const bool ready = waitUntil(
        [this, &out] {
            out += m_process.readAllStandardOutput();
            return out.contains('\n') || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    const QByteArray line = out.left(out.indexOf('\n')).trimmed();
    if (ready && line.startsWith("ready ")) {
        m_url = QString::fromUtf8(line.mid(6));
        return true;
    }
    m_error = m_process.state() == QProcess::NotRunning
                  ? QStringLiteral("orrery-sim exited (code %1) before it was ready: %2")
                        .arg(m_process.exitCode())
                        .arg(QString::fromUtf8(out))
                  : QStringLiteral("orrery-sim was not ready after %1 ms: %2")
                        .arg(timeoutMs)
                        .arg(QString::fromUtf8(out));
    stop();
    return false;
}

void SimProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace Orrery::Test
