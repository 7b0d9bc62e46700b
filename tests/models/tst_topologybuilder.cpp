// SPDX-License-Identifier: GPL-3.0-or-later
// The topology builder: nodes and edges from hand-made object sets, status mapping, pod
// groups, incremental updates and the JSON export.
#include "topologybuilder.h"
#include "topologyjson.h"
#include "topologysynthetic.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Orrery;
using S = TopologySynthetic;

namespace {

QString id(TopologyKind kind, const QString &ns, const QString &name)
{
    return topologyNodeId(kind, ns, name);
}

bool hasEdge(const TopologyGraph &graph, const QString &from, const QString &to,
             TopologyEdgeType type, QString *label = nullptr, bool *active = nullptr)
{
    bool found = false;
    graph.forEachEdge([&](const TopologyEdge &edge) {
        if (edge.from == from && edge.to == to && edge.type == type) {
            found = true;
            if (label)
                *label = edge.label;
            if (active)
                *active = edge.active;
        }
    });
    return found;
}

KeyValues app(const QString &name)
{
    return {{QStringLiteral("app"), name}};
}

ChangeBatch batchOf(ObjectChange::Type type, const QList<KubeObjectPtr> &objects)
{
    ChangeBatch batch;
    for (const KubeObjectPtr &object : objects)
        batch.changes.append(ObjectChange{type, object->kind, object, nullptr});
    return batch;
}

} // namespace

class TestTopologyBuilder : public QObject
{
    Q_OBJECT

private slots:
    void drawsTheClusterKindsTheTopologyNames()
    {
        // Kinds map to the TopologyKind of the same name; the rest are not drawn.
        const QList<Kind> drawn = {Kind::Pod,
                                   Kind::Deployment,
                                   Kind::ReplicaSet,
                                   Kind::StatefulSet,
                                   Kind::DaemonSet,
                                   Kind::Job,
                                   Kind::CronJob,
                                   Kind::Service,
                                   Kind::Ingress,
                                   Kind::HorizontalPodAutoscaler,
                                   Kind::PersistentVolumeClaim,
                                   Kind::PersistentVolume,
                                   Kind::ConfigMap,
                                   Kind::Secret,
                                   Kind::Node};
        for (Kind kind : allKinds())
            QCOMPARE(TopologyBuilder::isTopologyKind(kind), drawn.contains(kind));
    }

