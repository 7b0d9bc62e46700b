// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Orrery::Sim {

// Finds the fields of a request body that the kind's schema does not declare, as
// kube-apiserver does for ?fieldValidation=Strict|Warn. The schemas are the ones served at
// /openapi/v3 (OpenApiSchemas), so `kubectl explain` and validation cannot disagree. A kind
// without a schema, a free-form object (no properties), a map (additionalProperties),
// x-kubernetes-preserve-unknown-fields and a schema the hand-written table does not mark as
// complete (OpenApiSchemas::isComplete: it lists the common fields only) accept anything;
// known fields inside them are still checked.
class FieldValidator
{
public:
    enum class Mode { Ignore, Warn, Strict };
    // The fieldValidation query parameter; empty means Warn (the default since 1.27).
    // Throws std::invalid_argument for any other value.
    static Mode modeFrom(const std::string &param);

    // The paths of the unknown fields of `obj`, in kube-apiserver's notation
    // ("spec.template.spec.containers[0].imagePullPolice"), or none when the kind has no
    // schema. With `patch`, keys starting with '$' (strategic merge patch directives) are
    // skipped. The top-level status is not checked: the hand-written status schemas list
    // only the common fields, and the main resource ignores status on writes anyway.
    // Decoder: "spec.template.spec.containers[0].imagePullPolice" (strict decoding errors);
    // Apply: ".spec.template.spec.containers[name=\"main\"].imagePullPolice", as
    // structured-merge-diff names them for server-side apply.
    enum class PathStyle { Decoder, Apply };
    static std::vector<std::string> unknownFields(const std::string &group,
                                                  const std::string &version,
                                                  const std::string &kind,
                                                  const nlohmann::json &obj, bool patch = false,
                                                  PathStyle style = PathStyle::Decoder);

    // Server-side apply refuses unknown fields whatever fieldValidation says, with this
    // message (kube-apiserver answers it as a 500): `failed to create typed patch object
    // (default/web; apps/v1, Kind=Deployment): .spec.replica: field not declared in schema`.
    // `objectName` is "namespace/name" ("/name" for cluster-scoped objects).
    static std::string applyMessage(const std::string &objectName, const std::string &group,
                                    const std::string &version, const std::string &kind,
                                    const std::vector<std::string> &paths);

    // The paths of the keys repeated within one object of a JSON document, e.g. "spec.replicas"
    // (nlohmann keeps the last silently); none for YAML or invalid JSON.
    static std::vector<std::string> duplicateFields(const std::string &body);

    // The Status message kube-apiserver sends for Strict: `Deployment in version "v1" cannot
    // be handled as a Deployment: strict decoding error: unknown field "spec.replica", ...`.
    static std::string strictMessage(const std::string &version, const std::string &kind,
                                     const std::vector<std::string> &problems);
    // `unknown field "spec.replica"` / `duplicate field "spec.replicas"`, as in messages and
    // Warning headers.
    static std::string unknownProblem(const std::string &path);
    static std::string duplicateProblem(const std::string &path);
};

} // namespace Orrery::Sim
