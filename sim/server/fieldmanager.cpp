// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldmanager.h"

#include "apierror.h"
#include "patchstrategy.h"

#include <algorithm>
#include <functional>
#include <map>

namespace Orrery::Sim {

using json = nlohmann::json;
using Path = FieldManager::Path;
using FieldSet = FieldManager::FieldSet;

namespace {

bool ignoredTopLevel(const std::string &key, bool statusOnly)
{
    if (statusOnly)
        return key != "status";
    return key == "apiVersion" || key == "kind" || key == "status";
}

bool ignoredMetadata(const std::string &key)
{
    return key == "name" || key == "namespace" || key == "uid" || key == "resourceVersion"
           || key == "generation" || key == "creationTimestamp" || key == "managedFields"
           || key == "deletionTimestamp" || key == "deletionGracePeriodSeconds"
           || key == "selfLink";
}

std::string elementKey(const std::string &key, const json &value)
{
    return "k:" + json{{key, value}}.dump();
}

void collect(const json &value, Path &path, FieldSet &out, const std::string &field)
{
    if (value.is_object() && !value.empty()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            path.push_back("f:" + it.key());
            collect(*it, path, out, it.key());
            path.pop_back();
        }
        return;
    }
    if (value.is_array() && !value.empty()) {
        const std::string key = PatchStrategy::mergeKey(field, value[0]);
        const bool keyed
            = !key.empty() && std::all_of(value.begin(), value.end(), [&](const json &e) {
                  return e.is_object() && e.contains(key);
              });
        if (keyed) {
            for (const auto &e : value) {
                path.push_back(elementKey(key, e[key]));
                out.insert(path);
                for (auto it = e.begin(); it != e.end(); ++it) {
                    path.push_back("f:" + it.key());
                    collect(*it, path, out, it.key());
                    path.pop_back();
                }
                path.pop_back();
            }
            return;
        }
    }
    out.insert(path);
}

const json *child(const json *cur, const std::string &segment)
{
    if (!cur)
        return nullptr;
    if (segment.rfind("f:", 0) == 0) {
        if (!cur->is_object())
            return nullptr;
        auto it = cur->find(segment.substr(2));
        return it == cur->end() ? nullptr : &*it;
    }
    if (segment.rfind("k:", 0) == 0 && cur->is_array()) {
        const json key = json::parse(segment.substr(2));
        for (const auto &e : *cur) {
            bool match = e.is_object();
            for (auto it = key.begin(); match && it != key.end(); ++it)
                match = e.contains(it.key()) && e[it.key()] == *it;
            if (match)
                return &e;
        }
    }
    return nullptr;
}

const json *valueAt(const json &obj, const Path &path)
{
    const json *cur = &obj;
    for (const auto &s : path) {
        cur = child(cur, s);
        if (!cur)
            return nullptr;
    }
    return cur;
}

void eraseAt(json &obj, const Path &path)
{
    if (path.empty())
        return;
    json *cur = &obj;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        cur = const_cast<json *>(child(cur, path[i]));
        if (!cur)
            return;
    }
    const std::string &last = path.back();
    if (last.rfind("f:", 0) == 0 && cur->is_object()) {
        cur->erase(last.substr(2));
    } else if (last.rfind("k:", 0) == 0 && cur->is_array()) {
        const json *target = child(cur, last);
        for (auto it = cur->begin(); it != cur->end(); ++it)
            if (&*it == target) {
                cur->erase(it);
                break;
            }
    }
}

// Structured merge of an applied configuration into the live object.
json mergeApplied(const json &live, const json &applied, const std::string &field)
{
    if (applied.is_object()) {
        json out = live.is_object() ? live : json::object();
        for (auto it = applied.begin(); it != applied.end(); ++it)
            out[it.key()]
                = mergeApplied(out.contains(it.key()) ? out[it.key()] : json(), *it, it.key());
        return out;
    }
    if (applied.is_array() && live.is_array() && !applied.empty()) {
        const std::string key = PatchStrategy::mergeKey(field, applied[0]);
        if (!key.empty()) {
            json out = live;
            for (const auto &e : applied) {
                if (!e.is_object() || !e.contains(key))
                    return applied;
                auto match = std::find_if(out.begin(), out.end(), [&](const json &o) {
                    return o.is_object() && o.contains(key) && o[key] == e[key];
                });
                if (match != out.end())
                    *match = mergeApplied(*match, e, field);
                else
                    out.push_back(e);
            }
            return out;
        }
    }
    return applied;
}

struct Entry
{
    std::string manager;
    std::string operation;
    std::string apiVersion;
    std::string subresource;
    std::string time;
    FieldSet fields;
};

