// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Orrery {

// Draws a cell's text in the colour of the status its StatusRole names (PipelineStyle), so the
// runs list reads like the diagram: failed red, running blue, succeeded green.
class PipelineStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // statusRole: the model's role holding int(PipelineStatus).
    explicit PipelineStatusDelegate(int statusRole, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_statusRole;
};

} // namespace Orrery
