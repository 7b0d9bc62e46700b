// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator.h"

#include "aws/awsservice.h"
#include "azure/azureservice.h"
#include "controllermanager.h"
#include "controllers/controllercontext.h"
#include "controllers/nodecontroller.h"
#include "front/servicefront.h"
#include "front/simservice.h"
#include "front/simulatedservices.h"
#include "google/googleservice.h"
#include "objectstore.h"
#include "server/apiserver.h"
#include "server/prometheusendpoint.h"
#include "simclock.h"
#include "workload/prometheusexporter.h"

#include <base64.h>

#if __has_include("scenario.h")
#include "scenario.h"
#define ORRERY_HAVE_SCENARIOS 1
#endif

#include <algorithm>
#include <atomic>
#include <stdexcept>

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

std::vector<std::string> knownScenarios()
{
    std::vector<std::string> names = {"minimal"};
#ifdef ORRERY_HAVE_SCENARIOS
    for (const auto &n : availableScenarios())
        if (std::find(names.begin(), names.end(), n) == names.end())
            names.push_back(n);
#endif
    return names;
}

} // namespace

struct Simulator::Private : ClusterAccess
{
    struct Cluster
    {
        explicit Cluster(std::size_t eventWindow)
            : store(eventWindow)
        {
        }
        std::string scenario;
        std::string name;
        std::string version = "v1.32.2";
        ObjectStore store;
        std::unique_ptr<SimClock> clock;
        std::unique_ptr<ControllerManager> controllers;
        std::unique_ptr<ApiServer> server;
        std::unique_ptr<PrometheusExporter> exporter;
        std::unique_ptr<PrometheusEndpoint> metrics;
        std::string ruleFile;
    };

    SimulatorOptions options;
    std::vector<std::unique_ptr<Cluster>> clusters;
    // The outside services share one clock (at the clusters' speed) and one HTTPS front.
    std::unique_ptr<SimClock> servicesClock;
    std::unique_ptr<ServiceFront> front;
    // The simulated AWS on the front, for the API servers' EKS token check; null until the
    // front runs and after it stops.
    std::atomic<AwsService *> aws{nullptr};
    // The simulated Google Cloud, for GKE access tokens; the same lifetime as `aws`.
    std::atomic<GoogleService *> google{nullptr};
    // The simulated Azure, for AKS tokens (Entra ID, or a local clusterUser token); the same.
    std::atomic<AzureService *> azure{nullptr};
    bool running = false;

    const Cluster *cluster(const std::string &name) const
    {
        for (const auto &c : clusters)
            if (c->name == name)
                return c.get();
        return nullptr;
    }

    // ClusterAccess
    std::vector<std::string> clusterNames() const override
    {
        std::vector<std::string> out;
        for (const auto &c : clusters)
            out.push_back(c->name);
        return out;
    }
    std::string scenarioOf(const std::string &name) const override
    {
        const Cluster *c = cluster(name);
        return c ? c->scenario : std::string();
    }
    std::string serverUrl(const std::string &name) const override
    {
        const Cluster *c = cluster(name);
        return c && c->server ? c->server->url() : std::string();
    }
    std::string caCertificate(const std::string &name) const override
    {
        const Cluster *c = cluster(name);
        return c && c->server ? c->server->certificates().caCert : std::string();
    }
    ObjectStore *store(const std::string &name) const override
    {
        const Cluster *c = cluster(name);
        return c ? const_cast<ObjectStore *>(&c->store) : nullptr;
    }
    Registries *registries(const std::string &name) const override
    {
        const Cluster *c = cluster(name);
        return c && c->controllers ? &c->controllers->registries() : nullptr;
    }
    PlatformDeploys *platform(const std::string &name) const override
    {
        return front ? front->platform(name) : nullptr;
    }

    void loadMinimal(Cluster &c)
    {
        const std::string now = c.clock->timestamp();
        for (int i = 0; i < 3; ++i) {
            const std::string name = i == 0 ? "control-plane" : "worker-" + std::to_string(i);
            json labels = {{"kubernetes.io/hostname", name},
                           {"kubernetes.io/os", "linux"},
                           {"kubernetes.io/arch", "amd64"}};
            if (i == 0)
                labels["node-role.kubernetes.io/control-plane"] = "";
            json node = NodeController::makeNode(name, "4", "16Gi", labels, c.version, i, now);
            if (i == 0) // kubeadm's control-plane taint keeps workloads on the workers
                node["spec"]["taints"] = json::array(
                    {{{"key", "node-role.kubernetes.io/control-plane"}, {"effect", "NoSchedule"}}});
            c.store.create({"", "nodes"}, std::move(node));
        }
    }
};

Simulator::Simulator(SimulatorOptions options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    if (d->options.scenarios.empty())
        d->options.scenarios = {"minimal"};
}

Simulator::~Simulator()
{
    stop();
}

