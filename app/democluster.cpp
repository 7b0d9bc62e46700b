// SPDX-License-Identifier: GPL-3.0-or-later
#include "democluster.h"

#include <front/servicefront.h>
#include <github/githubservice.h>
#include <pipelines/pipelineengine.h>
#include <simulator.h>
#include <util/async.h>

#include <QDebug>
#include <QFile>
#include <QUrl>

#include <string>
#include <vector>

namespace Orrery::App {

namespace {

// What the pool hands back from Simulator::start.
struct Started
{
    bool ok = false;
    std::string error;
    std::string yaml;
    std::vector<std::string> contexts;
    std::vector<std::string> clusters;
    std::vector<std::string> metricsUrls;
    std::vector<std::string> ruleFiles;
    // The simulated GitHub on the services front (empty without it).
    std::string servicesUrl;
    std::string servicesCa;
    std::string githubToken;
    std::vector<std::pair<std::string, std::string>> githubRepos; // owner/repo, workflow name
};

} // namespace

DemoCluster::DemoCluster(QObject *parent)
    : QObject(parent)
    , m_monitoring(new LocalMonitoringServers(this))
{
    connect(m_monitoring, &LocalMonitoringServers::statusChanged, this,
            [this](const MonitoringServersStatus &status) {
                if (status.state != MonitoringServersStatus::State::Starting)
                    qInfo().noquote() << status.text();
                emit monitoringChanged(status);
            });
}

DemoCluster::~DemoCluster()
{
    if (m_simulator)
        m_simulator->stop();
}

void DemoCluster::start(std::function<void(const Result<QString> &)> done)
{
    Sim::SimulatorOptions options;
    options.scenarios = {"all"};
    options.metricsPort = 0; // for the demo's Prometheus, when it is installed
    m_simulator = std::make_shared<Sim::Simulator>(options);
    // Scenario loading and certificate generation take a moment: on the pool, not the GUI
    // thread. The run shares the simulator, so quitting meanwhile (the synchronizer's wait)
    // lets the start finish before ~DemoCluster stops it.
    Async::run(
        this,
        [simulator = m_simulator] {
            Started started;
            started.ok = simulator->start(&started.error);
            if (started.ok) {
                started.yaml = simulator->kubeconfigYaml();
                started.contexts = simulator->contextNames();
                started.clusters = simulator->clusterNames();
                started.metricsUrls = simulator->metricsUrls();
                started.ruleFiles = simulator->ruleFiles();
                Sim::ServiceFront *front = simulator->services();
                auto *github = front ? dynamic_cast<Sim::GitHubService *>(front->service("github"))
                                     : nullptr;
                if (github) {
                    started.servicesUrl = simulator->servicesUrl();
                    started.servicesCa = simulator->servicesCaCertificate();
                    const std::vector<std::string> tokens = github->tokens();
                    if (!tokens.empty())
                        started.githubToken = tokens.front();
                    for (const Sim::PipelineSpec &spec : github->engine().pipelines("github")) {
                        bool seen = false;
                        for (const auto &repo : started.githubRepos)
                            seen = seen || repo.first == spec.source;
                        if (!seen)
                            started.githubRepos.emplace_back(spec.source, spec.name);
                    }
                }
            }
            return started;
        },
        [this, done = std::move(done)](const Started &started) {
            if (!started.ok) {
                done(Error(Error::Code::Unknown, QString::fromStdString(started.error),
                           QStringLiteral("demo cluster")));
                return;
            }
            if (!m_dir.isValid()) {
                done(Error(Error::Code::FileError,
                           QStringLiteral("cannot create a temporary directory"),
                           QStringLiteral("demo cluster")));
                return;
            }
            const QString path = m_dir.filePath(QStringLiteral("demo-kubeconfig.yaml"));
            QFile file(path);
            const std::string &yaml = started.yaml;
            if (!file.open(QIODevice::WriteOnly)
                || file.write(QByteArray::fromStdString(yaml)) != qint64(yaml.size())) {
                done(Error(Error::Code::FileError, file.errorString(), path));
                return;
            }
            file.close();
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            m_kubeconfigPath = path;
            for (const std::string &c : started.contexts)
                m_contexts << QString::fromStdString(c);
            startMonitoring(started.clusters, started.metricsUrls, started.ruleFiles);
            const QUrl services(QString::fromStdString(started.servicesUrl));
            for (const auto &[repo, name] : started.githubRepos) {
                PipelineSource source;
                source.provider = PipelineProvider::GitHub;
                source.host = QStringLiteral("%1:%2").arg(services.host()).arg(services.port());
                source.source = QString::fromStdString(repo);
                source.label = QString::fromStdString(name);
                m_pipelineSources << source;
            }
            m_servicesCa = QByteArray::fromStdString(started.servicesCa);
            m_githubToken = QByteArray::fromStdString(started.githubToken);
            done(path);
        });
}

PipelineConnectOptions DemoCluster::pipelineConnectOptions() const
{
    PipelineConnectOptions options;
    options.caPem = m_servicesCa;
    options.token = m_githubToken;
    // The demo's sources never ask gh or the keyring: the token above is the simulator's.
    options.environment = QProcessEnvironment();
    return options;
}

void DemoCluster::startMonitoring(const std::vector<std::string> &clusters,
                                  const std::vector<std::string> &metricsUrls,
                                  const std::vector<std::string> &ruleFiles)
{
    // One cluster is watched: the pfe scenario's (its load runbook makes the alerts fire),
    // else the first with alert rules. One Prometheus over every cluster would mix their
    // nodes, which share names across scenarios.
    std::size_t chosen = clusters.size();
    for (std::size_t i = 0; i < clusters.size() && i < ruleFiles.size(); ++i) {
        if (ruleFiles[i].empty() || i >= metricsUrls.size() || metricsUrls[i].empty())
            continue;
        if (chosen == clusters.size())
            chosen = i;
        if (QString::fromStdString(ruleFiles[i]).endsWith(QLatin1String("/pfe.rules.yml"))) {
            chosen = i;
            break;
        }
    }
    if (chosen == clusters.size())
        return;
    const QUrl metrics(QString::fromStdString(metricsUrls[chosen]));
    LocalMonitoringServers::Options options;
    options.scrapeTargets = {QStringLiteral("127.0.0.1:%1").arg(metrics.port())};
    options.ruleFiles = {QString::fromStdString(ruleFiles[chosen])};
    options.cluster = QString::fromStdString(clusters[chosen]);
    m_monitoring->start(options);
}

} // namespace Orrery::App
