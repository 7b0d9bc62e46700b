// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinerunmodel.h"

#include "pipelineformat.h"

#include <QSet>

#include <algorithm>

namespace Orrery {

PipelineRunModel::PipelineRunModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

QDateTime PipelineRunModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

const PipelineJob *PipelineRunModel::jobAt(int row) const
{
    return row >= 0 && row < m_run.jobs.size() ? &m_run.jobs.at(row) : nullptr;
}

bool PipelineRunModel::sameShape(const PipelineJob &a, const PipelineJob &b)
{
    return a.id == b.id && a.needs == b.needs && a.stage == b.stage && a.group == b.group;
}

void PipelineRunModel::reindex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_run.jobs.size());
    for (int i = 0; i < m_run.jobs.size(); ++i)
        m_rowOf.insert(m_run.jobs.at(i).id, i);
}

void PipelineRunModel::clear()
{
    beginResetModel();
    m_run = PipelineRun();
    m_hasRun = false;
    m_rowOf.clear();
    endResetModel();
    emit graphChanged();
}

void PipelineRunModel::setRun(const PipelineRun &input)
{
    // Jobs without an id, or with an id seen before, cannot be told apart: dropped.
    PipelineRun run = input;
    {
        QSet<QString> seen;
        run.jobs.clear();
        for (const PipelineJob &job : input.jobs) {
            if (job.id.isEmpty() || seen.contains(job.id))
                continue;
            seen.insert(job.id);
            run.jobs << job;
        }
    }
    const bool sameRun = m_hasRun && run.provider == m_run.provider && run.source == m_run.source
                         && run.id == m_run.id;
    if (!sameRun) {
        beginResetModel();
        m_run = run;
        m_hasRun = true;
        reindex();
        endResetModel();
        emit runChanged();
        emit graphChanged();
        return;
    }

    PipelineRun head = run;
    head.jobs.clear();
    PipelineRun oldHead = m_run;
    oldHead.jobs.clear();
    const bool headChanged = !(head == oldHead);

    QHash<QString, int> newRowOf;
    for (int i = 0; i < run.jobs.size(); ++i)
        newRowOf.insert(run.jobs.at(i).id, i);
    bool shapeChanged = false;

    // Jobs gone: removed bottom up, one call per contiguous range.
    for (int row = m_run.jobs.size() - 1; row >= 0;) {
        if (newRowOf.contains(m_run.jobs.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !newRowOf.contains(m_run.jobs.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_run.jobs.remove(first, row - first + 1);
        endRemoveRows();
        shapeChanged = true;
        row = first - 1;
    }
    // Kept jobs in another order (a provider reordering its list): a layout change.
    bool ordered = true;
    for (int i = 1; i < m_run.jobs.size() && ordered; ++i)
        ordered = newRowOf.value(m_run.jobs.at(i - 1).id) < newRowOf.value(m_run.jobs.at(i).id);
    if (!ordered) {
        emit layoutAboutToBeChanged();
        const QModelIndexList before = persistentIndexList();
        QStringList ids;
        for (const QModelIndex &i : before)
            ids << m_run.jobs.at(i.row()).id;
        std::stable_sort(m_run.jobs.begin(), m_run.jobs.end(),
                         [&newRowOf](const PipelineJob &a, const PipelineJob &b) {
                             return newRowOf.value(a.id) < newRowOf.value(b.id);
                         });
        reindex();
        QModelIndexList after;
        for (int i = 0; i < before.size(); ++i)
            after << index(m_rowOf.value(ids.at(i)));
        changePersistentIndexList(before, after);
        emit layoutChanged();
        shapeChanged = true;
    }

    QList<int> changed;
    int row = 0;
    for (int i = 0; i < run.jobs.size();) {
        const PipelineJob &job = run.jobs.at(i);
        if (row < m_run.jobs.size() && m_run.jobs.at(row).id == job.id) {
            if (!(m_run.jobs.at(row) == job)) {
                if (!sameShape(m_run.jobs.at(row), job))
                    shapeChanged = true;
                m_run.jobs[row] = job;
                changed << row;
            }
            ++row;
            ++i;
            continue;
        }
        int j = i;
        while (j + 1 < run.jobs.size()
               && (row >= m_run.jobs.size() || m_run.jobs.at(row).id != run.jobs.at(j + 1).id))
            ++j;
        beginInsertRows({}, row, row + (j - i));
        m_run.jobs.insert(row, j - i + 1, PipelineJob());
        for (int k = i; k <= j; ++k)
            m_run.jobs[row + (k - i)] = run.jobs.at(k);
        endInsertRows();
        shapeChanged = true;
        row += j - i + 1;
        i = j + 1;
    }
    reindex();
    // Keep the jobs, take the new head.
    QList<PipelineJob> jobs = std::move(m_run.jobs);
    m_run = head;
    m_run.jobs = std::move(jobs);

    for (int i = 0; i < changed.size();) {
        int j = i;
        while (j + 1 < changed.size() && changed.at(j + 1) == changed.at(j) + 1)
            ++j;
        emit dataChanged(index(changed.at(i)), index(changed.at(j)));
        i = j + 1;
    }
    if (headChanged)
        emit runChanged();
    if (shapeChanged)
        emit graphChanged();
    else if (!changed.isEmpty())
        emit jobsChanged(changed);
}

int PipelineRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_run.jobs.size());
}

QVariant PipelineRunModel::data(const QModelIndex &index, int role) const
{
    const PipelineJob *job = jobAt(index.row());
    if (!job)
        return {};
    switch (role) {
    case Qt::DisplayRole: return job->name;
    case Qt::ToolTipRole:
        return tr("%1: %2").arg(job->name, PipelineFormat::statusTitle(job->status));
    case JobIdRole: return job->id;
    case StatusRole: return int(job->status);
    case DurationRole: return PipelineFormat::jobSeconds(*job, now());
    case GroupRole: return job->group;
    case StageRole: return job->stage;
    default: return {};
    }
}

} // namespace Orrery
