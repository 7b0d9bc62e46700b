// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmrollbackoperation.h"

#include "kube/actions/writeexecutor.h"

namespace Orrery {

HelmRollbackOperation::HelmRollbackOperation(HelmRollbackPlan plan, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
{
}

void HelmRollbackOperation::run(WriteExecutor *executor)
{
    m_executor = executor;
    m_report.clear();
    m_failure.clear();
    m_failedInDryRun = false;
    if (!m_now.isValid())
        m_now = QDateTime::currentDateTimeUtc();
    start(Phase::DryRun, m_plan.dryRunApplies);
}

void HelmRollbackOperation::start(Phase phase, QList<PlannedWrite> writes)
{
    m_phase = phase;
    m_queue = std::move(writes);
    QMetaObject::invokeMethod(this, &HelmRollbackOperation::step, Qt::QueuedConnection);
}

void HelmRollbackOperation::step()
{
    if (m_queue.isEmpty()) {
        phaseDone(true, {});
        return;
    }
    const PlannedWrite write = m_queue.takeFirst();
    m_executor->send(write, this, [this, write](const Result<ApiResponse> &response) {
        const bool ok = response.ok() && response->isSuccess();
        // A delete of an object that is already gone is what we wanted (Helm ignores it too).
        const bool alreadyGone = response.ok() && response->status == 404 && write.verb == QLatin1String("delete");
        const QString line = ok || alreadyGone
            ? write.description
            : tr("%1: %2").arg(write.description,
                               response.ok() ? response->toError().message : response.error().message);
        m_report << line;
        emit progress(line);
        if (ok || alreadyGone)
            step();
        else
            phaseDone(false, response.ok() ? response->toError().message : response.error().message);
    });
}

void HelmRollbackOperation::phaseDone(bool ok, const QString &error)
{
    switch (m_phase) {
    case Phase::DryRun:
        if (!ok) {
            m_failedInDryRun = true;
            emit finished(false, tr("Rollback \"%1\" failed: %2 (refused by the server's dry run: nothing "
                                    "was written, the release is unchanged)")
                                     .arg(m_plan.release, error));
            return;
        }
        start(Phase::Pending, m_plan.recordPending);
        return;
    case Phase::Pending:
        if (!ok) {
            emit finished(false, tr("Rollback \"%1\" failed: %2").arg(m_plan.release, error));
            return;
        }
        start(Phase::Cluster, m_plan.applies + m_plan.deletes);
        return;
    case Phase::Cluster:
        if (ok) {
            start(Phase::RecordSuccess, m_plan.markDeployed(m_now));
        } else {
            m_failure = error;
            start(Phase::RecordFailure, m_plan.markFailed(error, m_now));
        }
        return;
    case Phase::RecordSuccess:
        if (ok)
            emit finished(true, tr("Rollback was a success! Happy Helming!"));
        else
            emit finished(false, tr("Rollback \"%1\" failed: %2").arg(m_plan.release, error));
        return;
    case Phase::RecordFailure:
        emit finished(false, tr("Rollback \"%1\" failed: %2").arg(m_plan.release, m_failure));
        return;
    }
}

} // namespace Orrery
