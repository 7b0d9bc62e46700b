// SPDX-License-Identifier: GPL-3.0-or-later
// Presenter mode for a room, on a live orrery-sim cluster (scenario pfe): the presentation keys
// reveal and hide tiers and never scroll the diagram, the step counter says where we are, Fit
// shows every column (ConfigMaps, Secrets, PVCs and PVs included) at 1600×1000 and 1280×720,
// nodes carry their kind badge in the view as in the export, Anonymise draws no real name,
// namespace or group title (every string drawn is recorded), status colours keep a high
// contrast, the node under the mouse gets the laser halo; and runbooks on the diagram: the
// Runbooks page's player runs the steps from the presenter's keys and its captions show over
// the topology; Space works right after Start. With ORRERY_SCREENSHOT_DIR set it also writes
// docs/screenshots/presenter-runbook-{1280x720,1920x1080}-{light,dark}.png.
#include "eventloopwait.h"
#include "simprocess.h"
#include "simwindowfixture.h"
#include "textrecorder.h"

#include <objectmetricsview.h>
#include <operations/confirmdialog.h>
#include <presentermetricsview.h>
#include <presenterwindow.h>
#include <runbook/runbookcaptionoverlay.h>
#include <runbook/runbookplayer.h>
#include <theme.h>
#include <topologypage.h>
#include <topologystyle.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>
#include <kube/kubeconfig.h>
#include <monitoring/metricspoller.h>
#include <monitoring/monitoringsource.h>
#include <runbook/runbookrunner.h>
#include <runbook/shippedrunbooks.h>
#include <topologygraph.h>
#include <topologylayout.h>
#include <topologynodeitem.h>
#include <topologyscene.h>
#include <topologyview.h>

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

