// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "front/simservice.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace Orrery::Sim {

class ServiceFront;

// Amazon Web Services as the simulated clusters of AWS scenarios see them (docs/clouds.md,
// "The simulated AWS"): STS (GetCallerIdentity, AssumeRole; Query API, XML answers) at
// /aws/sts, EKS (ListClusters, DescribeCluster; REST JSON) at /aws/eks and IAM Identity
// Center's portal (GetRoleCredentials, bearer token, unsigned) at /aws/sso, for the accounts,
// users, roles and aws-auth mappings the scenarios' `cloud: aws:` sections describe.
//
// Every request must carry a valid SigV4 signature (Authorization header or presigned query)
// made with a known access key; the region is the one in the signature's credential scope,
// as with `aws --endpoint-url https://127.0.0.1:P/aws/eks --region eu-west-3`. Errors have
// AWS's shapes: STS's XML ErrorResponse (SignatureDoesNotMatch, InvalidClientTokenId,
// ExpiredToken, AccessDenied ...), EKS's JSON body with x-amzn-ErrorType
// (InvalidSignatureException, UnrecognizedClientException, ResourceNotFoundException).
//
// authenticateToken() checks an EKS bearer token as aws-iam-authenticator does and maps the
// caller through the cluster's aws-auth mapping; the Simulator wires it into the API servers.
// Signing times are checked against the wall clock (clients sign with theirs), not sim time.
class AwsService : public SimService
{
public:
    AwsService(ServiceFront &front, ClusterAccess &clusters);
    ~AwsService() override;

    std::string name() const override { return "aws"; }
    std::vector<std::string> prefixes() const override { return {"/aws"}; }
    void handle(const httplib::Request &req, httplib::Response &res) override;

    struct KubeUser
    {
        std::string name;
        std::vector<std::string> groups;
    };
    // The Kubernetes user a `k8s-aws-v1.` token stands for on `cluster`, or nothing (then
    // *reason says why, for the server's log; never the token).
    std::optional<KubeUser> authenticateToken(const std::string &cluster, const std::string &token,
                                              std::string *reason = nullptr) const;

    // The scenarios' IAM users with long-term keys (the demo's credentials), by key id.
    struct User
    {
        std::string account;
        std::string name;
        std::string accessKeyId;
        std::string secretAccessKey;
    };
    std::vector<User> users() const;

    // IAM Identity Center (the scenario's `sso:`): its portal's start URL and region.
    struct SsoPortal
    {
        std::string startUrl;
        std::string region;
    };
    SsoPortal ssoPortal() const;
    // What `aws sso login` gets for `user`: an access token the portal accepts for
    // `lifetimeSeconds` of wall-clock time (negative: already expired). Empty for a user the
    // scenario does not have. Thread safe.
    std::string issueSsoToken(const std::string &user, long long lifetimeSeconds = 8 * 3600);
    // For tests: assigns `roleName` of `account` to SSO user `user` (created when new).
    void assignSsoRole(const std::string &user, const std::string &account,
                       const std::string &roleName);

    // For tests and benchmarks: adds `count` ACTIVE clusters named PREFIX-N in `region` of
    // `account` (they share the first real cluster's endpoint and CA). Thread safe.
    void addSyntheticClusters(const std::string &account, const std::string &region,
                              const std::string &prefix, int count);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
