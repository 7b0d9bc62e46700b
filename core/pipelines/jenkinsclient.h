// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/apirequest.h"
#include "pipelines/jenkinsresponse.h"
#include "pipelines/pipelineclient.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Orrery {

class HttpTransport;

// Jenkins over its remote API: the transport's server is Jenkins' root URL
// ("https://ci.example.com" or "https://host/jenkins") and its credentials are HTTP Basic
// user:API-token (PipelineCredentials::jenkins; a StaticCredentialProvider). A source is a
// job's full name, folders and multibranch projects included ("shop/api/main" is
// /job/shop/job/api/job/main; a branch "feature/x" is named "feature%2Fx" as Jenkins names
// it). A multibranch project itself has no builds: runs() of one needs filter.branch (its
// branch job), else it answers Error::Code::InvalidArgument naming the branches.
//
// run() reads the build (/api/json), its stages from Blue Ocean's nodes and edges when the
// plugin answers, else from the Pipeline Stage View API (wfapi/describe), and marks the
// stages waiting in an input step. jobLog() reads the whole build's console progressively
// (logText/progressiveText?start=N: X-Text-Size is the next offset, X-More-Data says more
// will come); `jobId` is not used (Jenkins has one console per build). trigger() is
// buildWithParameters (or build without parameters) and answers the queue item number;
// queuedBuild() turns it into the build number once the build started. rerun() builds again
// with the build's parameters (failedOnly is Error::Code::Unsupported: Jenkins re-runs whole
// builds). cancel() is stop; review() answers an input step: approve is proceedEmpty, reject
// is abort (`jobId` names the input id; any id when exactly one input waits).
//
// Every POST carries a crumb from /crumbIssuer (fetched once and again when Jenkins says it
// is no longer valid; none when the issuer is off, 404) with the session cookie it was issued
// to. Requests and decoding run on the transport's worker thread.
class JenkinsClient final : public PipelineClient
{
public:
    static constexpr qint64 MaxLogChunkBytes = 64 * 1024 * 1024;

    // `transport` must outlive the client's requests.
    explicit JenkinsClient(HttpTransport *transport);
    ~JenkinsClient() override;

    PipelineProvider provider() const override { return PipelineProvider::Jenkins; }
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
    // The folders, multibranch projects and jobs under a folder or multibranch project `source`
    // (the whole server when empty), JenkinsResponse::MaxTreeDepth levels in one request
    // (jobTreeListPath); empty for a Pipeline job.
    void sourceTree(const QString &source, QObject *context,
                    Handler<QList<PipelineSourceNode>> handler) const override;

    // The build a queue item (trigger()'s answer) became; empty while it waits in the queue.
    void queuedBuild(const QString &queueItem, QObject *context, Handler<QString> handler) const;

    // The input steps waiting in a build (wfapi/pendingInputActions).
    void pendingInputs(const QString &source, const QString &runId, QObject *context,
                       Handler<QList<JenkinsInput>> handler) const;
    // `request` with the crumb and the session cookie it was issued to (fetched when not
    // known yet, or again with `freshCrumb`), for the pipeline operations, whose POSTs leave
    // through the audited ClusterWriteExecutor on this client's transport. Called just before
    // sending; the audit log records no header.
    void withCrumb(ApiRequest request, bool freshCrumb, QObject *context,
                   Handler<ApiRequest> handler) const;
    // A form POST as Jenkins takes it (build, buildWithParameters, stop, input answers).
    static ApiRequest formPost(const QString &path, const QMap<QString, QString> &form = {});

    // The request paths (public for tests and for showing what Orrery asks).
    static QString jobPath(const QString &fullName);
    static QString jobTreePath(const QString &fullName, int limit);
    // GET .../api/json?tree=jobs[name,displayName,color,_class,jobs[...]] nested `depth` levels.
    static QString jobTreeListPath(const QString &fullName, int depth);
    static QString buildPath(const QString &fullName, const QString &number);
    static QString blueNodesPath(const QString &fullName, const QString &number);
    static QString progressivePath(const QString &fullName, const QString &number, qint64 offset);

    struct Shared;

private:
    HttpTransport *m_transport;
    std::shared_ptr<Shared> m_shared; // the crumb, shared with requests in flight
};

} // namespace Orrery
