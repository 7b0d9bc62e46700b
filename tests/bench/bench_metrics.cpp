// SPDX-License-Identifier: GPL-3.0-or-later
// One metrics-server refresh of 10,000 pods on the GUI thread: what MetricsPoller's owner and
// the views do with a poll's answer once it is decoded (the decoding runs on the transport's
// worker): MetricsSnapshot::fromBatch, MetricsHistory::addPods/addNodes, the Pods table's CPU
// and memory columns under a proxy sorted by CPU (it re-sorts), the Deployments table's sums
// (WorkloadUsage) and the topology's heat overlay (topologyHeat + TopologyScene::setHeat).
// Then the history's memory after 30 minutes at metrics-server's 15 s (120 polls).
// Run: QT_QPA_PLATFORM=offscreen build/<dir>/tests/bench/bench_metrics [pods] [runs]
// Prints median figures; docs/PERFORMANCE.md ("Metrics refresh") records them.
#include "benchutil.h"

#include "resourcefilterproxymodel.h"
#include "resourcetablemodel.h"
#include "topologybuilder.h"
#include "topologygraph.h"
#include "topologyheat.h"
#include "topologyscene.h"
#include "topologysynthetic.h"

#include <kube/resourcestore.h>
#include <monitoring/metricshistory.h>
#include <monitoring/metricspoller.h>

#include <QApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QTableView>
#include <QTextStream>

#include <vector>

using namespace Orrery;
using Orrery::Bench::median;
using Orrery::Bench::timeMs;

namespace {

QTextStream out(stdout);

void report(const char *what, const std::vector<double> &ms, const char *target = "")
{
    out << QStringLiteral("%1: %2 ms %3\n")
               .arg(QLatin1String(what), -46)
               .arg(median(ms), 0, 'f', 2)
               .arg(QLatin1String(target));
    out.flush();
}

constexpr int s_nodes = 40;

// The synthetic cluster's pods with requests and limits (so every percentage is computed),
// and its nodes with allocatable.
QList<KubeObjectPtr> clusterObjects(int pods)
{
    QList<KubeObjectPtr> objects;
    int serial = 0;
    for (const KubeObjectPtr &o : TopologySynthetic::cluster(pods)) {
        if (o->kind != Kind::Pod) {
            objects << o;
            continue;
        }
        KubeObject copy = *o;
        if (auto *data = std::get_if<PodData>(&copy.data)) {
            ContainerInfo c;
            c.name = QStringLiteral("app");
            c.cpuRequest = QStringLiteral("100m");
            c.cpuLimit = QStringLiteral("500m");
            c.memoryRequest = QStringLiteral("128Mi");
            c.memoryLimit = QStringLiteral("256Mi");
            data->spec.containers = {c};
            data->nodeName = QStringLiteral("node-%1").arg(serial++ % s_nodes);
        }
        objects << std::make_shared<const KubeObject>(std::move(copy));
    }
    for (int n = 0; n < s_nodes; ++n) {
        KubeObject node
            = TopologySynthetic::object(Kind::Node, {}, QStringLiteral("node-%1").arg(n));
        NodeData data;
        data.cpuAllocatable = QStringLiteral("32");
        data.memoryAllocatable = QStringLiteral("128Gi");
        node.data = data;
        objects << std::make_shared<const KubeObject>(std::move(node));
    }
    return objects;
}

// One poll's decoded answer: every pod and node, usage varying per poll.
MetricsBatch pollOf(const QList<KubeObjectPtr> &objects, int poll, const QDateTime &start)
{
    MetricsBatch batch;
    batch.polledAt = start.addSecs(15 * poll);
    batch.pods = PodMetricsList();
    batch.nodes = NodeMetricsList();
    int i = 0;
    for (const KubeObjectPtr &o : objects) {
        if (o->kind == Kind::Pod) {
            PodMetrics m;
            m.ns = o->namespaceName;
            m.name = o->name;
            m.timestamp = batch.polledAt;
            m.windowMs = 15000;
            m.cpuNanocores = qint64((i * 7919 + poll * 104729) % 200) * 1000000 + 1;
            m.memoryBytes = (qint64((i * 31 + poll * 17) % 200) + 20) << 20;
            batch.pods->items << m;
            ++i;
        } else if (o->kind == Kind::Node) {
            NodeMetrics m;
            m.name = o->name;
            m.timestamp = batch.polledAt;
            m.cpuNanocores = qint64(4 + poll % 8) * 1000000000;
            m.memoryBytes = qint64(40 + poll % 30) << 30;
            batch.nodes->items << m;
        }
    }
    return batch;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int pods = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 9;
    out << "bench_metrics: " << pods << " pods, " << runs
        << " refreshes (medians of thread CPU time)\n";

    const QList<KubeObjectPtr> objects = clusterObjects(pods);
    ResourceStore store;
    for (Kind kind : allKinds()) {
        StoreDelta replace;
        replace.type = StoreDelta::Type::Replace;
        replace.kind = kind;
        for (const KubeObjectPtr &o : objects) {
            if (o->kind == kind)
                replace.objects.push_back(o);
        }
        store.post(std::move(replace));
    }
    store.flush();
    out << "pods: " << store.count(Kind::Pod) << ", deployments: " << store.count(Kind::Deployment)
        << ", nodes: " << store.count(Kind::Node) << "\n";

    // The Pods table as the window shows it, sorted by CPU (so a refresh re-sorts it).
    ResourceTableModel podsModel(Kind::Pod);
    podsModel.setStore(&store);
    ResourceFilterProxyModel proxy;
    proxy.setSourceModel(&podsModel);
    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 10);
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(podsModel.firstMetricsColumn(), Qt::DescendingOrder);
    view.resize(1400, 900);
    view.show();
    ResourceTableModel deployments(Kind::Deployment);
    deployments.setStore(&store);
    // The same model without a view: what the model itself costs, apart from the proxy's re-sort.
    ResourceTableModel barePods(Kind::Pod);
    barePods.setStore(&store);

