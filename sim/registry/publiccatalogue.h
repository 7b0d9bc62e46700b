// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace Orrery::Sim {

struct CatalogueEntry
{
    const char *host;
    const char *repository;
    const char *tags; // space separated patterns, see Registries::expand
    int exitCode = -1;
};

// The public images every simulated cluster can pull: Docker Hub official and well-known
// images, registry.k8s.io and quay.io, each with a realistic set of tags (not Docker Hub's
// full lists: the versions seeds, tests and tutorials use, and their neighbours).
const std::vector<CatalogueEntry> &publicCatalogue();

} // namespace Orrery::Sim
