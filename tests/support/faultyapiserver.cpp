// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultyapiserver.h"

#include <httplib.h>

#include <algorithm>
#include <thread>

namespace Orrery::Test {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct FaultyResourceInfo
{
    const char *group;
    const char *version;
    const char *resource;
    const char *kind;
};

const FaultyResourceInfo s_faultyResources[] = {
    {"", "v1", "pods", "Pod"},
    {"", "v1", "configmaps", "ConfigMap"},
    {"apps", "v1", "deployments", "Deployment"},
};

const FaultyResourceInfo *findResource(const std::string &group, const std::string &version,
                                       const std::string &name)
{
    for (const FaultyResourceInfo &r : s_faultyResources)
        if (group == r.group && version == r.version && name == r.resource)
            return &r;
    return nullptr;
}

std::string reasonFor(int code)
{
    switch (code) {
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 410: return "Expired";
    case 429: return "TooManyRequests";
    default: return "InternalError";
    }
}

// A Status whose reason follows from the code.
void sendStatus(httplib::Response &res, int code, const std::string &message)
{
    Test::sendStatus(res, code, reasonFor(code), message);
}

bool isListFault(FaultyApiServer::Fault f)
{
    using F = FaultyApiServer::Fault;
    return f == F::ListDrop || f == F::ListStatus || f == F::Continue410;
}

bool isStreamFault(FaultyApiServer::Fault f)
{
    return !isListFault(f) && f != FaultyApiServer::Fault::WatchStatus;
}

} // namespace

const char *FaultyApiServer::faultName(Fault fault)
{
    switch (fault) {
    case Fault::ListDrop: return "list dropped mid-body";
    case Fault::ListStatus: return "list status";
    case Fault::Continue410: return "410 on continue";
    case Fault::WatchStatus: return "watch status";
    case Fault::WatchDrop: return "watch dropped mid-event";
    case Fault::WatchDropCompacted: return "watch dropped + compaction";
    case Fault::WatchErrorEvent: return "watch ERROR event";
    case Fault::WatchSilent: return "watch silent";
    case Fault::WatchMalformed: return "malformed line";
    case Fault::WatchOversized: return "oversized line";
    case Fault::WatchEndless: return "endless line";
    }
    return "?";
}

std::vector<std::string> FaultyApiServer::resources()
{
    std::vector<std::string> out;
    for (const FaultyResourceInfo &r : s_faultyResources)
        out.emplace_back(r.resource);
    return out;
}

FaultyApiServer::FaultyApiServer() = default;

FaultyApiServer::~FaultyApiServer()
{
    stop();
}

bool FaultyApiServer::start(int port)
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    return m_http.start(port, 32, [this](httplib::Server &server) { installRoutes(server); });
}

void FaultyApiServer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_http.stop();
}

bool FaultyApiServer::restart(std::map<std::string, std::vector<json>> objects,
                              std::uint64_t firstResourceVersion)
{
    stop();
    {
        std::lock_guard lock(m_mutex);
        m_state.reset(firstResourceVersion);
        m_currentWatch.clear();
        for (auto &[resource, list] : objects)
            for (json &o : list)
                m_state.put(resource, std::move(o));
        // The new cluster's history starts now.
        m_state.compact();
    }
    return start(m_http.port());
}

std::string FaultyApiServer::url() const
{
    return m_http.url();
}

void FaultyApiServer::put(const std::string &resource, json object)
{
    {
        std::lock_guard lock(m_mutex);
        m_state.put(resource, std::move(object));
    }
    m_changed.notify_all();
}

bool FaultyApiServer::remove(const std::string &resource, const std::string &ns,
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

std::vector<json> FaultyApiServer::objects(const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    return m_state.objects(resource);
}

std::uint64_t FaultyApiServer::resourceVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_state.resourceVersion();
}

void FaultyApiServer::inject(const std::string &resource, const FaultSpec &fault)
{
    {
        std::lock_guard lock(m_mutex);
        m_faults[resource].push_back(fault);
    }
    m_changed.notify_all();
}

std::size_t FaultyApiServer::pendingFaults() const
{
    std::lock_guard lock(m_mutex);
    std::size_t n = 0;
    for (const auto &[r, q] : m_faults)
        n += q.size();
    return n;
}

std::size_t FaultyApiServer::pendingFaults(const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_faults.find(resource);
    return it == m_faults.end() ? 0 : it->second.size();
}

std::vector<int> FaultyApiServer::deliveredFaults() const
{
    std::lock_guard lock(m_mutex);
    return m_delivered;
}

int FaultyApiServer::watchesStreamed(const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_watchesStreamed.find(resource);
    return it == m_watchesStreamed.end() ? 0 : it->second;
}

