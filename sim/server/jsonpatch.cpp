// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonpatch.h"

#include "apierror.h"

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

[[noreturn]] void invalid(const std::string &message)
{
    throw ApiError(422, "Invalid", message);
}

std::vector<std::string> tokens(const std::string &pointer)
{
    std::vector<std::string> out;
    if (pointer.empty())
        return out;
    if (pointer[0] != '/')
        throw ApiError(400, "BadRequest", "invalid JSON pointer: " + pointer);
    std::size_t start = 1;
    while (true) {
        const auto slash = pointer.find('/', start);
        std::string t
            = pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        std::string unescaped;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '~' && i + 1 < t.size()) {
                unescaped += t[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                unescaped += t[i];
            }
        }
        out.push_back(unescaped);
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return out;
}

std::size_t arrayIndex(const json &array, const std::string &token, bool allowEnd)
{
    if (token == "-" && allowEnd)
        return array.size();
    if (token.empty() || token.find_first_not_of("0123456789") != std::string::npos)
        invalid("unable to parse array index: " + token);
    const std::size_t i = std::stoul(token);
    if (i > array.size() || (!allowEnd && i == array.size()))
        invalid("array index out of bounds: " + token);
    return i;
}

// The container addressed by all but the last token.
json &parentOf(json &doc, const std::vector<std::string> &t, const std::string &path)
{
    json *cur = &doc;
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (cur->is_object()) {
            auto it = cur->find(t[i]);
            if (it == cur->end())
                invalid("doc is missing path: \"" + path + "\"");
            cur = &*it;
        } else if (cur->is_array()) {
            cur = &(*cur)[arrayIndex(*cur, t[i], false)];
        } else {
            invalid("doc is missing path: \"" + path + "\"");
        }
    }
    return *cur;
}

json get(json &doc, const std::string &path)
{
    const auto t = tokens(path);
    if (t.empty())
        return doc;
    json &parent = parentOf(doc, t, path);
    if (parent.is_object()) {
        auto it = parent.find(t.back());
        if (it == parent.end())
            invalid("doc is missing path: \"" + path + "\"");
        return *it;
    }
    if (parent.is_array())
        return parent[arrayIndex(parent, t.back(), false)];
    invalid("doc is missing path: \"" + path + "\"");
}

void add(json &doc, const std::string &path, json value)
{
    const auto t = tokens(path);
    if (t.empty()) {
        doc = std::move(value);
        return;
    }
    json &parent = parentOf(doc, t, path);
    if (parent.is_object())
        parent[t.back()] = std::move(value);
    else if (parent.is_array())
        parent.insert(parent.begin() + static_cast<long>(arrayIndex(parent, t.back(), true)),
                      std::move(value));
    else
        invalid("doc is missing path: \"" + path + "\"");
}

json remove(json &doc, const std::string &path)
{
    const auto t = tokens(path);
    if (t.empty())
        invalid("cannot remove the whole document");
    json &parent = parentOf(doc, t, path);
    if (parent.is_object()) {
        auto it = parent.find(t.back());
        if (it == parent.end())
            invalid("Unable to remove nonexistent key: " + t.back() + ": missing value");
        json old = *it;
        parent.erase(it);
        return old;
    }
    if (parent.is_array()) {
        const std::size_t i = arrayIndex(parent, t.back(), false);
        json old = parent[i];
        parent.erase(i);
        return old;
    }
    invalid("doc is missing path: \"" + path + "\"");
}

} // namespace

json JsonPatch::apply(json doc, const json &patch)
{
    if (!patch.is_array())
        throw ApiError(400, "BadRequest",
                       "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    for (const auto &op : patch) {
        if (!op.is_object() || !op.contains("op") || !op.contains("path"))
            throw ApiError(400, "BadRequest", "invalid JSON patch operation: " + op.dump());
        const std::string name = op["op"].get<std::string>();
        const std::string path = op["path"].get<std::string>();
        if (name == "add") {
            add(doc, path, op.value("value", json()));
        } else if (name == "remove") {
            remove(doc, path);
        } else if (name == "replace") {
            remove(doc, path);
            add(doc, path, op.value("value", json()));
        } else if (name == "move") {
            json v = remove(doc, op.value("from", std::string()));
            add(doc, path, std::move(v));
        } else if (name == "copy") {
            add(doc, path, get(doc, op.value("from", std::string())));
        } else if (name == "test") {
            if (get(doc, path) != op.value("value", json()))
                invalid("testing value " + path + " failed: test failed");
        } else {
            throw ApiError(400, "BadRequest", "Unexpected kind: " + name);
        }
    }
    return doc;
}

} // namespace Orrery::Sim
