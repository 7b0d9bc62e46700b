// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyboxitem.h"

#include "topologydisplay.h"
#include "topologystyle.h"

#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Orrery {

TopologyBoxItem::TopologyBoxItem(const QString &title, const QRectF &rect,
                                 const QList<QPair<QString, QRectF>> &groups,
                                 const TopologyDisplay *display)
    : m_title(title)
    , m_rect(rect)
    , m_groups(groups)
    , m_display(display)
{
    setZValue(-2);
    setAcceptedMouseButtons(Qt::NoButton);
    auto *label = new QGraphicsSimpleTextItem(title, this);
    label->setFont(TopologyStyle::headerFont(display->fontScale));
    label->setBrush(TopologyStyle::text());
    label->setFlag(ItemIgnoresTransformations);
    label->setPos(rect.left() + 12, rect.top() + 7);
}

void TopologyBoxItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.3);
    painter->setPen(QPen(TopologyStyle::namespaceBorder(), 1.2));
    painter->setBrush(TopologyStyle::namespaceFill());
    painter->drawRoundedRect(m_rect, 14, 14);
    if (lod < 0.15)
        return;
    const QFont font = TopologyStyle::detailFont(m_display->fontScale);
    painter->setFont(font);
    for (const auto &[title, rect] : m_groups) {
        if (!rect.intersects(option->exposedRect))
            continue;
        painter->setPen(QPen(TopologyStyle::groupBorder(), 1));
        painter->setBrush(TopologyStyle::groupFill());
        painter->drawRoundedRect(rect, 10, 10);
        if (lod >= 0.5 && !title.isEmpty()) {
            painter->setPen(TopologyStyle::mutedText());
            painter->drawText(rect.adjusted(12, 5, -12, 0), Qt::AlignLeft | Qt::AlignTop,
                              title.toUpper());
        }
    }
}

} // namespace Orrery
