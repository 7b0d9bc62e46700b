// SPDX-License-Identifier: GPL-3.0-or-later
#include "hpacontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"
#include "workload/quantity.h"

#include <chrono>
#include <climits>
#include <cmath>
#include <map>
#include <unordered_map>

namespace Orrery::Sim {

namespace {

constexpr double kTolerance = 0.1;

struct MetricResult
{
    bool valid = false;
    std::string error;
    int replicas = 0;
    std::string description; // "cpu resource utilization (percentage of request)"
    json current;            // status.currentMetrics entry
};

json defaultRules(bool up)
{
    if (up)
        return {{"stabilizationWindowSeconds", 0},
                {"selectPolicy", "Max"},
                {"policies",
                 json::array({{{"type", "Pods"}, {"value", 4}, {"periodSeconds", 15}},
                              {{"type", "Percent"}, {"value", 100}, {"periodSeconds", 15}}})}};
    return {
        {"stabilizationWindowSeconds", 300},
        {"selectPolicy", "Max"},
        {"policies", json::array({{{"type", "Percent"}, {"value", 100}, {"periodSeconds", 15}}})}};
}

json rulesFor(const json &hpa, bool up)
{
    json rules = defaultRules(up);
    const json::json_pointer p(up ? "/spec/behavior/scaleUp" : "/spec/behavior/scaleDown");
    if (hpa.contains(p) && hpa.at(p).is_object()) {
        for (auto it = hpa.at(p).begin(); it != hpa.at(p).end(); ++it)
            if (!it.value().is_null())
                rules[it.key()] = it.value();
    }
    return rules;
}

} // namespace

void HpaController::sync(ControllerContext &ctx)
{
    using namespace std::chrono_literals;
    const auto hpas = ctx.store.list(Kube::HorizontalPodAutoscalers);
    if (hpas.empty())
        return;
    // What the HPAs of one namespace share, built once per pass for the namespaces that have
    // an HPA due: its pods' usage by uid, and its pods by "label=value" so that a target's
    // selector is matched against the pods carrying its first label, not the whole namespace.
    struct Namespace
    {
        std::vector<ObjectPtr> pods;
        std::vector<PodUsage> usage;
        std::unordered_map<std::string, const PodUsage *> usageByUid;
        std::unordered_map<std::string, std::vector<ObjectPtr>> podsByLabel;
    };
    std::map<std::string, Namespace> namespaces;
    auto namespaceOf = [&](const std::string &ns) -> const Namespace & {
        auto [it, inserted] = namespaces.try_emplace(ns);
        Namespace &n = it->second;
        if (inserted) {
            n.pods = ctx.store.list(Kube::Pods, ns);
            n.usage = ctx.metrics.compute(n.pods);
            for (const PodUsage &u : n.usage)
                n.usageByUid[Kube::uid(*u.pod)] = &u;
            for (const ObjectPtr &p : n.pods) {
                const json labels = p->value(Kube::ptr("/metadata/labels"), json::object());
                for (auto l = labels.begin(); l != labels.end(); ++l) {
                    if (l.value().is_string())
                        n.podsByLabel[l.key() + '=' + l.value().get<std::string>()].push_back(p);
                }
            }
        }
        return n;
    };

    // A pass syncs the HPAs that are due for at most 50 ms of wall time; the others stay due
    // for the next passes. At 6,000 HPAs over 150,000 pods a pass over all of them would hold
    // the store for seconds (their namespaces' pods are parsed from the store's text), so API
    // requests would wait; the sync period stretches instead, as a busy controller's queue
    // does.
    const auto started = std::chrono::steady_clock::now();
    int synced = 0;
    for (const ObjectPtr &hPtr : hpas) {
        const json &hpa = *hPtr;
        const std::string uid = Kube::uid(hpa), ns = Kube::ns(hpa);
        State &st = m_state[uid];
        if (st.synced && ctx.now - st.lastSync < 15s)
            continue;
        // At least 20 per pass: a scenario's few HPAs all sync in one tick() under any load.
        if (synced >= 20 && std::chrono::steady_clock::now() - started >= 50ms)
            break;
        ++synced;
        st.synced = true;
        st.lastSync = ctx.now;

        json status = hpa.value("status", json::object());
        const json oldStatus = status;
        const std::string now = ctx.timestamp();
        status["observedGeneration"] = Kube::integer(hpa, Kube::ptr("/metadata/generation"), 1);
        auto writeStatus = [&]() {
            if (status != oldStatus) {
                json w = hpa;
                w["status"] = status;
                ctx.update(Kube::HorizontalPodAutoscalers, std::move(w));
            }
        };

        const std::string kind = Kube::str(hpa, Kube::ptr("/spec/scaleTargetRef/kind"));
        const std::string targetName = Kube::str(hpa, Kube::ptr("/spec/scaleTargetRef/name"));
        GroupResource gr;
        if (kind == "Deployment")
            gr = Kube::Deployments;
        else if (kind == "StatefulSet")
            gr = Kube::StatefulSets;
        else if (kind == "ReplicaSet")
            gr = Kube::ReplicaSets;
        ObjectPtr target = gr.resource.empty() ? nullptr : ctx.store.get(gr, ns, targetName);
        if (!target) {
            const std::string msg
                = "the HPA controller was unable to get the target's current scale: "
                  + (gr.resource.empty()
                         ? "no scale subresource for kind " + kind
                         : gr.resource + "." + gr.group + " \"" + targetName + "\" not found");
            if (Kube::setCondition(status,
                                   {{"type", "AbleToScale"},
                                    {"status", "False"},
                                    {"reason", "FailedGetScale"},
                                    {"message", msg}},
                                   now))
                ctx.events.warning(hpa, "FailedGetScale", msg, "horizontal-pod-autoscaler");
            writeStatus();
            continue;
        }
        const int current
            = static_cast<int>(Kube::integer(*target, Kube::ptr("/spec/replicas"), 1));
        const int minReplicas
            = static_cast<int>(Kube::integer(hpa, Kube::ptr("/spec/minReplicas"), 1));
        const int maxReplicas
            = static_cast<int>(Kube::integer(hpa, Kube::ptr("/spec/maxReplicas"), 1));
        const json selector = target->value(Kube::ptr("/spec/selector"), json::object());
        status["currentReplicas"] = current;

        int desired = current;
        std::string rescaleReason;
        std::string limitReason = "DesiredWithinRange",
                    limitMessage = "the desired count is within the acceptable range";
        bool metricsOk = true;
        std::string activeMessage;

        if (current == 0 && minReplicas != 0) {
            Kube::setCondition(
                status,
                {{"type", "ScalingActive"},
                 {"status", "False"},
                 {"reason", "ScalingDisabled"},
                 {"message", "scaling is disabled since the replica count of the target is zero"}},
                now);
            status["desiredReplicas"] = 0;
            writeStatus();
            continue;
        } else if (current > maxReplicas) {
            desired = maxReplicas;
            rescaleReason = "Current number of replicas above Spec.MaxReplicas";
        } else if (current < minReplicas) {
            desired = minReplicas;
            rescaleReason = "Current number of replicas below Spec.MinReplicas";
        } else {
            // Metrics of the target's pods.
            const Namespace &nsInfo = namespaceOf(ns);
            const auto &usage = nsInfo.usageByUid;
            const std::vector<ObjectPtr> *candidates = &nsInfo.pods;
            static const std::vector<ObjectPtr> none;
            const json matchLabels = selector.value("matchLabels", json::object());
            if (!matchLabels.empty() && matchLabels.begin().value().is_string()) {
                auto c = nsInfo.podsByLabel.find(matchLabels.begin().key() + '='
                                                 + matchLabels.begin().value().get<std::string>());
                candidates = c == nsInfo.podsByLabel.end() ? &none : &c->second;
            }
            std::vector<ObjectPtr> pods;
            for (const ObjectPtr &p : *candidates) {
                if (Kube::selectorMatches(selector,
                                          p->value(Kube::ptr("/metadata/labels"), json::object())))
                    pods.push_back(p);
            }
            json specMetrics = hpa.value(Kube::ptr("/spec/metrics"), json::array());
            if (specMetrics.empty())
                specMetrics = json::array(
                    {{{"type", "Resource"},
                      {"resource",
                       {{"name", "cpu"},
                        {"target", {{"type", "Utilization"}, {"averageUtilization", 80}}}}}}});
            json currentMetrics = json::array();
            int best = -1;
            std::string bestDescription, firstError;
            for (const json &m : specMetrics) {
                MetricResult r;
                const std::string type = m.value("type", "");
                const bool container = type == "ContainerResource";
                if (type != "Resource" && !container) {
                    r.error = "unable to get metric " + type
                              + ": no custom metrics API (custom.metrics.k8s.io) registered";
                    firstError = firstError.empty() ? r.error : firstError;
                    continue;
                }
                const json res
                    = m.value(container ? "containerResource" : "resource", json::object());
                const std::string resource = res.value("name", "cpu");
                const std::string containerName = res.value("container", "");
                const json metricTarget = res.value("target", json::object());
                const bool utilization = metricTarget.value("type", "Utilization") == "Utilization";
                const bool memory = resource == "memory";

                // groupPods
                std::map<std::string, double> metrics, requests;
                std::vector<std::string> unready, missing;
                int readyCount = 0;
                std::string requestError;
                for (const ObjectPtr &p : pods) {
                    const json &pod = *p;
                    const std::string podUid = Kube::uid(pod);
                    const std::string phase = Kube::str(pod, Kube::ptr("/status/phase"));
                    if (Kube::isTerminating(pod) || phase == "Failed" || phase == "Succeeded")
                        continue;
                    double req = 0;
                    for (const json &c : pod.value(Kube::ptr("/spec/containers"), json::array())) {
                        if (container && c.value("name", "") != containerName)
                            continue;
                        const std::int64_t q = Kube::containerRequest(c, resource.c_str(), memory);
                        if (q <= 0 && utilization && requestError.empty())
                            requestError = "failed to get " + resource
                                           + " utilization: missing request for " + resource
                                           + " in container " + c.value("name", "") + " of Pod "
                                           + Kube::name(pod);
                        req += static_cast<double>(q);
                    }
                    requests[podUid] = req;
                    if (phase == "Pending") {
                        unready.push_back(podUid);
                        continue;
                    }
                    auto u = usage.find(podUid);
                    if (u == usage.end()) {
                        missing.push_back(podUid);
                        continue;
                    }
                    if (!memory && !Kube::isPodReady(pod)) {
                        unready.push_back(podUid);
                        continue;
                    }
                    double value = 0;
                    for (const ContainerUsage &cu : u->second->containers) {
                        if (!container || cu.name == containerName)
                            value += memory ? static_cast<double>(cu.memoryBytes)
                                            : static_cast<double>(cu.cpuMilli);
                    }
                    metrics[podUid] = value;
                    ++readyCount;
                }
                if (utilization && !requestError.empty()) {
                    firstError = firstError.empty() ? requestError : firstError;
                    continue;
                }
                if (metrics.empty()) {
                    const std::string e = "failed to get " + resource
                                          + " utilization: unable to get metrics for resource "
                                          + resource
                                          + ": no metrics returned from resource metrics API";
                    firstError = firstError.empty() ? e : firstError;
                    continue;
                }
                const double targetValue
                    = utilization
                          ? static_cast<double>(metricTarget.value("averageUtilization", 80))
                          : static_cast<double>(
                              memory
                                  ? Quantity::bytes(metricTarget.value("averageValue", json("0")))
                                  : Quantity::milli(metricTarget.value("averageValue", json("0"))));
                auto ratioOf = [&](const std::map<std::string, double> &ms, long long *utilOut,
                                   double *avgOut) {
                    double total = 0, reqTotal = 0;
                    for (const auto &[podUid, v] : ms) {
                        total += v;
                        reqTotal += requests[podUid];
                    }
                    if (avgOut)
                        *avgOut = total / static_cast<double>(ms.size());
                    if (utilization) {
                        const long long util
                            = reqTotal > 0 ? static_cast<long long>(total * 100 / reqTotal) : 0;
                        if (utilOut)
                            *utilOut = util;
                        return static_cast<double>(util) / targetValue;
                    }
                    return targetValue > 0 ? (total / static_cast<double>(ms.size())) / targetValue
                                           : 0.0;
                };
                long long util = 0;
                double average = 0;
                const double ratio = ratioOf(metrics, &util, &average);
                int proposal = current;
                const bool scaleUpWithUnready = !unready.empty() && ratio > 1.0;
                if (!scaleUpWithUnready && missing.empty()) {
                    proposal = std::fabs(1.0 - ratio) <= kTolerance
                                   ? current
                                   : static_cast<int>(std::ceil(ratio * readyCount));
                } else {
                    std::map<std::string, double> adjusted = metrics;
                    for (const std::string &podUid : missing)
                        adjusted[podUid] = ratio < 1.0 ? requests[podUid] : 0.0;
                    if (scaleUpWithUnready) {
                        for (const std::string &podUid : unready)
                            adjusted[podUid] = 0.0;
                    }
                    const double newRatio = ratioOf(adjusted, nullptr, nullptr);
                    if (std::fabs(1.0 - newRatio) <= kTolerance || (ratio < 1.0 && newRatio > 1.0)
                        || (ratio > 1.0 && newRatio < 1.0)) {
                        proposal = current;
                    } else {
                        proposal = static_cast<int>(
                            std::ceil(newRatio * static_cast<double>(adjusted.size())));
                        if ((newRatio < 1.0 && proposal > current)
                            || (newRatio > 1.0 && proposal < current))
                            proposal = current;
                    }
                }
                json cur = json::object();
                if (utilization)
                    cur["averageUtilization"] = util;
                cur["averageValue"]
                    = memory ? Quantity::formatBytesKi(static_cast<std::int64_t>(average))
                             : Quantity::formatMilli(static_cast<std::int64_t>(average));
                json entry = {{"type", type}};
                json body = {{"name", resource}, {"current", cur}};
                if (container)
                    body["container"] = containerName;
                entry[container ? "containerResource" : "resource"] = body;
                currentMetrics.push_back(entry);
                const std::string description
                    = resource + (container ? " container resource" : " resource")
                      + (utilization ? " utilization (percentage of request)" : "");
                if (proposal > best) {
                    best = proposal;
                    bestDescription = description;
                }
            }
            status["currentMetrics"] = currentMetrics;
            if (best < 0) {
                metricsOk = false;
                if (Kube::setCondition(
                        status,
                        {{"type", "ScalingActive"},
                         {"status", "False"},
                         {"reason", "FailedGetResourceMetric"},
                         {"message",
                          "the HPA was unable to compute the replica count: " + firstError}},
                        now))
                    ctx.events.warning(hpa, "FailedGetResourceMetric", firstError,
                                       "horizontal-pod-autoscaler");
                status.erase("currentMetrics");
            } else {
                desired = best;
                activeMessage = "the HPA was able to successfully calculate a replica count from "
                                + bestDescription;
                rescaleReason = desired > current ? bestDescription + " above target"
                                                  : "All metrics below target";
            }
        }

        if (metricsOk) {
            if (!activeMessage.empty())
                Kube::setCondition(status,
                                   {{"type", "ScalingActive"},
                                    {"status", "True"},
                                    {"reason", "ValidMetricFound"},
                                    {"message", activeMessage}},
                                   now);
            const json upRules = rulesFor(hpa, true), downRules = rulesFor(hpa, false);
            const int upWindow = upRules.value("stabilizationWindowSeconds", 0);
            const int downWindow = downRules.value("stabilizationWindowSeconds", 300);
            if (activeMessage.empty()) {
                // Outside [min, max]: straight to the bound (no behaviour applies).
                limitReason = desired > current ? "TooFewReplicas" : "TooManyReplicas";
                limitMessage
                    = desired > current
                          ? "the desired replica count is less than the minimum replica count"
                          : "the desired replica count is more than the maximum replica count";
            } else {
                // Stabilization (maybeInitScaleDownStabilizationWindow first).
                if (st.recommendations.empty() && downWindow > 0)
                    st.recommendations.push_back({ctx.now, current});
                const int prenormalized = desired;
                int up = prenormalized, down = prenormalized;
                for (const Recommendation &r : st.recommendations) {
                    if (r.time > ctx.now - std::chrono::seconds(upWindow))
                        up = std::min(up, r.replicas);
                    if (r.time > ctx.now - std::chrono::seconds(downWindow))
                        down = std::max(down, r.replicas);
                }
                int stabilized = current;
                if (stabilized < up)
                    stabilized = up;
                if (stabilized > down)
                    stabilized = down;
                st.recommendations.push_back({ctx.now, prenormalized});
                const auto horizon = std::chrono::seconds(std::max(upWindow, downWindow));
                while (!st.recommendations.empty()
                       && st.recommendations.front().time <= ctx.now - horizon - 1s)
                    st.recommendations.pop_front();

                // Rate limits.
                auto periodChange = [&](const std::vector<ScaleEvent> &events, int period) {
                    int sum = 0;
                    for (const ScaleEvent &e : events) {
                        if (e.time > ctx.now - std::chrono::seconds(period))
                            sum += e.change;
                    }
                    return sum;
                };
                desired = stabilized;
                if (desired > current) {
                    const std::string select = upRules.value("selectPolicy", "Max");
                    long long limit = select == "Min" ? LLONG_MAX : LLONG_MIN;
                    if (select == "Disabled")
                        limit = current;
                    else {
                        for (const json &p : upRules.value("policies", json::array())) {
                            const int start
                                = current - periodChange(st.scaleUps, p.value("periodSeconds", 15));
                            const int value = p.value("value", 0);
                            const long long proposed = p.value("type", "") == "Pods"
                                                           ? start + value
                                                           : static_cast<long long>(std::ceil(
                                                               start * (1.0 + value / 100.0)));
                            limit = select == "Min" ? std::min(limit, proposed)
                                                    : std::max(limit, proposed);
                        }
                    }
                    long long maximumAllowed = maxReplicas;
                    if (maximumAllowed > limit) {
                        maximumAllowed = limit;
                        limitReason = "ScaleUpLimit";
                        limitMessage = "the desired replica count is increasing faster than the "
                                       "maximum scale rate";
                    } else {
                        limitReason = "TooManyReplicas";
                        limitMessage
                            = "the desired replica count is more than the maximum replica count";
                    }
                    if (desired > maximumAllowed)
                        desired = static_cast<int>(maximumAllowed);
                    else {
                        limitReason = "DesiredWithinRange";
                        limitMessage = "the desired count is within the acceptable range";
                    }
                } else if (desired < current) {
                    const std::string select = downRules.value("selectPolicy", "Max");
                    long long limit = select == "Min" ? LLONG_MIN : LLONG_MAX;
                    if (select == "Disabled")
                        limit = current;
                    else {
                        for (const json &p : downRules.value("policies", json::array())) {
                            const int start
                                = current
                                  + periodChange(st.scaleDowns, p.value("periodSeconds", 15));
                            const int value = p.value("value", 0);
                            const long long proposed
                                = p.value("type", "") == "Pods"
                                      ? start - value
                                      : static_cast<long long>(start * (1.0 - value / 100.0));
                            limit = select == "Min" ? std::max(limit, proposed)
                                                    : std::min(limit, proposed);
                        }
                    }
                    long long minimumAllowed = minReplicas;
                    if (minimumAllowed < limit) {
                        minimumAllowed = limit;
                        limitReason = "ScaleDownLimit";
                        limitMessage = "the desired replica count is decreasing faster than the "
                                       "maximum scale rate";
                    } else {
                        limitReason = "TooFewReplicas";
                        limitMessage
                            = "the desired replica count is less than the minimum replica count";
                    }
                    if (desired < minimumAllowed)
                        desired = static_cast<int>(minimumAllowed);
                    else {
                        limitReason = "DesiredWithinRange";
                        limitMessage = "the desired count is within the acceptable range";
                    }
                }
                // The clamp also applies when nothing changed (an unreachable proposal).
                if (desired > maxReplicas)
                    desired = maxReplicas;
                if (desired < minReplicas)
                    desired = minReplicas;
                if (prenormalized > maxReplicas && desired == maxReplicas) {
                    limitReason = "TooManyReplicas";
                    limitMessage
                        = "the desired replica count is more than the maximum replica count";
                } else if (prenormalized < minReplicas && desired == minReplicas) {
                    limitReason = "TooFewReplicas";
                    limitMessage
                        = "the desired replica count is less than the minimum replica count";
                }
            }
            Kube::setCondition(status,
                               {{"type", "ScalingLimited"},
                                {"status", limitReason == "DesiredWithinRange" ? "False" : "True"},
                                {"reason", limitReason},
                                {"message", limitMessage}},
                               now);
        }

        if (desired != current && metricsOk) {
            json t = *target;
            t["spec"]["replicas"] = desired;
            if (ctx.update(gr, std::move(t))) {
                ctx.events.normal(hpa, "SuccessfulRescale",
                                  "New size: " + std::to_string(desired)
                                      + "; reason: " + rescaleReason,
                                  "horizontal-pod-autoscaler");
                status["lastScaleTime"] = now;
                (desired > current ? st.scaleUps : st.scaleDowns)
                    .push_back({ctx.now, std::abs(desired - current)});
                Kube::setCondition(
                    status,
                    {{"type", "AbleToScale"},
                     {"status", "True"},
                     {"reason", "SucceededRescale"},
                     {"message", "the HPA controller was able to update the target scale to "
                                     + std::to_string(desired)}},
                    now);
            } else {
                Kube::setCondition(
                    status,
                    {{"type", "AbleToScale"},
                     {"status", "False"},
                     {"reason", "FailedUpdateScale"},
                     {"message", "the HPA controller was unable to update the target scale"}},
                    now);
            }
        } else {
            Kube::setCondition(status,
                               {{"type", "AbleToScale"},
                                {"status", "True"},
                                {"reason", "ReadyForNewScale"},
                                {"message", "recommended size matches current size"}},
                               now);
        }
        // Keep only the scale events any policy can still see.
        for (auto *events : {&st.scaleUps, &st.scaleDowns}) {
            std::erase_if(*events, [&](const ScaleEvent &e) { return e.time < ctx.now - 30min; });
        }
        status["desiredReplicas"] = metricsOk ? desired : current;
        writeStatus();
    }
}

} // namespace Orrery::Sim
