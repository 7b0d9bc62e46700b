// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Orrery {

// What metrics-server reports (metrics.k8s.io/v1beta1, kubernetes staging k8s.io/metrics
// types.go), decoded into whole units: CPU in nanocores, memory in bytes (ResourceQuantity).

struct ContainerUsage
{
    QString name;
    qint64 cpuNanocores = 0;
    qint64 memoryBytes = 0;
};

struct PodMetrics
{
    QString ns;
    QString name;
    QDateTime timestamp; // when the sample was taken (UTC); invalid when the server gave none
    qint64 windowMs = 0; // the interval the CPU rate is averaged over
    QList<ContainerUsage> containers;
    // The containers summed, as `kubectl top pod` sums them.
    qint64 cpuNanocores = 0;
    qint64 memoryBytes = 0;
};

struct NodeMetrics
{
    QString name;
    QDateTime timestamp;
    qint64 windowMs = 0;
    qint64 cpuNanocores = 0;
    qint64 memoryBytes = 0;
};

// A node's allocatable CPU and memory, as Quantity.MilliValue() (millicores, and bytes ×
// 1000): what `kubectl top node` divides by. Absent when the Node does not state it.
struct NodeAllocatable
{
    std::optional<qint64> cpuMilli;
    std::optional<qint64> memoryMilli;
};

template <typename Item> struct MetricsList
{
    QList<Item> items;
    // Items left out, one line each ("item 3: cpu \"12x\" is not a quantity"): the others
    // still count.
    QStringList skipped;
};
using PodMetricsList = MetricsList<PodMetrics>;
using NodeMetricsList = MetricsList<NodeMetrics>;

// Decoding of the list bodies. Tolerant and bounded like every decoder of outside input
// (docs/RELIABILITY.md): the text is parsed by JsonRead (depth-limited, never throws), a
// missing member reads as absent, a missing usage as zero (as kubectl's Quantity.Add reads
// it); an item without a name, with a quantity that does not parse or with sums that
// overflow is skipped with its reason; more than Limits::maxMetricsItems items or
// Limits::maxMetricsContainers containers in one pod are cut there with a reason. A body that
// is not a JSON object of the expected kind is an Error (ParseError).
namespace ResourceMetrics {

Result<PodMetricsList> decodePods(QByteArrayView body);
Result<NodeMetricsList> decodeNodes(QByteArrayView body);
// Allocatable resources per node name, from a NodeList (GET /api/v1/nodes).
Result<QMap<QString, NodeAllocatable>> decodeAllocatable(QByteArrayView body);

// A Go duration as metrics-server writes its window ("30s", "20.05s", "1m0s", "500ms");
// nullopt when it is not one.
std::optional<qint64> parseWindowMs(QStringView text);

} // namespace ResourceMetrics

} // namespace Orrery
