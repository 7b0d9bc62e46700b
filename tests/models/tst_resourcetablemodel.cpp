// SPDX-License-Identifier: GPL-3.0-or-later
// ResourceTableModel and ResourceFilterProxyModel fed with synthetic batches: incremental
// updates, sort/filter/selection preserved, label selector filtering, age ticks.
#include <ageclock.h>
#include <metricscolumns.h>
#include <monitoring/metricspoller.h>
#include <resourcefilterproxymodel.h>
#include <resourcetablemodel.h>

#include <kube/resourcestore.h>

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace Orrery;

namespace {

KubeObjectPtr makePod(const QString &ns, const QString &name,
                      const QString &status = QStringLiteral("Running"), int restarts = 0,
                      KeyValues labels = {})
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Pod;
    o->namespaceName = ns;
    o->name = name;
    o->uid = ns + QLatin1Char('-') + name;
    o->creationTimestamp = QDateTime::currentSecsSinceEpoch() - 3600;
    o->labels = std::move(labels);
    PodData p;
    p.status = status;
    p.phase = QStringLiteral("Running");
    p.readyContainers = status == QLatin1String("Running") ? 1 : 0;
    p.totalContainers = 1;
    p.restarts = restarts;
    p.nodeName = QStringLiteral("node-1");
    p.podIP = QStringLiteral("10.0.0.1");
    o->data = p;
    return o;
}

ObjectChange change(ObjectChange::Type type, const KubeObjectPtr &o)
{
    ObjectChange c;
    c.type = type;
    c.kind = o->kind;
    c.object = o;
    return c;
}

} // namespace

class TestResourceTableModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsAsKubectl();
    void columnsFollowTheKindTable();
    void metricsColumns();
    void incrementalBatches();
    void removalsAreContiguousRanges();
    void ignoresOtherKinds();
    void sortAndSelectionSurviveUpdates();
    void listPagesBecomeRowInsertions();
    void textAndSelectorFilter();
    void namespaceFilter();
    void ageTickTouchesOnlyAgeColumn();
    void manyRows();
};

void TestResourceTableModel::columnsAsKubectl()
{
    ResourceTableModel model(Kind::Pod);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList headers;
    for (int c = 0; c < model.columnCount(); ++c)
        headers << model.headerData(c, Qt::Horizontal).toString();
    // kubectl's columns, with CPU and memory before AGE (where k9s shows them).
    QCOMPARE(headers,
             (QStringList{"NAME", "NAMESPACE", "READY", "STATUS", "RESTARTS", "CPU", "%CPU/R",
                          "%CPU/L", "MEM", "%MEM/R", "%MEM/L", "AGE", "NODE", "IP"}));

    model.setObjects({makePod("default", "web-1", "CrashLoopBackOff", 7)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("0/1"));
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("CrashLoopBackOff"));
    QCOMPARE(model.index(0, 4).data().toString(), QStringLiteral("7"));
    QCOMPARE(model.index(0, 11).data().toString(), QStringLiteral("60m"));
    QCOMPARE(model.ageColumns(), QList<int>{11});
    QCOMPARE(model.index(0, 0).data(ResourceTableModel::SeverityRole).toInt(),
             int(RowSeverity::Error));

    ResourceTableModel deployments(Kind::Deployment);
    headers.clear();
    for (int c = 0; c < deployments.columnCount(); ++c)
        headers << deployments.headerData(c, Qt::Horizontal).toString();
    // Workloads: their pods summed (tst_workloadusage), before AGE as for pods.
    QCOMPARE(headers,
             (QStringList{"NAME", "NAMESPACE", "READY", "UP-TO-DATE", "AVAILABLE", "CPU", "%CPU/R",
                          "%CPU/L", "MEM", "%MEM/R", "%MEM/L", "AGE", "IMAGES"}));
}

