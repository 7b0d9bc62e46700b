// SPDX-License-Identifier: GPL-3.0-or-later
#include "patchstrategy.h"

#include <map>

namespace Orrery::Sim {

std::string PatchStrategy::mergeKey(const std::string &field, const nlohmann::json &sample)
{
    static const std::map<std::string, std::string> keys = {
        {"containers", "name"},
        {"initContainers", "name"},
        {"ephemeralContainers", "name"},
        {"env", "name"},
        {"volumes", "name"},
        {"volumeMounts", "mountPath"},
        {"volumeDevices", "devicePath"},
        {"imagePullSecrets", "name"},
        {"hostAliases", "ip"},
        {"conditions", "type"},
        {"ownerReferences", "uid"},
        {"topologySpreadConstraints", "topologyKey"},
        {"resourceClaims", "name"},
        {"schedulingGates", "name"},
        {"containerStatuses", "name"},
        {"initContainerStatuses", "name"},
        {"podIPs", "ip"},
        {"secrets", "name"},
        {"readinessGates", "conditionType"},
    };
    if (field == "ports") {
        if (sample.is_object() && sample.contains("containerPort"))
            return "containerPort";
        return "port";
    }
    auto it = keys.find(field);
    return it == keys.end() ? std::string() : it->second;
}

bool PatchStrategy::isPrimitiveSet(const std::string &field)
{
    return field == "finalizers";
}

} // namespace Orrery::Sim
