// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllermanager.h"

#include "controllers/churncontroller.h"
#include "controllers/controller.h"
#include "controllers/controllercontext.h"
#include "controllers/cronjobcontroller.h"
#include "controllers/daemonsetcontroller.h"
#include "controllers/deploymentcontroller.h"
#include "controllers/endpointscontroller.h"
#include "controllers/garbagecollector.h"
#include "controllers/hpacontroller.h"
#include "controllers/jobcontroller.h"
#include "controllers/kubeletcontroller.h"
#include "controllers/loadannotationcontroller.h"
#include "controllers/nodecontroller.h"
#include "controllers/pvcontroller.h"
#include "controllers/replicasetcontroller.h"
#include "controllers/scheduler.h"
#include "controllers/statefulsetcontroller.h"
#include "workload/kube.h"
#include <algorithm>

#include <cstdio>
#include <cstdlib>

namespace Orrery::Sim {

ControllerManager::ControllerManager(ObjectStore &store, SimClock &clock)
    : m_store(store)
    , m_clock(clock)
    , m_context(std::make_unique<ControllerContext>(store, clock))
{
    // Order matters only for latency within one pass: nodes first, then what creates pods,
    // then the scheduler and kubelets that move them, then what observes them.
    m_controllers.push_back(std::make_unique<NodeController>());
    m_controllers.push_back(std::make_unique<GarbageCollector>());
    m_controllers.push_back(std::make_unique<CronJobController>());
    m_controllers.push_back(std::make_unique<LoadAnnotationController>());
    m_controllers.push_back(std::make_unique<HpaController>());
    m_controllers.push_back(std::make_unique<DeploymentController>());
    m_controllers.push_back(std::make_unique<ReplicaSetController>());
    m_controllers.push_back(std::make_unique<StatefulSetController>());
    m_controllers.push_back(std::make_unique<DaemonSetController>());
    m_controllers.push_back(std::make_unique<JobController>());
    m_controllers.push_back(std::make_unique<PvController>());
    m_controllers.push_back(std::make_unique<Scheduler>());
    m_controllers.push_back(std::make_unique<KubeletController>());
    m_controllers.push_back(std::make_unique<EndpointsController>());
    m_controllers.push_back(std::make_unique<ChurnController>());
}

ControllerManager::~ControllerManager()
{
    stop();
}

void ControllerManager::start()
{
    if (m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = false;
    }
    // Listeners run with the store lock held: only note that something changed.
    m_subscription = m_store.subscribe([this](const StoreEvent &ev) {
        if (m_ticking.load(std::memory_order_relaxed))
            return; // our own writes
        if (ev.resource.resource == "events")
            return;
        m_dirty = true;
        m_wake.notify_one();
    });
    m_thread = std::thread([this] { run(); });
}

void ControllerManager::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    m_store.unsubscribe(m_subscription);
    m_subscription = -1;
}

void ControllerManager::run()
{
    using namespace std::chrono_literals;
    std::unique_lock lock(m_wakeMutex);
    auto pause = 100ms;
    while (!m_stopping) {
        m_wake.wait_for(lock, pause, [this] { return m_stopping || m_dirty.load(); });
        if (m_stopping)
            break;
        m_dirty = false;
        lock.unlock();
        const auto started = std::chrono::steady_clock::now();
        tick();
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started);
        // A burst of API writes must not make us spin, and on huge clusters a pass must not
        // take more than a third of a core: rest at least twice as long as the pass took, but
        // at most 1 s (the first pass over 150,000 pods takes 50 s: twice that left the
        // cluster without a pass, and churn without a deletion, for 100 s after it).
        const auto rest = std::clamp<std::chrono::milliseconds>(2 * took, 20ms, 1000ms);
        std::this_thread::sleep_for(rest);
        pause = std::clamp<std::chrono::milliseconds>(2 * took, 100ms, 1000ms);
        lock.lock();
    }
}

