// SPDX-License-Identifier: GPL-3.0-or-later
#include "railwayaccount.h"

#include "util/jsonread.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>

#include <algorithm>

namespace Orrery {

namespace {

QString tagOrId(const std::optional<RailwayDeployment> &d)
{
    if (!d)
        return {};
    const int colon = d->image.lastIndexOf(QLatin1Char(':'));
    const int slash = d->image.lastIndexOf(QLatin1Char('/'));
    if (colon > slash)
        return d->image.mid(colon + 1);
    return d->id.left(8);
}

} // namespace

Result<RailwayAccount::Credentials> RailwayAccount::parseCliConfig(const QByteArray &json)
{
    if (json.size() > MaxConfigBytes)
        return Error(
            Error::Code::TooLarge,
            tr("the Railway CLI's config is larger than %1").arg(Limits::byteSize(MaxConfigBytes)));
    const JsonRead::Json config = JsonRead::parse(json);
    if (config.is_discarded() || !config.is_object())
        return Error(Error::Code::ParseError, tr("the Railway CLI's config is not JSON"));
    const JsonRead::Json &user = JsonRead::object(config, "user");
    Credentials c;
    c.kind = RailwayClient::TokenKind::Account;
    c.source = QStringLiteral("~/.railway/config.json");
    const QString access = JsonRead::string(user, "accessToken").trimmed();
    const QString legacy = JsonRead::string(user, "token").trimmed();
    if (!access.isEmpty()) {
        c.token = access.toUtf8();
        const std::optional<qint64> expires = JsonRead::optionalInteger(user, {"tokenExpiresAt"});
        // Seconds since the epoch, up to year 9999.
        if (expires && *expires > 0 && *expires < 253402300799LL)
            c.expiresAt = QDateTime::fromSecsSinceEpoch(*expires, Qt::UTC);
    } else if (!legacy.isEmpty()) {
        c.token = legacy.toUtf8();
    } else {
        Error e(Error::Code::NotFound, tr("the Railway CLI is not logged in"));
        e.hint = tr("run `railway login`, or set RAILWAY_API_TOKEN");
        return e;
    }
    if (c.token.size() > 8192)
        return Error(Error::Code::TooLarge, tr("the Railway CLI's token is implausibly long"));
    return c;
}

Result<RailwayAccount::Credentials> RailwayAccount::credentialsFrom(const QProcessEnvironment &env,
                                                                    const QString &homeDir)
{
    const QString project = env.value(QStringLiteral("RAILWAY_TOKEN")).trimmed();
    if (!project.isEmpty())
        return Credentials{project.toUtf8(),
                           RailwayClient::TokenKind::Project,
                           QStringLiteral("RAILWAY_TOKEN"),
                           {}};
    const QString api = env.value(QStringLiteral("RAILWAY_API_TOKEN")).trimmed();
    if (!api.isEmpty())
        return Credentials{api.toUtf8(),
                           RailwayClient::TokenKind::Account,
                           QStringLiteral("RAILWAY_API_TOKEN"),
                           {}};
    const QString path = QDir(homeDir).filePath(QStringLiteral(".railway/config.json"));
    QFile file(path);
    if (!file.exists()) {
        Error e(Error::Code::NotFound, tr("no Railway token"));
        e.hint = tr("set RAILWAY_API_TOKEN (an account or workspace token) or RAILWAY_TOKEN (a "
                    "project token), or run `railway login`");
        return e;
    }
    if (QFileInfo(path).size() > MaxConfigBytes)
        return Error(
            Error::Code::TooLarge,
            tr("the Railway CLI's config is larger than %1").arg(Limits::byteSize(MaxConfigBytes)));
    if (!file.open(QIODevice::ReadOnly)) {
        Error e(Error::Code::FileError, tr("cannot read the Railway CLI's config"));
        e.file = path;
        return e;
    }
    Result<Credentials> c = parseCliConfig(file.read(MaxConfigBytes + 1));
    if (!c.ok()) {
        Error e = c.error();
        e.file = path;
        return e;
    }
    return c;
}

RailwayClient::Endpoint RailwayAccount::endpointFrom(const QProcessEnvironment &env)
{
    RailwayClient::Endpoint e;
    const QString url = env.value(QStringLiteral("ORRERY_RAILWAY_API_URL"));
    e.url = url.isEmpty() ? RailwayClient::defaultUrl() : QUrl(url);
    const QString ca = env.value(QStringLiteral("ORRERY_RAILWAY_CA_FILE"));
    if (!ca.isEmpty()) {
        QFile f(ca);
        if (f.open(QIODevice::ReadOnly))
            e.caPem = f.read(4 * 1024 * 1024);
    }
    return e;
}

CloudAccounts::Accounts RailwayAccount::fromEnvironment(const CloudEnvironment &environment)
{
    CloudAccounts::Accounts out;
    const QProcessEnvironment &env = environment.env;
    RailwayClient::Endpoint endpoint = endpointFrom(env);
    const QUrl front = environment.endpoint(QStringLiteral("railway.graphql"),
                                            QStringLiteral("/railway/graphql/v2"));
    if (!front.isEmpty())
        endpoint.url = front;
    if (!environment.caPem.isEmpty())
        endpoint.caPem += '\n' + environment.caPem;
    const QString api = env.value(QStringLiteral("RAILWAY_API_TOKEN")).trimmed();
    const QString project = env.value(QStringLiteral("RAILWAY_TOKEN")).trimmed();
    if (!api.isEmpty())
        out.push_back(
            std::make_unique<RailwayAccount>(endpoint,
                                             Credentials{api.toUtf8(),
                                                         RailwayClient::TokenKind::Account,
                                                         QStringLiteral("RAILWAY_API_TOKEN"),
                                                         {}},
                                             QStringLiteral("api-token")));
    if (!project.isEmpty())
        out.push_back(
            std::make_unique<RailwayAccount>(endpoint,
                                             Credentials{project.toUtf8(),
                                                         RailwayClient::TokenKind::Project,
                                                         QStringLiteral("RAILWAY_TOKEN"),
                                                         {}},
                                             QStringLiteral("project-token")));
    if (api.isEmpty() && project.isEmpty()) {
        const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
        Result<Credentials> cli = credentialsFrom(env, home);
        if (cli.ok())
            out.push_back(std::make_unique<RailwayAccount>(endpoint, std::move(cli.value()),
                                                           QStringLiteral("cli")));
    }
    return out;
}

RailwayAccount::RailwayAccount(RailwayClient::Endpoint endpoint, Credentials credentials,
                               const QString &name, QObject *parent)
    : CloudAccount(parent)
    , m_client(
          std::make_shared<RailwayClient>(std::move(endpoint), credentials.token, credentials.kind))
    , m_credentials(std::move(credentials))
    , m_name(name.isEmpty() ? QStringLiteral("default") : name)
{
    m_credentials.token.clear(); // the client holds it; one copy is enough
}

RailwayAccount::~RailwayAccount() = default;

QString RailwayAccount::id() const
{
    return QStringLiteral("railway:") + m_name;
}

QString RailwayAccount::displayName() const
{
    return m_displayName.isEmpty() ? tr("Railway (%1)").arg(m_name) : m_displayName;
}

QString RailwayAccount::refOf(const QString &projectId, const QString &environmentId,
                              const QString &serviceId)
{
    return projectId + QLatin1Char('/') + environmentId + QLatin1Char('/') + serviceId;
}

bool RailwayAccount::parseRef(const QString &ref, QString *projectId, QString *environmentId,
                              QString *serviceId)
{
    const QStringList parts = ref.split(QLatin1Char('/'));
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()
        || ref.size() > 512)
        return false;
    *projectId = parts[0];
    *environmentId = parts[1];
    *serviceId = parts[2];
    return true;
}

