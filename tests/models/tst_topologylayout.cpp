// SPDX-License-Identifier: GPL-3.0-or-later
// The layered layout: columns by rank, no overlaps, stable incremental placement.
#include "topologybuilder.h"
#include "topologylayout.h"
#include "topologysynthetic.h"

#include <QTest>

using namespace Orrery;
using S = TopologySynthetic;

namespace {

bool visible(const TopologyNode &node)
{
    return node.collapsedInto.isEmpty();
}

ChangeBatch batch(ObjectChange::Type type, const QList<KubeObjectPtr> &objects)
{
    ChangeBatch b;
    for (const KubeObjectPtr &o : objects)
        b.changes.append(ObjectChange{type, o->kind, o, nullptr});
    return b;
}

void verifyNoOverlap(const TopologyLayout &layout)
{
    const auto &rects = layout.nodeRects();
    const QList<QString> ids = rects.keys();
    for (int i = 0; i < ids.size(); ++i) {
        for (int j = i + 1; j < ids.size(); ++j) {
            if (rects[ids[i]].intersects(rects[ids[j]]))
                QFAIL(qPrintable(ids[i] + QStringLiteral(" overlaps ") + ids[j]));
        }
    }
}

// Every node inside its namespace box, every namespace box clear of the others.
void verifyBoxes(const TopologyGraph &graph, const TopologyLayout &layout)
{
    const QList<TopologyBox> &boxes = layout.namespaceBoxes();
    for (int i = 0; i < boxes.size(); ++i) {
        for (int j = i + 1; j < boxes.size(); ++j) {
            if (boxes[i].rect.intersects(boxes[j].rect))
                QFAIL(qPrintable(QStringLiteral("namespace %1 overlaps %2")
                                     .arg(boxes[i].title, boxes[j].title)));
        }
    }
    for (const TopologyBox &box : boxes) {
        for (const TopologyNode &node : graph.nodes()) {
            if (node.home == box.key && layout.contains(node.id)
                && !box.rect.contains(layout.nodeRect(node.id)))
                QFAIL(qPrintable(node.id + QStringLiteral(" lies outside its namespace ")
                                 + box.title));
        }
    }
}

} // namespace

