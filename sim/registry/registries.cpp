// SPDX-License-Identifier: GPL-3.0-or-later
#include "registries.h"
#include "publiccatalogue.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace Orrery::Sim {

namespace {

constexpr std::size_t s_maxExpansion = 4096;

std::string sha256Hex(const std::string &text)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(text.data(), text.size(), md, &len, EVP_sha256(), nullptr);
    std::string hex;
    char byte[3];
    for (unsigned int i = 0; i < len; ++i) {
        std::snprintf(byte, sizeof byte, "%02x", md[i]);
        hex += byte;
    }
    return hex;
}

std::string quoted(const std::string &s)
{
    return "\"" + s + "\"";
}

// The registry API paths containerd asks for.
std::string manifestUrl(const ImageReference &ref)
{
    const std::string host = ref.domain == "docker.io" ? "registry-1.docker.io" : ref.domain;
    return "https://" + host + "/v2/" + ref.repository + "/manifests/"
           + (ref.digest.empty() ? ref.tag : ref.digest);
}

std::string tokenUrl(const ImageReference &ref)
{
    std::string scope = ref.repository;
    std::string escaped;
    for (char c : scope) {
        if (c == '/')
            escaped += "%2F";
        else
            escaped += c;
    }
    const bool azure = ref.domain.size() > 11
                       && ref.domain.compare(ref.domain.size() - 11, 11, ".azurecr.io") == 0;
    return "https://" + ref.domain + (azure ? "/oauth2/token" : "/token") + "?scope=repository%3A"
           + escaped + "%3Apull&service=" + ref.domain;
}

std::string stripScheme(std::string key)
{
    for (const char *scheme : {"https://", "http://"}) {
        const std::string s = scheme;
        if (key.compare(0, s.size(), s) == 0)
            key.erase(0, s.size());
    }
    if (const auto slash = key.find('/'); slash != std::string::npos)
        key.erase(slash);
    std::transform(key.begin(), key.end(), key.begin(), ::tolower);
    if (key == "index.docker.io" || key == "registry-1.docker.io"
        || key == "registry.hub.docker.com")
        key = "docker.io";
    return key;
}

} // namespace

Registries::Registries()
{
    loadCatalogue();
}

void Registries::loadCatalogue()
{
    // Built once per process (digests cost a SHA-256 each), copied into every cluster.
    static const std::map<std::string, Registry> s_catalogue = [] {
        Registries built(nullptr);
        for (const CatalogueEntry &e : publicCatalogue()) {
            built.m_registries[e.host];
            if (*e.repository == '\0')
                continue;
            const std::string tags = e.tags;
            std::size_t start = 0;
            while (start < tags.size()) {
                auto end = tags.find(' ', start);
                if (end == std::string::npos)
                    end = tags.size();
                if (end > start) {
                    for (const std::string &tag : expand(tags.substr(start, end - start)))
                        built.storeLocked(ImageReference{e.host, e.repository, tag, {}},
                                          e.exitCode);
                }
                start = end + 1;
            }
        }
        return built.m_registries;
    }();
    std::lock_guard lock(m_mutex);
    m_registries = s_catalogue;
}