void ControllerManager::tick()
{
    std::lock_guard tickGuard(m_tickMutex);
    ControllerContext &ctx = *m_context;
    ctx.previousTick = ctx.now;
    ctx.now = m_clock.now();
    // ORRERY_SIM_PROFILE=1 prints the time of each controller per pass (for tuning large
    // synthetic clusters).
    static const bool profile = std::getenv("ORRERY_SIM_PROFILE") != nullptr;
    for (auto &controller : m_controllers) {
        // The store lock is held per controller, not per pass: each controller sees and
        // writes a consistent cluster, and API requests interleave between controllers
        // instead of waiting for a whole pass over a 50,000-pod cluster.
        auto storeLock = m_store.lock();
        m_ticking = true;
        const auto started = std::chrono::steady_clock::now();
        controller->sync(ctx);
        if (profile)
            std::fprintf(stderr, "%s: %.1f ms\n", controller->name(),
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now()
                                                                   - started)
                             .count());
        m_ticking = false;
    }
    {
        auto storeLock = m_store.lock();
        // Followed containers produce their lines as time passes.
        for (const std::string &key : ctx.logs.followedKeys())
            ctx.logs.catchUp(key, logRate(key));
    }
    ctx.logs.flush();
}

void ControllerManager::runFor(SimClock::Duration total, SimClock::Duration step)
{
    for (SimClock::Duration done{}; done < total; done += step) {
        m_clock.advance(step);
        tick();
    }
}

double ControllerManager::logRate(const std::string &key)
{
    // ns/pod/container: request lines follow the workload's load per ready pod, bounded so
    // that a follow stays readable.
    const auto first = key.find('/');
    const auto second = key.find('/', first + 1);
    const std::string ns = key.substr(0, first), pod = key.substr(first + 1, second - first - 1);
    ObjectPtr p = m_store.get(Kube::Pods, ns, pod);
    if (!p)
        return 0;
    const std::string workload = MetricsModel::workloadOf(*p);
    const double rps = m_context->load.requestsPerSecond(ns, workload);
    int ready = 0;
    for (const ObjectPtr &other : m_store.list(Kube::Pods, ns)) {
        if (Kube::isPodReady(*other) && MetricsModel::workloadOf(*other) == workload)
            ++ready;
    }
    return std::min(5.0, 0.2 + 0.1 * rps / std::max(1, ready));
}

std::string ControllerManager::resolveContainer(const std::string &ns, const std::string &pod,
                                                const std::string &container)
{
    ObjectPtr p = m_store.get(Kube::Pods, ns, pod);
    if (!p)
        throw ApiError(404, "NotFound", "pods \"" + pod + "\" not found",
                       {{"name", pod}, {"kind", "pods"}});
    const json containers = p->value(Kube::ptr("/spec/containers"), json::array());
    if (container.empty()) {
        if (containers.size() != 1 && !containers.empty()) {
            std::string names;
            for (const json &c : containers) {
                if (!names.empty())
                    names += ' ';
                names += c.value("name", "");
            }
            throw ApiError(400, "BadRequest",
                           "a container name must be specified for pod " + pod
                               + ", choose one of: [" + names + "]");
        }
        return containers.empty() ? std::string() : containers[0].value("name", "");
    }
    for (const json &c : containers) {
        if (c.value("name", "") == container)
            return container;
    }
    throw ApiError(400, "BadRequest", "container " + container + " is not valid for pod " + pod);
}

std::vector<std::string> ControllerManager::podLog(const std::string &ns, const std::string &pod,
                                                   const std::string &container, bool previous,
                                                   int tailLines)
{
    const std::string name = resolveContainer(ns, pod, container);
    const std::string key = PodLogs::key(ns, pod, name);
    ensureLog(ns, pod, name);
    if (!previous)
        m_context->logs.catchUp(key, logRate(key));
    auto lines = m_context->logs.lines(key, previous, tailLines);
    if (!lines) {
        if (previous)
            throw ApiError(400, "BadRequest",
                           "previous terminated container \"" + name + "\" in pod \"" + pod
                               + "\" not found");
        throw ApiError(400, "BadRequest",
                       "container \"" + name + "\" in pod \"" + pod
                           + "\" is waiting to start: ContainerCreating");
    }
    return *lines;
}

