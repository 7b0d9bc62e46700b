// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubservice.h"

#include "pipelines/pipelineengine.h"
#include "pipelines/pipelinespec.h"
#include "simclock.h"

#include <base64.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>

// The GitHub REST shapes follow github/rest-api-description (api.github.com.json,
// components.examples workflow-run, job, workflow, pending-deployment, artifact); every URL in
// a payload is absolute and points at this front (taken from the request's Host), since gh
// follows jobs_url and friends. GitHub's API has no `needs`: the DAG is in the workflow file,
// served by the contents API at the workflow's path, as on github.com.

namespace Orrery::Sim {

// At namespace scope, as in the other services: in a unity batch a second `json` alias there
// would otherwise shadow this one (clang -Wshadow).
using json = nlohmann::json;

namespace {

using Clock = std::chrono::system_clock;

const char *const GithubDefaultToken = "orrery-sim-github";
const char *const DocsUrl = "https://docs.github.com/rest";
constexpr int RateLimit = 5000;

std::uint64_t githubHash(const std::string &s)
{
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string ts(const std::optional<Clock::time_point> &t)
{
    return t ? formatTimestamp(*t) : std::string();
}

json tsOrNull(const std::optional<Clock::time_point> &t)
{
    return t ? json(formatTimestamp(*t)) : json(nullptr);
}

std::vector<std::string> split(const std::string &path)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : path) {
        if (c == '/') {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

std::string percentEncode(const std::string &s)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// A zip archive of stored (uncompressed) entries, as GitHub's run log archives are read by
// gh: "<job name>/<step number>_<step name>.txt" per step, "<n>_<job name>.txt" per job.
std::string zipArchive(const std::vector<std::pair<std::string, std::string>> &files)
{
    std::string out, central;
    auto le16 = [](std::string &b, unsigned v) {
        b += char(v & 0xff);
        b += char((v >> 8) & 0xff);
    };
    auto le32 = [](std::string &b, std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            b += char((v >> (8 * i)) & 0xff);
    };
    for (const auto &[name, data] : files) {
        const std::uint32_t crc = std::uint32_t(
            crc32(0L, reinterpret_cast<const Bytef *>(data.data()), uInt(data.size())));
        const std::uint32_t offset = std::uint32_t(out.size());
        le32(out, 0x04034b50);
        le16(out, 20);
        le16(out, 0x0800); // UTF-8 names
        le16(out, 0);      // stored
        le16(out, 0);
        le16(out, 0x21); // 1980-01-01
        le32(out, crc);
        le32(out, std::uint32_t(data.size()));
        le32(out, std::uint32_t(data.size()));
        le16(out, unsigned(name.size()));
        le16(out, 0);
        out += name;
        out += data;
        le32(central, 0x02014b50);
        le16(central, 20);
        le16(central, 20);
        le16(central, 0x0800);
        le16(central, 0);
        le16(central, 0);
        le16(central, 0x21);
        le32(central, crc);
        le32(central, std::uint32_t(data.size()));
        le32(central, std::uint32_t(data.size()));
        le16(central, unsigned(name.size()));
        le16(central, 0);
        le16(central, 0);
        le16(central, 0);
        le16(central, 0);
        le32(central, 0);
        le32(central, offset);
        central += name;
    }
    const std::uint32_t centralOffset = std::uint32_t(out.size());
    out += central;
    le32(out, 0x06054b50);
    le16(out, 0);
    le16(out, 0);
    le16(out, unsigned(files.size()));
    le16(out, unsigned(files.size()));
    le32(out, std::uint32_t(central.size()));
    le32(out, centralOffset);
    le16(out, 0);
    return out;
}

// A job's log cut at its steps' "##[group]<name>" lines (the text before the first goes to
// the first step).
std::vector<std::string> stepLogs(const SimJob &j)
{
    std::vector<std::string> parts(j.steps.size());
    std::size_t step = 0, pos = 0;
    bool seenGroup = false;
    while (pos < j.log.size() && !parts.empty()) {
        std::size_t end = j.log.find('\n', pos);
        end = end == std::string::npos ? j.log.size() : end + 1;
        const std::string line = j.log.substr(pos, end - pos);
        const std::size_t marker = line.find("##[group]");
        if (marker != std::string::npos) {
            const std::string name = line.substr(marker + 9, line.size() - marker - 10);
            for (std::size_t k = seenGroup ? step + 1 : 0; k < j.steps.size(); ++k)
                if (j.steps[k].name == name) {
                    step = k;
                    break;
                }
            seenGroup = true;
        }
        parts[step] += line;
        pos = end;
    }
    return parts;
}

std::string safeName(std::string s)
{
    std::replace(s.begin(), s.end(), '/', '_');
    std::replace(s.begin(), s.end(), ':', '_');
    return s;
}

std::optional<long long> number(const std::string &s)
{
    if (s.empty() || s.size() > 18 || !std::all_of(s.begin(), s.end(), ::isdigit))
        return std::nullopt;
    return std::stoll(s);
}

// GitHub's status and conclusion of a run, job or step.
std::pair<std::string, json> statusOf(SimRunState s)
{
    switch (s) {
    case SimRunState::Queued: return {"queued", nullptr};
    case SimRunState::Waiting: return {"waiting", nullptr};
    case SimRunState::Running: return {"in_progress", nullptr};
    case SimRunState::Success: return {"completed", "success"};
    case SimRunState::Failure: return {"completed", "failure"};
    case SimRunState::Cancelled: return {"completed", "cancelled"};
    case SimRunState::Skipped: return {"completed", "skipped"};
    }
    return {"queued", nullptr};
}

json userJson(const std::string &base, const std::string &login)
{
    const long long id = 1000 + static_cast<long long>(githubHash(login) % 9000000);
    return {{"login", login},
            {"id", id},
            {"node_id", "U_sim" + std::to_string(id)},
            {"avatar_url", base + "/avatars/" + login},
            {"gravatar_id", ""},
            {"url", base + "/api/v3/users/" + login},
            {"html_url", base + "/" + login},
            {"type", "User"},
            {"site_admin", false}};
}

} // namespace

struct GitHubService::Private
{
    struct Workflow
    {
        long long id = 0;
        std::string key; // the engine's pipeline key
        PipelineSpec spec;
        std::string owner, repo;
    };

    Private(SimClock &c, ClusterAccess &a)
        : clock(c)
        , engine(c, a)
    {
        std::random_device rd;
        logSecret = std::to_string(rd()) + "-" + std::to_string(rd());
    }

    SimClock &clock;
    PipelineEngine engine;
    std::vector<Workflow> workflows;
    std::set<std::string> tokens;
    std::string logSecret;

    std::mutex rateMutex;
    std::map<std::string, int> used; // per token, this hour
    std::int64_t windowEnd = 0;

    // ---- helpers --------------------------------------------------------------------------

    static void send(httplib::Response &res, int status, const json &body)
    {
        res.status = status;
        res.set_content(body.dump(), "application/json; charset=utf-8");
    }
    static void error(httplib::Response &res, int status, const std::string &message)
    {
        send(res, status, {{"message", message}, {"documentation_url", DocsUrl}});
    }

    std::vector<const Workflow *> workflowsOf(const std::string &owner,
                                              const std::string &repo) const
    {
        std::vector<const Workflow *> out;
        for (const Workflow &w : workflows)
            if (w.owner == owner && w.repo == repo)
                out.push_back(&w);
        return out;
    }
    const Workflow *workflowFor(const std::string &owner, const std::string &repo,
                                const std::string &idOrFile) const
    {
        for (const Workflow *w : workflowsOf(owner, repo)) {
            const std::string fileName = w->spec.file.substr(w->spec.file.rfind('/') + 1);
            if (std::to_string(w->id) == idOrFile || fileName == idOrFile
                || w->spec.file == idOrFile)
                return w;
        }
        return nullptr;
    }
    const Workflow *workflowByKey(const std::string &key) const
    {
        for (const Workflow &w : workflows)
            if (w.key == key)
                return &w;
        return nullptr;
    }

    static long long repoId(const std::string &owner, const std::string &repo)
    {
        return 600000000 + static_cast<long long>(githubHash(owner + "/" + repo) % 100000000);
    }
    static long long environmentId(const std::string &name)
    {
        return 1100000000 + static_cast<long long>(githubHash(name) % 100000000);
    }

    json repoJson(const std::string &base, const std::string &owner, const std::string &repo,
                  bool full) const
    {
        const std::string api = base + "/api/v3/repos/" + owner + "/" + repo;
        const long long id = repoId(owner, repo);
        json r = {{"id", id},
                  {"node_id", "R_sim" + std::to_string(id)},
                  {"name", repo},
                  {"full_name", owner + "/" + repo},
                  {"private", false},
                  {"owner", userJson(base, owner)},
                  {"html_url", base + "/" + owner + "/" + repo},
                  {"description", nullptr},
                  {"fork", false},
                  {"url", api},
                  {"hooks_url", api + "/hooks"}};
        if (full) {
            std::string branch = "main";
            for (const Workflow *w : workflowsOf(owner, repo))
                branch = w->spec.defaultBranch;
            r["default_branch"] = branch;
            r["visibility"] = "public";
            r["archived"] = false;
            r["disabled"] = false;
            r["has_issues"] = true;
            r["clone_url"] = base + "/" + owner + "/" + repo + ".git";
            r["created_at"] = "2025-09-01T08:00:00Z";
            r["updated_at"] = clock.timestamp();
            r["pushed_at"] = clock.timestamp();
            r["permissions"] = {{"admin", true},
                                {"maintain", true},
                                {"push", true},
                                {"triage", true},
                                {"pull", true}};
        }
        return r;
    }

    json workflowJson(const std::string &base, const Workflow &w) const
    {
        const std::string api = base + "/api/v3/repos/" + w.owner + "/" + w.repo;
        return {{"id", w.id},
                {"node_id", "W_sim" + std::to_string(w.id)},
                {"name", w.spec.name},
                {"path", w.spec.file},
                {"state", "active"},
                {"created_at", "2025-09-01T08:00:00Z"},
                {"updated_at", "2025-09-01T08:00:00Z"},
                {"url", api + "/actions/workflows/" + std::to_string(w.id)},
                {"html_url", base + "/" + w.owner + "/" + w.repo + "/blob/" + w.spec.defaultBranch
                                 + "/" + w.spec.file},
                {"badge_url",
                 base + "/" + w.owner + "/" + w.repo + "/workflows/" + w.spec.name + "/badge.svg"}};
    }

    json runJson(const std::string &base, const Workflow &w, const SimRun &r) const
    {
        const std::string api = base + "/api/v3/repos/" + w.owner + "/" + w.repo;
        const std::string runUrl = api + "/actions/runs/" + std::to_string(r.id);
        const auto [status, conclusion] = statusOf(r.state);
        const json actor = userJson(base, r.actor);
        const json repo = repoJson(base, w.owner, w.repo, false);
        return {{"id", r.id},
                {"name", w.spec.name},
                {"node_id", "WFR_sim" + std::to_string(r.id)},
                {"head_branch", r.branch},
                {"head_sha", r.sha},
                {"path", w.spec.file},
                {"display_title", r.message},
                {"run_number", r.number},
                {"event", r.event},
                {"status", status},
                {"conclusion", conclusion},
                {"workflow_id", w.id},
                {"check_suite_id", 9000000000LL + r.id},
                {"check_suite_node_id", "CS_sim" + std::to_string(r.id)},
                {"url", runUrl},
                {"html_url",
                 base + "/" + w.owner + "/" + w.repo + "/actions/runs/" + std::to_string(r.id)},
                {"pull_requests", json::array()},
                {"created_at", formatTimestamp(r.createdAt)},
                {"updated_at", formatTimestamp(r.updatedAt)},
                {"actor", actor},
                {"triggering_actor", actor},
                {"run_attempt", r.attempt},
                {"referenced_workflows", json::array()},
                {"run_started_at", r.startedAt ? ts(r.startedAt) : formatTimestamp(r.createdAt)},
                {"jobs_url", runUrl + "/jobs"},
                {"logs_url", runUrl + "/logs"},
                {"check_suite_url", api + "/check-suites/" + std::to_string(9000000000LL + r.id)},
                {"artifacts_url", runUrl + "/artifacts"},
                {"cancel_url", runUrl + "/cancel"},
                {"rerun_url", runUrl + "/rerun"},
                {"previous_attempt_url",
                 r.attempt > 1 ? json(runUrl + "/attempts/" + std::to_string(r.attempt - 1))
                               : json(nullptr)},
                {"workflow_url", api + "/actions/workflows/" + std::to_string(w.id)},
                {"head_commit",
                 {{"id", r.sha},
                  {"tree_id", r.sha.substr(20) + r.sha.substr(0, 20)},
                  {"message", r.message},
                  {"timestamp", formatTimestamp(r.createdAt)},
                  {"author", {{"name", r.actor}, {"email", r.actor + "@users.noreply.github.com"}}},
                  {"committer", {{"name", "GitHub"}, {"email", "noreply@github.com"}}}}},
                {"repository", repo},
                {"head_repository", repo},
                {"inputs", r.inputs}};
    }

    json jobJson(const std::string &base, const Workflow &w, const SimRun &r, const SimJob &j) const
    {
        const std::string api = base + "/api/v3/repos/" + w.owner + "/" + w.repo;
        const auto [status, conclusion] = statusOf(j.state);
        json steps = json::array();
        for (const SimStep &s : j.steps) {
            const auto [ss, sc] = statusOf(s.state);
            steps.push_back({{"name", s.name},
                             {"status", ss == "waiting" ? "queued" : ss},
                             {"conclusion", sc},
                             {"number", s.number},
                             {"started_at", tsOrNull(s.startedAt)},
                             {"completed_at", tsOrNull(s.finishedAt)}});
        }
        const bool ran = j.startedAt.has_value();
        return {{"id", j.id},
                {"run_id", r.id},
                {"workflow_name", w.spec.name},
                {"head_branch", r.branch},
                {"run_url", api + "/actions/runs/" + std::to_string(r.id)},
                {"run_attempt", r.attempt},
                {"node_id", "CR_sim" + std::to_string(j.id)},
                {"head_sha", r.sha},
                {"url", api + "/actions/jobs/" + std::to_string(j.id)},
                {"html_url", base + "/" + w.owner + "/" + w.repo + "/actions/runs/"
                                 + std::to_string(r.id) + "/job/" + std::to_string(j.id)},
                {"status", status},
                {"conclusion", conclusion},
                {"created_at", formatTimestamp(r.createdAt)},
                {"started_at", ran ? ts(j.startedAt) : formatTimestamp(r.createdAt)},
                {"completed_at", tsOrNull(j.finishedAt)},
                {"name", j.name},
                {"steps", steps},
                {"check_run_url", api + "/check-runs/" + std::to_string(j.id)},
                {"labels", json::array({"ubuntu-latest"})},
                {"runner_id", ran ? json(1) : json(nullptr)},
                {"runner_name", ran ? json("orrery-sim-runner") : json(nullptr)},
                {"runner_group_id", ran ? json(1) : json(nullptr)},
                {"runner_group_name", ran ? json("GitHub Actions") : json(nullptr)}};
    }

    // The workflow file as its YAML: `on`, and per job name, needs, environment, strategy
    // matrix, steps. What a client reads to draw the DAG (GitHub's API has no needs).
    static std::string workflowYaml(const PipelineSpec &spec)
    {
        YAML::Emitter out;
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << spec.name;
        out << YAML::Key << "on" << YAML::Value << YAML::BeginMap;
        for (const std::string &t : spec.triggers) {
            out << YAML::Key << t;
            if (t == "push") {
                out << YAML::Value << YAML::BeginMap << YAML::Key << "branches" << YAML::Value
                    << YAML::Flow << YAML::BeginSeq << spec.defaultBranch << YAML::EndSeq
                    << YAML::EndMap;
            } else if (t == "workflow_dispatch" && !spec.inputs.empty()) {
                out << YAML::Value << YAML::BeginMap << YAML::Key << "inputs" << YAML::Value
                    << YAML::BeginMap;
                for (const auto &[k, v] : spec.inputs)
                    out << YAML::Key << k << YAML::Value << YAML::BeginMap << YAML::Key << "default"
                        << YAML::Value << v << YAML::Key << "type" << YAML::Value << "string"
                        << YAML::EndMap;
                out << YAML::EndMap << YAML::EndMap;
            } else {
                out << YAML::Value << YAML::Null;
            }
        }
        out << YAML::EndMap;
        // Stage-only pipelines (no needs) still chain their stages.
        std::vector<std::string> stages;
        for (const JobSpec &j : spec.jobs)
            if (!j.stage.empty()
                && std::find(stages.begin(), stages.end(), j.stage) == stages.end())
                stages.push_back(j.stage);
        out << YAML::Key << "jobs" << YAML::Value << YAML::BeginMap;
        for (const JobSpec &j : spec.jobs) {
            out << YAML::Key << j.id << YAML::Value << YAML::BeginMap;
            // A matrix job's name carries its expression as GitHub users write it; the
            // run's jobs are named from it (matrixJobName: "Build (linux)", "Build linux").
            std::string shownName = j.name;
            if (!j.matrix.empty()) {
                const std::string marker = matrixJobName(j.name, "\x01");
                shownName = marker == j.name + " (\x01)" ? j.name + " (${{ matrix.target }})"
                                                         : expandMarker(marker);
            }
            out << YAML::Key << "name" << YAML::Value << shownName;
            std::vector<std::string> needs = j.needs;
            if (needs.empty() && !j.stage.empty()) {
                const auto pos = std::find(stages.begin(), stages.end(), j.stage);
                if (pos != stages.begin())
                    for (const JobSpec &o : spec.jobs)
                        if (o.stage == *(pos - 1))
                            needs.push_back(o.id);
            }
            if (!needs.empty())
                out << YAML::Key << "needs" << YAML::Value << YAML::Flow << needs;
            if (j.runsOnFailure == "failure")
                out << YAML::Key << "if" << YAML::Value << "${{ failure() }}";
            else if (j.runsOnFailure == "always")
                out << YAML::Key << "if" << YAML::Value << "${{ always() }}";
            out << YAML::Key << "runs-on" << YAML::Value << "ubuntu-latest";
            if (!j.environment.empty())
                out << YAML::Key << "environment" << YAML::Value << j.environment;
            if (!j.matrix.empty())
                out << YAML::Key << "strategy" << YAML::Value << YAML::BeginMap << YAML::Key
                    << "matrix" << YAML::Value << YAML::BeginMap << YAML::Key << "target"
                    << YAML::Value << YAML::Flow << j.matrix << YAML::EndMap << YAML::EndMap;
            out << YAML::Key << "steps" << YAML::Value << YAML::BeginSeq;
            const std::vector<std::string> steps
                = j.steps.empty() ? std::vector<std::string>{"Run " + j.name} : j.steps;
            for (std::size_t i = 0; i < steps.size(); ++i) {
                out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << steps[i];
                out << YAML::Key << "run" << YAML::Value
                    << (i + 1 == steps.size() ? commandOf(j) : "./ci/" + j.id + ".sh");
                out << YAML::EndMap;
            }
            out << YAML::EndSeq << YAML::EndMap;
        }
        out << YAML::EndMap << YAML::EndMap;
        return std::string(out.c_str()) + "\n";
    }

    // A matrix name expanded with the marker \x01: the marker back as GitHub's expression.
    static std::string expandMarker(const std::string &marker)
    {
        std::string out;
        for (char c : marker)
            out += c == '\x01' ? std::string("${{ matrix.target }}") : std::string(1, c);
        return out;
    }

    // The last step's `run:` script: one line per action (a job without actions runs its
    // own script).
    static std::string commandOf(const JobSpec &j)
    {
        std::string script;
        for (const JobAction &a : j.actions) {
            const std::string line = actionCommand(a);
            if (!line.empty())
                script += (script.empty() ? "" : "\n") + line;
        }
        return script.empty() ? "./ci/" + j.id + ".sh" : script;
    }

    static std::string actionCommand(const JobAction &a)
    {
        const std::string kind = a.kind_ == "StatefulSet" ? "statefulset" : "deployment";
        const bool fly = a.platform == "fly";
        switch (a.kind) {
        case JobAction::Kind::PushImage: return "docker push " + a.image;
        case JobAction::Kind::SetImage:
            return "kubectl -n " + a.ns + " set image " + kind + "/" + a.name + " "
                   + (a.container.empty() ? "*" : a.container) + "=" + a.image;
        case JobAction::Kind::HelmUpgrade:
            return "helm upgrade " + a.name + " ./chart -n " + a.ns + " --set image=" + a.image;
        case JobAction::Kind::Rollback:
            if (!a.platform.empty())
                return fly ? "flyctl deploy --app " + a.name + " --image \"$PREVIOUS_IMAGE\""
                           : "railway redeploy --service " + a.name + " --rollback --yes";
            return "kubectl -n " + a.ns + " rollout undo " + kind + "/" + a.name;
        case JobAction::Kind::Deploy:
            return fly ? "flyctl deploy --app " + a.name + " --image " + a.image
                       : "railway up --service " + a.name + " --ci";
        case JobAction::Kind::HealthCheck:
            if (!a.platform.empty())
                return fly ? "flyctl checks list --app " + a.name
                           : "railway status --service " + a.name;
            return "kubectl -n " + a.ns + " rollout status " + kind + "/" + a.name;
        case JobAction::Kind::None: break;
        }
        return {};
    }

    std::string logSignature(long long jobId) const
    {
        std::ostringstream s;
        s << std::hex << githubHash(logSecret + ":" + std::to_string(jobId));
        return s.str();
    }

    // ---- rate limit, ETag -----------------------------------------------------------------

    void rateHeaders(httplib::Response &res, const std::string &token, bool count)
    {
        std::lock_guard lock(rateMutex);
        const std::int64_t now
            = std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch())
                  .count();
        if (now >= windowEnd) {
            windowEnd = now + 3600;
            used.clear();
        }
        int &u = used[token];
        if (count)
            ++u;
        res.set_header("X-RateLimit-Limit", std::to_string(RateLimit));
        res.set_header("X-RateLimit-Remaining", std::to_string(std::max(0, RateLimit - u)));
        res.set_header("X-RateLimit-Used", std::to_string(u));
        res.set_header("X-RateLimit-Reset", std::to_string(windowEnd));
        res.set_header("X-RateLimit-Resource", "core");
    }

    // ---- routes ---------------------------------------------------------------------------

    void handleRest(const httplib::Request &req, httplib::Response &res, const std::string &base,
                    const std::vector<std::string> &p);
    void listRuns(const httplib::Request &req, httplib::Response &res, const std::string &base,
                  const std::string &owner, const std::string &repo, const Workflow *only);
    void graphql(const httplib::Request &req, httplib::Response &res, const std::string &base);
    std::optional<std::pair<const Workflow *, SimRun>>
    findRun(const std::string &owner, const std::string &repo, long long id) const;
};

std::optional<std::pair<const GitHubService::Private::Workflow *, SimRun>>
GitHubService::Private::findRun(const std::string &owner, const std::string &repo,
                                long long id) const
{
    const std::optional<SimRun> r = engine.run(id);
    if (!r)
        return std::nullopt;
    const Workflow *w = workflowByKey(r->pipeline);
    if (!w || w->owner != owner || w->repo != repo)
        return std::nullopt;
    return std::make_pair(w, *r);
}

void GitHubService::Private::listRuns(const httplib::Request &req, httplib::Response &res,
                                      const std::string &base, const std::string &owner,
                                      const std::string &repo, const Workflow *only)
{
    std::vector<std::pair<const Workflow *, SimRun>> all;
    for (const Workflow *w : workflowsOf(owner, repo)) {
        if (only && only != w)
            continue;
        for (SimRun &r : engine.runSummaries(w->key))
            all.emplace_back(w, std::move(r));
    }
    std::stable_sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
        return a.second.createdAt > b.second.createdAt
               || (a.second.createdAt == b.second.createdAt && a.second.id > b.second.id);
    });
    const std::string branch = req.get_param_value("branch");
    const std::string event = req.get_param_value("event");
    const std::string status = req.get_param_value("status");
    const std::string actor = req.get_param_value("actor");
    const std::string sha = req.get_param_value("head_sha");
    std::vector<const std::pair<const Workflow *, SimRun> *> kept;
    for (const auto &e : all) {
        const SimRun &r = e.second;
        if (!branch.empty() && r.branch != branch)
            continue;
        if (!event.empty() && r.event != event)
            continue;
        if (!actor.empty() && r.actor != actor)
            continue;
        if (!sha.empty() && r.sha != sha)
            continue;
        if (!status.empty()) {
            const auto [s, c] = statusOf(r.state);
            const bool pending = r.state == SimRunState::Queued || r.state == SimRunState::Waiting;
            if (status != s && !(c.is_string() && status == c.get<std::string>())
                && !(status == "pending" && pending))
                continue;
        }
        kept.push_back(&e);
    }
    int perPage = 30, page = 1;
    if (auto n = number(req.get_param_value("per_page")))
        perPage = int(std::clamp<long long>(*n, 1, 100));
    if (auto n = number(req.get_param_value("page")))
        page = int(std::clamp<long long>(*n, 1, 100000));
    const std::size_t total = kept.size();
    json list = json::array();
    for (std::size_t i = std::size_t(page - 1) * perPage;
         i < total && i < std::size_t(page) * perPage; ++i)
        list.push_back(runJson(base, *kept[i]->first, kept[i]->second));
    const int lastPage = std::max<int>(1, int((total + perPage - 1) / perPage));
    // Link: the same query with another page.
    std::string query;
    for (const auto &[k, v] : req.params)
        if (k != "page")
            query += (query.empty() ? "" : "&") + k + "=" + percentEncode(v);
    auto pageUrl = [&](int n) {
        return "<" + base + req.path + "?" + query + (query.empty() ? "" : "&")
               + "page=" + std::to_string(n) + ">";
    };
    std::string link;
    if (page < lastPage)
        link += pageUrl(page + 1) + "; rel=\"next\", " + pageUrl(lastPage) + "; rel=\"last\"";
    if (page > 1)
        link += std::string(link.empty() ? "" : ", ") + pageUrl(page - 1) + "; rel=\"prev\", "
                + pageUrl(1) + "; rel=\"first\"";
    if (!link.empty())
        res.set_header("Link", link);
    send(res, 200, {{"total_count", total}, {"workflow_runs", list}});
}

