// SPDX-License-Identifier: GPL-3.0-or-later
#include "simprocess.h"

#include "eventloopwait.h"

namespace Orrery::Test {

bool SimProcess::start(const QStringList &arguments, const QString &kubeconfig, int timeoutMs)
{
    m_url.clear();
    m_metricsUrls.clear();
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
    // "metrics <cluster> <url>" lines (with --metrics-port) come before "ready <url>".
    const auto readyLine = [&out]() -> QByteArray {
        for (const QByteArray &line : out.split('\n'))
            if (line.startsWith("ready "))
                return line.trimmed();
        return {};
    };
    const bool ready = waitUntil(
        [this, &out, &readyLine] {
            out += m_process.readAllStandardOutput();
            return !readyLine().isEmpty() || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    const QByteArray line = readyLine();
    if (ready && !line.isEmpty()) {
        m_url = QString::fromUtf8(line.mid(6));
        m_metricsUrls.clear();
        for (const QByteArray &l : out.split('\n')) {
            const QList<QByteArray> parts = l.trimmed().split(' ');
            if (parts.size() == 3 && parts[0] == "metrics")
                m_metricsUrls.insert(QString::fromUtf8(parts[1]), QString::fromUtf8(parts[2]));
            if (parts.size() == 2 && parts[0] == "services")
                m_servicesUrl = QString::fromUtf8(parts[1]);
        }
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
