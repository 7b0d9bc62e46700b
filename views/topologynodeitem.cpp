// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologynodeitem.h"

#include "pipelinepill.h"
#include "topologydisplay.h"
#include "topologykindbadge.h"
#include "topologystyle.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace Orrery {

namespace {

// At and above s_detailLod the full card (name, status/detail line, ring, badges) reads well.
// Between s_shapeLod and it, a compact card: the kind badge and the name alone, drawn at
// least s_minNamePixels tall on screen, so a small cluster fitted into the window stays
// readable. Below s_shapeLod only status colour remains (and the scene switches to overview).
constexpr qreal s_detailLod = 0.85;
constexpr qreal s_shapeLod = 0.3;
constexpr qreal s_minNamePixels = 10.5;

} // namespace

TopologyNodeItem::TopologyNodeItem(const TopologyNode &node, const QSizeF &size,
                                   const TopologyDisplay *display)
    : m_node(node)
    , m_size(size)
    , m_display(display)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    // No setToolTip(): TopologyScene::helpEvent builds the text on demand, which saves
    // building tens of thousands of strings nobody hovers.
}

bool TopologyNodeItem::setNode(const TopologyNode &node)
{
    const bool visible = node.health != m_node.health || node.status != m_node.status
                         || node.ready != m_node.ready || node.desired != m_node.desired
                         || node.restarts != m_node.restarts || node.counts != m_node.counts;
    m_node = node;
    m_text = {};
    update();
    return visible;
}

void TopologyNodeItem::setSize(const QSizeF &size)
{
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
}

void TopologyNodeItem::setFlash(qreal flash)
{
    if (flash == m_flash)
        return;
    m_flash = flash;
    update();
}

QRectF TopologyNodeItem::boundingRect() const
{
    // Room for the restart badge over the top-right corner and the change halo.
    // And for the pipeline pill hanging under the bottom edge, when there is one.
    const bool pill = m_display->pipeline.contains(m_node.id);
    return QRectF(-5, -9, m_size.width() + 14, m_size.height() + (pill ? 22 : 14));
}

void TopologyNodeItem::pipelineBadgeChanging()
{
    prepareGeometryChange();
}

QRectF TopologyNodeItem::pipelineBadgeRect() const
{
    const auto it = m_display->pipeline.constFind(m_node.id);
    if (it == m_display->pipeline.constEnd())
        return {};
    return PipelinePill::rect(*it, QPointF(8, m_size.height() - 6), m_size.width() - 16,
                              m_display->fontScale);
}

void TopologyNodeItem::paintPipelineBadge(QPainter *painter)
{
    const QRectF pill = pipelineBadgeRect();
    if (pill.isEmpty())
        return;
    PipelinePill::paint(painter, pill, m_display->pipeline[m_node.id], m_display->fontScale,
                        m_display->presenter);
}

QString TopologyNodeItem::toolTipFor(const TopologyNode &node)
{
    QString tip = QStringLiteral("<b>%1</b> %2<br/>")
                      .arg(topologyKindName(node.kind).toHtmlEscaped(),
                           (node.ns.isEmpty() ? node.name : node.ns + QLatin1Char('/') + node.name)
                               .toHtmlEscaped());
    if (!node.status.isEmpty())
        tip += tr("Status: %1").arg(node.status.toHtmlEscaped()) + QStringLiteral("<br/>");
    if (node.kind == TopologyKind::Pod) {
        tip += tr("Ready: %1/%2 containers").arg(node.ready).arg(node.desired)
               + QStringLiteral("<br/>");
        if (node.restarts > 0)
            tip += tr("Restarts: %1").arg(node.restarts) + QStringLiteral("<br/>");
    } else if (node.desired >= 0) {
        tip += tr("Ready: %1 of %2").arg(node.ready).arg(node.desired) + QStringLiteral("<br/>");
    }
    if (!node.detail.trimmed().isEmpty())
        tip += node.detail.toHtmlEscaped() + QStringLiteral("<br/>");
    if (!node.group.isEmpty())
        tip += tr("Application: %1").arg(node.group.toHtmlEscaped());
    return tip;
}

