// SPDX-License-Identifier: GPL-3.0-or-later
// The topology's overlays: the heat fill (CPU or memory against the request) and the alert
// badge (severity colour and count), painted from TopologyDisplay, off again when cleared.
#include "topologybuilder.h"
#include "topologygraph.h"
#include "topologynodeitem.h"
#include "topologyscene.h"
#include "topologystyle.h"
#include "topologysynthetic.h"

#include <QPainter>
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

// The colour at an item coordinate of an image painted by paintItem().
QColor at(const QImage &image, TopologyNodeItem *item, QPointF p)
{
    return image.pixelColor((p - item->boundingRect().topLeft()).toPoint());
}

bool near(const QColor &a, const QColor &b, int tolerance = 12)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance
           && qAbs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class TestTopologyOverlays : public QObject
{
    Q_OBJECT

private slots:
    void heat();
    void alertBadge();
};

void TestTopologyOverlays::heat()
{
    TopologyGraph graph;
    TopologyBuilder builder(&graph);
    TopologyScene scene(&graph);
    scene.setAnimationsEnabled(false);
    builder.reset(
        {S::deployment("shop", "web", 1, 1, {}), S::pod("shop", "web-1", "Deployment", "web", {})});
    scene.rebuild();
    const QString podId = topologyNodeId(TopologyKind::Pod, "shop", "web-1");
    const QString deploymentId = topologyNodeId(TopologyKind::Deployment, "shop", "web");
    TopologyNodeItem *pod = scene.item(podId);
    TopologyNodeItem *deployment = scene.item(deploymentId);
    QVERIFY(pod && deployment);
    // A point inside the card, right of the kind badge and below the text.
    const QPointF inside(pod->size().width() - 6, pod->size().height() - 4);
    const QColor plain = at(paintItem(pod), pod, inside);

    scene.setHeat(true, {{podId, 1.6f}, {deploymentId, 0.1f}});
    QVERIFY(scene.display().heatOn);
    const QColor hot = at(paintItem(pod), pod, inside);
    QVERIFY2(!near(hot, plain), qPrintable(hot.name() + " " + plain.name()));
    // Red dominates on a pod above 150 % of its request, green on a workload at 10 %.
    QVERIFY2(hot.red() > hot.green() + 40, qPrintable(hot.name()));
    const QPointF workloadInside(deployment->size().width() / 2, deployment->size().height() - 4);
    const QColor cool = at(paintItem(deployment), deployment, workloadInside);
    QVERIFY2(cool.green() > cool.red(), qPrintable(cool.name()));
    QVERIFY(TopologyNodeItem::toolTipFor(pod->node(), scene.display()).contains("160%"));

    scene.setHeat(false, {});
    QVERIFY(near(at(paintItem(pod), pod, inside), plain, 2));
}

void TestTopologyOverlays::alertBadge()
{
    TopologyGraph graph;
    TopologyBuilder builder(&graph);
    TopologyScene scene(&graph);
    scene.setAnimationsEnabled(false);
    builder.reset({S::pod("shop", "web-1", "Deployment", "web", {})});
    scene.rebuild();
    const QString podId = topologyNodeId(TopologyKind::Pod, "shop", "web-1");
    TopologyNodeItem *pod = scene.item(podId);
    QVERIFY(pod);
    const QPointF corner(1, -5); // inside the badge's pill, over the card's top-left corner
    QVERIFY(!near(at(paintItem(pod), pod, corner), TopologyStyle::alertColor(2), 30));

    TopologyDisplay::AlertBadge badge;
    badge.count = 3;
    badge.severity = TopologyDisplay::AlertSeverity::Critical;
    scene.setAlertBadges({{podId, badge}});
    QVERIFY(near(at(paintItem(pod), pod, corner), TopologyStyle::alertColor(2), 30));
    QVERIFY(TopologyNodeItem::toolTipFor(pod->node(), scene.display()).contains("3 firing alert"));

    badge.severity = TopologyDisplay::AlertSeverity::Warning;
    scene.setAlertBadges({{podId, badge}});
    QVERIFY(near(at(paintItem(pod), pod, corner), TopologyStyle::alertColor(1), 30));
    scene.setAlertBadges({});
    QVERIFY(!near(at(paintItem(pod), pod, corner), TopologyStyle::alertColor(1), 30));
}

QTEST_MAIN(TestTopologyOverlays)
#include "tst_topologyoverlays.moc"
