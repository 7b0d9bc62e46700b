// SPDX-License-Identifier: GPL-3.0-or-later
#include "localmonitoringservers.h"

#include "kube/httptransport.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Orrery {

namespace {

constexpr int pollIntervalMs = 300;

QString findBinary(const char *variable, std::initializer_list<const char *> names)
{
    // An override that is not an executable is a missing binary, not a failed start.
    const QString overridden = qEnvironmentVariable(variable);
    if (!overridden.isEmpty())
        return QFileInfo(overridden).isExecutable() ? overridden : QString();
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

// The last lines a server logged, for a failure message.
QString logTail(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = f.size();
    f.seek(std::max<qint64>(0, size - 600));
    return QString::fromUtf8(f.readAll()).trimmed();
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(2000);
    }
}

} // namespace

QString MonitoringServersStatus::text() const
{
    switch (state) {
    case State::NotStarted: return tr("Prometheus and Alertmanager are not started");
    case State::Starting:
        return tr("Starting Prometheus and Alertmanager for the demo cluster %1…").arg(cluster);
    case State::Running:
        return tr("Prometheus (%1) and Alertmanager (%2) watch the demo cluster %3")
            .arg(prometheusUrl, alertmanagerUrl, cluster);
    case State::Missing:
        return tr("%1 not installed (Debian packages prometheus and prometheus-alertmanager; "
                  "scripts/deps.sh installs them): the demo runs without Prometheus charts and "
                  "alerts")
            .arg(missing.join(QStringLiteral(", ")));
    case State::Failed: break;
    }
    return tr("Prometheus and Alertmanager could not start: %1").arg(error);
}

LocalMonitoringServers::LocalMonitoringServers(QObject *parent)
    : QObject(parent)
{
}

LocalMonitoringServers::~LocalMonitoringServers()
{
    stop();
}

QString LocalMonitoringServers::prometheusBinary()
{
    return findBinary("ORRERY_PROMETHEUS_BINARY", {"prometheus"});
}

QString LocalMonitoringServers::alertmanagerBinary()
{
    return findBinary("ORRERY_ALERTMANAGER_BINARY", {"prometheus-alertmanager", "alertmanager"});
}

QByteArray LocalMonitoringServers::prometheusConfig(const QStringList &scrapeTargets,
                                                    const QStringList &ruleFiles,
                                                    int alertmanagerPort, int intervalSeconds)
{
    QByteArray yaml = "global:\n  scrape_interval: " + QByteArray::number(intervalSeconds)
                      + "s\n  evaluation_interval: " + QByteArray::number(intervalSeconds) + "s\n";
    if (!ruleFiles.isEmpty()) {
        yaml += "rule_files:\n";
        for (const QString &f : ruleFiles)
            yaml += "  - \"" + f.toUtf8() + "\"\n";
    }
    if (alertmanagerPort > 0)
        yaml += "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: "
                "[\"127.0.0.1:"
                + QByteArray::number(alertmanagerPort) + "\"]\n";
    yaml += "scrape_configs:\n  - job_name: orrery-sim\n    static_configs:\n      - targets: [";
    for (int i = 0; i < scrapeTargets.size(); ++i)
        yaml += (i ? ", \"" : "\"") + scrapeTargets[i].toUtf8() + "\"";
    yaml += "]\n";
    return yaml;
}

QByteArray LocalMonitoringServers::alertmanagerConfig()
{
    return "route:\n"
           "  receiver: nobody\n"
           "  group_wait: 1s\n"
           "  group_interval: 1s\n"
           "  repeat_interval: 1h\n"
           "receivers:\n"
           "  - name: nobody\n";
}

QStringList LocalMonitoringServers::prometheusArguments(const QString &config,
                                                        const QString &dataDir, int port)
{
    return {QStringLiteral("--config.file=") + config,
            QStringLiteral("--storage.tsdb.path=") + dataDir,
            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
            QStringLiteral("--log.level=warn")};
}

QStringList LocalMonitoringServers::alertmanagerArguments(const QString &config,
                                                          const QString &dataDir, int port)
{
    // --cluster.listen-address= turns off the gossip listener (0.0.0.0:9094 by default).
    return {QStringLiteral("--config.file=") + config, QStringLiteral("--storage.path=") + dataDir,
            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
            QStringLiteral("--cluster.listen-address="), QStringLiteral("--log.level=warn")};
}

int LocalMonitoringServers::freeLoopbackPort()
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

bool LocalMonitoringServers::startProcess(QProcess &process, const QString &program,
                                          const QStringList &arguments)
{
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardOutputFile(
        m_dir.filePath(QFileInfo(program).fileName() + QStringLiteral(".log")));
#ifdef Q_OS_LINUX
    // The server dies with Orrery even when Orrery is killed: no daemon left behind.
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    process.start();
    return process.waitForStarted(10000);
}

