// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeapiserver.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>

namespace Orrery::Test {

using json = nlohmann::json;

namespace {

struct ResourceInfo
{
    const char *group;
    const char *resource;
    const char *kind;
    bool namespaced;
};

const ResourceInfo s_resources[] = {
    {"", "namespaces", "Namespace", false},
    {"", "nodes", "Node", false},
    {"", "pods", "Pod", true},
    {"", "services", "Service", true},
    {"", "endpoints", "Endpoints", true},
    {"", "persistentvolumeclaims", "PersistentVolumeClaim", true},
    {"", "persistentvolumes", "PersistentVolume", false},
    {"", "configmaps", "ConfigMap", true},
    {"", "secrets", "Secret", true},
    {"", "events", "Event", true},
    {"apps", "deployments", "Deployment", true},
    {"apps", "replicasets", "ReplicaSet", true},
    {"apps", "statefulsets", "StatefulSet", true},
    {"apps", "daemonsets", "DaemonSet", true},
    {"apps", "controllerrevisions", "ControllerRevision", true},
    {"batch", "jobs", "Job", true},
    {"batch", "cronjobs", "CronJob", true},
    {"networking.k8s.io", "ingresses", "Ingress", true},
    {"autoscaling", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true},
};

const ResourceInfo *findResource(const std::string &name)
{
    for (const ResourceInfo &r : s_resources)
        if (name == r.resource)
            return &r;
    return nullptr;
}

json status(int code, const std::string &reason, const std::string &message)
{
    return {{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", json::object()},
            {"status", "Failure"}, {"message", message}, {"reason", reason},
            {"code", code}};
}

void sendStatus(httplib::Response &res, int code, const std::string &reason,
                const std::string &message)
{
    res.status = code;
    res.set_content(status(code, reason, message).dump(), "application/json");
}

std::vector<std::string> split(const std::string &path)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        if (end > start)
            out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace

FakeApiServer::FakeApiServer()
{
    m_groupVersions = {{"", {"v1"}},
                       {"apps", {"v1"}},
                       {"batch", {"v1"}},
                       {"networking.k8s.io", {"v1"}},
                       {"autoscaling", {"v2", "v1"}}};
}

FakeApiServer::~FakeApiServer()
{
    stop();
}

json FakeApiServer::makeObject(const std::string &ns, const std::string &name, json extra)
{
    json o = {{"metadata", {{"name", name}}}};
    if (!ns.empty())
        o["metadata"]["namespace"] = ns;
    o["metadata"]["uid"] = "uid-" + ns + "-" + name;
    o.merge_patch(extra);
    return o;
}

std::string FakeApiServer::key(const json &object) const
{
    const json &m = object["metadata"];
    return m.value("namespace", std::string()) + "/" + m.value("name", std::string());
}

bool FakeApiServer::start(int port)
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_server = std::make_unique<httplib::Server>();
    // Every informer holds a watch open: more threads than cpp-httplib's default of 8.
    m_server->new_task_queue = [] { return new httplib::ThreadPool(64); };
    installRoutes();
    if (port == 0)
        m_port = m_server->bind_to_any_port("127.0.0.1");
    else
        m_port = m_server->bind_to_port("127.0.0.1", port) ? port : -1;
    if (m_port <= 0)
        return false;
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    // stop() before the listener runs would be lost and leave it listening forever.
    while (!m_server->is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return true;
}

void FakeApiServer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_server)
        m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
    m_server.reset();
}

bool FakeApiServer::restart(std::vector<std::pair<std::string, json>> objects,
                            std::uint64_t firstResourceVersion)
{
    stop();
    {
        std::lock_guard lock(m_mutex);
        ++m_epoch;
        m_objects.clear();
        m_events.clear();
        m_snapshots.clear();
        m_rv = firstResourceVersion;
        m_compactedRv = firstResourceVersion;
    }
    for (auto &[resource, object] : objects)
        put(resource, std::move(object));
    {
        // The new cluster's history starts now: older versions are unknown (410).
        std::lock_guard lock(m_mutex);
        m_compactedRv = m_rv;
    }
    return start(m_port);
}

std::string FakeApiServer::url() const
{
    return "http://127.0.0.1:" + std::to_string(m_port);
}

void FakeApiServer::put(const std::string &resource, json object)
{
    {
        std::lock_guard lock(m_mutex);
        const std::uint64_t rv = ++m_rv;
        object["metadata"]["resourceVersion"] = std::to_string(rv);
        if (!object["metadata"].contains("creationTimestamp"))
            object["metadata"]["creationTimestamp"] = "2024-01-01T00:00:00Z";
        auto &objs = m_objects[resource];
        const std::string k = key(object);
        const bool existed = objs.count(k) > 0;
        objs[k] = object;
        m_events.push_back({rv, resource, existed ? "MODIFIED" : "ADDED", object});
    }
    m_changed.notify_all();
}

bool FakeApiServer::remove(const std::string &resource, const std::string &ns,
                           const std::string &name)
{
    {
        std::lock_guard lock(m_mutex);
        auto &objs = m_objects[resource];
        auto it = objs.find(ns + "/" + name);
        if (it == objs.end())
            return false;
        json object = it->second;
        objs.erase(it);
        const std::uint64_t rv = ++m_rv;
        object["metadata"]["resourceVersion"] = std::to_string(rv);
        m_events.push_back({rv, resource, "DELETED", object});
    }
    m_changed.notify_all();
    return true;
}

std::vector<json> FakeApiServer::objects(const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    std::vector<json> out;
    auto it = m_objects.find(resource);
    if (it != m_objects.end())
        for (const auto &[k, o] : it->second)
            out.push_back(o);
    return out;
}

std::uint64_t FakeApiServer::resourceVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_rv;
}

