// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelinerun.h>
#include <util/result.h>

#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Orrery {

class PipelineScene;

// Writes a run's diagram as PNG or SVG (the current look; QtSvg), or the run itself as JSON
// (PipelineRunJson: stable keys), chosen by the file suffix. Used by the Pipelines page's Export
// button and by `orrery --export-pipeline RUN FILE`.
class PipelineExporter
{
public:
    static constexpr int MaxSide = 12000; // pixels, the longest side of a PNG

    struct Options
    {
        QDateTime now;                        // durations of running jobs end here; invalid: now
        QSet<QString> expandedGroups;         // matrix groups shown job by job
        QHash<QString, QStringList> logTails; // failed jobs' last log lines
        qreal scale = 1.5;                    // PNG pixels per scene unit
    };

    static bool isSupported(const QString &fileName);
    // The scene at `scale` (capped so the longest side stays below maxSide pixels).
    static QImage renderImage(PipelineScene *scene, qreal scale = 1.5, int maxSide = MaxSide);
    static Result<void> writeScene(PipelineScene *scene, const PipelineRun &run,
                                   const QString &fileName, qreal scale = 1.5);
    // Builds the diagram of `run` offscreen and writes it.
    static Result<void> write(const PipelineRun &run, const QString &fileName,
                              const Options &options);
    static Result<void> write(const PipelineRun &run, const QString &fileName)
    {
        return write(run, fileName, Options());
    }
};

} // namespace Orrery
