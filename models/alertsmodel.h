// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alertsstate.h"

#include <QAbstractItemModel>

#include <memory>

namespace Orrery {

// The Alerts page's tree: one group per (severity, namespace), worst severity first and
// namespaces by name ("cluster" for alerts without one), each holding its alerts by name.
// Columns: alert name (the group's title on group rows), summary, started (age of startsAt),
// attached object, runbook URL, state (firing, silenced, inhibited).
//
// Rebuilt from an AlertsState once per poll, and only when the alerts or silences changed
// (a reset: the page keeps its groups expanded and its selection by fingerprint).
class AlertsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        SummaryColumn,
        StartedColumn,
        ObjectColumn,
        RunbookColumn,
        StateColumn,
        ColumnCount
    };
    enum Roles : int {
        FingerprintRole = Qt::UserRole + 1, // alert rows
        SeverityRole,                       // int(AlertSeverity), both levels
        NamespaceRole,                      // both levels
        ObjectKeyRole,                      // alert rows: "pod/NS/NAME" or empty
        RunbookRole,                        // alert rows: the URL
        SilenceIdsRole,                     // alert rows: QStringList of silences muting it
        IsGroupRole,
    };

    explicit AlertsModel(QObject *parent = nullptr);
    ~AlertsModel() override;

    void setState(std::shared_ptr<const AlertsState> state);
    const AlertsState *state() const { return m_state.get(); }
    // The alert of an alert row; null for group rows.
    const Alert *alertAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &fingerprint) const;
    // "pod shop/web-1": the most specific object the alert attaches to, for the table.
    static QString objectText(const QString &key);
    // The attached object key shown for an alert (not the namespace when an object is named).
    static QString objectKeyOf(const AlertIndex &index, const Alert &alert);
    static QString severityTitle(AlertSeverity severity);
    static QColor severityColour(AlertSeverity severity);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        AlertSeverity severity = AlertSeverity::None;
        QString ns;
        QList<int> alerts; // indices into m_state->index.alerts()
    };
    QVariant groupData(const Group &group, int column, int role) const;
    QVariant alertData(const Alert &alert, int column, int role) const;

    std::shared_ptr<const AlertsState> m_state;
    QList<Group> m_groups;
};

} // namespace Orrery
