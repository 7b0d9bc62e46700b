// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmreleaserollback.h"

#include "kube/clustersession.h"

#include "helm/helmrollbackoperation.h"
#include "kube/actions/resourcepath.h"
#include "util/async.h"

#include <QDateTime>
#include <QPointer>

#include <utility>

namespace Orrery {

namespace {

QList<AccessCheck> accessOf(const HelmRollbackPlan &plan, const QList<ApiResource> &discovered)
{
    HelmRelease to = plan.pending;
    to.version = plan.targetVersion;
    return HelmRollback::requiredAccess(plan.current, to, discovered);
}

} // namespace

HelmReleaseRollback::HelmReleaseRollback(HttpTransport *transport, const QString &ns,
                                         const QString &release, int revision,
                                         QList<ApiResource> discovered, QObject *parent)
    : ClusterOperation(transport, OperationTarget{Kind::Secret, ns, release}, parent)
    , m_release(release)
    , m_revision(revision)
    , m_discovered(std::move(discovered))
{
}

void HelmReleaseRollback::fetch(Done done)
{
    const QString ns = target().ns;
    const QString path = ResourcePath::addQuery(ResourcePath::forKind(Kind::Secret, ns),
                                                QStringLiteral("labelSelector"),
                                                QStringLiteral("owner=helm,name=") + m_release);
    fetchJson(transport(), path, this, [this, ns, done](const Result<nlohmann::json> &secrets) {
        if (!secrets.ok()) {
            Error e = secrets.error();
            if (e.httpStatus == 403) {
                e = Error(Error::Code::Forbidden,
                          tr("You may not read Secrets in namespace %1, and Helm keeps its "
                             "releases in Secrets. "
                             "Ask a cluster administrator for this RBAC permission, or use a "
                             "context with more "
                             "rights.")
                              .arg(ns));
            }
            done(e);
            return;
        }
        // Planning decodes every revision's payload (base64, gzip, JSON) and parses the
        // manifests (YAML): on a worker, not on this (the GUI) thread.
        using Planned = std::pair<Result<HelmRollbackPlan>, QList<AccessCheck>>;
        Async::run(
            this,
            [secrets = secrets.value(), release = m_release, revision = m_revision,
             discovered = m_discovered]() -> Planned {
                Result<HelmRollbackPlan> planned = HelmRollback::plan(
                    secrets, release, revision, QDateTime::currentDateTimeUtc(), discovered);
                QList<AccessCheck> access;
                if (planned.ok())
                    access = accessOf(planned.value(), discovered);
                return {std::move(planned), std::move(access)};
            },
            [this, done](const Planned &result) {
                const Result<HelmRollbackPlan> &planned = result.first;
                if (!planned.ok()) {
                    done(Error(planned.error().code, planned.error().message));
                    return;
                }
                m_plan = planned.value();
                m_access = result.second;
                setObject(nlohmann::json::object()); // read: the plan holds what the Secrets said
                done({});
            });
    });
}

QString HelmReleaseRollback::title() const
{
    return tr("Roll back %1").arg(m_release);
}

QString HelmReleaseRollback::actionLabel() const
{
    return tr("Roll back");
}

QString HelmReleaseRollback::failureTitle() const
{
    return tr("Cannot roll back the release");
}

QList<AccessCheck> HelmReleaseRollback::requiredAccess() const
{
    return isFetched() ? m_access : accessOf(m_plan, m_discovered);
}

QString HelmReleaseRollback::denialHint(const AccessCheck &check)
{
    return check.resource == QLatin1String("secrets")
               ? tr("Helm keeps every revision of a release in a Secret of its namespace.")
               : tr("A rollback writes every object of the target revision's manifest.");
}

Result<QList<PlannedWrite>> HelmReleaseRollback::plan(bool dryRun) const
{
    if (dryRun)
        return m_plan.dryRunApplies;
    return m_plan.recordPending + m_plan.applies + m_plan.deletes;
}

QStringList HelmReleaseRollback::summary() const
{
    return {tr("Roll back Helm release %1 from revision %2 to %3 (new revision %4).")
                .arg(m_release)
                .arg(m_plan.current.version)
                .arg(m_plan.targetVersion)
                .arg(m_plan.pending.version),
            tr("The server first checks the target manifest (dry run): if it refuses, nothing "
               "is written.")};
}

QString HelmReleaseRollback::details() const
{
    QStringList details;
    for (const PlannedWrite &w : m_plan.recordPending + m_plan.applies + m_plan.deletes)
        details << w.description;
    return details.join(QLatin1Char('\n'));
}

void HelmReleaseRollback::dryRun(WriteExecutor *writer, DryRunDone done)
{
    const int count = int(m_plan.dryRunApplies.size());
    // The common dry run sends plan(true), the target manifest, and explains a refusal.
    ClusterOperation::dryRun(writer, [done, count](bool ok, const QString &text) {
        done(ok, ok ? tr("the server validated %n object(s) of the target manifest without storing "
                         "anything.",
                         nullptr, count)
                    : text);
    });
}

void HelmReleaseRollback::run(WriteExecutor *writer)
{
    auto *op = new HelmRollbackOperation(m_plan, this);
    connect(op, &HelmRollbackOperation::finished, this,
            [this, op](bool ok, const QString &message) {
                op->deleteLater();
                OperationReport report;
                report.ok = ok;
                report.description = tr("Helm rollback of %1").arg(m_release);
                report.lines = op->report();
                report.message = message;
                if (!ok)
                    report.explanation = message;
                finish(std::move(report));
            });
    op->run(writer, HelmRollbackOperation::reader(transport()));
}

QString HelmReleaseRollback::denial(const QList<AccessResult> &results)
{
    for (const AccessResult &r : results)
        if (const QString text = denialText(r); !text.isEmpty())
            return text + QLatin1Char(' ') + denialHint(r.check);
    return {};
}

void HelmReleaseRollback::checkAccess(ClusterSession *session, const HelmRelease &current,
                                      const HelmRelease &target, QObject *context,
                                      std::function<void(const QString &)> done)
{
    if (!session) {
        QMetaObject::invokeMethod(
            context, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    // The checks come from both manifests, parsed on a worker (never on the GUI thread).
    const QPointer<ClusterSession> guard(session);
    Async::run(
        context,
        [current, target, resources = session->discovery().resources] {
            return HelmRollback::requiredAccess(current, target, resources);
        },
        [guard, context, done](const QList<AccessCheck> &checks) {
            if (!guard)
                return;
            AccessReview::run(
                guard->transport(), checks, context,
                [done](const QList<AccessResult> &results) { done(denial(results)); });
        });
}

} // namespace Orrery
