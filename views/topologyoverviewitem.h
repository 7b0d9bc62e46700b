// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>

namespace Orrery {

// The nodes of one namespace seen from far away: one filled rectangle per node in its status
// colour (pods) or kind colour, batched by colour, cached, and painted by this single item.
//
// Why: fitted to a 10,000-pod cluster, painting 16,000 node items one by one costs more than
// a frame (QGraphicsScene sets up each item's transform and style option). In overview mode
// TopologyScene makes the namespace's node layer fully transparent (QGraphicsScene then skips
// the whole subtree without visiting it) and shows this item instead, which looks the same
// as the nodes' own far-away painting.
class TopologyOverviewItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 704 };

    // `nodes`: the layer whose children are the namespace's TopologyNodeItems.
    TopologyOverviewItem(const QGraphicsItem *nodes, const QRectF &rect);

    void setRect(const QRectF &rect);
    // Nodes were added, removed, recoloured, selected or dimmed: rebuild on the next paint.
    void invalidate();

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Batch
    {
        QColor color;
        QList<QRectF> rects;
    };
    void rebuild();

    const QGraphicsItem *m_nodes;
    QRectF m_rect;
    bool m_dirty = true;
    QList<Batch> m_batches; // selection halo first, then one batch per colour
};

} // namespace Orrery
