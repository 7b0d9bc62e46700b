// SPDX-License-Identifier: GPL-3.0-or-later
#include "jenkinsapi.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <functional>

namespace Orrery::Sim::Jenkins {

using json = nlohmann::json;
using Clock = std::chrono::system_clock;

namespace {

constexpr const char *WorkflowJobClass = "org.jenkinsci.plugins.workflow.job.WorkflowJob";
constexpr const char *WorkflowRunClass = "org.jenkinsci.plugins.workflow.job.WorkflowRun";
constexpr const char *FolderClass = "com.cloudbees.hudson.plugins.folder.Folder";
constexpr const char *MultiBranchClass
    = "org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject";
constexpr const char *BlueNodeClass = "io.jenkins.blueocean.rest.impl.pipeline.PipelineNodeImpl";

std::string urlEncode(const std::string &s)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += char(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::vector<std::string> splitName(const std::string &fullName)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= fullName.size()) {
        const auto slash = fullName.find('/', start);
        const std::string part = fullName.substr(
            start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!part.empty())
            parts.push_back(part);
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

bool finished(SimRunState s)
{
    return s == SimRunState::Success || s == SimRunState::Failure || s == SimRunState::Cancelled
           || s == SimRunState::Skipped;
}

bool started(const SimJob &job)
{
    return job.state != SimRunState::Queued || !job.log.empty();
}

Clock::time_point runStart(const SimRun &run)
{
    return run.startedAt.value_or(run.createdAt);
}

long long durationMillis(std::optional<Clock::time_point> start,
                         std::optional<Clock::time_point> end, Clock::time_point now)
{
    if (!start)
        return 0;
    const Clock::time_point e = end.value_or(now);
    return std::max<long long>(0, millis(e) - millis(*start));
}

std::string jobName(const SimJob &job)
{
    return job.name.empty() ? job.specId : job.name;
}

// The aggregate of a stage's jobs, as the stage view reports a parallel stage.
SimRunState aggregate(const SimRun &run, const std::vector<std::size_t> &jobs)
{
    bool any = false, allSkipped = true;
    bool failed = false, cancelled = false, running = false, waiting = false, queued = false;
    for (std::size_t i : jobs) {
        const SimRunState s = run.jobs[i].state;
        any = true;
        allSkipped = allSkipped && s == SimRunState::Skipped;
        failed = failed || s == SimRunState::Failure;
        cancelled = cancelled || s == SimRunState::Cancelled;
        running = running || s == SimRunState::Running;
        waiting = waiting || s == SimRunState::Waiting;
        queued = queued || s == SimRunState::Queued;
    }
    if (!any)
        return SimRunState::Queued;
    if (waiting)
        return SimRunState::Waiting;
    if (running)
        return SimRunState::Running;
    if (queued) {
        // Some branches done, others not started yet: the stage is still running.
        for (std::size_t i : jobs)
            if (run.jobs[i].state != SimRunState::Queued)
                return SimRunState::Running;
        return SimRunState::Queued;
    }
    if (failed)
        return SimRunState::Failure;
    if (cancelled)
        return SimRunState::Cancelled;
    if (allSkipped)
        return SimRunState::Skipped;
    return SimRunState::Success;
}

std::optional<Clock::time_point> earliestStart(const SimRun &run,
                                               const std::vector<std::size_t> &jobs)
{
    std::optional<Clock::time_point> t;
    for (std::size_t i : jobs)
        if (run.jobs[i].startedAt && (!t || *run.jobs[i].startedAt < *t))
            t = run.jobs[i].startedAt;
    return t;
}

std::optional<Clock::time_point> latestFinish(const SimRun &run,
                                              const std::vector<std::size_t> &jobs)
{
    std::optional<Clock::time_point> t;
    for (std::size_t i : jobs) {
        if (!run.jobs[i].finishedAt)
            return std::nullopt; // still going
        if (!t || *run.jobs[i].finishedAt > *t)
            t = run.jobs[i].finishedAt;
    }
    return t;
}

json link(const std::string &href)
{
    return {{"href", href}};
}

std::string buildRelative(const JobRef &job, const SimRun &run)
{
    return job.rootRelative() + std::to_string(run.number) + "/";
}

json stepNode(const JobRef &job, const SimRun &run, const SimJob &simJob, const SimStep *step,
              const std::string &id, const std::string &parent)
{
    const std::string base = buildRelative(job, run) + "execution/node/" + id + "/";
    const SimRunState state = step ? step->state : simJob.state;
    const auto start = step ? step->startedAt : simJob.startedAt;
    const auto end = step ? step->finishedAt : simJob.finishedAt;
    json n
        = {{"_links", {{"self", link(base + "wfapi/describe")}, {"log", link(base + "wfapi/log")}}},
           {"id", id},
           {"name", step ? step->name : std::string("Shell Script")},
           {"execNode", ""},
           {"status", wfapiStatus(state)},
           {"parameterDescription", step ? step->name : jobName(simJob)},
           {"startTimeMillis", start ? millis(*start) : 0},
           {"durationMillis", durationMillis(start, end, run.updatedAt)},
           {"pauseDurationMillis", 0},
           {"parentNodes", json::array({parent})}};
    if (state == SimRunState::Failure)
        n["error"]
            = {{"message", "script returned exit code 1"}, {"type", "hudson.AbortException"}};
    return n;
}

// Flow nodes of one job: its steps chained after `parent`.
void appendSteps(json &nodes, const JobRef &job, const SimRun &run, const StageLayout &stage,
                 std::size_t k, std::string parent)
{
    const SimJob &simJob = run.jobs[stage.jobs[k]];
    const auto &ids = stage.stepIds[k];
    for (std::size_t s = 0; s < ids.size(); ++s) {
        const SimStep *step = s < simJob.steps.size() ? &simJob.steps[s] : nullptr;
        nodes.push_back(stepNode(job, run, simJob, step, ids[s], parent));
        parent = ids[s];
    }
}

json stageSummary(const JobRef &job, const SimRun &run, const StageLayout &stage)
{
    const auto start = earliestStart(run, stage.jobs);
    return {{"_links",
             {{"self",
               link(buildRelative(job, run) + "execution/node/" + stage.id + "/wfapi/describe")}}},
            {"id", stage.id},
            {"name", stage.name},
            {"execNode", ""},
            {"status", wfapiStatus(aggregate(run, stage.jobs))},
            {"startTimeMillis", start ? millis(*start) : 0},
            {"durationMillis", durationMillis(start, latestFinish(run, stage.jobs), run.updatedAt)},
            {"pauseDurationMillis", 0}};
}

std::string causeLine(const SimRun &run)
{
    if (run.event == "push")
        return "Started by GitHub push by " + run.actor;
    if (run.event == "schedule")
        return "Started by timer";
    return "Started by user " + (run.actor.empty() ? std::string("admin") : run.actor);
}

std::string resultWord(const SimRun &run)
{
    const json r = result(run);
    return r.is_string() ? r.get<std::string>() : std::string("NOT_BUILT");
}

// Blue Ocean's time format: 2016-10-07T11:36:37.538+0000.
std::string blueTime(Clock::time_point t)
{
    const long long ms = millis(t);
    const std::time_t secs = std::time_t(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+0000", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms % 1000));
    return buf;
}

json blueState(SimRunState s)
{
    switch (s) {
    case SimRunState::Queued: return nullptr;
    case SimRunState::Waiting: return "PAUSED";
    case SimRunState::Running: return "RUNNING";
    case SimRunState::Skipped: return "SKIPPED";
    default: return "FINISHED";
    }
}

json blueResult(SimRunState s)
{
    switch (s) {
    case SimRunState::Queued: return nullptr;
    case SimRunState::Waiting:
    case SimRunState::Running: return "UNKNOWN";
    case SimRunState::Success: return "SUCCESS";
    case SimRunState::Failure: return "FAILURE";
    case SimRunState::Cancelled: return "ABORTED";
    case SimRunState::Skipped: return "NOT_BUILT";
    }
    return nullptr;
}

// The lines a job logged for one of its steps: between the line naming the step and the line
// naming the next one; without such lines, the whole log goes to the job's last started step.
std::string stepLog(const SimJob &job, std::size_t step)
{
    if (job.steps.empty())
        return job.log;
    const auto lineOf = [&](const std::string &name) -> std::size_t {
        if (name.empty())
            return std::string::npos;
        std::size_t pos = 0;
        while (pos < job.log.size()) {
            const auto end = job.log.find('\n', pos);
            const std::string line
                = job.log.substr(pos, end == std::string::npos ? end : end - pos);
            if (line.find(name) != std::string::npos)
                return pos;
            if (end == std::string::npos)
                break;
            pos = end + 1;
        }
        return std::string::npos;
    };
    const std::size_t from = lineOf(job.steps[step].name);
    if (from != std::string::npos) {
        std::size_t to = std::string::npos;
        for (std::size_t n = step + 1; n < job.steps.size() && to == std::string::npos; ++n)
            to = lineOf(job.steps[n].name);
        return job.log.substr(from, to == std::string::npos || to < from ? to : to - from);
    }
    std::size_t last = 0;
    for (std::size_t n = 0; n < job.steps.size(); ++n)
        if (job.steps[n].state != SimRunState::Queued)
            last = n;
    return step == last ? job.log : std::string();
}

// One line of the engine's log (GitHub-style: "2026-12-07T10:00:00Z ##[group]npm ci") as a
// Jenkins console shows it: without the timestamp, a step as "+ npm ci", errors as "ERROR:";
// empty for lines Jenkins has no equivalent of (##[endgroup]).
std::string consoleLine(const std::string &line)
{
    std::string text = line;
    if (text.size() > 21 && text[4] == '-' && text[10] == 'T' && text[19] == 'Z' && text[20] == ' ')
        text = text.substr(21);
    if (text.rfind("Job ", 0) == 0 && text.find(" started on runner ") != std::string::npos)
        return "Running on agent-1 in /home/jenkins/agent/workspace";
    if (text.rfind("##[group]", 0) == 0)
        return "+ " + text.substr(9);
    if (text.rfind("##[endgroup]", 0) == 0)
        return {};
    if (text.rfind("##[error]", 0) == 0)
        return "ERROR: " + text.substr(9);
    return text;
}

// A whole log converted line by line.
std::string consoleText(const std::string &log)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < log.size()) {
        auto nl = log.find('\n', pos);
        if (nl == std::string::npos)
            nl = log.size();
        const std::string line = consoleLine(log.substr(pos, nl - pos));
        if (!line.empty())
            out += line + "\n";
        pos = nl + 1;
    }
    return out;
}

} // namespace

long long millis(Clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::string JobRef::shortName() const
{
    const auto parts = splitName(spec.source);
    return parts.empty() ? spec.source : parts.back();
}

std::string JobRef::displayName() const
{
    // A multibranch project's branch job is shown as its branch ("feature/x").
    if (!spec.multibranch.empty())
        return spec.defaultBranch;
    return spec.name.empty() ? shortName() : spec.name;
}

std::string JobRef::path() const
{
    std::string p;
    for (const auto &part : splitName(spec.source))
        p += "job/" + urlEncode(part) + "/";
    return p;
}

std::string JobRef::rootRelative() const
{
    // base is https://HOST/jenkins/: keep its path.
    const auto scheme = base.find("://");
    const auto slash = base.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return (slash == std::string::npos ? std::string("/") : base.substr(slash)) + path();
}

std::vector<StageLayout> layout(const SimRun &run)
{
    std::vector<StageLayout> stages;
    for (std::size_t i = 0; i < run.jobs.size(); ++i) {
        const SimJob &job = run.jobs[i];
        const std::string stage = job.stage.empty() ? jobName(job) : job.stage;
        auto it = std::find_if(stages.begin(), stages.end(),
                               [&](const StageLayout &s) { return s.name == stage; });
        if (it == stages.end()) {
            stages.push_back({});
            stages.back().name = stage;
            it = stages.end() - 1;
        }
        it->jobs.push_back(i);
    }
    int next = 3; // Jenkins' FlowStartNode is 2
    for (StageLayout &stage : stages) {
        stage.id = std::to_string(next++);
        stage.parallel = stage.jobs.size() > 1;
        for (std::size_t i : stage.jobs) {
            stage.branchIds.push_back(stage.parallel ? std::to_string(next++) : std::string());
            std::vector<std::string> steps;
            const std::size_t count = std::max<std::size_t>(1, run.jobs[i].steps.size());
            for (std::size_t s = 0; s < count; ++s)
                steps.push_back(std::to_string(next++));
            stage.stepIds.push_back(steps);
        }
    }
    return stages;
}

std::string wfapiStatus(SimRunState state)
{
    switch (state) {
    case SimRunState::Queued:
    case SimRunState::Skipped: return "NOT_EXECUTED";
    case SimRunState::Waiting: return "PAUSED_PENDING_INPUT";
    case SimRunState::Running: return "IN_PROGRESS";
    case SimRunState::Success: return "SUCCESS";
    case SimRunState::Failure: return "FAILED";
    case SimRunState::Cancelled: return "ABORTED";
    }
    return "NOT_EXECUTED";
}

std::string runStatus(const SimRun &run)
{
    if (run.state == SimRunState::Queued)
        return "IN_PROGRESS";
    return wfapiStatus(run.state);
}

bool building(const SimRun &run)
{
    return !finished(run.state);
}

json result(const SimRun &run)
{
    switch (run.state) {
    case SimRunState::Success: return "SUCCESS";
    case SimRunState::Failure: return "FAILURE";
    case SimRunState::Cancelled: return "ABORTED";
    case SimRunState::Skipped: return "NOT_BUILT";
    default: return nullptr;
    }
}

std::string color(const std::vector<SimRun> &runs)
{
    if (runs.empty())
        return "notbuilt";
    const SimRun &last = runs.front();
    // While building, the colour of the last completed build, animated.
    const SimRun *completed = nullptr;
    for (const SimRun &r : runs)
        if (!building(r)) {
            completed = &r;
            break;
        }
    std::string c = "notbuilt";
    if (completed) {
        const std::string r = resultWord(*completed);
        c = r == "SUCCESS"   ? "blue"
            : r == "FAILURE" ? "red"
            : r == "ABORTED" ? "aborted"
                             : "notbuilt";
    }
    return building(last) ? c + "_anime" : c;
}

std::string inputId(const SimJob &job)
{
    // Jenkins capitalises input ids; the job id keeps it unique in the build.
    std::string name;
    for (char c : jobName(job))
        if (std::isalnum((unsigned char)c))
            name += c;
    if (!name.empty())
        name[0] = char(std::toupper((unsigned char)name[0]));
    return (name.empty() ? std::string("Input") : name) + std::to_string(job.id);
}

json buildJson(const JobRef &job, const SimRun &run, const std::vector<SimRun> &runs)
{
    json actions = json::array();
    if (!run.inputs.empty()) {
        json parameters = json::array();
        for (const auto &[k, v] : run.inputs)
            parameters.push_back(
                {{"_class", "hudson.model.StringParameterValue"}, {"name", k}, {"value", v}});
        actions.push_back(
            {{"_class", "hudson.model.ParametersAction"}, {"parameters", parameters}});
    }
    json cause = run.event == "push" ? json{{"_class", "com.cloudbees.jenkins.GitHubPushCause"},
                                            {"shortDescription", causeLine(run)}}
                 : run.event == "schedule"
                     ? json{{"_class", "hudson.triggers.TimerTrigger$TimerTriggerCause"},
                            {"shortDescription", causeLine(run)}}
                     : json{{"_class", "hudson.model.Cause$UserIdCause"},
                            {"shortDescription", causeLine(run)},
                            {"userId", run.actor},
                            {"userName", run.actor}};
    actions.push_back({{"_class", "hudson.model.CauseAction"}, {"causes", json::array({cause})}});
    actions.push_back(
        {{"_class", "hudson.plugins.git.util.BuildData"},
         {"lastBuiltRevision",
          {{"SHA1", run.sha},
           {"branch",
            json::array({{{"SHA1", run.sha}, {"name", "refs/remotes/origin/" + run.branch}}})}}},
         {"remoteUrls", json::array({"https://github.com/" + job.fullName() + ".git"})},
         {"scmName", ""}});
    if (std::any_of(run.jobs.begin(), run.jobs.end(),
                    [](const SimJob &j) { return j.state == SimRunState::Waiting; }))
        actions.push_back({{"_class", "org.jenkinsci.plugins.workflow.support.steps.input."
                                      "InputAction"}});

    const auto neighbour = [&](int number) -> json {
        for (const SimRun &r : runs)
            if (r.number == number)
                return {{"number", r.number}, {"url", job.url() + std::to_string(r.number) + "/"}};
        return nullptr;
    };
    long long estimated = 0, count = 0;
    for (const SimRun &r : runs)
        if (r.state == SimRunState::Success && r.startedAt && r.finishedAt) {
            estimated += millis(*r.finishedAt) - millis(*r.startedAt);
            ++count;
        }
    const bool isBuilding = building(run);
    return {
        {"_class", WorkflowRunClass},
        {"actions", actions},
        {"artifacts", json::array()},
        {"building", isBuilding},
        {"description", nullptr},
        {"displayName", "#" + std::to_string(run.number)},
        {"duration", isBuilding ? 0 : durationMillis(run.startedAt, run.finishedAt, run.updatedAt)},
        {"estimatedDuration", count ? estimated / count : -1},
        {"executor", isBuilding ? json{{"_class", "hudson.model.OneOffExecutor"}} : json()},
        {"fullDisplayName", job.fullName() + " #" + std::to_string(run.number)},
        {"id", std::to_string(run.number)},
        {"keepLog", false},
        {"number", run.number},
        {"queueId", run.id},
        {"result", result(run)},
        {"timestamp", millis(runStart(run))},
        {"url", job.url() + std::to_string(run.number) + "/"},
        {"changeSets",
         json::array(
             {{{"_class", "org.jenkinsci.plugins.workflow.job.WorkflowRun$"
                          "ChangeSetList"},
               {"kind", "git"},
               {"items", json::array({{{"commitId", run.sha},
                                       {"msg", run.message.substr(0, run.message.find('\n'))},
                                       {"comment", run.message},
                                       {"author", {{"fullName", run.actor}}}}})}}})},
        {"culprits", json::array()},
        {"inProgress", isBuilding},
        {"nextBuild", neighbour(run.number + 1)},
        {"previousBuild", neighbour(run.number - 1)}};
}

json jobSummary(const JobRef &job, const std::vector<SimRun> &runs)
{
    return {{"_class", WorkflowJobClass},
            {"name", job.shortName()},
            {"url", job.url()},
            {"color", color(runs)}};
}

json jobJson(const JobRef &job, const std::vector<SimRun> &runs, bool deep)
{
    const auto ref = [&](const SimRun &r) -> json {
        if (deep)
            return buildJson(job, r, runs);
        return {{"_class", WorkflowRunClass},
                {"number", r.number},
                {"url", job.url() + std::to_string(r.number) + "/"}};
    };
    const auto first = [&](auto pred) -> json {
        for (const SimRun &r : runs)
            if (pred(r))
                return ref(r);
        return nullptr;
    };
    json builds = json::array();
    for (std::size_t i = 0; i < runs.size() && i < 100; ++i)
        builds.push_back(ref(runs[i]));
    json parameters = json::array();
    for (const auto &[k, v] : job.spec.inputs)
        parameters.push_back(
            {{"_class", "hudson.model.StringParameterDefinition"},
             {"defaultParameterValue",
              {{"_class", "hudson.model.StringParameterValue"}, {"name", k}, {"value", v}}},
             {"description", ""},
             {"name", k},
             {"type", "StringParameterDefinition"}});
    json property = json::array();
    if (!parameters.empty())
        property.push_back({{"_class", "hudson.model.ParametersDefinitionProperty"},
                            {"parameterDefinitions", parameters}});
    int nextNumber = 1;
    for (const SimRun &r : runs)
        nextNumber = std::max(nextNumber, r.number + 1);
    int successes = 0, total = 0;
    for (std::size_t i = 0; i < runs.size() && total < 5; ++i)
        if (!building(runs[i])) {
            ++total;
            successes += runs[i].state == SimRunState::Success;
        }
    const int score = total ? successes * 100 / total : 100;
    return {
        {"_class", WorkflowJobClass},
        {"actions", json::array()},
        {"description", ""},
        {"displayName", job.displayName()},
        {"displayNameOrNull", job.spec.name.empty() || !job.spec.multibranch.empty()
                                  ? json(nullptr)
                                  : json(job.spec.name)},
        {"fullDisplayName", job.displayName()},
        {"fullName", job.fullName()},
        {"name", job.shortName()},
        {"url", job.url()},
        {"buildable", true},
        {"builds", builds},
        {"color", color(runs)},
        {"firstBuild", runs.empty() ? json(nullptr) : ref(runs.back())},
        {"healthReport",
         json::array({{{"description", "Build stability: " + std::to_string(total - successes)
                                           + " out of the last " + std::to_string(total)
                                           + " builds failed."},
                       {"iconUrl", score >= 80 ? "health-80plus.png" : "health-40to59.png"},
                       {"score", score}}})},
        {"inQueue", false},
        {"keepDependencies", false},
        {"lastBuild", runs.empty() ? json(nullptr) : ref(runs.front())},
        {"lastCompletedBuild", first([](const SimRun &r) { return !building(r); })},
        {"lastFailedBuild", first([](const SimRun &r) { return r.state == SimRunState::Failure; })},
        {"lastStableBuild", first([](const SimRun &r) { return r.state == SimRunState::Success; })},
        {"lastSuccessfulBuild",
         first([](const SimRun &r) { return r.state == SimRunState::Success; })},
        {"lastUnstableBuild", nullptr},
        {"lastUnsuccessfulBuild",
         first([](const SimRun &r) { return !building(r) && r.state != SimRunState::Success; })},
        {"nextBuildNumber", nextNumber},
        {"property", property},
        {"queueItem", nullptr},
        {"concurrentBuild", true},
        {"resumeBlocked", false}};
}

json folderJson(const std::string &base, const std::string &fullName, const json &children,
                bool multibranch)
{
    std::string path;
    for (const auto &part : splitName(fullName))
        path += "job/" + urlEncode(part) + "/";
    const auto parts = splitName(fullName);
    const std::string name = parts.empty() ? fullName : parts.back();
    return {{"_class", multibranch ? MultiBranchClass : FolderClass},
            {"actions", json::array()},
            {"description", nullptr},
            {"displayName", name},
            {"displayNameOrNull", nullptr},
            {"fullDisplayName", fullName},
            {"fullName", fullName},
            {"name", name},
            {"url", base + path},
            {"healthReport", json::array()},
            {"jobs", children},
            {"primaryView",
             {{"_class", "hudson.model.AllView"}, {"name", "All"}, {"url", base + path}}},
            {"views",
             json::array(
                 {{{"_class", "hudson.model.AllView"}, {"name", "All"}, {"url", base + path}}})}};
}

json wfapiJob(const JobRef &job, const std::vector<SimRun> &runs)
{
    return {{"_links",
             {{"self", link(job.rootRelative() + "wfapi/describe")},
              {"runs", link(job.rootRelative() + "wfapi/runs")}}},
            {"name", job.shortName()},
            {"runCount", runs.size()}};
}

json wfapiRun(const JobRef &job, const SimRun &run)
{
    json links = {{"self", link(buildRelative(job, run) + "wfapi/describe")}};
    const std::string status = runStatus(run);
    if (status == "PAUSED_PENDING_INPUT")
        links["pendingInputActions"] = link(buildRelative(job, run) + "wfapi/pendingInputActions");
    json stages = json::array();
    for (const StageLayout &stage : layout(run))
        stages.push_back(stageSummary(job, run, stage));
    const Clock::time_point start = runStart(run);
    const long long duration = durationMillis(start, run.finishedAt, run.updatedAt);
    return {{"_links", links},
            {"id", std::to_string(run.number)},
            {"name", "#" + std::to_string(run.number)},
            {"status", status},
            {"startTimeMillis", millis(start)},
            {"endTimeMillis", millis(start) + duration},
            {"durationMillis", duration},
            {"queueDurationMillis",
             run.startedAt ? std::max<long long>(0, millis(*run.startedAt) - millis(run.createdAt))
                           : 0},
            {"pauseDurationMillis", 0},
            {"stages", stages}};
}

json wfapiRuns(const JobRef &job, const std::vector<SimRun> &runs)
{
    // The stage view lists the last ten runs, newest first, without paging.
    json out = json::array();
    for (std::size_t i = 0; i < runs.size() && i < 10; ++i)
        out.push_back(wfapiRun(job, runs[i]));
    return out;
}

std::optional<json> wfapiNode(const JobRef &job, const SimRun &run, const std::string &nodeId)
{
    for (const StageLayout &stage : layout(run)) {
        if (stage.id == nodeId) {
            json n = stageSummary(job, run, stage);
            json nodes = json::array();
            for (std::size_t k = 0; k < stage.jobs.size(); ++k) {
                if (stage.parallel) {
                    const SimJob &simJob = run.jobs[stage.jobs[k]];
                    json branch = stepNode(job, run, simJob, nullptr, stage.branchIds[k], stage.id);
                    branch["name"] = "Branch: " + jobName(simJob);
                    branch["parameterDescription"] = jobName(simJob);
                    branch["_links"].erase("log");
                    nodes.push_back(branch);
                    appendSteps(nodes, job, run, stage, k, stage.branchIds[k]);
                } else {
                    appendSteps(nodes, job, run, stage, k, stage.id);
                }
            }
            n["stageFlowNodes"] = nodes;
            const SimRunState state = aggregate(run, stage.jobs);
            if (state == SimRunState::Failure)
                n["error"] = {{"message", "script returned exit code 1"},
                              {"type", "hudson.AbortException"}};
            return n;
        }
        for (std::size_t k = 0; k < stage.jobs.size(); ++k) {
            const SimJob &simJob = run.jobs[stage.jobs[k]];
            if (stage.parallel && stage.branchIds[k] == nodeId) {
                json branch = stepNode(job, run, simJob, nullptr, nodeId, stage.id);
                branch["name"] = "Branch: " + jobName(simJob);
                json nodes = json::array();
                appendSteps(nodes, job, run, stage, k, nodeId);
                branch["stageFlowNodes"] = nodes;
                return branch;
            }
            const auto &ids = stage.stepIds[k];
            for (std::size_t s = 0; s < ids.size(); ++s)
                if (ids[s] == nodeId)
                    return stepNode(job, run, simJob,
                                    s < simJob.steps.size() ? &simJob.steps[s] : nullptr, nodeId,
                                    s == 0 ? (stage.parallel ? stage.branchIds[k] : stage.id)
                                           : ids[s - 1]);
        }
    }
    return std::nullopt;
}

std::optional<json> wfapiNodeLog(const JobRef &job, const SimRun &run, const std::string &nodeId)
{
    for (const StageLayout &stage : layout(run)) {
        for (std::size_t k = 0; k < stage.jobs.size(); ++k) {
            const SimJob &simJob = run.jobs[stage.jobs[k]];
            std::string text;
            bool found = false;
            SimRunState state = simJob.state;
            if (stage.id == nodeId || (stage.parallel && stage.branchIds[k] == nodeId)) {
                if (stage.id == nodeId) {
                    for (std::size_t i : stage.jobs)
                        text += consoleText(run.jobs[i].log);
                    state = aggregate(run, stage.jobs);
                } else {
                    text = consoleText(simJob.log);
                }
                found = true;
            }
            const auto &ids = stage.stepIds[k];
            for (std::size_t s = 0; s < ids.size() && !found; ++s)
                if (ids[s] == nodeId) {
                    text = consoleText(stepLog(simJob, s));
                    if (s < simJob.steps.size())
                        state = simJob.steps[s].state;
                    found = true;
                }
            if (found)
                return json{
                    {"nodeId", nodeId},
                    {"nodeStatus", wfapiStatus(state)},
                    {"length", text.size()},
                    {"hasMore", !finished(state)},
                    {"text", text},
                    {"consoleUrl", buildRelative(job, run) + "execution/node/" + nodeId + "/log"}};
        }
    }
    return std::nullopt;
}

json pendingInputActions(const JobRef &job, const SimRun &run)
{
    json out = json::array();
    for (const SimJob &j : run.jobs)
        if (j.state == SimRunState::Waiting) {
            const std::string id = inputId(j);
            const std::string base = buildRelative(job, run) + "input/" + id + "/";
            out.push_back({{"id", id},
                           {"message", "Proceed with " + jobName(j) + "?"},
                           {"proceedText", "Proceed"},
                           {"inputs", json::array()},
                           {"proceedUrl", base + "proceedEmpty"},
                           {"abortUrl", base + "abort"},
                           {"redirectApprovalUrl", buildRelative(job, run) + "input/"}});
        }
    return out;
}

json blueNodes(const JobRef &job, const SimRun &run)
{
    const auto stages = layout(run);
    std::string blueBase = job.rootRelative();
    {
        // /jenkins/job/a/job/b/ ->
        // /jenkins/blue/rest/organizations/jenkins/pipelines/a/pipelines/b/
        const auto jobPos = blueBase.find("job/");
        std::string root = blueBase.substr(0, jobPos);
        std::string pipelines;
        for (const auto &part : splitName(job.fullName()))
            pipelines += "pipelines/" + urlEncode(part) + "/";
        blueBase = root + "blue/rest/organizations/jenkins/" + pipelines + "runs/"
                   + std::to_string(run.number) + "/nodes/";
    }
    json out = json::array();
    const auto node = [&](const std::string &id, const std::string &name, const char *type,
                          SimRunState state, std::optional<Clock::time_point> start,
                          std::optional<Clock::time_point> end, json firstParent, json edges) {
        json n = {
            {"_class", BlueNodeClass},
            {"_links",
             {{"self",
               {{"_class", "io.jenkins.blueocean.rest.hal.Link"}, {"href", blueBase + id + "/"}}}}},
            {"actions", json::array()},
            {"displayDescription", nullptr},
            {"displayName", name},
            {"durationInMillis", durationMillis(start, end, run.updatedAt)},
            {"id", id},
            {"input", nullptr},
            {"result", blueResult(state)},
            {"startTime", start ? json(blueTime(*start)) : json(nullptr)},
            {"state", blueState(state)},
            {"type", type},
            {"causeOfBlockage", nullptr},
            {"edges", edges},
            {"firstParent", firstParent},
            {"restartable", false}};
        return n;
    };
    const auto edge = [](const std::string &id, const char *type) {
        return json{{"_class", "io.jenkins.blueocean.rest.impl.pipeline.PipelineNodeImpl$EdgeImpl"},
                    {"id", id},
                    {"type", type}};
    };
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const StageLayout &stage = stages[i];
        const json next = i + 1 < stages.size() ? json::array({edge(stages[i + 1].id, "STAGE")})
                                                : json::array();
        json edges = next;
        if (stage.parallel) {
            edges = json::array();
            for (const auto &b : stage.branchIds)
                edges.push_back(edge(b, "PARALLEL"));
        }
        json n = node(stage.id, stage.name, "STAGE", aggregate(run, stage.jobs),
                      earliestStart(run, stage.jobs), latestFinish(run, stage.jobs),
                      i == 0 ? json(nullptr) : json(stages[i - 1].id), edges);
        if (!stage.parallel) {
            const SimJob &j = run.jobs[stage.jobs[0]];
            if (j.state == SimRunState::Waiting)
                n["input"] = {{"_class", "io.jenkins.blueocean.rest.impl.pipeline.InputStepImpl"},
                              {"id", inputId(j)},
                              {"message", "Proceed with " + jobName(j) + "?"},
                              {"ok", "Proceed"},
                              {"parameters", json::array()},
                              {"submitter", nullptr}};
        }
        out.push_back(n);
        if (stage.parallel)
            for (std::size_t k = 0; k < stage.jobs.size(); ++k) {
                const SimJob &j = run.jobs[stage.jobs[k]];
                out.push_back(node(stage.branchIds[k], jobName(j), "PARALLEL", j.state, j.startedAt,
                                   j.finishedAt, stage.id, next));
            }
    }
    return out;
}

std::optional<std::vector<TreeNode>> parseTree(const std::string &tree)
{
    if (tree.size() > 4096)
        return std::nullopt;
    std::size_t pos = 0;
    const auto isName
        = [](char c) { return std::isalnum((unsigned char)c) || c == '_' || c == '$' || c == '-'; };
    // Recursive descent with an explicit depth bound.
    std::function<bool(std::vector<TreeNode> &, int)> list;
    const auto range = [&](TreeNode &node) {
        // {m,n} {m,} {,n} {m}
        ++pos;
        const auto number = [&]() -> std::optional<std::size_t> {
            std::size_t start = pos;
            while (pos < tree.size() && std::isdigit((unsigned char)tree[pos]) && pos - start < 9)
                ++pos;
            if (start == pos)
                return std::nullopt;
            return std::size_t(std::stoul(tree.substr(start, pos - start)));
        };
        const auto from = number();
        std::size_t lo = from.value_or(0), hi = std::size_t(-1);
        if (pos < tree.size() && tree[pos] == ',') {
            ++pos;
            if (const auto to = number())
                hi = *to;
        } else if (from) {
            hi = *from + 1;
        }
        if (pos >= tree.size() || tree[pos] != '}' || hi < lo)
            return false;
        ++pos;
        node.range = std::make_pair(lo, hi);
        return true;
    };
    list = [&](std::vector<TreeNode> &out, int depth) -> bool {
        if (depth > 16)
            return false;
        while (true) {
            TreeNode node;
            const std::size_t start = pos;
            while (pos < tree.size() && isName(tree[pos]))
                ++pos;
            if (pos == start)
                return false;
            node.name = tree.substr(start, pos - start);
            if (pos < tree.size() && tree[pos] == '[') {
                ++pos;
                if (!list(node.children, depth + 1))
                    return false;
                if (pos >= tree.size() || tree[pos] != ']')
                    return false;
                ++pos;
            }
            if (pos < tree.size() && tree[pos] == '{' && !range(node))
                return false;
            out.push_back(std::move(node));
            if (pos < tree.size() && tree[pos] == ',') {
                ++pos;
                continue;
            }
            return true;
        }
    };
    std::vector<TreeNode> nodes;
    if (!list(nodes, 0) || pos != tree.size())
        return std::nullopt;
    return nodes;
}

json applyTree(const json &value, const std::vector<TreeNode> &tree)
{
    if (value.is_array()) {
        json out = json::array();
        for (const json &v : value)
            out.push_back(applyTree(v, tree));
        return out;
    }
    if (!value.is_object())
        return value;
    json out = json::object();
    if (value.contains("_class"))
        out["_class"] = value["_class"];
    for (const TreeNode &node : tree) {
        if (!value.contains(node.name))
            continue;
        json child = value[node.name];
        if (node.range && child.is_array()) {
            json sliced = json::array();
            for (std::size_t i = node.range->first; i < child.size() && i < node.range->second; ++i)
                sliced.push_back(child[i]);
            child = sliced;
        }
        if (!node.children.empty())
            child = applyTree(child, node.children);
        else if (child.is_object() || (child.is_array() && !child.empty() && child[0].is_object()))
            child = applyTree(child, {}); // only _class, as Jenkins does
        out[node.name] = child;
    }
    return out;
}

void ConsoleLog::update(const SimRun &run)
{
    if (run.attempt != m_attempt) {
        *this = ConsoleLog();
        m_attempt = run.attempt;
    }
    if (m_complete)
        return;
    if (!m_started) {
        m_text += causeLine(run) + "\n";
        m_text += "[Pipeline] Start of Pipeline\n";
        m_started = true;
    }
    if (m_jobs.size() < run.jobs.size())
        m_jobs.resize(run.jobs.size());
    const auto stages = layout(run);
    if (m_stageOpen.size() < stages.size()) {
        m_stageOpen.resize(stages.size());
        m_stageClosed.resize(stages.size());
    }
    for (std::size_t s = 0; s < stages.size(); ++s) {
        const StageLayout &stage = stages[s];
        if (m_stageClosed[s])
            continue;
        const bool anyStarted = std::any_of(stage.jobs.begin(), stage.jobs.end(),
                                            [&](std::size_t i) { return started(run.jobs[i]); });
        if (!anyStarted)
            continue;
        if (!m_stageOpen[s]) {
            m_text += "[Pipeline] stage\n[Pipeline] { (" + stage.name + ")\n";
            if (stage.parallel)
                m_text += "[Pipeline] parallel\n";
            m_stageOpen[s] = true;
        }
        bool allClosed = true;
        for (std::size_t i : stage.jobs) {
            const SimJob &job = run.jobs[i];
            JobProgress &p = m_jobs[i];
            std::string prefix;
            if (stage.parallel) {
                prefix.append("[").append(jobName(job)).append("] ");
            }
            if (!p.opened && started(job)) {
                if (stage.parallel)
                    m_text += "[Pipeline] { (Branch: " + jobName(job) + ")\n";
                if (job.state == SimRunState::Skipped)
                    m_text += prefix + "Stage \"" + jobName(job)
                              + "\" skipped due to earlier failure(s)\n";
                p.opened = true;
            }
            if (p.opened && !p.asked && job.state == SimRunState::Waiting) {
                m_text += prefix + "[Pipeline] input\n" + prefix + "Proceed with " + jobName(job)
                          + "?\n" + prefix + "Proceed or Abort\n";
                p.asked = true;
            }
            if (p.opened && job.log.size() > p.emitted) {
                const bool done = finished(job.state);
                std::size_t end = done ? job.log.size() : job.log.rfind('\n') + 1;
                if (!done && job.log.rfind('\n') == std::string::npos)
                    end = 0;
                if (end > p.emitted) {
                    std::size_t pos = p.emitted;
                    while (pos < end) {
                        auto nl = job.log.find('\n', pos);
                        if (nl == std::string::npos || nl >= end)
                            nl = end - 1;
                        std::string line = job.log.substr(pos, nl - pos + 1);
                        if (line.back() == '\n')
                            line.pop_back();
                        line = consoleLine(line);
                        if (!line.empty())
                            m_text += prefix + line + "\n";
                        pos = nl + 1;
                    }
                    p.emitted = end;
                }
            }
            if (p.opened && !p.closed && finished(job.state) && p.emitted >= job.log.size()) {
                if (job.state == SimRunState::Failure)
                    m_text += prefix + "ERROR: script returned exit code 1\n";
                if (stage.parallel)
                    m_text += "[Pipeline] }\n";
                p.closed = true;
            }
            allClosed = allClosed && p.closed;
        }
        if (allClosed) {
            if (stage.parallel)
                m_text += "[Pipeline] // parallel\n";
            m_text += "[Pipeline] }\n[Pipeline] // stage\n";
            m_stageClosed[s] = true;
        }
    }
    if (!building(run)) {
        m_text += "[Pipeline] End of Pipeline\n";
        m_text += "Finished: " + resultWord(run) + "\n";
        m_complete = true;
    }
}

} // namespace Orrery::Sim::Jenkins
