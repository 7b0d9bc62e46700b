// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <mutex>
#include <string>

namespace Orrery::Sim {

// The simulated cluster's notion of time. Every controller schedules its work in sim time
// (readiness delays, back-offs, HPA sync periods, cron schedules), so one `speed` factor
// makes the whole cluster run faster, and a manual clock makes tests deterministic.
//
// Invariants: now() never goes backwards. In real-time mode sim time advances at `speed`
// times the wall clock from the moment of the last speed change; in manual mode it only moves
// through advance(). Thread-safe.
//
// Timestamps written into API objects use wallTime(): sim time mapped back onto the wall
// clock, so that kubectl's ages (computed against the client's wall clock) stay consistent
// with the store's creationTimestamps even at --speed 10.
class SimClock
{
public:
    using Duration = std::chrono::system_clock::duration;
    using TimePoint = std::chrono::system_clock::time_point;

    enum class Mode { RealTime, Manual };

    explicit SimClock(Mode mode = Mode::RealTime, double speed = 1.0);

    static SimClock manualClock() { return SimClock(Mode::Manual); }

    TimePoint now() const;
    TimePoint wallTime(TimePoint simTime) const;
    // RFC 3339 with second precision (what metav1.Time serialises), of wallTime(now()).
    std::string timestamp() const;
    std::string timestamp(TimePoint simTime) const;

    double speed() const;
    void setSpeed(double speed);
    Mode mode() const;

    // Manual mode only (ignored in real-time mode): moves sim time forward.
    void advance(Duration d);

    SimClock(const SimClock &other);
    SimClock &operator=(const SimClock &) = delete;

private:
    mutable std::mutex m_mutex;
    Mode m_mode;
    double m_speed;
    TimePoint m_simAnchor;  // sim time at the last anchor
    TimePoint m_wallAnchor; // wall time at the last anchor
};

// RFC 3339 UTC with seconds ("2026-11-21T09:27:01Z").
std::string formatTimestamp(SimClock::TimePoint t);

} // namespace Orrery::Sim
