// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyexporter.h"

#include "topologygraph.h"
#include "topologyjson.h"
#include "topologyscene.h"
#include "topologystyle.h"

#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace Orrery {

QImage TopologyExporter::renderImage(TopologyScene *scene, qreal scale, int maxSide)
{
    const QRectF source = scene->sceneRect();
    const qreal longest = std::max(source.width(), source.height());
    if (longest * scale > maxSide)
        scale = maxSide / longest;
    QImage image(QSize(qCeil(source.width() * scale), qCeil(source.height() * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(TopologyStyle::background()); // the current look, like the screen
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const TopologyOverviewScope details(scene, false);
    scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

bool TopologyExporter::isSupported(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return suffix == QLatin1String("png") || suffix == QLatin1String("svg")
           || suffix == QLatin1String("json");
}

Result<void> TopologyExporter::write(TopologyScene *scene, const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("json")) {
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly))
            return Error(Error::Code::FileError, file.errorString(), fileName);
        file.write(TopologyJson::toBytes(*scene->graph()));
        if (!file.commit())
            return Error(Error::Code::FileError, file.errorString(), fileName);
        return {};
    }
    if (suffix == QLatin1String("png")) {
        const QImage image = renderImage(scene);
        if (!image.save(fileName, "PNG"))
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
        generator.setTitle(QStringLiteral("Orrery topology"));
        QPainter painter;
        if (!painter.begin(&generator))
            return Error(Error::Code::FileError, QStringLiteral("cannot write SVG"), fileName);
        const TopologyOverviewScope details(scene, false);
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
        if (!QFileInfo::exists(fileName))
            return Error(Error::Code::FileError, QStringLiteral("cannot write SVG"), fileName);
        return {};
    }
    return Error(Error::Code::InvalidArgument,
                 QStringLiteral("unsupported file type (use .png, .svg or .json)"), fileName);
}

} // namespace Orrery
