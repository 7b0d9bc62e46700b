// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace Orrery::Sim {

class ObjectStore;
class PlatformDeploys;
class Registries;
class SimClock;

// One simulated outside service (GitHub, GitLab, Jenkins, AWS, Azure, GKE, Fly.io, Railway),
// served on the shared HTTPS front (ServiceFront) under the path prefixes it claims. Each
// service lives in its own folder under sim/ and never sees another service's code.
//
// Prefixes in use (a new service picks its own and adds it here):
//   GitHub REST and GraphQL (GitHub Enterprise Server layout)  /api/v3  /api/graphql
//   GitLab API v4                                             /gitlab
//   Jenkins                                                   /jenkins
//   AWS (STS, EKS)                                            /aws
//   Azure (ARM, OAuth token endpoint)                         /azure  /adfs
//   Google (GKE container API, OAuth token endpoint)          /google
//   Fly.io (Machines API, GraphQL)                            /fly
//   Railway (GraphQL)                                         /railway
//
// handle() runs on the front's worker threads, concurrently with itself: a service guards
// its own state. It may stream (httplib's content providers) for logs that follow.
class SimService
{
public:
    virtual ~SimService() = default;

    virtual std::string name() const = 0;
    // Path prefixes this service answers ("/jenkins" matches "/jenkins" and "/jenkins/...").
    virtual std::vector<std::string> prefixes() const = 0;
    virtual void handle(const httplib::Request &req, httplib::Response &res) = 0;
    // Called before the front stops listening: end streams, join threads.
    virtual void stop() {}
};

// What the outside services may see and do of the simulated clusters: a deploy job sets an
// image on a Deployment, a build pushes to a registry, EKS hands out a cluster's endpoint.
// Implemented by Simulator; every call is thread safe.
class ClusterAccess
{
public:
    virtual ~ClusterAccess() = default;

    // Names as in Simulator::clusterNames() (a scenario's clusterName, or the scenario name).
    virtual std::vector<std::string> clusterNames() const = 0;
    // The scenario a cluster was loaded from ("pfe", "multicloud", ...); empty when unknown.
    virtual std::string scenarioOf(const std::string &cluster) const = 0;
    // https://127.0.0.1:PORT of the cluster's API server, and its CA (PEM); empty when unknown.
    virtual std::string serverUrl(const std::string &cluster) const = 0;
    virtual std::string caCertificate(const std::string &cluster) const = 0;
    // Null for an unknown cluster. The store is thread safe; writes to it go through the
    // same paths the API server uses, so watches and controllers see them.
    virtual ObjectStore *store(const std::string &cluster) const = 0;
    virtual Registries *registries(const std::string &cluster) const = 0;
    // True when some cluster's registries hold `image` as one whose process exits at start
    // (a pipeline pushed it as crashing): the simulated platforms run such an image crashing.
    bool imageCrashesInRegistries(const std::string &image) const;
    // The simulated platform-as-a-service of that name ("fly", "railway";
    // front/platformdeploys.h) on the services front, for a pipeline's deploy steps; null when
    // none is served. Only valid once the front has started (services are added before).
    virtual PlatformDeploys *platform(const std::string &name) const
    {
        (void)name;
        return nullptr;
    }
};

} // namespace Orrery::Sim
