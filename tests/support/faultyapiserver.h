// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiobjectstate.h"
#include "loopbackhttpserver.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace httplib {
class Server;
struct Response;
} // namespace httplib

namespace Orrery::Test {

// A Kubernetes API server on 127.0.0.1 (plain HTTP) for the randomized fault soak. It holds
// the authoritative state of a few kinds (pods, configmaps, apps/v1 deployments), serves
// discovery, paginated lists (limit + continue, each list a snapshot) and watches (chunked
// JSON lines with bookmarks), and injects the faults it is told to, each at most once.
//
// Unlike FakeApiServer (scripted faults for the next request), faults here also hit the
// watch that is open *now*: a stream fault is taken by the resource's current watch at its
// next turn (within ~20 ms), or by the next watch when none is open. Only the newest watch of
// a resource is current; an older one ends when a newer one starts (its client left), so a
// fault is never swallowed by a stream nobody reads.
//
// The server behaves like kube-apiserver where the informer's correctness depends on it:
// a watch from a compacted resourceVersion gets an ERROR event with 410 (so does one from
// before a restart: restart() starts the new history where the caller says, and callers
// model `etcdutl snapshot restore --bump-revision --mark-compacted`, which puts it above
// every version a client holds); a continue token from before a restart answers 410.
//
// Thread-safe: the test thread mutates state and injects faults while server threads stream.
class FaultyApiServer
{
public:
    enum class Fault {
        // Request faults, taken by the next request of their type.
        ListDrop,    // the next list page: half the body, then the connection is cut
        ListStatus,  // the next list page answers `status` (500, 429 with Retry-After)
        Continue410, // the next list page with a continue token answers 410 Expired
        WatchStatus, // the open watch ends cleanly; the next one answers `status`
                     // (410, 500, 429 with Retry-After, 401, 403)
        // Stream faults, taken by the open watch (or the next one).
        WatchDrop,          // pending events, then half an event, then the connection is cut
        WatchDropCompacted, // the same, and the history is compacted at that instant (after
                            // one more write elsewhere): the client's re-watch meets 410
        WatchErrorEvent,    // an ERROR event carrying Status `status` (410, 401, 403, 500), then
                            // the end of the stream, as kube-apiserver does
        WatchSilent,        // nothing more: no event, no bookmark, the connection stays open
        WatchMalformed,     // a line that is not JSON, then the stream goes on
        WatchOversized,     // one line of `size` bytes (a padded BOOKMARK), then the stream goes on
        WatchEndless,       // bytes without a newline until the client hangs up (at most `size`)
    };
    static constexpr int FaultCount = int(Fault::WatchEndless) + 1;
    static const char *faultName(Fault fault);

    struct FaultSpec
    {
        Fault fault = Fault::WatchDrop;
        int status = 0;
        int retryAfterSec = 0; // Retry-After header on a 429 (0: none)
        std::size_t size = 0;  // WatchOversized, WatchEndless
        int holdMs = 0;        // ListStatus, WatchStatus: a slow server answers this much later
    };

    // Sent on a 429 with Retry-After, and the first request of the resource after it. The
    // Status message of that 429 names the record (retryAfterTag(id)), and a client that
    // quotes the server's message in its errors (Orrery does) thereby says which 429s it
    // read: an answer written to a request the client had already given up is not one.
    struct RetryAfterRecord
    {
        std::uint64_t id = 0;
        std::string resource;
        int retryAfterSec = 0;
        std::chrono::steady_clock::time_point answeredAt;
        std::chrono::steady_clock::time_point nextRequestAt; // epoch when none yet
    };
    static std::string retryAfterTag(std::uint64_t id); // "(retry-after #7)"
    // The id of the record whose tag `message` quotes, or 0.
    static std::uint64_t retryAfterIdIn(const std::string &message);

    FaultyApiServer();
    ~FaultyApiServer();

    bool start(int port = 0); // port 0 picks a free one (kept across restart())
    void stop();              // cuts every open connection
    // A different cluster behind the same URL: stops, replaces the whole state with `objects`
    // (resource → objects), starts the history at `firstResourceVersion` and starts again.
    bool restart(std::map<std::string, std::vector<nlohmann::json>> objects,
                 std::uint64_t firstResourceVersion);
    std::string url() const;
    int port() const { return m_http.port(); }

    // State. `resource`: "pods", "configmaps", "deployments". put() keeps the object's uid
    // (a recreate is remove() then put() with a new uid) and sets resourceVersion.
    void put(const std::string &resource, nlohmann::json object);
    bool remove(const std::string &resource, const std::string &ns, const std::string &name);
    std::vector<nlohmann::json> objects(const std::string &resource) const;
    std::uint64_t resourceVersion() const;

    void inject(const std::string &resource, const FaultSpec &fault);
    std::size_t pendingFaults() const;
    std::size_t pendingFaults(const std::string &resource) const;
    // Faults that reached a client, per type.
    std::vector<int> deliveredFaults() const;
    // Watches of `resource` that the server started streaming (status 200), ever. A watch
    // opened after a fault was delivered proves the client reconnected.
    int watchesStreamed(const std::string &resource) const;
    int fullLists(const std::string &resource) const;
    std::vector<RetryAfterRecord> retryAfterRecords() const;
    // Bytes of the last WatchEndless line sent before the client hung up (or the cap).
    std::size_t lastEndlessBytes() const;

    void setBookmarkIntervalMs(int ms);

    static std::vector<std::string> resources();

private:
    void installRoutes(httplib::Server &server);
    void serveList(const std::string &resource, const std::string &apiVersion,
                   const std::string &kind, const std::string &cont, int limit,
                   httplib::Response &res);
    void serveWatch(const std::string &resource, const std::string &apiVersion,
                    const std::string &kind, const std::string &rvText, int timeoutSec,
                    httplib::Response &res);
    bool takeFault(const std::string &resource, bool (*accepts)(Fault), FaultSpec &out);
    void noteRequest(const std::string &resource); // under m_mutex
    // Answers `fault` (a ListStatus or WatchStatus) after its hold; under m_mutex, which the
    // hold releases meanwhile.
    void answerStatus(std::unique_lock<std::mutex> &lock, const std::string &resource,
                      const FaultSpec &fault, const std::string &message, httplib::Response &res);

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_changed;
    LoopbackHttpServer m_http;
    bool m_stopping = false;

    ApiObjectState m_state;
    std::map<std::string, std::deque<FaultSpec>> m_faults;
    std::map<std::string, std::uint64_t> m_currentWatch; // resource → newest watch id
    std::uint64_t m_nextWatch = 1;
    std::map<std::string, int> m_watchesStreamed, m_fullLists;
    std::vector<int> m_delivered = std::vector<int>(FaultCount, 0);
    std::vector<RetryAfterRecord> m_retryAfter;
    std::uint64_t m_nextRetryAfterId = 1;
    std::size_t m_lastEndlessBytes = 0;
    int m_bookmarkMs = 150;
};

} // namespace Orrery::Test