QString TopologyNodeItem::toolTipFor(const TopologyNode &node, const TopologyDisplay &display)
{
    QString tip = toolTipFor(node);
    if (display.heatOn) {
        if (const auto it = display.heat.constFind(node.id); it != display.heat.constEnd())
            tip += QStringLiteral("<br/>")
                   + tr("Usage: %1% of request").arg(qRound(double(*it) * 100));
    }
    if (const auto it = display.alerts.constFind(node.id); it != display.alerts.constEnd())
        tip += QStringLiteral("<br/><b>") + tr("%n firing alert(s)", nullptr, it->count)
               + QStringLiteral("</b>");
    if (const auto it = display.pipeline.constFind(node.id); it != display.pipeline.constEnd())
        tip += QStringLiteral("<br/>") + it->text.toHtmlEscaped();
    return tip;
}

void TopologyNodeItem::paintAlertBadge(QPainter *painter)
{
    const auto it = m_display->alerts.constFind(m_node.id);
    if (it == m_display->alerts.constEnd() || it->count <= 0)
        return;
    // A severity-coloured pill over the top-left corner (the restart badge takes the right).
    const QString text = it->count > 99 ? QStringLiteral("99+") : QString::number(it->count);
    QFont f = TopologyStyle::badgeFont(m_display->fontScale);
    f.setBold(true);
    painter->setFont(f);
    const qreal w = std::max<qreal>(22, QFontMetricsF(f).horizontalAdvance(text) + 18);
    const QRectF pill(-5, -8, w, 16);
    painter->setPen(QPen(TopologyStyle::background(), 1.5));
    painter->setBrush(TopologyStyle::alertColor(int(it->severity)));
    painter->drawRoundedRect(pill, 8, 8);
    painter->setPen(Qt::white);
    // A bell-less "!" mark before the count keeps it apart from the restart count.
    painter->drawText(pill, Qt::AlignCenter, QStringLiteral("! ") + text);
}

QString TopologyNodeItem::anonymousToolTipFor(const TopologyNode &node, const QString &name)
{
    QString tip = QStringLiteral("<b>%1</b> %2")
                      .arg(topologyKindName(node.kind).toHtmlEscaped(), name.toHtmlEscaped());
    if (!node.status.isEmpty())
        tip += QStringLiteral("<br/>") + tr("Status: %1").arg(node.status.toHtmlEscaped());
    return tip;
}

void TopologyNodeItem::paintRing(QPainter *painter, const QRectF &rect, int value, int total)
{
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(TopologyStyle::groupBorder(), 3.2));
    painter->drawEllipse(rect);
    if (total > 0) {
        const qreal ratio = std::clamp(qreal(value) / total, 0.0, 1.0);
        painter->setPen(QPen(TopologyStyle::healthColor(m_node.health, m_display->presenter), 3.2,
                             Qt::SolidLine, Qt::RoundCap));
        painter->drawArc(rect, 90 * 16, -int(ratio * 360 * 16));
    }
    painter->setPen(TopologyStyle::text());
    painter->setFont(TopologyStyle::badgeFont(m_display->fontScale));
    painter->drawText(rect, Qt::AlignCenter, QStringLiteral("%1/%2").arg(value).arg(total));
}

void TopologyNodeItem::paintGroupBar(QPainter *painter, const QRectF &rect)
{
    int total = 0;
    for (int c : m_node.counts)
        total += c;
    if (total == 0)
        return;
    qreal x = rect.left();
    painter->setPen(Qt::NoPen);
    for (int h = 0; h < TopologyHealthCount; ++h) {
        const int count = m_node.counts[size_t(h)];
        if (!count)
            continue;
        const qreal w = rect.width() * count / total;
        painter->setBrush(TopologyStyle::healthColor(TopologyHealth(h), m_display->presenter));
        painter->drawRect(QRectF(x, rect.top(), w, rect.height()));
        x += w;
    }
}

