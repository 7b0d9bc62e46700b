// SPDX-License-Identifier: GPL-3.0-or-later
#include "podlogs.h"

#include <algorithm>

namespace Orrery::Sim {

PodLogs::PodLogs(SimClock &clock)
    : m_clock(clock)
{
}

bool PodLogs::contains(const std::string &key) const
{
    std::lock_guard lock(m_mutex);
    return m_entries.count(key) > 0;
}

void PodLogs::push(Entry &e, const std::string &key, std::string line)
{
    for (auto &[id, f] : m_followers) {
        if (f.key == key)
            f.pending.push_back(line);
    }
    e.current.push_back(std::move(line));
    while (e.current.size() > kMaxLines)
        e.current.pop_front();
}

void PodLogs::start(const std::string &key, LogGenerator::Kind kind,
                    const LogGenerator::Context &ctx)
{
    std::lock_guard lock(m_mutex);
    auto [it, inserted] = m_entries.try_emplace(key);
    Entry &e = it->second;
    if (!inserted) {
        e.previous.assign(e.current.begin(), e.current.end());
        e.hasPrevious = true;
        e.current.clear();
    }
    e.kind = kind;
    e.ctx = ctx;
    e.running = true;
    e.generatedUntil = m_clock.now();
    e.carry = 0;
    for (std::string &line : LogGenerator::startup(kind, ctx, m_clock.wallTime(e.generatedUntil)))
        push(e, key, std::move(line));
}

void PodLogs::append(const std::string &key, const std::vector<std::string> &lines)
{
    std::lock_guard lock(m_mutex);
    Entry &e = m_entries[key];
    for (const std::string &line : lines)
        push(e, key, line);
}

void PodLogs::stop(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it != m_entries.end())
        it->second.running = false;
    for (auto &[id, f] : m_followers)
        if (f.key == key)
            f.ending = true;
}

void PodLogs::catchUp(const std::string &key, double linesPerSecond)
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end() || !it->second.running)
        return;
    Entry &e = it->second;
    const auto now = m_clock.now();
    if (now <= e.generatedUntil)
        return;
    const double seconds = std::chrono::duration<double>(now - e.generatedUntil).count();
    double due = seconds * linesPerSecond + e.carry;
    const auto count = static_cast<std::size_t>(due);
    e.carry = due - static_cast<double>(count);
    // Only the last kMaxLines can ever be read: skip the rest instead of producing them.
    const std::size_t produced = std::min(count, kMaxLines);
    for (std::size_t i = 0; i < produced; ++i) {
        const double at
            = seconds * static_cast<double>(count - produced + i + 1) / static_cast<double>(count);
        const auto t
            = e.generatedUntil
              + std::chrono::duration_cast<SimClock::Duration>(std::chrono::duration<double>(at));
        push(e, key, LogGenerator::requestLine(e.kind, e.ctx, m_clock.wallTime(t), m_rng));
    }
    e.generatedUntil = now;
}

std::optional<std::vector<std::string>> PodLogs::lines(const std::string &key, bool previous,
                                                       int tail) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    const Entry &e = it->second;
    if (previous && !e.hasPrevious)
        return std::nullopt;
    std::vector<std::string> all
        = previous ? e.previous : std::vector<std::string>(e.current.begin(), e.current.end());
    if (tail >= 0 && static_cast<std::size_t>(tail) < all.size())
        all.erase(all.begin(), all.end() - tail);
    return all;
}

bool PodLogs::hasPrevious(const std::string &key) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    return it != m_entries.end() && it->second.hasPrevious;
}

void PodLogs::forgetPod(const std::string &ns, const std::string &pod)
{
    std::lock_guard lock(m_mutex);
    const std::string prefix = ns + "/" + pod + "/";
    for (auto it = m_entries.lower_bound(prefix);
         it != m_entries.end() && it->first.rfind(prefix, 0) == 0;)
        it = m_entries.erase(it);
}

int PodLogs::follow(const std::string &key, std::function<bool(const std::string &)> sink,
                    std::function<void()> onEnd)
{
    std::lock_guard lock(m_mutex);
    const int id = m_nextId++;
    auto it = m_entries.find(key);
    const bool running = it != m_entries.end() && it->second.running;
    m_followers[id] = Follower{key, std::move(sink), {}, std::move(onEnd), !running};
    return id;
}

void PodLogs::unfollow(int id)
{
    std::lock_guard lock(m_mutex);
    m_followers.erase(id);
}

std::vector<std::string> PodLogs::followedKeys() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> keys;
    for (const auto &[id, f] : m_followers)
        keys.push_back(f.key);
    return keys;
}

void PodLogs::flush()
{
    std::vector<std::pair<int, Follower>> work;
    {
        std::lock_guard lock(m_mutex);
        for (auto &[id, f] : m_followers) {
            if (!f.pending.empty() || f.ending) {
                work.push_back(
                    {id, Follower{f.key, f.sink, std::move(f.pending), f.onEnd, f.ending}});
                f.pending.clear();
            }
        }
    }
    std::vector<int> done;
    for (auto &[id, f] : work) {
        bool open = true;
        for (const std::string &line : f.pending) {
            if (!f.sink(line)) {
                open = false;
                break;
            }
        }
        if (!open || f.ending) {
            done.push_back(id);
            if (open && f.onEnd)
                f.onEnd(); // every line of the instance went out first
        }
    }
    std::lock_guard lock(m_mutex);
    for (int id : done)
        m_followers.erase(id);
}

} // namespace Orrery::Sim
