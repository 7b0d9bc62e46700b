// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologykindbadge.h"

#include "topologystyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace Orrery {

bool TopologyKindBadge::isSquare(TopologyKind kind)
{
    return kind == TopologyKind::Service || kind == TopologyKind::External
           || kind == TopologyKind::Ingress;
}

qreal TopologyKindBadge::width(TopologyKind kind, const QFontMetricsF &metrics, qreal height)
{
    return std::max(height, metrics.horizontalAdvance(topologyKindBadge(kind)) + height * 0.5);
}

void TopologyKindBadge::paint(QPainter *painter, const QRectF &rect, TopologyKind kind,
                              const QFont &font)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(TopologyStyle::kindColor(kind));
    const qreal radius = isSquare(kind) ? std::min(6.0, rect.height() * 0.3)
                                        : std::min(rect.width(), rect.height()) / 2;
    painter->drawRoundedRect(rect, radius, radius);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, topologyKindBadge(kind));
}

} // namespace Orrery
