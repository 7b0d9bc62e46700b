// SPDX-License-Identifier: GPL-3.0-or-later
// WorkloadUsage and the workload tables' CPU and memory columns: a workload's pods summed
// (a Deployment through its ReplicaSets), finished and foreign pods left out, the sum of
// `kubectl top pod`'s per-pod cells, and "—" with the reason when no pod has a sample.
#include <metricscolumns.h>
#include <resourcetablemodel.h>
#include <workloadusage.h>

#include <kube/resourcestore.h>
#include <monitoring/metricspoller.h>

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Orrery;

namespace {

OwnerReference controller(const QString &kind, const QString &name)
{
    OwnerReference r;
    r.apiVersion = QStringLiteral("apps/v1");
    r.kind = kind;
    r.name = name;
    r.controller = true;
    return r;
}

KubeObjectPtr workload(Kind kind, const QString &ns, const QString &name,
                       const QList<OwnerReference> &owners = {})
{
    auto o = std::make_shared<KubeObject>();
    o->kind = kind;
    o->namespaceName = ns;
    o->name = name;
    o->uid = name;
    o->ownerReferences = owners;
    o->data = WorkloadData{};
    return o;
}

KubeObjectPtr pod(const QString &ns, const QString &name, const OwnerReference &owner,
                  const QString &cpuRequest, const QString &memoryLimit,
                  const QString &phase = QStringLiteral("Running"))
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Pod;
    o->namespaceName = ns;
    o->name = name;
    o->uid = ns + '/' + name;
    o->ownerReferences = {owner};
    PodData p;
    p.phase = phase;
    ContainerInfo c;
    c.cpuRequest = cpuRequest;
    c.cpuLimit = QStringLiteral("1");
    c.memoryRequest = QStringLiteral("128Mi");
    c.memoryLimit = memoryLimit;
    p.spec.containers = {c};
    o->data = p;
    return o;
}

void add(ResourceStore &store, const KubeObjectPtr &o)
{
    StoreDelta d;
    d.kind = o->kind;
    d.object = o;
    store.post(std::move(d));
}

PodMetrics sample(const QString &ns, const QString &name, qint64 nanocores, qint64 bytes)
{
    PodMetrics m;
    m.ns = ns;
    m.name = name;
    m.cpuNanocores = nanocores;
    m.memoryBytes = bytes;
    return m;
}

} // namespace

class TestWorkloadUsage : public QObject
{
    Q_OBJECT

private slots:
    void sums();
    void tableColumns();
    void noSample();
};

void TestWorkloadUsage::sums()
{
    ResourceStore store;
    add(store, workload(Kind::Deployment, "shop", "web"));
    add(store, workload(Kind::ReplicaSet, "shop", "web-1", {controller("Deployment", "web")}));
    add(store, workload(Kind::ReplicaSet, "shop", "web-2", {controller("Deployment", "web")}));
    add(store, workload(Kind::StatefulSet, "shop", "db"));
    // Two ReplicaSets of one rollout: both count for the Deployment.
    add(store, pod("shop", "web-1-a", controller("ReplicaSet", "web-1"), "100m", "256Mi"));
    add(store, pod("shop", "web-2-a", controller("ReplicaSet", "web-2"), "200m", "256Mi"));
    add(store, pod("shop", "web-2-b", controller("ReplicaSet", "web-2"), "200m", ""));
    // Finished: not counted.
    add(store,
        pod("shop", "web-2-old", controller("ReplicaSet", "web-2"), "200m", "1Gi", "Succeeded"));
    add(store, pod("shop", "db-0", controller("StatefulSet", "db"), "500m", "1Gi"));
    // Another namespace's pod with the same owner name is another workload.
    add(store, pod("other", "db-0", controller("StatefulSet", "db"), "500m", "1Gi"));
    store.flush();

    MetricsBatch batch;
    batch.pods = PodMetricsList();
    // kubectl top pod prints 1m, 51m, 3m (each rounded up): the column is 55m.
    batch.pods->items << sample("shop", "web-1-a", 400000, 10LL << 20)
                      << sample("shop", "web-2-a", 50000001, (20LL << 20) + 512)
                      << sample("shop", "web-2-b", 2000001, 30LL << 20)
                      << sample("shop", "db-0", 250000000, 512LL << 20)
                      << sample("other", "db-0", 1000000, 1LL << 20);
    const auto usage = WorkloadUsage::compute(store, MetricsSnapshot::fromBatch(batch));

    const WorkloadUsage::Sum *web = usage->find(*workload(Kind::Deployment, "shop", "web"));
    QVERIFY(web);
    QCOMPARE(web->pods, 3);
    QCOMPARE(web->sampled, 3);
    QCOMPARE(web->cpuMillicores, qint64(55));
    QCOMPARE(web->memoryBytes, (60LL << 20) + 512);
    QCOMPARE(web->denominator(WorkloadUsage::Denominator::CpuRequest), qint64(500));
    QCOMPARE(web->denominator(WorkloadUsage::Denominator::CpuLimit), qint64(3000));
    // web-2-b sets no memory limit: a sum would understate it.
    QVERIFY(!web->denominator(WorkloadUsage::Denominator::MemoryLimit));

    const WorkloadUsage::Sum *rs2 = usage->find(*workload(Kind::ReplicaSet, "shop", "web-2"));
    QVERIFY(rs2);
    QCOMPARE(rs2->pods, 2);
    QCOMPARE(rs2->cpuMillicores, qint64(54));

    const WorkloadUsage::Sum *db = usage->find(*workload(Kind::StatefulSet, "shop", "db"));
    QVERIFY(db);
    QCOMPARE(db->pods, 1);
    QCOMPARE(db->cpuMillicores, qint64(250));
    QCOMPARE(usage->find(*workload(Kind::StatefulSet, "other", "db"))->cpuMillicores, qint64(1));
    QVERIFY(!usage->find(*workload(Kind::DaemonSet, "shop", "web")));
}

