// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyview.h"

#include "topologyaggregateitem.h"
#include "topologygraph.h"
#include "topologynodeitem.h"
#include "topologyscene.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

#include <cmath>

namespace Orrery {

TopologyView::TopologyView(QWidget *parent)
    : QGraphicsView(parent)
{
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setRenderHint(QPainter::Antialiasing, true);
    setRenderHint(QPainter::TextAntialiasing, true);
    // Items set their own pen, brush and hints in paint(); skipping save/restore is measured
    // to matter with tens of thousands of items.
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setCacheMode(CacheBackground);
    setFrameShape(QFrame::NoFrame);
}

void TopologyView::setTopologyScene(TopologyScene *scene)
{
    if (m_scene == scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = scene;
    setScene(scene);
    if (scene)
        connect(scene, &QGraphicsScene::selectionChanged, this, [this] { onSelectionChanged(); });
    updateLevelOfDetail();
}

void TopologyView::updateLevelOfDetail()
{
    if (!m_scene)
        return;
    m_scene->setOverview(m_overviewAllowed && zoom() < TopologyScene::overviewZoom());
}

void TopologyView::expandAtCentre()
{
    if (!m_scene || !m_scene->isAggregated() || m_expanding || zoom() < expandZoom())
        return;
    // Zoomed in on an aggregated namespace: its nodes replace the box.
    // What the user zooms at: the wheel's cursor, else the middle of the view.
    const QPoint at = m_wheelAt.value_or(viewport()->rect().center());
    for (QGraphicsItem *item : items(at)) {
        if (item->type() == TopologyAggregateItem::Type) {
            const QString home = static_cast<TopologyAggregateItem *>(item)->home();
            QSet<QString> homes = m_scene->expandedHomes();
            if (!m_zoomExpanded.isEmpty() && m_zoomExpanded != home)
                homes.remove(m_zoomExpanded);
            homes.insert(home);
            m_zoomExpanded = home;
            m_expanding = true;
            m_scene->setExpandedHomes(homes);
            showHome(home);
            m_expanding = false;
            return;
        }
    }
}

void TopologyView::expandHome(const QString &home)
{
    if (!m_scene)
        return;
    m_expanding = true;
    if (m_zoomExpanded == home)
        m_zoomExpanded.clear(); // chosen now: kept when zooming elsewhere
    m_scene->setHomeExpanded(home, true);
    showHome(home);
    m_expanding = false;
}

void TopologyView::showHome(const QString &home)
{
    const QRectF rect = m_scene->homeRect(home);
    if (rect.isEmpty())
        return;
    // As fitAll() for one namespace: readable, its top left when it does not fit.
    const QSizeF room = QSizeF(viewport()->size()) - QSizeF(4, 4);
    const qreal fit = std::min(room.width() / rect.width(), room.height() / rect.height());
    const qreal z = std::clamp(fit, readableZoom(), 1.0);
    setTransform(QTransform::fromScale(z, z));
    const QSizeF visible = QSizeF(viewport()->size()) / z;
    centerOn(QPointF(rect.left() + std::min(visible.width(), rect.width()) / 2,
                     rect.top() + std::min(visible.height(), rect.height()) / 2));
    m_scene->setOverview(m_overviewAllowed && z < TopologyScene::overviewZoom());
    emit viewportMoved();
}

void TopologyView::setOverviewAllowed(bool allowed)
{
    m_overviewAllowed = allowed;
    updateLevelOfDetail();
}

void TopologyView::setZoom(qreal zoom)
{
    // About the middle of the view, whatever the anchor (the mouse may be elsewhere).
    const QPointF centre = mapToScene(viewport()->rect().center());
    setTransform(QTransform::fromScale(zoom, zoom));
    centerOn(centre);
    updateLevelOfDetail();
    expandAtCentre();
    emit viewportMoved();
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, 0.01, 4.0);
    scale(target / zoom(), target / zoom());
    updateLevelOfDetail();
    expandAtCentre();
    emit viewportMoved();
}

qreal TopologyView::fitZoom() const
{
    const QRectF content = sceneRect();
    const QSizeF room = QSizeF(viewport()->size()) - QSizeF(4, 4);
    if (content.isEmpty() || room.isEmpty())
        return 1.0;
    return std::min(room.width() / content.width(), room.height() / content.height());
}

void TopologyView::fitAll()
{
    if (!scene())
        return;
    if (!isVisible()) {
        m_fitWhenShown = true;
        return;
    }
    m_fitWhenShown = false;
    // Never further out than readableZoom(), never closer than 100 %: a small cluster fills
    // the window with readable names; a larger one starts at its top left (where the layout
    // puts the first namespaces) and scrolls, the minimap showing the rest. Aggregated
    // namespaces write their names at any zoom: the whole cluster is fitted then.
    const qreal fit = fitZoom();
    const qreal zoom
        = std::clamp(fit, m_scene && m_scene->isAggregated() ? 0.01 : readableZoom(), 1.0);
    // Centred when it all fits; else from the top left, also along the axis that fits (the
    // view would centre a scene narrower than the viewport).
    setAlignment(fit >= zoom ? Qt::AlignCenter : Qt::AlignLeft | Qt::AlignTop);
    setTransform(QTransform::fromScale(zoom, zoom));
    const QRectF content = sceneRect();
    const QSizeF visible = QSizeF(viewport()->size()) / zoom;
    if (fit >= zoom)
        centerOn(content.center());
    else
        centerOn(content.left() + visible.width() / 2, content.top() + visible.height() / 2);
    updateLevelOfDetail();
    emit viewportMoved();
}

void TopologyView::showWhole()
{
    if (!scene())
        return;
    setAlignment(Qt::AlignCenter);
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    updateLevelOfDetail();
    emit viewportMoved();
}

void TopologyView::centerOnNode(const QString &id)
{
    if (!m_scene)
        return;
    if (TopologyNodeItem *item = m_scene->item(id)) {
        if (zoom() < 0.6) {
            const qreal factor = 0.9 / zoom();
            scale(factor, factor);
        }
        centerOn(item);
        updateLevelOfDetail();
        emit viewportMoved();
    }
}

int TopologyView::search(const QString &text)
{
    if (!m_scene)
        return 0;
    const QStringList matches = m_scene->find(text);
    if (matches.isEmpty())
        return 0;
    m_searchIndex = text == m_lastSearch ? (m_searchIndex + 1) % int(matches.size()) : 0;
    m_lastSearch = text;
    // A match inside an aggregated namespace expands it first.
    const QString id = m_scene->reveal(matches.at(m_searchIndex));
    m_scene->clearSelection();
    if (TopologyNodeItem *item = m_scene->item(id))
        item->setSelected(true);
    centerOnNode(id);
    return int(matches.size());
}

QStringList TopologyView::actionsFor(const QString &kind)
{
    if (kind == QLatin1String("Pod"))
        return {QStringLiteral("logs"), QStringLiteral("exec"), QStringLiteral("delete"),
                QStringLiteral("describe")};
    if (kind == QLatin1String("Deployment") || kind == QLatin1String("StatefulSet"))
        return {QStringLiteral("scale"), QStringLiteral("restart"), QStringLiteral("rollback"),
                QStringLiteral("describe")};
    if (kind == QLatin1String("DaemonSet"))
        return {QStringLiteral("restart"), QStringLiteral("rollback"), QStringLiteral("describe")};
    if (kind == QLatin1String("CronJob"))
        return {QStringLiteral("trigger"), QStringLiteral("suspend"), QStringLiteral("describe")};
    if (kind == QLatin1String("Service"))
        return {QStringLiteral("port-forward"), QStringLiteral("describe")};
    if (kind == QLatin1String("HorizontalPodAutoscaler"))
        return {QStringLiteral("edit-limits"), QStringLiteral("describe")};
    if (kind == QLatin1String("Job"))
        return {QStringLiteral("logs"), QStringLiteral("delete"), QStringLiteral("describe")};
    if (kind == QLatin1String("External") || kind == QLatin1String("PodGroup"))
        return {};
    return {QStringLiteral("describe")};
}

QString TopologyView::actionLabel(const QString &actionId)
{
    if (actionId == QLatin1String("logs"))
        return tr("Show logs");
    if (actionId == QLatin1String("exec"))
        return tr("Open shell");
    if (actionId == QLatin1String("delete"))
        return tr("Delete…");
    if (actionId == QLatin1String("describe"))
        return tr("Show details");
    if (actionId == QLatin1String("scale"))
        return tr("Scale…");
    if (actionId == QLatin1String("restart"))
        return tr("Restart rollout");
    if (actionId == QLatin1String("rollback"))
        return tr("Roll back…");
    if (actionId == QLatin1String("trigger"))
        return tr("Run now");
    if (actionId == QLatin1String("suspend"))
        return tr("Suspend");
    if (actionId == QLatin1String("port-forward"))
        return tr("Port forward…");
    if (actionId == QLatin1String("edit-limits"))
        return tr("Edit replica limits…");
    return actionId;
}

TopologyNodeItem *TopologyView::nodeAt(const QPoint &pos) const
{
    for (QGraphicsItem *item : items(pos)) {
        if (item->type() == TopologyNodeItem::Type)
            return static_cast<TopologyNodeItem *>(item);
    }
    return nullptr;
}

void TopologyView::onSelectionChanged()
{
    if (!m_scene)
        return;
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    for (QGraphicsItem *item : selected) {
        if (item->type() != TopologyNodeItem::Type)
            continue;
        const TopologyNode &node = static_cast<TopologyNodeItem *>(item)->node();
        if (node.kind == TopologyKind::PodGroup) {
            emit podGroupActivated(node.owner); // expand on click
            return;
        }
        emit nodeSelected(topologyKindName(node.kind), node.ns, node.name);
        return;
    }
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    m_wheelAt = event->position().toPoint();
    zoomBy(std::pow(1.18, steps));
    m_wheelAt.reset();
    event->accept();
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_scene)
        return;
    for (QGraphicsItem *hit : items(event->position().toPoint())) {
        if (hit->type() == TopologyAggregateItem::Type) {
            expandHome(static_cast<TopologyAggregateItem *>(hit)->home());
            event->accept();
            return;
        }
        if (hit->type() == TopologyNodeItem::Type)
            break;
    }
    TopologyNodeItem *item = nodeAt(event->position().toPoint());
    m_scene->setFocusNode(item && item->node().id != m_scene->focusNode() ? item->node().id
                                                                          : QString());
    event->accept();
}

