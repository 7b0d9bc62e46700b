// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cloud/cloudaccounts.h>

#include <monitoring/localmonitoringservers.h>
#include <pipelines/pipelinesources.h>
#include <util/result.h>

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace Orrery::Sim {
class Simulator;
}

namespace Orrery::App {

// The demo: orrery_sim's clusters running inside this process, reached through the normal
// client path (their kubeconfig is written to a private temporary file and loaded with
// Kubeconfig, exactly like a user's). Starting runs on the Async pool so the window stays
// responsive; the simulator runs its own threads afterwards.
//
// When the Debian prometheus and prometheus-alertmanager are installed, the demo also starts
// them on loopback (LocalMonitoringServers): Prometheus scrapes the pfe cluster's metrics
// export (the cluster the load runbook drives) with its scenario's alert rules and sends to
// the Alertmanager; both stop with the demo. Without them the demo runs as before and
// monitoring() says what is missing.
class DemoCluster : public QObject
{
    Q_OBJECT
public:
    explicit DemoCluster(QObject *parent = nullptr);
    ~DemoCluster() override;

    // Calls `done` on this object's thread with the kubeconfig path or an error.
    void start(std::function<void(const Result<QString> &)> done);

    QStringList contextNames() const { return m_contexts; }
    QString kubeconfigPath() const { return m_kubeconfigPath; }
    // Prometheus and Alertmanager for the demo (NotStarted until the cluster runs).
    MonitoringServersStatus monitoring() const { return m_monitoring->status(); }

    // The simulated GitHub's repositories (every seed's GitHub Actions pipelines) as pipeline
    // sources on the services front, and what connecting them takes: the front's CA and the
    // scenarios' token, in memory only (never in the settings). Empty until the cluster runs.
    QList<PipelineSource> pipelineSources() const { return m_pipelineSources; }
    // The front's CA and the simulated service's token for one of pipelineSources().
    PipelineConnectOptions pipelineConnectOptions(const PipelineSource &source) const;

    // Where the demo's cloud accounts come from (docs/clouds.md, "The demo"): the services
    // front and its CA, and an environment of the demo's own (HOME and the providers' files
    // in the demo's private directory, the scenarios' simulated credentials), never the
    // user's. Empty until the cluster runs.
    CloudEnvironment cloudEnvironment() const { return m_cloudEnvironment; }

signals:
    void monitoringChanged(const Orrery::MonitoringServersStatus &status);

private:
    void startMonitoring(const std::vector<std::string> &clusters,
                         const std::vector<std::string> &metricsUrls,
                         const std::vector<std::string> &ruleFiles);

    std::shared_ptr<Sim::Simulator> m_simulator;
    QTemporaryDir m_dir;
    QString m_kubeconfigPath;
    QStringList m_contexts;
    QList<PipelineSource> m_pipelineSources;
    QByteArray m_servicesCa;
    CloudEnvironment m_cloudEnvironment;
    QHash<QString, QByteArray> m_pipelineTokens; // PipelineSource::id() -> token, in memory
    LocalMonitoringServers *m_monitoring;        // a child: stops its servers with the demo
};

} // namespace Orrery::App
