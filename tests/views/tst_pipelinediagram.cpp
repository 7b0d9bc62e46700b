// SPDX-License-Identifier: GPL-3.0-or-later
// The run diagram (PipelineScene) over a PipelineRunModel: one item per node at its rank and row,
// a status change repaints without relayout, a failed job asks for its log tail and grows, a
// click expands a matrix group and a double click collapses it; and the exports (PNG size, SVG
// that parses, JSON that reads back the same run).
#include <pipelinediagramview.h>
#include <pipelineexporter.h>
#include <pipelinefixtures.h>
#include <pipelinerunmodel.h>
#include <pipelines/pipelinerunjson.h>
#include <pipelinescene.h>

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QtMath>

using namespace Orrery;

namespace {

QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
}

} // namespace

class TestPipelineDiagram : public QObject
{
    Q_OBJECT

private slots:
    void nodesAtRanksAndRows()
    {
        PipelineRunModel model;
        PipelineScene scene;
        scene.setNow(fixedNow());
        model.setRun(PipelineFixtures::shopRun(fixedNow()));
        scene.setModel(&model);
        QCOMPARE(scene.nodeItems().size(), 10);
        const QRectF checkout = scene.nodeRect(QStringLiteral("1"));
        const QRectF buildApi = scene.nodeRect(QStringLiteral("2"));
        const QRectF buildWeb = scene.nodeRect(QStringLiteral("3"));
        // Left to right by rank, parallel builds one above the other in the same column.
        QVERIFY(buildApi.left() > checkout.right());
        QCOMPARE(buildWeb.left(), buildApi.left());
        QVERIFY(buildWeb.top() >= buildApi.bottom());
        QVERIFY(scene.sceneRect().contains(scene.nodeRect(QStringLiteral("10"))));
        // The waiting approval says what it waits for.
        QVERIFY(
            scene.nodeItem(QStringLiteral("9"))->subtitle().contains(QStringLiteral("production")));
    }