void GitHubService::Private::graphql(const httplib::Request &req, httplib::Response &res,
                                     const std::string &base)
{
    // gh asks GraphQL for a repository's id, default branch and viewer permission (repo
    // resolution, `gh workflow run`) and for the viewer's login: answer those fields with the
    // variables it sends; anything else is an error in GraphQL's shape.
    json body = json::parse(req.body, nullptr, false);
    if (!body.is_object()) {
        send(res, 400, {{"message", "Problems parsing JSON"}, {"documentation_url", DocsUrl}});
        return;
    }
    const std::string query = body.value("query", "");
    const json vars = body.value("variables", json::object());
    json data = json::object();
    if (query.find("repository") != std::string::npos) {
        const std::string owner = vars.value("owner", "");
        const std::string name = vars.value("name", vars.value("repo", ""));
        if (workflowsOf(owner, name).empty()) {
            send(res, 200,
                 {{"data", {{"repository", nullptr}}},
                  {"errors",
                   json::array({{{"type", "NOT_FOUND"},
                                 {"path", json::array({"repository"})},
                                 {"message", "Could not resolve to a Repository with the name '"
                                                 + owner + "/" + name + "'."}}})}});
            return;
        }
        const json r = repoJson(base, owner, name, true);
        data["repository"] = {{"id", r["node_id"]},
                              {"name", name},
                              {"owner", {{"login", owner}}},
                              {"url", r["html_url"]},
                              {"isPrivate", false},
                              {"isArchived", false},
                              {"hasIssuesEnabled", true},
                              {"viewerPermission", "ADMIN"},
                              {"defaultBranchRef", {{"name", r["default_branch"]}}},
                              {"parent", nullptr}};
    }
    if (query.find("viewer") != std::string::npos)
        data["viewer"] = {{"login", "orrery-sim"}};
    send(res, 200, {{"data", data}});
}

