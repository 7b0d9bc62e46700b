// SPDX-License-Identifier: GPL-3.0-or-later
// The topology scene and view: stable placement, insertion by rank, pod groups, selection,
// focus, search, filters, overview and export. Set ORRERY_SCREENSHOT_DIR to also write the
// synthetic previews (10k overview and detail, presenter); the seed scenarios' screenshots
// come from the headless export against orrery-sim (docs/topology.md).
#include "topologybuilder.h"
#include "topologyexporter.h"
#include "topologygraph.h"
#include "topologynodeitem.h"
#include "topologyscene.h"
#include "topologystyle.h"
#include "topologysynthetic.h"
#include "topologyview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;
using S = TopologySynthetic;

namespace {

ChangeBatch modified(const QList<KubeObjectPtr> &objects)
{
    ChangeBatch batch;
    for (const KubeObjectPtr &o : objects)
        batch.changes.append(ObjectChange{ObjectChange::Type::Modified, o->kind, o, nullptr});
    return batch;
}

ChangeBatch added(const QList<KubeObjectPtr> &objects)
{
    ChangeBatch batch;
    for (const KubeObjectPtr &o : objects)
        batch.changes.append(ObjectChange{ObjectChange::Type::Added, o->kind, o, nullptr});
    return batch;
}

QHash<QString, QPointF> positions(const TopologyScene &scene, const TopologyGraph &graph)
{
    QHash<QString, QPointF> out;
    for (const QString &id : graph.nodes().keys()) {
        if (TopologyNodeItem *item = scene.item(id))
            out.insert(id, item->pos());
    }
    return out;
}

struct Fixture
{
    TopologyGraph graph;
    TopologyBuilder builder{&graph};
    TopologyScene scene{&graph};

    explicit Fixture(const QList<KubeObjectPtr> &objects)
    {
        scene.setAnimationsEnabled(false);
        builder.reset(objects);
        scene.rebuild();
    }
    void apply(const ChangeBatch &batch)
    {
        builder.apply(batch);
        scene.applyPendingChanges();
    }
};

const KeyValues s_web{{QStringLiteral("app"), QStringLiteral("web")},
                      {QStringLiteral("app.kubernetes.io/part-of"), QStringLiteral("shop")}};

} // namespace

class TestTopologyScene : public QObject
{
    Q_OBJECT

private slots:
    void statusUpdatesNeverMoveNodes()
    {
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("shop"), QStringLiteral("web"), 4, true, 0,
                       QStringLiteral("shop"));
        S::application(objects, QStringLiteral("shop"), QStringLiteral("api"), 3, true, 0,
                       QStringLiteral("shop"));
        Fixture f(objects);
        const auto before = positions(f.scene, f.graph);
        QVERIFY(before.size() > 10);

