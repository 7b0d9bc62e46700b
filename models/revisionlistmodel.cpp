// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisionlistmodel.h"

#include <util/ageformat.h>

#include <QFont>

namespace Orrery {

RevisionListModel::RevisionListModel(QList<RevisionEntry> history, const QDateTime &now,
                                     QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(std::move(history))
    , m_now(now)
{
}

qint64 RevisionListModel::revisionAt(const QModelIndex &index) const
{
    return index.isValid() ? entry(index.row()).revision : 0;
}

int RevisionListModel::rowOf(qint64 revision) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (entry(row).revision == revision)
            return row;
    return -1;
}

int RevisionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_history.size());
}

int RevisionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RevisionEntry &e = entry(index.row());
    if (role == RevisionRole)
        return e.revision;
    if (role == Qt::FontRole && e.current) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() == AgeColumn)
        return e.created.toString(Qt::ISODate);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case RevisionColumn:
        return e.current ? tr("%1 (current)").arg(e.revision) : QString::number(e.revision);
    case AgeColumn: return e.created.isValid() ? humanDuration(e.created.secsTo(m_now)) : QString();
    case ImagesColumn: return e.images.join(QLatin1String(", "));
    case ChangeCauseColumn: return e.changeCause;
    }
    return {};
}

QVariant RevisionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RevisionColumn: return tr("Revision");
    case AgeColumn: return tr("Age");
    case ImagesColumn: return tr("Images");
    case ChangeCauseColumn: return tr("Change cause");
    }
    return {};
}

} // namespace Orrery