void GitHubService::Private::handleRest(const httplib::Request &req, httplib::Response &res,
                                        const std::string &base, const std::vector<std::string> &p)
{
    const bool get = req.method == "GET" || req.method == "HEAD";
    const bool post = req.method == "POST";
    const std::size_t n = p.size();
    if (n == 0) {
        send(res, 200,
             {{"current_user_url", base + "/api/v3/user"},
              {"repository_url", base + "/api/v3/repos/{owner}/{repo}"}});
        return;
    }
    if (n == 1 && p[0] == "user" && get) {
        send(res, 200, userJson(base, "orrery-sim"));
        return;
    }
    if (n == 1 && p[0] == "meta" && get) {
        send(res, 200,
             {{"verifiable_password_authentication", false}, {"installed_version", "3.12.0"}});
        return;
    }
    if (n == 1 && p[0] == "rate_limit" && get) {
        send(res, 200, {{"resources", {{"core", {{"limit", RateLimit}}}}}});
        return;
    }
    if (n < 3 || p[0] != "repos") {
        error(res, 404, "Not Found");
        return;
    }
    const std::string &owner = p[1];
    const std::string &repo = p[2];
    if (workflowsOf(owner, repo).empty()) {
        error(res, 404, "Not Found");
        return;
    }
    if (n == 3 && get) {
        send(res, 200, repoJson(base, owner, repo, true));
        return;
    }
    if (n >= 4 && p[3] == "contents" && get) {
        std::string path;
        for (std::size_t i = 4; i < n; ++i)
            path += (path.empty() ? "" : "/") + p[i];
        for (const Workflow *w : workflowsOf(owner, repo)) {
            if (w->spec.file != path)
                continue;
            const std::string text = workflowYaml(w->spec);
            const std::string api = base + "/api/v3/repos/" + owner + "/" + repo;
            std::string sha;
            {
                std::ostringstream s;
                s << std::hex << githubHash(text) << githubHash(text + path);
                sha = (s.str() + std::string(40, '0')).substr(0, 40);
            }
            std::string encoded = Base64::encode(text), wrapped;
            for (std::size_t i = 0; i < encoded.size(); i += 60)
                wrapped += encoded.substr(i, 60) + "\n";
            const std::string url = api + "/contents/" + path;
            send(res, 200,
                 {{"type", "file"},
                  {"encoding", "base64"},
                  {"size", text.size()},
                  {"name", path.substr(path.rfind('/') + 1)},
                  {"path", path},
                  {"content", wrapped},
                  {"sha", sha},
                  {"url", url},
                  {"git_url", api + "/git/blobs/" + sha},
                  {"html_url",
                   base + "/" + owner + "/" + repo + "/blob/" + w->spec.defaultBranch + "/" + path},
                  {"download_url",
                   base + "/" + owner + "/" + repo + "/raw/" + w->spec.defaultBranch + "/" + path},
                  {"_links", {{"self", url}, {"git", api + "/git/blobs/" + sha}}}});
            return;
        }
        error(res, 404, "Not Found");
        return;
    }
    if (n == 6 && p[3] == "check-runs" && p[5] == "annotations" && get) {
        send(res, 200, json::array());
        return;
    }
    if (n < 5 || p[3] != "actions") {
        error(res, 404, "Not Found");
        return;
    }
    const std::string &what = p[4];
    // /actions/workflows[/{id}[/runs|/dispatches]]
    if (what == "workflows") {
        if (n == 5 && get) {
            json list = json::array();
            for (const Workflow *w : workflowsOf(owner, repo))
                list.push_back(workflowJson(base, *w));
            send(res, 200, {{"total_count", list.size()}, {"workflows", list}});
            return;
        }
        const Workflow *w = workflowFor(owner, repo, p[5]);
        if (!w) {
            error(res, 404, "Not Found");
            return;
        }
        if (n == 6 && get) {
            send(res, 200, workflowJson(base, *w));
            return;
        }
        if (n == 7 && p[6] == "runs" && get) {
            listRuns(req, res, base, owner, repo, w);
            return;
        }
        if (n == 7 && p[6] == "dispatches" && post) {
            json body = json::parse(req.body.empty() ? "{}" : req.body, nullptr, false);
            if (!body.is_object() || !body.contains("ref") || !body["ref"].is_string()) {
                send(res, 422,
                     {{"message", "Invalid request.\n\n\"ref\" wasn't supplied."},
                      {"documentation_url", DocsUrl}});
                return;
            }
            if (std::find(w->spec.triggers.begin(), w->spec.triggers.end(), "workflow_dispatch")
                == w->spec.triggers.end()) {
                error(res, 422, "Workflow does not have 'workflow_dispatch' trigger");
                return;
            }
            std::string ref = body["ref"].get<std::string>();
            if (ref.rfind("refs/heads/", 0) == 0)
                ref = ref.substr(11);
            std::map<std::string, std::string> inputs;
            if (body.contains("inputs") && body["inputs"].is_object())
                for (const auto &[k, v] : body["inputs"].items())
                    inputs[k] = v.is_string() ? v.get<std::string>() : v.dump();
            std::string err;
            if (!engine.trigger(w->key, ref, "workflow_dispatch", "orrery-sim", inputs, &err)) {
                error(res, 422, err);
                return;
            }
            res.status = 204;
            return;
        }
        error(res, 404, "Not Found");
        return;
    }
    if (what == "runs") {
        if (n == 5 && get) {
            listRuns(req, res, base, owner, repo, nullptr);
            return;
        }
        const auto id = number(p[5]);
        const auto found = id ? findRun(owner, repo, *id) : std::nullopt;
        if (!found) {
            error(res, 404, "Not Found");
            return;
        }
        const Workflow &w = *found->first;
        const SimRun &r = found->second;
        if (n == 6 && get) {
            send(res, 200, runJson(base, w, r));
            return;
        }
        const std::string &action = p[6];
        if (n == 7 && action == "jobs" && get) {
            int perPage = 30, page = 1;
            if (auto v = number(req.get_param_value("per_page")))
                perPage = int(std::clamp<long long>(*v, 1, 100));
            if (auto v = number(req.get_param_value("page")))
                page = int(std::clamp<long long>(*v, 1, 100000));
            json jobs = json::array();
            for (std::size_t i = std::size_t(page - 1) * perPage;
                 i < r.jobs.size() && i < std::size_t(page) * perPage; ++i)
                jobs.push_back(jobJson(base, w, r, r.jobs[i]));
            if (std::size_t(page) * perPage < r.jobs.size())
                res.set_header("Link",
                               "<" + base + req.path + "?per_page=" + std::to_string(perPage)
                                   + "&page=" + std::to_string(page + 1) + ">; rel=\"next\"");
            send(res, 200, {{"total_count", r.jobs.size()}, {"jobs", jobs}});
            return;
        }
        if (n == 7 && (action == "rerun" || action == "rerun-failed-jobs") && post) {
            std::string err;
            if (!engine.rerun(r.id, action == "rerun-failed-jobs", &err)) {
                error(res, 403, "This workflow run cannot be rerun: " + err);
                return;
            }
            send(res, 201, json::object());
            return;
        }
        if (n == 7 && action == "cancel" && post) {
            std::string err;
            if (!engine.cancel(r.id, &err)) {
                error(res, 409, "Cannot cancel a workflow run that is completed.");
                return;
            }
            send(res, 202, json::object());
            return;
        }
        if (n == 7 && action == "pending_deployments" && (get || post)) {
            std::map<std::string, std::vector<long long>> waiting; // environment → jobs
            for (const SimJob &j : r.jobs)
                if (j.state == SimRunState::Waiting && !j.environment.empty() && !j.manual)
                    waiting[j.environment].push_back(j.id);
            auto envJson = [&](const std::string &env) {
                const long long eid = environmentId(env);
                return json{
                    {"id", eid},
                    {"node_id", "EN_sim" + std::to_string(eid)},
                    {"name", env},
                    {"url", base + "/api/v3/repos/" + owner + "/" + repo + "/environments/" + env},
                    {"html_url", base + "/" + owner + "/" + repo
                                     + "/deployments/activity_log?environments_filter=" + env}};
            };
            if (get) {
                json list = json::array();
                for (const auto &[env, jobs] : waiting)
                    list.push_back({{"environment", envJson(env)},
                                    {"wait_timer", 0},
                                    {"wait_timer_started_at", nullptr},
                                    {"current_user_can_approve", true},
                                    {"reviewers",
                                     json::array({{{"type", "User"},
                                                   {"reviewer", userJson(base, "orrery-sim")}}})}});
                send(res, 200, list);
                return;
            }
            json body = json::parse(req.body, nullptr, false);
            if (!body.is_object() || !body.contains("environment_ids")
                || !body["environment_ids"].is_array() || !body.contains("state")
                || !body["state"].is_string()) {
                send(res, 422, {{"message", "Invalid request."}, {"documentation_url", DocsUrl}});
                return;
            }
            const std::string state = body["state"].get<std::string>();
            if (state != "approved" && state != "rejected") {
                send(res, 422,
                     {{"message", "Invalid request.\n\nstate must be approved or rejected."},
                      {"documentation_url", DocsUrl}});
                return;
            }
            json deployments = json::array();
            for (const json &eid : body["environment_ids"]) {
                if (!eid.is_number_integer())
                    continue;
                for (const auto &[env, jobs] : waiting) {
                    if (environmentId(env) != eid.get<long long>())
                        continue;
                    for (long long jobId : jobs) {
                        std::string err;
                        engine.review(r.id, jobId, state == "approved", "orrery-sim", &err);
                    }
                    deployments.push_back({{"id", 300000000 + jobs.front() % 100000000},
                                           {"sha", r.sha},
                                           {"ref", r.branch},
                                           {"task", "deploy"},
                                           {"environment", env},
                                           {"creator", userJson(base, "orrery-sim")},
                                           {"created_at", clock.timestamp()},
                                           {"updated_at", clock.timestamp()}});
                }
            }
            if (deployments.empty()) {
                send(res, 422,
                     {{"message", "No pending deployment for the given environment_ids."},
                      {"documentation_url", DocsUrl}});
                return;
            }
            send(res, 200, deployments);
            return;
        }
        if (n == 7 && action == "logs" && get) {
            if (!r.finishedAt) {
                error(res, 404, "Not Found");
                return;
            }
            res.status = 302;
            res.set_header("Location", base + "/api/v3/_sim/runlogs/" + std::to_string(r.id)
                                           + "?sig=" + logSignature(-r.id));
            return;
        }
        if (n == 7 && action == "artifacts" && get) {
            json list = json::array();
            std::size_t index = 0;
            for (const std::string &image : r.images) {
                const long long aid = r.id * 100 + static_cast<long long>(index++);
                const std::string url = base + "/api/v3/repos/" + owner + "/" + repo
                                        + "/actions/artifacts/" + std::to_string(aid);
                std::string name = image.substr(image.rfind('/') + 1);
                std::replace(name.begin(), name.end(), ':', '-');
                list.push_back({{"id", aid},
                                {"node_id", "MDg6QXJ0aWZhY3Q" + std::to_string(aid)},
                                {"name", "image-" + name},
                                {"size_in_bytes", 1024 + githubHash(image) % 4096},
                                {"url", url},
                                {"archive_download_url", url + "/zip"},
                                {"expired", false},
                                {"created_at", ts(r.finishedAt ? r.finishedAt : r.startedAt)},
                                {"expires_at", nullptr},
                                {"updated_at", ts(r.finishedAt ? r.finishedAt : r.startedAt)},
                                {"workflow_run",
                                 {{"id", r.id},
                                  {"repository_id", repoId(owner, repo)},
                                  {"head_repository_id", repoId(owner, repo)},
                                  {"head_branch", r.branch},
                                  {"head_sha", r.sha}}}});
            }
            send(res, 200, {{"total_count", list.size()}, {"artifacts", list}});
            return;
        }
        error(res, 404, "Not Found");
        return;
    }
    if (what == "jobs" && n >= 6) {
        const auto id = number(p[5]);
        if (!id) {
            error(res, 404, "Not Found");
            return;
        }
        for (const Workflow *w : workflowsOf(owner, repo))
            for (const SimRun &r : engine.runSummaries(w->key))
                for (const SimJob &j : r.jobs) {
                    if (j.id != *id)
                        continue;
                    if (n == 6 && get) {
                        send(res, 200, jobJson(base, *w, r, j));
                        return;
                    }
                    if (n == 7 && p[6] == "rerun" && post) {
                        std::string err;
                        if (!engine.rerunJob(r.id, j.id, &err)) {
                            error(res, 403, "This job cannot be rerun: " + err);
                            return;
                        }
                        send(res, 201, json::object());
                        return;
                    }
                    if (n == 7 && p[6] == "logs" && get) {
                        res.status = 302;
                        res.set_header("Location", base + "/api/v3/_sim/logs/"
                                                       + std::to_string(j.id)
                                                       + "?sig=" + logSignature(j.id));
                        return;
                    }
                    error(res, 404, "Not Found");
                    return;
                }
        error(res, 404, "Not Found");
        return;
    }
    error(res, 404, "Not Found");
}