void TestResourceTableModel::columnsFollowTheKindTable()
{
    // The model knows no kind: every row of the kind table gives its columns, cells, sort keys
    // and severity, so a kind added to the table is shown without a change here.
    const KubeObjectPtr pod = makePod("default", "web-1", "CrashLoopBackOff", 7);
    for (const KindInfo &info : kindTable()) {
        ResourceTableModel model(info.kind);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The kind's columns, then CPU and memory for pods and nodes (metricsColumns()).
        QCOMPARE(model.columnCount(), int(info.columns.size()) + MetricsColumns::count(info.kind));
        auto object = std::make_shared<KubeObject>(*pod);
        object->kind = info.kind;
        model.setObjects({object});
        for (int c = 0; c < model.columnCount(); ++c) {
            const int kindColumn = model.kindColumnAt(c);
            if (kindColumn < 0) // CPU and memory: metricsColumns()
                continue;
            const KindColumn &column = info.columns[std::size_t(kindColumn)];
            QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), column.translatedTitle());
            if (column.type == KindColumn::Type::Age)
                continue;
            QCOMPARE(model.index(0, c).data().toString(), column.cellText(*object));
            if (column.type == KindColumn::Type::Number)
                QCOMPARE(model.index(0, c).data(ResourceTableModel::SortRole),
                         column.sortKey(*object));
        }
        QCOMPARE(model.nameColumn() >= 0, true);
        QCOMPARE(model.namespaceColumn() >= 0, info.namespaced);
        QCOMPARE(model.index(0, 0).data(ResourceTableModel::SeverityRole).toInt(),
                 int(info.health(*object)));
    }
}

// Pods: usage with kubectl top's rounding, and its share of the summed requests and limits
// (k9s' %CPU/R ...); nodes: of allocatable. No sample: "—" and the reason as tooltip.
void TestResourceTableModel::metricsColumns()
{
    ResourceTableModel model(Kind::Pod);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    KubeObjectPtr web = makePod("shop", "web-1");
    {
        auto o = std::make_shared<KubeObject>(*web);
        PodData p = *o->as<PodData>();
        ContainerInfo main;
        main.cpuRequest = QStringLiteral("250m");
        main.cpuLimit = QStringLiteral("1");
        main.memoryRequest = QStringLiteral("256Mi");
        ContainerInfo sidecar;
        sidecar.cpuRequest = QStringLiteral("50m");
        sidecar.cpuLimit = QStringLiteral("500m");
        sidecar.memoryRequest = QStringLiteral("64Mi");
        p.spec.containers = {main, sidecar};
        o->data = p;
        web = o;
    }
    model.setObjects({web, makePod("shop", "new-1")});
    const int first = model.firstMetricsColumn();
    QCOMPARE(first, 5);
    QCOMPARE(model.index(0, first).data().toString(), QStringLiteral("—"));
    QVERIFY(model.index(0, first).data(Qt::ToolTipRole).toString().contains("first"));

    MetricsBatch batch;
    batch.pods = PodMetricsList();
    PodMetrics m;
    m.ns = QStringLiteral("shop");
    m.name = QStringLiteral("web-1");
    m.cpuNanocores = 150000001; // 151m
    m.memoryBytes = 160LL << 20;
    batch.pods->items << m;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setMetrics(MetricsSnapshot::fromBatch(batch));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), first);
    QCOMPARE(changed.first().at(1).toModelIndex().column(), first + 5);

    QStringList cells;
    for (int c = first; c < first + 6; ++c)
        cells << model.index(0, c).data().toString();
    // 151m of 300m requested (50%) and of 1500m limit (10%); 160Mi of 320Mi (50%), no limit.
    QCOMPARE(cells, (QStringList{"151m", "50%", "10%", "160Mi", "50%", "n/a"}));
    QVERIFY(model.index(0, first + 5).data(Qt::ToolTipRole).toString().contains("memory limit"));
    QCOMPARE(model.index(0, first).data(ResourceTableModel::SortRole).toLongLong(),
             qint64(150000001));
    // The other pod has no sample: the reason names it.
    QVERIFY(model.index(1, first).data(Qt::ToolTipRole).toString().contains("shop/new-1"));
    QCOMPARE(model.index(1, first).data(ResourceTableModel::SortRole).toLongLong(), qint64(-1));

    MetricsBatch forbidden;
    forbidden.podsUnavailable = MetricsUnavailable::forbidden("list", "pods", {});
    model.setMetrics(MetricsSnapshot::fromBatch(forbidden));
    QVERIFY(model.index(0, first).data(Qt::ToolTipRole).toString().startsWith("forbidden"));

    ResourceTableModel nodes(Kind::Node);
    auto node = std::make_shared<KubeObject>();
    node->kind = Kind::Node;
    node->name = QStringLiteral("worker-1");
    NodeData nd;
    nd.cpuAllocatable = QStringLiteral("3800m");
    nd.memoryAllocatable = QStringLiteral("15099494Ki");
    node->data = nd;
    nodes.setObjects({node});
    MetricsBatch nodeBatch;
    nodeBatch.nodes = NodeMetricsList();
    NodeMetrics n;
    n.name = QStringLiteral("worker-1");
    n.cpuNanocores = 209000000;
    n.memoryBytes = 1036LL << 20;
    nodeBatch.nodes->items << n;
    nodes.setMetrics(MetricsSnapshot::fromBatch(nodeBatch));
    cells.clear();
    for (int c = nodes.firstMetricsColumn(); c < nodes.firstMetricsColumn() + 4; ++c)
        cells << nodes.headerData(c, Qt::Horizontal).toString() + '='
                     + nodes.index(0, c).data().toString();
    // As `kubectl top node` printed for the same node (tests/data/metrics/top-nodes.txt).
    QCOMPARE(cells, (QStringList{"CPU=209m", "%CPU=5%", "MEM=1036Mi", "%MEM=7%"}));
}

