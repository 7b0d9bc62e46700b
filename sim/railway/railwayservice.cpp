// SPDX-License-Identifier: GPL-3.0-or-later
#include "railwayservice.h"

#include "front/servicefront.h"
#include "graphqlrequest.h"
#include "registry/registries.h"
#include "scenario.h"
#include "simclock.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <set>

using json = nlohmann::json;

namespace Orrery::Sim {

// Named rather than anonymous: a class below keeps members of these types, which GCC
// flags (-Wsubobject-linkage) once the file is part of a unity build.
namespace RailwayServiceDetail {

using TimePoint = SimClock::TimePoint;
using namespace std::chrono_literals;

constexpr std::size_t MaxBodyBytes = 1024 * 1024;
constexpr int MaxBodyNesting = 64;
constexpr auto DeploySeconds = 20s;
constexpr int MaxPageSize = 100;

// A stable id in Railway's UUID shape, from a name (FNV-1a over two seeds).
std::string uuidFor(const std::string &key)
{
    auto fnv = [&](std::uint64_t h) {
        for (unsigned char c : key) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        return h;
    };
    const std::uint64_t a = fnv(1469598103934665603ULL);
    const std::uint64_t b = fnv(0x9E3779B97F4A7C15ULL);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-a%03x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFF),
                  static_cast<unsigned>((b >> 52) & 0xFFF),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
    return buf;
}

// Deepest nesting of arrays and objects in `text` (strings skipped), stopping past `limit`.
int nesting(const std::string &text, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

// A value in an error message: never throws on text that is not UTF-8.
std::string text(const json &value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json gqlError(const std::string &message, const std::string &code,
              const std::vector<std::string> &path = {})
{
    json e = {{"message", message}, {"extensions", {{"code", code}}}};
    if (!path.empty())
        e["path"] = path;
    return e;
}

// Thrown inside a resolution; turned into an error of the answer.
struct ExecutionError
{
    std::string message;
    std::string code;
};
struct ValidationError
{
    std::string message;
};

} // namespace RailwayServiceDetail

using namespace RailwayServiceDetail;

struct RailwayService::Private
{
    struct Deployment
    {
        std::string id;
        std::string projectId;
        std::string serviceId;
        std::string environmentId;
        std::string image;
        std::string reason;
        std::string commitMessage;
        // A deploy from CI (PlatformDeploys): the run's commit, branch and repository.
        std::string commitHash;
        std::string branch;
        std::string repo;
        TimePoint createdAt{};
        TimePoint readyAt{};
        TimePoint statusUpdatedAt{};
        bool crashing = false;
        bool failed = false; // the build failed: never replaces the running one
        bool removed = false;
        TimePoint removedAt{};
    };
    struct Instance
    {
        std::string id;
        std::string serviceId;
        std::string environmentId;
        std::string region;
        int replicas = 1;
        std::string healthcheck;
        std::string staticUrl;
        std::string sourceRepo;
        TimePoint createdAt{};
        std::vector<std::string> deployments; // oldest first
    };
    struct Service
    {
        std::string id;
        std::string name;
        std::string icon;
        std::string projectId;
        TimePoint createdAt{};
    };
    struct Environment
    {
        std::string id;
        std::string name;
        std::string projectId;
        TimePoint createdAt{};
    };
    struct Project
    {
        std::string id;
        std::string name;
        std::string description;
        std::string workspaceId;
        TimePoint createdAt{};
        std::vector<std::string> environments;
        std::vector<std::string> services;
    };
    struct Workspace
    {
        std::string id;
        std::string name;
        std::vector<std::string> projects;
    };
    struct ProjectToken
    {
        std::string id;
        std::string name;
        std::string projectId;
        std::string environmentId;
        TimePoint createdAt{};
    };
    struct Auth
    {
        bool account = false;
        const ProjectToken *project = nullptr;
    };

    ServiceFront &front;
    ClusterAccess &clusters;
    mutable std::mutex mutex;
    json user;
    std::vector<std::string> accountTokens;
    std::map<std::string, ProjectToken> projectTokens; // by token
    std::vector<Workspace> workspaces;
    std::map<std::string, Project> projects;
    std::map<std::string, Environment> environments;
    std::map<std::string, Service> services;
    std::map<std::string, Instance> instances; // by environmentId + "/" + serviceId
    std::map<std::string, Deployment> deployments;
    std::set<std::string> crashingImages; // host/repository:tag
    int counter = 0;
    // failNextMutation(): by mutation field, the execution error its next call answers.
    std::map<std::string, ExecutionError> injected;

    Private(ServiceFront &f, ClusterAccess &c)
        : front(f)
        , clusters(c)
    {
    }

    TimePoint now() const { return front.clock().now(); }
    std::string stamp(TimePoint t) const { return front.clock().timestamp(t); }

    // ---- loading ------------------------------------------------------------------------

    void load()
    {
        for (const std::string &cluster : clusters.clusterNames()) {
            const std::string scenario = clusters.scenarioOf(cluster);
            if (scenario.empty() || scenario == "minimal")
                continue;
            json header;
            try {
                header = scenarioHeader(scenario);
            } catch (const std::exception &) {
                continue;
            }
            const json cloud = header.value("cloud", json::object());
            if (!cloud.is_object())
                continue;
            const json railway = cloud.value("railway", json());
            if (railway.is_object())
                loadAccount(header, railway);
        }
    }

    static std::string str(const json &j, const char *key, const std::string &fallback = {})
    {
        if (!j.is_object())
            return fallback;
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
    }

    void loadAccount(const json &header, const json &railway)
    {
        for (const json &r : header.value("registries", json::array())) {
            if (!r.is_object())
                continue;
            const std::string host = str(r, "host");
            for (const json &img : r.value("images", json::array())) {
                if (!img.is_object())
                    continue;
                const std::string repo = str(img, "repository");
                for (const json &t : img.value("crashing", json::array()))
                    if (t.is_string())
                        crashingImages.insert(host + "/" + repo + ":" + t.get<std::string>());
            }
        }
        for (const json &t : railway.value("tokens", json::array()))
            if (t.is_string())
                accountTokens.push_back(t.get<std::string>());
        const json u = railway.value("user", json::object());
        const TimePoint t0 = now();
        const std::string userName = str(u, "name", "Railway user");
        user = {{"__typename", "User"},
                {"id", uuidFor("user:" + userName)},
                {"name", userName},
                {"email", str(u, "email", "user@example.com")},
                {"username", str(u, "username")},
                {"workspaces", json::array()}};
        if (user["username"] == "")
            user["username"] = nullptr;
        for (const json &w : railway.value("workspaces", json::array())) {
            if (!w.is_object())
                continue;
            Workspace ws;
            ws.name = str(w, "name", "workspace");
            ws.id = uuidFor("workspace:" + ws.name);
            for (const json &p : w.value("projects", json::array()))
                if (p.is_object())
                    ws.projects.push_back(loadProject(ws.id, p, t0));
            user["workspaces"].push_back(
                {{"__typename", "Workspace"}, {"id", ws.id}, {"name", ws.name}});
            workspaces.push_back(std::move(ws));
        }
        for (const json &pt : railway.value("projectTokens", json::array())) {
            const std::string token = str(pt, "token");
            const std::string projectName = str(pt, "project");
            const std::string envName = str(pt, "environment", "production");
            for (const auto &[pid, p] : projects) {
                if (p.name != projectName)
                    continue;
                for (const std::string &eid : p.environments) {
                    if (environments[eid].name != envName || token.empty())
                        continue;
                    ProjectToken t;
                    t.id = uuidFor("token:" + token);
                    t.name = str(pt, "name", "orrery");
                    t.projectId = pid;
                    t.environmentId = eid;
                    t.createdAt = t0 - 24h * 30;
                    projectTokens[token] = t;
                }
            }
        }
    }

    std::string loadProject(const std::string &workspaceId, const json &p, TimePoint t0)
    {
        Project project;
        project.name = str(p, "name", "project");
        project.id = uuidFor("project:" + project.name);
        project.description = str(p, "description");
        project.workspaceId = workspaceId;
        project.createdAt = t0 - 24h * 200;
        std::vector<std::string> envNames;
        for (const json &e : p.value("environments", json::array()))
            if (e.is_string())
                envNames.push_back(e.get<std::string>());
        if (envNames.empty())
            envNames.push_back("production");
        for (const std::string &en : envNames) {
            Environment env;
            env.name = en;
            env.projectId = project.id;
            env.id = uuidFor("environment:" + project.name + "/" + en);
            env.createdAt = project.createdAt;
            if (!environments.count(env.id)) {
                project.environments.push_back(env.id);
                environments[env.id] = env;
            }
        }
        for (const json &s : p.value("services", json::array())) {
            if (!s.is_object())
                continue;
            Service service;
            service.name = str(s, "name", "service");
            service.id = uuidFor("service:" + project.name + "/" + service.name);
            service.projectId = project.id;
            service.icon = str(s, "icon");
            service.createdAt = project.createdAt + 1h;
            if (services.count(service.id))
                continue;
            project.services.push_back(service.id);
            services[service.id] = service;
            const std::string image = str(s, "image");
            // Environments the service runs in: all of the project's unless listed.
            std::vector<std::string> in = envNames;
            if (s.contains("environments") && s["environments"].is_array()) {
                in.clear();
                for (const json &e : s["environments"])
                    if (e.is_string())
                        in.push_back(e.get<std::string>());
            }
            for (const std::string &en : in) {
                const std::string envId = uuidFor("environment:" + project.name + "/" + en);
                if (!environments.count(envId))
                    continue;
                Instance inst;
                inst.id = uuidFor("instance:" + envId + "/" + service.id);
                inst.serviceId = service.id;
                inst.environmentId = envId;
                inst.region = str(s, "region", "us-west2");
                const json replicas = s.value("replicas", json(1));
                inst.replicas = replicas.is_number_integer() ? static_cast<int>(
                                    std::clamp<long long>(replicas.get<long long>(), 0, 1000))
                                                             : 1;
                inst.healthcheck = str(s, "healthcheck");
                inst.sourceRepo = str(s, "repo");
                inst.createdAt = service.createdAt;
                if (s.value("domain", json(false)) == json(true))
                    inst.staticUrl = service.name + "-" + en + ".up.railway.app";
                const json history = s.value("deployments", json::array());
                const int n = history.is_array() ? static_cast<int>(history.size()) : 0;
                for (int i = 0; i < n; ++i) {
                    const json &h = history[static_cast<std::size_t>(i)];
                    Deployment dep;
                    const std::string tag = h.is_string() ? h.get<std::string>() : str(h, "tag");
                    dep.image = tag.empty() ? image : image + ":" + tag;
                    dep.projectId = project.id;
                    dep.serviceId = service.id;
                    dep.environmentId = envId;
                    dep.id = uuidFor("deployment:" + envId + "/" + service.id + "/"
                                     + std::to_string(i));
                    dep.reason = str(h, "reason", "deploy");
                    dep.commitMessage = str(h, "message");
                    dep.createdAt = t0 - 6h * (n - i);
                    dep.readyAt = dep.createdAt + DeploySeconds;
                    dep.statusUpdatedAt = dep.readyAt;
                    const std::string status = str(h, "status");
                    dep.crashing = status == "CRASHED" || crashingImages.count(dep.image) > 0;
                    dep.failed = status == "FAILED";
                    if (dep.failed)
                        dep.statusUpdatedAt = dep.createdAt + 60s;
                    inst.deployments.push_back(dep.id);
                    deployments[dep.id] = dep;
                }
                instances[envId + "/" + service.id] = inst;
            }
        }
        const std::string id = project.id;
        projects[id] = std::move(project);
        return id;
    }

    // ---- state --------------------------------------------------------------------------

    std::string status(const Deployment &dep, TimePoint t) const
    {
        if (dep.removed)
            return "REMOVED";
        if (dep.failed)
            return "FAILED";
        if (t < dep.readyAt)
            return "DEPLOYING";
        return dep.crashing ? "CRASHED" : "SUCCESS";
    }

    // Deployments that went live replace the ones before them (those become REMOVED).
    void settle(TimePoint t)
    {
        for (auto &[key, inst] : instances) {
            for (std::size_t i = inst.deployments.size(); i-- > 0;) {
                Deployment &live = deployments[inst.deployments[i]];
                if (live.removed || live.failed || t < live.readyAt)
                    continue;
                for (std::size_t j = 0; j < i; ++j) {
                    Deployment &old = deployments[inst.deployments[j]];
                    if (!old.removed && !old.failed) {
                        old.removed = true;
                        old.removedAt = std::max(live.readyAt, old.readyAt);
                        old.statusUpdatedAt = old.removedAt;
                    }
                }
                break;
            }
        }
    }

    const Instance *instanceOf(const Deployment &dep) const
    {
        const auto it = instances.find(dep.environmentId + "/" + dep.serviceId);
        return it == instances.end() ? nullptr : &it->second;
    }

    bool isLatest(const Deployment &dep) const
    {
        const Instance *inst = instanceOf(dep);
        return inst && !inst->deployments.empty() && inst->deployments.back() == dep.id;
    }

    bool canRollback(const Deployment &dep) const
    {
        return dep.removed && !dep.crashing && !dep.failed && !dep.image.empty() && !isLatest(dep);
    }

    bool canRedeploy(const Deployment &dep, TimePoint t) const
    {
        const std::string s = status(dep, t);
        return s != "DEPLOYING" && !dep.image.empty();
    }

    // ---- JSON of the types ----------------------------------------------------------------

    json deploymentJson(const Deployment &dep, TimePoint t) const
    {
        const Instance *inst = instanceOf(dep);
        json meta = {{"image", dep.image}, {"reason", dep.reason}};
        if (!dep.commitMessage.empty())
            meta["commitMessage"] = dep.commitMessage;
        if (!dep.commitHash.empty())
            meta["commitHash"] = dep.commitHash;
        if (!dep.branch.empty())
            meta["branch"] = dep.branch;
        if (!dep.repo.empty())
            meta["repo"] = dep.repo;
        const std::string staticUrl = inst ? inst->staticUrl : std::string();
        return {{"__typename", "Deployment"},
                {"id", dep.id},
                {"canRedeploy", canRedeploy(dep, t)},
                {"canRollback", canRollback(dep)},
                {"createdAt", stamp(dep.createdAt)},
                {"deploymentStopped", dep.removed},
                {"environmentId", dep.environmentId},
                {"meta", meta},
                {"projectId", dep.projectId},
                {"serviceId", dep.serviceId},
                {"snapshotId", nullptr},
                {"staticUrl", staticUrl.empty() ? json(nullptr) : json(staticUrl)},
                {"status", status(dep, t)},
                {"statusUpdatedAt",
                 stamp(t < dep.statusUpdatedAt ? dep.createdAt : dep.statusUpdatedAt)},
                {"suggestAddServiceDomain", false},
                {"updatedAt", stamp(std::max(dep.createdAt, std::min(t, dep.statusUpdatedAt)))},
                {"url", staticUrl.empty() ? json(nullptr) : json("https://" + staticUrl)}};
    }

    json connection(const std::string &type, const std::vector<json> &nodes, const json &args) const
    {
        std::size_t start = 0;
        std::size_t count = nodes.size();
        const auto after = args.find("after");
        if (after != args.end() && after->is_string()) {
            const std::string cursor = after->get<std::string>();
            if (cursor.rfind("cursor:", 0) == 0) {
                try {
                    start = std::min(nodes.size(), std::stoul(cursor.substr(7)) + 1);
                } catch (const std::exception &) {
                    throw ExecutionError{"Invalid cursor", "BAD_USER_INPUT"};
                }
            } else {
                throw ExecutionError{"Invalid cursor", "BAD_USER_INPUT"};
            }
        }
        const auto first = args.find("first");
        if (first != args.end() && first->is_number_integer()) {
            const long long f = first->get<long long>();
            if (f < 0)
                throw ExecutionError{"first must be positive", "BAD_USER_INPUT"};
            count = static_cast<std::size_t>(std::min<long long>(f, MaxPageSize));
        } else if (count > MaxPageSize) {
            count = MaxPageSize;
        }
        json edges = json::array();
        const std::size_t end = std::min(nodes.size(), start + count);
        for (std::size_t i = start; i < end; ++i)
            edges.push_back({{"__typename", type + "Edge"},
                             {"cursor", "cursor:" + std::to_string(i)},
                             {"node", nodes[i]}});
        json pageInfo = {{"__typename", "PageInfo"},
                         {"hasNextPage", end < nodes.size()},
                         {"hasPreviousPage", start > 0},
                         {"startCursor", nullptr},
                         {"endCursor", nullptr}};
        if (end > start) {
            pageInfo["startCursor"] = "cursor:" + std::to_string(start);
            pageInfo["endCursor"] = "cursor:" + std::to_string(end - 1);
        }
        return {{"__typename", type}, {"edges", edges}, {"pageInfo", pageInfo}};
    }

    json instanceJson(const Instance &inst, TimePoint t) const
    {
        const Service &svc = services.at(inst.serviceId);
        json latest = nullptr;
        std::string image;
        if (!inst.deployments.empty()) {
            const Deployment &newest = deployments.at(inst.deployments.back());
            latest = deploymentJson(newest, t);
            image = newest.image;
        }
        return {
            {"__typename", "ServiceInstance"},
            {"id", inst.id},
            {"buildCommand", nullptr},
            {"createdAt", stamp(inst.createdAt)},
            {"cronSchedule", nullptr},
            {"deletedAt", nullptr},
            {"environmentId", inst.environmentId},
            {"healthcheckPath", inst.healthcheck.empty() ? json(nullptr) : json(inst.healthcheck)},
            {"healthcheckTimeout", inst.healthcheck.empty() ? json(nullptr) : json(300)},
            {"latestDeployment", latest},
            {"numReplicas", inst.replicas},
            {"region", inst.region},
            {"restartPolicyMaxRetries", 10},
            {"serviceId", inst.serviceId},
            {"serviceName", svc.name},
            {"sleepApplication", false},
            {"source",
             {{"__typename", "ServiceSource"},
              {"image", image.empty() ? json(nullptr) : json(image)},
              {"repo", inst.sourceRepo.empty() ? json(nullptr) : json(inst.sourceRepo)}}},
            {"startCommand", nullptr},
            {"updatedAt", stamp(inst.createdAt)}};
    }

    json environmentJson(const Environment &env, TimePoint t, const Auth &auth) const
    {
        std::vector<json> nodes;
        const Project &p = projects.at(env.projectId);
        for (const std::string &sid : p.services) {
            const auto it = instances.find(env.id + "/" + sid);
            if (it != instances.end())
                nodes.push_back(instanceJson(it->second, t));
        }
        (void)auth;
        return {{"__typename", "Environment"},
                {"id", env.id},
                {"createdAt", stamp(env.createdAt)},
                {"deletedAt", nullptr},
                {"isEphemeral", false},
                {"name", env.name},
                {"projectId", env.projectId},
                {"serviceInstances",
                 connection("EnvironmentServiceInstancesConnection", nodes, json::object())},
                {"unmergedChangesCount", 0},
                {"updatedAt", stamp(env.createdAt)}};
    }

    json projectJson(const Project &p, TimePoint t, const Auth &auth) const
    {
        std::vector<json> envs;
        for (const std::string &eid : p.environments) {
            // A project token sees its own environment only.
            if (auth.project && auth.project->environmentId != eid)
                continue;
            envs.push_back(environmentJson(environments.at(eid), t, auth));
        }
        std::vector<json> svcs;
        for (const std::string &sid : p.services) {
            const Service &s = services.at(sid);
            svcs.push_back({{"__typename", "Service"},
                            {"id", s.id},
                            {"createdAt", stamp(s.createdAt)},
                            {"deletedAt", nullptr},
                            {"groupId", nullptr},
                            {"icon", s.icon.empty() ? json(nullptr) : json(s.icon)},
                            {"name", s.name},
                            {"projectId", s.projectId},
                            {"templateId", nullptr},
                            {"updatedAt", stamp(s.createdAt)}});
        }
        json workspace = nullptr;
        for (const Workspace &w : workspaces)
            if (w.id == p.workspaceId)
                workspace = {{"__typename", "Workspace"}, {"id", w.id}, {"name", w.name}};
        const std::string primary = p.environments.empty() ? std::string() : p.environments[0];
        return {{"__typename", "Project"},
                {"id", p.id},
                {"baseEnvironmentId", primary.empty() ? json(nullptr) : json(primary)},
                {"createdAt", stamp(p.createdAt)},
                {"deletedAt", nullptr},
                {"description", p.description.empty() ? json(nullptr) : json(p.description)},
                {"environments", connection("ProjectEnvironmentsConnection", envs, json::object())},
                {"isPublic", false},
                {"name", p.name},
                {"primaryEnvironmentId", primary.empty() ? json(nullptr) : json(primary)},
                {"services", connection("ProjectServicesConnection", svcs, json::object())},
                {"updatedAt", stamp(p.createdAt)},
                {"workspace", workspace},
                {"workspaceId", p.workspaceId}};
    }

    // ---- selection --------------------------------------------------------------------------

    // Keeps what `selections` asks of `value`; an unknown field or a wrong shape is a
    // validation error (the whole request fails, as a server validating first would).
    static json select(const json &value, const GraphQl::Field &field,
                       const std::string &parentType)
    {
        if (value.is_null())
            return nullptr;
        if (value.is_array()) {
            json out = json::array();
            for (const json &v : value)
                out.push_back(select(v, field, parentType));
            return out;
        }
        if (!value.is_object()) {
            if (field.hasSelections)
                throw ValidationError{"Field \"" + field.name
                                      + "\" must not have a selection since its type has no "
                                        "subfields."};
            return value;
        }
        // Scalars whose values are JSON objects (DeploymentMeta, JSON) have no __typename.
        const auto typeIt = value.find("__typename");
        if (typeIt == value.end()) {
            if (field.hasSelections)
                throw ValidationError{"Field \"" + field.name
                                      + "\" must not have a selection since its type has no "
                                        "subfields."};
            return value;
        }
        const std::string type = typeIt->get<std::string>();
        if (!field.hasSelections)
            throw ValidationError{"Field \"" + field.name + "\" of type \"" + type
                                  + "\" must have a selection of subfields. Did you mean \""
                                  + field.name + " { ... }\"?"};
        json out = json::object();
        for (const GraphQl::Field &sub : field.selections) {
            if (sub.name == "__typename") {
                out[sub.alias] = type;
                continue;
            }
            const auto it = value.find(sub.name);
            if (it == value.end())
                throw ValidationError{"Cannot query field \"" + sub.name + "\" on type \"" + type
                                      + "\"."};
            if (!sub.args.empty() && !it->is_object())
                throw ValidationError{"Unknown argument \"" + sub.args.begin().key()
                                      + "\" on field \"" + type + "." + sub.name + "\"."};
            out[sub.alias] = select(*it, sub, type);
        }
        (void)parentType;
        return out;
    }

    static void allowArgs(const GraphQl::Field &f, const std::string &type,
                          std::initializer_list<const char *> allowed)
    {
        for (const auto &[k, v] : f.args.items()) {
            bool ok = false;
            for (const char *a : allowed)
                ok = ok || k == a;
            if (!ok)
                throw ValidationError{"Unknown argument \"" + k + "\" on field \"" + type + "."
                                      + f.name + "\"."};
        }
    }

    static std::string stringArg(const GraphQl::Field &f, const char *name, bool required,
                                 const std::string &type = "String!")
    {
        const auto it = f.args.find(name);
        if (it == f.args.end() || it->is_null()) {
            if (required)
                throw ValidationError{"Field \"" + f.name + "\" argument \"" + name
                                      + "\" of type \"" + type
                                      + "\" is required, but it was not provided."};
            return {};
        }
        if (!it->is_string())
            throw ValidationError{"Argument \"" + std::string(name) + "\" has invalid value "
                                  + text(*it) + "."};
        return it->get<std::string>();
    }

    static void intArgs(const GraphQl::Field &f)
    {
        for (const char *name : {"first", "last"}) {
            const auto it = f.args.find(name);
            if (it != f.args.end() && !it->is_null() && !it->is_number_integer())
                throw ValidationError{"Argument \"" + std::string(name) + "\" has invalid value "
                                      + text(*it) + "."};
        }
    }

    // ---- operations ----------------------------------------------------------------------

    const Deployment &deploymentFor(const std::string &id, const Auth &auth) const
    {
        const auto it = deployments.find(id);
        if (it == deployments.end())
            throw ExecutionError{"Deployment not found", "NOT_FOUND"};
        if (auth.project
            && (auth.project->projectId != it->second.projectId
                || auth.project->environmentId != it->second.environmentId))
            throw ExecutionError{"Not Authorized", "FORBIDDEN"};
        return it->second;
    }

    json resolveQuery(const GraphQl::Field &f, const Auth &auth, TimePoint t)
    {
        if (f.name == "me") {
            allowArgs(f, "Query", {});
            if (!auth.account)
                throw ExecutionError{"Not Authorized", "UNAUTHENTICATED"};
            return user;
        }
        if (f.name == "projectToken") {
            allowArgs(f, "Query", {});
            if (!auth.project)
                throw ExecutionError{"Project Token not found", "UNAUTHENTICATED"};
            const ProjectToken &pt = *auth.project;
            return {{"__typename", "ProjectToken"},
                    {"id", pt.id},
                    {"createdAt", stamp(pt.createdAt)},
                    {"displayToken", "****"},
                    {"environment", environmentJson(environments.at(pt.environmentId), t, auth)},
                    {"environmentId", pt.environmentId},
                    {"name", pt.name},
                    {"project", projectJson(projects.at(pt.projectId), t, auth)},
                    {"projectId", pt.projectId}};
        }
        if (f.name == "projects") {
            allowArgs(f, "Query",
                      {"after", "before", "first", "includeDeleted", "last", "orderBy", "userId",
                       "workspaceId"});
            intArgs(f);
            const std::string workspaceId = stringArg(f, "workspaceId", false, "String");
            stringArg(f, "after", false, "String");
            if (!auth.account)
                throw ExecutionError{"Not Authorized", "UNAUTHENTICATED"};
            std::vector<json> nodes;
            for (const Workspace &w : workspaces) {
                if (!workspaceId.empty() && w.id != workspaceId)
                    continue;
                for (const std::string &pid : w.projects)
                    nodes.push_back(projectJson(projects.at(pid), t, auth));
            }
            return connection("QueryProjectsConnection", nodes, f.args);
        }
        if (f.name == "project") {
            allowArgs(f, "Query", {"id"});
            const std::string id = stringArg(f, "id", true);
            const auto it = projects.find(id);
            if (!auth.account && !(auth.project && auth.project->projectId == id))
                throw ExecutionError{"Not Authorized", "FORBIDDEN"};
            if (it == projects.end())
                throw ExecutionError{"Project not found", "NOT_FOUND"};
            return projectJson(it->second, t, auth);
        }
        if (f.name == "deployments") {
            allowArgs(f, "Query", {"after", "before", "first", "input", "last"});
            intArgs(f);
            const auto input = f.args.find("input");
            if (input == f.args.end() || input->is_null())
                throw ValidationError{"Field \"deployments\" argument \"input\" of type "
                                      "\"DeploymentListInput!\" is required, but it was not "
                                      "provided."};
            if (!input->is_object())
                throw ValidationError{"Argument \"input\" has invalid value " + text(*input) + "."};
            for (const auto &[k, v] : input->items()) {
                if (k != "environmentId" && k != "includeDeleted" && k != "projectId"
                    && k != "serviceId" && k != "status")
                    throw ValidationError{"Field \"" + k
                                          + "\" is not defined by type \"DeploymentListInput\"."};
                if (k != "status" && k != "includeDeleted" && !v.is_null() && !v.is_string())
                    throw ValidationError{"Argument \"input\" has invalid value at \"" + k + "\"."};
            }
            auto field = [&](const char *k) {
                const auto it = input->find(k);
                return it != input->end() && it->is_string() ? it->get<std::string>()
                                                             : std::string();
            };
            const std::string projectId = field("projectId");
            const std::string serviceId = field("serviceId");
            const std::string environmentId = field("environmentId");
            std::set<std::string> in, notIn;
            const auto st = input->find("status");
            if (st != input->end() && st->is_object()) {
                for (const char *k : {"in", "notIn"}) {
                    const auto list = st->find(k);
                    if (list == st->end() || list->is_null())
                        continue;
                    if (!list->is_array())
                        throw ValidationError{"Argument \"input\" has invalid value at "
                                              "\"status\"."};
                    for (const json &s : *list)
                        (std::string(k) == "in" ? in : notIn)
                            .insert(s.is_string() ? s.get<std::string>() : std::string());
                }
            }
            if (!auth.account
                && !(auth.project && (projectId.empty() || projectId == auth.project->projectId)))
                throw ExecutionError{"Not Authorized", "FORBIDDEN"};
            std::vector<const Deployment *> list;
            for (const auto &[id, dep] : deployments) {
                if ((!projectId.empty() && dep.projectId != projectId)
                    || (!serviceId.empty() && dep.serviceId != serviceId)
                    || (!environmentId.empty() && dep.environmentId != environmentId))
                    continue;
                if (auth.project
                    && (dep.projectId != auth.project->projectId
                        || dep.environmentId != auth.project->environmentId))
                    continue;
                const std::string s = status(dep, t);
                if ((!in.empty() && !in.count(s)) || notIn.count(s))
                    continue;
                list.push_back(&dep);
            }
            std::sort(list.begin(), list.end(), [](const Deployment *a, const Deployment *b) {
                return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
            });
            std::vector<json> nodes;
            for (const Deployment *dep : list)
                nodes.push_back(deploymentJson(*dep, t));
            return connection("QueryDeploymentsConnection", nodes, f.args);
        }
        if (f.name == "serviceInstance") {
            allowArgs(f, "Query", {"environmentId", "serviceId"});
            const std::string environmentId = stringArg(f, "environmentId", true);
            const std::string serviceId = stringArg(f, "serviceId", true);
            if (!auth.account && !(auth.project && auth.project->environmentId == environmentId))
                throw ExecutionError{"Not Authorized", "FORBIDDEN"};
            const auto it = instances.find(environmentId + "/" + serviceId);
            if (it == instances.end())
                throw ExecutionError{"ServiceInstance not found", "NOT_FOUND"};
            return instanceJson(it->second, t);
        }
        throw ValidationError{"Cannot query field \"" + f.name + "\" on type \"Query\"."};
    }

    Deployment &newDeployment(const Deployment &from, const std::string &reason, TimePoint t)
    {
        Deployment dep;
        dep.projectId = from.projectId;
        dep.serviceId = from.serviceId;
        dep.environmentId = from.environmentId;
        dep.image = from.image;
        dep.commitHash = from.commitHash;
        dep.branch = from.branch;
        dep.repo = from.repo;
        dep.reason = reason;
        dep.createdAt = t;
        dep.readyAt = t + DeploySeconds;
        dep.statusUpdatedAt = dep.readyAt;
        dep.crashing
            = crashingImages.count(dep.image) > 0 || (reason == "redeploy" && from.crashing);
        dep.id = uuidFor("deployment:new:" + std::to_string(++counter) + ":" + from.id);
        instances[dep.environmentId + "/" + dep.serviceId].deployments.push_back(dep.id);
        return deployments[dep.id] = dep;
    }

    // ---- deploys from pipelines (PlatformDeploys) ------------------------------------------

    // "project/environment/service" or "project/service" (production); null when unknown.
    Instance *instanceFor(const std::string &target, std::string *label)
    {
        std::vector<std::string> parts;
        for (std::size_t from = 0;;) {
            const std::size_t slash = target.find('/', from);
            parts.push_back(target.substr(from, slash == std::string::npos ? slash : slash - from));
            if (slash == std::string::npos)
                break;
            from = slash + 1;
        }
        if (parts.size() != 2 && parts.size() != 3)
            return nullptr;
        const std::string &projectName = parts.front();
        const std::string envName = parts.size() == 3 ? parts[1] : "production";
        const std::string &serviceName = parts.back();
        const std::string envId = uuidFor("environment:" + projectName + "/" + envName);
        const std::string serviceId = uuidFor("service:" + projectName + "/" + serviceName);
        const auto it = instances.find(envId + "/" + serviceId);
        *label = serviceName + " (" + projectName + ", " + envName + ")";
        return it == instances.end() ? nullptr : &it->second;
    }

    bool imageCrashes(const std::string &image) const
    {
        return crashingImages.count(image) || clusters.imageCrashesInRegistries(image);
    }

    json resolveMutation(const GraphQl::Field &f, const Auth &auth, TimePoint t)
    {
        if (const auto it = injected.find(f.name); it != injected.end()) {
            const ExecutionError e = it->second;
            injected.erase(it);
            throw e;
        }
        if (f.name == "deploymentRollback") {
            allowArgs(f, "Mutation", {"id"});
            const Deployment &target = deploymentFor(stringArg(f, "id", true), auth);
            if (!auth.account && !auth.project)
                throw ExecutionError{"Not Authorized", "UNAUTHENTICATED"};
            if (!canRollback(target))
                throw ExecutionError{"Deployment cannot be rolled back", "BAD_USER_INPUT"};
            newDeployment(target, "rollback", t);
            return true;
        }
        if (f.name == "deploymentRedeploy") {
            allowArgs(f, "Mutation", {"id", "usePreviousImageTag"});
            const Deployment &target = deploymentFor(stringArg(f, "id", true), auth);
            if (!canRedeploy(target, t))
                throw ExecutionError{"Deployment cannot be redeployed", "BAD_USER_INPUT"};
            return deploymentJson(newDeployment(target, "redeploy", t), t);
        }
        if (f.name == "deploymentRestart") {
            allowArgs(f, "Mutation", {"id"});
            Deployment &target = deployments[deploymentFor(stringArg(f, "id", true), auth).id];
            const std::string s = status(target, t);
            if (s != "SUCCESS" && s != "CRASHED" && s != "SLEEPING")
                throw ExecutionError{"Only a running deployment can be restarted",
                                     "BAD_USER_INPUT"};
            target.statusUpdatedAt = t;
            return true;
        }
        throw ValidationError{"Cannot query field \"" + f.name + "\" on type \"Mutation\"."};
    }

    Answer run(const std::string &body, const std::string &bearer, const std::string &ptoken)
    {
        Answer a;
        if (body.size() > MaxBodyBytes) {
            a.status = 413;
            a.body = {{"errors", {gqlError("Request body too large", "BAD_REQUEST")}}};
            return a;
        }
        json request = nesting(body, MaxBodyNesting) > MaxBodyNesting
                           ? json(json::value_t::discarded)
                           : json::parse(body, nullptr, false);
        if (request.is_discarded() || !request.is_object()) {
            a.status = 400;
            a.body = {{"errors", {gqlError("POST body sent invalid JSON.", "BAD_REQUEST")}}};
            return a;
        }
        const auto q = request.find("query");
        if (q == request.end() || !q->is_string()) {
            a.status = 400;
            a.body = {{"errors", {gqlError("Must provide query string.", "BAD_REQUEST")}}};
            return a;
        }
        const json variables = request.value("variables", json::object());
        const auto opName = request.find("operationName");
        const std::string operationName
            = opName != request.end() && opName->is_string() ? opName->get<std::string>() : "";
        std::string error;
        const std::optional<GraphQl::Operation> op
            = GraphQl::parse(q->get<std::string>(), variables, operationName, &error);
        if (!op) {
            a.status = 400;
            a.body = {{"errors", {gqlError(error, "GRAPHQL_PARSE_FAILED")}}};
            return a;
        }

        std::lock_guard<std::mutex> lock(mutex);
        const TimePoint t = now();
        settle(t);
        Auth auth;
        auth.account = !bearer.empty()
                       && std::find(accountTokens.begin(), accountTokens.end(), bearer)
                              != accountTokens.end();
        if (!ptoken.empty()) {
            const auto it = projectTokens.find(ptoken);
            if (it != projectTokens.end())
                auth.project = &it->second;
        }
        json data = json::object();
        json errors = json::array();
        const std::string rootType = op->type == "mutation" ? "Mutation" : "Query";
        try {
            for (const GraphQl::Field &f : op->selections) {
                if (f.name == "__typename") {
                    data[f.alias] = rootType;
                    continue;
                }
                try {
                    const json value = op->type == "mutation" ? resolveMutation(f, auth, t)
                                                              : resolveQuery(f, auth, t);
                    data[f.alias] = select(value, f, rootType);
                    if (op->type == "mutation")
                        settle(t);
                } catch (const ExecutionError &e) {
                    // Every root field is non-null: the error nulls the whole data.
                    errors.push_back(gqlError(e.message, e.code, {f.alias}));
                    data = nullptr;
                    break;
                }
            }
        } catch (const ValidationError &e) {
            a.status = 400;
            a.body = {{"errors", {gqlError(e.message, "GRAPHQL_VALIDATION_FAILED")}}};
            return a;
        }
        a.body = {{"data", data}};
        if (!errors.empty())
            a.body["errors"] = errors;
        return a;
    }
};

RailwayService::RailwayService(ServiceFront &front, ClusterAccess &clusters)
    : d(std::make_unique<Private>(front, clusters))
{
    d->load();
}

RailwayService::~RailwayService() = default;

void RailwayService::failNextMutation(const std::string &field, const std::string &message,
                                      const std::string &code)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->injected[field] = ExecutionError{message, code};
}

PlatformResult RailwayService::deploy(const PlatformDeploy &deploy)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    const auto t = d->now();
    d->settle(t);
    std::string label;
    Private::Instance *inst = d->instanceFor(deploy.target, &label);
    if (!inst)
        return {false, "Service \"" + deploy.target + "\" not found"};
    if (deploy.image.empty())
        return {false, "No image to deploy"};
    Private::Deployment dep;
    dep.projectId = d->services.at(inst->serviceId).projectId;
    dep.serviceId = inst->serviceId;
    dep.environmentId = inst->environmentId;
    dep.image = deploy.image;
    dep.reason = "deploy";
    dep.commitMessage = deploy.message;
    dep.commitHash = deploy.revision;
    dep.branch = deploy.branch;
    dep.repo = deploy.repository;
    dep.createdAt = t;
    dep.readyAt = t + DeploySeconds;
    dep.statusUpdatedAt = dep.readyAt;
    dep.crashing = d->imageCrashes(dep.image);
    dep.id = uuidFor("deployment:ci:" + std::to_string(++d->counter) + ":" + inst->id);
    inst->deployments.push_back(dep.id);
    d->deployments[dep.id] = dep;
    return {true, "Deploying " + deploy.image + " to " + label + "\n  Deployment " + dep.id
                      + ": DEPLOYING"};
}