GitHubService::GitHubService(SimClock &clock, ClusterAccess &clusters)
    : d(std::make_unique<Private>(clock, clusters))
{
    long long id = 71000001;
    for (PipelineSpec &spec : scenarioPipelines(clusters, "github")) {
        Private::Workflow w;
        w.id = id++;
        w.key = spec.source + "/" + spec.file;
        const auto slash = spec.source.find('/');
        w.owner = spec.source.substr(0, slash);
        w.repo = slash == std::string::npos ? spec.source : spec.source.substr(slash + 1);
        for (const std::string &t : spec.tokens)
            d->tokens.insert(t);
        w.spec = spec;
        d->engine.addPipeline(std::move(spec));
        d->workflows.push_back(std::move(w));
    }
    if (d->tokens.empty())
        d->tokens.insert(GithubDefaultToken);
    d->engine.startTicking(std::chrono::milliseconds(250));
}

GitHubService::~GitHubService()
{
    stop();
}

std::string GitHubService::name() const
{
    return "github";
}

std::vector<std::string> GitHubService::prefixes() const
{
    return {"/api/v3", "/api/graphql"};
}

void GitHubService::stop()
{
    d->engine.stopTicking();
}

PipelineEngine &GitHubService::engine() const
{
    return d->engine;
}

std::vector<std::string> GitHubService::tokens() const
{
    return {d->tokens.begin(), d->tokens.end()};
}

