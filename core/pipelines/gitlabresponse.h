// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/apirequest.h"
#include "pipelines/pipelinerun.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Orrery {

// Decodes GitLab's REST API v4 answers (gitlabhq doc/api/pipelines.md, jobs.md) into the
// provider-neutral values, tolerantly and within bounds (docs/RELIABILITY.md): JsonRead
// (depth-limited, never throws); an item that is not an object or has no id is skipped;
// unknown fields are ignored; a time that does not parse reads as unset. More than MaxRuns
// pipelines or MaxJobs jobs in one answer is Error::Code::TooLarge.
//
// The DAG: GitLab's jobs API does not say a job's `needs`, so they come from the pipeline's
// .gitlab-ci.yml (read at the pipeline's commit, bounded by YamlJson's limits): a job with a
// `needs:` list waits for those jobs only (`needs: []` for none); any other job waits for
// every job of the previous stage that has jobs, GitLab's stage order.
class GitLabResponse
{
public:
    static constexpr qint64 MaxRuns = 10000;
    static constexpr qint64 MaxJobs = 10000;
    static constexpr qint64 MaxNeedsPerJob = 1000;
    static constexpr qint64 MaxCiYamlBytes = 4 * 1024 * 1024;

    // GET /projects/:id/pipelines (a list) and GET /projects/:id/pipelines/:pid (one).
    static Result<QList<PipelineRun>>
    decodePipelines(const ApiResponse &response, const QString &source, const QString &what = {});
    static Result<PipelineRun> decodePipeline(const ApiResponse &response, const QString &source,
                                              const QString &what = {});
    // GET .../pipelines/:pid/jobs (jobs) or .../bridges (trigger jobs, with their downstream
    // pipeline), or GET /projects/:id/jobs/:job (one job, as a list of one).
    static Result<QList<PipelineJob>> decodeJobs(const ApiResponse &response,
                                                 const QString &what = {});
    // What a trigger or child pipeline job started, from a bridge's web_url and id.
    // Adds the bridges (trigger jobs) of run `runId` of `source` to its `jobs`: a bridge whose
    // id is already there (listed twice, or as a job) is dropped, a downstream that is the run
    // itself is no link (it would open itself), at most MaxJobs in all. `webRoot` is the path
    // GitLab is installed under ("gitlab" for https://host/gitlab, its relative_url_root; empty
    // at the root): the downstream web_url's project path is read after it.
    static void mergeBridges(QList<PipelineJob> *jobs, const QList<PipelineJob> &bridges,
                             const QString &source, const QString &runId,
                             const QString &webRoot = {});
    // The webRoot of an API base: "https://host/gitlab/api/v4" -> "gitlab".
    static QString webRootOf(const QString &apiBase);
    // Jobs' needs as names from a .gitlab-ci.yml: job name -> the names it needs (present
    // only for jobs with a `needs:` key), and the declared stage order.
    struct CiConfig
    {
        QMap<QString, QStringList> needs;
        QStringList stages;
    };
    static Result<CiConfig> decodeCiConfig(const QByteArray &yaml, const QString &what = {});
    // Fills every job's `needs` (ids) from `config` and the stage order (see above). Jobs
    // arrive in any order, a duplicated id only once; `config` may be empty (no file
    // readable): stage order then.
    static void linkJobs(QList<PipelineJob> *jobs, const CiConfig &config);

    // Any 2xx whose body may be ignored (cancel, retry answer a pipeline we do not need).
    static Result<void> decodeAccepted(const ApiResponse &response, const QString &what = {});
    // POST /projects/:id/pipeline: the new pipeline's id.
    static Result<QString> decodeCreated(const ApiResponse &response, const QString &what = {});

    // GET /projects/:id: what an action checks before it is sent. `accessLevel` is the higher
    // of permissions.project_access and permissions.group_access (10 Guest, 20 Reporter,
    // 30 Developer, 40 Maintainer, 50 Owner); -1 when the answer does not say (another
    // token scope, an older GitLab): the server then decides.
    struct Project
    {
        QString id;
        QString path; // path_with_namespace
        QString defaultBranch;
        int accessLevel = -1;
    };
    static Result<Project> decodeProject(const ApiResponse &response, const QString &what = {});
    // created, pending, running, success, failed, canceled, skipped, manual, ... (see
    // PipelineStatus).
    static PipelineStatus status(const QString &gitlabStatus);
    // The pipelines API's `status` filter value for `status` (empty for Unknown).
    static QString statusFilter(PipelineStatus status);
    static Error errorOf(const ApiResponse &response, const QString &what);
};

} // namespace Orrery
