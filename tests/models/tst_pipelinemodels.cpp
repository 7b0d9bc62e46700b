// SPDX-License-Identifier: GPL-3.0-or-later
// The Pipelines page's models and poller over hand-built runs and a fake PipelineClient: the runs
// list applies each poll as row changes (never a reset), the run model changes one row per
// changed job and says when the graph changed, the poller batches, skips unchanged answers and
// backs off after failures.
#include <pipelinefixtures.h>
#include <pipelinepoller.h>
#include <pipelinerunmodel.h>
#include <pipelinerunsmodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Orrery;

namespace {

QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
}

QStringList ids(const PipelineRunsModel &model)
{
    QStringList out;
    for (const PipelineRun &r : model.runs())
        out << r.id;
    return out;
}

} // namespace

class TestPipelineModels : public QObject
{
    Q_OBJECT

private slots:
    void runsModelAppliesChangesIncrementally()
    {
        PipelineRunsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(fixedNow());
        QList<PipelineRun> runs = PipelineFixtures::runList(fixedNow(), 20);
        model.setRuns(runs);
        QCOMPARE(model.rowCount(), 20);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // The same answer again: nothing at all.
        model.setRuns(runs);
        QCOMPARE(changed.count() + inserted.count() + removed.count(), 0);

        // One run finishes: one dataChanged, for its row only.
        runs[7].status = PipelineStatus::Succeeded;
        runs[7].finishedAt = fixedNow();
        model.setRuns(runs);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 7);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 7);

        // Two new runs on top, the oldest two fall off the page: one insert, one remove.
        changed.clear();
        QList<PipelineRun> next = PipelineFixtures::runList(fixedNow().addSecs(1200), 2);
        for (PipelineRun &r : next)
            r.id += QStringLiteral("-new");
        next += runs.mid(0, 18);
        model.setRuns(next);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 18);
        QCOMPARE(removed.at(0).at(2).toInt(), 19);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(ids(model).size(), 20);
        QCOMPARE(model.rowOf(runs.at(0).id), 2);

        // A run removed from the middle (deleted on the provider).
        next.removeAt(5);
        model.setRuns(next);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(model.rowCount(), 19);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(layouts.count(), 0);

        // Kept runs in another order: a layout change, still no reset, persistent indexes move.
        QPersistentModelIndex first(model.index(0, 0));
        std::reverse(next.begin(), next.end());
        model.setRuns(next);
        QCOMPARE(layouts.count(), 1);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(first.row(), 18);
        QCOMPARE(ids(model).first(), next.first().id);
    }

    void runsModelColumnsAndTick()
    {
        PipelineRunsModel model;
        model.setNow(fixedNow());
        const QList<PipelineRun> runs = PipelineFixtures::runList(fixedNow(), 15);
        model.setRuns(runs);
        const PipelineRun &r = runs.at(1);
        QCOMPARE(model.data(model.index(1, PipelineRunsModel::CommitColumn)).toString(),
                 r.commitSha.left(7));
        QCOMPARE(model.data(model.index(1, PipelineRunsModel::RunColumn)).toString(),
                 QStringLiteral("#%1 CI/CD").arg(r.number));
        QCOMPARE(model.data(model.index(1, PipelineRunsModel::ActorColumn)).toString(), r.actor);
        QCOMPARE(model.data(model.index(1, PipelineRunsModel::EventColumn)).toString(), r.event);
        QCOMPARE(model.data(model.index(1, PipelineRunsModel::BranchColumn)).toString(), r.branch);
        QCOMPARE(model
                     .data(model.index(1, PipelineRunsModel::StatusColumn),
                           PipelineRunsModel::StatusRole)
                     .toInt(),
                 int(r.status));
        // Row 0 runs (every 7th): its duration is the time since it started, and ticks.
        QCOMPARE(model.data(model.index(0, PipelineRunsModel::DurationColumn)).toString(),
                 QStringLiteral("2m 00s"));
        model.setNow(fixedNow().addSecs(5));
        QCOMPARE(model.data(model.index(0, PipelineRunsModel::DurationColumn)).toString(),
                 QStringLiteral("2m 05s"));
        // A finished run's duration does not move.
        QCOMPARE(model.data(model.index(1, PipelineRunsModel::DurationColumn)).toString(),
                 model.data(model.index(1, PipelineRunsModel::DurationColumn)).toString());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.tick();
        // Running rows are 0, 7 and 14: three separate ranges, duration and started columns.
        QCOMPARE(changed.count(), 3);
        for (const QList<QVariant> &args : changed) {
            const QModelIndex a = args.at(0).value<QModelIndex>();
            const QModelIndex b = args.at(1).value<QModelIndex>();
            QCOMPARE(a.row() % 7, 0);
            QCOMPARE(a.row(), b.row());
            QCOMPARE(a.column(), int(PipelineRunsModel::DurationColumn));
            QCOMPARE(b.column(), int(PipelineRunsModel::StartedColumn));
        }
    }

    void runModelStatusChangeIsOneRow()
    {
        PipelineRunModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        PipelineRun run = PipelineFixtures::chatRun(fixedNow());
        QSignalSpy graph(&model, &PipelineRunModel::graphChanged);
        model.setRun(run);
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(graph.count(), 1);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy jobs(&model, &PipelineRunModel::jobsChanged);
        QSignalSpy head(&model, &PipelineRunModel::runChanged);
        run.jobs[0].status = PipelineStatus::Succeeded;
        run.jobs[0].finishedAt = fixedNow();
        model.setRun(run);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(graph.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(jobs.count(), 1);
        QCOMPARE(jobs.at(0).at(0).value<QList<int>>(), QList<int>{0});
        QCOMPARE(head.count(), 0);

        // The run's own status: runChanged only.
        run.status = PipelineStatus::Failed;
        model.setRun(run);
        QCOMPARE(head.count(), 1);
        QCOMPARE(changed.count(), 1);

        // A job appears (GitLab child job, Jenkins stage): inserted, graph changed, no reset.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        PipelineJob extra = run.jobs.last();
        extra.id = QStringLiteral("c13");
        extra.name = QStringLiteral("notify");
        extra.needs = {QStringLiteral("c12")};
        run.jobs << extra;
        model.setRun(run);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(graph.count(), 2);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("c13")), 12);

        // A dependency changes: the graph changed although no row came or went.
        run.jobs[11].needs = {QStringLiteral("c9")};
        model.setRun(run);
        QCOMPARE(graph.count(), 3);
        QCOMPARE(resets.count(), 0);

        // Another run: a reset.
        model.setRun(PipelineFixtures::shopRun(fixedNow()));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(graph.count(), 4);
        QCOMPARE(model.rowCount(), 10);
    }

    void runModelDropsJobsWithoutIds()
    {
        PipelineRunModel model;
        PipelineRun run = PipelineFixtures::shopRun(fixedNow());
        run.jobs << run.jobs.first(); // a duplicate id
        run.jobs << PipelineJob();    // no id
        model.setRun(run);
        QCOMPARE(model.rowCount(), 10);
    }

    void pollerBatchesAndSkipsUnchanged()
    {
        auto client = std::make_shared<PipelineFixtures::FakeClient>();
        client->listed = PipelineFixtures::runList(fixedNow(), 30);
        const PipelineRun chat = PipelineFixtures::chatRun(fixedNow());
        client->details.insert(chat.id, chat);

        PipelinePoller poller;
        poller.setInterval(60000);
        QSignalSpy runs(&poller, &PipelinePoller::runsUpdated);
        QSignalSpy run(&poller, &PipelinePoller::runUpdated);
        QSignalSpy polled(&poller, &PipelinePoller::polled);
        poller.setClient(client, QStringLiteral("orrery-demo/chat"));
        poller.setQuotaReader([] {
            PipelineQuota q;
            q.remaining = 4321;
            q.limit = 5000;
            return q;
        });
        poller.start();
        QTRY_COMPARE(polled.count(), 1);
        QCOMPARE(runs.count(), 1);
        QCOMPARE(runs.at(0).at(0).value<QList<PipelineRun>>().size(), 30);
        QCOMPARE(poller.quota().remaining, 4321);
        QVERIFY(!polled.at(0).at(0).value<std::optional<Error>>().has_value());

        // Nothing changed: no batch at all.
        poller.pollNow();
        QTRY_COMPARE(polled.count(), 2);
        QCOMPARE(runs.count(), 1);
        QCOMPARE(client->runsCalls, 2);

        // A poll in flight is not doubled.
        poller.pollNow();
        poller.pollNow();
        QTRY_COMPARE(polled.count(), 3);
        QCOMPARE(client->runsCalls, 3);

        // Following a run reads it with its jobs.
        poller.followRun(chat.id);
        QTRY_COMPARE(run.count(), 1);
        QCOMPARE(run.at(0).at(0).value<PipelineRun>().jobs.size(), 12);
        poller.stop();
    }

    void pollerBacksOff()
    {
        auto client = std::make_shared<PipelineFixtures::FakeClient>();
        client->runsError = Error(Error::Code::TooManyRequests, QStringLiteral("rate limited"));
        PipelinePoller poller;
        poller.setInterval(1000);
        poller.setMaxInterval(5000);
        QSignalSpy polled(&poller, &PipelinePoller::polled);
        poller.setClient(client, QStringLiteral("o/r"));
        QCOMPARE(poller.currentDelay(), 1000);
        poller.start();
        QTRY_COMPARE(polled.count(), 1);
        QVERIFY(polled.at(0).at(0).value<std::optional<Error>>().has_value());
        QCOMPARE(poller.failures(), 1);
        QCOMPARE(poller.currentDelay(), 2000);
        poller.pollNow();
        QTRY_COMPARE(polled.count(), 2);
        QCOMPARE(poller.currentDelay(), 4000);
        poller.pollNow();
        QTRY_COMPARE(polled.count(), 3);
        QCOMPARE(poller.currentDelay(), 5000); // capped
        // Retry-After longer than the back-off wins.
        client->runsError->retryAfterMs = 9000;
        poller.pollNow();
        QTRY_COMPARE(polled.count(), 4);
        QCOMPARE(poller.currentDelay(), 9000);
        // Success: back to the interval.
        client->runsError.reset();
        poller.pollNow();
        QTRY_COMPARE(polled.count(), 5);
        QCOMPARE(poller.failures(), 0);
        QCOMPARE(poller.currentDelay(), 1000);
        poller.stop();
    }

    void pollerDropsAnswersOfAnotherSource()
    {
        auto client = std::make_shared<PipelineFixtures::FakeClient>();
        client->listed = PipelineFixtures::runList(fixedNow(), 3);
        PipelinePoller poller;
        QSignalSpy runs(&poller, &PipelinePoller::runsUpdated);
        poller.setClient(client, QStringLiteral("a/b"));
        poller.pollNow();
        poller.setClient(nullptr, QString()); // before the answer comes
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents(); // the answer is delivered, and dropped
        QCOMPARE(client->runsCalls, 1);
        QCOMPARE(runs.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPipelineModels)
#include "tst_pipelinemodels.moc"
