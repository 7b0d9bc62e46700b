// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Orrery {

class HttpTransport;

// What the demo's monitoring servers are doing, as a value the UI can show ("Prometheus and
// Alertmanager are not installed…"): which binaries are missing, whether each server runs,
// and where it answers.
struct MonitoringServersStatus
{
    Q_DECLARE_TR_FUNCTIONS(MonitoringServersStatus)

public:
    enum class State { NotStarted, Starting, Running, Missing, Failed };

    State state = State::NotStarted;
    QStringList missing;     // binaries not found: "prometheus", "prometheus-alertmanager"
    QString prometheusUrl;   // http://127.0.0.1:P once running
    QString alertmanagerUrl; // http://127.0.0.1:P once running
    QString error;           // Failed: what went wrong (a server exited, was never ready)
    QString cluster;         // the simulated cluster Prometheus scrapes

    bool isRunning() const { return state == State::Running; }
    // One translated sentence for the UI, e.g. "Prometheus (http://127.0.0.1:41234) and
    // Alertmanager (http://127.0.0.1:41235) watch the demo cluster pfe-k8s" or "Prometheus
    // and Alertmanager are not installed (the Debian packages prometheus and
    // prometheus-alertmanager; scripts/deps.sh installs them): no alerts in the demo".
    QString text() const;

    bool operator==(const MonitoringServersStatus &) const = default;
};

// Runs the Debian `prometheus` and `prometheus-alertmanager` as children of this process on
// free 127.0.0.1 ports, their configuration and data in a temporary directory: Prometheus
// scrapes the given targets (the simulator's --metrics-port export) with the given rule
// files and sends its alerts to the Alertmanager. Both are stopped (terminate, then kill)
// when the object is destroyed, and on Linux also when this process dies (PR_SET_PDEATHSIG),
// so nothing outlives Orrery. Starting never blocks: the readiness of each (/-/ready) is
// polled through an HttpTransport and announced by statusChanged().
//
// Used by the demo (app/democluster) and by the tests (tests/support/prometheusservers uses
// the same configuration text and binary lookup). QtCore only: QProcess, no GUI.
class LocalMonitoringServers : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList scrapeTargets; // host:port serving /metrics (job "orrery-sim")
        QStringList ruleFiles;
        int intervalSeconds = 5; // scrape and rule evaluation interval
        QString cluster;         // for status().cluster
        int readyTimeoutMs = 60000;
    };

    explicit LocalMonitoringServers(QObject *parent = nullptr);
    ~LocalMonitoringServers() override; // stop()

    // $ORRERY_PROMETHEUS_BINARY, else `prometheus` in PATH; empty when absent.
    static QString prometheusBinary();
    // $ORRERY_ALERTMANAGER_BINARY, else `prometheus-alertmanager` (Debian) or `alertmanager`
    // (upstream) in PATH; empty when absent.
    static QString alertmanagerBinary();
    // prometheus.yml: global intervals, rule files, the Alertmanager (port > 0) and one
    // static scrape job "orrery-sim".
    static QByteArray prometheusConfig(const QStringList &scrapeTargets,
                                       const QStringList &ruleFiles, int alertmanagerPort,
                                       int intervalSeconds);
    // alertmanager.yml: one route to a receiver that notifies nobody, group waits of a
    // second so the API shows what Prometheus sent at once.
    static QByteArray alertmanagerConfig();
    // The command-line arguments of each server (listening on 127.0.0.1:port only;
    // Alertmanager without its gossip port).
    static QStringList prometheusArguments(const QString &config, const QString &dataDir, int port);
    static QStringList alertmanagerArguments(const QString &config, const QString &dataDir,
                                             int port);
    // An unused TCP port on 127.0.0.1 at the time of the call (0 when none could be had).
    static int freeLoopbackPort();

    // Missing binaries end at once in State::Missing; otherwise Starting, then Running or
    // Failed. Call once.
    void start(const Options &options);
    void stop();

    const MonitoringServersStatus &status() const { return m_status; }

signals:
    void statusChanged(const Orrery::MonitoringServersStatus &status);

private:
    void setStatus(MonitoringServersStatus status);
    void poll();
    bool startProcess(QProcess &process, const QString &program, const QStringList &arguments);

    QTemporaryDir m_dir;
    QProcess m_prometheus;
    QProcess m_alertmanager;
    int m_prometheusPort = 0;
    int m_alertmanagerPort = 0;
    bool m_prometheusReady = false;
    bool m_alertmanagerReady = false;
    bool m_askingPrometheus = false;
    bool m_askingAlertmanager = false;
    qint64 m_deadline = 0;
    int m_readyTimeoutMs = 0;
    std::unique_ptr<HttpTransport> m_prometheusTransport;
    std::unique_ptr<HttpTransport> m_alertmanagerTransport;
    MonitoringServersStatus m_status;
};

} // namespace Orrery
