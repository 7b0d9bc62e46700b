// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/pipelinerun.h"
#include "util/result.h"

#include <QByteArray>

namespace Orrery {

// A PipelineRun as JSON, Orrery's own format (`orrery --export-pipeline RUN FILE.json`, the
// `file:` run reference, docs/pipelines.md "Views"): one object with stable, sorted keys
//   {"format": "orrery.pipeline-run/1", "provider": "github", "source": "owner/repo",
//    "id": "...", "number": 12, "attempt": 1, "name", "branch", "commitSha", "commitMessage",
//    "event", "actor", "status": "running", "providerStatus", "createdAt", "startedAt",
//    "updatedAt", "finishedAt" (ISO 8601 UTC with milliseconds, absent when unknown),
//    "webUrl", "images": [...],
//    "jobs": [{"id", "name", "stage", "group", "needs": [...], "status", "providerStatus",
//              "startedAt", "finishedAt", "environment", "manual", "webUrl", "runner",
//              "steps": [{"name", "number", "status", "startedAt", "finishedAt"}]}]}
// Reading is tolerant (JsonRead: a missing or mistyped member reads as absent, an unknown
// status as Unknown) and bounded (MaxJobs, MaxSteps, MaxNeeds, MaxBytes).
class PipelineRunJson
{
public:
    static constexpr int MaxJobs = 10000;
    static constexpr int MaxStepsPerJob = 1000;
    static constexpr int MaxNeedsPerJob = 1000;
    static constexpr int MaxImages = 1000;
    static constexpr qint64 MaxBytes = 64LL * 1024 * 1024;

    static QByteArray write(const PipelineRun &run, bool indented = true);
    static Result<PipelineRun> read(const QByteArray &json);

    // The inverse of pipelineStatusName(); Unknown for anything else.
    static PipelineStatus statusFromName(const QString &name);
};

} // namespace Orrery
