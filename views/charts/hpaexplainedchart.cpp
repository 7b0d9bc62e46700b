// SPDX-License-Identifier: GPL-3.0-or-later
#include "hpaexplainedchart.h"

#include "timeseriesmodel.h"

namespace Orrery {

HpaExplainedChart::HpaExplainedChart(QWidget *parent)
    : TimeSeriesChart(parent)
{
    setRightAxis(MetricUnit::Count, tr("replicas"));
}

HpaExplainedChart::SeriesIds HpaExplainedChart::addSeries(TimeSeriesModel *model,
                                                          const QString &hpaId,
                                                          const QString &metric, MetricUnit unit)
{
    const QString prefix = hpaId + QLatin1Char('/') + metric + QLatin1Char('/');
    SeriesIds ids{prefix + QLatin1String("current"), prefix + QLatin1String("target"),
                  hpaId + QLatin1String("/replicas/current"),
                  hpaId + QLatin1String("/replicas/desired")};
    model->addSeries({ids.current, tr("%1 (current)").arg(metric), unit, false});
    model->addSeries({ids.target, tr("%1 target").arg(metric), unit, false});
    model->addSeries({ids.currentReplicas, tr("current replicas"), MetricUnit::Count, false});
    model->addSeries({ids.desiredReplicas, tr("desired replicas"), MetricUnit::Count, false});
    return ids;
}

void HpaExplainedChart::setSeries(const SeriesIds &ids, const QString &metric)
{
    SeriesStyle current;
    current.role = Theme::Role::Accent;
    setSeriesStyle(ids.current, current);
    SeriesStyle target;
    target.pen = Qt::DashLine;
    target.role = Theme::Role::Danger;
    setSeriesStyle(ids.target, target);
    SeriesStyle replicas;
    replicas.rightAxis = true;
    replicas.steps = true;
    replicas.role = Theme::Role::Ok;
    setSeriesStyle(ids.currentReplicas, replicas);
    SeriesStyle desired = replicas;
    desired.pen = Qt::DotLine;
    desired.role = Theme::Role::Warning;
    setSeriesStyle(ids.desiredReplicas, desired);
    setLeftAxisTitle(metric);
}

} // namespace Orrery