int FaultyApiServer::fullLists(const std::string &resource) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_fullLists.find(resource);
    return it == m_fullLists.end() ? 0 : it->second;
}

std::vector<FaultyApiServer::RetryAfterRecord> FaultyApiServer::retryAfterRecords() const
{
    std::lock_guard lock(m_mutex);
    return m_retryAfter;
}

std::size_t FaultyApiServer::lastEndlessBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_lastEndlessBytes;
}

void FaultyApiServer::setBookmarkIntervalMs(int ms)
{
    std::lock_guard lock(m_mutex);
    m_bookmarkMs = ms;
}

bool FaultyApiServer::takeFault(const std::string &resource, bool (*accepts)(Fault), FaultSpec &out)
{
    // The oldest fault this request can meet; a list fault does not hold up a watch fault
    // (a test arms a list fault and then drops the watch to make the client list).
    auto it = m_faults.find(resource);
    if (it == m_faults.end())
        return false;
    auto f = std::find_if(it->second.begin(), it->second.end(),
                          [accepts](const FaultSpec &s) { return accepts(s.fault); });
    if (f == it->second.end())
        return false;
    out = *f;
    it->second.erase(f);
    ++m_delivered[std::size_t(out.fault)];
    return true;
}

void FaultyApiServer::noteRequest(const std::string &resource)
{
    for (RetryAfterRecord &r : m_retryAfter)
        if (r.resource == resource && r.nextRequestAt == Clock::time_point())
            r.nextRequestAt = Clock::now();
}

std::string FaultyApiServer::retryAfterTag(std::uint64_t id)
{
    return "(retry-after #" + std::to_string(id) + ")";
}

std::uint64_t FaultyApiServer::retryAfterIdIn(const std::string &message)
{
    const std::string prefix = "(retry-after #";
    const std::size_t at = message.find(prefix);
    if (at == std::string::npos)
        return 0;
    const std::size_t from = at + prefix.size();
    const std::size_t end = message.find(')', from);
    std::uint64_t id = 0;
    if (end == std::string::npos || !parseNumber(message.substr(from, end - from), id))
        return 0;
    return id;
}

void FaultyApiServer::answerStatus(std::unique_lock<std::mutex> &lock, const std::string &resource,
                                   const FaultSpec &fault, const std::string &message,
                                   httplib::Response &res)
{
    if (fault.holdMs > 0) {
        lock.unlock();
        std::this_thread::sleep_for(std::chrono::milliseconds(fault.holdMs));
        lock.lock();
    }
    if (fault.status == 429 && fault.retryAfterSec > 0) {
        const std::uint64_t id = m_nextRetryAfterId++;
        sendStatus(res, fault.status, message + " " + retryAfterTag(id));
        res.set_header("Retry-After", std::to_string(fault.retryAfterSec));
        m_retryAfter.push_back({id, resource, fault.retryAfterSec, Clock::now(), {}});
        return;
    }
    sendStatus(res, fault.status, message);
}

void FaultyApiServer::installRoutes(httplib::Server &server)
{
    server.Get(".*", [this](const httplib::Request &req, httplib::Response &res) {
        if (req.path == "/version") {
            res.set_content(R"({"major":"1","minor":"30","gitVersion":"v1.30.0-faulty"})",
                            "application/json");
            return;
        }
        if (req.path == "/api") {
            res.set_content(R"({"kind":"APIVersions","versions":["v1"]})", "application/json");
            return;
        }
        if (req.path == "/apis") {
            const json v = {{"groupVersion", "apps/v1"}, {"version", "v1"}};
            const json groups = json::array(
                {{{"name", "apps"}, {"versions", json::array({v})}, {"preferredVersion", v}}});
            res.set_content(json{{"kind", "APIGroupList"}, {"groups", groups}}.dump(),
                            "application/json");
            return;
        }
        const std::optional<ApiPath> path = ApiPath::parse(req.path);
        if (!path) {
            sendStatus(res, 404, "the server could not find the requested resource");
            return;
        }
        const std::string &group = path->group;
        const std::string &version = path->version;
        const std::vector<std::string> &seg = path->rest;
        const std::string apiVersion = path->apiVersion();
        if (seg.empty()) {
            json list = json::array();
            for (const FaultyResourceInfo &r : s_faultyResources) {
                if (group == r.group && version == r.version)
                    list.push_back({{"name", r.resource},
                                    {"singularName", ""},
                                    {"namespaced", true},
                                    {"kind", r.kind},
                                    {"verbs", {"get", "list", "watch"}}});
            }
            if (list.empty()) {
                sendStatus(res, 404, "the server could not find the requested resource");
                return;
            }
            res.set_content(
                json{{"kind", "APIResourceList"}, {"groupVersion", apiVersion}, {"resources", list}}
                    .dump(),
                "application/json");
            return;
        }
        // Collections across all namespaces only: that is what the soak's informers watch.
        const FaultyResourceInfo *info
            = seg.size() == 1 ? findResource(group, version, seg[0]) : nullptr;
        if (!info) {
            sendStatus(res, 404, "the server could not find the requested resource");
            return;
        }
        const std::string watch = req.get_param_value("watch");
        if (watch == "true" || watch == "1") {
            std::uint64_t timeout = 300;
            if (req.has_param("timeoutSeconds"))
                parseNumber(req.get_param_value("timeoutSeconds"), timeout);
            serveWatch(info->resource, apiVersion, info->kind,
                       req.get_param_value("resourceVersion"),
                       int(std::min<std::uint64_t>(timeout, 3600)), res);
            return;
        }
        std::uint64_t limit = 0;
        if (req.has_param("limit"))
            parseNumber(req.get_param_value("limit"), limit);
        serveList(info->resource, apiVersion, info->kind, req.get_param_value("continue"),
                  int(std::min<std::uint64_t>(limit, 100000)), res);
    });
}

