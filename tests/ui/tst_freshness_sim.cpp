// SPDX-License-Identifier: GPL-3.0-or-later
// Trust in freshness, end to end in the main window:
// - orrery-sim's RBAC denies the viewer user Secrets: the Secrets table shows the 403 in plain
//   words with the fix, not an empty table, while the kinds it may read stay normal;
// - against the fault-injecting server: watches that go silent turn the view stale (status bar
//   and red banner over the table) and live again when events flow; a server that stops and
//   comes back does the same;
// - a first list in pages fills the table page by page under a progress indicator ("Loading
//   pods… 500 of about 1,203" and a bar), which goes once the kind is synced; the row at the
//   top stays there while rows arrive above it.
#include "fakeapiserver.h"
#include "simprocess.h"
#include "testcredentialprovider.h"

#include <contextpreferences.h>
#include <freshnessindicator.h>
#include <mainwindow.h>
#include <messageoverlay.h>
#include <resourcebrowser.h>
#include <resourcefilterproxymodel.h>
#include <resourcetablemodel.h>
#include <sessionmanager.h>

#include <kube/clustersession.h>
#include <kube/kubeconfig.h>

#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QProgressBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;
using Fault = Orrery::Test::FakeApiServer::Fault;
using nlohmann::json;

namespace {

json pod(const std::string &ns, const std::string &name)
{
    return Test::FakeApiServer::makeObject(
        ns, name,
        {{"spec", {{"containers", {{{"name", "c"}, {"image", "nginx"}}}}}},
         {"status", {{"phase", "Running"}}}});
}

InformerOptions fastOptions()
{
    InformerOptions o;
    o.initialBackoffMs = 20;
    o.maxBackoffMs = 200;
    o.watchIdleTimeoutMs = 400; // a silent watch is declared dead after 0.4 s
    o.minWatchTimeoutSec = 300;
    o.maxWatchTimeoutSec = 600;
    o.staleAfterFailures = 3;
    return o;
}

} // namespace

class TestFreshnessSim : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void viewerIsDeniedSecrets();
    void silentWatchesTurnStaleThenLive();
    void serverStopsThenReturns();
    void tableFillsPageByPage();

private:
    // A main window whose only context talks to the fault server.
    std::unique_ptr<MainWindow> fakeServerWindow();

    QTemporaryDir m_dir;
    std::unique_ptr<ContextPreferences> m_preferences;
    std::unique_ptr<Test::FakeApiServer> m_server;
};

void TestFreshnessSim::init()
{
    QVERIFY(m_dir.isValid());
    m_preferences = std::make_unique<ContextPreferences>(m_dir.filePath("orrery.ini"));
}

void TestFreshnessSim::cleanup()
{
    m_server.reset();
    m_preferences.reset();
}

