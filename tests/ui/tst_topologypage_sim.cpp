// SPDX-License-Identifier: GPL-3.0-or-later
// The Topology page on a live orrery-sim cluster (scenario pfe) with a real ClusterSession and
// the window's ActionController: a node's context menu offers the operations that fit it,
// "Group by node" boxes the pods by their Node, Fit keeps names readable, presenter mode uses
// large fonts and reveals tier by tier. With ORRERY_SCREENSHOT_DIR set it also writes the
// presenter screenshots (docs/screenshots/topology-presenter*.png).
#include "eventloopwait.h"
#include "simprocess.h"
#include "simwindowfixture.h"

#include <audit/auditlog.h>
#include <contextpreferences.h>
#include <operations/actioncontroller.h>
#include <operations/operationcatalog.h>
#include <presenterwindow.h>
#include <theme.h>
#include <topologypage.h>
#include <topologystyle.h>

#include <kube/clustersession.h>
#include <kube/kubeconfig.h>
#include <kube/resourcestore.h>
#include <topologygraph.h>
#include <topologylayout.h>
#include <topologynodeitem.h>
#include <topologyscene.h>
#include <topologyview.h>

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

QStringList ids(const QList<QAction *> &actions)
{
    QStringList out;
    for (const QAction *action : actions) {
        if (!action->isSeparator())
            out.append(action->data().toString().isEmpty() ? action->objectName()
                                                           : action->data().toString());
    }
    return out;
}

} // namespace

class TestTopologyPageSim : public QObject
{
    Q_OBJECT

private slots:
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void initTestCase();
    void cleanupTestCase();
    void contextMenuOffersTheOperationsThatFit();
    void rightClickOpensTheMenu();
    void showLogsAsksForTheLogs();
    void fitKeepsNamesReadable();
    void groupByNodeBoxesPodsByNode();
    void presenterUsesLargeFontsAndRevealsTiers();
    void switchingTheLookRepaints();

private:
    void waitForSteadyState();
    TopologyNodeItem *firstItem(TopologyKind kind, const QString &name = {}) const;

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    Kubeconfig m_config;
    std::unique_ptr<ContextPreferences> m_preferences;
    std::unique_ptr<QWidget> m_host;
    ClusterSession *m_session = nullptr;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ActionController> m_controller;
    std::unique_ptr<TopologyPage> m_page;
};

void TestTopologyPageSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString kubeconfig = m_dir.filePath("kubeconfig");
    QVERIFY2(m_sim.start({"--scenario", "pfe"}, kubeconfig), qPrintable(m_sim.errorString()));

    m_config = Kubeconfig::load(kubeconfig);
    Result<ClusterConnection> connection = m_config.connection(m_config.currentContext());
    QVERIFY(connection.ok());
    m_session = new ClusterSession(std::move(connection.value()), this);
    bool synced = false;
    connect(m_session, &ClusterSession::synced, this, [&synced] { synced = true; });
    m_session->start();
    QVERIFY(waitUntil([&] { return synced; }, 60000));

    m_preferences = std::make_unique<ContextPreferences>(m_dir.filePath("orrery.ini"));
    m_host = std::make_unique<QWidget>();
    m_audit = std::make_unique<AuditLog>(m_dir.filePath("audit"));
    m_controller
        = std::make_unique<ActionController>(m_preferences.get(), m_host.get(), m_audit.get());
    m_controller->setSession(m_session);

    // As app/topologywiring.cpp wires it.
    m_page = std::make_unique<TopologyPage>();
    m_page->setObjectActionsProvider([this](const KubeObjectPtr &object, QObject *parent) {
        return m_controller->actionsFor(object, parent);
    });
    m_page->resize(1200, 780);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setSession(m_session);
    QVERIFY(m_page->scene());
    QVERIFY(waitUntil([&] { return m_page->scene()->itemCount() > 20; }, 10000));
    // Let the pods become ready, so the diagram is in its steady state.
    QTest::qWait(1500);
}

