// SPDX-License-Identifier: GPL-3.0-or-later
// PipelineOperation's GitLab CI and Jenkins requests: what fetch() reads before the preview,
// the writes plan() builds, and how they leave (the token header, the crumb) and what follows
// them (the pipeline or build they started). GitHub's are in pipelineoperations.cpp.
#include "pipelineoperations.h"

#include "kube/actions/writeexecutor.h"
#include "kube/httptransport.h"
#include "pipelines/gitlabclient.h"
#include "pipelines/jenkinsclient.h"
#include "pipelines/pipelinehttp.h"
#include "util/jsonread.h"

#include <QPointer>
#include <QTimer>

namespace Orrery {

namespace {

ApiRequest jsonPost(const QString &path, QByteArray body = {})
{
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    if (!body.isEmpty()) {
        r.contentType = "application/json";
        r.body = std::move(body);
    }
    return r;
}

QString joined(const QMap<QString, QString> &values)
{
    QStringList parts;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    return parts.join(QStringLiteral(", "));
}

nlohmann::json jsonOf(const QMap<QString, QString> &values)
{
    nlohmann::json out = nlohmann::json::object();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        out[it.key().toStdString()] = it.value().toStdString();
    return out;
}

bool validNumber(const QString &id)
{
    bool ok = false;
    return id.toLongLong(&ok) > 0 && ok;
}

// Jenkins' build parameters (actions[].parameters[]{name, value}) or a job's parameter
// definitions (property[].parameterDefinitions[]{name, defaultParameterValue{value}}).
QMap<QString, QString> jenkinsParameters(const nlohmann::json &object, const char *outer,
                                         const char *inner, bool definitions)
{
    constexpr int MaxParameters = 1000;
    QMap<QString, QString> out;
    const nlohmann::json *list = JsonRead::find(object, outer);
    if (!list || !list->is_array())
        return out;
    for (const nlohmann::json &item : *list) {
        const nlohmann::json *params = item.is_object() ? JsonRead::find(item, inner) : nullptr;
        if (!params || !params->is_array())
            continue;
        for (const nlohmann::json &p : *params) {
            if (!p.is_object() || out.size() >= MaxParameters)
                continue;
            const QString name = JsonRead::string(p, "name");
            if (name.isEmpty())
                continue;
            const nlohmann::json *holder = &p;
            if (definitions) {
                holder = JsonRead::find(p, "defaultParameterValue");
                if (!holder || !holder->is_object()) {
                    out.insert(name, QString());
                    continue;
                }
            }
            const nlohmann::json *value = JsonRead::find(*holder, "value");
            QString text;
            if (value && value->is_string())
                text = JsonRead::string(*holder, "value");
            else if (value && value->is_boolean())
                text = value->get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
            else if (value && value->is_number())
                text = QString::fromStdString(JsonRead::dump(*value));
            out.insert(name, text);
        }
    }
    return out;
}

} // namespace

void PipelineOperation::fetchGitLab(Done done)
{
    auto *gitlab = dynamic_cast<GitLabClient *>(m_client.get());
    if (!gitlab) {
        setObject(nlohmann::json::object());
        QMetaObject::invokeMethod(
            this, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    const QPointer<PipelineOperation> self(this);
    gitlab->project(m_target.source, this,
                    [self, done](const Result<GitLabResponse::Project> &project) {
                        if (!self)
                            return;
                        PipelineOperation *op = self.data();
                        // A project that cannot be read (a token without read_api) leaves the
                        // decision to the server, as on GitHub.
                        if (project.ok()) {
                            op->m_accessLevel = project->accessLevel;
                            op->m_defaultBranch = project->defaultBranch;
                        }
                        if (op->m_action == PipelineAction::Trigger) {
                            op->setObject(nlohmann::json::object());
                            done({});
                            return;
                        }
                        op->m_client->run(op->m_target.source, op->m_target.runId, op,
                                          [op, done](const Result<PipelineRun> &run) {
                                              if (!run.ok()) {
                                                  done(run.error());
                                                  return;
                                              }
                                              op->m_run = *run;
                                              op->setObject(nlohmann::json::object());
                                              done({});
                                          });
                    });
}

void PipelineOperation::fetchJenkins(Done done)
{
    auto *jenkins = dynamic_cast<JenkinsClient *>(m_client.get());
    const QPointer<PipelineOperation> self(this);
    // After the job (buildable, parameter definitions) and the run: what the action needs.
    auto afterRun = [self, jenkins, done]() {
        if (!self)
            return;
        PipelineOperation *op = self.data();
        if (op->m_action == PipelineAction::Rerun) {
            const QString path
                = JenkinsClient::buildPath(op->m_target.source, op->m_target.runId)
                  + QStringLiteral("/api/json?tree=")
                  + PipelineHttp::encoded(QStringLiteral("actions[parameters[name,value]]"));
            fetchJson(op->transport(), path, op, [op, done](const Result<nlohmann::json> &build) {
                if (!build.ok()) {
                    done(build.error());
                    return;
                }
                op->m_buildParameters = jenkinsParameters(*build, "actions", "parameters", false);
                op->setObject(nlohmann::json::object());
                done({});
            });
            return;
        }
        if ((op->m_action == PipelineAction::Approve || op->m_action == PipelineAction::Reject)
            && jenkins) {
            jenkins->pendingInputs(op->m_target.source, op->m_target.runId, op,
                                   [op, done](const Result<QList<JenkinsInput>> &inputs) {
                                       if (!inputs.ok()) {
                                           done(inputs.error());
                                           return;
                                       }
                                       op->m_inputs = *inputs;
                                       op->setObject(nlohmann::json::object());
                                       done({});
                                   });
            return;
        }
        op->setObject(nlohmann::json::object());
        done({});
    };
    const QString jobPath
        = JenkinsClient::jobPath(m_target.source) + QStringLiteral("/api/json?tree=")
          + PipelineHttp::encoded(QStringLiteral(
              "buildable,property[parameterDefinitions[name,defaultParameterValue[value]]]"));
    fetchJson(transport(), jobPath, this,
              [self, afterRun, done](const Result<nlohmann::json> &job) {
                  if (!self)
                      return;
                  PipelineOperation *op = self.data();
                  // A job that cannot be read leaves the decision to the server.
                  if (job.ok()) {
                      if (const nlohmann::json *b = JsonRead::find(*job, "buildable");
                          b && b->is_boolean())
                          op->m_buildable = b->get<bool>();
                      op->m_parameterDefaults
                          = jenkinsParameters(*job, "property", "parameterDefinitions", true);
                  }
                  if (op->m_action == PipelineAction::Trigger) {
                      afterRun();
                      return;
                  }
                  op->m_client->run(op->m_target.source, op->m_target.runId, op,
                                    [op, afterRun, done](const Result<PipelineRun> &run) {
                                        if (!run.ok()) {
                                            done(run.error());
                                            return;
                                        }
                                        op->m_run = *run;
                                        afterRun();
                                    });
              });
}

Result<QList<PlannedWrite>> PipelineOperation::planGitLab(PlannedWrite w) const
{
    const QString project = GitLabClient::projectPath(m_target.source);
    if (m_action == PipelineAction::Trigger) {
        const QString ref = m_trigger.ref.isEmpty() ? m_defaultBranch : m_trigger.ref;
        if (ref.isEmpty())
            return Error(Error::Code::InvalidArgument,
                         tr("Say which branch or tag to run the pipeline on."));
        w.verb = QStringLiteral("trigger");
        w.name = ref;
        w.request = jsonPost(project + QStringLiteral("/pipeline"),
                             GitLabClient::createBody(ref, m_trigger.inputs));
        w.body = JsonRead::parse(w.request.body);
        w.description = m_trigger.inputs.isEmpty()
                            ? tr("Run a pipeline on %1 in %2").arg(ref, where())
                            : tr("Run a pipeline on %1 in %2 with %3")
                                  .arg(ref, where(), joined(m_trigger.inputs));
        return QList<PlannedWrite>{w};
    }
    if (!validNumber(m_target.runId))
        return Error(Error::Code::InvalidArgument,
                     tr("\"%1\" is not a pipeline id").arg(m_target.runId));
    const QString pipeline = GitLabClient::pipelinePath(m_target.source, m_target.runId);
    switch (m_action) {
    case PipelineAction::Rerun: {
        const QString ref = m_run ? m_run->branch : QString();
        if (ref.isEmpty())
            return Error(Error::Code::InvalidArgument,
                         tr("%1 names no ref to run again").arg(runName()));
        w.verb = QStringLiteral("rerun");
        w.request
            = jsonPost(project + QStringLiteral("/pipeline"), GitLabClient::createBody(ref, {}));
        w.body = JsonRead::parse(w.request.body);
        w.description
            = tr("Run a new pipeline on %1 (the ref of %2) in %3").arg(ref, runName(), where());
        return QList<PlannedWrite>{w};
    }
    case PipelineAction::RerunFailed:
        w.verb = QStringLiteral("retry");
        w.request = jsonPost(pipeline + QStringLiteral("/retry"));
        w.description
            = tr("Retry the failed and cancelled jobs of %1 in %2").arg(runName(), where());
        return QList<PlannedWrite>{w};
    case PipelineAction::RerunJob: {
        if (!validNumber(m_target.jobId))
            return Error(Error::Code::InvalidArgument,
                         tr("\"%1\" is not a job id").arg(m_target.jobId));
        const PipelineJob *job = targetJob();
        if (job && !pipelineStatusIsFinal(job->status))
            return Error(Error::Code::Conflict,
                         tr("Job %1 is still %2: it can be retried once it finished.")
                             .arg(job->name, pipelineStatusName(job->status)));
        w.verb = QStringLiteral("retry");
        w.request = jsonPost(GitLabClient::jobPath(m_target.source, m_target.jobId)
                             + QStringLiteral("/retry"));
        w.description = tr("Retry job %1 of %2 in %3")
                            .arg(job ? job->name : m_target.jobId, runName(), where());
        return QList<PlannedWrite>{w};
    }
    case PipelineAction::Cancel:
        w.verb = QStringLiteral("cancel");
        w.request = jsonPost(pipeline + QStringLiteral("/cancel"));
        w.description = tr("Cancel %1 in %2").arg(runName(), where());
        return QList<PlannedWrite>{w};
    case PipelineAction::Approve: {
        const QList<const PipelineJob *> waiting = waitingManualJobs();
        const PipelineJob *job = nullptr;
        QStringList names;
        for (const PipelineJob *j : waiting) {
            names << j->name;
            if (j->id == m_target.jobId)
                job = j;
        }
        if (!m_target.jobId.isEmpty() && !job) {
            const PipelineJob *named = targetJob();
            return Error(Error::Code::Conflict,
                         tr("Job %1 is not a manual job waiting to be played (%2).")
                             .arg(named ? named->name : m_target.jobId,
                                  named ? pipelineStatusName(named->status) : tr("not found")));
        }
        if (!job && waiting.size() == 1)
            job = waiting.first();
        if (!job)
            return Error(waiting.isEmpty() ? Error::Code::NotFound : Error::Code::InvalidArgument,
                         waiting.isEmpty()
                             ? tr("%1 has no manual job waiting to be played.").arg(runName())
                             : tr("Several manual jobs wait (%1): choose one.")
                                   .arg(names.join(QStringLiteral(", "))));
        w.verb = QStringLiteral("play");
        w.name = m_target.runId;
        w.request
            = jsonPost(GitLabClient::jobPath(m_target.source, job->id) + QStringLiteral("/play"));
        w.description
            = job->environment.isEmpty()
                  ? tr("Play manual job %1 of %2 in %3").arg(job->name, runName(), where())
                  : tr("Play manual job %1 of %2 (environment %3) in %4")
                        .arg(job->name, runName(), job->environment, where());
        return QList<PlannedWrite>{w};
    }
    case PipelineAction::Reject:
    case PipelineAction::DownloadLog:
    case PipelineAction::Trigger: break;
    }
    return Error(Error::Code::Unsupported, tr("GitLab has no such action"));
}

Result<QList<PlannedWrite>> PipelineOperation::planJenkins(PlannedWrite w) const
{
    const QString job = JenkinsClient::jobPath(m_target.source);
    auto build = [&](const QMap<QString, QString> &parameters) {
        // A parameterized job takes buildWithParameters (the defaults sent explicitly, so the
        // preview is what goes on the wire); one without parameters takes build.
        w.request = parameters.isEmpty()
                        ? JenkinsClient::formPost(job + QStringLiteral("/build"))
                        : JenkinsClient::formPost(job + QStringLiteral("/buildWithParameters"),
                                                  parameters);
        w.body = jsonOf(parameters);
    };
    if (m_action == PipelineAction::Trigger) {
        QMap<QString, QString> parameters = m_parameterDefaults;
        for (auto it = m_trigger.inputs.cbegin(); it != m_trigger.inputs.cend(); ++it)
            parameters.insert(it.key(), it.value());
        w.verb = QStringLiteral("trigger");
        w.name = m_target.source;
        build(parameters);
        w.description = parameters.isEmpty()
                            ? tr("Build %1").arg(where())
                            : tr("Build %1 with %2").arg(where(), joined(parameters));
        return QList<PlannedWrite>{w};
    }
    if (!validNumber(m_target.runId))
        return Error(Error::Code::InvalidArgument,
                     tr("\"%1\" is not a build number").arg(m_target.runId));
    const QString buildPath = JenkinsClient::buildPath(m_target.source, m_target.runId);
    switch (m_action) {
    case PipelineAction::Rerun:
        w.verb = QStringLiteral("rerun");
        build(m_buildParameters);
        w.description = m_buildParameters.isEmpty()
                            ? tr("Build %1 again (%2)").arg(where(), runName())
                            : tr("Build %1 again with the parameters of %2: %3")
                                  .arg(where(), runName(), joined(m_buildParameters));
        return QList<PlannedWrite>{w};
    case PipelineAction::Cancel:
        w.verb = QStringLiteral("cancel");
        w.request = JenkinsClient::formPost(buildPath + QStringLiteral("/stop"));
        w.description = tr("Abort %1 of %2").arg(runName(), where());
        return QList<PlannedWrite>{w};
    case PipelineAction::Approve:
    case PipelineAction::Reject: {
        const bool approve = m_action == PipelineAction::Approve;
        const JenkinsInput *input = nullptr;
        QStringList ids;
        for (const JenkinsInput &i : m_inputs) {
            ids << i.id;
            if (i.id.compare(m_target.jobId, Qt::CaseInsensitive) == 0)
                input = &i;
        }
        if (!input && m_inputs.size() == 1)
            input = &m_inputs.first();
        if (!input)
            return Error(m_inputs.isEmpty() ? Error::Code::NotFound : Error::Code::InvalidArgument,
                         m_inputs.isEmpty() ? tr("%1 waits for no input.").arg(runName())
                                            : tr("Several inputs wait (%1): choose one.")
                                                  .arg(ids.join(QStringLiteral(", "))));
        w.verb = approve ? QStringLiteral("approve") : QStringLiteral("reject");
        w.request = JenkinsClient::formPost(
            buildPath + QStringLiteral("/input/") + PipelineHttp::encoded(input->id)
            + (approve ? QStringLiteral("/proceedEmpty") : QStringLiteral("/abort")));
        w.body = nlohmann::json{{"input", input->id.toStdString()}};
        const QString message = input->message.isEmpty() ? input->id : input->message;
        w.description
            = approve ? tr("Approve the input \"%1\" of %2 in %3").arg(message, runName(), where())
                      : tr("Abort the input \"%1\" of %2 in %3 (the build ends "
                           "aborted)")
                            .arg(message, runName(), where());
        return QList<PlannedWrite>{w};
    }
    case PipelineAction::RerunFailed:
    case PipelineAction::RerunJob:
    case PipelineAction::DownloadLog:
    case PipelineAction::Trigger: break;
    }
    return Error(Error::Code::Unsupported, tr("Jenkins has no such action"));
}

void PipelineOperation::sendWrite(WriteExecutor *writer, const PlannedWrite &write,
                                  std::function<void(const Result<ApiResponse> &)> handler,
                                  bool freshCrumb)
{
    if (auto *gitlab = dynamic_cast<GitLabClient *>(m_client.get())) {
        PlannedWrite sent = write;
        sent.request = gitlab->authorized(write.request);
        writer->send(sent, this, std::move(handler));
        return;
    }
    auto *jenkins = dynamic_cast<JenkinsClient *>(m_client.get());
    if (!jenkins) {
        writer->send(write, this, std::move(handler));
        return;
    }
    jenkins->withCrumb(
        write.request, freshCrumb, this,
        [this, writer, write, handler, freshCrumb](const Result<ApiRequest> &request) {
            if (!request.ok()) {
                handler(request.error());
                return;
            }
            PlannedWrite sent = write;
            sent.request = *request;
            writer->send(
                sent, this,
                [this, writer, write, handler, freshCrumb](const Result<ApiResponse> &response) {
                    // A crumb Jenkins no longer accepts (a restart, another session):
                    // once more with a fresh one, as JenkinsClient does.
                    if (!freshCrumb && response.ok() && response->status == 403
                        && response->body.contains("crumb")) {
                        sendWrite(writer, write, handler, true);
                        return;
                    }
                    handler(response);
                });
        });
}

void PipelineOperation::afterStarted(const PlannedWrite &write, const ApiResponse &response)
{
    if (provider() == PipelineProvider::GitLab) {
        const Result<QString> created = GitLabResponse::decodeCreated(response);
        if (created.ok() && !created->isEmpty()) {
            m_startedRunId = *created;
            finishWith(true,
                       tr("%1: done (%2), pipeline %3 started")
                           .arg(write.description)
                           .arg(response.status)
                           .arg(*created),
                       {});
            return;
        }
        finishWith(true, tr("%1: done (%2)").arg(write.description).arg(response.status), {});
        return;
    }
    const Result<QString> item = JenkinsResponse::decodeQueued(response);
    if (!item.ok() || item->isEmpty()) {
        finishWith(true, tr("%1: done (%2)").arg(write.description).arg(response.status), {});
        return;
    }
    findQueuedBuild(write, response.status, *item, 20);
}

void PipelineOperation::findQueuedBuild(const PlannedWrite &write, int status,
                                        const QString &queueItem, int attemptsLeft)
{
    auto *jenkins = dynamic_cast<JenkinsClient *>(m_client.get());
    if (!jenkins) {
        finishWith(true, tr("%1: done (%2)").arg(write.description).arg(status), {});
        return;
    }
    // The queue item becomes a build once an executor takes it (the quiet period).
    jenkins->queuedBuild(
        queueItem, this,
        [this, write, status, queueItem, attemptsLeft](const Result<QString> &build) {
            if (build.ok() && !build->isEmpty()) {
                m_startedRunId = *build;
                finishWith(true,
                           tr("%1: done (%2), build #%3 started")
                               .arg(write.description)
                               .arg(status)
                               .arg(*build),
                           {});
                return;
            }
            if (build.ok() && attemptsLeft > 1) {
                QTimer::singleShot(500, this, [this, write, status, queueItem, attemptsLeft] {
                    findQueuedBuild(write, status, queueItem, attemptsLeft - 1);
                });
                return;
            }
            finishWith(true,
                       build.ok() ? tr("%1: done (%2), queued as item %3")
                                        .arg(write.description)
                                        .arg(status)
                                        .arg(queueItem)
                                  : tr("%1: done (%2), but the queue item %3 did not start: %4")
                                        .arg(write.description)
                                        .arg(status)
                                        .arg(queueItem, build.error().toString()),
                       {});
        });
}

} // namespace Orrery
