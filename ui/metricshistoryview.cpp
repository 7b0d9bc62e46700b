// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricshistoryview.h"

#include <charts/timeserieschart.h>
#include <timeseriesmodel.h>

#include <QVBoxLayout>

namespace Orrery {

MetricsHistoryView::MetricsHistoryView(QWidget *parent)
    : QWidget(parent)
    , m_cpu(new TimeSeriesModel(MetricsHistory().samplesPerObject(), this))
    , m_memory(new TimeSeriesModel(MetricsHistory().samplesPerObject(), this))
    , m_cpuChart(new TimeSeriesChart(this))
    , m_memoryChart(new TimeSeriesChart(this))
{
    setObjectName(QStringLiteral("metricsHistory"));
    m_cpu->addSeries({QStringLiteral("cpu"), tr("CPU"), MetricUnit::Cores, false});
    m_memory->addSeries({QStringLiteral("memory"), tr("Memory"), MetricUnit::Bytes, false});
    m_cpuChart->setObjectName(QStringLiteral("metricsCpuChart"));
    m_memoryChart->setObjectName(QStringLiteral("metricsMemoryChart"));
    m_cpuChart->setModel(m_cpu);
    m_memoryChart->setModel(m_memory);
    m_cpuChart->setTitle(tr("CPU (metrics-server)"));
    m_memoryChart->setTitle(tr("Memory (metrics-server)"));
    // The history holds one hour at metrics-server's 15 s resolution.
    m_cpuChart->setRange(TimeSeriesChart::Range::Minutes15);
    m_memoryChart->setRange(TimeSeriesChart::Range::Minutes15);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_cpuChart, 1);
    layout->addWidget(m_memoryChart, 1);
}

void MetricsHistoryView::showSamples(const QString &key, const QList<MetricsSample> &samples,
                                     const QString &emptyReason)
{
    m_key = key;
    QList<TimeSeriesModel::Point> cpu;
    QList<TimeSeriesModel::Point> memory;
    cpu.reserve(samples.size());
    memory.reserve(samples.size());
    for (const MetricsSample &s : samples) {
        const qint64 msecs = qint64(s.timeSec) * 1000;
        cpu.append({msecs, double(s.cpuMilli) / 1000.0});
        memory.append({msecs, double(s.memoryBytes)});
    }
    m_cpu->setPoints(0, std::move(cpu));
    m_memory->setPoints(0, std::move(memory));
    m_cpuChart->setEmptyReason(emptyReason);
    m_memoryChart->setEmptyReason(emptyReason);
}

void MetricsHistoryView::clear()
{
    showSamples({}, {}, {});
}

} // namespace Orrery
