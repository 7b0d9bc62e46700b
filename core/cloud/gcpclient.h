// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gcpauth.h"
#include "gcpresponse.h"
#include "requestqueue.h"
#include "util/result.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

namespace Orrery {

class HttpTransport;

// What one discovery found: the clusters (sorted by project, location, name) and, per project
// that failed, the error (the other projects' clusters are still there).
struct GkeDiscovery
{
    QList<GkeClusterInfo> clusters;
    QMap<QString, Error> projectErrors; // project -> what went wrong
};

// Google Cloud's GKE container API v1 and Cloud Resource Manager over HttpTransport
// (docs/clouds.md, "Google Cloud"), with the access tokens of a GcpTokenSource as bearer
// credentials (fetched off the caller's thread, refreshed before expiry and after a 401).
// Answers are decoded on the transport's worker; callbacks run on this object's thread;
// errors are values and never hold a token.
//
// Endpoints: empty = Google's (https://container.googleapis.com/,
// https://cloudresourcemanager.googleapis.com/); else the given base URL, to which "v1/..." is
// appended, as gcloud does with CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER and _
// CLOUDRESOURCEMANAGER (endpointsFromEnvironment()).
class GcpClient : public QObject
{
    Q_OBJECT
public:
    struct Endpoints
    {
        QUrl container;
        QUrl resourceManager;
        QByteArray caPem; // extra trust (CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE); empty: the system's
    };
    static Endpoints endpointsFromEnvironment(const QProcessEnvironment &env);

    // Requests in flight at once, over all projects of a discovery.
    static constexpr int MaxParallel = 16;
    // Pages of the project list read at most (Resource Manager pages by 500).
    static constexpr int MaxProjectPages = 20;

    GcpClient(std::shared_ptr<GcpTokenSource> tokens, Endpoints endpoints,
              QObject *parent = nullptr);
    ~GcpClient() override;

    std::shared_ptr<GcpTokenSource> tokenSource() const { return m_tokens; }

    // The access token (cached, or fetched on a pool thread).
    void accessToken(std::function<void(const Result<GcpAccessToken> &)> onDone);
    // Cloud Resource Manager: the ACTIVE projects the credentials may see, every page.
    void projects(std::function<void(const Result<QStringList> &)> onDone);
    // GET v1/projects/P/locations/-/clusters: every zone and region at once.
    void clusters(const QString &project,
                  std::function<void(const Result<QList<GkeClusterInfo>> &)> onDone);
    // GET v1/projects/P/locations/L/clusters/N.
    void cluster(const QString &project, const QString &location, const QString &name,
                 std::function<void(const Result<GkeClusterInfo> &)> onDone);
    // clusters() for every project, in parallel (at most MaxParallel at once).
    void discover(const QStringList &projects, std::function<void(const GkeDiscovery &)> onDone);

private:
    // GET base + subPath with the account's token; `decode` runs on the transport's worker
    // with a 2xx body, `onDone` here.
    template <typename T>
    void request(const QUrl &base, const QString &subPath, const QString &what,
                 std::function<Result<T>(const QByteArray &)> decode,
                 std::function<void(const Result<T> &)> onDone);
    HttpTransport *transport(const QUrl &base);
    QUrl containerBase() const;
    QUrl resourceManagerBase() const;

    std::shared_ptr<GcpTokenSource> m_tokens;
    Endpoints m_endpoints;
    std::map<QString, std::unique_ptr<HttpTransport>> m_transports;
    RequestQueue m_requests{MaxParallel};
};

} // namespace Orrery
