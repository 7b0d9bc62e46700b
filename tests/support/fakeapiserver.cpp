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

bool FakeApiServer::start(int port)
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    return m_http.start(port, 64, [this](httplib::Server &server) { installRoutes(server); });
}

void FakeApiServer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_http.stop();
}

bool FakeApiServer::restart(std::vector<std::pair<std::string, json>> objects,
                            std::uint64_t firstResourceVersion)
{
    stop();
    {
        std::lock_guard lock(m_mutex);
        m_state.reset(firstResourceVersion);
        for (auto &[resource, object] : objects)
            m_state.put(resource, std::move(object));
        // The new cluster's history starts now: older versions are unknown (410).
        m_state.compact();
    }
    return start(m_http.port());
}

std::string FakeApiServer::url() const
{
    return m_http.url();
}

void FakeApiServer::put(const std::string &resource, json object)
{
    {
        std::lock_guard lock(m_mutex);
        m_state.put(resource, std::move(object));
    }
    m_changed.notify_all();
}

bool FakeApiServer::remove(const std::string &resource, const std::string &ns,
                           const std::string &name)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_state.remove(resource, ns, name))
            return false;
    }
    m_changed.notify_all();
    return true;
}

std::vector<json> FakeApiServer::objects(const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    return m_state.objects(resource);
}

std::uint64_t FakeApiServer::resourceVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_state.resourceVersion();
}

void FakeApiServer::compact()
{
    std::lock_guard lock(m_mutex);
    m_state.compact();
}

void FakeApiServer::addFault(const std::string &resource, Fault fault, int status, int afterEvents)
{
    std::lock_guard lock(m_mutex);
    m_faults[resource].push_back({fault, status, afterEvents});
}

void FakeApiServer::setListBudget(int pages)
{
    {
        std::lock_guard lock(m_mutex);
        m_listBudget = pages;
    }
    m_changed.notify_all();
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
    const bool isWatchFault = f.fault != Fault::ListStatus && f.fault != Fault::Continue410
                              && f.fault != Fault::ContinueStatus;
    if (isWatchFault != watch)
        return false;
    if ((f.fault == Fault::Continue410 || f.fault == Fault::ContinueStatus) && !hasContinue)
        return false;
    out = f;
    it->second.pop_front();
    return true;
}

void FakeApiServer::installRoutes(httplib::Server &server)
{
    server.Get(".*", [this](const httplib::Request &req, httplib::Response &res) {
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
        const std::optional<ApiPath> path = ApiPath::parse(req.path);
        if (!path) {
            sendStatus(res, 404, "NotFound", "the server could not find the requested resource");
            return;
        }
        const std::string &group = path->group;
        const std::vector<std::string> &seg = path->rest;
        {
            std::lock_guard lock(m_mutex);
            const auto &served = m_groupVersions[group];
            if (std::find(served.begin(), served.end(), path->version) == served.end()) {
                sendStatus(res, 404, "NotFound",
                           "the server could not find the requested resource");
                return;
            }
        }
        const std::string apiVersion = path->apiVersion();
        if (seg.empty()) {
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
            res.set_content(json{{"kind", "APIResourceList"},
                                 {"groupVersion", apiVersion},
                                 {"resources", resources}}
                                .dump(),
                            "application/json");
            return;
        }
        std::string ns, resource, name;
        if (seg[0] == "namespaces" && seg.size() >= 3) {
            ns = seg[1];
            resource = seg[2];
            if (seg.size() > 3)
                name = seg[3];
        } else {
            resource = seg[0];
            if (seg.size() > 1)
                name = seg[1];
        }
        const ResourceInfo *info = findResource(resource);
        if (!info || group != info->group) {
            sendStatus(res, 404, "NotFound", "the server could not find the requested resource");
            return;
        }
        const std::string kind = info->kind;
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
            const json *found = m_state.find(resource, ns, name);
            if (!found) {
                sendStatus(res, 404, "NotFound", resource + " \"" + name + "\" not found");
                return;
            }
            json o = *found;
            o["kind"] = kind;
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
                epoch = m_state.epoch();
                expired = m_state.isCompacted(fromRv) || fromRv > m_state.resourceVersion();
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
            const auto opened = std::chrono::steady_clock::now();
            state->deadline = opened + std::chrono::seconds(timeoutSec);
            if (hasFault && fault.fault == Fault::WatchSilent)
                state->deadline = opened + std::chrono::seconds(30);
            state->nextBookmark
                = opened + std::chrono::milliseconds(m_bookmarkMs > 0 ? m_bookmarkMs : 1000000000);
            {
                std::lock_guard lock(m_mutex);
                ++m_activeWatches;
            }
            // Not "application/json": cpp-httplib would gzip it and hold events in the
            // compressor; a watch must flush every event.
            res.set_chunked_content_provider(
                "application/json;stream=watch",
                [this, state, resource, ns, fault, hasFault, epoch, apiVersion, kind,
                 fromRv](std::size_t, httplib::DataSink &sink) {
                    std::unique_lock lock(m_mutex);
                    for (;;) {
                        if (m_stopping || m_state.epoch() != epoch)
                            return false;
                        const auto now = std::chrono::steady_clock::now();
                        if (hasFault && fault.fault == Fault::WatchErrorEvent410) {
                            const std::string line = ApiObjectState::errorLine(
                                410, "Expired",
                                "too old resource version: " + std::to_string(fromRv));
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
                        for (const ApiObjectState::Event &e : m_state.events()) {
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
                            out += ApiObjectState::eventLine(e, kind, apiVersion);
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
                            out += ApiObjectState::bookmarkLine(kind, apiVersion,
                                                                m_state.resourceVersion());
                            state->lastRv = std::max(state->lastRv, m_state.resourceVersion());
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
        std::unique_lock lock(m_mutex);
        ++m_lists[resource];
        if (cont.empty())
            ++m_fullLists[resource];
        PendingFault fault{};
        const bool faulty = takeFault(resource, false, !cont.empty(), fault);
        if (!faulty) {
            // setListBudget: a list held between two pages until the test lets it go on.
            m_changed.wait(lock, [this] { return m_stopping || m_listBudget != 0; });
            if (m_listBudget > 0)
                --m_listBudget;
        }
        if (faulty) {
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
        const std::optional<json> page = m_state.listPage(resource, kind, apiVersion, ns, cont,
                                                          std::size_t(std::max(limit, 0)));
        if (!page) {
            sendStatus(res, 410, "Expired", "The provided continue parameter is too old");
            return;
        }
        res.set_content(page->dump(), "application/json");
    });
}

} // namespace Orrery::Test
