// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Orrery::Sim {

class SimClock;

// The simulated CI/CD systems' one engine: pipeline definitions (from a scenario's
// `pipelines:` section) and the runs that advance through them in sim time. GitHub Actions
// (sim/github), GitLab CI (sim/gitlab) and Jenkins (sim/jenkins) are only API facades that
// render these values in their provider's shapes; none keeps run state of its own.
//
// Declared here so the facades can be written against it; the engine's behaviour is
// documented with its implementation (pipelineengine.cpp) and in docs/pipelines.md.

// What a job does besides taking time.
struct JobAction
{
    enum class Kind {
        None,
        PushImage,   // pushes `image` (with the run's tag rule) to the cluster's registry
        SetImage,    // sets `image` on cluster/namespace/kind/name (container: first if empty)
        HelmUpgrade, // a Helm release upgrade to `image` (sets the image on its workloads)
        // Rolls cluster/namespace/kind/name back to its previous revision; with a `platform`,
        // redeploys the platform target's previous image (PlatformDeploys::rollback).
        Rollback,
        // `flyctl deploy` / `railway up`: a new release of `image` on the `platform` target
        // `name` (front/platformdeploys.h), through the simulated Fly.io / Railway state.
        Deploy,
        // Probes the target: a `platform` target's health, else cluster/namespace/kind/name's
        // template images; fails when one of them crashes at start.
        HealthCheck
    };
    Kind kind = Kind::None;
    std::string platform; // Deploy, Rollback, HealthCheck: "fly", "railway"; "" Kubernetes
    std::string cluster;
    std::string ns;
    std::string kind_; // Deployment, StatefulSet
    std::string name;
    std::string container;
    // Image template: ${sha}, ${short_sha}, ${number} are replaced from the run (and
    // ${matrix} by the job's matrix value, also in name and container).
    std::string image;
    // PushImage: the pushed image's process exits with this code at start (-1: it keeps
    // running), for a scenario's broken release.
    int exitCode = -1;
};

struct JobSpec
{
    std::string id;                 // unique in the pipeline ("build", "deploy-prod")
    std::string name;               // as shown; defaults to id
    std::string stage;              // GitLab stage / Jenkins stage (parallel branches share it)
    std::vector<std::string> needs; // ids; empty: after the previous stage (or at once)
    std::vector<std::string> steps; // step names (checkout, build, push ...)
    double seconds = 10;            // sim-time duration
    bool fails = false;             // fails at its last step (scenario-driven failures)
    bool manual = false;            // waits for a person (GitLab manual job, Jenkins input)
    std::string environment;        // GitHub environment; protected ones wait for approval
    bool protectedEnvironment = false;
    std::string runsOnFailure; // "" normal; "failure": runs only when a need failed (rollback)
    std::vector<std::string> matrix; // one job per value: "build (value)"
    // What the job does, in order, when its last step starts (`action:` one, `actions:` a
    // list); the job fails when one fails (the following ones still run, as a script with
    // `|| status=1`).
    std::vector<JobAction> actions;
    // A GitLab trigger job (a bridge): instead of steps it starts a downstream pipeline, the
    // child pipeline of the same project whose file is `triggerInclude` (`trigger: include:`),
    // or the main pipeline of project `triggerProject` (a multi-project pipeline). With
    // `triggerDepend` (`strategy: depend`) the job's status mirrors that pipeline's; without,
    // it succeeds once the pipeline is created.
    std::string triggerProject;
    std::string triggerInclude;
    bool triggerDepend = false;
    bool isBridge() const { return !triggerProject.empty() || !triggerInclude.empty(); }
};

struct PipelineSpec
{
    std::string provider; // github | gitlab | jenkins
    std::string source;   // owner/repo (GitHub), group/project (GitLab), folder/job (Jenkins)
    std::string name;     // workflow name / pipeline name / job display name
    std::string file;     // .github/workflows/deploy.yml, .gitlab-ci.yml, Jenkinsfile
    std::string cluster;  // the simulated cluster it deploys to
    std::string defaultBranch = "main";
    std::vector<std::string> triggers;         // push, workflow_dispatch, schedule, ...
    std::map<std::string, std::string> inputs; // workflow_dispatch inputs / parameters: defaults
    std::vector<JobSpec> jobs;
    int historyRuns = 20; // finished runs generated at start so the lists are not empty
    // Credentials the provider's facade accepts (a GitHub token, a GitLab private token, a
    // Jenkins user:token); empty: the facade's default (see docs/pipelines.md).
    std::vector<std::string> tokens;
    // A child pipeline's file (`child: true`): only a parent's trigger job starts it (no
    // history, trigger() refuses it).
    bool child = false;
    // Jenkins: the multibranch project (its full name) this branch job is in, when the
    // scenario's pipeline has `branches:` (one spec per branch, source "PROJECT/ENCODED", the
    // branch name URL-encoded as Jenkins names branch jobs: feature/x is feature%2Fx; its
    // defaultBranch is the branch, its name the project's).
    std::string multibranch;
};

