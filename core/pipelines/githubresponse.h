// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/pipelineclient.h"
#include "pipelines/pipelinerun.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Orrery {

// GitHub's rate limit as the last answer's headers said it (X-RateLimit-Limit, -Remaining,
// -Used, -Reset, -Resource). Not valid until an answer carried them.
struct GitHubRateLimit
{
    int limit = -1;
    int remaining = -1;
    int used = -1;
    QDateTime reset;  // UTC
    QString resource; // "core"

    bool isValid() const { return limit >= 0 && remaining >= 0; }
    bool operator==(const GitHubRateLimit &) const = default;
};

// A workflow of a repository (GET /repos/{o}/{r}/actions/workflows).
struct GitHubWorkflow
{
    QString id;
    QString name;
    QString path;  // ".github/workflows/build.yml"
    QString state; // "active", "disabled_manually", ...
    QString webUrl;

    bool operator==(const GitHubWorkflow &) const = default;
};

// An environment a run waits at (GET .../runs/{id}/pending_deployments).
struct GitHubPendingDeployment
{
    QString environmentId;
    QString environment; // its name ("production")
    int waitTimerMinutes = 0;
    QDateTime waitTimerStartedAt;
    bool currentUserCanApprove = false;
    QStringList reviewers; // user logins and team slugs

    bool operator==(const GitHubPendingDeployment &) const = default;
};

// An artifact of a run (GET .../runs/{id}/artifacts).
struct GitHubArtifact
{
    QString id;
    QString name;
    qint64 sizeBytes = 0;
    bool expired = false;
    QDateTime createdAt;
    QDateTime expiresAt;
    QString digest;      // "sha256:..." when GitHub says
    QString downloadUrl; // archive_download_url (needs the token; answers a redirect)
    QString headSha;

    bool operator==(const GitHubArtifact &) const = default;
};

// What a workflow file says about its jobs (jobs.<id>: name, needs, environment, matrix).
struct GitHubWorkflowJob
{
    QString id;        // the key under jobs:
    QString name;      // name: when set (may hold ${{ }} expressions), else empty
    QStringList needs; // job ids
    QString environment;
    bool matrix = false;   // strategy.matrix: the job expands to "name (a, b)" jobs
    bool reusable = false; // uses: a reusable workflow (its jobs show as "name / inner")

    bool operator==(const GitHubWorkflowJob &) const = default;
};

// One page of a list answer, with where the next page is (Link rel="next").
template <typename T> struct GitHubPage
{
    QList<T> items;
    qint64 totalCount = -1;
    QString next; // absolute URL, empty on the last page
};

// Decodes GitHub's REST answers (the shapes of GitHub's OpenAPI description, examples in
// tests/data/github) tolerantly and within bounds, like every reader of outside input
// (docs/RELIABILITY.md): JsonRead (depth-limited, never throws); items that are not objects
// or lack an id are skipped; unknown fields are ignored; lists beyond their Max* limit are
// Error::Code::TooLarge; times that do not parse read as unset.
//
// Statuses: status + conclusion map onto PipelineStatus (pipelinerun.h), the original words
// kept in providerStatus as "status/conclusion" ("completed/success", "in_progress").
// A non-2xx status is an Error with the HTTP status and GitHub's {"message"}; a 403 or 429
// with X-RateLimit-Remaining: 0 (or a Retry-After) is Error::Code::TooManyRequests saying when
// the quota resets. `what` names the request for Error::context.
class GitHubResponse
{
public:
    static constexpr qint64 MaxItems = 10000; // runs, jobs, workflows, artifacts per answer
    static constexpr qint64 MaxStepsPerJob = 1000;
    static constexpr qint64 MaxWorkflowJobs = 2000;
    static constexpr qint64 MaxNeedsPerJob = 1000;
    // A workflow file (contents API): GitHub refuses workflow files above 512 KiB anyway.
    static constexpr qint64 MaxWorkflowFileBytes = 4 * 1024 * 1024;
    // A job's log (plain text after the redirect).
    static constexpr qint64 MaxLogBytes = 64 * 1024 * 1024;

    static PipelineStatus statusOf(const QString &status, const QString &conclusion);
    static QString providerStatusOf(const QString &status, const QString &conclusion);

