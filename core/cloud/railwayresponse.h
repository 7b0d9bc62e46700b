// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apptopology.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace Orrery {

// What Railway's GraphQL API v2 answers, as Orrery reads it (docs/clouds.md, "Railway").
struct RailwayDeployment
{
    QString id;
    QString status; // DeploymentStatus: SUCCESS, CRASHED, FAILED, DEPLOYING, REMOVED ...
    QString serviceId;
    QString environmentId;
    QString image;      // meta.image
    QString reason;     // meta.reason: deploy, redeploy, rollback ...
    QString message;    // meta.commitMessage
    QString commitHash; // meta.commitHash: the commit deployed (a deploy from GitHub or CI)
    QString staticUrl;
    QDateTime createdAt;
    QDateTime statusUpdatedAt;
    bool canRollback = false;
    bool canRedeploy = false;
};

struct RailwayServiceInstance
{
    QString id;
    QString serviceId;
    QString serviceName;
    QString environmentId;
    QString region;
    QString healthcheckPath;
    QString sourceImage;
    QString sourceRepo;
    int replicas = 1;
    std::optional<RailwayDeployment> latest;
};

struct RailwayEnvironment
{
    QString id;
    QString name;
    QList<RailwayServiceInstance> instances;
};

struct RailwayServiceInfo
{
    QString id;
    QString name;
    QString icon;
};

struct RailwayProject
{
    QString id;
    QString name;
    QString workspaceId;
    QList<RailwayEnvironment> environments;
    QList<RailwayServiceInfo> services;
};

struct RailwayProjectsPage
{
    QList<RailwayProject> projects;
    bool hasNextPage = false;
    QString endCursor;
};

struct RailwayUser
{
    QString id;
    QString name;
    QString email;
    QList<QPair<QString, QString>> workspaces; // id, name
};

struct RailwayProjectToken
{
    QString projectId;
    QString projectName;
    QString environmentId;
    QString environmentName;
};

// Decoding of Railway's answers: tolerant (a missing or mistyped member reads as absent,
// items without an id are skipped, duplicated ids keep their first copy) and bounded (at
// most MaxItems items per list, strings cut at MaxString characters). Pure functions of
// their input, so the fuzz target (tests/fuzz/fuzz_railwayresponse.cpp) drives them all.
namespace RailwayResponse {

constexpr int MaxItems = 1000;
constexpr int MaxString = 2048;

// The `data` of a GraphQL answer (any HTTP status), or the Error its `errors` say:
// "Not Authorized" and UNAUTHENTICATED are AuthError (with a hint naming the token to
// check), FORBIDDEN is Forbidden, NOT_FOUND NotFound, HTTP 429 TooManyRequests, 5xx
// ServerError, a validation error (HTTP 400) InvalidArgument; a body that is not JSON is a
// ParseError. `what` names the request for Error::context.
Result<nlohmann::json> data(int httpStatus, const QByteArray &body, const QString &what);

Result<RailwayUser> user(const nlohmann::json &data);
Result<RailwayProjectToken> projectToken(const nlohmann::json &data);
Result<RailwayProjectsPage> projects(const nlohmann::json &data);
Result<RailwayProject> project(const nlohmann::json &data); // data.project
RailwayProject projectNode(const nlohmann::json &node);
RailwayDeployment deploymentNode(const nlohmann::json &node);
Result<QList<RailwayDeployment>> deployments(const nlohmann::json &data);
Result<RailwayServiceInstance> serviceInstance(const nlohmann::json &data);
// A mutation's Boolean! answer (`data.<field>`), or its Deployment's id for
// deploymentRedeploy.
Result<bool> mutationFlag(const nlohmann::json &data, const char *field);
Result<QString> redeployedId(const nlohmann::json &data);

// Whether a service is one of Railway's databases (Postgres, MySQL, Redis, MongoDB: their
// templates' images or icons): shown as an attachment rather than a service.
bool isDatabase(const QString &image, const QString &icon, const QString &name);
// Whether a status means the deployment is up, or on its way up.
bool isHealthy(const QString &status);

// One environment of `project` as an AppTopology (apptopology.h): the environment is the App
// node; each service a Group (its latest deployment's status, region, image, health check);
// the deployments that are not REMOVED are its Instances; database services are
// Attachments; `deployments` (newest first) are the releases, `current` marking the one
// each service runs. `ref` is the app's CloudResource::ref.
AppTopology topology(const RailwayProject &project, const QString &environmentId,
                     const QList<RailwayDeployment> &deployments, const QString &ref);

} // namespace RailwayResponse

} // namespace Orrery