bool Simulator::start(std::string *error)
{
    std::vector<std::string> names;
    const auto known = knownScenarios();
    for (const auto &s : d->options.scenarios) {
        if (s == "all") {
            for (const auto &k : known)
                if (k != "minimal")
                    names.push_back(k);
            continue;
        }
        if (std::find(known.begin(), known.end(), s) == known.end()) {
            if (error) {
                *error = "unknown scenario \"" + s + "\"; available:";
                for (const auto &k : known)
                    *error += " " + k;
            }
            return false;
        }
        names.push_back(s);
    }
    if (names.empty())
        names.push_back("minimal");
    try {
        int index = 0;
        for (const auto &scenario : names) {
            auto c = std::make_unique<Private::Cluster>(d->options.eventWindow);
            c->scenario = scenario;
            c->name = scenario;
            c->clock = std::make_unique<SimClock>(SimClock::Mode::RealTime, d->options.speed);
            ApiServerOptions opts;
            opts.gracefulPodDeletion = true;
            opts.port = d->options.port > 0 ? d->options.port + index : 0;
            c->controllers = std::make_unique<ControllerManager>(c->store, *c->clock);
            ControllerManager *cm = c->controllers.get();
            ApiServerHooks hooks;
            hooks.podLog = [cm](const std::string &ns, const std::string &pod,
                                const std::string &container, bool previous, int tail) {
                return cm->podLog(ns, pod, container, previous, tail);
            };
            hooks.followPodLog =
                [cm](const std::string &ns, const std::string &pod, const std::string &container,
                     std::function<bool(const std::string &)> sink, std::function<void()> onEnd) {
                    return cm->followPodLog(ns, pod, container, std::move(sink), std::move(onEnd));
                };
            hooks.unfollowPodLog = [cm](int id) { cm->unfollowPodLog(id); };
            hooks.podMetrics = [cm](const std::string &ns) { return cm->podMetrics(ns); };
            hooks.nodeMetrics = [cm] { return cm->nodeMetrics(); };
            // EKS and AKS tokens, checked by the simulated AWS (sim/aws) and Azure (sim/azure)
            // once the front runs.
            Private *priv = d.get();
            Private::Cluster *self = c.get();
            hooks.authenticateToken = [priv, self](const std::string &token, std::string &user,
                                                   std::vector<std::string> &groups) {
                AwsService *aws = priv->aws.load();
                const auto mapped = aws ? aws->authenticateToken(self->name, token) : std::nullopt;
                if (mapped) {
                    user = mapped->name;
                    groups = mapped->groups;
                    return true;
                }
                // GKE: an access token of the simulated Google Cloud (sim/google).
                GoogleService *google = priv->google.load();
                if (const auto gke
                    = google ? google->authenticateToken(self->name, token) : std::nullopt) {
                    user = gke->name;
                    groups = gke->groups;
                    return true;
                }
                // AKS: an Entra ID token or a local clusterUser token of the simulated Azure.
                AzureService *azure = priv->azure.load();
                const auto aks = azure ? azure->authenticateToken(self->name, token) : std::nullopt;
                if (!aks)
                    return false;
                user = aks->name;
                groups = aks->groups;
                return true;
            };
            opts.clusterName = c->name;
            c->server = std::make_unique<ApiServer>(c->store, opts, hooks);
            c->server->bootstrap();
            if (scenario == "minimal") {
                d->loadMinimal(*c);
            } else {
#ifdef ORRERY_HAVE_SCENARIOS
                const ScenarioInfo info = loadScenario(scenario, c->store, *cm);
                if (!info.clusterName.empty())
                    c->name = info.clusterName;
                if (!info.kubernetesVersion.empty())
                    c->version = info.kubernetesVersion;
#endif
            }
#ifdef ORRERY_HAVE_SCENARIOS
            c->ruleFile = scenarioRulesFile(scenario);
#endif
            if (d->options.metricsPort >= 0) {
                c->exporter = std::make_unique<PrometheusExporter>(c->store, cm->context().metrics,
                                                                   *c->clock);
                PrometheusExporter *exporter = c->exporter.get();
                c->metrics = std::make_unique<PrometheusEndpoint>(
                    [exporter] { return exporter->scrape(); });
            }
            c->server->setVersion(c->version);
            cm->setKubernetesVersion(c->version);
            if (d->options.churn > 0)
                cm->setChurn(d->options.churn);
#ifdef ORRERY_HAVE_SCENARIOS
            if (index == 0 && d->options.syntheticPods > 0)
                generateSynthetic(d->options.syntheticPods, c->store, *cm,
                                  d->options.syntheticNodes);
#endif
            d->clusters.push_back(std::move(c));
            ++index;
        }
        index = 0;
        for (auto &c : d->clusters) {
            std::string err;
            if (!c->server->start(&err)) {
                if (error)
                    *error = c->name + ": " + err;
                stop();
                return false;
            }
            if (c->metrics) {
                const int port = d->options.metricsPort > 0 ? d->options.metricsPort + index : 0;
                if (!c->metrics->start(port, &err)) {
                    if (error)
                        *error = c->name + ": " + err;
                    stop();
                    return false;
                }
            }
            c->controllers->start();
            ++index;
        }
        if (d->options.servicesPort >= 0) {
            d->servicesClock
                = std::make_unique<SimClock>(SimClock::Mode::RealTime, d->options.speed);
            d->front = std::make_unique<ServiceFront>(*d->servicesClock);
            addSimulatedServices(*d->front, *d);
            d->aws = dynamic_cast<AwsService *>(d->front->service("aws"));
            d->google = dynamic_cast<GoogleService *>(d->front->service("google"));
            d->azure = dynamic_cast<AzureService *>(d->front->service("azure"));
            std::string err;
            if (!d->front->start(d->options.servicesPort, &err)) {
                if (error)
                    *error = "simulated services: " + err;
                stop();
                return false;
            }
        }
    } catch (const std::exception &e) {
        if (error)
            *error = e.what();
        stop();
        return false;
    }
    d->running = true;
    return true;
}

