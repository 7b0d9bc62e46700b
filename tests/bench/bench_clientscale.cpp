// SPDX-License-Identifier: GPL-3.0-or-later
// Orrery's client stack against a large orrery-sim cluster (docs/PERFORMANCE.md, "Client at
// scale", issue 16). Run by tests/bench/bench_clientscale.sh, which starts the simulator;
// by hand:
//   QT_QPA_PLATFORM=offscreen bench_clientscale KUBECONFIG CONTEXT PODS [PAGE.json]
// One run, one line of figures per phase (the script takes medians over runs;
// ORRERY_BENCH_SYNC_ONLY=1 stops after the sync):
//   sync:     a ClusterSession as the application opens it (discovery, one informer per kind,
//             the ResourceStore flushing every 50 ms) with the Pods table of the resource
//             browser attached (ResourceTableModel under ResourceFilterProxyModel, sorted, in
//             a shown QTableView): time to the first pods in the table, to the first frame
//             painted with pods, to a full table (rows = PODS), to every kind synced; the GUI
//             thread's CPU in that time, its stalls (a 10 ms heartbeat: gaps over 100 ms and
//             the longest), the process's CPU and peak RSS (VmHWM);
//   topology: what the Topology page does on GUI thread when opened at that size (the graph
//             built from the store, the scene laid out for one namespace and for the whole
//             cluster, one overview frame painted);
//   churn:    watch events of real pods (PAGE.json, a page of the simulator's pods) fed through
//             the real Informer watch path (decoded on a second thread, as on the worker) into
//             the store and the table at increasing rates, 3 s each: the rate applied, the
//             GUI thread's busy share and whether the store's inbox fell behind.
#include "benchutil.h"

#include "benchpodstable.h"
#include "kube/clustersession.h"
#include "kube/informer.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"
#include "topologybuilder.h"
#include "topologygraph.h"
#include "topologypage.h"
#include "topologyscene.h"
#include "topologyview.h"

#include "../fuzz/informerfuzzprobe.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

using namespace Orrery;

using Bench::spin;
using Bench::threadCpuMs;

namespace {

QTextStream out(stdout);

double processCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (double(u.ru_utime.tv_sec) + double(u.ru_stime.tv_sec)) * 1e3
           + (double(u.ru_utime.tv_usec) + double(u.ru_stime.tv_usec)) / 1e3;
}

int statusMb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field)) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            return parts.size() > 1 ? int(parts[1].toLongLong() / 1024) : 0;
        }
    }
    return 0;
}

QList<KubeObjectPtr> topologyObjects(ResourceStore *store)
{
    // As TopologyPage's allObjects().
    QList<KubeObjectPtr> all;
    for (Kind kind : allKinds())
        if (TopologyBuilder::isTopologyKind(kind) || kind == Kind::Endpoints)
            all += store->objects(kind);
    return all;
}

// Calls `painted` after every paint event of the watched widget.
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(std::function<void()> painted)
        : m_painted(std::move(painted))
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const bool handled = QObject::eventFilter(watched, event);
        if (event->type() == QEvent::Paint)
            m_painted();
        return handled;
    }

private:
    std::function<void()> m_painted;
};

// A 10 ms timer on the GUI thread: the longest time between two of its ticks, and how many
// gaps were longer than 100 ms (the window could not repaint or answer input for that long).
class Heartbeat : public QObject
{
public:
    Heartbeat()
    {
        m_since.start();
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_since.restart();
            maxGapMs = std::max(maxGapMs, gap);
            if (gap > 100)
                ++stalls;
        });
        m_timer.start(10);
    }
    void stop() { m_timer.stop(); }

    qint64 maxGapMs = 0;
    int stalls = 0;

