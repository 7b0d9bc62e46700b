// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "resourceregistry.h"

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

// The /openapi/v3 discovery index and per-group-version documents. They carry the paths and
// operations with x-kubernetes-group-version-kind and the fieldValidation parameter, which is
// what kubectl reads to decide that the server validates fields itself, and the component
// schemas of the kinds served (OpenApiSchemas), which `kubectl explain` reads. PATCH
// operations declare no request body, so kubectl's client-side apply keeps computing
// strategic merge patches from its compiled-in types (complete) rather than from our
// hand-written schemas (the common fields only).
class OpenApi
{
public:
    // {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=..."}, ...}}
    static nlohmann::json index(const ResourceRegistry &registry, const std::string &version);
    // The document for "api/v1" or "apis/apps/v1"; null when unknown.
    static nlohmann::json document(const ResourceRegistry &registry, const std::string &gvPath,
                                   const std::string &version);
};

} // namespace Orrery::Sim
