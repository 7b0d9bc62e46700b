// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontoyaml.h"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace Orrery {

namespace {

void emitNode(YAML::Emitter &out, const nlohmann::json &j)
{
    switch (j.type()) {
    case nlohmann::json::value_t::object:
        out << YAML::BeginMap;
        for (auto it = j.begin(); it != j.end(); ++it) {
            out << YAML::Key << it.key() << YAML::Value;
            emitNode(out, it.value());
        }
        out << YAML::EndMap;
        break;
    case nlohmann::json::value_t::array:
        out << YAML::BeginSeq;
        for (const auto &e : j)
            emitNode(out, e);
        out << YAML::EndSeq;
        break;
    case nlohmann::json::value_t::string: {
        const std::string &s = j.get_ref<const std::string &>();
        // Strings that YAML would read back as another type keep their quotes.
        const bool ambiguous = s.empty() || s == "true" || s == "false" || s == "null" || s == "yes"
                               || s == "no" || s == "~"
                               || s.find_first_not_of("0123456789.-+eE") == std::string::npos;
        if (ambiguous)
            out << YAML::DoubleQuoted << s;
        else if (s.find('\n') != std::string::npos)
            out << YAML::Literal << s;
        else
            out << s;
        break;
    }
    case nlohmann::json::value_t::boolean: out << j.get<bool>(); break;
    case nlohmann::json::value_t::number_integer: out << j.get<long long>(); break;
    case nlohmann::json::value_t::number_unsigned: out << j.get<unsigned long long>(); break;
    case nlohmann::json::value_t::number_float: out << j.get<double>(); break;
    default: out << YAML::Null; break;
    }
}

} // namespace

QByteArray jsonToYaml(const nlohmann::json &document)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out.SetMapFormat(YAML::Block);
    emitNode(out, document);
    QByteArray text(out.c_str(), qsizetype(out.size()));
    text.append('\n');
    return text;
}

} // namespace Orrery