void FaultyApiServer::serveList(const std::string &resource, const std::string &apiVersion,
                                const std::string &kind, const std::string &cont, int limit,
                                httplib::Response &res)
{
    std::unique_lock lock(m_mutex);
    noteRequest(resource);
    if (cont.empty())
        ++m_fullLists[resource];
    FaultSpec fault;
    const bool faulted
        = takeFault(
              resource, [](Fault f) { return f == Fault::ListDrop || f == Fault::ListStatus; },
              fault)
          || (!cont.empty()
              && takeFault(
                  resource, [](Fault f) { return f == Fault::Continue410; }, fault));
    if (faulted && fault.fault == Fault::Continue410) {
        sendStatus(
            res, 410,
            "The provided continue parameter is too old to display a consistent list result.");
        return;
    }
    if (faulted && fault.fault == Fault::ListStatus) {
        answerStatus(lock, resource, fault, "injected failure", res);
        return;
    }

    const std::optional<json> list
        = m_state.listPage(resource, kind, apiVersion, {}, cont, std::size_t(std::max(limit, 0)));
    if (!list) {
        sendStatus(
            res, 410,
            "The provided continue parameter is too old to display a consistent list result.");
        return;
    }
    std::string body = list->dump();
    if (faulted && fault.fault == Fault::ListDrop) {
        // Headers and half the page, then the connection is cut: the chunked body never ends.
        auto half = std::make_shared<std::string>(body.substr(0, body.size() / 2));
        res.set_chunked_content_provider("application/json;stream=watch",
                                         [half](std::size_t, httplib::DataSink &sink) {
                                             sink.write(half->data(), half->size());
                                             return false;
                                         });
        return;
    }
    res.set_content(body, "application/json");
}

