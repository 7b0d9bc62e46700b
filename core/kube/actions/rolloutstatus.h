// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace Orrery {

// One evaluation of `kubectl rollout status` (kubectl polymorphichelpers/rollout_status.go):
// the message kubectl would print for this state of the object, whether the rollout is done,
// and whether it failed (kubectl exits with an error).
struct RolloutStatus
{
    enum class State { Waiting, Done, Failed };
    State state = State::Waiting;
    QString message;       // kubectl's text without the trailing newline
    QString newReplicaSet; // name of the new ReplicaSet when given

    bool done() const { return state == State::Done; }
    bool failed() const { return state == State::Failed; }

    // Deployments, StatefulSets and DaemonSets. `newReplicaSet` is optional context for the UI
    // (its name); kubectl's messages depend only on the Deployment.
    static RolloutStatus evaluate(const nlohmann::json &workload,
                                  const std::optional<nlohmann::json> &newReplicaSet
                                  = std::nullopt);
};

} // namespace Orrery
