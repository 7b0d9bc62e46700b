// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiobjectstate.h"

#include <httplib.h>

#include <algorithm>
#include <charconv>

namespace Orrery::Test {

using json = nlohmann::json;

json statusObject(int code, const std::string &reason, const std::string &message)
{
    return {{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", json::object()},
            {"status", "Failure"}, {"message", message}, {"reason", reason},
            {"code", code}};
}

void sendStatus(httplib::Response &res, int code, const std::string &reason,
                const std::string &message)
{
    res.status = code;
    res.set_content(statusObject(code, reason, message).dump(), "application/json");
}

bool parseNumber(const std::string &text, std::uint64_t &out)
{
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && p == text.data() + text.size();
}

std::optional<ApiPath> ApiPath::parse(const std::string &path)
{
    std::vector<std::string> seg;
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        if (end > start)
            seg.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    ApiPath out;
    std::size_t rest = 0;
    if (seg.size() >= 2 && seg[0] == "api") {
        out.version = seg[1];
        rest = 2;
    } else if (seg.size() >= 3 && seg[0] == "apis") {
        out.group = seg[1];
        out.version = seg[2];
        rest = 3;
    } else {
        return std::nullopt;
    }
    out.rest.assign(seg.begin() + std::ptrdiff_t(rest), seg.end());
    return out;
}

std::string ApiObjectState::keyOf(const json &object)
{
    const json &m = object["metadata"];
    return m.value("namespace", std::string()) + "/" + m.value("name", std::string());
}

void ApiObjectState::put(const std::string &resource, json object)
{
    const std::uint64_t rv = ++m_rv;
    object["metadata"]["resourceVersion"] = std::to_string(rv);
    if (!object["metadata"].contains("creationTimestamp"))
        object["metadata"]["creationTimestamp"] = "2024-01-01T00:00:00Z";
    auto &objs = m_objects[resource];
    const std::string k = keyOf(object);
    const bool existed = objs.count(k) > 0;
    objs[k] = object;
    m_events.push_back({rv, resource, existed ? "MODIFIED" : "ADDED", std::move(object)});
}

bool ApiObjectState::remove(const std::string &resource, const std::string &ns,
                            const std::string &name)
{
    auto &objs = m_objects[resource];
    auto it = objs.find(ns + "/" + name);
    if (it == objs.end())
        return false;
    json object = std::move(it->second);
    objs.erase(it);
    const std::uint64_t rv = ++m_rv;
    object["metadata"]["resourceVersion"] = std::to_string(rv);
    m_events.push_back({rv, resource, "DELETED", std::move(object)});
    return true;
}

std::vector<json> ApiObjectState::objects(const std::string &resource) const
{
    std::vector<json> out;
    if (auto it = m_objects.find(resource); it != m_objects.end())
        for (const auto &[k, o] : it->second)
            out.push_back(o);
    return out;
}

const json *ApiObjectState::find(const std::string &resource, const std::string &ns,
                                 const std::string &name) const
{
    auto objs = m_objects.find(resource);
    if (objs == m_objects.end())
        return nullptr;
    auto it = objs->second.find(ns + "/" + name);
    return it == objs->second.end() ? nullptr : &it->second;
}

void ApiObjectState::compact()
{
    m_compactedRv = m_rv;
    m_events.clear();
}

void ApiObjectState::reset(std::uint64_t firstResourceVersion)
{
    ++m_epoch;
    m_objects.clear();
    m_events.clear();
    m_snapshots.clear();
    m_rv = firstResourceVersion;
    m_compactedRv = firstResourceVersion;
}

std::optional<json> ApiObjectState::listPage(const std::string &resource, const std::string &kind,
                                             const std::string &apiVersion, const std::string &ns,
                                             const std::string &continueToken, std::size_t limit)
{
    const std::string &cont = continueToken;
    Snapshot snap;
    std::size_t offset = 0;
    if (!cont.empty()) {
        const std::size_t colon = cont.find(':');
        auto it = colon == std::string::npos ? m_snapshots.end()
                                             : m_snapshots.find(cont.substr(0, colon));
        std::uint64_t parsed = 0;
        if (it == m_snapshots.end() || it->second.epoch != m_epoch
            || !parseNumber(cont.substr(colon + 1), parsed))
            return std::nullopt;
        snap = it->second;
        offset = std::min<std::size_t>(parsed, snap.items.size());
    } else {
        snap.epoch = m_epoch;
        snap.rv = m_rv;
        for (const auto &[k, o] : m_objects[resource])
            if (ns.empty() || o["metadata"].value("namespace", std::string()) == ns)
                snap.items.push_back(o);
    }
    std::size_t end = snap.items.size();
    if (limit > 0)
        end = std::min(end, offset + limit);
    json items = json::array();
    for (std::size_t i = offset; i < end; ++i)
        items.push_back(snap.items[i]);
    json list = {{"kind", kind + "List"},
                 {"apiVersion", apiVersion},
                 {"metadata", {{"resourceVersion", std::to_string(snap.rv)}}},
                 {"items", std::move(items)}};
    if (end < snap.items.size()) {
        const std::size_t remaining = snap.items.size() - end;
        const std::string id = cont.empty() ? std::string("t").append(std::to_string(m_nextToken++))
                                            : cont.substr(0, cont.find(':'));
        if (cont.empty())
            m_snapshots[id] = std::move(snap);
        list["metadata"]["continue"] = id + ":" + std::to_string(end);
        // As kube-apiserver: how many items the rest of the list holds.
        list["metadata"]["remainingItemCount"] = remaining;
    }
    return list;
}

std::string ApiObjectState::eventLine(const Event &event, const std::string &kind,
                                      const std::string &apiVersion)
{
    json o = event.object;
    o["kind"] = kind;
    o["apiVersion"] = apiVersion;
    return json{{"type", event.type}, {"object", std::move(o)}}.dump() + "\n";
}

std::string ApiObjectState::bookmarkLine(const std::string &kind, const std::string &apiVersion,
                                         std::uint64_t resourceVersion)
{
    return json{{"type", "BOOKMARK"},
                {"object",
                 {{"kind", kind},
                  {"apiVersion", apiVersion},
                  {"metadata", {{"resourceVersion", std::to_string(resourceVersion)}}}}}}
               .dump()
           + "\n";
}

std::string ApiObjectState::errorLine(int code, const std::string &reason,
                                      const std::string &message)
{
    return json{{"type", "ERROR"}, {"object", statusObject(code, reason, message)}}.dump() + "\n";
}

} // namespace Orrery::Test
