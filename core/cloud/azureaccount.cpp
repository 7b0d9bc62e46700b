// SPDX-License-Identifier: GPL-3.0-or-later
#include "azureaccount.h"

#include "kube/staticcredentialprovider.h"

#include <QFile>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace Orrery {

namespace {

// The credential of an Entra ID cluster: a token for the AKS server application that the
// account requests (client credentials or az) and renews before it expires. Called on the
// transport's threads; the request itself runs on the account's thread, and credential()
// waits for it (bounded), as an exec plugin's provider waits for its process.
class AksTokenProvider final : public CredentialProvider
{
public:
    static constexpr int WaitSeconds = 40; // the az child process may take 30 s

    AksTokenProvider(AzureAccount *account, std::shared_ptr<std::atomic<bool>> alive)
        : m_account(account)
        , m_alive(std::move(alive))
    {
    }

    std::optional<Result<Credential>> credentialIfReady() override
    {
        std::lock_guard lock(m_mutex);
        if (m_current.isValid(QDateTime::currentDateTimeUtc(), 60))
            return Result<Credential>(credentialOf(m_current));
        return std::nullopt;
    }

    Result<Credential> credential() override
    {
        if (auto ready = credentialIfReady())
            return *ready;
        if (!m_alive->load())
            return Error(Error::Code::Cancelled,
                         QObject::tr("The Azure account of this cluster was removed."));
        if (QThread::currentThread() == m_account->thread())
            return Error(Error::Code::Unknown,
                         QObject::tr("The AKS token cannot be waited for on the account's own "
                                     "thread."));
        struct Waiter
        {
            std::mutex mutex;
            std::condition_variable cv;
            std::optional<Result<AzureToken>> result;
        };
        auto waiter = std::make_shared<Waiter>();
        QPointer<AzureAccount> account(m_account);
        auto alive = m_alive;
        QMetaObject::invokeMethod(
            m_account,
            [account, alive, waiter] {
                if (!account || !alive->load())
                    return;
                account->token(QLatin1String(AzureClient::AksServerApp),
                               [waiter](const Result<AzureToken> &r) {
                                   std::lock_guard lock(waiter->mutex);
                                   waiter->result = r;
                                   waiter->cv.notify_all();
                               });
            },
            Qt::QueuedConnection);
        std::unique_lock lock(waiter->mutex);
        if (!waiter->cv.wait_for(lock, std::chrono::seconds(WaitSeconds),
                                 [&] { return waiter->result.has_value(); }))
            return Error(Error::Code::Timeout,
                         QObject::tr("No token for the AKS cluster within %1 s.").arg(WaitSeconds));
        if (!*waiter->result)
            return waiter->result->error();
        std::lock_guard current(m_mutex);
        m_current = waiter->result->value();
        return credentialOf(m_current);
    }

    void reportUnauthorized(const Credential &used) override
    {
        std::lock_guard lock(m_mutex);
        if (used.bearerToken == m_current.accessToken)
            m_current = {};
        // The account's cached copy goes too, or the next credential() would get it back.
        QPointer<AzureAccount> account(m_account);
        auto alive = m_alive;
        const QByteArray rejected = used.bearerToken;
        QMetaObject::invokeMethod(
            m_account,
            [account, alive, rejected] {
                if (account && alive->load())
                    account->forgetToken(QLatin1String(AzureClient::AksServerApp), rejected);
            },
            Qt::QueuedConnection);
    }

    QString authKind() const override { return QStringLiteral("token"); }

private:
    static Credential credentialOf(const AzureToken &t)
    {
        Credential c;
        c.bearerToken = t.accessToken;
        c.expiry = t.expiresOn;
        return c;
    }

    AzureAccount *const m_account;
    const std::shared_ptr<std::atomic<bool>> m_alive;
    std::mutex m_mutex;
    AzureToken m_current;
};

QString clusterKey(const QString &ref)
{
    return ref.toLower();
}

} // namespace

