// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace Orrery::Sim {

// Server-side apply and field ownership, after structured-merge-diff: every write records
// in metadata.managedFields (FieldsV1) which manager set which fields. Apply merges the
// applied configuration into the live object, removes fields the manager applied before
// but no longer does, and reports conflicts when another manager owns a field that would
// change value.
//
// Simplifications against the real implementation, documented in docs/simulator.md: list
// keys come from PatchStrategy (one key field per list), sets of primitives are atomic, and
// there is no type schema, so unknown fields are accepted as they are.
class FieldManager
{
public:
    using Path = std::vector<std::string>; // "f:spec", "k:{\"name\":\"web\"}"
    using FieldSet = std::set<Path>;

    // Returns the object to store. `live` is null when the object does not exist yet.
    // Throws ApiError 409 Conflict with the kube-apiserver message unless `force`.
    static nlohmann::json apply(const nlohmann::json *live, const nlohmann::json &applied,
                                const std::string &manager, bool force,
                                const std::string &apiVersion, const std::string &now);

    // Records a non-apply write (create, update, patch): the fields whose value changed
    // become owned by `manager` (operation Update) and are taken from other managers.
    static nlohmann::json recordUpdate(const nlohmann::json *old, nlohmann::json updated,
                                       const std::string &manager, const std::string &apiVersion,
                                       const std::string &subresource, const std::string &now);

    // The managed-field paths of an applied configuration (exposed for tests).
    static FieldSet fieldsOf(const nlohmann::json &object, bool statusOnly = false);
    static nlohmann::json toFieldsV1(const FieldSet &set);
    static FieldSet fromFieldsV1(const nlohmann::json &fields);
    // ".spec.template.spec.containers[name=\"web\"].image", as conflict messages print it.
    static std::string pathString(const Path &path);
    // Equality ignoring managedFields timestamps: a write that changes nothing else is a no-op.
    static bool sameIgnoringTimes(const nlohmann::json &a, const nlohmann::json &b);
};

} // namespace Orrery::Sim
