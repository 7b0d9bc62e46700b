// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "pipelines/githubresponse.h"
#include "pipelines/gitlabresponse.h"
#include "pipelines/jenkinsresponse.h"
#include "pipelines/pipelineclient.h"
#include "pipelines/pipelinerun.h"

#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

namespace Orrery {

// The pipeline actions (docs/pipelines.md, "Actions"; ids in OperationCatalog::pipelineIds()).
// RerunJob (appended: the values are stable) re-runs one job and what follows it.
enum class PipelineAction {
    Trigger,
    Rerun,
    RerunFailed,
    Cancel,
    Approve,
    Reject,
    DownloadLog,
    RerunJob
};

// What a pipeline action is about.
struct PipelineActionTarget
{
    QString source;   // "owner/repo", "group/project", Jenkins' "folder/job"
    QString runId;    // empty for a trigger (GitLab: the pipeline id, Jenkins: build number)
    QString jobId;    // approve/reject: the waiting job (empty: every environment the user may
                      // review; GitLab/Jenkins: the one manual job / input waiting); download,
                      // re-run job: the job
    QString workflow; // trigger: the workflow file or id ("deploy.yml"), or its name as a
                      // run shows it (GitHub: resolved by fetch(); empty: the only workflow)
};

// What a page asks for (the Pipelines page's buttons and menus): the action, what it is
// about, and its parameters.
struct PipelineActionRequest
{
    PipelineAction action = PipelineAction::Trigger;
    PipelineActionTarget target;
    PipelineTrigger trigger; // Trigger: ref and inputs / variables / parameters
    QString comment;         // Approve/Reject (GitHub's review comment)
    QString logFile;         // DownloadLog
};

// Trigger, re-run (all or failed jobs), cancel, approve or reject a pending deployment, and
// download a job's log, as operations on the one path every change takes (OperationRunner:
// parameters, confirmation, the audited run, report, undo). Like the silences, the writes are
// the provider's HTTP requests, sent through the audited ClusterWriteExecutor of the
// provider's own transport (PipelineConnection::transport, whose connection names the source
// as context and carries the credential: the audit log records the request, never a token).
//
//  - fetch() reads through the client (run(), pending deployments) and the repository
//    (GET /repos/{o}/{r}: its `permissions`), so the preview says what GitHub allows before
//    anything is sent: without push permission a trigger, re-run or cancel is refused with
//    that reason (plan()); a deployment the user may not review likewise.
//  - summary() names provider, repository, run and the environments concerned; protected
//    environments (a pending deployment, a job with an environment) are named in the
//    confirmation.
//  - nothingToDo(): cancelling a finished run, re-running one still going, approving when
//    nothing waits.
//  - undo(): a trigger or a re-run is undone by cancelling the run it started.
//  - DownloadLog only reads (GET the job's log, written to setLogFile()): it sends nothing
//    through the writer and is not in the audit log, like any other read.
//
// Per provider (supports()), each request the provider's own:
//  - GitHub Actions: all actions (above).
//  - GitLab CI (pipelineoperationsci.cpp): run a pipeline (POST /projects/:id/pipeline with
//    variables), re-run all (a new pipeline on the run's ref, GitLab's "Run pipeline"), retry
//    the failed jobs (pipelines/:pid/retry), retry one job (jobs/:id/retry), cancel, approve
//    = play a manual job (jobs/:id/play; GitLab has no rejection), download a trace. The
//    access check is the project's permissions (Developer, 30, or more to run, retry, cancel
//    or play). Writes carry the PRIVATE-TOKEN header, added when sent (GitLabClient::authorized).
//  - Jenkins: build with parameters (buildWithParameters, or build), re-run (build again with
//    the build's parameters), cancel = abort (stop), approve/reject an input step
//    (input/ID/proceedEmpty or abort), download the console. The check: the job is buildable
//    (not disabled) and, for an input, one waits. POSTs carry a crumb
//    (JenkinsClient::withCrumb), fetched again once when Jenkins no longer accepts it.
class PipelineOperation : public ClusterOperation
{
    Q_OBJECT
public:
    // `client` and `transport` as connectPipelineSource() gives them (the client keeps the
    // transport alive).
    PipelineOperation(std::shared_ptr<PipelineClient> client, HttpTransport *transport,
                      PipelineAction action, PipelineActionTarget target,
                      QObject *parent = nullptr);

    // The operation a page's request names, its parameters set (not fetched).
    static PipelineOperation *create(std::shared_ptr<PipelineClient> client,
                                     HttpTransport *transport, const PipelineActionRequest &request,
                                     QObject *parent = nullptr);

