// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmrelease.h"
#include "util/base64.h"

#include <openssl/evp.h>
#include <zlib.h>

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
    const std::string helmValue = base64(gzip(release.dump()));
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
            {"data", {{"release", base64(helmValue)}}}};
}

json HelmRelease::decode(const std::string &apiDataRelease)
{
    std::string bytes = unbase64(unbase64(apiDataRelease));
    if (bytes.size() > 2 && static_cast<unsigned char>(bytes[0]) == 0x1f
        && static_cast<unsigned char>(bytes[1]) == 0x8b)
        bytes = gunzip(bytes);
    return json::parse(bytes);
}

std::string HelmRelease::base64(const std::string &bytes)
{
    return base64Encode(bytes);
}

std::string HelmRelease::unbase64(const std::string &text)
{
    if (text.empty())
        return {};
    std::string out(3 * (text.size() / 4) + 3, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                  reinterpret_cast<const unsigned char *>(text.data()),
                                  static_cast<int>(text.size()));
    if (n < 0)
        throw std::runtime_error("invalid base64");
    std::size_t size = static_cast<std::size_t>(n);
    // EVP_DecodeBlock counts padding as zero bytes.
    if (text.size() >= 1 && text[text.size() - 1] == '=')
        --size;
    if (text.size() >= 2 && text[text.size() - 2] == '=')
        --size;
    out.resize(size);
    return out;
}

std::string HelmRelease::gzip(const std::string &bytes)
{
    z_stream zs{};
    // windowBits 15 + 16: gzip header and trailer, as Go's gzip.Writer writes.
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buf[16384];
    int ret;
    do {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        ret = deflate(&zs, Z_FINISH);
        out.append(buf, sizeof buf - zs.avail_out);
    } while (ret == Z_OK);
    deflateEnd(&zs);
    if (ret != Z_STREAM_END)
        throw std::runtime_error("gzip failed");
    return out;
}

std::string HelmRelease::gunzip(const std::string &bytes)
{
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        throw std::runtime_error("inflateInit2 failed");
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buf[16384];
    int ret;
    do {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        ret = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    } while (ret == Z_OK);
    inflateEnd(&zs);
    if (ret != Z_STREAM_END)
        throw std::runtime_error("gunzip failed");
    return out;
}

} // namespace Orrery::Sim
