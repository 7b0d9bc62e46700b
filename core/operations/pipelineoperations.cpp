// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineoperations.h"

#include "kube/actions/writeexecutor.h"
#include "kube/httptransport.h"
#include "pipelines/githubclient.h"
#include "util/jsonread.h"

#include <QFile>
#include <QMetaObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>
#include <QUrl>

namespace Orrery {

namespace {

struct ActionName
{
    PipelineAction action;
    const char *id;
};

constexpr ActionName s_actions[] = {
    {PipelineAction::Trigger, "pipeline-trigger"},
    {PipelineAction::Rerun, "pipeline-rerun"},
    {PipelineAction::RerunFailed, "pipeline-rerun-failed"},
    {PipelineAction::RerunJob, "pipeline-rerun-job"},
    {PipelineAction::Cancel, "pipeline-cancel"},
    {PipelineAction::Approve, "pipeline-approve"},
    {PipelineAction::Reject, "pipeline-reject"},
    {PipelineAction::DownloadLog, "pipeline-download-log"},
};

bool validRepo(const QString &source)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"));
    return valid.match(source).hasMatch() && !source.contains(QLatin1String(".."));
}

bool validId(const QString &id)
{
    bool ok = false;
    return id.toLongLong(&ok) > 0 && ok;
}

QString providerTitle(PipelineProvider provider)
{
    switch (provider) {
    case PipelineProvider::GitHub: return QStringLiteral("GitHub Actions");
    case PipelineProvider::GitLab: return QStringLiteral("GitLab CI");
    case PipelineProvider::Jenkins: return QStringLiteral("Jenkins");
    }
    return {};
}

ApiRequest githubPost(const QString &path, QByteArray body)
{
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.accept = "application/vnd.github+json";
    r.headers.append(qMakePair(QByteArray("X-GitHub-Api-Version"), QByteArray("2022-11-28")));
    if (!body.isEmpty()) {
        r.contentType = "application/json";
        r.body = std::move(body);
    }
    return r;
}

void queued(QObject *context, std::function<void()> fn)
{
    // Queued, as an answer from the server would be: callers connect after run()/fetch().
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}

} // namespace

PipelineOperation *PipelineOperation::create(std::shared_ptr<PipelineClient> client,
                                             HttpTransport *transport,
                                             const PipelineActionRequest &request, QObject *parent)
{
    auto *op = new PipelineOperation(std::move(client), transport, request.action, request.target,
                                     parent);
    if (request.action == PipelineAction::Trigger)
        op->setTrigger(request.trigger);
    op->setComment(request.comment);
    op->setLogFile(request.logFile);
    return op;
}

PipelineOperation::PipelineOperation(std::shared_ptr<PipelineClient> client,
                                     HttpTransport *transport, PipelineAction action,
                                     PipelineActionTarget target, QObject *parent)
    : ClusterOperation(transport, OperationTarget{Kind::Namespace, target.source, target.runId},
                       parent)
    , m_client(std::move(client))
    , m_action(action)
    , m_target(std::move(target))
{
    m_trigger.workflow = m_target.workflow;
}

QString PipelineOperation::actionId(PipelineAction action)
{
    for (const ActionName &a : s_actions)
        if (a.action == action)
            return QLatin1String(a.id);
    return {};
}

std::optional<PipelineAction> PipelineOperation::actionFromId(const QString &id)
{
    for (const ActionName &a : s_actions)
        if (id == QLatin1String(a.id))
            return a.action;
    return std::nullopt;
}

bool PipelineOperation::supports(PipelineProvider provider, PipelineAction action)
{
    switch (provider) {
    case PipelineProvider::GitHub: return true;
    case PipelineProvider::GitLab: return action != PipelineAction::Reject;
    case PipelineProvider::Jenkins:
        return action != PipelineAction::RerunFailed && action != PipelineAction::RerunJob;
    }
    return false;
}

PipelineProvider PipelineOperation::provider() const
{
    return m_client ? m_client->provider() : PipelineProvider::GitHub;
}

const PipelineJob *PipelineOperation::targetJob() const
{
    if (!m_run || m_target.jobId.isEmpty())
        return nullptr;
    for (const PipelineJob &j : m_run->jobs)
        if (j.id == m_target.jobId)
            return &j;
    return nullptr;
}

