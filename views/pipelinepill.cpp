// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinepill.h"

#include "topologystyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace Orrery::PipelinePill {

namespace {

QFont pillFont(qreal fontScale)
{
    QFont f = TopologyStyle::badgeFont(fontScale);
    f.setBold(false);
    return f;
}

} // namespace

QRectF rect(const TopologyDisplay::PipelineBadge &badge, const QPointF &topLeft, qreal room,
            qreal fontScale)
{
    if (badge.text.isEmpty())
        return {};
    const QFontMetricsF metrics(pillFont(fontScale));
    qreal w = metrics.horizontalAdvance(badge.text) + 14;
    if (w > room && !badge.shortText.isEmpty())
        w = metrics.horizontalAdvance(badge.shortText) + 14;
    return QRectF(topLeft, QSizeF(std::min(room, w), 15));
}

void paint(QPainter *painter, const QRectF &pill, const TopologyDisplay::PipelineBadge &badge,
           qreal fontScale, bool presenter)
{
    if (pill.isEmpty())
        return;
    const QColor progressing = TopologyStyle::healthColor(TopologyHealth::Progressing, presenter);
    const QFont f = pillFont(fontScale);
    painter->setFont(f);
    painter->setPen(QPen(badge.rollingOut ? progressing : TopologyStyle::selection(), 1.2));
    painter->setBrush(badge.rollingOut ? progressing : TopologyStyle::background());
    painter->drawRoundedRect(pill, 7.5, 7.5);
    painter->setPen(badge.rollingOut ? QColor(Qt::white) : TopologyStyle::text());
    const QRectF textRect = pill.adjusted(7, 0, -7, 0);
    const QFontMetricsF metrics(f);
    const QString text
        = metrics.horizontalAdvance(badge.text) > textRect.width() && !badge.shortText.isEmpty()
              ? badge.shortText
              : badge.text;
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      metrics.elidedText(text, Qt::ElideRight, textRect.width()));
}

} // namespace Orrery::PipelinePill
