// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace Orrery::Sim {

using json = nlohmann::json;
using ObjectPtr = std::shared_ptr<const json>;

// A resource as the API names it: group "" for the core group, resource the plural ("pods").
struct GroupResource
{
    std::string group;
    std::string resource;
    auto operator<=>(const GroupResource &) const = default;
};

struct StoreEvent
{
    enum class Type { Added, Modified, Deleted };
    Type type;
    GroupResource resource;
    ObjectPtr object; // the object after the change (for Deleted: as last stored,
                      // with the deletion's resourceVersion)
    std::uint64_t resourceVersion;
};

// The simulator's etcd: every object of every kind, with one cluster-wide resourceVersion
// counter, and a bounded window of past events for watches.
//
// Stored form: one per kind. Pods, most of a large cluster, are kept as their compact JSON
// text only (what GET, LIST and watches send), in a buffer of exactly its size: a parsed
// tree costs about seven times the text (15 KB against 2.2 KB per pod), so at 150,000 pods
// trees alone would take 2.3 GB; so are Services, Endpoints and EndpointSlices (read by the
// endpoints controller for the namespaces that changed). Their tree is parsed again on demand
// (get(), list(), forEach()) and shared while anyone holds it (weak reference); while there
// are at most 16,384 such objects (a cluster of up to about 10,000 pods) the store holds
// their trees too, so a small cluster is never parsed twice. Other kinds are kept as trees,
// since controllers walk them often, and serialized when read. The event window holds each
// event's text (the stored one while a text-only object is current), never a second tree.
//
// Invariants: resourceVersion strictly increases with every mutation; each stored object's
// metadata.resourceVersion is the decimal string of the version that last wrote it; the
// event window holds the most recent `eventWindow` events in order. Thread-safe: one
// recursive mutex guards everything; controllers take it with lock() to read-modify-write
// several objects consistently. Listeners run with the lock held and must not block.
class ObjectStore
{
public:
    explicit ObjectStore(std::size_t eventWindow = 10000);
    ~ObjectStore();

    // Assigns metadata.uid, creationTimestamp, resourceVersion, generation (1) and, when
    // metadata.generateName is set and name is empty, a name. Throws ApiError 409
    // AlreadyExists, 422 Invalid (no name), 404 NotFound (namespace missing, for namespaced
    // kinds other than namespaces themselves).
    ObjectPtr create(const GroupResource &gr, json object);

    // Replaces the object. When the given object carries metadata.resourceVersion it must
    // match (else 409 Conflict). metadata.generation is bumped when "spec" changed.
    // uid and creationTimestamp are preserved. Throws 404 when absent.
    ObjectPtr update(const GroupResource &gr, json object);

    // Removes and returns the last state. Throws 404 when absent.
    ObjectPtr remove(const GroupResource &gr, const std::string &ns, const std::string &name);

    ObjectPtr get(const GroupResource &gr, const std::string &ns, const std::string &name) const;

    // Sorted by namespace then name. ns empty: all namespaces.
    std::vector<ObjectPtr> list(const GroupResource &gr, const std::string &ns = {}) const;

    // Calls `fn` with each object of `gr` (in `ns`, or all namespaces when empty), in list()
    // order, without holding them all at once: for pods, a tree per object is parsed and
    // released in turn. `fn` may write to the store (an object it removes or adds is visited
    // or not as its key falls before or after the current one); returning false stops.
    void forEach(const GroupResource &gr, const std::string &ns,
                 const std::function<bool(const ObjectPtr &)> &fn) const;

    // The (namespace, name) of every `gr` object, in list() order, without parsing any.
    std::vector<std::pair<std::string, std::string>> keys(const GroupResource &gr) const;

    // One page of a LIST: the texts (stored, or serialized for kinds stored as trees) of at most
    // `limit` objects (0: no limit) of `gr` in `ns` (empty: all) whose (namespace, name) sorts
    // after `after` (empty name: from the start) and that `match` accepts (null: all, without
    // parsing anything); `remaining` counts the matching objects after the page (with
    // `countRemaining` false: 1 when there is any, without walking the rest), `last` is the page's
    // last key.
    struct Page
    {
        std::vector<std::shared_ptr<const std::string>> texts;
        std::vector<ObjectPtr> objects; // the same objects parsed, only when `wantObjects`
        std::pair<std::string, std::string> last;
        long remaining = 0;
    };
    Page page(const GroupResource &gr, const std::string &ns,
              const std::pair<std::string, std::string> &after, long limit,
              const std::function<bool(const json &)> &match, bool wantObjects,
              bool countRemaining = true) const;

    std::uint64_t resourceVersion() const;

    // The compact JSON text of `object`: the stored text when `object` is the stored version
    // of a kind stored as text (so large LISTs and watches of pods do not re-serialize
    // unchanged objects), else a fresh dump.
    std::shared_ptr<const std::string> serialized(const GroupResource &gr,
                                                  const ObjectPtr &object) const;

    // The resourceVersion of the last create, update or delete of a `gr` object (0: none
    // yet). Controllers whose output depends only on some kinds compare these to skip a
    // pass when none of their inputs changed.
    std::uint64_t lastChange(const GroupResource &gr) const;

    // Number of objects stored for `gr` (all namespaces).
    std::size_t count(const GroupResource &gr) const;

    // Events for `gr` with resourceVersion > rv; std::nullopt when rv is older than the
    // window (the caller answers 410 Expired).
    std::optional<std::vector<StoreEvent>> eventsSince(const GroupResource &gr,
                                                       std::uint64_t rv) const;

    // What eventsSince() returns without the objects (none is parsed): which `gr` objects
    // were created, updated or deleted after rv, in order; std::nullopt when rv is older than
    // the window.
    struct Change
    {
        StoreEvent::Type type;
        std::string ns, name;
        std::uint64_t resourceVersion;
    };
    std::optional<std::vector<Change>> changesSince(const GroupResource &gr,
                                                    std::uint64_t rv) const;

    // The namespaces of the `gr` objects written (created, updated, deleted) after rv, without
    // parsing any object; std::nullopt when rv is older than the window.
    std::optional<std::set<std::string>> namespacesSince(const GroupResource &gr,
                                                         std::uint64_t rv) const;

    using Listener = std::function<void(const StoreEvent &)>;
    int subscribe(Listener listener);
    void unsubscribe(int id);

    std::unique_lock<std::recursive_mutex> lock() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