QList<const PipelineJob *> PipelineOperation::waitingManualJobs() const
{
    QList<const PipelineJob *> jobs;
    if (m_run)
        for (const PipelineJob &j : m_run->jobs)
            if (j.manual && j.status == PipelineStatus::Waiting)
                jobs << &j;
    return jobs;
}

void PipelineOperation::setTrigger(const PipelineTrigger &trigger)
{
    m_trigger = trigger;
    if (m_trigger.workflow.isEmpty())
        m_trigger.workflow = m_target.workflow;
}

void PipelineOperation::setComment(const QString &comment)
{
    m_comment = comment;
}

void PipelineOperation::setLogFile(const QString &path)
{
    m_logFile = path;
}

QString PipelineOperation::runName() const
{
    if (m_action == PipelineAction::Trigger)
        return m_trigger.workflow.isEmpty() ? m_target.source : m_trigger.workflow;
    if (provider() == PipelineProvider::GitLab)
        return tr("pipeline #%1").arg(m_target.runId); // GitLab shows a pipeline by its id
    if (provider() == PipelineProvider::Jenkins)
        return tr("build #%1")
            .arg(m_run && m_run->number > 0 ? QString::number(m_run->number) : m_target.runId);
    if (m_run && m_run->number > 0)
        return m_run->name.isEmpty() ? tr("run #%1").arg(m_run->number)
                                     : tr("run #%1 (%2)").arg(m_run->number).arg(m_run->name);
    return tr("run %1").arg(m_target.runId);
}

QString PipelineOperation::where() const
{
    return tr("%1 on %2 (%3)")
        .arg(m_target.source, providerTitle(provider()),
             m_client ? m_client->baseUrl() : QString());
}

QStringList PipelineOperation::environments() const
{
    QStringList names;
    for (const GitHubPendingDeployment &d : m_pending)
        if (!names.contains(d.environment))
            names << d.environment;
    if (m_run)
        for (const PipelineJob &j : m_run->jobs)
            if (!j.environment.isEmpty() && !names.contains(j.environment))
                names << j.environment;
    return names;
}

QString PipelineOperation::title() const
{
    const PipelineJob *job = targetJob();
    const QString jobName = job ? job->name : m_target.jobId;
    switch (provider()) {
    case PipelineProvider::GitHub: break;
    case PipelineProvider::GitLab:
        switch (m_action) {
        case PipelineAction::Trigger: return tr("Run a pipeline in %1").arg(m_target.source);
        case PipelineAction::RerunFailed: return tr("Retry failed jobs of %1").arg(runName());
        case PipelineAction::RerunJob: return tr("Retry job %1 of %2").arg(jobName, runName());
        case PipelineAction::Approve:
            return jobName.isEmpty() ? tr("Play the manual job of %1").arg(runName())
                                     : tr("Play manual job %1 of %2").arg(jobName, runName());
        default: break;
        }
        break;
    case PipelineProvider::Jenkins:
        switch (m_action) {
        case PipelineAction::Trigger: return tr("Build %1").arg(m_target.source);
        case PipelineAction::Rerun: return tr("Build %1 again").arg(runName());
        case PipelineAction::Cancel: return tr("Abort %1").arg(runName());
        case PipelineAction::Approve: return tr("Approve the input of %1").arg(runName());
        case PipelineAction::Reject: return tr("Abort the input of %1").arg(runName());
        case PipelineAction::DownloadLog: return tr("Download the console of %1").arg(runName());
        default: break;
        }
        break;
    }
    switch (m_action) {
    case PipelineAction::Trigger: return tr("Run workflow %1").arg(m_trigger.workflow);
    case PipelineAction::RerunJob: return tr("Re-run job %1 of %2").arg(jobName, runName());
    case PipelineAction::Rerun: return tr("Re-run %1").arg(runName());
    case PipelineAction::RerunFailed: return tr("Re-run failed jobs of %1").arg(runName());
    case PipelineAction::Cancel: return tr("Cancel %1").arg(runName());
    case PipelineAction::Approve: return tr("Approve deployment of %1").arg(runName());
    case PipelineAction::Reject: return tr("Reject deployment of %1").arg(runName());
    case PipelineAction::DownloadLog: return tr("Download log of job %1").arg(m_target.jobId);
    }
    return {};
}

