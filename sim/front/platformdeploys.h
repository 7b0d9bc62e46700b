// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace Orrery::Sim {

// What a pipeline may do on a simulated platform-as-a-service (Fly.io, Railway): the seam
// between the CI engine (sim/pipelines) and sim/fly, sim/railway, which never include each
// other. A service that is such a platform implements it beside SimService; the engine finds
// it through ClusterAccess::platform(name) (the front's service of that platform name), so a
// `flyctl deploy` or `railway up` step changes the very state the platform's API serves.
// Every call is thread safe (the service's own lock; the engine calls with its own held, so a
// platform never calls back into a pipeline engine).
struct PlatformDeploy
{
    // Fly.io: the app's name ("acme-edge-staging"); Railway: "project/environment/service"
    // ("acme-platform/production/api-gateway"; "project/service" means production).
    std::string target;
    std::string image; // registry/repository:tag
    // Who deployed it: the run's commit (recorded as the image's
    // org.opencontainers.image.revision label on Fly, the deployment's meta.commitHash on
    // Railway), repository, branch, commit message and actor; `cause` names the run
    // ("Deploy run #21").
    std::string revision;
    std::string repository;
    std::string branch;
    std::string message;
    std::string actor;
    std::string cause;
};

struct PlatformResult
{
    bool ok = false;
    std::string message; // what the platform's CLI would print (one or a few lines)
};

class PlatformDeploys
{
public:
    virtual ~PlatformDeploys() = default;

    virtual std::string platformName() const = 0; // "fly", "railway"
    // A new release (Fly) or deployment (Railway) of `deploy.image` on the target.
    virtual PlatformResult deploy(const PlatformDeploy &deploy) = 0;
    // Deploys again the newest earlier image that is not a crashing or failed one (the
    // image before the current release), as a new release / a Railway rollback deployment.
    virtual PlatformResult rollback(const std::string &target, const std::string &actor) = 0;
    // The target's health now: false when its current release runs an image whose process
    // exits at start (a scenario's `crashing` image, or one a pipeline pushed as such).
    virtual PlatformResult health(const std::string &target) = 0;
};

} // namespace Orrery::Sim
