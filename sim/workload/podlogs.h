// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loggenerator.h"
#include "simclock.h"

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace Orrery::Sim {

// What the kubelets keep of container output: the current and the previous instance of every
// container, bounded, plus followers (kubectl logs -f).
//
// Invariants: at most kMaxLines lines per instance; request lines are produced lazily up to
// the sim time a reader asks for (so 50,000 idle pods cost nothing); follower sinks are never
// called with the internal mutex held (flush() delivers them). Thread-safe.
class PodLogs
{
public:
    static constexpr std::size_t kMaxLines = 2000;

    explicit PodLogs(SimClock &clock);

    static std::string key(const std::string &ns, const std::string &pod,
                           const std::string &container)
    {
        return ns + "/" + pod + "/" + container;
    }

    bool contains(const std::string &key) const;
    // A new instance of the container starts: the current log becomes the previous one.
    void start(const std::string &key, LogGenerator::Kind kind, const LogGenerator::Context &ctx);
    void append(const std::string &key, const std::vector<std::string> &lines);
    void stop(const std::string &key);
    // Produces request lines up to now at `linesPerSecond` for a running container.
    void catchUp(const std::string &key, double linesPerSecond);
    std::optional<std::vector<std::string>> lines(const std::string &key, bool previous,
                                                  int tail) const;
    bool hasPrevious(const std::string &key) const;
    void forgetPod(const std::string &ns, const std::string &pod);

    // Follows the current instance of the container. Like the kubelet, the follow ends when
    // that instance terminates (a restart is a new instance: follow again): onEnd is called
    // by flush() after the last line. Following a container that is not running ends at once.
    int follow(const std::string &key, std::function<bool(const std::string &)> sink,
               std::function<void()> onEnd = {});
    void unfollow(int id);
    std::vector<std::string> followedKeys() const;
    // Delivers queued lines to followers; call without any other lock held.
    void flush();

private:
    struct Entry
    {
        std::deque<std::string> current;
        std::vector<std::string> previous;
        bool hasPrevious = false;
        bool running = false;
        LogGenerator::Kind kind = LogGenerator::Kind::Generic;
        LogGenerator::Context ctx;
        SimClock::TimePoint generatedUntil;
        double carry = 0;
    };
    struct Follower
    {
        std::string key;
        std::function<bool(const std::string &)> sink;
        std::vector<std::string> pending;
        std::function<void()> onEnd;
        bool ending = false;
    };
    void push(Entry &e, const std::string &key, std::string line);

    SimClock &m_clock;
    mutable std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
    std::map<int, Follower> m_followers;
    int m_nextId = 1;
    std::mt19937 m_rng{7};
};

} // namespace Orrery::Sim