QString PipelineOperation::actionLabel() const
{
    if (provider() == PipelineProvider::GitLab && m_action == PipelineAction::Approve)
        return tr("Play");
    if (provider() == PipelineProvider::Jenkins) {
        if (m_action == PipelineAction::Trigger || m_action == PipelineAction::Rerun)
            return tr("Build");
        if (m_action == PipelineAction::Cancel || m_action == PipelineAction::Reject)
            return tr("Abort");
    }
    switch (m_action) {
    case PipelineAction::Trigger: return tr("Run");
    case PipelineAction::RerunJob:
    case PipelineAction::Rerun:
    case PipelineAction::RerunFailed: return tr("Re-run");
    case PipelineAction::Cancel: return tr("Cancel run");
    case PipelineAction::Approve: return tr("Approve");
    case PipelineAction::Reject: return tr("Reject");
    case PipelineAction::DownloadLog: return tr("Download");
    }
    return {};
}

QString PipelineOperation::failureTitle() const
{
    return tr("Cannot %1").arg(title());
}

ClusterOperation::Scope PipelineOperation::scope() const
{
    if (m_action != PipelineAction::Trigger)
        return {m_target.source, objectKind(), runName()};
    // A new run: the workflow (GitHub), the ref (GitLab), the job (Jenkins).
    switch (provider()) {
    case PipelineProvider::GitHub: break;
    case PipelineProvider::GitLab:
        return {m_target.source, objectKind(),
                m_trigger.ref.isEmpty() ? m_defaultBranch : m_trigger.ref};
    case PipelineProvider::Jenkins:
        return {m_target.source, objectKind(), m_target.source.section(QLatin1Char('/'), -1)};
    }
    return {m_target.source, objectKind(), m_trigger.workflow};
}

QString PipelineOperation::objectKind() const
{
    switch (provider()) {
    case PipelineProvider::GitHub: break;
    case PipelineProvider::GitLab: return QStringLiteral("Pipeline");
    case PipelineProvider::Jenkins: return QStringLiteral("Build");
    }
    return QStringLiteral("WorkflowRun");
}

QString PipelineOperation::accessProblem() const
{
    if (m_action == PipelineAction::DownloadLog)
        return {};
    if (provider() == PipelineProvider::GitLab) {
        // Developer (30) may run, retry and cancel pipelines and play manual jobs.
        if (m_accessLevel >= 0 && m_accessLevel < 30)
            return tr("GitLab says your access to %1 is level %2 (Developer, 30, or more is "
                      "needed to run, retry, cancel or play pipeline jobs).")
                .arg(m_target.source)
                .arg(m_accessLevel);
        return {};
    }
    if (provider() == PipelineProvider::Jenkins) {
        if (m_buildable && !*m_buildable
            && (m_action == PipelineAction::Trigger || m_action == PipelineAction::Rerun))
            return tr("Jenkins says job %1 cannot be built (it is disabled).").arg(m_target.source);
        return {};
    }
    if (m_action == PipelineAction::Approve || m_action == PipelineAction::Reject) {
        if (m_pending.isEmpty())
            return {};
        for (const GitHubPendingDeployment &d : m_pending)
            if (d.currentUserCanApprove)
                return {};
        QStringList names;
        for (const GitHubPendingDeployment &d : m_pending)
            names << d.environment;
        return tr("GitHub says you may not review the deployment to %1 (required reviewers: "
                  "%2).")
            .arg(names.join(QStringLiteral(", ")),
                 m_pending.first().reviewers.join(QStringLiteral(", ")));
    }
    if (m_canPush && !*m_canPush)
        return tr("GitHub says your token has no write access to %1: running, re-running and "
                  "cancelling workflows needs it.")
            .arg(m_target.source);
    return {};
}

