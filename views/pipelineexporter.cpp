// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineexporter.h"

#include "pipelinescene.h"
#include "pipelinestyle.h"

#include <pipelinerunmodel.h>
#include <pipelines/pipelinerunjson.h>

#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QtMath>

namespace Orrery {

bool PipelineExporter::isSupported(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return suffix == QLatin1String("png") || suffix == QLatin1String("svg")
           || suffix == QLatin1String("json");
}

QImage PipelineExporter::renderImage(PipelineScene *scene, qreal scale, int maxSide)
{
    const QRectF source = scene->sceneRect();
    const qreal longest = qMax(source.width(), source.height());
    if (longest * scale > maxSide)
        scale = maxSide / longest;
    QImage image(QSize(qCeil(source.width() * scale), qCeil(source.height() * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(PipelineStyle::background());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

Result<void> PipelineExporter::writeScene(PipelineScene *scene, const PipelineRun &run,
                                          const QString &fileName, qreal scale)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("json")) {
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly))
            return Error(Error::Code::FileError, file.errorString(), fileName);
        file.write(PipelineRunJson::write(run));
        if (!file.commit())
            return Error(Error::Code::FileError, file.errorString(), fileName);
        return {};
    }
    if (suffix == QLatin1String("png")) {
        const QImage image = renderImage(scene, scale);
        if (image.isNull() || !image.save(fileName, "PNG"))
            return Error(Error::Code::FileError, QStringLiteral("cannot write PNG"), fileName);
        return {};
    }
    if (suffix == QLatin1String("svg")) {
        if (QFile::exists(fileName) && !QFileInfo(fileName).isWritable())
            return Error(Error::Code::FileError, QStringLiteral("file is not writable"), fileName);
        const QRectF source = scene->sceneRect();
        QSvgGenerator generator;
        generator.setFileName(fileName);
        generator.setSize(source.size().toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
        generator.setTitle(QStringLiteral("%1 #%2").arg(run.name).arg(run.number));
        generator.setDescription(QStringLiteral("Orrery pipeline run diagram"));
        QPainter painter;
        if (!painter.begin(&generator))
            return Error(Error::Code::FileError, QStringLiteral("cannot write SVG"), fileName);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), PipelineStyle::background());
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
        if (!QFileInfo::exists(fileName))
            return Error(Error::Code::FileError, QStringLiteral("cannot write SVG"), fileName);
        return {};
    }
    return Error(Error::Code::InvalidArgument,
                 QStringLiteral("unsupported file type (use .png, .svg or .json)"), fileName);
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
