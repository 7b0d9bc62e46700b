// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cloudaccount.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Orrery {

// An access token for one resource (ARM, the AKS server application), in memory only.
struct AzureToken
{
    QByteArray accessToken; // never logged
    QDateTime expiresOn;    // UTC
    // From the az CLI's answer (empty for a service principal's token).
    QString subscription;
    QString tenant;

    bool isValid(const QDateTime &now, int marginSeconds = 0) const
    {
        return !accessToken.isEmpty() && expiresOn.isValid()
               && now.addSecs(marginSeconds) < expiresOn;
    }
};

struct AzureSubscription
{
    QString id; // the subscription GUID
    QString displayName;
    QString tenantId;
    QString state; // Enabled, Warned, PastDue, Disabled, Deleted
};

// One AKS cluster as ARM's managedClusters list or get tells it.
struct AksClusterInfo
{
    QString id; // the ARM resource id: /subscriptions/S/resourcegroups/RG/providers/...
    QString subscriptionId;
    QString resourceGroup;
    QString name;
    QString location;
    QString kubernetesVersion; // currentKubernetesVersion, else kubernetesVersion
    QString provisioningState; // Succeeded, Creating, Updating, Failed ...
    QString powerState;        // Running, Stopped
    QString fqdn;
    bool entra = false; // aadProfile.managed: Microsoft Entra ID integration
    QString aadTenant;
};

// One page of an ARM list: its items and the absolute URL of the next page (empty at the end).
template <typename T> struct ArmPage
{
    QList<T> items;
    QString nextLink;
};

// Tolerant, bounded decoding of what Entra ID, ARM and the az CLI answer (docs/clouds.md,
// "Azure"): every function takes outside bytes and returns values or an Error, never throws;
// wrong types read as absent, items without an id or name are skipped, lists are cut at
// MaxItems, and nothing is kept of a body larger than MaxBodyBytes.
namespace AzureJson {

inline constexpr qint64 MaxBodyBytes = 32 * 1024 * 1024;
inline constexpr int MaxItems = 10000;
inline constexpr qint64 MaxKubeconfigBytes = 1024 * 1024;

// The token endpoint's answer ({token_type, expires_in, access_token}); `now` is when it was
// asked (expires_in counts from there).
Result<AzureToken> parseTokenResponse(const QByteArray &body, const QDateTime &now);
// `az account get-access-token --output json`: accessToken and expires_on (epoch seconds, az
// 2.54+) or expiresOn (local time "2026-12-07 16:45:10.000000", older az).
Result<AzureToken> parseAzCliToken(const QByteArray &body);
// An Entra ID error ({error, error_description, error_codes}) as an Error, with the AADSTS
// message's first line; `status` decides the code.
Error aadError(const QByteArray &body, int status, const QString &context);
// An ARM error ({error: {code, message}}) as an Error; `status` decides the code.
Error armError(const QByteArray &body, int status, const QString &context);

Result<ArmPage<AzureSubscription>> parseSubscriptions(const QByteArray &body);
Result<ArmPage<AksClusterInfo>> parseManagedClusters(const QByteArray &body);
Result<AksClusterInfo> parseManagedCluster(const QByteArray &body);
// The subscription, resource group and name of an ARM resource id (case-insensitive words);
// false when it is not a managedClusters id.
bool splitClusterId(const QString &id, QString *subscription, QString *resourceGroup,
                    QString *name);

// listClusterUserCredential's answer: the first kubeconfig's decoded YAML.
Result<QByteArray> parseCredentialResults(const QByteArray &body);
// That kubeconfig's current context, its cluster and user (as `az aks get-credentials`
// merges them into ~/.kube/config), decoded by Orrery's own kubeconfig loader.
Result<CloudKubeconfigEntry> parseUserKubeconfig(const QByteArray &yaml);

// The claims of a JWT's payload that say whose it is (no signature check: the token came
// from the token endpoint over TLS). Empty for anything that is not a JWT.
struct TokenClaims
{
    QString principal; // upn, unique_name, else appid, else oid
    QString tenant;    // tid
    QString objectId;  // oid
    QDateTime expires; // exp
};
TokenClaims claims(const QByteArray &jwt);

} // namespace AzureJson

} // namespace Orrery
