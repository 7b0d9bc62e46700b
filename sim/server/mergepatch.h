// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

namespace Orrery::Sim {

// RFC 7386 JSON Merge Patch (application/merge-patch+json): objects merge recursively, null
// deletes, everything else (lists included) replaces.
class MergePatch
{
public:
    static nlohmann::json apply(nlohmann::json target, const nlohmann::json &patch);
};

} // namespace Orrery::Sim
