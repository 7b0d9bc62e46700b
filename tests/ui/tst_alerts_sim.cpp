// SPDX-License-Identifier: GPL-3.0-or-later
// Alerts in the window against orrery-sim (pfe scenario) and the real Prometheus and
// Alertmanager (LocalMonitoringServers, scraping and evaluating every second): after the
// load annotation pushes backend-spring past its requests, PodCPUAboveRequest shows on the
// Alerts page (grouped by severity and namespace), as a badge on that pod's topology node and
// on its row of the Pods table; the silence dialog's silence, run through the operation path,
// shows the alert silenced (no badge), and expiring it from the page's selection brings it
// back. No JSON is decoded on the GUI thread (DecodeGuard).
// ORRERY_ALERT_SHOTS=DIR also writes the screenshots of docs/monitoring.md into DIR.
#include "eventloopwait.h"
#include "prometheusservers.h"
#include "simprocess.h"
#include "simwindowfixture.h"

#include <alertbadgedelegate.h>
#include <alertsmodel.h>
#include <alertspage.h>
#include <alertspoller.h>
#include <resourcefilterproxymodel.h>
#include <resourcetablemodel.h>
#include <silencedialog.h>
#include <topologynodeitem.h>
#include <topologypage.h>
#include <topologyscene.h>
#include <topologyview.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/resourcestore.h>
#include <monitoring/alertmanagerclient.h>
#include <monitoring/localmonitoringservers.h>
#include <monitoring/metricspoller.h>
#include <monitoring/metricssnapshot.h>
#include <operations/operationrunner.h>
#include <operations/silenceoperations.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using namespace Orrery;
using Orrery::Test::waitUntil;

class TestAlertsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void alertOnTheRightNodeAndRow();
    void silenceRoundTrip();
    void withoutAlertmanagerSaysWhy();

private:
    // Polls until `done` holds for the poller's state (at most `ms`).
    bool pollUntil(const std::function<bool(const AlertsState &)> &done, int ms);
    void shot(QWidget *widget, const QString &name);
    const Alert *cpuAlert(const AlertsState &state) const;

    Orrery::Test::SimWindowFixture m_ui; // unused scenario fixture is not started
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    ClusterSession *m_session = nullptr;
    QObject m_sessions;
    std::unique_ptr<LocalMonitoringServers> m_servers;
    std::unique_ptr<HttpTransport> m_alertmanager;
    std::unique_ptr<AlertsPoller> m_poller;
    Alert m_alert;
    quint64 m_decodes = 0;
};

void TestAlertsSim::initTestCase()
{
    if (LocalMonitoringServers::prometheusBinary().isEmpty()
        || LocalMonitoringServers::alertmanagerBinary().isEmpty())
        QSKIP("prometheus / prometheus-alertmanager are not installed (scripts/deps.sh installs "
              "the Debian packages)");
    QVERIFY(m_dir.isValid());
    const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("pfe"),
                          QStringLiteral("--metrics-port"), QStringLiteral("0")},
                         kubeconfig),
             qPrintable(m_sim.errorString()));
    const QUrl metrics(m_sim.metricsUrls().value(QStringLiteral("pfe-k8s")));
    QVERIFY(metrics.port() > 0);
    m_ui.config = Kubeconfig::load(kubeconfig);
    m_session = m_ui.connectContext(QStringLiteral("pfe-k8s"), &m_sessions);
    QVERIFY(m_session);

    m_servers = std::make_unique<LocalMonitoringServers>();
    LocalMonitoringServers::Options options;
    options.scrapeTargets = {QStringLiteral("127.0.0.1:%1").arg(metrics.port())};
    // The scenario's rules, PodCPUAboveRequest pending for 5 s rather than 30 s.
    options.ruleFiles = {Orrery::Test::rulesWithShorterFor(
        QStringLiteral(ORRERY_TEST_DATA)
            + QStringLiteral("/../../resources/scenarios/rules/pfe.rules.yml"),
        QStringLiteral("PodCPUAboveRequest"), 5, m_dir.path())};
    QVERIFY(!options.ruleFiles.first().isEmpty());
    options.intervalSeconds = 1;
    options.cluster = QStringLiteral("pfe-k8s");
    m_servers->start(options);
    QVERIFY(waitUntil(
        [&] { return m_servers->status().state != MonitoringServersStatus::State::Starting; },
        60000));
    QVERIFY2(m_servers->status().isRunning(), qPrintable(m_servers->status().text()));

    ClusterConnection am;
    am.server = m_servers->status().alertmanagerUrl;
    am.contextName = QStringLiteral("pfe-k8s");
    m_alertmanager = std::make_unique<HttpTransport>(am);
    m_poller = std::make_unique<AlertsPoller>();
    m_poller->setInterval(1000);
    m_poller->setClient(std::make_unique<AlertmanagerClient>(m_alertmanager.get()));

    // Ten times the peak load: PodCPUAboveRequest fires for backend-spring's pods.
    ApiRequest patch;
    patch.method = "PATCH";
    patch.path = QStringLiteral("/apis/apps/v1/namespaces/pfe-app/deployments/backend-spring");
    patch.contentType = "application/merge-patch+json";
    patch.body = R"({"metadata":{"annotations":{"sim.orrery.dev/load-percent":"1000"}}})";
    bool patched = false;
    m_session->transport()->send(
        patch, this, [&](const Result<ApiResponse> &r) { patched = r.ok() && r->isSuccess(); });
    QVERIFY(waitUntil([&] { return patched; }, 30000));
}