void Simulator::stop()
{
    d->aws = nullptr;
    d->google = nullptr;
    d->azure = nullptr;
    if (d->front)
        d->front->stop();
    for (auto &c : d->clusters) {
        if (c->metrics)
            c->metrics->stop();
        if (c->server)
            c->server->stop();
        if (c->controllers)
            c->controllers->stop();
    }
    d->running = false;
}

std::string Simulator::kubeconfigYaml() const
{
    std::string clusters, users, contexts;
    for (const auto &c : d->clusters) {
        const auto &certs = c->server->certificates();
        clusters += "- name: " + c->name + "\n  cluster:\n    server: " + c->server->url()
                    + "\n    certificate-authority-data: " + Base64::encode(certs.caCert) + "\n";
        users += "- name: " + c->name + "-admin\n  user:\n    client-certificate-data: "
                 + Base64::encode(certs.adminCert)
                 + "\n    client-key-data: " + Base64::encode(certs.adminKey) + "\n";
        users += "- name: " + c->name
                 + "-operator\n  user:\n    token: " + c->server->operatorToken() + "\n";
        users += "- name: " + c->name + "-viewer\n  user:\n    token: " + c->server->viewerToken()
                 + "\n";
        for (const char *role : {"", "-operator", "-viewer"}) {
            const std::string user = c->name + (*role ? role : "-admin");
            contexts += "- name: " + c->name + role + "\n  context:\n    cluster: " + c->name
                        + "\n    user: " + user + "\n    namespace: default\n";
        }
    }
    const std::string current = d->clusters.empty() ? "" : d->clusters.front()->name;
    return "apiVersion: v1\nkind: Config\npreferences: {}\nclusters:\n" + clusters + "users:\n"
           + users + "contexts:\n" + contexts + "current-context: " + current + "\n";
}

std::vector<std::string> Simulator::contextNames() const
{
    std::vector<std::string> out;
    for (const auto &c : d->clusters)
        for (const char *role : {"", "-operator", "-viewer"})
            out.push_back(c->name + role);
    return out;
}

std::string Simulator::url() const
{
    return d->clusters.empty() ? std::string() : d->clusters.front()->server->url();
}

std::vector<std::string> Simulator::availableScenarioNames()
{
    return knownScenarios();
}

std::vector<std::string> Simulator::metricsUrls() const
{
    std::vector<std::string> out;
    for (const auto &c : d->clusters)
        out.push_back(c->metrics ? c->metrics->url() : std::string());
    return out;
}

std::vector<std::string> Simulator::ruleFiles() const
{
    std::vector<std::string> out;
    for (const auto &c : d->clusters)
        out.push_back(c->ruleFile);
    return out;
}

Registries *Simulator::registries(const std::string &clusterName) const
{
    return d->registries(clusterName);
}

bool Simulator::mapServiceProxy(const std::string &clusterName, const std::string &ns,
                                const std::string &service, const std::string &port,
                                const std::string &url)
{
    for (const auto &c : d->clusters) {
        if (c->name == clusterName && c->server) {
            c->server->mapServiceProxy(ns, service, port, url);
            return true;
        }
    }
    return false;
}

std::string Simulator::servicesUrl() const
{
    return d->front ? d->front->url() : std::string();
}

std::string Simulator::servicesCaCertificate() const
{
    return d->front ? d->front->certificates().caCert : std::string();
}

ServiceFront *Simulator::services() const
{
    return d->front.get();
}

ClusterAccess &Simulator::clusterAccess() const
{
    return *d;
}

std::vector<std::string> Simulator::clusterNames() const
{
    std::vector<std::string> out;
    for (const auto &c : d->clusters)
        out.push_back(c->name);
    return out;
}

} // namespace Orrery::Sim
