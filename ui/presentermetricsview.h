// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <runbook/runbookstep.h>

class QWidget;

namespace Orrery {

class MetricsPoller;
class MonitoringSource;
class ResourceStore;

// The presenter's "metrics" step view (`show: metrics hpa/web`): the details pane's Metrics
// chart (ObjectMetricsView: Prometheus when `source` has one, else metrics-server's kept
// samples; an HPA's HpaExplainedChart) of the step's target in `store`, in presenter-sized
// fonts. The target's namespace is the step's, else `runbookNamespace`. Null (the presenter
// keeps its view) without a target, or when the store has no such object.
QWidget *createPresenterMetricsView(const RunbookStep &step, const QString &runbookNamespace,
                                    ResourceStore *store, MonitoringSource *source,
                                    MetricsPoller *poller, QWidget *parent);

} // namespace Orrery
