// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "front/simservice.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Orrery::Sim {

class ServiceFront;

// Google Cloud as the GKE clusters of the scenarios' `cloud: gcp:` sections see it
// (docs/clouds.md, "The simulated Google Cloud"), on the services front under /google:
//
// - the OAuth 2.0 token endpoint at /google/oauth2/token (oauth2.googleapis.com/token): a
//   service account's JWT bearer grant (RFC 7523), RS256-signed with a key the scenario
//   declares (its public half), exchanged for a one-hour access token;
// - the GKE container API v1 at /google/container/v1 (container.googleapis.com/v1):
//   projects/P/locations/L/clusters (L = "-" for every zone and region) and .../clusters/N,
//   and the older projects/P/zones/Z/clusters form; errors are Google's JSON error objects
//   ({"error": {"code", "message", "status"}});
// - Cloud Resource Manager v1 at /google/cloudresourcemanager/v1/projects: the projects the
//   caller may see.
//
// A caller is a service account with one of the tokens this service issued, or a user whose
// gcloud login the scenario stands in for with a fixed access token. A project shows only to
// the principals its scenario lists. authenticateToken() lets the simulated API servers
// accept the same tokens, as GKE does (the caller's email is the Kubernetes user).
// Token lifetimes are checked against the wall clock (clients sign with theirs), not sim time.
class GoogleService : public SimService
{
public:
    GoogleService(ServiceFront &front, ClusterAccess &clusters);
    ~GoogleService() override;

    std::string name() const override { return "google"; }
    std::vector<std::string> prefixes() const override { return {"/google"}; }
    void handle(const httplib::Request &req, httplib::Response &res) override;

    struct KubeUser
    {
        std::string name; // the caller's email
        std::vector<std::string> groups;
    };
    // The Kubernetes user an access token stands for on the simulated `cluster`, or nothing
    // (then *reason says why, for the server's log; never the token).
    std::optional<KubeUser> authenticateToken(const std::string &cluster, const std::string &token,
                                              std::string *reason = nullptr) const;

    // For tests: makes every token issued so far expire now (a client must refresh).
    void expireIssuedTokens();
    // Tokens issued by the token endpoint so far.
    int issuedTokenCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
