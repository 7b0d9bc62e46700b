// SPDX-License-Identifier: GPL-3.0-or-later
#include "railwayclient.h"

#include "kube/curlworker.h"
#include "kube/httptransport.h"
#include "pipelines/pipelinehttp.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QPointer>

namespace Orrery {

namespace {

const QString s_deploymentFields = QStringLiteral(
    "id status createdAt statusUpdatedAt canRollback canRedeploy staticUrl meta serviceId "
    "environmentId");

QString projectFields()
{
    return QStringLiteral("id name workspaceId "
                          "environments { edges { node { id name "
                          "serviceInstances { edges { node { id serviceId serviceName "
                          "environmentId region numReplicas healthcheckPath "
                          "source { image repo } latestDeployment { %1 } } } } } } } "
                          "services { edges { node { id name icon } } }")
        .arg(s_deploymentFields);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::RailwayClient", text);
}

} // namespace

namespace RailwayQueries {

QString me()
{
    return QStringLiteral("query OrreryMe { me { id name email workspaces { id name } } }");
}

QString projectToken()
{
    return QStringLiteral("query OrreryProjectToken { projectToken { projectId environmentId "
                          "project { id name } environment { id name } } }");
}

QString projects()
{
    return QStringLiteral("query OrreryProjects($workspaceId: String, $first: Int, $after: "
                          "String) { projects(workspaceId: $workspaceId, first: $first, after: "
                          "$after) { pageInfo { hasNextPage endCursor } edges { node { %1 } } } }")
        .arg(projectFields());
}

QString project()
{
    return QStringLiteral("query OrreryProject($id: String!) { project(id: $id) { %1 } }")
        .arg(projectFields());
}

QString deployments()
{
    return QStringLiteral("query OrreryDeployments($input: DeploymentListInput!, $first: Int) { "
                          "deployments(input: $input, first: $first) { edges { node { %1 } } } }")
        .arg(s_deploymentFields);
}

QString serviceInstance()
{
    return QStringLiteral("query OrreryServiceInstance($environmentId: String!, $serviceId: "
                          "String!) { serviceInstance(environmentId: $environmentId, serviceId: "
                          "$serviceId) { id serviceId serviceName environmentId region "
                          "latestDeployment { %1 } } }")
        .arg(s_deploymentFields);
}

QString deploymentRollback()
{
    return QStringLiteral(
        "mutation OrreryDeploymentRollback($id: String!) { deploymentRollback(id: $id) }");
}

QString deploymentRedeploy()
{
    return QStringLiteral("mutation OrreryDeploymentRedeploy($id: String!) { "
                          "deploymentRedeploy(id: $id) { id status } }");
}

QString deploymentRestart()
{
    return QStringLiteral(
        "mutation OrreryDeploymentRestart($id: String!) { deploymentRestart(id: $id) }");
}

QList<QPair<QString, QString>> all()
{
    return {{QStringLiteral("OrreryMe"), me()},
            {QStringLiteral("OrreryProjectToken"), projectToken()},
            {QStringLiteral("OrreryProjects"), projects()},
            {QStringLiteral("OrreryProject"), project()},
            {QStringLiteral("OrreryDeployments"), deployments()},
            {QStringLiteral("OrreryServiceInstance"), serviceInstance()},
            {QStringLiteral("OrreryDeploymentRollback"), deploymentRollback()},
            {QStringLiteral("OrreryDeploymentRedeploy"), deploymentRedeploy()},
            {QStringLiteral("OrreryDeploymentRestart"), deploymentRestart()}};
}

} // namespace RailwayQueries

QUrl RailwayClient::defaultUrl()
{
    return QUrl(QStringLiteral("https://backboard.railway.com/graphql/v2"));
}

RailwayClient::RailwayClient(Endpoint endpoint, QByteArray token, TokenKind kind)
    : m_endpoint(std::move(endpoint))
    , m_token(std::move(token))
    , m_kind(kind)
{
    if (!m_endpoint.url.isValid() || m_endpoint.url.isEmpty())
        m_endpoint.url = defaultUrl();
    ClusterConnection c;
    c.server = m_endpoint.url
                   .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                             | QUrl::RemoveUserInfo)
                   .toString();
    c.contextName = QStringLiteral("railway");
    c.clusterName = m_endpoint.url.host();
    c.userName = kind == TokenKind::Project ? QStringLiteral("railway project token")
                                            : QStringLiteral("railway account token");
    c.certificateAuthorityPem = m_endpoint.caPem;
    m_transport = std::make_unique<HttpTransport>(c);
}

RailwayClient::~RailwayClient() = default;

ApiRequest RailwayClient::request(const QString &document, const nlohmann::json &variables,
                                  bool withToken) const
{
    ApiRequest r;
    r.method = "POST";
    r.path = m_endpoint.url.path(QUrl::FullyEncoded);
    if (r.path.isEmpty())
        r.path = QStringLiteral("/");
    r.contentType = "application/json";
    r.accept = "application/json";
    nlohmann::json body = {{"query", document.toStdString()}};
    if (!variables.is_null() && !variables.empty())
        body["variables"] = variables;
    r.body = JsonRead::dumpBytes(body);
    r.timeoutMs = 30000;
    if (withToken)
        authorize(r);
    return r;
}