void TestAlertsSim::cleanupTestCase()
{
    m_poller.reset();
    m_alertmanager.reset();
    m_servers.reset();
    delete m_session;
    m_sim.stop();
}

void TestAlertsSim::init()
{
    m_decodes = Orrery::Test::guiThreadDecodeCount();
}

// No JSON decoded on the GUI thread by each test's own steps (DecodeGuard).
void TestAlertsSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == m_decodes,
             Orrery::Test::guiThreadDecodes().constData());
}

bool TestAlertsSim::pollUntil(const std::function<bool(const AlertsState &)> &done, int ms)
{
    m_poller->start();
    const bool ok = waitUntil([&] { return m_poller->state() && done(*m_poller->state()); }, ms);
    m_poller->stop();
    return ok;
}

const Alert *TestAlertsSim::cpuAlert(const AlertsState &state) const
{
    for (const Alert &a : state.index.alerts()) {
        if (a.name() == QLatin1String("PodCPUAboveRequest")
            && a.labels.value(QStringLiteral("pod")).startsWith(QLatin1String("backend-spring-")))
            return &a;
    }
    return nullptr;
}

void TestAlertsSim::shot(QWidget *widget, const QString &name)
{
    const QByteArray dir = qgetenv("ORRERY_ALERT_SHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(200);
    QVERIFY(widget->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name));
}

