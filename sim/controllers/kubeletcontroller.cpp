// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeletcontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace Orrery::Sim {

namespace {

using namespace std::chrono_literals;

std::string imageTag(const std::string &image)
{
    const auto slash = image.rfind('/');
    const auto colon = image.rfind(':');
    if (colon == std::string::npos || (slash != std::string::npos && colon < slash))
        return {};
    std::string tag = image.substr(colon + 1);
    const auto at = tag.find('@');
    return at == std::string::npos ? tag : tag.substr(0, at);
}

SimClock::Duration secs(double s)
{
    return std::chrono::duration_cast<SimClock::Duration>(std::chrono::duration<double>(s));
}

std::string containerId(const std::string &podUid, const std::string &name, int restarts)
{
    const std::string hash = Kube::templateHash(json(podUid + name + std::to_string(restarts)));
    std::string id = "containerd://";
    while (id.size() < 13 + 64)
        id += hash;
    return id.substr(0, 13 + 64);
}

int containerPort(const json &container)
{
    for (const json &p : container.value("ports", json::array())) {
        if (p.contains("containerPort") && p["containerPort"].is_number_integer())
            return p["containerPort"].get<int>();
    }
    return 8080;
}

std::string qosClass(const json &pod)
{
    bool any = false, guaranteed = true;
    static const json::json_pointer p("/spec/containers");
    if (pod.contains(p)) {
        for (const json &c : pod.at(p)) {
            const json req = c.value(Kube::ptr("/resources/requests"), json::object());
            const json lim = c.value(Kube::ptr("/resources/limits"), json::object());
            any |= !req.empty() || !lim.empty();
            for (const char *r : {"cpu", "memory"}) {
                if (!lim.contains(r) || (req.contains(r) && req[r] != lim[r]))
                    guaranteed = false;
            }
        }
    }
    if (!any)
        return "BestEffort";
    return guaranteed ? "Guaranteed" : "Burstable";
}

} // namespace

void KubeletController::initPod(ControllerContext &ctx, const json &pod, PodRt &rt,
                                bool adoptRunning)
{
    rt.startTime = ctx.now;
    static const json::json_pointer containersPtr("/spec/containers");
    const json containers = pod.contains(containersPtr) ? pod.at(containersPtr) : json::array();
    const json statuses = pod.value(Kube::ptr("/status/containerStatuses"), json::array());
    rt.podIp = Kube::str(pod, Kube::ptr("/status/podIP"));
    for (const json &c : containers) {
        ContainerRt cr;
        cr.name = c.value("name", "");
        cr.image = c.value("image", "");
        const std::string tag = imageTag(cr.image);
        cr.broken = tag.find("broken") != std::string::npos;
        cr.pendingImage = tag.find("pending") != std::string::npos;
        if (adoptRunning) {
            // Created directly as Running (synthetic clusters) or found after a restart of
            // the controllers: take the status as the truth.
            cr.state = State::Running;
            cr.started = cr.pulled = true;
            cr.startedAt = ctx.now;
            cr.ready = true;
            for (const json &s : statuses) {
                if (s.value("name", "") == cr.name) {
                    cr.ready = s.value("ready", false);
                    cr.restarts = s.value("restartCount", 0);
                }
            }
            cr.readyAt = ctx.now;
            cr.next = SimClock::TimePoint::max();
        } else {
            cr.state = State::Pulling;
            cr.next = ctx.now + secs(1.0 + std::uniform_real_distribution<double>(0, 2)(ctx.rng));
            ctx.events.record(pod, "Normal", "Pulling", "Pulling image \"" + cr.image + "\"",
                              "kubelet", Kube::str(pod, Kube::ptr("/spec/nodeName")));
        }
        rt.containers.push_back(std::move(cr));
    }
}

