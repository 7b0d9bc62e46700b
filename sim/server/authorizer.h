// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Orrery::Sim {

// Who is calling: resolved from the client certificate or the bearer token.
struct UserInfo
{
    std::string name;
    std::vector<std::string> groups;
};

// What the caller wants to do, as RBAC sees it.
struct RequestAttributes
{
    std::string verb; // get list watch create update patch delete deletecollection
    std::string group;
    std::string resource;
    std::string subresource;
    std::string ns;
    std::string name;
    std::string path; // for non-resource requests
    bool resourceRequest = true;
};

// The fixed RBAC policy of the simulated clusters:
// - admin (group system:masters): everything;
// - operator: everything on namespaced resources, read on cluster-scoped ones
//   (an "edit"-like role bound cluster-wide);
// - viewer: get/list/watch on everything except Secrets (the built-in "view" role).
// Everyone authenticated may reach discovery, /version, health and self reviews.
class Authorizer
{
public:
    static bool allowed(const UserInfo &user, const RequestAttributes &attrs, bool namespaced);

    // The 403 Status message kube-apiserver's RBAC authorizer produces.
    static std::string forbiddenMessage(const UserInfo &user, const RequestAttributes &attrs);

    // SelfSubjectRulesReview status for `user` in namespace `ns`.
    static nlohmann::json rules(const UserInfo &user, const std::string &ns);
};

} // namespace Orrery::Sim