void TestAlertsSim::alertOnTheRightNodeAndRow()
{
    QVERIFY(pollUntil(
        [&](const AlertsState &s) {
            const Alert *a = cpuAlert(s);
            return a && AlertsState::isFiring(*a);
        },
        150000));
    const std::shared_ptr<const AlertsState> state = m_poller->state();
    QVERIFY(!state->unavailable);
    m_alert = *cpuAlert(*state);
    const QString pod = m_alert.labels.value(QStringLiteral("pod"));
    QVERIFY(m_session->store()->object(Kind::Pod, QStringLiteral("pfe-app"), pod));

    // The page: a "Warning · pfe-app" group holding it, attached to the pod.
    AlertsPage page;
    page.resize(1300, 520);
    page.show();
    page.setState(state);
    const QModelIndex row = page.model()->indexOf(m_alert.fingerprint);
    QVERIFY(row.isValid());
    QCOMPARE(row.parent().data(AlertsModel::SeverityRole).toInt(), int(AlertSeverity::Warning));
    QCOMPARE(row.parent().data(AlertsModel::NamespaceRole).toString(), QStringLiteral("pfe-app"));
    QVERIFY(row.parent().data().toString().startsWith(QStringLiteral("Warning · pfe-app (")));
    QCOMPARE(row.data(AlertsModel::ObjectKeyRole).toString(), QStringLiteral("pod/pfe-app/") + pod);
    QCOMPARE(row.siblingAtColumn(AlertsModel::StateColumn).data().toString(),
             QStringLiteral("firing"));
    // Groups are ordered worst first, namespaces by name within a severity.
    for (int g = 1; g < page.model()->rowCount(); ++g)
        QVERIFY(page.model()->index(g - 1, 0).data(AlertsModel::SeverityRole).toInt()
                >= page.model()->index(g, 0).data(AlertsModel::SeverityRole).toInt());
    QVERIFY(page.selectAlert(m_alert.fingerprint));
    QVERIFY(page.silenceButton()->isEnabled());
    QVERIFY(!page.expireButton()->isEnabled());
    QVERIFY(page.statusLabel()->text().contains(m_servers->status().alertmanagerUrl));
    shot(&page, QStringLiteral("alerts-page.png"));

    // The topology: a warning badge on that pod's node, none on its sibling pods.
    TopologyPage topology;
    topology.resize(1300, 800);
    topology.show();
    topology.setSession(m_session);
    topology.setAlerts(state);
    const QString podId = topologyNodeId(TopologyKind::Pod, QStringLiteral("pfe-app"), pod);
    const TopologyDisplay &display = topology.scene()->display();
    QVERIFY(display.alerts.contains(podId));
    QVERIFY(display.alerts.value(podId).count >= 1);
    QCOMPARE(display.alerts.value(podId).severity, TopologyDisplay::AlertSeverity::Warning);
    QVERIFY(topology.scene()->item(podId));
    for (const KubeObjectPtr &other : m_session->store()->objects(Kind::Pod, "pfe-app")) {
        if (!other->name.startsWith(QLatin1String("frontend-")))
            continue;
        QVERIFY(!display.alerts.contains(
            topologyNodeId(TopologyKind::Pod, QStringLiteral("pfe-app"), other->name)));
    }
    topology.view()->zoomBy(1.8);
    topology.view()->centerOn(topology.scene()->item(podId)->sceneBoundingRect().center());
    shot(&topology, QStringLiteral("topology-alerts.png"));

    // The heat overlay agrees: the pod whose CPU is above its request is hotter than 100 %.
    MetricsPoller metrics(m_session->transport());
    std::shared_ptr<const MetricsSnapshot> snapshot;
    connect(&metrics, &MetricsPoller::batchReady, this,
            [&](const MetricsBatch &batch) { snapshot = MetricsSnapshot::fromBatch(batch); });
    metrics.start();
    QVERIFY(waitUntil([&] { return snapshot != nullptr; }, 30000));
    metrics.stop();
    topology.setHeat(TopologyPage::Heat::Cpu);
    topology.setMetrics(snapshot);
    QVERIFY(display.heatOn);
    QVERIFY2(display.heat.value(podId) > 1.0f,
             qPrintable(QString::number(display.heat.value(podId))));
    const QString deploymentId = topologyNodeId(TopologyKind::Deployment, QStringLiteral("pfe-app"),
                                                QStringLiteral("backend-spring"));
    QVERIFY(display.heat.contains(deploymentId));
    shot(&topology, QStringLiteral("topology-heat.png"));
    topology.setHeat(TopologyPage::Heat::Off);
    QVERIFY(!display.heatOn);

    // The Deployments table: backend-spring's pods summed.
    if (!qEnvironmentVariableIsEmpty("ORRERY_ALERT_SHOTS")) {
        ResourceTableModel deployments(Kind::Deployment);
        deployments.setStore(m_session->store());
        deployments.setMetrics(snapshot);
        ResourceFilterProxyModel proxy;
        proxy.setSourceModel(&deployments);
        QTableView table;
        table.setModel(&proxy);
        table.verticalHeader()->hide();
        table.setShowGrid(false);
        table.setAlternatingRowColors(true);
        table.setSortingEnabled(true);
        table.sortByColumn(deployments.firstMetricsColumn(), Qt::DescendingOrder);
        table.resize(1250, 360);
        table.show();
        for (int c = 0; c < deployments.columnCount(); ++c)
            table.resizeColumnToContents(c);
        shot(&table, QStringLiteral("metrics-workloads.png"));
    }

    // The Pods table: the row's Name cell carries the badge.
    ResourceTableModel pods(Kind::Pod);
    pods.setStore(m_session->store());
    pods.setAlerts(state);
    const int r = pods.rowOf(QStringLiteral("pfe-app/") + pod);
    QVERIFY(r >= 0);
    QVERIFY(pods.index(r, pods.nameColumn()).data(ResourceTableModel::AlertCountRole).toInt() >= 1);
    QCOMPARE(pods.index(r, pods.nameColumn()).data(ResourceTableModel::AlertSeverityRole).toInt(),
             int(AlertSeverity::Warning));
    QVERIFY(pods.index(r, pods.nameColumn())
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("PodCPUAboveRequest")));
    if (!qEnvironmentVariableIsEmpty("ORRERY_ALERT_SHOTS")) {
        ResourceFilterProxyModel proxy;
        proxy.setSourceModel(&pods);
        proxy.setNamespaces({QStringLiteral("pfe-app")});
        QTableView table;
        table.setModel(&proxy);
        table.setItemDelegate(new AlertBadgeDelegate(&table));
        table.verticalHeader()->hide();
        table.setShowGrid(false);
        table.setAlternatingRowColors(true);
        table.resize(1100, 380);
        table.show();
        table.setColumnWidth(pods.nameColumn(), 330);
        shot(&table, QStringLiteral("alerts-table.png"));
    }
}