void LocalMonitoringServers::start(const Options &options)
{
    MonitoringServersStatus status;
    status.cluster = options.cluster;
    const QString prometheus = prometheusBinary();
    const QString alertmanager = alertmanagerBinary();
    if (prometheus.isEmpty())
        status.missing << QStringLiteral("prometheus");
    if (alertmanager.isEmpty())
        status.missing << QStringLiteral("prometheus-alertmanager");
    if (!status.missing.isEmpty()) {
        status.state = MonitoringServersStatus::State::Missing;
        setStatus(status);
        return;
    }
    status.state = MonitoringServersStatus::State::Failed;
    if (!m_dir.isValid()) {
        status.error = tr("no temporary directory");
        setStatus(status);
        return;
    }
    m_alertmanagerPort = freeLoopbackPort();
    m_prometheusPort = freeLoopbackPort();
    while (m_prometheusPort == m_alertmanagerPort && m_prometheusPort != 0)
        m_prometheusPort = freeLoopbackPort();
    const QString amConfig = m_dir.filePath(QStringLiteral("alertmanager.yml"));
    const QString promConfig = m_dir.filePath(QStringLiteral("prometheus.yml"));
    if (!m_alertmanagerPort || !m_prometheusPort || !writeFile(amConfig, alertmanagerConfig())
        || !writeFile(promConfig, prometheusConfig(options.scrapeTargets, options.ruleFiles,
                                                   m_alertmanagerPort, options.intervalSeconds))) {
        status.error = tr("cannot write the configuration in %1").arg(m_dir.path());
        setStatus(status);
        return;
    }
    if (!startProcess(m_alertmanager, alertmanager,
                      alertmanagerArguments(amConfig,
                                            m_dir.filePath(QStringLiteral("alertmanager")),
                                            m_alertmanagerPort))) {
        status.error = tr("%1 did not start: %2").arg(alertmanager, m_alertmanager.errorString());
        setStatus(status);
        return;
    }
    if (!startProcess(m_prometheus, prometheus,
                      prometheusArguments(promConfig, m_dir.filePath(QStringLiteral("prometheus")),
                                          m_prometheusPort))) {
        status.error = tr("%1 did not start: %2").arg(prometheus, m_prometheus.errorString());
        stop();
        setStatus(status);
        return;
    }
    status.state = MonitoringServersStatus::State::Starting;
    status.prometheusUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_prometheusPort);
    status.alertmanagerUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_alertmanagerPort);
    ClusterConnection p;
    p.server = status.prometheusUrl;
    m_prometheusTransport = std::make_unique<HttpTransport>(p);
    ClusterConnection a;
    a.server = status.alertmanagerUrl;
    m_alertmanagerTransport = std::make_unique<HttpTransport>(a);
    m_readyTimeoutMs = options.readyTimeoutMs;
    m_deadline = QDateTime::currentMSecsSinceEpoch() + options.readyTimeoutMs;
    setStatus(status);
    poll();
}

void LocalMonitoringServers::poll()
{
    if (m_status.state != MonitoringServersStatus::State::Starting)
        return;
    for (QProcess *p : {&m_alertmanager, &m_prometheus})
        if (p->state() == QProcess::NotRunning) {
            MonitoringServersStatus failed = m_status;
            failed.state = MonitoringServersStatus::State::Failed;
            const QString log
                = m_dir.filePath(QFileInfo(p->program()).fileName() + QStringLiteral(".log"));
            failed.error = tr("%1 exited (code %2): %3")
                               .arg(QFileInfo(p->program()).fileName())
                               .arg(p->exitCode())
                               .arg(logTail(log));
            stop();
            setStatus(failed);
            return;
        }
    if (m_prometheusReady && m_alertmanagerReady) {
        MonitoringServersStatus running = m_status;
        running.state = MonitoringServersStatus::State::Running;
        setStatus(running);
        return;
    }
    if (QDateTime::currentMSecsSinceEpoch() > m_deadline) {
        MonitoringServersStatus failed = m_status;
        failed.state = MonitoringServersStatus::State::Failed;
        failed.error = tr("not ready after %1 s").arg(m_readyTimeoutMs / 1000);
        stop();
        setStatus(failed);
        return;
    }
    // One question in flight per server: a slow one is not asked again meanwhile.
    const auto check = [this](HttpTransport *transport, bool *ready, bool *asking) {
        if (*ready || *asking)
            return;
        *asking = true;
        ApiRequest request = ApiRequest::get(QStringLiteral("/-/ready"));
        request.timeoutMs = 2000;
        transport->send(request, this, [ready, asking](const Result<ApiResponse> &r) {
            *asking = false;
            if (r.ok() && r->status == 200)
                *ready = true;
        });
    };
    check(m_prometheusTransport.get(), &m_prometheusReady, &m_askingPrometheus);
    check(m_alertmanagerTransport.get(), &m_alertmanagerReady, &m_askingAlertmanager);
    QTimer::singleShot(pollIntervalMs, this, &LocalMonitoringServers::poll);
}

void LocalMonitoringServers::stop()
{
    stopProcess(m_prometheus);
    stopProcess(m_alertmanager);
    m_prometheusTransport.reset();
    m_alertmanagerTransport.reset();
    if (m_status.state == MonitoringServersStatus::State::Running
        || m_status.state == MonitoringServersStatus::State::Starting) {
        MonitoringServersStatus stopped = m_status;
        stopped.state = MonitoringServersStatus::State::NotStarted;
        stopped.prometheusUrl.clear();
        stopped.alertmanagerUrl.clear();
        m_status = stopped; // no signal from a destructor
    }
}

void LocalMonitoringServers::setStatus(MonitoringServersStatus status)
{
    if (status == m_status)
        return;
    m_status = std::move(status);
    emit statusChanged(m_status);
}

} // namespace Orrery
