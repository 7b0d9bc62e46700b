// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metricformat.h"

#include <QList>
#include <QObject>
#include <QString>

#include <vector>

namespace Orrery {

// Named series of (timestamp, value) points for the monitoring charts, whatever feeds them
// (metrics-server samples kept in memory, a Prometheus range query, a test). No I/O here.
//
// Invariants: a series holds at most capacity() points, oldest dropped first (a ring, so an
// append never moves the others); its timestamps (ms since the epoch, UTC) strictly increase.
// An append at or before a series' last timestamp replaces the last value when the timestamps
// are equal and is dropped when older, so a feeder that re-sends a sample does no harm.
// Series are addressed by index (0..seriesCount()-1, stable until removeSeries) or by id.
class TimeSeriesModel : public QObject
{
    Q_OBJECT
public:
    struct Point
    {
        qint64 msecs = 0;
        double value = 0;
    };

    // Per-series metadata. `total` marks the sum of a group (a workload's CPU) whose other
    // series are its members (the workload's pods): the chart's breakdown mode stacks the
    // members under it.
    struct SeriesInfo
    {
        QString id;    // stable key: "pod/shop/cart-7d9f", a PromQL series' labels...
        QString label; // legend and hover text
        MetricUnit unit = MetricUnit::Count;
        bool total = false;
    };

    // One sample for append(): series by index.
    struct Sample
    {
        int series = 0;
        qint64 msecs = 0;
        double value = 0;
    };

    // 2,880 points: 12 hours at metrics-server's 15 s resolution, 48 hours at one a minute.
    static constexpr int kDefaultCapacity = 2880;

    explicit TimeSeriesModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);

    int capacity() const { return m_capacity; }

    // Adds a series (or returns the existing index of `info.id`, updating its label and unit).
    int addSeries(const SeriesInfo &info);
    void removeSeries(int series);
    // Drops every series.
    void clear();

    int seriesCount() const { return int(m_series.size()); }
    int indexOf(const QString &id) const;
    const SeriesInfo &info(int series) const { return m_series[size_t(series)].info; }
    // The series marked total, or -1.
    int totalSeries() const;

    int pointCount(int series) const { return m_series[size_t(series)].size; }
    // i-th oldest point, 0 <= i < pointCount(series).
    Point pointAt(int series, int i) const;
    // Index of the last point at or before `msecs`, -1 if none (binary search).
    int indexAtOrBefore(int series, qint64 msecs) const;
    // The points in time order (a copy).
    QList<Point> points(int series) const;
    // Earliest and latest timestamp over all series; {0, 0} when there is no point.
    std::pair<qint64, qint64> timeSpan() const;

    // Live samples, any number of series at once: one pointsAppended signal for the lot, so a
    // metrics refresh of 500 pods costs the chart one update, not 500.
    void append(const QList<Sample> &samples);
    void append(int series, qint64 msecs, double value) { append({Sample{series, msecs, value}}); }
    // Replaces a series' points (a Prometheus range query's answer). Unsorted input is sorted;
    // duplicates keep the last value; only the newest capacity() points are kept.
    void setPoints(int series, QList<Point> points);

signals:
    void seriesAdded(int series);
    void seriesRemoved(int series);
    void seriesInfoChanged(int series);
    // `series` lists each series that received at least one point (once each, ascending).
    void pointsAppended(const QList<int> &series);
    void pointsReset(int series);
    void cleared();

private:
    struct Ring
    {
        SeriesInfo info;
        std::vector<Point> buffer; // grows to capacity, then wraps
        int start = 0;             // index of the oldest point in buffer
        int size = 0;
    };

    bool appendOne(Ring &ring, qint64 msecs, double value);
    const Point &at(const Ring &ring, int i) const
    {
        return ring.buffer[size_t((ring.start + i) % m_capacity)];
    }

    int m_capacity;
    std::vector<Ring> m_series;
};

} // namespace Orrery
