// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinespec.h"

#include "front/simservice.h"
#include "pipelineengine.h"
#include "scenario.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>

namespace Orrery::Sim {

namespace {

using json = nlohmann::json;

std::string text(const json &j, const char *key, const std::string &fallback = {})
{
    if (!j.contains(key) || j[key].is_null())
        return fallback;
    const json &v = j[key];
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number_integer())
        return std::to_string(v.get<long long>());
    if (v.is_number() || v.is_boolean())
        return v.dump();
    throw std::runtime_error(std::string(key) + " must be a string");
}

std::vector<std::string> texts(const json &j, const char *key, std::size_t max)
{
    std::vector<std::string> out;
    if (!j.contains(key) || j[key].is_null())
        return out;
    const json &v = j[key];
    if (v.is_string())
        return {v.get<std::string>()};
    if (!v.is_array())
        throw std::runtime_error(std::string(key) + " must be a list");
    if (v.size() > max)
        throw std::runtime_error(std::string(key) + ": more than " + std::to_string(max)
                                 + " entries");
    for (const json &e : v) {
        if (e.is_string())
            out.push_back(e.get<std::string>());
        else if (e.is_number_integer())
            out.push_back(std::to_string(e.get<long long>()));
        else if (e.is_number())
            out.push_back(e.dump());
        else
            throw std::runtime_error(std::string(key) + " entries must be strings");
    }
    return out;
}

bool flag(const json &j, const char *key)
{
    if (!j.contains(key) || j[key].is_null())
        return false;
    if (!j[key].is_boolean())
        throw std::runtime_error(std::string(key) + " must be true or false");
    return j[key].get<bool>();
}

JobAction::Kind actionKind(const std::string &type)
{
    static const std::map<std::string, JobAction::Kind> kinds{
        {"none", JobAction::Kind::None},
        {"pushImage", JobAction::Kind::PushImage},
        {"setImage", JobAction::Kind::SetImage},
        {"helmUpgrade", JobAction::Kind::HelmUpgrade},
        {"rollback", JobAction::Kind::Rollback},
        {"deploy", JobAction::Kind::Deploy},
        {"healthCheck", JobAction::Kind::HealthCheck}};
    const auto it = kinds.find(type);
    if (it == kinds.end())
        throw std::runtime_error("unknown action type \"" + type
                                 + "\" (none, pushImage, setImage, helmUpgrade, rollback, "
                                   "deploy, healthCheck)");
    return it->second;
}

JobAction parseAction(const json &a, const std::string &cluster)
{
    JobAction action;
    if (a.is_null())
        return action;
    if (!a.is_object())
        throw std::runtime_error("action must be a mapping");
    action.kind = actionKind(text(a, "type", "none"));
    action.cluster = text(a, "cluster", cluster);
    action.ns = text(a, "namespace", "default");
    action.name = text(a, "name");
    action.container = text(a, "container");
    action.image = text(a, "image");
    if (flag(a, "crashing"))
        action.exitCode = 1;
    const std::string kind = text(a, "kind", "Deployment");
    action.platform = text(a, "platform");
    if (!action.platform.empty() && action.platform != "fly" && action.platform != "railway")
        throw std::runtime_error("platform must be fly or railway");
    const bool onPlatform = !action.platform.empty();
    switch (action.kind) {
    case JobAction::Kind::SetImage:
    case JobAction::Kind::Rollback:
    case JobAction::Kind::HealthCheck:
        if (action.name.empty())
            throw std::runtime_error(onPlatform ? "the action needs the platform target's name"
                                                : "action needs the workload's name");
        if (onPlatform && action.kind == JobAction::Kind::SetImage)
            throw std::runtime_error("setImage is for workloads; a platform takes deploy");
        if (onPlatform)
            break;
        action.kind_ = normaliseWorkloadKind(kind);
        if (action.kind_.empty())
            throw std::runtime_error("action kind \"" + kind
                                     + "\" is not a Deployment or StatefulSet");
        if (action.kind == JobAction::Kind::SetImage && action.image.empty())
            throw std::runtime_error("setImage needs an image");
        break;
    case JobAction::Kind::Deploy:
        if (!onPlatform)
            throw std::runtime_error("deploy needs a platform (fly, railway)");
        if (action.name.empty() || action.image.empty())
            throw std::runtime_error("deploy needs the target's name and an image");
        break;
    case JobAction::Kind::PushImage:
    case JobAction::Kind::HelmUpgrade:
        if (onPlatform)
            throw std::runtime_error("the action takes no platform");
        if (action.image.empty())
            throw std::runtime_error("the action needs an image");
        if (action.kind == JobAction::Kind::HelmUpgrade && action.name.empty())
            throw std::runtime_error("helmUpgrade needs the release name");
        break;
    case JobAction::Kind::None: break;
    }
    return action;
}

// GitLab's `trigger:`: a project path ("group/project"), or a mapping with `project` (a
// multi-project pipeline) or `include` (a child pipeline's file in the same project), and
// `strategy: depend`.
void parseTrigger(const json &t, JobSpec *job)
{
    if (t.is_null())
        return;
    if (t.is_string()) {
        job->triggerProject = t.get<std::string>();
    } else if (t.is_object()) {
        job->triggerProject = text(t, "project");
        job->triggerInclude = text(t, "include");
        const std::string strategy = text(t, "strategy");
        if (!strategy.empty() && strategy != "depend")
            throw std::runtime_error("trigger strategy must be depend");
        job->triggerDepend = strategy == "depend";
    } else {
        throw std::runtime_error("trigger must be a project path or a mapping");
    }
    if (job->triggerProject.empty() == job->triggerInclude.empty())
        throw std::runtime_error("trigger needs a project or an include (one of them)");
    const bool acts
        = std::any_of(job->actions.cbegin(), job->actions.cend(),
                      [](const JobAction &a) { return a.kind != JobAction::Kind::None; });
    if (acts || !job->matrix.empty() || job->fails)
        throw std::runtime_error("a trigger job has no action, matrix or fails");
}

JobSpec parseJob(const json &j, const std::string &stage, const std::string &cluster)
{
    if (!j.is_object())
        throw std::runtime_error("a job must be a mapping");
    JobSpec job;
    job.id = text(j, "id");
    if (job.id.empty())
        throw std::runtime_error("a job has no id");
    try {
        job.name = text(j, "name", job.id);
        job.stage = text(j, "stage", stage);
        job.needs = texts(j, "needs", PipelineSpecBounds::MaxJobs);
        job.steps = texts(j, "steps", PipelineSpecBounds::MaxSteps);
        if (j.contains("seconds")) {
            if (!j["seconds"].is_number())
                throw std::runtime_error("seconds must be a number");
            job.seconds = j["seconds"].get<double>();
        }
        if (!(job.seconds > 0) || job.seconds > PipelineSpecBounds::MaxSeconds)
            throw std::runtime_error("seconds must be in (0, 86400]");
        job.fails = flag(j, "fails");
        job.manual = flag(j, "manual");
        job.environment = text(j, "environment");
        job.protectedEnvironment = flag(j, "protected");
        if (job.protectedEnvironment && job.environment.empty())
            throw std::runtime_error("protected: true needs an environment");
        job.runsOnFailure = text(j, "runsOn");
        if (!job.runsOnFailure.empty() && job.runsOnFailure != "failure"
            && job.runsOnFailure != "always")
            throw std::runtime_error("runsOn must be failure or always");
        job.matrix = texts(j, "matrix", PipelineSpecBounds::MaxMatrix);
        if (j.contains("action") && j.contains("actions"))
            throw std::runtime_error("action and actions: give one of them");
        if (j.contains("actions") && !j["actions"].is_null()) {
            const json &list = j["actions"];
            if (!list.is_array())
                throw std::runtime_error("actions must be a list");
            if (list.size() > PipelineSpecBounds::MaxActions)
                throw std::runtime_error("actions: more than "
                                         + std::to_string(PipelineSpecBounds::MaxActions)
                                         + " entries");
            for (const json &a : list)
                job.actions.push_back(parseAction(a, cluster));
        } else if (j.contains("action") && !j["action"].is_null()) {
            job.actions.push_back(parseAction(j["action"], cluster));
        }
        parseTrigger(j.value("trigger", json()), &job);
    } catch (const std::runtime_error &e) {
        throw std::runtime_error("job " + job.id + ": " + e.what());
    }
    return job;
}

std::string defaultFile(const std::string &provider)
{
    if (provider == "github")
        return ".github/workflows/ci.yml";
    if (provider == "gitlab")
        return ".gitlab-ci.yml";
    return "Jenkinsfile";
}

void checkGraph(const PipelineSpec &p)
{
    std::map<std::string, const JobSpec *> byId;
    for (const JobSpec &j : p.jobs)
        if (!byId.emplace(j.id, &j).second)
            throw std::runtime_error("duplicate job id " + j.id);
    for (const JobSpec &j : p.jobs)
        for (const std::string &n : j.needs)
            if (!byId.count(n))
                throw std::runtime_error("job " + j.id + " needs " + n + ", which is no job");
    // needs only: stage order cannot make a cycle.
    std::map<std::string, int> mark; // 1 visiting, 2 done
    std::function<void(const JobSpec &)> visit = [&](const JobSpec &j) {
        int &m = mark[j.id];
        if (m == 2)
            return;
        if (m == 1)
            throw std::runtime_error("the needs of job " + j.id + " form a cycle");
        m = 1;
        for (const std::string &n : j.needs)
            visit(*byId[n]);
        mark[j.id] = 2;
    };
    for (const JobSpec &j : p.jobs)
        visit(j);
}

PipelineSpec parsePipeline(const json &e, const std::string &cluster)
{
    if (!e.is_object())
        throw std::runtime_error("a pipeline must be a mapping");
    PipelineSpec p;
    p.provider = text(e, "provider");
    if (p.provider != "github" && p.provider != "gitlab" && p.provider != "jenkins")
        throw std::runtime_error("provider must be github, gitlab or jenkins, not \"" + p.provider
                                 + "\"");
    p.source = text(e, "source");
    if (p.source.empty())
        throw std::runtime_error("a " + p.provider + " pipeline has no source");
    const std::string where = p.provider + " pipeline " + p.source;
    try {
        p.file = text(e, "file", defaultFile(p.provider));
        p.name = text(e, "name", p.file);
        p.cluster = text(e, "cluster", cluster);
        p.defaultBranch = text(e, "defaultBranch", "main");
        p.triggers = texts(e, "triggers", 32);
        if (p.triggers.empty())
            p.triggers = {"push"};
        if (e.contains("inputs") && !e["inputs"].is_null()) {
            if (!e["inputs"].is_object())
                throw std::runtime_error("inputs must be a mapping");
            for (const auto &[k, v] : e["inputs"].items())
                p.inputs[k] = v.is_string() ? v.get<std::string>() : v.dump();
        }
        if (e.contains("historyRuns")) {
            if (!e["historyRuns"].is_number_integer())
                throw std::runtime_error("historyRuns must be an integer");
            p.historyRuns = e["historyRuns"].get<int>();
        }
        if (p.historyRuns < 0 || p.historyRuns > PipelineSpecBounds::MaxHistoryRuns)
            throw std::runtime_error("historyRuns must be in [0, 1000]");
        p.tokens = texts(e, "tokens", 32);
        p.child = flag(e, "child");
        if (p.child) {
            if (p.provider != "gitlab")
                throw std::runtime_error("only a gitlab pipeline can be a child pipeline");
            p.historyRuns = 0; // its runs are its parents'
        }

        auto addJobs = [&](const json &jobs, const std::string &stage) {
            if (jobs.is_null())
                return;
            if (!jobs.is_array())
                throw std::runtime_error("jobs must be a list");
            for (const json &j : jobs) {
                if (p.jobs.size() >= std::size_t(PipelineSpecBounds::MaxJobs))
                    throw std::runtime_error("more than 500 jobs");
                p.jobs.push_back(parseJob(j, stage, p.cluster));
            }
        };
        if (e.contains("stages") && !e["stages"].is_null()) {
            if (!e["stages"].is_array())
                throw std::runtime_error("stages must be a list");
            for (const json &s : e["stages"]) {
                if (!s.is_object())
                    throw std::runtime_error("a stage must be a mapping");
                const std::string stage = text(s, "name");
                if (stage.empty())
                    throw std::runtime_error("a stage has no name");
                // `parallel` (Jenkins' word) and `jobs` are the same: jobs sharing the stage.
                addJobs(s.value("jobs", json()), stage);
                addJobs(s.value("parallel", json()), stage);
            }
        }
        addJobs(e.value("jobs", json()), {});
        if (p.jobs.empty())
            throw std::runtime_error("no jobs");
        checkGraph(p);
        for (const JobSpec &j : p.jobs) {
            if (j.isBridge() && p.provider != "gitlab")
                throw std::runtime_error("job " + j.id + ": trigger jobs are GitLab's");
            // Deeper cycles (a child triggering its parent) end at MaxTriggerDepth.
            if (j.triggerInclude == p.file)
                throw std::runtime_error("job " + j.id + " includes its own pipeline");
        }
    } catch (const std::runtime_error &err) {
        throw std::runtime_error(where + ": " + err.what());
    }
    return p;
}

} // namespace

