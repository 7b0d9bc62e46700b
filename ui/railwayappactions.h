// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apptopologypage.h"

#include <functional>
#include <memory>

namespace Orrery {

class ClusterOperation;
class RailwayClient;

// What the app page offers on a Railway environment (RailwayOperation, docs/clouds.md
// "Railway"): on a service or a database, Redeploy, Restart and Roll back (to the newest
// deployment Railway can roll back to); on a deployment, Restart when it runs; on a release
// chip Railway can roll back to, rolling back to it. `ref` is the app's
// PROJECT_ID/ENVIRONMENT_ID/SERVICE_ID (the topology's ref).
namespace RailwayAppActions {

QList<AppAction> actionsFor(const AppTopology &topology, const AppNode *node,
                            const AppRelease *release);

// The operation for `action` on the environment of `topology`; null when the action is not
// Railway's.
ClusterOperation *create(std::shared_ptr<RailwayClient> client, const AppTopology &topology,
                         const AppAction &action, QObject *parent);

} // namespace RailwayAppActions

} // namespace Orrery
