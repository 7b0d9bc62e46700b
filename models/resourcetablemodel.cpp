// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcetablemodel.h"

#include "ageclock.h"
#include "metricscolumns.h"

#include <kube/resourcestore.h>
#include <util/ageformat.h>

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace Orrery {

ResourceTableModel::ResourceTableModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{
    setColumns(kind);
}

void ResourceTableModel::setColumns(Kind kind)
{
    m_columns = kindInfo(kind).columns;
    m_metricColumns = MetricsColumns::count(kind);
    m_metricsAt = int(m_columns.size());
    for (int i = 0; i < int(m_columns.size()); ++i) {
        if (m_columns[i].type == KindColumn::Type::Age) {
            m_metricsAt = i;
            break;
        }
    }
    m_ageColumns.clear();
    for (int i = 0; i < int(m_columns.size()); ++i) {
        if (m_columns[i].type == KindColumn::Type::Age)
            m_ageColumns << modelColumn(i);
    }
}

int ResourceTableModel::modelColumn(int kindColumn) const
{
    return kindColumn < m_metricsAt ? kindColumn : kindColumn + m_metricColumns;
}

int ResourceTableModel::kindColumnAt(int column) const
{
    if (column < m_metricsAt)
        return column;
    if (column < m_metricsAt + m_metricColumns)
        return -1;
    return column - m_metricColumns;
}

ResourceTableModel::~ResourceTableModel() = default;

void ResourceTableModel::setStore(ResourceStore *store)
{
    setSource(store, m_kind);
}

void ResourceTableModel::setSource(ResourceStore *store, Kind kind)
{
    if (m_storeConnection)
        disconnect(m_storeConnection);
    m_store = store;
    const bool kindChanged = kind != m_kind;
    beginResetModel();
    m_kind = kind;
    setColumns(kind);
    m_rows.clear();
    m_index.clear();
    if (store) {
        const QList<KubeObjectPtr> objects = store->objects(kind);
        m_rows.reserve(objects.size());
        for (const KubeObjectPtr &o : objects)
            m_rows.append(Row{o, o->key(), {}, {}, {}});
        rebuildIndex(0);
        m_storeConnection
            = connect(store, &ResourceStore::changed, this, &ResourceTableModel::applyBatch);
    }
    updateWorkloadUsage();
    rebuildAlertCounts();
    endResetModel();
    if (kindChanged)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void ResourceTableModel::setAgeClock(AgeClock *clock)
{
    if (m_clockConnection)
        disconnect(m_clockConnection);
    m_clock = clock;
    if (clock)
        m_clockConnection = connect(clock, &AgeClock::tick, this, &ResourceTableModel::onAgeTick);
}

void ResourceTableModel::updateWorkloadUsage()
{
    m_workloads.reset();
    if (m_metrics && m_store && WorkloadUsage::covers(m_kind))
        m_workloads = WorkloadUsage::compute(*m_store, m_metrics);
    updateReadings();
}

void ResourceTableModel::updateReading(Row &row) const
{
    row.reading = {};
    if (m_metricColumns == 0)
        return;
    if (WorkloadUsage::covers(m_kind)) {
        row.reading = MetricsColumns::read(m_kind, *row.object, m_metrics.get(), m_workloads.get());
        return;
    }
    if (!m_metrics)
        return;
    // The snapshot is keyed like the rows ("ns/name" for pods, "name" for nodes).
    const QHash<QString, MetricsSnapshot::Usage> &usage
        = m_kind == Kind::Pod ? m_metrics->pods : m_metrics->nodes;
    const auto it = usage.constFind(row.key);
    if (it == usage.constEnd())
        return;
    if (!row.denominators)
        row.denominators = MetricsColumns::denominatorsOf(*row.object);
    row.reading = MetricsColumns::fromUsage(*it, *row.denominators);
}

void ResourceTableModel::updateReadings()
{
    if (m_metricColumns == 0)
        return;
    for (Row &row : m_rows)
        updateReading(row);
}

void ResourceTableModel::setMetrics(std::shared_ptr<const MetricsSnapshot> metrics)
{
    m_metrics = std::move(metrics);
    updateWorkloadUsage();
    if (m_metricColumns > 0 && !m_rows.isEmpty())
        emit dataChanged(index(0, m_metricsAt),
                         index(rowCount() - 1, m_metricsAt + m_metricColumns - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole, SortRole});
}

void ResourceTableModel::setAlerts(std::shared_ptr<const AlertsState> alerts)
{
    m_alerts = std::move(alerts);
    rebuildAlertCounts();
    const int name = nameColumn();
    if (name >= 0 && !m_rows.isEmpty())
        emit dataChanged(index(0, name), index(rowCount() - 1, name),
                         {Qt::ToolTipRole, AlertCountRole, AlertSeverityRole});
}

void ResourceTableModel::rebuildAlertCounts()
{
    m_alertCounts.clear();
    if (m_alerts) {
        // The index's keys of this kind ("pod/NS/NAME") as row keys ("NS/NAME").
        const QString kindPrefix = kindName(m_kind).toLower() + QLatin1Char('/');
        for (const QString &key : m_alerts->index.keys()) {
            if (!key.startsWith(kindPrefix))
                continue;
            const AlertCounts counts = m_alerts->firingCounts(key);
            if (counts.total() > 0)
                m_alertCounts.insert(key.mid(kindPrefix.size()), counts);
        }
    }
}

void ResourceTableModel::setObjects(const QList<KubeObjectPtr> &objects)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(objects.size());
    for (const KubeObjectPtr &o : objects) {
        if (o && o->kind == m_kind)
            m_rows.append(Row{o, o->key(), {}, {}, {}});
    }
    rebuildIndex(0);
    updateReadings();
    endResetModel();
}

void ResourceTableModel::applyBatch(const ChangeBatch &batch)
{
    if (!batch.contains(m_kind))
        return;
    emit batchAboutToBeApplied();
    QList<int> removed;
    QList<int> modified;
    QList<std::pair<KubeObjectPtr, QString>> added; // with its key, built once
    QHash<QString, int> addedIndex; // key → position in `added`, for Added then Modified

    for (const ObjectChange &change : batch.changes) {
        if (change.kind != m_kind || !change.object)
            continue;
        QString key = change.object->key();
        const int row = m_index.value(key, -1);
        switch (change.type) {
        case ObjectChange::Type::Added:
        case ObjectChange::Type::Modified:
            if (row >= 0) {
                m_rows[row].object = change.object;
                m_rows[row].cells.clear();
                m_rows[row].denominators.reset();
                updateReading(m_rows[row]);
                modified << row;
            } else if (const auto it = addedIndex.constFind(key); it != addedIndex.constEnd()) {
                added[*it].first = change.object;
            } else {
                addedIndex.insert(key, int(added.size()));
                added.append({change.object, std::move(key)});
            }
            break;
        case ObjectChange::Type::Deleted:
            if (row >= 0)
                removed << row;
            break;
        }
    }

    // Modified rows first (row numbers are still valid), one dataChanged per contiguous run.
    std::sort(modified.begin(), modified.end());
    modified.erase(std::unique(modified.begin(), modified.end()), modified.end());
    for (int i = 0; i < modified.size();) {
        int j = i;
        while (j + 1 < modified.size() && modified[j + 1] == modified[j] + 1)
            ++j;
        emit dataChanged(index(modified[i], 0), index(modified[j], columnCount() - 1));
        i = j + 1;
    }

    // Removals from the bottom up so earlier row numbers stay valid.
    std::sort(removed.begin(), removed.end());
    removed.erase(std::unique(removed.begin(), removed.end()), removed.end());
    QStringList removedKeys;
    removedKeys.reserve(removed.size());
    for (int row : std::as_const(removed))
        removedKeys << m_rows[row].key;
    for (int j = int(removed.size()) - 1; j >= 0;) {
        int i = j;
        while (i > 0 && removed[i - 1] == removed[i] - 1)
            --i;
        beginRemoveRows({}, removed[i], removed[j]);
        m_rows.remove(removed[i], removed[j] - removed[i] + 1);
        endRemoveRows();
        j = i - 1;
    }
    if (!removed.isEmpty()) {
        // Drop the removed keys, then renumber only the rows that moved up.
        for (const QString &key : std::as_const(removedKeys))
            m_index.remove(key);
        for (int r = removed.first(); r < m_rows.size(); ++r)
            m_index[m_rows[r].key] = r;
    }

    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (auto &[o, key] : added) {
            m_rows.append(Row{std::move(o), std::move(key), {}, {}, {}});
            updateReading(m_rows.last());
        }
        rebuildIndex(first);
        endInsertRows();
    }
    emit batchApplied();
}

