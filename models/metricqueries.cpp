// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricqueries.h"

#include <QCoreApplication>

namespace Orrery::MetricQueries {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::MetricQueries", text);
}

QString matcher(const QString &label, const QString &value)
{
    return label + QLatin1Char('=') + quoted(value);
}

QString regexMatcher(const QString &label, const QString &pattern)
{
    return label + QStringLiteral("=~") + quoted(pattern);
}

// CPU, memory, network and restarts of the pods `selector` selects, per `by` ("pod",
// "container") as a breakdown, or summed.
QList<MetricChart> podCharts(const QString &selector, const QString &by, bool breakdown,
                             const QString &window)
{
    const QString sumBy
        = by.isEmpty() ? QStringLiteral("sum") : QStringLiteral("sum by (%1) ").arg(by);
    QList<MetricChart> out;
    MetricChart cpu;
    cpu.id = QStringLiteral("cpu");
    cpu.title = tr("CPU");
    cpu.unit = MetricUnit::Cores;
    cpu.breakdown = breakdown;
    cpu.expectedLabels = selector;
    cpu.queries
        = {{QStringLiteral("%1(rate(container_cpu_usage_seconds_total{%2,container!=\"\"}[%3]))")
                .arg(sumBy, selector, window),
            by,
            tr("CPU"),
            {}}};
    out << cpu;

    MetricChart memory;
    memory.id = QStringLiteral("memory");
    memory.title = tr("Memory (working set)");
    memory.unit = MetricUnit::Bytes;
    memory.breakdown = breakdown;
    memory.expectedLabels = selector;
    memory.queries = {{QStringLiteral("%1(container_memory_working_set_bytes{%2,container!=\"\"})")
                           .arg(sumBy, selector),
                       by,
                       tr("Memory"),
                       {}}};
    out << memory;

    MetricChart network;
    network.id = QStringLiteral("network");
    network.title = tr("Network");
    network.unit = MetricUnit::BytesPerSecond;
    network.expectedLabels = selector;
    network.queries = {
        {QStringLiteral("sum(rate(container_network_receive_bytes_total{%1}[%2]))")
             .arg(selector, window),
         {},
         tr("received"),
         {}},
        {QStringLiteral("sum(rate(container_network_transmit_bytes_total{%1}[%2]))")
             .arg(selector, window),
         {},
         tr("sent"),
         {}},
    };
    out << network;

    MetricChart restarts;
    restarts.id = QStringLiteral("restarts");
    restarts.title = tr("Restarts");
    restarts.unit = MetricUnit::Count;
    restarts.breakdown = breakdown;
    restarts.expectedLabels = selector;
    restarts.queries
        = {{QStringLiteral("%1(kube_pod_container_status_restarts_total{%2})").arg(sumBy, selector),
            by,
            tr("Restarts"),
            {}}};
    out << restarts;
    return out;
}

QList<MetricChart> nodeCharts(const QString &node, const QString &window)
{
    const QString n = matcher(QStringLiteral("node"), node);
    QList<MetricChart> out;
    MetricChart cpu;
    cpu.id = QStringLiteral("cpu");
    cpu.title = tr("CPU");
    cpu.unit = MetricUnit::Cores;
    cpu.expectedLabels = n + QStringLiteral(",id=\"/\"");
    // The node's root cgroup, as cAdvisor reports the whole machine.
    cpu.queries = {{QStringLiteral("sum(rate(container_cpu_usage_seconds_total{%1,id=\"/\"}[%2]))")
                        .arg(n, window),
                    {},
                    tr("CPU"),
                    {}}};
    out << cpu;
    MetricChart memory;
    memory.id = QStringLiteral("memory");
    memory.title = tr("Memory (working set)");
    memory.unit = MetricUnit::Bytes;
    memory.expectedLabels = cpu.expectedLabels;
    memory.queries
        = {{QStringLiteral("sum(container_memory_working_set_bytes{%1,id=\"/\"})").arg(n),
            {},
            tr("Memory"),
            {}}};
    out << memory;
    MetricChart network;
    network.id = QStringLiteral("network");
    network.title = tr("Network (pods)");
    network.unit = MetricUnit::BytesPerSecond;
    network.expectedLabels = n;
    network.queries = {
        {QStringLiteral("sum(rate(container_network_receive_bytes_total{%1}[%2]))").arg(n, window),
         {},
         tr("received"),
         {}},
        {QStringLiteral("sum(rate(container_network_transmit_bytes_total{%1}[%2]))").arg(n, window),
         {},
         tr("sent"),
         {}},
    };
    out << network;
    MetricChart restarts;
    restarts.id = QStringLiteral("restarts");
    restarts.title = tr("Restarts (pods on the node)");
    restarts.unit = MetricUnit::Count;
    restarts.expectedLabels = n;
    restarts.queries
        = {{QStringLiteral("sum(kube_pod_container_status_restarts_total * on (namespace, pod) "
                           "group_left () max by (namespace, pod) (kube_pod_info{%1}))")
                .arg(n),
            {},
            tr("Restarts"),
            {}}};
    out << restarts;
    return out;
}

