// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simclock.h"

#include <bitset>
#include <optional>
#include <string>

namespace Orrery::Sim {

// A standard five-field cron expression (minute hour day-of-month month day-of-week) with
// *, lists, ranges, steps and the @hourly/@daily/@weekly/@monthly/@yearly macros, evaluated
// in UTC like CronJobs without timeZone.
class CronSchedule
{
public:
    static std::optional<CronSchedule> parse(const std::string &expression);
    // The first scheduled minute strictly after t (searches up to about four years).
    std::optional<SimClock::TimePoint> next(SimClock::TimePoint t) const;

private:
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;
    std::bitset<13> m_months;
    std::bitset<8> m_weekdays;
    bool m_dayRestricted = false;
    bool m_weekdayRestricted = false;
};

} // namespace Orrery::Sim
