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
    static nlohmann::json secret(const nlohmann::json &release, const std::string &modifiedAt);
    // Reverses secret(): the release JSON from a Secret's data.release as the API serves it.
    static nlohmann::json decode(const std::string &apiDataRelease);

    static std::string base64(const std::string &bytes);
    static std::string unbase64(const std::string &text);
    static std::string gzip(const std::string &bytes);
    static std::string gunzip(const std::string &bytes);
};

} // namespace Orrery::Sim