std::string normaliseWorkloadKind(const std::string &kind)
{
    std::string k;
    for (char c : kind)
        k += char(std::tolower(static_cast<unsigned char>(c)));
    if (k == "deployment" || k == "deploy" || k == "deployments")
        return "Deployment";
    if (k == "statefulset" || k == "sts" || k == "statefulsets")
        return "StatefulSet";
    return {};
}

// A Jenkins multibranch project's `branches:`: one branch job per branch, each a copy of the
// project's pipeline in the folder the project is (source PROJECT/ENCODED-BRANCH).
std::vector<PipelineSpec> expandBranches(const json &e, PipelineSpec p)
{
    const std::vector<std::string> branches = texts(e, "branches", PipelineSpecBounds::MaxBranches);
    if (branches.empty())
        return {std::move(p)};
    const std::string where = p.provider + " pipeline " + p.source;
    if (p.provider != "jenkins")
        throw std::runtime_error(where + ": branches: is for a Jenkins multibranch project");
    std::vector<PipelineSpec> out;
    std::set<std::string> seen;
    for (const std::string &branch : branches) {
        if (branch.empty() || !seen.insert(branch).second)
            throw std::runtime_error(where + ": empty or duplicate branch \"" + branch + "\"");
        PipelineSpec b = p;
        std::string encoded;
        for (char c : branch) {
            if (c == '/' || c == '%') {
                char hex[4];
                std::snprintf(hex, sizeof hex, "%%%02X", (unsigned char)c);
                encoded += hex;
            } else {
                encoded += c;
            }
        }
        b.multibranch = p.source;
        b.source = p.source + "/" + encoded;
        b.defaultBranch = branch; // its display name (sim/jenkins); `name` stays the project's
        out.push_back(std::move(b));
    }
    return out;
}

