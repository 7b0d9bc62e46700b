// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apptopologypage.h"

#include <functional>

class QWidget;

namespace Orrery {

class ClusterOperation;
class FlyClient;

// What the app page offers on a Fly.io app (FlyOperation, docs/operations.md "Fly.io"): on a
// machine, restart / stop / start as its state allows; on a process group, Scale…; on the app,
// deploying any earlier release's image; on a release chip that is not current, deploying it.
namespace FlyAppActions {

QList<AppAction> actionsFor(const AppTopology &topology, const AppNode *node,
                            const AppRelease *release);

// The operation for `action`, its parameters asked first when it has any (Scale…: the
// machine count, in a dialog opened with open()); `ready` gets it (not at all when the dialog
// is cancelled). The caller runs it (ActionController::runOperation).
void create(FlyClient *client, const AppTopology &topology, const AppAction &action,
            QWidget *dialogParent, std::function<void(ClusterOperation *)> ready);

} // namespace FlyAppActions

} // namespace Orrery
