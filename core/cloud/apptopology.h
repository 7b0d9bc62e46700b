// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Orrery {

// A PaaS app as a topology, whichever platform runs it (docs/clouds.md): a Fly.io app with
// its process groups, machines and attached databases; a Railway project environment with
// its services and deployments. One shape, so one view draws both and the seed 001
// architecture (the same app on Fly.io and on Railway) reads the same on either side.
struct AppNode
{
    enum class Kind {
        App,        // the Fly app, the Railway project environment
        Group,      // a Fly process group, a Railway service
        Instance,   // a Fly machine, a Railway deployment
        Attachment, // an attached Postgres, Redis or volume
    };
    Kind kind = Kind::Instance;
    QString id;       // unique within the topology; the platform's own id where it has one
    QString parentId; // empty for the App node
    QString name;
    QString status;      // the platform's own word: started, stopped, SUCCESS, CRASHED ...
    bool healthy = true; // false when the platform or a failing check says it is not
    QString region;
    QString image; // the image it runs (registry/repository:tag or @digest)
    // The commit its image was built from, when the platform records it (Fly: the image's
    // org.opencontainers.image.revision label; Railway: the deployment's meta.commitHash):
    // what links it to the pipeline run that built it (core/pipelines/imagelink.h).
    QString revision;
    QString release;    // the release or deployment it belongs to
    QStringList checks; // "http /healthz: passing", one line per health check
    QDateTime updatedAt;
};

// A link that is not parenthood: a service that uses an attachment, a group that talks to
// another.
struct AppLink
{
    QString from;
    QString to;
    QString label;
};

// One release or deployment of the app, newest first: what "deploy a previous release"
// offers.
struct AppRelease
{
    QString id;
    QString version;
    QString status;
    QString image;
    QString description;
    QDateTime createdAt;
    bool current = false;
};

struct AppTopology
{
    QString provider; // "fly", "railway"
    QString ref;      // CloudResource::ref of the app
    QList<AppNode> nodes;
    QList<AppLink> links;
    QList<AppRelease> releases;
};

} // namespace Orrery
