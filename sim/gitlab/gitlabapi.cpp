// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitlabapi.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <set>

namespace Orrery::Sim::GitLab {

using json = nlohmann::json;
using Clock = std::chrono::system_clock;

namespace {

json optionalTime(const std::optional<Clock::time_point> &t)
{
    return t ? json(timestamp(*t)) : json(nullptr);
}

json seconds(Clock::duration d)
{
    return double(std::chrono::duration_cast<std::chrono::milliseconds>(d).count()) / 1000.0;
}

std::string firstLine(const std::string &text)
{
    return text.substr(0, text.find('\n'));
}

// GitLab's namespace of a project path: everything before the last '/'.
std::string namespacePath(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string lastSegment(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The badge of a status (detailed_status): GitLab's words for it.
json detailedStatus(const std::string &status, const std::string &detailsPath)
{
    std::string text = status;
    std::string label = status;
    if (status == "success")
        text = label = "passed";
    else if (status == "manual") {
        text = "blocked";
        label = "waiting for manual action";
    } else if (status == "canceled")
        text = label = "canceled";
    return {{"icon", "status_" + status},
            {"text", text},
            {"label", label},
            {"group", status},
            {"tooltip", label},
            {"has_details", true},
            {"details_path", detailsPath},
            {"illustration", nullptr},
            {"favicon", "/assets/ci_favicons/favicon_status_" + status + ".png"}};
}

// Quotes a YAML scalar when it needs it.
std::string yamlScalar(const std::string &s)
{
    const bool plain = !s.empty() && s.find_first_of(":#{}[],&*!|>'\"%@`\n") == std::string::npos
                       && s.front() != ' ' && s.back() != ' ' && s.front() != '-'
                       && s.front() != '?';
    if (plain)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string specJobName(const JobSpec &job)
{
    return job.name.empty() ? job.id : job.name;
}

} // namespace

std::string timestamp(Clock::time_point t)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch());
    const std::time_t secs = std::time_t(ms.count() / 1000);
    const int millis = int(((ms.count() % 1000) + 1000) % 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
    return buf;
}

std::string pipelineStatus(const SimRun &run)
{
    switch (run.state) {
    case SimRunState::Queued: return "pending";
    case SimRunState::Waiting: return "manual";
    case SimRunState::Running: return "running";
    case SimRunState::Success: return "success";
    case SimRunState::Failure: return "failed";
    case SimRunState::Cancelled: return "canceled";
    case SimRunState::Skipped: return "skipped";
    }
    return "created";
}

std::string jobStatus(const SimJob &job)
{
    switch (job.state) {
    case SimRunState::Queued: return job.manual ? "manual" : "created";
    case SimRunState::Waiting: return "manual";
    case SimRunState::Running: return "running";
    case SimRunState::Success: return "success";
    case SimRunState::Failure: return "failed";
    case SimRunState::Cancelled: return "canceled";
    case SimRunState::Skipped: return "skipped";
    }
    return "created";
}

std::string pipelineSource(const std::string &event)
{
    static const std::set<std::string> gitlabSources
        = {"push",           "web",  "trigger",
           "schedule",       "api",  "external",
           "pipeline",       "chat", "merge_request_event",
           "parent_pipeline"};
    if (gitlabSources.count(event))
        return event;
    if (event == "workflow_dispatch" || event == "manual")
        return "web";
    if (event == "merge_request" || event == "pull_request")
        return "merge_request_event";
    return "api";
}

json userJson(const Project &project, const std::string &username)
{
    const std::string name = username.empty() ? "orrery" : username;
    // A stable small id from the name (GitLab user ids are integers).
    long long id = 1;
    for (char c : name)
        id = (id * 31 + (unsigned char)c) % 100000;
    return {{"id", id},          {"username", name},      {"name", name},
            {"state", "active"}, {"avatar_url", nullptr}, {"web_url", project.base + "/" + name}};
}

json projectJson(const Project &project)
{
    const std::string path = project.path();
    const std::string ns = namespacePath(path);
    const std::string name = project.spec.name.empty() ? lastSegment(path) : project.spec.name;
    const std::string created = "2024-01-15T09:00:00.000Z";
    return {
        {"id", project.id},
        {"description", name + " (orrery-sim)"},
        {"name", lastSegment(path)},
        {"name_with_namespace", ns.empty() ? lastSegment(path) : ns + " / " + lastSegment(path)},
        {"path", lastSegment(path)},
        {"path_with_namespace", path},
        {"created_at", created},
        {"last_activity_at", created},
        {"default_branch", project.spec.defaultBranch},
        // The token's user (orrery) is a Maintainer of every project (GitLab's GET
        // /projects/:id answers this to an authenticated user).
        {"permissions",
         {{"project_access", {{"access_level", 40}, {"notification_level", 3}}},
          {"group_access", nullptr}}},
        {"tag_list", json::array()},
        {"topics", json::array()},
        {"ssh_url_to_repo", "git@127.0.0.1:" + path + ".git"},
        {"http_url_to_repo", project.webUrl() + ".git"},
        {"web_url", project.webUrl()},
        {"readme_url", project.webUrl() + "/-/blob/" + project.spec.defaultBranch + "/README.md"},
        {"avatar_url", nullptr},
        {"forks_count", 0},
        {"star_count", 0},
        {"empty_repo", false},
        {"archived", false},
        {"visibility", "private"},
        {"jobs_enabled", true},
        {"ci_config_path", project.spec.file == ".gitlab-ci.yml" || project.spec.file.empty()
                               ? json(nullptr)
                               : json(project.spec.file)},
        {"namespace",
         {{"id", 1000 + project.id},
          {"name", ns.empty() ? path : lastSegment(ns)},
          {"path", ns.empty() ? path : lastSegment(ns)},
          {"kind", ns.empty() ? "user" : "group"},
          {"full_path", ns.empty() ? path : ns},
          {"parent_id", nullptr},
          {"avatar_url", nullptr},
          {"web_url", project.base + "/" + (ns.empty() ? path : ns)}}},
        {"_links", {{"self", project.base + "/api/v4/projects/" + std::to_string(project.id)}}}};
}

json pipelineSummaryJson(const Project &project, const SimRun &run)
{
    return {{"id", run.id},
            {"iid", run.number},
            {"project_id", project.id},
            {"sha", run.sha},
            {"ref", run.branch},
            {"status", pipelineStatus(run)},
            {"source", pipelineSource(run.event)},
            {"name", project.spec.name.empty() ? json(nullptr) : json(project.spec.name)},
            {"created_at", timestamp(run.createdAt)},
            {"updated_at", timestamp(run.updatedAt)},
            {"web_url", project.webUrl() + "/-/pipelines/" + std::to_string(run.id)}};
}

json pipelineJson(const Project &project, const SimRun &run)
{
    json p = pipelineSummaryJson(project, run);
    const std::string status = p["status"];
    p["before_sha"] = "0000000000000000000000000000000000000000";
    p["tag"] = false;
    p["yaml_errors"] = nullptr;
    p["user"] = userJson(project, run.actor);
    p["started_at"] = optionalTime(run.startedAt);
    p["finished_at"] = optionalTime(run.finishedAt);
    p["committed_at"] = timestamp(run.createdAt);
    if (run.startedAt) {
        const Clock::time_point end = run.finishedAt.value_or(run.updatedAt);
        p["duration"] = int(std::chrono::duration_cast<std::chrono::seconds>(
                                std::max(end - *run.startedAt, Clock::duration::zero()))
                                .count());
        p["queued_duration"] = seconds(*run.startedAt - run.createdAt);
    } else {
        p["duration"] = nullptr;
        p["queued_duration"] = nullptr;
    }
    p["coverage"] = nullptr;
    p["detailed_status"]
        = detailedStatus(status, "/" + project.path() + "/-/pipelines/" + std::to_string(run.id));
    return p;
}

json bridgeJson(const Project &project, const SimRun &run, const SimJob &job,
                const Project *downstreamProject, const SimRun *downstream)
{
    json j = jobJson(project, run, job);
    // A bridge has no runner, artifacts or trace (gitlabhq doc/api/jobs.md, "List pipeline
    // trigger jobs").
    for (const char *key : {"runner", "artifacts", "artifacts_expire_at", "tag_list", "project",
                            "failure_reason", "artifacts_file"})
        j.erase(key);
    if (job.state == SimRunState::Failure)
        j["failure_reason"]
            = job.failureReason.empty() ? "downstream_pipeline_creation_failed" : job.failureReason;
    if (downstreamProject && downstream)
        j["downstream_pipeline"] = {{"id", downstream->id},
                                    {"iid", downstream->number},
                                    {"project_id", downstreamProject->id},
                                    {"sha", downstream->sha},
                                    {"ref", downstream->branch},
                                    {"status", pipelineStatus(*downstream)},
                                    {"source", pipelineSource(downstream->event)},
                                    {"created_at", timestamp(downstream->createdAt)},
                                    {"updated_at", timestamp(downstream->updatedAt)},
                                    {"web_url", downstreamProject->webUrl() + "/-/pipelines/"
                                                    + std::to_string(downstream->id)}};
    else
        j["downstream_pipeline"] = nullptr;
    return j;
}

std::string jobName(const PipelineSpec &spec, const SimJob &job)
{
    // The engine names a matrix job "name (value)" as GitHub does; GitLab's parallel:matrix
    // jobs are "name: [value]".
    for (const JobSpec &js : spec.jobs) {
        if (js.id != job.specId || js.matrix.empty())
            continue;
        const std::string base = specJobName(js);
        for (const std::string &value : js.matrix)
            if (job.name == matrixJobName(base, value))
                return job.name == base + " (" + value + ")" ? base + ": [" + value + "]"
                                                             : job.name;
    }
    return job.name;
}

json jobJson(const Project &project, const SimRun &run, const SimJob &job)
{
    const std::string status = jobStatus(job);
    json j = {
        {"id", job.id},
        {"name", jobName(project.spec, job)},
        {"stage", job.stage.empty() ? "test" : job.stage},
        {"status", status},
        {"ref", run.branch},
        {"tag", false},
        {"coverage", nullptr},
        {"allow_failure", false},
        {"created_at", timestamp(run.createdAt)},
        {"started_at", optionalTime(job.startedAt)},
        {"finished_at", optionalTime(job.finishedAt)},
        {"erased_at", nullptr},
        {"artifacts_expire_at", nullptr},
        {"tag_list", json::array()},
        {"artifacts", json::array()},
        {"web_url", project.webUrl() + "/-/jobs/" + std::to_string(job.id)},
        {"project", {{"ci_job_token_scope_enabled", false}}},
        {"user", userJson(project, run.actor)},
        {"commit",
         {{"id", run.sha},
          {"short_id", run.sha.substr(0, 8)},
          {"title", firstLine(run.message)},
          {"message", run.message},
          {"author_name", run.actor},
          {"author_email", run.actor + "@example.com"},
          {"authored_date", timestamp(run.createdAt)},
          {"committer_name", run.actor},
          {"committer_email", run.actor + "@example.com"},
          {"committed_date", timestamp(run.createdAt)},
          {"created_at", timestamp(run.createdAt)},
          {"parent_ids", json::array()},
          {"web_url", project.webUrl() + "/-/commit/" + run.sha}}},
        {"pipeline",
         {{"id", run.id},
          {"iid", run.number},
          {"project_id", project.id},
          {"ref", run.branch},
          {"sha", run.sha},
          {"status", pipelineStatus(run)},
          {"source", pipelineSource(run.event)},
          {"created_at", timestamp(run.createdAt)},
          {"updated_at", timestamp(run.updatedAt)},
          {"web_url", project.webUrl() + "/-/pipelines/" + std::to_string(run.id)}}},
    };
    if (job.startedAt) {
        const Clock::time_point end = job.finishedAt.value_or(run.updatedAt);
        j["duration"] = seconds(std::max(end - *job.startedAt, Clock::duration::zero()));
        j["queued_duration"]
            = seconds(std::max(*job.startedAt - run.createdAt, Clock::duration::zero()));
        j["runner"] = {{"id", 1},
                       {"description", "orrery-sim shared runner"},
                       {"ip_address", "127.0.0.1"},
                       {"active", true},
                       {"paused", false},
                       {"is_shared", true},
                       {"runner_type", "instance_type"},
                       {"name", "gitlab-runner"},
                       {"online", true},
                       {"status", "online"}};
    } else {
        j["duration"] = nullptr;
        j["queued_duration"] = nullptr;
        j["runner"] = nullptr;
    }
    if (status == "failed")
        j["failure_reason"] = "script_failure";
    if (!job.environment.empty())
        j["environment"] = {{"name", job.environment}, {"action", "start"}};
    return j;
}

std::string trace(const SimJob &job)
{
    std::string out;
    std::size_t pos = 0;
    const std::string &log = job.log;
    while (pos < log.size()) {
        auto nl = log.find('\n', pos);
        if (nl == std::string::npos)
            nl = log.size();
        std::string text = log.substr(pos, nl - pos);
        pos = nl + 1;
        if (text.size() > 21 && text[4] == '-' && text[10] == 'T' && text[19] == 'Z'
            && text[20] == ' ')
            text = text.substr(21);
        if (text.rfind("Job ", 0) == 0 && text.find(" started on runner ") != std::string::npos) {
            out += "Running with gitlab-runner 16.11.0 (orrery-sim)\n  on "
                   + text.substr(text.rfind(' ') + 1) + "\n";
            continue;
        }
        if (text.rfind("##[group]", 0) == 0)
            out += "\x1b[32;1m$ " + text.substr(9) + "\x1b[0;m\n";
        else if (text.rfind("##[endgroup]", 0) == 0)
            continue;
        else if (text.rfind("##[error]", 0) == 0)
            out += "\x1b[31;1mERROR: " + text.substr(9) + "\x1b[0;m\n";
        else
            out += text + "\n";
    }
    if (job.state == SimRunState::Success)
        out += "\x1b[32;1mJob succeeded\x1b[0;m\n";
    else if (job.state == SimRunState::Failure)
        out += "\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m\n";
    return out;
}

json variablesJson(const SimRun &run)
{
    json out = json::array();
    for (const auto &[key, value] : run.inputs)
        out.push_back({{"key", key}, {"value", value}, {"variable_type", "env_var"}});
    return out;
}

std::string ciYaml(const PipelineSpec &spec)
{
    std::vector<std::string> stages;
    for (const JobSpec &job : spec.jobs) {
        const std::string stage = job.stage.empty() ? "test" : job.stage;
        if (std::find(stages.begin(), stages.end(), stage) == stages.end())
            stages.push_back(stage);
    }
    std::string out = "# " + (spec.name.empty() ? spec.source : spec.name)
                      + " (rendered by orrery-sim from its scenario)\n";
    out += "stages:\n";
    for (const auto &s : stages)
        out += "  - " + yamlScalar(s) + "\n";
    if (!spec.inputs.empty()) {
        out += "\nvariables:\n";
        for (const auto &[key, value] : spec.inputs)
            out += "  " + yamlScalar(key) + ": " + yamlScalar(value) + "\n";
    }
    for (const JobSpec &job : spec.jobs) {
        out += "\n" + yamlScalar(specJobName(job)) + ":\n";
        out += "  stage: " + yamlScalar(job.stage.empty() ? "test" : job.stage) + "\n";
        if (!job.needs.empty()) {
            out += "  needs:\n";
            for (const auto &need : job.needs) {
                std::string name = need;
                for (const JobSpec &other : spec.jobs)
                    if (other.id == need)
                        name = specJobName(other);
                out += "    - " + yamlScalar(name) + "\n";
            }
        }
        if (!job.matrix.empty()) {
            out += "  parallel:\n    matrix:\n      - VALUE:\n";
            for (const auto &value : job.matrix)
                out += "          - " + yamlScalar(value) + "\n";
        }
        if (job.manual)
            out += "  when: manual\n  allow_failure: false\n";
        else if (job.runsOnFailure == "failure")
            out += "  when: on_failure\n";
        if (!job.environment.empty())
            out += "  environment:\n    name: " + yamlScalar(job.environment) + "\n";
        if (job.isBridge()) {
            // A trigger job runs no script.
            out += "  trigger:\n";
            if (!job.triggerInclude.empty())
                out += "    include: " + yamlScalar(job.triggerInclude) + "\n";
            else
                out += "    project: " + yamlScalar(job.triggerProject) + "\n";
            if (job.triggerDepend)
                out += "    strategy: depend\n";
            continue;
        }
        out += "  script:\n";
        if (job.steps.empty())
            out += "    - echo " + yamlScalar(specJobName(job)) + "\n";
        for (const auto &step : job.steps)
            out += "    - " + yamlScalar("echo " + step) + "\n";
    }
    return out;
}

bool PipelineFilter::matches(const SimRun &run) const
{
    if (!ref.empty() && run.branch != ref)
        return false;
    if (!sha.empty() && run.sha != sha)
        return false;
    if (!username.empty() && run.actor != username)
        return false;
    if (!source.empty() && pipelineSource(run.event) != source)
        return false;
    const std::string s = pipelineStatus(run);
    if (!status.empty() && s != status)
        return false;
    if (!scope.empty()) {
        if (scope == "running" || scope == "pending")
            return s == scope;
        if (scope == "finished")
            return s == "success" || s == "failed" || s == "canceled" || s == "skipped";
        if (scope == "tags")
            return false; // the simulated runs are on branches
    }
    return true;
}

std::vector<std::pair<std::string, std::string>> Page::headers(std::size_t total,
                                                               const std::string &url) const
{
    const int pages = std::max(1, int((total + std::size_t(perPage) - 1) / std::size_t(perPage)));
    const auto link = [&](int p) {
        return url + (url.find('?') == std::string::npos ? "?" : "&") + "page=" + std::to_string(p)
               + "&per_page=" + std::to_string(perPage);
    };
    std::string links;
    const auto addLink = [&](int p, const char *rel) {
        if (!links.empty())
            links += ", ";
        links += "<" + link(p) + ">; rel=\"" + rel + "\"";
    };
    if (page > 1)
        addLink(std::min(page - 1, pages), "prev");
    if (page < pages)
        addLink(page + 1, "next");
    addLink(1, "first");
    addLink(pages, "last");
    return {{"X-Total", std::to_string(total)},
            {"X-Total-Pages", std::to_string(pages)},
            {"X-Per-Page", std::to_string(perPage)},
            {"X-Page", std::to_string(page)},
            {"X-Next-Page", page < pages ? std::to_string(page + 1) : ""},
            {"X-Prev-Page", page > 1 ? std::to_string(std::min(page - 1, pages)) : ""},
            {"Link", links}};
}

Page parsePage(const std::string &page, const std::string &perPage)
{
    const auto number = [](const std::string &s, int fallback) {
        if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
            return fallback;
        return std::stoi(s);
    };
    Page p;
    p.page = std::max(1, number(page, 1));
    p.perPage = std::clamp(number(perPage, 20), 1, 100);
    return p;
}

} // namespace Orrery::Sim::GitLab
