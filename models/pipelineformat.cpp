// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineformat.h"

#include <util/limits.h>

#include <QCoreApplication>
#include <QRegularExpression>

namespace Orrery::PipelineFormat {

QString duration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("–");
    if (seconds < 60)
        return QCoreApplication::translate("PipelineFormat", "%1s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("PipelineFormat", "%1m %2s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("PipelineFormat", "%1h %2m")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString statusTitle(PipelineStatus status)
{
    switch (status) {
    case PipelineStatus::Unknown: return QCoreApplication::translate("PipelineFormat", "Unknown");
    case PipelineStatus::Queued: return QCoreApplication::translate("PipelineFormat", "Queued");
    case PipelineStatus::Waiting: return QCoreApplication::translate("PipelineFormat", "Waiting");
    case PipelineStatus::Running: return QCoreApplication::translate("PipelineFormat", "Running");
    case PipelineStatus::Succeeded:
        return QCoreApplication::translate("PipelineFormat", "Succeeded");
    case PipelineStatus::Failed: return QCoreApplication::translate("PipelineFormat", "Failed");
    case PipelineStatus::Cancelled:
        return QCoreApplication::translate("PipelineFormat", "Cancelled");
    case PipelineStatus::Skipped: return QCoreApplication::translate("PipelineFormat", "Skipped");
    }
    return QString();
}

QString statusGlyph(PipelineStatus status)
{
    switch (status) {
    case PipelineStatus::Succeeded: return QStringLiteral("✓");
    case PipelineStatus::Failed: return QStringLiteral("✗");
    case PipelineStatus::Running: return QStringLiteral("●");
    case PipelineStatus::Queued: return QStringLiteral("◌");
    case PipelineStatus::Waiting: return QStringLiteral("⏸");
    case PipelineStatus::Cancelled: return QStringLiteral("⊘");
    case PipelineStatus::Skipped: return QStringLiteral("↷");
    case PipelineStatus::Unknown: break;
    }
    return QStringLiteral("?");
}

QString shortSha(const QString &sha)
{
    return sha.left(7);
}

QString triggeredRunKind(const PipelineRun &run)
{
    if (run.provider != PipelineProvider::GitLab)
        return QString();
    if (run.event == QLatin1String("parent_pipeline"))
        return QCoreApplication::translate("PipelineFormat", "child pipeline");
    if (run.event == QLatin1String("pipeline"))
        return QCoreApplication::translate("PipelineFormat", "downstream pipeline");
    return QString();
}

QString downstreamLabel(const PipelineRun &run, const PipelineJob &job)
{
    if (job.downstreamRunId.isEmpty())
        return QString();
    if (job.downstreamSource.isEmpty() || job.downstreamSource == run.source)
        return QCoreApplication::translate("PipelineFormat", "child pipeline #%1")
            .arg(job.downstreamRunId);
    return QCoreApplication::translate("PipelineFormat", "%1 #%2")
        .arg(job.downstreamSource, job.downstreamRunId);
}

qint64 jobSeconds(const PipelineJob &job, const QDateTime &now)
{
    if (!job.startedAt.isValid())
        return -1;
    const QDateTime end = job.finishedAt.isValid()            ? job.finishedAt
                          : pipelineStatusIsFinal(job.status) ? job.startedAt
                                                              : now;
    return qMax<qint64>(0, job.startedAt.secsTo(end));
}

const PipelineStep *failingStep(const PipelineJob &job)
{
    for (const PipelineStep &step : job.steps) {
        if (step.status == PipelineStatus::Failed)
            return &step;
    }
    return nullptr;
}

QStringList logLines(const QByteArray &text)
{
    static const QRegularExpression escapes(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]|\r"));
    QString decoded = QString::fromUtf8(text);
    decoded.remove(escapes);
    if (decoded.endsWith(QLatin1Char('\n')))
        decoded.chop(1);
    QStringList lines = decoded.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.size() > Limits::maxLogLineBytes)
            line.truncate(Limits::maxLogLineBytes);
    }
    if (lines.size() == 1 && lines.first().isEmpty())
        return {};
    return lines;
}

} // namespace Orrery::PipelineFormat
