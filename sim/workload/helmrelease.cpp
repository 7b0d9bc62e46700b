// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmrelease.h"

#include <base64.h>
#include <gzip.h>

#include <stdexcept>

namespace Orrery::Sim {

using json = nlohmann::json;

json HelmRelease::release(const std::string &name, const std::string &ns, int version,
                          const std::string &status, const std::string &description,
                          const json &chartMetadata, const json &templates, const json &chartValues,
                          const json &config, const std::string &manifest,
                          const std::string &firstDeployed, const std::string &lastDeployed,
                          const std::string &notes)
{
    return {{"name", name},
            {"info",
             {{"first_deployed", firstDeployed},
              {"last_deployed", lastDeployed},
              {"deleted", ""},
              {"description", description},
              {"status", status},
              {"notes", notes}}},
            {"chart",
             {{"metadata", chartMetadata},
              {"lock", nullptr},
              {"templates", templates},
              {"values", chartValues},
              {"schema", nullptr},
              {"files", json::array()}}},
            {"config", config},
            {"manifest", manifest},
            {"version", version},
            {"namespace", ns}};
}

json HelmRelease::secret(const json &release, const std::string &modifiedAt)
{
    const std::string name = release.value("name", "");
    const int version = release.value("version", 1);
    const std::string status = release["info"].value("status", "unknown");
    // Helm's own encoding, then the API's base64 of the Secret value.
    const auto gzipped = Gzip::compress(release.dump(), Gzip::BestCompression);
    if (!gzipped)
        throw std::runtime_error("gzip failed");
    const std::string helmValue = Base64::encode(*gzipped);
    json labels = {{"name", name},
                   {"owner", "helm"},
                   {"status", status},
                   {"version", std::to_string(version)}};
    if (!modifiedAt.empty())
        labels["modifiedAt"] = modifiedAt;
    return {{"apiVersion", "v1"},
            {"kind", "Secret"},
            {"metadata",
             {{"name", "sh.helm.release.v1." + name + ".v" + std::to_string(version)},
              {"namespace", release.value("namespace", "default")},
              {"labels", labels}}},
            {"type", "helm.sh/release.v1"},
            {"data", {{"release", Base64::encode(helmValue)}}}};
}

} // namespace Orrery::Sim
