// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace httplib {
struct Response;
}

namespace Orrery::Test {

// What the test API servers (FakeApiServer, FaultyApiServer) share: the authoritative objects
// and their history, lists paged as kube-apiserver pages them, the lines of a watch stream,
// and the parsing of request paths. Each server adds its own faults and counters around it.

// metav1.Status, and a response carrying one.
nlohmann::json statusObject(int code, const std::string &reason, const std::string &message);
void sendStatus(httplib::Response &res, int code, const std::string &reason,
                const std::string &message);

// A decimal number that is the whole of `text`.
bool parseNumber(const std::string &text, std::uint64_t &out);

// A request path of the resource API: /api/<version>/... or /apis/<group>/<version>/...
struct ApiPath
{
    std::string group;
    std::string version;
    std::vector<std::string> rest; // the segments after the version
    std::string apiVersion() const { return group.empty() ? version : group + "/" + version; }
    // nullopt for any other path.
    static std::optional<ApiPath> parse(const std::string &path);
};

// The objects of one simulated cluster and the history of their changes: every put() and
// remove() takes the next resourceVersion and is kept as a watch event until compact().
// Not thread-safe: the server that owns it guards it with its own mutex.
class ApiObjectState
{
public:
    struct Event
    {
        std::uint64_t rv;
        std::string resource;
        std::string type; // ADDED, MODIFIED, DELETED
        nlohmann::json object;
    };

    // "namespace/name"
    static std::string keyOf(const nlohmann::json &object);

    // Create or update: sets resourceVersion (and a creationTimestamp when there is none).
    void put(const std::string &resource, nlohmann::json object);
    bool remove(const std::string &resource, const std::string &ns, const std::string &name);
    std::vector<nlohmann::json> objects(const std::string &resource) const;
    const nlohmann::json *find(const std::string &resource, const std::string &ns,
                               const std::string &name) const;

    std::uint64_t resourceVersion() const { return m_rv; }
    // Bumped by reset(): streams and continue tokens of an older epoch are over.
    std::uint64_t epoch() const { return m_epoch; }
    const std::deque<Event> &events() const { return m_events; }
    // A watch from before the history's start cannot be served (410 Expired).
    bool isCompacted(std::uint64_t fromResourceVersion) const
    {
        return fromResourceVersion < m_compactedRv;
    }

    // Forget the history up to now.
    void compact();
    // Versions up to now expire, at a version after every one handed out (as a compaction
    // after one more write elsewhere); the events stay for the streams still open.
    void expireHeldVersions() { m_compactedRv = ++m_rv; }
    // A different cluster: a new epoch, no objects, no history, versions from `firstRv` on.
    void reset(std::uint64_t firstResourceVersion);

    // One page of a list of `resource` (in `ns`, or all when empty), as kube-apiserver pages
    // it: each list is a snapshot taken at its first page, `limit` 0 is all, and a continue
    // token of another epoch, unknown or malformed has expired (nullopt: answer 410).
    std::optional<nlohmann::json> listPage(const std::string &resource, const std::string &kind,
                                           const std::string &apiVersion, const std::string &ns,
                                           const std::string &continueToken, std::size_t limit);

    // Lines of a watch stream ("...\n"): an event with the object's kind and apiVersion set, a
    // BOOKMARK at `resourceVersion`, an ERROR carrying a Status.
    static std::string eventLine(const Event &event, const std::string &kind,
                                 const std::string &apiVersion);
    static std::string bookmarkLine(const std::string &kind, const std::string &apiVersion,
                                    std::uint64_t resourceVersion);
    static std::string errorLine(int code, const std::string &reason, const std::string &message);

private:
    struct Snapshot
    {
        std::uint64_t epoch = 0;
        std::uint64_t rv = 0;
        std::vector<nlohmann::json> items;
    };

    std::uint64_t m_rv = 1;
    std::uint64_t m_compactedRv = 0;
    std::uint64_t m_epoch = 1;
    std::map<std::string, std::map<std::string, nlohmann::json>> m_objects; // resource → key
    std::deque<Event> m_events;
    std::map<std::string, Snapshot> m_snapshots; // continue token id → snapshot
    std::uint64_t m_nextToken = 1;
};

} // namespace Orrery::Test