void ControllerManager::ensureLog(const std::string &ns, const std::string &pod,
                                  const std::string &container)
{
    // Pods created directly as Running (synthetic clusters) have no log yet: start one now.
    const std::string key = PodLogs::key(ns, pod, container);
    if (m_context->logs.contains(key))
        return;
    ObjectPtr p = m_store.get(Kube::Pods, ns, pod);
    if (!p || Kube::str(*p, Kube::ptr("/status/phase")) != "Running")
        return;
    std::string image;
    int port = 8080;
    for (const json &c : p->value(Kube::ptr("/spec/containers"), json::array())) {
        if (c.value("name", "") == container) {
            image = c.value("image", "");
            for (const json &cp : c.value("ports", json::array()))
                port = cp.value("containerPort", port);
        }
    }
    m_context->logs.start(key, LogGenerator::kindForImage(image),
                          {pod, container, image, Kube::str(*p, Kube::ptr("/status/podIP")), port});
}

int ControllerManager::followPodLog(const std::string &ns, const std::string &pod,
                                    const std::string &container,
                                    std::function<bool(const std::string &)> sink,
                                    std::function<void()> onEnd)
{
    const std::string name = resolveContainer(ns, pod, container);
    ensureLog(ns, pod, name);
    const std::string key = PodLogs::key(ns, pod, name);
    m_context->logs.catchUp(key, logRate(key)); // lines so far belong to the backlog
    return m_context->logs.follow(key, std::move(sink), std::move(onEnd));
}

void ControllerManager::unfollowPodLog(int id)
{
    m_context->logs.unfollow(id);
}

json ControllerManager::podMetrics(const std::string &ns)
{
    const auto pods = m_store.list(Kube::Pods, ns);
    return m_context->metrics.podMetricsList(m_context->metrics.compute(pods));
}

json ControllerManager::nodeMetrics()
{
    const auto pods = m_store.list(Kube::Pods);
    return m_context->metrics.nodeMetricsList(m_store.list(Kube::Nodes),
                                              m_context->metrics.compute(pods));
}

void ControllerManager::setLoad(const std::string &ns, const std::string &workload, double rps)
{
    m_context->load.setLoad(ns, workload, rps);
}

double ControllerManager::load(const std::string &ns, const std::string &workload)
{
    return m_context->load.requestsPerSecond(ns, workload);
}

void ControllerManager::setLoadProfile(const std::string &ns, const std::string &workload,
                                       const LoadProfile &profile)
{
    m_context->load.setProfile(ns, workload, profile);
}

void ControllerManager::setMetricsNoise(double amplitude)
{
    m_context->metrics.setNoise(amplitude);
}

void ControllerManager::setNodeReady(const std::string &node, bool ready)
{
    std::lock_guard tickGuard(m_tickMutex);
    auto storeLock = m_store.lock();
    ObjectPtr n = m_store.get(Kube::Nodes, "", node);
    if (!n)
        throw ApiError(404, "NotFound", "nodes \"" + node + "\" not found",
                       {{"name", node}, {"kind", "nodes"}});
    json updated = NodeController::withReadiness(*n, ready, m_clock.timestamp());
    if (updated != *n)
        m_store.update(Kube::Nodes, std::move(updated));
    m_context->events.record(*n, "Normal", ready ? "NodeReady" : "NodeNotReady",
                             "Node " + node
                                 + " status is now: " + (ready ? "NodeReady" : "NodeNotReady"),
                             ready ? "kubelet" : "node-controller", node);
}

void ControllerManager::setChurn(double eventsPerSecond)
{
    std::lock_guard tickGuard(m_tickMutex);
    m_context->churnPerSecond = std::max(0.0, eventsPerSecond);
}

void ControllerManager::setEventLimit(std::size_t limit)
{
    std::lock_guard tickGuard(m_tickMutex);
    m_context->events.setLimit(limit);
}

void ControllerManager::setKubernetesVersion(const std::string &version)
{
    std::lock_guard tickGuard(m_tickMutex);
    m_context->kubernetesVersion = version;
}

Registries &ControllerManager::registries()
{
    return m_context->registries;
}

ControllerContext &ControllerManager::context()
{
    return *m_context;
}

} // namespace Orrery::Sim
