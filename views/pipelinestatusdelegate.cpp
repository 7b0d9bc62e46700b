// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinestatusdelegate.h"

#include "pipelinestyle.h"

namespace Orrery {

PipelineStatusDelegate::PipelineStatusDelegate(int statusRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(statusRole)
{
}

void PipelineStatusDelegate::initStyleOption(QStyleOptionViewItem *option,
                                             const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant status = index.data(m_statusRole);
    if (!status.isValid())
        return;
    const QColor colour = PipelineStyle::statusColor(PipelineStatus(status.toInt()));
    option->palette.setColor(QPalette::Text, colour);
    option->font.setBold(true);
}

} // namespace Orrery
