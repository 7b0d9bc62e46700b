// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubclient.h"

#include "kube/curlworker.h"
#include "kube/httptransport.h"
#include "util/async.h"

#include <QCoreApplication>
#include <QHash>
#include <QPointer>
#include <QRegularExpression>
#include <QUrl>

#include <any>
#include <mutex>

namespace Orrery {

namespace Internal {

// What every request of one client shares, also from the worker thread: the ETag cache and
// the last rate-limit snapshot.
struct GitHubState
{
    struct Cached
    {
        QByteArray etag;
        std::any value; // the decoded answer (its type is the request's)
        QString next;   // its Link rel="next"
    };
    // Entries beyond this empty the cache (a run list, a run and its jobs are a few each; a
    // session looking at hundreds of runs simply refetches).
    static constexpr int MaxCached = 512;

    HttpTransport *transport = nullptr;
    QString base; // the transport's server, without a trailing slash

    std::mutex mutex;
    QHash<QString, Cached> cache; // key: the request path with its query
    GitHubRateLimit rate;
    int notModified = 0;
};

} // namespace Internal

namespace {

using State = Internal::GitHubState;
using StatePtr = std::shared_ptr<State>;

QString tr(const char *text)
{
    return QCoreApplication::translate("GitHubClient", text);
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// "owner/repo", both parts plain names; the path prefix "/repos/owner/repo".
Result<QString> repoPath(const QString &source)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"));
    if (!valid.match(source).hasMatch() || source.contains(QLatin1String("..")))
        return Error(Error::Code::InvalidArgument,
                     tr("\"%1\" is not a GitHub repository: give OWNER/REPO").arg(source));
    return QStringLiteral("/repos/") + source;
}

Result<QString> idPart(const QString &id, const char *what)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    if (!ok || n <= 0)
        return Error(Error::Code::InvalidArgument,
                     tr("\"%1\" is not a GitHub %2 id").arg(id, QString::fromLatin1(what)));
    return QString::number(n);
}

ApiRequest githubRequest(QByteArray method, const QString &path)
{
    ApiRequest r;
    r.method = std::move(method);
    r.path = path;
    r.accept = "application/vnd.github+json";
    r.headers.append(qMakePair(QByteArray("X-GitHub-Api-Version"), QByteArray("2022-11-28")));
    return r;
}

// Pages of one list followed at most (100 × per_page 100 = GitHubResponse::MaxItems): an
// endless chain of next links, or pages smaller than asked, stop here.
constexpr int MaxPages = 100;

template <typename T>
using Decode = std::function<Result<T>(int, const QByteArray &, const QString &)>;
template <typename T> using Done = std::function<void(Result<T> &&, const QString &next)>;

// Sends `request` on the worker; `done` runs there with the decoded answer (or the Error) and
// the Link rel="next" URL. GETs go through the ETag cache.
template <typename T>
void fetch(const StatePtr &s, ApiRequest request, Decode<T> decode, Done<T> done,
           qint64 maxBodyBytes = Limits::maxResponseBodyBytes)
{
    const QString what = s->base + request.path.section(QLatin1Char('?'), 0, 0);
    const bool cacheable = request.method == "GET";
    const QString key = request.path;
    if (cacheable) {
        std::lock_guard lock(s->mutex);
        const auto it = s->cache.constFind(key);
        if (it != s->cache.cend() && !it->etag.isEmpty())
            request.headers.append(qMakePair(QByteArray("If-None-Match"), it->etag));
    }
    Internal::CurlJob job;
    job.request = std::move(request);
    job.maxBodyBytes = maxBodyBytes;
    job.onDone = [s, what, key, cacheable, decode = std::move(decode),
                  done = std::move(done)](Result<ApiResponse> &&answer) {
        if (!answer.ok()) {
            Error e = answer.error();
            if (e.context.isEmpty())
                e.context = what;
            done(std::move(e), QString());
            return;
        }
        const ApiResponse &r = *answer;
        const GitHubRateLimit rate = GitHubResponse::rateLimitOf(r.headers);
        if (rate.isValid()) {
            std::lock_guard lock(s->mutex);
            s->rate = rate;
        }
        if (r.status == 304 && cacheable) {
            std::unique_lock lock(s->mutex);
            const auto it = s->cache.constFind(key);
            if (it != s->cache.cend()) {
                if (const T *value = std::any_cast<T>(&it->value)) {
                    T copy = *value;
                    const QString next = it->next;
                    ++s->notModified;
                    lock.unlock();
                    done(std::move(copy), next);
                    return;
                }
            }
            lock.unlock();
            Error e(Error::Code::Unknown,
                    tr("GitHub answered 304 Not Modified to a request Orrery has no answer for"),
                    what);
            e.httpStatus = 304;
            done(std::move(e), QString());
            return;
        }
        if (!r.isSuccess()) {
            done(GitHubResponse::errorOf(r.status, r.body, what, rate, r.retryAfterSeconds),
                 QString());
            return;
        }
        Result<T> out = decode(r.status, r.body, what);
        const QString next = GitHubResponse::nextLink(r.header("link"));
        const QByteArray etag = r.header("etag");
        if (out.ok() && cacheable && !etag.isEmpty() && etag.size() < 1024) {
            std::lock_guard lock(s->mutex);
            if (s->cache.size() >= State::MaxCached)
                s->cache.clear();
            s->cache.insert(key, State::Cached{etag, std::any(out.value()), next});
        }
        done(std::move(out), next);
    };
    s->transport->worker()->submit(std::move(job));
}

// Hands `out` to `handler` on `context`'s thread (never once `context` is gone).
template <typename T>
void deliver(const StatePtr &s, const QPointer<QObject> &context,
             const PipelineClient::Handler<T> &handler, Result<T> out)
{
    Async::deliverVia(s->transport, context, [handler, out = std::move(out)] { handler(out); });
}

// The path of a Link rel="next" URL when it points at the same API base; empty otherwise
// (a token is never sent anywhere the user did not configure).
QString nextPath(const StatePtr &s, const QString &next)
{
    if (next.isEmpty() || !next.startsWith(s->base + QLatin1Char('/')))
        return QString();
    return next.mid(s->base.size());
}

// Collects the pages of a list from `path` until `limit` items (or no next page, or
// `maxPages`), then calls `done` on the worker.
template <typename T>
void collect(const StatePtr &s, const QString &path, Decode<GitHubPage<T>> decode, qint64 limit,
             int maxPages, std::shared_ptr<QList<T>> acc,
             std::function<void(Result<QList<T>> &&)> done)
{
    fetch<GitHubPage<T>>(
        s, githubRequest("GET", path), decode,
        [s, decode, limit, maxPages, acc, done](Result<GitHubPage<T>> &&page, const QString &next) {
            if (!page.ok()) {
                done(page.error());
                return;
            }
            for (const T &item : page->items) {
                if (acc->size() >= limit)
                    break;
                acc->append(item);
            }
            const QString nextP = nextPath(s, next);
            if (acc->size() >= limit || nextP.isEmpty() || maxPages <= 1 || page->items.isEmpty()) {
                done(std::move(*acc));
                return;
            }
            collect<T>(s, nextP, decode, limit, maxPages - 1, acc, done);
        });
}

QString githubStatusFilter(PipelineStatus status)
{
    switch (status) {
    case PipelineStatus::Queued: return QStringLiteral("queued");
    case PipelineStatus::Waiting: return QStringLiteral("waiting");
    case PipelineStatus::Running: return QStringLiteral("in_progress");
    case PipelineStatus::Succeeded: return QStringLiteral("success");
    case PipelineStatus::Failed: return QStringLiteral("failure");
    case PipelineStatus::Cancelled: return QStringLiteral("cancelled");
    case PipelineStatus::Skipped: return QStringLiteral("skipped");
    case PipelineStatus::Unknown: break;
    }
    return QString();
}

// A run with its jobs, the needs from its workflow file and its pending deployments; `done`
// runs on the worker.
void fetchRun(const StatePtr &s, const QString &source, const QString &repo, const QString &id,
              std::function<void(Result<PipelineRun> &&)> done)
{
    struct RunAndPath
    {
        PipelineRun run;
        QString workflowPath;
    };
    Decode<RunAndPath> decodeRun
        = [source](int status, const QByteArray &body, const QString &what) -> Result<RunAndPath> {
        QString path;
        Result<PipelineRun> run = GitHubResponse::decodeRun(status, body, source, what, &path);
        if (!run.ok())
            return run.error();
        return RunAndPath{std::move(run.value()), path};
    };
    fetch<RunAndPath>(
        s, githubRequest("GET", repo + QStringLiteral("/actions/runs/") + id), decodeRun,
        [s, repo, id, done](Result<RunAndPath> &&got, const QString &) {
            if (!got.ok()) {
                done(got.error());
                return;
            }
            auto run = std::make_shared<PipelineRun>(std::move(got->run));
            const QString workflowPath = got->workflowPath;
            Decode<GitHubPage<PipelineJob>> decodeJobs
                = [](int status, const QByteArray &body, const QString &what) {
                      return GitHubResponse::decodeJobs(status, body, what);
                  };
            const QString jobsPath = repo + QStringLiteral("/actions/runs/") + id
                                     + QStringLiteral("/jobs?per_page=100");
            collect<PipelineJob>(
                s, jobsPath, decodeJobs, GitHubResponse::MaxItems, MaxPages,
                std::make_shared<QList<PipelineJob>>(),
                [s, repo, id, run, workflowPath, done](Result<QList<PipelineJob>> &&jobs) {
                    if (!jobs.ok()) {
                        done(jobs.error());
                        return;
                    }
                    run->jobs = std::move(jobs.value());
                    // Last: pending deployments of a run that waits (errors leave it as it is).
                    auto finish = [s, repo, id, run, done] {
                        const bool waiting
                            = run->status == PipelineStatus::Waiting
                              || std::any_of(run->jobs.cbegin(), run->jobs.cend(),
                                             [](const auto &j) {
                                                 return j.status == PipelineStatus::Waiting;
                                             });
                        if (!waiting) {
                            done(std::move(*run));
                            return;
                        }
                        Decode<QList<GitHubPendingDeployment>> decodePending =
                            [](int status, const QByteArray &body, const QString &what) {
                                return GitHubResponse::decodePendingDeployments(status, body, what);
                            };
                        fetch<QList<GitHubPendingDeployment>>(
                            s,
                            githubRequest("GET", repo + QStringLiteral("/actions/runs/") + id
                                                     + QStringLiteral("/pending_deployments")),
                            decodePending,
                            [run, done](Result<QList<GitHubPendingDeployment>> &&pending,
                                        const QString &) {
                                if (pending.ok())
                                    GitHubResponse::applyPendingDeployments(run->jobs, *pending);
                                done(std::move(*run));
                            });
                    };
                    if (workflowPath.isEmpty() || run->commitSha.isEmpty()) {
                        finish();
                        return;
                    }
                    // The needs: the workflow file at the run's commit. Reading it may fail (no
                    // contents permission, a dynamic workflow): the jobs then have no edges.
                    QString encodedPath;
                    for (const QString &part : workflowPath.split(QLatin1Char('/')))
                        encodedPath += QLatin1Char('/') + encoded(part);
                    Decode<QList<GitHubWorkflowJob>> decodeWorkflow
                        = [](int status, const QByteArray &body,
                             const QString &what) -> Result<QList<GitHubWorkflowJob>> {
                        Result<QByteArray> file = GitHubResponse::decodeContent(status, body, what);
                        if (!file.ok())
                            return file.error();
                        return GitHubResponse::decodeWorkflowJobs(*file, what);
                    };
                    fetch<QList<GitHubWorkflowJob>>(
                        s,
                        githubRequest("GET", repo + QStringLiteral("/contents") + encodedPath
                                                 + QStringLiteral("?ref=")
                                                 + encoded(run->commitSha)),
                        decodeWorkflow,
                        [run, finish](Result<QList<GitHubWorkflowJob>> &&workflow,
                                      const QString &) {
                            if (workflow.ok())
                                GitHubResponse::applyWorkflow(run->jobs, *workflow);
                            finish();
                        },
                        GitHubResponse::MaxWorkflowFileBytes * 2);
                });
        });
}

} // namespace