void GitHubService::handle(const httplib::Request &req, httplib::Response &res)
{
    const std::string host = req.get_header_value("Host");
    const std::string base = "https://" + (host.empty() ? std::string("127.0.0.1") : host);
    res.set_header("X-GitHub-Media-Type", "github.v3; format=json");
    res.set_header("X-GitHub-Api-Version-Selected", "2022-11-28");

    // The signed log URL a job's /logs redirects to: no Authorization (GitHub's are
    // pre-signed blob URLs), plain text with a timestamp per line.
    const std::string logPrefix = "/api/v3/_sim/logs/";
    if (req.path.rfind(logPrefix, 0) == 0) {
        const auto id = number(req.path.substr(logPrefix.size()));
        if (!id || req.get_param_value("sig") != d->logSignature(*id)) {
            res.status = 403;
            res.set_content("AuthenticationFailed: Signature did not match", "text/plain");
            return;
        }
        for (const Private::Workflow &w : d->workflows)
            for (const SimRun &r : d->engine.runSummaries(w.key))
                for (const SimJob &j : r.jobs)
                    if (j.id == *id)
                        if (const auto full = d->engine.run(r.id))
                            for (const SimJob &withLog : full->jobs)
                                if (withLog.id == *id) {
                                    res.status = 200;
                                    res.set_content(withLog.log, "text/plain; charset=utf-8");
                                    return;
                                }
        res.status = 404;
        res.set_content("BlobNotFound", "text/plain");
        return;
    }

    // The signed run log archive runs/{id}/logs redirects to (zip, as GitHub's).
    const std::string runLogPrefix = "/api/v3/_sim/runlogs/";
    if (req.path.rfind(runLogPrefix, 0) == 0) {
        const auto id = number(req.path.substr(runLogPrefix.size()));
        const auto r = id ? d->engine.run(*id) : std::nullopt;
        if (!r || req.get_param_value("sig") != d->logSignature(-*id)) {
            res.status = 403;
            res.set_content("AuthenticationFailed: Signature did not match", "text/plain");
            return;
        }
        std::vector<std::pair<std::string, std::string>> files;
        int index = 0;
        for (const SimJob &j : r->jobs) {
            const std::string job = safeName(j.name);
            files.emplace_back(std::to_string(index++) + "_" + job + ".txt", j.log);
            const std::vector<std::string> parts = stepLogs(j);
            for (std::size_t k = 0; k < j.steps.size(); ++k)
                files.emplace_back(job + "/" + std::to_string(j.steps[k].number) + "_"
                                       + safeName(j.steps[k].name) + ".txt",
                                   parts[k]);
        }
        res.status = 200;
        res.set_content(zipArchive(files), "application/zip");
        return;
    }

    // Auth: "token T" or "Bearer T".
    const std::string auth = req.get_header_value("Authorization");
    std::string token;
    for (const char *scheme : {"token ", "Bearer ", "bearer "})
        if (auth.rfind(scheme, 0) == 0)
            token = auth.substr(std::string(scheme).size());
    if (token.empty() || !d->tokens.count(token)) {
        d->rateHeaders(res, "anonymous", true);
        Private::error(res, 401, token.empty() ? "Requires authentication" : "Bad credentials");
        return;
    }
    d->rateHeaders(res, token, true);

    if (req.path == "/api/graphql") {
        if (req.method != "POST") {
            Private::error(res, 404, "Not Found");
            return;
        }
        d->graphql(req, res, base);
        return;
    }
    d->handleRest(req, res, base, split(req.path.substr(std::string("/api/v3").size())));

    // Conditional GETs: a strong ETag of the body; If-None-Match → 304 without a body.
    if ((req.method == "GET" || req.method == "HEAD") && res.status == 200) {
        std::ostringstream etag;
        etag << "\"" << std::hex << githubHash(res.body) << "\"";
        res.set_header("ETag", etag.str());
        res.set_header("Cache-Control", "private, max-age=60, s-maxage=60");
        const std::string match = req.get_header_value("If-None-Match");
        if (!match.empty() && (match == etag.str() || match == "W/" + etag.str() || match == "*")) {
            res.status = 304;
            res.body.clear();
            res.headers.erase("Content-Type");
        }
    }
}

} // namespace Orrery::Sim