void TopologyView::setActionsProvider(ActionsProvider provider)
{
    m_actionsProvider = std::move(provider);
}

QMenu *TopologyView::createContextMenu(const TopologyNode &node, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("topologyContextMenu"));
    menu->setToolTipsVisible(true); // a disabled operation says which permission is missing
    const QString id = node.id;
    const bool focused = m_scene && m_scene->focusNode() == id;
    QAction *focus = menu->addAction(focused ? tr("Clear focus") : tr("Focus on neighbourhood"));
    focus->setObjectName(QStringLiteral("topology-focus"));
    connect(focus, &QAction::triggered, this, [this, id] {
        if (m_scene)
            m_scene->setFocusNode(m_scene->focusNode() == id ? QString() : id);
    });
    if (node.kind == TopologyKind::PodGroup) {
        QAction *expand = menu->addAction(tr("Expand pods"));
        expand->setObjectName(QStringLiteral("topology-expand"));
        connect(expand, &QAction::triggered, this,
                [this, owner = node.owner] { emit podGroupActivated(owner); });
    }
    QList<QAction *> actions;
    if (m_actionsProvider) {
        actions = m_actionsProvider(node, menu);
    } else {
        const QString kind = topologyKindName(node.kind);
        for (const QString &actionId : actionsFor(kind)) {
            auto *action = new QAction(actionLabel(actionId), menu);
            action->setObjectName(QStringLiteral("topology-") + actionId);
            action->setData(actionId);
            connect(action, &QAction::triggered, this,
                    [this, kind, ns = node.ns, name = node.name, actionId] {
                        emit actionTriggered(kind, ns, name, actionId);
                    });
            actions.append(action);
        }
    }
    if (!actions.isEmpty()) {
        menu->addSeparator();
        menu->addActions(actions);
    }
    return menu;
}

