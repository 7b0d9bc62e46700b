// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologynode.h"

#include <QCoreApplication>
#include <QGraphicsItem>

namespace Orrery {

struct TopologyDisplay;

// One node of the topology diagram. A plain QGraphicsItem (no QObject) because a large
// cluster has tens of thousands of them. paint() applies level of detail: far away a
// status-coloured box, closer the kind badge, close enough the texts, rings and badges.
class TopologyNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(Orrery::TopologyNodeItem)

public:
    enum { Type = UserType + 701 };

    TopologyNodeItem(const TopologyNode &node, const QSizeF &size, const TopologyDisplay *display);

    // Returns true when what the user sees changed (status, health, counts).
    bool setNode(const TopologyNode &node);
    const TopologyNode &node() const { return m_node; }
    void setSize(const QSizeF &size);
    QSizeF size() const { return m_size; }
    const TopologyDisplay *display() const { return m_display; }

    void setFlash(qreal flash); // 0..1, fading highlight after a change
    qreal flash() const { return m_flash; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static QString toolTipFor(const TopologyNode &node);
    // With the overlays' lines (heat, alerts) of `display`.
    static QString toolTipFor(const TopologyNode &node, const TopologyDisplay &display);
    // Anonymised (presenter mode, A): the kind, `name` and the status; no namespace, detail or
    // application.
    static QString anonymousToolTipFor(const TopologyNode &node, const QString &name);

private:
    void paintRing(QPainter *painter, const QRectF &rect, int value, int total);
    void paintGroupBar(QPainter *painter, const QRectF &rect);
    void paintCompact(QPainter *painter, const QRectF &rect, qreal left, qreal lod);
    void paintAlertBadge(QPainter *painter);
    void paintPipelineBadge(QPainter *painter);

public:
    // The "deployed by run #…" pill under the card in item coordinates; empty without one.
    QRectF pipelineBadgeRect() const;
    // Called by the scene before this node's pill appears or goes (its bounds change).
    void pipelineBadgeChanging();

    struct TextCache
    {
        qreal scale = 0;
        bool presenter = false;
        bool anonymise = false;
        QString name;
        QString first;
        QString second;
    };

    TopologyNode m_node;
    mutable TextCache m_text;
    struct CompactCache
    {
        QString name;
        QString count;
        int ready = -1;
        int desired = -1;
        int pixels = 0;
        qreal room = 0; // device pixels for the text
        qreal baseline = 0;
        bool showCount = false;
        qreal countWidth = 0;
        qreal width = 0;
        qreal badgeWidth = 0; // the kind badge left of the name, device pixels
        qreal badgeHeight = 0;
        qreal nameLeft = 0; // from the badge's left edge
        QString text;
    };
    CompactCache m_compact; // the elided name of the compact card
    QSizeF m_size;
    const TopologyDisplay *m_display;
    qreal m_flash = 0;
};

} // namespace Orrery
