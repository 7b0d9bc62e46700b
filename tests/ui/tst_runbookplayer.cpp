// SPDX-License-Identifier: GPL-3.0-or-later
// The runbook player end to end against orrery-sim (aks-chat): the shipped Helm rollback
// runbook found for the context, confirmation before the start, one step per key press
// (PageDown as clickers send, Right, Space), captions shown large, outcomes per step, the
// audit log written and the release history read back; and the refusals (pinned context,
// protected context without the typed name).
#include "eventloopwait.h"
#include "simprocess.h"
#include "simwindowfixture.h"
#include <contextpreferences.h>
#include <operations/confirmdialog.h>
#include <runbook/runbookplayer.h>
#include <util/async.h>

#include <audit/auditlog.h>
#include <helm/helmreleases.h>
#include <kube/actions/resourcepath.h>
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/kubeconfig.h>
#include <runbook/runbookrunner.h>

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

#include <functional>
#include <optional>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

QString outcomes(QTreeWidget *steps)
{
    QStringList lines;
    for (int i = 0; i < steps->topLevelItemCount(); ++i)
        lines << steps->topLevelItem(i)->text(0) + QLatin1Char(' ')
                     + steps->topLevelItem(i)->text(1) + QStringLiteral(" => ")
                     + steps->topLevelItem(i)->text(2);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_RunbookPlayer : public QObject
{
    Q_OBJECT

private slots:
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void initTestCase();
    void cleanupTestCase();
    void refusesAnotherContext();
    void protectedContextNeedsTheName();
    void playsHelmRollbackStepByStep();
    void showsExpectationStates();
    void destroyedWhileAStepIsInFlight();

private:
    std::unique_ptr<ClusterSession> session(const QString &context);

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;
    const QString m_context = QStringLiteral("aks-chat-francecentral");
};

void tst_RunbookPlayer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("aks-chat"),
                          QStringLiteral("--speed"), QStringLiteral("4")},
                         m_kubeconfig),
             qPrintable(m_sim.errorString()));
}

void tst_RunbookPlayer::cleanupTestCase()
{
    m_sim.stop();
}

std::unique_ptr<ClusterSession> tst_RunbookPlayer::session(const QString &context)
{
    auto connection = Kubeconfig::load(m_kubeconfig).connection(context);
    if (!connection)
        return {};
    return std::make_unique<ClusterSession>(std::move(*connection));
}

void tst_RunbookPlayer::refusesAnotherContext()
{
    // The operator context reaches the same cluster, but the runbook is pinned to the admin one.
    auto s = session(m_context + QStringLiteral("-operator"));
    QVERIFY(s);
    RunbookPlayer player;
    AuditLog audit(m_dir.filePath(QStringLiteral("audit-refused")));
    player.setAuditLog(&audit);
    player.setSession(s.get());
    QVERIFY(!player.shippedList()->isEnabled()); // nothing shipped for this context
    QVERIFY(player
                .loadFile(
                    QStringLiteral(ORRERY_TEST_DATA "/../../resources/runbooks/helm-rollback.yaml"))
                .ok());
    player.show();
    player.requestStart();
    QVERIFY(!player.confirmDialog());
    QVERIFY(!player.isRunning());
    QVERIFY2(player.statusLabel()->text().contains(
                 QLatin1String("pinned to context \"aks-chat-francecentral\"")),
             qPrintable(player.statusLabel()->text()));
}

void tst_RunbookPlayer::protectedContextNeedsTheName()
{
    auto s = session(m_context);
    QVERIFY(s);
    ContextPreferences preferences(m_dir.filePath(QStringLiteral("protected.ini")));
    preferences.setProtected(m_context, true);
    RunbookPlayer player;
    player.setPreferences(&preferences);
    AuditLog audit(m_dir.filePath(QStringLiteral("audit-protected")));
    player.setAuditLog(&audit);
    player.setSession(s.get());
    QVERIFY(player
                .loadFile(
                    QStringLiteral(ORRERY_TEST_DATA "/../../resources/runbooks/helm-rollback.yaml"))
                .ok());
    player.show();
    player.requestStart();
    QVERIFY(player.confirmDialog());
    QVERIFY(player.confirmDialog()->target().isProtected);
    QCOMPARE(player.confirmDialog()->target().context, m_context);
    QVERIFY(!player.confirmDialog()->isConfirmEnabled());
    player.confirmDialog()->reject();
    QVERIFY(waitUntil([&] { return !player.confirmDialog(); }, 5000));
    QVERIFY(!player.isRunning());
}

