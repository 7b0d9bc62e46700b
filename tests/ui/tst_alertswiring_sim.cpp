// SPDX-License-Identifier: GPL-3.0-or-later
// Which Alertmanager the window's Alerts page reads (app/alertswiring.cpp, compiled into this
// test), against orrery-sim (pfe scenario, whose `monitoring/alertmanager` Service discovery
// finds) and the real Alertmanager: a context without a setting reads the discovered Service
// through the API server (orrery-sim's service proxy has nothing behind it here, so the page gives
// that reason); the context's Alertmanager setting applies at once and shows its alerts; switching
// to another context without one shows that context's reason, never the first one's alerts.
#include "eventloopwait.h"
#include "prometheusservers.h"
#include "simwindowfixture.h"

#include <alertswiring.h>
#include <demomonitoring.h>

#include <alertsmodel.h>
#include <alertspage.h>
#include <alertspoller.h>
#include <contextpreferences.h>
#include <mainwindow.h>
#include <resourcebrowser.h>

#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <monitoring/alertmanagerclient.h>
#include <monitoring/localmonitoringservers.h>
#include <monitoring/monitoringsource.h>

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;
using Orrery::Test::waitUntil;

class TestAlertsWiringSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void followsTheContextsAlertmanager();
    void demoServersBecomeSettings();
    void pageHint();

private:
    bool showsAlert(AlertsPage *page) const;

    Orrery::Test::SimWindowFixture m_fixture;
    Orrery::Test::AlertmanagerProcess m_alertmanager;
};

void TestAlertsWiringSim::initTestCase()
{
    if (Orrery::Test::AlertmanagerProcess::binary().isEmpty())
        QSKIP("prometheus-alertmanager is not installed (scripts/deps.sh installs it)");
    QVERIFY2(m_fixture.start(QStringLiteral("pfe")), qPrintable(m_fixture.error));
    QVERIFY2(m_alertmanager.start(), qPrintable(m_alertmanager.errorString()));

    // One alert, sent as Prometheus sends it, on a pod of the scenario.
    ClusterConnection c;
    c.server = m_alertmanager.url();
    HttpTransport transport(c);
    ApiRequest post;
    post.method = "POST";
    post.path = QStringLiteral("/api/v2/alerts");
    post.contentType = "application/json";
    post.body = R"([{"labels":{"alertname":"WiringTestAlert","severity":"warning",)"
                R"("namespace":"pfe-app"},"annotations":{"summary":"sent by the test"}}])";
    bool posted = false;
    transport.send(post, this,
                   [&](const Result<ApiResponse> &r) { posted = r.ok() && r->isSuccess(); });
    QVERIFY(waitUntil([&] { return posted; }, 30000));
}

void TestAlertsWiringSim::cleanupTestCase()
{
    m_alertmanager.stop();
    m_fixture.stop();
}

bool TestAlertsWiringSim::showsAlert(AlertsPage *page) const
{
    const AlertsState *state = page->model()->state();
    if (!state || state->unavailable)
        return false;
    for (const Alert &a : state->index.alerts()) {
        if (a.name() == QLatin1String("WiringTestAlert"))
            return true;
    }
    return false;
}

void TestAlertsWiringSim::followsTheContextsAlertmanager()
{
    const QString first = m_fixture.context; // pfe-k8s
    const QString second = first + QStringLiteral("-viewer");
    QVERIFY(m_fixture.config.contextNames().contains(second));
    QVERIFY(m_fixture.preferences->alertmanagerSetting(first).isEmpty());
    QVERIFY(m_fixture.preferences->alertmanagerSetting(second).isEmpty());

    Orrery::Test::WindowUnderTest ui(m_fixture);
    App::AlertsWiring *wiring = App::installAlertsPage(ui.window);
    wiring->poller()->setInterval(500);
    AlertsPage *page = wiring->page();
    ui.window.resize(1300, 800);
    ui.window.show();

    // No setting: the Service discovery finds, through the API server (whose service proxy
    // has no endpoints here: the page says why, naming the Service).
    ui.window.activateContext(first);
    QVERIFY(waitUntil(
        [&] {
            const MonitoringSource *source = ui.window.resourceBrowser()->monitoringSource();
            const AlertmanagerClient *client = wiring->poller()->client();
            return source && source->endpoints().alertmanager.isValid() && client
                   && client->location().serviceName == QLatin1String("alertmanager");
        },
        60000));
    QVERIFY(waitUntil(
        [&] {
            const auto state = wiring->poller()->state();
            return state && state->unavailable
                   && state->unavailable->where.contains(QLatin1String("monitoring/alertmanager"));
        },
        30000));
    QVERIFY2(page->emptyLabel()->text().contains(QLatin1String("monitoring/alertmanager")),
             qPrintable(page->emptyLabel()->text()));

    // The context's setting applies at once: its Alertmanager's alerts are on the page.
    m_fixture.preferences->setAlertmanagerSetting(first, m_alertmanager.url());
    QVERIFY(waitUntil([&] { return showsAlert(page); }, 30000));
    QVERIFY(page->model()
                ->indexOf(page->model()->state()->index.alerts().first().fingerprint)
                .isValid());
    QVERIFY(page->statusLabel()->text().contains(m_alertmanager.url()));

    // Another context without a setting: its own reason, not the first context's alerts.
    ui.window.activateContext(second);
    QVERIFY(waitUntil(
        [&] {
            const auto state = wiring->poller()->state();
            return ui.window.activeContext() == second && state && state->unavailable
                   && state->unavailable->where.contains(QLatin1String("monitoring/alertmanager"));
        },
        60000));
    QVERIFY(!showsAlert(page));
    QCOMPARE(page->model()->rowCount(), 0);
    QCOMPARE(page->emptyLabel()->text(), AlertsPage::tr("No alerts can be shown: %1")
                                             .arg(wiring->poller()->state()->unavailable->text()));
    QVERIFY(!page->emptyLabel()->text().contains(m_alertmanager.url()));
    // Polls stay on the second context's Alertmanager.
    QTest::qWait(1500);
    QVERIFY(!showsAlert(page));

    // Back to the first: its setting still holds.
    ui.window.activateContext(first);
    QVERIFY(waitUntil([&] { return showsAlert(page); }, 60000));

    // The setting removed: discovery's Service again.
    m_fixture.preferences->setAlertmanagerSetting(first, QString());
    QVERIFY(waitUntil(
        [&] {
            const AlertmanagerClient *client = wiring->poller()->client();
            return client && client->location().serviceName == QLatin1String("alertmanager");
        },
        30000));
}

