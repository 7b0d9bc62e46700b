// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: orrery-sim on loopback, its kubeconfig loaded with Kubeconfig, the main window
// connected through ClusterSession. The pods table fills, the details pane follows the
// selection, and a scale through the API (merge PATCH on deployments/scale) shows up as new
// rows without a reset. A wake-up (the clock-jump signal) after the watches' connections died
// half-open relists in place and brings what changed meanwhile. The layout and selection are
// restored by a second window with the same settings file.
#include "simwindowfixture.h"
#include <contextpreferences.h>
#include <contextstrip.h>
#include <errorpresenter.h>
#include <freshnessindicator.h>
#include <mainwindow.h>
#include <messageoverlay.h>
#include <resourcebrowser.h>
#include <resourcefilterproxymodel.h>
#include <resourcetablemodel.h>
#include <sessionmanager.h>

#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/kubeconfig.h>

#include <clockjumpdetector.h>

#include <simprocess.h>

#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Orrery;

namespace {

// A TCP relay in front of orrery-sim. cutExisting() is what a laptop sleep or a Wi-Fi/VPN
// switch does to open connections: they stay "open" on the client's side and never carry a
// byte again (half-open), while new connections work. TLS passes through untouched.
class HalfOpenRelay : public QObject
{
public:
    explicit HalfOpenRelay(quint16 targetPort)
        : m_targetPort(targetPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                relay(client);
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    void cutExisting()
    {
        for (const auto &pair : std::as_const(m_pairs))
            if (pair.first)
                pair.first->setProperty("dead", true);
    }
    int deadConnections() const
    {
        int n = 0;
        for (const auto &pair : m_pairs)
            n += pair.first && pair.first->property("dead").toBool();
        return n;
    }

private:
    void relay(QTcpSocket *client)
    {
        auto *upstream = new QTcpSocket(client);
        m_pairs.append(
            std::make_pair(QPointer<QTcpSocket>(client), QPointer<QTcpSocket>(upstream)));
        auto pump = [client](QTcpSocket *from, QTcpSocket *to) {
            if (client->property("dead").toBool() || to->state() != QAbstractSocket::ConnectedState)
                return; // a dead connection swallows everything, in both directions
            to->write(from->readAll());
        };
        connect(client, &QTcpSocket::readyRead, this, [=] { pump(client, upstream); });
        connect(upstream, &QTcpSocket::connected, this, [=] { pump(client, upstream); });
        connect(upstream, &QTcpSocket::readyRead, this, [=] { pump(upstream, client); });
        connect(client, &QTcpSocket::disconnected, this, [=] {
            if (!client->property("dead").toBool())
                upstream->disconnectFromHost();
        });
        connect(upstream, &QTcpSocket::disconnected, this, [=] {
            if (!client->property("dead").toBool())
                client->disconnectFromHost();
        });
        upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }

    QTcpServer m_server;
    quint16 m_targetPort;
    QList<std::pair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
};

} // namespace

class TestMainWindowSim : public QObject
{
    Q_OBJECT

private slots:
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void initTestCase();
    void cleanupTestCase();
    void podsFillAndFollowScale();
    void wakeUpRelistsInPlace();
    void layoutAndSelectionRestored();

private:
    int podsNamed(ResourceTableModel *model, const QString &prefix) const;
    // A window on the sim's current context; `port` replaces the server's port (the relay).
    std::unique_ptr<MainWindow> makeWindow(ContextPreferences *preferences, int port = -1,
                                           const QString &settingsFile = {});
    int scaleMysql(ClusterSession *session, int replicas); // HTTP status

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;
};

void TestMainWindowSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Nothing this test remembers (or a Theme change) reaches the shared test HOME.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
    m_kubeconfig = m_dir.filePath("kubeconfig");
    // ORRERY_SIM_BINARY in the environment overrides the one built with the test.
    QVERIFY2(m_sim.start({"--scenario", "microk8s-shop"}, m_kubeconfig),
             qPrintable(m_sim.errorString()));
}

void TestMainWindowSim::cleanupTestCase()
{
    m_sim.stop();
}

