// SPDX-License-Identifier: GPL-3.0-or-later
// The Helm releases page against orrery-sim's aks-chat scenario, whose release Secrets the
// simulator writes as Helm does: the list, a release's history, values and manifest of a
// revision, a diff of two revisions, and the rollback request.
#include "eventloopwait.h"
#include "simprocess.h"
#include "simwindowfixture.h"
#include <audit/auditlog.h>
#include <helm/helmpage.h>
#include <operations/helmreleaserollback.h>

#include <kube/clustersession.h>
#include <kube/kubeconfig.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

#include <functional>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

QTreeWidgetItem *row(QTreeWidget *tree, int column, const QString &text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(column) == text)
            return tree->topLevelItem(i);
    return nullptr;
}

} // namespace

class tst_HelmPage : public QObject
{
    Q_OBJECT

private slots:
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void initTestCase();
    void cleanupTestCase();
    void releasesHistoryValuesDiffRollback();
    void viewerIsToldWhy();
    void rollbackNeedsPermission();

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;
};

void tst_HelmPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("aks-chat")}, m_kubeconfig),
             qPrintable(m_sim.errorString()));
}

void tst_HelmPage::cleanupTestCase()
{
    m_sim.stop();
}

void tst_HelmPage::releasesHistoryValuesDiffRollback()
{
    const Kubeconfig config = Kubeconfig::load(m_kubeconfig);
    const QString context = QStringLiteral("aks-chat-francecentral");
    auto connection = config.connection(context);
    QVERIFY2(connection.ok(),
             qPrintable(connection.ok() ? QString() : connection.error().toString()));
    // Only the transport is used: the page reads Secrets itself (the store never keeps them).
    ClusterSession session(std::move(*connection));

    HelmPage page;
    page.resize(1400, 900);
    QSignalSpy loaded(&page, &HelmPage::loaded);
    page.setSession(&session);
    QCOMPARE(page.fetches(), 0); // hidden: nothing fetched yet
    page.show();                 // shown: reads the releases
    QVERIFY2(waitUntil([&] { return page.releaseList()->topLevelItemCount() > 0; }, 30000),
             qPrintable(page.statusLabel()->text()));

    QTreeWidgetItem *chat = row(page.releaseList(), 0, QStringLiteral("chat-app"));
    QVERIFY(chat);
    QCOMPARE(chat->text(1), QStringLiteral("production"));
    QVERIFY(!chat->text(2).isEmpty()); // chart
    QVERIFY(!chat->text(3).isEmpty()); // chart version
    QCOMPARE(chat->text(5), QStringLiteral("3"));
    QCOMPARE(chat->text(6), QStringLiteral("deployed"));
    QVERIFY(!chat->text(7).isEmpty()); // updated
    QVERIFY2(page.statusLabel()->text().contains(context), qPrintable(page.statusLabel()->text()));

    // Selecting it re-reads its Secrets and shows the history, newest first.
    const int fetches = page.fetches();
    QVERIFY(page.selectRelease(QStringLiteral("production"), QStringLiteral("chat-app")));
    QVERIFY(waitUntil([&] { return page.fetches() > fetches; }, 30000));
    QTreeWidget *history = page.historyList();
    QCOMPARE(history->topLevelItemCount(), 3);
    QCOMPARE(history->topLevelItem(0)->text(0), QStringLiteral("3"));
    QCOMPARE(history->topLevelItem(0)->text(2), QStringLiteral("deployed"));
    QCOMPARE(history->topLevelItem(1)->text(2), QStringLiteral("superseded"));
    QVERIFY(!history->topLevelItem(2)->text(5).isEmpty()); // description ("Install complete")
    // The current revision is selected: rolling back to it makes no sense.
    QVERIFY(!page.rollbackButton()->isEnabled());
    QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
    QVERIFY(page.manifestView()->toPlainText().contains(QLatin1String("kind: Deployment")));

    // Revision 2: its values and manifest, and the rollback offer.
    QVERIFY(page.selectRevision(2));
    QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
    const QString manifest2 = page.manifestView()->toPlainText();
    QVERIFY(manifest2.contains(QLatin1String("kind: ")));
    QVERIFY(!page.valuesView()->toPlainText().isEmpty());
    QVERIFY(page.rollbackButton()->isEnabled());
    QCOMPARE(page.rollbackButton()->text(), QStringLiteral("Roll back to revision 2…"));
    QSignalSpy rollback(&page, &HelmPage::rollbackRequested);
    QTest::mouseClick(page.rollbackButton(), Qt::LeftButton);
    QCOMPARE(rollback.count(), 1);
    QCOMPARE(rollback.first().at(0).toString(), context);
    QCOMPARE(rollback.first().at(1).toString(), QStringLiteral("production"));
    QCOMPARE(rollback.first().at(2).toString(), QStringLiteral("chat-app"));
    QCOMPARE(rollback.first().at(3).toInt(), 2);

    // Diff: previous against current by default, as a unified diff.
    QCOMPARE(page.diffFrom()->currentText(), QStringLiteral("2"));
    QCOMPARE(page.diffTo()->currentText(), QStringLiteral("3"));
    QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
    const QString diff = page.diffView()->toPlainText();
    QVERIFY2(diff.startsWith(QLatin1String("--- chat-app v2")), qPrintable(diff.left(200)));
    QVERIFY(diff.contains(QLatin1String("+++ chat-app v3")));
    page.diffFrom()->setCurrentIndex(page.diffFrom()->findText(QStringLiteral("1")));
    QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
    QVERIFY(page.diffView()->toPlainText().startsWith(QLatin1String("--- chat-app v1")));
    page.diffKind()->setCurrentIndex(1); // values
    QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
    QVERIFY(!page.diffView()->toPlainText().isEmpty());
    page.diffFrom()->setCurrentIndex(page.diffFrom()->findText(QStringLiteral("3")));
    QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
    QVERIFY(page.diffView()->toPlainText().contains(QLatin1String("do not differ")));

    if (const QString shots = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !shots.isEmpty()) {
        page.diffFrom()->setCurrentIndex(page.diffFrom()->findText(QStringLiteral("2")));
        page.diffKind()->setCurrentIndex(0);
        page.tabs()->setCurrentIndex(2);
        QVERIFY(page.selectRevision(2));
        QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
        QCoreApplication::processEvents();
        QVERIFY(page.grab().save(shots + QStringLiteral("/helm-page.png")));
    }
}

