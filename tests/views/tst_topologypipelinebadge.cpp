// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline line on a workload's card (TopologyDisplay::pipeline, set by TopologyPage from
// PipelineImageLinker): "deployed by run #…" painted under the card in the selection accent,
// "rolling out from run #…" in the progressing colour, in the tooltip, kept when names are
// anonymised, gone when cleared; a click on it emits pipelineRunRequested with the node, a
// click on the card itself does not. With ORRERY_SCREENSHOT_DIR set, writes
// topology-pipeline-badge-{light,dark}.png there (docs/screenshots/).
#include "theme.h"
#include "topologybuilder.h"
#include "topologygraph.h"
#include "topologynodeitem.h"
#include "topologyscene.h"
#include "topologystyle.h"
#include "topologysynthetic.h"
#include "topologyview.h"

#include <QPainter>
#include <QSignalSpy>
#include <QStyleOptionGraphicsItem>
#include <QTest>

using namespace Orrery;
using S = TopologySynthetic;

namespace {

QImage paintItem(TopologyNodeItem *item)
{
    const QRectF bounds = item->boundingRect();
    QImage image(bounds.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.translate(-bounds.topLeft());
    QStyleOptionGraphicsItem option;
    option.exposedRect = bounds;
    item->paint(&painter, &option, nullptr);
    return image;
}

// Pixels of `image` inside `rect` (item coordinates) close to `colour`.
int countNear(const QImage &image, TopologyNodeItem *item, const QRectF &rect, const QColor &c)
{
    int n = 0;
    const QRect r = rect.translated(-item->boundingRect().topLeft()).toAlignedRect();
    for (int y = std::max(0, r.top()); y <= std::min(image.height() - 1, r.bottom()); ++y)
        for (int x = std::max(0, r.left()); x <= std::min(image.width() - 1, r.right()); ++x) {
            const QColor p = image.pixelColor(x, y);
            if (p.alpha() > 200 && qAbs(p.red() - c.red()) < 40 && qAbs(p.green() - c.green()) < 40
                && qAbs(p.blue() - c.blue()) < 40)
                ++n;
        }
    return n;
}

} // namespace

class TestTopologyPipelineBadge : public QObject
{
    Q_OBJECT

private slots:
    void paintedAndCleared();
    void clickOpensRun();
    void screenshots();

private:
    void build(TopologyGraph &graph, TopologyScene &scene);
    QString m_deployment = topologyNodeId(TopologyKind::Deployment, "shop", "backend");
};

void TestTopologyPipelineBadge::build(TopologyGraph &graph, TopologyScene &scene)
{
    TopologyBuilder builder(&graph);
    QList<KubeObjectPtr> objects;
    S::application(objects, "shop", "backend", 2, false);
    S::application(objects, "shop", "frontend", 1, false);
    builder.reset(objects);
    scene.setAnimationsEnabled(false);
    scene.rebuild();
}

void TestTopologyPipelineBadge::paintedAndCleared()
{
    TopologyGraph graph;
    TopologyScene scene(&graph);
    build(graph, scene);
    TopologyNodeItem *item = scene.item(m_deployment);
    QVERIFY(item);
    QVERIFY(item->pipelineBadgeRect().isEmpty());
    const QRectF below(8, item->size().height() - 6, item->size().width() - 16, 15);
    const int plainAccent = countNear(paintItem(item), item, below, TopologyStyle::selection());

    const QString text = QStringLiteral("deployed by run #123 · abc1234 · 5m ago");
    scene.setPipelineBadges(
        {{m_deployment, {text, false, QStringLiteral("run #123 · abc1234 · 5m ago")}}});
    const QRectF pill = item->pipelineBadgeRect();
    QVERIFY(!pill.isEmpty());
    QVERIFY(item->boundingRect().contains(pill));
    QVERIFY(pill.bottom() > item->size().height()); // hangs under the card
    const QImage deployed = paintItem(item);
    QVERIFY(countNear(deployed, item, pill, TopologyStyle::selection()) > plainAccent + 10);
    QVERIFY(TopologyNodeItem::toolTipFor(item->node(), scene.display()).contains("run #123"));

    const QColor progressing = TopologyStyle::healthColor(TopologyHealth::Progressing);
    const int before = countNear(deployed, item, pill, progressing);
    scene.setPipelineBadges({{m_deployment,
                              {QStringLiteral("rolling out from run #124 · 0123456 · 30s ago"),
                               true, QStringLiteral("rolling out #124 · 0123456 · 30s ago")}}});
    QVERIFY(countNear(paintItem(item), item, pill, progressing) > before + 10);

    // Anonymised names: the line names no repository, it stays.
    scene.setAnonymise(true);
    QVERIFY(!item->pipelineBadgeRect().isEmpty());
    scene.setAnonymise(false);

    scene.setPipelineBadges({});
    QVERIFY(item->pipelineBadgeRect().isEmpty());
    QCOMPARE(countNear(paintItem(item), item, below, TopologyStyle::selection()), plainAccent);
}

void TestTopologyPipelineBadge::clickOpensRun()
{
    TopologyGraph graph;
    TopologyScene scene(&graph);
    build(graph, scene);
    TopologyView view;
    view.resize(900, 600);
    view.setTopologyScene(&scene);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(1.0);
    TopologyNodeItem *item = scene.item(m_deployment);
    QVERIFY(item);
    view.centerOnNode(m_deployment);
    scene.setPipelineBadges({{m_deployment,
                              {QStringLiteral("deployed by run #123 · abc1234 · 5m ago"), false,
                               QStringLiteral("run #123 · abc1234 · 5m ago")}}});
    QSignalSpy requested(&view, &TopologyView::pipelineRunRequested);
    QSignalSpy selected(&view, &TopologyView::nodeSelected);

    const QPoint onCard
        = view.mapFromScene(item->mapToScene(QPointF(item->size().width() / 2, 12)));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, onCard);
    QVERIFY(requested.isEmpty());

    const QPoint onPill = view.mapFromScene(item->mapToScene(item->pipelineBadgeRect().center()));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, onPill);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), m_deployment);
}

void TestTopologyPipelineBadge::screenshots()
{
    const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("ORRERY_SCREENSHOT_DIR not set");
    for (const bool dark : {false, true}) {
        Theme::instance()->setMode(dark ? Theme::Mode::Dark : Theme::Mode::Light);
        TopologyGraph graph;
        TopologyScene scene(&graph);
        build(graph, scene);
        scene.setPipelineBadges({{m_deployment,
                                  {QStringLiteral("deployed by run #123 · abc1234 · 5m ago"), false,
                                   QStringLiteral("run #123 · abc1234 · 5m ago")}},
                                 {topologyNodeId(TopologyKind::Deployment, "shop", "frontend"),
                                  {QStringLiteral("rolling out from run #124 · 0123456 · 40s ago"),
                                   true, QStringLiteral("rolling out #124 · 0123456 · 40s ago")}}});
        TopologyView view;
        view.resize(1000, 520);
        view.setTopologyScene(&scene);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setZoom(1.0);
        view.centerOnNode(m_deployment);
        QTest::qWait(50);
        QVERIFY(view.grab().save(
            dir
            + (dark ? "/topology-pipeline-badge-dark.png" : "/topology-pipeline-badge-light.png")));
    }
    Theme::instance()->setMode(Theme::Mode::Light);
}

QTEST_MAIN(TestTopologyPipelineBadge)
#include "tst_topologypipelinebadge.moc"