    // The catalogue id of an action ("pipeline-rerun-failed") and back.
    static QString actionId(PipelineAction action);
    static std::optional<PipelineAction> actionFromId(const QString &id);
    // Whether `provider` has `action` (GitLab cannot reject a manual job, Jenkins re-runs only
    // whole builds, ...).
    static bool supports(PipelineProvider provider, PipelineAction action);

    PipelineAction action() const { return m_action; }
    const PipelineActionTarget &pipelineTarget() const { return m_target; }

    // Parameters.
    void setTrigger(const PipelineTrigger &trigger); // ref and inputs (workflow from target)
    void setComment(const QString &comment);         // approve/reject
    void setLogFile(const QString &path);            // download

    // After fetch().
    const std::optional<PipelineRun> &pipelineRun() const { return m_run; }
    const QList<GitHubPendingDeployment> &pendingDeployments() const { return m_pending; }
    // What the provider said about the user's rights, empty when it allows or cannot tell.
    QString accessProblem() const;
    // After a successful trigger: the run it started, when it could be found.
    const QString &startedRunId() const { return m_startedRunId; }

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    // The audit log's kind: WorkflowRun (GitHub), Pipeline (GitLab), Build (Jenkins).
    QString objectKind() const override;
    Scope scope() const override;
    // Nothing the Kubernetes API server decides: the provider's checks are in fetch().
    QList<AccessCheck> requiredAccess() const override { return {}; }
    // About a CI provider, not a cluster: runs without a cluster session.
    bool needsSession() const override { return false; }
    void fetch(Done done) override;
    QString nothingToDo() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    QStringList summary() const override;
    QString details() const override;
    // The CI providers have no dry run: says so and what was checked here.
    void dryRun(WriteExecutor *writer, DryRunDone done) override;
    void run(WriteExecutor *writer) override;
    Factory undo() const override;
    QString undoText() const override;

private:
    QString runName() const;
    QString where() const;
    QStringList environments() const; // the run's jobs' environments, pending ones first
    void finishWith(bool ok, const QString &line, const QString &explanation,
                    std::optional<std::pair<PlannedWrite, Result<ApiResponse>>> failure = {});
    void findStartedRun(const PlannedWrite &write, const Result<ApiResponse> &response,
                        int attemptsLeft);
    void downloadLog(qint64 offset, std::shared_ptr<QByteArray> text);
    PipelineProvider provider() const;
    const PipelineJob *targetJob() const;
    // The manual jobs (GitLab) waiting to be played in the fetched run.
    QList<const PipelineJob *> waitingManualJobs() const;
    // The provider's own requests (pipelineoperationsci.cpp).
    void fetchGitLab(Done done);
    void fetchJenkins(Done done);
    Result<QList<PlannedWrite>> planGitLab(PlannedWrite w) const;
    Result<QList<PlannedWrite>> planJenkins(PlannedWrite w) const;
    // Sends `write` through `writer` with what the provider needs on the wire (GitLab's token
    // header, Jenkins' crumb; once more with a fresh crumb when Jenkins refuses it).
    void sendWrite(WriteExecutor *writer, const PlannedWrite &write,
                   std::function<void(const Result<ApiResponse> &)> handler,
                   bool freshCrumb = false);
    bool accepted(const ApiResponse &response) const;
    QString refusal(const PlannedWrite &write, const ApiResponse &response) const;
    // After a GitLab pipeline was created / a Jenkins build queued: the run it became.
    void afterStarted(const PlannedWrite &write, const ApiResponse &response);
    void findQueuedBuild(const PlannedWrite &write, int status, const QString &queueItem,
                         int attemptsLeft);

    std::shared_ptr<PipelineClient> m_client;
    PipelineAction m_action;
    PipelineActionTarget m_target;
    PipelineTrigger m_trigger;
    QString m_comment;
    QString m_logFile;

    std::optional<PipelineRun> m_run;
    QList<GitHubPendingDeployment> m_pending;
    std::optional<bool> m_canPush;
    // GitLab: the project's access level (-1 unknown) and default branch.
    int m_accessLevel = -1;
    QString m_defaultBranch;
    // Jenkins: whether the job can be built (false: disabled), its parameters' defaults, the
    // re-run build's parameters, the inputs waiting.
    std::optional<bool> m_buildable;
    QMap<QString, QString> m_parameterDefaults;
    QMap<QString, QString> m_buildParameters;
    QList<JenkinsInput> m_inputs;
    QSet<QString> m_knownRuns; // trigger: workflow_dispatch runs before it
    QString m_startedRunId;
};

} // namespace Orrery
