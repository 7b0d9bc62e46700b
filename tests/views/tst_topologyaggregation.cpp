// SPDX-License-Identifier: GPL-3.0-or-later
// Level of detail for large clusters in the scene and view: past the aggregation threshold
// each namespace is one box (far fewer items than pods), failing pods show in it, deltas
// update it, zooming in on a box (or double-click, or a search match inside it) expands
// that namespace into its nodes, and a small cluster is never aggregated.
#include "topologyaggregateitem.h"
#include "topologybuilder.h"
#include "topologygraph.h"
#include "topologynodeitem.h"
#include "topologyscene.h"
#include "topologysynthetic.h"
#include "topologyview.h"

#include <QTest>

using namespace Orrery;
using S = TopologySynthetic;

namespace {

struct Large
{
    QList<KubeObjectPtr> objects = S::cluster(20000); // 100 namespaces, 32,800 nodes
    TopologyGraph graph;
    TopologyBuilder builder{&graph};
    TopologyScene scene{&graph};

    Large()
    {
        scene.setAnimationsEnabled(false);
        builder.reset(objects);
        graph.takeDelta();
        scene.rebuild();
    }
};

} // namespace

class TestTopologyAggregation : public QObject
{
    Q_OBJECT

private slots:
    void largeClusterIsAggregated()
    {
        Large f;
        QVERIFY(f.graph.nodeCount() > TopologyScene::defaultAggregateThreshold());
        QVERIFY(f.scene.isAggregated());
        QCOMPARE(f.scene.aggregateCount(), 100);
        QCOMPARE(f.scene.itemCount(), 0);
        QVERIFY(f.scene.items().size() < 20000 / 50); // far fewer items than pods
        // Every namespace's box carries its counts; the ones with a crashing pod say so.
        int failing = 0;
        for (const TopologyBox &box : f.scene.layout().namespaceBoxes()) {
            TopologyAggregateItem *item = f.scene.aggregateItem(box.key);
            QVERIFY(item);
            QCOMPARE(item->summary(), f.graph.homeSummary(box.key));
            QCOMPARE(item->summary().pods, 200);
            QVERIFY2(item->countsText().contains(QStringLiteral("200 pod")),
                     qPrintable(item->countsText()));
            if (item->summary().failedPods() > 0) {
                ++failing;
                QVERIFY2(item->healthText().startsWith(
                             QStringLiteral("%1 failing").arg(item->summary().failedPods())),
                         qPrintable(item->healthText()));
            }
        }
        QVERIFY(failing > 0);
    }

    void failingShareNeverVanishesFromTheBar()
    {
        std::array<int, TopologyHealthCount> counts{};
        counts[size_t(TopologyHealth::Healthy)] = 4997;
        counts[size_t(TopologyHealth::Failed)] = 3;
        const auto widths = TopologyAggregateItem::barWidths(counts, 100, 4);
        QCOMPARE(widths[size_t(TopologyHealth::Failed)], 4.0);
        QCOMPARE(widths[size_t(TopologyHealth::Healthy)], 96.0);
        // Exact shares when they are wide enough already; nothing for an empty share.
        counts[size_t(TopologyHealth::Failed)] = 4997;
        counts[size_t(TopologyHealth::Healthy)] = 3;
        const auto inverse = TopologyAggregateItem::barWidths(counts, 100, 4);
        QVERIFY(qAbs(inverse[size_t(TopologyHealth::Failed)] - 99.94) < 0.01);
        QCOMPARE(inverse[size_t(TopologyHealth::Progressing)], 0.0);
    }

    void deltasUpdateTheAggregate()
    {
        Large f;
        KubeObjectPtr pod;
        for (const KubeObjectPtr &o : f.objects) {
            if (o->kind == Kind::Pod && o->namespaceName == QStringLiteral("team-001"))
                pod = o;
        }
        QVERIFY(pod);
        TopologyAggregateItem *item = f.scene.aggregateItem(QStringLiteral("team-001"));
        const int before = item->summary().failedPods();
        ChangeBatch batch;
        batch.changes.append(ObjectChange{
            ObjectChange::Type::Modified, Kind::Pod,
            S::pod(pod->namespaceName, pod->name, QStringLiteral("ReplicaSet"),
                   pod->controllerRef()->name, pod->labels, QStringLiteral("CrashLoopBackOff"), 4),
            pod});
        f.builder.apply(batch);
        f.scene.applyPendingChanges();
        QCOMPARE(f.scene.aggregateItem(QStringLiteral("team-001")), item); // no relayout
        QCOMPARE(item->summary().failedPods(), before + 1);
        QCOMPARE(f.scene.itemCount(), 0);
    }

