// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiobjectstate.h"
#include "loopbackhttpserver.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace httplib {
class Server;
}

namespace Orrery::Test {

// A minimal Kubernetes API server on 127.0.0.1 (plain HTTP, cpp-httplib) for client tests:
// discovery, paginated lists with continue tokens, watches with bookmarks, and scripted
// faults that each affect the next matching request once. Objects are JSON; every mutation
// bumps one resourceVersion counter and is recorded as a watch event.
//
// Thread-safe: the test thread mutates state while server threads stream watches.
class FakeApiServer
{
public:
    enum class Fault {
        ListStatus,         // the next list answers `status` (500, 429, 403, ...)
        Continue410,        // the next list with a continue token answers 410 Expired
        ContinueStatus,     // the next list with a continue token answers `status` (500, ...)
        WatchStatus,        // the next watch answers HTTP `status` (410, 500, 429, 403)
        WatchErrorEvent410, // the next watch sends an ERROR event (410 Expired), then closes
        WatchDrop,          // the next watch sends `afterEvents` events, half a line, then resets
        WatchSilent,        // the next watch sends headers, then nothing, ever
        WatchCleanClose,    // the next watch sends pending events, then ends cleanly
    };

    FakeApiServer();
    ~FakeApiServer();

    // Listens on 127.0.0.1; port 0 picks a free one (kept across restart()).
    bool start(int port = 0);
    void stop();
    // Stops, replaces the state (a different cluster behind the same URL: resourceVersions
    // restart at `firstResourceVersion`, old ones answer 410) and starts again.
    bool restart(std::vector<std::pair<std::string, nlohmann::json>> objects,
                 std::uint64_t firstResourceVersion = 1);
    std::string url() const;
    int port() const { return m_http.port(); }

    // State. `resource` is the plural name ("pods", "deployments").
    void put(const std::string &resource, nlohmann::json object); // create or update
    bool remove(const std::string &resource, const std::string &ns, const std::string &name);
    std::vector<nlohmann::json> objects(const std::string &resource) const;
    std::uint64_t resourceVersion() const;
    // Forget events up to now: watches from an older resourceVersion answer 410.
    void compact();

    void addFault(const std::string &resource, Fault fault, int status = 0, int afterEvents = 0);
    std::size_t pendingFaults() const;
    // The next `pages` list answers go out; after them every list request waits (a list
    // caught between two pages) until the budget is raised. -1 (the default): no limit.
    // Scripted faults are answered without waiting.
    void setListBudget(int pages);
    void setBookmarkIntervalMs(int ms) { m_bookmarkMs = ms; }
    // Served versions of a group, e.g. {"autoscaling", {"v1"}} to take autoscaling/v2 away.
    void setGroupVersions(const std::string &group, std::vector<std::string> versions);
    void setForbidden(const std::string &resource, bool forbidden);

    // Counters per resource, for assertions on what the client did.
    int listCount(const std::string &resource) const;     // list requests, pages included
    int fullListCount(const std::string &resource) const; // first pages (no continue token)
    int watchCount(const std::string &resource) const;
    int activeWatches() const;

    // Builds a minimal object: {"metadata":{"name","namespace","uid"}} plus `extra` merged in.
    static nlohmann::json makeObject(const std::string &ns, const std::string &name,
                                     nlohmann::json extra = nlohmann::json::object());

private:
    struct PendingFault
    {
        Fault fault;
        int status;
        int afterEvents;
    };

    void installRoutes(httplib::Server &server);
    bool takeFault(const std::string &resource, bool watch, bool hasContinue, PendingFault &out);

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_changed;
    LoopbackHttpServer m_http;
    bool m_stopping = false;

    ApiObjectState m_state;
    std::map<std::string, std::deque<PendingFault>> m_faults;
    std::map<std::string, std::vector<std::string>> m_groupVersions;
    std::map<std::string, bool> m_forbidden;
    std::map<std::string, int> m_lists, m_fullLists, m_watches;
    int m_activeWatches = 0;
    int m_listBudget = -1;
    int m_bookmarkMs = 0;
};

} // namespace Orrery::Test
