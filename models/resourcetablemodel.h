// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ageclock.h"

#include <kube/changebatch.h>
#include <kube/kubeobject.h>
#include <kube/resourcestore.h>
#include <monitoring/metricssnapshot.h>

#include "alertsstate.h"
#include "metricscolumns.h"
#include "workloadusage.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QVector>

#include <memory>
#include <span>

namespace Orrery {

class AgeClock;

// The rows of one kind of one cluster's store, as a table with kubectl's columns (the kind
// table's KindInfo::columns) and each row's severity from the kind's health rule.
//
// Invariants: row order is arrival order (sorting belongs to ResourceSortFilterProxyModel);
// m_index maps every row's key (namespace/name) to its row; display strings are built on
// first use and dropped when the object changes. A batch is applied with one
// beginRemoveRows/endRemoveRows per contiguous range of deleted rows, one dataChanged per
// contiguous range of modified rows and one beginInsertRows for all additions, so the proxy
// keeps sort, filter and selection. data() never blocks and never touches the network.
class ResourceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles : int {
        ObjectRole = Qt::UserRole + 1, // KubeObjectPtr
        KeyRole,                       // "namespace/name"
        NameRole,
        NamespaceRole,
        UidRole,
        SortRole,          // typed sort key of the cell
        SeverityRole,      // int(RowSeverity) of the row
        KindRole,          // QVariant::fromValue(Kind)
        AlertCountRole,    // firing alerts attached to the row's object (setAlerts)
        AlertSeverityRole, // int(AlertSeverity) of the worst of them
    };

    explicit ResourceTableModel(Kind kind, QObject *parent = nullptr);
    ~ResourceTableModel() override;

    // Text colour of a status cell (ForegroundRole); invalid for Ok. Models cannot see the
    // light/dark theme (views/theme), so these are mid-lightness hues that reach WCAG 3:1 on
    // both looks' table backgrounds (checked in tests/views/tst_theme); rows being deleted use
    // the application palette's PlaceholderText, which the theme sets to its muted text.
    static QColor severityColour(RowSeverity severity);

    Kind kind() const { return m_kind; }

    // Follows `store`: takes its current objects of the kind (one reset) and applies every
    // later batch. nullptr empties the model.
    void setStore(ResourceStore *store);
    // Switches kind and/or store with one reset.
    void setSource(ResourceStore *store, Kind kind);
    ResourceStore *store() const { return m_store; }

    void setAgeClock(AgeClock *clock);

    // The latest metrics-server figures: Pods and Nodes get CPU and memory columns after the
    // kind's own (MetricsColumns), refreshed with one dataChanged over those columns.
    // Workload kinds (WorkloadUsage::covers) show their pods summed, computed from the store
    // here, once per snapshot (and when the kind or store changes), never in data().
    void setMetrics(std::shared_ptr<const MetricsSnapshot> metrics);
    const MetricsSnapshot *metrics() const { return m_metrics.get(); }
    const WorkloadUsage *workloadUsage() const { return m_workloads.get(); }
    // The first of those columns (before the kind's first Age column, where k9s shows them);
    // -1 for kinds without them.
    int firstMetricsColumn() const { return m_metricColumns ? m_metricsAt : -1; }
    // The kind-table column shown in model column `column`; -1 for a metrics column.
    int kindColumnAt(int column) const;

    // Alertmanager's alerts (AlertsState): the Name cell's AlertCountRole and
    // AlertSeverityRole (drawn as a badge by the view's AlertBadgeDelegate) and its tooltip
    // list the firing alerts attached to the row's object; one dataChanged over that column.
    void setAlerts(std::shared_ptr<const AlertsState> alerts);
    const AlertsState *alerts() const { return m_alerts.get(); }

    // For tests and the store connection: replace everything, or apply a batch.
    void setObjects(const QList<KubeObjectPtr> &objects);
    void applyBatch(const ChangeBatch &batch);

    KubeObjectPtr objectAt(int row) const;
    KubeObjectPtr objectAt(const QModelIndex &index) const { return objectAt(index.row()); }
    int rowOf(const QString &key) const { return m_index.value(key, -1); }
    // The row's key ("namespace/name"), and the SortRole value of a metrics column as a
    // number: what the proxy's sort reads without a QVariant.
    const QString &keyAt(int row) const { return m_rows[row].key; }
    qint64 metricsSortKey(int row, int column) const;
    int columnOf(bool (*predicate)(const KindColumn &)) const;
    // The column of the kind's column `id` ("count", "last-seen"); -1 when it has none.
    int columnOf(const char *id) const;
    int nameColumn() const;
    int namespaceColumn() const; // -1 for cluster-scoped kinds
    QList<int> ageColumns() const { return m_ageColumns; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // Around a store batch that changes this kind's rows (applyBatch), e.g. for a view that
    // keeps its top row in place while rows arrive.
    void batchAboutToBeApplied();
    void batchApplied();

public:
    // One row; public only so that Q_DECLARE_TYPEINFO below can name it.
    struct Row
    {
        KubeObjectPtr object;
        QString key;               // "namespace/name", built once: the index is rebuilt often
        mutable QStringList cells; // lazily built; empty: not built yet
        // The metrics columns' figures for the current snapshot (updateReadings), and the
        // object's own denominators (parsed once per object, kept across snapshots).
        MetricsColumns::Reading reading;
        std::optional<MetricsColumns::Denominators> denominators;
    };

private:
    void rebuildIndex(int fromRow);
    void onAgeTick();
    const QStringList &cellsOf(const Row &row) const;
    void setColumns(Kind kind);
    int modelColumn(int kindColumn) const;
    void updateWorkloadUsage();
    void rebuildAlertCounts();
    // Row.reading of `row` (all rows: updateReadings) from m_metrics / m_workloads.
    void updateReading(Row &row) const;
    void updateReadings();

    Kind m_kind;
    QPointer<ResourceStore> m_store;
    QMetaObject::Connection m_storeConnection;
    QPointer<AgeClock> m_clock;
    QMetaObject::Connection m_clockConnection;
    std::span<const KindColumn> m_columns;
    QList<int> m_ageColumns;
    int m_metricColumns = 0; // MetricsColumns::count(m_kind), from model column m_metricsAt
    int m_metricsAt = 0;
    std::shared_ptr<const MetricsSnapshot> m_metrics;
    std::shared_ptr<const WorkloadUsage> m_workloads; // workload kinds, with m_metrics
    std::shared_ptr<const AlertsState> m_alerts;
    QHash<QString, AlertCounts> m_alertCounts; // row key → firing alerts of this kind
    QVector<Row> m_rows;
    QHash<QString, int> m_index;
};

} // namespace Orrery

// Rows are moved with memmove when a batch removes rows from the middle: 50 scattered
// deletions in 10,000 rows would otherwise move-assign half a million rows.
Q_DECLARE_TYPEINFO(Orrery::ResourceTableModel::Row, Q_RELOCATABLE_TYPE);
