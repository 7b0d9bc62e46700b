// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metricsmodel.h"
#include "objectstore.h"
#include "simclock.h"

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace Orrery::Sim {

// What a Prometheus scrape of a real cluster's cAdvisor (kubelet /metrics/cadvisor),
// kube-state-metrics and node-exporter would return, in the text exposition format 0.0.4,
// computed from the same load and metrics models as the simulator's metrics.k8s.io answers.
//
// Invariants:
// - Gauges (container_memory_working_set_bytes, the root cgroup of each node) are the bytes
//   metrics.k8s.io reports at the same instant before it rounds them down to KiB.
// - Counters (container_cpu_usage_seconds_total, network bytes, requests) integrate the
//   current rate over wall time since the previous scrape (wallTime(now()): in manual-clock
//   tests that is sim time). So rate() over the samples after a scrape at t is exactly the
//   metrics.k8s.io figure at t (same millicores), and Prometheus' rate() between two scrapes
//   agrees with metrics.k8s.io within one scrape interval. A container's counters start at 0
//   when it is first scraped and reset when its restartCount changes (a new container, as
//   cAdvisor sees it); state of vanished containers is dropped at the next scrape.
// - Output is bounded: at most MaxSamples samples (about 180 bytes each); the rest is
//   dropped with a comment line saying how many.
// Thread-safe (one scrape at a time integrates the counters).
class PrometheusExporter
{
public:
    static constexpr std::size_t MaxSamples = 500000;
    // Network model: bytes per request received and sent by a serving pod, on top of a
    // constant trickle (probes, DNS, metrics scrapes).
    static constexpr double ReceiveBytesPerRequest = 1024;
    static constexpr double TransmitBytesPerRequest = 6144;
    static constexpr double IdleBytesPerSecond = 200;

    PrometheusExporter(ObjectStore &store, MetricsModel &metrics, SimClock &clock);

    // One scrape: the exposition text of every family, each with HELP and TYPE.
    std::string scrape();

    // Lowers the sample bound (tests); never above MaxSamples.
    void setSampleLimit(std::size_t limit);

    // Exposition-format escaping of a label value (\\, \", \n) and of HELP text (\\, \n).
    static std::string escapeLabelValue(std::string_view value);
    static std::string escapeHelp(std::string_view text);
    // A sample value: integers without a fraction, others in the shortest form that reads
    // back exactly, NaN, +Inf, -Inf.
    static std::string formatValue(double value);

private:
    struct Counter
    {
        long long restarts = 0;
        double lastSeconds = 0;
        double cpuSeconds = 0;
        double receiveBytes = 0;
        double transmitBytes = 0;
        bool seen = false;
    };
    Counter &advance(const std::string &key, long long restarts, double now);

    ObjectStore &m_store;
    MetricsModel &m_metrics;
    SimClock &m_clock;
    std::mutex m_mutex;
    std::unordered_map<std::string, Counter> m_counters;
    std::size_t m_sampleLimit = MaxSamples;
};

} // namespace Orrery::Sim