    void zoomingInExpandsTheNamespace()
    {
        Large f;
        TopologyView view;
        view.resize(1600, 1000);
        view.setTopologyScene(&f.scene);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showWhole();
        QVERIFY(view.zoom() < TopologyView::expandZoom());
        // The namespace box in the middle of the view (one at the edge cannot be centred).
        auto aggregateAtCentre = [&] {
            for (QGraphicsItem *item : view.items(view.viewport()->rect().center())) {
                if (item->type() == TopologyAggregateItem::Type)
                    return static_cast<TopologyAggregateItem *>(item)->home();
            }
            return QString();
        };
        view.setZoom(0.4); // closer, still below expandZoom()
        QCOMPARE(f.scene.itemCount(), 0);
        // Boxes have gaps between them: the first point of a row that falls on one.
        QString home;
        const QRectF whole = f.scene.sceneRect();
        for (int i = 1; i < 20 && home.isEmpty(); ++i) {
            view.centerOn(whole.left() + whole.width() * i / 20, whole.center().y() + 100);
            home = aggregateAtCentre();
        }
        QVERIFY(!home.isEmpty());
        QCOMPARE(f.scene.itemCount(), 0);
        view.setZoom(0.6); // past expandZoom(), over that namespace's box
        QVERIFY(f.scene.expandedHomes().contains(home));
        QVERIFY(!f.scene.aggregateItem(home));
        const int items = f.scene.itemCount();
        QVERIFY(items > 200 && items < 1000); // one namespace's nodes, not the cluster's
        QCOMPARE(f.scene.aggregateCount(), 99);
        for (const QString &id : f.graph.idsIn(home)) {
            const TopologyNode *node = f.graph.node(id);
            if (node->collapsedInto.isEmpty())
                QVERIFY2(f.scene.item(id), qPrintable(id));
        }
        // The view shows the expanded namespace.
        QVERIFY(view.mapToScene(view.viewport()->rect())
                    .boundingRect()
                    .intersects(f.scene.homeRect(home)));

        // Zooming in on another one folds the first (only what was expanded by zooming).
        view.setZoom(0.4);
        const QRectF all = f.scene.sceneRect();
        QString other;
        for (int i = 1; i < 20 && (other.isEmpty() || other == home); ++i) {
            // A point on a box of the grid, not on the expanded namespace.
            view.centerOn(all.left() + all.width() * i / 20, all.top() + all.height() * 0.6);
            other = aggregateAtCentre();
        }
        QVERIFY(!other.isEmpty() && other != home);
        view.setZoom(0.6);
        QVERIFY(f.scene.expandedHomes().contains(other));
        QVERIFY(!f.scene.expandedHomes().contains(home));
    }

    void searchRevealsAggregatedNodes()
    {
        Large f;
        TopologyView view;
        view.resize(1600, 1000);
        view.setTopologyScene(&f.scene);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showWhole();
        // Its Deployment, ReplicaSet, Service and 5 pods, in the aggregated team-023.
        QCOMPARE(view.search(QStringLiteral("svc-00123")), 8);
        const QString home = QStringLiteral("team-023");
        QVERIFY(f.scene.expandedHomes().contains(home));
        QVERIFY(!f.scene.selectedItems().isEmpty());
        const auto *selected = static_cast<TopologyNodeItem *>(f.scene.selectedItems().first());
        QCOMPARE(selected->node().name, QStringLiteral("svc-00123"));
    }

    void smallClusterIsNotAggregated()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        TopologyScene scene(&graph);
        builder.reset(S::cluster(2000));
        scene.rebuild();
        QVERIFY(!scene.isAggregated());
        QCOMPARE(scene.aggregateCount(), 0);
        QVERIFY(scene.itemCount() > 2000);
        // The threshold decides: lowered, the same cluster is aggregated, and one namespace
        // chosen by the filter never is.
        scene.setAggregateThreshold(1000);
        scene.rebuild();
        QVERIFY(scene.isAggregated());
        QCOMPARE(scene.aggregateCount(), 10);
        TopologyFilter one;
        one.namespaces = {QStringLiteral("team-003")};
        scene.setFilter(one);
        QVERIFY(!scene.isAggregated());
        QVERIFY(scene.itemCount() > 200);
    }
};

QTEST_MAIN(TestTopologyAggregation)
#include "tst_topologyaggregation.moc"
