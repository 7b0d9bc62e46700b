// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <monitoring/metricshistory.h>

#include <QList>
#include <QString>
#include <QWidget>

namespace Orrery {

class TimeSeriesChart;
class TimeSeriesModel;

// The details pane's Metrics tab: CPU and memory of one pod or node over the samples Orrery
// kept from metrics-server (MetricsHistory), one chart each. Without samples each chart says
// why (the reason metrics-server gave, or "no sample yet").
class MetricsHistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit MetricsHistoryView(QWidget *parent = nullptr);

    // Shows `samples` (oldest first) of the object `key` ("pod/NS/NAME", "node/NAME"); the
    // charts are refilled, which is cheap: at most MetricsHistory::samplesPerObject() points.
    void showSamples(const QString &key, const QList<MetricsSample> &samples,
                     const QString &emptyReason);
    void clear();

    const TimeSeriesModel *cpuSeries() const { return m_cpu; }
    const TimeSeriesModel *memorySeries() const { return m_memory; }
    TimeSeriesChart *cpuChart() const { return m_cpuChart; }
    TimeSeriesChart *memoryChart() const { return m_memoryChart; }

private:
    TimeSeriesModel *m_cpu;
    TimeSeriesModel *m_memory;
    TimeSeriesChart *m_cpuChart;
    TimeSeriesChart *m_memoryChart;
    QString m_key;
};

} // namespace Orrery
