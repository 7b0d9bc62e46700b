// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyaggregateitem.h"

#include "topologydisplay.h"
#include "topologystyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace Orrery {

namespace {

// Left to right in the bar: what works, then what needs attention, the worst last (at the
// right end, where the eye finds it next to the count).
constexpr TopologyHealth s_aggregateOrder[]
    = {TopologyHealth::Healthy,     TopologyHealth::Succeeded,   TopologyHealth::Unknown,
       TopologyHealth::Terminating, TopologyHealth::Progressing, TopologyHealth::Warning,
       TopologyHealth::Failed};

bool aggregateNeedsAttention(TopologyHealth health)
{
    return health == TopologyHealth::Failed || health == TopologyHealth::Warning
           || health == TopologyHealth::Progressing;
}

} // namespace

TopologyAggregateItem::TopologyAggregateItem(const QString &home, const QString &title,
                                             const QRectF &rect, const TopologyDisplay *display)
    : m_home(home)
    , m_title(title)
    , m_rect(rect)
    , m_display(display)
{
    setZValue(-1.5);
    setFlag(ItemIsSelectable, false);
    setAcceptedMouseButtons(Qt::LeftButton);
}

void TopologyAggregateItem::setSummary(const TopologyHomeSummary &summary)
{
    if (summary == m_summary)
        return;
    m_summary = summary;
    update();
}

QString TopologyAggregateItem::countsText() const
{
    return tr("%n workload(s)", nullptr, m_summary.workloads) + QStringLiteral(" · ")
           + tr("%n Service(s)", nullptr, m_summary.services) + QStringLiteral(" · ")
           + tr("%n pod(s)", nullptr, m_summary.pods);
}

QString TopologyAggregateItem::healthText() const
{
    const auto &c = m_summary.podHealth;
    QStringList parts;
    auto add = [&](TopologyHealth health, const QString &text) {
        if (c[size_t(health)] > 0)
            parts << text;
    };
    // What needs attention first: it must be read even when the line is cut.
    add(TopologyHealth::Failed, tr("%n failing", nullptr, c[size_t(TopologyHealth::Failed)]));
    add(TopologyHealth::Warning, tr("%n not ready", nullptr, c[size_t(TopologyHealth::Warning)]));
    add(TopologyHealth::Progressing,
        tr("%n pending", nullptr, c[size_t(TopologyHealth::Progressing)]));
    add(TopologyHealth::Terminating,
        tr("%n terminating", nullptr, c[size_t(TopologyHealth::Terminating)]));
    add(TopologyHealth::Healthy, tr("%n running", nullptr, c[size_t(TopologyHealth::Healthy)]));
    add(TopologyHealth::Succeeded,
        tr("%n completed", nullptr, c[size_t(TopologyHealth::Succeeded)]));
    add(TopologyHealth::Unknown, tr("%n unknown", nullptr, c[size_t(TopologyHealth::Unknown)]));
    return parts.join(QStringLiteral(" · "));
}

std::array<qreal, TopologyHealthCount>
TopologyAggregateItem::barWidths(const std::array<int, TopologyHealthCount> &counts, qreal width,
                                 qreal minimum)
{
    std::array<qreal, TopologyHealthCount> widths{};
    qint64 total = 0;
    for (int c : counts)
        total += std::max(c, 0);
    if (total <= 0 || width <= 0)
        return widths;
    for (int h = 0; h < TopologyHealthCount; ++h)
        widths[size_t(h)] = width * std::max(counts[size_t(h)], 0) / qreal(total);
    // Raise the shares that need attention to `minimum`, taking the room from the largest.
    for (int h = 0; h < TopologyHealthCount; ++h) {
        if (counts[size_t(h)] <= 0 || !aggregateNeedsAttention(TopologyHealth(h))
            || widths[size_t(h)] >= minimum)
            continue;
        const auto largest = std::max_element(widths.begin(), widths.end());
        const qreal need = std::min(minimum, width) - widths[size_t(h)];
        if (*largest - need < minimum)
            continue; // too narrow a bar to lend anything
        *largest -= need;
        widths[size_t(h)] += need;
    }
    return widths;
}

void TopologyAggregateItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const bool failing
        = m_summary.failedPods() > 0 || m_summary.health[size_t(TopologyHealth::Failed)] > 0;
    const QColor failed = TopologyStyle::healthColor(TopologyHealth::Failed, true);
    painter->setRenderHint(QPainter::Antialiasing, true);
    // Drawn in device pixels: the box is small on screen when the whole cluster is fitted,
    // and its text must stay the same legible size whatever the zoom.
    const QTransform world = painter->worldTransform();
    // Inset by the border's half width: the pen stays inside the bounds at any zoom.
    const QRectF box = world.mapRect(m_rect).adjusted(1.2, 1.2, -1.2, -1.2);
    painter->save();
    painter->resetTransform();
    const qreal radius = std::clamp(box.height() * 0.06, 2.0, 12.0);
    painter->setPen(failing ? QPen(failed, 2.2) : QPen(TopologyStyle::namespaceBorder(), 1.2));
    painter->setBrush(TopologyStyle::namespaceFill());
    painter->drawRoundedRect(box, radius, radius);

    const qreal pad = std::clamp(box.width() * 0.05, 2.0, 14.0);
    QRectF inner = box.adjusted(pad, pad, -pad, -pad);
    QFont title = TopologyStyle::headerFont(m_display->fontScale);
    QFont detail = TopologyStyle::detailFont(m_display->fontScale);
    // Scaled down with the box, never below a size that reads (then lines are dropped).
    const qreal titlePx = std::clamp(box.height() * 0.16, 8.0, 18.0 * m_display->fontScale);
    const qreal detailPx = std::clamp(box.height() * 0.12, 7.5, 13.0 * m_display->fontScale);
    title.setPixelSize(int(titlePx));
    detail.setPixelSize(int(detailPx));
    const QFontMetricsF titleMetrics(title);
    const QFontMetricsF detailMetrics(detail);
    qreal y = inner.top();
    const QString name = m_display->displayTitle(m_home, m_title);
    if (inner.height() >= titleMetrics.height() && inner.width() > 12) {
        painter->setFont(title);
        painter->setPen(TopologyStyle::text());
        painter->drawText(QRectF(inner.left(), y, inner.width(), titleMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          titleMetrics.elidedText(name, Qt::ElideMiddle, inner.width()));
        y += titleMetrics.height() + 2;
    }
    // The bar: pods by health; failing at the right end, never thinner than 4 px.
    const qreal barHeight = std::clamp(box.height() * 0.14, 3.0, 14.0);
    const bool roomForCounts = inner.bottom() - y >= barHeight + detailMetrics.height() * 2 + 4;
    const qreal barTop = roomForCounts ? y + detailMetrics.height() + 2 : y;
    if (m_summary.pods > 0 && barTop + barHeight <= box.bottom() - 1) {
        const auto widths = barWidths(m_summary.podHealth, inner.width(), 4);
        qreal x = inner.left();
        painter->setPen(Qt::NoPen);
        for (TopologyHealth h : s_aggregateOrder) {
            const qreal w = widths[size_t(h)];
            if (w <= 0)
                continue;
            painter->setBrush(TopologyStyle::healthColor(h, m_display->presenter));
            painter->drawRect(QRectF(x, barTop, w, barHeight));
            x += w;
        }
    }
    if (roomForCounts) {
        painter->setFont(detail);
        painter->setPen(TopologyStyle::mutedText());
        painter->drawText(QRectF(inner.left(), y, inner.width(), detailMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          detailMetrics.elidedText(countsText(), Qt::ElideRight, inner.width()));
        const qreal healthTop = barTop + barHeight + 3;
        painter->setPen(failing ? failed : TopologyStyle::mutedText());
        if (failing) {
            QFont bold = detail;
            bold.setBold(true);
            painter->setFont(bold);
        }
        painter->drawText(QRectF(inner.left(), healthTop, inner.width(), detailMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          detailMetrics.elidedText(healthText(), Qt::ElideRight, inner.width()));
    } else if (failing && inner.width() >= 14) {
        // Too small for text: a red dot in the corner still says "something fails here".
        painter->setPen(Qt::NoPen);
        painter->setBrush(failed);
        const qreal d = std::clamp(box.height() * 0.25, 4.0, 10.0);
        painter->drawEllipse(QRectF(box.right() - d - 2, box.top() + 2, d, d));
    }
    painter->restore();
}

} // namespace Orrery