    void ingressRulesAndDefaultBackend()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset({
            S::service(QStringLiteral("shop"), QStringLiteral("web"), app(QStringLiteral("web"))),
            S::service(QStringLiteral("shop"), QStringLiteral("api"), app(QStringLiteral("api"))),
            S::service(QStringLiteral("shop"), QStringLiteral("fallback"),
                       app(QStringLiteral("fb"))),
            S::ingress(QStringLiteral("shop"), QStringLiteral("edge"),
                       {IngressPath{QStringLiteral("shop.example.com"),
                                    QStringLiteral("/"),
                                    {},
                                    {QStringLiteral("web"), QStringLiteral("80"), {}, {}}},
                        IngressPath{QStringLiteral("shop.example.com"),
                                    QStringLiteral("/api"),
                                    {},
                                    {QStringLiteral("api"), QStringLiteral("80"), {}, {}}},
                        IngressPath{QStringLiteral("shop.example.com"),
                                    QStringLiteral("/old"),
                                    {},
                                    {QStringLiteral("missing"), QStringLiteral("80"), {}, {}}}},
                       QStringLiteral("fallback")),
        });
        const QString ing
            = id(TopologyKind::Ingress, QStringLiteral("shop"), QStringLiteral("edge"));
        QString label;
        QVERIFY(hasEdge(graph, ing,
                        id(TopologyKind::Service, QStringLiteral("shop"), QStringLiteral("web")),
                        TopologyEdgeType::Route, &label));
        QCOMPARE(label, QStringLiteral("shop.example.com/"));
        QVERIFY(hasEdge(graph, ing,
                        id(TopologyKind::Service, QStringLiteral("shop"), QStringLiteral("api")),
                        TopologyEdgeType::Route, &label));
        QCOMPARE(label, QStringLiteral("shop.example.com/api"));
        QVERIFY(
            hasEdge(graph, ing,
                    id(TopologyKind::Service, QStringLiteral("shop"), QStringLiteral("fallback")),
                    TopologyEdgeType::Route, &label));
        QCOMPARE(label, QStringLiteral("default"));
        // The entry point from outside.
        const QString entry
            = id(TopologyKind::External, QStringLiteral("shop"), QStringLiteral("ing:edge"));
        QVERIFY(graph.contains(entry));
        QVERIFY(hasEdge(graph, entry, ing, TopologyEdgeType::Exposes));
        // A route to a missing Service is kept (it appears with the Service) but not exported.
        const QString missing
            = id(TopologyKind::Service, QStringLiteral("shop"), QStringLiteral("missing"));
        int routes = 0;
        bool keptMissing = false;
        for (const TopologyEdge &edge : graph.edgesOf(ing)) {
            routes += edge.type == TopologyEdgeType::Route ? 1 : 0;
            keptMissing |= edge.to == missing;
        }
        QCOMPARE(routes, 4);
        QVERIFY(keptMissing);
        QVERIFY(!hasEdge(graph, ing, missing, TopologyEdgeType::Route));
        builder.apply(batchOf(ObjectChange::Type::Added,
                              {S::service(QStringLiteral("shop"), QStringLiteral("missing"),
                                          app(QStringLiteral("old")))}));
        QVERIFY(hasEdge(graph, ing, missing, TopologyEdgeType::Route));
    }

    void serviceSelectsMatchingPodsWithReadiness()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        const QString ns = QStringLiteral("ns");
        builder.reset({
            S::service(ns, QStringLiteral("web"), app(QStringLiteral("web")),
                       QStringLiteral("LoadBalancer")),
            S::pod(ns, QStringLiteral("web-1"), {}, {}, app(QStringLiteral("web"))),
            S::pod(ns, QStringLiteral("web-2"), {}, {}, app(QStringLiteral("web")),
                   QStringLiteral("NotReady")),
            S::pod(ns, QStringLiteral("db-1"), {}, {}, app(QStringLiteral("db"))),
            S::pod(QStringLiteral("other"), QStringLiteral("web-9"), {}, {},
                   app(QStringLiteral("web"))),
        });
        const QString svc = id(TopologyKind::Service, ns, QStringLiteral("web"));
        bool active = false;
        QVERIFY(hasEdge(graph, svc, id(TopologyKind::Pod, ns, QStringLiteral("web-1")),
                        TopologyEdgeType::Selects, nullptr, &active));
        QVERIFY(active);
        QVERIFY(hasEdge(graph, svc, id(TopologyKind::Pod, ns, QStringLiteral("web-2")),
                        TopologyEdgeType::Selects, nullptr, &active));
        QVERIFY(!active);
        QVERIFY(!hasEdge(graph, svc, id(TopologyKind::Pod, ns, QStringLiteral("db-1")),
                         TopologyEdgeType::Selects));
        QVERIFY(!hasEdge(graph, svc,
                         id(TopologyKind::Pod, QStringLiteral("other"), QStringLiteral("web-9")),
                         TopologyEdgeType::Selects));
        // LoadBalancer → external entry.
        const QString entry = id(TopologyKind::External, ns, QStringLiteral("svc:web"));
        QVERIFY(hasEdge(graph, entry, svc, TopologyEdgeType::Exposes));
        QCOMPARE(graph.node(entry)->detail, QStringLiteral("203.0.113.10"));

        // A service added later selects existing pods; removed, its edges go.
        builder.apply(batchOf(ObjectChange::Type::Added,
                              {S::service(ns, QStringLiteral("db"), app(QStringLiteral("db")))}));
        QVERIFY(hasEdge(graph, id(TopologyKind::Service, ns, QStringLiteral("db")),
                        id(TopologyKind::Pod, ns, QStringLiteral("db-1")),
                        TopologyEdgeType::Selects));
        builder.apply(batchOf(ObjectChange::Type::Deleted,
                              {S::service(ns, QStringLiteral("web"), app(QStringLiteral("web")))}));
        QVERIFY(!hasEdge(graph, svc, id(TopologyKind::Pod, ns, QStringLiteral("web-1")),
                         TopologyEdgeType::Selects));
        QVERIFY(!graph.contains(entry));
    }

    void ownershipChains()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("ns"), QStringLiteral("web"), 2, false);
        objects.append(S::statefulSet(QStringLiteral("ns"), QStringLiteral("db"), 1, 1,
                                      app(QStringLiteral("db")), {}));
        objects.append(S::pod(QStringLiteral("ns"), QStringLiteral("db-0"),
                              QStringLiteral("StatefulSet"), QStringLiteral("db"),
                              app(QStringLiteral("db"))));
        objects.append(S::daemonSet(QStringLiteral("ns"), QStringLiteral("agent"), 1, 1,
                                    app(QStringLiteral("agent"))));
        objects.append(S::pod(QStringLiteral("ns"), QStringLiteral("agent-x"),
                              QStringLiteral("DaemonSet"), QStringLiteral("agent"),
                              app(QStringLiteral("agent"))));
        objects.append(S::cronJob(QStringLiteral("ns"), QStringLiteral("backup"),
                                  QStringLiteral("0 2 * * *")));
        objects.append(S::job(QStringLiteral("ns"), QStringLiteral("backup-1"),
                              QStringLiteral("backup"), true));
        objects.append(S::pod(QStringLiteral("ns"), QStringLiteral("backup-1-abc"),
                              QStringLiteral("Job"), QStringLiteral("backup-1"), {},
                              QStringLiteral("Completed")));
        builder.reset(objects);

        const QString rs
            = id(TopologyKind::ReplicaSet, QStringLiteral("ns"), QStringLiteral("web-7d9f8b6c5"));
        QVERIFY(hasEdge(graph,
                        id(TopologyKind::Deployment, QStringLiteral("ns"), QStringLiteral("web")),
                        rs, TopologyEdgeType::Owns));
        int podsOfRs = 0;
        graph.forEachEdge([&](const TopologyEdge &e) {
            if (e.from == rs && e.type == TopologyEdgeType::Owns)
                ++podsOfRs;
        });
        QCOMPARE(podsOfRs, 2);
        QVERIFY(hasEdge(graph,
                        id(TopologyKind::StatefulSet, QStringLiteral("ns"), QStringLiteral("db")),
                        id(TopologyKind::Pod, QStringLiteral("ns"), QStringLiteral("db-0")),
                        TopologyEdgeType::Owns));
        QVERIFY(hasEdge(graph,
                        id(TopologyKind::DaemonSet, QStringLiteral("ns"), QStringLiteral("agent")),
                        id(TopologyKind::Pod, QStringLiteral("ns"), QStringLiteral("agent-x")),
                        TopologyEdgeType::Owns));
        const QString job = id(TopologyKind::Job, QStringLiteral("ns"), QStringLiteral("backup-1"));
        QVERIFY(hasEdge(graph,
                        id(TopologyKind::CronJob, QStringLiteral("ns"), QStringLiteral("backup")),
                        job, TopologyEdgeType::Owns));
        QVERIFY(hasEdge(graph, job,
                        id(TopologyKind::Pod, QStringLiteral("ns"), QStringLiteral("backup-1-abc")),
                        TopologyEdgeType::Owns));
        QCOMPARE(graph.node(job)->health, TopologyHealth::Succeeded);
        // Pods are grouped with their top owner.
        QCOMPARE(
            graph.node(id(TopologyKind::Pod, QStringLiteral("ns"), QStringLiteral("db-0")))->group,
            QStringLiteral("db"));
    }

    void hpaLabel()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("ns"), QStringLiteral("api"), 3, false);
        objects.append(S::hpa(QStringLiteral("ns"), QStringLiteral("api"),
                              QStringLiteral("Deployment"), QStringLiteral("api"), 2, 5, 3, 4,
                              QStringLiteral("91%"), QStringLiteral("70%")));
        builder.reset(objects);
        const QString hpa = id(TopologyKind::Hpa, QStringLiteral("ns"), QStringLiteral("api"));
        QString label;
        QVERIFY(hasEdge(graph, hpa,
                        id(TopologyKind::Deployment, QStringLiteral("ns"), QStringLiteral("api")),
                        TopologyEdgeType::Scales, &label));
        QCOMPARE(label, QStringLiteral("3/4 · cpu 91%/70%"));
        QCOMPARE(graph.node(hpa)->status, QStringLiteral("2–5"));
        QCOMPARE(graph.node(hpa)->health, TopologyHealth::Progressing); // scaling 3 → 4
        QCOMPARE(graph.node(hpa)->group, QStringLiteral("api"));        // the target's group
    }

    void storageAndConfigReferences()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        const QString ns = QStringLiteral("ns");
        PodSpecSummary spec;
        spec.volumes.append(VolumeInfo{QStringLiteral("data"),
                                       VolumeInfo::Type::PersistentVolumeClaim,
                                       QStringLiteral("data-0")});
        spec.volumes.append(VolumeInfo{QStringLiteral("cfg"), VolumeInfo::Type::ConfigMap,
                                       QStringLiteral("settings")});
        ContainerInfo c;
        c.name = QStringLiteral("main");
        c.configMapRefs = {QStringLiteral("env-from-map")}; // envFrom
        c.secretRefs = {QStringLiteral("db-password")};     // env valueFrom
        spec.containers.append(c);
        builder.reset({
            S::pod(ns, QStringLiteral("db-0"), {}, {}, app(QStringLiteral("db")),
                   QStringLiteral("Running"), 0, spec),
            S::pvc(ns, QStringLiteral("data-0"), QStringLiteral("pv-1")),
            S::pv(QStringLiteral("pv-1"), ns, QStringLiteral("data-0")),
            S::configMap(ns, QStringLiteral("settings")),
            S::configMap(ns, QStringLiteral("env-from-map")),
            S::configMap(ns, QStringLiteral("unused")),
            S::secret(ns, QStringLiteral("db-password")),
        });
        const QString pod = id(TopologyKind::Pod, ns, QStringLiteral("db-0"));
        const QString pvc = id(TopologyKind::Pvc, ns, QStringLiteral("data-0"));
        QVERIFY(hasEdge(graph, pod, pvc, TopologyEdgeType::Mounts));
        QVERIFY(hasEdge(graph, pvc, id(TopologyKind::Pv, {}, QStringLiteral("pv-1")),
                        TopologyEdgeType::Binds));
        QCOMPARE(graph.node(id(TopologyKind::Pv, {}, QStringLiteral("pv-1")))->home, ns);
        QVERIFY(hasEdge(graph, pod, id(TopologyKind::ConfigMap, ns, QStringLiteral("settings")),
                        TopologyEdgeType::Uses));
        QVERIFY(hasEdge(graph, pod, id(TopologyKind::ConfigMap, ns, QStringLiteral("env-from-map")),
                        TopologyEdgeType::Uses));
        QVERIFY(hasEdge(graph, pod, id(TopologyKind::Secret, ns, QStringLiteral("db-password")),
                        TopologyEdgeType::Uses));
        QVERIFY(!graph.contains(id(TopologyKind::ConfigMap, ns, QStringLiteral("unused"))));
        QCOMPARE(graph.node(id(TopologyKind::Secret, ns, QStringLiteral("db-password")))->group,
                 QStringLiteral("db"));

        // The config layer can be switched off.
        TopologyBuilder::Options options;
        options.showConfig = false;
        builder.setOptions(options);
        QVERIFY(!graph.contains(id(TopologyKind::ConfigMap, ns, QStringLiteral("settings"))));
        QVERIFY(graph.contains(pvc));
    }

    void podHealth_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("health");
        QTest::addColumn<bool>("ready");
        QTest::newRow("running") << QStringLiteral("Running") << int(TopologyHealth::Healthy)
                                 << true;
        QTest::newRow("not ready")
            << QStringLiteral("NotReady") << int(TopologyHealth::Warning) << false;
        QTest::newRow("pending") << QStringLiteral("Pending") << int(TopologyHealth::Progressing)
                                 << false;
        QTest::newRow("crashloop")
            << QStringLiteral("CrashLoopBackOff") << int(TopologyHealth::Failed) << false;
        QTest::newRow("terminating")
            << QStringLiteral("Terminating") << int(TopologyHealth::Terminating) << false;
        QTest::newRow("succeeded")
            << QStringLiteral("Completed") << int(TopologyHealth::Succeeded) << false;
        QTest::newRow("failed") << QStringLiteral("Failed") << int(TopologyHealth::Failed) << false;
    }

    void podHealth()
    {
        QFETCH(QString, status);
        QFETCH(int, health);
        QFETCH(bool, ready);
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset({S::pod(QStringLiteral("ns"), QStringLiteral("p"), {}, {}, {}, status, 3)});
        const TopologyNode *node
            = graph.node(id(TopologyKind::Pod, QStringLiteral("ns"), QStringLiteral("p")));
        QVERIFY(node);
        QCOMPARE(int(node->health), health);
        QCOMPARE(node->podReady, ready);
        QCOMPARE(node->restarts, 3);
    }

    void podGroupAboveThreshold()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("ns"), QStringLiteral("big"), 12, false, 2);
        S::application(objects, QStringLiteral("ns"), QStringLiteral("small"), 3, false);
        builder.reset(objects);
        const QString rs
            = id(TopologyKind::ReplicaSet, QStringLiteral("ns"), QStringLiteral("big-7d9f8b6c5"));
        const QString group
            = id(TopologyKind::PodGroup, QStringLiteral("ns"), QStringLiteral("big-7d9f8b6c5"));
        QVERIFY(builder.isCollapsed(rs));
        const TopologyNode *node = graph.node(group);
        QVERIFY(node);
        QCOMPARE(node->desired, 12);
        QCOMPARE(node->ready, 10);
        QCOMPARE(node->counts[size_t(TopologyHealth::Failed)], 2);
        QCOMPARE(node->health, TopologyHealth::Failed);
        int collapsed = 0;
        for (const TopologyNode &n : graph.nodes())
            collapsed += n.collapsedInto == group ? 1 : 0;
        QCOMPARE(collapsed, 12);
        QVERIFY(!graph.contains(
            id(TopologyKind::PodGroup, QStringLiteral("ns"), QStringLiteral("small-7d9f8b6c5"))));

        builder.setExpanded(rs, true);
        QVERIFY(!graph.contains(group));
        for (const TopologyNode &n : graph.nodes())
            QVERIFY(n.collapsedInto.isEmpty());
    }

    void groupByNode()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("ns"), QStringLiteral("web"), 2, false);
        builder.reset(objects);
        const QString rs
            = id(TopologyKind::ReplicaSet, QStringLiteral("ns"), QStringLiteral("web-7d9f8b6c5"));
        QString pod;
        for (const TopologyNode &node : graph.nodes()) {
            if (node.kind == TopologyKind::Pod)
                pod = node.id;
        }
        QCOMPARE(graph.node(pod)->group, graph.node(rs)->group);

        TopologyBuilder::Options options = builder.options();
        options.groupByNode = true;
        builder.setOptions(options);
        QCOMPARE(graph.node(pod)->group, QStringLiteral("node node-1")); // the synthetic pods' node
        QCOMPARE(graph.node(rs)->group, QStringLiteral("web"));
        QVERIFY(hasEdge(graph, rs, pod, TopologyEdgeType::Owns));
    }

    void oldReplicaSetHidesWhenItsLastPodLeaves()
    {
        // A rollout's end as the API reports it: the old ReplicaSet is scaled to zero while its
        // last pod is still terminating; the pod's deletion comes later, alone.
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        const QString ns = QStringLiteral("ns");
        const KeyValues labels = app(QStringLiteral("web"));
        const auto oldSet
            = S::replicaSet(ns, QStringLiteral("web-old"), QStringLiteral("web"), 1, 1, labels, 1);
        const auto lastPod = S::pod(ns, QStringLiteral("web-old-a"), QStringLiteral("ReplicaSet"),
                                    QStringLiteral("web-old"), labels);
        builder.reset(
            {S::deployment(ns, QStringLiteral("web"), 1, 1, labels), oldSet, lastPod,
             S::replicaSet(ns, QStringLiteral("web-new"), QStringLiteral("web"), 1, 1, labels, 2),
             S::pod(ns, QStringLiteral("web-new-a"), QStringLiteral("ReplicaSet"),
                    QStringLiteral("web-new"), labels)});
        const QString oldId = id(TopologyKind::ReplicaSet, ns, QStringLiteral("web-old"));
        QVERIFY(graph.contains(oldId));

        builder.apply(batchOf(ObjectChange::Type::Modified,
                              {S::replicaSet(ns, QStringLiteral("web-old"), QStringLiteral("web"),
                                             0, 0, labels, 1)}));
        QVERIFY2(graph.contains(oldId), "still owns a terminating pod: shown");
        builder.apply(batchOf(ObjectChange::Type::Deleted, {lastPod}));
        QVERIFY2(!graph.contains(oldId), "idle and empty: hidden");
        QVERIFY(graph.contains(id(TopologyKind::ReplicaSet, ns, QStringLiteral("web-new"))));

        // A pod coming back to it shows it again.
        builder.apply(batchOf(ObjectChange::Type::Added, {lastPod}));
        QVERIFY(graph.contains(oldId));
    }

    void incrementalUpdateTouchesOnlyChanges()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        QList<KubeObjectPtr> objects;
        S::application(objects, QStringLiteral("ns"), QStringLiteral("a"), 3, true);
        S::application(objects, QStringLiteral("ns"), QStringLiteral("b"), 3, true);
        builder.reset(objects);
        graph.takeDelta();
        const auto crashed = S::pod(QStringLiteral("ns"), QStringLiteral("a-7d9f8b6c5-7ps"),
                                    QStringLiteral("ReplicaSet"), QStringLiteral("a-7d9f8b6c5"),
                                    {{QStringLiteral("app"), QStringLiteral("a")}},
                                    QStringLiteral("CrashLoopBackOff"), 4);
        builder.apply(batchOf(ObjectChange::Type::Modified, {crashed}));
        const TopologyDelta delta = graph.takeDelta();
        QCOMPARE(delta.changed, QSet<QString>{id(TopologyKind::Pod, QStringLiteral("ns"),
                                                 QStringLiteral("a-7d9f8b6c5-7ps"))});
        QVERIFY(delta.added.isEmpty());
        QVERIFY(delta.removed.isEmpty());
        bool active = true;
        QVERIFY(hasEdge(graph, id(TopologyKind::Service, QStringLiteral("ns"), QStringLiteral("a")),
                        crashed->key().isEmpty() ? QString()
                                                 : id(TopologyKind::Pod, QStringLiteral("ns"),
                                                      QStringLiteral("a-7d9f8b6c5-7ps")),
                        TopologyEdgeType::Selects, nullptr, &active));
        QVERIFY(!active); // not ready: no traffic
    }

    void applicationGroups()
    {
        KubeObject helm = S::object(Kind::Deployment, QStringLiteral("ns"), QStringLiteral("x"));
        helm.annotations = {{QStringLiteral("meta.helm.sh/release-name"), QStringLiteral("shop")}};
        QCOMPARE(TopologyBuilder::applicationOf(helm), QStringLiteral("shop"));
        KubeObject partOf
            = S::object(Kind::Deployment, QStringLiteral("ns"), QStringLiteral("x"),
                        {{QStringLiteral("app"), QStringLiteral("web")},
                         {QStringLiteral("app.kubernetes.io/part-of"), QStringLiteral("store")}});
        QCOMPARE(TopologyBuilder::applicationOf(partOf), QStringLiteral("store"));
        KubeObject plain = S::object(Kind::Deployment, QStringLiteral("ns"), QStringLiteral("x"),
                                     {{QStringLiteral("app"), QStringLiteral("web")}});
        QCOMPARE(TopologyBuilder::applicationOf(plain), QStringLiteral("web"));
    }

    void jsonExport()
    {
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        builder.reset(TopologySynthetic::pfe());
        const QJsonObject json = TopologyJson::toJson(graph);
        QSet<QString> kinds;
        bool mysqlPv = false;
        for (const QJsonValue &v : json.value(QStringLiteral("nodes")).toArray()) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.contains(QStringLiteral("namespace")));
            QVERIFY(!o.value(QStringLiteral("status")).toString().isNull());
            kinds.insert(o.value(QStringLiteral("kind")).toString());
            if (o.value(QStringLiteral("kind")) == QLatin1String("PersistentVolume"))
                mysqlPv = o.value(QStringLiteral("name")) == QLatin1String("pvc-3f1c9a");
        }
        QVERIFY(mysqlPv);
        for (const char *kind :
             {"Ingress", "Service", "Deployment", "ReplicaSet", "Pod", "StatefulSet", "DaemonSet",
              "HorizontalPodAutoscaler", "PersistentVolumeClaim", "ConfigMap", "Secret", "CronJob",
              "Job", "External"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
        bool route = false;
        for (const QJsonValue &v : json.value(QStringLiteral("edges")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("type")) == QLatin1String("route")
                && o.value(QStringLiteral("to")) == QLatin1String("Service/pfe/backend-spring"))
                route = o.value(QStringLiteral("label")) == QLatin1String("pfe.example.com/api");
        }
        QVERIFY(route);
    }
};

QTEST_GUILESS_MAIN(TestTopologyBuilder)
#include "tst_topologybuilder.moc"
