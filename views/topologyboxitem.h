// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QList>
#include <QPair>

namespace Orrery {

struct TopologyDisplay;

// The frame of one namespace and of the application groups inside it, behind everything.
// Its title stays readable at any zoom (ItemIgnoresTransformations) so the overview of a
// large cluster still names its namespaces.
class TopologyBoxItem : public QGraphicsItem
{
public:
    TopologyBoxItem(const QString &title, const QRectF &rect,
                    const QList<QPair<QString, QRectF>> &groups, const TopologyDisplay *display);

    QString title() const { return m_title; }
    QRectF boundingRect() const override { return m_rect.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_title;
    QRectF m_rect;
    QList<QPair<QString, QRectF>> m_groups;
    const TopologyDisplay *m_display;
};

} // namespace Orrery
