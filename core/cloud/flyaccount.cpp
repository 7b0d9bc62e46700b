// SPDX-License-Identifier: GPL-3.0-or-later
#include "flyaccount.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QPointer>

#include <algorithm>
#include <tuple>

namespace Orrery {

namespace {

constexpr qint64 MaxConfigBytes = 1024 * 1024;

} // namespace

QByteArray FlyAccount::accessTokenFromConfig(const QByteArray &yaml)
{
    // flyctl writes a flat mapping: `access_token: fo1_...` (quoted or not) among other keys.
    for (const QByteArray &raw : yaml.left(MaxConfigBytes).split('\n')) {
        const QByteArray line = raw.trimmed();
        if (!line.startsWith("access_token:"))
            continue;
        QByteArray value = line.mid(int(sizeof("access_token:") - 1)).trimmed();
        if (value.size() >= 2
            && ((value.startsWith('"') && value.endsWith('"'))
                || (value.startsWith('\'') && value.endsWith('\''))))
            value = value.mid(1, value.size() - 2);
        return value.trimmed();
    }
    return {};
}

Result<FlyAccount::Options> FlyAccount::optionsFromEnvironment(const QProcessEnvironment &env,
                                                               const QString &homeDir)
{
    Options o;
    o.endpoints = FlyClient::endpointsFromEnvironment(env);
    o.org = env.value(QStringLiteral("FLY_ORG"));
    for (const char *name : {"FLY_API_TOKEN", "FLY_ACCESS_TOKEN"}) {
        const QString value = env.value(QLatin1String(name)).trimmed();
        if (!value.isEmpty()) {
            o.token = value.toUtf8();
            o.tokenSource = QLatin1String(name);
            return o;
        }
    }
    const QString path = QDir(homeDir).filePath(QStringLiteral(".fly/config.yml"));
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        o.token = accessTokenFromConfig(f.read(MaxConfigBytes));
        if (!o.token.isEmpty()) {
            o.tokenSource = QStringLiteral("~/.fly/config.yml");
            return o;
        }
    }
    Error e(Error::Code::AuthError, tr("No Fly.io token: FLY_API_TOKEN is not set and flyctl "
                                       "has not logged in"));
    e.hint = tr("Run `fly auth login`, or set FLY_API_TOKEN to a token from `fly tokens create`");
    return e;
}

CloudAccounts::Accounts FlyAccount::fromEnvironment(const CloudEnvironment &environment)
{
    CloudAccounts::Accounts out;
    const QString home = environment.env.value(QStringLiteral("HOME"), QDir::homePath());
    Result<Options> options = optionsFromEnvironment(environment.env, home);
    if (!options)
        return out;
    const QUrl machines
        = environment.endpoint(QStringLiteral("fly.machines"), QStringLiteral("/fly"));
    const QUrl graphql
        = environment.endpoint(QStringLiteral("fly.graphql"), QStringLiteral("/fly"));
    if (!machines.isEmpty())
        options.value().endpoints.machines = machines;
    if (!graphql.isEmpty())
        options.value().endpoints.api = graphql;
    if (!environment.caPem.isEmpty())
        options.value().endpoints.caPem += '\n' + environment.caPem;
    out.push_back(std::make_unique<FlyAccount>(options.value()));
    return out;
}

FlyAccount::FlyAccount(Options options, QObject *parent)
    : CloudAccount(parent)
    , m_options(std::move(options))
    , m_client(std::make_unique<FlyClient>(m_options.endpoints, m_options.token))
{
}

FlyAccount::~FlyAccount() = default;

QString FlyAccount::id() const
{
    return QStringLiteral("fly:")
           + (m_options.org.isEmpty() ? QStringLiteral("personal") : m_options.org);
}

QString FlyAccount::displayName() const
{
    return m_options.org.isEmpty() ? tr("Fly.io") : tr("Fly.io (%1)").arg(m_options.org);
}

void FlyAccount::identify(std::function<void(const Result<CloudIdentity> &)> onDone)
{
    const QString source = m_options.tokenSource;
    m_client->viewer([onDone, source](const Result<FlyViewer> &viewer) {
        if (!viewer)
            return onDone(viewer.error());
        CloudIdentity identity;
        identity.principal
            = viewer.value().email.isEmpty() ? viewer.value().name : viewer.value().email;
        identity.source = source;
        onDone(identity);
    });
}

