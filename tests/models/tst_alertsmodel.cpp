// SPDX-License-Identifier: GPL-3.0-or-later
// The Alerts page's model and the alert badges' sources, over Alertmanager alerts built here:
// groups by severity (worst first) then namespace, the attached object, silenced state; the
// resource table's badge roles per row; the topology's badges per node id, including the pod
// group that stands for a collapsed pod.
#include <alertsmodel.h>
#include <resourcetablemodel.h>
#include <topologyalerts.h>
#include <topologybuilder.h>
#include <topologygraph.h>
#include <topologysynthetic.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Orrery;

namespace {

Alert alert(const QString &name, const QString &severity, QMap<QString, QString> labels,
            const QString &fingerprint, qint64 ageSeconds = 120)
{
    Alert a;
    labels.insert(QStringLiteral("alertname"), name);
    if (!severity.isEmpty())
        labels.insert(QStringLiteral("severity"), severity);
    a.labels = labels;
    a.annotations.insert(QStringLiteral("summary"), name + QStringLiteral(" summary"));
    a.annotations.insert(QStringLiteral("runbook_url"),
                         QStringLiteral("https://runbooks.example/") + name);
    a.fingerprint = fingerprint;
    a.startsAt = QDateTime::currentDateTimeUtc().addSecs(-ageSeconds);
    return a;
}

std::shared_ptr<AlertsState> state(const QList<Alert> &alerts)
{
    auto s = std::make_shared<AlertsState>();
    s->index.setAlerts(alerts);
    s->source = QStringLiteral("http://127.0.0.1:9093");
    s->polledAt = QDateTime::currentDateTimeUtc();
    return s;
}

QList<Alert> shopAlerts()
{
    Alert silenced = alert("PodDown", "critical", {{"namespace", "shop"}, {"pod", "web-2"}}, "f4");
    silenced.state = Alert::State::Suppressed;
    silenced.silencedBy = {QStringLiteral("s-1")};
    return {alert("HighCPU", "warning", {{"namespace", "shop"}, {"pod", "web-1"}}, "f1"),
            alert("ServiceDown", "critical", {{"namespace", "shop"}, {"deployment", "web"}}, "f2"),
            alert("NodeHot", "warning", {{"node", "worker-1"}}, "f3"),
            silenced,
            alert("HighMemory", "critical", {{"namespace", "pay"}, {"pod", "api-1"}}, "f5"),
            alert("HighCPU", "critical", {{"namespace", "shop"}, {"pod", "web-1"}}, "f6", 30)};
}

} // namespace

class TestAlertsModel : public QObject
{
    Q_OBJECT

private slots:
    void groupsBySeverityThenNamespace();
    void sameAlertsKeepTheRows();
    void tableBadges();
    void topologyBadges();
};

void TestAlertsModel::groupsBySeverityThenNamespace()
{
    AlertsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setState(state(shopAlerts()));
    QStringList groups;
    for (int g = 0; g < model.rowCount(); ++g)
        groups << model.index(g, 0).data().toString();
    QCOMPARE(groups, (QStringList{"Critical · pay (1)", "Critical · shop (3)",
                                  "Warning · cluster (1)", "Warning · shop (1)"}));
    const QModelIndex shopCritical = model.index(1, 0);
    QCOMPARE(shopCritical.data(AlertsModel::SeverityRole).toInt(), int(AlertSeverity::Critical));
    QStringList names;
    for (int r = 0; r < model.rowCount(shopCritical); ++r)
        names << model.index(r, 0, shopCritical).data().toString();
    QCOMPARE(names, (QStringList{"HighCPU", "PodDown", "ServiceDown"}));

    const QModelIndex highCpu = model.index(0, 0, shopCritical);
    QCOMPARE(model.alertAt(highCpu)->fingerprint, QStringLiteral("f6"));
    QCOMPARE(highCpu.siblingAtColumn(AlertsModel::SummaryColumn).data().toString(),
             QStringLiteral("HighCPU summary"));
    QCOMPARE(highCpu.siblingAtColumn(AlertsModel::StartedColumn).data().toString(),
             QStringLiteral("30s"));
    QCOMPARE(highCpu.siblingAtColumn(AlertsModel::ObjectColumn).data().toString(),
             QStringLiteral("pod shop/web-1"));
    QCOMPARE(highCpu.data(AlertsModel::ObjectKeyRole).toString(), QStringLiteral("pod/shop/web-1"));
    QCOMPARE(highCpu.siblingAtColumn(AlertsModel::RunbookColumn).data().toString(),
             QStringLiteral("https://runbooks.example/HighCPU"));
    QCOMPARE(highCpu.siblingAtColumn(AlertsModel::StateColumn).data().toString(),
             QStringLiteral("firing"));
    const QModelIndex podDown = model.index(1, 0, shopCritical);
    QCOMPARE(podDown.siblingAtColumn(AlertsModel::StateColumn).data().toString(),
             QStringLiteral("silenced"));
    QCOMPARE(podDown.data(AlertsModel::SilenceIdsRole).toStringList(), QStringList{"s-1"});
    QCOMPARE(model.index(2, 0, shopCritical).siblingAtColumn(AlertsModel::ObjectColumn).data(),
             QVariant(QStringLiteral("deployment shop/web")));
    QCOMPARE(model.indexOf(QStringLiteral("f3")).parent().row(), 2);

    // Why there are none: no rows.
    auto none = std::make_shared<AlertsState>();
    none->unavailable = AlertsUnavailable{};
    model.setState(none);
    QCOMPARE(model.rowCount(), 0);
}

