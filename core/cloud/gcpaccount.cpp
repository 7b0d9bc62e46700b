// SPDX-License-Identifier: GPL-3.0-or-later
#include "gcpaccount.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace Orrery {

namespace {

// gcloud's install hint (googlecloudsdk/api_lib/container/kubeconfig.py,
// GKE_GCLOUD_AUTH_INSTALL_HINT), word for word: Add to kubeconfig writes what gcloud writes.
const char *const InstallHint = "Install gke-gcloud-auth-plugin for use with kubectl by following "
                                "https://cloud.google.com/kubernetes-engine/docs/how-to/"
                                "cluster-access-for-kubectl#install_plugin";

QString contextName(const CloudResource &cluster)
{
    // gcloud's ClusterConfig.KUBECONTEXT_FORMAT: gke_{project}_{zone}_{cluster}.
    return QStringLiteral("gke_%1_%2_%3").arg(cluster.group, cluster.location, cluster.name);
}

} // namespace

GcpAccount::Options GcpAccount::gcloudOptions(const QProcessEnvironment &env,
                                              const QString &configuration)
{
    Options o;
    o.source.kind = GcpTokenSource::Kind::Gcloud;
    o.source.environment = env;
    o.source.gcloudConfiguration = configuration;
    o.endpoints = GcpClient::endpointsFromEnvironment(env);
    return o;
}

Result<GcpAccount::Options> GcpAccount::keyFileOptions(const QString &path,
                                                       const QProcessEnvironment &env)
{
    auto source = GcpTokenSource::fromKeyFile(path, env);
    if (!source)
        return source.error();
    Options o;
    o.source = source.value();
    o.endpoints = GcpClient::endpointsFromEnvironment(env);
    return o;
}

CloudAccounts::Accounts GcpAccount::fromEnvironment(const CloudEnvironment &environment)
{
    CloudAccounts::Accounts out;
    const QProcessEnvironment &env = environment.env;
    QStringList projects;
    for (const QString &p : env.value(QStringLiteral("ORRERY_GCP_PROJECTS"))
                                .split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            projects.append(p.trimmed());
    // The endpoints every account of the environment uses: the registry's overrides (the
    // simulator's front), else what gcloud reads.
    auto endpointsFor = [&environment](GcpClient::Endpoints e) {
        const QUrl container = environment.endpoint(QStringLiteral("gcp.container"),
                                                    QStringLiteral("/google/container/"));
        const QUrl manager = environment.endpoint(QStringLiteral("gcp.resourcemanager"),
                                                  QStringLiteral("/google/cloudresourcemanager/"));
        if (!container.isEmpty())
            e.container = container;
        if (!manager.isEmpty())
            e.resourceManager = manager;
        if (!environment.caPem.isEmpty())
            e.caPem += '\n' + environment.caPem;
        return e;
    };
    const QUrl token
        = environment.endpoint(QStringLiteral("gcp.token"), QStringLiteral("/google/oauth2/token"));

    const QString keyFile = env.value(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"));
    if (!keyFile.isEmpty()) {
        auto o = keyFileOptions(keyFile, env);
        // A file that is not a service account key (a user's application default
        // credentials) is gcloud's business: the gcloud account below covers it.
        if (o) {
            o.value().endpoints = endpointsFor(o.value().endpoints);
            if (!token.isEmpty())
                o.value().source.tokenUrl = token;
            if (!environment.caPem.isEmpty())
                o.value().source.caPem += '\n' + environment.caPem;
            o.value().projects = projects;
            out.push_back(std::make_unique<GcpAccount>(o.value()));
        }
    }

    const QStringList path
        = env.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    if (!QStandardPaths::findExecutable(QStringLiteral("gcloud"), path).isEmpty()) {
        QString config = env.value(QStringLiteral("CLOUDSDK_CONFIG"));
        if (config.isEmpty())
            config = env.value(QStringLiteral("HOME")) + QStringLiteral("/.config/gcloud");
        const bool loggedIn
            = !env.value(QStringLiteral("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE")).isEmpty()
              || QFileInfo::exists(config + QStringLiteral("/credentials.db"))
              || QFileInfo::exists(config + QStringLiteral("/access_tokens.db"));
        if (loggedIn) {
            Options o = gcloudOptions(env);
            o.endpoints = endpointsFor(o.endpoints);
            o.projects = projects;
            out.push_back(std::make_unique<GcpAccount>(std::move(o)));
        }
    }
    return out;
}

GcpAccount::GcpAccount(Options options, QObject *parent)
    : CloudAccount(parent)
    , m_options(std::move(options))
    , m_client(std::make_unique<GcpClient>(std::make_shared<GcpTokenSource>(m_options.source),
                                           m_options.endpoints))
{
    m_refresh.setSingleShot(true);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        // The token is within its refresh margin now: fetch the next one, then say so.
        m_client->accessToken([this](const Result<GcpAccessToken> &t) {
            if (t)
                scheduleRefresh(t.value().expiresAt);
            emit identityChanged();
        });
    });
}

