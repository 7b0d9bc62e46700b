// SPDX-License-Identifier: GPL-3.0-or-later
// The Clouds page against orrery-sim's simulated AWS (eks-devops-ppp): the account with its
// identity, the region and the EKS cluster in the tree, and one click on Connect opening the
// cluster in memory (CloudConnections: a SessionManager context made from the account's
// connection, the token made by Orrery, no kubeconfig written) until it has synced. No JSON
// is decoded on the GUI thread (DecodeGuard).
#include "simprocess.h"
#include "simwindowfixture.h"

#include <cloudconnections.h>
#include <cloudspage.h>
#include <cloudtreemodel.h>
#include <sessionmanager.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
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

private:
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
