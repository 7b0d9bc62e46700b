// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metricsunavailable.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace Orrery {

struct MetricsBatch;

// The latest usage per object, as the tables and the details pane read it: keyed like
// KubeObject::key() ("namespace/name" for pods, "name" for nodes). Built once per poll
// (fromBatch) and shared read-only, so models hold it without copying.
struct MetricsSnapshot
{
    struct Usage
    {
        qint64 cpuNanocores = 0;
        qint64 memoryBytes = 0;
    };
    QHash<QString, Usage> pods;
    QHash<QString, Usage> nodes;
    // Why pods (nodes) have no figures at all; unset when the list was read.
    std::optional<MetricsUnavailable> podsUnavailable;
    std::optional<MetricsUnavailable> nodesUnavailable;

    static std::shared_ptr<const MetricsSnapshot> fromBatch(const MetricsBatch &batch);

    // The usage of a pod or node, or why there is none (the list's reason, or "no sample yet
    // for pod ns/name").
    const Usage *pod(const QString &ns, const QString &name) const;
    const Usage *node(const QString &name) const;
    MetricsUnavailable podReason(const QString &ns, const QString &name) const;
    MetricsUnavailable nodeReason(const QString &name) const;
};

} // namespace Orrery
