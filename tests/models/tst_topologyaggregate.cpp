// SPDX-License-Identifier: GPL-3.0-or-later
// Aggregation for large clusters, on the model side: the graph's per-namespace summaries
// (what an aggregated namespace box draws) follow every change, failing pods stay counted in
// pod groups and summaries, pods moving between owners move between groups, the Service
// selector index selects what a scan of every Service selected, and a graph built by another
// builder (the worker thread's) is adopted whole.
#include "topologybuilder.h"
#include "topologygraph.h"
#include "topologylayout.h"
#include "topologysynthetic.h"

#include <QTest>

using namespace Orrery;
using S = TopologySynthetic;

namespace {

ChangeBatch batchOf(ObjectChange::Type type, const QList<KubeObjectPtr> &objects,
                    const QList<KubeObjectPtr> &previous = {})
{
    ChangeBatch batch;
    for (int i = 0; i < objects.size(); ++i)
        batch.changes.append(ObjectChange{type, objects[i]->kind, objects[i],
                                          i < previous.size() ? previous[i] : nullptr});
    return batch;
}

QString podId(const QString &ns, const QString &name)
{
    return topologyNodeId(TopologyKind::Pod, ns, name);
}

const KeyValues s_labels{{QStringLiteral("app"), QStringLiteral("web")}};

} // namespace

class TestTopologyAggregate : public QObject
{
    Q_OBJECT

private slots:
    void summariesCountByNamespace()
    {
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("shop"), QStringLiteral("web"), 4, true, 1);
        S::application(objects, QStringLiteral("shop"), QStringLiteral("api"), 2, false, 0);
        S::application(objects, QStringLiteral("blog"), QStringLiteral("cms"), 3, false, 2);
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset(objects);

