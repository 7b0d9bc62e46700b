// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologytypes.h"

#include <QGraphicsItem>
#include <QHash>
#include <QList>

namespace Orrery {

struct TopologyDisplay;

// All edges of one namespace box, drawn by a single item: thousands of edges as items would
// cost memory and index time for nothing (edges are not interactive). paint() draws only
// the edges whose bounds meet option->exposedRect and drops labels and arrows when zoomed out.
class TopologyEdgeLayer : public QGraphicsItem
{
public:
    struct Edge
    {
        QPointF p1;
        QPointF p2;
        QRectF bounds;
        QString from;
        QString to;
        QString label;
        TopologyEdgeType type = TopologyEdgeType::Owns;
        bool active = true;
        quint8 fromRank = 0;
        quint8 toRank = 0;
    };

    TopologyEdgeLayer(const QRectF &rect, const TopologyDisplay *display);

    void setRect(const QRectF &rect);
    // Empty removes. `repaint` false: the caller repaints the whole layer anyway.
    void setEdges(const QString &producer, QList<Edge> edges, bool repaint = true);
    void clearEdges();
    int edgeCount() const;

    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static Edge makeEdge(const QRectF &from, const QRectF &to);

private:
    QRectF m_rect;
    const TopologyDisplay *m_display;
    QHash<QString, QList<Edge>> m_edges; // by producer
};

} // namespace Orrery
