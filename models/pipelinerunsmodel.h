// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelinerun.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

namespace Orrery {

// The Pipelines page's runs list: one row per run, in the order the provider lists them
// (newest first). Columns: status, run (#number and workflow), branch, commit (short SHA),
// actor, trigger (event), duration (ticking while the run runs), started.
//
// setRuns() applies one poll's answer as a batch of changes, keyed by run id: rows of runs
// gone are removed, new runs inserted where they belong, changed runs emit dataChanged for
// their rows only; unchanged rows are not touched. Never a reset, except when the kept runs
// came back in another order (a layoutChanged then). tick() moves the durations of the running
// runs only.
class PipelineRunsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        RunColumn,
        BranchColumn,
        CommitColumn,
        ActorColumn,
        EventColumn,
        DurationColumn,
        StartedColumn,
        ColumnCount
    };
    enum Roles : int {
        RunIdRole = Qt::UserRole + 1,
        StatusRole, // int(PipelineStatus)
        SortRole,   // numbers and times as numbers
    };

    explicit PipelineRunsModel(QObject *parent = nullptr);

    void setRuns(const QList<PipelineRun> &runs);
    const QList<PipelineRun> &runs() const { return m_runs; }
    const PipelineRun *runAt(int row) const;
    int rowOf(const QString &runId) const { return m_rowOf.value(runId, -1); }

    // The clock durations and ages are read against (tests and screenshots fix it); invalid:
    // the wall clock.
    void setNow(const QDateTime &now) { m_now = now; }
    QDateTime now() const;
    // Emits dataChanged for the duration and started columns of unfinished runs.
    void tick();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void reindex();
    void emitRowsChanged(const QList<int> &rows, int firstColumn, int lastColumn);

    QList<PipelineRun> m_runs;
    QHash<QString, int> m_rowOf;
    QDateTime m_now;
};

} // namespace Orrery