// WCAG relative luminance and contrast ratio.
qreal luminance(const QColor &color)
{
    auto channel
        = [](qreal c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
           + 0.0722 * channel(color.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Every string the scene draws at `scale` (1.5: what the PNG export renders), all items.
QStringList sceneTexts(TopologyScene *scene, qreal scale)
{
    const QRectF source = scene->sceneRect();
    Orrery::Test::TextRecorder recorder((source.size() * scale).toSize());
    QPainter painter(&recorder);
    const TopologyOverviewScope details(scene, false);
    scene->render(&painter, QRectF(QPointF(0, 0), source.size() * scale), source);
    painter.end();
    return recorder.texts();
}

// Every string the view draws on screen, as it is zoomed now.
QStringList viewTexts(TopologyView *view)
{
    Orrery::Test::TextRecorder recorder(view->viewport()->size());
    view->viewport()->render(&recorder);
    return recorder.texts();
}

QPushButton *dialogButton(QDialog *dialog, const QString &text)
{
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}

} // namespace

class TestPresenterSim : public QObject
{
    Q_OBJECT

private slots:
    void cleanup(); // no JSON decoded on the GUI thread (DecodeGuard)
    void initTestCase();
    void cleanupTestCase();
    void keysRevealTiersWithoutScrolling();
    void fitShowsEveryColumn_data();
    void fitShowsEveryColumn();
    void nodesShowTheirKindAsTheExportDoes();
    void anonymiseDrawsNoRealName();
    void statusColoursHaveHighContrast();
    void laserPointerHighlightsTheNodeUnderTheMouse();
    void spaceWorksRightAfterStart();
    void runbookCaptionsShowOverTheDiagram();
    void screenshotsMidRunbook();
    void runbookShowsMetricsChart();

private:
    std::unique_ptr<PresenterWindow> presenter(const QSize &size);
    QString writeRunbook(const QString &name, const QByteArray &yaml);
    void confirm(RunbookPlayer &player);

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    Kubeconfig m_config;
    ClusterSession *m_session = nullptr;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<TopologyPage> m_page;
};

void TestPresenterSim::initTestCase()
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
    m_audit = std::make_unique<AuditLog>(m_dir.filePath("audit"));

    m_page = std::make_unique<TopologyPage>();
    m_page->resize(1200, 780);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setSession(m_session);
    QVERIFY(m_page->scene());
    QVERIFY(waitUntil([&] { return m_page->scene()->itemCount() > 20; }, 10000));
    QTest::qWait(1500); // pods ready: the diagram in its steady state
}

void TestPresenterSim::cleanupTestCase()
{
    m_page.reset();
    m_sim.stop();
}

std::unique_ptr<PresenterWindow> TestPresenterSim::presenter(const QSize &size)
{
    auto window = std::make_unique<PresenterWindow>(m_page->scene());
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    window->activateWindow();
    window->fit(); // at its final size
    return window;
}

void TestPresenterSim::keysRevealTiersWithoutScrolling()
{
    auto window = presenter(QSize(1600, 1000));
    QVERIFY(window);
    TopologyView *view = window->view();
    const int count = window->stepCount();
    QVERIFY2(count >= 5, qPrintable(QString::number(count)));
    QCOMPARE(window->step(), 0);
    QCOMPARE(window->stepCounter()->text(), QStringLiteral("1 / %1").arg(count));
    QVERIFY(window->stepCounter()->isVisible());

    // Zoomed in, so that both scroll bars could move: the keys must not move them.
    view->setZoom(1.6);
    view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum() / 2);
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
    QVERIFY(view->horizontalScrollBar()->maximum() > 0);
    QVERIFY(view->verticalScrollBar()->maximum() > 0);
    const int h = view->horizontalScrollBar()->value();
    const int v = view->verticalScrollBar()->value();
    auto unscrolled = [&] {
        return view->horizontalScrollBar()->value() == h && view->verticalScrollBar()->value() == v;
    };

    // To the view (where a click would have put the focus) and to the window.
    int expected = 0;
    for (QWidget *target :
         {static_cast<QWidget *>(view), view->viewport(), static_cast<QWidget *>(window.get())}) {
        for (Qt::Key key : {Qt::Key_Right, Qt::Key_Space, Qt::Key_PageDown}) {
            QTest::keyClick(target, key);
            expected = std::min(expected + 1, count - 1);
            QCOMPARE(window->step(), expected);
            QVERIFY2(unscrolled(), QByteArray::number(int(key)).constData());
        }
        QCOMPARE(window->stepCounter()->text(),
                 QStringLiteral("%1 / %2").arg(expected + 1).arg(count));
        for (Qt::Key key : {Qt::Key_Left, Qt::Key_PageUp}) {
            QTest::keyClick(target, key);
            expected = std::max(expected - 1, 0);
            QCOMPARE(window->step(), expected);
            QVERIFY2(unscrolled(), QByteArray::number(int(key)).constData());
        }
    }
    // The arrows up and down, Home and End do not scroll it away either.
    for (Qt::Key key : {Qt::Key_Down, Qt::Key_Up, Qt::Key_End, Qt::Key_Home}) {
        QTest::keyClick(view, key);
        QVERIFY2(unscrolled(), QByteArray::number(int(key)).constData());
    }
    // The last tier shows everything; past it nothing changes.
    for (int i = 0; i < count + 2; ++i)
        QTest::keyClick(window.get(), Qt::Key_Right);
    QCOMPARE(window->step(), count - 1);
    QCOMPARE(window->stepCounter()->text(), QStringLiteral("%1 / %1").arg(count));
    QCOMPARE(m_page->scene()->revealRank(), TopologyRankCount);
}

void TestPresenterSim::fitShowsEveryColumn_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1600x1000") << QSize(1600, 1000);
    QTest::newRow("1280x720") << QSize(1280, 720);
}

