// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apptopologynodeitem.h"

#include <cloud/apptopology.h>

#include <QGraphicsScene>
#include <QHash>
#include <QPoint>

namespace Orrery {

class AppTopologyEdgeItem;

// Any AppTopology (a Fly.io app, a Railway environment) as a diagram, themed like the cluster
// topology (TopologyStyle): the app's header on top; below it one column per process group or
// service, its machines or deployments stacked in it as cards (status stripe, region, release,
// failing checks); the attachments (Postgres, Redis, volumes) as cylinders in a column on the
// right, joined to the groups that use them by dashed lines; the releases, newest first, as a
// row of chips at the bottom (the current one filled, failed ones red).
//
// The layout depends only on the topology (nodes in the order given, which the providers sort),
// so refreshing the same app leaves every box where it was. sceneRect is set explicitly. A
// right click on a box or chip selects it and emits contextMenuRequested with its id; the page
// builds the menu (the operations are the provider's).
class AppTopologyScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static constexpr qreal Margin = 24;
    static constexpr qreal ColumnWidth = 250;
    static constexpr qreal ColumnGap = 28;
    static constexpr qreal CardHeight = 66;

    explicit AppTopologyScene(QObject *parent = nullptr);

    void setTopology(const AppTopology &topology);
    const AppTopology &topology() const { return m_topology; }

    // The "deployed by run #…" pills (PipelinePill), by AppNode::id: kept across
    // setTopology() (a refresh rebuilds the boxes), replaced as a whole here.
    void setPipelineBadges(const QHash<QString, TopologyDisplay::PipelineBadge> &badges);
    const QHash<QString, TopologyDisplay::PipelineBadge> &pipelineBadges() const
    {
        return m_pipelineBadges;
    }
    // The node whose pill is at a scene position, or empty.
    QString pipelineBadgeAt(const QPointF &scenePos) const;

    // By AppNode::id or AppRelease::id (its version when it has no id); null when absent.
    AppTopologyNodeItem *item(const QString &id) const { return m_items.value(id); }
    const AppNode *node(const QString &id) const;
    const AppRelease *release(const QString &id) const;
    int edgeCount() const;
    // The box under a scene position (its parents walked), or null.
    AppTopologyNodeItem *itemAt(const QPointF &scenePos) const;

signals:
    // `id` is a node's or a release's; `isRelease` says which.
    void contextMenuRequested(const QString &id, bool isRelease, const QPoint &screenPos);
    // A left click on a node's pipeline pill: open the run (the page knows which).
    void pipelineRunRequested(const QString &nodeId);

protected:
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    AppTopology m_topology;
    QHash<QString, AppTopologyNodeItem *> m_items;
    AppTopologyEdgeItem *m_edges = nullptr;
    QHash<QString, TopologyDisplay::PipelineBadge> m_pipelineBadges;
};

} // namespace Orrery