void TopologyView::contextMenuEvent(QContextMenuEvent *event)
{
    TopologyNodeItem *item = nodeAt(event->pos());
    if (!item || !m_scene)
        return;
    const TopologyNode node = item->node();
    const QString kind = topologyKindName(node.kind);
    emit contextMenuRequested(kind, node.ns, node.name, actionsFor(kind), event->globalPos());
    // Deleted on close: an action may outlive exec() (a dialog it opens), the menu need not.
    QMenu *menu = createContextMenu(node, this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
    event->accept();
}

void TopologyView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    emit viewportMoved();
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    emit viewportMoved();
}

void TopologyView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    // Fit after the layouts settled, so the viewport has its final size.
    if (m_fitWhenShown)
        QTimer::singleShot(0, this, [this] {
            if (m_fitWhenShown)
                fitAll();
        });
}

void TopologyView::setLaserPointer(bool enabled)
{
    m_laser = enabled;
    if (enabled)
        viewport()->setMouseTracking(true);
    if (!enabled)
        setPointed({});
}

QRectF TopologyView::pointerRect(const QString &id) const
{
    const TopologyNodeItem *item = m_scene && !id.isEmpty() ? m_scene->item(id) : nullptr;
    if (!item)
        return {};
    // The halo's width is in device pixels: grow the rect by it at the current zoom.
    const qreal grow = 14 / std::max(zoom(), 0.01);
    return item->mapRectToScene(QRectF(QPointF(0, 0), item->size()))
        .adjusted(-grow, -grow, grow, grow);
}

