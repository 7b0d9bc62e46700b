// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeserieschart.h"

namespace Orrery {

// "Why did it scale": one HPA metric's current value against its target (dashed) on the left
// axis, and the current and desired replica counts (steps) on the right axis, over the same
// time axis. One chart per metric of the HPA; the caller feeds the four series.
class HpaExplainedChart : public TimeSeriesChart
{
    Q_OBJECT
public:
    struct SeriesIds
    {
        QString current;         // the metric's current value (e.g. CPU utilisation, %)
        QString target;          // its target
        QString currentReplicas; // status.currentReplicas
        QString desiredReplicas; // status.desiredReplicas
    };

    explicit HpaExplainedChart(QWidget *parent = nullptr);

    // Adds the four series for `metric` of HPA `hpaId` to `model` (ids derive from hpaId and
    // metric, labels are translated) and returns their ids.
    static SeriesIds addSeries(TimeSeriesModel *model, const QString &hpaId, const QString &metric,
                               MetricUnit unit);
    // Styles the four series (the target dashed, replicas on the right axis as steps) and
    // titles the axes.
    void setSeries(const SeriesIds &ids, const QString &metric);
};

} // namespace Orrery
