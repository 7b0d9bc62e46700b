// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldvalidator.h"
#include "openapischemas.h"

#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

const std::string kRefPrefix = "#/components/schemas/";

class Walker
{
public:
    Walker(const json &schemas, bool patch, FieldValidator::PathStyle style)
        : m_schemas(schemas)
        , m_patch(patch)
        , m_apply(style == FieldValidator::PathStyle::Apply)
    {
    }

    void walk(const json &value, const json &schemaIn, const std::string &path, bool complete)
    {
        const json &schema = resolve(schemaIn, complete);
        if (schema.value("x-kubernetes-preserve-unknown-fields", false))
            return;
        if (value.is_object()) {
            const auto props = schema.find("properties");
            const auto extra = schema.find("additionalProperties");
            const bool hasProps = props != schema.end() && props->is_object();
            const bool hasExtra = extra != schema.end() && extra->is_object();
            if (!hasProps && !hasExtra)
                return; // free-form object
            for (const auto &item : value.items()) {
                const std::string &key = item.key();
                if (m_patch && !key.empty() && key[0] == '$')
                    continue;
                const std::string child = path.empty() && !m_apply ? key : path + "." + key;
                if (path.empty() && key == "status")
                    continue;
                if (hasProps && props->contains(key))
                    walk(item.value(), (*props)[key], child, complete);
                else if (hasExtra)
                    walk(item.value(), *extra, child, complete);
                else if (complete)
                    m_unknown.push_back(child);
            }
        } else if (value.is_array()) {
            const auto items = schema.find("items");
            if (items == schema.end())
                return;
            // structured-merge-diff names the elements of a list map by key: [name="main"].
            const json keys = m_apply ? schema.value("x-kubernetes-list-map-keys", json::array())
                                      : json::array();
            const std::string key = keys.size() == 1 ? keys[0].get<std::string>() : std::string();
            for (size_t i = 0; i < value.size(); ++i) {
                const bool keyed = !key.empty() && value[i].is_object() && value[i].contains(key);
                const std::string element
                    = keyed ? key + "=" + value[i][key].dump() : std::to_string(i);
                walk(value[i], *items, path + "[" + element + "]", complete);
            }
        }
        // Scalars: types are not this class's business (int-or-string, quantity, ...).
    }

    std::vector<std::string> take() { return std::move(m_unknown); }

private:
    // Follows {"$ref": ...} and {"allOf": [{"$ref": ...}]} to the referenced schema, and
    // tells whether that one lists all the fields of its type (inline schemas inherit it).
    const json &resolve(const json &schema, bool &complete) const
    {
        const json *s = &schema;
        for (int depth = 0; depth < 8; ++depth) {
            const json *ref = nullptr;
            if (auto it = s->find("$ref"); it != s->end() && it->is_string())
                ref = &*it;
            else if (auto all = s->find("allOf"); all != s->end() && all->is_array()
                                                  && all->size() == 1 && (*all)[0].contains("$ref"))
                ref = &(*all)[0]["$ref"];
            if (!ref)
                break;
            const std::string id = ref->get<std::string>().substr(kRefPrefix.size());
            complete = OpenApiSchemas::isComplete(id);
            auto found = m_schemas.find(id);
            if (found == m_schemas.end())
                return m_empty;
            s = &*found;
        }
        return *s;
    }

    const json &m_schemas;
    bool m_patch;
    bool m_apply;
    const json m_empty = json::object();
    std::vector<std::string> m_unknown;
};

