// SPDX-License-Identifier: GPL-3.0-or-later
#include "churncontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <cstdlib>

namespace Orrery::Sim {

namespace {

// Over the API, the annotation sim.orrery.dev/churn-per-second on the kube-system namespace
// sets the rate (and "0" stops it), overriding --churn: benchmarks start and stop churn
// once their client has synced.
double churnRate(ControllerContext &ctx)
{
    static const json::json_pointer annotation(
        "/metadata/annotations/sim.orrery.dev~1churn-per-second");
    if (const ObjectPtr ns = ctx.store.get(Kube::Namespaces, {}, "kube-system")) {
        const std::string value = Kube::str(*ns, annotation);
        if (!value.empty()) {
            char *end = nullptr;
            const double rate = std::strtod(value.c_str(), &end);
            if (end && *end == '\0' && rate >= 0)
                return rate;
        }
    }
    return ctx.churnPerSecond;
}

} // namespace

void ChurnController::sync(ControllerContext &ctx)
{
    const double rate = churnRate(ctx);
    if (rate <= 0) {
        m_carry = 0;
        m_keys.clear();
        return;
    }
    m_carry += rate * ctx.seconds(ctx.now - ctx.previousTick);
    if (m_carry < 1)
        return;
    // Bounded per pass so that a long pause (a stopped debugger) does not wipe the cluster.
    int count = std::min(static_cast<int>(m_carry), 1000);
    m_carry -= static_cast<int>(m_carry);
    // Candidates by key, not by parsing every pod each pass (150,000 pods are stored as
    // text): the keys are taken again every 5 s of sim time; a picked key whose pod is gone,
    // terminating or not owned by a ReplicaSet is dropped and another one picked.
    if (m_keys.empty() || ctx.now - m_keysTaken > std::chrono::seconds(5)) {
        m_keys = ctx.store.keys(Kube::Pods);
        m_keysTaken = ctx.now;
    }
    int attempts = count * 20;
    while (count > 0 && attempts-- > 0 && !m_keys.empty()) {
        std::uniform_int_distribution<std::size_t> pick(0, m_keys.size() - 1);
        const std::size_t i = pick(ctx.rng);
        const auto [ns, name] = m_keys[i];
        m_keys[i] = m_keys.back();
        m_keys.pop_back();
        const ObjectPtr pod = ctx.store.get(Kube::Pods, ns, name);
        if (!pod)
            continue;
        const json *ref = Kube::controllerRef(*pod);
        if (!ref || ref->value("kind", "") != "ReplicaSet" || !Kube::isPodActive(*pod))
            continue;
        ctx.deletePod(*pod);
        --count;
    }
}

} // namespace Orrery::Sim
