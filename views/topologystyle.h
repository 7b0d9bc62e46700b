// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologytypes.h"

#include <QColor>
#include <QFont>

namespace Orrery {

// Colours and fonts of the topology diagram, in the current look (Theme::isDark()): dark on
// light, or light text on dark fills. Status colours stay distinguishable for the common
// colour-vision deficiencies (blue/orange/red differ in lightness too); one accent per kind for
// the badge, the same in both looks since the badge carries white text. Colours are read at
// paint time, so a repaint after Theme::changed is all a switch needs; exports use the current
// look.
class TopologyStyle
{
public:
    // Strong: borders, dots. highContrast (presenter mode): deeper on light, brighter on dark,
    // at least 4.5:1 against background() so a projector in a lit room still tells them apart.
    static QColor healthColor(TopologyHealth health, bool highContrast = false);
    static QColor healthFill(TopologyHealth health); // pale (dark: deep) pod fills
    static QColor kindColor(TopologyKind kind);      // badge
    static QColor edgeColor(TopologyEdgeType type, bool active);
    static QColor edgeLabelColor(TopologyEdgeType type, bool active); // text in an edge's pill
    static QColor text();
    static QColor mutedText();
    static QColor namespaceFill();
    static QColor namespaceBorder();
    static QColor groupFill();
    static QColor groupBorder();
    static QColor selection();
    static QColor background(); // scene background and the fill of non-pod nodes
    static bool isDark();
    // The heat overlay's colour for usage / request (0 green … 1 orange … ≥1.5 red).
    static QColor heatColor(qreal fraction);
    static QColor alertColor(int severity); // 0 info, 1 warning, 2 critical

    // Presenter mode passes a larger scale.
    static QFont titleFont(qreal scale = 1.0);
    static QFont detailFont(qreal scale = 1.0);
    static QFont badgeFont(qreal scale = 1.0);
    static QFont headerFont(qreal scale = 1.0);
};

} // namespace Orrery
