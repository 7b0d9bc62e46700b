// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

// The `patchStrategy`/`patchMergeKey` struct tags of the Kubernetes API types, by field
// name: which lists merge by key (containers by name, ports by containerPort, ...), which
// primitive lists merge as sets (finalizers), and which lists are atomic (the rest). Field
// names are unambiguous across the built-in kinds we serve, except `ports`, whose key
// depends on the element type (containerPort in pod specs, port in services).
class PatchStrategy
{
public:
    // The merge key for list field `field` whose elements look like `sample`; empty when the
    // list is atomic (replaced as a whole).
    static std::string mergeKey(const std::string &field, const nlohmann::json &sample);
    // Primitive lists merged as sets (patchStrategy:"merge" without a key).
    static bool isPrimitiveSet(const std::string &field);
};

} // namespace Orrery::Sim