// The viewer user may not read Secrets, where Helm keeps its releases: the page says so
// instead of showing an empty list or a raw 403.
void tst_HelmPage::viewerIsToldWhy()
{
    auto connection = Kubeconfig::load(m_kubeconfig)
                          .connection(QStringLiteral("aks-chat-francecentral-viewer"));
    QVERIFY(connection.ok());
    ClusterSession session(std::move(*connection));
    HelmPage page;
    QSignalSpy loaded(&page, &HelmPage::loaded);
    page.setSession(&session);
    page.show();
    QVERIFY(waitUntil([&] { return loaded.count() >= 1; }, 30000));
    QCOMPARE(page.releaseList()->topLevelItemCount(), 0);
    QVERIFY2(page.statusLabel()->text().startsWith(QLatin1String("You may not read Secrets here")),
             qPrintable(page.statusLabel()->text()));
}

// Permission first: the Rollback button waits for the SelfSubjectAccessReviews a rollback needs
// (HelmReleaseRollback::checkAccess) and stays disabled with the reason when the server says
// no. The viewer cannot list the release Secrets at all, so the page reads them as the admin
// while the checks are asked as the viewer: the situation of a user who may read Secrets but
// not write them.
void tst_HelmPage::rollbackNeedsPermission()
{
    const Kubeconfig config = Kubeconfig::load(m_kubeconfig);
    auto adminConnection = config.connection(QStringLiteral("aks-chat-francecentral"));
    auto viewerConnection = config.connection(QStringLiteral("aks-chat-francecentral-viewer"));
    QVERIFY(adminConnection.ok() && viewerConnection.ok());
    ClusterSession admin(std::move(*adminConnection));
    ClusterSession viewer(std::move(*viewerConnection));
    ClusterSession *checker = &viewer;

    HelmPage page;
    page.resize(1200, 800);
    int checks = 0;
    page.setRollbackCheck([&](const HelmRelease &current, const HelmRelease &target,
                              QObject *context, std::function<void(const QString &)> done) {
        ++checks;
        QCOMPARE(current.version, 3);
        HelmReleaseRollback::checkAccess(checker, current, target, context, std::move(done));
    });
    page.setSession(&admin);
    page.show();
    QVERIFY(waitUntil([&] { return page.releaseList()->topLevelItemCount() > 0; }, 30000));
    const int fetches = page.fetches();
    QVERIFY(page.selectRelease(QStringLiteral("production"), QStringLiteral("chat-app")));
    QVERIFY(waitUntil(
        [&] { return page.fetches() > fetches && page.historyList()->topLevelItemCount() == 3; },
        30000));

    // The current revision asks nothing; an earlier one asks and waits for the answer.
    QCOMPARE(checks, 0);
    QVERIFY(page.selectRevision(2));
    QCOMPARE(checks, 1);
    QVERIFY(!page.rollbackButton()->isEnabled());
    QCOMPARE(page.rollbackButton()->toolTip(), QStringLiteral("Checking permission…"));
    QVERIFY2(waitUntil([&] { return page.rollbackNote()->isVisibleTo(&page); }, 15000),
             qPrintable(page.rollbackButton()->toolTip()));
    QVERIFY(!page.rollbackButton()->isEnabled());
    const QString denial = page.rollbackButton()->toolTip();
    QVERIFY2(denial.startsWith(
                 QLatin1String("Not allowed: you may not get secrets in namespace production."))
                 && denial.contains(QLatin1String("Helm keeps every revision")),
             qPrintable(denial));
    QCOMPARE(page.rollbackNote()->text(), denial);
    if (const QString shots = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(page.grab().save(shots + QStringLiteral("/helm-page-denied.png")));

    // The same page with the admin's answers: enabled, no note.
    checker = &admin;
    QVERIFY(page.selectRevision(1));
    QVERIFY(waitUntil([&] { return page.rollbackButton()->isEnabled(); }, 15000));
    QVERIFY(!page.rollbackNote()->isVisibleTo(&page));
    QCOMPARE(page.rollbackButton()->text(), QStringLiteral("Roll back to revision 1…"));
}

void tst_HelmPage::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(tst_HelmPage)
#include "tst_helmpage.moc"
