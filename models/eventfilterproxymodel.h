// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Orrery {

// The events of one object (by involvedObject uid, or kind+namespace+name when the uid is
// not set, as for events recorded before the object existed), newest first.
class EventFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);

    void setInvolvedObject(const QString &uid, const QString &kind, const QString &ns,
                           const QString &name);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_uid, m_kind, m_namespace, m_name;
};

} // namespace Orrery
