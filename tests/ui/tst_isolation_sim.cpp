// SPDX-License-Identifier: GPL-3.0-or-later
// Isolation between contexts (issue 18): everything the window shows about an operation or a
// stream belongs to the context it happened on. Two simulated clusters (microk8s-shop and pfe)
// in one window, with the ActionController and Operations panel wired as app/ wires them:
// - after a scale on one context, its Undo card, rollout card and "Done: …" status are not
//   shown on the other context, and come back when switching back;
// - cancelling the confirmation of an Undo leaves the offer standing;
// - a log stream's error on one context is not shown on the other.
#include "eventloopwait.h"
#include "simprocess.h"

#include <contextpreferences.h>
#include <detailspane.h>
#include <errorpresenter.h>
#include <mainwindow.h>
#include <operations/actioncontroller.h>
#include <operations/confirmdialog.h>
#include <operations/operationspanel.h>
#include <operations/rollouttracker.h>
#include <operations/scaledialog.h>
#include <sessionmanager.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>
#include <kube/kubeconfig.h>
#include <kube/resourcestore.h>

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

template <typename T> T *visibleTopLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    return nullptr;
}

template <typename T> T *waitForDialog(int timeoutMs = 15000)
{
    T *found = nullptr;
    waitUntil([&] { return (found = visibleTopLevel<T>()) != nullptr; }, timeoutMs);
    return found;
}

UndoBanner *undoCard(const QList<QWidget *> &cards)
{
    for (QWidget *card : cards)
        if (auto *b = qobject_cast<UndoBanner *>(card))
            return b;
    return nullptr;
}

} // namespace

class TestIsolationSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void operationStateStaysWithItsContext();
    void cancelledUndoKeepsTheOffer();
    void logStreamErrorStaysWithItsContext();

private:
    bool activate(const QString &context);
    QString status() const { return m_window->errorPresenter()->statusLabel()->text(); }

    QTemporaryDir m_dir;
    Test::SimProcess m_sim;
    Kubeconfig m_config;
    QString m_shop; // microk8s-shop's admin context
    QString m_pfe;  // pfe's admin context
    std::unique_ptr<ContextPreferences> m_preferences;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<OperationsPanel> m_panel;
    std::unique_ptr<ActionController> m_controller;
};

void TestIsolationSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString kubeconfig = m_dir.filePath("kubeconfig");
    QVERIFY2(m_sim.start({"--scenario", "microk8s-shop", "--scenario", "pfe"}, kubeconfig),
             qPrintable(m_sim.errorString()));
    m_config = Kubeconfig::load(kubeconfig);
    const QStringList contexts = m_config.contextNames();
    QVERIFY(contexts.size() >= 6);
    m_shop = contexts.at(0); // admin contexts: the first of each cluster's three
    m_pfe = contexts.at(3);
    QVERIFY(m_config.context(m_shop)->clusterName != m_config.context(m_pfe)->clusterName);

    m_preferences = std::make_unique<ContextPreferences>(m_dir.filePath("orrery.ini"));
    m_sessions = std::make_unique<SessionManager>(
        [this](const QString &context, QObject *parent) -> Result<ClusterSession *> {
            Result<ClusterConnection> connection = m_config.connection(context);
            if (!connection.ok())
                return connection.error();
            return new ClusterSession(std::move(connection.value()), parent);
        });
    m_window = std::make_unique<MainWindow>(m_sessions.get(), m_preferences.get());
    QList<ContextTreeModel::Entry> entries;
    for (const QString &name : contexts) {
        const auto c = m_config.context(name);
        entries << ContextTreeModel::Entry{name, c->clusterName, {}, c->userName, c->namespace_};
    }
    m_window->setContexts(entries, m_shop);
    m_window->resize(1200, 800);
    m_window->show();

    // What app/operationswiring.cpp wires.
    m_audit = std::make_unique<AuditLog>(m_dir.filePath("audit"));
    m_controller
        = std::make_unique<ActionController>(m_preferences.get(), m_window.get(), m_audit.get());
    m_panel = std::make_unique<OperationsPanel>();
    m_panel->resize(400, 500);
    m_panel->show();
    m_controller->setPanel(m_panel.get());
    connect(m_window.get(), &MainWindow::activeSessionChanged, m_controller.get(),
            &ActionController::setSession);
    connect(m_controller.get(), &ActionController::statusMessage, m_window->errorPresenter(),
            &ErrorPresenter::showContextStatus);
    QVERIFY(activate(m_pfe));
    QVERIFY(activate(m_shop));
}

