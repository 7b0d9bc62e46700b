// SPDX-License-Identifier: GPL-3.0-or-later
#include "apptopologyedgeitem.h"

#include "topologystyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Orrery {

AppTopologyEdgeItem::AppTopologyEdgeItem(QList<Edge> edges, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_edges(std::move(edges))
{
    setZValue(-1);
    setAcceptedMouseButtons(Qt::NoButton);
    for (const Edge &e : m_edges)
        m_bounds |= e.path.boundingRect();
    m_bounds.adjust(-2, -2, 2, 2);
}

void AppTopologyEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                                QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.3);
    painter->setBrush(Qt::NoBrush);
    for (const Edge &e : m_edges) {
        // A straight vertical or horizontal line has an empty bounding rectangle, which
        // intersects nothing: widen it by the pen first.
        if (!option->exposedRect.isNull()
            && !e.path.boundingRect().adjusted(-2, -2, 2, 2).intersects(option->exposedRect))
            continue;
        QPen pen(TopologyStyle::edgeColor(
                     e.dashed ? TopologyEdgeType::Uses : TopologyEdgeType::Owns, false),
                 e.dashed ? 1.1 : 1.4);
        if (e.dashed)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->drawPath(e.path);
    }
}

} // namespace Orrery
