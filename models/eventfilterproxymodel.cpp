// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventfilterproxymodel.h"

#include "resourcetablemodel.h"

namespace Orrery {

EventFilterProxyModel::EventFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResourceTableModel::SortRole);
    setDynamicSortFilter(true);
}

void EventFilterProxyModel::setInvolvedObject(const QString &uid, const QString &kind,
                                              const QString &ns, const QString &name)
{
    m_uid = uid;
    m_kind = kind;
    m_namespace = ns;
    m_name = name;
    invalidateFilter();
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    if (!model || (m_uid.isEmpty() && m_name.isEmpty()))
        return false;
    const KubeObjectPtr object = model->objectAt(sourceRow);
    const EventData *e = object ? object->event() : nullptr;
    if (!e)
        return false;
    if (!m_uid.isEmpty() && e->involvedUid == m_uid)
        return true;
    return e->involvedName == m_name && e->involvedKind == m_kind
           && e->involvedNamespace == m_namespace;
}

} // namespace Orrery
