// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergepatch.h"

namespace Orrery::Sim {

nlohmann::json MergePatch::apply(nlohmann::json target, const nlohmann::json &patch)
{
    if (!patch.is_object())
        return patch;
    if (!target.is_object())
        target = nlohmann::json::object();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it->is_null())
            target.erase(it.key());
        else
            target[it.key()] = apply(
                target.contains(it.key()) ? std::move(target[it.key()]) : nlohmann::json(), *it);
    }
    return target;
}

} // namespace Orrery::Sim
