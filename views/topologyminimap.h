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
class TopologyMinimap : public QWidget
{
    Q_OBJECT

public:
    explicit TopologyMinimap(TopologyView *view, QWidget *parent = nullptr);

    void scheduleRefresh();
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