namespace {

// The compact card's font by pixel size, shared by all items: building a QFont and its
// metrics per item and frame is what a 40 % frame of a large cluster would spend its time on.
struct CompactFont
{
    QFont font;
    QFontMetricsF metrics{QFont()};
    QFont badge; // the kind badge's letters beside a name of this size
    QFontMetricsF badgeMetrics{QFont()};
};

const CompactFont &compactFont(int pixels)
{
    static QHash<int, CompactFont> s_fonts;
    auto it = s_fonts.find(pixels);
    if (it == s_fonts.end()) {
        // Not bold: at these sizes a regular face fits about an eighth more characters.
        QFont font = TopologyStyle::titleFont();
        font.setBold(false);
        font.setPixelSize(pixels);
        QFont badge = TopologyStyle::badgeFont();
        badge.setPixelSize(std::max(1, qRound(pixels * 0.72)));
        it = s_fonts.insert(pixels,
                            CompactFont{font, QFontMetricsF(font), badge, QFontMetricsF(badge)});
    }
    return it.value();
}

qreal titlePixels(qreal fontScale)
{
    static QHash<int, qreal> s_pixels; // by fontScale in hundredths
    const int key = qRound(fontScale * 100);
    auto it = s_pixels.constFind(key);
    if (it == s_pixels.cend())
        it = s_pixels.insert(key, QFontInfo(TopologyStyle::titleFont(fontScale)).pixelSize());
    return it.value();
}

} // namespace

void TopologyNodeItem::paintCompact(QPainter *painter, const QRectF &rect, qreal left, qreal lod)
{
    // One line: the kind badge, then the name, at least s_minNamePixels on screen (presenter
    // mode scales it with its fonts) but never taller than the box allows. Workloads keep their
    // ready/desired count on the right when the whole name still fits beside it.
    //
    // Drawn in device coordinates with a font of the on-screen size: text under a scaling
    // transform misses the glyph cache, which made a 40 % frame of a large cluster slow.
    const QTransform transform = painter->worldTransform();
    const qreal minimum = s_minNamePixels * m_display->fontScale;
    const int pixels
        = std::max(1, int(std::min(std::max(titlePixels(m_display->fontScale) * lod, minimum),
                                   rect.height() * 0.68 * lod)));
    const CompactFont &font = compactFont(pixels);
    const QString name = m_display->displayName(m_node);
    const bool counted = (isTopologyWorkload(m_node.kind) || m_node.kind == TopologyKind::ReplicaSet
                          || m_node.kind == TopologyKind::Hpa)
                         && m_node.desired >= 0;
    const qreal room = (rect.width() - 6 - left) * lod; // in device pixels, badge included
    if (m_compact.name != name || m_compact.pixels != pixels || m_compact.ready != m_node.ready
        || m_compact.desired != m_node.desired || qAbs(m_compact.room - room) > 0.5) {
        const QString count
            = counted ? QStringLiteral("%1/%2").arg(m_node.ready).arg(m_node.desired) : QString();
        m_compact.name = name;
        m_compact.pixels = pixels;
        m_compact.ready = m_node.ready;
        m_compact.desired = m_node.desired;
        m_compact.room = room;
        m_compact.count = count;
        const QFontMetricsF &metrics = font.metrics;
        const qreal gap = metrics.averageCharWidth();
        m_compact.badgeHeight = std::ceil(pixels * 1.15);
        m_compact.badgeWidth
            = TopologyKindBadge::width(m_node.kind, font.badgeMetrics, m_compact.badgeHeight);
        const qreal nameRoom = room - m_compact.badgeWidth - gap * 0.6;
        m_compact.nameLeft = m_compact.badgeWidth + gap * 0.6;
        const qreal countWidth = count.isEmpty() ? 0 : metrics.horizontalAdvance(count);
        // The count only when the whole name fits beside it: the name matters more, and the
        // border already tells the health.
        m_compact.showCount
            = !count.isEmpty() && metrics.horizontalAdvance(name) + countWidth + gap <= nameRoom;
        m_compact.countWidth = countWidth;
        m_compact.width = nameRoom - (m_compact.showCount ? countWidth + gap : 0);
        // Pods and replica sets differ in their generated suffix: keep both ends.
        const bool suffix = m_node.kind == TopologyKind::Pod
                            || m_node.kind == TopologyKind::ReplicaSet
                            || m_node.kind == TopologyKind::Job;
        m_compact.text
            = metrics.elidedText(name, suffix ? Qt::ElideMiddle : Qt::ElideRight, m_compact.width);
        m_compact.baseline = (metrics.ascent() - metrics.descent()) / 2;
    }
    const QPointF origin = transform.map(QPointF(left, rect.height() / 2));
    const qreal right = transform.map(QPointF(rect.width() - 6, 0)).x();
    painter->setWorldTransform(QTransform());
    TopologyKindBadge::paint(painter,
                             QRectF(std::round(origin.x()),
                                    std::round(origin.y() - m_compact.badgeHeight / 2),
                                    m_compact.badgeWidth, m_compact.badgeHeight),
                             m_node.kind, font.badge);
    painter->setFont(font.font);
    if (m_compact.showCount) {
        painter->setPen(m_node.health == TopologyHealth::Healthy
                            ? TopologyStyle::mutedText()
                            : TopologyStyle::healthColor(m_node.health, m_display->presenter));
        painter->drawText(QPointF(right - m_compact.countWidth, origin.y() + m_compact.baseline),
                          m_compact.count);
    }
    painter->setPen(TopologyStyle::text());
    painter->drawText(QPointF(origin.x() + m_compact.nameLeft, origin.y() + m_compact.baseline),
                      m_compact.text);
    painter->setWorldTransform(transform);
}

void TopologyNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF r(0, 0, m_size.width(), m_size.height());
    const bool isPod = m_node.kind == TopologyKind::Pod;
    // Presenter mode: the high-contrast status colours and thicker borders, read across a room.
    const bool presenter = m_display->presenter;
    const QColor status = TopologyStyle::healthColor(m_node.health, presenter);
    QColor fill = isPod || m_node.kind == TopologyKind::PodGroup
                      ? TopologyStyle::healthFill(m_node.health)
                      : TopologyStyle::background();
    QColor heat;
    if (m_display->heatOn) {
        if (const auto it = m_display->heat.constFind(m_node.id);
            it != m_display->heat.constEnd()) {
            heat = TopologyStyle::heatColor(*it);
            // Mixed into the card's own fill, so the text stays readable on either look.
            QColor mix = heat;
            mix.setAlphaF(TopologyStyle::isDark() ? 0.45 : 0.55);
            const qreal a = mix.alphaF();
            fill = QColor::fromRgbF(fill.redF() * (1 - a) + mix.redF() * a,
                                    fill.greenF() * (1 - a) + mix.greenF() * a,
                                    fill.blueF() * (1 - a) + mix.blueF() * a);
        }
    }

    // Presenter mode keeps names at any zoom: its fit shows the whole diagram.
    if (lod < s_shapeLod && !m_display->presenter) {
        // Overview: one filled rectangle per node, in status colour for pods.
        painter->fillRect(r, heat.isValid() ? heat
                             : isPod || m_node.kind == TopologyKind::PodGroup
                                 ? status
                                 : TopologyStyle::kindColor(m_node.kind));
        if (isSelected())
            painter->fillRect(r.adjusted(-6, -6, 6, 6), TopologyStyle::selection());
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing, true);
    const qreal radius = isPod ? 6 : 9;
    if (m_flash > 0) {
        QColor halo = status;
        halo.setAlphaF(0.55 * m_flash);
        painter->setPen(Qt::NoPen);
        painter->setBrush(halo);
        const qreal grow = 2 + 3 * m_flash;
        painter->drawRoundedRect(r.adjusted(-grow, -grow, grow, grow), radius + grow,
                                 radius + grow);
    }
    QPen border(isSelected() ? TopologyStyle::selection() : status,
                isSelected() ? (presenter ? 4.5 : 3.0) : (presenter ? 3.0 : 1.6));
    if (m_node.health == TopologyHealth::Terminating)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(r.adjusted(0.8, 0.8, -0.8, -0.8), radius, radius);

    // The compact card draws its kind badge itself, in device pixels beside the name.
    const qreal k = m_display->fontScale;
    const bool compact = lod < s_detailLod;
    if (compact) {
        paintCompact(painter, r, (isPod ? 5 : 8) * k, lod);
        paintAlertBadge(painter);
        return;
    }
    const qreal badge = (isPod ? 20 : 32) * k;
    QFont badgeFont = TopologyStyle::badgeFont(m_display->fontScale);
    if (isPod)
        badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.8);
    const QRectF badgeRect((isPod ? 5 : 8) * k, (r.height() - badge) / 2, badge, badge);
    TopologyKindBadge::paint(painter, badgeRect, m_node.kind, badgeFont);

    const bool ring = (isTopologyWorkload(m_node.kind) || m_node.kind == TopologyKind::ReplicaSet
                       || m_node.kind == TopologyKind::Hpa)
                      && m_node.desired >= 0;
    const qreal textLeft = badgeRect.right() + 7;
    const qreal textRight = r.width() - (ring ? 44 * k : 8);
    const QFont titleFont = TopologyStyle::titleFont(m_display->fontScale);
    const QFont detailFont = TopologyStyle::detailFont(m_display->fontScale);
    const QString name = m_display->displayName(m_node);
    // Eliding is the most expensive part of a frame: cache it until text or scale change.
    const bool cached = m_text.scale == m_display->fontScale && m_text.name == name
                        && m_text.presenter == m_display->presenter
                        && m_text.anonymise == m_display->anonymise;
    if (!cached) {
        m_text.scale = m_display->fontScale;
        m_text.name = name;
        m_text.presenter = m_display->presenter;
        m_text.anonymise = m_display->anonymise;
    }

    if (isPod) {
        QFont podFont = detailFont;
        podFont.setBold(true);
        painter->setFont(podFont);
        painter->setPen(TopologyStyle::text());
        const QRectF nameRect(textLeft, 2, textRight - textLeft, r.height() / 2);
        if (!cached)
            m_text.first
                = QFontMetricsF(podFont).elidedText(name, Qt::ElideMiddle, nameRect.width());
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignBottom, m_text.first);
        painter->setFont(detailFont);
        painter->setPen(m_node.health == TopologyHealth::Healthy ? TopologyStyle::mutedText()
                                                                 : status.darker(130));
        const QRectF statusRect(textLeft, r.height() / 2 + 1, textRight - textLeft,
                                r.height() / 2 - 3);
        if (!cached)
            m_text.second = QFontMetricsF(detailFont)
                                .elidedText(m_node.status, Qt::ElideRight, statusRect.width());
        painter->drawText(statusRect, Qt::AlignLeft | Qt::AlignTop, m_text.second);
    } else {
        painter->setFont(titleFont);
        painter->setPen(TopologyStyle::text());
        const QRectF titleRect(textLeft, 3, textRight - textLeft, r.height() / 2 - 1);
        if (!cached)
            m_text.first
                = QFontMetricsF(titleFont).elidedText(name, Qt::ElideMiddle, titleRect.width());
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignBottom, m_text.first);
        QString second = m_node.status;
        if (!m_display->presenter && !m_node.detail.trimmed().isEmpty()
            && m_node.kind != TopologyKind::PodGroup)
            second
                += (second.isEmpty() ? QString() : QStringLiteral(" · ")) + m_node.detail.trimmed();
        if (ring && !m_display->presenter)
            second = m_node.detail.trimmed().isEmpty() ? m_node.status : m_node.detail.trimmed();
        if (m_node.kind == TopologyKind::Hpa && !m_display->anonymise)
            second = m_node.status + QStringLiteral(" · ") + m_node.detail;
        if (m_display->anonymise)
            second = m_node.status; // details name hosts, nodes, images
        painter->setFont(detailFont);
        painter->setPen(TopologyStyle::mutedText());
        const QRectF detailRect(textLeft, r.height() / 2 + 2, textRight - textLeft,
                                r.height() / 2 - 4);
        if (!cached)
            m_text.second
                = QFontMetricsF(detailFont).elidedText(second, Qt::ElideRight, detailRect.width());
        painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignTop, m_text.second);
        if (ring) {
            const QRectF ringRect(r.width() - 40 * k, (r.height() - 32 * k) / 2, 32 * k, 32 * k);
            paintRing(painter, ringRect.adjusted(2, 2, -2, -2), m_node.ready, m_node.desired);
        }
        if (m_node.kind == TopologyKind::PodGroup)
            paintGroupBar(painter, QRectF(textLeft, r.height() - 9, r.width() - textLeft - 10, 5));
    }

    if (m_node.restarts > 0 && !m_display->presenter) {
        const QString text
            = m_node.restarts > 99 ? QStringLiteral("99+") : QString::number(m_node.restarts);
        QFont f = TopologyStyle::badgeFont(m_display->fontScale);
        painter->setFont(f);
        const qreal w = std::max<qreal>(16, QFontMetricsF(f).horizontalAdvance(text) + 8);
        const QRectF pill(r.width() - w + 6, -7, w, 15);
        painter->setPen(QPen(TopologyStyle::background(), 1.5));
        painter->setBrush(TopologyStyle::healthColor(TopologyHealth::Warning));
        painter->drawRoundedRect(pill, 7.5, 7.5);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, text);
    }
    paintAlertBadge(painter);
    paintPipelineBadge(painter);
}

} // namespace Orrery
