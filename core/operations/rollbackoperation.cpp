// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollbackoperation.h"

#include "kube/actions/controllerrevisionrollback.h"
#include "kube/actions/deploymentrollback.h"
#include "kube/actions/resourcepath.h"
#include "util/jsonread.h"

namespace Orrery {

RollbackOperation::RollbackOperation(HttpTransport *transport, OperationTarget target,
                                     QObject *parent)
    : ClusterOperation(transport, std::move(target), parent)
{
}

AccessCheck RollbackOperation::access(Kind kind, const QString &ns)
{
    return accessFor(QStringLiteral("patch"), kind, ns);
}

void RollbackOperation::fetchMore(Done done)
{
    QString path;
    if (target().kind == Kind::Deployment) {
        const QString selector
            = matchLabelsSelector(JsonRead::object(object(), {"spec", "selector"}));
        path = ResourcePath::forKind(Kind::ReplicaSet, target().ns);
        if (!selector.isEmpty())
            path = ResourcePath::addQuery(path, QStringLiteral("labelSelector"), selector);
    } else {
        path = ResourcePath::forKind(Kind::ControllerRevision, target().ns);
    }
    fetchJson(transport(), path, this, [this, done](const Result<nlohmann::json> &owned) {
        if (!owned.ok()) {
            done(owned.error());
            return;
        }
        m_owned = owned.value();
        done({});
    });
}

QList<RevisionEntry> RollbackOperation::history() const
{
    return RevisionHistory::forWorkload(object(), m_owned);
}

Result<RollbackPlan> RollbackOperation::rollbackPlan(bool dryRun) const
{
    return target().kind == Kind::Deployment
               ? DeploymentRollback::plan(object(), m_owned, m_revision, dryRun)
               : ControllerRevisionRollback::plan(object(), m_owned, m_revision, dryRun);
}

QString RollbackOperation::noHistoryText() const
{
    // kubectl's refusal, word for word.
    const Result<RollbackPlan> refusal = rollbackPlan();
    return refusal.ok() ? tr("No revision history.") : refusal.error().message;
}

std::optional<RevisionEntry> RollbackOperation::entry(qint64 revision, bool current) const
{
    for (const RevisionEntry &e : history())
        if (current ? e.current : e.revision == revision)
            return e;
    return std::nullopt;
}

QString RollbackOperation::title() const
{
    const Result<RollbackPlan> p = rollbackPlan();
    return tr("Roll back %1 to revision %2")
        .arg(target().name)
        .arg(p.ok() ? p->toRevision : m_revision);
}

QString RollbackOperation::actionLabel() const
{
    return tr("Roll back");
}

QString RollbackOperation::failureTitle() const
{
    return tr("Cannot roll back");
}

QList<AccessCheck> RollbackOperation::requiredAccess() const
{
    return {access(target().kind, target().ns)};
}

Result<QList<PlannedWrite>> RollbackOperation::plan(bool dryRun) const
{
    Result<RollbackPlan> p = rollbackPlan(dryRun);
    if (!p.ok())
        return p.error();
    if (p->skipped)
        return QList<PlannedWrite>{};
    return QList<PlannedWrite>{p->write};
}

QString RollbackOperation::nothingToDo() const
{
    // kubectl succeeds without writing; say so rather than show an empty confirmation.
    const Result<RollbackPlan> p = rollbackPlan();
    return p.ok() && p->skipped ? p->message : QString();
}

QString RollbackOperation::details() const
{
    const Result<RollbackPlan> p = rollbackPlan();
    const std::optional<RevisionEntry> current = entry(0, true);
    const std::optional<RevisionEntry> to = p.ok() ? entry(p->toRevision, false) : std::nullopt;
    if (current && to)
        return RevisionHistory::diff(*current, *to);
    return ClusterOperation::details();
}

ClusterOperation::Factory RollbackOperation::undo() const
{
    const std::optional<RevisionEntry> current = entry(0, true);
    if (!current)
        return {};
    return [t = target(), was = current->revision](HttpTransport *transport, QObject *parent) {
        auto *op = new RollbackOperation(transport, t, parent);
        op->setRevision(was);
        return op;
    };
}

QString RollbackOperation::undoText() const
{
    const std::optional<RevisionEntry> current = entry(0, true);
    const Result<RollbackPlan> p = rollbackPlan();
    if (!current || !p.ok())
        return {};
    return tr("Rolled back %1/%2 to revision %3 (was %4).")
        .arg(target().ns, target().name)
        .arg(p->toRevision)
        .arg(current->revision);
}

} // namespace Orrery
