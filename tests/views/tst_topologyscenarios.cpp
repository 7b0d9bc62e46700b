// SPDX-License-Identifier: GPL-3.0-or-later
// Integration: for each seed scenario, start orrery-sim, sync with the real client, build the
// topology, export JSON and check that it contains the architecture the seed describes.
// Also runs `orrery --export-topology` headless against the pfe scenario.
#include "kube/clustersession.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"
#include "topologybuilder.h"
#include "topologygraph.h"
#include "topologyjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

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
            if (it.key().section(QLatin1Char('/'), 0, 0) == kind && it.key().section(QLatin1Char('/'), 2) == name)
                return it.key();
        }
        return {};
    }
    QStringList targets(const QString &from, const QString &type) const
    {
        QStringList out;
        for (const QJsonObject &e : edges) {
            if (e.value(QStringLiteral("from")).toString() == from && e.value(QStringLiteral("type")).toString() == type)
                out << e.value(QStringLiteral("to")).toString();
        }
        return out;
    }
    QStringList sources(const QString &to, const QString &type) const
    {
        QStringList out;
        for (const QJsonObject &e : edges) {
            if (e.value(QStringLiteral("to")).toString() == to && e.value(QStringLiteral("type")).toString() == type)
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
                ? QString() : QStringLiteral("no route ") + p.value(1) + QStringLiteral(" → ") + p.value(2);
        }
        if (what == QLatin1String("chain"))
            return podsOf(id).isEmpty() ? QStringLiteral("no pods under ") + id : QString();
        if (what == QLatin1String("serves"))
            return targets(id, QStringLiteral("selects")).isEmpty() ? QStringLiteral("no pods selected by ") + id : QString();
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

struct Sim
{
    QProcess process;
    QTemporaryDir dir;
    QString kubeconfig;

    bool start(const QString &scenario)
    {
        kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(ORRERY_SIM_BINARY),
                      {QStringLiteral("--scenario"), scenario, QStringLiteral("--kubeconfig-out"), kubeconfig,
                       QStringLiteral("--speed"), QStringLiteral("5")});
        return process.waitForStarted(10000);
    }
    bool ready()
    {
        process.waitForReadyRead(200);
        while (process.canReadLine()) {
            if (process.readLine().startsWith("ready "))
                return true;
        }
        return false;
    }
    ~Sim()
    {
        process.terminate();
        if (!process.waitForFinished(10000))
            process.kill();
    }
};

} // namespace

class TestTopologyScenarios : public QObject
{
    Q_OBJECT

private slots:
    void scenario_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("expect");
        QTest::newRow("pfe") << QStringLiteral("pfe") << QStringList{
            QStringLiteral("route Ingress/pfe-app/pfe-ingress Service/pfe-app/frontend"),
            QStringLiteral("route Ingress/pfe-app/pfe-ingress Service/pfe-app/backend-spring"),
            QStringLiteral("route Ingress/pfe-app/pfe-ingress Service/pfe-app/backend-python"),
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
        QTest::newRow("eks-devops-ppp") << QStringLiteral("eks-devops-ppp") << QStringList{
            QStringLiteral("route Ingress/devops-ppp/devops-ppp-ingress Service/devops-ppp/backend-service"),
            QStringLiteral("route Ingress/devops-ppp/devops-ppp-ingress Service/devops-ppp/frontend-service"),
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
        QTest::newRow("aks-chat") << QStringLiteral("aks-chat") << QStringList{
            QStringLiteral("chain Deployment/production/chat-app-frontend"),
            QStringLiteral("chain Deployment/production/chat-app-backend"),
            QStringLiteral("chain Deployment/production/chat-app-ollama"),
            QStringLiteral("mount Deployment/production/chat-app-ollama"),
            QStringLiteral("node PersistentVolumeClaim/production/chat-app-ollama-data"),
            QStringLiteral("chain Deployment/production/chat-app-prometheus"),
            QStringLiteral("chain Deployment/production/chat-app-grafana"),
        };
        QTest::newRow("microk8s-shop") << QStringLiteral("microk8s-shop") << QStringList{
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
        QTest::newRow("multicloud") << QStringLiteral("multicloud") << QStringList{
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
        Sim sim;
        QVERIFY(sim.start(scenario));
        QTRY_VERIFY_WITH_TIMEOUT(sim.ready(), 60000);
        const Kubeconfig config = Kubeconfig::load(sim.kubeconfig);
        Result<ClusterConnection> connection = config.connection(config.currentContext());
        QVERIFY2(connection.ok(), qPrintable(connection.ok() ? QString() : connection.error().toString()));
        ClusterSession session(std::move(connection.value()));
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        connect(session.store(), &ResourceStore::changed, this, [&](const ChangeBatch &batch) { builder.apply(batch); });
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.isSynced(), 90000);

        // Controllers keep creating replica sets and pods for a moment after the sync.
        QString missing;
        auto satisfied = [&] {
            const Exported exported(TopologyJson::toJson(graph));
            for (const QString &e : expect) {
                missing = exported.check(e);
                if (!missing.isEmpty())
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(satisfied(), 60000);
        QVERIFY2(missing.isEmpty(), qPrintable(missing));

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
                      {QStringLiteral("--export-topology"), file, QStringLiteral("--kubeconfig"), sim.kubeconfig,
                       QStringLiteral("--context"), config.currentContext()});
            QVERIFY(app.waitForFinished(120000));
            QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
            QFile json(file);
            QVERIFY(json.open(QIODevice::ReadOnly));
            const Exported exported(QJsonDocument::fromJson(json.readAll()).object());
            QCOMPARE(exported.check(QStringLiteral("route Ingress/pfe-app/pfe-ingress Service/pfe-app/backend-spring")), QString());
            QCOMPARE(exported.check(QStringLiteral("storage StatefulSet/pfe-app/mysql")), QString());

            // And its errors: unknown context, unsupported file type.
            QProcess bad;
            bad.start(QStringLiteral(ORRERY_APP_BINARY),
                      {QStringLiteral("--export-topology"), out.filePath(QStringLiteral("x.json")),
                       QStringLiteral("--kubeconfig"), sim.kubeconfig, QStringLiteral("--context"), QStringLiteral("nope")});
            QVERIFY(bad.waitForFinished(60000));
            QVERIFY(bad.exitCode() != 0);
            QVERIFY(!bad.readAllStandardError().isEmpty());
            QProcess badType;
            badType.start(QStringLiteral(ORRERY_APP_BINARY),
                          {QStringLiteral("--export-topology"), out.filePath(QStringLiteral("x.gif")),
                           QStringLiteral("--kubeconfig"), sim.kubeconfig});
            QVERIFY(badType.waitForFinished(60000));
            QCOMPARE(badType.exitCode(), 2);
        }
    }
};

QTEST_MAIN(TestTopologyScenarios)
#include "tst_topologyscenarios.moc"
