// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricssnapshot.h"

#include "metricspoller.h"

namespace Orrery {

std::shared_ptr<const MetricsSnapshot> MetricsSnapshot::fromBatch(const MetricsBatch &batch)
{
    auto s = std::make_shared<MetricsSnapshot>();
    if (batch.pods) {
        s->pods.reserve(batch.pods->items.size());
        for (const PodMetrics &p : batch.pods->items)
            s->pods.insert(p.ns.isEmpty() ? p.name : p.ns + QLatin1Char('/') + p.name,
                           {p.cpuNanocores, p.memoryBytes});
    }
    if (batch.nodes) {
        s->nodes.reserve(batch.nodes->items.size());
        for (const NodeMetrics &n : batch.nodes->items)
            s->nodes.insert(n.name, {n.cpuNanocores, n.memoryBytes});
    }
    s->podsUnavailable = batch.podsUnavailable;
    s->nodesUnavailable = batch.nodesUnavailable;
    return s;
}

const MetricsSnapshot::Usage *MetricsSnapshot::pod(const QString &ns, const QString &name) const
{
    const auto it = pods.constFind(ns.isEmpty() ? name : ns + QLatin1Char('/') + name);
    return it == pods.constEnd() ? nullptr : &*it;
}

const MetricsSnapshot::Usage *MetricsSnapshot::node(const QString &name) const
{
    const auto it = nodes.constFind(name);
    return it == nodes.constEnd() ? nullptr : &*it;
}

MetricsUnavailable MetricsSnapshot::podReason(const QString &ns, const QString &name) const
{
    if (podsUnavailable)
        return *podsUnavailable;
    return MetricsUnavailable::noSample(QStringLiteral("pod"), ns, name);
}

MetricsUnavailable MetricsSnapshot::nodeReason(const QString &name) const
{
    if (nodesUnavailable)
        return *nodesUnavailable;
    return MetricsUnavailable::noSample(QStringLiteral("node"), QString(), name);
}

} // namespace Orrery