void ResourceTableModel::rebuildIndex(int fromRow)
{
    if (fromRow == 0)
        m_index.clear();
    m_index.reserve(m_rows.size());
    for (int r = fromRow; r < m_rows.size(); ++r)
        m_index.insert(m_rows[r].key, r);
}

void ResourceTableModel::onAgeTick()
{
    if (m_rows.isEmpty())
        return;
    for (int column : std::as_const(m_ageColumns))
        emit dataChanged(index(0, column), index(rowCount() - 1, column), {Qt::DisplayRole});
}

qint64 ResourceTableModel::metricsSortKey(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || kindColumnAt(column) >= 0)
        return -1;
    return MetricsColumns::sortValue(m_kind, column - m_metricsAt, m_rows[row].reading);
}

KubeObjectPtr ResourceTableModel::objectAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].object : KubeObjectPtr();
}

int ResourceTableModel::columnOf(bool (*predicate)(const KindColumn &)) const
{
    for (int i = 0; i < int(m_columns.size()); ++i) {
        if (predicate(m_columns[i]))
            return modelColumn(i);
    }
    return -1;
}

int ResourceTableModel::columnOf(const char *id) const
{
    for (int i = 0; i < int(m_columns.size()); ++i) {
        if (m_columns[i].id && qstrcmp(m_columns[i].id, id) == 0)
            return modelColumn(i);
    }
    return -1;
}