GitHubClient::GitHubClient(HttpTransport *transport)
    : m_state(std::make_shared<State>())
{
    m_state->transport = transport;
    QString base = transport->connection().server;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    m_state->base = base;
}

GitHubClient::~GitHubClient() = default;

QString GitHubClient::apiBaseFor(const QString &host)
{
    QString h = host.trimmed();
    if (h.startsWith(QLatin1String("https://")) || h.startsWith(QLatin1String("http://"))) {
        while (h.endsWith(QLatin1Char('/')))
            h.chop(1);
        return h;
    }
    if (h.isEmpty() || h.compare(QLatin1String("github.com"), Qt::CaseInsensitive) == 0
        || h.compare(QLatin1String("api.github.com"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("https://api.github.com");
    return QStringLiteral("https://") + h + QStringLiteral("/api/v3");
}

QString GitHubClient::hostOf(const QString &apiBase)
{
    const QUrl url(apiBase);
    QString host = url.host();
    if (host.compare(QLatin1String("api.github.com"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("github.com");
    if (url.port() > 0)
        host += QLatin1Char(':') + QString::number(url.port());
    return host;
}

QString GitHubClient::baseUrl() const
{
    return m_state->base;
}

GitHubRateLimit GitHubClient::rateLimit() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->rate;
}

int GitHubClient::notModifiedCount() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->notModified;
}

QString GitHubClient::runsPath(const QString &source, const PipelineRunFilter &filter, int perPage)
{
    QString path = QStringLiteral("/repos/") + source + QStringLiteral("/actions/runs?per_page=")
                   + QString::number(perPage);
    if (!filter.branch.isEmpty())
        path += QStringLiteral("&branch=") + encoded(filter.branch);
    if (!filter.event.isEmpty())
        path += QStringLiteral("&event=") + encoded(filter.event);
    if (!filter.actor.isEmpty())
        path += QStringLiteral("&actor=") + encoded(filter.actor);
    const QString status = githubStatusFilter(filter.status);
    if (!status.isEmpty())
        path += QStringLiteral("&status=") + status;
    return path;
}

void GitHubClient::runs(const QString &source, const PipelineRunFilter &filter, QObject *context,
                        Handler<QList<PipelineRun>> handler) const
{
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    if (!repo.ok()) {
        deliver<QList<PipelineRun>>(m_state, ctx, handler, repo.error());
        return;
    }
    const qint64 limit = qBound<qint64>(1, qint64(filter.limit), GitHubResponse::MaxItems);
    const int perPage = int(qMin<qint64>(limit, 100));
    Decode<GitHubPage<PipelineRun>> decode
        = [source](int status, const QByteArray &body, const QString &what) {
              return GitHubResponse::decodeRuns(status, body, source, what);
          };
    const StatePtr s = m_state;
    collect<PipelineRun>(s, runsPath(source, filter, perPage), decode, limit, MaxPages,
                         std::make_shared<QList<PipelineRun>>(),
                         [s, ctx, handler](Result<QList<PipelineRun>> &&out) {
                             deliver<QList<PipelineRun>>(s, ctx, handler, std::move(out));
                         });
}

void GitHubClient::run(const QString &source, const QString &runId, QObject *context,
                       Handler<PipelineRun> handler) const
{
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    const Result<QString> id = idPart(runId, "run");
    if (!repo.ok() || !id.ok()) {
        deliver<PipelineRun>(m_state, ctx, handler, !repo.ok() ? repo.error() : id.error());
        return;
    }
    const StatePtr s = m_state;
    fetchRun(s, source, *repo, *id, [s, ctx, handler](Result<PipelineRun> &&out) {
        deliver<PipelineRun>(s, ctx, handler, std::move(out));
    });
}

void GitHubClient::jobLog(const QString &source, const QString &runId, const QString &jobId,
                          qint64 offset, QObject *context, Handler<PipelineLogChunk> handler) const
{
    Q_UNUSED(runId); // GitHub's job ids are unique in the repository
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    const Result<QString> id = idPart(jobId, "job");
    if (!repo.ok() || !id.ok()) {
        deliver<PipelineLogChunk>(m_state, ctx, handler, !repo.ok() ? repo.error() : id.error());
        return;
    }
    ApiRequest request = githubRequest("GET", *repo + QStringLiteral("/actions/jobs/") + *id
                                                  + QStringLiteral("/logs"));
    request.accept = "*/*";
    request.followRedirects = true;
    request.timeoutMs = 120000;
    const StatePtr s = m_state;
    Internal::CurlJob job;
    const QString what = s->base + request.path;
    job.request = std::move(request);
    job.maxBodyBytes = GitHubResponse::MaxLogBytes;
    job.onDone = [s, ctx, handler, what, offset](Result<ApiResponse> &&answer) {
        Result<PipelineLogChunk> out = [&]() -> Result<PipelineLogChunk> {
            if (!answer.ok()) {
                Error e = answer.error();
                if (e.context.isEmpty())
                    e.context = what;
                return e;
            }
            const GitHubRateLimit rate = GitHubResponse::rateLimitOf(answer->headers);
            if (rate.isValid()) {
                std::lock_guard lock(s->mutex);
                s->rate = rate;
            }
            if (!answer->isSuccess())
                return GitHubResponse::errorOf(answer->status, answer->body, what, rate,
                                               answer->retryAfterSeconds);
            PipelineLogChunk chunk;
            const qint64 from = qBound<qint64>(0, offset, answer->body.size());
            chunk.text = answer->body.mid(from);
            chunk.nextOffset = answer->body.size();
            chunk.complete = true; // GitHub serves a job's log once the job finished
            return chunk;
        }();
        deliver<PipelineLogChunk>(s, ctx, handler, std::move(out));
    };
    s->transport->worker()->submit(std::move(job));
}

void GitHubClient::trigger(const QString &source, const PipelineTrigger &trigger, QObject *context,
                           Handler<QString> handler) const
{
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    if (!repo.ok()) {
        deliver<QString>(m_state, ctx, handler, repo.error());
        return;
    }
    if (trigger.workflow.isEmpty() || trigger.workflow.contains(QLatin1Char('/'))) {
        deliver<QString>(m_state, ctx, handler,
                         Error(Error::Code::InvalidArgument,
                               tr("give the workflow to run by its file name (deploy.yml) or id")));
        return;
    }
    const StatePtr s = m_state;
    const QString path = *repo + QStringLiteral("/actions/workflows/") + encoded(trigger.workflow)
                         + QStringLiteral("/dispatches");
    const QMap<QString, QString> inputs = trigger.inputs;
    auto dispatch = [s, ctx, handler, path, inputs](const QString &ref) {
        ApiRequest request = githubRequest("POST", path);
        request.contentType = "application/json";
        request.body = GitHubResponse::encodeDispatch(ref, inputs);
        fetch<QString>(
            s, std::move(request),
            [](int status, const QByteArray &body, const QString &what) {
                return GitHubResponse::decodeDispatch(status, body, what);
            },
            [s, ctx, handler](Result<QString> &&out, const QString &) {
                deliver<QString>(s, ctx, handler, std::move(out));
            });
    };
    if (!trigger.ref.isEmpty()) {
        dispatch(trigger.ref);
        return;
    }
    fetch<QString>(
        s, githubRequest("GET", *repo),
        [](int status, const QByteArray &body, const QString &what) {
            return GitHubResponse::decodeDefaultBranch(status, body, what);
        },
        [s, ctx, handler, dispatch](Result<QString> &&branch, const QString &) {
            if (!branch.ok()) {
                deliver<QString>(s, ctx, handler, branch.error());
                return;
            }
            dispatch(*branch);
        });
}

namespace {

void postAction(const StatePtr &s, const QPointer<QObject> &ctx,
                const PipelineClient::Handler<void> &handler, const QString &path,
                QByteArray body = "{}")
{
    ApiRequest request = githubRequest("POST", path);
    request.contentType = "application/json";
    request.body = std::move(body);
    // Result<void> cannot go through std::any: decode into a bool and map back.
    fetch<bool>(
        s, std::move(request),
        [](int status, const QByteArray &answer, const QString &what) -> Result<bool> {
            const Result<void> r = GitHubResponse::decodeAccepted(status, answer, what);
            if (!r.ok())
                return r.error();
            return true;
        },
        [s, ctx, handler](Result<bool> &&out, const QString &) {
            const Result<void> r = out.ok() ? Result<void>() : Result<void>(out.error());
            Async::deliverVia(s->transport, ctx, [handler, r] { handler(r); });
        });
}

} // namespace

void GitHubClient::rerun(const QString &source, const QString &runId, bool failedOnly,
                         QObject *context, Handler<void> handler) const
{
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    const Result<QString> id = idPart(runId, "run");
    if (!repo.ok() || !id.ok()) {
        const Result<void> r(!repo.ok() ? repo.error() : id.error());
        Async::deliverVia(m_state->transport, ctx, [handler, r] { handler(r); });
        return;
    }
    postAction(
        m_state, ctx, handler,
        *repo + QStringLiteral("/actions/runs/") + *id
            + (failedOnly ? QStringLiteral("/rerun-failed-jobs") : QStringLiteral("/rerun")));
}

void GitHubClient::cancel(const QString &source, const QString &runId, QObject *context,
                          Handler<void> handler) const
{
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    const Result<QString> id = idPart(runId, "run");
    if (!repo.ok() || !id.ok()) {
        const Result<void> r(!repo.ok() ? repo.error() : id.error());
        Async::deliverVia(m_state->transport, ctx, [handler, r] { handler(r); });
        return;
    }
    postAction(m_state, ctx, handler,
               *repo + QStringLiteral("/actions/runs/") + *id + QStringLiteral("/cancel"));
}

void GitHubClient::review(const QString &source, const QString &runId, const QString &jobId,
                          bool approve, const QString &comment, QObject *context,
                          Handler<void> handler) const
{
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    const Result<QString> id = idPart(runId, "run");
    if (!repo.ok() || !id.ok()) {
        const Result<void> r(!repo.ok() ? repo.error() : id.error());
        Async::deliverVia(m_state->transport, ctx, [handler, r] { handler(r); });
        return;
    }
    const StatePtr s = m_state;
    const QString pendingPath
        = *repo + QStringLiteral("/actions/runs/") + *id + QStringLiteral("/pending_deployments");
    auto fail = [s, ctx, handler](const Error &e) {
        const Result<void> r(e);
        Async::deliverVia(s->transport, ctx, [handler, r] { handler(r); });
    };
    // Which environments: by the job's environment (from the run), its id or name, or all.
    auto decide = [s, ctx, handler, fail, pendingPath, jobId, approve,
                   comment](const QList<GitHubPendingDeployment> &pending,
                            const QString &jobEnvironment) {
        QStringList ids;
        for (const GitHubPendingDeployment &d : pending) {
            const bool chosen
                = jobId.isEmpty()
                      ? d.currentUserCanApprove
                      : (d.environmentId == jobId || d.environment == jobId
                         || (!jobEnvironment.isEmpty() && d.environment == jobEnvironment));
            if (chosen)
                ids.append(d.environmentId);
        }
        if (ids.isEmpty()) {
            fail(Error(Error::Code::NotFound,
                       jobId.isEmpty()
                           ? tr("the run waits at no deployment you may review")
                           : tr("job %1 waits at no pending deployment of this run").arg(jobId),
                       s->base + pendingPath));
            return;
        }
        postAction(s, ctx, handler, pendingPath,
                   GitHubResponse::encodeReview(ids, approve, comment));
    };
    const QString source_ = source;
    const QString repo_ = *repo;
    const QString id_ = *id;
    ApiRequest request = githubRequest("GET", pendingPath);
    fetch<QList<GitHubPendingDeployment>>(
        s, std::move(request),
        [](int status, const QByteArray &body, const QString &what) {
            return GitHubResponse::decodePendingDeployments(status, body, what);
        },
        [s, fail, decide, jobId, source_, repo_,
         id_](Result<QList<GitHubPendingDeployment>> &&pending, const QString &) {
            if (!pending.ok()) {
                fail(pending.error());
                return;
            }
            const QList<GitHubPendingDeployment> list = *pending;
            const bool byEnvironment
                = jobId.isEmpty() || std::any_of(list.cbegin(), list.cend(), [&](const auto &d) {
                      return d.environmentId == jobId || d.environment == jobId;
                  });
            if (byEnvironment) {
                decide(list, QString());
                return;
            }
            // A job id: its environment comes from the run's workflow file.
            fetchRun(s, source_, repo_, id_,
                     [fail, decide, list, jobId](Result<PipelineRun> &&run) {
                         if (!run.ok()) {
                             fail(run.error());
                             return;
                         }
                         QString environment;
                         for (const PipelineJob &j : run->jobs)
                             if (j.id == jobId)
                                 environment = j.environment;
                         decide(list, environment);
                     });
        });
}

void GitHubClient::workflows(const QString &source, QObject *context,
                             Handler<QList<GitHubWorkflow>> handler) const
{
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    if (!repo.ok()) {
        deliver<QList<GitHubWorkflow>>(m_state, ctx, handler, repo.error());
        return;
    }
    const StatePtr s = m_state;
    collect<GitHubWorkflow>(
        s, *repo + QStringLiteral("/actions/workflows?per_page=100"),
        [](int status, const QByteArray &body, const QString &what) {
            return GitHubResponse::decodeWorkflows(status, body, what);
        },
        GitHubResponse::MaxItems, MaxPages, std::make_shared<QList<GitHubWorkflow>>(),
        [s, ctx, handler](Result<QList<GitHubWorkflow>> &&out) {
            deliver<QList<GitHubWorkflow>>(s, ctx, handler, std::move(out));
        });
}

void GitHubClient::pendingDeployments(const QString &source, const QString &runId, QObject *context,
                                      Handler<QList<GitHubPendingDeployment>> handler) const
{
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    const Result<QString> id = idPart(runId, "run");
    if (!repo.ok() || !id.ok()) {
        deliver<QList<GitHubPendingDeployment>>(m_state, ctx, handler,
                                                !repo.ok() ? repo.error() : id.error());
        return;
    }
    const StatePtr s = m_state;
    fetch<QList<GitHubPendingDeployment>>(
        s,
        githubRequest("GET", *repo + QStringLiteral("/actions/runs/") + *id
                                 + QStringLiteral("/pending_deployments")),
        [](int status, const QByteArray &body, const QString &what) {
            return GitHubResponse::decodePendingDeployments(status, body, what);
        },
        [s, ctx, handler](Result<QList<GitHubPendingDeployment>> &&out, const QString &) {
            deliver<QList<GitHubPendingDeployment>>(s, ctx, handler, std::move(out));
        });
}

void GitHubClient::artifacts(const QString &source, const QString &runId, QObject *context,
                             Handler<QList<GitHubArtifact>> handler) const
{
    const QPointer<QObject> ctx(context);
    const Result<QString> repo = repoPath(source);
    const Result<QString> id = idPart(runId, "run");
    if (!repo.ok() || !id.ok()) {
        deliver<QList<GitHubArtifact>>(m_state, ctx, handler,
                                       !repo.ok() ? repo.error() : id.error());
        return;
    }
    const StatePtr s = m_state;
    collect<GitHubArtifact>(
        s,
        *repo + QStringLiteral("/actions/runs/") + *id + QStringLiteral("/artifacts?per_page=100"),
        [](int status, const QByteArray &body, const QString &what) {
            return GitHubResponse::decodeArtifacts(status, body, what);
        },
        GitHubResponse::MaxItems, MaxPages, std::make_shared<QList<GitHubArtifact>>(),
        [s, ctx, handler](Result<QList<GitHubArtifact>> &&out) {
            deliver<QList<GitHubArtifact>>(s, ctx, handler, std::move(out));
        });
}

} // namespace Orrery
