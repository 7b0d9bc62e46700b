// SPDX-License-Identifier: GPL-3.0-or-later
#include "apptopologyscene.h"

#include "apptopologyedgeitem.h"
#include "topologystyle.h"

#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QSet>

#include <algorithm>

namespace Orrery {

namespace {

constexpr qreal HeaderHeight = 64;
constexpr qreal HeaderGap = 44;
constexpr qreal GroupHeader = 84;
constexpr qreal CardGap = 10;
constexpr qreal AttachmentWidth = 190;
constexpr qreal AttachmentHeight = 72;
constexpr qreal AttachmentGap = 20;
constexpr qreal ReleaseWidth = 176;
constexpr qreal ReleaseHeight = 58;
constexpr qreal ReleaseGap = 12;

using Role = AppTopologyNodeItem::Role;

} // namespace

AppTopologyScene::AppTopologyScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

const AppNode *AppTopologyScene::node(const QString &id) const
{
    for (const AppNode &n : m_topology.nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

const AppRelease *AppTopologyScene::release(const QString &id) const
{
    for (const AppRelease &r : m_topology.releases)
        if ((r.id.isEmpty() ? r.version : r.id) == id)
            return &r;
    return nullptr;
}

int AppTopologyScene::edgeCount() const
{
    return m_edges ? m_edges->edgeCount() : 0;
}

void AppTopologyScene::setTopology(const AppTopology &topology)
{
    clear();
    m_items.clear();
    m_edges = nullptr;
    m_topology = topology;
    setBackgroundBrush(TopologyStyle::background());

    const AppNode *app = nullptr;
    QList<const AppNode *> groups;
    QList<const AppNode *> attachments;
    QHash<QString, QList<const AppNode *>> children;
    QSet<QString> ids;
    for (const AppNode &n : m_topology.nodes) {
        if (ids.contains(n.id))
            continue; // a duplicate id would make two boxes answer to one name
        ids.insert(n.id);
        switch (n.kind) {
        case AppNode::Kind::App:
            if (!app)
                app = &n;
            break;
        case AppNode::Kind::Group: groups.append(&n); break;
        case AppNode::Kind::Attachment: attachments.append(&n); break;
        case AppNode::Kind::Instance: children[n.parentId].append(&n); break;
        }
    }

    const qreal groupTop = Margin + HeaderHeight + HeaderGap;
    QList<AppTopologyEdgeItem::Edge> edges;
    qreal bottom = groupTop;
    QHash<QString, QRectF> groupRects;
    for (int i = 0; i < groups.size(); ++i) {
        const AppNode *g = groups.at(i);
        const QList<const AppNode *> cards = children.value(g->id);
        const qreal x = Margin + i * (ColumnWidth + ColumnGap);
        const qreal height = GroupHeader + cards.size() * (CardHeight + CardGap) + 4;
        const QRectF rect(x, groupTop, ColumnWidth, height);
        auto *groupItem = new AppTopologyNodeItem(Role::Group, rect);
        groupItem->setNode(*g);
        addItem(groupItem);
        m_items.insert(g->id, groupItem);
        groupRects.insert(g->id, rect);
        for (int j = 0; j < cards.size(); ++j) {
            const QRectF card(x + 10, groupTop + GroupHeader + j * (CardHeight + CardGap),
                              ColumnWidth - 20, CardHeight);
            auto *cardItem = new AppTopologyNodeItem(Role::Instance, card);
            cardItem->setNode(*cards.at(j));
            addItem(cardItem);
            m_items.insert(cards.at(j)->id, cardItem);
        }
        bottom = std::max(bottom, rect.bottom());
        // The tree: app header down to the group.
        QPainterPath tree;
        tree.moveTo(rect.center().x(), Margin + HeaderHeight);
        tree.lineTo(rect.center().x(), groupTop);
        edges.append({tree, false});
    }
    // Instances whose group is not in the topology still show, in a column of their own.
    QList<const AppNode *> orphans;
    for (auto it = children.cbegin(); it != children.cend(); ++it)
        if (!groupRects.contains(it.key()))
            orphans += it.value();
    qreal nextColumn = Margin + groups.size() * (ColumnWidth + ColumnGap);
    if (!orphans.isEmpty()) {
        for (int j = 0; j < orphans.size(); ++j) {
            const QRectF card(nextColumn + 10, groupTop + j * (CardHeight + CardGap),
                              ColumnWidth - 20, CardHeight);
            auto *cardItem = new AppTopologyNodeItem(Role::Instance, card);
            cardItem->setNode(*orphans.at(j));
            addItem(cardItem);
            m_items.insert(orphans.at(j)->id, cardItem);
            bottom = std::max(bottom, card.bottom());
        }
        nextColumn += ColumnWidth + ColumnGap;
    }

    // Attachments on the right, joined by dashed lines over a channel above the groups.
    const qreal attachX = nextColumn + 12;
    QHash<QString, QRectF> attachmentRects;
    for (int k = 0; k < attachments.size(); ++k) {
        const QRectF rect(attachX, groupTop + k * (AttachmentHeight + AttachmentGap),
                          AttachmentWidth, AttachmentHeight);
        auto *item = new AppTopologyNodeItem(Role::Attachment, rect);
        item->setNode(*attachments.at(k));
        addItem(item);
        m_items.insert(attachments.at(k)->id, item);
        attachmentRects.insert(attachments.at(k)->id, rect);
        bottom = std::max(bottom, rect.bottom());
    }
    const qreal channel = groupTop - 16;
    for (const AppLink &link : m_topology.links) {
        const QRectF from = groupRects.value(link.from);
        const QRectF to = attachmentRects.value(link.to);
        if (from.isNull() || to.isNull())
            continue;
        QPainterPath path;
        path.moveTo(from.right() - 28, from.top());
        path.lineTo(from.right() - 28, channel);
        path.lineTo(to.left() - 18, channel);
        path.lineTo(to.left() - 18, to.center().y());
        path.lineTo(to.left(), to.center().y());
        edges.append({path, true});
    }

    const qreal contentRight
        = std::max({attachments.isEmpty() ? nextColumn - ColumnGap : attachX + AttachmentWidth,
                    Margin + 4 * (ReleaseWidth + ReleaseGap), Margin + ColumnWidth});
    if (app) {
        auto *header = new AppTopologyNodeItem(
            Role::App, QRectF(Margin, Margin, contentRight - Margin, HeaderHeight));
        header->setNode(*app);
        addItem(header);
        m_items.insert(app->id, header);
    }

    // Releases, newest first, wrapping at the content's width.
    qreal y = bottom + 36;
    if (!m_topology.releases.isEmpty()) {
        auto *label = new QGraphicsSimpleTextItem(tr("Releases"));
        label->setFont(TopologyStyle::titleFont());
        label->setBrush(TopologyStyle::mutedText());
        label->setPos(Margin, y);
        addItem(label);
        y += 22;
        const int perRow
            = std::max(1, int((contentRight - Margin + ReleaseGap) / (ReleaseWidth + ReleaseGap)));
        int index = 0;
        for (const AppRelease &r : m_topology.releases) {
            const QString id = r.id.isEmpty() ? r.version : r.id;
            if (m_items.contains(id))
                continue;
            const QRectF rect(Margin + (index % perRow) * (ReleaseWidth + ReleaseGap),
                              y + (index / perRow) * (ReleaseHeight + ReleaseGap), ReleaseWidth,
                              ReleaseHeight);
            auto *chip = new AppTopologyNodeItem(Role::Release, rect);
            chip->setRelease(r);
            addItem(chip);
            m_items.insert(id, chip);
            bottom = rect.bottom();
            ++index;
        }
    }

    if (!edges.isEmpty()) {
        m_edges = new AppTopologyEdgeItem(edges);
        addItem(m_edges);
    }
    setSceneRect(QRectF(0, 0, contentRight + Margin, std::max(bottom, y) + Margin));
    for (auto it = m_pipelineBadges.cbegin(); it != m_pipelineBadges.cend(); ++it)
        if (AppTopologyNodeItem *item = m_items.value(it.key()))
            item->setPipelineBadge(it.value());
}

void AppTopologyScene::setPipelineBadges(
    const QHash<QString, TopologyDisplay::PipelineBadge> &badges)
{
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        it.value()->setPipelineBadge(badges.value(it.key()));
    m_pipelineBadges = badges;
}

QString AppTopologyScene::pipelineBadgeAt(const QPointF &scenePos) const
{
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        if (it.value()->pipelineBadgeRect().contains(scenePos))
            return it.key();
    return QString();
}

void AppTopologyScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QString id = pipelineBadgeAt(event->scenePos());
        if (!id.isEmpty()) {
            emit pipelineRunRequested(id);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

AppTopologyNodeItem *AppTopologyScene::itemAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *i : items(scenePos)) {
        for (QGraphicsItem *p = i; p; p = p->parentItem())
            if (auto *node = dynamic_cast<AppTopologyNodeItem *>(p))
                return node;
    }
    return nullptr;
}

void AppTopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    AppTopologyNodeItem *node = itemAt(event->scenePos());
    if (!node) {
        event->ignore();
        return;
    }
    clearSelection();
    node->setSelected(true);
    emit contextMenuRequested(node->nodeId(), node->role() == Role::Release, event->screenPos());
    event->accept();
}

} // namespace Orrery
