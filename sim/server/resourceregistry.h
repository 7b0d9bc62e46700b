// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectstore.h"

#include <string>
#include <vector>

namespace Orrery::Sim {

// What the API server knows about one served resource: enough for discovery, routing,
// OpenAPI, RBAC messages and Table conversion.
struct ResourceInfo
{
    std::string group;
    std::string version;
    std::string resource; // plural, e.g. "deployments"
    std::string kind;     // e.g. "Deployment"
    std::string singular;
    bool namespaced = true;
    std::vector<std::string> shortNames;
    std::vector<std::string> categories;
    std::vector<std::string> verbs;
    std::vector<std::string> subresources; // "status", "scale", "log"
    bool stored = true;                    // false for virtual kinds (reviews, metrics)

    GroupResource groupResource() const { return {group, resource}; }
    std::string apiVersion() const { return group.empty() ? version : group + "/" + version; }
    // "deployments.apps", "pods": how error messages name the resource.
    std::string qualifiedName() const { return group.empty() ? resource : resource + "." + group; }
};

// The fixed set of built-in kinds orrery-sim serves, in discovery order.
class ResourceRegistry
{
public:
    ResourceRegistry();

    const std::vector<ResourceInfo> &all() const { return m_resources; }
    const ResourceInfo *find(const std::string &group, const std::string &version,
                             const std::string &resource) const;
    const ResourceInfo *findByGroupResource(const GroupResource &gr) const;
    const ResourceInfo *findByKind(const std::string &apiVersion, const std::string &kind) const;

    // Group names in discovery order ("" first), and each group's versions (preferred first).
    std::vector<std::string> groups() const;
    std::vector<std::string> versions(const std::string &group) const;

private:
    std::vector<ResourceInfo> m_resources;
};

} // namespace Orrery::Sim