void RailwayClient::authorize(ApiRequest &request) const
{
    if (m_token.isEmpty())
        return;
    if (m_kind == TokenKind::Project)
        request.headers.append({QByteArrayLiteral("project-access-token"), m_token});
    else
        request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_token});
}

template <typename T>
void RailwayClient::call(const QString &what, const QString &document, nlohmann::json variables,
                         QObject *context, std::function<Result<T>(const nlohmann::json &)> decode,
                         Handler<T> onDone)
{
    HttpTransport *transport = m_transport.get();
    PipelineHttp::send(
        transport, request(document, variables),
        [transport, context = QPointer<QObject>(context), what, decode = std::move(decode),
         onDone = std::move(onDone)](Result<ApiResponse> &&response) {
            // Worker thread: decode here.
            Result<T> out = Error();
            if (!response.ok()) {
                Error e = response.error();
                e.context = what;
                out = e;
            } else {
                Result<nlohmann::json> data
                    = RailwayResponse::data(response->status, response->body, what);
                if (!data.ok())
                    out = data.error();
                else
                    out = decode(*data);
            }
            PipelineHttp::deliver<T>(transport, context, onDone, std::move(out), what);
        },
        16 * 1024 * 1024);
}

void RailwayClient::me(QObject *context, Handler<RailwayUser> onDone)
{
    call<RailwayUser>(tr("Railway user"), RailwayQueries::me(), nlohmann::json::object(), context,
                      &RailwayResponse::user, std::move(onDone));
}

void RailwayClient::projectToken(QObject *context, Handler<RailwayProjectToken> onDone)
{
    call<RailwayProjectToken>(tr("Railway project token"), RailwayQueries::projectToken(),
                              nlohmann::json::object(), context, &RailwayResponse::projectToken,
                              std::move(onDone));
}

void RailwayClient::projects(const QString &workspaceId, QObject *context,
                             Handler<QList<RailwayProject>> onDone)
{
    projectPages(workspaceId, QString(), 0, std::make_shared<QList<RailwayProject>>(), context,
                 std::move(onDone));
}

void RailwayClient::projectPages(const QString &workspaceId, QString after, int page,
                                 std::shared_ptr<QList<RailwayProject>> acc, QObject *context,
                                 Handler<QList<RailwayProject>> onDone)
{
    nlohmann::json variables = {{"first", PageSize}};
    if (!workspaceId.isEmpty())
        variables["workspaceId"] = workspaceId.toStdString();
    if (!after.isEmpty())
        variables["after"] = after.toStdString();
    const QString what = workspaceId.isEmpty()
                             ? tr("Railway projects")
                             : tr("Railway projects of workspace %1").arg(workspaceId);
    const QPointer<QObject> ctx(context);
    call<RailwayProjectsPage>(
        what, RailwayQueries::projects(), variables, context, &RailwayResponse::projects,
        [this, workspaceId, after, page, acc, ctx, onDone](const Result<RailwayProjectsPage> &r) {
            if (!r.ok())
                return onDone(r.error());
            for (const RailwayProject &p : r->projects) {
                bool seen = false;
                for (const RailwayProject &q : *acc)
                    seen = seen || q.id == p.id;
                if (!seen)
                    acc->append(p);
            }
            // The next page, unless the cursor did not move (a server going round in
            // circles) or the bound is reached.
            if (r->hasNextPage && r->endCursor != after && page + 1 < MaxPages && ctx)
                return projectPages(workspaceId, r->endCursor, page + 1, acc, ctx, onDone);
            onDone(*acc);
        });
}

void RailwayClient::project(const QString &id, QObject *context, Handler<RailwayProject> onDone)
{
    call<RailwayProject>(tr("Railway project %1").arg(id), RailwayQueries::project(),
                         {{"id", id.toStdString()}}, context, &RailwayResponse::project,
                         std::move(onDone));
}

void RailwayClient::deployments(const QString &projectId, const QString &environmentId,
                                const QString &serviceId, int first, QObject *context,
                                Handler<QList<RailwayDeployment>> onDone)
{
    nlohmann::json input = nlohmann::json::object();
    if (!projectId.isEmpty())
        input["projectId"] = projectId.toStdString();
    if (!environmentId.isEmpty())
        input["environmentId"] = environmentId.toStdString();
    if (!serviceId.isEmpty())
        input["serviceId"] = serviceId.toStdString();
    call<QList<RailwayDeployment>>(
        tr("Railway deployments"), RailwayQueries::deployments(),
        {{"input", input}, {"first", std::clamp(first, 1, DeploymentsPerEnvironment)}}, context,
        &RailwayResponse::deployments, std::move(onDone));
}

void RailwayClient::serviceInstance(const QString &environmentId, const QString &serviceId,
                                    QObject *context, Handler<RailwayServiceInstance> onDone)
{
    call<RailwayServiceInstance>(
        tr("Railway service %1").arg(serviceId), RailwayQueries::serviceInstance(),
        {{"environmentId", environmentId.toStdString()}, {"serviceId", serviceId.toStdString()}},
        context, &RailwayResponse::serviceInstance, std::move(onDone));
}

} // namespace Orrery