GcpAccount::~GcpAccount() = default;

QString GcpAccount::id() const
{
    if (m_options.source.kind == GcpTokenSource::Kind::ServiceAccountKey)
        return QStringLiteral("gcp:") + m_options.source.key.clientEmail;
    return m_options.source.gcloudConfiguration.isEmpty()
               ? QStringLiteral("gcp:gcloud")
               : QStringLiteral("gcp:gcloud:") + m_options.source.gcloudConfiguration;
}

QString GcpAccount::displayName() const
{
    const QString account = m_client->tokenSource()->account();
    return account.isEmpty() ? tr("Google Cloud (gcloud)") : account;
}

void GcpAccount::scheduleRefresh(const QDateTime &expiresAt)
{
    if (!expiresAt.isValid()) {
        m_refresh.stop();
        return;
    }
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(expiresAt)
                      - qint64(m_options.source.refreshMarginSeconds) * 1000;
    m_refresh.start(static_cast<int>(std::clamp<qint64>(ms, 1000, 24LL * 3600 * 1000)));
}

void GcpAccount::identify(std::function<void(const Result<CloudIdentity> &)> onDone)
{
    const QPointer<GcpAccount> self(this);
    m_client->accessToken([self, onDone](const Result<GcpAccessToken> &t) {
        if (!self)
            return;
        if (!t) {
            onDone(t.error());
            return;
        }
        CloudIdentity identity;
        const auto source = self->m_client->tokenSource();
        identity.principal = source->account();
        if (identity.principal.isEmpty())
            identity.principal = tr("an access token");
        identity.source = source->sourceDescription();
        identity.expiresAt = t.value().expiresAt;
        self->scheduleRefresh(identity.expiresAt);
        onDone(identity);
    });
}

CloudResource GcpAccount::resourceOf(const GkeClusterInfo &info, const QString &accountId)
{
    CloudResource r;
    r.kind = CloudResource::Kind::Cluster;
    r.provider = QStringLiteral("gcp");
    r.accountId = accountId;
    r.group = info.project;
    r.location = info.contextLocation();
    r.name = info.name;
    r.ref = !info.selfLink.isEmpty()
                ? info.selfLink
                : QStringLiteral("https://container.googleapis.com/v1/projects/%1/locations/%2/"
                                 "clusters/%3")
                      .arg(info.project, info.location, info.name);
    r.version = info.version;
    r.status = info.status;
    const QString endpoint = info.kubeconfigEndpoint();
    r.server = endpoint.isEmpty() ? QString() : QStringLiteral("https://") + endpoint;
    // Through the DNS endpoint the server has a publicly trusted certificate: no CA.
    if (!(info.ipEndpointsDisabled && !info.dnsEndpoint.isEmpty()))
        r.caPem = info.caPem;
    return r;
}

