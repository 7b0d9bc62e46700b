// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helmrollback.h"

#include "kube/apirequest.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <functional>

namespace Orrery {

class HttpTransport;
class WriteExecutor;

// Runs a HelmRollbackPlan in the order its header documents: server dry run of the target
// manifest, record pending, update the cluster, then record deployed/superseded, or on a
// cluster failure record failed/superseded. If the dry run or recording the pending revision
// fails, nothing else is written.
//
// Deletes look first, as Helm's kube client Update does: each object of the current manifest
// that the target lacks is read from the cluster just before its delete, and one whose live
// annotations say `helm.sh/resource-policy: keep` is kept (listed in kept() and the report).
// One that is already gone needs nothing; one that cannot be read is not deleted either (Helm
// skips it too), and the report says why.
class HelmRollbackOperation : public QObject
{
    Q_OBJECT

public:
    // Reads one object as the cluster has it now: GET `path`, the answer on `context`'s thread.
    using LiveReader
        = std::function<void(const QString &path, QObject *context,
                             std::function<void(const Result<ApiResponse> &)> onFinished)>;
    // The cluster's LiveReader: a GET through `transport` (not owned, must outlive the run).
    static LiveReader reader(HttpTransport *transport);

    static constexpr const char *ResourcePolicyAnnotation = "helm.sh/resource-policy";
    static constexpr const char *KeepPolicy = "keep";

    HelmRollbackOperation(HelmRollbackPlan plan, QObject *parent = nullptr);

    const HelmRollbackPlan &plan() const { return m_plan; }
    const QStringList &report() const { return m_report; }
    // The deletes skipped because the live object is marked helm.sh/resource-policy: keep.
    const QList<PlannedWrite> &kept() const { return m_kept; }
    // Injectable clock for the Secrets' modifiedAt label and last_deployed.
    void setNow(const QDateTime &now) { m_now = now; }

    void run(WriteExecutor *executor, LiveReader readLive);
    // The server refused the dry run: nothing was written, the release is untouched.
    bool failedInDryRun() const { return m_failedInDryRun; }

signals:
    void progress(const QString &line);
    // ok: the release is deployed at the new revision. `message` is Helm's line:
    // "Rollback was a success! Happy Helming!" or `Rollback "R" failed: ...`, followed by the
    // objects kept for their resource policy when there are any.
    void finished(bool ok, const QString &message);

private:
    enum class Phase { DryRun, Pending, Cluster, RecordSuccess, RecordFailure };
    void start(Phase phase, QList<PlannedWrite> writes);
    void step();
    void send(const PlannedWrite &write);
    // Reads the live object of a delete, then deletes it unless Helm would keep it.
    void deleteUnlessKept(const PlannedWrite &write);
    void stepDone(const QString &line);
    void phaseDone(bool ok, const QString &error);
    // `message` followed by the objects kept for their resource policy, if any.
    QString withKept(const QString &message) const;

    HelmRollbackPlan m_plan;
    WriteExecutor *m_executor = nullptr;
    LiveReader m_readLive;
    QList<PlannedWrite> m_kept;
    Phase m_phase = Phase::DryRun;
    bool m_failedInDryRun = false;
    QList<PlannedWrite> m_queue;
    QStringList m_report;
    QString m_failure;
    QDateTime m_now;
};

} // namespace Orrery