void PipelineOperation::fetch(Done done)
{
    if (!m_client || !transport()) {
        queued(this, [done] {
            done(Error(Error::Code::InvalidArgument, tr("no pipeline provider is connected")));
        });
        return;
    }
    if (m_client->provider() == PipelineProvider::GitLab) {
        fetchGitLab(std::move(done));
        return;
    }
    if (m_client->provider() == PipelineProvider::Jenkins) {
        fetchJenkins(std::move(done));
        return;
    }
    if (!validRepo(m_target.source)) {
        setObject(nlohmann::json::object());
        queued(this, [done] { done({}); });
        return;
    }
    const QPointer<PipelineOperation> self(this);
    // The steps after the repository's permissions, by action.
    auto afterRepo = [self, done]() {
        if (!self)
            return;
        PipelineOperation *op = self.data();
        if (op->m_action == PipelineAction::Trigger) {
            auto knownRuns = [op, done]() {
                PipelineRunFilter filter;
                filter.event = QStringLiteral("workflow_dispatch");
                filter.limit = 30;
                op->m_client->runs(op->m_target.source, filter, op,
                                   [op, done](const Result<QList<PipelineRun>> &runs) {
                                       if (runs.ok())
                                           for (const PipelineRun &r : *runs)
                                               op->m_knownRuns.insert(r.id);
                                       op->setObject(nlohmann::json::object());
                                       done(runs.ok() ? Result<void>()
                                                      : Result<void>(runs.error()));
                                   });
            };
            // A workflow named as people see it (a run's workflow name, "CI/CD Pipeline")
            // or not at all: the repository's workflows say its file (dispatches take a file
            // name or an id, not a display name); none named and only one: that one.
            const QString &workflow = op->m_trigger.workflow;
            static const QRegularExpression fileOrId(QStringLiteral("^([0-9]+|[^/]+\\.ya?ml)$"));
            auto *github = dynamic_cast<GitHubClient *>(op->m_client.get());
            if (!github || fileOrId.match(workflow).hasMatch()) {
                knownRuns();
                return;
            }
            github->workflows(op->m_target.source, op,
                              [op, knownRuns](const Result<QList<GitHubWorkflow>> &workflows) {
                                  if (workflows.ok()) {
                                      const QString wanted = op->m_trigger.workflow;
                                      for (const GitHubWorkflow &w : *workflows)
                                          if ((wanted.isEmpty() && workflows->size() == 1)
                                              || (!wanted.isEmpty() && w.name == wanted))
                                              op->m_trigger.workflow
                                                  = w.path.section(QLatin1Char('/'), -1);
                                  }
                                  knownRuns();
                              });
            return;
        }
        op->m_client->run(
            op->m_target.source, op->m_target.runId, op,
            [op, done](const Result<PipelineRun> &run) {
                if (!run.ok()) {
                    done(run.error());
                    return;
                }
                op->m_run = *run;
                if (op->m_action != PipelineAction::Approve
                    && op->m_action != PipelineAction::Reject) {
                    op->setObject(nlohmann::json::object());
                    done({});
                    return;
                }
                auto *github = dynamic_cast<GitHubClient *>(op->m_client.get());
                if (!github) {
                    op->setObject(nlohmann::json::object());
                    done({});
                    return;
                }
                github->pendingDeployments(
                    op->m_target.source, op->m_target.runId, op,
                    [op, done](const Result<QList<GitHubPendingDeployment>> &pending) {
                        if (!pending.ok()) {
                            done(pending.error());
                            return;
                        }
                        op->m_pending = *pending;
                        op->setObject(nlohmann::json::object());
                        done({});
                    });
            });
    };
    fetchJson(transport(), QStringLiteral("/repos/") + m_target.source, this,
              [self, afterRepo](const Result<nlohmann::json> &repo) {
                  if (!self)
                      return;
                  // A repository that cannot be read leaves the decision to the server.
                  if (repo.ok())
                      if (const nlohmann::json *p = JsonRead::find(*repo, "permissions");
                          p && p->is_object())
                          self->m_canPush = JsonRead::boolean(*p, "push")
                                            || JsonRead::boolean(*p, "admin")
                                            || JsonRead::boolean(*p, "maintain");
                  afterRepo();
              });
}

QString PipelineOperation::nothingToDo() const
{
    if (!m_run)
        return {};
    switch (m_action) {
    case PipelineAction::Cancel:
        if (pipelineStatusIsFinal(m_run->status))
            return tr("%1 already finished (%2): there is nothing to cancel.")
                .arg(runName(), pipelineStatusName(m_run->status));
        break;
    case PipelineAction::Approve:
    case PipelineAction::Reject:
        if (provider() == PipelineProvider::GitLab) {
            if (waitingManualJobs().isEmpty())
                return tr("%1 has no manual job waiting to be played.").arg(runName());
            break;
        }
        if (provider() == PipelineProvider::Jenkins) {
            if (m_inputs.isEmpty())
                return tr("%1 waits for no input.").arg(runName());
            break;
        }
        if (m_pending.isEmpty())
            return tr("%1 waits for no deployment review.").arg(runName());
        break;
    default: break;
    }
    return {};
}