        const TopologyHomeSummary shop = graph.homeSummary(QStringLiteral("shop"));
        QCOMPARE(shop.pods, 6);
        QCOMPARE(shop.workloads, 2);
        QCOMPARE(shop.services, 2);
        QCOMPARE(shop.failedPods(), 1);
        QCOMPARE(shop.podHealth[size_t(TopologyHealth::Healthy)], 5);
        const TopologyHomeSummary blog = graph.homeSummary(QStringLiteral("blog"));
        QCOMPARE(blog.pods, 3);
        QCOMPARE(blog.failedPods(), 2);
        // Every node is counted in exactly one namespace, and listed there.
        int nodes = 0;
        for (const TopologyHomeSummary &summary : graph.homeSummaries())
            nodes += summary.nodes;
        QCOMPARE(nodes, graph.nodeCount());
        QCOMPARE(graph.idsIn(QStringLiteral("shop")).size(), qsizetype(shop.nodes));
        for (const QString &id : graph.idsIn(QStringLiteral("blog")))
            QCOMPARE(graph.node(id)->home, QStringLiteral("blog"));
    }

    void summariesFollowDeltas()
    {
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("shop"), QStringLiteral("web"), 3, false, 0);
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset(objects);
        graph.takeDelta();
        QCOMPARE(graph.homeSummary(QStringLiteral("shop")).failedPods(), 0);

        // One pod starts crashing: the summary says so and the delta names the namespace.
        KubeObjectPtr pod;
        for (const KubeObjectPtr &o : objects) {
            if (o->kind == Kind::Pod) {
                pod = o;
                break;
            }
        }
        const KubeObjectPtr crashing = S::pod(
            pod->namespaceName, pod->name, QStringLiteral("ReplicaSet"), pod->controllerRef()->name,
            pod->labels, QStringLiteral("CrashLoopBackOff"), 3);
        builder.apply(batchOf(ObjectChange::Type::Modified, {crashing}, {pod}));
        TopologyDelta delta = graph.takeDelta();
        QVERIFY(delta.homes.contains(QStringLiteral("shop")));
        QCOMPARE(graph.homeSummary(QStringLiteral("shop")).failedPods(), 1);
        QCOMPARE(graph.homeSummary(QStringLiteral("shop")).pods, 3);

        // Deleted: counted out; the last node of a namespace takes its summary with it.
        builder.apply(batchOf(ObjectChange::Type::Deleted, {crashing}));
        QCOMPARE(graph.homeSummary(QStringLiteral("shop")).pods, 2);
        QCOMPARE(graph.homeSummary(QStringLiteral("shop")).failedPods(), 0);
        builder.apply(batchOf(ObjectChange::Type::Deleted, objects));
        QVERIFY(graph.homeSummaries().isEmpty());
        QVERIFY(graph.idsIn(QStringLiteral("shop")).isEmpty());
        QVERIFY(graph.takeDelta().homes.contains(QStringLiteral("shop")));
    }

    void failingPodsStayVisibleInLargeGroups()
    {
        // 5,000 pods of one ReplicaSet, 3 crash: one pod group stands for them, and its
        // health, counts and text say that 3 fail.
        QList<KubeObjectPtr> objects;
        const QString ns = QStringLiteral("big");
        objects << S::deployment(ns, QStringLiteral("web"), 5000, 4997, s_labels)
                << S::replicaSet(ns, QStringLiteral("web-1"), QStringLiteral("web"), 5000, 4997,
                                 s_labels);
        for (int i = 0; i < 5000; ++i)
            objects << S::pod(ns, QStringLiteral("web-1-%1").arg(i), QStringLiteral("ReplicaSet"),
                              QStringLiteral("web-1"), s_labels,
                              i % 1700 == 5 ? QStringLiteral("CrashLoopBackOff")
                                            : QStringLiteral("Running"));
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset(objects);
        const TopologyNode *group
            = graph.node(topologyNodeId(TopologyKind::PodGroup, ns, QStringLiteral("web-1")));
        QVERIFY(group);
        QCOMPARE(group->desired, 5000);
        QCOMPARE(group->counts[size_t(TopologyHealth::Failed)], 3);
        QCOMPARE(group->counts[size_t(TopologyHealth::Healthy)], 4997);
        QCOMPARE(group->health, TopologyHealth::Failed); // the worst pod colours the group
        QVERIFY2(group->detail.contains(QStringLiteral("3 failed")), qPrintable(group->detail));
        QCOMPARE(graph.homeSummary(ns).failedPods(), 3);
        QCOMPARE(graph.homeSummary(ns).podGroups, 1);
        // The pods are collapsed into it, not drawn.
        QCOMPARE(graph.node(podId(ns, QStringLiteral("web-1-5")))->collapsedInto, group->id);
    }

    void podMovesBetweenGroups()
    {
        // A pod adopted by another owner (its controller reference changes) leaves the first
        // group's counts and joins the second's, failing status included.
        QList<KubeObjectPtr> objects;
        const QString ns = QStringLiteral("shop");
        for (const QString &rs : {QStringLiteral("a"), QStringLiteral("b")}) {
            objects << S::replicaSet(ns, rs, {}, 10, 10, s_labels);
            for (int i = 0; i < 10; ++i)
                objects << S::pod(ns, rs + QString::number(i), QStringLiteral("ReplicaSet"), rs,
                                  s_labels);
        }
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset(objects);
        const QString groupA = topologyNodeId(TopologyKind::PodGroup, ns, QStringLiteral("a"));
        const QString groupB = topologyNodeId(TopologyKind::PodGroup, ns, QStringLiteral("b"));
        QCOMPARE(graph.node(groupA)->desired, 10);
        QCOMPARE(graph.node(groupB)->desired, 10);

        const KubeObjectPtr before = objects[1]; // a0
        QCOMPARE(before->name, QStringLiteral("a0"));
        const KubeObjectPtr moved
            = S::pod(ns, QStringLiteral("a0"), QStringLiteral("ReplicaSet"), QStringLiteral("b"),
                     s_labels, QStringLiteral("CrashLoopBackOff"), 2);
        builder.apply(batchOf(ObjectChange::Type::Modified, {moved}, {before}));
        QCOMPARE(graph.node(groupA)->desired, 9);
        QCOMPARE(graph.node(groupA)->counts[size_t(TopologyHealth::Failed)], 0);
        QCOMPARE(graph.node(groupB)->desired, 11);
        QCOMPARE(graph.node(groupB)->counts[size_t(TopologyHealth::Failed)], 1);
        QCOMPARE(graph.node(groupB)->health, TopologyHealth::Failed);
        QCOMPARE(graph.node(podId(ns, QStringLiteral("a0")))->collapsedInto, groupB);
        QCOMPARE(graph.homeSummary(ns).failedPods(), 1);
        QCOMPARE(graph.homeSummary(ns).pods, 20);

        // Below the threshold (8) the group dissolves and its pods are drawn one by one.
        QList<KubeObjectPtr> gone;
        for (int i = 1; i < 3; ++i)
            gone << objects[1 + i];
        builder.apply(batchOf(ObjectChange::Type::Deleted, gone));
        QVERIFY(!graph.contains(groupA));
        QVERIFY(graph.node(podId(ns, QStringLiteral("a5")))->collapsedInto.isEmpty());
    }

    void serviceSelectionByIndex()
    {
        // Multi-key selectors, a selector no pod matches, a pod with the first key but another
        // value, and a Service whose selector changes.
        const QString ns = QStringLiteral("shop");
        const KeyValues webProd{{QStringLiteral("app"), QStringLiteral("web")},
                                {QStringLiteral("tier"), QStringLiteral("prod")}};
        const KeyValues webDev{{QStringLiteral("app"), QStringLiteral("web")},
                               {QStringLiteral("tier"), QStringLiteral("dev")}};
        QList<KubeObjectPtr> objects{
            S::pod(ns, QStringLiteral("p1"), {}, {}, webProd),
            S::pod(ns, QStringLiteral("p2"), {}, {}, webDev),
            S::pod(QStringLiteral("other"), QStringLiteral("p3"), {}, {}, webProd),
            S::service(ns, QStringLiteral("all"), {{QStringLiteral("app"), QStringLiteral("web")}}),
            S::service(ns, QStringLiteral("prod"), webProd),
            S::service(ns, QStringLiteral("none"), {{QStringLiteral("app"), QStringLiteral("x")}})};
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset(objects);
        auto selectedBy = [&](const QString &pod, const QString &podNs = QStringLiteral("shop")) {
            QStringList out;
            for (const TopologyEdge &e : graph.edgesOf(podId(podNs, pod))) {
                if (e.type == TopologyEdgeType::Selects)
                    out << e.from.section(QLatin1Char('/'), -1);
            }
            out.sort();
            return out;
        };
        QCOMPARE(selectedBy(QStringLiteral("p1")), QStringList({"all", "prod"}));
        QCOMPARE(selectedBy(QStringLiteral("p2")), QStringList({"all"}));
        QCOMPARE(selectedBy(QStringLiteral("p3"), QStringLiteral("other")), QStringList());

        // "none" now selects the dev tier: p2 gains it, p1 does not.
        const KubeObjectPtr none = objects[5];
        const KubeObjectPtr changed = S::service(ns, QStringLiteral("none"), webDev);
        builder.apply(batchOf(ObjectChange::Type::Modified, {changed}, {none}));
        QCOMPARE(selectedBy(QStringLiteral("p2")), QStringList({"all", "none"}));
        QCOMPARE(selectedBy(QStringLiteral("p1")), QStringList({"all", "prod"}));
        // Deleted Services select nothing any more.
        builder.apply(batchOf(ObjectChange::Type::Deleted, {objects[3], changed}));
        QCOMPARE(selectedBy(QStringLiteral("p2")), QStringList());
        QCOMPARE(selectedBy(QStringLiteral("p1")), QStringList({"prod"}));
    }

    void adoptedBuildEqualsDirectBuild()
    {
        const QList<KubeObjectPtr> objects = S::cluster(400);
        TopologyGraph direct;
        TopologyBuilder directBuilder(&direct);
        directBuilder.reset(objects);

        // As TopologyPage does for a large cluster: built elsewhere, then adopted.
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        {
            TopologyGraph elsewhere;
            TopologyBuilder built(&elsewhere);
            built.reset(objects);
            builder.adopt(std::move(built));
            QCOMPARE(elsewhere.nodeCount(), 0);
        }
        QCOMPARE(graph.nodeCount(), direct.nodeCount());
        QCOMPARE(graph.nodes(), direct.nodes());
        QCOMPARE(graph.edgeCount(), direct.edgeCount());
        QCOMPARE(graph.homeSummaries(), direct.homeSummaries());
        QCOMPARE(graph.takeDelta().added.size(), qsizetype(direct.nodeCount()));

        // And it keeps following changes as the direct one does.
        QList<KubeObjectPtr> pods;
        for (const KubeObjectPtr &o : objects) {
            if (o->kind == Kind::Pod && pods.size() < 3)
                pods << o;
        }
        builder.apply(batchOf(ObjectChange::Type::Deleted, pods));
        directBuilder.apply(batchOf(ObjectChange::Type::Deleted, pods));
        QCOMPARE(graph.nodes(), direct.nodes());
        QCOMPARE(graph.homeSummaries(), direct.homeSummaries());
    }

    void layoutPlacesOnlyExpandedNamespaces()
    {
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("a"), QStringLiteral("web"), 3, false);
        S::application(objects, QStringLiteral("b"), QStringLiteral("api"), 3, false);
        S::application(objects, QStringLiteral("c"), QStringLiteral("db"), 3, false);
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset(objects);
        TopologyLayout layout;
        const QSizeF box(520, 320);
        layout.layoutAll(graph, [](const TopologyNode &n) { return n.collapsedInto.isEmpty(); },
                         {{QStringLiteral("a"), box}, {QStringLiteral("c"), box}},
                         {QStringLiteral("b")});
        QCOMPARE(layout.namespaceBoxes().size(), 3);
        int aggregates = 0;
        for (const TopologyBox &ns : layout.namespaceBoxes()) {
            QCOMPARE(ns.aggregate, ns.key != QStringLiteral("b"));
            if (ns.aggregate) {
                QCOMPARE(ns.rect.size(), box);
                ++aggregates;
            }
        }
        QCOMPARE(aggregates, 2);
        for (const QString &id : graph.nodes().keys())
            QCOMPARE(layout.contains(id), graph.node(id)->home == QStringLiteral("b"));
        // Boxes never overlap.
        const auto &boxes = layout.namespaceBoxes();
        for (int i = 0; i < boxes.size(); ++i)
            for (int j = i + 1; j < boxes.size(); ++j)
                QVERIFY(!boxes[i].rect.intersects(boxes[j].rect));
    }
};

QTEST_GUILESS_MAIN(TestTopologyAggregate)
#include "tst_topologyaggregate.moc"