void TestFreshnessSim::viewerIsDeniedSecrets()
{
    const QString kubeconfig = m_dir.filePath("kubeconfig");
    Orrery::Test::SimProcess sim; // stopped when the test returns
    QVERIFY2(sim.start({"--scenario", "pfe"}, kubeconfig), qPrintable(sim.errorString()));

    const Kubeconfig config = Kubeconfig::load(kubeconfig);
    QString viewer; // "<cluster>-viewer", written by the simulator
    for (const QString &name : config.contextNames())
        if (name.endsWith(QLatin1String("-viewer")))
            viewer = name;
    QVERIFY2(config.contextNames().contains(viewer), qPrintable(config.contextNames().join(", ")));
    SessionManager sessions(
        [&config](const QString &context, QObject *parent) -> Result<ClusterSession *> {
            Result<ClusterConnection> connection = config.connection(context);
            if (!connection.ok())
                return connection.error();
            return new ClusterSession(std::move(connection.value()), parent);
        });
    MainWindow window(&sessions, m_preferences.get());
    ResourceBrowser *browser = window.resourceBrowser();
    QList<ContextTreeModel::Entry> entries;
    for (const QString &name : config.contextNames()) {
        const auto c = config.context(name);
        entries << ContextTreeModel::Entry{name, c->clusterName, {}, c->userName, c->namespace_};
    }
    window.setContexts(entries, viewer);
    window.resize(1200, 800);
    window.show();
    window.activateContext(viewer);

    // Pods may be read: rows, no overlay.
    QTRY_VERIFY_WITH_TIMEOUT(browser->tableModel()->rowCount() > 0, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(browser->overlay()->isHidden(), 10000);

    // Secrets may not: the table is covered by the reason and the fix.
    window.selectKind(Kind::Secret);
    MessageOverlay *overlay = browser->overlay();
    QTRY_VERIFY_WITH_TIMEOUT(overlay->isVisible() && overlay->title().contains("may not list"),
                             30000);
    QVERIFY2(overlay->title().contains("secrets"), qPrintable(overlay->title()));
    QVERIFY2(overlay->text().contains("kubectl auth can-i list secrets"),
             qPrintable(overlay->text()));
    QCOMPARE(browser->tableModel()->rowCount(), 0);
    QVERIFY(window.activeSession());
    QCOMPARE(window.activeSession()->health(Kind::Secret).state, WatchHealth::State::Error);
    // A 403 on one kind does not make the whole cluster look broken.
    QVERIFY(window.freshnessIndicator()->state() != FreshnessIndicator::State::Error);

    // Back to a kind the viewer may read: the overlay goes away.
    window.selectKind(Kind::Deployment);
    QTRY_VERIFY_WITH_TIMEOUT(browser->overlay()->isHidden(), 10000);
    QVERIFY(browser->tableModel()->rowCount() > 0);
}

std::unique_ptr<MainWindow> TestFreshnessSim::fakeServerWindow()
{
    const std::string url = m_server->url();
    auto *sessions = new SessionManager([url](const QString &context,
                                              QObject *parent) -> Result<ClusterSession *> {
        ClusterConnection c;
        c.contextName = context;
        c.server = QString::fromStdString(url);
        c.credentials = std::make_shared<Test::TestCredentialProvider>(QList<QByteArray>{"t0k3n"});
        auto *session = new ClusterSession(c, parent);
        session->setOptions(fastOptions());
        session->setKinds({Kind::Pod});
        return session;
    });
    auto window = std::make_unique<MainWindow>(sessions, m_preferences.get());
    sessions->setParent(window.get()); // the window's children go first, then the sessions
    window->setContexts({ContextTreeModel::Entry{
                            "fake", "fake-cluster", QString::fromStdString(url), "tester", {}}},
                        "fake");
    window->resize(1200, 800);
    window->show();
    window->activateContext("fake");
    return window;
}

void TestFreshnessSim::silentWatchesTurnStaleThenLive()
{
    m_server = std::make_unique<Test::FakeApiServer>();
    m_server->setBookmarkIntervalMs(100);
    m_server->put("pods", pod("shop", "web-1"));
    m_server->put("pods", pod("shop", "web-2"));
    QVERIFY(m_server->start());
    // The first watches answer and then say nothing, ever (a half-open connection after a
    // network change): each is dropped at the idle deadline and re-opened, silent again.
    for (int i = 0; i < 6; ++i)
        m_server->addFault("pods", Fault::WatchSilent);
    auto window = fakeServerWindow();
    FreshnessIndicator *indicator = window->freshnessIndicator();

    QTRY_COMPARE_WITH_TIMEOUT(window->resourceBrowser()->tableModel()->rowCount(), 2, 10000);
    // Silence: stale, loudly, over the table, and the rows stay (old data, marked as such).
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), FreshnessIndicator::State::Stale, 15000);
    QVERIFY2(indicator->text().contains("STALE"), qPrintable(indicator->text()));
    QTRY_VERIFY_WITH_TIMEOUT(window->resourceBrowser()->staleBanner()->isVisible(), 5000);
    QVERIFY2(window->resourceBrowser()->staleBanner()->text().contains("out of date"),
             qPrintable(window->resourceBrowser()->staleBanner()->text()));
    QCOMPARE(window->resourceBrowser()->tableModel()->rowCount(), 2);

    // The faults are used up: the next watch streams events and bookmarks, health is Live
    // again, the banner goes, and a change on the server shows.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->pendingFaults(), std::size_t(0), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), FreshnessIndicator::State::Live, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->resourceBrowser()->staleBanner()->isVisible(), 5000);
    m_server->put("pods", pod("shop", "web-3"));
    QTRY_COMPARE_WITH_TIMEOUT(window->resourceBrowser()->tableModel()->rowCount(), 3, 10000);
}

