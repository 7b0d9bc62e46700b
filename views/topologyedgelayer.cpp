// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyedgelayer.h"

#include "topologydisplay.h"
#include "topologystyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace Orrery {

TopologyEdgeLayer::TopologyEdgeLayer(const QRectF &rect, const TopologyDisplay *display)
    : m_rect(rect)
    , m_display(display)
{
    setZValue(-1);
    setAcceptedMouseButtons(Qt::NoButton);
}

void TopologyEdgeLayer::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void TopologyEdgeLayer::setEdges(const QString &producer, QList<Edge> edges, bool repaint)
{
    if (edges.isEmpty()) {
        if (m_edges.remove(producer) && repaint)
            update();
        return;
    }
    if (!repaint) {
        m_edges.insert(producer, std::move(edges));
        return;
    }
    QRectF dirty;
    for (const Edge &e : std::as_const(edges))
        dirty |= e.bounds;
    for (const Edge &e : m_edges.value(producer))
        dirty |= e.bounds;
    m_edges.insert(producer, std::move(edges));
    update(dirty.adjusted(-40, -20, 40, 20));
}

void TopologyEdgeLayer::clearEdges()
{
    m_edges.clear();
    update();
}

int TopologyEdgeLayer::edgeCount() const
{
    int count = 0;
    for (const auto &list : m_edges)
        count += int(list.size());
    return count;
}

TopologyEdgeLayer::Edge TopologyEdgeLayer::makeEdge(const QRectF &from, const QRectF &to)
{
    Edge e;
    if (to.left() >= from.right() - 1) {
        e.p1 = QPointF(from.right(), from.center().y());
        e.p2 = QPointF(to.left(), to.center().y());
    } else {
        e.p1 = QPointF(from.left(), from.center().y());
        e.p2 = QPointF(to.right(), to.center().y());
    }
    e.bounds = QRectF(e.p1, e.p2).normalized().adjusted(-4, -4, 4, 4);
    return e;
}

void TopologyEdgeLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF exposed = option->exposedRect;
    const bool detailed = lod >= 0.5;
    // Below this scale single edges are sub-pixel noise over the status colours.
    if (lod < 0.1)
        return;
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.3);
    painter->setBrush(Qt::NoBrush);
    QList<const Edge *> labelled;
    for (const auto &list : m_edges) {
        for (const Edge &e : list) {
            if (!e.bounds.intersects(exposed))
                continue;
            if (e.fromRank > m_display->revealRank || e.toRank > m_display->revealRank)
                continue;
            QColor color = TopologyStyle::edgeColor(e.type, e.active);
            if (!m_display->focus.isEmpty()
                && !(m_display->focus.contains(e.from) && m_display->focus.contains(e.to)))
                color.setAlpha(35);
            QPen pen(color, e.type == TopologyEdgeType::Route || e.type == TopologyEdgeType::Exposes
                                ? 2.0
                                : 1.3);
            if (lod < 0.3) {
                pen.setCosmetic(true);
                pen.setWidthF(1);
            }
            if (e.type == TopologyEdgeType::Selects && !e.active)
                pen.setStyle(Qt::DashLine);
            else if (e.type == TopologyEdgeType::Uses || e.type == TopologyEdgeType::Scales)
                pen.setStyle(Qt::DotLine);
            painter->setPen(pen);
            if (lod < 0.3) {
                painter->drawLine(e.p1, e.p2);
                continue;
            }
            const qreal dx = std::max<qreal>(30, qAbs(e.p2.x() - e.p1.x()) * 0.5);
            const qreal dir = e.p2.x() >= e.p1.x() ? 1 : -1;
            QPainterPath path(e.p1);
            path.cubicTo(e.p1 + QPointF(dir * dx, 0), e.p2 - QPointF(dir * dx, 0), e.p2);
            painter->drawPath(path);
            if (detailed) {
                // Arrow head at the target.
                painter->setPen(Qt::NoPen);
                painter->setBrush(color);
                const QPointF tip = e.p2;
                QPolygonF head{tip, tip + QPointF(-dir * 7, -3.5), tip + QPointF(-dir * 7, 3.5)};
                painter->drawPolygon(head);
                painter->setBrush(Qt::NoBrush);
                // Anonymised: no labels at all (routes name hosts and paths).
                if (!e.label.isEmpty() && !m_display->anonymise
                    && (!m_display->presenter || e.type == TopologyEdgeType::Route))
                    labelled.append(&e);
            }
        }
    }
    // Labels last so that no line crosses them.
    if (lod >= 0.7 && !labelled.isEmpty()) {
        const QFont font = TopologyStyle::detailFont(m_display->fontScale);
        painter->setFont(font);
        const QFontMetricsF fm(font);
        for (const Edge *e : std::as_const(labelled)) {
            const qreal w = fm.horizontalAdvance(e->label) + 10;
            // Only where the label fits between the two nodes; the nodes say the rest.
            if (qAbs(e->p2.x() - e->p1.x()) < w + 24)
                continue;
            // Near the target end, where fanned-out edges have separated.
            const qreal t = 0.62;
            const qreal u = 1 - t;
            const qreal dx = std::max<qreal>(30, qAbs(e->p2.x() - e->p1.x()) * 0.5)
                             * (e->p2.x() >= e->p1.x() ? 1 : -1);
            const QPointF c1 = e->p1 + QPointF(dx, 0), c2 = e->p2 - QPointF(dx, 0);
            const QPointF mid
                = u * u * u * e->p1 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * e->p2;
            const QRectF pill(mid.x() - w / 2, mid.y() - 8, w, 16);
            QColor edge = TopologyStyle::edgeColor(e->type, e->active);
            painter->setPen(QPen(edge, 1));
            painter->setBrush(TopologyStyle::background());
            painter->drawRoundedRect(pill, 8, 8);
            painter->setPen(TopologyStyle::edgeLabelColor(e->type, e->active));
            painter->drawText(pill, Qt::AlignCenter, e->label);
        }
    }
}

} // namespace Orrery