PlatformResult RailwayService::rollback(const std::string &target, const std::string &actor)
{
    (void)actor; // Railway records no user on a deployment
    std::lock_guard<std::mutex> lock(d->mutex);
    const auto t = d->now();
    d->settle(t);
    std::string label;
    Private::Instance *inst = d->instanceFor(target, &label);
    if (!inst)
        return {false, "Service \"" + target + "\" not found"};
    if (inst->deployments.size() < 2)
        return {false, "No deployment of " + label + " to roll back to"};
    const std::string current = d->deployments.at(inst->deployments.back()).image;
    for (std::size_t i = inst->deployments.size() - 1; i-- > 0;) {
        const Private::Deployment &candidate = d->deployments.at(inst->deployments[i]);
        if (candidate.failed || candidate.crashing || candidate.image.empty()
            || candidate.image == current || d->imageCrashes(candidate.image))
            continue;
        const std::string from = candidate.id;
        const std::string image = candidate.image;
        const Private::Deployment &made = d->newDeployment(candidate, "rollback", t);
        return {true, "Rolling back " + label + " to deployment " + from + " (" + image
                          + ")\n  Deployment " + made.id + ": DEPLOYING"};
    }
    return {false, "No earlier healthy deployment of " + label + " to roll back to"};
}

PlatformResult RailwayService::health(const std::string &target)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    const auto t = d->now();
    d->settle(t);
    std::string label;
    const Private::Instance *inst = d->instanceFor(target, &label);
    if (!inst)
        return {false, "Service \"" + target + "\" not found"};
    if (inst->deployments.empty())
        return {false, label + ": no deployment"};
    const Private::Deployment &latest = d->deployments.at(inst->deployments.back());
    if (latest.failed)
        return {false, label + ": deployment " + latest.id + " FAILED"};
    if (latest.crashing || d->imageCrashes(latest.image))
        return {false,
                label + ": deployment " + latest.id + " (" + latest.image
                    + ") CRASHED: the process exits at start"
                    + (inst->healthcheck.empty() ? std::string()
                                                 : ", " + inst->healthcheck + " never answered")};
    return {true, label + ": deployment " + latest.id + " (" + latest.image + ") "
                      + d->status(latest, t)};
}