Result<QList<PlannedWrite>> PipelineOperation::plan(bool dryRun) const
{
    if (!m_client)
        return Error(Error::Code::InvalidArgument, tr("no pipeline provider is connected"));
    if (!supports(m_client->provider(), m_action))
        return Error(Error::Code::Unsupported,
                     tr("%1 has no such action (%2)")
                         .arg(providerTitle(m_client->provider()), actionId(m_action)));
    if (m_client->provider() != PipelineProvider::GitHub) {
        if (const QString problem = accessProblem(); !problem.isEmpty())
            return Error(Error::Code::Forbidden, problem);
        if (m_action == PipelineAction::DownloadLog) {
            if (m_target.jobId.isEmpty() || m_logFile.isEmpty())
                return Error(Error::Code::InvalidArgument,
                             tr("Say which job's log to download and to which file."));
            return QList<PlannedWrite>{};
        }
        PlannedWrite w;
        w.kind = objectKind();
        w.ns = m_target.source;
        w.name = m_target.runId;
        w.dryRun = dryRun;
        if (m_action != PipelineAction::Trigger && m_run && !pipelineStatusIsFinal(m_run->status)
            && (m_action == PipelineAction::Rerun || m_action == PipelineAction::RerunFailed))
            return Error(Error::Code::Conflict,
                         tr("%1 is still %2: it can be re-run once it finished.")
                             .arg(runName(), pipelineStatusName(m_run->status)));
        if (m_client->provider() == PipelineProvider::GitLab) {
            w.apiVersion = QStringLiteral("gitlab/v4");
            return planGitLab(std::move(w));
        }
        w.apiVersion = QStringLiteral("jenkins");
        return planJenkins(std::move(w));
    }
    if (!validRepo(m_target.source))
        return Error(Error::Code::InvalidArgument,
                     tr("\"%1\" is not a GitHub repository: give OWNER/REPO").arg(m_target.source));
    if (const QString problem = accessProblem(); !problem.isEmpty())
        return Error(Error::Code::Forbidden, problem);
    const QString repo = QStringLiteral("/repos/") + m_target.source;
    PlannedWrite w;
    w.apiVersion = QStringLiteral("github/v3");
    w.kind = objectKind();
    w.ns = m_target.source;
    w.name = m_target.runId;
    w.dryRun = dryRun;
    if (m_action == PipelineAction::Trigger) {
        if (m_trigger.workflow.isEmpty())
            return Error(Error::Code::InvalidArgument,
                         tr("Say which workflow to run (its file name, e.g. deploy.yml)."));
        if (m_trigger.ref.isEmpty())
            return Error(Error::Code::InvalidArgument,
                         tr("Say which branch or tag to run the workflow on."));
        w.verb = QStringLiteral("trigger");
        w.name = m_trigger.workflow;
        w.request
            = githubPost(repo + QStringLiteral("/actions/workflows/")
                             + QString::fromLatin1(QUrl::toPercentEncoding(m_trigger.workflow))
                             + QStringLiteral("/dispatches"),
                         GitHubResponse::encodeDispatch(m_trigger.ref, m_trigger.inputs));
        w.body = JsonRead::parse(w.request.body);
        QStringList inputs;
        for (auto it = m_trigger.inputs.cbegin(); it != m_trigger.inputs.cend(); ++it)
            inputs << it.key() + QLatin1Char('=') + it.value();
        w.description = inputs.isEmpty() ? tr("Run workflow %1 on %2 in %3")
                                               .arg(m_trigger.workflow, m_trigger.ref, where())
                                         : tr("Run workflow %1 on %2 in %3 with %4")
                                               .arg(m_trigger.workflow, m_trigger.ref, where(),
                                                    inputs.join(QStringLiteral(", ")));
        return QList<PlannedWrite>{w};
    }
    if (!validId(m_target.runId))
        return Error(Error::Code::InvalidArgument,
                     tr("\"%1\" is not a run id").arg(m_target.runId));
    const QString runPath = repo + QStringLiteral("/actions/runs/") + m_target.runId;
    switch (m_action) {
    case PipelineAction::Rerun:
    case PipelineAction::RerunFailed: {
        const bool failed = m_action == PipelineAction::RerunFailed;
        if (m_run && !pipelineStatusIsFinal(m_run->status))
            return Error(Error::Code::Conflict,
                         tr("%1 is still %2: it can be re-run once it finished.")
                             .arg(runName(), pipelineStatusName(m_run->status)));
        w.verb = QStringLiteral("rerun");
        w.request = githubPost(
            runPath + (failed ? QStringLiteral("/rerun-failed-jobs") : QStringLiteral("/rerun")),
            {});
        w.description = failed ? tr("Re-run the failed jobs of %1 in %2").arg(runName(), where())
                               : tr("Re-run all jobs of %1 in %2").arg(runName(), where());
        return QList<PlannedWrite>{w};
    }
    case PipelineAction::RerunJob: {
        if (!validId(m_target.jobId))
            return Error(Error::Code::InvalidArgument,
                         tr("\"%1\" is not a job id").arg(m_target.jobId));
        if (m_run && !pipelineStatusIsFinal(m_run->status))
            return Error(Error::Code::Conflict,
                         tr("%1 is still %2: its jobs can be re-run once it finished.")
                             .arg(runName(), pipelineStatusName(m_run->status)));
        const PipelineJob *job = targetJob();
        w.verb = QStringLiteral("rerun");
        w.request = githubPost(repo + QStringLiteral("/actions/jobs/") + m_target.jobId
                                   + QStringLiteral("/rerun"),
                               {});
        w.description = tr("Re-run job %1 of %2 and the jobs after it in %3")
                            .arg(job ? job->name : m_target.jobId, runName(), where());
        return QList<PlannedWrite>{w};
    }
    case PipelineAction::Cancel:
        w.verb = QStringLiteral("cancel");
        w.request = githubPost(runPath + QStringLiteral("/cancel"), {});
        w.description = tr("Cancel %1 in %2").arg(runName(), where());
        return QList<PlannedWrite>{w};
    case PipelineAction::Approve:
    case PipelineAction::Reject: {
        const bool approve = m_action == PipelineAction::Approve;
        QStringList ids;
        QStringList names;
        QString jobEnvironment;
        if (m_run)
            for (const PipelineJob &j : m_run->jobs)
                if (j.id == m_target.jobId)
                    jobEnvironment = j.environment;
        for (const GitHubPendingDeployment &d : m_pending) {
            const bool chosen
                = m_target.jobId.isEmpty()
                      ? d.currentUserCanApprove
                      : (d.environmentId == m_target.jobId || d.environment == m_target.jobId
                         || (!jobEnvironment.isEmpty() && d.environment == jobEnvironment));
            if (chosen) {
                ids << d.environmentId;
                names << d.environment;
            }
        }
        if (ids.isEmpty())
            return Error(Error::Code::NotFound,
                         tr("%1 waits for no deployment you may review").arg(runName()));
        w.verb = approve ? QStringLiteral("approve") : QStringLiteral("reject");
        w.request = githubPost(runPath + QStringLiteral("/pending_deployments"),
                               GitHubResponse::encodeReview(ids, approve, m_comment));
        w.body = JsonRead::parse(w.request.body);
        w.description = approve ? tr("Approve the deployment of %1 to %2 in %3")
                                      .arg(runName(), names.join(QStringLiteral(", ")), where())
                                : tr("Reject the deployment of %1 to %2 in %3")
                                      .arg(runName(), names.join(QStringLiteral(", ")), where());
        return QList<PlannedWrite>{w};
    }
    case PipelineAction::DownloadLog:
        if (m_target.jobId.isEmpty() || m_logFile.isEmpty())
            return Error(Error::Code::InvalidArgument,
                         tr("Say which job's log to download and to which file."));
        return QList<PlannedWrite>{};
    case PipelineAction::Trigger: break;
    }
    return QList<PlannedWrite>{};
}

