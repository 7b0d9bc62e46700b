// SPDX-License-Identifier: GPL-3.0-or-later
#include "jenkinsclient.h"

#include "kube/httptransport.h"
#include "pipelines/jenkinsresponse.h"
#include "pipelines/pipelinehttp.h"

#include <QCoreApplication>
#include <QUrlQuery>

#include <algorithm>
#include <memory>
#include <mutex>

namespace Orrery {

struct JenkinsClient::Shared
{
    std::mutex mutex;
    bool crumbKnown = false; // fetched, or known not to be needed (no issuer)
    QByteArray crumbField;
    QByteArray crumb;
    QByteArray cookie; // the session the crumb was issued to
};

namespace {

using PipelineHttp::encoded;
using Shared = JenkinsClient::Shared;

QString tr(const char *text)
{
    return QCoreApplication::translate("JenkinsClient", text);
}

// The fields of a build the runs list and run() read.
const char *const BuildFields
    = "number,result,building,inProgress,timestamp,duration,url,fullDisplayName,"
      "actions[causes[_class,userId],lastBuiltRevision[SHA1,branch[name]],"
      "parameters[name,value]],changeSets[items[msg]]";

template <typename T>
void finishWith(HttpTransport *transport, const QPointer<QObject> &ctx,
                const PipelineClient::Handler<T> &handler, Result<T> out, const QString &what)
{
    PipelineHttp::deliver<T>(transport, ctx, handler, std::move(out), what);
}

void storeCrumb(Shared *shared, QByteArray field, QByteArray crumb, QByteArray cookie)
{
    std::lock_guard lock(shared->mutex);
    shared->crumbKnown = true;
    shared->crumbField = std::move(field);
    shared->crumb = std::move(crumb);
    shared->cookie = std::move(cookie);
}

// Fetches the crumb when it is not known yet (or `force`); `then` runs on the worker, never
// under the lock.
void withCrumb(HttpTransport *transport, std::shared_ptr<Shared> shared, bool force,
               std::function<void(Result<void>)> then)
{
    bool known = false;
    {
        std::lock_guard lock(shared->mutex);
        known = shared->crumbKnown && !force;
    }
    if (known)
        return then({});
    const QString path = QStringLiteral("/crumbIssuer/api/json");
    const QString what = PipelineHttp::urlOf(transport, path);
    PipelineHttp::send(
        transport, ApiRequest::get(path), [shared, what, then](Result<ApiResponse> &&response) {
            if (!response.ok())
                return then(response.error());
            if (response->status == 404) { // CSRF protection off (or a proxy hides it)
                storeCrumb(shared.get(), {}, {}, {});
                return then({});
            }
            const Result<JenkinsResponse::Crumb> crumb
                = JenkinsResponse::decodeCrumb(*response, what);
            if (!crumb.ok())
                return then(crumb.error());
            QList<QByteArray> cookies;
            for (const auto &[name, value] : response->headers)
                if (name == "set-cookie") {
                    const QByteArray pair = value.left(value.indexOf(';')).trimmed();
                    if (pair.contains('=') && !pair.contains('\r') && !pair.contains('\n')
                        && cookies.size() < 20)
                        cookies.append(pair);
                }
            storeCrumb(shared.get(), crumb->field, crumb->value, cookies.join("; "));
            then({});
        });
}

// A POST with the crumb; once more with a fresh crumb when Jenkins says it is not valid.
void post(HttpTransport *transport, std::shared_ptr<Shared> shared, ApiRequest request,
          PipelineHttp::Done done, bool retried = false)
{
    withCrumb(transport, shared, retried, [=](Result<void> crumbed) mutable {
        if (!crumbed.ok())
            return done(crumbed.error());
        ApiRequest r = request;
        {
            std::lock_guard lock(shared->mutex);
            if (!shared->crumbField.isEmpty())
                r.headers.append({shared->crumbField, shared->crumb});
            if (!shared->cookie.isEmpty())
                r.headers.append({QByteArrayLiteral("Cookie"), shared->cookie});
        }
        PipelineHttp::send(transport, std::move(r), [=](Result<ApiResponse> &&response) mutable {
            if (!retried && response.ok() && response->status == 403
                && response->body.contains("crumb"))
                return post(transport, shared, request, done, true);
            done(std::move(response));
        });
    });
}

ApiRequest postRequest(const QString &path, const QByteArray &form = {})
{
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = form;
    r.contentType = "application/x-www-form-urlencoded";
    r.accept = "*/*";
    return r;
}

QByteArray formOf(const QMap<QString, QString> &values)
{
    QByteArray out;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(it.key()) + '=' + QUrl::toPercentEncoding(it.value());
    }
    return out;
}

bool matches(const PipelineRun &run, const PipelineRunFilter &filter, bool branchIsJob)
{
    if (!branchIsJob && !filter.branch.isEmpty() && run.branch != filter.branch)
        return false;
    if (!filter.event.isEmpty() && run.event != filter.event)
        return false;
    if (!filter.actor.isEmpty() && run.actor != filter.actor)
        return false;
    return filter.status == PipelineStatus::Unknown || run.status == filter.status;
}

// The name Jenkins gives a multibranch project's branch job ("feature/x" -> "feature%2Fx").
QString branchJobName(const QString &branch)
{
    return QString(branch)
        .replace(QLatin1Char('%'), QLatin1String("%25"))
        .replace(QLatin1Char('/'), QLatin1String("%2F"));
}

} // namespace

