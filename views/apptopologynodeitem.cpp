// SPDX-License-Identifier: GPL-3.0-or-later
#include "apptopologynodeitem.h"

#include "pipelinepill.h"
#include "topologystyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace Orrery {

namespace {

bool isOneOf(const QString &word, std::initializer_list<const char *> words)
{
    for (const char *w : words)
        if (word.compare(QLatin1String(w), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString joinNonEmpty(QStringList parts, const QString &separator)
{
    parts.removeAll(QString());
    return parts.join(separator);
}

QString elided(const QString &text, const QFont &font, qreal width)
{
    return QFontMetricsF(font).elidedText(text, Qt::ElideMiddle, width);
}

} // namespace

AppTopologyNodeItem::AppTopologyNodeItem(Role role, const QRectF &rect, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_role(role)
    , m_rect(rect)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setZValue(role == Role::Group ? 0 : 1);
}

TopologyHealth AppTopologyNodeItem::healthOf(const AppNode &node)
{
    const QString &s = node.status;
    // Fly machine states and Railway deployment statuses.
    if (isOneOf(s, {"starting", "stopping", "replacing", "created", "launching", "destroying",
                    "updating", "BUILDING", "DEPLOYING", "INITIALIZING", "QUEUED", "WAITING",
                    "REMOVING", "pending"}))
        return node.healthy ? TopologyHealth::Progressing : TopologyHealth::Failed;
    if (!node.healthy) {
        if (node.kind == AppNode::Kind::App || node.kind == AppNode::Kind::Group)
            return TopologyHealth::Warning;
        return TopologyHealth::Failed;
    }
    if (isOneOf(s, {"CRASHED", "FAILED", "failed"}))
        return TopologyHealth::Failed;
    if (isOneOf(s, {"stopped", "suspended", "SLEEPING", "REMOVED", "SKIPPED", "destroyed"}))
        return TopologyHealth::Unknown;
    return TopologyHealth::Healthy;
}

TopologyHealth AppTopologyNodeItem::healthOf(const AppRelease &release)
{
    if (isOneOf(release.status, {"failed", "FAILED", "CRASHED", "interrupted"}))
        return TopologyHealth::Failed;
    if (isOneOf(release.status, {"running", "pending", "BUILDING", "DEPLOYING", "QUEUED"}))
        return TopologyHealth::Progressing;
    if (isOneOf(release.status, {"REMOVED", "SKIPPED"}))
        return TopologyHealth::Unknown;
    return release.current ? TopologyHealth::Healthy : TopologyHealth::Succeeded;
}

void AppTopologyNodeItem::setNode(const AppNode &node, const QString &detail)
{
    m_id = node.id;
    m_title = node.name;
    m_health = healthOf(node);
    m_lines.clear();
    m_badge.clear();
    switch (m_role) {
    case Role::App:
        m_lines << joinNonEmpty({node.status, node.release, node.region},
                                QStringLiteral("  \u00b7  "));
        if (!node.checks.isEmpty())
            m_lines << node.checks.join(QStringLiteral("  \u00b7  "));
        break;
    case Role::Group:
        m_lines << node.status;
        if (!node.region.isEmpty())
            m_lines << node.region;
        m_badge = node.release;
        if (!node.image.isEmpty())
            m_lines << node.image;
        break;
    case Role::Instance:
        m_badge = node.region;
        m_lines << joinNonEmpty({node.status, node.release}, QStringLiteral(" \u00b7 "));
        if (!node.image.isEmpty())
            m_lines << node.image.section(QLatin1Char('/'), -1);
        for (const QString &c : node.checks)
            if (!node.healthy || c.contains(QLatin1String("critical")))
                m_lines << c;
        break;
    case Role::Attachment:
        m_lines << node.status;
        m_lines += node.checks;
        break;
    case Role::Release: break;
    }
    if (!detail.isEmpty())
        m_lines << detail;
    setToolTip(m_title + QLatin1Char('\n') + m_lines.join(QLatin1Char('\n')));
    update();
}

void AppTopologyNodeItem::setRelease(const AppRelease &release)
{
    m_id = release.id.isEmpty() ? release.version : release.id;
    m_title = release.version;
    m_badge = release.status;
    m_health = healthOf(release);
    m_emphasis = release.current;
    m_lines = {release.image.section(QLatin1Char('/'), -1),
               release.createdAt.isValid()
                   ? release.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                   : QString()};
    setToolTip(
        QStringList{release.version, release.status, release.image, release.description}.join(
            QLatin1Char('\n')));
    update();
}

void AppTopologyNodeItem::setPipelineBadge(const TopologyDisplay::PipelineBadge &badge)
{
    if (badge == m_pipeline)
        return;
    prepareGeometryChange();
    m_pipeline = badge;
    update();
}

QRectF AppTopologyNodeItem::pipelineBadgeRect() const
{
    if (m_role != Role::Group && m_role != Role::Instance)
        return {};
    // A group's pill hangs under its header band (74 high), a card's under the card.
    const qreal edge = m_role == Role::Group ? m_rect.top() + 74 : m_rect.bottom();
    return PipelinePill::rect(m_pipeline, QPointF(m_rect.left() + 10, edge - 7),
                              m_rect.width() - 20);
}

QRectF AppTopologyNodeItem::boundingRect() const
{
    const QRectF box = m_rect.adjusted(-3, -3, 3, 3);
    const QRectF pill = pipelineBadgeRect();
    return pill.isEmpty() ? box : box.united(pill.adjusted(-2, -2, 2, 2));
}

void AppTopologyNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                                QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.3);
    const QColor strong = TopologyStyle::healthColor(m_health);
    const bool selected = isSelected();
    QPen border(selected ? TopologyStyle::selection() : strong, selected ? 2.4 : 1.4);

    switch (m_role) {
    case Role::Group:
        painter->setPen(QPen(TopologyStyle::groupBorder(), 1.2));
        painter->setBrush(TopologyStyle::groupFill());
        painter->drawRoundedRect(m_rect, 12, 12);
        // The header band, coloured by health.
        painter->setPen(border);
        painter->setBrush(TopologyStyle::healthFill(m_health));
        painter->drawRoundedRect(QRectF(m_rect.topLeft(), QSizeF(m_rect.width(), 74)), 12, 12);
        break;
    case Role::Attachment: {
        painter->setPen(border);
        painter->setBrush(TopologyStyle::healthFill(m_health));
        const qreal cap = 12;
        QPainterPath body;
        body.moveTo(m_rect.left(), m_rect.top() + cap / 2);
        body.lineTo(m_rect.left(), m_rect.bottom() - cap / 2);
        body.arcTo(QRectF(m_rect.left(), m_rect.bottom() - cap, m_rect.width(), cap), 180, 180);
        body.lineTo(m_rect.right(), m_rect.top() + cap / 2);
        body.arcTo(QRectF(m_rect.left(), m_rect.top(), m_rect.width(), cap), 0, 180);
        painter->drawPath(body);
        painter->drawEllipse(QRectF(m_rect.left(), m_rect.top(), m_rect.width(), cap));
        break;
    }
    default:
        painter->setPen(border);
        painter->setBrush(m_emphasis || m_role == Role::App ? TopologyStyle::healthFill(m_health)
                          : m_role == Role::Release         ? TopologyStyle::background()
                                                            : TopologyStyle::healthFill(m_health));
        painter->drawRoundedRect(m_rect, 9, 9);
        // The status stripe on the left.
        painter->setPen(Qt::NoPen);
        painter->setBrush(strong);
        painter->drawRoundedRect(
            QRectF(m_rect.left() + 1, m_rect.top() + 6, 4, m_rect.height() - 12), 2, 2);
        break;
    }
    if (lod < 0.45)
        return;

    const qreal pad = 12;
    qreal y = m_rect.top() + (m_role == Role::Attachment ? 16 : 8);
    QFont title = m_role == Role::App ? TopologyStyle::headerFont() : TopologyStyle::titleFont();
    const QFont detail = TopologyStyle::detailFont();
    const QFont badge = TopologyStyle::badgeFont();
    qreal badgeWidth = 0;
    if (!m_badge.isEmpty()) {
        const QFontMetricsF bm(badge);
        badgeWidth = bm.horizontalAdvance(m_badge) + 12;
        const QRectF pill(m_rect.right() - pad - badgeWidth + 4, y + 1, badgeWidth,
                          bm.height() + 3);
        painter->setPen(Qt::NoPen);
        painter->setBrush(
            m_role == Role::Release ? strong : TopologyStyle::kindColor(TopologyKind::Deployment));
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setFont(badge);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, m_badge);
    }
    const qreal width = m_rect.width() - 2 * pad;
    painter->setFont(title);
    painter->setPen(TopologyStyle::text());
    const QFontMetricsF tm(title);
    painter->drawText(QRectF(m_rect.left() + pad, y, width - badgeWidth, tm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, elided(m_title, title, width - badgeWidth));
    y += tm.height() + 3;
    painter->setFont(detail);
    const QFontMetricsF dm(detail);
    const qreal bottom = m_role == Role::Group ? m_rect.top() + 72 : m_rect.bottom() - 4;
    for (int i = 0; i < m_lines.size() && y + dm.height() <= bottom; ++i) {
        const QString &line = m_lines.at(i);
        if (line.isEmpty())
            continue;
        const bool alarm = line.contains(QLatin1String("critical"));
        painter->setPen(alarm    ? TopologyStyle::healthColor(TopologyHealth::Failed)
                        : i == 0 ? TopologyStyle::text()
                                 : TopologyStyle::mutedText());
        painter->drawText(QRectF(m_rect.left() + pad, y, width, dm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, elided(line, detail, width));
        y += dm.height() + 1;
    }
    PipelinePill::paint(painter, pipelineBadgeRect(), m_pipeline);
}

} // namespace Orrery