AzureAccount::Options AzureAccount::optionsFromEnvironment(const QProcessEnvironment &env)
{
    Options o;
    o.endpoints = AzureClient::endpointsFromEnvironment(env);
    const QString tenant = env.value(QStringLiteral("AZURE_TENANT_ID"));
    const QString client = env.value(QStringLiteral("AZURE_CLIENT_ID"));
    const QString secret = env.value(QStringLiteral("AZURE_CLIENT_SECRET"));
    if (!tenant.isEmpty() && !client.isEmpty() && !secret.isEmpty())
        o.servicePrincipal = AzureClient::ServicePrincipal{tenant, client, secret};
    return o;
}

CloudAccounts::Accounts AzureAccount::fromEnvironment(const CloudEnvironment &environment)
{
    CloudAccounts::Accounts out;
    const QProcessEnvironment &env = environment.env;
    Options base = optionsFromEnvironment(env);
    const QUrl login
        = environment.endpoint(QStringLiteral("azure.login"), QStringLiteral("/azure/login"));
    const QUrl arm
        = environment.endpoint(QStringLiteral("azure.arm"), QStringLiteral("/azure/arm"));
    if (!login.isEmpty())
        base.endpoints.login = login;
    if (!arm.isEmpty())
        base.endpoints.arm = arm;
    if (!environment.caPem.isEmpty())
        base.endpoints.caPem += '\n' + environment.caPem;
    if (base.servicePrincipal)
        out.push_back(std::make_unique<AzureAccount>(base));
    QString configDir = env.value(QStringLiteral("AZURE_CONFIG_DIR"));
    if (configDir.isEmpty() && env.contains(QStringLiteral("HOME")))
        configDir = env.value(QStringLiteral("HOME")) + QStringLiteral("/.azure");
    if (!configDir.isEmpty() && QFile::exists(configDir + QStringLiteral("/azureProfile.json"))) {
        Options az = base;
        az.servicePrincipal.reset();
        out.push_back(std::make_unique<AzureAccount>(az));
    }
    return out;
}

AzureAccount::AzureAccount(Options options, QObject *parent)
    : CloudAccount(parent)
    , m_options(std::move(options))
    , m_client(new AzureClient(m_options.endpoints, this))
    , m_alive(std::make_shared<std::atomic<bool>>(true))
{
    if (m_options.servicePrincipal)
        m_tenant = m_options.servicePrincipal->tenantId;
}

AzureAccount::~AzureAccount()
{
    m_alive->store(false);
}

QString AzureAccount::id() const
{
    return m_options.servicePrincipal
               ? QStringLiteral("azure:") + m_options.servicePrincipal->tenantId
               : QStringLiteral("azure:az");
}

QString AzureAccount::displayName() const
{
    if (!m_options.displayName.isEmpty())
        return m_options.displayName;
    if (m_options.servicePrincipal)
        return tr("Azure (%1)").arg(m_options.servicePrincipal->tenantId);
    return tr("Azure (az login)");
}

void AzureAccount::token(const QString &resource, AzureClient::TokenHandler onDone)
{
    const auto cached = m_tokens.constFind(resource);
    if (cached != m_tokens.cend()
        && cached->isValid(QDateTime::currentDateTimeUtc(), RefreshMarginSeconds))
        return onDone(*cached);
    // Callers asking while a request runs wait for that one.
    auto &waiting = m_waiting[resource];
    waiting.append(std::move(onDone));
    if (waiting.size() > 1)
        return;
    QPointer<AzureAccount> self(this);
    auto finish = [self, resource](const Result<AzureToken> &r) {
        if (!self)
            return;
        const bool hadToken = self->m_tokens.contains(resource);
        if (r) {
            self->m_tokens.insert(resource, r.value());
            if (self->m_tenant.isEmpty())
                self->m_tenant = r.value().tenant.isEmpty()
                                     ? AzureJson::claims(r.value().accessToken).tenant
                                     : r.value().tenant;
        } else {
            self->m_tokens.remove(resource);
        }
        const auto handlers = self->m_waiting.take(resource);
        for (const auto &h : handlers)
            h(r);
        // The credentials changed under a caller that knew them: renewed, or no longer
        // renewable. (Not on a first answer, nor on a failure after a failure: whoever
        // listens calls identify() again, which must not start a loop of requests.)
        if (self && resource == QLatin1String(AzureClient::ArmResource) && hadToken)
            emit self->identityChanged();
    };
    if (m_options.servicePrincipal)
        m_client->servicePrincipalToken(*m_options.servicePrincipal, resource, finish);
    else
        m_client->azCliToken(m_options.azProgram, resource, finish);
}

