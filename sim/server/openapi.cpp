// SPDX-License-Identifier: GPL-3.0-or-later
#include "openapi.h"
#include "openapischemas.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

std::string gvPathOf(const std::string &group, const std::string &version)
{
    return group.empty() ? "api/" + version : "apis/" + group + "/" + version;
}

json param(const std::string &name, const std::string &in, bool required = false)
{
    return {{"name", name},
            {"in", in},
            {"required", required},
            {"schema", {{"type", "string"}, {"uniqueItems", true}}}};
}

json operation(const ResourceInfo &r, const std::string &action, const std::string &opId,
               bool withValidation)
{
    json op = {{"operationId", opId},
               {"x-kubernetes-action", action},
               {"x-kubernetes-group-version-kind",
                {{"group", r.group}, {"version", r.version}, {"kind", r.kind}}},
               {"responses",
                {{"200", {{"description", "OK"}}}, {"401", {{"description", "Unauthorized"}}}}}};
    json params = json::array({param("dryRun", "query"), param("fieldManager", "query")});
    if (withValidation)
        params.push_back(param("fieldValidation", "query"));
    if (action == "patch")
        params.push_back(param("force", "query"));
    op["parameters"] = params;
    return op;
}

} // namespace

json OpenApi::index(const ResourceRegistry &registry, const std::string &version)
{
    json paths = json::object();
    for (const auto &g : registry.groups())
        for (const auto &v : registry.versions(g)) {
            const std::string p = gvPathOf(g, v);
            const std::string doc = document(registry, p, version).dump();
            char hash[32];
            std::snprintf(hash, sizeof hash, "%016zX", std::hash<std::string>{}(doc));
            paths[p] = {{"serverRelativeURL", "/openapi/v3/" + p + "?hash=" + hash}};
        }
    return {{"paths", paths}};
}

json OpenApi::document(const ResourceRegistry &registry, const std::string &gvPath,
                       const std::string &version)
{
    json paths = json::object();
    std::vector<std::string> roots;
    bool found = false;
    for (const auto &r : registry.all()) {
        if (gvPathOf(r.group, r.version) != gvPath)
            continue;
        found = true;
        if (const std::string root = OpenApiSchemas::rootFor(r.group, r.version, r.kind);
            !root.empty())
            roots.push_back(root);
        const std::string base
            = "/" + gvPath + (r.namespaced ? "/namespaces/{namespace}/" : "/") + r.resource;
        const bool canCreate = std::find(r.verbs.begin(), r.verbs.end(), "create") != r.verbs.end();
        const bool canPatch = std::find(r.verbs.begin(), r.verbs.end(), "patch") != r.verbs.end();
        json collection = json::object();
        if (canCreate)
            collection["post"] = operation(r, "post", "create" + r.kind, true);
        if (std::find(r.verbs.begin(), r.verbs.end(), "list") != r.verbs.end())
            collection["get"] = operation(r, "list", "list" + r.kind, false);
        if (!collection.empty())
            paths[base] = collection;
        if (!canPatch)
            continue;
        json item = {{"get", operation(r, "get", "read" + r.kind, false)},
                     {"put", operation(r, "put", "replace" + r.kind, true)},
                     {"patch", operation(r, "patch", "patch" + r.kind, true)},
                     {"delete", operation(r, "delete", "delete" + r.kind, false)}};
        paths[base + "/{name}"] = item;
        for (const auto &sub : r.subresources) {
            if (sub == "log" || sub == "exec" || sub == "portforward")
                continue;
            ResourceInfo subInfo = r;
            if (sub == "scale") {
                subInfo.group = "autoscaling";
                subInfo.version = "v1";
                subInfo.kind = "Scale";
            }
            paths[base + "/{name}/" + sub]
                = {{"get", operation(subInfo, "get", "read" + r.kind + sub, false)},
                   {"put", operation(subInfo, "put", "replace" + r.kind + sub, true)},
                   {"patch", operation(subInfo, "patch", "patch" + r.kind + sub, true)}};
        }
    }
    if (!found)
        return nullptr;
    return {{"openapi", "3.0.0"},
            {"info", {{"title", "Kubernetes"}, {"version", version}}},
            {"paths", paths},
            {"components", {{"schemas", OpenApiSchemas::closure(roots)}}}};
}

} // namespace Orrery::Sim
