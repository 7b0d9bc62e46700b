// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinediagramview.h"

#include "pipelinescene.h"
#include "pipelinestyle.h"

#include <QEvent>
#include <QWheelEvent>

namespace Orrery {

namespace {
constexpr qreal s_minFitZoom = 0.8;
} // namespace

PipelineDiagramView::PipelineDiagramView(PipelineScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(PipelineStyle::background());
}

qreal PipelineDiagramView::zoom() const
{
    return transform().m11();
}

void PipelineDiagramView::fitDiagram()
{
    const QRectF rect = sceneRect();
    if (rect.isEmpty() || viewport()->width() <= 0)
        return;
    const qreal scale = qMin<qreal>(
        1.0, qMin(viewport()->width() / rect.width(), viewport()->height() / rect.height()));
    // Never so small that the names cannot be read: a wide run scrolls instead.
    const qreal zoom = qMax<qreal>(scale, s_minFitZoom);
    setTransform(QTransform::fromScale(zoom, zoom));
}

void PipelineDiagramView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const qreal factor = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
    const qreal next = zoom() * factor;
    if (next < 0.1 || next > 4)
        return;
    scale(factor, factor);
    event->accept();
}

void PipelineDiagramView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        setBackgroundBrush(PipelineStyle::background());
        if (m_scene) {
            m_scene->setBackgroundBrush(PipelineStyle::background());
            m_scene->update();
        }
    }
    QGraphicsView::changeEvent(event);
}

} // namespace Orrery
