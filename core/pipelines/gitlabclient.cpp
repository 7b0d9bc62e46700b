// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitlabclient.h"

#include "kube/httptransport.h"
#include "pipelines/gitlabresponse.h"
#include "pipelines/pipelinehttp.h"
#include "util/jsonread.h"

#include <QCoreApplication>

#include <algorithm>
#include <memory>

namespace Orrery {

namespace {

using PipelineHttp::encoded;

ApiRequest request(const QByteArray &method, const QString &path, const QByteArray &token)
{
    ApiRequest r;
    r.method = method;
    r.path = path;
    if (!token.isEmpty())
        r.headers.append({QByteArrayLiteral("PRIVATE-TOKEN"), token});
    return r;
}

// A list read page by page on the worker (X-Next-Page), up to `limit` items or MaxPages.
template <typename Item> struct Collect
{
    HttpTransport *transport = nullptr;
    QByteArray token;
    std::function<QString(int page)> pathOf;
    std::function<Result<QList<Item>>(const ApiResponse &, const QString &)> decode;
    qint64 limit = 0;
    std::function<void(Result<QList<Item>> &&)> done;
    QList<Item> items;
};

template <typename Item> void collectPage(std::shared_ptr<Collect<Item>> c, int page)
{
    const QString path = c->pathOf(page);
    const QString what = PipelineHttp::urlOf(c->transport, path);
    PipelineHttp::send(c->transport, request("GET", path, c->token),
                       [c, page, what](Result<ApiResponse> &&response) {
                           if (!response.ok())
                               return c->done(response.error());
                           Result<QList<Item>> decoded = c->decode(*response, what);
                           if (!decoded.ok())
                               return c->done(decoded.error());
                           c->items.append(*decoded);
                           bool ok = false;
                           const int next = response->header("x-next-page").trimmed().toInt(&ok);
                           if (ok && next > page && next <= GitLabClient::MaxPages
                               && !decoded->isEmpty() && c->items.size() < c->limit)
                               return collectPage(c, next);
                           if (c->items.size() > c->limit)
                               c->items.resize(c->limit);
                           c->done(std::move(c->items));
                       });
}

template <typename Item>
void collect(HttpTransport *transport, const QByteArray &token, std::function<QString(int)> pathOf,
             std::function<Result<QList<Item>>(const ApiResponse &, const QString &)> decode,
             qint64 limit, std::function<void(Result<QList<Item>> &&)> done)
{
    auto c = std::make_shared<Collect<Item>>();
    c->transport = transport;
    c->token = token;
    c->pathOf = std::move(pathOf);
    c->decode = std::move(decode);
    c->limit = limit;
    c->done = std::move(done);
    collectPage(std::move(c), 1);
}

// One request whose answer `decode` turns into the Result handed to the caller.
template <typename T, typename Decode>
void call(HttpTransport *transport, ApiRequest r, QObject *context,
          PipelineClient::Handler<T> handler, Decode decode)
{
    const QString what = PipelineHttp::urlOf(transport, r.path);
    const QPointer<QObject> ctx(context);
    PipelineHttp::send(transport, std::move(r),
                       [transport, ctx, what, handler = std::move(handler),
                        decode](Result<ApiResponse> &&response) {
                           Result<T> out = response.ok() ? decode(*response, what)
                                                         : Result<T>(response.error());
                           PipelineHttp::deliver<T>(transport, ctx, handler, std::move(out), what);
                       });
}

QString tr(const char *text)
{
    return QCoreApplication::translate("GitLabClient", text);
}

} // namespace

GitLabClient::GitLabClient(HttpTransport *transport, QByteArray token)
    : m_transport(transport)
    , m_token(std::move(token))
{
}

QString GitLabClient::baseUrl() const
{
    return PipelineHttp::urlOf(m_transport, QString());
}

void GitLabClient::project(const QString &source, QObject *context,
                           Handler<GitLabResponse::Project> handler) const
{
    call<GitLabResponse::Project>(m_transport, request("GET", projectPath(source), m_token),
                                  context, std::move(handler), &GitLabResponse::decodeProject);
}

ApiRequest GitLabClient::authorized(ApiRequest r) const
{
    if (!m_token.isEmpty())
        r.headers.append({QByteArrayLiteral("PRIVATE-TOKEN"), m_token});
    return r;
}

QString GitLabClient::projectPath(const QString &source)
{
    return QStringLiteral("/projects/") + encoded(source);
}

QString GitLabClient::pipelinesPath(const QString &source, const PipelineRunFilter &filter,
                                    int page)
{
    const int perPage = qBound(1, filter.limit, PageSize);
    QString path = projectPath(source) + QStringLiteral("/pipelines?per_page=")
                   + QString::number(perPage) + QStringLiteral("&page=") + QString::number(page)
                   + QStringLiteral("&order_by=id&sort=desc");
    if (!filter.branch.isEmpty())
        path += QStringLiteral("&ref=") + encoded(filter.branch);
    const QString status = GitLabResponse::statusFilter(filter.status);
    if (!status.isEmpty())
        path += QStringLiteral("&status=") + status;
    if (!filter.event.isEmpty())
        path += QStringLiteral("&source=") + encoded(filter.event);
    if (!filter.actor.isEmpty())
        path += QStringLiteral("&username=") + encoded(filter.actor);
    return path;
}

QString GitLabClient::pipelinePath(const QString &source, const QString &runId)
{
    return projectPath(source) + QStringLiteral("/pipelines/") + encoded(runId);
}

QString GitLabClient::jobsPath(const QString &source, const QString &runId, int page)
{
    return pipelinePath(source, runId) + QStringLiteral("/jobs?per_page=")
           + QString::number(PageSize) + QStringLiteral("&page=") + QString::number(page);
}

QString GitLabClient::bridgesPath(const QString &source, const QString &runId, int page)
{
    return pipelinePath(source, runId) + QStringLiteral("/bridges?per_page=")
           + QString::number(PageSize) + QStringLiteral("&page=") + QString::number(page);
}

QString GitLabClient::ciConfigPath(const QString &source, const QString &sha)
{
    return projectPath(source) + QStringLiteral("/repository/files/")
           + encoded(QStringLiteral(".gitlab-ci.yml")) + QStringLiteral("/raw?ref=") + encoded(sha);
}

QString GitLabClient::jobPath(const QString &source, const QString &jobId)
{
    return projectPath(source) + QStringLiteral("/jobs/") + encoded(jobId);
}

QString GitLabClient::tracePath(const QString &source, const QString &jobId)
{
    return jobPath(source, jobId) + QStringLiteral("/trace");
}

QByteArray GitLabClient::createBody(const QString &ref, const QMap<QString, QString> &variables)
{
    nlohmann::json body = nlohmann::json::object();
    body["ref"] = ref.toStdString();
    nlohmann::json vars = nlohmann::json::array();
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        vars.push_back({{"key", it.key().toStdString()}, {"value", it.value().toStdString()}});
    if (!vars.empty())
        body["variables"] = vars;
    return JsonRead::dumpBytes(body);
}

void GitLabClient::runs(const QString &source, const PipelineRunFilter &filter, QObject *context,
                        Handler<QList<PipelineRun>> handler) const
{
    HttpTransport *transport = m_transport;
    const QString what = PipelineHttp::urlOf(transport, pipelinesPath(source, filter, 1));
    const QPointer<QObject> ctx(context);
    collect<PipelineRun>(
        transport, m_token,
        [source, filter](int page) { return pipelinesPath(source, filter, page); },
        [source](const ApiResponse &r, const QString &w) {
            return GitLabResponse::decodePipelines(r, source, w);
        },
        std::clamp<qint64>(filter.limit, 1, GitLabResponse::MaxRuns),
        [transport, ctx, what, handler](Result<QList<PipelineRun>> &&out) {
            PipelineHttp::deliver<QList<PipelineRun>>(transport, ctx, handler, std::move(out),
                                                      what);
        });
}

void GitLabClient::run(const QString &source, const QString &runId, QObject *context,
                       Handler<PipelineRun> handler) const
{
    HttpTransport *transport = m_transport;
    const QByteArray token = m_token;
    const QString what = PipelineHttp::urlOf(transport, pipelinePath(source, runId));
    const QPointer<QObject> ctx(context);
    auto finish = [transport, ctx, what, handler](Result<PipelineRun> &&out) {
        PipelineHttp::deliver<PipelineRun>(transport, ctx, handler, std::move(out), what);
    };
    // pipeline -> jobs -> bridges -> .gitlab-ci.yml at the commit, all on the worker.
    PipelineHttp::send(
        transport, request("GET", pipelinePath(source, runId), token),
        [=](Result<ApiResponse> &&response) {
            Result<PipelineRun> pipeline
                = response.ok() ? GitLabResponse::decodePipeline(*response, source, what)
                                : Result<PipelineRun>(response.error());
            if (!pipeline.ok())
                return finish(std::move(pipeline));
            auto run = std::make_shared<PipelineRun>(*pipeline);
            collect<PipelineJob>(
                transport, token,
                [source, runId](int page) { return jobsPath(source, runId, page); },
                &GitLabResponse::decodeJobs, GitLabResponse::MaxJobs,
                [=](Result<QList<PipelineJob>> &&jobs) {
                    if (!jobs.ok())
                        return finish(jobs.error());
                    run->jobs = *jobs;
                    collect<PipelineJob>(
                        transport, token,
                        [source, runId](int page) { return bridgesPath(source, runId, page); },
                        &GitLabResponse::decodeJobs, GitLabResponse::MaxJobs,
                        [=](Result<QList<PipelineJob>> &&bridges) {
                            // GitLab before 13.x has no bridges endpoint: jobs only.
                            if (!bridges.ok() && bridges.error().httpStatus != 404)
                                return finish(bridges.error());
                            if (bridges.ok())
                                GitLabResponse::mergeBridges(
                                    &run->jobs, *bridges, source, runId,
                                    GitLabResponse::webRootOf(PipelineHttp::urlOf(transport, {})));
                            const QString configPath = ciConfigPath(source, run->commitSha);
                            const QString configUrl = PipelineHttp::urlOf(transport, configPath);
                            ApiRequest config = request("GET", configPath, token);
                            config.accept = "*/*";
                            PipelineHttp::send(
                                transport, std::move(config),
                                [=](Result<ApiResponse> &&file) {
                                    // No readable file (another ci_config_path, no repository
                                    // access, an include we cannot follow): stage order.
                                    GitLabResponse::CiConfig ci;
                                    if (file.ok() && file->isSuccess()
                                        && !run->commitSha.isEmpty()) {
                                        auto parsed
                                            = GitLabResponse::decodeCiConfig(file->body, configUrl);
                                        if (parsed.ok())
                                            ci = *parsed;
                                    }
                                    GitLabResponse::linkJobs(&run->jobs, ci);
                                    finish(std::move(*run));
                                },
                                GitLabResponse::MaxCiYamlBytes);
                        });
                });
        });
}

void GitLabClient::jobLog(const QString &source, const QString &runId, const QString &jobId,
                          qint64 offset, QObject *context, Handler<PipelineLogChunk> handler) const
{
    Q_UNUSED(runId)
    HttpTransport *transport = m_transport;
    const QByteArray token = m_token;
    const QString what = PipelineHttp::urlOf(transport, tracePath(source, jobId));
    const QPointer<QObject> ctx(context);
    auto finish = [transport, ctx, what, handler](Result<PipelineLogChunk> &&out) {
        PipelineHttp::deliver<PipelineLogChunk>(transport, ctx, handler, std::move(out), what);
    };
    const qint64 from = qMax<qint64>(0, offset);
    // The job's status first: a trace read after the job finished is complete.
    PipelineHttp::send(
        transport, request("GET", jobPath(source, jobId), token),
        [=](Result<ApiResponse> &&jobAnswer) {
            const QString jobUrl = PipelineHttp::urlOf(transport, jobPath(source, jobId));
            Result<QList<PipelineJob>> job = jobAnswer.ok()
                                                 ? GitLabResponse::decodeJobs(*jobAnswer, jobUrl)
                                                 : Result<QList<PipelineJob>>(jobAnswer.error());
            if (!job.ok())
                return finish(job.error());
            const bool finished = !job->isEmpty() && pipelineStatusIsFinal(job->first().status);
            ApiRequest trace = request("GET", tracePath(source, jobId), token);
            trace.accept = "text/plain, */*";
            trace.headers.append({QByteArrayLiteral("Range"),
                                  "bytes=" + QByteArray::number(from) + '-'
                                      + QByteArray::number(from + MaxLogChunkBytes - 1)});
            PipelineHttp::send(transport, std::move(trace), [=](Result<ApiResponse> &&response) {
                if (!response.ok())
                    return finish(response.error());
                PipelineLogChunk chunk;
                if (response->status == 416) { // nothing after `from` yet
                    chunk.nextOffset = from;
                    chunk.complete = finished;
                    return finish(std::move(chunk));
                }
                if (!response->isSuccess())
                    return finish(GitLabResponse::errorOf(*response, what));
                qint64 total = -1;
                if (response->status == 206) {
                    chunk.text = response->body.left(MaxLogChunkBytes);
                    // Content-Range: bytes 100-199/1234
                    const QByteArray range = response->header("content-range");
                    bool ok = false;
                    const qint64 size = range.mid(range.lastIndexOf('/') + 1).toLongLong(&ok);
                    total = ok ? size : -1;
                } else {
                    chunk.text = response->body.mid(from, MaxLogChunkBytes);
                    total = response->body.size();
                }
                chunk.nextOffset = from + chunk.text.size();
                chunk.complete = finished && (total < 0 || chunk.nextOffset >= total);
                finish(std::move(chunk));
            });
        });
}

void GitLabClient::trigger(const QString &source, const PipelineTrigger &trigger, QObject *context,
                           Handler<QString> handler) const
{
    HttpTransport *transport = m_transport;
    const QByteArray token = m_token;
    const QString createPath = projectPath(source) + QStringLiteral("/pipeline");
    const QString what = PipelineHttp::urlOf(transport, createPath);
    const QPointer<QObject> ctx(context);
    const QMap<QString, QString> variables = trigger.inputs;
    auto create = [=](const QString &ref) {
        ApiRequest r = request("POST", createPath, token);
        r.contentType = "application/json";
        r.body = createBody(ref, variables);
        PipelineHttp::send(transport, std::move(r), [=](Result<ApiResponse> &&response) {
            Result<QString> out = response.ok() ? GitLabResponse::decodeCreated(*response, what)
                                                : Result<QString>(response.error());
            PipelineHttp::deliver<QString>(transport, ctx, handler, std::move(out), what);
        });
    };
    if (!trigger.ref.isEmpty())
        return create(trigger.ref);
    // No ref: the project's default branch.
    const QString projectUrl = PipelineHttp::urlOf(transport, projectPath(source));
    PipelineHttp::send(
        transport, request("GET", projectPath(source), token), [=](Result<ApiResponse> &&response) {
            Result<QString> ref = [&]() -> Result<QString> {
                if (!response.ok())
                    return response.error();
                if (!response->isSuccess())
                    return GitLabResponse::errorOf(*response, projectUrl);
                const QString branch
                    = JsonRead::string(JsonRead::parse(response->body), "default_branch");
                if (branch.isEmpty())
                    return Error(Error::Code::InvalidArgument,
                                 tr("the project has no default branch: give a ref"), projectUrl);
                return branch;
            }();
            if (!ref.ok())
                return PipelineHttp::deliver<QString>(transport, ctx, handler, ref.error(), what);
            create(*ref);
        });
}

void GitLabClient::rerun(const QString &source, const QString &runId, bool failedOnly,
                         QObject *context, Handler<void> handler) const
{
    if (failedOnly) {
        call<void>(m_transport,
                   request("POST", pipelinePath(source, runId) + QStringLiteral("/retry"), m_token),
                   context, std::move(handler), &GitLabResponse::decodeAccepted);
        return;
    }
    // Everything again: a new pipeline on the same ref (GitLab's "Run pipeline").
    HttpTransport *transport = m_transport;
    const QByteArray token = m_token;
    const QString what = PipelineHttp::urlOf(transport, pipelinePath(source, runId));
    const QPointer<QObject> ctx(context);
    PipelineHttp::send(
        transport, request("GET", pipelinePath(source, runId), token),
        [=](Result<ApiResponse> &&response) {
            const Result<PipelineRun> run
                = response.ok() ? GitLabResponse::decodePipeline(*response, source, what)
                                : Result<PipelineRun>(response.error());
            if (!run.ok())
                return PipelineHttp::deliver<void>(transport, ctx, handler, run.error(), what);
            const QString createPath = projectPath(source) + QStringLiteral("/pipeline");
            const QString createUrl = PipelineHttp::urlOf(transport, createPath);
            ApiRequest r = request("POST", createPath, token);
            r.contentType = "application/json";
            r.body = createBody(run->branch, {});
            PipelineHttp::send(transport, std::move(r), [=](Result<ApiResponse> &&created) {
                Result<void> out = created.ok()
                                       ? GitLabResponse::decodeAccepted(*created, createUrl)
                                       : Result<void>(created.error());
                PipelineHttp::deliver<void>(transport, ctx, handler, std::move(out), createUrl);
            });
        });
}

void GitLabClient::cancel(const QString &source, const QString &runId, QObject *context,
                          Handler<void> handler) const
{
    call<void>(m_transport,
               request("POST", pipelinePath(source, runId) + QStringLiteral("/cancel"), m_token),
               context, std::move(handler), &GitLabResponse::decodeAccepted);
}

void GitLabClient::review(const QString &source, const QString &runId, const QString &jobId,
                          bool approve, const QString &comment, QObject *context,
                          Handler<void> handler) const
{
    Q_UNUSED(runId)
    Q_UNUSED(comment)
    if (!approve) {
        const QString what = PipelineHttp::urlOf(m_transport, jobPath(source, jobId));
        Error e(Error::Code::Unsupported,
                tr("GitLab cannot reject a manual job: leave it unplayed, or cancel the "
                   "pipeline"),
                what);
        PipelineHttp::deliver<void>(m_transport, context, std::move(handler), std::move(e), what);
        return;
    }
    call<void>(m_transport,
               request("POST", jobPath(source, jobId) + QStringLiteral("/play"), m_token), context,
               std::move(handler), &GitLabResponse::decodeAccepted);
}

} // namespace Orrery
