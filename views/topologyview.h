// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>
#include <QStringList>

#include <functional>
#include <optional>

class QMenu;

namespace Orrery {

class TopologyScene;
class TopologyNodeItem;
struct TopologyNode;

// Interactive view on a TopologyScene: wheel zoom at the cursor, drag to pan, click to
// select (nodeSelected), double-click to focus a neighbourhood, right-click for the
// operations that fit (contextMenuRequested with action ids), search that centres on matches.
class TopologyView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit TopologyView(QWidget *parent = nullptr);

    void setTopologyScene(TopologyScene *scene);

    void zoomBy(qreal factor);
    void setZoom(qreal zoom);
    // Fits the diagram, but not below readableZoom(): the names stay legible (the nodes'
    // compact cards), and what does not fit is scrolled to. showWhole() shows everything.
    void fitAll();
    void showWhole();
    qreal fitZoom() const; // the zoom at which the whole diagram fits the viewport
    static constexpr qreal readableZoom() { return 0.5; }
    void centerOnNode(const QString &id);
    // An aggregated namespace (TopologyScene::isAggregated): expands it and shows its start at
    // a readable zoom. Zooming in past expandZoom() over an aggregate does the same (the
    // namespace expanded by zooming before is folded again).
    void expandHome(const QString &home);
    static constexpr qreal expandZoom() { return 0.5; }
    // Selects and centres on the next match of `text`; returns the number of matches.
    int search(const QString &text);
    qreal zoom() const;
    // Off (presenter mode): the scene keeps drawing its nodes with their names at any zoom
    // instead of switching to the overview below TopologyScene::overviewZoom().
    void setOverviewAllowed(bool allowed);

    // Presenter mode's laser pointer: the node under the mouse gets a bright halo (drawn by
    // this view over the scene, so other views of the scene do not show it).
    void setLaserPointer(bool enabled);
    bool hasLaserPointer() const { return m_laser; }
    QString pointedNode() const { return m_pointed; } // node id, empty: none

    // Operations offered for a kind ("scale", "restart", "logs", ...): ids, not labels. The
    // context menu's fallback when no ActionsProvider is set (exports, tests of the view).
    static QStringList actionsFor(const QString &kind);
    static QString actionLabel(const QString &actionId);

    // The actions that fit a node (TopologyPage: the operations of the ActionController and
    // the page's own), parented to `parent`; they run themselves when triggered.
    using ActionsProvider
        = std::function<QList<QAction *>(const TopologyNode &node, QObject *parent)>;
    void setActionsProvider(ActionsProvider provider);
    // What a right-click on `node` opens: focus, expand (pod groups), then the provider's
    // actions, or without one actionsFor()'s ids (actionTriggered when chosen). The caller owns
    // the menu. Action object names: "topology-focus", "topology-expand", "topology-<id>".
    QMenu *createContextMenu(const TopologyNode &node, QWidget *parent);

signals:
    void nodeSelected(const QString &kind, const QString &ns, const QString &name);
    void contextMenuRequested(const QString &kind, const QString &ns, const QString &name,
                              const QStringList &actionIds, const QPoint &globalPos);
    void actionTriggered(const QString &kind, const QString &ns, const QString &name,
                         const QString &actionId);
    void podGroupActivated(const QString &ownerId);
    // A click on a workload's "deployed by run #…" pill (TopologyDisplay::pipeline).
    void pipelineRunRequested(const QString &nodeId);
    void viewportMoved();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    TopologyNodeItem *nodeAt(const QPoint &pos) const;
    // Below TopologyScene::overviewZoom() the scene paints each namespace's nodes as one
    // batch (TopologyOverviewItem): a fitted 10k-pod cluster stays within a frame.
    void updateLevelOfDetail();
    void showHome(const QString &home);
    // After a zoom step: past expandZoom() over an aggregated namespace, expands it.
    void expandAtCentre();
    void onSelectionChanged();
    void setPointed(const QString &id);
    QRectF pointerRect(const QString &id) const; // scene rect of the halo, empty: none

    TopologyScene *m_scene = nullptr;
    QString m_lastSearch;
    int m_searchIndex = -1;
    // fitAll() while hidden (a page of a QStackedWidget not shown yet) would fit into a
    // viewport of a stale size: it is done once the view is shown.
    bool m_fitWhenShown = false;
    ActionsProvider m_actionsProvider;
    bool m_laser = false;
    bool m_overviewAllowed = true;
    QString m_pointed;
    QString m_zoomExpanded; // the namespace expanded by zooming in on its aggregate
    bool m_expanding = false;
    std::optional<QPoint> m_wheelAt; // during a wheel zoom: where the cursor is
};

} // namespace Orrery