QList<MetricChart> hpaCharts(const KubeObject &object)
{
    const HpaData *h = object.as<HpaData>();
    if (!h)
        return {};
    const QString selector = matcher(QStringLiteral("namespace"), object.namespaceName)
                             + QLatin1Char(',')
                             + matcher(QStringLiteral("horizontalpodautoscaler"), object.name);
    QList<MetricChart> out;
    for (const HpaMetric &m : h->metrics) {
        if (m.name.isEmpty())
            continue;
        // kube-state-metrics' metric_target_type: utilization, average or value.
        const QString type
            = m.targetType == QLatin1String("Utilization")    ? QStringLiteral("utilization")
              : m.targetType == QLatin1String("AverageValue") ? QStringLiteral("average")
                                                              : QStringLiteral("value");
        const QString metricSel
            = selector + QLatin1Char(',') + matcher(QStringLiteral("metric_name"), m.name)
              + QLatin1Char(',') + matcher(QStringLiteral("metric_target_type"), type);
        MetricChart c;
        c.id = QStringLiteral("hpa/") + m.name;
        c.hpa = true;
        c.title = tr("%1 against its target, and replicas").arg(m.name);
        c.unit = type == QLatin1String("utilization") ? MetricUnit::Percent
                 : m.name == QLatin1String("cpu")     ? MetricUnit::Cores
                 : m.name == QLatin1String("memory")  ? MetricUnit::Bytes
                                                      : MetricUnit::Count;
        c.expectedLabels = metricSel;
        c.queries = {
            {QStringLiteral("kube_horizontalpodautoscaler_status_target_metric{%1}").arg(metricSel),
             {},
             {},
             QStringLiteral("current")},
            {QStringLiteral("kube_horizontalpodautoscaler_spec_target_metric{%1}").arg(metricSel),
             {},
             {},
             QStringLiteral("target")},
            {QStringLiteral("kube_horizontalpodautoscaler_status_current_replicas{%1}")
                 .arg(selector),
             {},
             {},
             QStringLiteral("currentReplicas")},
            {QStringLiteral("kube_horizontalpodautoscaler_status_desired_replicas{%1}")
                 .arg(selector),
             {},
             {},
             QStringLiteral("desiredReplicas")},
        };
        out << c;
    }
    return out;
}

} // namespace

QString quoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

bool hasCharts(Kind kind)
{
    switch (kind) {
    case Kind::Pod:
    case Kind::Deployment:
    case Kind::StatefulSet:
    case Kind::DaemonSet:
    case Kind::Namespace:
    case Kind::Node:
    case Kind::HorizontalPodAutoscaler: return true;
    default: return false;
    }
}

qint64 stepSeconds(qint64 rangeSeconds)
{
    static const qint64 steps[] = {5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};
    const qint64 wanted = rangeSeconds / 240;
    for (qint64 s : steps) {
        if (s >= wanted)
            return s;
    }
    return 3600;
}

qint64 rateWindowSeconds(qint64 step)
{
    return std::max<qint64>(60, 4 * step);
}

QString podNamePattern(Kind kind, const QString &name)
{
    // Object names are DNS names: of the regular expression's metacharacters only '.' occurs
    // (QRegularExpression::escape would also escape '-', which reads badly in the PromQL shown).
    QString n;
    for (const QChar c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            n += QLatin1Char('\\');
        n += c;
    }
    switch (kind) {
    case Kind::Deployment: return n + QStringLiteral("-[a-z0-9]+-[a-z0-9]+");
    case Kind::StatefulSet: return n + QStringLiteral("-[0-9]+");
    case Kind::DaemonSet: return n + QStringLiteral("-[a-z0-9]+");
    default: return {};
    }
}

QList<MetricChart> charts(const KubeObject &object, qint64 step)
{
    const QString window = QStringLiteral("%1s").arg(rateWindowSeconds(step));
    const QString ns = matcher(QStringLiteral("namespace"), object.namespaceName);
    switch (object.kind) {
    case Kind::Pod:
        return podCharts(ns + QLatin1Char(',') + matcher(QStringLiteral("pod"), object.name),
                         QStringLiteral("container"), true, window);
    case Kind::Deployment:
    case Kind::StatefulSet:
    case Kind::DaemonSet:
        return podCharts(
            ns + QLatin1Char(',')
                + regexMatcher(QStringLiteral("pod"), podNamePattern(object.kind, object.name)),
            QStringLiteral("pod"), true, window);
    case Kind::Namespace:
        return podCharts(matcher(QStringLiteral("namespace"), object.name), QStringLiteral("pod"),
                         true, window);
    case Kind::Node: return nodeCharts(object.name, window);
    case Kind::HorizontalPodAutoscaler: return hpaCharts(object);
    default: return {};
    }
}

} // namespace Orrery::MetricQueries