void FakeApiServer::compact()
{
    std::lock_guard lock(m_mutex);
    m_compactedRv = m_rv;
    m_events.clear();
}

void FakeApiServer::addFault(const std::string &resource, Fault fault, int status, int afterEvents)
{
    std::lock_guard lock(m_mutex);
    m_faults[resource].push_back({fault, status, afterEvents});
}

std::size_t FakeApiServer::pendingFaults() const
{
    std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    for (const auto &[r, q] : m_faults)
        n += q.size();
    return n;
}

void FakeApiServer::setGroupVersions(const std::string &group, std::vector<std::string> versions)
{
    std::lock_guard lock(m_mutex);
    m_groupVersions[group] = std::move(versions);
}

void FakeApiServer::setForbidden(const std::string &resource, bool forbidden)
{
    std::lock_guard lock(m_mutex);
    m_forbidden[resource] = forbidden;
}

int FakeApiServer::listCount(const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_lists.find(resource);
    return it == m_lists.end() ? 0 : it->second;
}

int FakeApiServer::fullListCount(const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_fullLists.find(resource);
    return it == m_fullLists.end() ? 0 : it->second;
}

int FakeApiServer::watchCount(const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_watches.find(resource);
    return it == m_watches.end() ? 0 : it->second;
}

int FakeApiServer::activeWatches() const
{
    std::lock_guard lock(m_mutex);
    return m_activeWatches;
}

bool FakeApiServer::takeFault(const std::string &resource, bool watch, bool hasContinue,
                              PendingFault &out)
{
    auto it = m_faults.find(resource);
    if (it == m_faults.end() || it->second.empty())
        return false;
    const PendingFault &f = it->second.front();
    const bool isWatchFault = f.fault != Fault::ListStatus && f.fault != Fault::Continue410;
    if (isWatchFault != watch)
        return false;
    if (f.fault == Fault::Continue410 && !hasContinue)
        return false;
    out = f;
    it->second.pop_front();
    return true;
}

