// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectstore.h"
#include "simclock.h"

#include <deque>
#include <map>
#include <string>
#include <tuple>

namespace Orrery::Sim {

// Writes core/v1 Events the way client-go's EventRecorder does: one Event per (object,
// reason, message, source), repeats aggregated by incrementing count and lastTimestamp.
//
// Invariants: at most limit() Events written by this recorder exist in the store (the oldest
// are deleted first); a failure to write an Event (namespace being deleted, ...) is ignored,
// as events are best effort in Kubernetes too. Caller holds the store lock.
class EventRecorder
{
public:
    EventRecorder(ObjectStore &store, SimClock &clock);

    void record(const json &involved, const std::string &type, const std::string &reason,
                const std::string &message, const std::string &component,
                const std::string &host = {});
    void normal(const json &involved, const std::string &reason, const std::string &message,
                const std::string &component)
    {
        record(involved, "Normal", reason, message, component);
    }
    void warning(const json &involved, const std::string &reason, const std::string &message,
                 const std::string &component)
    {
        record(involved, "Warning", reason, message, component);
    }

    void setLimit(std::size_t limit);
    std::size_t limit() const { return m_limit; }

private:
    using Key = std::tuple<std::string, std::string, std::string, std::string>;
    ObjectStore &m_store;
    SimClock &m_clock;
    std::size_t m_limit = 3000;
    std::uint64_t m_sequence = 0;
    std::map<Key, std::pair<std::string, std::string>> m_byKey; // -> (namespace, name)
    std::deque<std::pair<Key, std::pair<std::string, std::string>>> m_order;
};

} // namespace Orrery::Sim