private:
    QTimer m_timer;
    QElapsedTimer m_since;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 4) {
        out << "usage: bench_clientscale KUBECONFIG CONTEXT PODS [PODS_PAGE.json]\n";
        return 2;
    }
    const QString kubeconfig = QString::fromLocal8Bit(argv[1]);
    const QString context = QString::fromLocal8Bit(argv[2]);
    const int pods = std::atoi(argv[3]);
    const QString pagePath = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString();

    const Kubeconfig config = Kubeconfig::load(kubeconfig);
    Result<ClusterConnection> connection = config.connection(context);
    if (!connection.ok()) {
        out << "error: " << connection.error().toString() << "\n";
        return 1;
    }

    // --- sync and the Pods table ---
    const double cpu0 = processCpuMs();
    const double gui0 = threadCpuMs();
    QElapsedTimer clock;
    clock.start();
    ClusterSession session(connection.value());
    Bench::PodsTable table(session.store());
    ResourceTableModel &model = table.model;
    ResourceFilterProxyModel &proxy = table.proxy;
    QTableView &view = table.view;

    qint64 firstRowsMs = -1, firstPaintMs = -1, fullTableMs = -1, syncedMs = -1;
    int batches = 0;
    QObject::connect(session.store(), &ResourceStore::changed, &view, [&] {
        ++batches;
        if (firstRowsMs < 0 && model.rowCount() > 0)
            firstRowsMs = clock.elapsed();
        if (fullTableMs < 0 && model.rowCount() >= pods)
            fullTableMs = clock.elapsed();
    });
    // The first frame that shows pods: the viewport painted with rows in the table.
    PaintWatch paints([&] {
        if (firstPaintMs < 0 && proxy.rowCount() > 0)
            firstPaintMs = clock.elapsed();
    });
    view.viewport()->installEventFilter(&paints);
    // The GUI thread's responsiveness during the sync: a 10 ms heartbeat, its longest gap
    // and how many gaps were over 100 ms (a frozen window).
    Heartbeat heartbeat;
    QObject::connect(&session, &ClusterSession::synced, &view, [&] { syncedMs = clock.elapsed(); });
    session.start();
    const bool ok = spin([&] { return syncedMs >= 0 && fullTableMs >= 0; }, 600000);
    heartbeat.stop();
    const double guiSync = threadCpuMs() - gui0;
    const double cpuSync = processCpuMs() - cpu0;
    int objects = 0;
    for (Kind kind : allKinds())
        objects += session.store()->count(kind);
    // A frame of the filled table, as the window would paint it.
    QImage tableFrame(1400, 900, QImage::Format_ARGB32_Premultiplied);
    const double tableFrameMs = Bench::timeMs([&] { view.render(&tableFrame); });
    // The table's view painted once more after the sync (what the window would show).
    QApplication::processEvents();
    out << QStringLiteral("sync ok=%1 pods=%2 rows=%3 objects=%4 first_rows_ms=%5 "
                          "full_table_ms=%6 synced_ms=%7 gui_cpu_ms=%8 process_cpu_ms=%9 "
                          "cpu_us_per_object=%10 peak_rss_mb=%11 rss_mb=%12 table_frame_ms=%13 "
                          "first_paint_ms=%14 stalls_over_100ms=%15 max_stall_ms=%16 "
                          "batches=%17\n")
               .arg(ok)
               .arg(pods)
               .arg(model.rowCount())
               .arg(objects)
               .arg(firstRowsMs)
               .arg(fullTableMs)
               .arg(syncedMs)
               .arg(guiSync, 0, 'f', 0)
               .arg(cpuSync, 0, 'f', 0)
               .arg(objects ? cpuSync * 1000 / objects : 0, 0, 'f', 1)
               .arg(statusMb("VmHWM"))
               .arg(statusMb("VmRSS"))
               .arg(tableFrameMs, 0, 'f', 1)
               .arg(firstPaintMs)
               .arg(heartbeat.stalls)
               .arg(heartbeat.maxGapMs)
               .arg(batches);
    out.flush();
    if (!ok)
        return 1;
    // ORRERY_BENCH_SYNC_ONLY=1: the sync phase alone (repeated runs of the table's figures).
    if (qEnvironmentVariableIntValue("ORRERY_BENCH_SYNC_ONLY") == 1)
        return 0;

    // --- topology ---
    // 1. The Topology page as the application opens it on a synced context (TopologyPage:
    //    the graph built on its worker, the scene laid out, fitted): time to the first frame
    //    painted and the GUI thread's longest stall meanwhile (a 5 ms timer's largest gap).
    // 2. The same parts driven directly, each timed: the graph build (TopologyBuilder::reset,
    //    here on the GUI thread), the first scene (aggregated above 20,000 nodes), one
    //    namespace expanded, frames while panning the whole cluster and inside the expanded
    //    namespace, 1,000 pods changing status, and the RSS the graph and scene added.
    {
        const int rssBefore = statusMb("VmRSS");
        double firstFrameMs = 0;
        qint64 maxStallMs = 0;
        int pageRssMb = 0; // what the page's graph and scene hold, measured while it lives
        {
            TopologyPage page;
            page.resize(1600, 1000);
            page.show();
            QElapsedTimer pageClock;
            pageClock.start();
            qint64 lastTick = 0;
            QTimer tick;
            QObject::connect(&tick, &QTimer::timeout, [&] {
                maxStallMs = std::max(maxStallMs, pageClock.elapsed() - lastTick);
                lastTick = pageClock.elapsed();
            });
            tick.start(5);
            page.showStore(QStringLiteral("bench"), session.store());
            spin([&] { return page.scene() && page.scene()->items().size() > 0; }, 300000);
            QImage first(page.view()->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
            first.fill(Qt::white);
            page.view()->viewport()->render(&first);
            firstFrameMs = double(pageClock.elapsed());
            maxStallMs = std::max(maxStallMs, pageClock.elapsed() - lastTick);
            pageRssMb = statusMb("VmRSS") - rssBefore;
            if (!qEnvironmentVariableIsEmpty("ORRERY_BENCH_TOPOLOGY_PNG"))
                first.save(qEnvironmentVariable("ORRERY_BENCH_TOPOLOGY_PNG"));
        }

        QString ns;
        for (const KubeObjectPtr &p : session.store()->objects(Kind::Pod))
            if (!p->namespaceName.startsWith(QLatin1String("kube-"))) {
                ns = p->namespaceName;
                break;
            }
        const int rssGraphBefore = statusMb("VmRSS");
        TopologyGraph graph;
        TopologyBuilder builder(&graph);
        const QList<KubeObjectPtr> all = topologyObjects(session.store());
        const double buildMs = Bench::timeMs([&] { builder.reset(all); });
        graph.takeDelta();
        TopologyScene scene(&graph);
        scene.setAnimationsEnabled(false);
        TopologyFilter one;
        one.namespaces = {ns};
        const double nsMs = Bench::timeMs([&] { scene.setFilter(one); });
        const int nsItems = scene.itemCount();
        const double allMs = Bench::timeMs([&] { scene.setFilter(TopologyFilter()); });
        const int allItems = int(scene.items().size());
        TopologyView topologyView;
        topologyView.setTopologyScene(&scene);
        topologyView.resize(1600, 1000);
        topologyView.showWhole();
        QImage frame(1600, 1000, QImage::Format_ARGB32_Premultiplied);
        auto paint = [&] {
            return Bench::timeMs([&] {
                frame.fill(Qt::white);
                QPainter p(&frame);
                topologyView.viewport()->render(&p);
            });
        };
        paint(); // warm-up (the first paint builds the aggregates' fonts)
        std::vector<double> overviewFrames, detailFrames, updates;
        for (int i = 0; i < 9; ++i) {
            topologyView.centerOn(scene.sceneRect().center() + QPointF(i * 150, i * 60));
            overviewFrames.push_back(paint());
        }
        const double expandMs = Bench::timeMs([&] { topologyView.expandHome(ns); });
        const int expandedItems = scene.itemCount();
        topologyView.setZoom(1.0);
        const QPointF start = scene.homeRect(ns).topLeft() + QPointF(800, 500);
        for (int i = 0; i < 9; ++i) {
            topologyView.centerOn(start + QPointF(i * 60, i * 30));
            detailFrames.push_back(paint());
        }
        // 1,000 pods spread over the cluster change status (and back), five times.
        QList<KubeObjectPtr> storePods = session.store()->objects(Kind::Pod);
        QList<KubeObjectPtr> picked;
        for (qsizetype i = 0; i < storePods.size() && picked.size() < 1000;
             i += std::max<qsizetype>(1, storePods.size() / 1000))
            picked.append(storePods[i]);
        QList<KubeObjectPtr> current = picked;
        for (int round = 0; round < 5; ++round) {
            ChangeBatch batch;
            for (qsizetype i = 0; i < current.size(); ++i) {
                auto changed = std::make_shared<KubeObject>(*current[i]);
                PodData data = *changed->pod();
                data.status
                    = round % 2 ? QStringLiteral("Running") : QStringLiteral("CrashLoopBackOff");
                data.restarts += 1;
                changed->data = data;
                batch.changes.append(
                    ObjectChange{ObjectChange::Type::Modified, Kind::Pod, changed, current[i]});
                current[i] = changed;
            }
            updates.push_back(Bench::timeMs([&] {
                builder.apply(batch);
                scene.applyPendingChanges();
            }));
        }
        out << QStringLiteral("topology graph_nodes=%1 first_frame_ms=%2 gui_max_stall_ms=%3 "
                              "build_ms=%4 namespace=%5 namespace_layout_ms=%6 "
                              "namespace_items=%7 cluster_layout_ms=%8 cluster_items=%9 "
                              "aggregates=%10 expand_ms=%11 expanded_items=%12 "
                              "overview_frame_ms=%13 detail_frame_ms=%14 update_1000_ms=%15 "
                              "page_rss_mb=%16 graph_scene_rss_mb=%17 rss_mb=%18\n")
                   .arg(graph.nodeCount())
                   .arg(firstFrameMs, 0, 'f', 0)
                   .arg(maxStallMs)
                   .arg(buildMs, 0, 'f', 0)
                   .arg(ns)
                   .arg(nsMs, 0, 'f', 0)
                   .arg(nsItems)
                   .arg(allMs, 0, 'f', 0)
                   .arg(allItems)
                   .arg(scene.aggregateCount())
                   .arg(expandMs, 0, 'f', 0)
                   .arg(expandedItems)
                   .arg(Bench::median(overviewFrames), 0, 'f', 1)
                   .arg(Bench::median(detailFrames), 0, 'f', 1)
                   .arg(Bench::median(updates), 0, 'f', 1)
                   .arg(pageRssMb)
                   .arg(statusMb("VmRSS") - rssGraphBefore)
                   .arg(statusMb("VmRSS"));
        out.flush();
    }

    // --- churn: real pod JSON through the informer's watch path at rising rates ---
    if (pagePath.isEmpty())
        return 0;
    QFile page(pagePath);
    if (!page.open(QIODevice::ReadOnly)) {
        out << "error: cannot read " << pagePath << "\n";
        return 1;
    }
    const nlohmann::json list = nlohmann::json::parse(page.readAll().toStdString(), nullptr, false);
    std::vector<std::string> templates; // each pod with its resourceVersion as a placeholder
    if (list.is_object() && list.contains("items"))
        for (nlohmann::json item : list["items"]) {
            item["metadata"]["resourceVersion"] = "@RV@";
            templates.push_back(item.dump());
        }
    if (templates.empty()) {
        out << "error: no pods in " << pagePath << "\n";
        return 1;
    }
    ResourceStore *store = session.store();
    // One version counter for all rates: the store skips an event whose resourceVersion is
    // the one it holds (nothing changed), so a counter restarted per rate hid events.
    std::atomic<qint64> nextVersion{900000000};
    for (const int rate : {500, 1000, 2000, 4000, 8000, 16000}) {
        constexpr int seconds = 3;
        std::atomic<qint64> delivered{0}; // decoded and posted to the store
        std::atomic<bool> stop{false};
        std::thread worker([&] {
            // The informer (its decoder, its line splitting) on this thread, as on the
            // CurlWorker's; the events go to the real store.
            InformerFuzzProbe probe(Kind::Pod, store);
            probe.watchStart();
            QElapsedTimer t;
            t.start();
            std::size_t next = 0;
            qint64 produced = 0;
            while (!stop.load() && t.elapsed() < seconds * 1000) {
                // Events due by now, in chunks as the network delivers them (every 10 ms).
                const qint64 due = t.elapsed() * rate / 1000;
                QByteArray chunk;
                for (; produced < due; ++produced) {
                    std::string line = "{\"type\":\"MODIFIED\",\"object\":";
                    std::string object = templates[next++ % templates.size()];
                    object.replace(object.find("@RV@"), 4, std::to_string(++nextVersion));
                    line += object;
                    line += "}\n";
                    chunk.append(line.data(), qsizetype(line.size()));
                }
                if (!chunk.isEmpty() && probe.watchData(chunk))
                    delivered.store(produced);
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        });
        qint64 applied = 0;
        const auto counter
            = QObject::connect(store, &ResourceStore::changed, &view,
                               [&](const ChangeBatch &b) { applied += b.changes.size(); });
        const double g0 = threadCpuMs();
        QElapsedTimer wall;
        wall.start();
        spin([&] { return wall.elapsed() >= seconds * 1000; }, seconds * 1000 + 1000);
        const double busy = (threadCpuMs() - g0) / double(wall.elapsed()) * 100;
        const int backlog = store->pendingDeltas();
        stop = true;
        worker.join();
        spin([&] { return store->pendingDeltas() == 0; }, 30000);
        QObject::disconnect(counter);
        // Behind: the decoding thread could not deliver 90 % of the offered events in time, or
        // more than half a second of events waits in the store's inbox at the end.
        const bool behind
            = delivered.load() < qint64(rate) * seconds * 9 / 10 || backlog > rate / 2;
        out << QStringLiteral("churn rate=%1 delivered=%2 applied_changes=%3 gui_busy_pct=%4 "
                              "inbox_at_end=%5 behind=%6\n")
                   .arg(rate)
                   .arg(delivered.load())
                   .arg(applied)
                   .arg(busy, 0, 'f', 0)
                   .arg(backlog)
                   .arg(behind);
        out.flush();
        if (behind)
            break;
    }
    return 0;
}
