// SPDX-License-Identifier: GPL-3.0-or-later
// Pipelines views performance: a runs list of 1,000 runs and a 200-job run diagram, opened and
// updated live one change at a time.
// Run: QT_QPA_PLATFORM=offscreen build/<dir>/tests/bench/bench_pipelines [runs] [jobs] [repeats]
// Paints are renders of the viewport (QWidget::grab): the whole viewport for opening and for
// the runs list (an upper bound: Qt repaints only the changed rows), the changed node's area
// for a diagram change, the area around all running nodes for the diagram's duration tick.
// Prints median figures (thread CPU time); docs/PERFORMANCE.md ("Pipelines") records them.
#include "benchutil.h"

#include <pipelinediagramview.h>
#include <pipelinefixtures.h>
#include <pipelinerunmodel.h>
#include <pipelinerunsmodel.h>
#include <pipelinescene.h>

#include <QApplication>
#include <QHeaderView>
#include <QTableView>
#include <QTextStream>

#include <vector>

using namespace Orrery;
using Orrery::Bench::median;
using Orrery::Bench::timeMs;

namespace {

QTextStream out(stdout);

void report(const char *what, const std::vector<double> &samples, double target)
{
    const double m = median(samples);
    out << QStringLiteral("%1: %2 ms (target < %3 ms) %4\n")
               .arg(QLatin1String(what), -52)
               .arg(m, 0, 'f', 2)
               .arg(target)
               .arg(m < target ? QStringLiteral("ok") : QStringLiteral("OVER"));
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int runCount = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int jobCount = argc > 2 ? std::atoi(argv[2]) : 200;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 9;
    const QDateTime now(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
    out << "bench_pipelines: " << runCount << " runs, " << jobCount << " jobs, " << repeats
        << " repeats (medians of thread CPU time)\n";

    // Runs list: model + table, shown and painted once.
    const QList<PipelineRun> runs = PipelineFixtures::runList(now, runCount);
    std::vector<double> listOpen, listChange, listTick;
    for (int r = 0; r < repeats; ++r) {
        PipelineRunsModel model;
        model.setNow(now);
        QTableView view;
        view.resize(1000, 700);
        view.verticalHeader()->setDefaultSectionSize(22);
        listOpen.push_back(timeMs([&] {
            model.setRuns(runs);
            view.setModel(&model);
            view.show();
            (void)view.viewport()->grab(); // a full paint of the viewport (an upper bound)
        }));
        // Live: one run changes per poll (1,000 compared, one row repainted).
        QList<PipelineRun> next = runs;
        for (int i = 0; i < 20; ++i) {
            next[i % 10].status = i % 2 ? PipelineStatus::Succeeded : PipelineStatus::Failed;
            listChange.push_back(timeMs([&] {
                model.setRuns(next);
                (void)view.viewport()->grab(); // a full paint of the viewport (an upper bound)
            }));
        }
        listTick.push_back(timeMs([&] {
            model.setNow(now.addSecs(r + 1));
            model.tick();
            (void)view.viewport()->grab(); // a full paint of the viewport (an upper bound)
        }));
    }
    report("runs list: open (model + table + first paint)", listOpen, 200);
    report("runs list: one run changed (poll applied + paint)", listChange, 5);
    report("runs list: duration tick (+ paint)", listTick, 5);

    // Run diagram: 200 jobs, collapsed matrix and expanded (every job a node).
    const PipelineRun run = PipelineFixtures::matrixRun(now, jobCount);
    for (const bool expanded : {false, true}) {
        std::vector<double> open, change, tick, full;
        int nodes = 0, lines = 0;
        for (int r = 0; r < repeats; ++r) {
            PipelineRunModel model;
            PipelineScene scene;
            scene.setNow(now);
            PipelineDiagramView view(&scene);
            view.resize(1400, 900);
            open.push_back(timeMs([&] {
                model.setRun(run);
                scene.setModel(&model);
                if (expanded)
                    scene.setGroupExpanded(QStringLiteral("build"), true);
                view.show();
                (void)view.viewport()->grab(); // a full paint of the viewport (an upper bound)
            }));
            nodes = int(scene.nodeItems().size());
            lines = scene.edgeLayer()->lineCount();
            // Live: one job's status changes per poll (200 compared, one node repainted).
            PipelineRun next = run;
            for (int i = 0; i < 20; ++i) {
                PipelineJob &job = next.jobs[2 + (i * 13) % (next.jobs.size() - 8)];
                job.status = job.status == PipelineStatus::Running ? PipelineStatus::Succeeded
                                                                   : PipelineStatus::Running;
                job.finishedAt = job.status == PipelineStatus::Running ? QDateTime() : now;
                const QString key = scene.itemOfJob(job.id)->key();
                view.centerOn(scene.nodeRect(key).center()); // on screen, as when watched
                change.push_back(timeMs([&] {
                    model.setRun(next);
                    // What Qt repaints: the changed node's area (with the edges under it).
                    (void)view.viewport()->grab(
                        view.mapFromScene(scene.nodeRect(key).adjusted(-6, -6, 6, 6))
                            .boundingRect());
                }));
            }
            tick.push_back(timeMs([&] {
                scene.setNow(now.addSecs(r + 1));
                // What Qt repaints: the running nodes (here as one rectangle around them all,
                // an upper bound).
                QRectF dirty;
                for (const PipelineJob &job : model.run().jobs) {
                    if (job.status == PipelineStatus::Running)
                        dirty |= scene.nodeRect(scene.itemOfJob(job.id)->key());
                }
                (void)view.viewport()->grab(view.mapFromScene(dirty).boundingRect()
                                            & view.viewport()->rect());
            }));
            full.push_back(timeMs([&] { (void)view.viewport()->grab(); }));
        }
        out << "\n-- run diagram, " << (expanded ? "matrix expanded" : "matrix collapsed") << ": "
            << nodes << " nodes, " << run.jobs.size() << " jobs, " << lines << " edge pieces\n";
        report("run diagram: open (model + layout + items + first paint)", open, 200);
        report("run diagram: one job changed (poll applied + paint)", change, 5);
        report("run diagram: duration tick (+ paint of the running nodes)", tick, 5);
        report("run diagram: full repaint of the view (reference)", full, 200);
    }
    return 0;
}
