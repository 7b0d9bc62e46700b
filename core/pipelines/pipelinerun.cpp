// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinerun.h"

namespace Orrery {

QString pipelineProviderName(PipelineProvider provider)
{
    switch (provider) {
    case PipelineProvider::GitHub: return QStringLiteral("github");
    case PipelineProvider::GitLab: return QStringLiteral("gitlab");
    case PipelineProvider::Jenkins: return QStringLiteral("jenkins");
    }
    return QString();
}

bool pipelineProviderFromName(const QString &name, PipelineProvider *provider)
{
    for (PipelineProvider p :
         {PipelineProvider::GitHub, PipelineProvider::GitLab, PipelineProvider::Jenkins}) {
        if (name.compare(pipelineProviderName(p), Qt::CaseInsensitive) == 0) {
            if (provider)
                *provider = p;
            return true;
        }
    }
    return false;
}

QString pipelineStatusName(PipelineStatus status)
{
    switch (status) {
    case PipelineStatus::Unknown: return QStringLiteral("unknown");
    case PipelineStatus::Queued: return QStringLiteral("queued");
    case PipelineStatus::Waiting: return QStringLiteral("waiting");
    case PipelineStatus::Running: return QStringLiteral("running");
    case PipelineStatus::Succeeded: return QStringLiteral("succeeded");
    case PipelineStatus::Failed: return QStringLiteral("failed");
    case PipelineStatus::Cancelled: return QStringLiteral("cancelled");
    case PipelineStatus::Skipped: return QStringLiteral("skipped");
    }
    return QStringLiteral("unknown");
}

bool pipelineStatusIsFinal(PipelineStatus status)
{
    return status == PipelineStatus::Succeeded || status == PipelineStatus::Failed
           || status == PipelineStatus::Cancelled || status == PipelineStatus::Skipped;
}

qint64 PipelineRun::durationSeconds(const QDateTime &now) const
{
    const QDateTime start = startedAt.isValid() ? startedAt : createdAt;
    if (!start.isValid())
        return -1;
    const QDateTime end = finishedAt.isValid()            ? finishedAt
                          : pipelineStatusIsFinal(status) ? updatedAt
                                                          : now;
    if (!end.isValid())
        return -1;
    return qMax<qint64>(0, start.secsTo(end));
}

} // namespace Orrery
