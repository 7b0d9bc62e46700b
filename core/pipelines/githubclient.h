// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/githubresponse.h"
#include "pipelines/pipelineclient.h"

#include <QString>

#include <memory>

namespace Orrery {

class HttpTransport;

namespace Internal {
struct GitHubState;
}

// GitHub Actions over the REST API (api.github.com, or GitHub Enterprise Server under
// https://HOST/api/v3), on an HttpTransport whose server is that API base: TLS, the CA, the
// proxy and the credential (GitHubCredentials: a Bearer token) are the transport's. Requests
// and decoding run on the transport's worker thread; handlers run on `context`'s thread, not
// at all once it is gone. Every failure is an Error naming the URL asked, never the token.
//
//  - Sources are "owner/repo". Runs are listed newest first, per_page up to 100, following
//    the Link header's rel="next" (only to the same API base) until the filter's limit.
//  - run(): the run, its jobs with steps (all pages), then the needs between jobs, which the
//    jobs API does not give: the workflow file at the run's commit (contents API) is read for
//    jobs.<id>.needs, environment and strategy.matrix, and mapped onto the jobs by name
//    (GitHubResponse::applyWorkflow). When the file cannot be read, the jobs come without
//    edges. A run waiting for approval gets its pending deployments marked on its jobs.
//  - Every GET is cached with its ETag: the next identical GET sends If-None-Match and a 304
//    reuses the decoded answer (a 304 costs no quota). rateLimit() is the last answer's
//    X-RateLimit-* snapshot, for the UI; a 403/429 that is a rate limit is
//    Error::Code::TooManyRequests saying when the quota resets.
//  - jobLog() follows GitHub's 302 to the log storage (curl drops the Authorization header
//    when the host or port changes) and returns the whole log from `offset`.
class GitHubClient final : public PipelineClient
{
public:
    // `transport` must outlive the client's requests.
    explicit GitHubClient(HttpTransport *transport);
    ~GitHubClient() override;

    // The API base for a host: "github.com" (or "api.github.com", or empty) →
    // "https://api.github.com"; anything else is GitHub Enterprise Server →
    // "https://HOST/api/v3". A URL is kept as given (without a trailing slash).
    static QString apiBaseFor(const QString &host);
    // The host gh and the tokens are keyed by: "github.com" for api.github.com, else the host.
    static QString hostOf(const QString &apiBase);

    PipelineProvider provider() const override { return PipelineProvider::GitHub; }
    QString baseUrl() const override;

    void runs(const QString &source, const PipelineRunFilter &filter, QObject *context,
              Handler<QList<PipelineRun>> handler) const override;
    void run(const QString &source, const QString &runId, QObject *context,
             Handler<PipelineRun> handler) const override;
    void jobLog(const QString &source, const QString &runId, const QString &jobId, qint64 offset,
                QObject *context, Handler<PipelineLogChunk> handler) const override;
    // `trigger.workflow` (file name or id) is required; an empty ref is the repository's
    // default branch. The new run's id only when the server says it (else empty).
    void trigger(const QString &source, const PipelineTrigger &trigger, QObject *context,
                 Handler<QString> handler) const override;
    void rerun(const QString &source, const QString &runId, bool failedOnly, QObject *context,
               Handler<void> handler) const override;
    void cancel(const QString &source, const QString &runId, QObject *context,
                Handler<void> handler) const override;
    // Approves or rejects the pending deployment `jobId` waits at (jobId may also name the
    // environment by id or name; empty: every environment the user may approve).
    void review(const QString &source, const QString &runId, const QString &jobId, bool approve,
                const QString &comment, QObject *context, Handler<void> handler) const override;

    // GitHub only.
    void workflows(const QString &source, QObject *context,
                   Handler<QList<GitHubWorkflow>> handler) const;
    void pendingDeployments(const QString &source, const QString &runId, QObject *context,
                            Handler<QList<GitHubPendingDeployment>> handler) const;
    void artifacts(const QString &source, const QString &runId, QObject *context,
                   Handler<QList<GitHubArtifact>> handler) const;
    // The quota as the last answer said it (thread-safe); invalid before the first answer.
    GitHubRateLimit rateLimit() const;
    // GETs answered from the ETag cache (304) so far; for tests and the doctor.
    int notModifiedCount() const;

    // The request paths (public for tests and for showing what Orrery asks).
    static QString runsPath(const QString &source, const PipelineRunFilter &filter, int perPage);

private:
    std::shared_ptr<Internal::GitHubState> m_state;
};

} // namespace Orrery
