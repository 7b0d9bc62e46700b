// SPDX-License-Identifier: GPL-3.0-or-later
// The Clouds page against orrery-sim's simulated AWS (eks-devops-ppp): the account with its
// identity, the region and the EKS cluster in the tree, and one click on Connect opening the
// cluster in memory (CloudConnections: a SessionManager context made from the account's
// connection, the token made by Orrery, no kubeconfig written) until it has synced. No JSON
// is decoded on the GUI thread (DecodeGuard). A connected cluster is a context of the main
// window's sidebar too, under its account, selectable, until it is disconnected.
#include "simprocess.h"
#include "simwindowfixture.h"

#include <cloudconnections.h>
#include <cloudspage.h>
#include <cloudtreemodel.h>
#include <clustersidebar.h>
#include <contextpreferences.h>
#include <contexttreemodel.h>
#include <mainwindow.h>
#include <sessionmanager.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace Orrery;

class tst_CloudsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void treeAndOneClickConnect();
    void sidebarShowsCloudContexts();

private:
    CloudEnvironment environment();

    QTemporaryDir m_dir;
    Test::SimProcess m_sim;
    QByteArray m_ca;
};

void tst_CloudsSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString caFile = m_dir.filePath(QStringLiteral("services-ca.pem"));
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("eks-devops-ppp"),
                          QStringLiteral("--services-ca-out"), caFile},
                         m_dir.filePath(QStringLiteral("kubeconfig"))),
             qPrintable(m_sim.errorString()));
    QVERIFY(!m_sim.servicesUrl().isEmpty());
    QFile ca(caFile);
    QVERIFY(ca.open(QIODevice::ReadOnly));
    m_ca = ca.readAll();
}

CloudEnvironment tst_CloudsSim::environment()
{
    QFile credentials(m_dir.filePath(QStringLiteral("aws-credentials")));
    if (!credentials.open(QIODevice::WriteOnly))
        return {};
    credentials.write("[devops]\naws_access_key_id = AKIAORRERYSIMADMIN01\n"
                      "aws_secret_access_key = orrery-sim/devops-admin/wJalrXUtnFEMIK7MDENG\n"
                      "region = us-east-1\norrery_regions = us-east-1\n");
    credentials.close();
    CloudEnvironment environment;
    environment.env.insert(QStringLiteral("HOME"), m_dir.path());
    environment.env.insert(QStringLiteral("AWS_CONFIG_FILE"),
                           m_dir.filePath(QStringLiteral("no-config")));
    environment.env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), credentials.fileName());
    environment.servicesFront = QUrl(m_sim.servicesUrl());
    environment.caPem = m_ca;
    return environment;
}

void tst_CloudsSim::sidebarShowsCloudContexts()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
    ContextPreferences preferences(m_dir.filePath(QStringLiteral("sidebar.ini")));
    SessionManager sessions;
    MainWindow window(&sessions, &preferences);
    window.resize(1000, 600);
    window.show();
    ContextTreeModel *tree = window.contextModel();
    QAbstractItemModelTester tester(tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<ContextTreeModel::Entry> kubeconfig{
        {QStringLiteral("kind-local"), QStringLiteral("kind-local"),
         QStringLiteral("https://127.0.0.1:9"), QStringLiteral("admin"), QString()}};
    window.setContexts(kubeconfig, QStringLiteral("kind-local"));
    QCOMPARE(tree->rowCount(), 1);

    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    CloudConnections connections(&accounts, &sessions, {});
    connections.setContextTree(tree);
    QSignalSpy finished(&accounts, &CloudAccounts::refreshFinished);
    accounts.load(environment());
    accounts.refresh();
    QVERIFY(finished.wait(30000));
    const auto eks = accounts.findResource(QStringLiteral("devops-ppp-eks"));
    QVERIFY(eks);
    std::optional<Result<QString>> connected;
    connections.connectCluster(*eks, [&](const Result<QString> &c) { connected = c; });
    QTRY_VERIFY_WITH_TIMEOUT(connected.has_value(), 20000);
    QVERIFY(connected->ok());
    const QString context = connected->value();

    // Under its account's group, after the kubeconfig's clusters, marked as a cloud context.
    QModelIndex item = tree->indexOfContext(context);
    QVERIFY(item.isValid());
    QCOMPARE(item.parent().row(), 1);
    QCOMPARE(item.parent().data().toString(), QStringLiteral("Cloud: AWS devops"));
    QVERIFY(item.parent().data(ContextTreeModel::IsClusterRole).toBool());
    QCOMPARE(item.data(ContextTreeModel::OriginRole).toString(), QStringLiteral("AWS devops"));
    // The group names the account; the item its cluster.
    QCOMPARE(item.data().toString(), QStringLiteral("devops-ppp-eks"));
    QVERIFY(tree->isCloudContext(context));
    QVERIFY(!tree->isCloudContext(QStringLiteral("kind-local")));
    QVERIFY(item.data(Qt::ToolTipRole).toString().contains(QLatin1String("not in the kubeconfig")));
    QVERIFY(tree->contextNames().contains(context));
    QCOMPARE(window.sidebar()->currentIndex(), item); // the active context, selected
    QTRY_COMPARE_WITH_TIMEOUT(tree->connectionState(context),
                              ContextTreeModel::ConnectionState::Connected, 30000);

    // Selectable like any context: a click on it in the sidebar makes it active again.
    sessions.setActiveContext(QStringLiteral("kind-local"));
    QCOMPARE(sessions.activeContext(), QStringLiteral("kind-local"));
    ClusterSidebar *sidebar = window.sidebar();
    const QRect rect = sidebar->visualRect(tree->indexOfContext(context));
    QVERIFY(rect.isValid());
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(sessions.activeContext(), context);

    // A new kubeconfig keeps it, connected; a reconnect keeps it.
    window.setContexts(kubeconfig, QStringLiteral("kind-local"));
    item = tree->indexOfContext(context);
    QVERIFY(item.isValid());
    QCOMPARE(tree->connectionState(context), ContextTreeModel::ConnectionState::Connected);
    sessions.reconnectContext(context);
    QTest::qWait(50);
    QVERIFY(tree->indexOfContext(context).isValid());
    QVERIFY(connections.contains(context));

    // Disconnected: gone from the tree, its group too, and the connection forgotten.
    QSignalSpy removed(&connections, &CloudConnections::contextRemoved);
    emit sidebar->disconnectRequested(context);
    QVERIFY(removed.wait(5000));
    QVERIFY(!tree->indexOfContext(context).isValid());
    QCOMPARE(tree->rowCount(), 1);
    QVERIFY(!connections.contains(context));
    QVERIFY(!tree->contextNames().contains(context));
}

