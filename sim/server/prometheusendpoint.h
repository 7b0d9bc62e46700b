// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace Orrery::Sim {

// The plain-HTTP scrape target of one simulated cluster: GET /metrics answers the text
// exposition format (version 0.0.4) that `scrape` produces, as a kubelet's cAdvisor endpoint,
// kube-state-metrics and node-exporter would together. Plain HTTP on 127.0.0.1 so that a
// stock Prometheus reaches it with a static_configs target and no credentials; the HTTPS API
// server stays the only way to the cluster's objects.
//
// Lifetime: stop() (or the destructor) stops listening and joins the server thread.
class PrometheusEndpoint
{
public:
    explicit PrometheusEndpoint(std::function<std::string()> scrape);
    ~PrometheusEndpoint();

    PrometheusEndpoint(const PrometheusEndpoint &) = delete;
    PrometheusEndpoint &operator=(const PrometheusEndpoint &) = delete;

    // port 0: chosen by the OS.
    bool start(int port, std::string *error);
    void stop();

    int port() const;
    std::string url() const; // http://127.0.0.1:PORT/metrics

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
