// SPDX-License-Identifier: GPL-3.0-or-later
#include "awsaccount.h"

#include "ekstoken.h"
#include "util/async.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcAwsAccount, "orrery.cloud.aws")

namespace Orrery {

namespace Internal {

// The account's current credentials, read by its clusters' credential providers on the
// transports' worker threads.
struct AwsSharedCredentials
{
    mutable QMutex mutex;
    AwsCredentials credentials;
    QString refreshHint; // what to run when they are gone
};

} // namespace Internal

namespace {

// A role session is resolved again this long before it ends.
constexpr int RefreshMarginSeconds = 5 * 60;

// The token of one EKS cluster, made from the account's current credentials and made again
// a minute before it expires (EksToken::needsRefresh). Signing is pure computation, so the
// credential is always at hand.
class EksCredentialProvider final : public CredentialProvider
{
public:
    EksCredentialProvider(std::shared_ptr<Internal::AwsSharedCredentials> shared, QString cluster,
                          QString region, QString stsHost)
        : m_shared(std::move(shared))
        , m_cluster(std::move(cluster))
        , m_region(std::move(region))
        , m_stsHost(std::move(stsHost))
    {
    }

    Result<Credential> credential() override
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QMutexLocker lock(&m_mutex);
        if (!m_token.needsRefresh(now)) {
            Credential c;
            c.bearerToken = m_token.token.toLatin1();
            c.expiry = m_token.expiration;
            return c;
        }
        AwsCredentials creds;
        QString hint;
        {
            QMutexLocker sharedLock(&m_shared->mutex);
            creds = m_shared->credentials;
            hint = m_shared->refreshHint;
        }
        if (!creds.isValid() || (creds.expiration.isValid() && creds.expiration <= now)) {
            Error e(Error::Code::AuthError,
                    QCoreApplication::translate("Orrery::AwsAccount",
                                                "The AWS credentials for EKS cluster %1 expired.")
                        .arg(m_cluster));
            e.hint = hint;
            return e;
        }
        m_token = EksToken::make(creds, m_cluster, m_region, now, m_stsHost);
        Credential c;
        c.bearerToken = m_token.token.toLatin1();
        c.expiry = m_token.expiration;
        return c;
    }

    void reportUnauthorized(const Credential &used) override
    {
        QMutexLocker lock(&m_mutex);
        if (used.bearerToken == m_token.token.toLatin1())
            m_token = EksToken();
    }

    QString authKind() const override { return QStringLiteral("eks"); }

private:
    std::shared_ptr<Internal::AwsSharedCredentials> m_shared;
    const QString m_cluster;
    const QString m_region;
    const QString m_stsHost;
    QMutex m_mutex;
    EksToken m_token;
};

QStringList splitRegions(const QString &text)
{
    QStringList out;
    for (QString region :
         text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        region = region.trimmed().toLower();
        if (!region.isEmpty() && region.size() <= 64 && !out.contains(region))
            out.append(region);
    }
    return out;
}

} // namespace

QStringList AwsAccount::defaultRegions()
{
    return {QStringLiteral("us-east-1"),      QStringLiteral("us-east-2"),
            QStringLiteral("us-west-1"),      QStringLiteral("us-west-2"),
            QStringLiteral("ap-south-1"),     QStringLiteral("ap-northeast-1"),
            QStringLiteral("ap-northeast-2"), QStringLiteral("ap-northeast-3"),
            QStringLiteral("ap-southeast-1"), QStringLiteral("ap-southeast-2"),
            QStringLiteral("ca-central-1"),   QStringLiteral("eu-central-1"),
            QStringLiteral("eu-west-1"),      QStringLiteral("eu-west-2"),
            QStringLiteral("eu-west-3"),      QStringLiteral("eu-north-1"),
            QStringLiteral("sa-east-1")};
}

