// SPDX-License-Identifier: GPL-3.0-or-later
// MetricQueries: the PromQL behind each chart of each kind (the labels of cAdvisor and
// kube-state-metrics), the workloads' pod-name patterns, the step and rate window per range.
#include <metricqueries.h>

#include <QRegularExpression>
#include <QTest>

using namespace Orrery;

namespace {

std::shared_ptr<KubeObject> object(Kind kind, const QString &ns, const QString &name)
{
    auto o = std::make_shared<KubeObject>();
    o->kind = kind;
    o->namespaceName = ns;
    o->name = name;
    return o;
}

} // namespace

class tst_MetricQueries : public QObject
{
    Q_OBJECT

private slots:
    void kindsWithCharts();
    void stepAndWindow();
    void podNamePatterns();
    void workloadQueries();
    void podNodeNamespaceQueries();
    void hpaQueries();
};

void tst_MetricQueries::kindsWithCharts()
{
    for (Kind k : {Kind::Pod, Kind::Deployment, Kind::StatefulSet, Kind::DaemonSet, Kind::Namespace,
                   Kind::Node, Kind::HorizontalPodAutoscaler})
        QVERIFY(MetricQueries::hasCharts(k));
    for (Kind k : {Kind::ConfigMap, Kind::Service, Kind::Secret})
        QVERIFY(!MetricQueries::hasCharts(k));
    QVERIFY(MetricQueries::charts(
                *object(Kind::ConfigMap, QStringLiteral("a"), QStringLiteral("b")), 15)
                .isEmpty());
}

void tst_MetricQueries::stepAndWindow()
{
    QCOMPARE(MetricQueries::stepSeconds(15 * 60), qint64(5));
    QCOMPARE(MetricQueries::stepSeconds(3600), qint64(15));
    QCOMPARE(MetricQueries::stepSeconds(6 * 3600), qint64(120));
    QCOMPARE(MetricQueries::stepSeconds(24 * 3600), qint64(600));
    QCOMPARE(MetricQueries::stepSeconds(7 * 24 * 3600), qint64(3600));
    QCOMPARE(MetricQueries::rateWindowSeconds(5), qint64(60));
    QCOMPARE(MetricQueries::rateWindowSeconds(600), qint64(2400));
}

void tst_MetricQueries::podNamePatterns()
{
    const auto matches = [](Kind kind, const QString &workload, const QString &pod) {
        const QRegularExpression re(
            QRegularExpression::anchoredPattern(MetricQueries::podNamePattern(kind, workload)));
        return re.match(pod).hasMatch();
    };
    QVERIFY(matches(Kind::Deployment, QStringLiteral("web"), QStringLiteral("web-7d9f8c-x2k4q")));
    QVERIFY(!matches(Kind::Deployment, QStringLiteral("web"),
                     QStringLiteral("web-api-7d9f8c-x2k4q-z")));
    QVERIFY(!matches(Kind::Deployment, QStringLiteral("web"), QStringLiteral("web-0")));
    QVERIFY(matches(Kind::StatefulSet, QStringLiteral("mysql"), QStringLiteral("mysql-12")));
    QVERIFY(!matches(Kind::StatefulSet, QStringLiteral("mysql"), QStringLiteral("mysql-a")));
    QVERIFY(matches(Kind::DaemonSet, QStringLiteral("node-exporter"),
                    QStringLiteral("node-exporter-9xk2p")));
    // A dot is literal, a dash is left as it is (readable PromQL).
    QCOMPARE(MetricQueries::podNamePattern(Kind::StatefulSet, QStringLiteral("db.v2-x")),
             QStringLiteral("db\\.v2-x-[0-9]+"));
    QVERIFY(!matches(Kind::StatefulSet, QStringLiteral("db.v2"), QStringLiteral("dbxv2-0")));
    QVERIFY(MetricQueries::podNamePattern(Kind::Pod, QStringLiteral("x")).isEmpty());
    QCOMPARE(MetricQueries::quoted(QStringLiteral("a\"b\\c")), QStringLiteral("\"a\\\"b\\\\c\""));
}

