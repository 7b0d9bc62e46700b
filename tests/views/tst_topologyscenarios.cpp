// Integration: for each seed scenario, start orrery-sim, sync with the real client, build the
// topology, export JSON and check that it contains the architecture the seed describes.
// Also runs `orrery --export-topology` headless against the pfe scenario, and drives the live
// pfe cluster with real kubectl: a rollout shows two ReplicaSets converging, a crash-looping
// pod turns red, an HPA scale-out adds pods without moving the nodes already drawn.
//
// Waiting uses explicit loops (waitFor below), never QTRY_*: QTRY counts loop iterations, not
// time, and evaluates its expression several times. With a side-effecting predicate (reading
// the simulator's "ready" line consumed it) the first evaluation was true, every later one
// false, and each row waited 3 × 60,000 iterations of ~250 ms: the test "hung".
#include "kube/clustersession.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"
#include "topologybuilder.h"
#include "topologygraph.h"
#include "topologyjson.h"
#include "topologynodeitem.h"
#include "topologyscene.h"
#include "topologystyle.h"

#include <simprocess.h>

#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Orrery;

namespace {

// Expectations, one per string:
//   "node Kind/ns/name"                 the node exists (ns "*": any namespace)
//   "route Ingress/ns/name Service/ns/name"
//   "chain Deployment/ns/name"          workload → (ReplicaSet →) ≥1 Pod
//   "serves Service/ns/name"            the Service selects ≥1 pod
//   "hpa Deployment/ns/name 2–5"        an HPA with that range scales the workload
//   "storage Kind/ns/name"              workload's pod → PVC → PV
struct Exported
{
    QHash<QString, QJsonObject> nodes;
    QList<QJsonObject> edges;

    explicit Exported(const QJsonObject &json)
    {
        for (const QJsonValue &v : json.value(QStringLiteral("nodes")).toArray())
            nodes.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        for (const QJsonValue &v : json.value(QStringLiteral("edges")).toArray())
            edges.append(v.toObject());
    }
    QString resolve(const QString &pattern) const
    {
        if (!pattern.contains(QStringLiteral("/*/")))
            return nodes.contains(pattern) ? pattern : QString();
        const QString kind = pattern.section(QLatin1Char('/'), 0, 0);
        const QString name = pattern.section(QLatin1Char('/'), 2);
        for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
            if (it.key().section(QLatin1Char('/'), 0, 0) == kind
                && it.key().section(QLatin1Char('/'), 2) == name)
                return it.key();
        }
        return {};
    }
    QStringList targets(const QString &from, const QString &type) const
    {
        QStringList out;
        for (const QJsonObject &e : edges) {
            if (e.value(QStringLiteral("from")).toString() == from
                && e.value(QStringLiteral("type")).toString() == type)
                out << e.value(QStringLiteral("to")).toString();
        }
        return out;
    }
    QStringList sources(const QString &to, const QString &type) const
    {
        QStringList out;
        for (const QJsonObject &e : edges) {
            if (e.value(QStringLiteral("to")).toString() == to
                && e.value(QStringLiteral("type")).toString() == type)
                out << e.value(QStringLiteral("from")).toString();
        }
        return out;
    }
    QStringList podsOf(const QString &workload) const
    {
        QStringList pods;
        for (const QString &child : targets(workload, QStringLiteral("owns"))) {
            if (child.startsWith(QLatin1String("Pod/")))
                pods << child;
            else
                pods += targets(child, QStringLiteral("owns"));
        }
        return pods;
    }

