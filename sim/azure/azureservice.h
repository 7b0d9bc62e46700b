// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "front/simservice.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Orrery::Sim {

class ServiceFront;

// Microsoft Azure as the AKS clusters of Azure scenarios see it (docs/clouds.md, "The
// simulated Azure"), for the tenant, subscriptions, service principals and cluster the
// scenarios' `cloud: azure:` sections describe:
//  - Microsoft Entra ID's token endpoint at /azure/login/TENANT/oauth2/v2.0/token (and the v1
//    /oauth2/token): the client credentials grant for a service principal, answering with a
//    JWT for the resource asked (ARM, or the AKS server application
//    6dae42f8-4368-4678-94ff-3960e28e3630), and its OpenID configuration; the same endpoint
//    answers at /adfs as an AD FS authority, so the az CLI (whose MSAL asks
//    login.microsoftonline.com about any other custom authority) can log in to it;
//  - Azure Resource Manager at /azure/arm: subscriptions, managedClusters per subscription
//    and per resource group (nextLink paging), one cluster, and POST
//    listClusterUserCredential, in the shapes of Azure's published examples
//    (tests/data/azure). Every ARM request must carry a token this service issued for ARM.
//
// authenticateToken() accepts, on the scenario's cluster, an Entra token for the AKS server
// application (what kubelogin and Orrery's AzureAccount send) or, on a cluster without Entra
// ID, the clusterUser token its kubeconfig holds. Token times are checked against the wall
// clock (clients read theirs), not sim time.
class AzureService : public SimService
{
public:
    AzureService(ServiceFront &front, ClusterAccess &clusters);
    ~AzureService() override;

    // The AKS server application: the audience of the tokens AKS's API server accepts.
    static constexpr const char *AksServerApp = "6dae42f8-4368-4678-94ff-3960e28e3630";
    // Clusters per page of a managedClusters list (then nextLink).
    static constexpr int PageSize = 20;

    std::string name() const override { return "azure"; }
    // /adfs: the token endpoint again, as an AD FS authority for the az CLI (see handle()).
    std::vector<std::string> prefixes() const override { return {"/azure", "/adfs"}; }
    void handle(const httplib::Request &req, httplib::Response &res) override;

    struct KubeUser
    {
        std::string name;
        std::vector<std::string> groups;
    };
    // The Kubernetes user a bearer token stands for on `cluster`, or nothing (then *reason
    // says why, for the server's log; never the token).
    std::optional<KubeUser> authenticateToken(const std::string &cluster, const std::string &token,
                                              std::string *reason = nullptr) const;

    // The service principals of the scenarios (their secrets are the simulator's test
    // credentials), for the demo's Azure account. Thread safe.
    struct ServicePrincipal
    {
        std::string tenant;
        std::string name;
        std::string appId;
        std::string clientSecret;
        bool readOnly = false;
    };
    std::vector<ServicePrincipal> servicePrincipals() const;

    // For tests and benchmarks: adds `count` clusters named PREFIX-N to resource group `rg` of
    // `subscription` (they share the first cluster's API server). Thread safe.
    void addSyntheticClusters(const std::string &subscription, const std::string &rg,
                              const std::string &prefix, int count);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
