// SPDX-License-Identifier: GPL-3.0-or-later
// The run diagram's layout (PipelineLayout): longest-path ranks from needs or stage order,
// parallel branches side by side, matrix groups collapsed and expanded, the critical path as the
// longest-duration chain, cycles and unknown needs tolerated.
#include <pipelinefixtures.h>
#include <pipelinelayout.h>

#include <QTest>

using namespace Orrery;

namespace {

QDateTime t0()
{
    return QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC);
}

PipelineJob job(const QString &id, const QStringList &needs = {}, qint64 seconds = 10,
                const QString &stage = {}, const QString &group = {})
{
    PipelineJob j;
    j.id = id;
    j.name = id;
    j.needs = needs;
    j.stage = stage;
    j.group = group;
    j.status = PipelineStatus::Succeeded;
    j.startedAt = t0();
    j.finishedAt = t0().addSecs(seconds);
    return j;
}

int rankOf(const PipelineLayout &layout, const QString &key)
{
    return layout.nodes().at(layout.nodeOfKey(key)).rank;
}

int rowOf(const PipelineLayout &layout, const QString &key)
{
    return layout.nodes().at(layout.nodeOfKey(key)).row;
}

} // namespace

class TestPipelineLayout : public QObject
{
    Q_OBJECT

private slots:
    void ranksFromNeeds()
    {
        // a -> b, a -> c, b + c -> d, and e needs a and d (longest path: rank 3).
        const QList<PipelineJob> jobs{job("a"), job("b", {"a"}), job("c", {"a"}),
                                      job("d", {"b", "c"}), job("e", {"a", "d"})};
        PipelineLayout layout;
        layout.build(jobs);
        QCOMPARE(layout.rankCount(), 4);
        QCOMPARE(rankOf(layout, "a"), 0);
        QCOMPARE(rankOf(layout, "b"), 1);
        QCOMPARE(rankOf(layout, "c"), 1);
        QCOMPARE(rankOf(layout, "d"), 2);
        QCOMPARE(rankOf(layout, "e"), 3);
        // Parallel branches side by side: same rank, different rows, in provider order.
        QCOMPARE(rowOf(layout, "b"), 0);
        QCOMPARE(rowOf(layout, "c"), 1);
        QCOMPARE(layout.rowsInRank(1), 2);
        QCOMPARE(layout.maxRows(), 2);
        QCOMPARE(layout.edges().size(), 6);
        QVERIFY(!layout.hasCycle());
    }

    void stageOrderWithoutNeeds()
    {
        const PipelineRun shop = PipelineFixtures::shopRun(t0().addSecs(900));
        PipelineLayout layout;
        layout.build(shop.jobs);
        // Checkout | Build ×3 | Test ×2 | Package | Staging | Approve | Production
        QCOMPARE(layout.rankCount(), 7);
        QCOMPARE(rankOf(layout, "1"), 0);
        for (const char *id : {"2", "3", "4"})
            QCOMPARE(rankOf(layout, id), 1);
        QCOMPARE(layout.rowsInRank(1), 3);
        QCOMPARE(rankOf(layout, "5"), 2);
        QCOMPARE(rankOf(layout, "6"), 2);
        QCOMPARE(rankOf(layout, "10"), 6);
        // Each test stage node waits for the three builds.
        int intoUnit = 0;
        for (const PipelineLayout::Edge &e : layout.edges())
            intoUnit += e.to == layout.nodeOfKey("5") ? 1 : 0;
        QCOMPARE(intoUnit, 3);
    }

    void mixedNeedsAndStages()
    {
        // GitLab: a job with needs ignores stage order; one without waits for the previous stage.
        const QList<PipelineJob> jobs{job("b1", {}, 10, "build"), job("b2", {}, 10, "build"),
                                      job("t1", {"b1"}, 10, "test"), job("t2", {}, 10, "test"),
                                      job("d", {}, 10, "deploy")};
        PipelineLayout layout;
        layout.build(jobs);
        QCOMPARE(rankOf(layout, "t1"), 1);
        QCOMPARE(rankOf(layout, "t2"), 1);
        QCOMPARE(rankOf(layout, "d"), 2);
        int intoT1 = 0;
        for (const PipelineLayout::Edge &e : layout.edges())
            intoT1 += e.to == layout.nodeOfKey("t1") ? 1 : 0;
        QCOMPARE(intoT1, 1);
    }

    void criticalPath()
    {
        // a(10) -> b(100) -> d(5); a -> c(20) -> d: the chain through b is the longest.
        QList<PipelineJob> jobs{job("a", {}, 10), job("b", {"a"}, 100), job("c", {"a"}, 20),
                                job("d", {"b", "c"}, 5)};
        PipelineLayout layout;
        layout.build(jobs);
        layout.updateCriticalPath(jobs, t0().addSecs(1000));
        QCOMPARE(layout.criticalPath(), (QStringList{"a", "b", "d"}));
        int criticalEdges = 0;
        for (const PipelineLayout::Edge &e : layout.edges())
            criticalEdges += e.critical ? 1 : 0;
        QCOMPARE(criticalEdges, 2);

        // c runs long now: the path moves, and only the nodes that changed are reported.
        jobs[2].finishedAt = t0().addSecs(300);
        const QList<int> changed = layout.updateCriticalPath(jobs, t0().addSecs(1000));
        QCOMPARE(layout.criticalPath(), (QStringList{"a", "c", "d"}));
        QCOMPARE(changed.size(), 2); // b left, c joined (and c's duration changed)
        QVERIFY(changed.contains(layout.nodeOfKey("b")));
        QVERIFY(changed.contains(layout.nodeOfKey("c")));

        // A running job's duration grows with the clock.
        jobs[1].finishedAt = QDateTime();
        jobs[1].status = PipelineStatus::Running;
        layout.updateCriticalPath(jobs, t0().addSecs(1000));
        QCOMPARE(layout.nodes().at(layout.nodeOfKey("b")).seconds, 1000);
        QCOMPARE(layout.criticalPath(), (QStringList{"a", "b", "d"}));

        // Nothing started: no path highlighted.
        for (PipelineJob &j : jobs) {
            j.startedAt = QDateTime();
            j.finishedAt = QDateTime();
            j.status = PipelineStatus::Queued;
        }
        layout.updateCriticalPath(jobs, t0());
        QVERIFY(layout.criticalPath().isEmpty());
    }

