// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"
#include "objectstore.h"
#include "simclock.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace Orrery::Sim {

// The kubelets of all nodes: drives each bound pod through Pending (ContainerCreating, image
// pull) → Running → Ready, and the failure modes the demo needs: an image tag containing
// "broken" starts, fails (exit code 1) and restarts with CrashLoopBackOff and a doubling
// back-off (10 s … 300 s); "pending" never pulls (ErrImagePull / ImagePullBackOff). Job pods
// (restartPolicy Never/OnFailure) run for a simulated duration (annotation
// orrery.io/run-seconds, default 5 s) and complete. Pods on a NotReady node lose readiness.
// Pods with a deletionTimestamp are killed and removed after min(grace, 2 s).
//
// Invariant: per-container runtime state lives here keyed by pod uid; the pod status written
// to the store is always derived from it, and only written when it changed.
class KubeletController : public Controller
{
public:
    const char *name() const override { return "kubelet"; }
    void sync(ControllerContext &ctx) override;

private:
    enum class State { Pulling, PullBackOff, Running, CrashBackOff, Terminated };
    struct ContainerRt
    {
        std::string name;
        std::string image;
        State state = State::Pulling;
        SimClock::TimePoint next; // next transition (pull done, retry, crash, completion)
        SimClock::TimePoint startedAt;
        SimClock::TimePoint readyAt;
        bool ready = false;
        bool broken = false;
        bool pendingImage = false;
        bool started = false; // has run at least once
        bool pulled = false;
        int restarts = 0;
        int pullFailures = 0;
        int exitCode = 0;
        std::string waitingReason;
        json lastState = json::object();
        json terminated; // state.terminated when Terminated
    };
    struct PodRt
    {
        std::vector<ContainerRt> containers;
        SimClock::TimePoint startTime;
        std::string podIp;
        bool killing = false;
        SimClock::TimePoint removeAt;
        bool rendered = false; // status written at least once (adopted pods: already right)
        bool lastNodeReady = true;
        unsigned long seen = 0; // pass number that last saw the pod
    };

    void initPod(ControllerContext &ctx, const json &pod, PodRt &rt, bool adoptRunning);
    bool step(ControllerContext &ctx, const json &pod, PodRt &rt);
    void startContainer(ControllerContext &ctx, const json &pod, PodRt &rt, ContainerRt &c,
                        bool restart);
    json renderStatus(ControllerContext &ctx, const json &pod, const PodRt &rt,
                      bool nodeReady) const;

    std::unordered_map<std::string, PodRt> m_pods;
    unsigned long m_pass = 0;
};

} // namespace Orrery::Sim