std::vector<Entry> readEntries(const json &obj)
{
    std::vector<Entry> out;
    const json *mf = valueAt(obj, {"f:metadata", "f:managedFields"});
    if (!mf || !mf->is_array())
        return out;
    for (const auto &e : *mf) {
        Entry entry{e.value("manager", std::string()),
                    e.value("operation", std::string()),
                    e.value("apiVersion", std::string()),
                    e.value("subresource", std::string()),
                    e.value("time", std::string()),
                    FieldManager::fromFieldsV1(e.value("fieldsV1", json::object()))};
        out.push_back(std::move(entry));
    }
    return out;
}

void writeEntries(json &obj, const std::vector<Entry> &entries)
{
    json arr = json::array();
    for (const auto &e : entries) {
        if (e.fields.empty())
            continue;
        json j = {{"manager", e.manager},       {"operation", e.operation},
                  {"apiVersion", e.apiVersion}, {"time", e.time},
                  {"fieldsType", "FieldsV1"},   {"fieldsV1", FieldManager::toFieldsV1(e.fields)}};
        if (!e.subresource.empty())
            j["subresource"] = e.subresource;
        arr.push_back(std::move(j));
    }
    if (arr.empty())
        obj["metadata"].erase("managedFields");
    else
        obj["metadata"]["managedFields"] = std::move(arr);
}

bool hasPrefix(const Path &p, const Path &prefix)
{
    return p.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), p.begin());
}

std::string quoteManager(const Entry &e)
{
    std::string s = "\"" + e.manager + "\"";
    if (e.operation == "Update")
        s += " using " + e.apiVersion;
    return s;
}

} // namespace

FieldSet FieldManager::fieldsOf(const json &object, bool statusOnly)
{
    FieldSet out;
    if (!object.is_object())
        return out;
    Path path;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (ignoredTopLevel(it.key(), statusOnly))
            continue;
        path.push_back("f:" + it.key());
        if (it.key() == "metadata" && it->is_object()) {
            for (auto m = it->begin(); m != it->end(); ++m) {
                if (ignoredMetadata(m.key()))
                    continue;
                path.push_back("f:" + m.key());
                collect(*m, path, out, m.key());
                path.pop_back();
            }
        } else {
            collect(*it, path, out, it.key());
        }
        path.pop_back();
    }
    return out;
}

json FieldManager::toFieldsV1(const FieldSet &set)
{
    json root = json::object();
    for (const auto &path : set) {
        json *cur = &root;
        for (const auto &s : path) {
            json &next = (*cur)[s];
            if (next.is_null())
                next = json::object();
            cur = &next;
        }
        if (!path.empty() && path.back().rfind("k:", 0) == 0)
            (*cur)["."] = json::object();
    }
    return root;
}

FieldSet FieldManager::fromFieldsV1(const json &fields)
{
    FieldSet out;
    Path path;
    std::function<void(const json &)> walk = [&](const json &node) {
        if (!node.is_object())
            return;
        bool leaf = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it.key() == ".")
                continue;
            leaf = false;
            path.push_back(it.key());
            walk(*it);
            path.pop_back();
        }
        if ((leaf || node.contains(".")) && !path.empty())
            out.insert(path);
    };
    walk(fields);
    return out;
}

std::string FieldManager::pathString(const Path &path)
{
    std::string out;
    for (const auto &s : path) {
        if (s.rfind("f:", 0) == 0) {
            out += '.';
            out.append(s, 2);
        } else if (s.rfind("k:", 0) == 0) {
            const json key = json::parse(s.substr(2));
            std::string inner;
            for (auto it = key.begin(); it != key.end(); ++it) {
                if (!inner.empty())
                    inner += ',';
                inner += it.key();
                inner += '=';
                inner += it->dump();
            }
            out += "[" + inner + "]";
        } else {
            out += "." + s;
        }
    }
    return out;
}

bool FieldManager::sameIgnoringTimes(const json &a, const json &b)
{
    auto strip = [](json o) {
        if (o.is_object() && o.contains("metadata") && o["metadata"].contains("managedFields"))
            for (auto &e : o["metadata"]["managedFields"])
                e.erase("time");
        return o;
    };
    return strip(a) == strip(b);
}

