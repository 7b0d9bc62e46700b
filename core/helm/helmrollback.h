// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helmrelease.h"
#include "kube/accessreview.h"
#include "kube/actions/plannedwrite.h"
#include "kube/discovery.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace Orrery {

// `helm rollback RELEASE [REVISION]` done natively (helm/helm pkg/action/rollback.go), as a
// plan of writes that can be previewed and then run step by step.
//
// Order, chosen so that stopping after any write leaves a history Helm itself can read:
//  0. dryRunApplies: the target manifest applied with dryRun=All. Helm has no such step, but
//     an object the server refuses (invalid manifest, admission, RBAC) then fails the rollback
//     before anything is written, leaving the release exactly as it was.
//  1. recordPending: create revision current+1 with status pending-rollback and description
//     "Rollback to N" (Helm does the same before touching the cluster).
//  2. applies: server-side apply (force, as Helm's "safe to force" update) of every object of
//     the target manifest, with Helm's managed-by label and release annotations.
//  3. deletes: objects of the current manifest absent from the target one; each is read just
//     before its delete and kept if annotated helm.sh/resource-policy: keep, as Helm does.
//  4a. success: markDeployed(): the new revision becomes deployed first, then every other
//      deployed revision superseded. Stopping between the two leaves two deployed revisions,
//      which Helm resolves by taking the newest (issue #2941); the reverse order would leave
//      none, and `helm upgrade` then refuses with "has no deployed releases".
//  4b. failure in 2 or 3: markFailed(reason): the previous current revision superseded and the
//      new one failed with `Rollback "R" failed: <reason>`, exactly as Helm records it.
struct HelmRollbackPlan
{
    QString release;
    QString ns;
    int targetVersion = 0;       // N, the revision rolled back to
    HelmRelease current;         // the latest revision before the rollback
    HelmRelease pending;         // the new revision, status pending-rollback
    QList<HelmRelease> deployed; // revisions with status deployed before the rollback
    QList<PlannedWrite> dryRunApplies;
    QList<PlannedWrite> recordPending;
    QList<PlannedWrite> applies;
    QList<PlannedWrite> deletes;

    QList<PlannedWrite> markDeployed(const QDateTime &now) const;
    QList<PlannedWrite> markFailed(const QString &reason, const QDateTime &now) const;
};

class HelmRollback
{
public:
    // `secrets`: the Helm storage Secrets of the release's namespace (List or array).
    // `version` 0: the revision before the current one.
    static Result<HelmRollbackPlan> plan(const nlohmann::json &secrets, const QString &release,
                                         int version, const QDateTime &now,
                                         const QList<ApiResource> &discovered = {});

    // What the rollback from `current` to `target` needs, as `kubectl auth can-i` would ask:
    // get/create/update/delete on Secrets in the release's namespace (Helm's storage), patch
    // and create on every resource of the target manifest (server-side apply creates missing
    // objects) and get and delete on the resources only the current manifest has (each is read
    // for its resource policy before the delete). Deduplicated.
    static QList<AccessCheck> requiredAccess(const HelmRelease &current, const HelmRelease &target,
                                             const QList<ApiResource> &discovered = {});

    // The write storing `release` in its Secret: POST (create) or PUT (update).
    static PlannedWrite secretWrite(const HelmRelease &release, const QDateTime &now, bool create);
};

} // namespace Orrery
