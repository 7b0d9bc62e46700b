// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metricformat.h"

#include <kube/kubeobject.h>

#include <QList>
#include <QString>

namespace Orrery {

// The PromQL behind each chart of an object's Metrics tab, written over the series of the
// real exporters (cAdvisor, kube-state-metrics), which orrery-sim exports too, so that a
// query copied from Orrery works unchanged in Prometheus' own UI or Grafana.
//
// A chart has one or more queries; each answers one series or several (one per value of
// `seriesLabel`, e.g. one per pod). A breakdown chart (workloads, namespaces) stacks the
// per-pod series under their total, which is their sum at each step (the pods of one range
// query share the steps).
struct MetricQuery
{
    QString promql;
    QString seriesLabel; // the label naming each answered series ("pod"); empty: one series
    QString name;        // the series' legend when seriesLabel is empty ("received")
    QString role;        // HPA charts: "current", "target", "currentReplicas", "desiredReplicas"
};

struct MetricChart
{
    QString id;    // "cpu", "memory", "network", "restarts", "hpa/<metric>"
    QString title; // translated
    MetricUnit unit = MetricUnit::Count;
    bool breakdown = false; // per-pod series stacked under their total
    bool hpa = false;       // an HpaExplainedChart (four queries with roles)
    QList<MetricQuery> queries;
    QString expectedLabels; // the matchers the queries select, for "no series with …"
};

namespace MetricQueries {

// Charts exist for pods, Deployments, StatefulSets, DaemonSets, namespaces, nodes and HPAs.
bool hasCharts(Kind kind);

// The charts of `object` for a range query evaluated every `stepSeconds`. The rate window
// follows the step (rateWindowSeconds) so a long range still covers every scrape.
QList<MetricChart> charts(const KubeObject &object, qint64 stepSeconds);

// The step of a range query: about 240 points per range, at least 5 s, on round values.
qint64 stepSeconds(qint64 rangeSeconds);
// The window of rate(): four steps, at least one minute (four scrapes at a 15 s interval).
qint64 rateWindowSeconds(qint64 stepSeconds);

// The regular expression the pods of a workload's names match: Deployment
// "NAME-<hash>-<id>", StatefulSet "NAME-<ordinal>", DaemonSet "NAME-<id>". Empty for other
// kinds.
QString podNamePattern(Kind kind, const QString &name);

// A PromQL string literal ("a\"b").
QString quoted(const QString &text);

} // namespace MetricQueries

} // namespace Orrery