void TestTopologyPageSim::cleanupTestCase()
{
    m_page.reset();
    m_controller.reset();
    m_host.reset();
    m_sim.stop();
}

// For the documentation's screenshots: every pod of the application ready, halos faded.
void TestTopologyPageSim::waitForSteadyState()
{
    TopologyScene *scene = m_page->scene();
    waitUntil(
        [&] {
            for (const TopologyNode &node : scene->graph()->nodes()) {
                if (node.ns == QLatin1String("pfe-app") && node.kind == TopologyKind::Pod
                    && node.health != TopologyHealth::Healthy)
                    return false;
            }
            return true;
        },
        60000);
    QTest::qWait(1200);
}

TopologyNodeItem *TestTopologyPageSim::firstItem(TopologyKind kind, const QString &name) const
{
    TopologyScene *scene = m_page->scene();
    QStringList found;
    for (const TopologyNode &node : scene->graph()->nodes()) {
        if (node.kind == kind && (name.isEmpty() || node.name == name) && scene->item(node.id))
            found.append(node.id);
    }
    std::sort(found.begin(), found.end());
    return found.isEmpty() ? nullptr : scene->item(found.first());
}

void TestTopologyPageSim::contextMenuOffersTheOperationsThatFit()
{
    TopologyView *view = m_page->view();
    TopologyNodeItem *deployment = firstItem(TopologyKind::Deployment, QStringLiteral("frontend"));
    QVERIFY(deployment);
    std::unique_ptr<QMenu> menu(view->createContextMenu(deployment->node(), nullptr));
    const QStringList offered = ids(menu->actions());
    for (const char *id :
         {"topology-focus", "scale", "restart", "rollback", "set-image", "delete", "describe"})
        QVERIFY2(offered.contains(QLatin1String(id)),
                 qPrintable(QStringLiteral("%1 not in %2").arg(id, offered.join(' '))));
    QVERIFY(!offered.contains(QStringLiteral("topology-expand")));

    TopologyNodeItem *pod = firstItem(TopologyKind::Pod);
    QVERIFY(pod);
    menu.reset(view->createContextMenu(pod->node(), nullptr));
    const QStringList podOffered = ids(menu->actions());
    for (const char *id : {"delete", "logs", "describe"})
        QVERIFY2(podOffered.contains(QLatin1String(id)),
                 qPrintable(QStringLiteral("%1 not in %2").arg(id, podOffered.join(' '))));
    for (const char *id : {"scale", "restart", "rollback", "set-image"})
        QVERIFY2(!podOffered.contains(QLatin1String(id)),
                 qPrintable(QStringLiteral("%1 offered for a pod").arg(id)));

    // The operations are the controller's own actions, labelled and gated by it.
    QAction *remove = nullptr;
    for (QAction *action : menu->actions())
        remove = action->data() == QStringLiteral("delete") ? action : remove;
    QVERIFY(remove);
    QCOMPARE(remove->text(), OperationCatalog::label(QStringLiteral("delete")));
    QCOMPARE(remove->objectName(), QStringLiteral("action-delete"));
}

void TestTopologyPageSim::rightClickOpensTheMenu()
{
    TopologyView *view = m_page->view();
    TopologyNodeItem *deployment = firstItem(TopologyKind::Deployment, QStringLiteral("frontend"));
    QVERIFY(deployment);
    view->centerOnNode(deployment->node().id);
    const QPoint pos = view->mapFromScene(deployment->sceneBoundingRect().center());
    QSignalSpy requested(view, &TopologyView::contextMenuRequested);
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("Deployment"));
    QCOMPARE(requested.first().at(2).toString(), QStringLiteral("frontend"));
    auto *menu = view->findChild<QMenu *>(QStringLiteral("topologyContextMenu"));
    QVERIFY(menu);
    QVERIFY(waitUntil([&] { return menu->isVisible(); }, 5000));
    const QStringList offered = ids(menu->actions());
    QVERIFY2(offered.contains(QStringLiteral("scale"))
                 && offered.contains(QStringLiteral("set-image")),
             qPrintable(offered.join(' ')));
    QPointer<QMenu> guard(menu);
    menu->close();
    QVERIFY(waitUntil([&] { return guard.isNull(); }, 5000)); // deleted on close
}

