// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Orrery {

// The resource table's Name cell with an alert badge: the cell as usual, then, when the row's
// object has firing alerts (ResourceTableModel::AlertCountRole), a pill in the severity's
// colour with "! N" at the cell's right end. The text is elided to leave it room.
class AlertBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString badgeText(int count);
};

} // namespace Orrery