std::vector<std::string> RailwayService::tokens() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->accountTokens;
}

RailwayService::Answer RailwayService::answer(const std::string &body, const std::string &bearer,
                                              const std::string &projectToken)
{
    return d->run(body, bearer, projectToken);
}

void RailwayService::handle(const httplib::Request &req, httplib::Response &res)
{
    if (req.path != "/railway/graphql/v2") {
        res.status = 404;
        res.set_content(json({{"errors", {gqlError("Not Found", "NOT_FOUND")}}}).dump(),
                        "application/json");
        return;
    }
    if (req.method != "POST") {
        res.status = 405;
        res.set_header("Allow", "POST");
        res.set_content(
            json({{"errors", {gqlError("Only POST requests are supported.", "BAD_REQUEST")}}})
                .dump(),
            "application/json");
        return;
    }
    std::string bearer;
    const std::string authorization = req.get_header_value("Authorization");
    if (authorization.size() > 7
        && (authorization.rfind("Bearer ", 0) == 0 || authorization.rfind("bearer ", 0) == 0))
        bearer = authorization.substr(7);
    const Answer a = answer(req.body, bearer, req.get_header_value("project-access-token"));
    res.status = a.status;
    res.set_content(a.body.dump(-1, ' ', false, json::error_handler_t::replace),
                    "application/json");
}

} // namespace Orrery::Sim
