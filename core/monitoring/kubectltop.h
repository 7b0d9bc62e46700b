// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "resourcemetrics.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Orrery {

// The text `kubectl top pod` and `kubectl top node` print, byte for byte (kubectl
// pkg/metricsutil/metrics_printer.go, printed through cli-runtime's tabwriter), so that
// `orrery --top` can be judged by kubectl on the same cluster:
//  - pods sorted by namespace (with all namespaces) then name; the containers' usage summed;
//  - CPU as millicores rounded up ("123m"), memory as whole MiB rounded down ("45Mi");
//  - node percentages of the Node's allocatable, truncated; a node without metrics gets
//    "<unknown>" cells after the others (kubectl prints those in map order; Orrery by name);
//  - node header "CPU(%)"/"MEMORY(%)" as kubectl ≥ 1.32 prints it, "CPU%"/"MEMORY%" before.
// Names are not translated: they are kubectl's output format.
namespace KubectlTop {

// Go's text/tabwriter as kubectl configures it (minwidth 6, padding 3, padchar ' ', every
// cell tab-terminated): column blocks, widths in code points, trailing padding included.
QString tabulate(const QList<QStringList> &rows);

QString pods(QList<PodMetrics> items, bool withNamespace);

QString nodes(QList<NodeMetrics> items, QMap<QString, NodeAllocatable> allocatable,
              bool parenthesisedPercent = true);

// Whether kubectl of `minor` (1.minor) writes "CPU(%)" rather than "CPU%".
inline bool parenthesisedPercent(int minor)
{
    return minor >= 32;
}

} // namespace KubectlTop

} // namespace Orrery