void TestTopologyPageSim::showLogsAsksForTheLogs()
{
    TopologyNodeItem *pod = firstItem(TopologyKind::Pod);
    QVERIFY(pod);
    std::unique_ptr<QMenu> menu(m_page->view()->createContextMenu(pod->node(), nullptr));
    QAction *logs = menu->findChild<QAction *>(QStringLiteral("topology-logs"));
    QVERIFY(logs);
    QSignalSpy requested(m_page.get(), &TopologyPage::actionRequested);
    logs->trigger();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first(), (QVariantList{QStringLiteral("Pod"), pod->node().ns,
                                              pod->node().name, QStringLiteral("logs")}));
}

void TestTopologyPageSim::fitKeepsNamesReadable()
{
    TopologyView *view = m_page->view();
    view->showWhole();
    const qreal whole = view->zoom();
    view->fitAll();
    // pfe does not fit a 1200 px window at a readable zoom: Fit stops at readableZoom().
    QVERIFY2(whole < TopologyView::readableZoom(), qPrintable(QString::number(whole)));
    QCOMPARE(view->zoom(), TopologyView::readableZoom());
    // It starts at the top left of the diagram.
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(qAbs(visible.left() - view->sceneRect().left()) < 2);
    QVERIFY(qAbs(visible.top() - view->sceneRect().top()) < 2);
    QVERIFY(!m_page->scene()->isOverview());
}

