// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

namespace Orrery::Sim {

// RFC 6902 JSON Patch (application/json-patch+json): add, remove, replace, move, copy, test.
class JsonPatch
{
public:
    // Throws ApiError: 400 for a malformed patch document, 422 when an operation cannot be
    // applied (missing path, failed test), as kube-apiserver answers.
    static nlohmann::json apply(nlohmann::json document, const nlohmann::json &patch);
};

} // namespace Orrery::Sim
