// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologytypes.h"

#include <QString>

namespace Orrery {

// A directed relation between two topology nodes, by id. An edge may name a node that does
// not exist (yet): an Ingress routing to a missing Service. Such edges are kept, so that they
// appear when the target does, but are neither drawn nor exported.
struct TopologyEdge
{
    QString from;
    QString to;
    TopologyEdgeType type = TopologyEdgeType::Owns;
    QString label;      // "shop.example.com/api", "3/5 · cpu 80%/70%"
    bool active = true; // Selects: the pod is ready and receives traffic

    bool operator==(const TopologyEdge &) const = default;
};

} // namespace Orrery
