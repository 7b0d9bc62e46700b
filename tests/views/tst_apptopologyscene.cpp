// SPDX-License-Identifier: GPL-3.0-or-later
// AppTopologyScene: any AppTopology (the Fly.io app of seed 001 here, a Railway environment
// likewise) as boxes in columns, attachments on the right, releases at the bottom; stable
// layout on refresh; health from the platform's words; the export to PNG and SVG.
#include <apptopologyexporter.h>
#include <apptopologyscene.h>
#include <topologystyle.h>

#include <QApplication>
#include <QTemporaryDir>
#include <QtMath>
#include <QtTest>

using namespace Orrery;

namespace {

AppNode node(AppNode::Kind kind, const QString &id, const QString &parent, const QString &name,
             const QString &status, bool healthy = true, const QString &region = {})
{
    AppNode n;
    n.kind = kind;
    n.id = id;
    n.parentId = parent;
    n.name = name;
    n.status = status;
    n.healthy = healthy;
    n.region = region;
    return n;
}

AppTopology edge()
{
    AppTopology t;
    t.provider = QStringLiteral("fly");
    t.ref = QStringLiteral("acme-edge");
    t.nodes = {
        node(AppNode::Kind::App, "app:acme-edge", {}, "acme-edge", "deployed", false, "cdg"),
        node(AppNode::Kind::Group, "group:api", "app:acme-edge", "api", "2 machines", false),
        node(AppNode::Kind::Instance, "m1", "group:api", "white-sun-1", "started", false, "cdg"),
        node(AppNode::Kind::Instance, "m2", "group:api", "still-wave-2", "starting", true, "ams"),
        node(AppNode::Kind::Group, "group:web", "app:acme-edge", "web", "1 machine"),
        node(AppNode::Kind::Instance, "m3", "group:web", "bold-star-3", "stopped", true, "iad"),
        node(AppNode::Kind::Attachment, "attachment:DATABASE_URL", "app:acme-edge", "Postgres",
             "attached")};
    t.links = {{"group:api", "attachment:DATABASE_URL", "DATABASE_URL"},
               {"group:web", "attachment:DATABASE_URL", "DATABASE_URL"},
               {"group:gone", "attachment:DATABASE_URL", "DATABASE_URL"}};
    AppRelease r42;
    r42.id = QStringLiteral("rel42");
    r42.version = QStringLiteral("v42");
    r42.status = QStringLiteral("failed");
    r42.image = QStringLiteral("ghcr.io/acme/edge:1.9.0");
    r42.current = true;
    AppRelease r41 = r42;
    r41.id = QStringLiteral("rel41");
    r41.version = QStringLiteral("v41");
    r41.status = QStringLiteral("complete");
    r41.current = false;
    t.releases = {r42, r41};
    return t;
}

} // namespace

class tst_AppTopologyScene : public QObject
{
    Q_OBJECT

private slots:
    void layout();
    void stableOnRefresh();
    void health();
    void hostileTopology();
    void exports();
};

void tst_AppTopologyScene::layout()
{
    AppTopologyScene scene;
    scene.setTopology(edge());
    for (const char *id : {"app:acme-edge", "group:api", "group:web", "m1", "m2", "m3",
                           "attachment:DATABASE_URL", "rel42", "rel41"})
        QVERIFY2(scene.item(QLatin1String(id)), id);
    using Role = AppTopologyNodeItem::Role;
    QCOMPARE(scene.item("app:acme-edge")->role(), Role::App);
    QCOMPARE(scene.item("rel41")->role(), Role::Release);
    // Groups side by side in the given order, their machines inside them, top to bottom.
    const QRectF api = scene.item("group:api")->rect();
    const QRectF web = scene.item("group:web")->rect();
    QVERIFY(api.right() < web.left());
    QVERIFY(api.contains(scene.item("m1")->rect()));
    QVERIFY(api.contains(scene.item("m2")->rect()));
    QVERIFY(scene.item("m1")->rect().bottom() < scene.item("m2")->rect().top());
    QVERIFY(web.contains(scene.item("m3")->rect()));
    // The header above the groups; the attachment on their right; releases below all.
    QVERIFY(scene.item("app:acme-edge")->rect().bottom() < api.top());
    QVERIFY(scene.item("attachment:DATABASE_URL")->rect().left() > web.right());
    QVERIFY(scene.item("rel42")->rect().top() > api.bottom());
    QVERIFY(scene.item("rel42")->rect().right() < scene.item("rel41")->rect().left());
    // Edges: two tree lines and the two links whose ends exist.
    QCOMPARE(scene.edgeCount(), 4);
    QVERIFY(scene.sceneRect().contains(scene.itemsBoundingRect().adjusted(2, 2, -2, -2)));
    QCOMPARE(scene.itemAt(scene.item("m2")->rect().center()), scene.item("m2"));
    QCOMPARE(scene.node("m2")->region, QStringLiteral("ams"));
    QCOMPARE(scene.release("rel41")->version, QStringLiteral("v41"));
}