CloudAccounts::Accounts AwsAccount::fromEnvironment(const CloudEnvironment &environment)
{
    CloudAccounts::Accounts out;
    const QProcessEnvironment &env = environment.env;
    const AwsConfig config = AwsConfig::load(env);
    AwsClient::Endpoints endpoints = AwsClient::endpointsFromEnvironment(env);
    const QUrl sts = environment.endpoint(QStringLiteral("aws.sts"), QStringLiteral("/aws/sts"));
    const QUrl eks = environment.endpoint(QStringLiteral("aws.eks"), QStringLiteral("/aws/eks"));
    if (!sts.isEmpty())
        endpoints.sts = sts;
    if (!eks.isEmpty())
        endpoints.eks = eks;
    const QUrl sso = environment.endpoint(QStringLiteral("aws.sso"), QStringLiteral("/aws/sso"));
    if (!sso.isEmpty())
        endpoints.sso = sso;
    if (!environment.caPem.isEmpty())
        endpoints.caPem += '\n' + environment.caPem;
    const QStringList envRegions = splitRegions(env.value(QStringLiteral("ORRERY_AWS_REGIONS")));

    auto regionsFor = [&](const QString &home, const AwsConfig::Section &section) {
        QStringList regions = splitRegions(section.value(QStringLiteral("orrery_regions")));
        if (regions.isEmpty())
            regions = envRegions;
        if (regions.isEmpty())
            regions = defaultRegions();
        if (!home.isEmpty()) {
            regions.removeAll(home);
            regions.prepend(home);
        }
        return regions;
    };

    // The environment's keys are an account of their own, as the CLI uses them without a
    // profile.
    if (!env.value(QStringLiteral("AWS_ACCESS_KEY_ID")).isEmpty()) {
        QProcessEnvironment bare = env;
        bare.remove(QStringLiteral("AWS_PROFILE"));
        Options o;
        o.config = config;
        o.env = bare;
        o.endpoints = endpoints;
        o.regions = regionsFor(env.value(QStringLiteral("AWS_REGION"),
                                         env.value(QStringLiteral("AWS_DEFAULT_REGION"))),
                               {});
        out.push_back(std::make_unique<AwsAccount>(std::move(o)));
    }
    for (const QString &name : config.profileNames()) {
        // A profile with only settings (a region for the environment's keys) is no account;
        // one whose credentials are missing pieces is, and says what is missing.
        const AwsConfig::Section section = config.profile(name);
        bool credentials = false;
        for (const char *key :
             {"aws_access_key_id", "role_arn", "credential_process", "sso_start_url", "sso_session",
              "sso_account_id", "sso_role_name", "source_profile"})
            credentials = credentials || section.contains(QLatin1String(key));
        if (!credentials)
            continue;
        Options o;
        o.profile = name;
        o.config = config;
        o.env = env;
        o.endpoints = endpoints;
        o.regions = regionsFor(section.value(QStringLiteral("region")), section);
        out.push_back(std::make_unique<AwsAccount>(std::move(o)));
    }
    return out;
}

AwsAccount::AwsAccount(Options options, QObject *parent)
    : CloudAccount(parent)
    , m_options(std::move(options))
    , m_shared(std::make_shared<Internal::AwsSharedCredentials>())
{
    if (m_options.regions.isEmpty())
        m_options.regions = defaultRegions();
    m_thread.setObjectName(QStringLiteral("aws ") + id());
    m_client = new AwsClient(m_options.endpoints);
    m_client->moveToThread(&m_thread);
    m_thread.start();
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        // Resolve again before the session ends, so the clusters' tokens keep working.
        credentials([this](const Result<AwsCredentials> &) { emit identityChanged(); });
    });
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->refreshHint = m_options.profile.isEmpty()
                                    ? tr("set fresh AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
                                    : tr("run: aws sso login --profile %1, or aws configure "
                                         "--profile %1")
                                          .arg(m_options.profile);
    }
}

AwsAccount::~AwsAccount()
{
    // Nothing the worker runs may outlive us: it delivers to this object.
    m_thread.quit();
    m_thread.wait();
    delete m_client;
}

QString AwsAccount::id() const
{
    return QStringLiteral("aws:")
           + (m_options.profile.isEmpty() ? QStringLiteral("environment") : m_options.profile);
}

QString AwsAccount::displayName() const
{
    return m_options.profile.isEmpty() ? tr("AWS (environment)")
                                       : tr("AWS %1").arg(m_options.profile);
}

QString AwsAccount::source() const
{
    if (m_options.profile.isEmpty())
        return tr("AWS_ACCESS_KEY_ID (environment)");
    const auto plan = m_options.config.plan(m_options.env, m_options.profile);
    if (plan && plan.value().sso.isValid())
        return tr("profile %1 (AWS SSO %2, role %3 in account %4)")
            .arg(m_options.profile, plan.value().sso.startUrl, plan.value().sso.roleName,
                 plan.value().sso.accountId);
    return tr("profile %1 (~/.aws/config)").arg(m_options.profile);
}