void tst_RunbookPlayer::playsHelmRollbackStepByStep()
{
    auto s = session(m_context);
    QVERIFY(s);
    s->start(); // the expectations read its store, as in the window
    const QString auditDir = m_dir.filePath(QStringLiteral("audit"));
    RunbookPlayer player;
    AuditLog audit(auditDir);
    player.setAuditLog(&audit);
    player.setSession(s.get());
    player.resize(1100, 700);
    player.show();
    QApplication::setActiveWindow(&player);
    QVERIFY(QTest::qWaitForWindowActive(&player));

    // The shipped runbooks pinned to this context: the Helm rollback.
    QComboBox *shipped = player.shippedList();
    QVERIFY(shipped->isEnabled());
    QCOMPARE(shipped->count(), 2); // "Shipped runbooks (1)" and the runbook
    QCOMPARE(shipped->itemText(1), QStringLiteral("Helm release rollback"));
    shipped->setCurrentIndex(1);
    emit shipped->activated(1);
    QCOMPARE(player.runbook().steps.size(), 4);
    QCOMPARE(player.stepList()->topLevelItemCount(), 4);
    QCOMPARE(player.stepList()->topLevelItem(1)->text(1),
             QStringLiteral("Roll Helm release chat-app back to the previous revision"));

    // PageDown before the start asks for confirmation; confirming runs the first step.
    player.setFocus();
    QTest::keyClick(&player, Qt::Key_PageDown);
    QVERIFY(player.confirmDialog());
    QVERIFY(player.confirmDialog()->isConfirmEnabled());
    QVERIFY(!player.isRunning());
    player.confirmDialog()->accept();
    QVERIFY2(
        waitUntil([&] { return player.isWaitingForNext() && player.runner()->currentIndex() == 1; },
                  30000),
        qPrintable(outcomes(player.stepList())));
    QCOMPARE(player.captionLabel()->text(),
             QStringLiteral("Revision 3 of chat-app is the current one; go back to revision 2."));
    QVERIFY(Orrery::Test::auditEntries(auditDir).isEmpty()); // a caption writes nothing
    // Its claims are child rows, checked against the session's store.
    QTreeWidgetItem *first = player.stepList()->topLevelItem(0);
    QCOMPARE(first->childCount(), 2);
    QCOMPARE(first->child(0)->text(1),
             QStringLiteral("Expect Helm release chat-app: revision 3, status deployed"));
    QCOMPARE(first->child(0)->text(2), QStringLiteral("holds: revision 3, deployed"));
    QCOMPARE(player.stepList()->topLevelItem(3)->child(0)->text(2), QStringLiteral("pending"));

    // Right: the Helm rollback.
    QApplication::setActiveWindow(&player);
    player.setFocus();
    QTest::keyClick(&player, Qt::Key_Right);
    QVERIFY2(
        waitUntil([&] { return player.isWaitingForNext() && player.runner()->currentIndex() == 2; },
                  60000),
        qPrintable(outcomes(player.stepList()) + QLatin1Char('\n') + player.statusLabel()->text()));
    QVERIFY2(player.stepList()->topLevelItem(1)->text(2).contains(QLatin1String("Rollback")),
             qPrintable(outcomes(player.stepList())));
    QVERIFY(Orrery::Test::auditEntries(auditDir).size() >= 4);
    // Mid-run, as the audience sees it: the caption, a done step, the next one marked.
    if (const QString shots = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(player.grab().save(shots + QStringLiteral("/runbook-player.png")));

    // Space: wait for the rollout. The button does the same.
    QTest::keyClick(&player, Qt::Key_Space);
    QVERIFY2(
        waitUntil([&] { return player.isWaitingForNext() && player.runner()->currentIndex() == 3; },
                  120000),
        qPrintable(outcomes(player.stepList())));
    QVERIFY2(player.stepList()->topLevelItem(2)->text(2).contains(
                 QLatin1String("successfully rolled out")),
             qPrintable(outcomes(player.stepList())));
    QVERIFY(player.nextButton()->isEnabled());
    QSignalSpy finished(&player, &RunbookPlayer::finished);
    QTest::mouseClick(player.nextButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return finished.count() == 1; }, 30000));
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(player.captionLabel()->text(),
             QStringLiteral("helm history now shows revision 4: \"Rollback to 2\"."));
    QCOMPARE(player.stepList()->topLevelItem(3)->child(0)->text(2),
             QStringLiteral("holds: revision 4, deployed"));
    QVERIFY2(player.stepList()->topLevelItem(2)->child(0)->text(2).startsWith(
                 QLatin1String("holds: image chatappacr.azurecr.io/chat-backend:1.1.0")),
             qPrintable(outcomes(player.stepList())));
    // Clicking past the end does not start the runbook over.
    QVERIFY(!player.isRunning());
    QVERIFY(!player.nextButton()->isEnabled());
    QTest::keyClick(&player, Qt::Key_PageDown);
    QVERIFY(!player.confirmDialog());
    QVERIFY(player.startButton()->isEnabled());

    // The cluster agrees: helm history reads as after `helm rollback chat-app`.
    std::optional<Result<ApiResponse>> answer;
    const QString path = ResourcePath::addQuery(
        ResourcePath::forKind(Kind::Secret, QStringLiteral("production")),
        QStringLiteral("labelSelector"), QStringLiteral("owner=helm,name=chat-app"));
    s->transport()->get(path, this, [&answer](const Result<ApiResponse> &r) { answer = r; });
    QVERIFY(waitUntil([&] { return answer.has_value(); }, 15000));
    auto body = bodyOrError(*answer, path);
    QVERIFY(body.ok());
    // Decoded on a worker: the test's own reading must not count as the GUI thread's.
    QFuture<QList<HelmRelease>> decoded = Async::run([secrets = body->toStdString()] {
        return HelmReleases::fromSecrets(nlohmann::json::parse(secrets))
            .history(QStringLiteral("chat-app"));
    });
    decoded.waitForFinished();
    QCOMPARE(decoded.resultCount(), 1);
    const QList<HelmRelease> history = decoded.result();
    QCOMPARE(history.size(), 4);
    QCOMPARE(history.last().status, QStringLiteral("deployed"));
    QCOMPARE(history.last().description, QStringLiteral("Rollback to 2"));
    for (const AuditEntry &e : Orrery::Test::auditEntries(auditDir)) {
        QCOMPARE(e.context, m_context);
        QVERIFY2(!e.summary.contains(QLatin1String("H4sI")),
                 qPrintable(e.summary)); // no gzip payload
    }
}

