// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18, "Attention", against orrery-sim with real kubectl: a rollout to an image that cannot
// be pulled becomes a row on the Problems page (reason and since), raises the counts on the
// navigator's Deployments, the namespace filter's entry and the sidebar's context, and a
// notification in the window; double-clicking the row (or the notification's Show) opens the
// Deployment. The "All connected contexts" view lists the problems of every connected context.
// The topology's "N need attention" counter does not rise during an HPA scale-up, and does for
// a broken image.
#include "eventloopwait.h"
#include "simwindowfixture.h"

#include <contexttreemodel.h>
#include <namespacefilter.h>
#include <namespacelistmodel.h>
#include <problemmonitor.h>
#include <problemnotifier.h>
#include <problemspage.h>
#include <problemtablemodel.h>
#include <resourcebrowser.h>
#include <resourcenavigator.h>
#include <theme.h>
#include <topologypage.h>

#include <kube/resourcestore.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTest>

using namespace Orrery;
using Orrery::Test::waitUntil;

class TestProblemsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void brokenImageIsAProblemEverywhere();
    void allContextsView();
    // Last: the scale-up fills the simulated node, and what does not fit is a real problem.
    void scaleUpDoesNotRaiseTheTopologyCounter();

private:
    // kubectl against the simulator, with its own HOME; fails the test on a non-zero exit.
    bool kubectl(const QStringList &args);
    int topologyCounter() const;
    void dumpMongodb(const QString &context = {}); // what the store holds, when a wait fails
    // With ORRERY_PROBLEMS_SCREENSHOTS=dir: the notification over the Deployments and the
    // Problems page, light and dark (docs/screenshots/problems-*.png).
    void saveScreenshots();
    int rowOf(const QString &kind, const QString &name, const QString &context = {}) const;

    Orrery::Test::SimWindowFixture m_ui;
    std::unique_ptr<Orrery::Test::WindowUnderTest> m_window;
    std::unique_ptr<TopologyPage> m_topology;
};

bool TestProblemsSim::kubectl(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_ui.dir.path());
    env.remove(QStringLiteral("KUBECONFIG"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("kubectl"),
            QStringList{QStringLiteral("--kubeconfig"), m_ui.kubeconfig} + args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning().noquote() << "kubectl" << args.join(QLatin1Char(' '))
                             << "failed:" << p.readAllStandardError();
        return false;
    }
    return true;
}

