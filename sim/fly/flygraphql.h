// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Orrery::Sim::FlyGraphQL {

// One field of a GraphQL selection: `alias: name(arg: value, ...) { ... }`. Argument values
// are resolved against the request's variables while parsing (a `$var` becomes its value).
struct Field
{
    std::string alias; // the response key: the alias, else the name
    std::string name;
    std::map<std::string, nlohmann::json> args;
    std::vector<Field> selection; // empty for a leaf
};

// The operation's top-level selection, or the error in words (graphql-ruby's phrasing where it
// has one). Enough of the language for what clients send to Fly's API: one query or mutation,
// variable definitions (skipped: the variables come with the request), aliases, arguments
// (variables, strings, numbers, booleans, enums, null), nested selections, comments and
// commas. Fragments and directives are refused. Bounded: at most 64 levels and 10,000 fields.
struct Document
{
    std::string operation = "query"; // "query" or "mutation"
    std::vector<Field> selection;
};
bool parse(const std::string &text, const nlohmann::json &variables, Document *out,
           std::string *error);

// The part of `value` a selection asks for: objects keep the selected keys (aliased), lists
// are projected element-wise, null stays null. A selected key the object lacks is an error
// "Field 'x' doesn't exist on type 'T'", T being the object's "__typename" when it has one.
// Returns false with *error set on the first such field.
bool project(const nlohmann::json &value, const std::vector<Field> &selection, nlohmann::json *out,
             std::string *error);

} // namespace Orrery::Sim::FlyGraphQL
