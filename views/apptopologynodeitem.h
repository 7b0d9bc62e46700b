// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologydisplay.h"

#include <cloud/apptopology.h>
#include <topologytypes.h>

#include <QGraphicsItem>

namespace Orrery {

// One box of the app topology (AppTopologyScene): the app's header, a process group or
// service, a machine or deployment card, an attachment (a cylinder, as databases are drawn),
// or a release chip. Colours come from TopologyStyle at paint time (the current look); text is
// dropped when zoomed out (level of detail). Selectable; the scene maps context menus to it.
class AppTopologyNodeItem : public QGraphicsItem
{
public:
    enum class Role { App, Group, Instance, Attachment, Release };

    AppTopologyNodeItem(Role role, const QRectF &rect, QGraphicsItem *parent = nullptr);

    // What it shows.
    void setNode(const AppNode &node, const QString &detail = {});
    void setRelease(const AppRelease &release);

    Role role() const { return m_role; }
    QString nodeId() const { return m_id; } // AppNode::id, or AppRelease::id
    TopologyHealth health() const { return m_health; }
    QRectF rect() const { return m_rect; }

    // The health a node's or a release's platform words give.
    static TopologyHealth healthOf(const AppNode &node);
    static TopologyHealth healthOf(const AppRelease &release);

    // The "deployed by run #…" pill over the box's bottom edge (a process group's header band,
    // a machine's or deployment's card); none by default.
    void setPipelineBadge(const TopologyDisplay::PipelineBadge &badge);
    const TopologyDisplay::PipelineBadge &pipelineBadge() const { return m_pipeline; }
    // The pill in scene coordinates; empty without one.
    QRectF pipelineBadgeRect() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Role m_role;
    QRectF m_rect;
    QString m_id;
    QString m_title;
    QStringList m_lines; // detail lines under the title
    QString m_badge;     // top-right pill: region, version
    TopologyHealth m_health = TopologyHealth::Unknown;
    bool m_emphasis = false; // the current release
    TopologyDisplay::PipelineBadge m_pipeline;
};

} // namespace Orrery