void TestProblemsSim::initTestCase()
{
    QVERIFY2(m_ui.start(QStringLiteral("microk8s-shop")), qPrintable(m_ui.error));
    m_window = std::make_unique<Orrery::Test::WindowUnderTest>(m_ui);
    MainWindow &window = m_window->window;
    window.problemNotifier()->setUseSystemTray(false);
    window.show();
    window.activateContext(m_ui.context);
    QVERIFY(waitUntil([&] { return m_window->sessions.isSynced(m_ui.context); }, 60000));
    // The scenario settles first (its pods start), so what follows starts from a quiet cluster.
    waitUntil(
        [&] {
            for (const KubeObjectPtr &d :
                 window.activeSession()->store()->objects(Kind::Deployment))
                if (d->workload()->ready < d->workload()->desired)
                    return false;
            return true;
        },
        60000);
    // The topology page as app/topologywiring.cpp installs it.
    m_topology = std::make_unique<TopologyPage>();
    m_topology->setSession(window.activeSession());
    m_topology->setProblemMonitor(window.problemMonitor());
    new QAbstractItemModelTester(window.problemsPage()->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestProblemsSim::cleanupTestCase()
{
    m_topology.reset();
    m_window.reset();
    m_ui.stop();
}

void TestProblemsSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

int TestProblemsSim::topologyCounter() const
{
    // What the user reads: "42 objects, N need attention".
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("(\\d+) need attention"))
                                          .match(m_topology->statusLabel()->text());
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

void TestProblemsSim::saveScreenshots()
{
    const QString dir = qEnvironmentVariable("ORRERY_PROBLEMS_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    MainWindow &window = m_window->window;
    ProblemNotifier *note = window.problemNotifier();
    window.resize(1440, 880);
    window.selectKind(Kind::Deployment);
    window.selectObject(Kind::Deployment, QStringLiteral("default"), QStringLiteral("mongodb"));
    for (const auto mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
        Theme::instance()->setMode(mode);
        const QString suffix
            = mode == Theme::Mode::Dark ? QStringLiteral("dark") : QStringLiteral("light");
        note->show();
        QTest::qWait(300);
        window.grab().save(dir + QStringLiteral("/problems-notification-") + suffix
                           + QStringLiteral(".png"));
        note->hide();
        window.showCentralPage(QStringLiteral("Problems"));
        QTest::qWait(300);
        window.grab().save(dir + QStringLiteral("/problems-") + suffix + QStringLiteral(".png"));
        window.selectKind(Kind::Deployment);
    }
    Theme::instance()->setMode(Theme::Mode::Light);
    note->show();
}

void TestProblemsSim::dumpMongodb(const QString &contextName)
{
    MainWindow &window = m_window->window;
    const QString context = contextName.isEmpty() ? m_ui.context : contextName;
    ResourceStore *store = m_window->sessions.session(context)->store();
    for (const Problem &p : window.problemMonitor()->problems(context))
        qWarning() << "problem" << kindName(p.kind) << p.name << p.reason << p.message;
    const KubeObjectPtr d
        = store->object(Kind::Deployment, QStringLiteral("default"), QStringLiteral("mongodb"));
    const WorkloadData *w = d->workload();
    qWarning() << "deployment" << w->desired << w->current << w->updated << w->ready << w->available
               << w->revision << w->observedGeneration << d->generation;
    for (const KubeObjectPtr &rs : store->objects(Kind::ReplicaSet, QStringLiteral("default")))
        if (rs->name.startsWith(QLatin1String("mongodb")))
            qWarning() << "rs" << rs->name << rs->workload()->revision << rs->workload()->desired
                       << (rs->controllerRef() ? rs->controllerRef()->kind : QString());
    for (const KubeObjectPtr &pod : store->objects(Kind::Pod, QStringLiteral("default")))
        if (pod->name.startsWith(QLatin1String("mongodb")))
            for (const ContainerStatusInfo &cs : pod->pod()->containerStatuses)
                qWarning() << "pod" << pod->name << pod->pod()->phase << cs.state << cs.reason
                           << (pod->controllerRef() ? pod->controllerRef()->name : QString());
}

int TestProblemsSim::rowOf(const QString &kind, const QString &name, const QString &context) const
{
    const ProblemTableModel *model = m_window->window.problemsPage()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const auto &row = model->row(r);
        if (kindName(row.problem.kind) == kind && row.problem.name == name
            && (context.isEmpty() || row.context == context))
            return r;
    }
    return -1;
}

void TestProblemsSim::scaleUpDoesNotRaiseTheTopologyCounter()
{
    ResourceStore *store = m_window->window.activeSession()->store();
    const KubeObjectPtr before = store->object(Kind::Deployment, QStringLiteral("default"),
                                               QStringLiteral("product-service"));
    QVERIFY(before && before->workload());
    const int replicas = before->workload()->desired;
    const int baseline = topologyCounter();
    const int hpaBefore
        = m_window->window.problemMonitor()->count(m_ui.context, Kind::HorizontalPodAutoscaler);
    QVERIFY2(baseline >= 0, qPrintable(m_topology->statusLabel()->text()));

    // 300 % of the peak: the HPA scales product-service out; new pods start.
    QVERIFY(kubectl({QStringLiteral("annotate"), QStringLiteral("deployment/product-service"),
                     QStringLiteral("sim.orrery.dev/load-percent=300"),
                     QStringLiteral("--overwrite")}));
    // The HPA raises the replicas; then the new pods are watched while they start (until all
    // are ready, or for 40 s: before the 60 s grace, pods that do not fit on the simulated node
    // would rightly become problems).
    QVERIFY2(waitUntil(
                 [&] {
                     const KubeObjectPtr d
                         = store->object(Kind::Deployment, QStringLiteral("default"),
                                         QStringLiteral("product-service"));
                     return d && d->workload()->desired > replicas;
                 },
                 120000),
             "the HPA did not scale product-service out");
    int highest = baseline;
    bool sawStartingPods = false;
    QElapsedTimer watching;
    watching.start();
    waitUntil(
        [&] {
            highest = qMax(highest, topologyCounter());
            const KubeObjectPtr d = store->object(Kind::Deployment, QStringLiteral("default"),
                                                  QStringLiteral("product-service"));
            if (d->workload()->ready < d->workload()->desired)
                sawStartingPods = true;
            return (sawStartingPods && d->workload()->ready == d->workload()->desired)
                   || watching.elapsed() > 40000;
        },
        45000);
    QVERIFY2(sawStartingPods, "the scale-up was not seen while its pods were starting");
    QCOMPARE(highest, baseline);
    QCOMPARE(m_window->window.problemMonitor()->count(m_ui.context, Kind::HorizontalPodAutoscaler),
             hpaBefore);
    QVERIFY(kubectl({QStringLiteral("annotate"), QStringLiteral("deployment/product-service"),
                     QStringLiteral("sim.orrery.dev/load-percent-")}));
}

void TestProblemsSim::brokenImageIsAProblemEverywhere()
{
    MainWindow &window = m_window->window;
    ProblemMonitor *monitor = window.problemMonitor();
    const int topologyBefore = topologyCounter();
    const int deploymentsBefore = window.navigator()->problemCount(Kind::Deployment);
    const int announcedBefore = window.problemNotifier()->announced();

    // `kubectl set image` to a tag that cannot be pulled (the simulator fails "pending" tags
    // with ErrImagePull, then ImagePullBackOff).
    QVERIFY(
        kubectl({QStringLiteral("set"), QStringLiteral("image"),
                 QStringLiteral("deployment/mongodb"), QStringLiteral("mongodb=mongo:5.0-pending"),
                 QStringLiteral("-n"), QStringLiteral("default")}));
    if (!waitUntil(
            [&] { return rowOf(QStringLiteral("Deployment"), QStringLiteral("mongodb")) >= 0; },
            60000)) {
        dumpMongodb();
        QFAIL("the failing rollout is not on the Problems page");
    }
    const ProblemTableModel *model = window.problemsPage()->model();
    const int row = rowOf(QStringLiteral("Deployment"), QStringLiteral("mongodb"));
    QCOMPARE(model->index(row, ProblemTableModel::Reason).data().toString(),
             QStringLiteral("RolloutFailing"));
    QCOMPARE(model->index(row, ProblemTableModel::Severity).data().toString(),
             QStringLiteral("Critical"));
    QCOMPARE(model->index(row, ProblemTableModel::Namespace).data().toString(),
             QStringLiteral("default"));
    QVERIFY(!model->index(row, ProblemTableModel::Since).data().toString().isEmpty());
    const QString message = model->index(row, ProblemTableModel::Message).data().toString();
    QVERIFY2(message.contains(QLatin1String("ImagePull"))
                 || message.contains(QLatin1String("ErrImagePull")),
             qPrintable(message));
    // The new pod is listed too, with Kubernetes' reason.
    bool podRow = false;
    for (int r = 0; r < model->rowCount(); ++r) {
        const Problem &p = model->row(r).problem;
        podRow = podRow
                 || (p.kind == Kind::Pod && p.name.startsWith(QLatin1String("mongodb-"))
                     && (p.reason == QLatin1String("ErrImagePull")
                         || p.reason == QLatin1String("ImagePullBackOff")));
    }
    QVERIFY(podRow);

    // Counts: navigator, namespace filter entry, sidebar context; the topology counter.
    QVERIFY(window.navigator()->problemCount(Kind::Deployment) > deploymentsBefore);
    QVERIFY(window.navigator()->problemCount(Kind::Pod) >= 1);
    NamespaceListModel *namespaces = window.resourceBrowser()->namespaceFilter()->model();
    const int defaultRow = int(namespaces->namespaces().indexOf(QStringLiteral("default")));
    QVERIFY(defaultRow >= 0);
    const QModelIndex ns = namespaces->index(defaultRow);
    QVERIFY(ns.data(NamespaceListModel::ProblemCountRole).toInt() >= 2);
    QVERIFY2(ns.data().toString().contains(QLatin1String("problem")),
             qPrintable(ns.data().toString()));
    const QModelIndex contextIndex = window.contextModel()->indexOfContext(m_ui.context);
    QCOMPARE(contextIndex.data(ContextTreeModel::ProblemCountRole).toInt(),
             monitor->count(m_ui.context));
    QVERIFY(topologyCounter() > topologyBefore);

    // The notification (no tray offscreen: the window's banner).
    QVERIFY(
        waitUntil([&] { return window.problemNotifier()->announced() > announcedBefore; }, 10000));
    ProblemNotifier *note = window.problemNotifier();
    QVERIFY(note->isVisible());
    QVERIFY2(note->title().contains(QLatin1String("Rollout failing")), qPrintable(note->title()));
    QVERIFY2(note->text().contains(QLatin1String("mongodb")), qPrintable(note->text()));

    saveScreenshots();

    // The Problems page, then double-click the row: the Deployment is opened.
    QVERIFY(window.showCentralPage(QStringLiteral("Problems")));
    QCOMPARE(window.currentPage(), static_cast<QWidget *>(window.problemsPage()));
    QTableView *table = window.problemsPage()->tableView();
    QVERIFY(table->isVisible());
    QApplication::processEvents();
    const QModelIndex cell = model->index(
        rowOf(QStringLiteral("Deployment"), QStringLiteral("mongodb")), ProblemTableModel::Object);
    table->scrollTo(cell);
    QVERIFY(!table->visualRect(cell).isEmpty());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    QCOMPARE(window.currentPage(), static_cast<QWidget *>(window.resourceBrowser()));
    QVERIFY(window.selectedObject());
    QCOMPARE(window.selectedObject()->kind, Kind::Deployment);
    QCOMPARE(window.selectedObject()->name, QStringLiteral("mongodb"));

    // The notification's "Show" opens it as well.
    window.selectKind(Kind::Pod);
    note->show();
    note->findChild<QPushButton *>(QStringLiteral("showProblem"))->click();
    QVERIFY(window.selectedObject());
    QCOMPARE(window.selectedObject()->name, QStringLiteral("mongodb"));

    // Fixed: the problem, the counts and the counter go away.
    QVERIFY(kubectl({QStringLiteral("set"), QStringLiteral("image"),
                     QStringLiteral("deployment/mongodb"), QStringLiteral("mongodb=mongo:5.0"),
                     QStringLiteral("-n"), QStringLiteral("default")}));
    QVERIFY2(waitUntil(
                 [&] { return rowOf(QStringLiteral("Deployment"), QStringLiteral("mongodb")) < 0; },
                 90000),
             "the fixed rollout is still listed");
    QVERIFY(waitUntil(
        [&] { return window.navigator()->problemCount(Kind::Deployment) == deploymentsBefore; },
        60000));
}

void TestProblemsSim::allContextsView()
{
    MainWindow &window = m_window->window;
    // A failing rollout, then a second connected context (the viewer of the same cluster).
    QVERIFY(
        kubectl({QStringLiteral("set"), QStringLiteral("image"),
                 QStringLiteral("deployment/mongodb"), QStringLiteral("mongodb=mongo:5.1-pending"),
                 QStringLiteral("-n"), QStringLiteral("default")}));
    if (!waitUntil(
            [&] { return rowOf(QStringLiteral("Deployment"), QStringLiteral("mongodb")) >= 0; },
            60000)) {
        dumpMongodb();
        QFAIL("the failing rollout is not on the Problems page");
    }
    const QString viewer = m_ui.context + QStringLiteral("-viewer");
    m_window->sessions.connectContext(viewer);
    QVERIFY(waitUntil([&] { return m_window->sessions.isSynced(viewer); }, 60000));
    QVERIFY(waitUntil([&] { return window.problemMonitor()->count(viewer) > 0; }, 30000));
    // The sidebar counts the viewer's problems though it is not the active context.
    QCOMPARE(window.contextModel()
                 ->indexOfContext(viewer)
                 .data(ContextTreeModel::ProblemCountRole)
                 .toInt(),
             window.problemMonitor()->count(viewer));

    ProblemsPage *page = window.problemsPage();
    QVERIFY(rowOf(QStringLiteral("Deployment"), QStringLiteral("mongodb"), viewer) < 0);
    page->allContextsBox()->click();
    QVERIFY(page->model()->isAllContexts());
    QVERIFY(!page->tableView()->isColumnHidden(ProblemTableModel::Context));
    QVERIFY(rowOf(QStringLiteral("Deployment"), QStringLiteral("mongodb"), m_ui.context) >= 0);
    const int viewerRow = rowOf(QStringLiteral("Deployment"), QStringLiteral("mongodb"), viewer);
    if (viewerRow < 0)
        dumpMongodb(viewer);
    QVERIFY(viewerRow >= 0);

    // Opening a row of another context switches to it.
    window.showCentralPage(QStringLiteral("Problems"));
    QApplication::processEvents();
    const QModelIndex cell = page->model()->index(viewerRow, ProblemTableModel::Object);
    page->tableView()->scrollTo(cell);
    QTest::mouseClick(page->tableView()->viewport(), Qt::LeftButton, {},
                      page->tableView()->visualRect(cell).center());
    QTest::mouseDClick(page->tableView()->viewport(), Qt::LeftButton, {},
                       page->tableView()->visualRect(cell).center());
    QCOMPARE(window.activeContext(), viewer);
    QVERIFY(waitUntil([&] { return window.selectedObject() != nullptr; }, 10000));
    QCOMPARE(window.selectedObject()->name, QStringLiteral("mongodb"));
    page->allContextsBox()->click();
    QVERIFY(!page->model()->isAllContexts());
    QVERIFY(kubectl({QStringLiteral("set"), QStringLiteral("image"),
                     QStringLiteral("deployment/mongodb"), QStringLiteral("mongodb=mongo:5.0"),
                     QStringLiteral("-n"), QStringLiteral("default")}));
}

QTEST_MAIN(TestProblemsSim)
#include "tst_problems_sim.moc"