void FlyAccount::discover(std::function<void(const Result<CloudDiscovery> &)> onDone)
{
    struct State
    {
        CloudDiscovery discovery;
        int pending = 0;
    };
    auto state = std::make_shared<State>();
    const QPointer<FlyAccount> self(this);
    auto finishOne = [state, onDone] {
        if (--state->pending > 0)
            return;
        std::sort(state->discovery.resources.begin(), state->discovery.resources.end(),
                  [](const CloudResource &a, const CloudResource &b) {
                      return std::tie(a.group, a.name) < std::tie(b.group, b.name);
                  });
        onDone(state->discovery);
    };
    m_client->viewer([self, state, onDone, finishOne](const Result<FlyViewer> &viewer) {
        if (!self)
            return;
        if (!viewer)
            return onDone(viewer.error());
        QStringList orgs;
        for (const FlyOrganization &o : viewer.value().organizations)
            if (self->m_options.org.isEmpty() || o.slug == self->m_options.org)
                orgs.append(o.slug);
        if (orgs.isEmpty() && !self->m_options.org.isEmpty())
            orgs.append(self->m_options.org);
        if (orgs.isEmpty())
            return onDone(state->discovery);
        state->pending = int(orgs.size());
        for (const QString &org : orgs) {
            self->m_client->apps(org, [self, state, org,
                                       finishOne](const Result<QList<FlyAppInfo>> &apps) {
                if (!self)
                    return;
                if (!apps) {
                    state->discovery.groupErrors.insert(org, apps.error());
                    return finishOne();
                }
                state->pending += int(apps.value().size());
                for (const FlyAppInfo &info : apps.value()) {
                    // The app's status (GET /v1/apps/APP) and where and what its machines run.
                    auto resource = std::make_shared<CloudResource>();
                    resource->kind = CloudResource::Kind::App;
                    resource->provider = QStringLiteral("fly");
                    resource->accountId = self->id();
                    resource->group = org;
                    resource->name = info.name;
                    resource->ref = info.name;
                    auto parts = std::make_shared<int>(2);
                    auto partDone = [state, resource, parts, finishOne] {
                        if (--*parts > 0)
                            return;
                        state->discovery.resources.append(*resource);
                        finishOne();
                    };
                    self->m_client->app(info.name,
                                        [resource, partDone](const Result<FlyAppInfo> &app) {
                                            if (app)
                                                resource->status = app.value().status;
                                            partDone();
                                        });
                    self->m_client->machines(
                        info.name, [resource, partDone](const Result<QList<FlyMachine>> &machines) {
                            if (machines) {
                                QMap<QString, int> regions;
                                int newest = 0;
                                for (const FlyMachine &m : machines.value()) {
                                    regions[m.region] += 1;
                                    newest = std::max(newest, m.releaseVersion.toInt());
                                }
                                int most = 0;
                                for (auto it = regions.cbegin(); it != regions.cend(); ++it)
                                    if (it.value() > most) {
                                        most = it.value();
                                        resource->location = it.key();
                                    }
                                if (newest > 0)
                                    resource->version = QStringLiteral("v%1").arg(newest);
                            }
                            partDone();
                        });
                }
                finishOne();
            });
        }
    });
}

Result<CloudKubeconfigEntry> FlyAccount::kubeconfigEntry(const CloudResource &cluster) const
{
    return Error(Error::Code::Unsupported,
                 tr("%1 is a Fly.io app, not a Kubernetes cluster").arg(cluster.name));
}

void FlyAccount::connectCluster(const CloudResource &cluster,
                                std::function<void(const Result<ClusterConnection> &)> onDone)
{
    onDone(Error(Error::Code::Unsupported,
                 tr("%1 is a Fly.io app, not a Kubernetes cluster").arg(cluster.name)));
}

void FlyAccount::appTopology(const CloudResource &app,
                             std::function<void(const Result<AppTopology> &)> onDone)
{
    if (app.kind != CloudResource::Kind::App || app.ref.isEmpty())
        return CloudAccount::appTopology(app, std::move(onDone));
    m_client->topology(app.ref, app.ref, std::move(onDone));
}

} // namespace Orrery
