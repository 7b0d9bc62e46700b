// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectstore.h"
#include "simclock.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Orrery::Sim {

class ControllerContext;
class Controller;
class Registries;
struct LoadProfile;

// Runs the simulated cluster's behaviour over an ObjectStore: the kube-controller-manager
// controllers (deployment, replicaset, statefulset, daemonset, job, cronjob, endpoints,
// PV binding, HPA, garbage collection), the scheduler and the kubelets (pod lifecycle,
// container failures, logs, metrics), all in sim time.
//
// Invariants: controllers only ever act inside tick(); tick() holds the store lock for one
// pass so each pass sees and writes a consistent cluster; state that real clusters keep in
// memory (back-off timers, HPA recommendations, log buffers) lives in the context, keyed by
// object uid. start() runs tick() on a background thread every 100 ms of wall time and
// promptly after any store change made by someone else (the API server).
class ControllerManager
{
public:
    ControllerManager(ObjectStore &store, SimClock &clock);
    ~ControllerManager();

    ControllerManager(const ControllerManager &) = delete;
    ControllerManager &operator=(const ControllerManager &) = delete;

    void start();
    void stop();
    // One synchronous reconciliation pass over every controller (tests drive this with a
    // manual clock).
    void tick();

    // Advances a manual clock by `total` in steps of `step`, ticking after each step. For tests.
    void runFor(SimClock::Duration total, SimClock::Duration step = std::chrono::seconds(1));

    // Lines of the current (or, with previous, the last terminated) instance of a container;
    // container empty means the pod's first container. tailLines < 0: all kept lines.
    // Throws ApiError 404 when the pod does not exist, 400 when the container is unknown or
    // previous is asked of a container that never terminated.
    std::vector<std::string> podLog(const std::string &ns, const std::string &pod,
                                    const std::string &container, bool previous, int tailLines);
    // Streams lines produced from now on (call podLog first for the backlog). The sink is
    // called from the controller thread (or tick()), without the store lock; returning false
    // ends the follow. Returns an id for unfollowPodLog. Throws like podLog.
    // onEnd is called (from flush, after the last line) when the followed container instance
    // terminates, as the kubelet ends a follow; a restart needs a new follow.
    int followPodLog(const std::string &ns, const std::string &pod, const std::string &container,
                     std::function<bool(const std::string &)> sink,
                     std::function<void()> onEnd = {});
    void unfollowPodLog(int id);

    // metrics.k8s.io/v1beta1 PodMetricsList for a namespace (empty: all namespaces), and
    // NodeMetricsList. Only running pods have metrics, as with metrics-server.
    nlohmann::json podMetrics(const std::string &ns);
    nlohmann::json nodeMetrics();

    // Request load of a workload (Deployment, StatefulSet or DaemonSet name); overrides the
    // scenario's schedule for that workload. Negative: back to the schedule. Over the API the
    // same is done with the annotation sim.orrery.dev/load-percent (LoadAnnotationController).
    void setLoad(const std::string &ns, const std::string &workload, double requestsPerSecond);
    double load(const std::string &ns, const std::string &workload);
    // How a workload's requests turn into CPU and memory (scenarios set these).
    void setLoadProfile(const std::string &ns, const std::string &workload,
                        const LoadProfile &profile);
    // Relative random noise on metrics (default 0.03); tests set 0 for exact figures.
    void setMetricsNoise(double amplitude);

    void setNodeReady(const std::string &node, bool ready);

    // Random pod deletions per second of sim time among controller-owned pods (their
    // controllers recreate them). 0 disables.
    void setChurn(double eventsPerSecond);

    // Keep at most this many Event objects (oldest deleted first).
    void setEventLimit(std::size_t limit);

    // kubeletVersion reported by nodes the controllers fill in (scenarios set it).
    void setKubernetesVersion(const std::string &version);

    // The image registries the kubelets pull from (scenario images, pushes of simulated
    // pipelines); thread safe.
    Registries &registries();

    ControllerContext &context();
    ObjectStore &store() { return m_store; }
    SimClock &clock() { return m_clock; }

private:
    void run();
    double logRate(const std::string &key);
    std::string resolveContainer(const std::string &ns, const std::string &pod,
                                 const std::string &container);
    void ensureLog(const std::string &ns, const std::string &pod, const std::string &container);

    ObjectStore &m_store;
    SimClock &m_clock;
    std::unique_ptr<ControllerContext> m_context;
    std::vector<std::unique_ptr<Controller>> m_controllers;
    std::recursive_mutex m_tickMutex;

    std::thread m_thread;
    std::mutex m_wakeMutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::atomic<bool> m_dirty{false};
    std::atomic<bool> m_ticking{false};
    int m_subscription = -1;
};

} // namespace Orrery::Sim