void TestWorkloadUsage::tableColumns()
{
    ResourceStore store;
    add(store, workload(Kind::Deployment, "shop", "web"));
    add(store, workload(Kind::ReplicaSet, "shop", "web-1", {controller("Deployment", "web")}));
    add(store, workload(Kind::Deployment, "shop", "idle"));
    add(store, pod("shop", "web-1-a", controller("ReplicaSet", "web-1"), "100m", "256Mi"));
    add(store, pod("shop", "web-1-b", controller("ReplicaSet", "web-1"), "100m", "256Mi"));
    add(store, pod("shop", "web-1-c", controller("ReplicaSet", "web-1"), "100m", "256Mi"));
    store.flush();

    ResourceTableModel model(Kind::Deployment);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store);
    const int first = model.firstMetricsColumn();
    QVERIFY(first > 0);
    QCOMPARE(model.headerData(first, Qt::Horizontal).toString(), QStringLiteral("CPU"));
    QCOMPARE(model.headerData(first + 5, Qt::Horizontal).toString(), QStringLiteral("%MEM/L"));
    const int web = model.rowOf("shop/web");
    const int idle = model.rowOf("shop/idle");
    QCOMPARE(model.index(web, first).data().toString(), QStringLiteral("—"));
    QVERIFY(model.index(web, first).data(Qt::ToolTipRole).toString().contains("first"));

    MetricsBatch batch;
    batch.pods = PodMetricsList();
    // web-1-c has no sample yet: the figures are the two others'.
    batch.pods->items << sample("shop", "web-1-a", 60000000, 100LL << 20)
                      << sample("shop", "web-1-b", 90000000, 28LL << 20);
    model.setMetrics(MetricsSnapshot::fromBatch(batch));
    QStringList cells;
    for (int c = first; c < first + 6; ++c)
        cells << model.index(web, c).data().toString();
    // 150m of 200m requested, of 2000m limit; 128Mi of 256Mi requested, of 512Mi limit.
    QCOMPARE(cells, (QStringList{"150m", "75%", "7%", "128Mi", "50%", "25%"}));
    QVERIFY(model.index(web, first).data(Qt::ToolTipRole).toString().startsWith("2 of 3 pods"));
    QCOMPARE(model.index(web, first).data(ResourceTableModel::SortRole).toLongLong(),
             qint64(150000000));
    QCOMPARE(model.index(idle, first).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.index(idle, first).data(Qt::ToolTipRole).toString(),
             QStringLiteral("No running pods."));
    QCOMPARE(MetricsColumns::fraction(Kind::Deployment, true, *model.objectAt(web), model.metrics(),
                                      model.workloadUsage())
                 .value_or(-1),
             0.75);
}

void TestWorkloadUsage::noSample()
{
    ResourceStore store;
    add(store, workload(Kind::DaemonSet, "kube-system", "agent"));
    add(store, pod("kube-system", "agent-x", controller("DaemonSet", "agent"), "10m", "64Mi"));
    store.flush();
    ResourceTableModel model(Kind::DaemonSet);
    model.setStore(&store);
    const int first = model.firstMetricsColumn();

    MetricsBatch empty;
    empty.pods = PodMetricsList();
    model.setMetrics(MetricsSnapshot::fromBatch(empty));
    QCOMPARE(model.index(0, first).data().toString(), QStringLiteral("—"));
    QVERIFY(model.index(0, first).data(Qt::ToolTipRole).toString().contains("kube-system/agent-x"));

    MetricsBatch forbidden;
    forbidden.podsUnavailable = MetricsUnavailable::forbidden("list", "pods", "kube-system");
    model.setMetrics(MetricsSnapshot::fromBatch(forbidden));
    QVERIFY(model.index(0, first).data(Qt::ToolTipRole).toString().startsWith("forbidden"));
}

QTEST_GUILESS_MAIN(TestWorkloadUsage)
#include "tst_workloadusage.moc"