    void statusChangeRepaintsWithoutRelayout()
    {
        PipelineRunModel model;
        PipelineScene scene;
        scene.setNow(fixedNow());
        PipelineRun run = PipelineFixtures::chatRun(fixedNow());
        run.jobs[4].status = PipelineStatus::Running; // no failure yet
        run.jobs[4].finishedAt = QDateTime();
        model.setRun(run);
        scene.setModel(&model);
        const int layouts = scene.layoutCount();
        QHash<QString, QPointF> before;
        for (PipelineNodeItem *item : scene.nodeItems())
            before.insert(item->key(), item->pos());
        PipelineNodeItem *lint = scene.itemOfJob(QStringLiteral("c1"));
        QCOMPARE(lint->status(), PipelineStatus::Running);

        run.jobs[0].status = PipelineStatus::Succeeded;
        run.jobs[0].finishedAt = fixedNow();
        model.setRun(run);
        QCOMPARE(scene.layoutCount(), layouts);
        QCOMPARE(scene.itemOfJob(QStringLiteral("c1")), lint);
        QCOMPARE(lint->status(), PipelineStatus::Succeeded);
        for (PipelineNodeItem *item : scene.nodeItems())
            QCOMPARE(item->pos(), before.value(item->key()));

        // The matrix group "test" counts its members.
        PipelineNodeItem *group = scene.nodeItem(QStringLiteral("group:test"));
        QVERIFY(group);
        QCOMPARE(group->title(), QStringLiteral("test ×4"));
        QVERIFY(group->subtitle().startsWith(QStringLiteral("2 ✓ 2 running")));

        // A member fails: the group's counts change, still no relayout.
        QSignalSpy wanted(&scene, &PipelineScene::logTailWanted);
        run.jobs[4].status = PipelineStatus::Failed;
        run.jobs[4].finishedAt = fixedNow();
        model.setRun(run);
        QCOMPARE(scene.layoutCount(), layouts);
        QVERIFY(group->subtitle().startsWith(QStringLiteral("2 ✓ 1 ✗ 1 running")));
        // Inside a collapsed group a failure asks for no log tail...
        QCOMPARE(wanted.count(), 0);
        // ...once expanded, it does (and expanding is a relayout).
        scene.setGroupExpanded(QStringLiteral("test"), true);
        QVERIFY(scene.layoutCount() > layouts);
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.at(0).at(0).toString(), QStringLiteral("c5"));
    }

    void failedNodeShowsStepAndLogTail()
    {
        PipelineRunModel model;
        PipelineScene scene;
        scene.setNow(fixedNow());
        PipelineRun run = PipelineFixtures::shopRun(fixedNow());
        QSignalSpy wanted(&scene, &PipelineScene::logTailWanted);
        model.setRun(run);
        scene.setModel(&model);
        QCOMPARE(wanted.count(), 0);
        const QRectF below = scene.nodeRect(QStringLiteral("3"));

        run.jobs[1].status = PipelineStatus::Failed; // Build api
        run.jobs[1].steps[2].status = PipelineStatus::Failed;
        model.setRun(run);
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.at(0).at(0).toString(), QStringLiteral("2"));
        PipelineNodeItem *item = scene.itemOfJob(QStringLiteral("2"));
        QVERIFY(item->detailHeight() > 0); // the failing step's line
        const qreal withStep = item->detailHeight();

        QStringList lines;
        for (int i = 0; i < 8; ++i)
            lines << QStringLiteral("line %1").arg(i);
        scene.setLogTail(QStringLiteral("2"), lines);
        QCOMPARE(scene.logTail(QStringLiteral("2")).size(), PipelineScene::MaxLogLines);
        QCOMPARE(scene.logTail(QStringLiteral("2")).last(), QStringLiteral("line 7"));
        QVERIFY(item->detailHeight() > withStep);
        // The node below in the same column moved down; the next column did not.
        QVERIFY(scene.nodeRect(QStringLiteral("3")).top() > below.top());
        QVERIFY(scene.nodeRect(QStringLiteral("3")).top() >= scene.nodeRect("2").bottom());
        // Asked once per job.
        model.setRun(run);
        QCOMPARE(wanted.count(), 1);
    }

    void clickExpandsAndDoubleClickCollapses()
    {
        PipelineRunModel model;
        PipelineScene scene;
        scene.setNow(fixedNow());
        model.setRun(PipelineFixtures::matrixRun(fixedNow(), 200));
        scene.setModel(&model);
        QCOMPARE(scene.nodeItems().size(), 9);
        PipelineDiagramView view(&scene);
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy toggled(&scene, &PipelineScene::groupToggled);
        QSignalSpy activated(&scene, &PipelineScene::jobActivated);

        const QRectF group = scene.nodeRect(QStringLiteral("group:build"));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(group.center()));
        QCOMPARE(toggled.count(), 1);
        QVERIFY(scene.isGroupExpanded(QStringLiteral("build")));
        QCOMPARE(scene.nodeItems().size(), 200);

        const QRectF member = scene.nodeRect(QStringLiteral("m-b0"));
        view.centerOn(member.center());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(member.center()));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("m-b0"));
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(member.center()));
        QVERIFY(!scene.isGroupExpanded(QStringLiteral("build")));
        QCOMPARE(scene.nodeItems().size(), 9);
    }

    void criticalPathFollowsTheRun()
    {
        PipelineRunModel model;
        PipelineScene scene;
        scene.setNow(fixedNow());
        PipelineRun run = PipelineFixtures::shopRun(fixedNow());
        model.setRun(run);
        scene.setModel(&model);
        // Checkout, Build web (210 s, the longest build), Integration tests (260 s), ...
        const QStringList path = scene.layout().criticalPath();
        QVERIFY(path.contains(QStringLiteral("3")));
        QVERIFY(path.contains(QStringLiteral("6")));
        QVERIFY(!path.contains(QStringLiteral("2")));
        // Build api now takes longer: the path moves without relayout.
        const int layouts = scene.layoutCount();
        run.jobs[1].finishedAt = run.jobs[1].startedAt.addSecs(500);
        model.setRun(run);
        QVERIFY(scene.layout().criticalPath().contains(QStringLiteral("2")));
        QVERIFY(!scene.layout().criticalPath().contains(QStringLiteral("3")));
        QCOMPARE(scene.layoutCount(), layouts);
    }

    void exports()
    {
        QTemporaryDir dir;
        const PipelineRun run = PipelineFixtures::chatRun(fixedNow());
        PipelineExporter::Options options;
        options.now = fixedNow();
        options.scale = 1.0;
        options.logTails.insert(QStringLiteral("c5"), {QStringLiteral("npm ERR! test failed")});

        // PNG: the scene's size at the scale.
        const QString png = dir.filePath(QStringLiteral("run.png"));
        QVERIFY(PipelineExporter::write(run, png, options).ok());
        QImage image(png);
        QVERIFY(!image.isNull());
        {
            PipelineRunModel model;
            PipelineScene scene;
            scene.setNow(fixedNow());
            model.setRun(run);
            scene.setModel(&model);
            QCOMPARE(image.size(),
                     QSize(qCeil(scene.sceneRect().width()), qCeil(scene.sceneRect().height())));
        }
        // Not blank: more than the background colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 5);

        // SVG parses.
        const QString svg = dir.filePath(QStringLiteral("run.svg"));
        QVERIFY(PipelineExporter::write(run, svg, options).ok());
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QVERIFY(renderer.defaultSize().width() > 0);

        // JSON: the same run back.
        const QString json = dir.filePath(QStringLiteral("run.json"));
        QVERIFY(PipelineExporter::write(run, json, options).ok());
        QFile in(json);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const Result<PipelineRun> back = PipelineRunJson::read(in.readAll());
        QVERIFY(back.ok());
        QVERIFY(back.value() == run);

        // Unsupported suffix, unwritable place.
        QVERIFY(!PipelineExporter::write(run, dir.filePath(QStringLiteral("run.gif"))).ok());
        QVERIFY(!PipelineExporter::write(run, QStringLiteral("/nonexistent/dir/run.png")).ok());
    }
};

QTEST_MAIN(TestPipelineDiagram)
#include "tst_pipelinediagram.moc"
