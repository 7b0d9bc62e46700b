// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologytypes.h"

#include <QColor>
#include <QFont>

namespace Orrery {

// Colours and fonts of the topology diagram: dark on light, status colours that stay
// distinguishable for the common colour-vision deficiencies (blue/orange/red differ in
// lightness too), one accent per kind for the badge.
class TopologyStyle
{
public:
    static QColor healthColor(TopologyHealth health);      // strong: borders, dots
    static QColor healthFill(TopologyHealth health);       // light: pod fills
    static QColor kindColor(TopologyKind kind);            // badge
    static QColor edgeColor(TopologyEdgeType type, bool active);
    static QColor text() { return QColor(0x1f, 0x29, 0x33); }
    static QColor mutedText() { return QColor(0x5b, 0x67, 0x73); }
    static QColor namespaceFill() { return QColor(0xee, 0xf1, 0xf5); }
    static QColor namespaceBorder() { return QColor(0xc3, 0xcc, 0xd6); }
    static QColor groupFill() { return QColor(0xfa, 0xfb, 0xfc); }
    static QColor groupBorder() { return QColor(0xd9, 0xdf, 0xe6); }
    static QColor selection() { return QColor(0x1a, 0x73, 0xe8); }
    static QColor background() { return QColor(0xff, 0xff, 0xff); }

    // Presenter mode passes a larger scale.
    static QFont titleFont(qreal scale = 1.0);
    static QFont detailFont(qreal scale = 1.0);
    static QFont badgeFont(qreal scale = 1.0);
    static QFont headerFont(qreal scale = 1.0);
};

} // namespace Orrery
