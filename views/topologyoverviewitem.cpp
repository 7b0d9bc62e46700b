// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyoverviewitem.h"

#include "topologydisplay.h"
#include "topologynodeitem.h"
#include "topologystyle.h"

#include <QHash>
#include <QPainter>

namespace Orrery {

TopologyOverviewItem::TopologyOverviewItem(const QGraphicsItem *nodes, const QRectF &rect)
    : m_nodes(nodes)
    , m_rect(rect)
{
    // Above the edges (z -1), like the node items it stands for.
    setZValue(0.5);
    setAcceptedMouseButtons(Qt::NoButton);
}

void TopologyOverviewItem::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void TopologyOverviewItem::invalidate()
{
    if (m_dirty)
        return;
    m_dirty = true;
    update();
}

void TopologyOverviewItem::rebuild()
{
    m_batches.clear();
    Batch selection{TopologyStyle::selection(), {}};
    QHash<QRgb, int> index;
    for (const QGraphicsItem *child : m_nodes->childItems()) {
        if (child->type() != TopologyNodeItem::Type || !child->isVisible())
            continue;
        const auto *item = static_cast<const TopologyNodeItem *>(child);
        const TopologyNode &node = item->node();
        const QRectF rect(item->pos(), item->size());
        if (item->isSelected())
            selection.rects.append(rect.adjusted(-6, -6, 6, 6));
        QColor color = node.kind == TopologyKind::Pod || node.kind == TopologyKind::PodGroup
                           ? TopologyStyle::healthColor(node.health)
                           : TopologyStyle::kindColor(node.kind);
        if (const TopologyDisplay *display = item->display(); display && display->heatOn) {
            // In 5 % steps, so the overview keeps few batches.
            if (const auto h = display->heat.constFind(node.id); h != display->heat.cend())
                color = TopologyStyle::heatColor(qRound(*h * 20) / 20.0);
        }
        if (item->opacity() < 1)
            color.setAlphaF(item->opacity());
        auto it = index.constFind(color.rgba());
        if (it == index.cend()) {
            it = index.insert(color.rgba(), int(m_batches.size()));
            m_batches.append(Batch{color, {}});
        }
        m_batches[*it].rects.append(rect);
    }
    if (!selection.rects.isEmpty())
        m_batches.prepend(selection);
    m_dirty = false;
}

void TopologyOverviewItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_dirty)
        rebuild();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    for (const Batch &batch : std::as_const(m_batches)) {
        painter->setBrush(batch.color);
        painter->drawRects(batch.rects.constData(), int(batch.rects.size()));
    }
}

} // namespace Orrery
