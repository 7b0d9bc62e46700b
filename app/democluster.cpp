// SPDX-License-Identifier: GPL-3.0-or-later
#include "democluster.h"

#include <aws/awsservice.h>
#include <azure/azureservice.h>
#include <front/servicefront.h>
#include <github/githubservice.h>
#include <gitlab/gitlabservice.h>
#include <jenkins/jenkinsservice.h>
#include <pipelines/pipelineengine.h>
#include <simulator.h>
#include <util/async.h>

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QUrl>

#include <algorithm>
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
    // The simulated GitHub, GitLab and Jenkins pipelines: provider, source, name, token.
    struct Pipeline
    {
        std::string provider, source, name, token;
    };
    std::vector<Pipeline> pipelines;
    // The simulated AWS's IAM users (their keys are the simulator's test credentials).
    std::vector<Sim::AwsService::User> awsUsers;
    // The simulated Azure's service principals (test secrets of the simulator).
    std::vector<Sim::AzureService::ServicePrincipal> azurePrincipals;
};

// Each simulated CI service's pipelines, once per source, with the service's first token.
template <typename Service>
void collectPipelines(Sim::ServiceFront &front, const char *provider, Started &started)
{
    auto *service = dynamic_cast<Service *>(front.service(provider));
    if (!service)
        return;
    const std::vector<std::string> tokens = service->tokens();
    for (const Sim::PipelineSpec &spec : service->engine().pipelines(provider)) {
        // A Jenkins multibranch project's branch jobs are one source: the project (the page
        // shows its branches); a GitLab child pipeline's file is its project's.
        const std::string source = spec.multibranch.empty() ? spec.source : spec.multibranch;
        bool seen = false;
        for (const auto &p : started.pipelines)
            seen = seen || (p.provider == provider && p.source == source);
        if (!seen)
            started.pipelines.push_back(
                {provider, source, spec.name, tokens.empty() ? std::string() : tokens.front()});
    }
}

// The demo's cloud accounts: an environment of its own, with the providers' files in the
// demo's private directory. Each provider adds its part here.
CloudEnvironment demoCloudEnvironment(const QString &dir, const Started &started)
{
    CloudEnvironment e;
    e.env = QProcessEnvironment();
    e.env.insert(QStringLiteral("HOME"), dir);
    e.env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    e.servicesFront = QUrl(QString::fromStdString(started.servicesUrl));
    e.caPem = QByteArray::fromStdString(started.servicesCa);

    // AWS: one profile for the first admin user of the simulated accounts (devops-ppp's).
    const QString awsConfig = QDir(dir).filePath(QStringLiteral("aws-config"));
    const QString awsCredentials = QDir(dir).filePath(QStringLiteral("aws-credentials"));
    e.env.insert(QStringLiteral("AWS_CONFIG_FILE"), awsConfig);
    e.env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), awsCredentials);
    QByteArray config;
    QByteArray credentials;
    for (const auto &user : started.awsUsers) {
        const QString name = QString::fromStdString(user.name);
        if (!name.endsWith(QLatin1String("-admin")))
            continue;
        config += "[profile " + name.toUtf8()
                  + "]\nregion = us-east-1\norrery_regions = us-east-1, us-west-2, eu-west-1\n";
        credentials += "[" + name.toUtf8() + "]\naws_access_key_id = "
                       + QByteArray::fromStdString(user.accessKeyId) + "\naws_secret_access_key = "
                       + QByteArray::fromStdString(user.secretAccessKey) + "\n";
    }
    // Azure: the service principal that may list cluster credentials (chat-app's deployer).
    for (const auto &p : started.azurePrincipals) {
        if (p.readOnly)
            continue;
        e.env.insert(QStringLiteral("AZURE_TENANT_ID"), QString::fromStdString(p.tenant));
        e.env.insert(QStringLiteral("AZURE_CLIENT_ID"), QString::fromStdString(p.appId));
        e.env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QString::fromStdString(p.clientSecret));
        break;
    }
    const std::pair<QString, QByteArray> files[]
        = {{awsConfig, config}, {awsCredentials, credentials}};
    for (const auto &[path, text] : files) {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            f.write(text);
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    // Fly.io: the multicloud scenario's organization token (sim/fly).
    e.env.insert(QStringLiteral("FLY_API_TOKEN"), QStringLiteral("fo1_orrery-sim-multicloud-fly"));
    // Railway: the multicloud scenario's account token (sim/railway).
    e.env.insert(QStringLiteral("RAILWAY_API_TOKEN"), QStringLiteral("orrery-sim-railway"));
    return e;
}

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
                if (Sim::ServiceFront *front = simulator->services()) {
                    started.servicesUrl = simulator->servicesUrl();
                    started.servicesCa = simulator->servicesCaCertificate();
                    collectPipelines<Sim::GitHubService>(*front, "github", started);
                    collectPipelines<Sim::GitLabService>(*front, "gitlab", started);
                    collectPipelines<Sim::JenkinsService>(*front, "jenkins", started);
                    if (auto *aws = dynamic_cast<Sim::AwsService *>(front->service("aws")))
                        started.awsUsers = aws->users();
                    if (auto *azure = dynamic_cast<Sim::AzureService *>(front->service("azure")))
                        started.azurePrincipals = azure->servicePrincipals();
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
            const QString root
                = QStringLiteral("https://%1:%2").arg(services.host()).arg(services.port());
            for (const auto &p : started.pipelines) {
                PipelineSource source;
                if (!pipelineProviderFromName(QString::fromStdString(p.provider), &source.provider))
                    continue;
                // GitHub Enterprise's layout at the front's root; GitLab and Jenkins under
                // their prefixes (sim/front/simservice.h).
                switch (source.provider) {
                case PipelineProvider::GitHub:
                    source.host = QStringLiteral("%1:%2").arg(services.host()).arg(services.port());
                    break;
                case PipelineProvider::GitLab:
                    source.host = root + QStringLiteral("/gitlab/api/v4");
                    break;
                case PipelineProvider::Jenkins:
                    source.host = root + QStringLiteral("/jenkins");
                    break;
                }
                source.source = QString::fromStdString(p.source);
                source.label = QString::fromStdString(p.name);
                m_pipelineSources << source;
                m_pipelineTokens.insert(source.id(), QByteArray::fromStdString(p.token));
            }
            // The first seed's pipelines first, as the first start opens on its cluster.
            std::stable_partition(
                m_pipelineSources.begin(), m_pipelineSources.end(),
                [](const PipelineSource &s) { return s.source.startsWith(QLatin1String("pfe")); });
            m_servicesCa = QByteArray::fromStdString(started.servicesCa);
            m_cloudEnvironment = demoCloudEnvironment(m_dir.path(), started);
            done(path);
        });
}

PipelineConnectOptions DemoCluster::pipelineConnectOptions(const PipelineSource &source) const
{
    PipelineConnectOptions options;
    options.caPem = m_servicesCa;
    options.token = m_pipelineTokens.value(source.id());
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