void KubeletController::startContainer(ControllerContext &ctx, const json &pod, PodRt &rt,
                                       ContainerRt &c, bool restart)
{
    const std::string node = Kube::str(pod, Kube::ptr("/spec/nodeName"));
    if (rt.podIp.empty())
        rt.podIp = ctx.allocatePodIp(node);
    if (restart)
        ctx.events.record(pod, "Normal", "Pulled",
                          "Container image \"" + c.image + "\" already present on machine",
                          "kubelet", node);
    ctx.events.record(pod, "Normal", "Created", "Created container " + c.name, "kubelet", node);
    ctx.events.record(pod, "Normal", "Started", "Started container " + c.name, "kubelet", node);
    c.state = State::Running;
    c.started = true;
    c.startedAt = ctx.now;
    c.ready = false;
    c.waitingReason.clear();

    json container;
    for (const json &sc : pod.value(Kube::ptr("/spec/containers"), json::array())) {
        if (sc.value("name", "") == c.name)
            container = sc;
    }
    double readyDelay = 2.0 + std::uniform_real_distribution<double>(0, 3)(ctx.rng);
    if (container.contains("readinessProbe"))
        readyDelay = container["readinessProbe"].value("initialDelaySeconds", 0) + 1.0;
    c.readyAt = ctx.now + secs(readyDelay);

    const std::string policy = pod.value(Kube::ptr("/spec/restartPolicy"), std::string("Always"));
    if (c.broken)
        c.next = ctx.now + secs(std::min(1.5, readyDelay / 2)); // dies before it is ever ready
    else if (policy != "Always") {
        double run = 5.0;
        const std::string s
            = Kube::str(pod, Kube::ptr("/metadata/annotations/orrery.io~1run-seconds"));
        if (!s.empty())
            run = std::atof(s.c_str());
        c.next = ctx.now + secs(run);
    } else
        c.next = SimClock::TimePoint::max();

    LogGenerator::Context lc{Kube::name(pod), c.name, c.image, rt.podIp, containerPort(container)};
    ctx.logs.start(PodLogs::key(Kube::ns(pod), Kube::name(pod), c.name),
                   LogGenerator::kindForImage(c.image), lc);
}

