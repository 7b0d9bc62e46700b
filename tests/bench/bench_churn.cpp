// SPDX-License-Identifier: GPL-3.0-or-later
// Churn from the simulator itself into Orrery's client (docs/PERFORMANCE.md, "Client at
// scale", churn; issue 16: "2,000 pod events per second sustained for a minute at 150,000
// pods: GUI thread under 30 % busy, no event dropped, the store equal to the server at the
// end"). Run by tests/bench/bench_churn.sh, which starts the simulator; by hand:
//   QT_QPA_PLATFORM=offscreen bench_churn KUBECONFIG CONTEXT PODS RATE SECONDS
// 1. a ClusterSession as the application opens it, with the Pods table of the resource
//    browser attached (ResourceTableModel under the sorting ResourceFilterProxyModel in a
//    shown QTableView), synced;
// 2. orrery-sim deletes RATE controller-owned pods per second (the annotation
//    sim.orrery.dev/churn-per-second on kube-system): the deployments' ReplicaSets recreate
//    them, the scheduler places them and the kubelet starts them, so each deletion makes
//    several events (MODIFIED, DELETED, ADDED, MODIFIED ...). For SECONDS: the GUI thread's
//    busy share (its CPU time over wall time, whole window and worst 10 s), the changes the
//    store delivered, the store's inbox; beside it a second, raw watch on its own thread
//    counts the events the server sent;
// 3. churn stopped, the store compared with the server until they agree (at most 180 s):
//    every pod of a paged LIST (500 a page) present in the store at the same resourceVersion
//    and no other; and the pods informer's relists and reconnects (0: every change came
//    through the watch).
#include "benchpodstable.h"
#include "benchutil.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <time.h>

#include <atomic>
#include <map>
#include <memory>

using namespace Orrery;

namespace {

QTextStream churnOut(stdout);

// The server's answer to one request, waited for on the GUI thread (outside the measured
// window).
std::optional<Result<ApiResponse>> churnSend(HttpTransport &transport, const ApiRequest &request)
{
    std::optional<Result<ApiResponse>> result;
    QObject context;
    // A simulator busy with a long controller pass answers late: no 30 s limit.
    ApiRequest patient = request;
    patient.timeoutMs = 120000;
    transport.send(patient, &context, [&](const Result<ApiResponse> &r) { result = r; });
    Bench::spin([&] { return result.has_value(); }, 120000);
    return result;
}

bool churnSetRate(ClusterSession &session, int rate)
{
    ApiRequest patch;
    patch.method = "PATCH";
    patch.path = session.discovery()
                     .resource(Kind::Namespace)
                     ->objectPath(QString(), QStringLiteral("kube-system"));
    patch.contentType = "application/merge-patch+json";
    patch.body = R"({"metadata":{"annotations":{"sim.orrery.dev/churn-per-second":")"
                 + QByteArray::number(rate) + "\"}}}";
    const auto r = churnSend(*session.transport(), patch);
    return r && r->ok() && (*r)->status == 200;
}

using ChurnVersions = std::map<QString, QString>; // namespace/name -> resourceVersion

// Every pod of the server, listed in pages of 500 as clients do; false when a page failed.
bool churnServerPods(HttpTransport &transport, ChurnVersions &out)
{
    out.clear();
    QString cont;
    do {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
        if (!cont.isEmpty())
            q.addQueryItem(QStringLiteral("continue"), cont);
        const auto r = churnSend(transport, ApiRequest::get(QStringLiteral("/api/v1/pods?")
                                                            + q.toString(QUrl::FullyEncoded)));
        if (!r || !r->ok() || !(*r)->isSuccess())
            return false;
        const auto page = nlohmann::json::parse((*r)->body.toStdString(), nullptr, false);
        if (!page.is_object() || !page.contains("items"))
            return false;
        for (const auto &item : page["items"]) {
            const auto &meta = item["metadata"];
            out[QString::fromStdString(meta.value("namespace", std::string())) + QLatin1Char('/')
                + QString::fromStdString(meta.value("name", std::string()))]
                = QString::fromStdString(meta.value("resourceVersion", std::string()));
        }
        cont = QString::fromStdString(page["metadata"].value("continue", std::string()));
    } while (!cont.isEmpty());
    return true;
}

