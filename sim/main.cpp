// SPDX-License-Identifier: GPL-3.0-or-later
// orrery-sim: simulated Kubernetes clusters behind real HTTPS API servers, for tests,
// benchmarks and demos. See docs/simulator.md.
#include "simulator.h"

#include <sys/stat.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

const char *kUsage
    = "Usage: orrery-sim --scenario NAME|all [--scenario NAME ...] --kubeconfig-out FILE\n"
      "                  [--port P] [--synthetic-pods N] [--synthetic-nodes N]\n"
      "                  [--churn EVENTS_PER_SEC] [--speed "
      "FACTOR]\n"
      "                  [--event-window N] [--metrics-port P] [--services-port P]\n"
      "                  [--services-ca-out FILE] [--service-proxy C/NS/NAME:PORT=URL ...]\n"
      "\n"
      "Runs simulated Kubernetes clusters, each behind its own HTTPS API server on 127.0.0.1,\n"
      "that real kubectl (1.27-1.33) can talk to.\n"
      "\n"
      "Options:\n"
      "  --scenario NAME     cluster to simulate; repeat for several clusters; \"all\" runs every\n"
      "                      scenario; \"minimal\" is a bare three-node cluster (default)\n"
      "  --list-scenarios    print the available scenario names and exit\n"
      "  --kubeconfig-out F  write a kubeconfig for the clusters to F (mode 0600). Per cluster C\n"
      "                      it has the contexts C (user admin, client certificate, group\n"
      "                      system:masters), C-operator (bearer token; writes namespaced\n"
      "                      resources, reads everything) and C-viewer (bearer token; read-only,\n"
      "                      no Secrets). current-context is the first cluster's admin context.\n"
      "  --port P            port of the first cluster's API server; the next clusters use P+1,\n"
      "                      P+2, ... (default: ports chosen by the OS)\n"
      "  --synthetic-pods N  add N generated pods to the first cluster (benchmarks)\n"
      "  --synthetic-nodes N spread them over N generated nodes (default: one per 100 pods)\n"
      "  --churn R           delete R random controller-owned pods per second (they are "
      "recreated);\n"
      "                      the annotation sim.orrery.dev/churn-per-second on the kube-system\n"
      "                      namespace sets R at run time (\"0\" stops)\n"
      "  --speed F           run simulated time F times faster than the wall clock (default 1)\n"
      "  --event-window N    watch events kept per cluster (default 10000); a watch from an older\n"
      "                      resourceVersion gets 410 Expired (small values test client relists)\n"
      "  --metrics-port P    serve Prometheus metrics (cAdvisor, kube-state-metrics and\n"
      "                      node-exporter style, from the load model) over plain HTTP at\n"
      "                      http://127.0.0.1:P/metrics; the next clusters use P+1, ...; 0: ports\n"
      "                      chosen by the OS. Each URL is printed as \"metrics <cluster> <url>\"\n"
      "                      before the ready line\n"
      "  --services-port P   port of the HTTPS front of the simulated outside services (GitHub,\n"
      "                      GitLab, Jenkins, clouds; default: chosen by the OS), printed as\n"
      "                      \"services <url>\" before the ready line\n"
      "  --services-ca-out F write the CA certificate (PEM) the services' front is signed with\n"
      "  --service-proxy C/NS/NAME:PORT=URL\n"
      "                      answer cluster C's service proxy for that Service port\n"
      "                      (/api/v1/namespaces/NS/services/NAME:PORT/proxy/...) from the\n"
      "                      real server at URL (plain HTTP on loopback, e.g. a Prometheus);\n"
      "                      repeatable. Unmapped ports answer 503 \"no endpoints available\"\n"
      "  --help              show this help\n"
      "\n"
      "When every server listens, prints one line \"ready <url of the first cluster>\" on stdout.\n"
      "Runs until SIGINT or SIGTERM, then shuts down cleanly (exit status 0).\n";

bool parseNumber(const char *text, double &out)
{
    char *end = nullptr;
    out = std::strtod(text, &end);
    return end && *end == '\0';
}

} // namespace