bool KubeletController::step(ControllerContext &ctx, const json &pod, PodRt &rt)
{
    bool changed = false;
    const std::string node = Kube::str(pod, Kube::ptr("/spec/nodeName"));
    const std::string ns = Kube::ns(pod), podName = Kube::name(pod);
    const std::string policy = pod.value(Kube::ptr("/spec/restartPolicy"), std::string("Always"));
    for (ContainerRt &c : rt.containers) {
        // Several transitions may be due after a big clock step; bound the loop.
        for (int guard = 0; guard < 8 && ctx.now >= c.next; ++guard) {
            changed = true;
            switch (c.state) {
            case State::Pulling:
                if (c.pendingImage) {
                    ++c.pullFailures;
                    c.state = State::PullBackOff;
                    c.waitingReason = "ErrImagePull";
                    ctx.events.record(pod, "Warning", "Failed",
                                      "Failed to pull image \"" + c.image
                                          + "\": rpc error: code = NotFound desc = failed to pull "
                                            "and unpack image \""
                                          + c.image + "\": failed to resolve reference \"" + c.image
                                          + "\": " + c.image + ": not found",
                                      "kubelet", node);
                    ctx.events.record(pod, "Warning", "Failed", "Error: ErrImagePull", "kubelet",
                                      node);
                    c.next = ctx.now + 2s;
                } else {
                    const double took = ctx.seconds(ctx.now - (c.next - 1s)) + 1.0;
                    char msg[64];
                    std::snprintf(msg, sizeof msg, "%.3fs", took);
                    ctx.events.record(pod, "Normal", "Pulled",
                                      "Successfully pulled image \"" + c.image + "\" in " + msg
                                          + " (" + msg + " including waiting)",
                                      "kubelet", node);
                    c.pulled = true;
                    startContainer(ctx, pod, rt, c, false);
                }
                break;
            case State::PullBackOff:
                if (c.waitingReason == "ErrImagePull") {
                    c.waitingReason = "ImagePullBackOff";
                    ctx.events.record(pod, "Normal", "BackOff",
                                      "Back-off pulling image \"" + c.image + "\"", "kubelet",
                                      node);
                    ctx.events.record(pod, "Warning", "Failed", "Error: ImagePullBackOff",
                                      "kubelet", node);
                    const int shift = std::min(c.pullFailures - 1, 5);
                    c.next
                        = ctx.now
                          + std::min<SimClock::Duration>(std::chrono::seconds(10 << shift), 300s);
                } else {
                    c.state = State::Pulling;
                    c.next = ctx.now + 1s;
                    ctx.events.record(pod, "Normal", "Pulling", "Pulling image \"" + c.image + "\"",
                                      "kubelet", node);
                }
                break;
            case State::Running: {
                const std::string key = PodLogs::key(ns, podName, c.name);
                const bool failed = c.broken;
                c.exitCode = failed ? 1 : 0;
                c.terminated = {{"exitCode", c.exitCode},
                                {"reason", failed ? "Error" : "Completed"},
                                {"startedAt", ctx.clock.timestamp(c.startedAt)},
                                {"finishedAt", ctx.timestamp()},
                                {"containerID", containerId(Kube::uid(pod), c.name, c.restarts)}};
                ctx.logs.append(
                    key, failed
                             ? LogGenerator::crash(LogGenerator::kindForImage(c.image),
                                                   {podName, c.name, c.image, rt.podIp, 8080},
                                                   ctx.clock.wallTime(ctx.now))
                             : LogGenerator::completion({podName, c.name, c.image, rt.podIp, 8080},
                                                        ctx.clock.wallTime(ctx.now)));
                ctx.logs.stop(key);
                c.ready = false;
                if (failed
                    && pod.value(Kube::ptr("/spec/containers/0"), json::object())
                           .contains("readinessProbe"))
                    ctx.events.record(pod, "Warning", "Unhealthy",
                                      "Readiness probe failed: Get \"http://" + rt.podIp
                                          + ":8080/health\": dial tcp " + rt.podIp
                                          + ":8080: connect: connection refused",
                                      "kubelet", node);
                const bool restart = policy == "Always" || (policy == "OnFailure" && failed);
                if (!restart) {
                    c.state = State::Terminated;
                    c.next = SimClock::TimePoint::max();
                    break;
                }
                ++c.restarts;
                c.lastState = {{"terminated", c.terminated}};
                c.state = State::CrashBackOff;
                c.waitingReason = failed ? "CrashLoopBackOff" : "Completed";
                const int shift = std::min(c.restarts - 1, 5);
                c.next = ctx.now
                         + std::min<SimClock::Duration>(std::chrono::seconds(10 << shift), 300s);
                ctx.events.record(pod, "Warning", "BackOff",
                                  "Back-off restarting failed container " + c.name + " in pod "
                                      + podName + "_" + ns + "(" + Kube::uid(pod) + ")",
                                  "kubelet", node);
                break;
            }
            case State::CrashBackOff: startContainer(ctx, pod, rt, c, true); break;
            case State::Terminated: c.next = SimClock::TimePoint::max(); break;
            }
        }
        if (c.state == State::Running && !c.ready && !c.broken && ctx.now >= c.readyAt) {
            c.ready = true;
            changed = true;
        }
        // The Error → CrashLoopBackOff display switch is time based.
        if (c.state == State::CrashBackOff)
            changed = true;
    }
    return changed;
}

