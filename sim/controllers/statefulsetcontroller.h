// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace Orrery::Sim {

// statefulset-controller: pods <name>-0..N-1 created in order (OrderedReady waits for each to
// be Running and Ready; Parallel does not), PVCs <template>-<name>-<ordinal> from
// volumeClaimTemplates (kept on scale-down, like the default retention policy), scale-down
// from the highest ordinal, RollingUpdate from the highest ordinal down to the partition, one
// pod at a time, ControllerRevisions with currentRevision/updateRevision in status.
class StatefulSetController : public Controller
{
public:
    const char *name() const override { return "statefulset-controller"; }
    void sync(ControllerContext &ctx) override;
};

} // namespace Orrery::Sim