    // Empty when satisfied, else what is missing.
    QString check(const QString &expectation) const
    {
        const QStringList p = expectation.split(QLatin1Char(' '));
        const QString what = p.value(0);
        const QString id = resolve(p.value(1));
        if (id.isEmpty())
            return QStringLiteral("missing node ") + p.value(1);
        if (what == QLatin1String("node"))
            return {};
        if (what == QLatin1String("route")) {
            const QString service = resolve(p.value(2));
            return targets(id, QStringLiteral("route")).contains(service) && !service.isEmpty()
                       ? QString()
                       : QStringLiteral("no route ") + p.value(1) + QStringLiteral(" → ")
                             + p.value(2);
        }
        if (what == QLatin1String("chain"))
            return podsOf(id).isEmpty() ? QStringLiteral("no pods under ") + id : QString();
        if (what == QLatin1String("serves"))
            return targets(id, QStringLiteral("selects")).isEmpty()
                       ? QStringLiteral("no pods selected by ") + id
                       : QString();
        if (what == QLatin1String("hpa")) {
            for (const QString &hpa : sources(id, QStringLiteral("scales"))) {
                if (nodes.value(hpa).value(QStringLiteral("status")).toString() == p.value(2))
                    return {};
            }
            return QStringLiteral("no HPA %1 on %2").arg(p.value(2), id);
        }
        if (what == QLatin1String("storage")) {
            for (const QString &pod : podsOf(id)) {
                for (const QString &claim : targets(pod, QStringLiteral("mounts"))) {
                    if (!targets(claim, QStringLiteral("binds")).isEmpty())
                        return {};
                }
            }
            return QStringLiteral("no pod → PVC → PV under ") + id;
        }
        if (what == QLatin1String("mount")) {
            for (const QString &pod : podsOf(id)) {
                if (!targets(pod, QStringLiteral("mounts")).isEmpty())
                    return {};
            }
            return QStringLiteral("no pod → PVC under ") + id;
        }
        return QStringLiteral("bad expectation ") + expectation;
    }
};

// Polls `condition` while the event loop runs, until it holds or `timeoutMs` of wall time
// passed. The condition may have side effects: it is evaluated once per round.
template <typename Condition> bool waitFor(Condition &&condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        if (condition())
            return true;
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
}

struct Sim
{
    Orrery::Test::SimProcess process;
    QTemporaryDir dir;
    QString kubeconfig;

    bool start(const QString &scenario, int speed)
    {
        kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
        return process.start({QStringLiteral("--scenario"), scenario, QStringLiteral("--speed"),
                              QString::number(speed)},
                             kubeconfig, 30000);
    }
};

// A synced session on a simulated cluster with the topology graph and scene kept live from
// the store's batches, as the Topology page does.
struct LiveCluster
{
    Sim sim;
    QString context;
    std::unique_ptr<ClusterSession> session;
    TopologyGraph graph;
    TopologyBuilder builder{&graph};
    std::unique_ptr<TopologyScene> scene;
    int relayouts = 0;

    QString start(const QString &scenario, int speed)
    {
        if (!sim.start(scenario, speed))
            return sim.process.errorString();
        const Kubeconfig config = Kubeconfig::load(sim.kubeconfig);
        context = config.currentContext();
        Result<ClusterConnection> connection = config.connection(context);
        if (!connection.ok())
            return connection.error().toString();
        session = std::make_unique<ClusterSession>(std::move(connection.value()));
        scene = std::make_unique<TopologyScene>(&graph);
        scene->setAnimationsEnabled(false);
        QObject::connect(scene.get(), &TopologyScene::relaidOut, scene.get(),
                         [this] { ++relayouts; });
        QObject::connect(session->store(), &ResourceStore::changed, scene.get(),
                         [this](const ChangeBatch &batch) {
                             builder.apply(batch);
                             scene->applyPendingChanges();
                         });
        session->start();
        if (!waitFor([this] { return session->isSynced(); }, 30000))
            return QStringLiteral("the session did not sync within 30 s");
        graph.takeDelta();
        scene->rebuild();
        relayouts = 0;
        return {};
    }

    // Real kubectl against the simulator; the event loop keeps running meanwhile, so the
    // session goes on receiving the changes kubectl causes.
    QString kubectl(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("kubectl"),
                QStringList{QStringLiteral("--kubeconfig"), sim.kubeconfig,
                            QStringLiteral("--context"), context}
                    + args);
        if (!waitFor([&] { return p.state() == QProcess::NotRunning; }, 30000)) {
            p.kill();
            p.waitForFinished(5000);
            return QStringLiteral("kubectl %1: timed out").arg(args.join(QLatin1Char(' ')));
        }
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return QStringLiteral("kubectl %1: %2")
                .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError()));
        return {};
    }

    const TopologyNode *node(const QString &id) const { return graph.node(id); }
    // The ReplicaSets the graph shows under a Deployment, with their pods.
    QHash<QString, QStringList> replicaSetsOf(const QString &deployment) const
    {
        QHash<QString, QStringList> out;
        for (const TopologyNode &n : graph.nodes()) {
            if (n.kind == TopologyKind::ReplicaSet && n.owner == deployment)
                out.insert(n.id, {});
        }
        for (const TopologyNode &n : graph.nodes()) {
            if (n.kind == TopologyKind::Pod && out.contains(n.owner))
                out[n.owner].append(n.id);
        }
        return out;
    }
    QStringList podsOf(const QString &deployment) const
    {
        QStringList pods;
        for (const QStringList &list : replicaSetsOf(deployment))
            pods += list;
        return pods;
    }
};

} // namespace

