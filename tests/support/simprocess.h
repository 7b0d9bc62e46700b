// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Orrery::Test {

// orrery-sim as a child process of one test: started with the test's arguments, ready once it
// prints "ready <url>", stopped (terminate, then kill) at the latest when destroyed. The
// simulator's stderr goes to the test's output, so a failing test shows what the server said.
// $ORRERY_SIM_BINARY overrides the simulator built with the tests.
class SimProcess
{
public:
    SimProcess() = default;
    ~SimProcess() { stop(); }
    SimProcess(const SimProcess &) = delete;
    SimProcess &operator=(const SimProcess &) = delete;

    // Runs the simulator with `arguments` plus `--kubeconfig-out kubeconfig` and waits up to
    // `timeoutMs` for its "ready" line. False with errorString() when it did not start, exited
    // or stayed silent.
    bool start(const QStringList &arguments, const QString &kubeconfig, int timeoutMs = 60000);
    void stop();

    QString url() const { return m_url; } // https://127.0.0.1:<port>
    // With --metrics-port: cluster name → its plain-HTTP scrape URL (http://127.0.0.1:P/metrics).
    QMap<QString, QString> metricsUrls() const { return m_metricsUrls; }
    // The outside services' front ("services <url>"), empty when the simulator printed none.
    QString servicesUrl() const { return m_servicesUrl; }
    QString errorString() const { return m_error; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_url;
    QMap<QString, QString> m_metricsUrls;
    QString m_servicesUrl;
    QString m_error;
};

} // namespace Orrery::Test
