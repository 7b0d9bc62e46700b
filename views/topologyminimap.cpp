// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyminimap.h"

#include "theme.h"
#include "topologynodeitem.h"
#include "topologyscene.h"
#include "topologystyle.h"
#include "topologyview.h"

#include <QMouseEvent>
#include <QPainter>

namespace Orrery {

TopologyMinimap::TopologyMinimap(TopologyView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click to move there"));
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(500);
    connect(&m_refresh, &QTimer::timeout, this, [this] { refresh(); });
    connect(view, &TopologyView::viewportMoved, this, [this] {
        updatePlacement();
        update();
    });
    // The scene's items read TopologyStyle at paint time; after a switch of look the diagram
    // and this cached overview are simply painted again.
    connect(Theme::instance(), &Theme::changed, this, [this] {
        if (QGraphicsScene *scene = m_view->scene())
            scene->update();
        m_view->viewport()->update();
        refresh();
    });
}

QList<QRect> TopologyMinimap::corners() const
{
    const QSize s = sizeHint();
    constexpr int margin = 16;
    const int right = m_view->width() - s.width() - margin;
    const int bottom = m_view->height() - s.height() - margin;
    return {QRect(QPoint(right, bottom), s), QRect(QPoint(right, margin), s),
            QRect(QPoint(margin, bottom), s), QRect(QPoint(margin, margin), s)};
}

void TopologyMinimap::updatePlacement()
{
    const QList<QRect> candidates = corners();
    QGraphicsScene *scene = m_view->scene();
    QWidget *viewport = m_view->viewport();
    for (const QRect &corner : candidates) {
        bool occupied = false;
        if (scene) {
            // The corner in scene coordinates, and the nodes drawn there (the scene's index).
            const QRect inViewport(viewport->mapFrom(m_view, corner.topLeft()), corner.size());
            const QPolygonF area = m_view->mapToScene(inViewport);
            const QList<QGraphicsItem *> items = scene->items(area, Qt::IntersectsItemBoundingRect);
            for (const QGraphicsItem *item : items) {
                if (item->type() == TopologyNodeItem::Type && item->isVisible()) {
                    occupied = true;
                    break;
                }
            }
        }
        if (!occupied) {
            setGeometry(corner);
            show();
            raise();
            return;
        }
    }
    hide(); // every corner has a node: the diagram wins
}

void TopologyMinimap::scheduleRefresh()
{
    if (!m_refresh.isActive())
        m_refresh.start();
}

QRectF TopologyMinimap::target() const
{
    if (!m_view->scene())
        return {};
    const QRectF scene = m_view->scene()->sceneRect();
    QSizeF size = scene.size();
    size.scale(QSizeF(width() - 8, height() - 8), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

void TopologyMinimap::refresh()
{
    m_cache = QPixmap(size() * devicePixelRatioF());
    m_cache.setDevicePixelRatio(devicePixelRatioF());
    m_cache.fill(TopologyStyle::background());
    if (QGraphicsScene *scene = m_view->scene()) {
        QPainter painter(&m_cache);
        // A few pixels per namespace: the overview batches are all that can be seen.
        const TopologyOverviewScope overview(qobject_cast<TopologyScene *>(scene), true);
        scene->render(&painter, target(), scene->sceneRect());
    }
    updatePlacement();
    update();
}

void TopologyMinimap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_cache.size() != size() * devicePixelRatioF())
        refresh();
    painter.drawPixmap(0, 0, m_cache);
    painter.setPen(TopologyStyle::namespaceBorder());
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    QGraphicsScene *scene = m_view->scene();
    if (!scene || scene->sceneRect().isEmpty())
        return;
    const QRectF t = target();
    const QRectF s = scene->sceneRect();
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const qreal k = t.width() / s.width();
    const QRectF box(t.left() + (visible.left() - s.left()) * k,
                     t.top() + (visible.top() - s.top()) * k, visible.width() * k,
                     visible.height() * k);
    QColor viewport = TopologyStyle::selection();
    painter.setPen(QPen(viewport, 1.5));
    viewport.setAlpha(30);
    painter.setBrush(viewport);
    painter.drawRect(box.intersected(QRectF(rect())));
}

void TopologyMinimap::moveViewTo(const QPointF &pos)
{
    QGraphicsScene *scene = m_view->scene();
    if (!scene)
        return;
    const QRectF t = target();
    const QRectF s = scene->sceneRect();
    const qreal k = s.width() / t.width();
    m_view->centerOn(
        QPointF(s.left() + (pos.x() - t.left()) * k, s.top() + (pos.y() - t.top()) * k));
}

void TopologyMinimap::mousePressEvent(QMouseEvent *event)
{
    moveViewTo(event->position());
}

void TopologyMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveViewTo(event->position());
}

void TopologyMinimap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleRefresh();
}

} // namespace Orrery
