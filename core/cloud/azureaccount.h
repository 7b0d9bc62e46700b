// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "azureclient.h"
#include "cloudaccount.h"
#include "cloudaccounts.h"

#include <QHash>
#include <QProcessEnvironment>

#include <atomic>
#include <memory>
#include <optional>

namespace Orrery {

// An Azure account (docs/clouds.md, "Azure"): a service principal (client credentials) or the
// user's az CLI login; its subscriptions are the groups, their AKS clusters the resources.
//
// - identify(): an ARM token, and whose it is (the token's upn or appid) and until when.
// - discover(): subscriptions, then managedClusters of each (nextLink pages), then
//   listClusterUserCredential for each cluster; at most AzureClient::MaxParallel requests at
//   once. A cluster's server and CA come from its user kubeconfig (ARM's list has no CA).
// - kubeconfigEntry(): what `az aks get-credentials` writes: the user kubeconfig AKS hands out
//   (for an Entra ID cluster, the kubelogin exec entry), with its own names.
// - connectCluster(): in memory, with a token Orrery requests itself for the AKS server
//   application (Entra ID clusters; refreshed before it expires) or the kubeconfig's own
//   credential (local accounts). No kubelogin, no kubeconfig file.
class AzureAccount : public CloudAccount
{
    Q_OBJECT
public:
    struct Options
    {
        AzureClient::Endpoints endpoints;
        // Set: client credentials. Unset: `az account get-access-token`.
        std::optional<AzureClient::ServicePrincipal> servicePrincipal;
        QString azProgram = QStringLiteral("az");
        QString displayName; // empty: "Azure (TENANT)" or "Azure (az login)"
    };
    // AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET (the Azure SDKs'
    // EnvironmentCredential) make a service principal account; else the az login. Endpoints
    // as AzureClient::endpointsFromEnvironment.
    static Options optionsFromEnvironment(const QProcessEnvironment &env);
    // The registry's factory (CloudAccounts): a service principal account when the
    // environment names one, and an az login account when the az CLI has a profile
    // (AZURE_CONFIG_DIR, else ~/.azure: azureProfile.json); endpoints "azure.login" and
    // "azure.arm" (the simulator's /azure/login and /azure/arm under its front).
    static CloudAccounts::Accounts fromEnvironment(const CloudEnvironment &environment);

    // A token is renewed this long before it expires.
    static constexpr int RefreshMarginSeconds = 5 * 60;

    explicit AzureAccount(Options options, QObject *parent = nullptr);
    ~AzureAccount() override;

    QString provider() const override { return QStringLiteral("azure"); }
    // "azure:TENANT" for a service principal, "azure:az" for the az login.
    QString id() const override;
    QString displayName() const override;

    void identify(std::function<void(const Result<CloudIdentity> &)> onDone) override;
    void discover(std::function<void(const Result<CloudDiscovery> &)> onDone) override;
    Result<CloudKubeconfigEntry> kubeconfigEntry(const CloudResource &cluster) const override;
    void connectCluster(const CloudResource &cluster,
                        std::function<void(const Result<ClusterConnection> &)> onDone) override;

    // A token for `resource` (cached until RefreshMarginSeconds before it expires; callers
    // asking while a request runs share it).
    void token(const QString &resource, AzureClient::TokenHandler onDone);
    // The server rejected `rejected`: the next token() asks for a new one.
    void forgetToken(const QString &resource, const QByteArray &rejected);

private:
    void credentialFor(const CloudResource &cluster,
                       std::function<void(const Result<CloudKubeconfigEntry> &)> onDone);

    Options m_options;
    AzureClient *m_client;
    QHash<QString, AzureToken> m_tokens; // resource -> token
    QHash<QString, QList<AzureClient::TokenHandler>> m_waiting;
    QHash<QString, CloudKubeconfigEntry> m_entries; // cluster ref (lower case) -> entry
    QHash<QString, Error> m_entryErrors;            // cluster ref (lower case) -> why not
    QString m_tenant;                               // learnt from the token
    // False once the account is gone, for the token providers of its connections.
    std::shared_ptr<std::atomic<bool>> m_alive;
};

} // namespace Orrery
