// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"
#include "objectstore.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace Orrery::Sim {

// kube-scheduler, reduced to what changes outcomes: Ready and schedulable nodes,
// nodeSelector, required node affinity (labels and metadata.name fields), NoSchedule taints
// without tolerations, the pod limit, and CPU/memory requests against allocatable. Picks the
// least requested node. Unschedulable pods stay Pending with PodScheduled=False/Unschedulable
// and a FailedScheduling event (re-reported at most every 30 s of sim time).
class Scheduler : public Controller
{
public:
    const char *name() const override { return "scheduler"; }
    void sync(ControllerContext &ctx) override;

private:
    struct Used
    {
        std::int64_t cpu = 0, memory = 0, pods = 0;
    };
    struct PodUse
    {
        int node = 0; // index in m_nodeNames
        std::int64_t cpu = 0, memory = 0;
    };
    void forgetPod(const std::string &ns, const std::string &name);
    void countPod(const json &pod);

    std::map<std::string, double> m_lastReport; // pod uid -> sim seconds
    // Kept from pass to pass (see sync()): what each placed, running pod takes of its node,
    // the sums per node, and the active pods without a node.
    std::map<std::pair<std::string, std::string>, PodUse> m_podUse;
    std::vector<Used> m_used; // by node index
    std::vector<std::string> m_nodeNames;
    std::map<std::string, int> m_nodeIds;
    std::set<std::pair<std::string, std::string>> m_pending;
    bool m_indexed = false;
    std::uint64_t m_seenRv = 0;
    // lastChange of pods and nodes when a pass last found nothing to place.
    std::pair<std::uint64_t, std::uint64_t> m_idleInputs{~0ULL, ~0ULL};
};

} // namespace Orrery::Sim
