// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imagereference.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace Orrery::Sim {

// An image a registry holds.
struct StoredImage
{
    std::string digest;    // sha256:<64 hex>, stable for a given name and tag
    std::int64_t size = 0; // bytes, for the kubelet's "Image size: N bytes"
    int exitCode = -1;     // -1: the process keeps running; >= 0 it exits with this code
};

enum class PullStatus {
    Pulled,
    InvalidReference, // the kubelet's InvalidImageName, never retried
    NoSuchHost,       // the registry host does not resolve
    NotFound,         // repository or tag/digest missing
    AccessDenied,     // Docker Hub: missing repository, or private without credentials
    Unauthorized,     // a private registry asked for credentials the pod did not bring
};

struct PullResult
{
    PullStatus status = PullStatus::NotFound;
    ImageReference reference; // normalised (empty when InvalidReference)
    StoredImage image;        // when Pulled
    // containerd's error as the kubelet reports it after "Failed to pull image \"X\": ",
    // e.g. rpc error: code = NotFound desc = failed to pull and unpack image
    // "docker.io/library/nginx:nope": failed to resolve reference "...": ...: not found
    std::string error;
};

// The image registries one simulated cluster can reach: Docker Hub, registry.k8s.io, quay.io
// and ghcr.io with a built-in catalogue of public images (publiccatalogue.cpp), plus the
// registries and images the scenario declares (ECR, ACR, GHCR, a MicroK8s registry ...) and
// every image pushed at runtime (push(), for simulated pipelines).
//
// The world is closed: an image exists only when its registry holds that repository and tag
// (or digest); a host nobody declared does not resolve. A private registry answers only to
// pulls that bring credentials for its host (an imagePullSecret of type
// kubernetes.io/dockerconfigjson naming it); the kubelet collects those.
//
// Thread safe (its own mutex): the kubelet pulls under the store lock while a pipeline may
// push from another thread.
class Registries
{
public:
    Registries(); // with the public catalogue

    // Adds a registry host (or changes whether it is private). Images are kept.
    void declare(const std::string &host, bool isPrivate);
    // Stores `image` (a reference with a tag; digests are computed). A host not declared yet
    // is declared public. exitCode: see StoredImage. Returns the digest, empty when the
    // reference is invalid or has no tag.
    std::string push(const std::string &image, int exitCode = -1);
    // What pulling `image` gives with credentials for `credentialHosts` (registry keys as a
    // dockerconfigjson `auths` holds them: "ghcr.io", "https://index.docker.io/v1/", ...).
    PullResult pull(const std::string &image,
                    const std::vector<std::string> &credentialHosts) const;

    // The scenario header's `registries:` list (see docs/scenarios.md):
    //   - host: 123456789012.dkr.ecr.us-east-1.amazonaws.com
    //     private: true
    //     images:
    //       - repository: backend
    //         tags: [1.0.0, "1.{1..2}.0", latest]   # {a..b} and {x,y} expand
    //         crashing: [1.3.0]                     # exists, but the process exits 1
    // Throws std::runtime_error on a malformed entry.
    void load(const nlohmann::json &registries);

    bool isPrivate(const std::string &host) const;
    bool hasHost(const std::string &host) const;
    // Every stored image as domain/repository:tag, sorted.
    std::vector<std::string> images() const;

    // Whether a dockerconfigjson key ("https://ghcr.io/v2/", "*.azurecr.io",
    // "index.docker.io/v1/") names the registry `domain`.
    static bool credentialMatches(const std::string &key, const std::string &domain);
    // Expands {a..b} (numbers) and {x,y,...} in a tag pattern; at most 4096 results.
    static std::vector<std::string> expand(const std::string &pattern);

private:
    struct Registry
    {
        bool isPrivate = false;
        std::map<std::string, std::map<std::string, StoredImage>> repositories;
    };
    void storeLocked(const ImageReference &ref, int exitCode);
    void loadCatalogue();

    mutable std::mutex m_mutex;
    std::map<std::string, Registry> m_registries;
};

} // namespace Orrery::Sim