        QList<KubeObjectPtr> changes;
        for (const KubeObjectPtr &o : objects) {
            if (o->kind == Kind::Pod)
                changes.append(S::pod(o->namespaceName, o->name, QStringLiteral("ReplicaSet"),
                                      o->controllerRef()->name, o->labels,
                                      QStringLiteral("CrashLoopBackOff"), 5));
        }
        f.apply(modified(changes));
        QCOMPARE(positions(f.scene, f.graph), before);
        const QString pod = topologyNodeId(TopologyKind::Pod, changes.first()->namespaceName,
                                           changes.first()->name);
        QCOMPARE(f.scene.item(pod)->node().health, TopologyHealth::Failed);
        QCOMPARE(f.scene.item(pod)->node().restarts, 5);
    }

    void newNodesInsertedByRank()
    {
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("shop"), QStringLiteral("web"), 3, false, 0,
                       QStringLiteral("shop"));
        Fixture f(objects);
        const auto before = positions(f.scene, f.graph);
        const QString rs = QStringLiteral("web-7d9f8b6c5");
        const QString existingPod
            = topologyNodeId(TopologyKind::Pod, QStringLiteral("shop"), objects[2]->name);

        // A rollout: a new ReplicaSet and its first pod appear.
        f.apply(added({S::replicaSet(QStringLiteral("shop"), QStringLiteral("web-5f6e7d8c9"),
                                     QStringLiteral("web"), 1, 0, s_web, 2),
                       S::pod(QStringLiteral("shop"), QStringLiteral("web-5f6e7d8c9-new"),
                              QStringLiteral("ReplicaSet"), QStringLiteral("web-5f6e7d8c9"), s_web,
                              QStringLiteral("Pending"))}));
        // Nothing that existed moved.
        const auto after = positions(f.scene, f.graph);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
        // The new nodes sit in their rank's column.
        TopologyNodeItem *newPod = f.scene.item(topologyNodeId(
            TopologyKind::Pod, QStringLiteral("shop"), QStringLiteral("web-5f6e7d8c9-new")));
        TopologyNodeItem *newRs = f.scene.item(topologyNodeId(
            TopologyKind::ReplicaSet, QStringLiteral("shop"), QStringLiteral("web-5f6e7d8c9")));
        QVERIFY(newPod && newRs);
        QCOMPARE(newPod->pos().x(), f.scene.item(existingPod)->pos().x());
        QCOMPARE(newRs->pos().x(),
                 f.scene.item(topologyNodeId(TopologyKind::ReplicaSet, QStringLiteral("shop"), rs))
                     ->pos()
                     .x());
        QVERIFY(newPod->pos().x() > newRs->pos().x());
        // And they do not overlap anything.
        for (TopologyNodeItem *item : {newPod, newRs}) {
            for (QGraphicsItem *other :
                 f.scene.items(item->sceneBoundingRect().adjusted(6, 10, -10, -6))) {
                if (other != item && other->type() == TopologyNodeItem::Type)
                    QFAIL(qPrintable(QStringLiteral("overlap with ")
                                     + static_cast<TopologyNodeItem *>(other)->node().id));
            }
        }
    }

    void podGroupCollapsesAndExpandsOnClick()
    {
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("ns"), QStringLiteral("big"), 20, false, 3);
        Fixture f(objects);
        const QString group = topologyNodeId(TopologyKind::PodGroup, QStringLiteral("ns"),
                                             QStringLiteral("big-7d9f8b6c5"));
        QVERIFY(f.scene.item(group));
        int pods = 0;
        for (const QString &id : f.graph.nodes().keys())
            pods += f.scene.item(id) && f.scene.item(id)->node().kind == TopologyKind::Pod ? 1 : 0;
        QCOMPARE(pods, 0);

        TopologyView view;
        view.setTopologyScene(&f.scene);
        QSignalSpy expand(&view, &TopologyView::podGroupActivated);
        f.scene.item(group)->setSelected(true);
        QCOMPARE(expand.count(), 1);
        const QString owner = expand.first().first().toString();
        QCOMPARE(owner, topologyNodeId(TopologyKind::ReplicaSet, QStringLiteral("ns"),
                                       QStringLiteral("big-7d9f8b6c5")));
        f.builder.setExpanded(owner, true);
        f.scene.applyPendingChanges();
        QVERIFY(!f.scene.item(group));
        pods = 0;
        for (const QString &id : f.graph.nodes().keys())
            pods += f.scene.item(id) && f.scene.item(id)->node().kind == TopologyKind::Pod ? 1 : 0;
        QCOMPARE(pods, 20);
    }

    void overviewWhenZoomedFarOut()
    {
        Fixture f(S::pfe());
        TopologyView view;
        view.setTopologyScene(&f.scene);
        view.resize(800, 600);
        view.setZoom(1.0);
        QVERIFY(!f.scene.isOverview());
        view.setZoom(0.1);
        QVERIFY(f.scene.isOverview());

        // The batched overview draws each node where it is, in the colour the node's own
        // far-away painting uses: a crash-looping pod is red either way.
        QString crashing;
        for (const TopologyNode &node : f.graph.nodes()) {
            if (node.kind == TopologyKind::Pod && node.health == TopologyHealth::Failed
                && f.scene.item(node.id))
                crashing = node.id;
        }
        QVERIFY(!crashing.isEmpty());
        const QRectF rect = f.scene.layout().nodeRect(crashing);
        view.centerOn(rect.center());
        auto pixel = [&] {
            QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            view.viewport()->render(&image);
            return image.pixelColor(view.mapFromScene(rect.center()));
        };
        const QColor red = TopologyStyle::healthColor(TopologyHealth::Failed);
        QCOMPARE(pixel(), red);
        f.scene.setOverview(false);
        QCOMPARE(pixel(), red);
        f.scene.setOverview(true);

        // Changes reach the overview: the pod recovers, the overview turns it green.
        const TopologyNode *pod = f.graph.node(crashing);
        const KeyValues labels = pod->labels;
        f.builder.apply(modified({S::pod(pod->ns, pod->name, QStringLiteral("ReplicaSet"),
                                         pod->owner.section(QLatin1Char('/'), 2), labels)}));
        f.scene.applyPendingChanges();
        QCOMPARE(pixel(), TopologyStyle::healthColor(TopologyHealth::Healthy));

        // Exports draw the details whatever the view's zoom, and leave the mode as it was.
        const QImage exported = TopologyExporter::renderImage(&f.scene);
        QVERIFY(!exported.isNull());
        QVERIFY(f.scene.isOverview());
        view.setZoom(1.0);
        QVERIFY(!f.scene.isOverview());
    }

    void selectionEmitsIdentity()
    {
        Fixture f(S::pfe());
        TopologyView view;
        view.setTopologyScene(&f.scene);
        QSignalSpy selected(&view, &TopologyView::nodeSelected);
        const QString id = topologyNodeId(TopologyKind::Deployment, QStringLiteral("pfe"),
                                          QStringLiteral("backend-spring"));
        QVERIFY(f.scene.item(id));
        f.scene.item(id)->setSelected(true);
        QTRY_COMPARE(selected.count(), 1);
        QCOMPARE(selected.first().at(0).toString(), QStringLiteral("Deployment"));
        QCOMPARE(selected.first().at(1).toString(), QStringLiteral("pfe"));
        QCOMPARE(selected.first().at(2).toString(), QStringLiteral("backend-spring"));
        QVERIFY(TopologyNodeItem::toolTipFor(f.scene.item(id)->node())
                    .contains(QStringLiteral("backend-spring")));
        QVERIFY(TopologyView::actionsFor(QStringLiteral("Deployment"))
                    .contains(QStringLiteral("scale")));
        QVERIFY(TopologyView::actionsFor(QStringLiteral("Pod")).contains(QStringLiteral("logs")));
    }

    void focusDimsTheRest()
    {
        Fixture f(S::pfe());
        const QString spring = topologyNodeId(TopologyKind::Deployment, QStringLiteral("pfe"),
                                              QStringLiteral("backend-spring"));
        f.scene.setFocusNode(spring);
        const QSet<QString> focus = f.scene.display().focus;
        QVERIFY(focus.contains(topologyNodeId(TopologyKind::Hpa, QStringLiteral("pfe"),
                                              QStringLiteral("backend-spring"))));
        QVERIFY(focus.contains(topologyNodeId(TopologyKind::ReplicaSet, QStringLiteral("pfe"),
                                              QStringLiteral("backend-spring-7d9f8b6c5"))));
        QVERIFY(focus.contains(topologyNodeId(TopologyKind::Secret, QStringLiteral("pfe"),
                                              QStringLiteral("mysql-credentials"))));
        const QString frontend = topologyNodeId(TopologyKind::Deployment, QStringLiteral("pfe"),
                                                QStringLiteral("frontend"));
        QVERIFY(!focus.contains(frontend));
        QVERIFY(f.scene.item(frontend)->opacity() < 0.5);
        QCOMPARE(f.scene.item(spring)->opacity(), 1.0);
        f.scene.setFocusNode({});
        QCOMPARE(f.scene.item(frontend)->opacity(), 1.0);
    }

    void searchCentresOnMatch()
    {
        Fixture f(S::pfe());
        TopologyView view;
        view.resize(800, 600);
        view.setTopologyScene(&f.scene);
        view.fitAll();
        // Two matches (the claim data-mysql-0 and the pod mysql-0); Enter again goes to the next.
        QCOMPARE(view.search(QStringLiteral("mysql-0")), 2);
        QVERIFY(f.scene
                    .item(topologyNodeId(TopologyKind::Pvc, QStringLiteral("pfe"),
                                         QStringLiteral("data-mysql-0")))
                    ->isSelected());
        QCOMPARE(view.search(QStringLiteral("mysql-0")), 2);
        const QString id
            = topologyNodeId(TopologyKind::Pod, QStringLiteral("pfe"), QStringLiteral("mysql-0"));
        QVERIFY(f.scene.item(id)->isSelected());
        const QPointF centre = view.mapToScene(view.viewport()->rect().center());
        QVERIFY(f.scene.item(id)->sceneBoundingRect().adjusted(-20, -20, 20, 20).contains(centre));
        QCOMPARE(view.search(QStringLiteral("no-such-thing")), 0);
    }

    void filters()
    {
        Fixture f(S::pfe());
        TopologyFilter filter;
        filter.unhealthyOnly = true;
        f.scene.setFilter(filter);
        // backend-python has a crashing pod: it and its neighbours stay, frontend goes.
        QVERIFY(!f.scene.item(topologyNodeId(TopologyKind::Deployment, QStringLiteral("pfe"),
                                             QStringLiteral("frontend"))));
        QVERIFY(f.scene.item(topologyNodeId(TopologyKind::ReplicaSet, QStringLiteral("pfe"),
                                            QStringLiteral("backend-python-7d9f8b6c5"))));
        filter = {};
        filter.namespaces = {QStringLiteral("monitoring")};
        f.scene.setFilter(filter);
        QVERIFY(f.scene.item(topologyNodeId(TopologyKind::DaemonSet, QStringLiteral("monitoring"),
                                            QStringLiteral("node-exporter"))));
        QVERIFY(!f.scene.item(topologyNodeId(TopologyKind::Ingress, QStringLiteral("pfe"),
                                             QStringLiteral("pfe-ingress"))));
        filter = {};
        filter.hiddenKinds = {TopologyKind::ConfigMap, TopologyKind::Secret};
        f.scene.setFilter(filter);
        QVERIFY(!f.scene.item(topologyNodeId(TopologyKind::Secret, QStringLiteral("pfe"),
                                             QStringLiteral("mysql-credentials"))));
        QVERIFY(f.scene.item(topologyNodeId(TopologyKind::StatefulSet, QStringLiteral("pfe"),
                                            QStringLiteral("mysql"))));
    }

    void presenterRevealsTierByTier()
    {
        Fixture f(S::pfe());
        const QList<int> ranks = f.scene.usedRanks();
        QVERIFY(ranks.size() >= 5);
        f.scene.setPresenter(true);
        f.scene.setRevealRank(ranks.first());
        const QString ingress = topologyNodeId(TopologyKind::External, QStringLiteral("pfe"),
                                               QStringLiteral("ing:pfe-ingress"));
        const QString pod
            = topologyNodeId(TopologyKind::Pod, QStringLiteral("pfe"), QStringLiteral("mysql-0"));
        QVERIFY(f.scene.item(ingress)->isVisible());
        QVERIFY(!f.scene.item(pod)->isVisible());
        f.scene.setRevealRank(TopologyRankCount);
        QVERIFY(f.scene.item(pod)->isVisible());
        f.scene.setAnonymise(true);
        QVERIFY(!f.scene.display()
                     .displayName(f.scene.item(pod)->node())
                     .contains(QStringLiteral("mysql")));
    }

    void exportFiles()
    {
        Fixture f(S::pfe());
        QTemporaryDir dir;
        for (const char *suffix : {"json", "png", "svg"}) {
            const QString file = dir.filePath(QStringLiteral("topology.") + QLatin1String(suffix));
            const Result<void> result = TopologyExporter::write(&f.scene, file);
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
            QVERIFY(QFileInfo(file).size() > 100);
        }
        QFile json(dir.filePath(QStringLiteral("topology.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(json.readAll()).object();
        QVERIFY(doc.value(QStringLiteral("nodes")).toArray().size() > 20);
        QVERIFY(doc.value(QStringLiteral("edges")).toArray().size() > 20);
        QImage png(dir.filePath(QStringLiteral("topology.png")));
        QVERIFY(!png.isNull());
        QVERIFY(!TopologyExporter::write(&f.scene, dir.filePath(QStringLiteral("x.bmp"))).ok());

        if (const QByteArray out = qgetenv("ORRERY_SCREENSHOT_DIR"); !out.isEmpty()) {
            TopologyExporter::renderImage(&f.scene, 1.5)
                .save(QString::fromLocal8Bit(out) + QStringLiteral("/topology-synthetic-pfe.png"));
            Fixture big(S::cluster(10000));
            TopologyExporter::renderImage(&big.scene, 1.0, 2400)
                .save(QString::fromLocal8Bit(out) + QStringLiteral("/topology-10k-overview.png"));
            TopologyView view;
            view.resize(1600, 1000);
            view.setTopologyScene(&big.scene);
            view.centerOn(big.scene.sceneRect().center());
            view.viewport()->grab().save(QString::fromLocal8Bit(out)
                                         + QStringLiteral("/topology-10k-detail.png"));
            f.scene.setPresenter(true);
            f.scene.setAnonymise(true);
            // Not topology-presenter.png: that one is the live window
            // (tests/ui/tst_topologypage_sim).
            TopologyExporter::renderImage(&f.scene, 1.2)
                .save(QString::fromLocal8Bit(out)
                      + QStringLiteral("/topology-presenter-synthetic.png"));
        }
    }
};

QTEST_MAIN(TestTopologyScene)
#include "tst_topologyscene.moc"
