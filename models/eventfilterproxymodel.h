// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventgroups.h"

#include <QSortFilterProxyModel>
#include <QTimer>

namespace Orrery {

// The events of one object (by involvedObject uid, or kind+namespace+name when the uid is
// not set, as for events recorded before the object existed), newest first.
//
// Repeats are grouped (EventGroups), as `kubectl events` does: events with the same type,
// reason, object and message show as one row, the newest, whose COUNT is the sum of their
// counts, FIRST SEEN the earliest and LAST SEEN the latest. The groups are worked out again
// once per event loop turn after the source changed.
class EventFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void setInvolvedObject(const QString &uid, const QString &kind, const QString &ns,
                           const QString &name);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // How many Event objects the row stands for (1 when not grouped).
    int groupSize(const QModelIndex &index) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matches(int sourceRow) const;
    void regroup();

    QString m_uid, m_kind, m_namespace, m_name;
    EventGroups m_groups;
    QTimer m_regroup;
};

} // namespace Orrery
