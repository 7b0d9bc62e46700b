// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simclock.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace Orrery::Sim {

// How a workload's traffic turns into resource usage, and its scheduled traffic: a wave
// between baseRps and peakRps with the given period (a "day" compressed into minutes of sim
// time so that HPAs visibly move during a demo).
struct LoadProfile
{
    double baseRps = 2;
    double peakRps = 2;
    double periodSeconds = 600;
    double phaseSeconds = 0;
    double cpuMilliPerRequest = 2.0; // CPU millicores per request/s, spread over ready pods
    double memoryMiPerRequest = 0.5; // MiB per request/s, spread over ready pods
    double idleCpuFraction = 0.08;   // of the CPU request, per running pod
    double idleMemoryFraction = 0.45;
};

// Request load per workload (namespace, name). Invariant: an explicit setLoad() value wins
// over the schedule until cleared with a negative value. Thread-safe.
class LoadModel
{
public:
    explicit LoadModel(SimClock &clock);

    void setProfile(const std::string &ns, const std::string &workload, const LoadProfile &p);
    LoadProfile profile(const std::string &ns, const std::string &workload) const;
    // Whether setProfile() was called for the workload (profile() otherwise returns defaults).
    bool hasProfile(const std::string &ns, const std::string &workload) const;
    void setLoad(const std::string &ns, const std::string &workload, double rps);
    double requestsPerSecond(const std::string &ns, const std::string &workload) const;

private:
    using Key = std::pair<std::string, std::string>;
    struct Entry
    {
        std::optional<LoadProfile> profile;
        std::optional<double> fixed;
    };
    SimClock &m_clock;
    SimClock::TimePoint m_epoch;
    mutable std::mutex m_mutex;
    std::map<Key, Entry> m_entries;
};

} // namespace Orrery::Sim