QPair<QString, QString> AwsAccount::parseClusterArn(const QString &arn)
{
    // arn:PARTITION:eks:REGION:ACCOUNT:cluster/NAME
    const QStringList parts = arn.split(QLatin1Char(':'));
    if (parts.size() != 6 || parts.at(0) != QLatin1String("arn")
        || parts.at(2) != QLatin1String("eks")
        || !parts.at(5).startsWith(QLatin1String("cluster/")))
        return {};
    const QString name = parts.at(5).mid(8);
    if (parts.at(3).isEmpty() || name.isEmpty())
        return {};
    return {parts.at(3), name};
}

void AwsAccount::credentials(CredentialsHandler onDone)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        QMutexLocker lock(&m_shared->mutex);
        const AwsCredentials &c = m_shared->credentials;
        if (c.isValid()
            && (!c.expiration.isValid() || c.expiration > now.addSecs(RefreshMarginSeconds))) {
            const AwsCredentials copy = c;
            lock.unlock();
            onDone(copy);
            return;
        }
    }
    m_waiting.append(std::move(onDone));
    if (m_resolving)
        return;
    const auto plan = m_options.config.plan(m_options.env, m_options.profile);
    if (!plan) {
        Error e = plan.error();
        if (e.context.isEmpty())
            e.context = displayName();
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &handler : waiting)
            handler(e);
        return;
    }
    m_resolving = true;
    const QPointer<QObject> self(this);
    AwsClient *client = m_client;
    const AwsConfig::Plan p = plan.value();
    QMetaObject::invokeMethod(client, [self, client, p] {
        client->resolve(p, [self](const Result<AwsCredentials> &r) {
            Async::deliver(self, [self, r] {
                auto *account = static_cast<AwsAccount *>(self.data());
                account->m_resolving = false;
                if (r) {
                    QMutexLocker lock(&account->m_shared->mutex);
                    account->m_shared->credentials = r.value();
                }
                account->scheduleRefresh();
                const auto waiting = std::exchange(account->m_waiting, {});
                for (const auto &handler : waiting)
                    handler(r);
            });
        });
    });
}

void AwsAccount::scheduleRefresh()
{
    QDateTime expiration;
    {
        QMutexLocker lock(&m_shared->mutex);
        expiration = m_shared->credentials.expiration;
    }
    if (!expiration.isValid()) {
        m_refreshTimer.stop();
        return;
    }
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(
        expiration.addSecs(-RefreshMarginSeconds).addSecs(1));
    m_refreshTimer.start(int(std::clamp<qint64>(ms, 1000, 24LL * 3600 * 1000)));
}

void AwsAccount::identify(std::function<void(const Result<CloudIdentity> &)> onDone)
{
    const QPointer<QObject> self(this);
    credentials([this, self, onDone](const Result<AwsCredentials> &creds) {
        if (!creds)
            return onDone(creds.error());
        const QString region = m_options.regions.value(0, QStringLiteral("us-east-1"));
        AwsClient *client = m_client;
        const AwsCredentials c = creds.value();
        QMetaObject::invokeMethod(client, [self, client, c, region, onDone] {
            client->callerIdentity(c, region, [self, c, onDone](const Result<QString> &arn) {
                Async::deliver(self, [self, c, arn, onDone] {
                    auto *account = static_cast<AwsAccount *>(self.data());
                    if (!arn) {
                        Error e = arn.error();
                        e.context = account->displayName();
                        // Refused keys: what to run for this account, not the generic hint.
                        if (e.code == Error::Code::AuthError) {
                            QMutexLocker lock(&account->m_shared->mutex);
                            e.hint = account->m_shared->refreshHint;
                        }
                        return onDone(e);
                    }
                    account->m_principal = arn.value();
                    CloudIdentity identity;
                    identity.principal = arn.value();
                    identity.source = account->source();
                    identity.expiresAt = c.expiration;
                    onDone(identity);
                });
            });
        });
    });
}

