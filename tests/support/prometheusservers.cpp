// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusservers.h"

#include "eventloopwait.h"

#include <httplib.h>

#include <QFile>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Orrery::Test {

namespace {

QString findBinary(const char *variable, std::initializer_list<const char *> names)
{
    const QString overridden = qEnvironmentVariable(variable);
    if (!overridden.isEmpty())
        return overridden;
    for (const char *name : names) {
        const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
        if (!path.isEmpty())
            return path;
    }
    return {};
}

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
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t length = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &length) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
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
    return findBinary("ORRERY_ALERTMANAGER_BINARY", {"prometheus-alertmanager", "alertmanager"});
}

bool AlertmanagerProcess::start(int timeoutMs)
{
    m_error.clear();
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString config = m_dir.filePath(QStringLiteral("alertmanager.yml"));
    if (!writeFile(config, "route:\n"
                           "  receiver: nobody\n"
                           "  group_wait: 1s\n"
                           "  group_interval: 1s\n"
                           "  repeat_interval: 1h\n"
                           "receivers:\n"
                           "  - name: nobody\n")) {
        m_error = QStringLiteral("cannot write %1").arg(config);
        return false;
    }
    m_port = freeLoopbackPort();
    // --cluster.listen-address= turns off the gossip listener (0.0.0.0:9094 by default).
    return startAndWait(m_process, binary(),
                        {QStringLiteral("--config.file=") + config,
                         QStringLiteral("--storage.path=") + m_dir.filePath(QStringLiteral("data")),
                         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                         QStringLiteral("--cluster.listen-address="),
                         QStringLiteral("--log.level=warn")},
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
    return findBinary("ORRERY_PROMETHEUS_BINARY", {"prometheus"});
}

bool PrometheusProcess::start(const Options &options, int timeoutMs)
{
    m_error.clear();
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    QByteArray yaml = "global:\n  scrape_interval: " + QByteArray::number(options.intervalSeconds)
                      + "s\n  evaluation_interval: " + QByteArray::number(options.intervalSeconds)
                      + "s\n";
    if (!options.ruleFiles.isEmpty()) {
        yaml += "rule_files:\n";
        for (const QString &f : options.ruleFiles)
            yaml += "  - \"" + f.toUtf8() + "\"\n";
    }
    if (options.alertmanagerPort > 0)
        yaml += "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: "
                "[\"127.0.0.1:"
                + QByteArray::number(options.alertmanagerPort) + "\"]\n";
    yaml += "scrape_configs:\n  - job_name: orrery-sim\n    static_configs:\n      - targets: [";
    for (int i = 0; i < options.scrapeTargets.size(); ++i)
        yaml += (i ? ", \"" : "\"") + options.scrapeTargets[i].toUtf8() + "\"";
    yaml += "]\n";
    const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
    if (!writeFile(config, yaml)) {
        m_error = QStringLiteral("cannot write %1").arg(config);
        return false;
    }
    m_port = freeLoopbackPort();
    return startAndWait(
        m_process, binary(),
        {QStringLiteral("--config.file=") + config,
         QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
         QStringLiteral("--log.level=warn")},
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
