// SPDX-License-Identifier: GPL-3.0-or-later
// TimeSeriesChart with many series (issue 13: 500 series x 2,000 points must redraw a live
// append in under 16 ms). A 1600x900 chart over 24 h shows 500 series of 2,000 points each
// (one every 40 s, so nearly all are in the window). Measures, in thread CPU time:
//   append   one point to every series (one model batch) and the chart drawing it;
//   frame    the repaint that follows (the view's dirty region, painted by the event loop);
//   grab     a whole-chart redraw from the cached layer (QWidget::grab);
//   peer     a full replace of all series (setPoints on each, one full render) + its frame;
//   axis     the full redraw when the time axis moves (every tenth of the range).
// With --qlineseries it also measures plain QtCharts (a QLineSeries per series) once, as the
// baseline that motivated the cached layer.
// Run: QT_QPA_PLATFORM=offscreen build/<dir>/tests/bench/bench_chart [series] [points] [runs]
//      [--qlineseries] [--no-antialias]
// Prints median figures; docs/PERFORMANCE.md ("Charts") records them.
#include "benchutil.h"

#include "charts/timeserieschart.h"
#include "timeseriesmodel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QPainter>
#include <QRandomGenerator>
#include <QTextStream>
#include <QValueAxis>

#include <cmath>
#include <vector>

using namespace Orrery;
using Orrery::Bench::median;
using Orrery::Bench::timeMs;

namespace {

QTextStream out(stdout);

void report(const char *what, const std::vector<double> &ms, const char *target = "")
{
    out << QStringLiteral("%1: %2 ms %3\n")
               .arg(QLatin1String(what), -44)
               .arg(median(ms), 0, 'f', 2)
               .arg(QLatin1String(target));
    out.flush();
}

constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kStep = 40'000;

double sample(QRandomGenerator &rng, int series, int i)
{
    return 0.2 + 0.1 * (series % 7) + 0.05 * std::sin(i / 30.0 + series) + rng.bounded(0.02);
}

void qlineSeriesBaseline(int seriesCount, int points)
{
    QRandomGenerator rng(7);
    QChart *chart = new QChart;
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    QChartView view(chart);
    view.resize(1600, 900);
    view.setRenderHint(QPainter::Antialiasing);
    view.show();
    auto *ax = new QValueAxis, *ay = new QValueAxis;
    chart->addAxis(ax, Qt::AlignBottom);
    chart->addAxis(ay, Qt::AlignLeft);
    ax->setRange(0, points + 100);
    ay->setRange(0, 1);
    QList<QLineSeries *> all;
    for (int s = 0; s < seriesCount; ++s) {
        auto *line = new QLineSeries;
        QList<QPointF> p;
        p.reserve(points);
        for (int i = 0; i < points; ++i)
            p << QPointF(i, sample(rng, s, i));
        line->replace(p);
        chart->addSeries(line);
        line->attachAxis(ax);
        line->attachAxis(ay);
        all << line;
    }
    QApplication::processEvents();
    const double append = timeMs([&] {
        for (int s = 0; s < seriesCount; ++s)
            all[s]->append(points, sample(rng, s, points));
        QApplication::processEvents();
    });
    const double grab = timeMs([&] { view.grab(); });
    out << QStringLiteral("QLineSeries baseline (1 run): append %1 ms, grab %2 ms\n")
               .arg(append, 0, 'f', 1)
               .arg(grab, 0, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool baseline = args.removeAll(QStringLiteral("--qlineseries")) > 0;
    const bool noAntialias = args.removeAll(QStringLiteral("--no-antialias")) > 0;
    const int seriesCount = args.size() > 0 ? args[0].toInt() : 500;
    const int points = args.size() > 1 ? args[1].toInt() : 2000;
    const int runs = args.size() > 2 ? args[2].toInt() : 7;
    out << "bench_chart: " << seriesCount << " series x " << points << " points, " << runs
        << " runs, antialiasing " << (noAntialias ? "off" : "on")
        << " (medians of thread CPU time)\n";

    QRandomGenerator rng(42);
    TimeSeriesModel model(points);
    for (int s = 0; s < seriesCount; ++s)
        model.addSeries({QStringLiteral("pod/bench/p-%1").arg(s), QStringLiteral("p-%1").arg(s),
                         MetricUnit::Cores});
    QList<QList<TimeSeriesModel::Point>> initial(seriesCount);
    for (int s = 0; s < seriesCount; ++s) {
        initial[s].reserve(points);
        for (int i = 0; i < points; ++i)
            initial[s].append({kStart + i * kStep, sample(rng, s, i)});
    }

    TimeSeriesChart chart;
    chart.setRange(TimeSeriesChart::Range::Hours24);
    chart.setAntialiased(!noAntialias);
    chart.resize(1600, 900);
    chart.show();
    std::vector<double> setup;
    setup.push_back(timeMs([&] {
        for (int s = 0; s < seriesCount; ++s)
            model.setPoints(s, initial[s]);
        chart.setModel(&model);
        QApplication::processEvents();
    }));
    report("setup: model filled, chart built", setup);

    std::vector<double> append, frame, appendFrame, grab, peer, peerFrame, axis;
    qint64 next = kStart + points * kStep;
    int i = points;
    for (int run = 0; run < runs; ++run) {
        // Appends until the time axis moves: the first append after a move is measured as
        // "axis", the others as live appends.
        for (int k = 0; k < 5; ++k) {
            QList<TimeSeriesModel::Sample> batch;
            batch.reserve(seriesCount);
            for (int s = 0; s < seriesCount; ++s)
                batch.append({s, next, sample(rng, s, i)});
            const int before = chart.fullRenderCount();
            const double a = timeMs([&] { model.append(batch); });
            const double f = timeMs([&] { QApplication::processEvents(); });
            (chart.fullRenderCount() == before ? append : axis).push_back(a);
            if (chart.fullRenderCount() == before) {
                frame.push_back(f);
                appendFrame.push_back(a + f);
            }
            next += kStep;
            ++i;
        }
        grab.push_back(timeMs([&] { chart.grab(); }));
        // Peer: the same data replaced in full.
        peer.push_back(timeMs([&] {
            for (int s = 0; s < seriesCount; ++s)
                model.setPoints(s, model.points(s));
        }));
        peerFrame.push_back(timeMs([&] { QApplication::processEvents(); }));
        // Move the time axis once per run: a point a tenth of the range ahead.
        next += TimeSeriesChart::rangeMsecs(TimeSeriesChart::Range::Hours24) / 10;
    }
    report("live append (model batch + incremental draw)", append);
    report("frame after a live append", frame);
    report("live append + frame", appendFrame, "(target < 16 ms)");
    report("whole-chart redraw from the layer (grab)", grab);
    report("axis move: full render of the layer", axis);
    std::vector<double> peerTotal;
    for (size_t k = 0; k < peer.size(); ++k)
        peerTotal.push_back(peer[k] + peerFrame[k]);
    report("peer: full replace of all series + frame", peerTotal);
    out << QStringLiteral("ratio live append+frame / full replace+frame: %1\n")
               .arg(median(appendFrame) / median(peerTotal), 0, 'f', 3);
    out << "full renders: " << chart.fullRenderCount() << "\n";
    out.flush();
    if (baseline)
        qlineSeriesBaseline(seriesCount, points);
    return 0;
}