void AwsAccount::discover(std::function<void(const Result<CloudDiscovery> &)> onDone)
{
    const QPointer<QObject> self(this);
    credentials([this, self, onDone](const Result<AwsCredentials> &creds) {
        if (!creds)
            return onDone(creds.error());
        AwsClient *client = m_client;
        const AwsCredentials c = creds.value();
        const QStringList regions = m_options.regions;
        const QString accountId = id();
        // Decoding happens on the worker; the GUI thread only gets the finished list.
        QMetaObject::invokeMethod(client, [self, client, c, regions, accountId, onDone] {
            client->discover(c, regions, [self, accountId, onDone](const EksDiscovery &found) {
                CloudDiscovery out;
                out.resources.reserve(found.clusters.size());
                for (const EksClusterInfo &info : found.clusters) {
                    CloudResource r;
                    r.kind = CloudResource::Kind::Cluster;
                    r.provider = QStringLiteral("aws");
                    r.accountId = accountId;
                    r.group = info.region;
                    r.location = info.region;
                    r.name = info.name;
                    r.ref = info.arn.isEmpty() ? info.name : info.arn;
                    r.version = info.version;
                    r.status = info.status;
                    r.server = info.endpoint;
                    r.caPem = info.certificateAuthorityPem;
                    out.resources.append(r);
                }
                out.groupErrors = found.regionErrors;
                Async::deliver(self, [out, onDone] { onDone(out); });
            });
        });
    });
}

Result<CloudKubeconfigEntry> AwsAccount::kubeconfigEntry(const CloudResource &cluster) const
{
    const auto [region, name] = parseClusterArn(cluster.ref);
    if (region.isEmpty())
        return Error(Error::Code::InvalidArgument,
                     tr("%1 is not an EKS cluster ARN.").arg(cluster.ref));
    if (cluster.server.isEmpty())
        return Error(
            Error::Code::NotFound,
            tr("EKS cluster %1 has no endpoint yet (status %2).").arg(name, cluster.status));
    // As `aws eks update-kubeconfig --name NAME --region REGION [--profile P]` writes them
    // (awscli customizations/eks/update_kubeconfig.py): every entry named by the ARN.
    CloudKubeconfigEntry entry;
    entry.cluster.name = cluster.ref;
    entry.cluster.server = cluster.server;
    entry.cluster.certificateAuthorityData = cluster.caPem;
    KubeExecConfig exec;
    exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
    exec.command = QStringLiteral("aws");
    exec.args = {QStringLiteral("--region"),
                 region,
                 QStringLiteral("eks"),
                 QStringLiteral("get-token"),
                 QStringLiteral("--cluster-name"),
                 name,
                 QStringLiteral("--output"),
                 QStringLiteral("json")};
    if (!m_options.profile.isEmpty())
        exec.env.append({QStringLiteral("AWS_PROFILE"), m_options.profile});
    entry.user.name = cluster.ref;
    entry.user.exec = exec;
    entry.context.name = cluster.ref;
    entry.context.clusterName = cluster.ref;
    entry.context.userName = cluster.ref;
    return entry;
}

void AwsAccount::connectCluster(const CloudResource &cluster,
                                std::function<void(const Result<ClusterConnection> &)> onDone)
{
    const auto [region, name] = parseClusterArn(cluster.ref);
    if (region.isEmpty())
        return onDone(Error(Error::Code::InvalidArgument,
                            tr("%1 is not an EKS cluster ARN.").arg(cluster.ref)));
    if (cluster.server.isEmpty())
        return onDone(
            Error(Error::Code::NotFound, tr("EKS cluster %1 has no endpoint yet.").arg(name)));
    const CloudResource copy = cluster;
    credentials([this, copy, region = region, name = name,
                 onDone](const Result<AwsCredentials> &creds) {
        if (!creds)
            return onDone(creds.error());
        ClusterConnection c;
        c.contextName = name;
        c.clusterName = copy.ref;
        c.userName = m_principal.isEmpty() ? copy.ref : m_principal;
        c.server = copy.server;
        c.defaultNamespace = QStringLiteral("default");
        c.certificateAuthorityPem = copy.caPem;
        // The token's presigned URL names the STS host the cluster checks it against: the
        // regional one, or the configured endpoint (the simulator's front).
        const QString stsHost = m_options.endpoints.sts.isEmpty()
                                    ? QString()
                                    : m_options.endpoints.sts.authority(QUrl::FullyEncoded);
        c.credentials = std::make_shared<EksCredentialProvider>(m_shared, name, region, stsHost);
        onDone(c);
    });
}

} // namespace Orrery
