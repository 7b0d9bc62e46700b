// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadannotationcontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>

namespace Orrery::Sim {

namespace {

// "150", "37.5" or "80%": a finite, non-negative percentage; anything else is ignored like a
// malformed annotation is by any controller (the object stays valid).
std::optional<double> parsePercent(std::string text)
{
    if (!text.empty() && text.back() == '%')
        text.pop_back();
    if (text.empty())
        return std::nullopt;
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value) || value < 0)
        return std::nullopt;
    return value;
}

double referencePeak(ControllerContext &ctx, const json &workload)
{
    const std::string ns = Kube::ns(workload), name = Kube::name(workload);
    const LoadProfile profile = ctx.load.profile(ns, name);
    if (ctx.load.hasProfile(ns, name) && profile.peakRps > 0)
        return profile.peakRps;
    // Load at which the replicas use exactly their CPU requests (idle usage aside).
    const std::int64_t replicas = Kube::integer(workload, Kube::ptr("/spec/replicas"), 1);
    json pod = json::object();
    pod["spec"] = workload.value(Kube::ptr("/spec/template/spec"), json::object());
    const double requested
        = static_cast<double>(Kube::podCpuRequest(pod) * std::max<std::int64_t>(replicas, 1));
    if (requested > 0 && profile.cpuMilliPerRequest > 0)
        return requested / profile.cpuMilliPerRequest;
    return profile.peakRps;
}

} // namespace

void LoadAnnotationController::sync(ControllerContext &ctx)
{
    // The outcome depends only on Deployments and StatefulSets: unchanged since the last
    // pass, nothing to do (30,000 deployments are not walked every pass).
    const std::pair<std::uint64_t, std::uint64_t> inputs{ctx.store.lastChange(Kube::Deployments),
                                                         ctx.store.lastChange(Kube::StatefulSets)};
    if (m_synced && inputs == m_inputs)
        return;
    m_synced = true;
    m_inputs = inputs;
    static const json::json_pointer annotationPtr
        = json::json_pointer("/metadata/annotations") / Annotation;
    std::set<Key> seen;
    for (const GroupResource *gr : {&Kube::Deployments, &Kube::StatefulSets}) {
        for (const ObjectPtr &w : ctx.store.list(*gr)) {
            if (!w->contains(annotationPtr) || !w->at(annotationPtr).is_string())
                continue;
            const std::string text = w->at(annotationPtr).get<std::string>();
            const std::optional<double> percent = parsePercent(text);
            if (!percent)
                continue;
            Key key{Kube::ns(*w), Kube::name(*w)};
            seen.insert(key);
            auto it = m_applied.find(key);
            if (it != m_applied.end() && it->second == text)
                continue;
            ctx.load.setLoad(key.first, key.second, *percent / 100.0 * referencePeak(ctx, *w));
            m_applied[key] = text;
        }
    }
    for (auto it = m_applied.begin(); it != m_applied.end();) {
        if (seen.count(it->first)) {
            ++it;
            continue;
        }
        ctx.load.setLoad(it->first.first, it->first.second, -1); // back to the schedule
        it = m_applied.erase(it);
    }
}

} // namespace Orrery::Sim