void TestResourceTableModel::incrementalBatches()
{
    ResourceTableModel model(Kind::Pod);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    ChangeBatch add;
    for (int i = 0; i < 5; ++i)
        add.changes << change(ObjectChange::Type::Added,
                              makePod("default", QStringLiteral("p%1").arg(i)));
    model.applyBatch(add);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(inserted.count(), 1); // one begin/end pair for the whole batch
    QCOMPARE(reset.count(), 0);

    ChangeBatch modify;
    modify.changes << change(ObjectChange::Type::Modified, makePod("default", "p2", "Error"));
    modify.changes << change(ObjectChange::Type::Modified, makePod("default", "p3", "Error"));
    model.applyBatch(modify);
    QCOMPARE(changed.count(), 1); // rows 2..3 are contiguous: one dataChanged
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 3);
    QCOMPARE(model.index(model.rowOf("default/p3"), 3).data().toString(), QStringLiteral("Error"));

    // Modified for an unknown key is an insertion (e.g. after a missed event).
    ChangeBatch late;
    late.changes << change(ObjectChange::Type::Modified, makePod("default", "p9"));
    model.applyBatch(late);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.rowOf("default/p9"), 5);
}

void TestResourceTableModel::removalsAreContiguousRanges()
{
    ResourceTableModel model(Kind::Pod);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<KubeObjectPtr> pods;
    for (int i = 0; i < 10; ++i)
        pods << makePod("default", QStringLiteral("p%1").arg(i));
    model.setObjects(pods);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    ChangeBatch del;
    for (int i : {1, 2, 3, 7, 9})
        del.changes << change(ObjectChange::Type::Deleted, pods[i]);
    model.applyBatch(del);
    QCOMPARE(removed.count(), 3); // [1..3], [7], [9]
    QCOMPARE(model.rowCount(), 5);
    for (const char *name : {"p0", "p4", "p5", "p6", "p8"})
        QVERIFY2(model.rowOf(QStringLiteral("default/") + QLatin1String(name)) >= 0, name);
    QCOMPARE(model.rowOf("default/p7"), -1);
    // Index is consistent with the rows after the shift.
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.rowOf(model.objectAt(r)->key()), r);
}

void TestResourceTableModel::ignoresOtherKinds()
{
    ResourceTableModel model(Kind::Service);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChangeBatch b;
    b.changes << change(ObjectChange::Type::Added, makePod("default", "p"));
    model.applyBatch(b);
    QCOMPARE(model.rowCount(), 0);
}

