// SPDX-License-Identifier: GPL-3.0-or-later
#include "cronschedule.h"

#include <ctime>
#include <sstream>
#include <vector>

namespace Orrery::Sim {

namespace {

template <std::size_t N>
bool parseField(const std::string &field, int lo, int hi, std::bitset<N> &out)
{
    std::stringstream ss(field);
    std::string part;
    while (std::getline(ss, part, ',')) {
        int step = 1;
        const auto slash = part.find('/');
        if (slash != std::string::npos) {
            step = std::atoi(part.c_str() + slash + 1);
            part = part.substr(0, slash);
            if (step <= 0)
                return false;
        }
        int from = lo, to = hi;
        if (part != "*" && part != "?") {
            const auto dash = part.find('-');
            if (part.empty() || part.find_first_not_of("0123456789-") != std::string::npos)
                return false;
            from = std::atoi(part.c_str());
            to = dash == std::string::npos ? (slash != std::string::npos ? hi : from)
                                           : std::atoi(part.c_str() + dash + 1);
        }
        if (from < lo || to > hi || from > to)
            return false;
        for (int v = from; v <= to; v += step)
            out.set(static_cast<std::size_t>(v));
    }
    return true;
}

} // namespace

std::optional<CronSchedule> CronSchedule::parse(const std::string &expression)
{
    std::string expr = expression;
    if (expr == "@hourly")
        expr = "0 * * * *";
    else if (expr == "@daily" || expr == "@midnight")
        expr = "0 0 * * *";
    else if (expr == "@weekly")
        expr = "0 0 * * 0";
    else if (expr == "@monthly")
        expr = "0 0 1 * *";
    else if (expr == "@yearly" || expr == "@annually")
        expr = "0 0 1 1 *";
    std::stringstream ss(expr);
    std::vector<std::string> fields;
    for (std::string f; ss >> f;)
        fields.push_back(f);
    if (fields.size() != 5)
        return std::nullopt;
    CronSchedule s;
    if (!parseField(fields[0], 0, 59, s.m_minutes) || !parseField(fields[1], 0, 23, s.m_hours)
        || !parseField(fields[2], 1, 31, s.m_days) || !parseField(fields[3], 1, 12, s.m_months)
        || !parseField(fields[4], 0, 7, s.m_weekdays))
        return std::nullopt;
    if (s.m_weekdays.test(7))
        s.m_weekdays.set(0);
    s.m_dayRestricted = fields[2] != "*" && fields[2] != "?";
    s.m_weekdayRestricted = fields[4] != "*" && fields[4] != "?";
    return s;
}

std::optional<SimClock::TimePoint> CronSchedule::next(SimClock::TimePoint t) const
{
    using namespace std::chrono;
    auto minute = time_point_cast<minutes>(t) + minutes(1);
    for (int i = 0; i < 4 * 366 * 24 * 60; ++i, minute += minutes(1)) {
        const std::time_t tt = system_clock::to_time_t(minute);
        std::tm tm{};
        gmtime_r(&tt, &tm);
        if (!m_months.test(tm.tm_mon + 1)) {
            // Jump to the first minute of the next day: skips whole months quickly enough.
            minute += minutes((23 - tm.tm_hour) * 60 + (59 - tm.tm_min));
            continue;
        }
        const bool dayOk = m_days.test(tm.tm_mday), weekdayOk = m_weekdays.test(tm.tm_wday);
        // Cron's rule: when both day fields are restricted, either may match.
        const bool dateOk = (m_dayRestricted && m_weekdayRestricted) ? (dayOk || weekdayOk)
                                                                     : (dayOk && weekdayOk);
        if (!dateOk) {
            minute += minutes((23 - tm.tm_hour) * 60 + (59 - tm.tm_min));
            continue;
        }
        if (!m_hours.test(tm.tm_hour)) {
            minute += minutes(59 - tm.tm_min);
            continue;
        }
        if (m_minutes.test(tm.tm_min))
            return time_point_cast<SimClock::Duration>(minute);
    }
    return std::nullopt;
}

} // namespace Orrery::Sim
