// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace Orrery::Sim {

// YAML text to JSON with Kubernetes' typing rules for plain scalars (quoted scalars are
// always strings; plain ones become null, booleans, integers or floats when they look like
// them). Throws std::runtime_error with the line on a syntax error.
//
// Bounded like Orrery's core (core/util/limits.h; tests/sim/tst_yamlbounds checks that the
// numbers agree): a document that expands, through aliases, to more than MaxNodes nodes or
// MaxExpandedBytes of scalar text, or nests deeper than MaxDepth, throws LimitExceeded
// instead of allocating gigabytes ("billion laughs") or exhausting the stack.
class YamlJson
{
public:
    static constexpr std::int64_t MaxNodes = 1000000;
    static constexpr std::int64_t MaxExpandedBytes = 64 * 1024 * 1024;
    static constexpr int MaxDepth = 256;

    struct LimitExceeded : std::runtime_error
    {
        enum class Limit { Nodes, ExpandedBytes, Depth };
        LimitExceeded(Limit which, const std::string &message)
            : std::runtime_error(message)
            , limit(which)
        {
        }
        Limit limit;
    };

    static nlohmann::json parse(const std::string &text);
    // Splits a multi-document stream on "---" lines (keeps each document's text).
    static std::vector<std::string> splitDocuments(const std::string &text);
    // JSON back to block-style YAML, for rendered Helm manifests.
    static std::string dump(const nlohmann::json &value);
};

} // namespace Orrery::Sim