json KubeletController::renderStatus(ControllerContext &ctx, const json &pod, const PodRt &rt,
                                     bool nodeReady) const
{
    json status = pod.value("status", json::object());
    const std::string policy = pod.value(Kube::ptr("/spec/restartPolicy"), std::string("Always"));
    bool allReady = !rt.containers.empty(), anyStarted = false,
         allTerminated = !rt.containers.empty(), anyFailed = false;
    json statuses = json::array();
    for (const ContainerRt &c : rt.containers) {
        json state;
        if (c.state == State::Running)
            state = {{"running", {{"startedAt", ctx.clock.timestamp(c.startedAt)}}}};
        else if (c.state == State::Terminated)
            state = {{"terminated", c.terminated}};
        else if (c.state == State::CrashBackOff) {
            // Shown as Error for a moment after the crash, then as CrashLoopBackOff.
            if (ctx.now - c.startedAt < 3s && c.terminated.is_object())
                state = {{"terminated", c.terminated}};
            else
                state = {{"waiting",
                          {{"reason", c.waitingReason},
                           {"message", "back-off "
                                           + std::to_string(10 << std::min(c.restarts - 1, 5) > 300
                                                                ? 300
                                                                : 10 << std::min(c.restarts - 1, 5))
                                           + "s restarting failed container=" + c.name
                                           + " pod=" + Kube::name(pod) + "_" + Kube::ns(pod) + "("
                                           + Kube::uid(pod) + ")"}}}};
        } else if (c.state == State::PullBackOff)
            state = {{"waiting",
                      {{"reason", c.waitingReason},
                       {"message",
                        c.waitingReason == "ErrImagePull"
                            ? "rpc error: code = NotFound desc = failed to pull and unpack image \""
                                  + c.image + "\""
                            : "Back-off pulling image \"" + c.image + "\""}}}};
        else
            state = {{"waiting", {{"reason", "ContainerCreating"}}}};
        json cs = {{"name", c.name},
                   {"state", state},
                   {"lastState", c.lastState},
                   {"ready", c.ready},
                   {"restartCount", c.restarts},
                   {"image", c.image},
                   {"imageID", c.pulled ? "docker.io/library/" + c.name
                                              + "@sha256:" + Kube::templateHash(json(c.image))
                                        : ""},
                   {"started", c.state == State::Running}};
        if (c.started)
            cs["containerID"] = containerId(Kube::uid(pod), c.name, c.restarts);
        statuses.push_back(cs);
        allReady &= c.ready;
        anyStarted |= c.started;
        allTerminated &= c.state == State::Terminated;
        anyFailed |= c.state == State::Terminated && c.exitCode != 0;
    }
    std::string phase = anyStarted ? "Running" : "Pending";
    if (allTerminated && policy != "Always")
        phase = anyFailed ? "Failed" : "Succeeded";
    status["phase"] = phase;
    const std::string now = ctx.timestamp();
    const std::string node = Kube::str(pod, Kube::ptr("/spec/nodeName"));
    const bool terminal = phase == "Succeeded" || phase == "Failed";
    Kube::setCondition(
        status, {{"type", "Initialized"}, {"status", "True"}, {"lastProbeTime", nullptr}}, now);
    json ready = {{"type", "Ready"},
                  {"status", allReady && nodeReady ? "True" : "False"},
                  {"lastProbeTime", nullptr}};
    json containersReady = {{"type", "ContainersReady"},
                            {"status", allReady ? "True" : "False"},
                            {"lastProbeTime", nullptr}};
    if (terminal) {
        ready["reason"] = containersReady["reason"] = "PodCompleted";
    } else if (!allReady) {
        std::string names;
        for (const ContainerRt &c : rt.containers) {
            if (!c.ready)
                names += (names.empty() ? "" : " ") + c.name;
        }
        ready["reason"] = containersReady["reason"] = "ContainersNotReady";
        ready["message"] = containersReady["message"]
            = "containers with unready status: [" + names + "]";
    } else if (!nodeReady) {
        ready["reason"] = "NodeNotReady";
    }
    Kube::setCondition(status, ready, now);
    Kube::setCondition(status, containersReady, now);
    Kube::setCondition(
        status, {{"type", "PodScheduled"}, {"status", "True"}, {"lastProbeTime", nullptr}}, now);
    status["containerStatuses"] = statuses;
    status["qosClass"] = qosClass(pod);
    if (!status.contains("startTime"))
        status["startTime"] = ctx.clock.timestamp(rt.startTime);
    if (!node.empty()) {
        // The node's InternalIP, read by the caller into the annotation-free status.
        status["hostIP"] = status.value("hostIP", std::string());
    }
    if (!rt.podIp.empty()) {
        status["podIP"] = rt.podIp;
        status["podIPs"] = json::array({{{"ip", rt.podIp}}});
    }
    return status;
}

