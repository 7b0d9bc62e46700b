// SPDX-License-Identifier: GPL-3.0-or-later
#include "jenkinsservice.h"

#include "front/cloudencoding.h"
#include "jenkinsapi.h"
#include "pipelines/pipelineengine.h"
#include "pipelines/pipelinespec.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <set>

namespace Orrery::Sim {

using json = nlohmann::json;
using namespace Jenkins;

namespace {

constexpr const char *Version = "2.440.3";
constexpr const char *JenkinsDefaultToken = "orrery:orrery-sim-jenkins";

std::vector<std::string> segments(const std::string &rawPath)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= rawPath.size()) {
        const auto slash = rawPath.find('/', start);
        const std::string part
            = rawPath.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!part.empty())
            parts.push_back(percentDecode(part));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

std::string base64Decode(const std::string &in)
{
    std::string out;
    int bits = 0;
    unsigned value = 0;
    for (char c : in) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+' || c == '-')
            v = 62;
        else if (c == '/' || c == '_')
            v = 63;
        else
            break;
        value = (value << 6) | unsigned(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((value >> bits) & 0xff);
        }
    }
    return out;
}

bool jenkinsIsNumber(const std::string &s)
{
    return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos;
}

void text(httplib::Response &res, int status, const std::string &body)
{
    res.status = status;
    res.set_content(body, "text/plain;charset=utf-8");
}

void notFound(httplib::Response &res)
{
    res.status = 404;
    res.set_content("<html><body><h2>HTTP ERROR 404 Not Found</h2></body></html>",
                    "text/html;charset=utf-8");
}

bool permalink(const std::string &s)
{
    static const std::set<std::string> names
        = {"lastBuild",       "lastSuccessfulBuild",   "lastCompletedBuild", "lastFailedBuild",
           "lastStableBuild", "lastUnsuccessfulBuild", "lastUnstableBuild"};
    return names.count(s) > 0;
}

} // namespace

JenkinsService::JenkinsService(SimClock &clock, ClusterAccess &clusters)
    : m_engine(std::make_unique<PipelineEngine>(clock, clusters))
    , m_tokens(loadProviderPipelines(*m_engine, clusters, "jenkins", JenkinsDefaultToken))
{
}

JenkinsService::~JenkinsService()
{
    stop();
}

void JenkinsService::stop()
{
    m_engine->stopTicking();
}

std::string JenkinsService::crumbFor(const std::string &user)
{
    // FNV-1a of the user, as 32 hex digits: stable and different per user.
    unsigned long long h1 = 1469598103934665603ULL, h2 = 1099511628211ULL;
    for (char c : user + "orrery-sim") {
        h1 = (h1 ^ (unsigned char)c) * 1099511628211ULL;
        h2 = (h2 ^ (unsigned char)c) * 1469598103934665603ULL;
    }
    char buf[33];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", h1, h2);
    return buf;
}

std::string JenkinsService::console(long long runId, const std::string &key, bool *complete)
{
    (void)key;
    const auto run = m_engine->run(runId);
    std::lock_guard lock(m_mutex);
    // Bounded: past 1024 consoles the oldest builds' go (a later read rebuilds one).
    while (m_consoles.size() >= 1024 && m_consoles.begin()->first != runId)
        m_consoles.erase(m_consoles.begin());
    auto &log = m_consoles[runId];
    if (!log)
        log = std::make_unique<ConsoleLog>();
    if (run)
        log->update(*run);
    if (complete)
        *complete = log->complete();
    return log->text();
}

