// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollbackplan.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

namespace Orrery {

// `kubectl rollout undo deployment/X [--to-revision=N]` (kubectl pkg/polymorphichelpers/
// rollback.go, DeploymentRollbacker), as a pure function of the Deployment and the ReplicaSets
// of its namespace. Refusals carry kubectl's messages verbatim so users can search them.
class DeploymentRollback
{
public:
    // `replicaSets`: a ReplicaSetList or an array; only those controlled by the deployment's
    // uid count. `toRevision` 0 means the previous (second-highest) revision.
    static Result<RollbackPlan> plan(const nlohmann::json &deployment,
                                     const nlohmann::json &replicaSets, qint64 toRevision = 0,
                                     bool dryRun = false);

    // The ReplicaSets controlled by `deployment`, as kubectl's GetAllReplicaSets keeps them.
    static nlohmann::json controlled(const nlohmann::json &deployment,
                                     const nlohmann::json &replicaSets);

    // deployment.kubernetes.io/revision, 0 when absent (as deploymentutil.Revision), -1 when
    // it does not parse.
    static qint64 revision(const nlohmann::json &object);

    // Pod templates equal once the pod-template-hash label is removed (EqualIgnoreHash).
    static bool equalIgnoreHash(const nlohmann::json &a, const nlohmann::json &b);
};

} // namespace Orrery
