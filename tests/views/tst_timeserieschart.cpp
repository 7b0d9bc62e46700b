// SPDX-License-Identifier: GPL-3.0-or-later
// TimeSeriesChart and HpaExplainedChart offscreen: a live append draws the new point without
// a full redraw, the axes move by steps, PNG export at a requested size, hover text of a known
// point, the theme switch, the empty state's reason, legend toggles in breakdown mode, and the
// HPA chart's second axis. ORRERY_CHART_SHOTS=dir also writes the screenshots of
// docs/monitoring.md (light and dark) into dir.
#include "charts/hpaexplainedchart.h"
#include "charts/timeserieschart.h"
#include "theme.h"
#include "timeseriesmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QMouseEvent>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Orrery;

namespace {

constexpr qint64 kStart = 1'700'000'000'000; // a fixed instant, so windows are reproducible
constexpr qint64 kStep = 15'000;             // metrics-server resolution

// Does the image have a pixel close to `colour` within `radius` of `at`?
bool hasColourNear(const QImage &image, QPoint at, const QColor &colour, int radius = 3)
{
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = at + QPoint(dx, dy);
            if (!image.rect().contains(p))
                continue;
            const QColor c = image.pixelColor(p);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                    + std::abs(c.blue() - colour.blue())
                < 40)
                return true;
        }
    }
    return false;
}

// Shown (offscreen) so the chart is laid out at its size, as on screen.
void show(TimeSeriesChart &chart)
{
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
}

QImage grabView(TimeSeriesChart &chart)
{
    return chart.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// A workload of three pods over 30 minutes: CPU in cores, a total and its members.
void fillWorkload(TimeSeriesModel &model, int samples = 120)
{
    const int total = model.addSeries({QStringLiteral("deploy/shop/cart"),
                                       QStringLiteral("cart (all pods)"), MetricUnit::Cores, true});
    QList<int> pods;
    for (int p = 0; p < 3; ++p)
        pods << model.addSeries({QStringLiteral("pod/shop/cart-%1").arg(p),
                                 QStringLiteral("cart-%1").arg(p), MetricUnit::Cores});
    for (int i = 0; i < samples; ++i) {
        QList<TimeSeriesModel::Sample> batch;
        double sum = 0;
        for (int p = 0; p < 3; ++p) {
            const double v = 0.12 + 0.08 * p + 0.06 * std::sin(i / 9.0 + p);
            sum += v;
            batch.append({pods[p], kStart + i * kStep, v});
        }
        batch.append({total, kStart + i * kStep, sum});
        model.append(batch);
    }
}

} // namespace

