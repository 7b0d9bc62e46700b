// SPDX-License-Identifier: GPL-3.0-or-later
// TimeSeriesModel (the charts' data, whatever feeds it) and MetricFormat (the one formatting
// helper of metric values): live appends in one signal, the per-series bound, time order,
// replacing a series, and values and axis ticks in each unit.
#include <metricformat.h>
#include <timeseriesmodel.h>

#include <QSignalSpy>
#include <QTest>

using namespace Orrery;
using Point = TimeSeriesModel::Point;

class TestTimeSeriesModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsInOneSignal()
    {
        TimeSeriesModel model(10);
        const int a
            = model.addSeries({QStringLiteral("a"), QStringLiteral("A"), MetricUnit::Cores});
        const int b
            = model.addSeries({QStringLiteral("b"), QStringLiteral("B"), MetricUnit::Bytes});
        QCOMPARE(a, 0);
        QCOMPARE(b, 1);
        // Adding an existing id returns its index.
        QCOMPARE(model.addSeries({QStringLiteral("b"), QStringLiteral("B"), MetricUnit::Bytes}), 1);
        QCOMPARE(model.seriesCount(), 2);

        QSignalSpy spy(&model, &TimeSeriesModel::pointsAppended);
        model.append({{b, 1000, 5.0}, {a, 1000, 0.25}, {b, 2000, 6.0}});
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<QList<int>>(), (QList<int>{0, 1}));
        QCOMPARE(model.pointCount(a), 1);
        QCOMPARE(model.pointCount(b), 2);
        QCOMPARE(model.pointAt(b, 1).msecs, 2000);
        QCOMPARE(model.pointAt(b, 1).value, 6.0);
        QCOMPARE(model.timeSpan(), (std::pair<qint64, qint64>(1000, 2000)));
    }

    void boundHoldsAndKeepsNewest()
    {
        TimeSeriesModel model(5);
        const int s
            = model.addSeries({QStringLiteral("s"), QStringLiteral("S"), MetricUnit::Count});
        for (int i = 0; i < 23; ++i)
            model.append(s, 1000 * i, i);
        QCOMPARE(model.pointCount(s), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(model.pointAt(s, i).msecs, 1000 * (18 + i));
            QCOMPARE(model.pointAt(s, i).value, double(18 + i));
        }
        QCOMPARE(model.indexAtOrBefore(s, 20500), 2);
        QCOMPARE(model.indexAtOrBefore(s, 18000), 0);
        QCOMPARE(model.indexAtOrBefore(s, 17999), -1);
        QCOMPARE(model.indexAtOrBefore(s, 99999), 4);
    }

    void timeOrderIsKept()
    {
        TimeSeriesModel model(8);
        const int s
            = model.addSeries({QStringLiteral("s"), QStringLiteral("S"), MetricUnit::Count});
        model.append(s, 2000, 1);
        QSignalSpy spy(&model, &TimeSeriesModel::pointsAppended);
        model.append(s, 1000, 9); // older: dropped, no signal
        QCOMPARE(spy.count(), 0);
        model.append(s, 2000, 3); // same time: replaces
        QCOMPARE(spy.count(), 1);
        QCOMPARE(model.pointCount(s), 1);
        QCOMPARE(model.pointAt(s, 0).value, 3.0);
        model.append(7, 3000, 1); // no such series: ignored
        QCOMPARE(spy.count(), 1);
    }

    void setPointsSortsAndBounds()
    {
        TimeSeriesModel model(3);
        const int s
            = model.addSeries({QStringLiteral("s"), QStringLiteral("S"), MetricUnit::Count});
        QSignalSpy reset(&model, &TimeSeriesModel::pointsReset);
        model.setPoints(s, {{5000, 5}, {1000, 1}, {3000, 3}, {4000, 4}, {2000, 2}});
        QCOMPARE(reset.count(), 1);
        const QList<Point> points = model.points(s);
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0].msecs, 3000);
        QCOMPARE(points[2].msecs, 5000);
        // Appending after a replace continues the ring.
        model.append(s, 6000, 6);
        QCOMPARE(model.pointAt(s, 0).msecs, 4000);
        QCOMPARE(model.pointAt(s, 2).msecs, 6000);
    }

    void totalAndRemoval()
    {
        TimeSeriesModel model;
        model.addSeries({QStringLiteral("pod-a"), QStringLiteral("a"), MetricUnit::Cores});
        model.addSeries({QStringLiteral("sum"), QStringLiteral("all"), MetricUnit::Cores, true});
        QCOMPARE(model.totalSeries(), 1);
        QSignalSpy removed(&model, &TimeSeriesModel::seriesRemoved);
        model.removeSeries(0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.indexOf(QStringLiteral("sum")), 0);
        QCOMPARE(model.totalSeries(), 0);
        model.clear();
        QCOMPARE(model.seriesCount(), 0);
        QCOMPARE(model.timeSpan(), (std::pair<qint64, qint64>(0, 0)));
    }

    void formatsValues_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("text");
        const int cores = int(MetricUnit::Cores), bytes = int(MetricUnit::Bytes);
        QTest::newRow("millicores") << 0.25 << cores << QStringLiteral("250m");
        QTest::newRow("1m") << 0.0012 << cores << QStringLiteral("1m");
        QTest::newRow("zero cores") << 0.0 << cores << QStringLiteral("0");
        QTest::newRow("cores") << 1.2 << cores << QStringLiteral("1.2 cores");
        QTest::newRow("two cores") << 2.0 << cores << QStringLiteral("2 cores");
        QTest::newRow("Mi") << 512.0 * 1024 * 1024 << bytes << QStringLiteral("512 Mi");
        QTest::newRow("Gi") << 1.5 * 1024 * 1024 * 1024 << bytes << QStringLiteral("1.5 Gi");
        QTest::newRow("B") << 100.0 << bytes << QStringLiteral("100 B");
        QTest::newRow("Ki/s") << 3.5 * 1024 << int(MetricUnit::BytesPerSecond)
                              << QStringLiteral("3.5 Ki/s");
        QTest::newRow("count") << 12.0 << int(MetricUnit::Count) << QStringLiteral("12");
        QTest::newRow("count k") << 15300.0 << int(MetricUnit::Count) << QStringLiteral("15.3k");
        QTest::newRow("percent") << 75.0 << int(MetricUnit::Percent) << QStringLiteral("75 %");
        QTest::newRow("nan") << qQNaN() << cores << QStringLiteral("–");
    }

    void formatsValues()
    {
        QFETCH(double, value);
        QFETCH(int, unit);
        QFETCH(QString, text);
        QCOMPARE(MetricFormat::value(value, MetricUnit(unit)), text);
    }

    void ticksAreNiceAndCover()
    {
        // Cores: 0..0.9 in steps of 0.2 (200m).
        QList<double> t = MetricFormat::ticks(0, 0.9, MetricUnit::Cores);
        QVERIFY(t.size() >= 2 && t.size() <= 6);
        QCOMPARE(t.first(), 0.0);
        QVERIFY(t.last() >= 0.9);
        QCOMPARE(MetricFormat::value(t[1], MetricUnit::Cores), QStringLiteral("200m"));

        // Bytes step in binary prefixes: 0..1.5 Gi gives whole fractions of a Gi.
        const double gi = 1024.0 * 1024 * 1024;
        t = MetricFormat::ticks(0, 1.5 * gi, MetricUnit::Bytes);
        QVERIFY(t.size() <= 6);
        QVERIFY(t.last() >= 1.5 * gi);
        for (double v : t)
            QVERIFY2(std::fmod(v / gi * 4, 1.0) == 0,
                     qPrintable(MetricFormat::value(v, MetricUnit::Bytes)));

        // A flat series still gets a range around it.
        t = MetricFormat::ticks(3, 3, MetricUnit::Count);
        QVERIFY(t.first() <= 3 && t.last() > 3);
        t = MetricFormat::ticks(0, 0, MetricUnit::Count);
        QVERIFY(t.first() == 0 && t.last() > 0);

        // The labels of the ticks are all different.
        t = MetricFormat::ticks(0, 7.3, MetricUnit::Cores, 8);
        QStringList labels;
        for (double v : t)
            labels << MetricFormat::value(v, MetricUnit::Cores);
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
    }
};

QTEST_GUILESS_MAIN(TestTimeSeriesModel)
#include "tst_timeseriesmodel.moc"
