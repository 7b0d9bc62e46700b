// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "railwayresponse.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

namespace Orrery {

class HttpTransport;
struct ApiRequest;

// The GraphQL documents Orrery sends to Railway, one per operation, as sent: the schema test
// (tests/core/tst_railwayschema) validates each against Railway's published schema.
namespace RailwayQueries {
QString me();
QString projectToken();
QString projects();           // ($workspaceId: String, $first: Int, $after: String)
QString project();            // ($id: String!)
QString deployments();        // ($input: DeploymentListInput!, $first: Int)
QString serviceInstance();    // ($environmentId: String!, $serviceId: String!)
QString deploymentRollback(); // ($id: String!)
QString deploymentRedeploy(); // ($id: String!)
QString deploymentRestart();  // ($id: String!)
// Every document above with its operation name, for the schema test.
QList<QPair<QString, QString>> all();
} // namespace RailwayQueries

// Railway's GraphQL API v2 over HttpTransport (docs/clouds.md, "Railway"): POST
// {"query", "variables"} to the endpoint, the answer decoded on the transport's worker thread
// (RailwayResponse), callbacks on the thread of `context`. Errors are values; the token is
// put on each request here (Authorization: Bearer for account and workspace tokens, the
// project-access-token header for a project token) and never reaches a log or an Error.
class RailwayClient
{
public:
    enum class TokenKind { Account, Project };

    struct Endpoint
    {
        QUrl url;         // https://backboard.railway.com/graphql/v2, or the simulator's
        QByteArray caPem; // extra trust; empty: the system's
    };
    static QUrl defaultUrl();

    // Projects per page, pages per listing, deployments per environment: the bounds of
    // discovery and of one topology.
    static constexpr int PageSize = 50;
    static constexpr int MaxPages = 40;
    static constexpr int DeploymentsPerEnvironment = 100;

    RailwayClient(Endpoint endpoint, QByteArray token, TokenKind kind);
    ~RailwayClient();

    TokenKind tokenKind() const { return m_kind; }
    QUrl url() const { return m_endpoint.url; }
    // The transport the requests go through (its connection names the endpoint): the
    // operations send their audited mutations through it.
    HttpTransport *transport() const { return m_transport.get(); }

    // The request for one document: POST, JSON body, the token's header. Operations plan
    // their mutation with authorize = false (what the confirmation and the audit log show)
    // and add the header with authorize() just before sending.
    ApiRequest request(const QString &document, const nlohmann::json &variables,
                       bool withToken = true) const;
    void authorize(ApiRequest &request) const;

    template <typename T> using Handler = std::function<void(const Result<T> &)>;

    void me(QObject *context, Handler<RailwayUser> onDone);
    void projectToken(QObject *context, Handler<RailwayProjectToken> onDone);
    // Every page of projects (of one workspace; empty: the token's own), at most MaxPages.
    void projects(const QString &workspaceId, QObject *context,
                  Handler<QList<RailwayProject>> onDone);
    void project(const QString &id, QObject *context, Handler<RailwayProject> onDone);
    // The newest deployments of a project's environment (a service's when serviceId is set).
    void deployments(const QString &projectId, const QString &environmentId,
                     const QString &serviceId, int first, QObject *context,
                     Handler<QList<RailwayDeployment>> onDone);
    void serviceInstance(const QString &environmentId, const QString &serviceId, QObject *context,
                         Handler<RailwayServiceInstance> onDone);

private:
    template <typename T>
    void call(const QString &what, const QString &document, nlohmann::json variables,
              QObject *context, std::function<Result<T>(const nlohmann::json &)> decode,
              Handler<T> onDone);
    void projectPages(const QString &workspaceId, QString after, int page,
                      std::shared_ptr<QList<RailwayProject>> acc, QObject *context,
                      Handler<QList<RailwayProject>> onDone);

    Endpoint m_endpoint;
    QByteArray m_token;
    TokenKind m_kind;
    std::unique_ptr<HttpTransport> m_transport;
};

} // namespace Orrery