void TestIsolationSim::cleanupTestCase()
{
    m_controller.reset();
    m_panel.reset();
    m_window.reset();
    m_sessions.reset();
    m_sim.stop();
}

bool TestIsolationSim::activate(const QString &context)
{
    m_window->activateContext(context);
    return waitUntil([&] { return m_sessions->isSynced(context); }, 60000)
           && m_window->activeContext() == context;
}

void TestIsolationSim::operationStateStaysWithItsContext()
{
    // Scale mongodb on the shop cluster, confirmed as a user would.
    m_controller->trigger(QStringLiteral("scale"), Kind::Deployment, "default", "mongodb");
    auto *scale = waitForDialog<ScaleDialog>();
    QVERIFY(scale);
    scale->replicasSpin()->setValue(scale->replicasSpin()->value() + 1);
    scale->accept();
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QCOMPARE(confirm->target().context, m_shop);
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return undoCard(m_panel->visibleCards()) != nullptr; }, 15000));
    QVERIFY(waitUntil([&] { return status().startsWith("Done") || status().contains("Scaled"); },
                      15000));
    const QString shopStatus = status();
    QPointer<UndoBanner> undo = undoCard(m_panel->visibleCards());
    QVERIFY(!undo->isHidden());
    QVERIFY(!m_panel->trackers().isEmpty());

    // On the pfe cluster: none of it.
    QVERIFY(activate(m_pfe));
    QCOMPARE(m_panel->visibleCards().size(), 0);
    QVERIFY(undo && undo->isHidden());
    for (RolloutTracker *tracker : m_panel->trackers())
        QVERIFY(tracker->isHidden());
    QVERIFY2(status() != shopStatus && !status().contains("mongodb"), qPrintable(status()));

    // Back on the shop cluster: its cards and its last word again.
    QVERIFY(activate(m_shop));
    QVERIFY(undo && !undo->isHidden());
    QCOMPARE(status(), shopStatus);
}

void TestIsolationSim::cancelledUndoKeepsTheOffer()
{
    QPointer<UndoBanner> undo = undoCard(m_panel->visibleCards());
    QVERIFY(undo);
    QTest::mouseClick(undo->undoButton(), Qt::LeftButton);
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    confirm->reject();
    // The offer stands, and can be taken up later. (QTRY: qWait also runs the deferred
    // deletes, here the dropped operation's.)
    QTRY_VERIFY_WITH_TIMEOUT(undo && undo->undoButton()->isEnabled(), 5000);
    QTest::qWait(200);
    QVERIFY(undo);
    QVERIFY(m_panel->cards().contains(undo.data()));

    // Taken up (confirmed): the undo runs, then the card goes.
    QTest::mouseClick(undo->undoButton(), Qt::LeftButton);
    confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(undo.isNull(), 15000);
}

void TestIsolationSim::logStreamErrorStaysWithItsContext()
{
    // A running pod of the shop cluster has no previous instance: asking for it fails.
    ClusterSession *shop = m_sessions->session(m_shop);
    KubeObjectPtr pod;
    for (const KubeObjectPtr &p : shop->store()->objects(Kind::Pod, "default"))
        if (p->pod() && p->pod()->restarts == 0)
            pod = p;
    QVERIFY(pod);
    QVERIFY(m_window->selectObject(Kind::Pod, pod->namespaceName, pod->name));
    m_window->showDetailsTab(DetailsPane::LogsTab);
    auto *previous = m_window->detailsPane()->findChild<QCheckBox *>("previousCheck");
    auto *streamStatus = m_window->detailsPane()->findChild<QLabel *>("streamStatus");
    QVERIFY(previous && streamStatus);
    previous->setChecked(true);
    QVERIFY2(waitUntil([&] { return streamStatus->text().contains("failed"); }, 15000),
             qPrintable(streamStatus->text()));

    QVERIFY(activate(m_pfe));
    QVERIFY2(!streamStatus->text().contains("failed"), qPrintable(streamStatus->text()));
    QVERIFY(activate(m_shop));
    previous->setChecked(false);
}

QTEST_MAIN(TestIsolationSim)
#include "tst_isolation_sim.moc"
