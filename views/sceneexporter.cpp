// SPDX-License-Identifier: GPL-3.0-or-later
#include "sceneexporter.h"

#include <QFile>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QtMath>

namespace Orrery {

QString SceneExporter::format(const QString &fileName)
{
    return QFileInfo(fileName).suffix().toLower();
}

bool SceneExporter::isImageFormat(const QString &format)
{
    return format == QLatin1String("png") || format == QLatin1String("svg");
}

QImage SceneExporter::renderImage(QGraphicsScene *scene, const QColor &background, qreal scale,
                                  int maxSide)
{
    const QRectF source = scene->sceneRect();
    const qreal longest = qMax(source.width(), source.height());
    if (longest <= 0)
        return {};
    if (longest * scale > maxSide)
        scale = maxSide / longest;
    QImage image(QSize(qCeil(source.width() * scale), qCeil(source.height() * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

Result<void> SceneExporter::writeImage(QGraphicsScene *scene, const QString &fileName,
                                       const Document &document, qreal scale, int maxSide)
{
    const QString suffix = format(fileName);
    if (suffix == QLatin1String("png")) {
        const QImage image = renderImage(scene, document.background, scale, maxSide);
        if (image.isNull() || !image.save(fileName, "PNG"))
            return Error(Error::Code::FileError, QStringLiteral("cannot write PNG"), fileName);
        return {};
    }
    if (suffix != QLatin1String("svg"))
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("unsupported file type (use .png or .svg)"), fileName);
    // QSvgGenerator does not report an unwritable file: check before, and that it exists after.
    if (QFile::exists(fileName) && !QFileInfo(fileName).isWritable())
        return Error(Error::Code::FileError, QStringLiteral("file is not writable"), fileName);
    const QRectF source = scene->sceneRect();
    QSvgGenerator generator;
    generator.setFileName(fileName);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(document.title);
    generator.setDescription(document.description);
    QPainter painter;
    if (!painter.begin(&generator))
        return Error(Error::Code::FileError, QStringLiteral("cannot write SVG"), fileName);
    painter.fillRect(QRectF(QPointF(0, 0), source.size()), document.background);
    scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    if (!QFileInfo::exists(fileName))
        return Error(Error::Code::FileError, QStringLiteral("cannot write SVG"), fileName);
    return {};
}

Result<void> SceneExporter::writeBytes(const QString &fileName, const QByteArray &bytes)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return Error(Error::Code::FileError, file.errorString(), fileName);
    file.write(bytes);
    if (!file.commit())
        return Error(Error::Code::FileError, file.errorString(), fileName);
    return {};
}

} // namespace Orrery