    void matrixGroups()
    {
        const PipelineRun run = PipelineFixtures::matrixRun(t0().addSecs(1800), 200);
        QCOMPARE(run.jobs.size(), 200);
        PipelineLayout layout;
        layout.build(run.jobs);
        // 192 build jobs collapse into one node: 8 + 1 nodes.
        QCOMPARE(layout.nodes().size(), 9);
        const int group = layout.nodeOfKey("group:build");
        QVERIFY(group >= 0);
        QCOMPARE(layout.nodes().at(group).jobs.size(), 192);
        QCOMPARE(layout.nodeOfJob("m-b17"), group);
        QCOMPARE(layout.nodes().at(group).rank, 1);
        // The fan-in from 192 jobs is one edge from the group.
        int intoInt1 = 0;
        for (const PipelineLayout::Edge &e : layout.edges())
            intoInt1 += e.to == layout.nodeOfKey("m-int1") ? 1 : 0;
        QCOMPARE(intoInt1, 1);
        QCOMPARE(PipelineLayout::aggregateStatus(run.jobs, layout.nodes().at(group).jobs),
                 PipelineStatus::Running);

        // Expanded: one node per job, side by side in one rank.
        layout.build(run.jobs, {QStringLiteral("build")});
        QCOMPARE(layout.nodes().size(), 200);
        QCOMPARE(layout.rowsInRank(1), 192 + 1); // and docs
        QCOMPARE(layout.nodeOfKey("group:build"), -1);

        // A group of one is just its job.
        QList<PipelineJob> single{job("x", {}, 5, {}, "solo")};
        layout.build(single);
        QCOMPARE(layout.nodes().first().key, QStringLiteral("x"));
        QVERIFY(!layout.nodes().first().isGroup());
    }

    void aggregateStatus()
    {
        QList<PipelineJob> jobs{job("a"), job("b"), job("c")};
        const QList<int> all{0, 1, 2};
        QCOMPARE(PipelineLayout::aggregateStatus(jobs, all), PipelineStatus::Succeeded);
        jobs[1].status = PipelineStatus::Failed;
        QCOMPARE(PipelineLayout::aggregateStatus(jobs, all), PipelineStatus::Failed);
        jobs[2].status = PipelineStatus::Running;
        QCOMPARE(PipelineLayout::aggregateStatus(jobs, all), PipelineStatus::Running);
        for (PipelineJob &j : jobs)
            j.status = PipelineStatus::Skipped;
        QCOMPARE(PipelineLayout::aggregateStatus(jobs, all), PipelineStatus::Skipped);
        QCOMPARE(PipelineLayout::aggregateStatus(jobs, {}), PipelineStatus::Unknown);
    }

    void cyclesAndUnknownNeedsTolerated()
    {
        // a -> b -> c -> a (a cycle), d needs a ghost and itself.
        const QList<PipelineJob> jobs{job("a", {"c"}), job("b", {"a"}), job("c", {"b"}),
                                      job("d", {"ghost", "d"})};
        PipelineLayout layout;
        layout.build(jobs);
        QVERIFY(layout.hasCycle());
        QCOMPARE(layout.nodes().size(), 4);
        int back = 0;
        for (const PipelineLayout::Edge &e : layout.edges())
            back += e.back ? 1 : 0;
        QCOMPARE(back, 1);
        QCOMPARE(layout.edges().size(), 3); // the ghost and the self edge are dropped
        // Every node got a rank; the cycle is laid out as a chain.
        QCOMPARE(rankOf(layout, "a"), 0);
        QCOMPARE(rankOf(layout, "b"), 1);
        QCOMPARE(rankOf(layout, "c"), 2);
        QCOMPARE(rankOf(layout, "d"), 0);
        layout.updateCriticalPath(jobs, t0().addSecs(100));
        QCOMPARE(layout.criticalPath(), (QStringList{"a", "b", "c"}));
    }

    void bigRunIsStable()
    {
        // Building twice gives the same ranks and rows (no hash order leaking into the layout).
        const PipelineRun run = PipelineFixtures::matrixRun(t0().addSecs(1800), 200);
        PipelineLayout a, b;
        a.build(run.jobs, {QStringLiteral("build")});
        b.build(run.jobs, {QStringLiteral("build")});
        for (int v = 0; v < a.nodes().size(); ++v) {
            QCOMPARE(a.nodes().at(v).rank, b.nodes().at(v).rank);
            QCOMPARE(a.nodes().at(v).row, b.nodes().at(v).row);
        }
    }
};

QTEST_GUILESS_MAIN(TestPipelineLayout)
#include "tst_pipelinelayout.moc"