void RailwayAccount::identify(std::function<void(const Result<CloudIdentity> &)> onDone)
{
    const QPointer<RailwayAccount> self(this);
    const QString source = m_credentials.source;
    const QDateTime expiresAt = m_credentials.expiresAt;
    if (m_client->tokenKind() == RailwayClient::TokenKind::Project) {
        m_client->projectToken(this, [self, source, onDone](const Result<RailwayProjectToken> &t) {
            if (!t.ok())
                return onDone(t.error());
            CloudIdentity id;
            id.principal
                = tr("project token of %1 / %2")
                      .arg(t->projectName.isEmpty() ? t->projectId : t->projectName,
                           t->environmentName.isEmpty() ? t->environmentId : t->environmentName);
            id.source = source;
            // Not identityChanged(): that asks for identify() again (the registry's loop).
            if (self)
                self->m_displayName = tr("Railway: %1").arg(t->projectName);
            onDone(id);
        });
        return;
    }
    m_client->me(this, [self, source, expiresAt, onDone](const Result<RailwayUser> &u) {
        if (!u.ok()) {
            Error e = u.error();
            if (e.code == Error::Code::AuthError && expiresAt.isValid()
                && expiresAt <= QDateTime::currentDateTimeUtc())
                e.hint = tr("the Railway CLI's login expired: run `railway login`");
            return onDone(e);
        }
        CloudIdentity id;
        id.principal = u->email.isEmpty()
                           ? u->name
                           : u->name + QStringLiteral(" <") + u->email + QLatin1Char('>');
        id.source = source;
        id.expiresAt = expiresAt;
        if (self)
            self->m_displayName = tr("Railway: %1").arg(u->email.isEmpty() ? u->name : u->email);
        onDone(id);
    });
}

void RailwayAccount::addResources(const RailwayProject &project, const QString &onlyEnvironment,
                                  QList<CloudResource> *out) const
{
    for (const RailwayEnvironment &env : project.environments) {
        if (!onlyEnvironment.isEmpty() && env.id != onlyEnvironment)
            continue;
        for (const RailwayServiceInstance &inst : env.instances) {
            CloudResource r;
            r.kind = CloudResource::Kind::App;
            r.provider = provider();
            r.accountId = id();
            r.group = project.name + QStringLiteral(" / ") + env.name;
            r.location = inst.region;
            r.name = inst.serviceName;
            r.ref = refOf(project.id, env.id, inst.serviceId);
            r.version = tagOrId(inst.latest);
            r.status = inst.latest ? inst.latest->status : QString();
            out->append(r);
        }
    }
}

