// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectstore.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <deque>
#include <map>
#include <random>
#include <set>
#include <unordered_map>

namespace Orrery::Sim {

namespace {

std::string nowRfc3339()
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string kindLabel(const GroupResource &gr)
{
    return gr.group.empty() ? gr.resource : gr.resource + "." + gr.group;
}

json notFoundDetails(const GroupResource &gr, const std::string &name)
{
    json d = {{"name", name}, {"kind", gr.resource}};
    if (!gr.group.empty())
        d["group"] = gr.group;
    return d;
}

} // namespace

struct ObjectStore::Private
{
    // One stored form per kind: the compact JSON text for the kinds stored as text
    // (textOnly()), the tree for the others (their text is serialized when read: a
    // Deployment's 3 KB of text beside its 13 KB tree were 180 MB for the 60,000 Deployments
    // and ReplicaSets of a 150,000-pod cluster).
    struct Entry
    {
        // Text-only kinds: the object's compact JSON text.
        std::shared_ptr<const std::string> text;
        // Other kinds: the parsed object.
        ObjectPtr tree;
        // Text-only kinds: the parsed object while anyone holds it, parsed again from `text`
        // after.
        mutable std::weak_ptr<const json> parsed;
    };
    using Key = std::pair<std::string, std::string>; // namespace, name
    // The event window's form of an event: the object's stored text (shared with the store
    // while the object is current) and its tree only while anyone else holds it (the store,
    // for the current version of a kind kept as trees), so the window holds no second copy
    // of 10,000 objects' trees (15 KB a pod, 13 KB a Deployment, against 2-3 KB of text);
    // its namespace and name for controllers that only ask what changed.
    struct WindowEvent
    {
        StoreEvent::Type type;
        GroupResource resource;
        std::uint64_t resourceVersion;
        std::string ns, name;
        std::shared_ptr<const std::string> text;
        mutable std::weak_ptr<const json> parsed;
    };

    using Bucket = std::map<Key, Entry>;

    std::size_t eventWindow;
    mutable std::recursive_mutex mutex;
    std::map<GroupResource, Bucket> buckets;
    std::uint64_t rv = 0;
    // Every event with resourceVersion <= droppedUpTo has left the window.
    std::uint64_t droppedUpTo = 0;
    std::deque<WindowEvent> events;
    std::map<int, Listener> listeners;
    int nextListener = 1;
    std::map<GroupResource, std::uint64_t> lastChange;
    // Objects per namespace and kind: a LIST page counts the objects after it from these
    // instead of walking the 150,000 keys behind its first page.
    std::map<GroupResource, std::map<std::string, std::size_t>> perNamespace;
    std::mt19937_64 rng{std::random_device{}()};

    // Pods are most of a large cluster, and Services with their Endpoints and EndpointSlice
    // are only read by the endpoints controller, for the namespaces where something changed:
    // stored as text alone (see the class comment).
    static bool textOnly(const GroupResource &gr)
    {
        return (gr.group.empty()
                && (gr.resource == "pods" || gr.resource == "endpoints"
                    || gr.resource == "services"))
               || (gr.group == "discovery.k8s.io" && gr.resource == "endpointslices");
    }

    // `text`: compactText(*object).
    Entry entryFor(const GroupResource &gr, const ObjectPtr &object,
                   const std::shared_ptr<const std::string> &text) const
    {
        Entry e;
        if (textOnly(gr)) {
            e.text = text;
            e.parsed = object;
            keep(object);
        } else {
            e.tree = object;
        }
        return e;
    }

    // While there are at most RecentTrees text-only objects (a cluster of up to about
    // 10,000 pods with their Endpoints and EndpointSlices), their trees are kept as well, in
    // a ring of the most recently parsed or written ones, so controllers walking its pods do
    // not parse them again each pass (tests/sim/tst_scenarios' churn took 105 s instead of
    // 20 s without). Past that the ring is emptied: at 150,000 pods it would hold 250 MB.
    static constexpr std::size_t RecentTrees = 16384;
    mutable std::vector<ObjectPtr> recent = std::vector<ObjectPtr>(RecentTrees);
    mutable std::size_t recentNext = 0;
    std::size_t textOnlyCount = 0;

    void keep(const ObjectPtr &tree) const
    {
        if (textOnlyCount > RecentTrees)
            return;
        recent[recentNext] = tree;
        recentNext = (recentNext + 1) % RecentTrees;
    }