std::vector<std::string> Registries::expand(const std::string &pattern)
{
    const auto open = pattern.find('{');
    const auto close = open == std::string::npos ? open : pattern.find('}', open);
    if (open == std::string::npos || close == std::string::npos)
        return {pattern};
    const std::string body = pattern.substr(open + 1, close - open - 1);
    std::vector<std::string> choices;
    if (const auto dots = body.find(".."); dots != std::string::npos) {
        const std::string a = body.substr(0, dots), b = body.substr(dots + 2);
        if (a.empty() || b.empty() || a.find_first_not_of("0123456789") != std::string::npos
            || b.find_first_not_of("0123456789") != std::string::npos || a.size() > 6
            || b.size() > 6)
            return {pattern};
        const int from = std::stoi(a), to = std::stoi(b);
        for (int i = from; i <= to && choices.size() < s_maxExpansion; ++i)
            choices.push_back(std::to_string(i));
    } else {
        std::size_t start = 0;
        while (start <= body.size() && choices.size() < s_maxExpansion) {
            auto comma = body.find(',', start);
            if (comma == std::string::npos)
                comma = body.size();
            choices.push_back(body.substr(start, comma - start));
            start = comma + 1;
        }
    }
    std::vector<std::string> out;
    const std::string prefix = pattern.substr(0, open);
    for (const std::string &rest : expand(pattern.substr(close + 1))) {
        for (const std::string &c : choices) {
            if (out.size() >= s_maxExpansion)
                return out;
            out.push_back(prefix + c + rest);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void Registries::storeLocked(const ImageReference &ref, int exitCode)
{
    StoredImage image;
    image.digest = "sha256:" + sha256Hex(ref.name() + ":" + ref.tag);
    // 20 to 400 MB, stable per image.
    image.size = 20'000'000
                 + static_cast<std::int64_t>(std::stoul(image.digest.substr(7, 7), nullptr, 16)
                                             % 380'000'000);
    image.exitCode = exitCode;
    m_registries[ref.domain].repositories[ref.repository][ref.tag] = image;
}

void Registries::declare(const std::string &host, bool isPrivate)
{
    std::lock_guard lock(m_mutex);
    m_registries[host].isPrivate = isPrivate;
}

std::string Registries::push(const std::string &image, int exitCode)
{
    const auto ref = ImageReference::parse(image);
    if (!ref || ref->tag.empty() || !ref->digest.empty())
        return {};
    std::lock_guard lock(m_mutex);
    storeLocked(*ref, exitCode);
    return m_registries[ref->domain].repositories[ref->repository][ref->tag].digest;
}

bool Registries::credentialMatches(const std::string &key, const std::string &domain)
{
    const std::string host = stripScheme(key);
    if (host == domain)
        return true;
    // "*.azurecr.io" style globs, as the kubelet's credential matching allows.
    if (host.size() > 2 && host.compare(0, 2, "*.") == 0) {
        const std::string suffix = host.substr(1);
        const auto colon = domain.find(':');
        const std::string dh = domain.substr(0, colon);
        return dh.size() > suffix.size()
               && dh.compare(dh.size() - suffix.size(), suffix.size(), suffix) == 0
               && dh.find('.') == dh.size() - suffix.size();
    }
    return false;
}

PullResult Registries::pull(const std::string &image,
                            const std::vector<std::string> &credentialHosts) const
{
    PullResult r;
    const auto parsed = ImageReference::parse(image);
    if (!parsed) {
        r.status = PullStatus::InvalidReference;
        r.error = "couldn't parse image name " + quoted(image) + ": invalid reference format";
        return r;
    }
    r.reference = *parsed;
    const ImageReference &ref = r.reference;
    const std::string full = ref.str();
    const std::string unpack = "failed to pull and unpack image " + quoted(full)
                               + ": failed to resolve reference " + quoted(full) + ": ";
    std::lock_guard lock(m_mutex);
    const auto reg = m_registries.find(ref.domain);
    if (reg == m_registries.end()) {
        const auto colon = ref.domain.find(':');
        r.status = PullStatus::NoSuchHost;
        r.error = "rpc error: code = Unknown desc = " + unpack + "failed to do request: Head "
                  + quoted(manifestUrl(ref)) + ": dial tcp: lookup " + ref.domain.substr(0, colon)
                  + ": no such host";
        return r;
    }
    bool authorised = !reg->second.isPrivate;
    for (const std::string &key : credentialHosts)
        authorised |= credentialMatches(key, ref.domain);
    const bool dockerHub = ref.domain == "docker.io";
    const std::string denied = "rpc error: code = Unknown desc = " + unpack
                               + "pull access denied, repository does not exist or may require "
                                 "authorization: server message: insufficient_scope: "
                                 "authorization failed";
    if (!authorised) {
        if (dockerHub) {
            r.status = PullStatus::AccessDenied;
            r.error = denied;
        } else {
            r.status = PullStatus::Unauthorized;
            const bool ecr = ref.domain.find(".dkr.ecr.") != std::string::npos;
            r.error = "rpc error: code = Unknown desc = " + unpack
                      + (ecr ? "unexpected status from HEAD request to " + manifestUrl(ref)
                                   + ": 401 Unauthorized"
                             : "failed to authorize: failed to fetch anonymous token: unexpected "
                               "status from GET request to "
                                   + tokenUrl(ref) + ": 401 Unauthorized");
        }
        return r;
    }
    const auto repo = reg->second.repositories.find(ref.repository);
    if (repo == reg->second.repositories.end() && dockerHub) {
        r.status = PullStatus::AccessDenied;
        r.error = denied;
        return r;
    }
    const StoredImage *found = nullptr;
    if (repo != reg->second.repositories.end()) {
        if (!ref.digest.empty()) {
            for (const auto &[tag, img] : repo->second) {
                if (img.digest == ref.digest && (ref.tag.empty() || ref.tag == tag))
                    found = &img;
            }
        } else if (const auto t = repo->second.find(ref.tag); t != repo->second.end()) {
            found = &t->second;
        }
    }
    if (!found) {
        r.status = PullStatus::NotFound;
        r.error = "rpc error: code = NotFound desc = " + unpack + full + ": not found";
        return r;
    }
    r.status = PullStatus::Pulled;
    r.image = *found;
    return r;
}

void Registries::load(const nlohmann::json &registries)
{
    if (registries.is_null())
        return;
    if (!registries.is_array())
        throw std::runtime_error("registries: must be a list");
    for (const nlohmann::json &r : registries) {
        if (!r.is_object() || !r.contains("host") || !r["host"].is_string())
            throw std::runtime_error("registries: every entry needs a host");
        const std::string host = r["host"].get<std::string>();
        const auto probe = ImageReference::parse(host + "/probe:1");
        if (!probe || probe->domain != host)
            throw std::runtime_error("registries: invalid host " + host);
        // value() throws nlohmann's type_error on a wrong type: check each type first, so a
        // malformed scenario is a runtime_error naming the field (found by fuzz_imagereference).
        if (r.contains("private") && !r["private"].is_boolean())
            throw std::runtime_error("registries: " + host + ": private must be true or false");
        const bool isPrivate = r.value("private", false);
        declare(host, isPrivate);
        const nlohmann::json images = r.value("images", nlohmann::json::array());
        if (!images.is_array())
            throw std::runtime_error("registries: " + host + ": images must be a list");
        for (const nlohmann::json &img : images) {
            if (!img.is_object() || !img.contains("repository") || !img["repository"].is_string())
                throw std::runtime_error("registries: " + host
                                         + ": every image needs a repository name");
            const std::string repository = img["repository"].get<std::string>();
            auto add = [&](const char *key, int exitCode) {
                const nlohmann::json tags = img.value(key, nlohmann::json::array());
                if (!tags.is_array())
                    throw std::runtime_error("registries: " + host + "/" + repository + ": " + key
                                             + " must be a list");
                for (const nlohmann::json &t : tags) {
                    // 1.10 unquoted would read as the number 1.1: tags must be strings.
                    if (!t.is_string())
                        throw std::runtime_error("registries: " + host + "/" + repository
                                                 + ": quote the tag " + t.dump());
                    const std::string pattern = t.get<std::string>();
                    for (const std::string &tag : expand(pattern)) {
                        if (push(host + "/" + repository + ":" + tag, exitCode).empty())
                            throw std::runtime_error("registries: invalid image " + host + "/"
                                                     + repository + ":" + tag);
                    }
                }
            };
            add("tags", -1);
            add("crashing", 1);
        }
    }
}

bool Registries::isPrivate(const std::string &host) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_registries.find(host);
    return it != m_registries.end() && it->second.isPrivate;
}

bool Registries::hasHost(const std::string &host) const
{
    std::lock_guard lock(m_mutex);
    return m_registries.count(host) > 0;
}

std::vector<std::string> Registries::images() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> out;
    for (const auto &[host, reg] : m_registries) {
        for (const auto &[repo, tags] : reg.repositories) {
            for (const auto &[tag, img] : tags)
                out.push_back(host + "/" + repo + ":" + tag);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace Orrery::Sim