// Records repeated keys while parsing; builds nothing.
class DuplicateFinder : public nlohmann::json_sax<json>
{
public:
    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t &) override { return value(); }
    bool string(string_t &) override { return value(); }
    bool binary(binary_t &) override { return value(); }
    bool start_object(std::size_t) override
    {
        m_stack.push_back(Frame{childPath(), false, 0, {}, {}});
        return true;
    }
    bool key(string_t &k) override
    {
        Frame &top = m_stack.back();
        top.key = k;
        if (!top.keys.insert(k).second)
            m_duplicates.push_back(join(top.path, k));
        return true;
    }
    bool end_object() override
    {
        m_stack.pop_back();
        return value();
    }
    bool start_array(std::size_t) override
    {
        m_stack.push_back(Frame{childPath(), true, 0, {}, {}});
        return true;
    }
    bool end_array() override
    {
        m_stack.pop_back();
        return value();
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        m_duplicates.clear();
        return false;
    }

    std::vector<std::string> take() { return std::move(m_duplicates); }

private:
    struct Frame
    {
        std::string path;
        bool array = false;
        std::size_t index = 0;
        std::set<std::string> keys;
        std::string key;
    };

    static std::string join(const std::string &path, const std::string &key)
    {
        return path.empty() ? key : path + "." + key;
    }
    std::string childPath() const
    {
        if (m_stack.empty())
            return {};
        const Frame &top = m_stack.back();
        return top.array ? top.path + "[" + std::to_string(top.index) + "]"
                         : join(top.path, top.key);
    }
    bool value()
    {
        if (!m_stack.empty() && m_stack.back().array)
            ++m_stack.back().index;
        return true;
    }

    std::vector<Frame> m_stack;
    std::vector<std::string> m_duplicates;
};

// The closure of a kind's root schema, computed once per kind (the table never changes).
const json &schemasFor(const std::string &root)
{
    static std::mutex mutex;
    static std::map<std::string, json> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(root);
    if (it == cache.end())
        it = cache.emplace(root, OpenApiSchemas::closure({root})).first;
    return it->second;
}

} // namespace

FieldValidator::Mode FieldValidator::modeFrom(const std::string &param)
{
    if (param.empty() || param == "Warn")
        return Mode::Warn;
    if (param == "Strict")
        return Mode::Strict;
    if (param == "Ignore")
        return Mode::Ignore;
    throw std::invalid_argument("fieldValidation must be one of Ignore, Warn, Strict");
}

std::vector<std::string> FieldValidator::unknownFields(const std::string &group,
                                                       const std::string &version,
                                                       const std::string &kind, const json &obj,
                                                       bool patch, PathStyle style)
{
    const std::string root = OpenApiSchemas::rootFor(group, version, kind);
    if (root.empty())
        return {};
    const json &schemas = schemasFor(root);
    auto it = schemas.find(root);
    if (it == schemas.end())
        return {};
    Walker walker(schemas, patch, style);
    walker.walk(obj, *it, std::string(), OpenApiSchemas::isComplete(root));
    return walker.take();
}

std::vector<std::string> FieldValidator::duplicateFields(const std::string &body)
{
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || body[first] != '{')
        return {};
    DuplicateFinder finder;
    if (!json::sax_parse(body, &finder))
        return {};
    return finder.take();
}

std::string FieldValidator::unknownProblem(const std::string &path)
{
    return "unknown field \"" + path + "\"";
}

std::string FieldValidator::duplicateProblem(const std::string &path)
{
    return "duplicate field \"" + path + "\"";
}

std::string FieldValidator::applyMessage(const std::string &objectName, const std::string &group,
                                         const std::string &version, const std::string &kind,
                                         const std::vector<std::string> &paths)
{
    std::string message = "failed to create typed patch object (" + objectName + "; "
                          + (group.empty() ? version : group + "/" + version) + ", Kind=" + kind
                          + "): ";
    for (size_t i = 0; i < paths.size(); ++i)
        message += (i ? "\n" : "") + paths[i] + ": field not declared in schema";
    return message;
}

std::string FieldValidator::strictMessage(const std::string &version, const std::string &kind,
                                          const std::vector<std::string> &problems)
{
    std::string message = kind + " in version \"" + version + "\" cannot be handled as a " + kind
                          + ": strict decoding error: ";
    for (size_t i = 0; i < problems.size(); ++i)
        message += (i ? ", " : "") + problems[i];
    return message;
}

} // namespace Orrery::Sim