void KubeletController::sync(ControllerContext &ctx)
{
    std::unordered_map<std::string, std::pair<bool, std::string>> nodes; // name -> (ready, ip)
    for (const ObjectPtr &n : ctx.store.list(Kube::Nodes)) {
        std::string ip;
        for (const json &a : n->value(Kube::ptr("/status/addresses"), json::array())) {
            if (a.value("type", "") == "InternalIP")
                ip = a.value("address", "");
        }
        nodes[Kube::name(*n)] = {Kube::hasCondition(*n, "Ready", "True"), ip};
    }

    ++m_pass;
    for (const ObjectPtr &p : ctx.store.list(Kube::Pods)) {
        const json &pod = *p;
        const std::string uid = Kube::uid(pod);
        const std::string node = Kube::str(pod, Kube::ptr("/spec/nodeName"));
        if (Kube::isTerminating(pod)) {
            auto it = m_pods.find(uid);
            if (node.empty() || it == m_pods.end() || !nodes.count(node)) {
                ctx.remove(Kube::Pods, Kube::ns(pod), Kube::name(pod));
                ctx.logs.forgetPod(Kube::ns(pod), Kube::name(pod));
                m_pods.erase(uid);
                continue;
            }
            PodRt &rt = it->second;
            rt.seen = m_pass;
            if (!rt.killing) {
                rt.killing = true;
                for (const ContainerRt &c : rt.containers) {
                    if (c.state == State::Running)
                        ctx.events.record(pod, "Normal", "Killing", "Stopping container " + c.name,
                                          "kubelet", node);
                }
                const double grace = static_cast<double>(
                    Kube::integer(pod, Kube::ptr("/metadata/deletionGracePeriodSeconds"), 30));
                rt.removeAt = ctx.now + secs(std::min(grace, 2.0));
            }
            if (ctx.now >= rt.removeAt) {
                ctx.remove(Kube::Pods, Kube::ns(pod), Kube::name(pod));
                ctx.logs.forgetPod(Kube::ns(pod), Kube::name(pod));
                m_pods.erase(it);
            }
            continue;
        }
        if (node.empty() || !nodes.count(node))
            continue;
        auto [it, inserted] = m_pods.try_emplace(uid);
        PodRt &rt = it->second;
        rt.seen = m_pass;
        const std::string phase = Kube::str(pod, Kube::ptr("/status/phase"));
        if (inserted) {
            const bool adopt = phase == "Running" || phase == "Succeeded" || phase == "Failed";
            initPod(ctx, pod, rt, adopt);
            rt.rendered = adopt;
            if (phase == "Succeeded" || phase == "Failed") {
                for (ContainerRt &c : rt.containers)
                    c.state = State::Terminated;
                continue; // finished pods stay as they are
            }
        }
        if (phase == "Succeeded" || phase == "Failed")
            continue;
        const bool nodeReady = nodes[node].first;
        const bool changed = step(ctx, pod, rt);
        if (rt.rendered && !changed && nodeReady == rt.lastNodeReady)
            continue;
        rt.rendered = true;
        rt.lastNodeReady = nodeReady;
        json status = renderStatus(ctx, pod, rt, nodeReady);
        status["hostIP"] = nodes[node].second;
        status["hostIPs"] = json::array({{{"ip", nodes[node].second}}});
        if (status != pod.value("status", json::object())) {
            json updated = pod;
            updated["status"] = std::move(status);
            ctx.update(Kube::Pods, std::move(updated));
        }
    }
    for (auto it = m_pods.begin(); it != m_pods.end();) {
        // Pods not bound to a node are not tracked either; killed ones were erased above.
        if (it->second.seen != m_pass)
            it = m_pods.erase(it);
        else
            ++it;
    }
}

} // namespace Orrery::Sim