class TestTopologyScenarios : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty(),
                 "kubectl is not installed");
    }

    void scenario_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("expect");
        QTest::newRow("pfe")
            << QStringLiteral("pfe")
            << QStringList{
                   QStringLiteral("route Ingress/pfe-app/pfe-ingress Service/pfe-app/frontend"),
                   QStringLiteral(
                       "route Ingress/pfe-app/pfe-ingress Service/pfe-app/backend-spring"),
                   QStringLiteral(
                       "route Ingress/pfe-app/pfe-ingress Service/pfe-app/backend-python"),
                   QStringLiteral("serves Service/pfe-app/frontend"),
                   QStringLiteral("serves Service/pfe-app/backend-spring"),
                   QStringLiteral("serves Service/pfe-app/backend-python"),
                   QStringLiteral("chain Deployment/pfe-app/frontend"),
                   QStringLiteral("chain Deployment/pfe-app/backend-spring"),
                   QStringLiteral("chain Deployment/pfe-app/backend-python"),
                   QStringLiteral("hpa Deployment/pfe-app/frontend 2–5"),
                   QStringLiteral("hpa Deployment/pfe-app/backend-spring 2–5"),
                   QStringLiteral("hpa Deployment/pfe-app/backend-python 2–5"),
                   QStringLiteral("storage StatefulSet/pfe-app/mysql"),
                   QStringLiteral("chain Deployment/monitoring/prometheus"),
                   QStringLiteral("chain Deployment/monitoring/grafana"),
                   QStringLiteral("chain Deployment/monitoring/alertmanager"),
                   QStringLiteral("chain DaemonSet/monitoring/node-exporter"),
               };
        QTest::newRow("eks-devops-ppp")
            << QStringLiteral("eks-devops-ppp")
            << QStringList{
                   QStringLiteral("route Ingress/devops-ppp/devops-ppp-ingress "
                                  "Service/devops-ppp/backend-service"),
                   QStringLiteral("route Ingress/devops-ppp/devops-ppp-ingress "
                                  "Service/devops-ppp/frontend-service"),
                   QStringLiteral("serves Service/devops-ppp/backend-service"),
                   QStringLiteral("serves Service/devops-ppp/frontend-service"),
                   QStringLiteral("chain Deployment/devops-ppp/frontend"),
                   QStringLiteral("chain Deployment/devops-ppp/backend"),
                   QStringLiteral("chain Deployment/devops-ppp/sqs-worker"),
                   QStringLiteral("node HorizontalPodAutoscaler/devops-ppp/frontend-hpa"),
                   QStringLiteral("node HorizontalPodAutoscaler/devops-ppp/backend-hpa"),
                   QStringLiteral("node HorizontalPodAutoscaler/devops-ppp/sqs-worker-hpa"),
                   QStringLiteral("node DaemonSet/*/aws-node"),
               };
        QTest::newRow("aks-chat")
            << QStringLiteral("aks-chat")
            << QStringList{
                   QStringLiteral("chain Deployment/production/chat-app-frontend"),
                   QStringLiteral("chain Deployment/production/chat-app-backend"),
                   QStringLiteral("chain Deployment/production/chat-app-ollama"),
                   QStringLiteral("mount Deployment/production/chat-app-ollama"),
                   QStringLiteral("node PersistentVolumeClaim/production/chat-app-ollama-data"),
                   QStringLiteral("chain Deployment/production/chat-app-prometheus"),
                   QStringLiteral("chain Deployment/production/chat-app-grafana"),
               };
        QTest::newRow("microk8s-shop")
            << QStringLiteral("microk8s-shop")
            << QStringList{
                   QStringLiteral("chain Deployment/default/product-service"),
                   QStringLiteral("chain Deployment/default/inventory-service"),
                   QStringLiteral("chain Deployment/default/order-service"),
                   QStringLiteral("node HorizontalPodAutoscaler/default/product-service-hpa"),
                   QStringLiteral("node HorizontalPodAutoscaler/default/inventory-service-hpa"),
                   QStringLiteral("node HorizontalPodAutoscaler/default/order-service-hpa"),
                   QStringLiteral("mount Deployment/default/mongodb"),
                   QStringLiteral("mount Deployment/default/mysql"),
                   QStringLiteral("node CronJob/default/mongodb-backup"),
                   QStringLiteral("node Deployment/*/prometheus"),
                   QStringLiteral("node Deployment/*/grafana"),
                   QStringLiteral("node Deployment/*/jenkins"),
               };
        QTest::newRow("multicloud")
            << QStringLiteral("multicloud")
            << QStringList{
                   QStringLiteral("chain Deployment/app/web-frontend"),
                   QStringLiteral("chain Deployment/app/api-gateway"),
                   QStringLiteral("chain Deployment/app/users-service"),
                   QStringLiteral("chain Deployment/app/orders-service"),
                   QStringLiteral("chain Deployment/app/queue-worker"),
                   QStringLiteral("node HorizontalPodAutoscaler/app/web-frontend-hpa"),
                   QStringLiteral("node HorizontalPodAutoscaler/app/queue-worker-hpa"),
                   QStringLiteral("storage StatefulSet/*/postgres-primary"),
                   QStringLiteral("storage StatefulSet/*/redis"),
                   QStringLiteral("node CronJob/data/db-backup"),
                   QStringLiteral("node CronJob/app/cache-warmup"),
                   QStringLiteral("node Deployment/*/loki"),
               };
    }

    void scenario()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, expect);
        LiveCluster cluster;
        const QString started = cluster.start(scenario, 10);
        QVERIFY2(started.isEmpty(), qPrintable(started));

        // Controllers keep creating replica sets and pods for a moment after the sync.
        QString missing;
        auto satisfied = [&] {
            const Exported exported(TopologyJson::toJson(cluster.graph));
            for (const QString &e : expect) {
                missing = exported.check(e);
                if (!missing.isEmpty())
                    return false;
            }
            return true;
        };
        waitFor(satisfied, 20000);
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        // The live scene draws what the graph holds.
        QVERIFY(cluster.scene->itemCount() > 0);
        QVERIFY(cluster.scene->edgeCount() > 0);
        Sim &sim = cluster.sim;
        const QString context = cluster.context;

        if (scenario == QLatin1String("pfe")) {
            // The headless command against the same cluster.
            QTemporaryDir out;
            const QString file = out.filePath(QStringLiteral("pfe.json"));
            QProcess app;
            app.setProcessEnvironment([] {
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
                return env;
            }());
            app.start(QStringLiteral(ORRERY_APP_BINARY),
                      {QStringLiteral("--export-topology"), file, QStringLiteral("--kubeconfig"),
                       sim.kubeconfig, QStringLiteral("--context"), context});
            QVERIFY(waitFor([&] { return app.state() == QProcess::NotRunning; }, 60000));
            QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
            QFile json(file);
            QVERIFY(json.open(QIODevice::ReadOnly));
            const Exported exported(QJsonDocument::fromJson(json.readAll()).object());
            QCOMPARE(exported.check(QStringLiteral(
                         "route Ingress/pfe-app/pfe-ingress Service/pfe-app/backend-spring")),
                     QString());
            QCOMPARE(exported.check(QStringLiteral("storage StatefulSet/pfe-app/mysql")),
                     QString());

            // And its errors: unknown context, unsupported file type.
            QProcess bad;
            bad.start(QStringLiteral(ORRERY_APP_BINARY),
                      {QStringLiteral("--export-topology"), out.filePath(QStringLiteral("x.json")),
                       QStringLiteral("--kubeconfig"), sim.kubeconfig, QStringLiteral("--context"),
                       QStringLiteral("nope")});
            QVERIFY(waitFor([&] { return bad.state() == QProcess::NotRunning; }, 30000));
            QVERIFY(bad.exitCode() != 0);
            QVERIFY(!bad.readAllStandardError().isEmpty());
            QProcess badType;
            badType.start(QStringLiteral(ORRERY_APP_BINARY),
                          {QStringLiteral("--export-topology"),
                           out.filePath(QStringLiteral("x.gif")), QStringLiteral("--kubeconfig"),
                           sim.kubeconfig});
            QVERIFY(waitFor([&] { return badType.state() == QProcess::NotRunning; }, 30000));
            QCOMPARE(badType.exitCode(), 2);
        }
    }

    // The live tests share one pfe cluster and touch one Deployment each.
    void rolloutShowsTwoReplicaSetsConverging()
    {
        LiveCluster *cluster = pfe();
        QVERIFY2(cluster, qPrintable(m_pfeError));
        const QString deployment = QStringLiteral("Deployment/pfe-app/frontend");
        QString oldSet;
        QVERIFY2(waitFor(
                     [&] {
                         const auto sets = cluster->replicaSetsOf(deployment);
                         oldSet = sets.size() == 1 ? sets.cbegin().key() : QString();
                         return !oldSet.isEmpty() && sets.value(oldSet).size() >= 2;
                     },
                     20000),
                 "frontend never settled on one ReplicaSet with its pods");

        QCOMPARE(cluster->kubectl({QStringLiteral("-n"), QStringLiteral("pfe-app"),
                                   QStringLiteral("set"), QStringLiteral("image"),
                                   QStringLiteral("deployment/frontend"),
                                   QStringLiteral("frontend=ghcr.io/pfe-v2/frontend:1.0.1")}),
                 QString());

        // In flight: both ReplicaSets drawn with pods under each; then the old one empties and
        // disappears (idle) while the new one reaches the Deployment's desired count.
        QString newSet;
        bool sideBySide = false;
        int oldMost = 0;
        QString state;
        const bool converged = waitFor(
            [&] {
                const auto sets = cluster->replicaSetsOf(deployment);
                for (auto it = sets.cbegin(); it != sets.cend(); ++it) {
                    if (it.key() != oldSet)
                        newSet = it.key();
                }
                const int oldPods = int(sets.value(oldSet).size());
                const int newPods = int(sets.value(newSet).size());
                if (oldPods > 0 && newPods > 0 && cluster->scene->item(oldSet)
                    && cluster->scene->item(newSet)) {
                    sideBySide = true;
                    oldMost = std::max(oldMost, oldPods);
                }
                const TopologyNode *d = cluster->node(deployment);
                const TopologyNode *n = cluster->node(newSet);
                int ready = 0;
                for (const QString &pod : sets.value(newSet))
                    ready += cluster->node(pod)->podReady ? 1 : 0;
                state = QStringLiteral("old %1 pods (drawn %2), new %3 pods (%4 ready, node "
                                       "%5/%6), deployment %7/%8")
                            .arg(oldPods)
                            .arg(cluster->scene->item(oldSet) != nullptr)
                            .arg(newPods)
                            .arg(ready)
                            .arg(n ? n->ready : -1)
                            .arg(n ? n->desired : -1)
                            .arg(d ? d->ready : -1)
                            .arg(d ? d->desired : -1);
                if (!d || !n || sets.contains(oldSet) || cluster->scene->item(oldSet))
                    return false;
                return ready == d->desired && n->ready == d->desired
                       && cluster->scene->item(newSet);
            },
            40000);
        QVERIFY2(sideBySide, "never saw the old and new ReplicaSets side by side, each with pods");
        QVERIFY2(converged, qPrintable(QStringLiteral("the rollout did not converge: %1 → %2: %3")
                                           .arg(oldSet, newSet, state)));
        QVERIFY(oldMost >= 1);
        QVERIFY(newSet != oldSet);
    }

    void crashLoopingPodTurnsRed()
    {
        LiveCluster *cluster = pfe();
        QVERIFY2(cluster, qPrintable(m_pfeError));
        const QString deployment = QStringLiteral("Deployment/pfe-app/backend-python");
        QCOMPARE(cluster->kubectl(
                     {QStringLiteral("-n"), QStringLiteral("pfe-app"), QStringLiteral("set"),
                      QStringLiteral("image"), QStringLiteral("deployment/backend-python"),
                      QStringLiteral("backend-python=ghcr.io/pfe-v2/backend-python:1.2.0")}),
                 QString());
        QString crashing;
        QVERIFY2(waitFor(
                     [&] {
                         for (const QString &pod : cluster->podsOf(deployment)) {
                             const TopologyNode *n = cluster->node(pod);
                             if (n->status == QLatin1String("CrashLoopBackOff")
                                 && cluster->scene->item(pod)) {
                                 crashing = pod;
                                 return true;
                             }
                         }
                         return false;
                     },
                     30000),
                 "no backend-python pod reached CrashLoopBackOff");
        const TopologyNodeItem *item = cluster->scene->item(crashing);
        QCOMPARE(item->node().health, TopologyHealth::Failed);
        QVERIFY(item->node().restarts >= 1);

        // Drawn red: count the failure red in the pod's box, against a healthy frontend pod.
        auto redPixels = [&](const QString &id) {
            const QRectF box = cluster->scene->layout().nodeRect(id).adjusted(-2, -2, 2, 2);
            QImage image(box.size().toSize(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            cluster->scene->render(&painter, QRectF(QPointF(0, 0), box.size()), box);
            painter.end();
            const QColor red = TopologyStyle::healthColor(TopologyHealth::Failed);
            int count = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (qAbs(c.red() - red.red()) < 16 && qAbs(c.green() - red.green()) < 16
                        && qAbs(c.blue() - red.blue()) < 16)
                        ++count;
                }
            }
            return count;
        };
        QString healthy;
        for (const QString &pod : cluster->podsOf(QStringLiteral("Deployment/pfe-app/frontend"))) {
            if (cluster->node(pod)->health == TopologyHealth::Healthy && cluster->scene->item(pod))
                healthy = pod;
        }
        QVERIFY(!healthy.isEmpty());
        const int red = redPixels(crashing);
        QVERIFY2(red > 200, qPrintable(QStringLiteral("only %1 red pixels").arg(red)));
        QCOMPARE(redPixels(healthy), 0);
    }

    void hpaScaleOutKeepsOtherNodesInPlace()
    {
        LiveCluster *cluster = pfe();
        QVERIFY2(cluster, qPrintable(m_pfeError));
        const QString deployment = QStringLiteral("Deployment/pfe-app/backend-spring");
        const QString hpa = QStringLiteral("HorizontalPodAutoscaler/pfe-app/backend-spring-hpa");
        auto pinReplicas = [&](int n) {
            return cluster->kubectl(
                {QStringLiteral("-n"), QStringLiteral("pfe-app"), QStringLiteral("patch"),
                 QStringLiteral("hpa"), QStringLiteral("backend-spring-hpa"),
                 QStringLiteral("--type"), QStringLiteral("merge"), QStringLiteral("-p"),
                 QStringLiteral("{\"spec\":{\"minReplicas\":%1,\"maxReplicas\":%1}}").arg(n)});
        };
        auto drawnPods = [&] {
            QStringList pods;
            for (const QString &pod : cluster->podsOf(deployment)) {
                if (cluster->scene->item(pod))
                    pods << pod;
            }
            return pods;
        };
        // The load wave moves this HPA by itself: pin it to 2 first, so the scale-out is ours.
        QCOMPARE(pinReplicas(2), QString());
        QVERIFY2(
            waitFor(
                [&] { return cluster->podsOf(deployment).size() == 2 && drawnPods().size() == 2; },
                30000),
            "backend-spring did not settle at 2 pods");
        const QHash<QString, QRectF> before = cluster->scene->layout().nodeRects();
        const QStringList podsBefore = drawnPods();
        const int relayouts = cluster->relayouts;

        QCOMPARE(pinReplicas(5), QString());
        QVERIFY2(
            waitFor(
                [&] {
                    const TopologyNode *h = cluster->node(hpa);
                    // The HPA node says the scale-out as it happens: current/desired replicas.
                    return drawnPods().size() == 5 && h && h->status == QStringLiteral("5–5")
                           && h->ready == 5 && h->desired == 5;
                },
                30000),
            qPrintable(QStringLiteral("backend-spring has %1 drawn pods").arg(drawnPods().size())));

        QCOMPARE(cluster->relayouts, relayouts);
        for (const QString &pod : podsBefore)
            QVERIFY(drawnPods().contains(pod));
        int compared = 0;
        const QHash<QString, QRectF> &after = cluster->scene->layout().nodeRects();
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            auto now = after.constFind(it.key());
            if (now == after.cend())
                continue; // gone meanwhile (another workload's pod)
            QVERIFY2(*now == it.value(), qPrintable(it.key() + QStringLiteral(" moved")));
            ++compared;
        }
        QVERIFY(compared > 30);
        // The new pods sit in the backend-spring column, next to the old ones.
        const qreal column = before.value(podsBefore.first()).x();
        for (const QString &pod : drawnPods())
            QCOMPARE(after.value(pod).x(), column);
    }

    void cleanupTestCase() { m_pfe.reset(); }

private:
    LiveCluster *pfe()
    {
        if (!m_pfe && m_pfeError.isEmpty()) {
            m_pfe = std::make_unique<LiveCluster>();
            m_pfeError = m_pfe->start(QStringLiteral("pfe"), 10);
            if (!m_pfeError.isEmpty())
                m_pfe.reset();
        }
        return m_pfe.get();
    }

    std::unique_ptr<LiveCluster> m_pfe;
    QString m_pfeError;
};

QTEST_MAIN(TestTopologyScenarios)
#include "tst_topologyscenarios.moc"
