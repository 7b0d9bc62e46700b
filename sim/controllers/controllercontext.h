// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectstore.h"
#include "registry/registries.h"
#include "simclock.h"
#include "workload/eventrecorder.h"
#include "workload/loadmodel.h"
#include "workload/metricsmodel.h"
#include "workload/podlogs.h"

#include <map>
#include <random>
#include <string>

namespace Orrery::Sim {

// Everything the controllers share: the store, sim time, the event recorder, load, metrics,
// logs and image registries, and the few facts a real cluster keeps outside etcd (IP
// allocation, the sim time the current pass runs at). Write helpers swallow API errors (a conflict
// with a concurrent API write is retried on the next pass, like a real controller's requeue).
class ControllerContext
{
public:
    ControllerContext(ObjectStore &store, SimClock &clock);

    ObjectStore &store;
    SimClock &clock;
    EventRecorder events;
    LoadModel load;
    MetricsModel metrics;
    PodLogs logs;
    Registries registries; // the image registries this cluster's kubelets pull from
    std::mt19937 rng{42};

    std::string kubernetesVersion = "v1.32.2";
    double churnPerSecond = 0;

    SimClock::TimePoint now;          // sim time of the current pass
    SimClock::TimePoint previousTick; // sim time of the previous pass
    std::string timestamp() const { return clock.timestamp(now); }
    double seconds(SimClock::Duration d) const { return std::chrono::duration<double>(d).count(); }

    ObjectPtr create(const GroupResource &gr, json object);
    ObjectPtr update(const GroupResource &gr, json object);
    bool remove(const GroupResource &gr, const std::string &ns, const std::string &name);
    // Graceful deletion: sets deletionTimestamp; the kubelet removes the pod after its grace.
    void deletePod(const json &pod);

    std::string allocateClusterIp();
    std::string allocatePodIp(const std::string &nodeName);
    int allocateNodePort();

private:
    int m_nextServiceIp = 10;
    int m_nextNodePort = 30080;
    std::map<std::string, int> m_nextPodIp;
    std::map<std::string, int> m_nodeIndex;
};

} // namespace Orrery::Sim
