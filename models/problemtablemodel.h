// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/problemdetector.h>

#include <QAbstractTableModel>

namespace Orrery {

class ContextPreferences;
class ProblemMonitor;

// The rows of the Problems page: the problems of one context, or of every connected context
// (scope empty). Critical first, then the oldest. A problem list is short (it is what needs a
// person) and its order changes with each batch, so the model is reset on a change rather than
// diffed; the Since column is re-read once per tick().
class ProblemTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column : int { Severity, Context, Object, Namespace, Reason, Since, Message, ColumnCount };
    enum Roles : int {
        SeverityRole = Qt::UserRole + 1, // int(Problem::Severity)
        ContextRole,                     // kubeconfig context name
        KindRole,                        // Kind
        NamespaceRole,
        NameRole,
        SinceRole, // Timestamp
    };
    // At most this many rows are listed (a cluster on fire still gets a usable page).
    static constexpr int kMaxRows = 5000;

    ProblemTableModel(ProblemMonitor *monitor, ContextPreferences *preferences,
                      QObject *parent = nullptr);

    // The context shown; empty: every connected context.
    void setScope(const QString &context);
    QString scope() const { return m_scope; }
    bool isAllContexts() const { return m_allContexts; }
    void setAllContexts(bool all);

    struct Row
    {
        QString context;
        Problem problem;
    };
    const Row &row(int i) const { return m_rows.at(i); }
    int totalCount() const { return m_total; } // before the kMaxRows cut

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void refresh();
    void tick(); // the Since column's ages moved on

private:
    ProblemMonitor *m_monitor;
    ContextPreferences *m_preferences;
    QString m_scope;
    bool m_allContexts = false;
    QList<Row> m_rows;
    int m_total = 0;
};

} // namespace Orrery
