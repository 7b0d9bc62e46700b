// SPDX-License-Identifier: GPL-3.0-or-later
#include "azureclient.h"

#include "kube/httptransport.h"

#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace Orrery {

AzureClient::Endpoints AzureClient::endpointsFromEnvironment(const QProcessEnvironment &env)
{
    Endpoints e;
    e.login = QUrl(env.value(QStringLiteral("AZURE_AUTHORITY_HOST")));
    e.arm = QUrl(env.value(QStringLiteral("ORRERY_AZURE_ARM_ENDPOINT")));
    const QString bundle = env.value(QStringLiteral("REQUESTS_CA_BUNDLE"));
    if (!bundle.isEmpty()) {
        QFile f(bundle);
        if (f.open(QIODevice::ReadOnly))
            e.caPem = f.read(4 * 1024 * 1024);
    }
    return e;
}

AzureClient::AzureClient(Endpoints endpoints, QObject *parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
{
}

AzureClient::~AzureClient() = default;

QUrl AzureClient::loginEndpoint() const
{
    if (m_endpoints.login.isValid() && !m_endpoints.login.isEmpty())
        return m_endpoints.login;
    return QUrl(QStringLiteral("https://login.microsoftonline.com"));
}

QUrl AzureClient::armEndpoint() const
{
    if (m_endpoints.arm.isValid() && !m_endpoints.arm.isEmpty())
        return m_endpoints.arm;
    return QUrl(QStringLiteral("https://management.azure.com"));
}

HttpTransport *AzureClient::transport(const QUrl &endpoint)
{
    const QString base = endpoint.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    auto &slot = m_transports[base];
    if (!slot) {
        ClusterConnection c;
        c.server = base;
        c.contextName = c.clusterName = endpoint.host();
        c.certificateAuthorityPem = m_endpoints.caPem;
        slot = std::make_unique<HttpTransport>(c);
    }
    return slot.get();
}

void AzureClient::send(const QUrl &endpoint, ApiRequest request, bool arm, const QString &context,
                       BodyHandler onDone)
{
    request.timeoutMs = 30000;
    HttpTransport *t = transport(endpoint);
    auto run = [this, t, request, arm, context, onDone = std::move(onDone)] {
        t->send(request, this, [this, arm, context, onDone](const Result<ApiResponse> &r) {
            if (!r) {
                Error e = r.error();
                if (e.context.isEmpty())
                    e.context = context;
                onDone(e);
            } else if (!r.value().isSuccess()) {
                onDone(arm ? AzureJson::armError(r.value().body, r.value().status, context)
                           : AzureJson::aadError(r.value().body, r.value().status, context));
            } else {
                onDone(r.value().body);
            }
            m_requests.finished();
        });
    };
    m_requests.enqueue(std::move(run));
}

void AzureClient::servicePrincipalToken(const ServicePrincipal &principal, const QString &resource,
                                        TokenHandler onDone)
{
    if (principal.tenantId.isEmpty() || principal.clientId.isEmpty()
        || principal.clientSecret.isEmpty()) {
        Error e(Error::Code::AuthError, tr("The service principal needs a tenant, a client id and "
                                           "a client secret."));
        e.hint = tr("set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET");
        return onDone(e);
    }
    const QUrl login = loginEndpoint();
    QString path = login.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    path += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(principal.tenantId))
            + QStringLiteral("/oauth2/v2.0/token");
    QString scope = resource;
    while (scope.endsWith(QLatin1Char('/')))
        scope.chop(1);
    scope += QStringLiteral("/.default");
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), principal.clientId);
    form.addQueryItem(QStringLiteral("client_secret"), principal.clientSecret);
    form.addQueryItem(QStringLiteral("scope"), scope);
    ApiRequest request;
    request.method = "POST";
    request.path = path;
    // QUrlQuery leaves '+' and '&' inside values as they are: encode every value fully.
    QByteArray body;
    for (const auto &[k, v] : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    request.body = body;
    request.contentType = "application/x-www-form-urlencoded";
    const QDateTime asked = QDateTime::currentDateTimeUtc();
    const QString context = tr("Microsoft Entra ID token for %1").arg(principal.clientId);
    send(login, request, false, context, [onDone, asked, context](const Result<QByteArray> &r) {
        if (!r)
            return onDone(r.error());
        Result<AzureToken> t = AzureJson::parseTokenResponse(r.value(), asked);
        if (!t) {
            Error e = t.error();
            e.context = context;
            return onDone(e);
        }
        onDone(t);
    });
}

