// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

// Helm 3 release storage (helm/helm pkg/storage/driver/secrets.go): a release is JSON,
// gzipped and base64-encoded into the Secret sh.helm.release.v1.<name>.v<version> of type
// helm.sh/release.v1 with labels name, owner=helm, status, version. Since Secret data is
// itself base64 in the API, data.release holds base64(base64(gzip(json))).
class HelmRelease
{
public:
    static nlohmann::json release(const std::string &name, const std::string &ns, int version,
                                  const std::string &status, const std::string &description,
                                  const nlohmann::json &chartMetadata,
                                  const nlohmann::json &templates,
                                  const nlohmann::json &chartValues, const nlohmann::json &config,
                                  const std::string &manifest, const std::string &firstDeployed,
                                  const std::string &lastDeployed, const std::string &notes);
    // Helm's gzip and base64 (Gzip, Base64), then the API's base64 of the Secret value.
    static nlohmann::json secret(const nlohmann::json &release, const std::string &modifiedAt);
};

} // namespace Orrery::Sim
