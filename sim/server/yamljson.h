// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

// Request bodies arrive as JSON from kubectl, but application/apply-patch+yaml may be real
// YAML from other clients: parse either into JSON, resolving YAML scalars the way
// sigs.k8s.io/yaml does (unquoted numbers, booleans and null are typed).
class YamlJson
{
public:
    // Throws ApiError 400 when the text is neither JSON nor YAML.
    static nlohmann::json parse(const std::string &text);
};

} // namespace Orrery::Sim
