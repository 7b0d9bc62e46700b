// SPDX-License-Identifier: GPL-3.0-or-later
#include "apptopologyexporter.h"

#include "apptopologyscene.h"
#include "topologystyle.h"

#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QSvgGenerator>
#include <QtMath>

namespace Orrery {

bool AppTopologyExporter::isSupported(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return suffix == QLatin1String("png") || suffix == QLatin1String("svg");
}

QImage AppTopologyExporter::renderImage(AppTopologyScene *scene, qreal scale, int maxSide)
{
    const QRectF source = scene->sceneRect();
    const qreal longest = qMax(source.width(), source.height());
    if (longest <= 0)
        return {};
    if (longest * scale > maxSide)
        scale = maxSide / longest;
    QImage image(QSize(qCeil(source.width() * scale), qCeil(source.height() * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(TopologyStyle::background());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

Result<void> AppTopologyExporter::write(AppTopologyScene *scene, const QString &fileName,
                                        qreal scale)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
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
        generator.setTitle(scene->topology().ref);
        generator.setDescription(QStringLiteral("Orrery app topology"));
        QPainter painter;
        if (!painter.begin(&generator))
            return Error(Error::Code::FileError, QStringLiteral("cannot write SVG"), fileName);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), TopologyStyle::background());
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
        if (!QFileInfo::exists(fileName))
            return Error(Error::Code::FileError, QStringLiteral("cannot write SVG"), fileName);
        return {};
    }
    return Error(Error::Code::InvalidArgument,
                 QStringLiteral("unsupported file type (use .png or .svg)"), fileName);
}

} // namespace Orrery