int main(int argc, char **argv)
{
    using namespace Orrery::Sim;
    SimulatorOptions options;
    std::string kubeconfigOut;
    std::string servicesCaOut;
    struct ProxyMapping
    {
        std::string cluster, ns, service, port, url;
    };
    std::vector<ProxyMapping> proxies;
    bool listOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char *name) -> const char * {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "orrery-sim: %s needs a value\n", name);
                std::exit(2);
            }
            return argv[++i];
        };
        double number = 0;
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (arg == "--scenario") {
            options.scenarios.push_back(value("--scenario"));
        } else if (arg == "--list-scenarios") {
            listOnly = true;
        } else if (arg == "--kubeconfig-out") {
            kubeconfigOut = value("--kubeconfig-out");
        } else if (arg == "--port" && parseNumber(value("--port"), number) && number >= 0
                   && number < 65536) {
            options.port = static_cast<int>(number);
        } else if (arg == "--synthetic-pods" && parseNumber(value("--synthetic-pods"), number)
                   && number >= 0) {
            options.syntheticPods = static_cast<int>(number);
        } else if (arg == "--synthetic-nodes" && parseNumber(value("--synthetic-nodes"), number)
                   && number >= 1) {
            options.syntheticNodes = static_cast<int>(number);
        } else if (arg == "--churn" && parseNumber(value("--churn"), number) && number >= 0) {
            options.churn = number;
        } else if (arg == "--speed" && parseNumber(value("--speed"), number) && number > 0) {
            options.speed = number;
        } else if (arg == "--metrics-port" && parseNumber(value("--metrics-port"), number)
                   && number >= 0 && number < 65536) {
            options.metricsPort = static_cast<int>(number);
        } else if (arg == "--services-port" && parseNumber(value("--services-port"), number)
                   && number >= 0 && number < 65536) {
            options.servicesPort = static_cast<int>(number);
        } else if (arg == "--service-proxy") {
            // C/NS/NAME:PORT=URL
            const std::string spec = value("--service-proxy");
            const auto eq = spec.find('=');
            const auto s1 = spec.find('/');
            const auto s2 = s1 == std::string::npos ? s1 : spec.find('/', s1 + 1);
            const auto colon = s2 == std::string::npos ? s2 : spec.find(':', s2 + 1);
            if (eq == std::string::npos || s2 == std::string::npos || colon == std::string::npos
                || colon > eq || s1 == 0 || eq + 1 >= spec.size()) {
                std::fprintf(stderr,
                             "orrery-sim: --service-proxy wants CLUSTER/NS/NAME:PORT=URL, got %s\n",
                             spec.c_str());
                return 2;
            }
            proxies.push_back({spec.substr(0, s1), spec.substr(s1 + 1, s2 - s1 - 1),
                               spec.substr(s2 + 1, colon - s2 - 1),
                               spec.substr(colon + 1, eq - colon - 1), spec.substr(eq + 1)});
        } else if (arg == "--services-ca-out") {
            servicesCaOut = value("--services-ca-out");
        } else if (arg == "--event-window" && parseNumber(value("--event-window"), number)
                   && number >= 1) {
            options.eventWindow = static_cast<std::size_t>(number);
        } else {
            std::fprintf(stderr, "orrery-sim: invalid argument %s\n\n%s", arg.c_str(), kUsage);
            return 2;
        }
    }

    // Block the termination signals in every thread (they inherit the mask) and wait for
    // them synchronously below: no work in signal handlers, clean shutdown.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    if (listOnly) {
        for (const auto &name : Simulator::availableScenarioNames())
            std::printf("%s\n", name.c_str());
        return 0;
    }
    Simulator simulator(options);
    std::string error;
    if (!simulator.start(&error)) {
        std::fprintf(stderr, "orrery-sim: %s\n", error.c_str());
        return 1;
    }
    if (!kubeconfigOut.empty()) {
        std::ofstream out(kubeconfigOut, std::ios::trunc);
        out << simulator.kubeconfigYaml();
        out.close();
        if (!out) {
            std::fprintf(stderr, "orrery-sim: cannot write %s\n", kubeconfigOut.c_str());
            simulator.stop();
            return 1;
        }
        ::chmod(kubeconfigOut.c_str(), 0600);
    }
    for (const auto &p : proxies) {
        if (!simulator.mapServiceProxy(p.cluster, p.ns, p.service, p.port, p.url)) {
            std::fprintf(stderr, "orrery-sim: --service-proxy: no cluster named %s\n",
                         p.cluster.c_str());
            simulator.stop();
            return 2;
        }
    }
    if (!servicesCaOut.empty()) {
        std::ofstream out(servicesCaOut, std::ios::trunc);
        out << simulator.servicesCaCertificate();
        out.close();
        if (!out) {
            std::fprintf(stderr, "orrery-sim: cannot write %s\n", servicesCaOut.c_str());
            simulator.stop();
            return 1;
        }
    }
    const auto clusters = simulator.clusterNames();
    const auto metrics = simulator.metricsUrls();
    for (std::size_t i = 0; i < clusters.size() && i < metrics.size(); ++i)
        if (!metrics[i].empty())
            std::printf("metrics %s %s\n", clusters[i].c_str(), metrics[i].c_str());
    if (!simulator.servicesUrl().empty())
        std::printf("services %s\n", simulator.servicesUrl().c_str());
    std::printf("ready %s\n", simulator.url().c_str());
    std::fflush(stdout);

    int received = 0;
    sigwait(&signals, &received);
    std::fprintf(stderr, "orrery-sim: %s, shutting down\n",
                 received == SIGINT ? "SIGINT" : "SIGTERM");
    simulator.stop();
    return 0;
}