void FaultyApiServer::serveWatch(const std::string &resource, const std::string &apiVersion,
                                 const std::string &kind, const std::string &rvText, int timeoutSec,
                                 httplib::Response &res)
{
    std::uint64_t fromRv = 0;
    std::uint64_t id = 0;
    std::uint64_t epoch = 0;
    bool expired = false;
    {
        std::unique_lock lock(m_mutex);
        noteRequest(resource);
        if (!parseNumber(rvText, fromRv)) {
            sendStatus(res, 400, "a watch needs a resourceVersion");
            return;
        }
        FaultSpec fault;
        if (takeFault(
                resource, [](Fault f) { return f == Fault::WatchStatus; }, fault)) {
            answerStatus(lock, resource, fault,
                         fault.status == 410 ? "too old resource version: " + rvText
                                             : "injected failure",
                         res);
            return;
        }
        expired = m_state.isCompacted(fromRv);
        id = m_nextWatch++;
        m_currentWatch[resource] = id; // an older watch of this resource ends
        epoch = m_state.epoch();
        if (!expired)
            ++m_watchesStreamed[resource];
    }
    m_changed.notify_all();

    struct StreamState
    {
        std::uint64_t lastRv;
        bool silent = false;
        Clock::time_point deadline;
        Clock::time_point nextBookmark;
    };
    auto state = std::make_shared<StreamState>();
    state->lastRv = fromRv;
    state->deadline = Clock::now() + std::chrono::seconds(timeoutSec);
    state->nextBookmark = Clock::now();

    // Not "application/json": cpp-httplib would gzip it and hold events in the compressor.
    res.set_chunked_content_provider(
        "application/json;stream=watch", [this, state, resource, apiVersion, kind, id, epoch,
                                          expired, fromRv](std::size_t, httplib::DataSink &sink) {
            std::unique_lock lock(m_mutex);
            if (expired) {
                const std::string line = ApiObjectState::errorLine(
                    410, "Expired", "too old resource version: " + std::to_string(fromRv));
                lock.unlock();
                sink.write(line.data(), line.size());
                sink.done();
                return true;
            }
            for (;;) {
                if (m_stopping || m_state.epoch() != epoch || m_currentWatch[resource] != id)
                    return false;
                const auto now = Clock::now();
                if (state->silent) {
                    // Say nothing until the client gives up (a newer watch) or long after.
                    if (now >= state->deadline)
                        return false;
                    m_changed.wait_for(lock, std::chrono::milliseconds(20));
                    continue;
                }
                std::string out;
                auto appendEvents = [&] {
                    for (const ApiObjectState::Event &e : m_state.events()) {
                        if (e.rv <= state->lastRv || e.resource != resource)
                            continue;
                        out += ApiObjectState::eventLine(e, kind, apiVersion);
                        state->lastRv = e.rv;
                    }
                };
                FaultSpec fault;
                if (takeFault(resource, isStreamFault, fault)) {
                    switch (fault.fault) {
                    case Fault::WatchDrop:
                    case Fault::WatchDropCompacted: {
                        appendEvents();
                        if (fault.fault == Fault::WatchDropCompacted) {
                            // Under the lock, with this client cut off: whatever version it
                            // holds is now older than the history. The extra write stands for
                            // activity of other kinds, so that a fresh list is not expired.
                            m_state.expireHeldVersions();
                        }
                        const std::string torn
                            = R"({"type":"MODIFIED","object":{"metadata":{"name":"tor)";
                        out += torn;
                        lock.unlock();
                        sink.write(out.data(), out.size());
                        return false;
                    }
                    case Fault::WatchErrorEvent:
                        out = ApiObjectState::errorLine(fault.status, reasonFor(fault.status),
                                                        "injected watch error");
                        lock.unlock();
                        sink.write(out.data(), out.size());
                        sink.done();
                        return true;
                    case Fault::WatchSilent:
                        state->silent = true;
                        state->deadline = now + std::chrono::seconds(20);
                        continue;
                    case Fault::WatchMalformed:
                        out = "{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"name\":\"x\"}}\n";
                        lock.unlock();
                        return sink.write(out.data(), out.size());
                    case Fault::WatchOversized: {
                        // Valid JSON that changes nothing: a bookmark at the stream's version,
                        // padded to `size` bytes.
                        json bookmark = {{"type", "BOOKMARK"},
                                         {"object",
                                          {{"kind", kind},
                                           {"apiVersion", apiVersion},
                                           {"metadata",
                                            {{"resourceVersion", std::to_string(state->lastRv)},
                                             {"annotations", {{"pad", ""}}}}}}}};
                        const std::size_t base = bookmark.dump().size() + 1;
                        bookmark["object"]["metadata"]["annotations"]["pad"]
                            = std::string(fault.size > base ? fault.size - base : 1, 'x');
                        out = bookmark.dump() + "\n";
                        lock.unlock();
                        return sink.write(out.data(), out.size());
                    }
                    case Fault::WatchEndless: {
                        lock.unlock();
                        const std::string chunk(64 * 1024, 'x');
                        std::size_t sent = 0;
                        const std::string head
                            = R"({"type":"ADDED","object":{"metadata":{"name":")";
                        bool open = sink.write(head.data(), head.size());
                        while (open && sent < fault.size) {
                            open = sink.write(chunk.data(), chunk.size());
                            if (open)
                                sent += chunk.size();
                        }
                        std::lock_guard relock(m_mutex);
                        m_lastEndlessBytes = sent;
                        return false;
                    }
                    default: break;
                    }
                }
                auto queued = m_faults.find(resource);
                if (queued != m_faults.end()
                    && std::any_of(
                        queued->second.begin(), queued->second.end(),
                        [](const FaultSpec &s) { return s.fault == Fault::WatchStatus; })) {
                    // The next watch must meet the injected status: end this one cleanly.
                    lock.unlock();
                    sink.done();
                    return true;
                }
                appendEvents();
                if (m_bookmarkMs > 0 && now >= state->nextBookmark) {
                    state->lastRv = std::max(state->lastRv, m_state.resourceVersion());
                    out += ApiObjectState::bookmarkLine(kind, apiVersion, state->lastRv);
                    state->nextBookmark = now + std::chrono::milliseconds(m_bookmarkMs);
                }
                if (!out.empty()) {
                    lock.unlock();
                    return sink.write(out.data(), out.size());
                }
                if (now >= state->deadline) {
                    lock.unlock();
                    sink.done();
                    return true;
                }
                m_changed.wait_for(lock, std::chrono::milliseconds(20));
            }
        });
}

} // namespace Orrery::Test