void RailwayAccount::discover(std::function<void(const Result<CloudDiscovery> &)> onDone)
{
    struct Run
    {
        CloudDiscovery result;
        int pending = 0;
        std::function<void(const Result<CloudDiscovery> &)> onDone;
        void done()
        {
            if (--pending > 0)
                return;
            std::sort(result.resources.begin(), result.resources.end(),
                      [](const CloudResource &a, const CloudResource &b) {
                          return std::tie(a.group, a.name, a.ref)
                                 < std::tie(b.group, b.name, b.ref);
                      });
            onDone(result);
        }
    };
    auto run = std::make_shared<Run>();
    run->onDone = std::move(onDone);
    const QPointer<RailwayAccount> self(this);

    if (m_client->tokenKind() == RailwayClient::TokenKind::Project) {
        m_client->projectToken(this, [self, run](const Result<RailwayProjectToken> &t) {
            if (!self)
                return;
            if (!t.ok())
                return run->onDone(t.error());
            const QString environmentId = t->environmentId;
            const QString group = t->projectName.isEmpty() ? t->projectId : t->projectName;
            self->m_client->project(
                t->projectId, self,
                [self, run, environmentId, group](const Result<RailwayProject> &p) {
                    run->pending = 1;
                    if (!p.ok())
                        run->result.groupErrors.insert(group, p.error());
                    else if (self)
                        self->addResources(*p, environmentId, &run->result.resources);
                    run->done();
                });
        });
        return;
    }
    m_client->me(this, [self, run](const Result<RailwayUser> &u) {
        if (!self)
            return;
        if (!u.ok())
            return run->onDone(u.error());
        QList<QPair<QString, QString>> workspaces = u->workspaces;
        if (workspaces.isEmpty())
            workspaces.append({QString(), u->name}); // the token's own projects
        run->pending = int(workspaces.size());
        for (const auto &[workspaceId, workspaceName] : workspaces) {
            const QString name = workspaceName.isEmpty() ? workspaceId : workspaceName;
            self->m_client->projects(
                workspaceId, self,
                [self, run, name](const Result<QList<RailwayProject>> &projects) {
                    if (!projects.ok())
                        run->result.groupErrors.insert(name, projects.error());
                    else if (self)
                        for (const RailwayProject &p : *projects)
                            self->addResources(p, QString(), &run->result.resources);
                    run->done();
                });
        }
    });
}

Result<CloudKubeconfigEntry> RailwayAccount::kubeconfigEntry(const CloudResource &cluster) const
{
    return Error(Error::Code::Unsupported,
                 tr("Railway runs apps, not Kubernetes clusters: %1 has no kubeconfig entry")
                     .arg(cluster.name));
}

void RailwayAccount::connectCluster(const CloudResource &cluster,
                                    std::function<void(const Result<ClusterConnection> &)> onDone)
{
    onDone(Error(Error::Code::Unsupported,
                 tr("Railway runs apps, not Kubernetes clusters: %1 cannot be connected to")
                     .arg(cluster.name)));
}

void RailwayAccount::appTopology(const CloudResource &app,
                                 std::function<void(const Result<AppTopology> &)> onDone)
{
    QString projectId, environmentId, serviceId;
    if (app.provider != provider() || !parseRef(app.ref, &projectId, &environmentId, &serviceId))
        return CloudAccount::appTopology(app, std::move(onDone));
    struct Pair
    {
        std::optional<Result<RailwayProject>> project;
        std::optional<Result<QList<RailwayDeployment>>> deployments;
    };
    auto pair = std::make_shared<Pair>();
    const QString ref = app.ref;
    auto finish = [pair, environmentId, ref, onDone]() {
        if (!pair->project || !pair->deployments)
            return;
        if (!pair->project->ok())
            return onDone(pair->project->error());
        if (!pair->deployments->ok())
            return onDone(pair->deployments->error());
        bool known = false;
        for (const RailwayEnvironment &e : pair->project->value().environments)
            known = known || e.id == environmentId;
        if (!known)
            return onDone(
                Error(Error::Code::NotFound,
                      tr("the environment of %1 is not in its project any more").arg(ref)));
        onDone(RailwayResponse::topology(pair->project->value(), environmentId,
                                         pair->deployments->value(), ref));
    };
    m_client->project(projectId, this, [pair, finish](const Result<RailwayProject> &p) {
        pair->project = p;
        finish();
    });
    m_client->deployments(projectId, environmentId, QString(),
                          RailwayClient::DeploymentsPerEnvironment, this,
                          [pair, finish](const Result<QList<RailwayDeployment>> &d) {
                              pair->deployments = d;
                              finish();
                          });
}

} // namespace Orrery