enum class SimRunState { Queued, Waiting, Running, Success, Failure, Cancelled, Skipped };

struct SimStep
{
    std::string name;
    int number = 0;
    SimRunState state = SimRunState::Queued;
    std::optional<std::chrono::system_clock::time_point> startedAt, finishedAt; // wall time
};

struct SimJob
{
    long long id = 0; // unique across the engine
    std::string specId;
    std::string name;
    std::string stage;
    std::vector<long long> needs; // ids of jobs in the same run
    SimRunState state = SimRunState::Queued;
    bool manual = false;
    std::string environment;
    bool waitingApproval = false;
    std::optional<std::chrono::system_clock::time_point> startedAt, finishedAt;
    std::vector<SimStep> steps;
    std::string log; // grows while running
    // A trigger job (JobSpec::isBridge): the run it started (0: none yet) and that run's
    // pipeline key; why it failed when it could not start one (GitLab's failure_reason).
    bool bridge = false;
    long long downstreamRunId = 0;
    std::string downstreamPipeline;
    std::string failureReason;
};

struct SimRun
{
    long long id = 0; // unique across the engine
    int number = 0;   // per pipeline
    int attempt = 1;
    std::string pipeline; // PipelineSpec::source + "/" + file: the key of its pipeline
    std::string branch;
    std::string sha;
    std::string message;
    std::string event;
    std::string actor;
    std::map<std::string, std::string> inputs;
    SimRunState state = SimRunState::Queued;
    std::chrono::system_clock::time_point createdAt, updatedAt;
    std::optional<std::chrono::system_clock::time_point> startedAt, finishedAt;
    std::vector<SimJob> jobs;
    std::vector<std::string> images; // what its PushImage jobs pushed
    // A run started by another run's trigger job: that run and job (0 otherwise), and how many
    // trigger jobs deep it is (at most PipelineEngine::MaxTriggerDepth).
    long long parentRunId = 0;
    long long parentJobId = 0;
    int depth = 0;
};

class ClusterAccess;

class PipelineEngine
{
public:
    // GitLab's limit on nested child pipelines: a trigger job of a run this deep fails
    // (reached_max_descendant_pipelines_depth), which also ends any cycle of trigger jobs.
    static constexpr int MaxTriggerDepth = 2;

    PipelineEngine(SimClock &clock, ClusterAccess &clusters);
    ~PipelineEngine();

    void addPipeline(PipelineSpec spec);
    std::vector<PipelineSpec> pipelines(const std::string &provider) const;

    // Snapshots (copies), newest first; advance() is applied before answering.
    std::vector<SimRun> runs(const std::string &pipelineKey) const;
    // The same without the jobs' logs (cheap copies, for lists).
    std::vector<SimRun> runSummaries(const std::string &pipelineKey) const;
    std::optional<SimRun> run(long long runId) const;

    // Actions; false with `error` set when refused (unknown id, wrong state, ...).
    std::optional<long long> trigger(const std::string &pipelineKey, const std::string &branch,
                                     const std::string &event, const std::string &actor,
                                     const std::map<std::string, std::string> &inputs,
                                     std::string *error);
    bool rerun(long long runId, bool failedOnly, std::string *error);
    // Runs one job of a finished run again, with every job downstream of it (GitHub's
    // "Re-run job", GitLab's job retry); attempt + 1.
    bool rerunJob(long long runId, long long jobId, std::string *error);
    bool cancel(long long runId, std::string *error);
    // Approves or rejects a waiting job (protected environment, manual job, input step).
    bool review(long long runId, long long jobId, bool approve, const std::string &actor,
                std::string *error);

    // Moves every run forward to the clock's now (called by every read; also from a timer so
    // deploys happen when nobody reads).
    void advance();

    // Calls advance() every `interval` of wall time on a thread of its own, until
    // stopTicking() (or the destructor). The facade that owns the engine starts it.
    void startTicking(std::chrono::milliseconds interval);
    void stopTicking();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The name of a matrix job, as GitHub Actions names it: a job name with a matrix expression
// (`${{ matrix.target }}`, any key, or the scenario's `${matrix}`) has it expanded
// ("Build ${{ matrix.target }}" -> "Build linux"); any other name gets the value appended
// ("Build" -> "Build (linux)"). Empty `value`: `name` (not a matrix job).
std::string matrixJobName(const std::string &name, const std::string &value);

} // namespace Orrery::Sim
