// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamljson.h"

#include <yaml-cpp/yaml.h>

#include <regex>
#include <sstream>
#include <stdexcept>

namespace Orrery::Sim {

namespace {

// YAML -> JSON within YamlJson's bounds. yaml-cpp keeps an alias as a second reference to the
// anchored node, so loading is cheap; the expansion happens here, where every use of an alias
// is walked (and counted) again.
class BoundedConverter
{
public:
    nlohmann::json convert(const YAML::Node &node, int depth = 0)
    {
        using Limit = YamlJson::LimitExceeded::Limit;
        if (++m_nodes > YamlJson::MaxNodes)
            throw YamlJson::LimitExceeded(
                Limit::Nodes, "the YAML expands to more than " + std::to_string(YamlJson::MaxNodes)
                                  + " nodes (each use of an alias counts its anchored content "
                                    "again)"
                                  + where(node));
        if (depth > YamlJson::MaxDepth)
            throw YamlJson::LimitExceeded(
                Limit::Depth, "the YAML nests deeper than " + std::to_string(YamlJson::MaxDepth)
                                  + " levels (or an alias refers to itself)" + where(node));
        switch (node.Type()) {
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined: return nullptr;
        case YAML::NodeType::Sequence: {
            nlohmann::json arr = nlohmann::json::array();
            for (const YAML::Node &child : node)
                arr.push_back(convert(child, depth + 1));
            return arr;
        }
        case YAML::NodeType::Map: {
            nlohmann::json obj = nlohmann::json::object();
            for (const auto &kv : node) {
                const std::string key = kv.first.as<std::string>();
                countBytes(key.size(), kv.first);
                obj[key] = convert(kv.second, depth + 1);
            }
            return obj;
        }
        case YAML::NodeType::Scalar: break;
        }
        const std::string &s = node.Scalar();
        countBytes(s.size(), node);
        return scalar(node, s);
    }

private:
    static std::string where(const YAML::Node &node)
    {
        const YAML::Mark mark = node.Mark();
        return mark.is_null() ? std::string() : " at line " + std::to_string(mark.line + 1);
    }

    void countBytes(std::size_t bytes, const YAML::Node &node)
    {
        m_bytes += std::int64_t(bytes);
        if (m_bytes > YamlJson::MaxExpandedBytes)
            throw YamlJson::LimitExceeded(
                YamlJson::LimitExceeded::Limit::ExpandedBytes,
                "the YAML expands to more than "
                    + std::to_string(YamlJson::MaxExpandedBytes / (1024 * 1024))
                    + " MiB of text (each use of an alias counts its anchored content again)"
                    + where(node));
    }

    static nlohmann::json scalar(const YAML::Node &node, const std::string &s)
    {
        if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
            return s;
        static const std::regex intRe("^[-+]?[0-9]+$");
        static const std::regex floatRe("^[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$");
        if (s == "~" || s == "null" || s == "Null" || s == "NULL")
            return nullptr;
        if (s == "true" || s == "True" || s == "TRUE")
            return true;
        if (s == "false" || s == "False" || s == "FALSE")
            return false;
        if (std::regex_match(s, intRe) && s.size() < 18 && !(s.size() > 1 && s[0] == '0'))
            return std::stoll(s);
        if (std::regex_match(s, floatRe))
            return std::stod(s);
        return s;
    }

    std::int64_t m_nodes = 0;
    std::int64_t m_bytes = 0;
};

bool needsQuotes(const std::string &s)
{
    if (s.empty())
        return true;
    static const std::regex plainSafe("^[A-Za-z_/][A-Za-z0-9_./@-]*$");
    if (!std::regex_match(s, plainSafe))
        return true;
    static const char *reserved[]
        = {"true", "false", "null", "yes", "no", "on", "off", "True", "False", "Null", "~"};
    for (const char *r : reserved) {
        if (s == r)
            return true;
    }
    return false;
}

void emit(const nlohmann::json &v, int indent, std::ostringstream &out, bool inSequence);

void emitScalar(const nlohmann::json &v, std::ostringstream &out)
{
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        out << (needsQuotes(s) ? nlohmann::json(s).dump() : s);
    } else {
        out << v.dump();
    }
}

void emit(const nlohmann::json &v, int indent, std::ostringstream &out, bool inSequence)
{
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (v.is_object()) {
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!(first && inSequence))
                out << pad;
            first = false;
            out << (needsQuotes(it.key()) ? nlohmann::json(it.key()).dump() : it.key()) << ":";
            const nlohmann::json &c = it.value();
            if ((c.is_object() && !c.empty()) || (c.is_array() && !c.empty())) {
                out << "\n";
                emit(c, c.is_array() ? indent : indent + 2, out, false);
            } else {
                out << " ";
                if (c.is_object())
                    out << "{}";
                else if (c.is_array())
                    out << "[]";
                else
                    emitScalar(c, out);
                out << "\n";
            }
        }
    } else if (v.is_array()) {
        for (const nlohmann::json &c : v) {
            out << pad << "- ";
            if ((c.is_object() && !c.empty()) || (c.is_array() && !c.empty()))
                emit(c, indent + 2, out, true);
            else {
                emitScalar(c, out);
                out << "\n";
            }
        }
    } else {
        out << pad;
        emitScalar(v, out);
        out << "\n";
    }
}

} // namespace

namespace {

// RFC 3629 UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). go-yaml, which the
// API server decodes YAML with, refuses anything else; so do we, before nlohmann could throw
// while serialising such a string into a response.
bool isUtf8(const std::string &s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const auto *end = p + s.size();
    while (p < end) {
        const unsigned char c = *p;
        int extra = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            ++p;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            const unsigned char b = p[i];
            if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF))
                return false;
        }
        p += extra + 1;
    }
    return true;
}

} // namespace

nlohmann::json YamlJson::parse(const std::string &text)
{
    if (!isUtf8(text))
        throw std::runtime_error("yaml: invalid leading UTF-8 octet");
    try {
        return BoundedConverter().convert(YAML::Load(text));
    } catch (const YAML::Exception &e) {
        throw std::runtime_error(std::string("YAML error: ") + e.what());
    }
}

std::vector<std::string> YamlJson::splitDocuments(const std::string &text)
{
    std::vector<std::string> docs;
    std::istringstream in(text);
    std::string line, current;
    while (std::getline(in, line)) {
        if (line.rfind("---", 0) == 0 && (line.size() == 3 || line[3] == ' ' || line[3] == '\r')) {
            docs.push_back(current);
            current.clear();
            continue;
        }
        current += line + "\n";
    }
    docs.push_back(current);
    std::vector<std::string> out;
    for (const std::string &d : docs) {
        if (d.find_first_not_of(" \t\r\n") == std::string::npos)
            continue;
        // Documents made only of comments are skipped too.
        std::istringstream lines(d);
        bool content = false;
        for (std::string l; std::getline(lines, l);) {
            const auto p = l.find_first_not_of(" \t\r");
            if (p != std::string::npos && l[p] != '#')
                content = true;
        }
        if (content)
            out.push_back(d);
    }
    return out;
}

std::string YamlJson::dump(const nlohmann::json &value)
{
    std::ostringstream out;
    emit(value, 0, out, false);
    return out.str();
}

} // namespace Orrery::Sim