void AzureAccount::forgetToken(const QString &resource, const QByteArray &rejected)
{
    const auto it = m_tokens.constFind(resource);
    if (it != m_tokens.cend() && it->accessToken == rejected)
        m_tokens.remove(resource);
}

void AzureAccount::identify(std::function<void(const Result<CloudIdentity> &)> onDone)
{
    QPointer<AzureAccount> self(this);
    token(QLatin1String(AzureClient::ArmResource), [self, onDone](const Result<AzureToken> &t) {
        if (!self)
            return;
        if (!t)
            return onDone(t.error());
        const AzureJson::TokenClaims claims = AzureJson::claims(t.value().accessToken);
        CloudIdentity identity;
        identity.expiresAt = t.value().expiresOn;
        if (self->m_options.servicePrincipal) {
            identity.principal = claims.principal.isEmpty()
                                     ? self->m_options.servicePrincipal->clientId
                                     : claims.principal;
            identity.source = tr("service principal %1 (AZURE_CLIENT_ID)")
                                  .arg(self->m_options.servicePrincipal->clientId);
        } else {
            identity.principal = claims.principal;
            identity.source = tr("az login");
        }
        onDone(identity);
    });
}

void AzureAccount::discover(std::function<void(const Result<CloudDiscovery> &)> onDone)
{
    QPointer<AzureAccount> self(this);
    token(QLatin1String(AzureClient::ArmResource), [self, onDone](const Result<AzureToken> &t) {
        if (!self)
            return;
        if (!t)
            return onDone(t.error());
        const AzureToken arm = t.value();
        self->m_client->subscriptions(arm, [self, arm,
                                            onDone](const Result<QList<AzureSubscription>> &subs) {
            if (!self)
                return;
            if (!subs)
                return onDone(subs.error());
            // The sidebar's group: the subscription's name (with its id when two share one).
            QHash<QString, QString> groupOf;
            QHash<QString, int> nameCount;
            QStringList ids;
            for (const AzureSubscription &s : subs.value()) {
                if (s.state == QLatin1String("Disabled") || s.state == QLatin1String("Deleted"))
                    continue;
                ids.append(s.id);
                ++nameCount[s.displayName];
            }
            for (const AzureSubscription &s : subs.value())
                groupOf.insert(s.id, nameCount.value(s.displayName) > 1
                                         ? QStringLiteral("%1 (%2)").arg(s.displayName, s.id)
                                         : s.displayName);
            self->m_client->managedClusters(
                arm, ids, [self, arm, groupOf, onDone](const AksDiscovery &found) {
                    if (!self)
                        return;
                    auto result = std::make_shared<CloudDiscovery>();
                    for (auto it = found.subscriptionErrors.cbegin();
                         it != found.subscriptionErrors.cend(); ++it)
                        result->groupErrors.insert(groupOf.value(it.key(), it.key()), it.value());
                    auto pending
                        = std::make_shared<int>(static_cast<int>(found.clusters.size()) + 1);
                    auto finish = [self, result, pending, onDone] {
                        if (--*pending > 0 || !self)
                            return;
                        std::sort(result->resources.begin(), result->resources.end(),
                                  [](const CloudResource &a, const CloudResource &b) {
                                      return std::tie(a.group, a.name) < std::tie(b.group, b.name);
                                  });
                        onDone(*result);
                    };
                    for (const AksClusterInfo &c : found.clusters) {
                        CloudResource r;
                        r.kind = CloudResource::Kind::Cluster;
                        r.provider = self->provider();
                        r.accountId = self->id();
                        r.group = groupOf.value(c.subscriptionId, c.subscriptionId);
                        r.location = c.location;
                        r.name = c.name;
                        r.ref = c.id;
                        r.version = c.kubernetesVersion;
                        r.status = c.powerState == QLatin1String("Stopped") ? c.powerState
                                                                            : c.provisioningState;
                        if (!c.fqdn.isEmpty())
                            r.server = QStringLiteral("https://%1:443").arg(c.fqdn);
                        // The user kubeconfig gives the server as clients reach it, and the CA.
                        self->m_client->clusterUserCredential(
                            arm, c.id,
                            [self, r, result,
                             finish](const Result<CloudKubeconfigEntry> &e) mutable {
                                if (!self)
                                    return;
                                const QString key = clusterKey(r.ref);
                                if (e) {
                                    self->m_entries.insert(key, e.value());
                                    self->m_entryErrors.remove(key);
                                    r.server = e.value().cluster.server;
                                    r.caPem = e.value().cluster.certificateAuthorityData;
                                } else {
                                    self->m_entries.remove(key);
                                    self->m_entryErrors.insert(key, e.error());
                                }
                                result->resources.append(r);
                                finish();
                            });
                    }
                    finish();
                });
        });
    });
}

