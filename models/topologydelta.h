// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

namespace Orrery {

// What changed in a TopologyGraph since the last takeDelta(): the scene applies exactly this.
// A node both added and removed in one delta cancels out.
struct TopologyDelta
{
    QSet<QString> added;
    QSet<QString> removed;
    QSet<QString> changed;
    QSet<QString> edgeProducers; // nodes whose produced edges were replaced
    QSet<QString> homes;         // namespaces (homes) whose TopologyHomeSummary changed
    bool edgesChanged = false;

    bool isEmpty() const
    {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && !edgesChanged;
    }
};

} // namespace Orrery