void tst_AppTopologyScene::stableOnRefresh()
{
    AppTopologyScene scene;
    scene.setTopology(edge());
    QHash<QString, QRectF> before;
    for (const AppNode &n : edge().nodes)
        before.insert(n.id, scene.item(n.id)->rect());
    AppTopology changed = edge();
    changed.nodes[2].status = QStringLiteral("stopped");
    scene.setTopology(changed);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(scene.item(it.key())->rect(), it.value());
}

void tst_AppTopologyScene::health()
{
    AppTopologyScene scene;
    scene.setTopology(edge());
    QCOMPARE(scene.item("m1")->health(), TopologyHealth::Failed);
    QCOMPARE(scene.item("m2")->health(), TopologyHealth::Progressing);
    QCOMPARE(scene.item("m3")->health(), TopologyHealth::Unknown);
    QCOMPARE(scene.item("group:api")->health(), TopologyHealth::Warning);
    QCOMPARE(scene.item("group:web")->health(), TopologyHealth::Healthy);
    QCOMPARE(scene.item("rel42")->health(), TopologyHealth::Failed);
    QCOMPARE(scene.item("rel41")->health(), TopologyHealth::Succeeded);
    // Railway's words read the same way.
    AppNode d = node(AppNode::Kind::Instance, "d", {}, "d", "CRASHED");
    QCOMPARE(AppTopologyNodeItem::healthOf(d), TopologyHealth::Failed);
    d.status = QStringLiteral("DEPLOYING");
    QCOMPARE(AppTopologyNodeItem::healthOf(d), TopologyHealth::Progressing);
    d.status = QStringLiteral("SUCCESS");
    QCOMPARE(AppTopologyNodeItem::healthOf(d), TopologyHealth::Healthy);
    d.status = QStringLiteral("SLEEPING");
    QCOMPARE(AppTopologyNodeItem::healthOf(d), TopologyHealth::Unknown);
}

void tst_AppTopologyScene::hostileTopology()
{
    // Duplicate ids, instances without a group, links to nothing, an empty topology.
    AppTopology t = edge();
    t.nodes.append(node(AppNode::Kind::Instance, "m1", "group:api", "again", "started"));
    t.nodes.append(node(AppNode::Kind::Instance, "lost", "group:gone", "lost", "started"));
    AppTopologyScene scene;
    scene.setTopology(t);
    QVERIFY(scene.item("m1")->toolTip().startsWith(QLatin1String("white-sun-1")));
    QVERIFY(scene.item("lost"));
    QVERIFY(!scene.item("group:api")->rect().contains(scene.item("lost")->rect()));
    scene.setTopology({});
    QVERIFY(scene.items().isEmpty());
    QVERIFY(scene.sceneRect().isValid());
}

void tst_AppTopologyScene::exports()
{
    AppTopologyScene scene;
    scene.setTopology(edge());
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("app.png"));
    QVERIFY(AppTopologyExporter::write(&scene, png).ok());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), qCeil(scene.sceneRect().width() * 1.5));
    // The failing machine's stripe is drawn in the failure colour somewhere.
    const QColor failed = TopologyStyle::healthColor(TopologyHealth::Failed);
    bool seen = false;
    for (int y = 0; y < image.height() && !seen; y += 2)
        for (int x = 0; x < image.width() && !seen; x += 2)
            seen = image.pixelColor(x, y) == failed;
    QVERIFY(seen);
    // The tree line from the app down to a group is drawn (a vertical line's bounding box is
    // empty: it must still count as exposed).
    const QRectF header = scene.item("app:acme-edge")->rect();
    const QRectF api = scene.item("group:api")->rect();
    const int lineX = qRound(api.center().x() * 1.5);
    const int lineY = qRound((header.bottom() + api.top()) / 2 * 1.5);
    bool line = false;
    for (int dx = -2; dx <= 2; ++dx)
        line = line || image.pixelColor(lineX + dx, lineY) != TopologyStyle::background();
    QVERIFY(line);
    const QString svg = dir.filePath(QStringLiteral("app.svg"));
    QVERIFY(AppTopologyExporter::write(&scene, svg).ok());
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("white-sun-1"));
    QCOMPARE(
        AppTopologyExporter::write(&scene, dir.filePath(QStringLiteral("app.gif"))).error().code,
        Error::Code::InvalidArgument);
}

QTEST_MAIN(tst_AppTopologyScene)
#include "tst_apptopologyscene.moc"