void TestTopologyPageSim::groupByNodeBoxesPodsByNode()
{
    auto *toggle = m_page->findChild<QToolButton *>(QStringLiteral("groupByNode"));
    QVERIFY(toggle);
    toggle->setChecked(true);
    TopologyScene *scene = m_page->scene();
    QStringList nodeGroups;
    for (const TopologyBox &box : scene->layout().groupBoxes()) {
        if (box.title.startsWith(QStringLiteral("node ")))
            nodeGroups.append(box.title);
    }
    QVERIFY2(!nodeGroups.isEmpty(), "no group per Kubernetes node");
    int boxed = 0;
    for (const TopologyNode &node : scene->graph()->nodes()) {
        if (node.kind != TopologyKind::Pod || !scene->item(node.id))
            continue;
        QVERIFY2(node.group.startsWith(QStringLiteral("node "))
                     || node.group == QStringLiteral("not scheduled"),
                 qPrintable(node.id + QStringLiteral(": ") + node.group));
        ++boxed;
    }
    QVERIFY(boxed > 5);
    // Owners keep their application group.
    TopologyNodeItem *deployment = firstItem(TopologyKind::Deployment, QStringLiteral("frontend"));
    QVERIFY(deployment);
    QVERIFY(!deployment->node().group.startsWith(QStringLiteral("node ")));
    // Nothing overlaps.
    const QList<QRectF> rects = scene->layout().nodeRects().values();
    for (int i = 0; i < rects.size(); ++i) {
        for (int j = i + 1; j < rects.size(); ++j)
            QVERIFY(!rects[i].intersects(rects[j]));
    }
    if (const QByteArray dir = qgetenv("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        waitForSteadyState();
        m_page->view()->fitAll();
        m_page->grab().save(QString::fromLocal8Bit(dir)
                            + QStringLiteral("/topology-pfe-by-node.png"));
    }
    toggle->setChecked(false);
    for (const TopologyBox &box : scene->layout().groupBoxes())
        QVERIFY2(!box.title.startsWith(QStringLiteral("node ")), qPrintable(box.title));
}

void TestTopologyPageSim::presenterUsesLargeFontsAndRevealsTiers()
{
    TopologyScene *scene = m_page->scene();
    const QSizeF normal = scene->layout().nodeSize(TopologyKind::Deployment);
    auto presenter = std::make_unique<PresenterWindow>(scene);
    presenter->resize(1600, 900);
    presenter->show();
    QVERIFY(QTest::qWaitForWindowExposed(presenter.get()));
    QTest::qWait(100);
    QVERIFY(scene->display().presenter);
    QVERIFY(scene->display().fontScale >= 1.4);
    QVERIFY(scene->layout().nodeSize(TopologyKind::Deployment).width() > normal.width());
    auto *view = presenter->findChild<TopologyView *>();
    QVERIFY(view);
    // Fitted: every column across the window (ui/tst_presenter_sim checks it item by item).
    QTRY_VERIFY2(view->mapFromScene(scene->sceneRect()).boundingRect().width()
                     <= view->viewport()->width() + 1,
                 qPrintable(QString::number(view->zoom())));
    // Tier by tier: the first step shows only the entry tier.
    QVERIFY(presenter->stepCount() >= 4);
    QCOMPARE(presenter->step(), 0);
    TopologyNodeItem *deployment = firstItem(TopologyKind::Deployment, QStringLiteral("frontend"));
    QVERIFY(deployment);
    QVERIFY(!deployment->isVisible());
    const QByteArray dir = qgetenv("ORRERY_SCREENSHOT_DIR");
    for (int i = 0; i < 3; ++i)
        presenter->nextTier();
    QVERIFY(deployment->isVisible()); // entry, ingress, services, workloads
    if (!dir.isEmpty()) {
        waitForSteadyState();
        presenter->grab().save(QString::fromLocal8Bit(dir)
                               + QStringLiteral("/topology-presenter.png"));
        QTest::keyClick(presenter.get(), Qt::Key_A);
        QTest::qWait(300);
        presenter->grab().save(QString::fromLocal8Bit(dir)
                               + QStringLiteral("/topology-presenter-anonymised.png"));
        QTest::keyClick(presenter.get(), Qt::Key_A);
    }
    QTest::keyClick(presenter.get(), Qt::Key_A);
    QVERIFY(scene->display().anonymise);
    QVERIFY(scene->display().displayName(deployment->node()) != deployment->node().name);
    presenter.reset();
    QVERIFY(!scene->display().presenter);
    QVERIFY(!scene->display().anonymise);
    QCOMPARE(scene->layout().nodeSize(TopologyKind::Deployment), normal);
}

void TestTopologyPageSim::switchingTheLookRepaints()
{
    // The scene reads TopologyStyle at paint time: a switch of look (Theme::changed) repaints
    // it in the new colours, background included.
    TopologyScene *scene = m_page->scene();
    TopologyView *view = m_page->view();
    view->fitAll();
    const QPoint corner = view->viewport()->rect().bottomRight() - QPoint(40, 40);
    auto backgroundPixel = [&] {
        QImage image(view->viewport()->size(), QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        view->viewport()->render(&image);
        return QColor(image.pixel(corner));
    };
    Theme::instance()->setMode(Theme::Mode::Light);
    const QColor light = backgroundPixel();
    Theme::instance()->setMode(Theme::Mode::Dark);
    QCOMPARE(scene->backgroundBrush().color(), TopologyStyle::background());
    const QColor dark = backgroundPixel();
    QVERIFY2(dark.lightness() < light.lightness() - 100,
             qPrintable(QStringLiteral("%1 → %2").arg(light.name(), dark.name())));
    Theme::instance()->setMode(Theme::Mode::Light);
    QCOMPARE(backgroundPixel(), light);
}

void TestTopologyPageSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(TestTopologyPageSim)
#include "tst_topologypage_sim.moc"
