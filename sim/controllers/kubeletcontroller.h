// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"
#include "objectstore.h"
#include "simclock.h"

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace Orrery::Sim {

// The kubelets of all nodes: drives each bound pod through Pending (ContainerCreating, image
// pull) → Running → Ready, with the kubelet's failure modes:
// - images are pulled from the cluster's Registries (sim/registry): a reference that does not
//   parse gives InvalidImageName; a missing host, repository or tag, or a private registry
//   without credentials (imagePullSecrets of the pod or its ServiceAccount, type
//   kubernetes.io/dockerconfigjson naming the registry) gives ErrImagePull, then
//   ImagePullBackOff with the image back-off doubling from 10 s to 300 s, with containerd's
//   error text in the Failed events and the waiting message;
// - with imagePullPolicy IfNotPresent an image a node already pulled is reused ("already
//   present on machine"), as on a real node;
// - a container whose image the registry marks as crashing (or whose command is `false`,
//   `sh -c "exit N"`) exits at start and restarts with CrashLoopBackOff and a doubling
//   back-off (10 s … 300 s).
// Job pods (restartPolicy Never/OnFailure) run for a simulated duration (annotation
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
        SimClock::TimePoint pullStarted;
        bool ready = false;
        int exitsWith = -1;     // the process exits at start with this code; -1: keeps running
        int commandExit = -1;   // the same, decided by the container's command
        bool fromCache = false; // IfNotPresent and the node has the image
        bool started = false;   // has run at least once
        bool pulled = false;
        std::string imageId; // domain/repository@sha256:... once pulled
        int restarts = 0;
        int pullFailures = 0;
        int exitCode = 0;
        std::string waitingReason;
        std::string waitingMessage;
        std::string lastPullError; // containerd's error of the last failed pull
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
        // The ServiceAccount's imagePullSecrets as the pod was first seen (what the
        // ServiceAccount admission plugin copies into pods created without their own).
        json accountPullSecrets = json::array();
        bool rendered = false; // status written at least once (adopted pods: already right)
        bool lastNodeReady = true;
        unsigned long seen = 0; // the sweep during which the pod was last visited
        std::string ns, name, node;
        SimClock::TimePoint wakeAt = SimClock::TimePoint::max(); // next visit due (m_wake)
    };
    struct NodeRt
    {
        bool ready = false;
        std::string ip;
    };

    struct CachedImage
    {
        std::string imageId;
        int exitCode = -1;
    };

    void initPod(ControllerContext &ctx, const json &pod, PodRt &rt, bool adoptRunning);
    bool step(ControllerContext &ctx, const json &pod, PodRt &rt);
    void startContainer(ControllerContext &ctx, const json &pod, PodRt &rt, ContainerRt &c,
                        bool restart);
    json renderStatus(ControllerContext &ctx, const json &pod, const PodRt &rt,
                      bool nodeReady) const;
    void pull(ControllerContext &ctx, const json &pod, PodRt &rt, ContainerRt &c);
    // Registry keys of the pod's pull secrets (its own and its ServiceAccount's); records
    // FailedToRetrieveImagePullSecret for the ones that do not exist.
    std::vector<std::string> pullCredentials(ControllerContext &ctx, const json &pod,
                                             const PodRt &rt);

    void refreshNodes(ControllerContext &ctx);
    void visit(ControllerContext &ctx, const ObjectPtr &pod);
    void startSweep();
    void continueSweep(ControllerContext &ctx);
    void schedule(const std::string &uid, PodRt &rt, SimClock::TimePoint at);
    void forget(const std::string &uid);
    SimClock::TimePoint nextWake(ControllerContext &ctx, const PodRt &rt) const;

    std::unordered_map<std::string, PodRt> m_pods;                // by uid
    std::set<std::pair<SimClock::TimePoint, std::string>> m_wake; // (due, uid)
    std::unordered_map<std::string, NodeRt> m_nodes;
    bool m_nodesKnown = false;
    std::uint64_t m_nodesChange = 0;
    bool m_started = false;
    std::uint64_t m_seenRv = 0; // pod events up to here were visited
    bool m_sweeping = false;
    std::pair<std::string, std::string> m_sweepCursor; // last (namespace, name) swept
    unsigned long m_sweep = 0;
    // node → normalised image reference → what the node pulled
    std::unordered_map<std::string, std::unordered_map<std::string, CachedImage>> m_nodeImages;
};

} // namespace Orrery::Sim