class TestTopologyLayout : public QObject
{
    Q_OBJECT

private slots:
    void columnsFollowRanks()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset(S::pfe());
        TopologyLayout layout;
        layout.layoutAll(graph, visible);
        const auto x = [&](TopologyKind kind, const QString &ns, const QString &name) {
            return layout.nodeRect(topologyNodeId(kind, ns, name)).x();
        };
        const QString ns = QStringLiteral("pfe");
        const qreal entry = x(TopologyKind::External, ns, QStringLiteral("ing:pfe-ingress"));
        const qreal ingress = x(TopologyKind::Ingress, ns, QStringLiteral("pfe-ingress"));
        const qreal service = x(TopologyKind::Service, ns, QStringLiteral("frontend"));
        const qreal workload = x(TopologyKind::Deployment, ns, QStringLiteral("frontend"));
        const qreal rs = x(TopologyKind::ReplicaSet, ns, QStringLiteral("frontend-7d9f8b6c5"));
        const qreal pod = x(TopologyKind::Pod, ns, QStringLiteral("mysql-0"));
        const qreal pvc = x(TopologyKind::Pvc, ns, QStringLiteral("data-mysql-0"));
        const qreal pv = x(TopologyKind::Pv, {}, QStringLiteral("pvc-3f1c9a"));
        QVERIFY(entry < ingress);
        QVERIFY(ingress < service);
        QVERIFY(service < workload);
        QVERIFY(workload < rs);
        QVERIFY(rs < pod);
        QVERIFY(pod < pvc);
        QVERIFY(pvc < pv);
        QCOMPARE(x(TopologyKind::StatefulSet, ns, QStringLiteral("mysql")), workload);
        verifyNoOverlap(layout);
        // Every node lies inside its namespace box.
        for (const TopologyBox &box : layout.namespaceBoxes()) {
            for (const TopologyNode &node : graph.nodes()) {
                if (node.home == box.ns && layout.contains(node.id))
                    QVERIFY(box.rect.contains(layout.nodeRect(node.id)));
            }
        }
    }

    void updateKeepsPlacedNodesAndReusesSlots()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("a"), QStringLiteral("web"), 4, false);
        builder.reset(objects);
        graph.takeDelta();
        TopologyLayout layout;
        layout.layoutAll(graph, visible);
        const QHash<QString, QRectF> before = layout.nodeRects();

        // One pod goes, another comes: the newcomer takes the freed slot, nobody moves.
        KubeObjectPtr gone;
        for (const KubeObjectPtr &o : objects) {
            if (o->kind == Kind::Pod)
                gone = o;
        }
        const QString goneId = topologyNodeId(TopologyKind::Pod, QStringLiteral("a"), gone->name);
        builder.apply(batch(ObjectChange::Type::Deleted, {gone}));
        builder.apply(batch(ObjectChange::Type::Added,
                            {S::pod(QStringLiteral("a"), QStringLiteral("web-replacement"),
                                    QStringLiteral("ReplicaSet"), QStringLiteral("web-7d9f8b6c5"),
                                    {{QStringLiteral("app"), QStringLiteral("web")}})}));
        QVERIFY(layout.update(graph, graph.takeDelta(), visible));
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (it.key() != goneId)
                QCOMPARE(layout.nodeRect(it.key()), it.value());
        }
        QCOMPARE(layout.nodeRect(topologyNodeId(TopologyKind::Pod, QStringLiteral("a"),
                                                QStringLiteral("web-replacement"))),
                 before.value(goneId));
        QVERIFY(!layout.contains(goneId));
        verifyNoOverlap(layout);
    }

    void newNamespaceDoesNotMoveOthers()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset(S::pfe());
        graph.takeDelta();
        TopologyLayout layout;
        layout.layoutAll(graph, visible);
        const QHash<QString, QRectF> before = layout.nodeRects();
        QList<KubeObjectPtr> more;
        S::application(more, QStringLiteral("zeta"), QStringLiteral("late"), 2, true);
        builder.apply(batch(ObjectChange::Type::Added, more));
        QVERIFY(layout.update(graph, graph.takeDelta(), visible));
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(layout.nodeRect(it.key()), it.value());
        QVERIFY(layout.contains(topologyNodeId(TopologyKind::Deployment, QStringLiteral("zeta"),
                                               QStringLiteral("late"))));
        verifyNoOverlap(layout);
    }

    void hpaScaleOutToItsMaximumFitsInPlace()
    {
        // Two applications of 2 pods, one with an HPA 2–5: its scale-out to 5 must not need
        // a relayout, and nothing placed moves.
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("a"), QStringLiteral("web"), 2, true);
        S::application(objects, QStringLiteral("a"), QStringLiteral("api"), 2, false);
        builder.reset(objects);
        graph.takeDelta();
        TopologyLayout layout;
        layout.layoutAll(graph, visible);
        const QHash<QString, QRectF> before = layout.nodeRects();
        QList<KubeObjectPtr> pods;
        for (int i = 0; i < 3; ++i)
            pods.append(S::pod(QStringLiteral("a"), QStringLiteral("web-7d9f8b6c5-new%1").arg(i),
                               QStringLiteral("ReplicaSet"), QStringLiteral("web-7d9f8b6c5"),
                               {{QStringLiteral("app"), QStringLiteral("web")}}));
        builder.apply(batch(ObjectChange::Type::Added, pods));
        QVERIFY(layout.update(graph, graph.takeDelta(), visible));
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(layout.nodeRect(it.key()), it.value());
        QVERIFY(layout.contains(topologyNodeId(TopologyKind::Pod, QStringLiteral("a"),
                                               QStringLiteral("web-7d9f8b6c5-new2"))));
        verifyNoOverlap(layout);
    }

    void startupBatchesNeverOverlap_data()
    {
        // At start-up the informers deliver their first lists one kind at a time, in any
        // order, while the diagram is already drawn from what came first.
        QTest::addColumn<QStringList>("order");
        QTest::newRow("pods before replica sets")
            << QStringList{"Deployment,Service,ConfigMap", "Pod", "ReplicaSet", "*"};
        QTest::newRow("pods first") << QStringList{"Pod", "Deployment", "ReplicaSet", "*"};
        QTest::newRow("storage, then pods, then owners")
            << QStringList{"PersistentVolumeClaim,PersistentVolume", "Pod",
                           "StatefulSet,Deployment", "ReplicaSet", "*"};
        QTest::newRow("services and ingresses last")
            << QStringList{"Pod,ReplicaSet", "Deployment,StatefulSet", "*"};
    }

    void startupBatchesNeverOverlap()
    {
        QFETCH(QStringList, order);
        QList<KubeObjectPtr> all = S::pfe();
        // A second application namespace that arrives with the pods only.
        S::application(all, QStringLiteral("shop"), QStringLiteral("cart"), 3, true);
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        TopologyLayout layout;
        QSet<const KubeObject *> delivered;
        bool first = true;
        for (const QString &step : std::as_const(order)) {
            const QStringList kinds = step.split(QLatin1Char(','));
            QList<KubeObjectPtr> objects;
            for (const KubeObjectPtr &o : std::as_const(all)) {
                if (!delivered.contains(o.get())
                    && (step == QLatin1String("*") || kinds.contains(kindName(o->kind)))) {
                    objects.append(o);
                    delivered.insert(o.get());
                }
            }
            if (first) {
                builder.reset(objects); // the partial snapshot of the first sync
                graph.takeDelta();
                layout.layoutAll(graph, visible);
                first = false;
            } else {
                builder.apply(batch(ObjectChange::Type::Added, objects));
                // As TopologyScene does: an update that does not fit asks for a relayout.
                if (!layout.update(graph, graph.takeDelta(), visible))
                    layout.layoutAll(graph, visible);
            }
            verifyNoOverlap(layout);
            verifyBoxes(graph, layout);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("after the batch ") + step));
        }
        for (const TopologyNode &node : graph.nodes())
            QVERIFY2(layout.contains(node.id) || !node.collapsedInto.isEmpty(),
                     qPrintable(node.id));
    }

    void overflowAsksForRelayout()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        TopologyBuilder::Options options;
        options.podGroupThreshold = 1000;
        builder.setOptions(options);
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("a"), QStringLiteral("web"), 2, false);
        builder.reset(objects);
        graph.takeDelta();
        TopologyLayout layout;
        layout.layoutAll(graph, visible);
        QList<KubeObjectPtr> pods;
        for (int i = 0; i < 30; ++i)
            pods.append(S::pod(QStringLiteral("a"), QStringLiteral("extra-%1").arg(i),
                               QStringLiteral("ReplicaSet"), QStringLiteral("web-7d9f8b6c5"),
                               {{QStringLiteral("app"), QStringLiteral("web")}}));
        builder.apply(batch(ObjectChange::Type::Added, pods));
        QVERIFY(!layout.update(graph, graph.takeDelta(), visible)); // far beyond the slack
        layout.layoutAll(graph, visible);
        verifyNoOverlap(layout);
        QVERIFY(layout.contains(
            topologyNodeId(TopologyKind::Pod, QStringLiteral("a"), QStringLiteral("extra-29"))));
    }
};

QTEST_GUILESS_MAIN(TestTopologyLayout)
#include "tst_topologylayout.moc"