QStringList PipelineOperation::summary() const
{
    QStringList lines = ClusterOperation::summary();
    if (m_action == PipelineAction::DownloadLog) {
        lines << tr("Download the log of job %1 of %2 in %3 to %4")
                     .arg(m_target.jobId, runName(), where(), m_logFile);
        return lines;
    }
    QStringList protectedNames;
    for (const GitHubPendingDeployment &d : m_pending)
        protectedNames << d.environment;
    if (!protectedNames.isEmpty())
        lines << tr("Protected environment(s) waiting for review: %1", nullptr,
                    int(protectedNames.size()))
                     .arg(protectedNames.join(QStringLiteral(", ")));
    const QStringList all = environments();
    if (!all.isEmpty() && m_action != PipelineAction::Approve && m_action != PipelineAction::Reject)
        lines << tr("This run deploys to: %1").arg(all.join(QStringLiteral(", ")));
    if ((m_action == PipelineAction::Approve || m_action == PipelineAction::Reject)
        && !m_comment.isEmpty())
        lines << tr("Comment: %1").arg(m_comment);
    return lines;
}

QString PipelineOperation::details() const
{
    // The request as sent, without its headers: the token is the transport's, never here.
    return ClusterOperation::details();
}

void PipelineOperation::dryRun(WriteExecutor *, DryRunDone done)
{
    const Result<QList<PlannedWrite>> planned = plan(true);
    const bool ok = planned.ok();
    const QString text = ok ? tr("%1 has no dry run; the request was checked here (repository, "
                                 "run, permissions) and nothing was sent.")
                                  .arg(providerTitle(m_client->provider()))
                            : planned.error().message;
    queued(this, [done, ok, text] { done(ok, text); });
}

