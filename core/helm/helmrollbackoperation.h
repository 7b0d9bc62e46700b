// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helmrollback.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

namespace Orrery {

class WriteExecutor;

// Runs a HelmRollbackPlan in the order its header documents: server dry run of the target
// manifest, record pending, update the cluster, then record deployed/superseded, or on a
// cluster failure record failed/superseded. If the dry run or recording the pending revision
// fails, nothing else is written.
class HelmRollbackOperation : public QObject
{
    Q_OBJECT

public:
    HelmRollbackOperation(HelmRollbackPlan plan, QObject *parent = nullptr);

    const HelmRollbackPlan &plan() const { return m_plan; }
    const QStringList &report() const { return m_report; }
    // Injectable clock for the Secrets' modifiedAt label and last_deployed.
    void setNow(const QDateTime &now) { m_now = now; }

    void run(WriteExecutor *executor);
    // The server refused the dry run: nothing was written, the release is untouched.
    bool failedInDryRun() const { return m_failedInDryRun; }

signals:
    void progress(const QString &line);
    // ok: the release is deployed at the new revision. `message` is Helm's line:
    // "Rollback was a success! Happy Helming!" or `Rollback "R" failed: ...`.
    void finished(bool ok, const QString &message);

private:
    enum class Phase { DryRun, Pending, Cluster, RecordSuccess, RecordFailure };
    void start(Phase phase, QList<PlannedWrite> writes);
    void step();
    void phaseDone(bool ok, const QString &error);

    HelmRollbackPlan m_plan;
    WriteExecutor *m_executor = nullptr;
    Phase m_phase = Phase::DryRun;
    bool m_failedInDryRun = false;
    QList<PlannedWrite> m_queue;
    QStringList m_report;
    QString m_failure;
    QDateTime m_now;
};

} // namespace Orrery
