// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/apirequest.h"
#include "pipelines/gitlabresponse.h"
#include "pipelines/pipelineclient.h"

#include <QByteArray>
#include <QString>

namespace Orrery {

class HttpTransport;

// GitLab CI over its REST API v4 (gitlab.com and self-managed): the transport's server is the
// API base, "https://gitlab.com/api/v4" or "https://gitlab.example.com/api/v4". A source is a
// project path ("group/sub/project", sent URL-encoded) or a numeric project id. The token
// (personal, project or group access token) goes in the PRIVATE-TOKEN header of each request
// and nowhere else (PipelineCredentials finds it).
//
// run() reads the pipeline, its jobs and bridges (trigger jobs, with the downstream or child
// pipeline they started) and the .gitlab-ci.yml at the pipeline's commit for the `needs` DAG
// (GitLabResponse::linkJobs; without the file, GitLab's stage order). jobLog() reads the
// trace from a byte offset (a Range request; a server that ignores Range is sliced here),
// at most MaxLogChunkBytes at a time. review() approves a manual job by playing it; GitLab has
// no "reject" for a manual job (it stays unplayed), so rejecting is Error::Code::Unsupported.
// rerun(failedOnly) retries the failed and cancelled jobs; a full rerun starts a new pipeline
// on the same ref. Everything runs and decodes on the transport's worker thread.
class GitLabClient final : public PipelineClient
{
public:
    static constexpr qint64 MaxLogChunkBytes = 16 * 1024 * 1024;
    static constexpr int PageSize = 100;
    static constexpr int MaxPages = 100;

    // `transport` must outlive the client's requests.
    GitLabClient(HttpTransport *transport, QByteArray token);

    PipelineProvider provider() const override { return PipelineProvider::GitLab; }
    QString baseUrl() const override;

    void runs(const QString &source, const PipelineRunFilter &filter, QObject *context,
              Handler<QList<PipelineRun>> handler) const override;
    void run(const QString &source, const QString &runId, QObject *context,
             Handler<PipelineRun> handler) const override;
    void jobLog(const QString &source, const QString &runId, const QString &jobId, qint64 offset,
                QObject *context, Handler<PipelineLogChunk> handler) const override;
    void trigger(const QString &source, const PipelineTrigger &trigger, QObject *context,
                 Handler<QString> handler) const override;
    void rerun(const QString &source, const QString &runId, bool failedOnly, QObject *context,
               Handler<void> handler) const override;
    void cancel(const QString &source, const QString &runId, QObject *context,
                Handler<void> handler) const override;
    void review(const QString &source, const QString &runId, const QString &jobId, bool approve,
                const QString &comment, QObject *context, Handler<void> handler) const override;

    // The project (GET /projects/:id) with the user's access level and default branch: what
    // the pipeline operations check before they send anything.
    void project(const QString &source, QObject *context,
                 Handler<GitLabResponse::Project> handler) const;
    // `request` with the token header this client sends. For the pipeline operations, whose
    // writes leave through the audited ClusterWriteExecutor on this client's transport (the
    // transport carries no GitLab credential): called just before sending, never on what a
    // preview shows; the audit log records no header.
    ApiRequest authorized(ApiRequest request) const;

    // The request paths (public for tests and for showing what Orrery asks).
    static QString projectPath(const QString &source);
    static QString pipelinesPath(const QString &source, const PipelineRunFilter &filter, int page);
    static QString pipelinePath(const QString &source, const QString &runId);
    static QString jobsPath(const QString &source, const QString &runId, int page);
    static QString bridgesPath(const QString &source, const QString &runId, int page);
    static QString ciConfigPath(const QString &source, const QString &sha);
    static QString jobPath(const QString &source, const QString &jobId);
    static QString tracePath(const QString &source, const QString &jobId);
    // The JSON body of POST /projects/:id/pipeline.
    static QByteArray createBody(const QString &ref, const QMap<QString, QString> &variables);

private:
    HttpTransport *m_transport;
    QByteArray m_token;
};

} // namespace Orrery