void TestFreshnessSim::serverStopsThenReturns()
{
    m_server = std::make_unique<Test::FakeApiServer>();
    m_server->setBookmarkIntervalMs(100);
    m_server->put("pods", pod("shop", "web-1"));
    QVERIFY(m_server->start());
    auto window = fakeServerWindow();
    FreshnessIndicator *indicator = window->freshnessIndicator();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), FreshnessIndicator::State::Live, 10000);
    QVERIFY(!window->resourceBrowser()->staleBanner()->isVisible());

    m_server->stop();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), FreshnessIndicator::State::Stale, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(window->resourceBrowser()->staleBanner()->isVisible(), 5000);
    QCOMPARE(window->resourceBrowser()->tableModel()->rowCount(),
             1); // the last known rows stay, marked stale

    QVERIFY(m_server->restart({{"pods", pod("shop", "web-1")}, {"pods", pod("shop", "web-2")}}));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), FreshnessIndicator::State::Live, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->resourceBrowser()->staleBanner()->isVisible(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(window->resourceBrowser()->tableModel()->rowCount(), 2, 10000);
}

void TestFreshnessSim::tableFillsPageByPage()
{
    m_server = std::make_unique<Test::FakeApiServer>();
    // Two namespaces listed one after the other; by name their pods interleave, so the second
    // page's rows land above and below the first page's.
    for (int i = 0; i < 1203; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "p%04d", i);
        m_server->put("pods", pod(i % 2 == 0 ? "a" : "b", name));
    }
    m_server->setListBudget(1); // the first page of 500, then the list waits
    QVERIFY(m_server->start());
    auto window = fakeServerWindow();
    ResourceBrowser *browser = window->resourceBrowser();
    QTRY_COMPARE_WITH_TIMEOUT(browser->tableModel()->rowCount(), 500, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(browser->listProgressLabel()->isVisible(), 5000);
    const QString text = browser->listProgressLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("Loading pods")), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(500)), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(1203)), qPrintable(text));
    QVERIFY(browser->listProgressBar()->isVisible());
    QCOMPARE(browser->listProgressBar()->maximum(), 1203);
    QCOMPARE(browser->listProgressBar()->value(), 500);
    QVERIFY(browser->overlay()->isHidden()); // rows, not "Loading…" over an empty table

    // Scrolled away from the top: that row stays at the top while the rest arrives.
    QTableView *table = browser->tableView();
    const QModelIndex row200 = browser->proxyModel()->index(200, 0);
    table->scrollTo(row200, QAbstractItemView::PositionAtTop);
    const QString top = table->indexAt(QPoint(0, 0)).data().toString();
    QCOMPARE(top, QStringLiteral("p0400"));

    m_server->setListBudget(-1);
    QTRY_COMPARE_WITH_TIMEOUT(browser->tableModel()->rowCount(), 1203, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(browser->listProgressLabel()->isHidden(), 5000);
    QVERIFY(browser->listProgressBar()->isHidden());
    QCOMPARE(table->indexAt(QPoint(0, 0)).data().toString(), top);
}

QTEST_MAIN(TestFreshnessSim)
#include "tst_freshness_sim.moc"
