// SPDX-License-Identifier: GPL-3.0-or-later
// The resource table with 10,000 pods: ResourceTableModel under a sorted, filtering
// ResourceFilterProxyModel and a QTableView set up as the main window sets it up (fixed row
// heights, columns fitted to a sample of rows). Measures what an operator feels: a watch batch
// of 100 changed pods, a churn batch (50 deleted + 50 added), the one-second age tick, a full
// sort, a text filter and a label selector, and frames of the view scrolled through.
// Run: QT_QPA_PLATFORM=offscreen build/<dir>/tests/bench/bench_table [pods] [runs]
// Prints median figures; docs/PERFORMANCE.md ("Resource table") records them.
#include "benchutil.h"

#include "resourcefilterproxymodel.h"
#include "resourcetablemodel.h"
#include "topologysynthetic.h"

#include <QApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>

#include <time.h>

#include <algorithm>
#include <functional>
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

const QStringList s_statuses
    = {QStringLiteral("Running"), QStringLiteral("Running"),          QStringLiteral("Running"),
       QStringLiteral("Pending"), QStringLiteral("CrashLoopBackOff"), QStringLiteral("NotReady")};

// A pod like `orrery-sim --synthetic-pods` makes, with an age, a node and an IP so that every
// kubectl column has text.
KubeObjectPtr makePod(const KubeObject &base, const QString &status, int restarts, qint64 created,
                      int serial)
{
    const auto owner = base.controllerRef();
    KubeObjectPtr p
        = TopologySynthetic::pod(base.namespaceName, base.name, QStringLiteral("ReplicaSet"),
                                 owner ? owner->name : QString(), base.labels, status, restarts);
    KubeObject copy = *p;
    copy.creationTimestamp = created;
    copy.resourceVersion = QString::number(serial);
    if (auto *data = std::get_if<PodData>(&copy.data)) {
        data->nodeName = QStringLiteral("node-%1").arg(serial % 40);
        data->podIP = QStringLiteral("10.244.%1.%2").arg((serial / 250) % 250).arg(serial % 250);
    }
    return std::make_shared<const KubeObject>(std::move(copy));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int pods = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 7;
    out << "bench_table: " << pods << " pods, " << runs << " runs (medians of thread CPU time)\n";

    QRandomGenerator rng(42);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<KubeObjectPtr> objects;
    int serial = 0;
    for (const KubeObjectPtr &o : TopologySynthetic::cluster(pods)) {
        if (o->kind == Kind::Pod)
            objects << makePod(*o, s_statuses[serial % s_statuses.size()], serial % 7,
                               now - rng.bounded(30 * 86400), serial),
                ++serial;
    }
    out << "pods: " << objects.size() << "\n";

    std::vector<double> reset, batch100, churn, churnBare, ageTick, sortName, sortAge, filterText,
        filterSelector, filterClear, fitColumns, frame, frameJump;
    for (int run = 0; run < runs; ++run) {
        ResourceTableModel model(Kind::Pod);
        ResourceFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QTableView view;
        // As ResourceBrowser::buildUi: fixed row heights, so the view never measures 10,000 rows.
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 10);
        view.verticalHeader()->hide();
        view.horizontalHeader()->setStretchLastSection(true);
        view.setShowGrid(false);
        view.setWordWrap(false);
        view.setAlternatingRowColors(true);
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(0, Qt::AscendingOrder);
        view.resize(1400, 900);
        view.show();

        reset.push_back(timeMs([&] { model.setObjects(objects); }));
        // As ResourceBrowser::fitColumns: widths from a sample of rows, never all 10,000.
        fitColumns.push_back(timeMs([&] {
            view.horizontalHeader()->setResizeContentsPrecision(50);
            for (int c = 0; c < model.columnCount(); ++c)
                view.resizeColumnToContents(c);
        }));

        // 100 pods change status (a rollout, a node going NotReady), spread over the table.
        for (int round = 0; round < 5; ++round) {
            ChangeBatch b;
            for (int i = 0; i < 100; ++i) {
                const int row = int(rng.bounded(model.rowCount()));
                const KubeObjectPtr old = model.objectAt(row);
                const KubeObjectPtr fresh
                    = makePod(*old, s_statuses[(round + i) % s_statuses.size()], round + 1,
                              old->creationTimestamp, ++serial);
                b.changes.append(ObjectChange{ObjectChange::Type::Modified, Kind::Pod, fresh, old});
            }
            batch100.push_back(timeMs([&] { model.applyBatch(b); }));
        }
        // Churn: 50 pods deleted, 50 new ones (different names), in one batch.
        for (int round = 0; round < 5; ++round) {
            ChangeBatch b;
            for (int i = 0; i < 50; ++i) {
                const KubeObjectPtr old = model.objectAt(int(rng.bounded(model.rowCount())));
                bool dup = false;
                for (const ObjectChange &c : b.changes)
                    dup = dup || c.object == old;
                if (dup)
                    continue;
                b.changes.append(ObjectChange{ObjectChange::Type::Deleted, Kind::Pod, old, {}});
                KubeObject renamed = *old;
                renamed.name = old->name + QStringLiteral("-r%1").arg(++serial);
                renamed.uid = renamed.name;
                renamed.creationTimestamp = now;
                b.changes.append(
                    ObjectChange{ObjectChange::Type::Added,
                                 Kind::Pod,
                                 std::make_shared<const KubeObject>(std::move(renamed)),
                                 {}});
            }
            churn.push_back(timeMs([&] { model.applyBatch(b); }));
        }

        // A fast model that lost track of its rows would be worthless: check the index.
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.rowOf(model.objectAt(r)->key()) != r) {
                out << "ERROR: row index inconsistent at row " << r << "\n";
                return 1;
            }
        }

        // The same churn on a bare model (no proxy, no view): what the model itself costs.
        {
            ResourceTableModel bare(Kind::Pod);
            bare.setObjects(objects);
            ChangeBatch b;
            for (int i = 0; i < 50; ++i) {
                const KubeObjectPtr old = bare.objectAt(i * (bare.rowCount() / 50));
                b.changes.append(ObjectChange{ObjectChange::Type::Deleted, Kind::Pod, old, {}});
                KubeObject renamed = *old;
                renamed.name = old->name + QStringLiteral("-r%1").arg(++serial);
                b.changes.append(
                    ObjectChange{ObjectChange::Type::Added,
                                 Kind::Pod,
                                 std::make_shared<const KubeObject>(std::move(renamed)),
                                 {}});
            }
            churnBare.push_back(timeMs([&] { bare.applyBatch(b); }));
        }

        // Sorting: by name (text) and by age (the column with the most ties broken by key).
        const int ageColumn = model.ageColumns().value(0, -1);
        sortAge.push_back(timeMs([&] { view.sortByColumn(ageColumn, Qt::AscendingOrder); }));
        // The age tick: every AGE cell changes its text once a second (sorted by age here).
        ageTick.push_back(timeMs([&] {
            emit model.dataChanged(model.index(0, ageColumn),
                                   model.index(model.rowCount() - 1, ageColumn), {Qt::DisplayRole});
        }));
        sortName.push_back(timeMs([&] { view.sortByColumn(0, Qt::AscendingOrder); }));

        // Filtering: text typed in the filter box (matches name, namespace and every visible
        // column), a label selector, and clearing it again.
        filterText.push_back(timeMs([&] { proxy.setFilterString(QStringLiteral("crashloop")); }));
        filterSelector.push_back(timeMs([&] {
            proxy.setFilterString(QStringLiteral("app.kubernetes.io/part-of in (app-3,app-7)"));
        }));
        filterClear.push_back(timeMs([&] { proxy.setFilterString(QString()); }));

        // Frames: the view rendered into an image while scrolling page by page (what Page
        // Down and the wheel do), and after jumps to random places (dragging the scroll bar).
        QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
        QScrollBar *bar = view.verticalScrollBar();
        QCoreApplication::processEvents();
        for (int step = 0; step < 40; ++step) {
            bar->setValue(std::min(bar->maximum(), step * bar->pageStep()));
            frame.push_back(timeMs([&] {
                QPainter p(&image);
                view.render(&p);
            }));
        }
        for (int step = 0; step < 20; ++step) {
            bar->setValue(int(rng.bounded(bar->maximum() + 1)));
            frameJump.push_back(timeMs([&] {
                QPainter p(&image);
                view.render(&p);
            }));
        }
        if (run == 0)
            image.save(QStringLiteral("table-bench-frame.png"));
    }

    report("reset: 10,000 pods into the model (sorted view)", reset);
    report("fit column widths (sampled rows)", fitColumns);
    report("batch: 100 modified pods (sorted by name)", batch100, "(target < 16.7)");
    report("batch: 50 deleted + 50 added pods", churn, "(target < 16.7)");
    report("  the same, model alone (no proxy, no view)", churnBare);
    report("full sort by AGE", sortAge, "(target < 100)");
    report("age tick: AGE column changed (sorted by AGE)", ageTick, "(target < 16.7)");
    report("full sort by NAME", sortName, "(target < 100)");
    report("text filter \"crashloop\" (all columns)", filterText, "(target < 100)");
    report("label selector part-of in (app-3,app-7)", filterSelector, "(target < 100)");
    report("clear filter", filterClear, "(target < 100)");
    report("frame 1400x900, scrolling page by page", frame, "(target < 16.7)");
    report("frame 1400x900, after a jump", frameJump, "(target < 16.7)");
    return 0;
}
