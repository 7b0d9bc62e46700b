// SPDX-License-Identifier: GPL-3.0-or-later
// Topology performance on a synthetic cluster shaped like `orrery-sim --synthetic-pods N`.
// Run: QT_QPA_PLATFORM=offscreen build/<dir>/tests/bench/bench_topology [pods] [runs]
// Prints median figures; docs/PERFORMANCE.md ("Topology") records them.
#include "benchutil.h"

#include "topologybuilder.h"
#include "topologygraph.h"
#include "topologyscene.h"
#include "topologysynthetic.h"
#include "topologyview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <functional>
#include <vector>

using namespace Orrery;
using Orrery::Bench::median;
using Orrery::Bench::timeMs;

namespace {

// Live heap (malloc in-use bytes): unlike RSS it drops when memory is freed, so the figure
// is what the graph and scene keep, not what building them touched once.
double heapMb()
{
    return mallinfo2().uordblks / (1024.0 * 1024.0);
}

QTextStream out(stdout);

void report(const char *what, double ms, const char *target = "")
{
    out << QStringLiteral("%1: %2 ms %3\n")
               .arg(QLatin1String(what), -44)
               .arg(ms, 0, 'f', 2)
               .arg(QLatin1String(target));
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int pods = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 7;
    out << "bench_topology: " << pods << " pods, " << runs
        << " runs (medians of thread CPU time)\n";

    const QList<KubeObjectPtr> objects = TopologySynthetic::cluster(pods);
    out << "objects: " << objects.size() << "\n";

    // Past 20,000 pods only the BSP index (NoIndex lost by 2× at 10k; each run costs minutes).
    QList<QGraphicsScene::ItemIndexMethod> indexes{QGraphicsScene::BspTreeIndex};
    if (pods <= 20000)
        indexes.append(QGraphicsScene::NoIndex);
    for (auto index : std::as_const(indexes)) {
        out << "\n-- scene index: " << (index == QGraphicsScene::BspTreeIndex ? "BSP" : "NoIndex")
            << "\n";
        std::vector<double> build, layout, sceneBuild, incremental, incremental1000, expand,
            paintDetail, paintOverview, paintPan;
        double memory = 0;
        bool overviewMode = false, aggregated = false;
        int nodes = 0, items = 0, edges = 0, aggregates = 0, expandedItems = 0;
        for (int run = 0; run < runs; ++run) {
            const double rssBefore = heapMb();
            auto graph = std::make_unique<TopologyGraph>();
            TopologyBuilder builder(graph.get());
            build.push_back(timeMs([&] { builder.reset(objects); }));
            nodes = graph->nodeCount();

            TopologyLayout layoutOnly;
            layout.push_back(timeMs([&] {
                layoutOnly.layoutAll(
                    *graph, [](const TopologyNode &n) { return n.collapsedInto.isEmpty(); });
            }));

            auto scene = std::make_unique<TopologyScene>(graph.get());
            scene->setItemIndexMethod(index);
            scene->setAnimationsEnabled(false);
            graph->takeDelta(); // the scene draws the whole graph; only later changes are deltas
            sceneBuild.push_back(timeMs([&] { scene->rebuild(); }));
            items = scene->itemCount();
            edges = scene->edgeCount();
            aggregated = scene->isAggregated();
            aggregates = scene->aggregateCount();
            memory = heapMb() - rssBefore;

            // Incremental: 100 (then 1,000) pods change status (alternating between runs).
            auto changedPods = [&](int count) {
                ChangeBatch batch;
                int picked = 0;
                for (const KubeObjectPtr &o : objects) {
                    if (o->kind != Kind::Pod || (picked++ % std::max(1, pods / count)) != 0)
                        continue;
                    const auto changed = TopologySynthetic::pod(
                        o->namespaceName, o->name, QStringLiteral("ReplicaSet"),
                        o->controllerRef()->name, o->labels,
                        run % 2 ? QStringLiteral("Pending") : QStringLiteral("CrashLoopBackOff"),
                        run + 1);
                    batch.changes.append(
                        ObjectChange{ObjectChange::Type::Modified, Kind::Pod, changed, o});
                }
                return batch;
            };
            for (auto [count, samples] : {std::pair{100, &incremental}, {1000, &incremental1000}}) {
                const ChangeBatch batch = changedPods(count);
                for (int i = 0; i < 5; ++i) {
                    // Alternate the statuses so every round is a real change.
                    ChangeBatch round = batch;
                    for (ObjectChange &c : round.changes)
                        c.object = TopologySynthetic::pod(
                            c.object->namespaceName, c.object->name, QStringLiteral("ReplicaSet"),
                            c.object->controllerRef()->name, c.object->labels,
                            i % 2 ? QStringLiteral("Pending") : QStringLiteral("CrashLoopBackOff"),
                            run * 10 + i + 1);
                    samples->push_back(timeMs([&] {
                        builder.apply(round);
                        scene->applyPendingChanges();
                    }));
                }
            }

            // Frame paint through TopologyView's own paint path (what the user sees): a
            // 1600×1000 viewport at 100 % (detail), at 40 % (panning a mid zoom) and fitted
            // to the whole cluster (overview, TopologyScene::setOverview via the view).
            QImage frame(1600, 1000, QImage::Format_ARGB32_Premultiplied);
            TopologyView view;
            view.setTopologyScene(scene.get());
            view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            view.resize(1600, 1000);
            auto paint = [&] {
                return timeMs([&] {
                    frame.fill(Qt::white);
                    view.viewport()->render(&frame);
                });
            };
            if (aggregated) {
                // The whole cluster first (aggregates), then zoomed into the largest
                // namespace, which expands it (the detail frames below pan inside it).
                view.showWhole(); // fitAll() waits for a shown view
                paint();          // warm-up: the first paint builds caches
                for (int i = 0; i < 5; ++i) {
                    view.centerOn(scene->sceneRect().center() + QPointF(i * 200, 0));
                    paintOverview.push_back(paint());
                }
                if (run == 0) {
                    frame.fill(Qt::white);
                    view.viewport()->render(&frame);
                    frame.save(QStringLiteral("topology-bench-aggregated.png"));
                }
                const QString home = scene->layout().namespaceBoxes().first().key;
                expand.push_back(timeMs([&] { view.expandHome(home); }));
                expandedItems = scene->itemCount();
                view.setZoom(1.0);
            }
            const QRectF all = aggregated
                                   ? scene->homeRect(scene->layout().namespaceBoxes().first().key)
                                   : scene->sceneRect();
            const QPointF c = aggregated ? all.topLeft() + QPointF(800, 500) : all.center();
            for (int i = 0; i < 5; ++i) {
                const qreal shift = i * 120; // panning
                view.setZoom(1.0);
                view.centerOn(c + QPointF(shift, 0));
                paintDetail.push_back(paint());
                view.setZoom(0.4);
                view.centerOn(c + QPointF(shift, 0));
                paintPan.push_back(paint());
                if (!aggregated) {
                    view.fitAll();
                    paintOverview.push_back(paint());
                    overviewMode = scene->isOverview();
                }
            }
            if (run == 0 && index == QGraphicsScene::BspTreeIndex && !aggregated) {
                view.fitAll();
                frame.fill(Qt::white);
                view.viewport()->render(&frame);
                frame.save(QStringLiteral("topology-bench-overview.png"));
                view.setZoom(1.0);
                view.centerOn(c);
                frame.fill(Qt::white);
                view.viewport()->render(&frame);
                frame.save(QStringLiteral("topology-bench-detail.png"));
            }
        }
        out << "nodes " << nodes << ", drawn items " << items << ", drawn edges " << edges << "\n";
        if (aggregated)
            out << "aggregated: " << aggregates
                << " namespace boxes; one namespace expanded: " << expandedItems << " items\n";
        report("builder: graph from objects", median(build));
        report("layout only (layoutAll, every node)", median(layout), "(target < 300)");
        report(aggregated ? "first scene (aggregated namespaces)"
                          : "first full layout + scene items",
               median(sceneBuild), "(target < 300)");
        if (aggregated)
            report("expand one namespace (layout + items)", median(expand));
        report("incremental: 100 changed pods", median(incremental), "(target < 5)");
        report("incremental: 1000 changed pods", median(incremental1000), "(target < 16)");
        report("frame 1600x1000 at 100 %", median(paintDetail), "(target < 16.7)");
        report("frame 1600x1000 at 40 % (panning)", median(paintPan), "(target < 16.7)");
        report(aggregated     ? "frame 1600x1000 whole cluster (aggregated)"
               : overviewMode ? "frame 1600x1000 whole cluster (overview)"
                              : "frame 1600x1000 whole cluster",
               median(paintOverview), "(target < 16.7)");
        out << QStringLiteral("%1: %2 MB (target < 100)\n")
                   .arg(QLatin1String("memory: graph + builder + scene (live heap)"), -44)
                   .arg(memory, 0, 'f', 1);
    }
    return 0;
}
