// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Orrery {

class TopologyGraph;

// The topology as JSON, for scripts and tests:
// {"nodes":[{"id","kind","namespace","name","status","health","group",...}],
//  "edges":[{"type","from","to","label"?,"active"?}]}
// Kubernetes objects only: PodGroup nodes are a drawing device and are left out (their pods
// are listed individually). Sorted by id so that output is stable.
class TopologyJson
{
public:
    static QJsonObject toJson(const TopologyGraph &graph);
    static QByteArray toBytes(const TopologyGraph &graph);
};

} // namespace Orrery
