// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

namespace Orrery::Sim {

// application/strategic-merge-patch+json as apimachinery's strategicpatch applies it:
// maps merge, null deletes, lists merge by their merge key (see PatchStrategy) or are
// replaced, with the directives $patch (replace/delete/merge), $retainKeys,
// $deleteFromPrimitiveList/<field> and $setElementOrder/<field>.
class StrategicMergePatch
{
public:
    // Throws ApiError 400 on an unknown $patch directive.
    static nlohmann::json apply(const nlohmann::json &original, const nlohmann::json &patch);
};

} // namespace Orrery::Sim