void AzureClient::azCliToken(const QString &azProgram, const QString &resource, TokenHandler onDone)
{
    auto *process = new QProcess(this);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    process->setProgram(azProgram.isEmpty() ? QStringLiteral("az") : azProgram);
    QStringList args{QStringLiteral("account"), QStringLiteral("get-access-token"),
                     QStringLiteral("--output"), QStringLiteral("json")};
    if (!resource.isEmpty())
        args << QStringLiteral("--resource") << resource;
    process->setArguments(args);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    auto output = std::make_shared<QByteArray>();
    auto errors = std::make_shared<QByteArray>();
    auto done = std::make_shared<bool>(false);
    auto finish = [process, done, onDone](const Result<AzureToken> &r) {
        if (*done)
            return;
        *done = true;
        process->disconnect();
        process->deleteLater();
        onDone(r);
    };
    connect(process, &QProcess::readyReadStandardOutput, process, [process, output, finish] {
        output->append(process->readAllStandardOutput());
        if (output->size() > AzMaxOutput) {
            process->kill();
            finish(Error(Error::Code::TooLarge,
                         tr("az account get-access-token printed over 64 KiB.")));
        }
    });
    connect(process, &QProcess::readyReadStandardError, process, [process, errors] {
        const QByteArray chunk = process->readAllStandardError();
        if (errors->size() < AzMaxOutput)
            errors->append(chunk.left(AzMaxOutput - errors->size()));
    });
    connect(timer, &QTimer::timeout, process, [process, finish] {
        process->kill();
        finish(
            Error(Error::Code::Timeout, tr("az account get-access-token did not finish in 30 s.")));
    });
    connect(process, &QProcess::finished, process,
            [process, output, errors, finish](int code, QProcess::ExitStatus status) {
                output->append(process->readAllStandardOutput().left(AzMaxOutput));
                errors->append(process->readAllStandardError().left(AzMaxOutput));
                if (status != QProcess::NormalExit || code != 0) {
                    Error e(Error::Code::AuthError,
                            tr("az account get-access-token failed (exit code %1).").arg(code));
                    // az's own sentence ("Please run 'az login' to setup account.").
                    e.hint = QString::fromUtf8(*errors).simplified().left(300);
                    if (e.hint.isEmpty())
                        e.hint = tr("run az login");
                    return finish(e);
                }
                finish(AzureJson::parseAzCliToken(*output));
            });
    connect(process, &QProcess::errorOccurred, process, [finish](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            Error error(Error::Code::AuthError, tr("The Azure CLI (az) could not be started."));
            error.hint = tr("install the Azure CLI and run az login, or set AZURE_TENANT_ID, "
                            "AZURE_CLIENT_ID and AZURE_CLIENT_SECRET");
            finish(error);
        }
    });
    timer->start(AzTimeoutMs);
    process->start();
}

void AzureClient::armRequest(const AzureToken &token, QByteArray method, const QString &pathOrLink,
                             const QString &context, BodyHandler onDone)
{
    const QUrl arm = armEndpoint();
    QString basePath = arm.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    ApiRequest request;
    request.method = method;
    if (pathOrLink.startsWith(QLatin1String("https://"))) {
        // A nextLink: followed only on the ARM endpoint itself, so the token never leaves it.
        const QUrl link(pathOrLink);
        if (!link.isValid() || link.scheme() != arm.scheme() || link.host() != arm.host()
            || link.port(443) != arm.port(443)
            || !link.path(QUrl::FullyEncoded).startsWith(basePath + QLatin1Char('/'))) {
            return onDone(Error(Error::Code::InvalidArgument,
                                tr("Azure Resource Manager gave a next page on another host."),
                                context));
        }
        request.path
            = link.path(QUrl::FullyEncoded)
              + (link.hasQuery() ? QLatin1Char('?') + link.query(QUrl::FullyEncoded) : QString());
    } else {
        request.path = basePath + pathOrLink;
    }
    request.headers = {{"Authorization", "Bearer " + token.accessToken}};
    if (method == "POST") {
        request.body = "";
        request.contentType = "application/json";
    }
    send(arm, request, true, context, std::move(onDone));
}

void AzureClient::subscriptions(
    const AzureToken &token, std::function<void(const Result<QList<AzureSubscription>> &)> onDone)
{
    auto all = std::make_shared<QList<AzureSubscription>>();
    auto page = std::make_shared<std::function<void(QString, int)>>();
    QPointer<AzureClient> self(this);
    *page = [self, token, all, page, onDone](const QString &link, int count) {
        if (!self)
            return;
        self->armRequest(
            token, "GET", link, tr("Azure subscriptions"),
            [self, all, page, onDone, count](const Result<QByteArray> &r) {
                Result<ArmPage<AzureSubscription>> p
                    = r ? AzureJson::parseSubscriptions(r.value())
                        : Result<ArmPage<AzureSubscription>>(r.error());
                if (!p) {
                    *page = nullptr;
                    return onDone(p.error());
                }
                for (const AzureSubscription &s : p.value().items)
                    if (all->size() < AzureJson::MaxItems
                        && std::none_of(all->cbegin(), all->cend(),
                                        [&](const AzureSubscription &o) { return o.id == s.id; }))
                        all->append(s);
                if (!p.value().nextLink.isEmpty() && count + 1 < MaxPages && self)
                    return (*page)(p.value().nextLink, count + 1);
                *page = nullptr;
                onDone(*all);
            });
    };
    (*page)(QStringLiteral("/subscriptions?api-version=") + QLatin1String(SubscriptionsApiVersion),
            0);
}

