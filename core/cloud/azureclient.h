// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "azurejson.h"
#include "kube/apirequest.h"
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

// What one AKS discovery found: the clusters (sorted by subscription, resource group, name)
// and, per subscription that failed, the error (the other subscriptions' clusters are there).
struct AksDiscovery
{
    QList<AksClusterInfo> clusters;
    QMap<QString, Error> subscriptionErrors; // subscription id -> what went wrong
};

// Microsoft Entra ID and Azure Resource Manager over HttpTransport (docs/clouds.md, "Azure"):
// tokens by the client credentials grant of a service principal or from the az CLI's login,
// subscriptions, AKS managedClusters across subscriptions and listClusterUserCredential.
// Everything is asynchronous: callbacks run on this object's thread; `az` runs as a child
// process (bounded: 30 s, 64 KiB), never blocking it. Tokens and secrets never reach a log
// line or an Error.
//
// Endpoints: empty = Azure's public cloud (https://login.microsoftonline.com,
// https://management.azure.com); else the given URLs (the simulator's
// https://127.0.0.1:P/azure/login and /azure/arm; endpointsFromEnvironment()).
class AzureClient : public QObject
{
    Q_OBJECT
public:
    struct Endpoints
    {
        QUrl login; // the authority host: LOGIN/TENANT/oauth2/v2.0/token
        QUrl arm;
        QByteArray caPem; // extra trust; empty: the system's
    };
    // AZURE_AUTHORITY_HOST (the Azure SDKs' variable), ORRERY_AZURE_ARM_ENDPOINT, and
    // REQUESTS_CA_BUNDLE (what the az CLI trusts) for extra trust.
    static Endpoints endpointsFromEnvironment(const QProcessEnvironment &env);

    struct ServicePrincipal
    {
        QString tenantId;
        QString clientId;
        QString clientSecret; // never logged
    };

    // The resources Orrery asks tokens for.
    static constexpr const char *ArmResource = "https://management.azure.com/";
    // The AKS server application: what Entra-enabled AKS API servers accept tokens for.
    static constexpr const char *AksServerApp = "6dae42f8-4368-4678-94ff-3960e28e3630";
    static constexpr const char *SubscriptionsApiVersion = "2022-12-01";
    static constexpr const char *ManagedClustersApiVersion = "2024-09-01";
    // Requests in flight at once, over every subscription of a discovery.
    static constexpr int MaxParallel = 16;
    // Pages followed per list (nextLink), so a server that always answers one cannot loop.
    static constexpr int MaxPages = 500;
    static constexpr int AzTimeoutMs = 30000;
    static constexpr qint64 AzMaxOutput = 64 * 1024;

    explicit AzureClient(Endpoints endpoints, QObject *parent = nullptr);
    ~AzureClient() override;

    using TokenHandler = std::function<void(const Result<AzureToken> &)>;
    // The client credentials grant at LOGIN/TENANT/oauth2/v2.0/token, scope RESOURCE/.default.
    void servicePrincipalToken(const ServicePrincipal &principal, const QString &resource,
                               TokenHandler onDone);
    // `az account get-access-token --output json --resource RESOURCE` (the user's az login).
    void azCliToken(const QString &azProgram, const QString &resource, TokenHandler onDone);

    // Every subscription the token can see (every page).
    void subscriptions(const AzureToken &token,
                       std::function<void(const Result<QList<AzureSubscription>> &)> onDone);
    // managedClusters of every subscription (every page), in parallel.
    void managedClusters(const AzureToken &token, const QStringList &subscriptionIds,
                         std::function<void(const AksDiscovery &)> onDone);
    // POST listClusterUserCredential: the user kubeconfig's entries.
    void clusterUserCredential(const AzureToken &token, const QString &clusterId,
                               std::function<void(const Result<CloudKubeconfigEntry> &)> onDone);

private:
    using BodyHandler = std::function<void(const Result<QByteArray> &)>;
    // An ARM request: PATH (below the ARM endpoint) or an absolute nextLink on the same host.
    void armRequest(const AzureToken &token, QByteArray method, const QString &pathOrLink,
                    const QString &context, BodyHandler onDone);
    void send(const QUrl &endpoint, ApiRequest request, bool arm, const QString &context,
              BodyHandler onDone);
    HttpTransport *transport(const QUrl &endpoint);
    QUrl loginEndpoint() const;
    QUrl armEndpoint() const;

    Endpoints m_endpoints;
    std::map<QString, std::unique_ptr<HttpTransport>> m_transports;
    RequestQueue m_requests{MaxParallel};
};

} // namespace Orrery
