// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologytypes.h"

#include <QFont>
#include <QRectF>

class QFontMetricsF;
class QPainter;

namespace Orrery {

// The kind label of a topology node ("LB", "Ing", "Svc", "Dep", "RS", "Pod", "PVC", ...): white
// letters on the kind's colour, a rounded square for entry points and Services, a pill for the
// rest. The one drawing of a kind: the node's full card and its compact card paint it, so the
// view, presenter mode and the PNG/SVG export (which renders the scene) show the same badges.
class TopologyKindBadge
{
public:
    // Draws the badge into `rect` in the painter's current coordinates with `font` (bold,
    // sized by the caller). Leaves pen and brush changed.
    static void paint(QPainter *painter, const QRectF &rect, TopologyKind kind, const QFont &font);
    // The width of a badge `height` tall whose letters are measured by `metrics`: the letters
    // plus padding, never narrower than it is tall.
    static qreal width(TopologyKind kind, const QFontMetricsF &metrics, qreal height);
    static bool isSquare(TopologyKind kind); // entry points and Services: rounded square
};

} // namespace Orrery
