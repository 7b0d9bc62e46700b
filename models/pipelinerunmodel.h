// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelinerun.h>

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>

namespace Orrery {

// One run's jobs (stages on Jenkins), one row each in the provider's order: what the run
// diagram draws. setRun() applies a poll's answer incrementally, keyed by job id:
//  - the same run again (provider, source and id): changed jobs emit dataChanged on their row
//    and jobsChanged(rows); new jobs are inserted, gone ones removed (Jenkins and GitLab add
//    jobs while a run advances); graphChanged() is emitted only when the graph's shape changed
//    (jobs added or removed, or a job's needs, stage or group changed) — a status or time
//    change never relayouts the diagram;
//  - another run: a reset, and graphChanged().
class PipelineRunModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles : int {
        JobIdRole = Qt::UserRole + 1,
        StatusRole,   // int(PipelineStatus)
        DurationRole, // seconds, -1 unknown
        GroupRole,
        StageRole,
    };

    explicit PipelineRunModel(QObject *parent = nullptr);

    void setRun(const PipelineRun &run);
    void clear();
    bool hasRun() const { return m_hasRun; }
    const PipelineRun &run() const { return m_run; }
    const PipelineJob *jobAt(int row) const;
    int rowOf(const QString &jobId) const { return m_rowOf.value(jobId, -1); }

    void setNow(const QDateTime &now) { m_now = now; }
    QDateTime now() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    // The run's own fields (status, times, ...) changed.
    void runChanged();
    // Jobs whose status, times or steps changed (rows, ascending), after their dataChanged.
    void jobsChanged(const QList<int> &rows);
    // Jobs appeared, went, or their dependencies changed; or another run is shown.
    void graphChanged();

private:
    static bool sameShape(const PipelineJob &a, const PipelineJob &b);
    void reindex();

    PipelineRun m_run;
    bool m_hasRun = false;
    QHash<QString, int> m_rowOf;
    QDateTime m_now;
};

} // namespace Orrery
