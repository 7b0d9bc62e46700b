// SPDX-License-Identifier: GPL-3.0-or-later
// The Pipelines page with a fake PipelineClient: without a client it says how to configure one;
// with one it lists the runs, shows the first run's diagram, the source and the API quota, a
// click on a job shows its log (read in pieces while it runs), a failed job's node gets its last
// log lines, a failing provider is reported with the back-off delay; a Jenkins folder's tree
// (folder → multibranch project → branch jobs) chooses the job whose runs are shown and acted
// on; a GitLab trigger job opens the child pipeline it started (or asks for another project's)
// and the runs list marks child runs.
//
// With ORRERY_PIPELINE_SCREENSHOTS=DIR it also writes the documentation screenshots there
// (docs/screenshots/pipelines-*.png): the runs list with a run diagram in the light and dark
// looks.
#include <pipelinediagramview.h>
#include <pipelineexporter.h>
#include <pipelinefixtures.h>
#include <pipelinepoller.h>
#include <pipelinerunmodel.h>
#include <pipelinerunsmodel.h>
#include <pipelinescene.h>
#include <pipelinespage.h>
#include <theme.h>

#include <QApplication>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Orrery;

namespace {

QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
}

std::shared_ptr<PipelineFixtures::FakeClient> chatClient()
{
    auto client = std::make_shared<PipelineFixtures::FakeClient>();
    PipelineRun chat = PipelineFixtures::chatRun(fixedNow());
    QList<PipelineRun> runs = PipelineFixtures::runList(fixedNow(), 40);
    runs[0] = chat;
    client->listed = runs;
    client->details.insert(chat.id, chat);
    QByteArray failing;
    for (int i = 0; i < 30; ++i)
        failing += "  \x1b[32mPASS\x1b[0m api/test " + QByteArray::number(i) + "\r\n";
    failing += "  FAIL api/login.test.ts\n    Expected: 200\n    Received: 503\n"
               "npm ERR! Test failed.  See above for more details.\n"
               "Error: Process completed with exit code 1.\n";
    client->logs.insert(QStringLiteral("c5"), failing);
    client->logs.insert(QStringLiteral("c7"), "Step 1/9 : FROM node:20\nStep 2/9 : COPY . .\n"
                                              "Successfully built 1f2e3d\n");
    return client;
}

} // namespace

class TestPipelinesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Theme::instance()->setMode(Theme::Mode::Light); }

    void withoutProviderSaysHowToConfigure()
    {
        PipelinesPage page;
        page.show();
        QVERIFY(page.emptyLabel()->isVisible());
        QVERIFY(page.emptyLabel()->text().contains(QStringLiteral("No CI/CD provider")));
        QVERIFY(page.sourceLabel()->text().contains(QStringLiteral("no provider")));
        QVERIFY(page.quotaLabel()->isHidden());
        QVERIFY(!page.poller()->isActive());
    }

    void listsRunsShowsDiagramAndLogs()
    {
        auto client = chatClient();
        client->logPiece = 400; // the log comes in pieces, as while a job runs
        PipelinesPage page;
        page.resize(1400, 800);
        page.setNow(fixedNow());
        page.poller()->setQuotaReader([] {
            PipelineQuota q;
            q.remaining = 4321;
            q.limit = 5000;
            return q;
        });
        page.setClient(client, QStringLiteral("orrery-demo/chat"));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.runsModel()->rowCount(), 40);
        QVERIFY(page.runsTable()->isVisible());
        // The first run is selected and drawn.
        QTRY_COMPARE(page.runModel()->rowCount(), 12);
        QCOMPARE(page.poller()->followedRun(), QStringLiteral("9001"));
        QVERIFY(page.scene()->nodeItem(QStringLiteral("group:test")));
        QVERIFY(page.sourceLabel()->text().contains(QStringLiteral("GitHub Actions")));
        QVERIFY(page.sourceLabel()->text().contains(QStringLiteral("orrery-demo/chat")));
        QVERIFY(page.quotaLabel()->isVisible());
        QVERIFY(page.quotaLabel()->text().contains(QStringLiteral("4,321")));
        QVERIFY(page.statusLabel()->text().startsWith(QStringLiteral("Updated")));

        // A job clicked: its log, read piece by piece to the end.
        PipelineDiagramView *view = page.diagramView();
        const QRectF build = page.scene()->nodeRect(QStringLiteral("c7"));
        view->centerOn(build.center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(build.center()));
        QCOMPARE(page.shownJob(), QStringLiteral("c7"));
        QTRY_VERIFY(page.logView()->toPlainText().contains(QStringLiteral("Successfully built")));
        QVERIFY(page.logTitle()->text().contains(QStringLiteral("build image")));

        // Expanding the matrix shows the failed job with its last log lines (no escapes).
        page.scene()->setGroupExpanded(QStringLiteral("test"), true);
        QTRY_VERIFY(!page.scene()->logTail(QStringLiteral("c5")).isEmpty());
        const QStringList tail = page.scene()->logTail(QStringLiteral("c5"));
        QCOMPARE(tail.last(), QStringLiteral("Error: Process completed with exit code 1."));
        QVERIFY(tail.size() <= PipelineScene::MaxLogLines);
        page.showJobLog(QStringLiteral("c5"));
        QTRY_VERIFY(page.logView()->toPlainText().contains(QStringLiteral("npm ERR!")));
        QVERIFY(!page.logView()->toPlainText().contains(QChar(0x1b)));
        QVERIFY(page.logView()->toPlainText().contains(QStringLiteral("PASS api/test 29")));
        QVERIFY(client->logCalls > 3);

        // Another run selected: its diagram, and the log pane is cleared.
        client->details.insert(client->listed.at(1).id, PipelineFixtures::shopRun(fixedNow()));
        client->details[client->listed.at(1).id].id = client->listed.at(1).id;
        QVERIFY(page.selectRun(client->listed.at(1).id));
        QTRY_COMPARE(page.runModel()->rowCount(), 10);
        QVERIFY(page.logView()->toPlainText().isEmpty());
    }

    void folderTreeChoosesTheJob()
    {
        auto client = std::make_shared<PipelineFixtures::FakeClient>();
        client->m_provider = PipelineProvider::Jenkins;
        client->listed = PipelineFixtures::runList(fixedNow(), 5);
        client->treeSource = QStringLiteral("shop");
        PipelineRun build = PipelineFixtures::shopRun(fixedNow());
        build.id = client->listed.at(0).id;
        client->details.insert(build.id, build);
        const auto node
            = [](PipelineSourceNode::Kind kind, const char *source, const char *name, int depth) {
                  PipelineSourceNode n;
                  n.kind = kind;
                  n.source = QString::fromLatin1(source);
                  n.name = QString::fromLatin1(name);
                  n.depth = depth;
                  n.status = PipelineStatus::Succeeded;
                  return n;
              };
        using Kind = PipelineSourceNode::Kind;
        client->tree = {node(Kind::Folder, "shop/team", "team", 0),
                        node(Kind::MultiBranch, "shop/team/api", "api", 1),
                        node(Kind::Job, "shop/team/api/feature%2Fx", "feature/x", 2),
                        node(Kind::Job, "shop/team/api/main", "main", 2)};
        PipelinesPage page;
        page.resize(1200, 700);
        page.setNow(fixedNow());
        page.setClient(client, QStringLiteral("shop"));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // The tree, and the main branch's runs; the folder itself is never read as a job.
        QTRY_COMPARE(page.runsModel()->rowCount(), 5);
        QVERIFY(page.sourceTree()->isVisible());
        QCOMPARE(page.sourceTree()->topLevelItemCount(), 1);
        QCOMPARE(page.sourceTree()->topLevelItem(0)->child(0)->childCount(), 2);
        QCOMPARE(page.shownSource(), QStringLiteral("shop/team/api/main"));
        QVERIFY(!client->runsSources.contains(QStringLiteral("shop")));
        QVERIFY(page.sourceLabel()->text().contains(QStringLiteral("shop/team/api/main")));
        // Another branch: its runs, and the actions act on it.
        QVERIFY(page.showTreeSource(QStringLiteral("shop/team/api/feature%2Fx")));
        QVERIFY(!page.showTreeSource(QStringLiteral("shop/team/api"))); // not a job
        QTRY_COMPARE(client->runsSources.last(), QStringLiteral("shop/team/api/feature%2Fx"));
        QTRY_COMPARE(page.runsModel()->rowCount(), 5);
        QList<PipelineActionRequest> requested;
        connect(&page, &PipelinesPage::actionRequested, this,
                [&requested](const PipelineActionRequest &r) { requested << r; });
        const QString running = client->listed.at(0).id;
        for (QAction *a : page.runActions(running, &page))
            if (a->text() == QStringLiteral("Abort build"))
                a->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().target.source, QStringLiteral("shop/team/api/feature%2Fx"));
        QCOMPARE(requested.first().action, PipelineAction::Cancel);
        if (!qEnvironmentVariableIsEmpty("ORRERY_PIPELINE_SCREENSHOTS")) {
            QTRY_COMPARE(page.runModel()->rowCount(), 10);
            const QDir dir(qEnvironmentVariable("ORRERY_PIPELINE_SCREENSHOTS"));
            QVERIFY(page.grab().save(dir.filePath(QStringLiteral("pipelines-multibranch.png"))));
        }
        // A plain job source: no tree.
        client->treeSource.clear();
        page.setClient(client, QStringLiteral("shop/job"));
        QTRY_COMPARE(client->runsSources.last(), QStringLiteral("shop/job"));
        QVERIFY(!page.sourceTree()->isVisible());
    }

    void bridgeOpensItsPipeline()
    {
        auto client = std::make_shared<PipelineFixtures::FakeClient>();
        client->m_provider = PipelineProvider::GitLab;
        QList<PipelineRun> runs = PipelineFixtures::runList(fixedNow(), 4);
        for (PipelineRun &r : runs)
            r.provider = PipelineProvider::GitLab;
        runs[1].event = QStringLiteral("parent_pipeline"); // the child of runs[0]
        runs[2].event = QStringLiteral("push");
        PipelineRun parent = runs[0];
        PipelineJob lint;
        lint.id = QStringLiteral("1");
        lint.name = QStringLiteral("lint");
        lint.status = PipelineStatus::Succeeded;
        PipelineJob docs;
        docs.id = QStringLiteral("2");
        docs.name = QStringLiteral("docs");
        docs.needs = {lint.id};
        docs.status = PipelineStatus::Running;
        docs.downstreamSource = QStringLiteral("group/platform");
        docs.downstreamRunId = runs[1].id;
        PipelineJob charts = docs;
        charts.id = QStringLiteral("3");
        charts.name = QStringLiteral("charts");
        charts.downstreamSource = QStringLiteral("group/charts");
        charts.downstreamRunId = QStringLiteral("77");
        parent.source = QStringLiteral("group/platform");
        parent.jobs = {lint, docs, charts};
        client->listed = runs;
        client->details.insert(parent.id, parent);
        client->details.insert(runs[1].id, runs[1]);
        PipelinesPage page;
        page.resize(1200, 700);
        page.setNow(fixedNow());
        page.setClient(client, QStringLiteral("group/platform"));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.runModel()->rowCount(), 3);
        // The child run is marked in the list.
        const QString childRow
            = page.runsModel()->index(1, PipelineRunsModel::RunColumn).data().toString();
        QVERIFY2(childRow.contains(QStringLiteral("child pipeline")), qPrintable(childRow));
        QVERIFY(!page.runsModel()
                     ->index(2, PipelineRunsModel::RunColumn)
                     .data()
                     .toString()
                     .contains(QStringLiteral("child")));
        // The bridge's node names the pipeline it started; a click opens it.
        PipelineNodeItem *item = page.scene()->itemOfJob(QStringLiteral("2"));
        QVERIFY(item);
        QVERIFY2(item->subtitle().contains(QStringLiteral("child pipeline #") + runs[1].id),
                 qPrintable(item->subtitle()));
        PipelineDiagramView *view = page.diagramView();
        const QRectF rect = page.scene()->nodeRect(QStringLiteral("2"));
        view->centerOn(rect.center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(rect.center()));
        QTRY_COMPARE(page.poller()->followedRun(), runs[1].id);
        QCOMPARE(page.shownJob(), QString()); // no log: a bridge has none
        // Another project's pipeline is asked for.
        QVERIFY(page.selectRun(parent.id));
        QTRY_COMPARE(page.runModel()->rowCount(), 3);
        QSignalSpy asked(&page, &PipelinesPage::runRequested);
        QVERIFY(page.scene()
                    ->itemOfJob(QStringLiteral("3"))
                    ->subtitle()
                    .contains(QStringLiteral("group/charts #77")));
        const QRectF other = page.scene()->nodeRect(QStringLiteral("3"));
        view->centerOn(other.center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(other.center()));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(1).toString(), QStringLiteral("group/charts"));
        QCOMPARE(asked.first().at(2).toString(), QStringLiteral("77"));
        if (!qEnvironmentVariableIsEmpty("ORRERY_PIPELINE_SCREENSHOTS")) {
            const QDir dir(qEnvironmentVariable("ORRERY_PIPELINE_SCREENSHOTS"));
            QVERIFY(page.grab().save(dir.filePath(QStringLiteral("pipelines-bridges.png"))));
        }
    }

    void liveUpdateChangesOneRow()
    {
        auto client = chatClient();
        PipelinesPage page;
        page.setNow(fixedNow());
        page.setClient(client, QStringLiteral("orrery-demo/chat"));
        page.show();
        QTRY_COMPARE(page.runModel()->rowCount(), 12);
        const int layouts = page.scene()->layoutCount();
        QSignalSpy resets(page.runsModel(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(page.runsModel(), &QAbstractItemModel::dataChanged);
        QSignalSpy polled(page.poller(), &PipelinePoller::polled);

        // lint finishes: one row of the list, one node of the diagram.
        PipelineRun chat = client->details.value(QStringLiteral("9001"));
        chat.jobs[0].status = PipelineStatus::Succeeded;
        chat.jobs[0].finishedAt = fixedNow();
        chat.updatedAt = fixedNow();
        client->details.insert(chat.id, chat);
        client->listed[0].updatedAt = fixedNow();
        page.poller()->pollNow();
        QTRY_COMPARE(polled.count(), 1);
        QTRY_COMPARE(page.scene()->itemOfJob(QStringLiteral("c1"))->status(),
                     PipelineStatus::Succeeded);
        QCOMPARE(page.scene()->layoutCount(), layouts);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    }

    void providerFailureIsReported()
    {
        auto client = chatClient();
        client->runsError
            = Error(Error::Code::Forbidden, QStringLiteral("API rate limit exceeded"));
        client->runsError->httpStatus = 403;
        PipelinesPage page;
        page.poller()->setInterval(1000);
        page.setClient(client, QStringLiteral("orrery-demo/chat"));
        page.show();
        QTRY_VERIFY(page.statusLabel()->text().startsWith(QStringLiteral("Cannot read")));
        QVERIFY(page.statusLabel()->text().contains(QStringLiteral("2s")));
        QVERIFY(page.statusLabel()->toolTip().contains(QStringLiteral("rate limit")));
        QVERIFY(page.emptyLabel()->isVisible());
        QVERIFY(page.emptyLabel()->text().contains(QStringLiteral("rate limit")));
        // Hidden: no more polling.
        page.hide();
        QVERIFY(!page.poller()->isActive());
    }

    // Documentation screenshots, only when asked (ORRERY_PIPELINE_SCREENSHOTS=DIR).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("ORRERY_PIPELINE_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set ORRERY_PIPELINE_SCREENSHOTS=DIR to write the screenshots");
        for (const bool dark : {false, true}) {
            Theme::instance()->setMode(dark ? Theme::Mode::Dark : Theme::Mode::Light);
            auto client = chatClient();
            PipelinesPage page;
            page.resize(1600, 900);
            page.setNow(fixedNow());
            page.poller()->setQuotaReader([] {
                PipelineQuota q;
                q.remaining = 4321;
                q.limit = 5000;
                q.resetAt = fixedNow().addSecs(1800);
                return q;
            });
            page.setClient(client, QStringLiteral("orrery-demo/chat"));
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QTRY_COMPARE(page.runModel()->rowCount(), 12);
            page.scene()->setGroupExpanded(QStringLiteral("test"), true);
            QTRY_VERIFY(!page.scene()->logTail(QStringLiteral("c5")).isEmpty());
            page.diagramView()->fitDiagram();
            page.showJobLog(QStringLiteral("c5"));
            QTRY_VERIFY(page.logView()->toPlainText().contains(QStringLiteral("npm ERR!")));
            QApplication::processEvents();
            const QString name = dark ? QStringLiteral("pipelines-run-dark.png")
                                      : QStringLiteral("pipelines-run-light.png");
            QVERIFY(page.grab().save(QDir(dir).filePath(name)));
            if (!dark) {
                // The list alone, wide enough for every column.
                QSplitter *split = page.findChild<QSplitter *>(QStringLiteral("pipelineSplit"));
                QVERIFY(split);
                split->setSizes({1000, 600});
                QApplication::processEvents();
                QVERIFY(page.runsTable()
                            ->grab(QRect(0, 0, 1000, 520))
                            .save(QDir(dir).filePath(QStringLiteral("pipelines-runs.png"))));
            }
        }
        // The 200-job matrix, collapsed.
        Theme::instance()->setMode(Theme::Mode::Light);
        auto client = std::make_shared<PipelineFixtures::FakeClient>();
        const PipelineRun matrix = PipelineFixtures::matrixRun(fixedNow(), 200);
        client->listed = {matrix};
        client->details.insert(matrix.id, matrix);
        PipelinesPage page;
        page.resize(1500, 620);
        page.setNow(fixedNow());
        page.setClient(client, QStringLiteral("orrery-demo/matrix"));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.runModel()->rowCount(), 200);
        page.diagramView()->fitDiagram();
        QApplication::processEvents();
        QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("pipelines-matrix.png"))));
        // And expanded, exported as the headless command does.
        PipelineExporter::Options options;
        options.now = fixedNow();
        options.expandedGroups = {QStringLiteral("build")};
        options.scale = 0.5;
        QVERIFY(PipelineExporter::write(
                    matrix, QDir(dir).filePath(QStringLiteral("pipelines-matrix-expanded.png")),
                    options)
                    .ok());
        QVERIFY(PipelineExporter::write(
                    PipelineFixtures::chatRun(fixedNow()),
                    QDir(dir).filePath(QStringLiteral("pipelines-chat-run.json")), options)
                    .ok());
    }

    void cleanupTestCase() { Theme::instance()->setMode(Theme::Mode::Light); }
};

QTEST_MAIN(TestPipelinesPage)
#include "tst_pipelinespage.moc"
