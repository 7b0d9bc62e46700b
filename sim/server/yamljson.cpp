// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamljson.h"

#include "apierror.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

json scalar(const YAML::Node &node)
{
    const std::string &s = node.Scalar();
    if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
        return s; // quoted
    if (s == "null" || s == "~" || s.empty())
        return nullptr;
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    char *end = nullptr;
    const long long i = std::strtoll(s.c_str(), &end, 10);
    if (end && *end == '\0' && !s.empty())
        return i;
    const double d = std::strtod(s.c_str(), &end);
    if (end && *end == '\0' && s.find_first_of("0123456789") != std::string::npos)
        return d;
    return s;
}

json convert(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        json out = json::object();
        for (const auto &kv : node)
            out[kv.first.as<std::string>()] = convert(kv.second);
        return out;
    }
    case YAML::NodeType::Sequence: {
        json out = json::array();
        for (const auto &e : node)
            out.push_back(convert(e));
        return out;
    }
    case YAML::NodeType::Scalar:
        return scalar(node);
    default:
        return nullptr;
    }
}

} // namespace

json YamlJson::parse(const std::string &text)
{
    json parsed = json::parse(text, nullptr, false);
    if (!parsed.is_discarded())
        return parsed;
    try {
        return convert(YAML::Load(text));
    } catch (const YAML::Exception &e) {
        throw ApiError(400, "BadRequest", std::string("error decoding YAML: ") + e.what());
    }
}

} // namespace Orrery::Sim
