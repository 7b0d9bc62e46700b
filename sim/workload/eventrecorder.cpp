// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventrecorder.h"
#include "kube.h"

#include <cstdio>

namespace Orrery::Sim {

EventRecorder::EventRecorder(ObjectStore &store, SimClock &clock)
    : m_store(store)
    , m_clock(clock)
{
}

void EventRecorder::setLimit(std::size_t limit)
{
    m_limit = limit > 0 ? limit : 1;
}

void EventRecorder::record(const json &involved, const std::string &type, const std::string &reason,
                           const std::string &message, const std::string &component,
                           const std::string &host)
{
    const std::string objNs = Kube::ns(involved);
    // Cluster-scoped objects (nodes) report into "default", as the kubelet does.
    const std::string eventNs = objNs.empty() ? "default" : objNs;
    const std::string uid = Kube::uid(involved);
    const Key key{uid, reason, message, component};
    const std::string now = m_clock.timestamp();

    auto it = m_byKey.find(key);
    if (it != m_byKey.end()) {
        ObjectPtr existing = m_store.get(Kube::Events, it->second.first, it->second.second);
        if (existing) {
            json ev = *existing;
            ev["count"] = ev.value("count", 1) + 1;
            ev["lastTimestamp"] = now;
            try {
                m_store.update(Kube::Events, std::move(ev));
                return;
            } catch (const ApiError &) {
            }
        }
        m_byKey.erase(it);
    }

    // Real names are <object>.<hex unix nanos>; a sequence keeps them unique per pass.
    const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           m_clock.wallTime(m_clock.now()).time_since_epoch())
                           .count();
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "%llx",
                  static_cast<unsigned long long>(nanos) + (++m_sequence));
    const std::string name = Kube::name(involved) + "." + suffix;

    json involvedRef
        = {{"kind", involved.value("kind", "")},
           {"name", Kube::name(involved)},
           {"uid", uid},
           {"apiVersion", involved.value("apiVersion", "")},
           {"resourceVersion", Kube::str(involved, Kube::ptr("/metadata/resourceVersion"))}};
    if (!objNs.empty())
        involvedRef["namespace"] = objNs;
    json source = {{"component", component}};
    if (!host.empty())
        source["host"] = host;
    json ev = {{"apiVersion", "v1"},
               {"kind", "Event"},
               {"metadata", {{"name", name}, {"namespace", eventNs}}},
               {"involvedObject", involvedRef},
               {"reason", reason},
               {"message", message},
               {"source", source},
               {"firstTimestamp", now},
               {"lastTimestamp", now},
               {"count", 1},
               {"type", type},
               {"eventTime", nullptr},
               {"reportingComponent", component},
               {"reportingInstance", host}};
    try {
        m_store.create(Kube::Events, std::move(ev));
    } catch (const ApiError &) {
        return;
    }
    m_byKey[key] = {eventNs, name};
    m_order.push_back({key, {eventNs, name}});
    while (m_order.size() > m_limit) {
        auto &[oldKey, where] = m_order.front();
        try {
            m_store.remove(Kube::Events, where.first, where.second);
        } catch (const ApiError &) {
        }
        auto found = m_byKey.find(oldKey);
        if (found != m_byKey.end() && found->second == where)
            m_byKey.erase(found);
        m_order.pop_front();
    }
}

} // namespace Orrery::Sim
