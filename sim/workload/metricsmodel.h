// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadmodel.h"
#include "objectstore.h"

#include <cstdint>
#include <string>
#include <vector>

namespace Orrery::Sim {

struct ContainerUsage
{
    std::string name;
    std::int64_t cpuMilli = 0;
    std::int64_t memoryBytes = 0;
};

struct PodUsage
{
    ObjectPtr pod;
    std::vector<ContainerUsage> containers;
    std::int64_t cpuMilli = 0;
    std::int64_t memoryBytes = 0;
    double requestsPerSecond = 0; // the pod's share of its workload's load (0 when not ready)
};

// A node's usage as metrics-server reports it: its pods plus the system daemons.
struct NodeUsage
{
    ObjectPtr node;
    std::int64_t cpuMilli = 0;
    std::int64_t memoryBytes = 0;
};

// Turns workload load into per-pod usage, what metrics-server would report.
//
// Model (documented so tests can compute exact figures): for a running pod of a workload
// with load R spread over its N ready pods, CPU = idleCpuFraction × request + R ×
// cpuMilliPerRequest / N (ready pods only take traffic), memory likewise with
// memoryMiPerRequest; each figure is multiplied by (1 + noise × u), u in [-1, 1] fixed per
// pod and 15 s window. Containers without requests count as 100m / 128Mi requested.
class MetricsModel
{
public:
    explicit MetricsModel(LoadModel &load, SimClock &clock);

    void setNoise(double amplitude) { m_noise = amplitude; }

    // The workload (Deployment, StatefulSet, DaemonSet, Job) a pod belongs to.
    static std::string workloadOf(const json &pod);

    // Usage of every running pod in `pods` (pods should include all pods of the workloads
    // concerned, so that ready counts are right).
    std::vector<PodUsage> compute(const std::vector<ObjectPtr> &pods) const;

    // Usage of every Ready node (metrics-server cannot scrape a NotReady kubelet): the sum of
    // its pods' usage plus 1/25 of its CPU capacity and 700 MiB for the kubelet, runtime and OS.
    static std::vector<NodeUsage> nodeUsage(const std::vector<ObjectPtr> &nodes,
                                            const std::vector<PodUsage> &usage);

    json podMetricsList(const std::vector<PodUsage> &usage) const;
    json nodeMetricsList(const std::vector<ObjectPtr> &nodes,
                         const std::vector<PodUsage> &usage) const;

private:
    LoadModel &m_load;
    SimClock &m_clock;
    double m_noise = 0.03;
};

} // namespace Orrery::Sim
