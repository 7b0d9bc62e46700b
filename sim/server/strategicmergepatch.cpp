// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategicmergepatch.h"

#include "apierror.h"
#include "patchstrategy.h"

#include <algorithm>

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

const std::string kSetOrder = "$setElementOrder/";
const std::string kDeleteFromList = "$deleteFromPrimitiveList/";

json mergeMap(const json &original, const json &patch);

// A patch fragment with every directive removed, for places where it lands as new data.
json strip(const json &value)
{
    if (value.is_object()) {
        json out = json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (it.key().rfind('$', 0) == 0)
                continue;
            if (it->is_null())
                continue;
            out[it.key()] = strip(*it);
        }
        return out;
    }
    if (value.is_array()) {
        json out = json::array();
        for (const auto &e : value)
            if (!(e.is_object() && e.contains("$patch")))
                out.push_back(strip(e));
        return out;
    }
    return value;
}

std::string directive(const json &value)
{
    if (value.is_object() && value.contains("$patch") && value["$patch"].is_string()) {
        const std::string d = value["$patch"].get<std::string>();
        if (d != "replace" && d != "delete" && d != "merge")
            throw ApiError(400, "BadRequest", "Unknown patch type: " + d);
        return d;
    }
    return {};
}

json mergeList(const std::string &field, const json &original, const json &patch)
{
    const json orig = original.is_array() ? original : json::array();
    for (const auto &e : patch)
        if (directive(e) == "replace")
            return strip(patch);
    json sample;
    for (const auto &e : patch)
        if (e.is_object() && !e.contains("$patch")) {
            sample = e;
            break;
        }
    if (sample.is_null())
        for (const auto &e : orig)
            if (e.is_object()) {
                sample = e;
                break;
            }
    const std::string key = PatchStrategy::mergeKey(field, sample);
    if (key.empty()) {
        if (PatchStrategy::isPrimitiveSet(field)) {
            json out = orig;
            for (const auto &e : patch)
                if (std::find(out.begin(), out.end(), e) == out.end())
                    out.push_back(e);
            return out;
        }
        return strip(patch);
    }
    json out = orig;
    for (const auto &e : patch) {
        if (!e.is_object() || !e.contains(key)) {
            if (directive(e).empty())
                out.push_back(strip(e));
            continue;
        }
        const json &k = e[key];
        auto match = std::find_if(out.begin(), out.end(), [&](const json &o) {
            return o.is_object() && o.contains(key) && o[key] == k;
        });
        if (directive(e) == "delete") {
            out.erase(std::remove_if(out.begin(), out.end(),
                                     [&](const json &o) {
                                         return o.is_object() && o.contains(key) && o[key] == k;
                                     }),
                      out.end());
        } else if (match != out.end()) {
            *match = mergeMap(*match, e);
        } else {
            out.push_back(mergeMap(json::object(), e));
        }
    }
    return out;
}

json applyOrder(const std::string &field, const json &list, const json &order)
{
    if (!list.is_array() || !order.is_array())
        return list;
    json sample = list.empty() ? json() : list[0];
    const std::string key = PatchStrategy::mergeKey(field, sample);
    json ordered = json::array();
    std::vector<bool> used(list.size(), false);
    for (const auto &o : order) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (used[i])
                continue;
            const bool same = key.empty() ? list[i] == o
                                          : (o.is_object() && o.contains(key) && list[i].is_object()
                                             && list[i].contains(key) && list[i][key] == o[key]);
            if (same) {
                ordered.push_back(list[i]);
                used[i] = true;
                break;
            }
        }
    }
    for (std::size_t i = 0; i < list.size(); ++i)
        if (!used[i])
            ordered.push_back(list[i]);
    return ordered;
}

json mergeMap(const json &original, const json &patch)
{
    if (!patch.is_object())
        return patch;
    const std::string d = directive(patch);
    if (d == "replace")
        return strip(patch);
    json out = original.is_object() ? original : json::object();
    std::vector<std::pair<std::string, json>> orders;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const std::string &k = it.key();
        const json &v = *it;
        if (k == "$patch" || k == "$retainKeys")
            continue;
        if (k.rfind(kSetOrder, 0) == 0) {
            orders.emplace_back(k.substr(kSetOrder.size()), v);
            continue;
        }
        if (k.rfind(kDeleteFromList, 0) == 0) {
            const std::string f = k.substr(kDeleteFromList.size());
            if (out.contains(f) && out[f].is_array() && v.is_array()) {
                json kept = json::array();
                for (const auto &e : out[f])
                    if (std::find(v.begin(), v.end(), e) == v.end())
                        kept.push_back(e);
                out[f] = kept;
            }
            continue;
        }
        if (v.is_null()) {
            out.erase(k);
        } else if (v.is_object()) {
            if (directive(v) == "delete")
                out.erase(k);
            else
                out[k] = mergeMap(out.contains(k) ? out[k] : json(), v);
        } else if (v.is_array()) {
            out[k] = mergeList(k, out.contains(k) ? out[k] : json(), v);
        } else {
            out[k] = v;
        }
    }
    for (const auto &[f, order] : orders)
        if (out.contains(f))
            out[f] = applyOrder(f, out[f], order);
    if (patch.contains("$retainKeys") && patch["$retainKeys"].is_array()) {
        const json &keep = patch["$retainKeys"];
        for (auto it = out.begin(); it != out.end();) {
            if (std::find(keep.begin(), keep.end(), it.key()) == keep.end())
                it = out.erase(it);
            else
                ++it;
        }
    }
    return out;
}

} // namespace

json StrategicMergePatch::apply(const json &original, const json &patch)
{
    if (!patch.is_object())
        throw ApiError(400, "BadRequest", "strategic merge patch must be a JSON object");
    return mergeMap(original, patch);
}

} // namespace Orrery::Sim
