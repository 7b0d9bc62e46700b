// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "helm/helmrollback.h"
#include "kube/discovery.h"

namespace Orrery {

class ClusterSession;

// `helm rollback RELEASE REVISION`, natively: reads the release's storage Secrets (payloads
// included, kept in memory only for the plan), plans with HelmRollback, previews with a
// server dry run of the target manifest, and runs HelmRollbackOperation (Helm's order, its
// records, the helm.sh/resource-policy: keep of each object it would delete).
class HelmReleaseRollback : public ClusterOperation
{
    Q_OBJECT
public:
    // `revision` 0: the one before the current. `discovered`: the server's resources, for the
    // manifests' kinds.
    HelmReleaseRollback(HttpTransport *transport, const QString &ns, const QString &release,
                        int revision, QList<ApiResource> discovered, QObject *parent = nullptr);

    // Valid after fetch().
    const HelmRollbackPlan &rollbackPlan() const { return m_plan; }

    // Reads the Secrets of the release and plans; a 403 is said in Helm's terms.
    void fetch(Done done) override;

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QString objectKind() const override { return QStringLiteral("HelmRelease"); }
    // What the rollback needs (HelmRollback::requiredAccess), worked out by fetch() on the
    // worker with the plan (it parses both manifests); before fetch(), the Secrets alone.
    QList<AccessCheck> requiredAccess() const override;
    // Why a denied check matters for a Helm rollback, appended to its denialText().
    static QString denialHint(const AccessCheck &check);
    // The first denial among `results` (of requiredAccess()) with its hint; empty: allowed, or
    // the review could not be made (the server decides then).
    static QString denial(const QList<AccessResult> &results);
    // Asks `session`'s server (SelfSubjectAccessReview, HelmRollback::requiredAccess) whether
    // the user may roll `current`'s release back to `target`: `done` gets denial(), on
    // `context`'s thread, not at all once it is gone; empty at once without a session.
    static void checkAccess(ClusterSession *session, const HelmRelease &current,
                            const HelmRelease &target, QObject *context,
                            std::function<void(const QString &denial)> done);

    // The writes in order (record pending, applies, deletes), for the preview.
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    QStringList summary() const override;
    QString details() const override;
    // The target manifest's dry run alone (the Secrets are not dry-run: the server would only
    // check that they are well-formed, which the codec guarantees).
    void dryRun(WriteExecutor *writer, DryRunDone done) override;
    void run(WriteExecutor *writer) override;

private:
    QString m_release;
    int m_revision;
    QList<ApiResource> m_discovered;
    HelmRollbackPlan m_plan;
    QList<AccessCheck> m_access; // requiredAccess() of m_plan, worked out with it
};

} // namespace Orrery
