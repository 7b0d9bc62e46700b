// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace Orrery::Sim::GraphQl {

// The part of a GraphQL request (October 2021 spec) a simulated API needs to answer the
// operations real clients send: one query or mutation (named or not, picked by operationName
// when the document holds several), variable definitions with defaults, fields with aliases,
// arguments of every literal kind and variables, nested selection sets. Fragments, directives
// and subscriptions are refused with an error, never a crash.
//
// Bounded and tolerant: at most MaxQueryBytes of text, MaxDepth nested selection sets or
// values, MaxFields fields; anything past them, malformed text, or a required variable that
// was not given comes back as an error message (the spec's wording where it has one), which
// the service answers as a GraphQL error.
inline constexpr std::size_t MaxQueryBytes = 64 * 1024;
inline constexpr int MaxDepth = 24;
inline constexpr int MaxFields = 5000;

struct Field
{
    std::string alias; // the key in the answer (the name when there is no alias)
    std::string name;
    nlohmann::json args = nlohmann::json::object(); // variables already substituted
    std::vector<Field> selections;
    bool hasSelections = false;
};

struct Operation
{
    std::string type; // "query" or "mutation"
    std::string name;
    std::vector<Field> selections;
};

// Parses `document`, substituting `variables` (an object; anything else reads as none).
// On failure returns nothing and sets *error.
std::optional<Operation> parse(const std::string &document, const nlohmann::json &variables,
                               const std::string &operationName, std::string *error);

} // namespace Orrery::Sim::GraphQl