json FieldManager::apply(const json *live, const json &applied, const std::string &manager,
                         bool force, const std::string &apiVersion, const std::string &now)
{
    const FieldSet appliedSet = fieldsOf(applied);
    json base = live ? *live : json::object();
    std::vector<Entry> entries = readEntries(base);
    auto self = std::find_if(entries.begin(), entries.end(), [&](const Entry &e) {
        return e.manager == manager && e.operation == "Apply";
    });
    const FieldSet previous = self != entries.end() ? self->fields : FieldSet{};

    // Conflicts: another manager owns a field this apply would change.
    struct Conflict
    {
        std::string manager;
        Path path;
    };
    std::vector<Conflict> conflicts;
    for (auto &e : entries) {
        if (e.manager == manager && e.operation == "Apply")
            continue;
        for (const auto &p : appliedSet) {
            if (!e.fields.count(p))
                continue;
            const json *a = valueAt(applied, p);
            const json *l = valueAt(base, p);
            if (!a || (a->is_object() && !a->empty()))
                continue; // an element or map: its leaves decide
            if (p.back().rfind("k:", 0) == 0)
                continue;
            if (!l || *l != *a)
                conflicts.push_back({quoteManager(e), p});
        }
    }
    if (!conflicts.empty() && !force) {
        std::string message;
        json causes = json::array();
        for (const auto &c : conflicts)
            causes.push_back({{"reason", "FieldManagerConflict"},
                              {"message", "conflict with " + c.manager},
                              {"field", pathString(c.path)}});
        if (conflicts.size() == 1) {
            message = "Apply failed with 1 conflict: conflict with " + conflicts[0].manager + ": "
                      + pathString(conflicts[0].path);
        } else {
            std::map<std::string, std::vector<Path>> byManager;
            for (const auto &c : conflicts)
                byManager[c.manager].push_back(c.path);
            std::vector<std::string> lines;
            for (const auto &[m, paths] : byManager) {
                lines.push_back("conflicts with " + m + ":");
                for (const auto &p : paths)
                    lines.push_back("- " + pathString(p));
            }
            message = "Apply failed with " + std::to_string(conflicts.size()) + " conflicts: ";
            for (std::size_t i = 0; i < lines.size(); ++i)
                message += (i ? "\n" : "") + lines[i];
        }
        throw ApiError(409, "Conflict", message, {{"causes", causes}});
    }
    if (force) // the applier takes the conflicting fields over
        for (auto &e : entries)
            if (!(e.manager == manager && e.operation == "Apply"))
                for (const auto &p : appliedSet) {
                    const json *a = valueAt(applied, p);
                    if (p.back().rfind("k:", 0) == 0 || !a || (a->is_object() && !a->empty()))
                        continue;
                    const json *l = valueAt(base, p);
                    if (!l || *l != *a)
                        e.fields.erase(p);
                }

    json result = mergeApplied(base, applied, "");
    // Fields this manager applied before and no longer does go away, unless someone else
    // still owns them.
    std::vector<Path> removed;
    for (const auto &p : previous)
        if (!appliedSet.count(p))
            removed.push_back(p);
    std::sort(removed.begin(), removed.end(),
              [](const Path &a, const Path &b) { return a.size() > b.size(); });
    for (const auto &p : removed) {
        bool ownedElsewhere = false;
        for (const auto &e : entries) {
            if (e.manager == manager && e.operation == "Apply")
                continue;
            for (const auto &q : e.fields)
                if (hasPrefix(q, p)) {
                    ownedElsewhere = true;
                    break;
                }
        }
        bool stillApplied = false;
        for (const auto &q : appliedSet)
            if (hasPrefix(q, p)) {
                stillApplied = true;
                break;
            }
        if (!ownedElsewhere && !stillApplied)
            eraseAt(result, p);
    }

    if (self != entries.end()) {
        self->fields = appliedSet;
        self->apiVersion = apiVersion;
        if (self->fields != previous)
            self->time = now;
    } else {
        entries.insert(entries.begin(), Entry{manager, "Apply", apiVersion, {}, now, appliedSet});
    }
    if (!result.contains("metadata") || !result["metadata"].is_object())
        result["metadata"] = json::object();
    writeEntries(result, entries);
    return result;
}

json FieldManager::recordUpdate(const json *old, json updated, const std::string &manager,
                                const std::string &apiVersion, const std::string &subresource,
                                const std::string &now)
{
    const bool statusOnly = subresource == "status";
    const FieldSet newSet = fieldsOf(updated, statusOnly);
    FieldSet changed;
    const json empty = json::object();
    const json &before = old ? *old : empty;
    for (const auto &p : newSet) {
        const json *a = valueAt(updated, p);
        const json *b = valueAt(before, p);
        if (!b || !a || *a != *b)
            changed.insert(p);
    }
    std::vector<Entry> entries = readEntries(old ? *old : updated);
    if (changed.empty()) {
        if (!updated.contains("metadata") || !updated["metadata"].is_object())
            updated["metadata"] = json::object();
        writeEntries(updated, entries);
        return updated;
    }
    for (auto &e : entries)
        if (!(e.manager == manager && e.operation == "Update" && e.subresource == subresource))
            for (const auto &p : changed)
                e.fields.erase(p);
    // Fields that disappeared are owned by nobody any more.
    for (auto &e : entries)
        for (auto it = e.fields.begin(); it != e.fields.end();)
            it = valueAt(updated, *it) ? std::next(it) : e.fields.erase(it);
    auto self = std::find_if(entries.begin(), entries.end(), [&](const Entry &e) {
        return e.manager == manager && e.operation == "Update" && e.subresource == subresource;
    });
    if (self == entries.end()) {
        entries.push_back(Entry{manager, "Update", apiVersion, subresource, now, changed});
    } else {
        self->fields.insert(changed.begin(), changed.end());
        self->time = now;
    }
    writeEntries(updated, entries);
    return updated;
}

} // namespace Orrery::Sim
