// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QList>
#include <QPainterPath>

namespace Orrery {

// Every line of the app topology in one item behind the boxes (dense and not interactive, as
// the house style wants): the tree from the app to its groups, solid, and the links from groups
// to attachments, dashed. Paints only what the exposed rectangle crosses.
class AppTopologyEdgeItem : public QGraphicsItem
{
public:
    struct Edge
    {
        QPainterPath path;
        bool dashed = false;
    };

    explicit AppTopologyEdgeItem(QList<Edge> edges, QGraphicsItem *parent = nullptr);

    int edgeCount() const { return int(m_edges.size()); }

    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QList<Edge> m_edges;
    QRectF m_bounds;
};

} // namespace Orrery
