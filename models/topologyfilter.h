// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologynode.h"
#include <kube/labelselector.h>

#include <QSet>
#include <QStringList>

namespace Orrery {

// Which nodes the diagram shows: by kind, namespace, label and system namespaces. "Only
// unhealthy" needs the graph (it keeps the neighbours of unhealthy nodes for context), so
// the scene applies it on top of accepts().
struct TopologyFilter
{
    QSet<TopologyKind> hiddenKinds;
    QStringList namespaces; // empty: all
    LabelSelector labels;   // empty: all; applied to pods and workloads that carry labels
    bool unhealthyOnly = false;
    bool hideSystem = false;

    bool accepts(const TopologyNode &node) const
    {
        if (hiddenKinds.contains(node.kind))
            return false;
        if (hideSystem && node.system)
            return false;
        if (!namespaces.isEmpty() && !namespaces.contains(node.home))
            return false;
        if (!labels.isEmpty() && !node.labels.isEmpty() && !labels.matches(toHash(node.labels)))
            return false;
        return true;
    }

    static bool isUnhealthy(TopologyHealth health)
    {
        return health == TopologyHealth::Failed || health == TopologyHealth::Warning
               || health == TopologyHealth::Progressing || health == TopologyHealth::Terminating;
    }
};

} // namespace Orrery