void TestPresenterSim::fitShowsEveryColumn()
{
    QFETCH(QSize, size);
    auto window = presenter(size);
    QVERIFY(window);
    for (int i = 0; i < window->stepCount(); ++i)
        window->nextTier();
    TopologyView *view = window->view();
    QTest::keyClick(window.get(), Qt::Key_F);
    TopologyScene *scene = m_page->scene();
    QVERIFY(!scene->isOverview()); // names are drawn, however small the fit
    if (const QByteArray dir = qgetenv("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty())
        window->grab().save(QStringLiteral("%1/presenter-fit-%2x%3.png")
                                .arg(QString::fromLocal8Bit(dir))
                                .arg(size.width())
                                .arg(size.height()));
    const QRect viewport = view->viewport()->rect();
    QSet<TopologyKind> kinds;
    for (const TopologyNode &node : scene->graph()->nodes()) {
        TopologyNodeItem *item = scene->item(node.id);
        if (!item || !item->isVisible())
            continue;
        const QRect onScreen
            = view->mapFromScene(item->mapRectToScene(QRectF(QPointF(0, 0), item->size())))
                  .boundingRect();
        // Every column of every namespace across the window; the application (the largest
        // namespace, laid out first) whole.
        const bool whole = node.home == QLatin1String("pfe-app");
        if (whole)
            kinds.insert(node.kind);
        const bool inside
            = whole ? viewport.contains(onScreen)
                    : onScreen.left() >= viewport.left() && onScreen.right() <= viewport.right();
        QVERIFY2(inside, qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 outside %6x%7")
                                        .arg(node.id)
                                        .arg(onScreen.x())
                                        .arg(onScreen.y())
                                        .arg(onScreen.width())
                                        .arg(onScreen.height())
                                        .arg(viewport.width())
                                        .arg(viewport.height())));
    }
    // Every column of the application: the storage and configuration ones included.
    for (TopologyKind kind :
         {TopologyKind::Ingress, TopologyKind::Service, TopologyKind::Deployment,
          TopologyKind::ReplicaSet, TopologyKind::Pod, TopologyKind::ConfigMap,
          TopologyKind::Secret, TopologyKind::Pvc, TopologyKind::Pv})
        QVERIFY2(kinds.contains(kind), qPrintable(topologyKindName(kind)));
    // Readable from the back of the room: node names at least 12 px tall on screen.
    const qreal nodeHeight = scene->layout().nodeSize(TopologyKind::Deployment).height();
    QVERIFY2(nodeHeight * view->zoom() * 0.68 >= 12,
             qPrintable(QStringLiteral("zoom %1").arg(view->zoom())));
}

void TestPresenterSim::nodesShowTheirKindAsTheExportDoes()
{
    auto window = presenter(QSize(1280, 720));
    QVERIFY(window);
    for (int i = 0; i < window->stepCount(); ++i)
        window->nextTier();
    // backend-spring is a Service, a Deployment and a ReplicaSet: each says which.
    const QStringList onScreen = viewTexts(window->view());
    const QStringList exported = sceneTexts(m_page->scene(), 1.5);
    for (const QString &badge :
         {QStringLiteral("Svc"), QStringLiteral("Dep"), QStringLiteral("RS"), QStringLiteral("Pod"),
          QStringLiteral("STS"), QStringLiteral("PVC"), QStringLiteral("PV"), QStringLiteral("CM"),
          QStringLiteral("Sec"), QStringLiteral("HPA")}) {
        QVERIFY2(onScreen.contains(badge),
                 qPrintable(badge + QLatin1Char('\n') + onScreen.join(QLatin1Char('|'))));
        QVERIFY2(exported.contains(badge), qPrintable(badge));
    }
    // The page's own view, outside presenter mode, draws them as well.
    window.reset();
    m_page->view()->fitAll();
    QVERIFY(viewTexts(m_page->view()).contains(QStringLiteral("Dep")));
}

void TestPresenterSim::anonymiseDrawsNoRealName()
{
    auto window = presenter(QSize(1600, 1000));
    QVERIFY(window);
    for (int i = 0; i < window->stepCount(); ++i)
        window->nextTier();
    TopologyScene *scene = m_page->scene();
    // What must not be readable: every node name, namespace and frame title.
    QSet<QString> secrets;
    for (const TopologyNode &node : scene->graph()->nodes()) {
        if (!scene->item(node.id))
            continue;
        secrets.insert(node.name);
        if (!node.ns.isEmpty())
            secrets.insert(node.ns);
        if (!node.group.isEmpty())
            secrets.insert(node.group);
    }
    for (const TopologyBox &box : scene->layout().namespaceBoxes() + scene->layout().groupBoxes())
        if (!box.title.isEmpty())
            secrets.insert(box.title);
    QVERIFY(secrets.contains(QStringLiteral("backend-spring")));
    QVERIFY(secrets.contains(QStringLiteral("pfe-app")));
    auto leaks = [&](const QStringList &texts) {
        QStringList found;
        for (const QString &text : texts) {
            for (const QString &secret : std::as_const(secrets)) {
                if (text.contains(secret, Qt::CaseInsensitive))
                    found << QStringLiteral("\"%1\" in \"%2\"").arg(secret, text);
            }
        }
        return found;
    };
    // Before: the names are there (so the recording sees what the screen shows).
    QVERIFY(!leaks(viewTexts(window->view())).isEmpty());

    QTest::keyClick(window.get(), Qt::Key_A);
    QVERIFY(scene->display().anonymise);
    for (const QStringList &texts :
         {viewTexts(window->view()), sceneTexts(scene, 1.5), sceneTexts(scene, 0.6)}) {
        QVERIFY(texts.size() > 20);
        const QStringList found = leaks(texts);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
    // The tooltip too.
    const TopologyNode *spring = nullptr;
    for (const TopologyNode &node : scene->graph()->nodes())
        if (node.kind == TopologyKind::Deployment && node.name == QLatin1String("backend-spring")
            && node.ns == QLatin1String("pfe-app"))
            spring = &node;
    QVERIFY(spring);
    const QString tip
        = TopologyNodeItem::anonymousToolTipFor(*spring, scene->display().displayName(*spring));
    QVERIFY2(leaks({tip}).isEmpty(), qPrintable(tip));
    // And back: the names return.
    QTest::keyClick(window.get(), Qt::Key_A);
    QVERIFY(!scene->display().anonymise);
    QVERIFY(!leaks(viewTexts(window->view())).isEmpty());
}

void TestPresenterSim::statusColoursHaveHighContrast()
{
    for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
        Theme::instance()->setMode(mode);
        for (int h = 0; h < TopologyHealthCount; ++h) {
            const QColor strong = TopologyStyle::healthColor(TopologyHealth(h), true);
            const qreal ratio = contrast(strong, TopologyStyle::background());
            QVERIFY2(
                ratio >= 4.5,
                qPrintable(
                    QStringLiteral("health %1 %2: %3:1").arg(h).arg(strong.name()).arg(ratio)));
        }
    }
    Theme::instance()->setMode(Theme::Mode::Light);
}

void TestPresenterSim::laserPointerHighlightsTheNodeUnderTheMouse()
{
    auto window = presenter(QSize(1600, 1000));
    QVERIFY(window);
    for (int i = 0; i < window->stepCount(); ++i)
        window->nextTier();
    TopologyView *view = window->view();
    TopologyScene *scene = m_page->scene();
    QVERIFY(view->hasLaserPointer());
    TopologyNodeItem *target = nullptr;
    for (const TopologyNode &node : scene->graph()->nodes())
        if (node.kind == TopologyKind::Deployment && node.name == QLatin1String("backend-spring")
            && node.ns == QLatin1String("pfe-app"))
            target = scene->item(node.id);
    QVERIFY(target);
    const QRectF box = target->mapRectToScene(QRectF(QPointF(0, 0), target->size()));
    const QPoint centre = view->mapFromScene(box.center());
    auto pixelAboveTheNode = [&] {
        QImage image(view->viewport()->size(), QImage::Format_ARGB32);
        view->viewport()->render(&image);
        const QPoint top = view->mapFromScene(QPointF(box.center().x(), box.top()));
        return QColor(image.pixel(top - QPoint(0, 4)));
    };
    const QColor before = pixelAboveTheNode();
    auto moveTo = [&](const QPoint &pos) {
        QMouseEvent move(QEvent::MouseMove, pos, view->viewport()->mapToGlobal(pos), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
    };
    moveTo(centre);
    QTRY_COMPARE(view->pointedNode(), target->node().id);
    const QColor lit = pixelAboveTheNode();
    QVERIFY2(lit.red() > 200 && lit.green() < 120 && lit.blue() < 120,
             qPrintable(before.name() + QStringLiteral(" → ") + lit.name()));
    // Off the nodes (the stage's top-left margin): no halo.
    moveTo(QPoint(2, 2));
    QTRY_VERIFY(view->pointedNode().isEmpty());
    QCOMPARE(pixelAboveTheNode(), before);
}

QString TestPresenterSim::writeRunbook(const QString &name, const QByteArray &yaml)
{
    const QString file = m_dir.filePath(name);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(yaml);
    return file;
}

void TestPresenterSim::confirm(RunbookPlayer &player)
{
    QTRY_VERIFY(player.confirmDialog());
    ConfirmDialog *dialog = player.confirmDialog();
    QTRY_VERIFY(dialog->isVisible());
    QPushButton *start = dialogButton(dialog, QStringLiteral("Start runbook"));
    QVERIFY(start);
    QTRY_VERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY(!player.confirmDialog());
}

void TestPresenterSim::spaceWorksRightAfterStart()
{
    // The window as a user has it: the navigator (a list) has the focus when Start is
    // clicked; after the confirmation, Space runs the first step without a click on the page.
    const QString file = writeRunbook(QStringLiteral("space.yaml"), "name: Space after start\n"
                                                                    "steps:\n"
                                                                    "  - caption: \"First\"\n"
                                                                    "  - caption: \"Second\"\n");
    QVERIFY(!file.isEmpty());
    QWidget window;
    auto *row = new QHBoxLayout(&window);
    auto *navigator = new QListWidget(&window);
    navigator->addItems({QStringLiteral("Topology"), QStringLiteral("Runbooks")});
    row->addWidget(navigator);
    auto *player = new RunbookPlayer(&window);
    row->addWidget(player, 1);
    // Another page's field after the player in the focus chain: where the focus of a disabled
    // Start button would go next.
    row->addWidget(new QLineEdit(&window));
    player->setAuditLog(m_audit.get());
    player->setSession(m_session);
    QVERIFY(player->loadFile(file).ok());
    window.resize(1000, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    navigator->setFocus();
    QCOMPARE(QApplication::focusWidget(), navigator);
    QTest::mouseClick(player->startButton(), Qt::LeftButton);
    confirm(*player);
    // The window manager hands the activation back to the window once the dialog is gone.
    QApplication::setActiveWindow(&window);
    QTRY_VERIFY(player->isWaitingForNext());
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key_Space);
    QTRY_COMPARE(player->captionLabel()->text(), QStringLiteral("First"));
    QTRY_VERIFY(player->isWaitingForNext());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_COMPARE(player->captionLabel()->text(), QStringLiteral("Second"));
}

void TestPresenterSim::runbookCaptionsShowOverTheDiagram()
{
    const QString file = writeRunbook(
        QStringLiteral("present.yaml"),
        "name: On the diagram\n"
        "namespace: pfe-app\n"
        "steps:\n"
        "  - caption: \"Two Python backends serve the API.\"\n"
        "  - show: topology\n"
        "  - scale: {target: deployment/backend-python, replicas: 3, caption: \"Three now.\"}\n"
        "    expect: {kind: replicas, of: deployment/backend-python, field: desired, count: 3}\n"
        "  - show: {view: pipeline, caption: \"No pipeline view here: the diagram stays.\"}\n"
        "  - caption: \"Done.\"\n");
    QVERIFY(!file.isEmpty());
    RunbookPlayer player;
    player.setAuditLog(m_audit.get());
    player.setSession(m_session);
    QVERIFY(player.loadFile(file).ok());
    player.resize(900, 600);
    player.show();
    QVERIFY(QTest::qWaitForWindowExposed(&player));

    // As app/operationpageswiring.cpp wires it: Present opens presenter mode on the runner.
    std::unique_ptr<PresenterWindow> window;
    connect(&player, &RunbookPlayer::presentRequested, this, [&] {
        window = std::make_unique<PresenterWindow>(m_page->scene());
        window->resize(1280, 720);
        window->show();
        window->playRunbook(player.runner(), player.runbook());
    });
    QVERIFY(player.presentButton()->isEnabled());
    QTest::mouseClick(player.presentButton(), Qt::LeftButton);
    confirm(player);
    QTRY_VERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    RunbookCaptionOverlay *overlay = window->runbookOverlay();
    QVERIFY(overlay);
    QVERIFY(overlay->isVisible());
    QVERIFY(!window->stepCounter()->isVisible()); // the band counts the runbook's steps
    QCOMPARE(m_page->scene()->revealRank(), TopologyRankCount);
    QTRY_VERIFY(player.isWaitingForNext());
    QCOMPARE(overlay->counterLabel()->text(), QStringLiteral("Step 0 / 5  ·  On the diagram"));

    // The band sits at the bottom of the diagram, across it, in large type.
    const QRect band = overlay->geometry();
    QCOMPARE(band.bottom(), overlay->parentWidget()->height() - 1);
    QCOMPARE(band.width(), overlay->parentWidget()->width());
    QVERIFY(overlay->captionLabel()->font().pointSizeF() >= 2.5 * player.font().pointSizeF());

    TopologyView *view = window->view();
    const int h = view->horizontalScrollBar()->value();
    QTest::keyClick(view, Qt::Key_Right);
    QTRY_COMPARE(overlay->captionLabel()->text(),
                 QStringLiteral("Two Python backends serve the API."));
    QCOMPARE(overlay->counterLabel()->text(), QStringLiteral("Step 1 / 5  ·  On the diagram"));
    QCOMPARE(m_page->scene()->revealRank(), TopologyRankCount); // keys run steps, not tiers
    QCOMPARE(view->horizontalScrollBar()->value(), h);
    QTRY_VERIFY(player.isWaitingForNext());

    QTest::keyClick(window.get(), Qt::Key_Space);
    QTRY_COMPARE(player.runner()->currentIndex(), 2);
    QCOMPARE(window->currentView(), QStringLiteral("topology"));
    QTRY_VERIFY(player.isWaitingForNext());

    QTest::keyClick(window.get(), Qt::Key_PageDown);
    QTRY_COMPARE(overlay->captionLabel()->text(), QStringLiteral("Three now."));
    QTRY_VERIFY(player.isWaitingForNext());
    // The caption's claim, checked on the cluster, under it.
    QVERIFY(overlay->expectationsLabel()->isVisible());
    QVERIFY2(overlay->expectationsLabel()->text().startsWith(QStringLiteral("✓")),
             qPrintable(overlay->expectationsLabel()->text()));
    QVERIFY2(overlay->expectationsLabel()->text().contains(QStringLiteral("backend-python")),
             qPrintable(overlay->expectationsLabel()->text()));
    // How it ended stays up beside what comes next.
    QVERIFY2(overlay->statusLabel()->text().startsWith(QStringLiteral("✓")),
             qPrintable(overlay->statusLabel()->text()));
    QVERIFY2(
        overlay->statusLabel()->text().contains(QStringLiteral("Next: Show the pipeline view")),
        qPrintable(overlay->statusLabel()->text()));
    // The scale really happened: the diagram follows the cluster.
    const QString python = topologyNodeId(TopologyKind::Deployment, QStringLiteral("pfe-app"),
                                          QStringLiteral("backend-python"));
    QVERIFY(waitUntil(
        [&] {
            const TopologyNode *node = m_page->scene()->graph()->node(python);
            return node && node->desired == 3;
        },
        20000));

    // A view nobody registered: the diagram stays. One that is registered is shown.
    QTest::keyClick(window.get(), Qt::Key_Right);
    QTRY_COMPARE(overlay->captionLabel()->text(),
                 QStringLiteral("No pipeline view here: the diagram stays."));
    QCOMPARE(window->currentView(), QStringLiteral("topology"));
    QTRY_VERIFY(player.isWaitingForNext());
    QLabel *pipeline = nullptr;
    window->setStepView(QStringLiteral("pipeline"), [&](const RunbookStep &, QWidget *parent) {
        pipeline = new QLabel(QStringLiteral("pipeline"), parent);
        return pipeline;
    });
    QVERIFY(window->showView(QStringLiteral("pipeline")));
    QVERIFY(pipeline && pipeline->isVisible());
    QVERIFY(overlay->isVisible());
    QVERIFY(window->showView(QStringLiteral("topology")));
    QVERIFY(view->isVisible());

    QTest::keyClick(window.get(), Qt::Key_Right);
    QTRY_COMPARE(overlay->captionLabel()->text(), QStringLiteral("Done."));
    QTRY_COMPARE(overlay->counterLabel()->text(), QStringLiteral("Step 5 / 5  ·  On the diagram"));
    QTRY_VERIFY(!player.isRunning());
    // ← cannot take a step back: nothing happens, nothing scrolls.
    QTest::keyClick(window.get(), Qt::Key_Left);
    QCOMPARE(overlay->captionLabel()->text(), QStringLiteral("Done."));
}

void TestPresenterSim::screenshotsMidRunbook()
{
    const QByteArray dir = qgetenv("ORRERY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("ORRERY_SCREENSHOT_DIR not set");
    // The shipped load runbook, true on the simulator today: the load rises, the HPA scales
    // backend-spring out while the caption says so.
    RunbookPlayer player;
    player.setAuditLog(m_audit.get());
    player.setSession(m_session);
    QVERIFY(
        player.loadFile(ShippedRunbooks::directory() + QStringLiteral("/pfe-load-scale-out.yaml"))
            .ok());
    player.show();
    player.requestStart();
    confirm(player);
    auto window = presenter(QSize(1280, 720));
    QVERIFY(window);
    window->playRunbook(player.runner(), player.runbook());
    // Steps 1-5: caption, rollout, caption, load to 90 %, "The HPA reacts…".
    for (int i = 0; i < 5; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(player.isWaitingForNext(), 130000);
        QTest::keyClick(window.get(), Qt::Key_Right);
    }
    QTRY_VERIFY(player.isWaitingForNext());
    // The HPA scales out within a couple of sync periods: shoot once it did.
    waitUntil(
        [&] {
            const TopologyNode *node = m_page->scene()->graph()->node(
                topologyNodeId(TopologyKind::Deployment, QStringLiteral("pfe-app"),
                               QStringLiteral("backend-spring")));
            return node && node->desired > 2;
        },
        60000);
    QTest::qWait(1500);
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        window->resize(size);
        QTest::qWait(100);
        window->fit();
        for (const auto &[mode, look] :
             {std::pair{Theme::Mode::Light, "light"}, std::pair{Theme::Mode::Dark, "dark"}}) {
            Theme::instance()->setMode(mode);
            QTest::qWait(200);
            const QString name = QStringLiteral("%1/presenter-runbook-%2x%3-%4.png")
                                     .arg(QString::fromLocal8Bit(dir))
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(QLatin1String(look));
            QVERIFY(window->grab().save(name));
        }
    }
    Theme::instance()->setMode(Theme::Mode::Light);
    player.stop();
}

void TestPresenterSim::runbookShowsMetricsChart()
{
    // `show: metrics KIND/NAME`: the details pane's Metrics chart of that object under the
    // caption band, until the next key brings the diagram back (and runs the next step).
    const QString file = writeRunbook(
        QStringLiteral("metrics.yaml"),
        "name: Charts in the room\n"
        "namespace: pfe-app\n"
        "steps:\n"
        "  - caption: \"The HPA compares the CPU of backend-spring with its target.\"\n"
        "  - show: metrics hpa/backend-spring-hpa\n"
        "  - caption: \"Back on the diagram.\"\n"
        "  - show: metrics deployment/backend-python\n"
        "  - caption: \"Done.\"\n");
    QVERIFY(!file.isEmpty());
    RunbookPlayer player;
    player.setAuditLog(m_audit.get());
    player.setSession(m_session);
    QVERIFY(player.loadFile(file).ok());
    player.show();
    player.requestStart();
    confirm(player);
    auto window = presenter(QSize(1280, 720));
    QVERIFY(window);
    // As app/operationpageswiring.cpp registers it, with the session's sources.
    MonitoringSource source(m_session);
    MetricsPoller poller(m_session->transport());
    poller.start();
    window->setStepView(QStringLiteral("metrics"), [&](const RunbookStep &step, QWidget *parent) {
        return createPresenterMetricsView(step, player.runbook().ns, m_session->store(), &source,
                                          &poller, parent);
    });
    window->playRunbook(player.runner(), player.runbook());
    RunbookCaptionOverlay *overlay = window->runbookOverlay();
    QVERIFY(overlay);
    auto shownMetrics = [&]() -> ObjectMetricsView * {
        for (auto *view : window->findChildren<ObjectMetricsView *>())
            if (view->isVisible())
                return view;
        return nullptr;
    };

    QTRY_VERIFY(player.isWaitingForNext());
    QTest::keyClick(window.get(), Qt::Key_Right); // the caption
    QTRY_COMPARE(overlay->captionLabel()->text(),
                 QStringLiteral("The HPA compares the CPU of backend-spring with its target."));
    QTRY_VERIFY(player.isWaitingForNext());
    QCOMPARE(window->currentView(), QStringLiteral("topology"));
    QVERIFY(!shownMetrics());

    QTest::keyClick(window.get(), Qt::Key_Right); // show: metrics hpa/...
    QTRY_COMPARE(window->currentView(), QStringLiteral("metrics"));
    ObjectMetricsView *hpa = shownMetrics();
    QVERIFY(hpa);
    QVERIFY(hpa->object());
    QCOMPARE(hpa->object()->kind, Kind::HorizontalPodAutoscaler);
    QCOMPARE(hpa->object()->name, QStringLiteral("backend-spring-hpa"));
    QCOMPARE(hpa->object()->namespaceName, QStringLiteral("pfe-app"));
    QVERIFY(!window->view()->isVisible());
    // Under the caption band, which still says what the room looks at; presenter-sized type.
    QVERIFY(overlay->isVisible());
    QVERIFY(hpa->font().pointSizeF() > 1.5 * player.font().pointSizeF());
    QCOMPARE(overlay->captionLabel()->text(),
             QStringLiteral("The HPA compares the CPU of backend-spring with its target."));
    QTRY_VERIFY(player.isWaitingForNext());
    if (const QByteArray dir = qgetenv("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(20000); // a few of the HPA's kept samples on the chart
        QVERIFY(window->grab().save(QString::fromLocal8Bit(dir)
                                    + QStringLiteral("/presenter-runbook-metrics.png")));
    }

    // The next key: the diagram again, under the next step's caption.
    QTest::keyClick(window.get(), Qt::Key_Right);
    QCOMPARE(window->currentView(), QStringLiteral("topology"));
    QTRY_COMPARE(overlay->captionLabel()->text(), QStringLiteral("Back on the diagram."));
    QCOMPARE(window->currentView(), QStringLiteral("topology"));
    QVERIFY(window->view()->isVisible());
    QVERIFY(!shownMetrics());
    QTRY_VERIFY(player.isWaitingForNext());

    // Another object: a chart of its own.
    QTest::keyClick(window.get(), Qt::Key_Right);
    QTRY_COMPARE(window->currentView(), QStringLiteral("metrics"));
    ObjectMetricsView *python = shownMetrics();
    QVERIFY(python);
    QVERIFY(python != hpa);
    QCOMPARE(python->object()->kind, Kind::Deployment);
    QCOMPARE(python->object()->name, QStringLiteral("backend-python"));
    QTRY_VERIFY(player.isWaitingForNext());

    QTest::keyClick(window.get(), Qt::Key_Right);
    QTRY_COMPARE(overlay->captionLabel()->text(), QStringLiteral("Done."));
    QCOMPARE(window->currentView(), QStringLiteral("topology"));
    QVERIFY(!shownMetrics());
    QTRY_VERIFY(!player.isRunning());
    window.reset();
}

void TestPresenterSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(TestPresenterSim)
#include "tst_presenter_sim.moc"