void PipelineOperation::finishWith(
    bool ok, const QString &line, const QString &explanation,
    std::optional<std::pair<PlannedWrite, Result<ApiResponse>>> failure)
{
    OperationReport report;
    report.ok = ok;
    report.description = title();
    report.lines << line;
    report.explanation = explanation;
    report.failure = std::move(failure);
    finish(report);
}

void PipelineOperation::run(WriteExecutor *writer)
{
    const Result<QList<PlannedWrite>> planned = plan(false);
    if (!planned.ok()) {
        const QString explanation = planned.error().message;
        queued(this, [this, explanation] { finishWith(false, explanation, explanation); });
        return;
    }
    if (m_action == PipelineAction::DownloadLog) {
        downloadLog(0, std::make_shared<QByteArray>());
        return;
    }
    const PlannedWrite write = planned->first();
    sendWrite(writer, write, [this, write](const Result<ApiResponse> &response) {
        if (response.ok() && accepted(*response)) {
            if (m_action == PipelineAction::Trigger && provider() == PipelineProvider::GitHub) {
                findStartedRun(write, response, 10);
                return;
            }
            if (provider() != PipelineProvider::GitHub
                && (m_action == PipelineAction::Trigger || m_action == PipelineAction::Rerun)) {
                afterStarted(write, *response);
                return;
            }
            finishWith(true, tr("%1: done (%2)").arg(write.description).arg(response->status), {});
            return;
        }
        const QString explanation = !response.ok() ? tr("%1 could not be reached: %2")
                                                         .arg(providerTitle(m_client->provider()),
                                                              response.error().toString())
                                                   : refusal(write, *response);
        finishWith(false, tr("%1: failed: %2").arg(write.description, explanation), explanation,
                   std::make_pair(write, response));
    });
}

bool PipelineOperation::accepted(const ApiResponse &response) const
{
    // Jenkins answers its form POSTs with a redirect (302) as often as with 2xx.
    if (provider() == PipelineProvider::Jenkins)
        return JenkinsResponse::decodeAccepted(response).ok();
    return response.isSuccess();
}

QString PipelineOperation::refusal(const PlannedWrite &write, const ApiResponse &response) const
{
    switch (provider()) {
    case PipelineProvider::GitHub: break;
    case PipelineProvider::GitLab: {
        const Error e = GitLabResponse::errorOf(response, write.request.path);
        return response.status == 403
                   ? tr("GitLab refused (HTTP 403): %1\nRunning, retrying, cancelling and "
                        "playing jobs needs the Developer role on %2 and a token with the "
                        "\"api\" scope; a protected branch or environment may allow fewer.")
                         .arg(e.message, m_target.source)
                   : tr("GitLab refused (HTTP %1): %2").arg(response.status).arg(e.message);
    }
    case PipelineProvider::Jenkins: {
        const Error e = JenkinsResponse::errorOf(response, write.request.path);
        return response.status == 403
                   ? tr("Jenkins refused (HTTP 403): %1\nThe user may lack the Job/Build or "
                        "Job/Cancel permission on %2.")
                         .arg(e.message, m_target.source)
                   : tr("Jenkins refused (HTTP %1): %2").arg(response.status).arg(e.message);
    }
    }
    const Error e = GitHubResponse::errorOf(response.status, response.body, write.request.path);
    return response.status == 403
               ? tr("GitHub refused (HTTP 403): %1\nThe token may lack the "
                    "\"actions: write\" permission on %2.")
                     .arg(e.message, m_target.source)
               : tr("GitHub refused (HTTP %1): %2").arg(response.status).arg(e.message);
}

