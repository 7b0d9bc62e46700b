// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollbackplan.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

namespace Orrery {

// `kubectl rollout undo` for StatefulSets and DaemonSets (StatefulSetRollbacker,
// DaemonSetRollbacker): the history is the ControllerRevisions the object controls, and the
// patch is the revision's `data` verbatim ({"spec":{"template":{...,"$patch":"replace"}}})
// sent as a strategic merge patch.
class ControllerRevisionRollback
{
public:
    static Result<RollbackPlan> plan(const nlohmann::json &workload,
                                     const nlohmann::json &controllerRevisions,
                                     qint64 toRevision = 0, bool dryRun = false);

    // ControllerRevisions controlled by `workload`, sorted by revision ascending.
    static nlohmann::json controlled(const nlohmann::json &workload,
                                     const nlohmann::json &controllerRevisions);

    // The pod template stored in a ControllerRevision, without the "$patch" directive.
    static nlohmann::json storedTemplate(const nlohmann::json &controllerRevision);
};

} // namespace Orrery