void FakeApiServer::installRoutes()
{
    m_server->Get(".*", [this](const httplib::Request &req, httplib::Response &res) {
        const std::vector<std::string> seg = split(req.path);
        if (req.path == "/version") {
            res.set_content(R"({"major":"1","minor":"30","gitVersion":"v1.30.0-fake"})",
                            "application/json");
            return;
        }
        if (req.path == "/api") {
            res.set_content(R"({"kind":"APIVersions","versions":["v1"]})", "application/json");
            return;
        }
        if (req.path == "/apis") {
            std::lock_guard lock(m_mutex);
            json groups = json::array();
            for (const auto &[group, versions] : m_groupVersions) {
                if (group.empty() || versions.empty())
                    continue;
                json vs = json::array();
                for (const std::string &v : versions)
                    vs.push_back({{"groupVersion", group + "/" + v}, {"version", v}});
                groups.push_back({{"name", group}, {"versions", vs}, {"preferredVersion", vs[0]}});
            }
            res.set_content(json{{"kind", "APIGroupList"}, {"groups", groups}}.dump(),
                            "application/json");
            return;
        }
        // /api/v1[/...] or /apis/<group>/<version>[/...]
        std::string group, version;
        std::size_t rest = 0;
        if (seg.size() >= 2 && seg[0] == "api") {
            version = seg[1];
            rest = 2;
        } else if (seg.size() >= 3 && seg[0] == "apis") {
            group = seg[1];
            version = seg[2];
            rest = 3;
        } else {
            sendStatus(res, 404, "NotFound", "the server could not find the requested resource");
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            const auto &served = m_groupVersions[group];
            if (std::find(served.begin(), served.end(), version) == served.end()) {
                sendStatus(res, 404, "NotFound",
                           "the server could not find the requested resource");
                return;
            }
        }
        if (seg.size() == rest) {
            json resources = json::array();
            for (const ResourceInfo &r : s_resources) {
                if (group != r.group)
                    continue;
                resources.push_back(
                    {{"name", r.resource},
                     {"singularName", ""},
                     {"namespaced", r.namespaced},
                     {"kind", r.kind},
                     {"verbs", {"get", "list", "watch", "create", "update", "patch", "delete"}}});
            }
            const std::string gv = group.empty() ? version : group + "/" + version;
            res.set_content(
                json{{"kind", "APIResourceList"}, {"groupVersion", gv}, {"resources", resources}}
                    .dump(),
                "application/json");
            return;
        }
        std::string ns, resource, name;
        if (seg[rest] == "namespaces" && seg.size() >= rest + 3) {
            ns = seg[rest + 1];
            resource = seg[rest + 2];
            if (seg.size() > rest + 3)
                name = seg[rest + 3];
        } else {
            resource = seg[rest];
            if (seg.size() > rest + 1)
                name = seg[rest + 1];
        }
        const ResourceInfo *info = findResource(resource);
        if (!info || group != info->group) {
            sendStatus(res, 404, "NotFound", "the server could not find the requested resource");
            return;
        }
        const std::string apiVersion = group.empty() ? version : group + "/" + version;
        {
            std::lock_guard lock(m_mutex);
            if (m_forbidden[resource]) {
                sendStatus(res, 403, "Forbidden",
                           resource + " is forbidden: User \"test\" cannot list resource \""
                               + resource + "\" in API group \"" + group
                               + "\" at the cluster scope");
                return;
            }
        }
        if (!name.empty()) {
            std::lock_guard lock(m_mutex);
            auto &objs = m_objects[resource];
            auto it = objs.find(ns + "/" + name);
            if (it == objs.end()) {
                sendStatus(res, 404, "NotFound", resource + " \"" + name + "\" not found");
                return;
            }
            json o = it->second;
            o["kind"] = info->kind;
            o["apiVersion"] = apiVersion;
            res.set_content(o.dump(), "application/json");
            return;
        }

        if (req.get_param_value("watch") == "true" || req.get_param_value("watch") == "1") {
            // ---- watch ----
            const std::string rvText = req.get_param_value("resourceVersion");
            const std::uint64_t fromRv = rvText.empty() ? 0 : std::stoull(rvText);
            const int timeoutSec = req.has_param("timeoutSeconds")
                                       ? std::stoi(req.get_param_value("timeoutSeconds"))
                                       : 300;
            PendingFault fault{Fault::WatchCleanClose, 0, 0};
            bool hasFault = false;
            std::uint64_t epoch;
            bool expired;
            {
                std::lock_guard lock(m_mutex);
                ++m_watches[resource];
                hasFault = takeFault(resource, true, false, fault);
                epoch = m_epoch;
                expired = fromRv < m_compactedRv || fromRv > m_rv;
            }
            if (hasFault && fault.fault == Fault::WatchStatus) {
                if (fault.status == 410)
                    sendStatus(res, 410, "Expired", "too old resource version: " + rvText);
                else if (fault.status == 429)
                    sendStatus(res, 429, "TooManyRequests",
                               "too many requests, please try again later");
                else
                    sendStatus(res, fault.status, "InternalError", "scripted failure");
                return;
            }
            if (expired)
                hasFault = true, fault = {Fault::WatchErrorEvent410, 0, 0};
            struct WatchState
            {
                std::uint64_t lastRv;
                int sent = 0;
                std::chrono::steady_clock::time_point deadline;
                std::chrono::steady_clock::time_point nextBookmark;
            };
            auto state = std::make_shared<WatchState>();
            state->lastRv = fromRv;
            const auto now = std::chrono::steady_clock::now();
            state->deadline = now + std::chrono::seconds(timeoutSec);
            if (hasFault && fault.fault == Fault::WatchSilent)
                state->deadline = now + std::chrono::seconds(30);
            state->nextBookmark
                = now + std::chrono::milliseconds(m_bookmarkMs > 0 ? m_bookmarkMs : 1000000000);
            {
                std::lock_guard lock(m_mutex);
                ++m_activeWatches;
            }
            // Not "application/json": cpp-httplib would gzip it and hold events in the
            // compressor; a watch must flush every event.
            res.set_chunked_content_provider(
                "application/json;stream=watch",
                [this, state, resource, ns, fault, hasFault, epoch, apiVersion, info,
                 fromRv](std::size_t, httplib::DataSink &sink) {
                    std::unique_lock lock(m_mutex);
                    for (;;) {
                        if (m_stopping || m_epoch != epoch)
                            return false;
                        const auto now = std::chrono::steady_clock::now();
                        if (hasFault && fault.fault == Fault::WatchErrorEvent410) {
                            const std::string line
                                = json{{"type", "ERROR"},
                                       {"object", status(410, "Expired",
                                                         "too old resource version: "
                                                             + std::to_string(fromRv))}}
                                      .dump()
                                  + "\n";
                            lock.unlock();
                            sink.write(line.data(), line.size());
                            sink.done();
                            return true;
                        }
                        if (hasFault && fault.fault == Fault::WatchSilent) {
                            if (now >= state->deadline)
                                return false;
                            m_changed.wait_for(lock, std::chrono::milliseconds(100));
                            continue;
                        }
                        std::string out;
                        for (const Event &e : m_events) {
                            if (e.rv <= state->lastRv || e.resource != resource)
                                continue;
                            if (!ns.empty()
                                && e.object["metadata"].value("namespace", std::string()) != ns)
                                continue;
                            if (hasFault && fault.fault == Fault::WatchDrop
                                && state->sent >= fault.afterEvents) {
                                // Half an event, then a reset connection.
                                const std::string line
                                    = json{{"type", e.type}, {"object", e.object}}.dump();
                                out += line.substr(0, line.size() / 2);
                                lock.unlock();
                                sink.write(out.data(), out.size());
                                return false;
                            }
                            json o = e.object;
                            o["kind"] = info->kind;
                            o["apiVersion"] = apiVersion;
                            out += json{{"type", e.type}, {"object", o}}.dump() + "\n";
                            state->lastRv = e.rv;
                            ++state->sent;
                        }
                        if (hasFault && fault.fault == Fault::WatchDrop
                            && state->sent >= fault.afterEvents && out.empty()) {
                            lock.unlock();
                            const char half[] = "{\"type\":\"MODIF";
                            sink.write(half, sizeof(half) - 1);
                            return false;
                        }
                        if (now >= state->nextBookmark) {
                            out += json{{"type", "BOOKMARK"},
                                        {"object",
                                         {{"kind", info->kind},
                                          {"apiVersion", apiVersion},
                                          {"metadata",
                                           {{"resourceVersion", std::to_string(m_rv)}}}}}}
                                       .dump()
                                   + "\n";
                            state->lastRv = std::max(state->lastRv, m_rv);
                            state->nextBookmark = now + std::chrono::milliseconds(m_bookmarkMs);
                        }
                        if (!out.empty()) {
                            lock.unlock();
                            return sink.write(out.data(), out.size());
                        }
                        if ((hasFault && fault.fault == Fault::WatchCleanClose)
                            || now >= state->deadline) {
                            lock.unlock();
                            sink.done();
                            return true;
                        }
                        m_changed.wait_for(lock, std::chrono::milliseconds(50));
                    }
                },
                [this](bool) {
                    std::lock_guard lock(m_mutex);
                    --m_activeWatches;
                });
            return;
        }

        // ---- list ----
        const std::string cont = req.get_param_value("continue");
        const int limit = req.has_param("limit") ? std::stoi(req.get_param_value("limit")) : 0;
        std::lock_guard lock(m_mutex);
        ++m_lists[resource];
        if (cont.empty())
            ++m_fullLists[resource];
        PendingFault fault{};
        if (takeFault(resource, false, !cont.empty(), fault)) {
            if (fault.fault == Fault::Continue410) {
                sendStatus(res, 410, "Expired", "The provided continue parameter is too old");
                return;
            }
            if (fault.status == 429)
                sendStatus(res, 429, "TooManyRequests",
                           "too many requests, please try again later");
            else if (fault.status == 403)
                sendStatus(res, 403, "Forbidden", resource + " is forbidden");
            else
                sendStatus(res, fault.status, "InternalError", "scripted failure");
            return;
        }
        Snapshot snap;
        std::size_t offset = 0;
        if (!cont.empty()) {
            const std::size_t colon = cont.find(':');
            auto it = m_snapshots.find(cont.substr(0, colon));
            if (it == m_snapshots.end() || it->second.epoch != m_epoch
                || colon == std::string::npos) {
                sendStatus(res, 410, "Expired", "The provided continue parameter is too old");
                return;
            }
            snap = it->second;
            offset = std::stoul(cont.substr(colon + 1));
        } else {
            snap.epoch = m_epoch;
            snap.rv = m_rv;
            for (const auto &[k, o] : m_objects[resource])
                if (ns.empty() || o["metadata"].value("namespace", std::string()) == ns)
                    snap.items.push_back(o);
        }
        json items = json::array();
        std::size_t end = snap.items.size();
        if (limit > 0)
            end = std::min(end, offset + std::size_t(limit));
        for (std::size_t i = offset; i < end; ++i)
            items.push_back(snap.items[i]);
        json list = {{"kind", std::string(info->kind) + "List"},
                     {"apiVersion", apiVersion},
                     {"metadata", {{"resourceVersion", std::to_string(snap.rv)}}},
                     {"items", items}};
        if (end < snap.items.size()) {
            std::string id = cont.empty() ? "t" + std::to_string(m_nextToken++)
                                          : cont.substr(0, cont.find(':'));
            if (cont.empty())
                m_snapshots[id] = snap;
            list["metadata"]["continue"] = id + ":" + std::to_string(end);
        }
        res.set_content(list.dump(), "application/json");
    });
}

} // namespace Orrery::Test