void TestAlertsModel::sameAlertsKeepTheRows()
{
    AlertsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setState(state(shopAlerts()));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setState(state(shopAlerts())); // the next poll, nothing new
    QCOMPARE(reset.size(), 0);
    QVERIFY(!changed.isEmpty()); // the ages move
    QList<Alert> more = shopAlerts();
    more << alert("Extra", "info", {{"namespace", "shop"}}, "f7");
    model.setState(state(more));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 5);
}

void TestAlertsModel::tableBadges()
{
    ResourceTableModel pods(Kind::Pod);
    QAbstractItemModelTester tester(&pods, QAbstractItemModelTester::FailureReportingMode::QtTest);
    pods.setObjects({TopologySynthetic::pod("shop", "web-1", "ReplicaSet", "web-1", {}),
                     TopologySynthetic::pod("shop", "web-2", "ReplicaSet", "web-1", {}),
                     TopologySynthetic::pod("shop", "web-3", "ReplicaSet", "web-1", {})});
    QSignalSpy changed(&pods, &QAbstractItemModel::dataChanged);
    pods.setAlerts(state(shopAlerts()));
    QCOMPARE(changed.size(), 1);
    const int name = pods.nameColumn();
    const int web1 = pods.rowOf("shop/web-1");
    QCOMPARE(pods.index(web1, name).data(ResourceTableModel::AlertCountRole).toInt(), 2);
    QCOMPARE(pods.index(web1, name).data(ResourceTableModel::AlertSeverityRole).toInt(),
             int(AlertSeverity::Critical));
    const QString tip = pods.index(web1, name).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains("HighCPU (critical): HighCPU summary"), qPrintable(tip));
    // Silenced: no badge.
    QCOMPARE(
        pods.index(pods.rowOf("shop/web-2"), name).data(ResourceTableModel::AlertCountRole).toInt(),
        0);
    QCOMPARE(
        pods.index(pods.rowOf("shop/web-3"), name).data(ResourceTableModel::AlertCountRole).toInt(),
        0);
    // Other columns carry none.
    QCOMPARE(pods.index(web1, name + 1).data(ResourceTableModel::AlertCountRole), QVariant());

    // A Deployment alert on the Deployments table.
    ResourceTableModel deployments(Kind::Deployment);
    deployments.setObjects({TopologySynthetic::deployment("shop", "web", 3, 3, {})});
    deployments.setAlerts(state(shopAlerts()));
    QCOMPARE(deployments.index(0, deployments.nameColumn())
                 .data(ResourceTableModel::AlertCountRole)
                 .toInt(),
             1);
    deployments.setAlerts(nullptr);
    QCOMPARE(deployments.index(0, deployments.nameColumn())
                 .data(ResourceTableModel::AlertCountRole)
                 .toInt(),
             0);
}

void TestAlertsModel::topologyBadges()
{
    QCOMPARE(topologyIdOfAlertKey("pod/shop/web-1"), std::optional<QString>("Pod/shop/web-1"));
    QCOMPARE(topologyIdOfAlertKey("node/worker-1"), std::optional<QString>("Node//worker-1"));
    QCOMPARE(topologyIdOfAlertKey("deployment/shop/web"),
             std::optional<QString>("Deployment/shop/web"));
    QVERIFY(!topologyIdOfAlertKey("namespace/shop"));

    TopologyGraph graph;
    TopologyBuilder builder(&graph);
    builder.reset({TopologySynthetic::deployment("shop", "web", 2, 2, {}),
                   TopologySynthetic::replicaSet("shop", "web-1", "web", 2, 2, {}),
                   TopologySynthetic::pod("shop", "web-1", "ReplicaSet", "web-1", {}),
                   TopologySynthetic::pod("shop", "web-2", "ReplicaSet", "web-1", {})});
    QHash<QString, AlertCounts> badges = topologyAlerts(*state(shopAlerts()), graph);
    QCOMPARE(badges.value("Pod/shop/web-1").total(), 2);
    QCOMPARE(badges.value("Pod/shop/web-1").worst(), AlertSeverity::Critical);
    QCOMPARE(badges.value("Deployment/shop/web").critical, 1);
    QCOMPARE(badges.value("Node//worker-1").warning, 1);
    QVERIFY(!badges.contains("Pod/shop/web-2")); // silenced

    // Collapsed into their group (more pods than the threshold), the pods' alerts show on
    // the group too.
    TopologyBuilder::Options options = builder.options();
    options.podGroupThreshold = 1;
    builder.setOptions(options);
    const TopologyNode *pod = graph.node("Pod/shop/web-1");
    QVERIFY(pod);
    QVERIFY(!pod->collapsedInto.isEmpty());
    badges = topologyAlerts(*state(shopAlerts()), graph);
    QCOMPARE(badges.value(pod->collapsedInto).total(), 2);
}

QTEST_MAIN(TestAlertsModel)
#include "tst_alertsmodel.moc"
