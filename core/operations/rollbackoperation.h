// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "kube/actions/revisionhistory.h"
#include "kube/actions/rollbackplan.h"

namespace Orrery {

// `kubectl rollout undo [--to-revision=N]` of a Deployment (from its ReplicaSets) or a
// StatefulSet or DaemonSet (from its ControllerRevisions). Reads the workload and the objects
// holding its history; the plan and kubectl's refusals come from DeploymentRollback and
// ControllerRevisionRollback. Undo: roll back again to the revision that was current.
class RollbackOperation : public ClusterOperation
{
    Q_OBJECT
public:
    RollbackOperation(HttpTransport *transport, OperationTarget target, QObject *parent = nullptr);

    static AccessCheck access(Kind kind, const QString &ns);

    // 0: the previous revision.
    void setRevision(qint64 revision) { m_revision = revision; }
    const nlohmann::json &owned() const { return m_owned; }
    // `kubectl rollout history`, oldest first.
    QList<RevisionEntry> history() const;
    // kubectl's refusal when history() is empty ("no rollout history found ...").
    QString noHistoryText() const;
    // The plan for the revision asked for (its toRevision resolves 0).
    Result<RollbackPlan> rollbackPlan(bool dryRun = false) const;

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QList<AccessCheck> requiredAccess() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    QString nothingToDo() const override;
    // The diff between the current revision's pod template and the target's.
    QString details() const override;
    bool tracksRollout() const override { return true; }
    QString nothingToDoTitle() const override { return tr("Nothing to roll back"); }
    QString refusalTitle() const override { return failureTitle(); }
    Factory undo() const override;
    QString undoText() const override;

protected:
    void fetchMore(Done done) override;

private:
    std::optional<RevisionEntry> entry(qint64 revision, bool current) const;

    qint64 m_revision = 0;
    nlohmann::json m_owned;
};

} // namespace Orrery
