// SPDX-License-Identifier: GPL-3.0-or-later
#include "flygraphql.h"

#include <cctype>

using json = nlohmann::json;

namespace Orrery::Sim::FlyGraphQL {

namespace {

constexpr int MaxDepth = 64;
constexpr int MaxFields = 10000;

struct Parser
{
    Parser(const std::string &text, const json &vars)
        : s(text)
        , variables(vars)
    {
    }

    const std::string &s;
    const json &variables;
    std::size_t pos = 0;
    int fields = 0;
    std::string error;

    void skip()
    {
        while (pos < s.size()) {
            const char c = s[pos];
            if (c == '#') {
                while (pos < s.size() && s[pos] != '\n')
                    ++pos;
            } else if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
                ++pos;
            } else {
                break;
            }
        }
    }

    bool fail(const std::string &message)
    {
        if (error.empty())
            error = message;
        return false;
    }

    static bool nameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

    std::string name()
    {
        skip();
        const std::size_t start = pos;
        while (pos < s.size() && nameChar(s[pos]))
            ++pos;
        return s.substr(start, pos - start);
    }

    bool peek(char c)
    {
        skip();
        return pos < s.size() && s[pos] == c;
    }

    bool value(json *out, int depth)
    {
        if (depth > MaxDepth)
            return fail("Query is nested too deeply");
        skip();
        if (pos >= s.size())
            return fail("Unexpected end of document");
        const char c = s[pos];
        if (c == '$') {
            ++pos;
            const std::string var = name();
            *out = variables.is_object() && variables.contains(var) ? variables[var] : json();
            return true;
        }
        if (c == '"') {
            std::string text;
            ++pos;
            while (pos < s.size() && s[pos] != '"') {
                if (s[pos] == '\\' && pos + 1 < s.size())
                    ++pos;
                text += s[pos++];
            }
            if (pos >= s.size())
                return fail("Unterminated string");
            ++pos;
            *out = text;
            return true;
        }
        if (c == '[') {
            ++pos;
            *out = json::array();
            while (!peek(']')) {
                if (pos >= s.size())
                    return fail("Unexpected end of document");
                json item;
                if (!value(&item, depth + 1))
                    return false;
                out->push_back(std::move(item));
            }
            ++pos;
            return true;
        }
        if (c == '{') {
            ++pos;
            *out = json::object();
            while (!peek('}')) {
                const std::string key = name();
                if (key.empty() || !peek(':'))
                    return fail("Expected an object field");
                ++pos;
                json item;
                if (!value(&item, depth + 1))
                    return false;
                (*out)[key] = std::move(item);
            }
            ++pos;
            return true;
        }
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
            const std::size_t start = pos++;
            while (pos < s.size()
                   && (std::isdigit(static_cast<unsigned char>(s[pos])) || s[pos] == '.'))
                ++pos;
            const std::string number = s.substr(start, pos - start);
            if (number.find('.') != std::string::npos)
                *out = std::strtod(number.c_str(), nullptr);
            else
                *out = std::strtoll(number.c_str(), nullptr, 10);
            return true;
        }
        const std::string word = name();
        if (word.empty())
            return fail(std::string("Unexpected character '") + c + "'");
        if (word == "true" || word == "false")
            *out = word == "true";
        else if (word == "null")
            *out = nullptr;
        else
            *out = word; // an enum value
        return true;
    }

    bool selectionSet(std::vector<Field> *out, int depth)
    {
        if (depth > MaxDepth)
            return fail("Query is nested too deeply");
        if (!peek('{'))
            return fail("Expected a selection set");
        ++pos;
        while (!peek('}')) {
            if (pos >= s.size())
                return fail("Unexpected end of document");
            if (s.compare(pos, 3, "...") == 0)
                return fail("Fragments are not supported here");
            if (++fields > MaxFields)
                return fail("Query has too many fields");
            Field f;
            f.name = name();
            if (f.name.empty())
                return fail(std::string("Unexpected character '") + s[pos] + "'");
            if (peek(':')) {
                ++pos;
                f.alias = f.name;
                f.name = name();
                if (f.name.empty())
                    return fail("Expected a field name after the alias");
            } else {
                f.alias = f.name;
            }
            if (peek('(')) {
                ++pos;
                while (!peek(')')) {
                    const std::string arg = name();
                    if (arg.empty() || !peek(':'))
                        return fail("Expected an argument");
                    ++pos;
                    json v;
                    if (!value(&v, depth + 1))
                        return false;
                    f.args[arg] = std::move(v);
                }
                ++pos;
            }
            if (peek('@'))
                return fail("Directives are not supported here");
            if (peek('{') && !selectionSet(&f.selection, depth + 1))
                return false;
            out->push_back(std::move(f));
        }
        ++pos;
        return true;
    }
};

} // namespace

bool parse(const std::string &text, const json &variables, Document *out, std::string *error)
{
    Parser p(text, variables);
    const std::string first = (p.skip(), p.peek('{')) ? std::string() : p.name();
    if (!first.empty()) {
        if (first != "query" && first != "mutation") {
            *error = "Unsupported operation \"" + first + "\"";
            return false;
        }
        out->operation = first;
        p.name(); // the operation's name, if any
        if (p.peek('(')) {
            int depth = 0;
            for (; p.pos < text.size(); ++p.pos) {
                if (text[p.pos] == '(')
                    ++depth;
                else if (text[p.pos] == ')' && --depth == 0) {
                    ++p.pos;
                    break;
                }
            }
        }
    }
    if (!p.selectionSet(&out->selection, 0)) {
        *error = p.error;
        return false;
    }
    p.skip();
    if (p.pos != text.size()) {
        *error = "Only one operation per document is supported here";
        return false;
    }
    return true;
}

bool project(const json &value, const std::vector<Field> &selection, json *out, std::string *error)
{
    if (value.is_null()) {
        *out = nullptr;
        return true;
    }
    if (value.is_array()) {
        *out = json::array();
        for (const json &item : value) {
            json projected;
            if (!project(item, selection, &projected, error))
                return false;
            out->push_back(std::move(projected));
        }
        return true;
    }
    if (!value.is_object()) {
        *out = value;
        return true;
    }
    *out = json::object();
    const std::string type = value.value("__typename", std::string("Object"));
    for (const Field &f : selection) {
        if (f.name == "__typename") {
            (*out)[f.alias] = type;
            continue;
        }
        const auto it = value.find(f.name);
        if (it == value.end()) {
            *error = "Field '" + f.name + "' doesn't exist on type '" + type + "'";
            return false;
        }
        json field = *it;
        // Connections: `first: N` keeps the first N nodes.
        const auto firstArg = f.args.find("first");
        if (firstArg != f.args.end() && firstArg->second.is_number_integer() && field.is_object()
            && field.contains("nodes") && field["nodes"].is_array()) {
            const auto n = std::max<long long>(0, firstArg->second.get<long long>());
            json &nodes = field["nodes"];
            if (static_cast<long long>(nodes.size()) > n)
                nodes.erase(nodes.begin() + n, nodes.end());
        }
        if (f.selection.empty()) {
            if (field.is_object() || (field.is_array() && !field.empty() && field[0].is_object())) {
                *error = "Field must have selections (field '" + f.name + "' returns "
                         + field.value("__typename", std::string("an object")) + ")";
                return false;
            }
            (*out)[f.alias] = field;
            continue;
        }
        json projected;
        if (!project(field, f.selection, &projected, error))
            return false;
        (*out)[f.alias] = std::move(projected);
    }
    return true;
}

} // namespace Orrery::Sim::FlyGraphQL
