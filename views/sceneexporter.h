// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <util/result.h>

#include <QColor>
#include <QImage>
#include <QString>

class QGraphicsScene;

namespace Orrery {

// Writes a whole QGraphicsScene to an image file, PNG or SVG by the file's suffix, on the
// scene's own background. The topology, app topology and pipeline exporters each add what is
// theirs (a JSON form, their title) and leave the file writing to this one place.
class SceneExporter
{
public:
    struct Document
    {
        QColor background;
        QString title;       // SVG <title>
        QString description; // SVG <desc>
    };

    // "png", "svg", "json" ...: the lower-case suffix that chooses the format.
    static QString format(const QString &fileName);
    static bool isImageFormat(const QString &format);

    // The scene at `scale`, capped so the longest side stays below maxSide pixels; null for an
    // empty scene.
    static QImage renderImage(QGraphicsScene *scene, const QColor &background, qreal scale,
                              int maxSide);
    // PNG (at `scale`, capped at maxSide) or SVG (scene units); InvalidArgument for another
    // suffix, FileError when the file cannot be written.
    static Result<void> writeImage(QGraphicsScene *scene, const QString &fileName,
                                   const Document &document, qreal scale, int maxSide);
    // `bytes` written atomically (QSaveFile): the exporters' JSON forms.
    static Result<void> writeBytes(const QString &fileName, const QByteArray &bytes);
};

} // namespace Orrery
