// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPixmap>
#include <QTimer>
#include <QWidget>

namespace Orrery {

class TopologyView;

// Overview of the whole diagram with the visible area outlined; click or drag to move there.
// Paints a cached rendering refreshed at most twice a second, so a busy cluster does not
// pay for a second full-scene paint on every change.
//
// It never hides a node (issue 18): it sits in the view's bottom-right corner, or else in the
// first other corner (top-right, bottom-left, top-left) where no node is drawn, and steps
// aside (hidden) while every corner has one; placed again after every scroll, zoom, resize and
// change of the diagram.
class TopologyMinimap : public QWidget
{
    Q_OBJECT

public:
    explicit TopologyMinimap(TopologyView *view, QWidget *parent = nullptr);

    void scheduleRefresh();
    // Moves to the first corner of the view free of nodes, or hides while there is none.
    void updatePlacement();
    // Where the minimap may go, in the view's coordinates, in the order they are tried.
    QList<QRect> corners() const;
    QSize sizeHint() const override { return QSize(240, 160); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();
    QRectF target() const; // where the scene is drawn inside the widget
    void moveViewTo(const QPointF &widgetPos);

    TopologyView *m_view;
    QPixmap m_cache;
    QTimer m_refresh;
};

} // namespace Orrery
