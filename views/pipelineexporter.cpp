// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineexporter.h"

#include "pipelinescene.h"
#include "pipelinestyle.h"
#include "sceneexporter.h"

#include <pipelinerunmodel.h>
#include <pipelines/pipelinerunjson.h>

namespace Orrery {

bool PipelineExporter::isSupported(const QString &fileName)
{
    const QString format = SceneExporter::format(fileName);
    return SceneExporter::isImageFormat(format) || format == QLatin1String("json");
}

QImage PipelineExporter::renderImage(PipelineScene *scene, qreal scale, int maxSide)
{
    return SceneExporter::renderImage(scene, PipelineStyle::background(), scale, maxSide);
}

Result<void> PipelineExporter::writeScene(PipelineScene *scene, const PipelineRun &run,
                                          const QString &fileName, qreal scale)
{
    const QString format = SceneExporter::format(fileName);
    if (format == QLatin1String("json"))
        return SceneExporter::writeBytes(fileName, PipelineRunJson::write(run));
    if (!SceneExporter::isImageFormat(format))
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("unsupported file type (use .png, .svg or .json)"), fileName);
    const SceneExporter::Document document{PipelineStyle::background(),
                                           QStringLiteral("%1 #%2").arg(run.name).arg(run.number),
                                           QStringLiteral("Orrery pipeline run diagram")};
    return SceneExporter::writeImage(scene, fileName, document, scale, MaxSide);
}

Result<void> PipelineExporter::write(const PipelineRun &run, const QString &fileName,
                                     const Options &options)
{
    if (!isSupported(fileName))
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("unsupported file type (use .png, .svg or .json)"), fileName);
    PipelineRunModel model;
    PipelineScene scene;
    if (options.now.isValid())
        scene.setNow(options.now);
    model.setRun(run);
    scene.setModel(&model);
    if (options.now.isValid())
        scene.setNow(options.now);
    for (const QString &group : options.expandedGroups)
        scene.setGroupExpanded(group, true);
    for (auto it = options.logTails.begin(); it != options.logTails.end(); ++it)
        scene.setLogTail(it.key(), it.value());
    return writeScene(&scene, run, fileName, options.scale);
}

} // namespace Orrery
