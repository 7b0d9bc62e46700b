// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Orrery::Test {

// The real Debian `prometheus` and `prometheus-alertmanager` as child processes of one test:
// each listens on a free 127.0.0.1 port, keeps its configuration and storage in its own
// temporary directory, logs warnings to the test's output and is stopped (terminate, then
// kill) at the latest when destroyed. Neither touches the system services the packages
// install (those may be stopped or absent; scripts/deps.sh disables them).
//
// $ORRERY_PROMETHEUS_BINARY / $ORRERY_ALERTMANAGER_BINARY override the binaries; otherwise
// they are looked up in PATH (Debian: prometheus, prometheus-alertmanager; upstream tarballs
// name the latter alertmanager). A test calls QSKIP only when binary() is empty.

// An unused TCP port on 127.0.0.1 at the time of the call.
int freeLoopbackPort();

// A blocking GET of http://127.0.0.1:port + pathAndQuery: the body, or an empty array with
// *status 0 when the connection failed.
QByteArray loopbackGet(int port, const QString &pathAndQuery, int *status = nullptr);

// A copy of the Prometheus rules file `rules`, written into `directory`, in which the alert
// named `alert` waits `seconds` (its `for:`) instead of the shipped duration; every expression,
// label, annotation and other rule stays as shipped. Tests that wait for an alert to fire use
// it so as not to sit out a `for: 30s` meant for people. Empty when the file cannot be read or
// written, or has no such alert with a `for:`.
QString rulesWithShorterFor(const QString &rules, const QString &alert, int seconds,
                            const QString &directory);

class AlertmanagerProcess
{
public:
    AlertmanagerProcess() = default;
    ~AlertmanagerProcess() { stop(); }
    AlertmanagerProcess(const AlertmanagerProcess &) = delete;
    AlertmanagerProcess &operator=(const AlertmanagerProcess &) = delete;

    static QString binary();

    // One route to a receiver that notifies nobody; group waits of a second so that the
    // alerts API shows what Prometheus sent at once. Waits for /-/ready.
    bool start(int timeoutMs = 30000);
    void stop();

    int port() const { return m_port; }
    QString url() const; // http://127.0.0.1:<port>
    QString errorString() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_error;
};

class PrometheusProcess
{
public:
    struct Options
    {
        QStringList scrapeTargets; // host:port serving /metrics (job "orrery-sim")
        QStringList ruleFiles;
        int alertmanagerPort = 0; // 0: no alerting section
        int intervalSeconds = 1;  // scrape and rule evaluation interval
    };

    PrometheusProcess() = default;
    ~PrometheusProcess() { stop(); }
    PrometheusProcess(const PrometheusProcess &) = delete;
    PrometheusProcess &operator=(const PrometheusProcess &) = delete;

    static QString binary();

    // Writes prometheus.yml, starts the server and waits for /-/ready.
    bool start(const Options &options, int timeoutMs = 30000);
    void stop();

    int port() const { return m_port; }
    QString url() const; // http://127.0.0.1:<port>
    QString errorString() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_error;
};

} // namespace Orrery::Test
