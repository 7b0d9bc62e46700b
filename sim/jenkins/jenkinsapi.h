// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/pipelineengine.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace Orrery::Sim::Jenkins {

// Jenkins' JSON shapes rendered from the pipeline engine's values: the remote API (api/json of
// the root, folders, WorkflowJobs and WorkflowRuns, with tree= and depth=), the Pipeline Stage
// View API (jenkinsci/pipeline-stage-view-plugin rest-api: wfapi/runs, wfapi/describe,
// execution/node/ID/wfapi/describe and /log, wfapi/pendingInputActions), Blue Ocean's nodes
// with edges, and the console log. Pure functions except ConsoleLog; the service
// (jenkinsservice.h) routes and calls the engine.
//
// Mapping: a Jenkins job is a PipelineSpec (provider jenkins) whose `source` is its full name
// (folders separated by '/'); a build is a SimRun (build number = run number, queue item id =
// run id); the run's jobs grouped by `stage` (in order of first appearance) are the pipeline's
// stages: a stage of one job is a plain stage, a stage of several jobs is a parallel stage whose
// branches are the jobs; a job's steps are the stage's flow nodes. A manual job is an input
// step waiting for approval (PAUSED_PENDING_INPUT).

struct JobRef
{
    std::string base; // https://127.0.0.1:PORT/jenkins/  (with the trailing slash)
    PipelineSpec spec;

    std::string fullName() const { return spec.source; }
    std::string shortName() const;
    std::string displayName() const;
    std::string key() const { return spec.source + "/" + spec.file; }
    // Path of the job from the server root, "job/a/job/b/" (names URL-encoded).
    std::string path() const;
    std::string url() const { return base + path(); } // absolute, trailing slash
    // "/jenkins/job/a/job/b/": the host-relative form the stage view's _links use.
    std::string rootRelative() const;
};

// One node of a run's flow graph as the stage view and Blue Ocean show it.
struct StageLayout
{
    std::string id;
    std::string name;
    bool parallel = false;
    std::vector<std::size_t> jobs;                 // indexes in SimRun::jobs
    std::vector<std::string> branchIds;            // per job, when parallel
    std::vector<std::vector<std::string>> stepIds; // per job: one node per step
};
std::vector<StageLayout> layout(const SimRun &run);

// Stage-view status words: NOT_EXECUTED, ABORTED, SUCCESS, IN_PROGRESS, PAUSED_PENDING_INPUT,
// FAILED.
std::string wfapiStatus(SimRunState state);
std::string runStatus(const SimRun &run);
// A build's result: null while building, else SUCCESS, FAILURE, ABORTED or NOT_BUILT.
nlohmann::json result(const SimRun &run);
bool building(const SimRun &run);
// The ball colour of a job from its last build: blue, red, aborted, notbuilt (+ "_anime").
std::string color(const std::vector<SimRun> &runsNewestFirst);

long long millis(std::chrono::system_clock::time_point t);

// The input step of a waiting manual job: id, message, proceed and abort URLs.
std::string inputId(const SimJob &job);

nlohmann::json buildJson(const JobRef &job, const SimRun &run, const std::vector<SimRun> &runs);
// depth 0: builds as {_class, number, url}; deep (a tree= asked for): full build objects.
nlohmann::json jobJson(const JobRef &job, const std::vector<SimRun> &runsNewestFirst, bool deep);
// A folder, or (multibranch) a multibranch project (WorkflowMultiBranchProject) whose jobs are
// its branches.
nlohmann::json folderJson(const std::string &base, const std::string &fullName,
                          const nlohmann::json &children, bool multibranch = false);
// {_class, name, url, color} of a job as listed in its folder.
nlohmann::json jobSummary(const JobRef &job, const std::vector<SimRun> &runsNewestFirst);

// Stage view.
nlohmann::json wfapiJob(const JobRef &job, const std::vector<SimRun> &runs);
nlohmann::json wfapiRun(const JobRef &job, const SimRun &run);
nlohmann::json wfapiRuns(const JobRef &job, const std::vector<SimRun> &runsNewestFirst);
std::optional<nlohmann::json> wfapiNode(const JobRef &job, const SimRun &run,
                                        const std::string &nodeId);
std::optional<nlohmann::json> wfapiNodeLog(const JobRef &job, const SimRun &run,
                                           const std::string &nodeId);
nlohmann::json pendingInputActions(const JobRef &job, const SimRun &run);

// Blue Ocean: GET /blue/rest/organizations/jenkins/pipelines/{a}/pipelines/{b}/runs/{n}/nodes/
nlohmann::json blueNodes(const JobRef &job, const SimRun &run);

// The `tree` parameter of the remote API: "jobs[name,url,builds[number,result]{0,10}]".
// Keeps the listed fields (and _class) of objects, recursively; {m,n} slices arrays. Tolerant:
// malformed or too deep (over 16 levels) trees give nullopt (Jenkins answers 400).
struct TreeNode
{
    std::string name;
    std::vector<TreeNode> children;
    std::optional<std::pair<std::size_t, std::size_t>> range;
};
std::optional<std::vector<TreeNode>> parseTree(const std::string &tree);
nlohmann::json applyTree(const nlohmann::json &value, const std::vector<TreeNode> &tree);

// The console of a build, append-only so progressiveText's offsets stay valid: each call to
// update() appends what the run's jobs logged since the last call (parallel branches' lines
// prefixed with [branch]), the [Pipeline] stage markers, and "Finished: RESULT" at the end.
class ConsoleLog
{
public:
    void update(const SimRun &run);
    const std::string &text() const { return m_text; }
    bool complete() const { return m_complete; }
    int attempt() const { return m_attempt; }

private:
    struct JobProgress
    {
        bool opened = false, closed = false, asked = false;
        std::size_t emitted = 0;
    };
    std::string m_text;
    std::vector<JobProgress> m_jobs;
    std::vector<bool> m_stageOpen, m_stageClosed;
    int m_attempt = 0;
    bool m_started = false, m_complete = false;
};

} // namespace Orrery::Sim::Jenkins
