// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Orrery::Sim {

// YAML text to JSON with Kubernetes' typing rules for plain scalars (quoted scalars are
// always strings; plain ones become null, booleans, integers or floats when they look like
// them). Throws std::runtime_error with the line on a syntax error.
class YamlJson
{
public:
    static nlohmann::json parse(const std::string &text);
    // Splits a multi-document stream on "---" lines (keeps each document's text).
    static std::vector<std::string> splitDocuments(const std::string &text);
    // JSON back to block-style YAML, for rendered Helm manifests.
    static std::string dump(const nlohmann::json &value);
};

} // namespace Orrery::Sim
