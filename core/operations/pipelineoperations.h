// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "pipelines/githubresponse.h"
#include "pipelines/pipelineclient.h"
#include "pipelines/pipelinerun.h"

#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

namespace Orrery {

// The pipeline actions (docs/pipelines.md, "Actions"; ids in OperationCatalog::pipelineIds()).
enum class PipelineAction { Trigger, Rerun, RerunFailed, Cancel, Approve, Reject, DownloadLog };

// What a pipeline action is about.
struct PipelineActionTarget
{
    QString source;   // "owner/repo"
    QString runId;    // empty for a trigger
    QString jobId;    // approve/reject: the waiting job (empty: every environment the user may
                      // review); download: the job whose log
    QString workflow; // trigger: the workflow file or id ("deploy.yml")
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
// GitHub today; other providers' actions plan as Unsupported until their requests are added
// in plan() (their clients already take the reads).
class PipelineOperation : public ClusterOperation
{
    Q_OBJECT
public:
    // `client` and `transport` as connectPipelineSource() gives them (the client keeps the
    // transport alive).
    PipelineOperation(std::shared_ptr<PipelineClient> client, HttpTransport *transport,
                      PipelineAction action, PipelineActionTarget target,
                      QObject *parent = nullptr);

    // The catalogue id of an action ("pipeline-rerun-failed") and back.
    static QString actionId(PipelineAction action);
    static std::optional<PipelineAction> actionFromId(const QString &id);

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
    QString objectKind() const override { return QStringLiteral("WorkflowRun"); }
    Scope scope() const override;
    // Nothing the Kubernetes API server decides: the provider's checks are in fetch().
    QList<AccessCheck> requiredAccess() const override { return {}; }
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

    std::shared_ptr<PipelineClient> m_client;
    PipelineAction m_action;
    PipelineActionTarget m_target;
    PipelineTrigger m_trigger;
    QString m_comment;
    QString m_logFile;

    std::optional<PipelineRun> m_run;
    QList<GitHubPendingDeployment> m_pending;
    std::optional<bool> m_canPush;
    QSet<QString> m_knownRuns; // trigger: workflow_dispatch runs before it
    QString m_startedRunId;
};

} // namespace Orrery
