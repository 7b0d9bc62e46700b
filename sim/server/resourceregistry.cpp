// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourceregistry.h"

#include <algorithm>

namespace Orrery::Sim {

namespace {
const std::vector<std::string> kAllVerbs
    = {"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"};
const std::vector<std::string> kReadVerbs = {"get", "list", "watch"};
} // namespace

ResourceRegistry::ResourceRegistry()
{
    auto add = [this](std::string group, std::string version, std::string resource,
                      std::string kind, std::string singular, bool namespaced,
                      std::vector<std::string> shortNames, std::vector<std::string> categories,
                      std::vector<std::string> subresources = {},
                      std::vector<std::string> verbs = kAllVerbs, bool stored = true) {
        m_resources.push_back(
            ResourceInfo{std::move(group), std::move(version), std::move(resource), std::move(kind),
                         std::move(singular), namespaced, std::move(shortNames),
                         std::move(categories), std::move(verbs), std::move(subresources), stored});
    };
    // Core group. Categories match kube-apiserver so `kubectl get all` lists the same kinds.
    add("", "v1", "bindings", "Binding", "binding", true, {}, {}, {}, {"create"}, false);
    add("", "v1", "configmaps", "ConfigMap", "configmap", true, {"cm"}, {});
    add("", "v1", "endpoints", "Endpoints", "endpoints", true, {"ep"}, {});
    add("", "v1", "events", "Event", "event", true, {"ev"}, {});
    add("", "v1", "limitranges", "LimitRange", "limitrange", true, {"limits"}, {});
    add("", "v1", "namespaces", "Namespace", "namespace", false, {"ns"}, {}, {"status"},
        {"create", "delete", "get", "list", "patch", "update", "watch"});
    add("", "v1", "nodes", "Node", "node", false, {"no"}, {}, {"status"});
    add("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", "persistentvolumeclaim", true,
        {"pvc"}, {}, {"status"});
    add("", "v1", "persistentvolumes", "PersistentVolume", "persistentvolume", false, {"pv"}, {},
        {"status"});
    add("", "v1", "pods", "Pod", "pod", true, {"po"}, {"all"},
        {"log", "status", "exec", "portforward"});
    add("", "v1", "replicationcontrollers", "ReplicationController", "replicationcontroller", true,
        {"rc"}, {"all"}, {"scale", "status"});
    add("", "v1", "resourcequotas", "ResourceQuota", "resourcequota", true, {"quota"}, {},
        {"status"});
    add("", "v1", "secrets", "Secret", "secret", true, {}, {});
    add("", "v1", "serviceaccounts", "ServiceAccount", "serviceaccount", true, {"sa"}, {});
    add("", "v1", "services", "Service", "service", true, {"svc"}, {"all"}, {"status"});

    add("apps", "v1", "controllerrevisions", "ControllerRevision", "controllerrevision", true, {},
        {});
    add("apps", "v1", "daemonsets", "DaemonSet", "daemonset", true, {"ds"}, {"all"}, {"status"});
    add("apps", "v1", "deployments", "Deployment", "deployment", true, {"deploy"}, {"all"},
        {"scale", "status"});
    add("apps", "v1", "replicasets", "ReplicaSet", "replicaset", true, {"rs"}, {"all"},
        {"scale", "status"});
    add("apps", "v1", "statefulsets", "StatefulSet", "statefulset", true, {"sts"}, {"all"},
        {"scale", "status"});

    add("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview",
        "selfsubjectaccessreview", false, {}, {}, {}, {"create"}, false);
    add("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview",
        "selfsubjectrulesreview", false, {}, {}, {}, {"create"}, false);

    add("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler",
        "horizontalpodautoscaler", true, {"hpa"}, {"all"}, {"status"});

    add("batch", "v1", "cronjobs", "CronJob", "cronjob", true, {"cj"}, {"all"}, {"status"});
    add("batch", "v1", "jobs", "Job", "job", true, {}, {"all"}, {"status"});

    add("coordination.k8s.io", "v1", "leases", "Lease", "lease", true, {}, {});

    add("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", "endpointslice", true, {}, {});

    add("networking.k8s.io", "v1", "ingressclasses", "IngressClass", "ingressclass", false, {}, {});
    add("networking.k8s.io", "v1", "ingresses", "Ingress", "ingress", true, {"ing"}, {},
        {"status"});
    add("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", "networkpolicy", true,
        {"netpol"}, {});

    add("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", "poddisruptionbudget", true,
        {"pdb"}, {}, {"status"});

    add("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding",
        "clusterrolebinding", false, {}, {});
    add("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", "clusterrole", false, {},
        {});
    add("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", "rolebinding", true, {},
        {});
    add("rbac.authorization.k8s.io", "v1", "roles", "Role", "role", true, {}, {});

    add("storage.k8s.io", "v1", "storageclasses", "StorageClass", "storageclass", false, {"sc"},
        {});

    add("metrics.k8s.io", "v1beta1", "nodes", "NodeMetrics", "", false, {}, {}, {}, kReadVerbs,
        false);
    add("metrics.k8s.io", "v1beta1", "pods", "PodMetrics", "", true, {}, {}, {}, kReadVerbs, false);
}

const ResourceInfo *ResourceRegistry::find(const std::string &group, const std::string &version,
                                           const std::string &resource) const
{
    for (const auto &r : m_resources)
        if (r.group == group && r.version == version && r.resource == resource)
            return &r;
    return nullptr;
}

const ResourceInfo *ResourceRegistry::findByGroupResource(const GroupResource &gr) const
{
    for (const auto &r : m_resources)
        if (r.group == gr.group && r.resource == gr.resource)
            return &r;
    return nullptr;
}

const ResourceInfo *ResourceRegistry::findByKind(const std::string &apiVersion,
                                                 const std::string &kind) const
{
    for (const auto &r : m_resources)
        if (r.apiVersion() == apiVersion && r.kind == kind && r.stored)
            return &r;
    return nullptr;
}

std::vector<std::string> ResourceRegistry::groups() const
{
    std::vector<std::string> out;
    for (const auto &r : m_resources)
        if (std::find(out.begin(), out.end(), r.group) == out.end())
            out.push_back(r.group);
    return out;
}

std::vector<std::string> ResourceRegistry::versions(const std::string &group) const
{
    std::vector<std::string> out;
    for (const auto &r : m_resources)
        if (r.group == group && std::find(out.begin(), out.end(), r.version) == out.end())
            out.push_back(r.version);
    return out;
}

} // namespace Orrery::Sim
