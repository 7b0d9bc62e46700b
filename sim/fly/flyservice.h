// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "front/platformdeploys.h"
#include "front/simservice.h"

#include <memory>
#include <string>

namespace Orrery::Sim {

class SimClock;

// Fly.io as the multi-cloud scenario's `cloud: fly:` section describes it (docs/clouds.md,
// "The simulated Fly.io"), under /fly on the services front:
//
//  - the Machines API (FLY_FLAPS_BASE_URL = https://127.0.0.1:P/fly), shapes as Fly's
//    published OpenAPI (superfly/fly-openapi-sdk, go/api/openapi.yaml; the part used is kept
//    in tests/data/fly/ and tst_flysim checks every answer against it): GET /v1/apps?org_slug=,
//    GET /v1/apps/{app}, GET and POST /v1/apps/{app}/machines, GET, POST (update the config:
//    a new image is a deploy) and DELETE (?force=true / ?kill=true) /v1/apps/{app}/machines/{id},
//    POST .../start, .../stop, .../restart, GET .../events, and leases (GET, POST, DELETE
//    .../lease; a machine leased by someone else refuses changes without the lease's nonce in
//    the fly-machine-lease-nonce header: 409);
//  - the GraphQL API (FLY_API_BASE_URL = https://127.0.0.1:P/fly, POST /graphql): viewer,
//    organizations, app(name:) with status, hostname, organization, secrets, currentRelease and
//    releasesUnprocessed(first:) — what flyctl asks for releases, in graphql-ruby's answer
//    and error shapes. Mutations are refused.
//
// Auth: `Authorization: Bearer <token>` or `FlyV1 <token>` (also `Bearer FlyV1 <token>`, as
// Fly's docs pass a printed macaroon token) with a token the scenario lists; anything else is
// 401. Machines move through Fly's states over sim time (created, starting,
// started, stopping, stopped, replacing, destroying, destroyed; a step takes 1.5 s of sim
// time); a machine running a release the scenario marks `crashing` keeps exiting: its checks
// are critical and its events show the exits.
//
// A pipeline's `flyctl deploy` (PlatformDeploys, front/platformdeploys.h; target: the app's
// name) is a new release of the image (status complete, by the run's actor) and every machine
// of the app updated to it (replacing, starting, started; a stopped machine stays stopped), its
// image_ref labelled with the run's commit (org.opencontainers.image.revision) and repository
// (org.opencontainers.image.source), as docker/metadata-action labels an image built in
// GitHub Actions. An image a pipeline pushed as crashing crashes here too. Fly has no rollback
// command (superfly/flyctl#579): rollback() deploys again the image of the newest earlier
// release that is neither failed nor crashing. health() fails while the current release's
// image crashes.
class FlyService : public SimService, public PlatformDeploys
{
public:
    FlyService(SimClock &clock, ClusterAccess &clusters);
    ~FlyService() override;

    std::string name() const override { return "fly"; }
    std::vector<std::string> prefixes() const override { return {"/fly"}; }
    void handle(const httplib::Request &req, httplib::Response &res) override;

    std::string platformName() const override { return "fly"; }
    PlatformResult deploy(const PlatformDeploy &deploy) override;
    PlatformResult rollback(const std::string &target, const std::string &actor) override;
    PlatformResult health(const std::string &target) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