void GcpAccount::discover(std::function<void(const Result<CloudDiscovery> &)> onDone)
{
    const QPointer<GcpAccount> self(this);
    auto finish = [self, onDone](const GkeDiscovery &found) {
        if (!self)
            return;
        CloudDiscovery out;
        for (const GkeClusterInfo &c : found.clusters)
            out.resources.append(resourceOf(c, self->id()));
        out.groupErrors = found.projectErrors;
        onDone(out);
    };
    m_client->accessToken([self, onDone, finish](const Result<GcpAccessToken> &t) {
        if (!self)
            return;
        if (!t) {
            onDone(t.error());
            return;
        }
        self->scheduleRefresh(t.value().expiresAt);
        if (!self->m_options.projects.isEmpty()) {
            self->m_client->discover(self->m_options.projects, finish);
            return;
        }
        // Every project the credentials list, and the configured one (gcloud's core/project,
        // the key's project_id) even when Resource Manager is off for the account.
        self->m_client->projects([self, onDone, finish](const Result<QStringList> &projects) {
            if (!self)
                return;
            QStringList all = projects ? projects.value() : QStringList();
            const QString configured = self->m_client->tokenSource()->project();
            if (!configured.isEmpty() && !all.contains(configured))
                all.append(configured);
            if (all.isEmpty()) {
                if (!projects)
                    onDone(projects.error());
                else
                    onDone(CloudDiscovery());
                return;
            }
            self->m_client->discover(all, finish);
        });
    });
}

Result<CloudKubeconfigEntry> GcpAccount::kubeconfigEntry(const CloudResource &cluster) const
{
    if (cluster.kind != CloudResource::Kind::Cluster || cluster.provider != provider())
        return Error(Error::Code::InvalidArgument, tr("%1 is not a GKE cluster").arg(cluster.name),
                     cluster.ref);
    if (cluster.server.isEmpty())
        return Error(
            Error::Code::NotFound,
            tr("GKE cluster %1 has no endpoint yet (is it still provisioning?)").arg(cluster.name),
            cluster.ref);
    // What `gcloud container clusters get-credentials` writes (googlecloudsdk
    // api_lib/container/util.py ClusterConfig.GenKubeconfig, kubeconfig.py Cluster/User/Context):
    // one name for the context, cluster and user; the CA as data, else no verification (gcloud's
    // "cluster is missing certificate authority data" case) unless the server is the DNS
    // endpoint; the user an exec entry for gke-gcloud-auth-plugin.
    const QString name = contextName(cluster);
    CloudKubeconfigEntry e;
    e.cluster.name = name;
    e.cluster.server = cluster.server;
    e.cluster.certificateAuthorityData = cluster.caPem;
    const bool dnsEndpoint = QUrl(cluster.server).host().endsWith(QLatin1String(".gke.goog"));
    e.cluster.insecureSkipTlsVerify = cluster.caPem.isEmpty() && !dnsEndpoint;
    e.user.name = name;
    KubeExecConfig exec;
    exec.command = m_options.authPluginCommand;
    exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
    exec.installHint = QString::fromLatin1(InstallHint);
    exec.provideClusterInfo = true;
    e.user.exec = exec;
    e.context.name = name;
    e.context.clusterName = name;
    e.context.userName = name;
    return e;
}

void GcpAccount::connectCluster(const CloudResource &cluster,
                                std::function<void(const Result<ClusterConnection> &)> onDone)
{
    const auto entry = kubeconfigEntry(cluster);
    if (!entry) {
        onDone(entry.error());
        return;
    }
    ClusterConnection c;
    c.contextName = entry.value().context.name;
    c.clusterName = entry.value().cluster.name;
    c.userName = entry.value().user.name;
    c.server = cluster.server;
    c.defaultNamespace = QStringLiteral("default");
    c.certificateAuthorityPem = cluster.caPem;
    c.insecureSkipTlsVerify = entry.value().cluster.insecureSkipTlsVerify;
    if (c.insecureSkipTlsVerify)
        c.warnings << tr("GKE gave no CA certificate for %1: TLS verification is disabled for it")
                          .arg(cluster.name);
    c.credentials = std::make_shared<GcpCredentialProvider>(m_client->tokenSource());
    // The token first, so a login that expired says so here rather than as a 401 later.
    const QPointer<GcpAccount> self(this);
    m_client->accessToken([self, c, onDone](const Result<GcpAccessToken> &t) {
        if (!self)
            return;
        if (!t) {
            onDone(t.error());
            return;
        }
        self->scheduleRefresh(t.value().expiresAt);
        onDone(c);
    });
}

} // namespace Orrery