void TestResourceTableModel::sortAndSelectionSurviveUpdates()
{
    ResourceTableModel model(Kind::Pod);
    ResourceFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setObjects({makePod("default", "b", "Running", 2), makePod("default", "a", "Running", 5),
                      makePod("default", "c", "Running", 1)});
    proxy.sort(4, Qt::DescendingOrder); // RESTARTS, numeric
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("a"));
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("c"));

    QItemSelectionModel selection(&proxy);
    selection.setCurrentIndex(proxy.index(1, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(selection.currentIndex().data().toString(), QStringLiteral("b"));

    ChangeBatch b;
    b.changes << change(ObjectChange::Type::Modified,
                        makePod("default", "c", "Running", 12)); // moves to top
    b.changes << change(ObjectChange::Type::Added, makePod("default", "d", "Running", 3));
    b.changes << change(ObjectChange::Type::Deleted, makePod("default", "a"));
    model.applyBatch(b);

    QCOMPARE(proxy.rowCount(), 3);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("c"));
    QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("d"));
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("b"));
    // The selected row followed its object.
    QCOMPARE(selection.currentIndex().data().toString(), QStringLiteral("b"));
    QVERIFY(selection.isRowSelected(2, {}));
}

// The pages of a list (ResourceStore, StoreDelta::ListPage) reach the table as row
// insertions, never a reset: the sorted proxy keeps its order and the selection; a relist's
// pages update rows in place and its end removes only what it no longer has.
void TestResourceTableModel::listPagesBecomeRowInsertions()
{
    ResourceStore store;
    ResourceTableModel model(Kind::Pod);
    ResourceFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setDynamicSortFilter(true);
    proxy.sort(0, Qt::AscendingOrder); // NAME
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&store, Kind::Pod);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy proxyResets(&proxy, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);

    // Pages in the server's order (namespace, then name); the table sorts by name, so each
    // page's rows land between the earlier pages' rows.
    auto page = [](quint64 id, int ns, int count, qint64 remaining, bool complete) {
        StoreDelta d;
        d.type = StoreDelta::Type::ListPage;
        d.kind = Kind::Pod;
        d.listId = id;
        d.remainingItems = remaining;
        d.listComplete = complete;
        for (int i = 0; i < count; ++i)
            d.objects.push_back(
                makePod(QStringLiteral("ns-%1").arg(ns),
                        QStringLiteral("pod-%1-%2").arg(i, 3, 10, QLatin1Char('0')).arg(ns)));
        return d;
    };
    const quint64 first = ResourceStore::newListId();
    store.post(page(first, 0, 100, 200, false));
    store.flush();
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(proxy.rowCount(), 100);
    QCOMPARE(inserts.count(), 1);

    QItemSelectionModel selection(&proxy);
    selection.setCurrentIndex(proxy.index(50, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString selected = selection.currentIndex().data().toString();
    QCOMPARE(selected, QStringLiteral("pod-050-0"));

    store.post(page(first, 1, 100, 100, false));
    store.flush();
    store.post(page(first, 2, 100, 0, true));
    store.flush();
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(proxy.rowCount(), 300);
    QCOMPARE(inserts.count(), 3); // one insertion per page
    QCOMPARE(resets.count(), 0);
    QCOMPARE(proxyResets.count(), 0);
    for (int r = 1; r < proxy.rowCount(); ++r)
        QVERIFY(proxy.index(r - 1, 0).data().toString() < proxy.index(r, 0).data().toString());
    QCOMPARE(selection.currentIndex().data().toString(), selected); // followed its row
    QVERIFY(store.hasSynced(Kind::Pod));

    // A relist: namespace 1 is gone. Its first page updates rows in place; nothing is
    // removed until the list completes.
    const quint64 relist = ResourceStore::newListId();
    StoreDelta again = page(relist, 0, 100, 100, false);
    for (KubeObjectPtr &o : again.objects) {
        auto changed = std::make_shared<KubeObject>(*o);
        changed->resourceVersion = QStringLiteral("2");
        o = changed;
    }
    store.post(std::move(again));
    store.flush();
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(removals.count(), 0);
    QCOMPARE(inserts.count(), 3);
    store.post(page(relist, 2, 100, 0, true));
    store.flush();
    QCOMPARE(model.rowCount(), 200);
    QVERIFY(removals.count() >= 1);
    QCOMPARE(inserts.count(), 3);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(selection.currentIndex().data().toString(), selected);
}

void TestResourceTableModel::textAndSelectorFilter()
{
    ResourceTableModel model(Kind::Pod);
    ResourceFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setObjects({
        makePod("shop", "web-1", "Running", 0, {{"app", "web"}, {"tier", "front"}}),
        makePod("shop", "db-0", "Running", 0, {{"app", "db"}, {"tier", "db"}}),
        makePod("shop", "worker-1", "CrashLoopBackOff", 4, {{"app", "worker"}}),
    });

    QVERIFY(proxy.setFilterString("web"));
    QCOMPARE(proxy.rowCount(), 1);
    QVERIFY(proxy.setFilterString("crashloop")); // matches the status column too
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("worker-1"));

    QVERIFY(proxy.setFilterString("tier!=db"));
    QVERIFY(proxy.isSelectorFilter());
    QCOMPARE(proxy.rowCount(), 2); // web-1 and worker-1 (no tier label)
    QVERIFY(proxy.setFilterString("app in (web,db),tier"));
    QCOMPARE(proxy.rowCount(), 2);

    QVERIFY(!proxy.setFilterString("app in (web"));
    QVERIFY(!proxy.filterError().isEmpty());
    QCOMPARE(proxy.rowCount(), 2); // the previous filter stays

    // New rows are filtered as they arrive.
    ChangeBatch b;
    b.changes << change(ObjectChange::Type::Added, makePod("shop", "web-2", "Running", 0,
                                                           {{"app", "web"}, {"tier", "front"}}));
    model.applyBatch(b);
    QCOMPARE(proxy.rowCount(), 3);
    QVERIFY(proxy.setFilterString(QString()));
    QCOMPARE(proxy.rowCount(), 4);
}

