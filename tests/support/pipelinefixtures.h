// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelineclient.h>

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace Orrery::PipelineFixtures {

// Hand-built runs for the pipeline models, views and page tests and bench_pipelines. Times are
// relative to `now` (UTC) so durations are known.

// The shop's Jenkins pipeline (seed 004 in spirit): checkout, parallel builds, parallel tests,
// package, staging, an approval waiting, production. 10 stages; stage order only (no needs).
PipelineRun shopRun(const QDateTime &now);
// The chat app's GitHub workflow (seed 003 in spirit): 12 jobs with needs, a matrix "test" of 4
// with one failure, lint still running.
PipelineRun chatRun(const QDateTime &now);
// A run of `jobs` jobs: setup, a matrix group "build" of jobs-8, integration fan-in, deploy.
PipelineRun matrixRun(const QDateTime &now, int jobs = 200);
// `count` runs of one repository, newest first, without jobs; every 7th running, every 5th
// failed.
QList<PipelineRun> runList(const QDateTime &now, int count);

// A PipelineClient answering from memory, asynchronously (on `context`'s event loop, never
// inside the call), counting the calls. Failures are injected per request kind.
class FakeClient : public PipelineClient
{
public:
    PipelineProvider provider() const override { return m_provider; }
    QString baseUrl() const override { return QStringLiteral("https://api.github.test"); }
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
    // Answers `tree` for `treeSource` (empty for any other source), asynchronously.
    void sourceTree(const QString &source, QObject *context,
                    Handler<QList<PipelineSourceNode>> handler) const override;

    PipelineProvider m_provider = PipelineProvider::GitHub;
    QList<PipelineRun> listed;           // what runs() answers (jobs stripped)
    QHash<QString, PipelineRun> details; // run id -> run with jobs
    QHash<QString, QByteArray> logs;     // job id -> whole log
    qint64 logPiece = 0;                 // >0: logs come in pieces of this many bytes
    std::optional<Error> runsError;      // runs() fails with it while set
    QString treeSource;                  // the folder / multibranch project sourceTree() knows
    QList<PipelineSourceNode> tree;
    mutable QStringList runsSources; // the source of every runs() call
    mutable int runsCalls = 0;
    mutable int runCalls = 0;
    mutable int logCalls = 0;
};

} // namespace Orrery::PipelineFixtures
