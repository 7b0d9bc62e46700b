// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadmodel.h"

#include <cmath>
#include <numbers>

namespace Orrery::Sim {

LoadModel::LoadModel(SimClock &clock)
    : m_clock(clock)
    , m_epoch(clock.now())
{
}

void LoadModel::setProfile(const std::string &ns, const std::string &workload, const LoadProfile &p)
{
    std::lock_guard lock(m_mutex);
    m_entries[{ns, workload}].profile = p;
}

LoadProfile LoadModel::profile(const std::string &ns, const std::string &workload) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find({ns, workload});
    if (it != m_entries.end() && it->second.profile)
        return *it->second.profile;
    return LoadProfile{};
}

bool LoadModel::hasProfile(const std::string &ns, const std::string &workload) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find({ns, workload});
    return it != m_entries.end() && it->second.profile.has_value();
}

void LoadModel::setLoad(const std::string &ns, const std::string &workload, double rps)
{
    std::lock_guard lock(m_mutex);
    if (rps < 0)
        m_entries[{ns, workload}].fixed.reset();
    else
        m_entries[{ns, workload}].fixed = rps;
}

double LoadModel::requestsPerSecond(const std::string &ns, const std::string &workload) const
{
    LoadProfile p;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_entries.find({ns, workload});
        if (it != m_entries.end()) {
            if (it->second.fixed)
                return *it->second.fixed;
            if (it->second.profile)
                p = *it->second.profile;
        }
    }
    if (p.periodSeconds <= 0 || p.peakRps == p.baseRps)
        return p.baseRps;
    const double t
        = std::chrono::duration<double>(m_clock.now() - m_epoch).count() + p.phaseSeconds;
    const double wave = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * t / p.periodSeconds);
    return p.baseRps + (p.peakRps - p.baseRps) * wave;
}

} // namespace Orrery::Sim
