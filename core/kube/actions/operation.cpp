// SPDX-License-Identifier: GPL-3.0-or-later
#include "operation.h"

#include "serversideapply.h"
#include "writeexecutor.h"

#include <QCoreApplication>

namespace Orrery {

Operation::Operation(QString description, QList<PlannedWrite> jobs, QObject *parent)
    : QObject(parent)
    , m_description(std::move(description))
    , m_jobs(std::move(jobs))
{
}

QStringList Operation::preview() const
{
    QStringList lines;
    for (const PlannedWrite &w : m_jobs)
        lines << (w.dryRun ? tr("%1 (dry run)").arg(w.description) : w.description);
    return lines;
}

void Operation::run(WriteExecutor *executor)
{
    if (m_running)
        return;
    m_executor = executor;
    m_report.clear();
    m_index = 0;
    m_running = true;
    QMetaObject::invokeMethod(this, &Operation::next, Qt::QueuedConnection);
}

void Operation::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    m_report << tr("Cancelled before: %1")
                    .arg(m_index < m_jobs.size() ? m_jobs[m_index].description : QString());
    emit finished(false);
}

void Operation::next()
{
    if (!m_running)
        return;
    if (m_index >= m_jobs.size()) {
        m_running = false;
        emit finished(true);
        return;
    }
    const int index = m_index;
    emit jobStarted(index);
    m_executor->send(m_jobs[index], this, [this, index](const Result<ApiResponse> &response) {
        if (!m_running || index != m_index)
            return;
        const PlannedWrite &job = m_jobs[index];
        QString message;
        bool ok = response.ok() && response->isSuccess();
        // The Status was decoded by the transport on its worker: nothing is parsed here.
        const std::optional<ApplyConflict> conflict
            = response.ok() && !ok ? ServerSideApply::explainConflict(*response) : std::nullopt;
        if (ok)
            message = tr("%1: done (%2)").arg(job.description).arg(response->status);
        else if (conflict)
            message = tr("%1: failed: %2").arg(job.description, conflict->text);
        else
            message = tr("%1: failed: %2")
                          .arg(job.description, response.ok() ? response->toError().toString()
                                                              : response.error().toString());
        m_report << message;
        emit jobFinished(index, ok, message);
        if (!ok) {
            m_running = false;
            emit finished(false);
            return;
        }
        ++m_index;
        next();
    });
}

} // namespace Orrery