    // GET .../actions/runs and .../workflows/{id}/runs: {total_count, workflow_runs[]}.
    static Result<GitHubPage<PipelineRun>> decodeRuns(int httpStatus, const QByteArray &body,
                                                      const QString &source,
                                                      const QString &what = {});
    // GET .../actions/runs/{id}. `workflowPath`: the workflow file it ran
    // (".github/workflows/build.yml", from "path" without its "@ref").
    static Result<PipelineRun> decodeRun(int httpStatus, const QByteArray &body,
                                         const QString &source, const QString &what = {},
                                         QString *workflowPath = nullptr);
    // GET .../runs/{id}/jobs: {total_count, jobs[]}, matrix groups set ("build (a, b)" is in
    // group "build" when another job of the page shares that prefix or it has parentheses).
    static Result<GitHubPage<PipelineJob>> decodeJobs(int httpStatus, const QByteArray &body,
                                                      const QString &what = {});
    static Result<GitHubPage<GitHubWorkflow>>
    decodeWorkflows(int httpStatus, const QByteArray &body, const QString &what = {});
    static Result<QList<GitHubPendingDeployment>>
    decodePendingDeployments(int httpStatus, const QByteArray &body, const QString &what = {});
    static Result<GitHubPage<GitHubArtifact>>
    decodeArtifacts(int httpStatus, const QByteArray &body, const QString &what = {});
    // GET /repos/{o}/{r}: its default_branch.
    static Result<QString> decodeDefaultBranch(int httpStatus, const QByteArray &body,
                                               const QString &what = {});
    // GET /repos/{o}/{r}/contents/{path}?ref=: the file's bytes (base64 "content").
    static Result<QByteArray> decodeContent(int httpStatus, const QByteArray &body,
                                            const QString &what = {});
    // POST .../dispatches: 204 (no id) or 200 {"workflow_run_id"} (newer servers).
    static Result<QString> decodeDispatch(int httpStatus, const QByteArray &body,
                                          const QString &what = {});
    // Actions answering 201/202/204 with an empty or ignorable body.
    static Result<void> decodeAccepted(int httpStatus, const QByteArray &body,
                                       const QString &what = {});

    // The jobs of a workflow file (YAML, bounded by YamlJson's limits).
    static Result<QList<GitHubWorkflowJob>> decodeWorkflowJobs(const QByteArray &yaml,
                                                               const QString &what = {});
    // Sets each job's needs (GitHub job ids), environment and group from the workflow file:
    // a job is matched to its workflow job by name (name: or the id, literal parts of a
    // ${{ }} name, "name (matrix values)" for matrix jobs, "caller / inner" for reusable
    // workflows). Jobs that match nothing keep no needs.
    static void applyWorkflow(QList<PipelineJob> &jobs, const QList<GitHubWorkflowJob> &workflow);
    // Marks the jobs waiting at a pending deployment's environment as manual and Waiting.
    static void applyPendingDeployments(QList<PipelineJob> &jobs,
                                        const QList<GitHubPendingDeployment> &pending);

    // "build (ubuntu-latest, 20)" → "build"; "" for a name without a matrix suffix.
    static QString matrixGroupOf(const QString &jobName);
    // The rel="next" URL of a Link header, or empty.
    static QString nextLink(const QByteArray &linkHeader);
    // From an answer's headers (names in any case); invalid when they are absent.
    static GitHubRateLimit rateLimitOf(const QList<QPair<QByteArray, QByteArray>> &headers);

    // Bodies of the actions.
    static QByteArray encodeDispatch(const QString &ref, const QMap<QString, QString> &inputs);
    static QByteArray encodeReview(const QStringList &environmentIds, bool approve,
                                   const QString &comment);

    // The Error for a non-2xx answer (see above). `rate` is what the same answer's headers
    // said; `retryAfterSeconds` its Retry-After (-1 when none).
    static Error errorOf(int httpStatus, const QByteArray &body, const QString &what,
                         const GitHubRateLimit &rate = {}, int retryAfterSeconds = -1);
    // RFC 3339 with an offset or Z, with or without fractions, to UTC; invalid otherwise.
    static QDateTime parseTime(const QString &text);
};

} // namespace Orrery