class TestTimeSeriesChart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        Theme::instance()->setMode(Theme::Mode::Light);
    }

    void liveAppendDrawsWithoutFullRedraw()
    {
        TimeSeriesModel model;
        const int s
            = model.addSeries({QStringLiteral("pod/a"), QStringLiteral("a"), MetricUnit::Cores});
        for (int i = 0; i < 20; ++i)
            model.append(s, kStart + i * kStep, 0.2);
        TimeSeriesChart chart;
        chart.setRange(TimeSeriesChart::Range::Minutes15);
        chart.setModel(&model);
        chart.resize(800, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const auto [x0, x1] = chart.timeWindow();
        QCOMPARE(x1 - x0, TimeSeriesChart::rangeMsecs(TimeSeriesChart::Range::Minutes15));
        QVERIFY(x1 > kStart + 19 * kStep); // headroom after the newest point

        // One more point, inside the axes: drawn on the cached layer, no full redraw.
        const int renders = chart.fullRenderCount();
        const qint64 t = kStart + 20 * kStep;
        QVERIFY(chart.valueRange().second > 0.1);
        model.append(s, t, 0.1);
        QCOMPARE(chart.fullRenderCount(), renders);
        QCOMPARE(chart.timeWindow().second, x1);
        const QImage shot = grabView(chart);
        QVERIFY(hasColourNear(shot, chart.viewPositionOf(s, t, 0.1), chart.seriesColor(s)));
        // Nothing is drawn where the line is not.
        QVERIFY(!hasColourNear(shot, chart.viewPositionOf(s, t, 0.02), chart.seriesColor(s)));

        // A value above the axis grows it: a full redraw with a larger range.
        const double before = chart.valueRange().second;
        model.append(s, t + kStep, before * 3);
        QCOMPARE(chart.fullRenderCount(), renders + 1);
        QVERIFY(chart.valueRange().second >= before * 3);

        // A batch of several points: one in the middle above the axis still grows it.
        const double top = chart.valueRange().second;
        model.append(
            {{s, t + 2 * kStep, 0.1}, {s, t + 3 * kStep, top * 2}, {s, t + 4 * kStep, 0.1}});
        QVERIFY(chart.valueRange().second >= top * 2);
        QCOMPARE(chart.fullRenderCount(), renders + 2);

        // A point past the window's end moves the time axis.
        model.append(s, x1 + kStep, 0.2);
        QVERIFY(chart.timeWindow().second > x1);
        QCOMPARE(chart.fullRenderCount(), renders + 3);
    }

    void boundedHistoryStillDraws()
    {
        // A ring of 40 points under a 15-minute window (60 samples): the oldest point drops
        // inside the window, which the chart must redraw rather than leave a stale segment.
        TimeSeriesModel model(40);
        const int s
            = model.addSeries({QStringLiteral("a"), QStringLiteral("a"), MetricUnit::Count});
        TimeSeriesChart chart;
        chart.setRange(TimeSeriesChart::Range::Minutes15);
        chart.setModel(&model);
        chart.resize(600, 300);
        show(chart);
        for (int i = 0; i < 50; ++i)
            model.append(s, kStart + i * kStep, i % 2 ? 4 : 6);
        QCOMPARE(model.pointCount(s), 40);
        const int renders = chart.fullRenderCount();
        model.append(s, kStart + 50 * kStep, 5);
        QVERIFY(chart.fullRenderCount() > renders);
        QCOMPARE(model.pointCount(s), 40);
    }

    void exportsPngOfRequestedSize()
    {
        TimeSeriesModel model;
        fillWorkload(model);
        TimeSeriesChart chart;
        chart.setModel(&model);
        chart.resize(500, 300);
        show(chart);
        const QImage image = chart.renderToImage(QSize(1000, 520));
        QCOMPARE(image.size(), QSize(1000, 520));
        // Not a blank image: the background and at least the series colours are there.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(chart.saveAsPng(file, QSize(640, 360)));
        QImage loaded(file);
        QCOMPARE(loaded.size(), QSize(640, 360));
    }

    void hoverNamesKnownPoint()
    {
        TimeSeriesModel model;
        const int mem = model.addSeries(
            {QStringLiteral("pod/m"), QStringLiteral("web-0 memory"), MetricUnit::Bytes});
        const double mi = 1024.0 * 1024;
        for (int i = 0; i < 30; ++i)
            model.append(mem, kStart + i * kStep, (200 + 10 * i) * mi);
        TimeSeriesChart chart;
        chart.setRange(TimeSeriesChart::Range::Minutes15);
        chart.setModel(&model);
        chart.resize(800, 400);
        show(chart);
        const qint64 t = kStart + 12 * kStep;
        const QPoint at = chart.viewPositionOf(mem, t, 320 * mi);
        const QString expected = QStringLiteral("web-0 memory\n%1\n320 Mi")
                                     .arg(QDateTime::fromMSecsSinceEpoch(t).toString(
                                         QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(chart.hoverTextAt(at), expected);
        QCOMPARE(chart.hoverTextAt(at + QPoint(2, -3)), expected);
        // Far from the line: nothing.
        QCOMPARE(chart.hoverTextAt(chart.viewPositionOf(mem, t, 900 * mi)), QString());
        // Hidden series are not hovered.
        chart.setSeriesVisible(mem, false);
        QCOMPARE(chart.hoverTextAt(at), QString());
    }

    void themeSwitchChangesColours()
    {
        Theme::instance()->setMode(Theme::Mode::Light);
        TimeSeriesModel model;
        fillWorkload(model);
        TimeSeriesChart chart;
        chart.setModel(&model);
        chart.resize(600, 300);
        show(chart);
        const QColor lightSeries = chart.seriesColor(1);
        const QColor lightBackground = chart.chart()->backgroundBrush().color();
        QCOMPARE(lightBackground, themeColor(Theme::Role::Base));
        const QImage lightShot = chart.renderToImage(QSize(600, 300));

        Theme::instance()->setMode(Theme::Mode::Dark);
        const QColor darkBackground = chart.chart()->backgroundBrush().color();
        QCOMPARE(darkBackground, themeColor(Theme::Role::Base));
        QVERIFY(darkBackground != lightBackground);
        QVERIFY(chart.seriesColor(1) != lightSeries);
        QVERIFY(darkBackground.lightness() < 80);
        const QImage darkShot = chart.renderToImage(QSize(600, 300));
        QCOMPARE(darkShot.pixelColor(3, 3), darkBackground);
        QCOMPARE(lightShot.pixelColor(3, 3), lightBackground);
        Theme::instance()->setMode(Theme::Mode::Light);
        QCOMPARE(chart.seriesColor(1), lightSeries);
    }

    void emptyStateShowsReason()
    {
        TimeSeriesChart chart;
        chart.resize(600, 300);
        show(chart);
        QVERIFY(chart.isShowingEmptyState()); // no model
        TimeSeriesModel model;
        model.addSeries({QStringLiteral("a"), QStringLiteral("a"), MetricUnit::Cores});
        chart.setModel(&model);
        const QString reason = QStringLiteral("metrics-server is not installed (no "
                                              "v1beta1.metrics.k8s.io APIService)");
        chart.setEmptyReason(reason);
        QVERIFY(chart.isShowingEmptyState());
        // The reason is on the chart, the axes (the empty grid) are not.
        bool found = false;
        for (QGraphicsItem *item : chart.scene()->items()) {
            if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item))
                found = found || (text->isVisible() && text->text() == reason);
        }
        QVERIFY(found);
        for (QAbstractAxis *axis : chart.chart()->axes())
            QVERIFY(!axis->isVisible());
        QCOMPARE(chart.hoverTextAt(QPoint(300, 150)), QString());

        // The first point replaces the reason with the chart.
        model.append(0, kStart, 0.5);
        QVERIFY(!chart.isShowingEmptyState());
        for (QAbstractAxis *axis : chart.chart()->axes())
            QVERIFY(axis->isVisible());
    }

    void rangeSelectorMovesWindow()
    {
        TimeSeriesModel model;
        fillWorkload(model);
        TimeSeriesChart chart;
        chart.setModel(&model);
        for (auto r : {TimeSeriesChart::Range::Minutes15, TimeSeriesChart::Range::Hours6,
                       TimeSeriesChart::Range::Days7}) {
            chart.setRange(r);
            const auto [x0, x1] = chart.timeWindow();
            QCOMPARE(x1 - x0, TimeSeriesChart::rangeMsecs(r));
            QVERIFY(x1 >= model.timeSpan().second);
        }
    }

    void breakdownStacksMembersAndLegendToggles()
    {
        TimeSeriesModel model;
        fillWorkload(model);
        TimeSeriesChart chart;
        chart.setMode(TimeSeriesChart::Mode::Breakdown);
        chart.setModel(&model);
        chart.resize(800, 400);
        show(chart);
        QCOMPARE(chart.chart()->series().size(), 4); // legend entries
        QVERIFY(chart.chart()->legend()->isVisible());
        // The middle member is stacked on the first: hovering its stacked position names it
        // with its own value, and it is drawn above its own value.
        const qint64 t = kStart + 60 * kStep;
        const int middle = 2;
        const double own = model.pointAt(middle, model.indexAtOrBefore(middle, t)).value;
        const QPoint stacked = chart.viewPositionOf(middle, t, own);
        const QString hover = chart.hoverTextAt(stacked);
        QVERIFY2(hover.startsWith(QLatin1String("cart-1\n")), qPrintable(hover));
        QVERIFY(hover.endsWith(MetricFormat::value(own, MetricUnit::Cores)));
        chart.setMode(TimeSeriesChart::Mode::Lines);
        QVERIFY(chart.viewPositionOf(middle, t, own).y() > stacked.y() + 20);
        chart.setMode(TimeSeriesChart::Mode::Breakdown);

        // A legend click hides a member.
        QLegendMarker *marker
            = chart.chart()->legend()->markers(chart.chart()->series().at(1)).first();
        emit marker->clicked();
        QVERIFY(!chart.isSeriesVisible(1));
        QVERIFY(chart.isSeriesVisible(2));
        marker = chart.chart()->legend()->markers(chart.chart()->series().at(1)).first();
        emit marker->clicked();
        QVERIFY(chart.isSeriesVisible(1));
    }

    void hpaChartUsesSecondAxis()
    {
        TimeSeriesModel model;
        const auto ids = HpaExplainedChart::addSeries(&model, QStringLiteral("hpa/shop/cart"),
                                                      QStringLiteral("cpu"), MetricUnit::Percent);
        HpaExplainedChart chart;
        chart.setSeries(ids, QStringLiteral("CPU utilisation"));
        chart.setRange(TimeSeriesChart::Range::Minutes15);
        chart.setModel(&model);
        chart.resize(800, 400);
        show(chart);
        const int current = model.indexOf(ids.current), target = model.indexOf(ids.target);
        const int replicas = model.indexOf(ids.currentReplicas);
        const int desired = model.indexOf(ids.desiredReplicas);
        for (int i = 0; i < 40; ++i) {
            const qint64 t = kStart + i * kStep;
            const double cpu = i < 20 ? 40 : 130;
            model.append({{current, t, cpu},
                          {target, t, 70},
                          {desired, t, i < 21 ? 2.0 : 4.0},
                          {replicas, t, i < 23 ? 2.0 : 4.0}});
        }
        QCOMPARE(chart.chart()->axes(Qt::Vertical).size(), 2);
        // The left axis spans the percentages, the right one the replica counts.
        QVERIFY(chart.valueRange().second >= 130);
        // Replicas (4) are drawn against the right axis: near the top of the plot, not at the
        // bottom as 4 % would be on the left axis.
        const QPoint r = chart.viewPositionOf(replicas, kStart + 30 * kStep, 4);
        const QPoint c = chart.viewPositionOf(current, kStart + 30 * kStep, 4);
        QVERIFY(r.y() < c.y() - 50);
        QCOMPARE(chart.hoverTextAt(r).section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("current replicas"));
        QCOMPARE(chart.hoverTextAt(r).section(QLatin1Char('\n'), 2, 2), QStringLiteral("4"));
    }

    // Not a check: writes the documentation's screenshots when ORRERY_CHART_SHOTS names a
    // directory.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("ORRERY_CHART_SHOTS");
        if (dir.isEmpty())
            QSKIP("ORRERY_CHART_SHOTS not set");
        QDir().mkpath(dir);
        for (auto mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            Theme::instance()->setMode(mode);
            const QString suffix = mode == Theme::Mode::Dark ? QStringLiteral("-dark") : QString();
            TimeSeriesModel model;
            fillWorkload(model, 240);
            TimeSeriesChart chart;
            chart.setTitle(QStringLiteral("CPU — deployment shop/cart"));
            chart.setMode(TimeSeriesChart::Mode::Breakdown);
            chart.setModel(&model);
            chart.setRange(TimeSeriesChart::Range::Hour1);
            chart.resize(900, 420);
            show(chart);
            QVERIFY(chart.saveAsPng(dir + QStringLiteral("/chart-workload%1.png").arg(suffix)));
            // On screen: the range selector, and the hover label over a pod's band.
            const qint64 hoverAt = kStart + 150 * kStep;
            const QPoint at = chart.viewPositionOf(
                2, hoverAt, model.pointAt(2, model.indexAtOrBefore(2, hoverAt)).value);
            QMouseEvent move(QEvent::MouseMove, at, chart.viewport()->mapToGlobal(at), Qt::NoButton,
                             Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(chart.viewport(), &move);
            QVERIFY(chart.grab().save(dir + QStringLiteral("/chart-hover%1.png").arg(suffix)));

            TimeSeriesModel hpaModel;
            const auto ids
                = HpaExplainedChart::addSeries(&hpaModel, QStringLiteral("hpa/shop/cart"),
                                               QStringLiteral("cpu"), MetricUnit::Percent);
            HpaExplainedChart hpa;
            hpa.setTitle(QStringLiteral("HPA shop/cart — CPU utilisation"));
            hpa.setSeries(ids, QStringLiteral("CPU (% of request)"));
            hpa.setModel(&hpaModel);
            hpa.setRange(TimeSeriesChart::Range::Minutes15);
            hpa.resize(900, 420);
            show(hpa);
            for (int i = 0; i < 60; ++i) {
                const qint64 t = kStart + i * kStep;
                // Load rises past the 70 % target, the HPA asks for 4 replicas, they arrive
                // two samples later and the utilisation falls back under the target.
                const double load = i < 15   ? 35
                                    : i < 27 ? 35 + (i - 15) * 6.0
                                             : std::max(48.0, 107 - (i - 27) * 3.5);
                const double desired = i < 22 ? 2 : i < 48 ? 4 : 3;
                const double current = i < 24 ? 2 : i < 50 ? 4 : 3;
                hpaModel.append({{hpaModel.indexOf(ids.current), t, load},
                                 {hpaModel.indexOf(ids.target), t, 70},
                                 {hpaModel.indexOf(ids.desiredReplicas), t, desired},
                                 {hpaModel.indexOf(ids.currentReplicas), t, current}});
            }
            QVERIFY(hpa.saveAsPng(dir + QStringLiteral("/chart-hpa%1.png").arg(suffix)));

            TimeSeriesChart empty;
            empty.setTitle(QStringLiteral("Memory — pod shop/cart-0"));
            empty.setEmptyReason(
                QStringLiteral("No metrics: metrics-server is not installed "
                               "(the API server has no v1beta1.metrics.k8s.io).\n"
                               "Orrery looked for Prometheus in monitoring/prometheus-operated "
                               "and kube-system/prometheus-server: not found."));
            empty.resize(900, 300);
            show(empty);
            QVERIFY(empty.saveAsPng(dir + QStringLiteral("/chart-empty%1.png").arg(suffix)));
        }
        Theme::instance()->setMode(Theme::Mode::Light);
    }
};

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
