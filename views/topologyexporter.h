// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QImage>
#include <QString>

namespace Orrery {

class TopologyScene;

// Writes a TopologyScene as PNG, SVG or (through TopologyJson) JSON, chosen by the file
// suffix. Used by the topology page's Export button and by `orrery --export-topology`.
class TopologyExporter
{
public:
    static constexpr int MaxSide = 9000; // pixels, the longest side of a PNG

    // The whole scene, at `scale` capped so the longest side stays below maxSide pixels.
    static QImage renderImage(TopologyScene *scene, qreal scale = 1.5, int maxSide = MaxSide);
    static Result<void> write(TopologyScene *scene, const QString &fileName);
    static bool isSupported(const QString &fileName);
};

} // namespace Orrery
