// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apptopology.h"
#include "util/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace Orrery {

// One health check of a machine as the Machines API reports it (CheckStatus).
struct FlyCheck
{
    QString name;   // "servicecheck-00-http-8080"
    QString status; // passing, warning, critical
    QString output;
};

// One entry of a machine's event log (MachineEvent), newest first.
struct FlyMachineEvent
{
    QString type;   // launch, start, stop, restart, update, exit, destroy
    QString status; // the state it led to
    QString source; // user, flyd
    QDateTime at;
    int exitCode = -1; // exit events: the process's exit code
};

// A Fly Machine (Machines API `Machine`), with what Orrery reads of its config.
struct FlyMachine
{
    QString id;
    QString name;
    QString state; // created, starting, started, stopping, stopped, replacing, destroying ...
    QString region;
    QString image;    // config.image, else image_ref as registry/repository:tag
    QString revision; // image_ref.labels["org.opencontainers.image.revision"], when labelled
    QString instanceId;
    QString privateIp;
    QString processGroup;   // config.metadata.fly_process_group ("app" when absent, as flyctl)
    QString releaseVersion; // config.metadata.fly_release_version
    QString releaseId;      // config.metadata.fly_release_id
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<FlyCheck> checks;
    QList<FlyMachineEvent> events;
    // The config as received (bounded by the response limit): what an update sends back with
    // only the image and release metadata changed, and what a new machine of the same group
    // is created from.
    nlohmann::json config;

    // Started and no check critical. A stopped machine is not unhealthy: it was stopped.
    bool healthy() const;
    bool hasCriticalCheck() const;
};

// An app as GET /v1/apps?org_slug= lists it (ListApp) or GET /v1/apps/{app} shows it.
struct FlyAppInfo
{
    QString name;
    QString status; // deployed, suspended, pending (show only)
    QString orgSlug;
    QString orgName;
    int machineCount = -1; // list only
};

// A release as the GraphQL API's releasesUnprocessed lists it.
struct FlyRelease
{
    QString id;
    int version = 0;
    QString status; // complete, failed, running, interrupted ...
    QString description;
    QString reason;
    QString imageRef;
    QString user;
    bool stable = false;
    QDateTime createdAt;
};

struct FlyOrganization
{
    QString slug;
    QString name;
    QString type;
};

// GraphQL `viewer` and `organizations`.
struct FlyViewer
{
    QString email;
    QString name;
    QList<FlyOrganization> organizations;
};

// GraphQL `app(name:)`: what the Machines API does not say.
struct FlyAppDetails
{
    QString name;
    QString status;
    QString hostname;
    QString orgSlug;
    QStringList secrets;        // names only (the API never gives values)
    QList<FlyRelease> releases; // newest first
};

// Decoding of Fly.io's answers (docs/clouds.md, "Fly.io"). Tolerant and bounded as every
// decoder of outside input (JsonRead, docs/RELIABILITY.md): a missing or mistyped member reads
// as absent, a list is cut at its limit, nothing throws. A body that is not the expected JSON
// at all is a ParseError naming what was expected. Thread-safe (pure functions): the client
// calls them on its transport's worker.
namespace FlyResponse {

constexpr int MaxApps = 5000;
constexpr int MaxMachines = 2000;
constexpr int MaxReleases = 500;
constexpr int MaxEvents = 50;
constexpr int MaxChecks = 50;
constexpr int MaxSecrets = 500;
constexpr int MaxOrganizations = 200;

Result<QList<FlyAppInfo>> apps(QByteArrayView body); // ListAppsResponse
Result<FlyAppInfo> app(QByteArrayView body);         // App
Result<QList<FlyMachine>> machines(QByteArrayView body);
Result<FlyMachine> machine(QByteArrayView body);
FlyMachine machineFrom(const nlohmann::json &j);

// GraphQL answers: `data` as expected, else the first of `errors` as an Error
// (UNAUTHORIZED: AuthError; NOT_FOUND: NotFound; anything else: ServerError).
Result<FlyViewer> viewer(QByteArrayView body);
Result<FlyAppDetails> appDetails(QByteArrayView body);

// The words of an error answer: the Machines API's {"error": "..."}, GraphQL's
// {"errors": [{"message"}]}, or empty.
QString errorMessage(QByteArrayView body);

// "ghcr.io/acme/edge:1.9.0" from an ImageRef object (registry, repository, tag or digest).
QString imageFromRef(const nlohmann::json &imageRef);

// The attachment an app secret stands for: "Postgres" for DATABASE_URL (flyctl postgres
// attach) and *_DATABASE_URL / POSTGRES_URL, "Redis" for REDIS_URL (Upstash Redis) and
// *_REDIS_URL; empty for any other secret.
QString attachmentKind(const QString &secretName);

// The app as a topology: the app, its process groups (sorted by name), their machines
// (sorted by region then name), the attachments its secrets point at, and its releases
// (newest first; `current` is the newest release a machine runs). Machines without a
// process group are in "app", as flyctl counts them.
AppTopology topology(const QString &appRef, const QString &appName, const QString &appStatus,
                     const QList<FlyMachine> &machines, const FlyAppDetails &details);

} // namespace FlyResponse

} // namespace Orrery
