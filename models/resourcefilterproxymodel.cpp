// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcefilterproxymodel.h"

#include "resourcetablemodel.h"

namespace Orrery {

ResourceFilterProxyModel::ResourceFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResourceTableModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    m_regroup.setSingleShot(true);
    m_regroup.setInterval(0);
    connect(&m_regroup, &QTimer::timeout, this, &ResourceFilterProxyModel::regroup);
}

void ResourceFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, &m_regroup, nullptr);
    m_table = qobject_cast<const ResourceTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
    if (!model)
        return;
    const auto later = [this] {
        if (m_groupEvents)
            m_regroup.start();
    };
    connect(model, &QAbstractItemModel::rowsInserted, &m_regroup, later);
    connect(model, &QAbstractItemModel::rowsRemoved, &m_regroup, later);
    connect(model, &QAbstractItemModel::dataChanged, &m_regroup, later);
    connect(model, &QAbstractItemModel::modelReset, &m_regroup, later);
    connect(model, &QAbstractItemModel::layoutChanged, &m_regroup, later);
    regroup();
}

void ResourceFilterProxyModel::setGroupEvents(bool group)
{
    if (group == m_groupEvents)
        return;
    m_groupEvents = group;
    regroup();
}

bool ResourceFilterProxyModel::grouping() const
{
    return m_groupEvents && m_table && m_table->kind() == Kind::Event;
}

void ResourceFilterProxyModel::regroup()
{
    m_regroup.stop();
    if (!grouping()) {
        if (m_groups.isEmpty())
            return; // nothing was grouped: nothing to filter again
        m_groups.clear();
        invalidateFilter();
        return;
    }
    m_groups.regroup(*m_table, [this](int row) { return acceptsUngrouped(row); });
    invalidateFilter();
    // The shown rows' counts and times may have changed without a change of their own.
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int ResourceFilterProxyModel::groupSize(const QModelIndex &index) const
{
    if (!m_table || !index.isValid())
        return 0;
    const KubeObjectPtr object = m_table->objectAt(mapToSource(index).row());
    return object ? m_groups.members(object->uid) : 0;
}

QVariant ResourceFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (!m_table || m_groups.isEmpty() || !index.isValid()
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole
            && role != ResourceTableModel::SortRole))
        return QSortFilterProxyModel::data(index, role);
    const QVariant grouped = m_groups.data(*m_table, m_table->objectAt(mapToSource(index).row()),
                                           index.column(), role);
    return grouped.isValid() ? grouped : QSortFilterProxyModel::data(index, role);
}

void ResourceFilterProxyModel::setNamespaces(const QStringList &namespaces)
{
    const QSet<QString> set(namespaces.begin(), namespaces.end());
    if (set == m_namespaces)
        return;
    m_namespaces = set;
    invalidateFilter();
    if (grouping())
        regroup();
}

QStringList ResourceFilterProxyModel::namespaces() const
{
    QStringList list(m_namespaces.begin(), m_namespaces.end());
    list.sort();
    return list;
}

bool ResourceFilterProxyModel::setFilterString(const QString &text)
{
    const QString trimmed = text.trimmed();
    LabelSelector selector;
    QString needle;
    if (LabelSelector::looksLikeSelector(trimmed)) {
        selector = LabelSelector::parse(trimmed);
        if (!selector.isValid()) {
            m_filterError = selector.errorString();
            return false;
        }
    } else {
        needle = trimmed;
    }
    m_filterError.clear();
    m_filterText = text;
    m_selector = selector;
    m_needle = needle;
    invalidateFilter();
    if (grouping())
        regroup();
    return true;
}

bool ResourceFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!acceptsUngrouped(sourceRow))
        return false;
    if (m_groups.isEmpty())
        return true;
    const KubeObjectPtr object = m_table ? m_table->objectAt(sourceRow) : KubeObjectPtr();
    return !object || !m_groups.isFolded(object->uid);
}

bool ResourceFilterProxyModel::acceptsUngrouped(int sourceRow) const
{
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    if (!model)
        return true;
    const KubeObjectPtr object = model->objectAt(sourceRow);
    if (!object)
        return false;
    // Cluster-scoped kinds ignore the namespace filter; so do Namespaces themselves.
    if (!m_namespaces.isEmpty() && !object->namespaceName.isEmpty()
        && !m_namespaces.contains(object->namespaceName))
        return false;
    if (!m_selector.isEmpty()) {
        QHash<QString, QString> labels;
        for (const KeyValue &kv : object->labels)
            labels.insert(kv.key, kv.value);
        return m_selector.matches(labels);
    }
    if (!m_needle.isEmpty()) {
        if (object->name.contains(m_needle, Qt::CaseInsensitive)
            || object->namespaceName.contains(m_needle, Qt::CaseInsensitive))
            return true;
        // Also match the status column and the other visible text (e.g. "CrashLoop").
        const int columns = model->columnCount();
        for (int c = 0; c < columns; ++c) {
            if (model->data(model->index(sourceRow, c))
                    .toString()
                    .contains(m_needle, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    return true;
}

bool ResourceFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // CPU and memory columns: the rows' figures compared directly, without a QVariant per
    // side (a metrics refresh re-sorts every row: ~140,000 comparisons at 10,000 pods).
    if (m_table && sortRole() == ResourceTableModel::SortRole
        && m_table->kindColumnAt(left.column()) < 0) {
        const qint64 l = m_table->metricsSortKey(left.row(), left.column());
        const qint64 r = m_table->metricsSortKey(right.row(), right.column());
        if (l != r)
            return l < r;
        return m_table->keyAt(left.row()) < m_table->keyAt(right.row());
    }
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    // One comparison per call: a sort of 10,000 rows makes ~140,000 of them.
    const QPartialOrdering compared = QVariant::compare(l, r);
    const int order = compared == QPartialOrdering::Less      ? -1
                      : compared == QPartialOrdering::Greater ? 1
                                                              : 0;
    if (order != 0)
        return order < 0;
    // Ties broken by key so equal rows keep a stable order across updates.
    return left.data(ResourceTableModel::KeyRole).toString()
           < right.data(ResourceTableModel::KeyRole).toString();
}

} // namespace Orrery
