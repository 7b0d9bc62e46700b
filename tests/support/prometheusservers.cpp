// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusservers.h"

#include "eventloopwait.h"

#include "monitoring/localmonitoringservers.h"

#include <httplib.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Orrery::Test {

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// Starts `process` and waits until GET /-/ready on `port` answers 200.
bool startAndWait(QProcess &process, const QString &program, const QStringList &arguments, int port,
                  int timeoutMs, QString &error)
{
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start();
    if (!process.waitForStarted(10000)) {
        error = QStringLiteral("%1 did not start: %2").arg(program, process.errorString());
        return false;
    }
    int status = 0;
    const bool ready = waitUntil(
        [&] {
            if (process.state() == QProcess::NotRunning)
                return true;
            loopbackGet(port, QStringLiteral("/-/ready"), &status);
            return status == 200;
        },
        timeoutMs);
    if (ready && status == 200)
        return true;
    error = process.state() == QProcess::NotRunning
                ? QStringLiteral("%1 exited (code %2) before it was ready")
                      .arg(program)
                      .arg(process.exitCode())
                : QStringLiteral("%1 was not ready on port %2 after %3 ms")
                      .arg(program)
                      .arg(port)
                      .arg(timeoutMs);
    return false;
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace

int freeLoopbackPort()
{
    return LocalMonitoringServers::freeLoopbackPort();
}

QString rulesWithShorterFor(const QString &rules, const QString &alert, int seconds,
                            const QString &directory)
{
    QFile in(rules);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    const QRegularExpression alertLine(QStringLiteral("^\\s*-\\s*alert:\\s*(\\S+)\\s*$"));
    const QRegularExpression forLine(QStringLiteral("^(\\s*)for:\\s*\\S+\\s*$"));
    QStringList lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
    bool inAlert = false;
    bool replaced = false;
    for (QString &line : lines) {
        const auto a = alertLine.match(line);
        if (a.hasMatch()) {
            inAlert = a.captured(1) == alert;
            continue;
        }
        const auto f = forLine.match(line);
        if (inAlert && f.hasMatch()) {
            line = f.captured(1) + QStringLiteral("for: %1s").arg(seconds);
            replaced = true;
            inAlert = false;
        }
    }
    const QString out = directory + QLatin1Char('/') + QFileInfo(rules).fileName();
    if (!replaced || !writeFile(out, lines.join(QLatin1Char('\n')).toUtf8()))
        return {};
    return out;
}

QByteArray loopbackGet(int port, const QString &pathAndQuery, int *status)
{
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(2);
    client.set_read_timeout(10);
    const auto result = client.Get(pathAndQuery.toStdString());
    if (status)
        *status = result ? result->status : 0;
    return result ? QByteArray::fromStdString(result->body) : QByteArray();
}

QString AlertmanagerProcess::binary()
{
    return LocalMonitoringServers::alertmanagerBinary();
}

bool AlertmanagerProcess::start(int timeoutMs)
{
    m_error.clear();
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString config = m_dir.filePath(QStringLiteral("alertmanager.yml"));
    if (!writeFile(config, LocalMonitoringServers::alertmanagerConfig())) {
        m_error = QStringLiteral("cannot write %1").arg(config);
        return false;
    }
    m_port = freeLoopbackPort();
    return startAndWait(m_process, binary(),
                        LocalMonitoringServers::alertmanagerArguments(
                            config, m_dir.filePath(QStringLiteral("data")), m_port),
                        m_port, timeoutMs, m_error);
}

void AlertmanagerProcess::stop()
{
    stopProcess(m_process);
}

QString AlertmanagerProcess::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QString PrometheusProcess::binary()
{
    return LocalMonitoringServers::prometheusBinary();
}

bool PrometheusProcess::start(const Options &options, int timeoutMs)
{
    m_error.clear();
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    const QByteArray yaml = LocalMonitoringServers::prometheusConfig(
        options.scrapeTargets, options.ruleFiles, options.alertmanagerPort,
        options.intervalSeconds);
    const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
    if (!writeFile(config, yaml)) {
        m_error = QStringLiteral("cannot write %1").arg(config);
        return false;
    }
    m_port = freeLoopbackPort();
    return startAndWait(m_process, binary(),
                        LocalMonitoringServers::prometheusArguments(
                            config, m_dir.filePath(QStringLiteral("data")), m_port),
                        m_port, timeoutMs, m_error);
}

void PrometheusProcess::stop()
{
    stopProcess(m_process);
}

QString PrometheusProcess::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

} // namespace Orrery::Test