    void countTextOnly(const GroupResource &gr, bool added)
    {
        if (!textOnly(gr))
            return;
        textOnlyCount += added ? 1 : std::size_t(-1);
        if (textOnlyCount == RecentTrees + 1)
            recent.assign(RecentTrees, nullptr);
    }

    // What GET, LIST and watches send for the entry: its stored text, or its tree
    // serialized (as compactText(), without trimming the buffer of a text not kept).
    static std::shared_ptr<const std::string> textOf(const Entry &e)
    {
        if (e.text)
            return e.text;
        return std::make_shared<const std::string>(
            e.tree->dump(-1, ' ', false, json::error_handler_t::replace));
    }

    ObjectPtr objectOf(const Entry &e) const
    {
        if (e.tree)
            return e.tree;
        if (ObjectPtr held = e.parsed.lock())
            return held;
        auto parsed = std::make_shared<const json>(json::parse(*e.text));
        e.parsed = parsed;
        keep(parsed);
        return parsed;
    }

    // The compact JSON text of `object`, its buffer exactly its size: the serializer grows
    // its string by doubling, so a 2.2 KB pod's text held 4 KB of buffer (at 150,000 pods the
    // slack alone was 300 MB). An invalid UTF-8 string (a YAML body can carry one) becomes
    // U+FFFD in the text rather than an exception in the middle of a write.
    static std::shared_ptr<const std::string> compactText(const json &object)
    {
        std::string text = object.dump(-1, ' ', false, json::error_handler_t::replace);
        text.shrink_to_fit();
        return std::make_shared<const std::string>(std::move(text));
    }

    StoreEvent storeEvent(const WindowEvent &w) const
    {
        ObjectPtr object = w.parsed.lock();
        if (!object) {
            auto parsed = std::make_shared<const json>(json::parse(*w.text));
            w.parsed = parsed;
            object = std::move(parsed);
        }
        return StoreEvent{w.type, w.resource, std::move(object), w.resourceVersion};
    }

    std::string uuid()
    {
        std::uniform_int_distribution<std::uint64_t> dist;
        std::uint64_t a = dist(rng), b = dist(rng);
        a = (a & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
        b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", unsigned(a >> 32),
                      unsigned((a >> 16) & 0xffff), unsigned(a & 0xffff), unsigned(b >> 48),
                      static_cast<unsigned long long>(b & 0xffffffffffffULL));
        return buf;
    }

    // Kubernetes' generateName suffix alphabet (no vowels, no confusable digits).
    std::string randomSuffix()
    {
        static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
        std::uniform_int_distribution<int> dist(0, sizeof alphabet - 2);
        std::string s;
        for (int i = 0; i < 5; ++i)
            s += alphabet[dist(rng)];
        return s;
    }

