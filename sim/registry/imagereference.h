// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

namespace Orrery::Sim {

// A container image reference normalised as containerd and the kubelet do
// (github.com/distribution/reference ParseNormalizedNamed + TagNameOnly):
//   nginx                      → docker.io/library/nginx:latest
//   nginx:1.25                 → docker.io/library/nginx:1.25
//   grafana/grafana:10.2.2     → docker.io/grafana/grafana:10.2.2
//   index.docker.io/x/y        → docker.io/x/y:latest
//   localhost:32000/shop:1.0   → localhost:32000/shop:1.0
//   ghcr.io/a/b@sha256:<64 hex> → ghcr.io/a/b@sha256:... (a digest without a tag gets no tag)
// The first path component is a registry host when it contains '.' or ':' or is
// "localhost"; otherwise the image is on Docker Hub, and single-component Docker Hub names
// live under library/. Path components are lowercase [a-z0-9] separated by '.', '_', '__'
// or dashes; tags are [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}; digests are sha256:<64 lowercase
// hex>. Anything else is "invalid reference format" (the kubelet's InvalidImageName).
struct ImageReference
{
    std::string domain;     // registry host[:port], "docker.io" for Docker Hub
    std::string repository; // path inside the registry, e.g. "library/nginx"
    std::string tag;        // empty only when a digest is given without a tag
    std::string digest;     // "sha256:..." or empty

    // domain/repository
    std::string name() const { return domain + "/" + repository; }
    // domain/repository[:tag][@digest], the fully qualified form containerd prints.
    std::string str() const;

    // Bounded: references longer than 4096 characters are refused.
    static std::optional<ImageReference> parse(const std::string &reference);
};

} // namespace Orrery::Sim