    TopologyGraph graph;
    TopologyBuilder builder(&graph);
    TopologyScene scene(&graph);
    scene.setAnimationsEnabled(false);
    builder.reset(objects);
    scene.rebuild();
    out << "topology items: " << scene.itemCount() << "\n";

    MetricsHistory history;
    const QDateTime start = QDateTime::currentDateTimeUtc();
    std::vector<MetricsBatch> polls;
    for (int run = 0; run < runs; ++run)
        polls.push_back(pollOf(objects, run, start));

    std::vector<double> snapshot, historyAdd, podsTable, deploymentTable, heat, total, bare,
        heatCompute, topologyShown;
    for (int run = 0; run < runs; ++run) {
        const MetricsBatch &batch = polls[std::size_t(run)];
        std::shared_ptr<const MetricsSnapshot> s;
        const double a = timeMs([&] { s = MetricsSnapshot::fromBatch(batch); });
        const double b = timeMs([&] {
            history.addPods(*batch.pods);
            history.addNodes(*batch.nodes);
        });
        const double c = timeMs([&] { podsModel.setMetrics(s); });
        const double d = timeMs([&] { deployments.setMetrics(s); });
        QHash<QString, float> map;
        const double e1 = timeMs([&] { map = topologyHeat(store, s, true); });
        const double e = e1 + timeMs([&] { scene.setHeat(true, map); });
        heatCompute.push_back(e1);
        bare.push_back(timeMs([&] { barePods.setMetrics(s); }));
        snapshot.push_back(a);
        historyAdd.push_back(b);
        podsTable.push_back(c);
        deploymentTable.push_back(d);
        heat.push_back(e);
        total.push_back(a + b + c + d + e);
        // The topology shown: the hidden resource table takes the snapshot only when shown.
        topologyShown.push_back(a + b + e);
        QCoreApplication::processEvents();
    }
    // The figures must be real: the sort and the sums saw this poll.
    const QModelIndex top = proxy.index(0, podsModel.firstMetricsColumn());
    out << "top pod by CPU: " << top.data().toString()
        << ", heat entries: " << scene.display().heat.size() << "\n";
    report("MetricsSnapshot::fromBatch", snapshot);
    report("MetricsHistory add (pods + nodes)", historyAdd);
    report("Pods table setMetrics (sorted by CPU)", podsTable);
    report("  of which the model alone (no view)", bare);
    report("Deployments table setMetrics (sums)", deploymentTable);
    report("topology heat (compute + setHeat)", heat);
    report("  of which topologyHeat()", heatCompute);
    report("refresh total (GUI thread)", total, "(target < 20 ms)");
    report("refresh, topology shown (snapshot + history + heat)", topologyShown,
           "(target < 20 ms)");

    // 30 minutes at 15 s: 120 polls into a fresh history with the default bounds.
    MetricsHistory hour;
    for (int poll = 0; poll < 120; ++poll) {
        const MetricsBatch batch = pollOf(objects, poll, start);
        hour.addPods(*batch.pods);
        hour.addNodes(*batch.nodes);
    }
    qint64 keyBytes = 0;
    for (const KubeObjectPtr &o : objects) {
        if (o->kind == Kind::Pod)
            keyBytes += (MetricsHistory::podKey(o->namespaceName, o->name).size() * 2) + 64;
    }
    out << QStringLiteral("history after 30 min at 15 s: %1 objects, samples %2 MiB, keys ~%3 MiB "
                          "(target < 30 MB)\n")
               .arg(hour.objectCount())
               .arg(double(hour.bytesUsed()) / (1 << 20), 0, 'f', 1)
               .arg(double(keyBytes) / (1 << 20), 0, 'f', 1);
    return 0;
}
