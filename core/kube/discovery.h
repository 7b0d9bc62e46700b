// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubekind.h"
#include "util/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

namespace Orrery {

class HttpTransport;

// One resource of one group-version, from an APIResourceList.
struct ApiResource
{
    QString group;   // "" for the core group
    QString version; // "v1"
    QString name;    // plural resource name: "deployments"; subresources "deployments/scale"
    QString kind;
    bool namespaced = false;
    QStringList verbs;
    QStringList shortNames;

    QString groupVersion() const
    {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }
    // "/api/v1" or "/apis/apps/v1"
    QString basePath() const;
    // The collection path: ".../namespaces/NS/pods" when ns is set (and namespaced), else
    // ".../pods".
    QString collectionPath(const QString &ns = {}) const;
    QString objectPath(const QString &ns, const QString &objectName) const;
};

// What the server serves, from legacy discovery: GET /api, /apis, then /api/v1 and
// /apis/<group>/<version> for the groups the typed store needs (and any others asked for).
//
// A kind whose group or versions are missing resolves to nothing and kindError() says why
// (Unsupported: "autoscaling/v2 is not served; autoscaling/v1 is used" is a warning only).
class ApiDiscovery
{
public:
    QString serverVersion;        // gitVersion from /version, when fetched
    QStringList groupVersions;    // every group/version listed by /api and /apis
    QList<ApiResource> resources; // of the group-versions fetched
    QStringList warnings;         // fallbacks taken

    std::optional<ApiResource> resource(Kind kind) const;
    std::optional<ApiResource> find(const QString &group, const QString &kind) const;
    std::optional<Error> kindError(Kind kind) const;

    // Fills the per-kind table from `resources`; called by discover().
    void resolveKinds();

    using Handler = std::function<void(Result<ApiDiscovery>)>;
    // Runs discovery on the transport's worker thread and calls `handler` on `context`'s
    // thread. Fails only when /api itself cannot be fetched (unreachable, 401, ...); a
    // failing group is recorded in kindError() for the kinds it holds.
    static void discover(HttpTransport *transport, QObject *context, Handler handler,
                         QStringList extraGroupVersions = {});

    // Parses an APIResourceList body (exposed for tests).
    static Result<QList<ApiResource>> parseResourceList(const QByteArray &json);

private:
    std::array<std::optional<ApiResource>, KindCount> m_kinds;
    std::array<std::optional<Error>, KindCount> m_kindErrors;
};

} // namespace Orrery
