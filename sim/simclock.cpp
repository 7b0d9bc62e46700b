// SPDX-License-Identifier: GPL-3.0-or-later
#include "simclock.h"

#include <ctime>

namespace Orrery::Sim {

SimClock::SimClock(Mode mode, double speed)
    : m_mode(mode)
    , m_speed(speed > 0 ? speed : 1.0)
    , m_simAnchor(
          std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()))
    , m_wallAnchor(m_simAnchor)
{
}

SimClock::SimClock(const SimClock &other)
{
    std::lock_guard lock(other.m_mutex);
    m_mode = other.m_mode;
    m_speed = other.m_speed;
    m_simAnchor = other.m_simAnchor;
    m_wallAnchor = other.m_wallAnchor;
}

SimClock::TimePoint SimClock::now() const
{
    std::lock_guard lock(m_mutex);
    if (m_mode == Mode::Manual)
        return m_simAnchor;
    const auto wallElapsed = std::chrono::system_clock::now() - m_wallAnchor;
    return m_simAnchor + std::chrono::duration_cast<Duration>(wallElapsed * m_speed);
}

SimClock::TimePoint SimClock::wallTime(TimePoint simTime) const
{
    std::lock_guard lock(m_mutex);
    if (m_mode == Mode::Manual)
        return simTime;
    // Sim time before the anchor was produced at the old speed; the linear map is still
    // monotonic, which is all ages need.
    return m_wallAnchor + std::chrono::duration_cast<Duration>((simTime - m_simAnchor) / m_speed);
}

std::string SimClock::timestamp() const
{
    return formatTimestamp(wallTime(now()));
}

std::string SimClock::timestamp(TimePoint simTime) const
{
    return formatTimestamp(wallTime(simTime));
}

double SimClock::speed() const
{
    std::lock_guard lock(m_mutex);
    return m_speed;
}

void SimClock::setSpeed(double speed)
{
    if (speed <= 0)
        return;
    const TimePoint simNow = now();
    std::lock_guard lock(m_mutex);
    m_simAnchor = simNow;
    m_wallAnchor = std::chrono::system_clock::now();
    m_speed = speed;
}

SimClock::Mode SimClock::mode() const
{
    std::lock_guard lock(m_mutex);
    return m_mode;
}

void SimClock::advance(Duration d)
{
    std::lock_guard lock(m_mutex);
    if (m_mode == Mode::Manual && d > Duration::zero())
        m_simAnchor += d;
}

std::string formatTimestamp(SimClock::TimePoint t)
{
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace Orrery::Sim
