// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "resourceregistry.h"

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

// The /openapi/v2 (Swagger 2.0) document kube-apiserver serves, built from the same paths and
// component schemas as /openapi/v3 (OpenApi, OpenApiSchemas): definitions named
// "io.k8s.api.apps.v1.Deployment" with x-kubernetes-group-version-kind on each kind's root,
// $refs of the form "#/definitions/<id>", IntOrString and Quantity as v2 strings. kubectl
// <= 1.28 fetches it (as protobuf) before every create/apply that validates, and refuses to
// go on when it is missing; it parses every definition, and its client-side validation and
// strategic merge patches look kinds up through x-kubernetes-group-version-kind.
class OpenApiV2
{
public:
    static nlohmann::json document(const ResourceRegistry &registry, const std::string &version);
    // The document encoded as gnostic's openapi_v2.Document protobuf message (google/gnostic
    // openapiv2/OpenAPIv2.proto), what kube-apiserver sends for
    // Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf. Vendor extensions
    // and defaults travel as Any.yaml (JSON text, which is YAML).
    static std::string toProtobuf(const nlohmann::json &document);
};

} // namespace Orrery::Sim
