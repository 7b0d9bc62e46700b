// SPDX-License-Identifier: GPL-3.0-or-later
#include "churncontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"

namespace Orrery::Sim {

void ChurnController::sync(ControllerContext &ctx)
{
    if (ctx.churnPerSecond <= 0) {
        m_carry = 0;
        return;
    }
    m_carry += ctx.churnPerSecond * ctx.seconds(ctx.now - ctx.previousTick);
    if (m_carry < 1)
        return;
    // Keys, not parsed pods: at 150,000 pods holding every candidate would take gigabytes.
    std::vector<std::pair<std::string, std::string>> candidates;
    ctx.store.forEach(Kube::Pods, {}, [&](const ObjectPtr &p) {
        const json *ref = Kube::controllerRef(*p);
        if (ref && ref->value("kind", "") == "ReplicaSet" && Kube::isPodActive(*p))
            candidates.push_back({Kube::ns(*p), Kube::name(*p)});
        return true;
    });
    // Bounded per pass so that a long pause (a stopped debugger) does not wipe the cluster.
    int count = std::min(static_cast<int>(m_carry), 1000);
    m_carry -= static_cast<int>(m_carry);
    while (count-- > 0 && !candidates.empty()) {
        std::uniform_int_distribution<std::size_t> pick(0, candidates.size() - 1);
        const std::size_t i = pick(ctx.rng);
        if (const ObjectPtr pod
            = ctx.store.get(Kube::Pods, candidates[i].first, candidates[i].second))
            ctx.deletePod(*pod);
        candidates[i] = candidates.back();
        candidates.pop_back();
    }
}

} // namespace Orrery::Sim
