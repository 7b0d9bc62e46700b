// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/actions/revisionhistory.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace Orrery {

// `kubectl rollout history` as a table, newest first (the revision one usually wants is near
// the top): revision ("3 (current)"), age at `now`, images, change cause; the running revision
// in bold. The history is fixed at construction (RevisionHistory, oldest first).
class RevisionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RevisionColumn, AgeColumn, ImagesColumn, ChangeCauseColumn, ColumnCount };
    enum Roles : int { RevisionRole = Qt::UserRole + 1 }; // qint64, any column

    RevisionListModel(QList<RevisionEntry> history, const QDateTime &now,
                      QObject *parent = nullptr);

    const QList<RevisionEntry> &history() const { return m_history; }
    // 0 for an invalid index.
    qint64 revisionAt(const QModelIndex &index) const;
    // The row of `revision`, -1 when it is not in the history.
    int rowOf(qint64 revision) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const RevisionEntry &entry(int row) const { return m_history.at(m_history.size() - 1 - row); }

    QList<RevisionEntry> m_history;
    QDateTime m_now;
};

} // namespace Orrery