JenkinsClient::JenkinsClient(HttpTransport *transport)
    : m_transport(transport)
    , m_shared(std::make_shared<Shared>())
{
}

JenkinsClient::~JenkinsClient() = default;

QString JenkinsClient::baseUrl() const
{
    return PipelineHttp::urlOf(m_transport, QString());
}

QString JenkinsClient::jobPath(const QString &fullName)
{
    QString path;
    for (const QString &segment : fullName.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        path += QStringLiteral("/job/") + encoded(segment);
    return path;
}

QString JenkinsClient::jobTreePath(const QString &fullName, int limit)
{
    const QString tree = QStringLiteral("_class,builds[%1]{0,%2},jobs[name]")
                             .arg(QLatin1String(BuildFields))
                             .arg(std::clamp<qint64>(limit, 1, JenkinsResponse::MaxRuns));
    return jobPath(fullName) + QStringLiteral("/api/json?tree=") + encoded(tree);
}

QString JenkinsClient::jobTreeListPath(const QString &fullName, int depth)
{
    // As python-jenkins' get_all_jobs asks: each level jobs[fields,jobs[...]], the innermost
    // "jobs" alone (Jenkins answers {_class} objects there).
    QString tree = QStringLiteral("jobs");
    for (int i = 0; i < std::clamp(depth, 1, JenkinsResponse::MaxTreeDepth); ++i)
        tree = QStringLiteral("jobs[name,displayName,color,%1]").arg(tree);
    tree.replace(QLatin1String("color,jobs"), QLatin1String("color,_class,jobs"));
    return jobPath(fullName) + QStringLiteral("/api/json?tree=") + encoded(tree);
}

QString JenkinsClient::buildPath(const QString &fullName, const QString &number)
{
    return jobPath(fullName) + QLatin1Char('/') + encoded(number);
}

QString JenkinsClient::blueNodesPath(const QString &fullName, const QString &number)
{
    QString path = QStringLiteral("/blue/rest/organizations/jenkins");
    for (const QString &segment : fullName.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        path += QStringLiteral("/pipelines/") + encoded(segment);
    return path + QStringLiteral("/runs/") + encoded(number) + QStringLiteral("/nodes/");
}

QString JenkinsClient::progressivePath(const QString &fullName, const QString &number,
                                       qint64 offset)
{
    return buildPath(fullName, number) + QStringLiteral("/logText/progressiveText?start=")
           + QString::number(qMax<qint64>(0, offset));
}

void JenkinsClient::runs(const QString &source, const PipelineRunFilter &filter, QObject *context,
                         Handler<QList<PipelineRun>> handler) const
{
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const int limit = qBound(1, filter.limit, int(JenkinsResponse::MaxRuns));
    // Filters Jenkins cannot apply are applied here, over a wider window of builds.
    const bool narrowed = !filter.event.isEmpty() || !filter.actor.isEmpty()
                          || filter.status != PipelineStatus::Unknown;
    const int window = narrowed ? qMin(int(JenkinsResponse::MaxRuns), qMax(limit, 100) * 4) : limit;
    const auto listed = [=](const QString &jobName, const Result<JenkinsJob> &job, bool branchIsJob,
                            const QString &what) {
        if (!job.ok())
            return finishWith<QList<PipelineRun>>(transport, ctx, handler, job.error(), what);
        QList<PipelineRun> out;
        for (PipelineRun run : job->builds) {
            run.source = jobName;
            if (out.size() < limit && matches(run, filter, branchIsJob))
                out.append(std::move(run));
        }
        finishWith<QList<PipelineRun>>(transport, ctx, handler, std::move(out), what);
    };
    const QString what
        = PipelineHttp::urlOf(transport, jobPath(source) + QStringLiteral("/api/json"));
    PipelineHttp::send(
        transport, ApiRequest::get(jobTreePath(source, window)),
        [=](Result<ApiResponse> &&response) {
            Result<JenkinsJob> job = response.ok()
                                         ? JenkinsResponse::decodeJob(*response, source, what)
                                         : Result<JenkinsJob>(response.error());
            if (!job.ok() || !job->isContainer())
                return listed(source, job, false, what);
            // A multibranch project (or a folder): its builds are in the branch's job.
            if (filter.branch.isEmpty()) {
                Error e(
                    Error::Code::InvalidArgument,
                    tr("\"%1\" is a folder or multibranch project, not a Pipeline job: name one "
                       "of its jobs (%2)")
                        .arg(source,
                             QStringList(job->children.mid(0, 20)).join(QLatin1String(", "))),
                    what);
                return finishWith<QList<PipelineRun>>(transport, ctx, handler, std::move(e), what);
            }
            const QString branchJob = source + QLatin1Char('/') + branchJobName(filter.branch);
            const QString branchWhat
                = PipelineHttp::urlOf(transport, jobPath(branchJob) + QStringLiteral("/api/json"));
            PipelineHttp::send(transport, ApiRequest::get(jobTreePath(branchJob, window)),
                               [=](Result<ApiResponse> &&branch) {
                                   const Result<JenkinsJob> branchJobAnswer
                                       = branch.ok() ? JenkinsResponse::decodeJob(
                                             *branch, branchJob, branchWhat)
                                                     : Result<JenkinsJob>(branch.error());
                                   listed(branchJob, branchJobAnswer, true, branchWhat);
                               });
        });
}

void JenkinsClient::sourceTree(const QString &source, QObject *context,
                               Handler<QList<PipelineSourceNode>> handler) const
{
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const QString what
        = PipelineHttp::urlOf(transport, jobPath(source) + QStringLiteral("/api/json"));
    PipelineHttp::send(
        transport, ApiRequest::get(jobTreeListPath(source, JenkinsResponse::MaxTreeDepth)),
        [=](Result<ApiResponse> &&response) {
            Result<QList<PipelineSourceNode>> nodes
                = response.ok() ? JenkinsResponse::decodeJobTree(*response, source, what)
                                : Result<QList<PipelineSourceNode>>(response.error());
            finishWith<QList<PipelineSourceNode>>(transport, ctx, handler, std::move(nodes), what);
        });
}

void JenkinsClient::run(const QString &source, const QString &runId, QObject *context,
                        Handler<PipelineRun> handler) const
{
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const QString build = buildPath(source, runId);
    const QString what = PipelineHttp::urlOf(transport, build + QStringLiteral("/api/json"));
    auto finish = [=](Result<PipelineRun> &&out) {
        finishWith<PipelineRun>(transport, ctx, handler, std::move(out), what);
    };
    const QString path
        = build + QStringLiteral("/api/json?tree=") + encoded(QLatin1String(BuildFields));
    PipelineHttp::send(transport, ApiRequest::get(path), [=](Result<ApiResponse> &&response) {
        Result<PipelineRun> decoded = response.ok()
                                          ? JenkinsResponse::decodeBuild(*response, source, what)
                                          : Result<PipelineRun>(response.error());
        if (!decoded.ok())
            return finish(std::move(decoded));
        auto run = std::make_shared<PipelineRun>(*decoded);
        // Inputs waiting: the run and its paused stages wait for a person.
        auto withInputs = [=]() {
            const bool paused
                = std::any_of(run->jobs.cbegin(), run->jobs.cend(), [](const PipelineJob &j) {
                      return j.status == PipelineStatus::Waiting;
                  });
            if (run->status != PipelineStatus::Running && !paused)
                return finish(std::move(*run));
            const QString inputsPath = build + QStringLiteral("/wfapi/pendingInputActions");
            const QString inputsUrl = PipelineHttp::urlOf(transport, inputsPath);
            PipelineHttp::send(
                transport, ApiRequest::get(inputsPath), [=](Result<ApiResponse> &&answer) {
                    const Result<QList<JenkinsInput>> inputs
                        = answer.ok() ? JenkinsResponse::decodePendingInputs(*answer, inputsUrl)
                                      : Result<QList<JenkinsInput>>(answer.error());
                    if (inputs.ok() && !inputs->isEmpty()) {
                        run->status = PipelineStatus::Waiting;
                        for (PipelineJob &j : run->jobs)
                            if (j.status == PipelineStatus::Running
                                || j.status == PipelineStatus::Waiting) {
                                j.status = PipelineStatus::Waiting;
                                j.manual = true;
                            }
                    }
                    finish(std::move(*run));
                });
        };
        // Blue Ocean's graph when installed, else the Stage View's stages.
        const QString nodesPath = blueNodesPath(source, runId);
        const QString nodesUrl = PipelineHttp::urlOf(transport, nodesPath);
        PipelineHttp::send(transport, ApiRequest::get(nodesPath), [=](Result<ApiResponse> &&nodes) {
            if (nodes.ok() && nodes->isSuccess()) {
                const Result<QList<PipelineJob>> jobs
                    = JenkinsResponse::decodeBlueNodes(*nodes, nodesUrl);
                if (!jobs.ok())
                    return finish(jobs.error());
                if (!jobs->isEmpty()) {
                    run->jobs = *jobs;
                    return withInputs();
                }
            }
            const QString describePath = build + QStringLiteral("/wfapi/describe");
            const QString describeUrl = PipelineHttp::urlOf(transport, describePath);
            PipelineHttp::send(
                transport, ApiRequest::get(describePath), [=](Result<ApiResponse> &&describe) {
                    if (!describe.ok())
                        return finish(describe.error());
                    // 404: not a Pipeline job (freestyle), or no Stage View plugin: no stages.
                    if (describe->status != 404) {
                        const Result<QList<PipelineJob>> jobs
                            = JenkinsResponse::decodeDescribe(*describe, describeUrl);
                        if (!jobs.ok())
                            return finish(jobs.error());
                        run->jobs = *jobs;
                    }
                    withInputs();
                });
        });
    });
}

void JenkinsClient::jobLog(const QString &source, const QString &runId, const QString &jobId,
                           qint64 offset, QObject *context, Handler<PipelineLogChunk> handler) const
{
    Q_UNUSED(jobId)
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const QString path = progressivePath(source, runId, offset);
    const QString what = PipelineHttp::urlOf(transport, path);
    const qint64 from = qMax<qint64>(0, offset);
    ApiRequest r = ApiRequest::get(path);
    r.accept = "text/plain, */*";
    PipelineHttp::send(
        transport, std::move(r),
        [=](Result<ApiResponse> &&response) {
            Result<PipelineLogChunk> out = [&]() -> Result<PipelineLogChunk> {
                if (!response.ok())
                    return response.error();
                if (!response->isSuccess())
                    return JenkinsResponse::errorOf(*response, what);
                PipelineLogChunk chunk;
                chunk.text = response->body;
                bool ok = false;
                const qint64 size = response->header("x-text-size").trimmed().toLongLong(&ok);
                // Offsets count the log file's bytes (console notes included), not the text's.
                chunk.nextOffset = ok && size >= from ? size : from + chunk.text.size();
                chunk.complete = response->header("x-more-data").trimmed().toLower() != "true";
                return chunk;
            }();
            finishWith<PipelineLogChunk>(transport, ctx, handler, std::move(out), what);
        },
        MaxLogChunkBytes);
}

void JenkinsClient::trigger(const QString &source, const PipelineTrigger &trigger, QObject *context,
                            Handler<QString> handler) const
{
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const QString path = jobPath(source)
                         + (trigger.inputs.isEmpty() ? QStringLiteral("/build")
                                                     : QStringLiteral("/buildWithParameters"));
    const QString what = PipelineHttp::urlOf(transport, path);
    post(transport, m_shared, postRequest(path, formOf(trigger.inputs)),
         [=](Result<ApiResponse> &&response) {
             Result<QString> out = response.ok() ? JenkinsResponse::decodeQueued(*response, what)
                                                 : Result<QString>(response.error());
             finishWith<QString>(transport, ctx, handler, std::move(out), what);
         });
}

void JenkinsClient::pendingInputs(const QString &source, const QString &runId, QObject *context,
                                  Handler<QList<JenkinsInput>> handler) const
{
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const QString path = buildPath(source, runId) + QStringLiteral("/wfapi/pendingInputActions");
    const QString what = PipelineHttp::urlOf(transport, path);
    PipelineHttp::send(transport, ApiRequest::get(path), [=](Result<ApiResponse> &&response) {
        Result<QList<JenkinsInput>> out
            = response.ok() ? JenkinsResponse::decodePendingInputs(*response, what)
                            : Result<QList<JenkinsInput>>(response.error());
        finishWith<QList<JenkinsInput>>(transport, ctx, handler, std::move(out), what);
    });
}

void JenkinsClient::withCrumb(ApiRequest request, bool freshCrumb, QObject *context,
                              Handler<ApiRequest> handler) const
{
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const std::shared_ptr<Shared> shared = m_shared;
    const QString what = PipelineHttp::urlOf(transport, request.path);
    Orrery::withCrumb(transport, shared, freshCrumb, [=](Result<void> crumbed) {
        if (!crumbed.ok())
            return finishWith<ApiRequest>(transport, ctx, handler, crumbed.error(), what);
        ApiRequest r = request;
        {
            std::lock_guard lock(shared->mutex);
            if (!shared->crumbField.isEmpty())
                r.headers.append({shared->crumbField, shared->crumb});
            if (!shared->cookie.isEmpty())
                r.headers.append({QByteArrayLiteral("Cookie"), shared->cookie});
        }
        finishWith<ApiRequest>(transport, ctx, handler, std::move(r), what);
    });
}

ApiRequest JenkinsClient::formPost(const QString &path, const QMap<QString, QString> &form)
{
    return postRequest(path, formOf(form));
}

void JenkinsClient::queuedBuild(const QString &queueItem, QObject *context,
                                Handler<QString> handler) const
{
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const QString path
        = QStringLiteral("/queue/item/") + encoded(queueItem) + QStringLiteral("/api/json");
    const QString what = PipelineHttp::urlOf(transport, path);
    PipelineHttp::send(transport, ApiRequest::get(path), [=](Result<ApiResponse> &&response) {
        Result<QString> out = response.ok() ? JenkinsResponse::decodeQueueItem(*response, what)
                                            : Result<QString>(response.error());
        finishWith<QString>(transport, ctx, handler, std::move(out), what);
    });
}

void JenkinsClient::rerun(const QString &source, const QString &runId, bool failedOnly,
                          QObject *context, Handler<void> handler) const
{
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const QString build = buildPath(source, runId);
    const QString what = PipelineHttp::urlOf(transport, build);
    if (failedOnly) {
        Error e(Error::Code::Unsupported,
                tr("Jenkins re-runs whole builds, not only the failed stages: re-run all"), what);
        return finishWith<void>(transport, ctx, handler, std::move(e), what);
    }
    const std::shared_ptr<Shared> shared = m_shared;
    const QString path = build + QStringLiteral("/api/json?tree=")
                         + encoded(QStringLiteral("number,actions[parameters[name,value]]"));
    PipelineHttp::send(transport, ApiRequest::get(path), [=](Result<ApiResponse> &&response) {
        if (!response.ok())
            return finishWith<void>(transport, ctx, handler, response.error(), what);
        if (!response->isSuccess())
            return finishWith<void>(transport, ctx, handler,
                                    JenkinsResponse::errorOf(*response, what), what);
        const QMap<QString, QString> parameters = JenkinsResponse::parametersOf(response->body);
        const QString triggerPath
            = jobPath(source)
              + (parameters.isEmpty() ? QStringLiteral("/build")
                                      : QStringLiteral("/buildWithParameters"));
        const QString triggerUrl = PipelineHttp::urlOf(transport, triggerPath);
        post(transport, shared, postRequest(triggerPath, formOf(parameters)),
             [=](Result<ApiResponse> &&queued) {
                 Result<void> out = queued.ok()
                                        ? JenkinsResponse::decodeAccepted(*queued, triggerUrl)
                                        : Result<void>(queued.error());
                 finishWith<void>(transport, ctx, handler, std::move(out), triggerUrl);
             });
    });
}

void JenkinsClient::cancel(const QString &source, const QString &runId, QObject *context,
                           Handler<void> handler) const
{
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const QString path = buildPath(source, runId) + QStringLiteral("/stop");
    const QString what = PipelineHttp::urlOf(transport, path);
    post(transport, m_shared, postRequest(path), [=](Result<ApiResponse> &&response) {
        Result<void> out = response.ok() ? JenkinsResponse::decodeAccepted(*response, what)
                                         : Result<void>(response.error());
        finishWith<void>(transport, ctx, handler, std::move(out), what);
    });
}

void JenkinsClient::review(const QString &source, const QString &runId, const QString &jobId,
                           bool approve, const QString &comment, QObject *context,
                           Handler<void> handler) const
{
    Q_UNUSED(comment)
    HttpTransport *transport = m_transport;
    const QPointer<QObject> ctx(context);
    const std::shared_ptr<Shared> shared = m_shared;
    const QString build = buildPath(source, runId);
    const QString inputsPath = build + QStringLiteral("/wfapi/pendingInputActions");
    const QString what = PipelineHttp::urlOf(transport, inputsPath);
    PipelineHttp::send(transport, ApiRequest::get(inputsPath), [=](Result<ApiResponse> &&response) {
        const Result<QList<JenkinsInput>> inputs
            = response.ok() ? JenkinsResponse::decodePendingInputs(*response, what)
                            : Result<QList<JenkinsInput>>(response.error());
        if (!inputs.ok())
            return finishWith<void>(transport, ctx, handler, inputs.error(), what);
        QString id;
        QStringList ids;
        for (const JenkinsInput &input : *inputs) {
            ids.append(input.id);
            if (input.id.compare(jobId, Qt::CaseInsensitive) == 0)
                id = input.id;
        }
        if (id.isEmpty() && inputs->size() == 1)
            id = inputs->first().id;
        if (id.isEmpty()) {
            Error e(Error::Code::NotFound,
                    inputs->isEmpty() ? tr("no input step is waiting in this build")
                                      : tr("several input steps wait (%1): name one")
                                            .arg(ids.join(QLatin1String(", "))),
                    what);
            return finishWith<void>(transport, ctx, handler, std::move(e), what);
        }
        const QString path
            = build + QStringLiteral("/input/") + encoded(id)
              + (approve ? QStringLiteral("/proceedEmpty") : QStringLiteral("/abort"));
        const QString postUrl = PipelineHttp::urlOf(transport, path);
        post(transport, shared, postRequest(path), [=](Result<ApiResponse> &&answer) {
            Result<void> out = answer.ok() ? JenkinsResponse::decodeAccepted(*answer, postUrl)
                                           : Result<void>(answer.error());
            finishWith<void>(transport, ctx, handler, std::move(out), postUrl);
        });
    });
}

} // namespace Orrery