// app/demomonitoring: the demo's servers become its watched contexts' settings, in memory,
// never over a setting the user typed, and are taken back when they stop.
void TestAlertsWiringSim::demoServersBecomeSettings()
{
    QTemporaryDir dir;
    ContextPreferences preferences(dir.filePath(QStringLiteral("orrery.ini")));
    preferences.setDemoContexts({QStringLiteral("pfe-k8s"), QStringLiteral("pfe-k8s-operator"),
                                 QStringLiteral("pfe-k8s-viewer"), QStringLiteral("shop")});
    preferences.setAlertmanagerSetting(QStringLiteral("pfe-k8s-viewer"),
                                       QStringLiteral("http://127.0.0.1:1"));
    MonitoringServersStatus running;
    running.state = MonitoringServersStatus::State::Running;
    running.cluster = QStringLiteral("pfe-k8s");
    running.prometheusUrl = QStringLiteral("http://127.0.0.1:9090");
    running.alertmanagerUrl = QStringLiteral("http://127.0.0.1:9093");
    QHash<QString, QString> ours;
    App::applyDemoMonitoring(preferences, running, true, ours);
    for (const char *c : {"pfe-k8s", "pfe-k8s-operator", "pfe-k8s-viewer"})
        QCOMPARE(preferences.prometheusSetting(QLatin1String(c)), running.prometheusUrl);
    QCOMPARE(preferences.alertmanagerSetting(QStringLiteral("pfe-k8s")), running.alertmanagerUrl);
    QCOMPARE(preferences.alertmanagerSetting(QStringLiteral("pfe-k8s-viewer")),
             QStringLiteral("http://127.0.0.1:1")); // the user's
    QVERIFY(preferences.prometheusSetting(QStringLiteral("shop")).isEmpty());
    // Nothing written to the settings file: demo contexts keep theirs in memory.
    ContextPreferences reread(dir.filePath(QStringLiteral("orrery.ini")));
    QVERIFY(reread.prometheusSetting(QStringLiteral("pfe-k8s")).isEmpty());

    // A server that stops takes its URL back; the user's setting stays.
    MonitoringServersStatus failed;
    failed.state = MonitoringServersStatus::State::Failed;
    failed.error = QStringLiteral("prometheus exited");
    App::applyDemoMonitoring(preferences, failed, true, ours);
    QVERIFY(preferences.prometheusSetting(QStringLiteral("pfe-k8s")).isEmpty());
    QVERIFY(preferences.alertmanagerSetting(QStringLiteral("pfe-k8s")).isEmpty());
    QCOMPARE(preferences.alertmanagerSetting(QStringLiteral("pfe-k8s-viewer")),
             QStringLiteral("http://127.0.0.1:1"));
    QVERIFY(ours.isEmpty());

    // --alertmanager given: the Alertmanager setting is left alone.
    App::applyDemoMonitoring(preferences, running, false, ours);
    QCOMPARE(preferences.prometheusSetting(QStringLiteral("pfe-k8s")), running.prometheusUrl);
    QVERIFY(preferences.alertmanagerSetting(QStringLiteral("pfe-k8s")).isEmpty());
}

// The demo's monitoring sentence under the page's empty state.
void TestAlertsWiringSim::pageHint()
{
    AlertsPage page;
    auto state = std::make_shared<AlertsState>();
    state->unavailable = AlertsUnavailable::notConfigured();
    page.setState(state);
    const QString reason = AlertsPage::tr("No alerts can be shown: %1")
                               .arg(AlertsUnavailable::notConfigured().text());
    QCOMPARE(page.emptyLabel()->text(), reason);
    page.setHint(QStringLiteral("Demo: prometheus not installed"));
    QCOMPARE(page.emptyLabel()->text(),
             reason + QStringLiteral("\n\nDemo: prometheus not installed"));
    page.setHint(QString());
    QCOMPARE(page.emptyLabel()->text(), reason);
}

QTEST_MAIN(TestAlertsWiringSim)
#include "tst_alertswiring_sim.moc"