void tst_MetricQueries::workloadQueries()
{
    const QList<MetricChart> charts = MetricQueries::charts(
        *object(Kind::Deployment, QStringLiteral("shop"), QStringLiteral("web")), 15);
    QCOMPARE(charts.size(), 4);
    const QString sel = QStringLiteral("namespace=\"shop\",pod=~\"web-[a-z0-9]+-[a-z0-9]+\"");
    QCOMPARE(charts[0].id, QStringLiteral("cpu"));
    QVERIFY(charts[0].breakdown);
    QCOMPARE(charts[0].unit, MetricUnit::Cores);
    QCOMPARE(charts[0].queries.size(), 1);
    QCOMPARE(charts[0].queries[0].promql,
             QStringLiteral("sum by (pod) (rate(container_cpu_usage_seconds_total{%1,"
                            "container!=\"\"}[60s]))")
                 .arg(sel));
    QCOMPARE(charts[0].queries[0].seriesLabel, QStringLiteral("pod"));
    QCOMPARE(charts[1].queries[0].promql,
             QStringLiteral("sum by (pod) (container_memory_working_set_bytes{%1,container!=\"\"})")
                 .arg(sel));
    QCOMPARE(charts[1].unit, MetricUnit::Bytes);
    QCOMPARE(charts[2].id, QStringLiteral("network"));
    QVERIFY(!charts[2].breakdown);
    QCOMPARE(charts[2].unit, MetricUnit::BytesPerSecond);
    QCOMPARE(charts[2].queries.size(), 2);
    QCOMPARE(charts[2].queries[1].promql,
             QStringLiteral("sum(rate(container_network_transmit_bytes_total{%1}[60s]))").arg(sel));
    QCOMPARE(
        charts[3].queries[0].promql,
        QStringLiteral("sum by (pod) (kube_pod_container_status_restarts_total{%1})").arg(sel));
    QCOMPARE(charts[0].expectedLabels, sel);
    // The window follows the step.
    QVERIFY(MetricQueries::charts(
                *object(Kind::Deployment, QStringLiteral("shop"), QStringLiteral("web")), 3600)[0]
                .queries[0]
                .promql.contains(QStringLiteral("[14400s]")));
}

void tst_MetricQueries::podNodeNamespaceQueries()
{
    const QList<MetricChart> pod = MetricQueries::charts(
        *object(Kind::Pod, QStringLiteral("shop"), QStringLiteral("web-1")), 5);
    QCOMPARE(pod[0].queries[0].promql,
             QStringLiteral("sum by (container) (rate(container_cpu_usage_seconds_total{"
                            "namespace=\"shop\",pod=\"web-1\",container!=\"\"}[60s]))"));
    QCOMPARE(pod[0].queries[0].seriesLabel, QStringLiteral("container"));

    const QList<MetricChart> ns
        = MetricQueries::charts(*object(Kind::Namespace, QString(), QStringLiteral("shop")), 5);
    QCOMPARE(ns[1].queries[0].promql,
             QStringLiteral("sum by (pod) (container_memory_working_set_bytes{namespace=\"shop\","
                            "container!=\"\"})"));

    const QList<MetricChart> node
        = MetricQueries::charts(*object(Kind::Node, QString(), QStringLiteral("n1")), 5);
    QCOMPARE(node.size(), 4);
    QCOMPARE(
        node[0].queries[0].promql,
        QStringLiteral("sum(rate(container_cpu_usage_seconds_total{node=\"n1\",id=\"/\"}[60s]))"));
    QCOMPARE(node[1].queries[0].promql,
             QStringLiteral("sum(container_memory_working_set_bytes{node=\"n1\",id=\"/\"})"));
    QVERIFY(node[3].queries[0].promql.contains(QStringLiteral("kube_pod_info{node=\"n1\"}")));
    for (const MetricChart &c : node)
        QVERIFY(!c.breakdown);
}

void tst_MetricQueries::hpaQueries()
{
    auto hpa = object(Kind::HorizontalPodAutoscaler, QStringLiteral("shop"), QStringLiteral("web"));
    HpaData d;
    d.metrics = {{QStringLiteral("Resource"),
                  QStringLiteral("cpu"),
                  QStringLiteral("Utilization"),
                  QStringLiteral("70%"),
                  {}},
                 {QStringLiteral("Resource"),
                  QStringLiteral("memory"),
                  QStringLiteral("AverageValue"),
                  QStringLiteral("256Mi"),
                  {}}};
    hpa->data = d;
    const QList<MetricChart> charts = MetricQueries::charts(*hpa, 5);
    QCOMPARE(charts.size(), 2);
    QVERIFY(charts[0].hpa);
    QCOMPARE(charts[0].id, QStringLiteral("hpa/cpu"));
    QCOMPARE(charts[0].unit, MetricUnit::Percent);
    QCOMPARE(charts[1].unit, MetricUnit::Bytes);
    QStringList roles;
    for (const MetricQuery &q : charts[0].queries)
        roles << q.role;
    QCOMPARE(roles,
             (QStringList{QStringLiteral("current"), QStringLiteral("target"),
                          QStringLiteral("currentReplicas"), QStringLiteral("desiredReplicas")}));
    QCOMPARE(charts[1].queries[1].promql,
             QStringLiteral("kube_horizontalpodautoscaler_spec_target_metric{namespace=\"shop\","
                            "horizontalpodautoscaler=\"web\",metric_name=\"memory\","
                            "metric_target_type=\"average\"}"));
    QCOMPARE(charts[0].queries[3].promql,
             QStringLiteral("kube_horizontalpodautoscaler_status_desired_replicas{namespace="
                            "\"shop\",horizontalpodautoscaler=\"web\"}"));
}

QTEST_GUILESS_MAIN(tst_MetricQueries)
#include "tst_metricqueries.moc"
