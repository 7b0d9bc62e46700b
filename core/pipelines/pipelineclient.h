// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/pipelinerun.h"
#include "util/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <functional>

class QObject;

namespace Orrery {

// A piece of a job's log, read progressively (GitHub: the whole log once the job finished;
// GitLab: the trace from a byte offset; Jenkins: progressiveText's X-Text-Size/X-More-Data).
struct PipelineLogChunk
{
    QByteArray text;       // raw bytes as the provider sent them (decode with the tolerant decoder)
    qint64 nextOffset = 0; // where the next read starts
    bool complete = false; // the job finished and nothing more will come
};

// What starting a run needs: workflow_dispatch (ref + inputs), a GitLab pipeline (ref +
// variables), a Jenkins build with parameters.
struct PipelineTrigger
{
    QString ref;                   // branch or tag; empty: the default branch
    QString workflow;              // GitHub: workflow file or id; empty elsewhere
    QMap<QString, QString> inputs; // inputs / variables / parameters
};

// A source inside a source that holds others (a Jenkins folder, multibranch project and the
// branch jobs in it), as PipelineClient::sourceTree() lists it, depth first.
struct PipelineSourceNode
{
    enum class Kind { Folder, MultiBranch, Job };
    Kind kind = Kind::Job;
    QString source; // full name, what runs() takes for a Job ("shop/api/feature%2Fx")
    QString name;   // as shown ("feature/x")
    int depth = 0;  // 0: directly in the listed source
    PipelineStatus status = PipelineStatus::Unknown; // a job's last build, when said

    bool operator==(const PipelineSourceNode &) const = default;
};

// One CI/CD provider's API (GitHub Actions, GitLab CI, Jenkins), as the models and operations
// see it. Implementations run requests and decoding off the GUI thread and call handlers on
// `context`'s thread (never once it is gone), like AlertmanagerClient. Every failure is an
// Error in words (with the HTTP status and URL when an answer came); credentials never appear
// in errors.
class PipelineClient
{
public:
    template <typename T> using Handler = std::function<void(const Result<T> &)>;

    virtual ~PipelineClient() = default;

    virtual PipelineProvider provider() const = 0;
    // The API base shown to the user ("https://github.example.com/api/v3").
    virtual QString baseUrl() const = 0;

    // Runs of a source (owner/repo, project path, Jenkins job full name), newest first,
    // without their jobs.
    virtual void runs(const QString &source, const PipelineRunFilter &filter, QObject *context,
                      Handler<QList<PipelineRun>> handler) const = 0;
    // One run with its jobs and steps.
    virtual void run(const QString &source, const QString &runId, QObject *context,
                     Handler<PipelineRun> handler) const = 0;
    virtual void jobLog(const QString &source, const QString &runId, const QString &jobId,
                        qint64 offset, QObject *context,
                        Handler<PipelineLogChunk> handler) const = 0;

    // Actions (called by core operations only, after preview and confirmation).
    // The new run's id when the provider says it (Jenkins: the queue item), else empty.
    virtual void trigger(const QString &source, const PipelineTrigger &trigger, QObject *context,
                         Handler<QString> handler) const = 0;
    virtual void rerun(const QString &source, const QString &runId, bool failedOnly,
                       QObject *context, Handler<void> handler) const = 0;
    virtual void cancel(const QString &source, const QString &runId, QObject *context,
                        Handler<void> handler) const = 0;
    // Approve or reject what waits for a person: a pending deployment (GitHub, jobId is the
    // environment's job), a manual job (GitLab: approve plays it), an input step (Jenkins).
    virtual void review(const QString &source, const QString &runId, const QString &jobId,
                        bool approve, const QString &comment, QObject *context,
                        Handler<void> handler) const = 0;

    // The sources inside `source` when it holds others (Jenkins: a folder or multibranch
    // project, depth first, bounded); empty for a source with runs of its own. Providers
    // without nesting answer empty at once (this default).
    virtual void sourceTree(const QString &source, QObject *context,
                            Handler<QList<PipelineSourceNode>> handler) const
    {
        Q_UNUSED(source)
        Q_UNUSED(context)
        if (handler)
            handler(QList<PipelineSourceNode>());
    }
};

} // namespace Orrery
