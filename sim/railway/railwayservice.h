// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "front/platformdeploys.h"
#include "front/simservice.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace Orrery::Sim {

class ServiceFront;

// Railway's public GraphQL API v2 (backboard.railway.com/graphql/v2) at /railway/graphql/v2,
// for the projects the scenarios' `cloud: railway:` sections describe (docs/clouds.md, "The
// simulated Railway"): the operations Orrery sends and a few more of the same shapes, with
// the published schema's types (tests/data/railway/schema-part.graphql).
//
//  - Queries: me { id name email username workspaces }, projectToken, projects(workspaceId,
//    first, after) with cursors, project(id), deployments(input: {projectId, serviceId,
//    environmentId, status: {in, notIn}}, first, after) newest first, serviceInstance(
//    environmentId, serviceId); Project.environments / services, Environment.serviceInstances,
//    ServiceInstance.latestDeployment and source, Deployment with status, meta, canRollback,
//    canRedeploy, staticUrl, url.
//  - Mutations: deploymentRollback(id), deploymentRedeploy(id, usePreviousImageTag),
//    deploymentRestart(id). A new deployment is DEPLOYING for 20 s of sim time, then SUCCESS
//    (CRASHED when its image is one of the scenario's crashing ones); once it is SUCCESS, the
//    deployment it replaces is REMOVED.
//  - Auth as Railway's: `Authorization: Bearer T` with an account or workspace token, or
//    `project-access-token: T` with a project token (one project and environment; `me` and
//    `projects` are then "Not Authorized").
//  - Errors as a GraphQL server gives them: malformed JSON, a syntax error, an unknown field
//    or operation answer 400 with {"errors": [...]}; execution errors ("Not Authorized",
//    "Deployment not found") answer 200 with {"data": null, "errors": [{message, path,
//    extensions: {code}}]}. The request parser is bounded (sim/railway/graphqlrequest.h).
//  - A pipeline's `railway up` (PlatformDeploys, front/platformdeploys.h; target
//    "project/environment/service", or "project/service" for production) is a new deployment
//    of the image (reason deploy) whose meta carries the run's commitHash, commitMessage,
//    branch and repo, as Railway records a deploy from GitHub; an image a pipeline pushed as
//    crashing is CRASHED here too. rollback() is deploymentRollback on the newest earlier
//    deployment that is neither failed nor crashing (meta kept); health() fails while the
//    latest deployment crashes.
class RailwayService : public SimService, public PlatformDeploys
{
public:
    RailwayService(ServiceFront &front, ClusterAccess &clusters);
    ~RailwayService() override;

    std::string name() const override { return "railway"; }
    std::vector<std::string> prefixes() const override { return {"/railway"}; }
    void handle(const httplib::Request &req, httplib::Response &res) override;

    // For tests: the next call of mutation `field` ("deploymentRollback", ...) changes nothing
    // and answers as an execution error does: HTTP 200, {"data": null, "errors": [{message,
    // path, extensions: {code}}]}.
    void failNextMutation(const std::string &field, const std::string &message,
                          const std::string &code = "INTERNAL_SERVER_ERROR");

    std::string platformName() const override { return "railway"; }
    PlatformResult deploy(const PlatformDeploy &deploy) override;
    PlatformResult rollback(const std::string &target, const std::string &actor) override;
    PlatformResult health(const std::string &target) override;

    // The account tokens accepted (Bearer), for the demo and tests.
    std::vector<std::string> tokens() const;

    // Answers one GraphQL request body ({"query", "variables", "operationName"}) as the HTTP
    // handler does, for the fuzz target and tests: the status and the JSON answer.
    struct Answer
    {
        int status = 200;
        nlohmann::json body;
    };
    Answer answer(const std::string &body, const std::string &bearer,
                  const std::string &projectToken);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