void AzureClient::managedClusters(const AzureToken &token, const QStringList &subscriptionIds,
                                  std::function<void(const AksDiscovery &)> onDone)
{
    struct State
    {
        AksDiscovery result;
        int pending = 0;
        std::function<void(const AksDiscovery &)> onDone;
        void done()
        {
            if (--pending > 0)
                return;
            std::sort(result.clusters.begin(), result.clusters.end(),
                      [](const AksClusterInfo &a, const AksClusterInfo &b) {
                          return std::tuple(a.subscriptionId, a.resourceGroup.toLower(), a.name)
                                 < std::tuple(b.subscriptionId, b.resourceGroup.toLower(), b.name);
                      });
            onDone(result);
        }
    };
    auto state = std::make_shared<State>();
    state->onDone = std::move(onDone);
    QStringList ids;
    for (const QString &id : subscriptionIds)
        if (!id.isEmpty() && !ids.contains(id.toLower()))
            ids.append(id.toLower());
    if (ids.isEmpty())
        return state->onDone(state->result);
    state->pending = static_cast<int>(ids.size());
    QPointer<AzureClient> self(this);
    for (const QString &sub : ids) {
        auto page = std::make_shared<std::function<void(QString, int)>>();
        auto seen = std::make_shared<QSet<QString>>();
        *page = [self, token, sub, state, page, seen](const QString &link, int count) {
            if (!self)
                return;
            self->armRequest(token, "GET", link, tr("AKS clusters of subscription %1").arg(sub),
                             [self, sub, state, page, seen, count](const Result<QByteArray> &r) {
                                 Result<ArmPage<AksClusterInfo>> p
                                     = r ? AzureJson::parseManagedClusters(r.value())
                                         : Result<ArmPage<AksClusterInfo>>(r.error());
                                 if (!p) {
                                     state->result.subscriptionErrors.insert(sub, p.error());
                                     *page = nullptr;
                                     return state->done();
                                 }
                                 for (const AksClusterInfo &c : p.value().items) {
                                     // A cluster listed twice (a page boundary moved) is kept once.
                                     if (seen->contains(c.id.toLower())
                                         || seen->size() >= AzureJson::MaxItems)
                                         continue;
                                     seen->insert(c.id.toLower());
                                     state->result.clusters.append(c);
                                 }
                                 if (!p.value().nextLink.isEmpty() && count + 1 < MaxPages && self)
                                     return (*page)(p.value().nextLink, count + 1);
                                 *page = nullptr;
                                 state->done();
                             });
        };
        (*page)(QStringLiteral("/subscriptions/%1/providers/Microsoft.ContainerService/"
                               "managedClusters?api-version=%2")
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(sub)),
                         QLatin1String(ManagedClustersApiVersion)),
                0);
    }
}

void AzureClient::clusterUserCredential(
    const AzureToken &token, const QString &clusterId,
    std::function<void(const Result<CloudKubeconfigEntry> &)> onDone)
{
    QString sub, rg, name;
    if (!AzureJson::splitClusterId(clusterId, &sub, &rg, &name))
        return onDone(
            Error(Error::Code::InvalidArgument,
                  tr("%1 is not an AKS cluster's resource id.").arg(clusterId.left(300))));
    const QString path = QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/"
                                        "Microsoft.ContainerService/managedClusters/%3/"
                                        "listClusterUserCredential?api-version=%4")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(sub)),
                                  QString::fromLatin1(QUrl::toPercentEncoding(rg)),
                                  QString::fromLatin1(QUrl::toPercentEncoding(name)),
                                  QLatin1String(ManagedClustersApiVersion));
    const QString context = tr("credentials of AKS cluster %1").arg(name);
    armRequest(token, "POST", path, context, [onDone, context](const Result<QByteArray> &r) {
        if (!r)
            return onDone(r.error());
        const Result<QByteArray> yaml = AzureJson::parseCredentialResults(r.value());
        Result<CloudKubeconfigEntry> entry = yaml ? AzureJson::parseUserKubeconfig(yaml.value())
                                                  : Result<CloudKubeconfigEntry>(yaml.error());
        if (!entry) {
            Error e = entry.error();
            e.context = context;
            return onDone(e);
        }
        onDone(entry);
    });
}

} // namespace Orrery