void PipelineOperation::findStartedRun(const PlannedWrite &write,
                                       const Result<ApiResponse> &response, int attemptsLeft)
{
    // workflow_dispatch answers 204 without an id (gh looks the new run up the same way):
    // the newest workflow_dispatch run that was not there before.
    PipelineRunFilter filter;
    filter.event = QStringLiteral("workflow_dispatch");
    filter.limit = 30;
    const int status = response.ok() ? response->status : 0;
    m_client->runs(
        m_target.source, filter, this,
        [this, write, response, status, attemptsLeft](const Result<QList<PipelineRun>> &runs) {
            if (runs.ok())
                for (const PipelineRun &r : *runs)
                    if (!m_knownRuns.contains(r.id)) {
                        m_startedRunId = r.id;
                        finishWith(true,
                                   tr("%1: done (%2), run %3 (#%4) started")
                                       .arg(write.description)
                                       .arg(status)
                                       .arg(r.id)
                                       .arg(r.number),
                                   {});
                        return;
                    }
            if (attemptsLeft > 1) {
                QTimer::singleShot(500, this, [this, write, response, attemptsLeft] {
                    findStartedRun(write, response, attemptsLeft - 1);
                });
                return;
            }
            finishWith(true, tr("%1: done (%2)").arg(write.description).arg(status), {});
        });
}

void PipelineOperation::downloadLog(qint64 offset, std::shared_ptr<QByteArray> text)
{
    m_client->jobLog(
        m_target.source, m_target.runId, m_target.jobId, offset, this,
        [this, text](const Result<PipelineLogChunk> &chunk) {
            if (!chunk.ok()) {
                const QString explanation = chunk.error().toString();
                finishWith(
                    false,
                    tr("Download the log of job %1: failed: %2").arg(m_target.jobId, explanation),
                    explanation);
                return;
            }
            text->append(chunk->text);
            // GitHub gives the whole log at once; progressive providers say when it is complete.
            if (!chunk->complete && !chunk->text.isEmpty()
                && m_client->provider() != PipelineProvider::GitHub) {
                downloadLog(chunk->nextOffset, text);
                return;
            }
            QSaveFile file(m_logFile);
            if (!file.open(QIODevice::WriteOnly) || file.write(*text) != text->size()
                || !file.commit()) {
                const QString explanation
                    = tr("cannot write %1: %2").arg(m_logFile, file.errorString());
                finishWith(false, explanation, explanation);
                return;
            }
            finishWith(true,
                       tr("Log of job %1 written to %2 (%n byte(s))", nullptr, int(text->size()))
                           .arg(m_target.jobId, m_logFile),
                       {});
        });
}

ClusterOperation::Factory PipelineOperation::undo() const
{
    QString runId;
    if (m_action == PipelineAction::Trigger)
        runId = m_startedRunId;
    else if (m_action == PipelineAction::Rerun && provider() != PipelineProvider::GitHub)
        runId = m_startedRunId; // GitLab's new pipeline, Jenkins' new build
    else if (m_action == PipelineAction::Rerun || m_action == PipelineAction::RerunFailed
             || m_action == PipelineAction::RerunJob)
        runId = m_target.runId;
    if (runId.isEmpty() || !report().ok)
        return {};
    const std::shared_ptr<PipelineClient> client = m_client;
    // The runner passes the cluster session's transport: the provider's own is the right one.
    const QPointer<HttpTransport> own = transport();
    PipelineActionTarget target;
    target.source = m_target.source;
    target.runId = runId;
    return [client, own, target](HttpTransport *transport, QObject *parent) {
        HttpTransport *t = own ? own.data() : transport;
        return static_cast<ClusterOperation *>(
            new PipelineOperation(client, t, PipelineAction::Cancel, target, parent));
    };
}

QString PipelineOperation::undoText() const
{
    if (m_action == PipelineAction::Trigger && !m_startedRunId.isEmpty())
        return tr("Cancel the run it started (%1)").arg(m_startedRunId);
    if (m_action == PipelineAction::Rerun && provider() != PipelineProvider::GitHub)
        return m_startedRunId.isEmpty() ? QString()
                                        : tr("Cancel the run it started (%1)").arg(m_startedRunId);
    if (m_action == PipelineAction::Rerun || m_action == PipelineAction::RerunFailed
        || m_action == PipelineAction::RerunJob)
        return tr("Cancel the re-run");
    return {};
}

} // namespace Orrery
