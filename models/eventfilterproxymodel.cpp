// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventfilterproxymodel.h"

#include "resourcetablemodel.h"

namespace Orrery {

EventFilterProxyModel::EventFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResourceTableModel::SortRole);
    setDynamicSortFilter(true);
    m_regroup.setSingleShot(true);
    m_regroup.setInterval(0);
    connect(&m_regroup, &QTimer::timeout, this, &EventFilterProxyModel::regroup);
}

void EventFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, &m_regroup, nullptr);
    QSortFilterProxyModel::setSourceModel(model);
    if (!model)
        return;
    const auto later = [this] { m_regroup.start(); };
    connect(model, &QAbstractItemModel::rowsInserted, &m_regroup, later);
    connect(model, &QAbstractItemModel::rowsRemoved, &m_regroup, later);
    connect(model, &QAbstractItemModel::dataChanged, &m_regroup, later);
    connect(model, &QAbstractItemModel::modelReset, &m_regroup, later);
    connect(model, &QAbstractItemModel::layoutChanged, &m_regroup, later);
    regroup();
}

void EventFilterProxyModel::setInvolvedObject(const QString &uid, const QString &kind,
                                              const QString &ns, const QString &name)
{
    m_uid = uid;
    m_kind = kind;
    m_namespace = ns;
    m_name = name;
    regroup();
}

bool EventFilterProxyModel::matches(int sourceRow) const
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

void EventFilterProxyModel::regroup()
{
    m_regroup.stop();
    if (const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel()))
        m_groups.regroup(*model, [this](int row) { return matches(row); });
    else
        m_groups.clear();
    invalidateFilter();
    // The shown rows' counts and times may have changed without a change of their own.
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!matches(sourceRow))
        return false;
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    const KubeObjectPtr object = model->objectAt(sourceRow);
    return !m_groups.isFolded(object->uid);
}

int EventFilterProxyModel::groupSize(const QModelIndex &index) const
{
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    if (!model || !index.isValid())
        return 0;
    const KubeObjectPtr object = model->objectAt(mapToSource(index).row());
    if (!object)
        return 0;
    return m_groups.members(object->uid);
}

QVariant EventFilterProxyModel::data(const QModelIndex &index, int role) const
{
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    if (!model || !index.isValid()
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole
            && role != ResourceTableModel::SortRole))
        return QSortFilterProxyModel::data(index, role);
    const QVariant grouped
        = m_groups.data(*model, model->objectAt(mapToSource(index).row()), index.column(), role);
    return grouped.isValid() ? grouped : QSortFilterProxyModel::data(index, role);
}

} // namespace Orrery
