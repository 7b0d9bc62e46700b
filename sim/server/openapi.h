// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "resourceregistry.h"

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

// The /openapi/v3 discovery index and per-group-version documents. They carry the paths and
// operations with x-kubernetes-group-version-kind and the fieldValidation parameter, which is
// what kubectl reads to decide that the server validates fields itself. They carry no
// schemas: PATCH operations declare no request body, so kubectl's client-side apply computes
// strategic merge patches from its compiled-in types, as it does for any server whose
// OpenAPI it cannot use.
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
