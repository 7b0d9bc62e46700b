// SPDX-License-Identifier: GPL-3.0-or-later
#include "audittablemodel.h"

#include <QFont>

#include <algorithm>

namespace Orrery {

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AuditTableModel::setEntries(const QList<AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    std::reverse(m_entries.begin(), m_entries.end());
    endResetModel();
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    // An intent without its outcome line: the process ended (crash, kill) before the answer
    // was recorded, or the request is still in flight. Whether the change happened is unknown.
    const bool unknown = !e.outcomeKnown();
    const bool failed = unknown || e.result != QLatin1String("ok");
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ContextColumn: return e.context;
        case UserColumn: return e.user;
        case VerbColumn: return e.dryRun ? tr("%1 (dry run)").arg(e.verb) : e.verb;
        case ObjectColumn:
            return e.ns.isEmpty() ? e.kind + QLatin1Char(' ') + e.name
                                  : e.kind + QLatin1Char(' ') + e.ns + QLatin1Char('/') + e.name;
        case SummaryColumn: return e.summary;
        case ResultColumn:
            if (unknown)
                return role == Qt::ToolTipRole ? tr("Outcome unknown: the request was sent (or "
                                                    "about to be), but no answer was recorded. "
                                                    "Orrery may have been closed or killed "
                                                    "meanwhile; check the object on the cluster.")
                                               : tr("outcome unknown");
            if (e.status == 0)
                return e.result;
            return tr("%1 (HTTP %2)").arg(e.result).arg(e.status);
        }
    }
    if (role == OutcomeFailedRole)
        return failed;
    if (role == Qt::FontRole && index.column() == SummaryColumn) {
        QFont font(QStringLiteral("monospace"));
        font.setStyleHint(QFont::Monospace);
        return font;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case ContextColumn: return tr("Context");
    case UserColumn: return tr("User");
    case VerbColumn: return tr("Verb");
    case ObjectColumn: return tr("Object");
    case SummaryColumn: return tr("Change");
    case ResultColumn: return tr("Result");
    }
    return {};
}

} // namespace Orrery