    // `text`: the object's stored text when the store has it (creates and updates), else
    // null (a deletion's last state, serialized here).
    void emit(StoreEvent::Type type, const GroupResource &gr, const ObjectPtr &obj,
              std::shared_ptr<const std::string> text = nullptr)
    {
        StoreEvent ev{type, gr, obj, rv};
        lastChange[gr] = rv;
        WindowEvent w{type, gr, rv, {}, {}, text ? std::move(text) : compactText(*obj), obj};
        if (const auto meta = obj->find("metadata"); meta != obj->end() && meta->is_object()) {
            if (const auto n = meta->find("namespace"); n != meta->end() && n->is_string())
                w.ns = n->get<std::string>();
            if (const auto n = meta->find("name"); n != meta->end() && n->is_string())
                w.name = n->get<std::string>();
        }
        events.push_back(std::move(w));
        while (events.size() > eventWindow) {
            droppedUpTo = events.front().resourceVersion;
            events.pop_front();
        }
        // Copy: a listener may (un)subscribe while being notified.
        const auto current = listeners;
        for (const auto &[id, listener] : current)
            listener(ev);
    }
};

ObjectStore::ObjectStore(std::size_t eventWindow)
    : d(std::make_unique<Private>())
{
    d->eventWindow = eventWindow == 0 ? 1 : eventWindow;
}

ObjectStore::~ObjectStore() = default;

ObjectPtr ObjectStore::create(const GroupResource &gr, json object)
{
    std::lock_guard guard(d->mutex);
    if (!object.is_object())
        throw ApiError(400, "BadRequest", "the object provided is not a JSON object");
    json &meta = object["metadata"];
    if (!meta.is_object())
        meta = json::object();
    std::string name = meta.value("name", std::string());
    const std::string ns = meta.value("namespace", std::string());
    auto &bucket = d->buckets[gr];
    if (name.empty()) {
        const std::string prefix = meta.value("generateName", std::string());
        if (prefix.empty())
            throw ApiError(
                422, "Invalid",
                kindLabel(gr)
                    + " \"\" is invalid: metadata.name: Required value: "
                      "name or generateName is required",
                {{"kind", gr.resource},
                 {"group", gr.group},
                 {"causes",
                  json::array({{{"reason", "FieldValueRequired"},
                                {"message", "Required value: name or generateName is required"},
                                {"field", "metadata.name"}}})}});
        do {
            name = prefix + d->randomSuffix();
        } while (bucket.count({ns, name}));
        meta["name"] = name;
    }
    if (!ns.empty() && !(gr.group.empty() && gr.resource == "namespaces")) {
        const auto nsBucket = d->buckets.find({"", "namespaces"});
        if (nsBucket == d->buckets.end() || !nsBucket->second.count({"", ns}))
            throw ApiError(404, "NotFound", "namespaces \"" + ns + "\" not found",
                           {{"name", ns}, {"kind", "namespaces"}});
    }
    if (bucket.count({ns, name}))
        throw ApiError(409, "AlreadyExists", kindLabel(gr) + " \"" + name + "\" already exists",
                       notFoundDetails(gr, name));
    ++d->rv;
    meta["uid"] = d->uuid();
    if (!meta.contains("creationTimestamp") || meta["creationTimestamp"].is_null())
        meta["creationTimestamp"] = nowRfc3339();
    meta["resourceVersion"] = std::to_string(d->rv);
    meta["generation"] = 1;
    auto ptr = std::make_shared<const json>(std::move(object));
    const auto text = Private::compactText(*ptr);
    bucket[{ns, name}] = d->entryFor(gr, ptr, text);
    ++d->perNamespace[gr][ns];
    d->countTextOnly(gr, true);
    d->emit(StoreEvent::Type::Added, gr, ptr, text);
    return ptr;
}

ObjectPtr ObjectStore::update(const GroupResource &gr, json object)
{
    std::lock_guard guard(d->mutex);
    if (!object.is_object() || !object.contains("metadata") || !object["metadata"].is_object())
        throw ApiError(400, "BadRequest", "the object provided has no metadata");
    json &meta = object["metadata"];
    const std::string name = meta.value("name", std::string());
    const std::string ns = meta.value("namespace", std::string());
    auto bucket = d->buckets.find(gr);
    if (bucket == d->buckets.end() || !bucket->second.count({ns, name}))
        throw ApiError(404, "NotFound", kindLabel(gr) + " \"" + name + "\" not found",
                       notFoundDetails(gr, name));
    auto &entry = bucket->second[{ns, name}];
    const ObjectPtr oldPtr = d->objectOf(entry);
    const json &old = *oldPtr;
    const json &oldMeta = old["metadata"];
    if (meta.contains("resourceVersion") && meta["resourceVersion"].is_string()
        && !meta["resourceVersion"].get<std::string>().empty()
        && meta["resourceVersion"] != oldMeta["resourceVersion"])
        throw ApiError(409, "Conflict",
                       "Operation cannot be fulfilled on " + kindLabel(gr) + " \"" + name
                           + "\": the object has been modified; please apply your changes to "
                             "the latest version and try again",
                       notFoundDetails(gr, name));
    meta["uid"] = oldMeta["uid"];
    meta["creationTimestamp"] = oldMeta["creationTimestamp"];
    std::int64_t generation = oldMeta.value("generation", std::int64_t(1));
    const auto oldSpec = old.find("spec");
    const auto newSpec = object.find("spec");
    const bool oldHas = oldSpec != old.end(), newHas = newSpec != object.end();
    if (oldHas != newHas || (oldHas && *oldSpec != *newSpec))
        ++generation;
    meta["generation"] = generation;
    ++d->rv;
    meta["resourceVersion"] = std::to_string(d->rv);
    auto ptr = std::make_shared<const json>(std::move(object));
    const auto text = Private::compactText(*ptr);
    entry = d->entryFor(gr, ptr, text);
    d->emit(StoreEvent::Type::Modified, gr, ptr, text);
    return ptr;
}

ObjectPtr ObjectStore::remove(const GroupResource &gr, const std::string &ns,
                              const std::string &name)
{
    std::lock_guard guard(d->mutex);
    auto bucket = d->buckets.find(gr);
    if (bucket == d->buckets.end())
        throw ApiError(404, "NotFound", kindLabel(gr) + " \"" + name + "\" not found",
                       notFoundDetails(gr, name));
    auto it = bucket->second.find({ns, name});
    if (it == bucket->second.end())
        throw ApiError(404, "NotFound", kindLabel(gr) + " \"" + name + "\" not found",
                       notFoundDetails(gr, name));
    ++d->rv;
    json last = *d->objectOf(it->second);
    last["metadata"]["resourceVersion"] = std::to_string(d->rv);
    bucket->second.erase(it);
    d->countTextOnly(gr, false);
    auto &count = d->perNamespace[gr][ns];
    if (--count == 0)
        d->perNamespace[gr].erase(ns);
    auto ptr = std::make_shared<const json>(std::move(last));
    d->emit(StoreEvent::Type::Deleted, gr, ptr);
    return ptr;
}

ObjectPtr ObjectStore::get(const GroupResource &gr, const std::string &ns,
                           const std::string &name) const
{
    std::lock_guard guard(d->mutex);
    auto bucket = d->buckets.find(gr);
    if (bucket == d->buckets.end())
        return nullptr;
    auto it = bucket->second.find({ns, name});
    return it == bucket->second.end() ? nullptr : d->objectOf(it->second);
}

std::vector<ObjectPtr> ObjectStore::list(const GroupResource &gr, const std::string &ns) const
{
    std::lock_guard guard(d->mutex);
    std::vector<ObjectPtr> out;
    auto bucket = d->buckets.find(gr);
    if (bucket == d->buckets.end())
        return out;
    const auto &b = bucket->second;
    if (ns.empty()) {
        out.reserve(b.size());
        for (const auto &[key, entry] : b)
            out.push_back(d->objectOf(entry));
    } else {
        // Keys sort by namespace first, so one namespace is a contiguous range.
        for (auto it = b.lower_bound({ns, std::string()}); it != b.end() && it->first.first == ns;
             ++it)
            out.push_back(d->objectOf(it->second));
    }
    return out;
}

void ObjectStore::forEach(const GroupResource &gr, const std::string &ns,
                          const std::function<bool(const ObjectPtr &)> &fn) const
{
    std::lock_guard guard(d->mutex);
    auto bucket = d->buckets.find(gr);
    if (bucket == d->buckets.end())
        return;
    const auto &b = bucket->second;
    auto it = ns.empty() ? b.begin() : b.lower_bound({ns, std::string()});
    while (it != b.end() && (ns.empty() || it->first.first == ns)) {
        // `fn` may add or remove objects: continue from the key, not from the iterator.
        const Private::Key key = it->first;
        if (!fn(d->objectOf(it->second)))
            return;
        it = b.upper_bound(key);
    }
}

std::vector<std::pair<std::string, std::string>> ObjectStore::keys(const GroupResource &gr) const
{
    std::lock_guard guard(d->mutex);
    std::vector<std::pair<std::string, std::string>> out;
    auto bucket = d->buckets.find(gr);
    if (bucket == d->buckets.end())
        return out;
    out.reserve(bucket->second.size());
    for (const auto &[key, entry] : bucket->second)
        out.push_back(key);
    return out;
}

ObjectStore::Page ObjectStore::page(const GroupResource &gr, const std::string &ns,
                                    const std::pair<std::string, std::string> &after, long limit,
                                    const std::function<bool(const json &)> &match,
                                    bool wantObjects, bool countRemaining) const
{
    std::lock_guard guard(d->mutex);
    Page out;
    auto bucket = d->buckets.find(gr);
    if (bucket == d->buckets.end())
        return out;
    const auto &b = bucket->second;
    // Keys sort by namespace first: one namespace is a contiguous range, and a continue key
    // is found by binary search instead of a walk from the start.
    auto it = after.first.empty() && after.second.empty() ? b.begin() : b.upper_bound(after);
    if (!ns.empty()) {
        const Private::Key first{ns, std::string()};
        if (it == b.end() || it->first < first)
            it = b.lower_bound(first);
    }
    if (limit > 0)
        out.texts.reserve(static_cast<std::size_t>(std::min<long>(limit, 4096)));
    for (; it != b.end() && (ns.empty() || it->first.first == ns); ++it) {
        ObjectPtr object;
        if (match) {
            object = d->objectOf(it->second);
            if (!match(*object))
                continue;
        }
        if (limit > 0 && static_cast<long>(out.texts.size()) == limit) {
            if (!countRemaining) {
                out.remaining = 1;
                break;
            }
            if (!match) {
                // The rest of this namespace by walking, the namespaces after it by count.
                const std::string current = it->first.first;
                for (; it != b.end() && it->first.first == current; ++it)
                    ++out.remaining;
                if (ns.empty()) {
                    const auto &counts = d->perNamespace[gr];
                    for (auto c = counts.upper_bound(current); c != counts.end(); ++c)
                        out.remaining += static_cast<long>(c->second);
                }
                break;
            }
            ++out.remaining;
            continue;
        }
        out.texts.push_back(Private::textOf(it->second));
        out.last = it->first;
        if (wantObjects)
            out.objects.push_back(object ? object : d->objectOf(it->second));
    }
    return out;
}

std::uint64_t ObjectStore::resourceVersion() const
{
    std::lock_guard guard(d->mutex);
    return d->rv;
}

std::shared_ptr<const std::string> ObjectStore::serialized(const GroupResource &gr,
                                                           const ObjectPtr &object) const
{
    if (!object)
        return std::make_shared<const std::string>("null");
    {
        std::lock_guard guard(d->mutex);
        auto bucket = d->buckets.find(gr);
        if (bucket != d->buckets.end()) {
            const json &meta = (*object)["metadata"];
            auto it = bucket->second.find(
                {meta.value("namespace", std::string()), meta.value("name", std::string())});
            if (it != bucket->second.end()
                && (it->second.tree == object || it->second.parsed.lock() == object))
                return Private::textOf(it->second);
        }
    }
    return std::make_shared<const std::string>(object->dump());
}

std::uint64_t ObjectStore::lastChange(const GroupResource &gr) const
{
    std::lock_guard guard(d->mutex);
    auto it = d->lastChange.find(gr);
    return it == d->lastChange.end() ? 0 : it->second;
}

std::size_t ObjectStore::count(const GroupResource &gr) const
{
    std::lock_guard guard(d->mutex);
    auto bucket = d->buckets.find(gr);
    return bucket == d->buckets.end() ? 0 : bucket->second.size();
}

std::optional<std::vector<StoreEvent>> ObjectStore::eventsSince(const GroupResource &gr,
                                                                std::uint64_t rv) const
{
    std::lock_guard guard(d->mutex);
    if (rv < d->droppedUpTo)
        return std::nullopt;
    std::vector<StoreEvent> out;
    // Events are in resourceVersion order: binary-search the first one after rv.
    auto first = std::upper_bound(
        d->events.begin(), d->events.end(), rv,
        [](std::uint64_t v, const Private::WindowEvent &e) { return v < e.resourceVersion; });
    for (auto it = first; it != d->events.end(); ++it)
        if (it->resource == gr)
            out.push_back(d->storeEvent(*it));
    return out;
}

std::optional<std::vector<ObjectStore::Change>> ObjectStore::changesSince(const GroupResource &gr,
                                                                          std::uint64_t rv) const
{
    std::lock_guard guard(d->mutex);
    if (rv < d->droppedUpTo)
        return std::nullopt;
    std::vector<Change> out;
    auto first = std::upper_bound(
        d->events.begin(), d->events.end(), rv,
        [](std::uint64_t v, const Private::WindowEvent &e) { return v < e.resourceVersion; });
    for (auto it = first; it != d->events.end(); ++it)
        if (it->resource == gr)
            out.push_back({it->type, it->ns, it->name, it->resourceVersion});
    return out;
}

std::optional<std::set<std::string>> ObjectStore::namespacesSince(const GroupResource &gr,
                                                                  std::uint64_t rv) const
{
    const auto changes = changesSince(gr, rv);
    if (!changes)
        return std::nullopt;
    std::set<std::string> out;
    for (const Change &c : *changes)
        out.insert(c.ns);
    return out;
}

int ObjectStore::subscribe(Listener listener)
{
    std::lock_guard guard(d->mutex);
    const int id = d->nextListener++;
    d->listeners.emplace(id, std::move(listener));
    return id;
}

void ObjectStore::unsubscribe(int id)
{
    std::lock_guard guard(d->mutex);
    d->listeners.erase(id);
}

std::unique_lock<std::recursive_mutex> ObjectStore::lock() const
{
    return std::unique_lock<std::recursive_mutex>(d->mutex);
}

} // namespace Orrery::Sim
