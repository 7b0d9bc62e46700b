// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinerunsmodel.h"

#include "pipelineformat.h"

#include <QSet>

#include <algorithm>

namespace Orrery {

PipelineRunsModel::PipelineRunsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QDateTime PipelineRunsModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

const PipelineRun *PipelineRunsModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

void PipelineRunsModel::reindex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_runs.size());
    for (int i = 0; i < m_runs.size(); ++i)
        m_rowOf.insert(m_runs.at(i).id, i);
}

void PipelineRunsModel::emitRowsChanged(const QList<int> &rows, int firstColumn, int lastColumn)
{
    // One dataChanged per contiguous range of rows.
    for (int i = 0; i < rows.size();) {
        int j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        emit dataChanged(index(rows.at(i), firstColumn), index(rows.at(j), lastColumn));
        i = j + 1;
    }
}

void PipelineRunsModel::setRuns(const QList<PipelineRun> &input)
{
    // Duplicated ids (a provider listing a run twice while it moves between pages) keep the
    // first occurrence: rows are keyed by id.
    QList<PipelineRun> runs;
    runs.reserve(input.size());
    QHash<QString, int> newRowOf;
    newRowOf.reserve(input.size());
    for (const PipelineRun &run : input) {
        if (newRowOf.contains(run.id))
            continue;
        newRowOf.insert(run.id, runs.size());
        runs << run;
    }

    // 1. Remove the runs that are gone, bottom up, one call per contiguous range.
    for (int row = m_runs.size() - 1; row >= 0;) {
        if (newRowOf.contains(m_runs.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !newRowOf.contains(m_runs.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_runs.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // 2. The kept runs must be in the new relative order; otherwise re-sort them (rare:
    //    providers list newest first and a run's creation time does not change).
    bool ordered = true;
    for (int i = 1; i < m_runs.size() && ordered; ++i)
        ordered = newRowOf.value(m_runs.at(i - 1).id) < newRowOf.value(m_runs.at(i).id);
    if (!ordered) {
        emit layoutAboutToBeChanged();
        const QModelIndexList before = persistentIndexList();
        QList<QString> ids;
        for (const QModelIndex &i : before)
            ids << m_runs.at(i.row()).id;
        std::stable_sort(m_runs.begin(), m_runs.end(),
                         [&newRowOf](const PipelineRun &a, const PipelineRun &b) {
                             return newRowOf.value(a.id) < newRowOf.value(b.id);
                         });
        reindex();
        QModelIndexList after;
        for (int i = 0; i < before.size(); ++i)
            after << index(m_rowOf.value(ids.at(i)), before.at(i).column());
        changePersistentIndexList(before, after);
        emit layoutChanged();
    }

    // 3. Insert the new runs where they belong, contiguous ones together; note changed rows.
    QList<int> changed;
    int row = 0;
    for (int i = 0; i < runs.size();) {
        if (row < m_runs.size() && m_runs.at(row).id == runs.at(i).id) {
            if (!(m_runs.at(row) == runs.at(i))) {
                m_runs[row] = runs.at(i);
                changed << row;
            }
            ++row;
            ++i;
            continue;
        }
        int j = i;
        while (j + 1 < runs.size()
               && (row >= m_runs.size() || m_runs.at(row).id != runs.at(j + 1).id))
            ++j;
        beginInsertRows({}, row, row + (j - i));
        m_runs.insert(row, j - i + 1, PipelineRun());
        for (int k = i; k <= j; ++k)
            m_runs[row + (k - i)] = runs.at(k);
        endInsertRows();
        row += j - i + 1;
        i = j + 1;
    }
    reindex();
    emitRowsChanged(changed, 0, ColumnCount - 1);
}

void PipelineRunsModel::tick()
{
    QList<int> rows;
    for (int i = 0; i < m_runs.size(); ++i) {
        if (!pipelineStatusIsFinal(m_runs.at(i).status))
            rows << i;
    }
    emitRowsChanged(rows, DurationColumn, StartedColumn);
}

int PipelineRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int PipelineRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PipelineRunsModel::data(const QModelIndex &index, int role) const
{
    const PipelineRun *run = runAt(index.row());
    if (!run || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case RunIdRole: return run->id;
    case StatusRole: return int(run->status);
    case Qt::ToolTipRole:
        if (index.column() == CommitColumn)
            return run->commitMessage.isEmpty()
                       ? run->commitSha
                       : run->commitSha + QLatin1Char('\n') + run->commitMessage.left(500);
        if (index.column() == StatusColumn)
            return run->providerStatus;
        if (index.column() == RunColumn && !PipelineFormat::triggeredRunKind(*run).isEmpty())
            return tr("A %1: a trigger job of another pipeline started it")
                .arg(PipelineFormat::triggeredRunKind(*run));
        return {};
    case SortRole:
        switch (index.column()) {
        case StatusColumn: return int(run->status);
        case RunColumn: return run->number;
        case DurationColumn: return run->durationSeconds(now());
        case StartedColumn:
            return (run->startedAt.isValid() ? run->startedAt : run->createdAt).toMSecsSinceEpoch();
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            return PipelineFormat::statusGlyph(run->status) + QLatin1Char(' ')
                   + PipelineFormat::statusTitle(run->status);
        case RunColumn: {
            const QString text = run->name.isEmpty() ? tr("#%1").arg(run->number)
                                                     : tr("#%1 %2").arg(run->number).arg(run->name);
            // A child or downstream run is marked as one, under its parent in spirit.
            return PipelineFormat::triggeredRunKind(*run).isEmpty()
                       ? text
                       : tr("↳ %1 (%2)").arg(text, PipelineFormat::triggeredRunKind(*run));
        }
        case BranchColumn: return run->branch;
        case CommitColumn: return PipelineFormat::shortSha(run->commitSha);
        case ActorColumn: return run->actor;
        case EventColumn: return run->event;
        case DurationColumn: return PipelineFormat::duration(run->durationSeconds(now()));
        case StartedColumn: {
            const QDateTime start = run->startedAt.isValid() ? run->startedAt : run->createdAt;
            if (!start.isValid())
                return QString();
            return tr("%1 ago").arg(PipelineFormat::duration(start.secsTo(now())));
        }
        default: return {};
        }
    default: return {};
    }
}

QVariant PipelineRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn: return tr("Status");
    case RunColumn: return tr("Run");
    case BranchColumn: return tr("Branch");
    case CommitColumn: return tr("Commit");
    case ActorColumn: return tr("Actor");
    case EventColumn: return tr("Trigger");
    case DurationColumn: return tr("Duration");
    case StartedColumn: return tr("Started");
    default: return {};
    }
}

} // namespace Orrery
