// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: orrery-sim on loopback, its kubeconfig loaded with Kubeconfig, the main window
// connected through ClusterSession. The pods table fills, the details pane follows the
// selection, and a scale through the API (merge PATCH on deployments/scale) shows up as new
// rows without a reset.
#include <contextpreferences.h>
#include <mainwindow.h>
#include <resourcefilterproxymodel.h>
#include <resourcetablemodel.h>
#include <freshnessindicator.h>
#include <contextstrip.h>
#include <messageoverlay.h>

#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/kubeconfig.h>

#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

class TestMainWindowSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void podsFillAndFollowScale();

private:
    int podsNamed(ResourceTableModel *model, const QString &prefix) const;

    QTemporaryDir m_dir;
    QProcess m_sim;
    QString m_kubeconfig;
};

void TestMainWindowSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_kubeconfig = m_dir.filePath("kubeconfig");
    // ORRERY_SIM_BINARY in the environment overrides the one built with the test.
    m_sim.setProgram(qEnvironmentVariable("ORRERY_SIM_BINARY", QStringLiteral(ORRERY_SIM_BINARY)));
    m_sim.setArguments({"--scenario", "microk8s-shop", "--kubeconfig-out", m_kubeconfig});
    m_sim.setProcessChannelMode(QProcess::SeparateChannels);
    m_sim.start();
    QVERIFY2(m_sim.waitForStarted(10000), qPrintable(m_sim.errorString()));
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += m_sim.readAllStandardOutput()).contains("ready "), 60000);
}

void TestMainWindowSim::cleanupTestCase()
{
    if (m_sim.state() != QProcess::NotRunning) {
        m_sim.terminate();
        if (!m_sim.waitForFinished(10000))
            m_sim.kill();
    }
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
    MainWindow window(&preferences);
    window.setSessionFactory([&config](const QString &context, QObject *parent) -> Result<ClusterSession *> {
        Result<ClusterConnection> connection = config.connection(context);
        if (!connection.ok())
            return connection.error();
        return new ClusterSession(std::move(connection.value()), parent);
    });
    QList<ContextTreeModel::Entry> entries;
    for (const QString &name : config.contextNames()) {
        const auto c = config.context(name);
        entries << ContextTreeModel::Entry{name, c->clusterName, {}, c->userName, c->namespace_};
    }
    window.setContexts(entries, config.currentContext());
    QSignalSpy synced(&window, &MainWindow::contextSynced);
    window.show();
    window.activateContext(config.currentContext());
    QCOMPARE(window.activeContext(), config.currentContext());
    QVERIFY(window.contextStrip()->text().contains(config.currentContext()));

    QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, 60000);
    ResourceTableModel *model = window.tableModel();
    QCOMPARE(model->kind(), Kind::Pod);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(podsNamed(model, "mysql-") == 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(window.freshnessIndicator()->state(), FreshnessIndicator::State::Live, 30000);
    QVERIFY(window.tableOverlay()->isHidden());

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
    window.setFilterText("app=mysql");
    QTRY_COMPARE_WITH_TIMEOUT(window.proxyModel()->rowCount(), 3, 10000);

    // Switching kinds and back is instant and keeps the data.
    window.selectKind(Kind::Deployment);
    QVERIFY(window.tableModel()->rowCount() > 0);
    QVERIFY(window.selectObject(Kind::Deployment, "default", "mysql"));
    window.selectKind(Kind::Pod);
    QVERIFY(podsNamed(window.tableModel(), "mysql-") == 3);
}

QTEST_MAIN(TestMainWindowSim)
#include "tst_mainwindow_sim.moc"
