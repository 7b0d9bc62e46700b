// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelinerun.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Orrery {

// Words and numbers shared by the runs list, the run diagram and the exports.
namespace PipelineFormat {

// "12s", "4m 05s", "2h 03m"; "–" for unknown (negative).
QString duration(qint64 seconds);
// Translated status word ("Running", "Failed", ...).
QString statusTitle(PipelineStatus status);
// A one-character mark for counts and compact labels: ✓ ✗ ● ◌ ⏸ ⊘ ↷ ?
QString statusGlyph(PipelineStatus status);
// The first 7 characters of a commit SHA.
QString shortSha(const QString &sha);
// Seconds a job ran: start to finish, or to `now` while it runs; -1 unknown (not started).
qint64 jobSeconds(const PipelineJob &job, const QDateTime &now);
// The step a failed job failed in (the first failed step), or null.
const PipelineStep *failingStep(const PipelineJob &job);
// A run another run's trigger job started: a GitLab child pipeline (source parent_pipeline)
// or a multi-project downstream pipeline (source pipeline); the words the runs list marks it
// with ("child pipeline", "downstream pipeline"), empty for any other run.
QString triggeredRunKind(const PipelineRun &run);
// What a trigger job (a GitLab bridge) of `run` started, as its node says it: "child pipeline
// #42" (same project) or "group/other #42"; empty for a job that starts no run.
QString downstreamLabel(const PipelineRun &run, const PipelineJob &job);
// A job log's bytes as lines: decoded tolerantly (invalid UTF-8 becomes U+FFFD), terminal colour
// escapes and carriage returns removed, each line cut at Limits::maxLogLineBytes characters.
QStringList logLines(const QByteArray &text);

} // namespace PipelineFormat

} // namespace Orrery
