// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertbadgedelegate.h"

#include <alertsmodel.h>
#include <resourcetablemodel.h>

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace Orrery {

namespace {

QRectF pillRect(const QStyleOptionViewItem &option, const QString &text)
{
    const QFontMetricsF metrics(option.font);
    const qreal w = metrics.horizontalAdvance(text) + 12;
    const qreal h = std::min<qreal>(option.rect.height() - 4, metrics.height() + 2);
    return QRectF(option.rect.right() - w - 3, option.rect.center().y() - h / 2 + 0.5, w, h);
}

} // namespace

QString AlertBadgeDelegate::badgeText(int count)
{
    return QStringLiteral("! ") + (count > 99 ? QStringLiteral("99+") : QString::number(count));
}

void AlertBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const int count = index.data(ResourceTableModel::AlertCountRole).toInt();
    if (count <= 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QString text = badgeText(count);
    const QRectF pill = pillRect(option, text);
    // The cell as usual (background, selection, focus), its text elided short of the badge.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int room = int(pill.left()) - opt.rect.left() - 10;
    opt.text = opt.fontMetrics.elidedText(opt.text, Qt::ElideMiddle, std::max(0, room));
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(AlertsModel::severityColour(
        AlertSeverity(index.data(ResourceTableModel::AlertSeverityRole).toInt())));
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    QFont f = option.font;
    f.setBold(true);
    painter->setFont(f);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

QSize AlertBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int count = index.data(ResourceTableModel::AlertCountRole).toInt();
    if (count > 0)
        size.rwidth() += int(QFontMetricsF(option.font).horizontalAdvance(badgeText(count))) + 20;
    return size;
}

} // namespace Orrery
