// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelselector.h"

#include "apierror.h"

#include <algorithm>
#include <cctype>

namespace Orrery::Sim {

namespace {

std::string trim(const std::string &s)
{
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a])))
        ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1])))
        --b;
    return s.substr(a, b - a);
}

[[noreturn]] void fail(const std::string &text, const std::string &why)
{
    throw ApiError(400, "BadRequest",
                   "unable to parse requirement: " + why + " in label selector \"" + text + "\"");
}

// Splits on commas that are not inside parentheses.
std::vector<std::string> splitTopLevel(const std::string &text)
{
    std::vector<std::string> parts;
    std::string current;
    int depth = 0;
    for (char c : text) {
        if (c == '(')
            ++depth;
        else if (c == ')')
            --depth;
        if (c == ',' && depth == 0) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    return parts;
}

bool validKey(const std::string &k)
{
    if (k.empty())
        return false;
    return std::all_of(k.begin(), k.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'
               || c == '/';
    });
}

} // namespace

LabelSelector LabelSelector::parse(const std::string &text)
{
    LabelSelector sel;
    if (trim(text).empty())
        return sel;
    for (const std::string &raw : splitTopLevel(text)) {
        const std::string part = trim(raw);
        if (part.empty())
            fail(text, "found '', expected: !, identifier, or 'end of string'");
        Requirement req;
        if (part[0] == '!') {
            req.key = trim(part.substr(1));
            req.op = Op::DoesNotExist;
        } else if (auto pos = part.find("!="); pos != std::string::npos) {
            req.key = trim(part.substr(0, pos));
            req.op = Op::NotEquals;
            req.values = {trim(part.substr(pos + 2))};
        } else if (auto eq = part.find('='); eq != std::string::npos) {
            req.key = trim(part.substr(0, eq));
            req.op = Op::Equals;
            std::size_t v = eq + 1;
            if (v < part.size() && part[v] == '=')
                ++v;
            req.values = {trim(part.substr(v))};
        } else if (auto paren = part.find('('); paren != std::string::npos) {
            const std::string head = trim(part.substr(0, paren));
            const auto space = head.find_last_of(" \t");
            if (space == std::string::npos || part.back() != ')')
                fail(text, "expected set operator in (...)");
            req.key = trim(head.substr(0, space));
            const std::string op = trim(head.substr(space + 1));
            if (op == "in")
                req.op = Op::In;
            else if (op == "notin")
                req.op = Op::NotIn;
            else
                fail(text, "unknown operator '" + op + "'");
            const std::string inner = part.substr(paren + 1, part.size() - paren - 2);
            std::size_t start = 0;
            while (true) {
                const auto comma = inner.find(',', start);
                const std::string v = trim(inner.substr(
                    start, comma == std::string::npos ? std::string::npos : comma - start));
                if (!v.empty())
                    req.values.push_back(v);
                if (comma == std::string::npos)
                    break;
                start = comma + 1;
            }
            if (req.values.empty())
                fail(text, "for 'in', 'notin' operators, values set can't be empty");
        } else {
            req.key = part;
            req.op = Op::Exists;
        }
        if (!validKey(req.key))
            fail(text, "invalid label key \"" + req.key + "\"");
        sel.m_requirements.push_back(std::move(req));
    }
    return sel;
}

bool LabelSelector::matches(const nlohmann::json &labels) const
{
    for (const auto &req : m_requirements) {
        const bool has = labels.is_object() && labels.contains(req.key);
        const std::string value = has && labels[req.key].is_string()
                                      ? labels[req.key].get<std::string>()
                                      : std::string();
        const auto inValues = [&] {
            return std::find(req.values.begin(), req.values.end(), value) != req.values.end();
        };
        switch (req.op) {
        case Op::Equals:
        case Op::In:
            if (!has || !inValues())
                return false;
            break;
        case Op::NotEquals:
        case Op::NotIn:
            if (has && inValues())
                return false;
            break;
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::DoesNotExist:
            if (has)
                return false;
            break;
        }
    }
    return true;
}

} // namespace Orrery::Sim
