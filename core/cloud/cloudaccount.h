// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apptopology.h"
#include "kube/clusterconnection.h"
#include "kube/kubeconfigentries.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>

namespace Orrery {

// What a cloud account holds that Orrery shows (docs/clouds.md): a managed Kubernetes cluster
// (EKS, AKS, GKE) to connect to, or a PaaS app (a Fly.io app, a Railway service) shown as a
// topology of its own.
struct CloudResource
{
    enum class Kind { Cluster, App };
    Kind kind = Kind::Cluster;
    QString provider;  // "aws", "azure", "gcp", "fly", "railway"
    QString accountId; // CloudAccount::id() of the account that found it
    // The level between the account and the resource, as the sidebar shows it: the AWS
    // region, the Azure subscription, the GCP project, the Fly organization, the Railway
    // project (with its environment).
    QString group;
    QString location; // region, Azure location, GCP zone or region, Fly primary region
    QString name;
    // The provider's unique, stable reference: EKS ARN, ARM resource id, GKE selfLink, Fly
    // app id, Railway service id. `orrery --add-to-kubeconfig` takes it.
    QString ref;
    QString version; // Kubernetes version; for an app, its current release or deployment
    QString status;  // the provider's own word: ACTIVE, Succeeded, RUNNING, deployed, SUCCESS
    // Clusters only.
    QString server; // API server URL
    QByteArray caPem;
};

// What one discovery found, sorted by group then name. A group that failed (a region
// without access, a subscription whose token expired) has its error here; the other groups'
// resources are still listed.
struct CloudDiscovery
{
    QList<CloudResource> resources;
    QMap<QString, Error> groupErrors;
};

// Who the account's credentials belong to and until when, so the sidebar can say "token
// expires in 4 min" and, when they cannot be refreshed, exactly what to run.
struct CloudIdentity
{
    QString principal; // ARN, UPN or appId, service-account email, Fly or Railway user
    // Where the credentials came from, in words: "profile prod (~/.aws/config)", "az login",
    // "FLY_API_TOKEN". Never the secret itself.
    QString source;
    QDateTime expiresAt; // UTC; invalid when they do not expire
};

// The three kubeconfig entries the provider's own CLI writes for a cluster (`aws eks
// update-kubeconfig`, `az aks get-credentials`, `gcloud container clusters
// get-credentials`), named as that CLI names them; `user` is usually an exec entry.
struct CloudKubeconfigEntry
{
    KubeCluster cluster;
    KubeUser user;
    KubeContext context;
};

// One account of one provider: its credentials, held in memory only, and the requests made
// with them. Everything is asynchronous and never blocks the caller's thread; callbacks run
// on the thread the account lives in. Errors are values that say what to run or fix.
class CloudAccount : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString provider() const = 0; // as CloudResource::provider
    // Stable across runs: "aws:PROFILE", "azure:TENANT", "gcp:ACCOUNT", "fly:ORG",
    // "railway:WORKSPACE".
    virtual QString id() const = 0;
    virtual QString displayName() const = 0;

    // Resolves the credentials (which may mean STS, a CLI run or a token endpoint) and says
    // whose they are.
    virtual void identify(std::function<void(const Result<CloudIdentity> &)> onDone) = 0;

    // Every cluster and app the credentials can see, across the account's groups, with the
    // requests in parallel and bounded. An error here means no group could be asked at all
    // (no credentials); per-group failures go in CloudDiscovery::groupErrors.
    virtual void discover(std::function<void(const Result<CloudDiscovery> &)> onDone) = 0;

    // Clusters only. What Add to kubeconfig writes for `cluster`.
    virtual Result<CloudKubeconfigEntry> kubeconfigEntry(const CloudResource &cluster) const = 0;

    // Clusters only. A connection made in memory, with a credential provider that makes and
    // refreshes the cluster's token itself (no CLI, no kubeconfig file touched).
    virtual void connectCluster(const CloudResource &cluster,
                                std::function<void(const Result<ClusterConnection> &)> onDone)
        = 0;

    // Apps only. The app as a topology (apptopology.h), read fresh. The default says the
    // account has no apps.
    virtual void appTopology(const CloudResource &app,
                             std::function<void(const Result<AppTopology> &)> onDone);

signals:
    // The credentials changed (refreshed, expired, or could not be refreshed): identify()
    // again to show the new state.
    void identityChanged();
};

} // namespace Orrery