int TestMainWindowSim::podsNamed(ResourceTableModel *model, const QString &prefix) const
{
    int n = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        const KubeObjectPtr o = model->objectAt(r);
        if (o && o->name.startsWith(prefix) && !o->deletionTimestamp)
            ++n;
    }
    return n;
}

void TestMainWindowSim::podsFillAndFollowScale()
{
    const Kubeconfig config = Kubeconfig::load(m_kubeconfig);
    QVERIFY(!config.currentContext().isEmpty());
    ContextPreferences preferences(m_dir.filePath("orrery.ini"));
    SessionManager sessions(
        [&config](const QString &context, QObject *parent) -> Result<ClusterSession *> {
            Result<ClusterConnection> connection = config.connection(context);
            if (!connection.ok())
                return connection.error();
            return new ClusterSession(std::move(connection.value()), parent);
        });
    MainWindow window(&sessions, &preferences);
    ResourceBrowser *browser = window.resourceBrowser();
    QList<ContextTreeModel::Entry> entries;
    for (const QString &name : config.contextNames()) {
        const auto c = config.context(name);
        entries << ContextTreeModel::Entry{name, c->clusterName, {}, c->userName, c->namespace_};
    }
    window.setContexts(entries, config.currentContext());
    QSignalSpy synced(&sessions, &SessionManager::contextSynced);
    window.show();
    window.activateContext(config.currentContext());
    QCOMPARE(window.activeContext(), config.currentContext());
    QVERIFY(window.contextStrip()->text().contains(config.currentContext()));

    QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, 60000);
    ResourceTableModel *model = browser->tableModel();
    QCOMPARE(model->kind(), Kind::Pod);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(podsNamed(model, "mysql-") == 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(window.freshnessIndicator()->state(), FreshnessIndicator::State::Live,
                              30000);
    QVERIFY(browser->overlay()->isHidden());

    // Selecting a row shows it in the details pane.
    window.tableView()->selectRow(0);
    QVERIFY(window.detailsPane()->object());

    // Scale mysql to 3 through the API, as kubectl scale does.
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    ApiRequest patch;
    patch.method = "PATCH";
    patch.path = "/apis/apps/v1/namespaces/default/deployments/mysql/scale";
    patch.contentType = "application/merge-patch+json";
    patch.body = R"({"spec":{"replicas":3}})";
    bool answered = false;
    int status = 0;
    window.activeSession()->transport()->send(patch, this, [&](const Result<ApiResponse> &r) {
        answered = true;
        status = r.ok() ? r.value().status : -1;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    QCOMPARE(status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(podsNamed(model, "mysql-") == 3, 30000);
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(resets.count(), 0); // incremental, no reset

    // The filter narrows the live table to the scaled pods.
    browser->setFilterText("app=mysql");
    QTRY_COMPARE_WITH_TIMEOUT(browser->proxyModel()->rowCount(), 3, 10000);

    // Switching kinds and back is instant and keeps the data.
    window.selectKind(Kind::Deployment);
    QVERIFY(browser->tableModel()->rowCount() > 0);
    QVERIFY(window.selectObject(Kind::Deployment, "default", "mysql"));
    window.selectKind(Kind::Pod);
    QVERIFY(podsNamed(browser->tableModel(), "mysql-") == 3);
}

std::unique_ptr<MainWindow> TestMainWindowSim::makeWindow(ContextPreferences *preferences, int port,
                                                          const QString &settingsFile)
{
    auto config = std::make_shared<Kubeconfig>(Kubeconfig::load(m_kubeconfig));
    auto *sessions = new SessionManager(
        [config, port](const QString &context, QObject *parent) -> Result<ClusterSession *> {
            Result<ClusterConnection> connection = config->connection(context);
            if (!connection.ok())
                return connection.error();
            if (port > 0) {
                QUrl url(connection.value().server);
                url.setPort(port);
                connection.value().server = url.toString();
            }
            return new ClusterSession(std::move(connection.value()), parent);
        });
    auto window = std::make_unique<MainWindow>(sessions, preferences);
    sessions->setParent(window.get()); // the window's children go first, then the sessions
    if (!settingsFile.isEmpty())
        window->enableStatePersistence(settingsFile);
    QList<ContextTreeModel::Entry> entries;
    for (const QString &name : config->contextNames()) {
        const auto c = config->context(name);
        entries << ContextTreeModel::Entry{name, c->clusterName, {}, c->userName, c->namespace_};
    }
    window->setContexts(entries, config->currentContext());
    return window;
}

int TestMainWindowSim::scaleMysql(ClusterSession *session, int replicas)
{
    ApiRequest patch;
    patch.method = "PATCH";
    patch.path = "/apis/apps/v1/namespaces/default/deployments/mysql/scale";
    patch.contentType = "application/merge-patch+json";
    patch.body = QStringLiteral(R"({"spec":{"replicas":%1}})").arg(replicas).toUtf8();
    bool answered = false;
    int status = 0;
    session->transport()->send(patch, this, [&](const Result<ApiResponse> &r) {
        answered = true;
        status = r.ok() ? r.value().status : -1;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 10000))
        return -2;
    return status;
}

void TestMainWindowSim::wakeUpRelistsInPlace()
{
    const Kubeconfig config = Kubeconfig::load(m_kubeconfig);
    const Result<ClusterConnection> direct = config.connection(config.currentContext());
    QVERIFY(direct.ok());
    HalfOpenRelay relay(quint16(QUrl(direct.value().server).port()));
    QVERIFY(relay.listen());
    ContextPreferences preferences(m_dir.filePath("wake.ini"));
    auto window = makeWindow(&preferences, relay.port());
    QSignalSpy synced(window->sessions(), &SessionManager::contextSynced);
    window->resize(1200, 800);
    window->show();
    window->activateContext(config.currentContext());
    QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, 60000);
    ResourceTableModel *model = window->resourceBrowser()->tableModel();
    QTRY_VERIFY_WITH_TIMEOUT(podsNamed(model, "mysql-") >= 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(window->freshnessIndicator()->state(),
                              FreshnessIndicator::State::Live, 30000);
    QTest::qWait(1000); // let a scale from an earlier test settle
    const int before = podsNamed(model, "mysql-");

    // The lid closes: every open connection (the watches among them) dies half-open. A change
    // made meanwhile, through a connection of its own, reaches the cluster but not the window.
    relay.cutExisting();
    QVERIFY(relay.deadConnections() > 0);
    ClusterSession other(direct.value());
    QCOMPARE(scaleMysql(&other, before + 2), 200);
    QTest::qWait(3000);
    QCOMPARE(podsNamed(model, "mysql-"), before); // the dead watches brought nothing

    // The wake-up: relist in place, say so, keep the rows, come back live with the change.
    int fewestRows = model->rowCount();
    QVERIFY(fewestRows > 0);
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            [&] { fewestRows = qMin(fewestRows, model->rowCount()); });
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    QElapsedTimer relist;
    relist.start();
    emit window->sessions()->clockJumpDetector()->jumped(90000);
    const QString status = window->errorPresenter()->statusLabel()->text();
    QVERIFY2(status.contains("Reloading all clusters") && status.contains("woke up"),
             qPrintable(status));
    QVERIFY2(status.contains("90 s"), qPrintable(status));
    QTRY_COMPARE_WITH_TIMEOUT(podsNamed(model, "mysql-"), before + 2, 30000);
    qInfo("the change made during the gap showed %lld ms after the wake-up",
          qint64(relist.elapsed()));
    QTRY_COMPARE_WITH_TIMEOUT(window->freshnessIndicator()->state(),
                              FreshnessIndicator::State::Live, 30000);
    QCOMPARE(resets.count(), 0);
    QVERIFY2(fewestRows > 0, "the table emptied during the relist");
    QVERIFY(window->resourceBrowser()->overlay()->isHidden());

    QCOMPARE(scaleMysql(&other, before), 200); // leave the scenario as found
}

void TestMainWindowSim::layoutAndSelectionRestored()
{
    const Kubeconfig config = Kubeconfig::load(m_kubeconfig);
    const QString context = config.currentContext();
    const QString settingsFile = m_dir.filePath("window.ini");
    ContextPreferences preferences(m_dir.filePath("restore.ini"));
    QList<int> mainSizes;
    QList<int> tableSizes;
    {
        auto window = makeWindow(&preferences, -1, settingsFile);
        QCOMPARE(window->lastContext(), QString()); // nothing remembered yet
        QSignalSpy synced(window->sessions(), &SessionManager::contextSynced);
        window->resize(1100, 720);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->activateContext(context);
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, 60000);
        window->selectKind(Kind::Deployment);
        QTRY_VERIFY_WITH_TIMEOUT(window->resourceBrowser()->tableModel()->rowCount() > 0, 10000);
        window->tableView()->setColumnWidth(1, 333);
        window->mainSplitter()->setSizes({310, 790});
        // The details pane is shown (and its splitter handle there to drag) with a selection.
        QVERIFY(window->selectObject(Kind::Deployment, "default", "mysql"));
        window->resourceBrowser()->tableSplitter()->setSizes({400, 390});
        mainSizes = window->mainSplitter()->sizes();
        tableSizes = window->resourceBrowser()->tableSplitter()->sizes();
        window->showDetailsTab(DetailsPane::YamlTab);
        QVERIFY(window->close()); // saves
    }
    QSettings stored(settingsFile, QSettings::IniFormat);
    QCOMPARE(stored.value("session/context").toString(), context);
    QCOMPARE(stored.value("session/kind").toString(), QString("Deployment"));
    QCOMPARE(stored.value("session/object").toString(), QString("default/mysql"));

    auto window = makeWindow(&preferences, -1, settingsFile);
    QCOMPARE(window->lastContext(), context);
    QCOMPARE(window->size(), QSize(1100, 720));
    QSignalSpy synced(window->sessions(), &SessionManager::contextSynced);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->activateContext(window->lastContext());
    QCOMPARE(window->currentKind(), Kind::Deployment);
    QCOMPARE(window->mainSplitter()->sizes(), mainSizes);
    QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(window->selectedObject() && window->selectedObject()->name == "mysql",
                             10000);
    // The details pane collapses while nothing is selected: its size is back with the object
    // (to the splitter handle's width, which the hidden pane did not have).
    const QSplitter *tableSplitter = window->resourceBrowser()->tableSplitter();
    QCOMPARE(tableSplitter->sizes().size(), tableSizes.size());
    const auto close = [&] {
        for (int i = 0; i < tableSizes.size(); ++i)
            if (qAbs(tableSplitter->sizes().at(i) - tableSizes.at(i))
                > tableSplitter->handleWidth())
                return false;
        return true;
    };
    QTRY_VERIFY2(
        close(),
        qPrintable(
            QStringLiteral("%1 vs %2").arg(tableSplitter->sizes().at(0)).arg(tableSizes.at(0))));
    QCOMPARE(window->tableView()->columnWidth(1), 333);
    const auto *tabs
        = window->detailsPane()->findChild<QTabWidget *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(tabs);
    QCOMPARE(tabs->currentIndex(), int(DetailsPane::YamlTab));
    // Pods were never laid out by hand or stored: they are measured as before.
    window->selectKind(Kind::Pod);
    QTRY_VERIFY_WITH_TIMEOUT(window->resourceBrowser()->tableModel()->rowCount() > 0, 10000);
    window.reset(); // closed without close(): nothing saved, the file is unchanged

    // An object deleted while Orrery was closed is skipped without a word.
    {
        QSettings edit(settingsFile, QSettings::IniFormat);
        edit.setValue("session/object", "default/gone-meanwhile");
    }
    auto third = makeWindow(&preferences, -1, settingsFile);
    QSignalSpy synced3(third->sessions(), &SessionManager::contextSynced);
    third->show();
    third->activateContext(third->lastContext());
    QTRY_VERIFY_WITH_TIMEOUT(synced3.count() >= 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(third->resourceBrowser()->tableModel()->rowCount() > 0, 10000);
    QTest::qWait(500);
    QCOMPARE(third->currentKind(), Kind::Deployment);
    QVERIFY(!third->selectedObject());
    QVERIFY2(third->errorPresenter()->statusLabel()->text().isEmpty(),
             qPrintable(third->errorPresenter()->statusLabel()->text()));
}

void TestMainWindowSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(TestMainWindowSim)
#include "tst_mainwindow_sim.moc"
