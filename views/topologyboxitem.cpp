// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyboxitem.h"

#include "topologydisplay.h"
#include "topologyscene.h"
#include "topologystyle.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Orrery {

namespace {

// The namespace title, the same size on screen at any zoom. Reads its colour at paint time,
// so a switch of look (Theme::changed, the scene repaints) needs nothing else.
class TitleItem : public QGraphicsItem
{
public:
    TitleItem(const QString &text, const QFont &font, QGraphicsItem *parent)
        : QGraphicsItem(parent)
        , m_text(text)
        , m_font(font)
    {
        setFlag(ItemIgnoresTransformations);
        setAcceptedMouseButtons(Qt::NoButton);
        const QFontMetricsF metrics(m_font);
        m_rect = QRectF(0, 0, metrics.horizontalAdvance(m_text) + 2, metrics.height());
    }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) override
    {
        // The minimap renders the scene in overview mode without a widget; a title that ignores
        // the transformation would be drawn there at full size over its neighbours. Exports
        // render without a widget too, but in detail mode, and keep their titles.
        const auto *topology = qobject_cast<const TopologyScene *>(scene());
        if (!widget && topology && topology->isOverview())
            return;
        painter->setFont(m_font);
        painter->setPen(TopologyStyle::text());
        painter->drawText(m_rect, Qt::AlignLeft | Qt::AlignVCenter, m_text);
    }

private:
    QString m_text;
    QFont m_font;
    QRectF m_rect;
};

} // namespace

TopologyBoxItem::TopologyBoxItem(const QString &title, const QRectF &rect,
                                 const QList<QPair<QString, QRectF>> &groups,
                                 const TopologyDisplay *display)
    : m_title(title)
    , m_rect(rect)
    , m_groups(groups)
    , m_display(display)
{
    setZValue(-2);
    setAcceptedMouseButtons(Qt::NoButton);
    auto *label = new TitleItem(title, TopologyStyle::headerFont(display->fontScale), this);
    label->setPos(rect.left() + 12, rect.top() + 7);
}

void TopologyBoxItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.3);
    painter->setPen(QPen(TopologyStyle::namespaceBorder(), 1.2));
    painter->setBrush(TopologyStyle::namespaceFill());
    painter->drawRoundedRect(m_rect, 14, 14);
    if (lod < 0.15)
        return;
    // Group titles stay legible when the nodes show their compact cards: at least 10 px on
    // screen, within the group's header.
    QFont font = TopologyStyle::detailFont(m_display->fontScale);
    font.setBold(true);
    const qreal k = m_display->fontScale;
    font.setPixelSize(int(std::clamp(10.0 * k / lod, QFontInfo(font).pixelSize() * 1.0, 30.0 * k)));
    painter->setFont(font);
    for (const auto &[title, rect] : m_groups) {
        if (!rect.intersects(option->exposedRect))
            continue;
        painter->setPen(QPen(TopologyStyle::groupBorder(), 1));
        painter->setBrush(TopologyStyle::groupFill());
        painter->drawRoundedRect(rect, 10, 10);
        // Presenter mode names its applications at any zoom: its fit may go below 0.3.
        if ((lod >= 0.3 || m_display->presenter) && !title.isEmpty()) {
            painter->setPen(TopologyStyle::mutedText());
            painter->drawText(rect.adjusted(12, 5, -12, 0), Qt::AlignLeft | Qt::AlignTop,
                              title.toUpper());
        }
    }
}

} // namespace Orrery
