// SPDX-License-Identifier: GPL-3.0-or-later
#include "flyclient.h"

#include "kube/httptransport.h"
#include "kube/staticcredentialprovider.h"
#include "pipelines/pipelinehttp.h"
#include "util/async.h"
#include "util/jsonread.h"

#include <QFile>
#include <QPointer>

namespace Orrery {

namespace {

// Answers of the Fly APIs are small (a machine is a few KiB); 64 MiB is far beyond any
// account's and still stops a runaway answer.
constexpr qint64 MaxBody = 64 * Limits::MiB;

QString trimmed(const QUrl &url)
{
    QString s = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}

std::unique_ptr<HttpTransport> makeTransport(const QUrl &base, const QByteArray &caPem,
                                             const QByteArray &token)
{
    ClusterConnection c;
    c.server = trimmed(base);
    c.contextName = QStringLiteral("fly:") + base.host();
    c.clusterName = base.host();
    c.userName = QStringLiteral("fly");
    c.certificateAuthorityPem = caPem;
    Credential credential;
    credential.bearerToken = token;
    c.credentials = std::make_shared<StaticCredentialProvider>(credential, QStringLiteral("token"));
    return std::make_unique<HttpTransport>(c);
}

Error flyError(const ApiResponse &response, const QString &what)
{
    Error e = PipelineHttp::errorOf(response, what, QStringLiteral("Fly.io"));
    if (const QString message = FlyResponse::errorMessage(response.body); !message.isEmpty())
        e.message = message;
    if (response.status == 401)
        e.hint = FlyClient::tr("Fly.io rejected the token: run `fly auth login`, or set "
                               "FLY_API_TOKEN to a token from `fly tokens create`");
    return e;
}

} // namespace

FlyClient::Endpoints FlyClient::endpointsFromEnvironment(const QProcessEnvironment &env)
{
    Endpoints e;
    e.machines = QUrl(env.value(QStringLiteral("FLY_FLAPS_BASE_URL"),
                                QStringLiteral("https://api.machines.dev")));
    e.api
        = QUrl(env.value(QStringLiteral("FLY_API_BASE_URL"), QStringLiteral("https://api.fly.io")));
    const QString bundle = env.value(QStringLiteral("SSL_CERT_FILE"));
    if (!bundle.isEmpty()) {
        QFile f(bundle);
        if (f.open(QIODevice::ReadOnly))
            e.caPem = f.read(4 * Limits::MiB);
    }
    return e;
}

FlyClient::FlyClient(Endpoints endpoints, QByteArray token, QObject *parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_machines(makeTransport(m_endpoints.machines, m_endpoints.caPem, token))
    , m_api(makeTransport(m_endpoints.api, m_endpoints.caPem, token))
{
}

FlyClient::~FlyClient() = default;

QString FlyClient::appsPath(const QString &org)
{
    return QStringLiteral("/v1/apps?org_slug=") + PipelineHttp::encoded(org);
}

QString FlyClient::appPath(const QString &app)
{
    return QStringLiteral("/v1/apps/") + PipelineHttp::encoded(app);
}

QString FlyClient::machinesPath(const QString &app)
{
    return appPath(app) + QStringLiteral("/machines");
}

QString FlyClient::machinePath(const QString &app, const QString &machineId)
{
    return machinesPath(app) + QLatin1Char('/') + PipelineHttp::encoded(machineId);
}

QByteArray FlyClient::viewerQuery()
{
    return "query { viewer { email name } organizations { nodes { slug name type } } }";
}

QByteArray FlyClient::appQuery()
{
    // As flyctl's GetAppReleasesMachines asks it, plus what the topology shows.
    return "query($appName: String!, $limit: Int!) { app(name: $appName) { name status "
           "hostname organization { slug } secrets { name } "
           "releases: releasesUnprocessed(first: $limit) { nodes { id version description "
           "reason status imageRef stable createdAt user { email } } } } }";
}

template <typename T>
void FlyClient::get(HttpTransport *transport, QByteArray method, const QString &path,
                    QByteArray body, std::function<Result<T>(const QByteArray &)> decode,
                    Handler<T> onDone)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    if (!body.isEmpty())
        request.contentType = "application/json";
    request.timeoutMs = 30000;
    const QString what = PipelineHttp::urlOf(transport, path);
    auto run = [this, transport, request, what, decode = std::move(decode),
                onDone = std::move(onDone)]() mutable {
        const QPointer<QObject> self(this);
        PipelineHttp::send(
            transport, request,
            [transport, self, what, decode, onDone](Result<ApiResponse> &&response) {
                // On the worker: decode here, deliver the value.
                Result<T> out = Error(Error::Code::Unknown, QString());
                if (!response.ok())
                    out = response.error();
                else if (!response.value().isSuccess())
                    out = flyError(response.value(), what);
                else
                    out = decode(response.value().body);
                if (!out.ok() && out.error().context.isEmpty()) {
                    Error e = out.error();
                    e.context = what;
                    out = std::move(e);
                }
                Async::deliverVia(transport, self, [self, onDone, out = std::move(out)] {
                    if (auto *client = qobject_cast<FlyClient *>(self.data()))
                        client->m_requests.finished();
                    onDone(out);
                });
            },
            MaxBody);
    };
    m_requests.enqueue(std::move(run));
}

void FlyClient::viewer(Handler<FlyViewer> onDone)
{
    const QByteArray body
        = JsonRead::dumpBytes(JsonRead::Json{{"query", viewerQuery().toStdString()}});
    get<FlyViewer>(
        m_api.get(), "POST", QStringLiteral("/graphql"), body,
        [](const QByteArray &b) { return FlyResponse::viewer(b); }, std::move(onDone));
}

void FlyClient::apps(const QString &org, Handler<QList<FlyAppInfo>> onDone)
{
    get<QList<FlyAppInfo>>(
        m_machines.get(), "GET", appsPath(org), {},
        [](const QByteArray &b) { return FlyResponse::apps(b); }, std::move(onDone));
}

void FlyClient::app(const QString &name, Handler<FlyAppInfo> onDone)
{
    get<FlyAppInfo>(
        m_machines.get(), "GET", appPath(name), {},
        [](const QByteArray &b) { return FlyResponse::app(b); }, std::move(onDone));
}

void FlyClient::machines(const QString &app, Handler<QList<FlyMachine>> onDone)
{
    get<QList<FlyMachine>>(
        m_machines.get(), "GET", machinesPath(app), {},
        [](const QByteArray &b) { return FlyResponse::machines(b); }, std::move(onDone));
}

void FlyClient::appDetails(const QString &app, Handler<FlyAppDetails> onDone, int releases)
{
    const JsonRead::Json request{
        {"query", appQuery().toStdString()},
        {"variables", {{"appName", app.toStdString()}, {"limit", releases}}}};
    get<FlyAppDetails>(
        m_api.get(), "POST", QStringLiteral("/graphql"), JsonRead::dumpBytes(request),
        [](const QByteArray &b) { return FlyResponse::appDetails(b); }, std::move(onDone));
}

void FlyClient::topology(const QString &appRef, const QString &app, Handler<AppTopology> onDone)
{
    struct State
    {
        std::optional<Result<FlyAppInfo>> info;
        std::optional<Result<QList<FlyMachine>>> machines;
        std::optional<Result<FlyAppDetails>> details;
    };
    auto state = std::make_shared<State>();
    auto maybeDone = [state, appRef, app, onDone] {
        if (!state->info || !state->machines || !state->details)
            return;
        for (const Error *e : {state->info->ok() ? nullptr : &state->info->error(),
                               state->machines->ok() ? nullptr : &state->machines->error(),
                               state->details->ok() ? nullptr : &state->details->error()})
            if (e)
                return onDone(*e);
        onDone(FlyResponse::topology(appRef, app, state->info->value().status,
                                     state->machines->value(), state->details->value()));
    };
    this->app(app, [state, maybeDone](const Result<FlyAppInfo> &r) {
        state->info = r;
        maybeDone();
    });
    machines(app, [state, maybeDone](const Result<QList<FlyMachine>> &r) {
        state->machines = r;
        maybeDone();
    });
    appDetails(app, [state, maybeDone](const Result<FlyAppDetails> &r) {
        state->details = r;
        maybeDone();
    });
}

} // namespace Orrery