void TestAlertsSim::silenceRoundTrip()
{
    QVERIFY2(!m_alert.fingerprint.isEmpty(), "alertOnTheRightNodeAndRow found no alert");
    // The dialog proposes every label as a matcher; a comment is required.
    SilenceDialog dialog(m_alert, QStringLiteral("tester"));
    QCOMPARE(dialog.matcherTable()->rowCount(), int(m_alert.labels.size()));
    QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.commentEdit()->setText(QStringLiteral("load test in progress"));
    QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    const Silence silence = dialog.silence(QDateTime::currentDateTimeUtc());
    QCOMPARE(silence.matchers.size(), m_alert.labels.size());
    QVERIFY(silence.matches(m_alert.labels));
    QCOMPARE(silence.comment, QStringLiteral("load test in progress"));
    QCOMPARE(silence.createdBy, QStringLiteral("tester"));
    QCOMPARE(silence.startsAt.secsTo(silence.endsAt), dialog.durationSeconds());

    // Through the operation path (the window's ActionController::runOperation uses it).
    AuditLog audit(m_dir.filePath(QStringLiteral("audit")));
    OperationRunner runner(&audit);
    runner.setConfirmation(
        [&](const OperationRunner::Target &t, ClusterOperation *op) { runner.run(t, op); });
    QSignalSpy finished(&runner, &OperationRunner::operationFinished);
    auto *create = new CreateSilenceOperation(m_alertmanager.get(), {}, silence, m_alert.name(),
                                              QStringLiteral("pfe-app"));
    QString id;
    connect(create, &ClusterOperation::finished, this,
            [&id, create](bool) { id = create->silenceId(); });
    runner.start(OperationRunner::targetOf(m_session), create);
    QVERIFY(waitUntil([&] { return finished.size() == 1; }, 30000));
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(!id.isEmpty());

    // Silenced: the page says so and offers to expire it; no badge on the pod.
    const auto silenced = [&](const AlertsState &s) {
        for (const Alert &a : s.index.alerts())
            if (a.fingerprint == m_alert.fingerprint)
                return a.silencedBy.contains(id);
        return false;
    };
    QVERIFY(pollUntil(silenced, 60000));
    AlertsPage page;
    page.resize(1300, 520);
    page.show();
    page.setState(m_poller->state());
    QVERIFY(page.selectAlert(m_alert.fingerprint));
    const QModelIndex row = page.model()->indexOf(m_alert.fingerprint);
    QCOMPARE(row.siblingAtColumn(AlertsModel::StateColumn).data().toString(),
             QStringLiteral("silenced"));
    QVERIFY(row.siblingAtColumn(AlertsModel::StateColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("load test in progress")));
    QVERIFY(page.expireButton()->isEnabled());
    const QString key = AlertIndex::objectKey(QStringLiteral("Pod"), QStringLiteral("pfe-app"),
                                              m_alert.labels.value(QStringLiteral("pod")));
    QCOMPARE(m_poller->state()->firingCounts(key).total(), 0);

    // "Expire silence" names the silence; expired, the alert fires again.
    QSignalSpy expire(&page, &AlertsPage::expireRequested);
    page.expireButton()->click();
    QCOMPARE(expire.size(), 1);
    const QStringList ids = expire.first().at(0).toStringList();
    QCOMPARE(ids, QStringList{id});
    runner.start(OperationRunner::targetOf(m_session),
                 new ExpireSilenceOperation(m_alertmanager.get(), {}, ids.first()));
    QVERIFY(waitUntil([&] { return finished.size() == 2; }, 30000));
    QVERIFY(finished.last().at(0).toBool());
    QVERIFY(pollUntil(
        [&](const AlertsState &s) { return !silenced(s) && s.firingCounts(key).total() > 0; },
        90000));
}

void TestAlertsSim::withoutAlertmanagerSaysWhy()
{
    // No Alertmanager known: the page says so in AlertsUnavailable's words.
    AlertsPoller poller;
    AlertsPage page;
    connect(&poller, &AlertsPoller::updated, &page, &AlertsPage::setState);
    poller.start();
    QVERIFY(poller.state() && poller.state()->unavailable);
    QCOMPARE(page.emptyLabel()->text(), AlertsPage::tr("No alerts can be shown: %1")
                                            .arg(AlertsUnavailable::notConfigured().text()));
    poller.stop();
    // One that does not answer: its reason names the URL.
    ClusterConnection nowhere;
    nowhere.server = QStringLiteral("http://127.0.0.1:%1").arg(Orrery::Test::freeLoopbackPort());
    HttpTransport transport(nowhere);
    poller.setClient(std::make_unique<AlertmanagerClient>(&transport));
    poller.start();
    QVERIFY(waitUntil(
        [&] {
            return poller.state() && poller.state()->unavailable
                   && poller.state()->unavailable->reason == AlertsUnavailable::Reason::Unreachable;
        },
        30000));
    QVERIFY2(page.emptyLabel()->text().contains(nowhere.server),
             qPrintable(page.emptyLabel()->text()));
    poller.stop();
}

QTEST_MAIN(TestAlertsSim)
#include "tst_alerts_sim.moc"
