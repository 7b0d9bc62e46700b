// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <util/result.h>

#include <QImage>
#include <QString>

namespace Orrery {

class AppTopologyScene;

// Writes an AppTopologyScene as PNG or SVG (the current look; QtSvg), chosen by the file
// suffix, as PipelineExporter does for a run: the app page's Export button and the
// documentation's screenshots.
class AppTopologyExporter
{
public:
    static constexpr int MaxSide = 9000; // pixels, the longest side of a PNG

    static bool isSupported(const QString &fileName);
    // The whole scene at `scale` (capped so the longest side stays below maxSide pixels).
    static QImage renderImage(AppTopologyScene *scene, qreal scale = 1.5, int maxSide = MaxSide);
    static Result<void> write(AppTopologyScene *scene, const QString &fileName, qreal scale = 1.5);
};

} // namespace Orrery
