// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace Orrery::Sim {

// The API server's service proxy (/api/v1/namespaces/NS/services/NAME[:PORT]/proxy/PATH) for
// a simulated cluster. Simulated Services have no processes behind them, so a Service port is
// proxied only when something real was mapped onto it (the demo's and the tests' Prometheus
// and Alertmanager, started on loopback): then the request is forwarded to that URL like
// kube-apiserver forwards it to an endpoint. An unmapped port answers 503 "no endpoints
// available", kube-apiserver's words for a Service without ready endpoints. Thread safe.
class ServiceProxy
{
public:
    // `port` is the Service port's name or number as written in the proxy path ("" matches a
    // path without one); `url` is plain HTTP on loopback ("http://127.0.0.1:9090").
    void map(const std::string &ns, const std::string &service, const std::string &port,
             const std::string &url);
    std::optional<std::string> target(const std::string &ns, const std::string &service,
                                      const std::string &port) const;

    // Forwards `req` (method, query, body, content type) to target + "/" + rest and copies
    // the answer into `res`; a failed connection is 503 with the reason, as kube-apiserver's
    // "error trying to reach service".
    static void forward(const httplib::Request &req, httplib::Response &res,
                        const std::string &target, const std::string &rest);

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::string> m_targets; // "ns/service:port" -> url
};

} // namespace Orrery::Sim