void TopologyView::setPointed(const QString &id)
{
    if (id == m_pointed)
        return;
    const QRectF before = pointerRect(m_pointed);
    m_pointed = id;
    for (const QRectF &rect : {before, pointerRect(m_pointed)}) {
        if (!rect.isEmpty())
            viewport()->update(mapFromScene(rect).boundingRect().adjusted(-2, -2, 2, 2));
    }
}

void TopologyView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_laser) {
        const TopologyNodeItem *item = nodeAt(event->position().toPoint());
        setPointed(item ? item->node().id : QString());
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QPoint pos = event->position().toPoint();
        if (const TopologyNodeItem *item = nodeAt(pos)) {
            const QRectF pill = item->pipelineBadgeRect();
            if (!pill.isEmpty() && pill.contains(item->mapFromScene(mapToScene(pos)))) {
                emit pipelineRunRequested(item->node().id);
                event->accept();
                return;
            }
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::leaveEvent(QEvent *event)
{
    setPointed({});
    QGraphicsView::leaveEvent(event);
}

void TopologyView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    const TopologyNodeItem *item
        = m_laser && m_scene && !m_pointed.isEmpty() ? m_scene->item(m_pointed) : nullptr;
    if (!item || !item->isVisible())
        return;
    // A red glow like a laser dot's, whatever the zoom (cosmetic pens): three strokes from wide
    // and faint to narrow and bright.
    const QRectF box = item->mapRectToScene(QRectF(QPointF(0, 0), item->size()));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    const qreal unit = 1 / std::max(zoom(), 0.01);
    for (const auto &[width, alpha] :
         {std::pair{16.0, 50}, std::pair{9.0, 110}, std::pair{4.0, 255}}) {
        QPen pen(QColor(255, 32, 32, alpha), width);
        pen.setCosmetic(true);
        painter->setPen(pen);
        const qreal out = 3 * unit;
        painter->drawRoundedRect(box.adjusted(-out, -out, out, out), 10 * unit + out,
                                 10 * unit + out);
    }
    painter->restore();
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_scene && !m_scene->focusNode().isEmpty()) {
        m_scene->setFocusNode({});
        return;
    }
    if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal) {
        zoomBy(1.25);
        return;
    }
    if (event->key() == Qt::Key_Minus) {
        zoomBy(0.8);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

} // namespace Orrery