int ResourceTableModel::nameColumn() const
{
    return columnOf([](const KindColumn &c) { return c.isName(); });
}

int ResourceTableModel::namespaceColumn() const
{
    return columnOf([](const KindColumn &c) { return c.isNamespace(); });
}

int ResourceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResourceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size()) + m_metricColumns;
}

const QStringList &ResourceTableModel::cellsOf(const Row &row) const
{
    if (row.cells.isEmpty()) {
        row.cells.reserve(int(m_columns.size()));
        for (const KindColumn &c : m_columns)
            row.cells << c.cellText(*row.object);
    }
    return row.cells;
}

QColor ResourceTableModel::severityColour(RowSeverity severity)
{
    switch (severity) {
    case RowSeverity::Error: return QColor(0xe5, 0x39, 0x35);   // 4.2:1 on white, 3.8:1 on #1f2329
    case RowSeverity::Warning: return QColor(0xc7, 0x77, 0x00); // 3.5:1 on white, 4.6:1 on #1f2329
    case RowSeverity::Ok: break;
    }
    return {};
}

QVariant ResourceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const KubeObject &object = *row.object;
    const int kindColumn = kindColumnAt(index.column());
    if (const int metric = index.column() - m_metricsAt; kindColumn < 0) {
        switch (role) {
        case Qt::DisplayRole: return MetricsColumns::text(m_kind, metric, row.reading);
        case Qt::ToolTipRole: {
            const QString tip = MetricsColumns::toolTip(m_kind, metric, object, m_metrics.get(),
                                                        m_workloads.get());
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        case SortRole: return MetricsColumns::sortKey(m_kind, metric, row.reading);
        case Qt::TextAlignmentRole: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ForegroundRole:
        case Qt::FontRole: return {};
        default: break; // the row's roles below
        }
    }
    static const KindColumn none{};
    const KindColumn &column = kindColumn >= 0 ? m_columns[kindColumn] : none;

    if (column.isName()) {
        if (role == AlertCountRole || role == AlertSeverityRole) {
            const auto it = m_alertCounts.constFind(row.key);
            if (it == m_alertCounts.constEnd())
                return role == AlertCountRole ? 0 : int(AlertSeverity::None);
            return role == AlertCountRole ? it->total() : int(it->worst());
        }
        if (role == Qt::ToolTipRole && m_alertCounts.contains(row.key)) {
            QStringList lines{cellsOf(row).value(kindColumn)};
            const QString key
                = AlertIndex::objectKey(kindName(m_kind), object.namespaceName, object.name);
            for (const Alert &a : m_alerts->firingFor(key))
                lines << QStringLiteral("%1 (%2): %3").arg(a.name(), a.severityText(), a.summary());
            return lines.join(QLatin1Char('\n'));
        }
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (column.type == KindColumn::Type::Age) {
            const qint64 t = column.timestamp ? column.timestamp(object) : 0;
            if (role == Qt::ToolTipRole)
                return t > 0 ? QDateTime::fromSecsSinceEpoch(t).toString(Qt::ISODate) : QVariant();
            return t > 0 ? ageText(t, QDateTime::currentSecsSinceEpoch())
                         : QStringLiteral("<none>");
        }
        return cellsOf(row).value(kindColumn);
    case SortRole:
        if (column.type == KindColumn::Type::Age) {
            // Ascending age = youngest first.
            const qint64 t = column.timestamp ? column.timestamp(object) : 0;
            return t > 0 ? -t : std::numeric_limits<qint64>::min();
        }
        if (column.type == KindColumn::Type::Number)
            return column.sortKey(object);
        return cellsOf(row).value(kindColumn);
    case Qt::ForegroundRole:
        if (object.deletionTimestamp)
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
        if (column.isStatus()) {
            const QColor colour = severityColour(kindHealth(object));
            if (colour.isValid())
                return QBrush(colour);
        }
        return {};
    case Qt::FontRole:
        if (column.isStatus() && kindHealth(object) == RowSeverity::Error) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case ObjectRole: return QVariant::fromValue(row.object);
    case KeyRole: return row.key; // built once: the sort's tie-break asks for it often
    case NameRole: return object.name;
    case NamespaceRole: return object.namespaceName;
    case UidRole: return object.uid;
    case SeverityRole: return int(kindHealth(object));
    case KindRole: return QVariant::fromValue(m_kind);
    default: return {};
    }
}

QVariant ResourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::DisplayRole) {
        const int kindColumn = kindColumnAt(section);
        if (kindColumn < 0)
            return MetricsColumns::title(m_kind, section - m_metricsAt);
        return m_columns[kindColumn].translatedTitle();
    }
    return {};
}

} // namespace Orrery