// Counts the events of a raw watch (lines of the stream), on the thread its context lives on.
struct ChurnWatchCounter
{
    std::atomic<qint64> lines{0}, added{0}, modified{0}, deleted{0};
    QByteArray tail;

    void feed(const QByteArray &chunk)
    {
        tail += chunk;
        qsizetype start = 0;
        for (qsizetype nl; (nl = tail.indexOf('\n', start)) >= 0; start = nl + 1) {
            const QByteArrayView line(tail.constData() + start, nl - start);
            ++lines;
            if (line.startsWith("{\"type\":\"ADDED\""))
                ++added;
            else if (line.startsWith("{\"type\":\"MODIFIED\""))
                ++modified;
            else if (line.startsWith("{\"type\":\"DELETED\""))
                ++deleted;
        }
        tail.remove(0, start);
    }
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 6) {
        churnOut << "usage: bench_churn KUBECONFIG CONTEXT PODS RATE SECONDS\n";
        return 2;
    }
    const QString kubeconfig = QString::fromLocal8Bit(argv[1]);
    const QString context = QString::fromLocal8Bit(argv[2]);
    const int pods = std::atoi(argv[3]);
    const int rate = std::atoi(argv[4]);
    const int seconds = std::atoi(argv[5]);
    Result<ClusterConnection> connection = Kubeconfig::load(kubeconfig).connection(context);
    if (!connection.ok()) {
        churnOut << "error: " << connection.error().toString() << "\n";
        return 1;
    }

    // --- 1. sync, with the Pods table ---
    QElapsedTimer clock;
    clock.start();
    ClusterSession session(connection.value());
    Bench::PodsTable table(session.store());
    ResourceTableModel &model = table.model;
    QTableView &view = table.view;
    bool synced = false;
    QObject::connect(&session, &ClusterSession::synced, &view, [&] { synced = true; });
    session.start();
    if (!Bench::spin([&] { return synced && model.rowCount() >= pods; }, 900000)) {
        churnOut << "error: not synced (rows " << model.rowCount() << ")\n";
        return 1;
    }
    ResourceStore *store = session.store();
    Bench::spin([&] { return store->pendingDeltas() == 0; }, 30000);
    churnOut
        << QStringLiteral("sync rows=%1 synced_ms=%2\n").arg(model.rowCount()).arg(clock.elapsed());
    churnOut.flush();

    // --- 2. churn for SECONDS ---
    // The raw watch: its own transport, its callbacks on their own thread.
    HttpTransport rawTransport(connection.value());
    QThread counterThread;
    QObject counterContext;
    counterContext.moveToThread(&counterThread);
    counterThread.start();
    // Stopped on every way out (a QThread destroyed while running aborts the process).
    const std::unique_ptr<QThread, void (*)(QThread *)> stopCounter(&counterThread, [](QThread *t) {
        t->quit();
        t->wait();
    });
    ChurnWatchCounter counter;
    ApiRequest watch = ApiRequest::get(QStringLiteral("/api/v1/pods?watch=1&resourceVersion=%1")
                                           .arg(session.health(Kind::Pod).resourceVersion));
    watch.timeoutMs = 0;
    const HttpTransport::RequestId rawWatch = rawTransport.stream(
        watch, &counterContext, [&counter](const QByteArray &chunk) { counter.feed(chunk); },
        [](const Result<ApiResponse> &) {});

    qint64 added = 0, modified = 0, deleted = 0;
    const auto counting
        = QObject::connect(store, &ResourceStore::changed, &view, [&](const ChangeBatch &b) {
              added += b.count(Kind::Pod, ObjectChange::Type::Added);
              modified += b.count(Kind::Pod, ObjectChange::Type::Modified);
              deleted += b.count(Kind::Pod, ObjectChange::Type::Deleted);
          });
    if (!churnSetRate(session, rate)) {
        churnOut << "error: could not start the churn\n";
        return 1;
    }
    int maxInbox = 0;
    double worstWindowPct = 0;
    QElapsedTimer wall;
    wall.start();
    const double g0 = Bench::threadCpuMs();
    double windowStartCpu = g0;
    qint64 windowStartMs = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &view, [&] {
        maxInbox = std::max(maxInbox, store->pendingDeltas());
        const qint64 now = wall.elapsed();
        if (now - windowStartMs >= 10000) {
            const double cpu = Bench::threadCpuMs();
            worstWindowPct = std::max(worstWindowPct,
                                      (cpu - windowStartCpu) / double(now - windowStartMs) * 100);
            windowStartCpu = cpu;
            windowStartMs = now;
        }
    });
    sampler.start(100);
    Bench::spin([&] { return wall.elapsed() >= qint64(seconds) * 1000; }, seconds * 1000 + 5000);
    const double busyPct = (Bench::threadCpuMs() - g0) / double(wall.elapsed()) * 100;
    const qint64 windowMs = wall.elapsed();
    sampler.stop();
    const qint64 serverEventsInWindow = counter.lines.load();
    const qint64 storeChangesInWindow = added + modified + deleted;
    if (!churnSetRate(session, 0)) {
        churnOut << "error: could not stop the churn\n";
        churnOut.flush();
        return 1;
    }
    churnOut << QStringLiteral("churn rate=%1 seconds=%2 server_events=%3 server_events_per_s=%4 "
                               "store_changes=%5 (added=%6 modified=%7 deleted=%8) "
                               "gui_busy_pct=%9 worst_10s_busy_pct=%10 max_inbox=%11\n")
                    .arg(rate)
                    .arg(double(windowMs) / 1000, 0, 'f', 1)
                    .arg(serverEventsInWindow)
                    .arg(double(serverEventsInWindow) * 1000 / double(windowMs), 0, 'f', 0)
                    .arg(storeChangesInWindow)
                    .arg(added)
                    .arg(modified)
                    .arg(deleted)
                    .arg(busyPct, 0, 'f', 1)
                    .arg(worstWindowPct, 0, 'f', 1)
                    .arg(maxInbox);
    churnOut.flush();

    // --- 3. the store against the server, until they agree ---
    QElapsedTimer settle;
    settle.start();
    ChurnVersions server, client;
    int attempts = 0;
    bool equal = false;
    QString difference;
    while (!equal && settle.elapsed() < 180000) {
        ++attempts;
        Bench::spin([&] { return store->pendingDeltas() == 0; }, 30000);
        if (!churnServerPods(*session.transport(), server)) {
            churnOut << "error: listing the server's pods failed\n";
            churnOut.flush();
            return 1;
        }
        Bench::spin([&] { return store->pendingDeltas() == 0; }, 30000);
        client.clear();
        for (const KubeObjectPtr &p : store->objects(Kind::Pod))
            client[p->namespaceName + QLatin1Char('/') + p->name] = p->resourceVersion;
        equal = client == server;
        if (!equal) {
            int missing = 0, extra = 0, stale = 0;
            for (const auto &[key, rv] : server) {
                const auto it = client.find(key);
                missing += it == client.end();
                stale += it != client.end() && it->second != rv;
            }
            for (const auto &[key, rv] : client)
                extra += !server.count(key);
            difference
                = QStringLiteral("missing=%1 extra=%2 stale=%3").arg(missing).arg(extra).arg(stale);
            Bench::spin([] { return false; }, 2000);
        }
    }
    QObject::disconnect(counting);
    const WatchHealth health = session.health(Kind::Pod);
    churnOut << QStringLiteral("check store_equals_server=%1 pods=%2 attempts=%3 settle_ms=%4 "
                               "last_difference=[%5] relists=%6 reconnects=%7 "
                               "server_events_total=%8 (added=%9 modified=%10 deleted=%11) "
                               "store_changes_total=%12\n")
                    .arg(equal)
                    .arg(server.size())
                    .arg(attempts)
                    .arg(settle.elapsed())
                    .arg(difference)
                    .arg(health.relistCount)
                    .arg(health.reconnectCount)
                    .arg(counter.lines.load())
                    .arg(counter.added.load())
                    .arg(counter.modified.load())
                    .arg(counter.deleted.load())
                    .arg(added + modified + deleted);
    churnOut.flush();
    rawTransport.cancel(rawWatch);
    return equal && health.relistCount == 0 ? 0 : 1;
}
