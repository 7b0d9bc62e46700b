// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Orrery::Sim {

// OpenAPI v3 component schemas for the served kinds, built from a compact hand-written table
// (openapischemas.cpp) of the commonly used fields with kube-apiserver's types, descriptions
// and extensions: x-kubernetes-group-version-kind on each kind's root schema, list types and
// patch merge keys/strategies (containers, ports, env, volumes, ...). Enough for `kubectl
// explain` on every served kind's top-level and spec fields and the pod template, and the
// schemas FieldValidator checks request bodies against for ?fieldValidation.
class OpenApiSchemas
{
public:
    // The id of the root schema of a kind ("io.k8s.api.apps.v1.Deployment"), empty if the
    // table has none.
    static std::string rootFor(const std::string &group, const std::string &version,
                               const std::string &kind);
    // Whether the table lists every field of the upstream type `id` (so a key it does not
    // know is really unknown) rather than the common ones only.
    static bool isComplete(const std::string &id);
    // {id: schema} for the given roots and every schema they reference, with $refs of the
    // form "#/components/schemas/<id>" as in kube-apiserver's documents.
    static nlohmann::json closure(const std::vector<std::string> &roots);
};

} // namespace Orrery::Sim
