// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorizer.h"

#include <algorithm>

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

bool isReadVerb(const std::string &verb)
{
    return verb == "get" || verb == "list" || verb == "watch";
}

bool inGroup(const UserInfo &user, const std::string &group)
{
    return std::find(user.groups.begin(), user.groups.end(), group) != user.groups.end();
}

bool selfService(const RequestAttributes &a)
{
    return a.group == "authorization.k8s.io"
           && (a.resource == "selfsubjectaccessreviews" || a.resource == "selfsubjectrulesreviews")
           && a.verb == "create";
}

} // namespace

bool Authorizer::allowed(const UserInfo &user, const RequestAttributes &a, bool namespaced)
{
    if (inGroup(user, "system:masters"))
        return true;
    if (!a.resourceRequest)
        return a.verb == "get" || a.verb == "*"; // discovery, version, health, openapi
    if (selfService(a))
        return true;
    if (user.name == "operator") {
        if (isReadVerb(a.verb))
            return true;
        return namespaced && a.resource != "namespaces";
    }
    if (user.name == "viewer") {
        // Like Kubernetes' "view" role: no Secrets, and no service proxy (it reaches whatever
        // the Service runs, which may write).
        if (a.resource == "secrets" || (a.resource == "services" && a.subresource == "proxy"))
            return false;
        return isReadVerb(a.verb);
    }
    return false;
}

std::string Authorizer::forbiddenMessage(const UserInfo &user, const RequestAttributes &a)
{
    if (!a.resourceRequest)
        return "forbidden: User \"" + user.name + "\" cannot " + a.verb + " path \"" + a.path
               + "\"";
    std::string subject = a.group.empty() ? a.resource : a.resource + "." + a.group;
    if (!a.name.empty())
        subject += " \"" + a.name + "\"";
    std::string resource = a.subresource.empty() ? a.resource : a.resource + "/" + a.subresource;
    std::string where = a.ns.empty() ? "at the cluster scope" : "in the namespace \"" + a.ns + "\"";
    return subject + " is forbidden: User \"" + user.name + "\" cannot " + a.verb + " resource \""
           + resource + "\" in API group \"" + a.group + "\" " + where;
}

json Authorizer::rules(const UserInfo &user, const std::string &ns)
{
    (void)ns;
    json resourceRules = json::array();
    json nonResourceRules = json::array();
    resourceRules.push_back(
        {{"verbs", {"create"}},
         {"apiGroups", {"authorization.k8s.io"}},
         {"resources", {"selfsubjectaccessreviews", "selfsubjectrulesreviews"}}});
    nonResourceRules.push_back({{"verbs", {"get"}},
                                {"nonResourceURLs",
                                 {"/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez",
                                  "/openapi", "/openapi/*", "/readyz", "/version", "/version/"}}});
    if (inGroup(user, "system:masters")) {
        resourceRules.push_back({{"verbs", {"*"}}, {"apiGroups", {"*"}}, {"resources", {"*"}}});
        nonResourceRules.push_back({{"verbs", {"*"}}, {"nonResourceURLs", {"*"}}});
    } else if (user.name == "operator") {
        resourceRules.push_back({{"verbs", {"*"}}, {"apiGroups", {"*"}}, {"resources", {"*"}}});
    } else if (user.name == "viewer") {
        resourceRules.push_back(
            {{"verbs", {"get", "list", "watch"}},
             {"apiGroups",
              {"", "apps", "autoscaling", "batch", "networking.k8s.io", "policy", "storage.k8s.io",
               "metrics.k8s.io", "discovery.k8s.io"}},
             {"resources",
              {"configmaps",
               "endpoints",
               "events",
               "namespaces",
               "nodes",
               "persistentvolumeclaims",
               "pods",
               "pods/log",
               "services",
               "serviceaccounts",
               "deployments",
               "deployments/scale",
               "replicasets",
               "replicasets/scale",
               "statefulsets",
               "statefulsets/scale",
               "daemonsets",
               "jobs",
               "cronjobs",
               "horizontalpodautoscalers",
               "ingresses",
               "networkpolicies",
               "poddisruptionbudgets",
               "storageclasses",
               "endpointslices",
               "controllerrevisions"}}});
    }
    return {{"resourceRules", resourceRules},
            {"nonResourceRules", nonResourceRules},
            {"incomplete", false}};
}

} // namespace Orrery::Sim
