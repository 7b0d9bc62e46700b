// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <audit/auditentry.h>

#include <QAbstractTableModel>
#include <QList>

namespace Orrery {

// The audit log's entries as table rows, newest first. Shows what AuditLog stored and
// nothing more: the log never holds a token or a Secret value, so neither can this.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ContextColumn,
        UserColumn,
        VerbColumn,
        ObjectColumn,
        SummaryColumn,
        ResultColumn,
        ColumnCount
    };
    // The model carries meaning, not colours: the page's delegate paints a failed (or unknown)
    // outcome in the theme's danger colour, so the look follows a switch of theme.
    enum Roles : int {
        OutcomeFailedRole = Qt::UserRole, // bool: failed, or no outcome recorded
    };

    explicit AuditTableModel(QObject *parent = nullptr);

    // `entries` oldest first, as AuditLog::read() returns them.
    void setEntries(const QList<AuditEntry> &entries);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AuditEntry> m_entries; // newest first
};

} // namespace Orrery