std::vector<PipelineSpec> parsePipelines(const json &list, const std::string &cluster)
{
    std::vector<PipelineSpec> out;
    if (list.is_null())
        return out;
    if (!list.is_array())
        throw std::runtime_error("pipelines must be a list");
    if (list.size() > std::size_t(PipelineSpecBounds::MaxPipelines))
        throw std::runtime_error("pipelines: more than 64 entries");
    std::set<std::string> keys;
    for (const json &e : list) {
        for (PipelineSpec &p : expandBranches(e, parsePipeline(e, cluster))) {
            if (std::count(p.source.begin(), p.source.end(), '/')
                >= PipelineSpecBounds::MaxNameDepth)
                throw std::runtime_error(p.provider + " pipeline " + p.source
                                         + ": more than 8 folders deep");
            if (!keys.insert(p.provider + ":" + p.source + "/" + p.file).second)
                throw std::runtime_error(p.provider + " pipeline " + p.source + "/" + p.file
                                         + " is declared twice");
            out.push_back(std::move(p));
        }
    }
    return out;
}

std::vector<PipelineSpec> scenarioPipelines(const ClusterAccess &clusters,
                                            const std::string &provider)
{
    std::vector<PipelineSpec> out;
    std::set<std::string> seen;
    for (const std::string &cluster : clusters.clusterNames()) {
        const std::string scenario = clusters.scenarioOf(cluster);
        if (scenario.empty() || !seen.insert(scenario).second)
            continue;
        try {
            const json header = scenarioHeader(scenario);
            for (PipelineSpec &p : parsePipelines(header.value("pipelines", json()), cluster))
                if (provider.empty() || p.provider == provider)
                    out.push_back(std::move(p));
        } catch (const std::exception &) {
            // loadScenario refused this file already; nothing to serve from it.
        }
    }
    return out;
}

std::vector<std::string> loadProviderPipelines(PipelineEngine &engine,
                                               const ClusterAccess &clusters,
                                               const std::string &provider,
                                               const std::string &defaultToken)
{
    std::vector<std::string> tokens;
    bool any = false;
    for (PipelineSpec &spec : scenarioPipelines(clusters, provider)) {
        for (const std::string &t : spec.tokens)
            if (std::find(tokens.begin(), tokens.end(), t) == tokens.end())
                tokens.push_back(t);
        engine.addPipeline(std::move(spec));
        any = true;
    }
    if (tokens.empty())
        tokens.push_back(defaultToken);
    if (any)
        engine.startTicking(std::chrono::milliseconds(250));
    return tokens;
}

} // namespace Orrery::Sim