void TestResourceTableModel::namespaceFilter()
{
    ResourceTableModel model(Kind::Pod);
    ResourceFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setObjects({makePod("a", "p1"), makePod("b", "p2"), makePod("c", "p3")});
    proxy.setNamespaces({"a", "c"});
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setNamespaces({});
    QCOMPARE(proxy.rowCount(), 3);
}

void TestResourceTableModel::ageTickTouchesOnlyAgeColumn()
{
    ResourceTableModel model(Kind::Pod);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AgeClock clock(nullptr, 3600 * 1000);
    model.setAgeClock(&clock);
    model.setObjects({makePod("a", "p1"), makePod("a", "p2")});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    emit clock.tick();
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.first().at(0).toModelIndex();
    const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
    // AGE comes after kubectl's five columns and the six CPU and memory ones.
    QCOMPARE(topLeft.column(), 11);
    QCOMPARE(bottomRight.column(), 11);
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), 1);
}

void TestResourceTableModel::manyRows()
{
    // 10,000 pods: the model and proxy stay consistent through a large mixed batch.
    ResourceTableModel model(Kind::Pod);
    ResourceFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(0, Qt::AscendingOrder);
    QList<KubeObjectPtr> pods;
    for (int i = 0; i < 10000; ++i)
        pods << makePod(QStringLiteral("ns%1").arg(i % 20),
                        QStringLiteral("pod-%1").arg(i, 5, 10, QLatin1Char('0')));
    model.setObjects(pods);
    QCOMPARE(proxy.rowCount(), 10000);
    ChangeBatch b;
    for (int i = 0; i < 10000; i += 3)
        b.changes << change(ObjectChange::Type::Deleted, pods[i]);
    for (int i = 1; i < 10000; i += 3)
        b.changes << change(ObjectChange::Type::Modified,
                            makePod(pods[i]->namespaceName, pods[i]->name, "Error"));
    model.applyBatch(b);
    QCOMPARE(model.rowCount(), 10000 - 3334);
    QCOMPARE(proxy.rowCount(), model.rowCount());
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("pod-00001"));
    for (int r = 0; r < model.rowCount(); r += 97)
        QCOMPARE(model.rowOf(model.objectAt(r)->key()), r);
}

QTEST_MAIN(TestResourceTableModel)
#include "tst_resourcetablemodel.moc"