void JenkinsService::handle(const httplib::Request &req, httplib::Response &res)
{
    res.set_header("X-Jenkins", Version);
    res.set_header("X-Jenkins-Session", "0rr3ry51");

    // Authentication: Basic user:token.
    std::string user;
    const std::string authorization = req.get_header_value("Authorization");
    if (authorization.rfind("Basic ", 0) == 0) {
        const std::string pair = base64Decode(authorization.substr(6));
        const auto colon = pair.find(':');
        if (colon != std::string::npos && colon > 0 && colon + 1 < pair.size()
            && std::find(m_tokens.begin(), m_tokens.end(), pair) != m_tokens.end())
            user = pair.substr(0, colon);
        else {
            res.set_header("WWW-Authenticate", "Basic realm=\"Jenkins\"");
            text(res, 401, "Invalid password/token for user");
            return;
        }
    }
    if (user.empty()) {
        res.set_header("X-You-Are-Authenticated-As", "anonymous");
        res.set_header("X-Required-Permission", "hudson.model.Hudson.Read");
        res.status = 403;
        res.set_content("<html><body>Authentication required</body></html>",
                        "text/html;charset=utf-8");
        return;
    }
    const bool get = req.method == "GET" || req.method == "HEAD";
    const bool post = req.method == "POST";
    if (post && req.has_header("Jenkins-Crumb")
        && req.get_header_value("Jenkins-Crumb") != crumbFor(user)) {
        text(res, 403, "No valid crumb was included in the request");
        return;
    }

    const std::string host = req.get_header_value("Host");
    const std::string base
        = "https://" + (host.empty() ? std::string("127.0.0.1") : host) + "/jenkins/";
    std::vector<std::string> seg = segments(req.target.substr(0, req.target.find('?')));
    if (!seg.empty() && seg[0] == "jenkins")
        seg.erase(seg.begin());

    // The jobs, and their runs (newest first), read once per request.
    std::vector<JobRef> jobs;
    for (const PipelineSpec &spec : m_engine->pipelines("jenkins"))
        jobs.push_back({base, spec});
    std::map<std::string, std::vector<SimRun>> runsOf;
    const auto runs = [&](const JobRef &job) -> const std::vector<SimRun> & {
        auto it = runsOf.find(job.key());
        if (it == runsOf.end())
            it = runsOf.emplace(job.key(), m_engine->runSummaries(job.key())).first;
        return it->second;
    };

    std::optional<std::vector<TreeNode>> tree;
    if (req.has_param("tree")) {
        tree = parseTree(req.get_param_value("tree"));
        if (!tree) {
            text(res, 400, "Malformed tree expression");
            return;
        }
    }
    const auto answer = [&](const json &value) {
        res.status = 200;
        res.set_content((tree ? applyTree(value, *tree) : value).dump(),
                        "application/json;charset=utf-8");
    };
    const bool apiJson
        = [&] { return seg.size() >= 2 && seg[seg.size() - 2] == "api" && seg.back() == "json"; }();

    // A folder path that is a multibranch project (its jobs are branch jobs).
    const auto isMultibranch = [&](const std::string &folder) {
        return std::any_of(jobs.begin(), jobs.end(),
                           [&](const JobRef &j) { return j.spec.multibranch == folder; });
    };
    // Children of a folder path ("" = root), as listed at depth 0 or deep for a tree (as deep
    // as the names go: at most PipelineSpecBounds::MaxNameDepth folders).
    std::function<json(const std::string &)> children = [&](const std::string &folder) {
        json list = json::array();
        std::set<std::string> seen;
        for (const JobRef &job : jobs) {
            const std::string name = job.fullName();
            if (!folder.empty() && name.rfind(folder + "/", 0) != 0)
                continue;
            const std::string rest = folder.empty() ? name : name.substr(folder.size() + 1);
            const auto slash = rest.find('/');
            if (slash == std::string::npos) {
                list.push_back(tree ? jobJson(job, runs(job), true) : jobSummary(job, runs(job)));
            } else {
                const std::string sub
                    = (folder.empty() ? "" : folder + "/") + rest.substr(0, slash);
                if (!seen.insert(sub).second)
                    continue;
                json folderValue = folderJson(base, sub, tree ? children(sub) : json::array(),
                                              isMultibranch(sub));
                if (!tree)
                    folderValue = {{"_class", folderValue["_class"]},
                                   {"name", folderValue["name"]},
                                   {"url", folderValue["url"]}};
                list.push_back(folderValue);
            }
        }
        return list;
    };

    const auto findRunById = [&](long long id) -> std::pair<const JobRef *, std::optional<SimRun>> {
        for (const JobRef &job : jobs)
            for (const SimRun &r : runs(job))
                if (r.id == id)
                    return {&job, r};
        return {nullptr, std::nullopt};
    };

    // ---- server-level resources
    if (seg.empty() || (seg.size() == 2 && apiJson)) {
        if (!get) {
            notFound(res);
            return;
        }
        answer(
            {{"_class", "hudson.model.Hudson"},
             {"assignedLabels", json::array({{{"name", "built-in"}}})},
             {"mode", "NORMAL"},
             {"nodeDescription", "the Jenkins controller's built-in node"},
             {"nodeName", ""},
             {"numExecutors", 0},
             {"description", "orrery-sim"},
             {"jobs", children("")},
             {"overallLoad", json::object()},
             {"primaryView", {{"_class", "hudson.model.AllView"}, {"name", "all"}, {"url", base}}},
             {"quietDownReason", nullptr},
             {"quietingDown", false},
             {"slaveAgentPort", 50000},
             {"unlabeledLoad", {{"_class", "jenkins.model.UnlabeledLoadStatistics"}}},
             {"url", base},
             {"useCrumbs", true},
             {"useSecurity", true},
             {"views",
              json::array(
                  {{{"_class", "hudson.model.AllView"}, {"name", "all"}, {"url", base}}})}});
        return;
    }
    if (seg.size() == 3 && seg[0] == "crumbIssuer" && apiJson && get) {
        answer({{"_class", "hudson.security.csrf.DefaultCrumbIssuer"},
                {"crumb", crumbFor(user)},
                {"crumbRequestField", "Jenkins-Crumb"}});
        return;
    }
    if (seg.size() == 3 && (seg[0] == "me" || seg[0] == "whoAmI") && apiJson && get) {
        answer({{"_class", seg[0] == "me" ? "hudson.model.User" : "hudson.security.WhoAmI"},
                {"absoluteUrl", base + "user/" + user},
                {"id", user},
                {"fullName", user},
                {"name", user},
                {"authenticated", true},
                {"anonymous", false},
                {"authorities", json::array({"authenticated"})}});
        return;
    }
    if (!seg.empty() && seg[0] == "computer" && get) {
        // The built-in node runs no builds (0 executors); each running build holds an
        // executor of the agent "agent-1" (a simplification: real Pipeline builds run on a
        // flyweight executor and their node blocks take agent executors).
        std::vector<std::pair<const JobRef *, SimRun>> active;
        for (const JobRef &job : jobs)
            for (const SimRun &r : runs(job))
                if (building(r) && r.state != SimRunState::Queued)
                    active.push_back({&job, r});
        const auto computer = [&](bool builtIn, int depth) {
            json executors = json::array();
            if (!builtIn) {
                const std::size_t count = std::max<std::size_t>(2, active.size());
                for (std::size_t i = 0; i < count; ++i) {
                    json current = nullptr;
                    if (i < active.size()) {
                        const auto &[job, run] = active[i];
                        current = {{"_class", "org.jenkinsci.plugins.workflow.job.WorkflowRun"},
                                   {"number", run.number},
                                   {"url", job->url() + std::to_string(run.number) + "/"},
                                   {"fullDisplayName",
                                    job->fullName() + " #" + std::to_string(run.number)}};
                    }
                    executors.push_back(depth > 0 ? json{{"_class", "hudson.model.Executor"},
                                                         {"currentExecutable", current},
                                                         {"idle", current.is_null()},
                                                         {"likelyStuck", false},
                                                         {"number", int(i)},
                                                         {"progress", current.is_null() ? -1 : 50}}
                                                  : json{{"_class", "hudson.model.Executor"}});
                }
            }
            return json{
                {"_class",
                 builtIn ? "hudson.model.Hudson$MasterComputer" : "hudson.slaves.SlaveComputer"},
                {"actions", json::array()},
                {"assignedLabels", json::array({{{"name", builtIn ? "built-in" : "agent-1"}}})},
                {"description",
                 builtIn ? "the Jenkins controller's built-in node" : "orrery-sim build agent"},
                {"displayName", builtIn ? "Built-In Node" : "agent-1"},
                {"executors", executors},
                {"icon", "symbol-computer"},
                {"idle", builtIn || active.empty()},
                {"jnlpAgent", !builtIn},
                {"launchSupported", true},
                {"manualLaunchAllowed", true},
                {"numExecutors", builtIn ? 0 : int(executors.size())},
                {"offline", false},
                {"offlineCause", nullptr},
                {"oneOffExecutors", json::array()},
                {"temporarilyOffline", false}};
        };
        const int depth = jenkinsIsNumber(req.get_param_value("depth"))
                              ? std::stoi(req.get_param_value("depth"))
                              : 0;
        if (seg.size() == 3 && apiJson) {
            json list = json::array({computer(true, depth), computer(false, depth)});
            answer({{"_class", "hudson.model.ComputerSet"},
                    {"busyExecutors", active.size()},
                    {"computer", list},
                    {"displayName", "Nodes"},
                    {"totalExecutors", std::max<std::size_t>(2, active.size())}});
            return;
        }
        if (seg.size() == 4 && apiJson) {
            const std::string name = seg[1];
            if (name == "(built-in)" || name == "(master)" || name == "Built-In Node") {
                answer(computer(true, depth));
                return;
            }
            if (name == "agent-1") {
                answer(computer(false, depth));
                return;
            }
        }
        notFound(res);
        return;
    }
    if (!seg.empty() && seg[0] == "queue") {
        if (seg.size() == 3 && apiJson && get) {
            json items = json::array();
            for (const JobRef &job : jobs)
                for (const SimRun &r : runs(job))
                    if (r.state == SimRunState::Queued)
                        items.push_back({{"_class", "hudson.model.Queue$WaitingItem"},
                                         {"id", r.id},
                                         {"task", jobSummary(job, runs(job))},
                                         {"why", "Waiting for next available executor"}});
            answer({{"_class", "hudson.model.Queue"},
                    {"discoverableItems", json::array()},
                    {"items", items}});
            return;
        }
        if (seg.size() == 5 && seg[1] == "item" && jenkinsIsNumber(seg[2]) && apiJson && get) {
            const auto [job, run] = findRunById(std::stoll(seg[2]));
            if (!job) {
                notFound(res);
                return;
            }
            json item = {{"actions", json::array()},
                         {"blocked", false},
                         {"buildable", run->state == SimRunState::Queued},
                         {"id", run->id},
                         {"inQueueSince", millis(run->createdAt)},
                         {"params", ""},
                         {"stuck", false},
                         {"task", jobSummary(*job, runs(*job))},
                         {"url", "queue/item/" + std::to_string(run->id) + "/"},
                         {"why", nullptr}};
            if (run->state == SimRunState::Queued) {
                item["_class"] = "hudson.model.Queue$WaitingItem";
                item["why"] = "Waiting for next available executor";
                item["timestamp"] = millis(run->createdAt);
            } else {
                item["_class"] = "hudson.model.Queue$LeftItem";
                item["cancelled"] = false;
                item["executable"] = {{"_class", "org.jenkinsci.plugins.workflow.job.WorkflowRun"},
                                      {"number", run->number},
                                      {"url", job->url() + std::to_string(run->number) + "/"}};
            }
            answer(item);
            return;
        }
        notFound(res);
        return;
    }

    // ---- Blue Ocean: blue/rest/organizations/jenkins/pipelines/a/pipelines/b/runs/N/nodes/
    if (seg.size() >= 4 && seg[0] == "blue" && seg[1] == "rest" && seg[2] == "organizations") {
        std::string fullName;
        std::size_t i = 4;
        // A multibranch project's branch is under branches/ (pipelines/ works too).
        while (i + 1 < seg.size() && (seg[i] == "pipelines" || seg[i] == "branches")) {
            fullName += (fullName.empty() ? "" : "/") + seg[i + 1];
            i += 2;
        }
        const JobRef *job = nullptr;
        for (const JobRef &j : jobs)
            if (j.fullName() == fullName)
                job = &j;
        if (job && i + 2 < seg.size() && seg[i] == "runs" && jenkinsIsNumber(seg[i + 1])
            && seg[i + 2] == "nodes" && i + 3 == seg.size() && get) {
            for (const SimRun &r : runs(*job))
                if (std::to_string(r.number) == seg[i + 1]) {
                    answer(blueNodes(*job, r));
                    return;
                }
        }
        notFound(res);
        return;
    }

    // ---- job/a/job/b/...
    std::string fullName;
    std::size_t i = 0;
    while (i + 1 < seg.size() && seg[i] == "job") {
        fullName += (fullName.empty() ? "" : "/") + seg[i + 1];
        i += 2;
    }
    if (fullName.empty()) {
        notFound(res);
        return;
    }
    const std::vector<std::string> rest(seg.begin() + long(i), seg.end());
    const JobRef *job = nullptr;
    for (const JobRef &j : jobs)
        if (j.fullName() == fullName)
            job = &j;
    if (!job) {
        // A folder?
        const bool folder = std::any_of(jobs.begin(), jobs.end(), [&](const JobRef &j) {
            return j.fullName().rfind(fullName + "/", 0) == 0;
        });
        if (folder && get && (rest.empty() || (rest.size() == 2 && apiJson))) {
            json list = children(fullName);
            answer(folderJson(base, fullName, list, isMultibranch(fullName)));
            return;
        }
        notFound(res);
        return;
    }
    const std::vector<SimRun> &jobRuns = runs(*job);
    if (get && (rest.empty() || (rest.size() == 2 && apiJson))) {
        const int depth = jenkinsIsNumber(req.get_param_value("depth"))
                              ? std::stoi(req.get_param_value("depth"))
                              : 0;
        answer(jobJson(*job, jobRuns, tree.has_value() || depth > 0));
        return;
    }
    if (get && !rest.empty() && rest[0] == "wfapi") {
        if (rest.size() == 1 || (rest.size() == 2 && rest[1] == "describe")) {
            answer(wfapiJob(*job, jobRuns));
            return;
        }
        if (rest.size() == 2 && rest[1] == "runs") {
            answer(wfapiRuns(*job, jobRuns));
            return;
        }
        notFound(res);
        return;
    }
    if (post && rest.size() == 1 && (rest[0] == "build" || rest[0] == "buildWithParameters")) {
        std::map<std::string, std::string> parameters = job->spec.inputs;
        static const std::set<std::string> reserved = {"token", "delay", "json", "cause", "Submit"};
        if (rest[0] == "buildWithParameters")
            for (const auto &[k, v] : req.params)
                if (!reserved.count(k))
                    parameters[k] = v;
        std::string branch = job->spec.defaultBranch;
        for (const char *k : {"BRANCH", "BRANCH_NAME", "GIT_BRANCH", "branch"})
            if (parameters.count(k) && !parameters[k].empty())
                branch = parameters[k];
        std::string error;
        const auto id = m_engine->trigger(job->key(), branch, "manual", user, parameters, &error);
        if (!id) {
            text(res, 400, error);
            return;
        }
        res.status = 201;
        res.set_header("Location", base + "queue/item/" + std::to_string(*id) + "/");
        res.set_content("", "text/plain");
        return;
    }
    if (rest.empty() || !(jenkinsIsNumber(rest[0]) || permalink(rest[0]))) {
        notFound(res);
        return;
    }

    // ---- a build: N or a permalink
    const SimRun *run = nullptr;
    for (const SimRun &r : jobRuns) {
        const bool match = jenkinsIsNumber(rest[0])          ? std::to_string(r.number) == rest[0]
                           : rest[0] == "lastBuild"          ? true
                           : rest[0] == "lastCompletedBuild" ? !building(r)
                           : rest[0] == "lastSuccessfulBuild" || rest[0] == "lastStableBuild"
                               ? r.state == SimRunState::Success
                           : rest[0] == "lastFailedBuild" ? r.state == SimRunState::Failure
                           : rest[0] == "lastUnsuccessfulBuild"
                               ? !building(r) && r.state != SimRunState::Success
                               : false;
        if (match) {
            run = &r;
            break;
        }
    }
    if (!run) {
        notFound(res);
        return;
    }
    const std::vector<std::string> sub(rest.begin() + 1, rest.end());
    const auto is = [&](std::initializer_list<const char *> path) {
        if (sub.size() != path.size())
            return false;
        std::size_t k = 0;
        for (const char *p : path)
            if (sub[k++] != p)
                return false;
        return true;
    };
    if (get && (sub.empty() || is({"api", "json"}))) {
        answer(buildJson(*job, *run, jobRuns));
        return;
    }
    if (get && (is({"wfapi"}) || is({"wfapi", "describe"}))) {
        answer(wfapiRun(*job, *run));
        return;
    }
    if (get && is({"wfapi", "pendingInputActions"})) {
        answer(pendingInputActions(*job, *run));
        return;
    }
    if (get && sub.size() >= 4 && sub[0] == "execution" && sub[1] == "node" && sub[3] == "wfapi") {
        std::optional<json> value;
        if (sub.size() == 4 || (sub.size() == 5 && sub[4] == "describe"))
            value = wfapiNode(*job, *run, sub[2]);
        else if (sub.size() == 5 && sub[4] == "log") {
            // The lists are summaries without logs: read this build in full.
            const auto full = m_engine->run(run->id);
            value = wfapiNodeLog(*job, full ? *full : *run, sub[2]);
        }
        if (value) {
            answer(*value);
            return;
        }
        notFound(res);
        return;
    }
    if (get && (is({"consoleText"}) || is({"logText", "progressiveText"}))) {
        bool complete = false;
        const std::string all = console(run->id, job->key(), &complete);
        if (is({"consoleText"})) {
            text(res, 200, all);
            return;
        }
        std::size_t start = 0;
        if (jenkinsIsNumber(req.get_param_value("start")))
            start = std::min<std::size_t>(std::stoull(req.get_param_value("start")), all.size());
        res.set_header("X-Text-Size", std::to_string(all.size()));
        if (!complete)
            res.set_header("X-More-Data", "true");
        text(res, 200, all.substr(start));
        return;
    }
    if (post && (is({"stop"}) || is({"term"}) || is({"kill"}))) {
        std::string error;
        if (building(*run) && !m_engine->cancel(run->id, &error)) {
            text(res, 400, error);
            return;
        }
        text(res, 200, "");
        return;
    }
    // Input steps: input/ID/proceedEmpty, input/ID/abort, input/ID/submit (form proceed|abort),
    // wfapi/inputSubmit?inputId=ID (proceed|abort).
    std::string inputRequested;
    bool approve = true;
    if (post && sub.size() == 3 && sub[0] == "input") {
        inputRequested = sub[1];
        if (sub[2] == "abort")
            approve = false;
        else if (sub[2] == "submit")
            approve = !req.has_param("abort");
        else if (sub[2] != "proceedEmpty" && sub[2] != "proceed")
            inputRequested.clear();
    } else if (post && is({"wfapi", "inputSubmit"})) {
        inputRequested = req.get_param_value("inputId");
        approve = !req.has_param("abort");
    }
    if (!inputRequested.empty()) {
        for (const SimJob &j : run->jobs)
            if (j.state == SimRunState::Waiting && inputId(j) == inputRequested) {
                std::string error;
                if (!m_engine->review(run->id, j.id, approve, user, &error)) {
                    text(res, 400, error);
                    return;
                }
                text(res, 200, "");
                return;
            }
        notFound(res);
        return;
    }
    notFound(res);
}

} // namespace Orrery::Sim