void tst_CloudsSim::treeAndOneClickConnect()
{
    const quint64 decodes = Test::guiThreadDecodeCount();
    QFile credentials(m_dir.filePath(QStringLiteral("aws-credentials")));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write("[devops]\naws_access_key_id = AKIAORRERYSIMADMIN01\n"
                      "aws_secret_access_key = orrery-sim/devops-admin/wJalrXUtnFEMIK7MDENG\n"
                      "region = us-east-1\norrery_regions = us-east-1, eu-west-1\n");
    credentials.close();
    CloudEnvironment environment;
    environment.env = QProcessEnvironment();
    environment.env.insert(QStringLiteral("HOME"), m_dir.path());
    environment.env.insert(QStringLiteral("AWS_CONFIG_FILE"),
                           m_dir.filePath(QStringLiteral("no-config")));
    environment.env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), credentials.fileName());
    environment.servicesFront = QUrl(m_sim.servicesUrl());
    environment.caPem = m_ca;

    CloudAccounts accounts;
    accounts.addBuiltinFactories();
    CloudTreeModel model(&accounts);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CloudsPage page(&model);
    page.resize(900, 500);
    page.show();
    SessionManager sessions;
    CloudConnections connections(&accounts, &sessions, {});

    QSignalSpy finished(&accounts, &CloudAccounts::refreshFinished);
    accounts.load(environment); // the model asks for a refresh at once
    QVERIFY(finished.wait(30000));
    const QModelIndex account = model.accountIndex(QStringLiteral("aws:devops"));
    QVERIFY(account.isValid());
    QCOMPARE(account.data().toString(), QStringLiteral("AWS devops"));
    QCOMPARE(account.siblingAtColumn(CloudTreeModel::StatusColumn).data().toString(),
             QStringLiteral("devops-admin"));
    QCOMPARE(model.rowCount(account), 1); // us-east-1 only: eu-west-1 has nothing
    const QModelIndex region = model.index(0, 0, account);
    QCOMPARE(region.data().toString(), QStringLiteral("us-east-1"));
    const QModelIndex eks = model.index(0, 0, region);
    QCOMPARE(eks.data().toString(), QStringLiteral("devops-ppp-eks"));
    QCOMPARE(eks.siblingAtColumn(CloudTreeModel::StatusColumn).data().toString(),
             QStringLiteral("ACTIVE"));
    QVERIFY(page.view()->isExpanded(region));

    // One click: select, Connect.
    auto *connect = page.findChild<QPushButton *>(QStringLiteral("cloudsConnect"));
    QVERIFY(connect);
    QVERIFY(!connect->isEnabled());
    QVERIFY(page.selectResource(eks.data(CloudTreeModel::RefRole).toString()));
    QVERIFY(connect->isEnabled());
    QSignalSpy synced(&sessions, &SessionManager::contextSynced);
    std::optional<Result<QString>> connected;
    QObject::connect(
        &page, &CloudsPage::connectRequested, &connections, [&](const CloudResource &cluster) {
            connections.connectCluster(cluster, [&](const Result<QString> &c) { connected = c; });
        });
    QTest::mouseClick(connect, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(connected.has_value(), 20000);
    QVERIFY2(connected->ok(),
             qPrintable(connected->ok() ? QString() : connected->error().toString()));
    const QString context = connected->value();
    QCOMPARE(context, QStringLiteral("devops-ppp-eks (AWS devops)"));
    QVERIFY(connections.contains(context));
    QCOMPARE(sessions.activeContext(), context);
    QTRY_VERIFY_WITH_TIMEOUT(sessions.isSynced(context), 30000);
    ClusterSession *session = sessions.session(context);
    QVERIFY(session);
    QCOMPARE(session->connection().credentials->authKind(), QStringLiteral("eks"));
    // Synced means listed; a freshly started simulator may still be creating its pods, which
    // then arrive through the watch.
    QTRY_VERIFY_WITH_TIMEOUT(session->store()->objects(Kind::Pod).size() > 0, 20000);
    // No kubeconfig anywhere in this test's home.
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral(".kube/config"))));

    // Connecting again makes it active again, without a second session.
    connected.reset();
    QTest::mouseClick(connect, Qt::LeftButton);
    QTRY_VERIFY(connected.has_value());
    QCOMPARE(sessions.session(context), session);

    QVERIFY2(Test::guiThreadDecodeCount() == decodes, Test::guiThreadDecodes().constData());
}

QTEST_MAIN(tst_CloudsSim)
#include "tst_clouds_sim.moc"