// A caption that claims more than the cluster shows: its entry goes checking, then failed with
// what the store held, the step fails and the run stops there.
void tst_RunbookPlayer::showsExpectationStates()
{
    auto s = session(m_context);
    QVERIFY(s);
    s->start();
    const QString file = m_dir.filePath(QStringLiteral("claims.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name: Claims\nnamespace: production\nsteps:\n"
            "  - caption: \"The backend runs behind three ready pods\"\n"
            "    expect:\n"
            "      - {kind: pods, of: deployment/chat-app-backend, state: Ready, count: 3, within: "
            "60s}\n"
            "      - {kind: replicas, of: deployment/chat-app-backend, count: 42, within: 2s}\n"
            "  - caption: never shown\n");
    f.close();
    RunbookPlayer player;
    AuditLog audit(m_dir.filePath(QStringLiteral("audit-claims")));
    player.setAuditLog(&audit);
    player.setSession(s.get());
    QVERIFY(player.loadFile(file).ok());
    player.resize(1100, 600);
    player.show();
    QTreeWidgetItem *claim = player.stepList()->topLevelItem(0);
    QCOMPARE(claim->childCount(), 2);
    QCOMPARE(claim->child(0)->text(1),
             QStringLiteral("Expect pods of deployment/chat-app-backend in Ready: 3"));
    QCOMPARE(claim->child(1)->text(2), QStringLiteral("pending"));
    QCOMPARE(player.stepList()->topLevelItem(1)->childCount(), 0);
    QSignalSpy finished(&player, &RunbookPlayer::finished);
    player.requestStart();
    QVERIFY(player.confirmDialog());
    player.confirmDialog()->accept();
    // Starting lists the steps afresh: the rows read before are gone (a pointer kept from
    // before the start dangles), so the step's row is looked up again.
    claim = player.stepList()->topLevelItem(0);
    QCOMPARE(claim->childCount(), 2);
    QVERIFY(waitUntil([&] { return player.isWaitingForNext(); }, 10000));
    player.next();
    // While the entries are checked the step is in flight and shows it.
    QVERIFY2(
        waitUntil([&] { return claim->child(1)->text(2).startsWith(QStringLiteral("checking…")); },
                  10000),
        qPrintable(claim->child(1)->text(2)));
    QVERIFY(waitUntil([&] { return finished.count() == 1; }, 30000));
    QVERIFY(!finished.first().at(0).toBool());
    QCOMPARE(finished.first().at(1).toInt(), 0);
    QCOMPARE(claim->child(0)->text(2), QStringLiteral("holds: 3 pods: 3 Running"));
    QCOMPARE(claim->child(1)->text(2), QStringLiteral("failed: ready replicas: 3"));
    QVERIFY2(claim->text(2).startsWith(QLatin1String(
                 "expected ready replicas of deployment/chat-app-backend: 42 within 2 s (line 7); "
                 "observed: ready replicas: 3")),
             qPrintable(claim->text(2)));
    QVERIFY2(player.statusLabel()->text().startsWith(QLatin1String("Stopped at step 1: expected")),
             qPrintable(player.statusLabel()->text()));
    if (const QString shots = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(player.grab().save(shots + QStringLiteral("/runbook-player-expectations.png")));
}

// Closing the player (or the window) while a step waits for the cluster: the pending read and
// the poll timer die with it, and nothing answers into the destroyed player or runner.
void tst_RunbookPlayer::destroyedWhileAStepIsInFlight()
{
    auto s = session(m_context);
    QVERIFY(s);
    s->start();
    const QString file = m_dir.filePath(QStringLiteral("inflight.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        "name: In flight\nnamespace: production\nsteps:\n"
        "  - waitForRollout: {target: deployment/chat-app-backend, timeout: 60}\n"
        "    expect: {kind: replicas, of: deployment/chat-app-backend, count: 42, within: 60s}\n"
        "  - caption: never shown\n");
    f.close();
    AuditLog audit(m_dir.filePath(QStringLiteral("audit-inflight")));
    for (const bool whileChecking : {false, true}) {
        auto player = std::make_unique<RunbookPlayer>();
        player->setAuditLog(&audit);
        player->setSession(s.get());
        QVERIFY(player->loadFile(file).ok());
        player->show();
        player->requestStart();
        QVERIFY(player->confirmDialog());
        player->confirmDialog()->accept();
        QVERIFY(waitUntil([&] { return player->isWaitingForNext(); }, 10000));
        QSignalSpy started(player->runner(), &RunbookRunner::stepStarted);
        player->next();
        QCOMPARE(started.count(), 1);
        if (whileChecking) // the rollout is done: the false claim is being checked
            QVERIFY(waitUntil(
                [&] {
                    return player->stepList()->topLevelItem(0)->child(0)->text(2).startsWith(
                        QStringLiteral("checking…"));
                },
                10000));
        player.reset(); // the GET of the rollout poll (or the check) still pending
        // Answers to that read, and the store's changes, arrive now and find no one.
        std::optional<Result<ApiResponse>> answer;
        s->transport()->get(ResourcePath::forKind(Kind::Deployment, QStringLiteral("production"),
                                                  QStringLiteral("chat-app-backend")),
                            this, [&answer](const Result<ApiResponse> &r) { answer = r; });
        QVERIFY(waitUntil([&] { return answer.has_value(); }, 15000));
        QVERIFY(answer->ok());
    }
}

void tst_RunbookPlayer::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(tst_RunbookPlayer)
#include "tst_runbookplayer.moc"
