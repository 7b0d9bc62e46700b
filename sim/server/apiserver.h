// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "certificates.h"
#include "objectstore.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace Orrery::Sim {

// What the API server needs from the simulated kubelets and metrics-server; the Simulator
// wires these to its ControllerManager. Unset hooks answer with empty logs and metrics.
struct ApiServerHooks
{
    std::function<std::vector<std::string>(const std::string &ns, const std::string &pod,
                                           const std::string &container, bool previous,
                                           int tailLines)>
        podLog;
    std::function<int(const std::string &ns, const std::string &pod, const std::string &container,
                      std::function<bool(const std::string &)> sink, std::function<void()> onEnd)>
        followPodLog;
    std::function<void(int)> unfollowPodLog;
    std::function<nlohmann::json(const std::string &ns)> podMetrics;
    std::function<nlohmann::json()> nodeMetrics;
    // Bearer tokens the server does not know itself (EKS's `k8s-aws-v1.` tokens, checked by
    // the simulated AWS as aws-iam-authenticator does): true and the user name and groups the
    // token stands for, false for 401.
    std::function<bool(const std::string &token, std::string &user,
                       std::vector<std::string> &groups)>
        authenticateToken;
};

struct ApiServerOptions
{
    std::string clusterName = "orrery";
    std::string gitVersion = "v1.32.2";
    std::string platform = "linux/amd64";
    int port = 0; // 0: chosen by the OS
    // Pods bound to a node get a deletionTimestamp and are removed by the simulated kubelet
    // after their grace period, as on a real cluster. Without controllers: removed at once.
    bool gracefulPodDeletion = false;
    int bookmarkIntervalSeconds = 5;
};

// An HTTPS kube-apiserver over one ObjectStore, faithful enough for kubectl 1.32: discovery,
// OpenAPI v3, Tables, all verbs with selectors, paging and watches, the four patch types and
// server-side apply, scale/status/log subresources, metrics.k8s.io, authentication by client
// certificate or bearer token and a fixed RBAC policy (see Authorizer).
//
// Thread-safety: requests run on the server's own thread pool; every store read-modify-write
// holds the store lock. Lifetime: stop() (or the destructor) ends watches and log streams,
// stops listening and joins the server thread.
class ApiServer
{
public:
    ApiServer(ObjectStore &store, ApiServerOptions options, ApiServerHooks hooks = {});
    ~ApiServer();

    ApiServer(const ApiServer &) = delete;
    ApiServer &operator=(const ApiServer &) = delete;

    // Creates what every cluster has: namespaces default, kube-system, kube-public,
    // kube-node-lease with their default ServiceAccounts, the kubernetes Service.
    void bootstrap();

    // The gitVersion /version reports (scenarios pick their cluster's version). Before start().
    void setVersion(const std::string &gitVersion);
    // Routes the service proxy of ns/service:port to a real server on loopback (ServiceProxy).
    void mapServiceProxy(const std::string &ns, const std::string &service, const std::string &port,
                         const std::string &url);

    bool start(std::string *error);
    void stop();

    int port() const;
    std::string url() const;
    const Certificates &certificates() const;
    std::string operatorToken() const;
    std::string viewerToken() const;

    // Answers one request in the calling thread, as the installed handler does minus the
    // network and compression: the request fuzzer (tests/fuzz/fuzz_simrequest.cpp) feeds
    // requests here without TLS. Streaming answers (watch, logs -f) only set their provider.
    void handle(const httplib::Request &request, httplib::Response &response);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