Result<CloudKubeconfigEntry> AzureAccount::kubeconfigEntry(const CloudResource &cluster) const
{
    const QString key = clusterKey(cluster.ref);
    if (const auto it = m_entries.constFind(key); it != m_entries.cend())
        return *it;
    if (const auto it = m_entryErrors.constFind(key); it != m_entryErrors.cend())
        return *it;
    return Error(Error::Code::NotFound,
                 tr("%1 is not an AKS cluster this account has discovered.").arg(cluster.name),
                 cluster.ref);
}

void AzureAccount::credentialFor(const CloudResource &cluster,
                                 std::function<void(const Result<CloudKubeconfigEntry> &)> onDone)
{
    const QString key = clusterKey(cluster.ref);
    if (const auto it = m_entries.constFind(key); it != m_entries.cend())
        return onDone(*it);
    QPointer<AzureAccount> self(this);
    const QString ref = cluster.ref;
    token(QLatin1String(AzureClient::ArmResource),
          [self, ref, key, onDone](const Result<AzureToken> &t) {
              if (!self)
                  return;
              if (!t)
                  return onDone(t.error());
              self->m_client->clusterUserCredential(
                  t.value(), ref, [self, key, onDone](const Result<CloudKubeconfigEntry> &e) {
                      if (self && e)
                          self->m_entries.insert(key, e.value());
                      onDone(e);
                  });
          });
}

void AzureAccount::connectCluster(const CloudResource &cluster,
                                  std::function<void(const Result<ClusterConnection> &)> onDone)
{
    QPointer<AzureAccount> self(this);
    credentialFor(cluster, [self, onDone](const Result<CloudKubeconfigEntry> &e) {
        if (!self)
            return;
        if (!e)
            return onDone(e.error());
        const CloudKubeconfigEntry &entry = e.value();
        ClusterConnection c;
        c.contextName = entry.context.name;
        c.clusterName = entry.cluster.name;
        c.userName = entry.user.name;
        c.server = entry.cluster.server;
        c.defaultNamespace = entry.context.namespace_.isEmpty() ? QStringLiteral("default")
                                                                : entry.context.namespace_;
        c.certificateAuthorityPem = entry.cluster.certificateAuthorityData;
        c.tlsServerName = entry.cluster.tlsServerName;
        c.insecureSkipTlsVerify = entry.cluster.insecureSkipTlsVerify;
        if (entry.user.exec) {
            // kubelogin would get a token for the AKS server application: Orrery asks for it.
            c.credentials = std::make_shared<AksTokenProvider>(self.data(), self->m_alive);
        } else if (!entry.user.token.isEmpty()) {
            Credential credential;
            credential.bearerToken = entry.user.token.toUtf8();
            c.credentials
                = std::make_shared<StaticCredentialProvider>(credential, QStringLiteral("token"));
        } else if (entry.user.hasClientCertificate()
                   && !entry.user.clientCertificateData.isEmpty()) {
            Credential credential;
            credential.clientCertPem = entry.user.clientCertificateData;
            credential.clientKeyPem = entry.user.clientKeyData;
            c.credentials = std::make_shared<StaticCredentialProvider>(
                credential, QStringLiteral("clientCertificate"));
        } else {
            return onDone(Error(Error::Code::Unsupported,
                                tr("The AKS user kubeconfig of %1 has no credential Orrery can "
                                   "use.")
                                    .arg(entry.cluster.name)));
        }
        onDone(c);
    });
}

} // namespace Orrery
