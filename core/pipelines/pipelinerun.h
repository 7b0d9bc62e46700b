// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Orrery {

// The CI/CD systems Orrery reads (docs/pipelines.md).
enum class PipelineProvider { GitHub, GitLab, Jenkins };

// "github", "gitlab", "jenkins" (stable: command line, JSON, settings keys).
QString pipelineProviderName(PipelineProvider provider);
// The inverse; false for anything else.
bool pipelineProviderFromName(const QString &name, PipelineProvider *provider);

// The one status vocabulary of runs, jobs/stages and steps, whatever the provider calls it.
// Each provider's parser maps its words onto these (GitHub status+conclusion, GitLab status,
// Jenkins result and stage-view status) and keeps the original word in `providerStatus`.
//   Queued   created, pending, queued, requested, waiting for a runner
//   Waiting  held for a person: a pending deployment, a Jenkins input step, a manual job
//   Running  in_progress, running, IN_PROGRESS
//   Succeeded success, SUCCESS
//   Failed   failure, failed, FAILURE, timed_out, startup_failure, UNSTABLE is Failed too
//   Cancelled cancelled, canceled, ABORTED
//   Skipped  skipped, NOT_EXECUTED, neutral
//   Unknown  anything else (shown as such, never as success)
enum class PipelineStatus {
    Unknown,
    Queued,
    Waiting,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Skipped
};

// "queued", "waiting", ... (stable, for JSON output and icon names).
QString pipelineStatusName(PipelineStatus status);
// Finished: Succeeded, Failed, Cancelled or Skipped.
bool pipelineStatusIsFinal(PipelineStatus status);

// One step of a job (GitHub steps, Jenkins stage-view stageFlowNodes); GitLab jobs have none.
struct PipelineStep
{
    QString name;
    int number = 0;
    PipelineStatus status = PipelineStatus::Unknown;
    QDateTime startedAt; // UTC; invalid when not started
    QDateTime finishedAt;

    bool operator==(const PipelineStep &) const = default;
};

// A node of the run diagram: a GitHub job, a GitLab job, a Jenkins stage or parallel branch.
struct PipelineJob
{
    QString id;    // provider id, unique in the run (GitHub job id, GitLab job id, Jenkins node id)
    QString name;  // as shown ("build (ubuntu, 20)")
    QString stage; // GitLab stage; Jenkins parent stage of a parallel branch; empty on GitHub
    QString group; // matrix group (GitHub "build" for "build (ubuntu, 20)"); empty when alone
    QStringList needs; // ids of the jobs this one waits for (the diagram's edges)
    PipelineStatus status = PipelineStatus::Unknown;
    QString providerStatus; // the provider's own words ("in_progress/null", "manual",
                            // "PAUSED_PENDING_INPUT")
    QDateTime startedAt;
    QDateTime finishedAt;
    QList<PipelineStep> steps;
    QString environment; // the deployment environment it targets, if any ("production")
    bool manual = false; // needs a person to start or approve it (manual job, input step, pending
                         // deployment)
    QString webUrl;      // the provider's page for the job
    QString runner;      // runner or agent name when known
    // A job that starts another run (a GitLab trigger job / bridge: downstream or child
    // pipeline): that run's source (project path) and id; empty otherwise.
    QString downstreamSource;
    QString downstreamRunId;

    bool operator==(const PipelineJob &) const = default;
};

// One run of a pipeline: a GitHub workflow run, a GitLab pipeline, a Jenkins build.
struct PipelineRun
{
    PipelineProvider provider = PipelineProvider::GitHub;
    QString source; // "owner/repo" (GitHub), project path (GitLab), job full name (Jenkins)
    QString id; // provider id of the run (GitHub run id, GitLab pipeline id, Jenkins build number)
    int number = 0;  // run_number / iid / build number: what people call "#123"
    int attempt = 1; // GitHub run_attempt; 1 elsewhere
    QString name;    // workflow name, pipeline ref, Jenkins job display name
    QString branch;
    QString commitSha; // full SHA when known
    QString commitMessage;
    QString event; // push, pull_request, workflow_dispatch, schedule, web, trigger, ...
    QString actor;
    PipelineStatus status = PipelineStatus::Unknown;
    QString providerStatus;
    QDateTime createdAt; // UTC
    QDateTime startedAt;
    QDateTime updatedAt;
    QDateTime finishedAt;
    QString webUrl;
    QList<PipelineJob> jobs; // empty until the run's jobs were fetched
    // Images the run produced ("registry/repo:tag" or "...@sha256:..."), when the provider
    // says (artifacts, build descriptions) or the link rule found them (docs/pipelines.md).
    QStringList images;

    bool operator==(const PipelineRun &) const = default;

    // Seconds from start (or creation) to finish, or to `now` while running; -1 unknown.
    qint64 durationSeconds(const QDateTime &now) const;
};

// A filter on runs lists (what the provider APIs can filter on; empty means any).
struct PipelineRunFilter
{
    QString branch;
    QString event;
    QString actor;
    PipelineStatus status = PipelineStatus::Unknown; // Unknown: any
    int limit = 50;                                  // newest first
};

} // namespace Orrery
