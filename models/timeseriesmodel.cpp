// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseriesmodel.h"

#include <algorithm>

namespace Orrery {

TimeSeriesModel::TimeSeriesModel(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max(2, capacity))
{
}

int TimeSeriesModel::addSeries(const SeriesInfo &info)
{
    const int existing = indexOf(info.id);
    if (existing >= 0) {
        SeriesInfo &current = m_series[size_t(existing)].info;
        if (current.label != info.label || current.unit != info.unit
            || current.total != info.total) {
            current = info;
            emit seriesInfoChanged(existing);
        }
        return existing;
    }
    Ring ring;
    ring.info = info;
    m_series.push_back(std::move(ring));
    const int index = seriesCount() - 1;
    emit seriesAdded(index);
    return index;
}

void TimeSeriesModel::removeSeries(int series)
{
    if (series < 0 || series >= seriesCount())
        return;
    m_series.erase(m_series.begin() + series);
    emit seriesRemoved(series);
}

void TimeSeriesModel::clear()
{
    if (m_series.empty())
        return;
    m_series.clear();
    emit cleared();
}

int TimeSeriesModel::indexOf(const QString &id) const
{
    for (size_t i = 0; i < m_series.size(); ++i) {
        if (m_series[i].info.id == id)
            return int(i);
    }
    return -1;
}

int TimeSeriesModel::totalSeries() const
{
    for (size_t i = 0; i < m_series.size(); ++i) {
        if (m_series[i].info.total)
            return int(i);
    }
    return -1;
}

TimeSeriesModel::Point TimeSeriesModel::pointAt(int series, int i) const
{
    return at(m_series[size_t(series)], i);
}

int TimeSeriesModel::indexAtOrBefore(int series, qint64 msecs) const
{
    const Ring &ring = m_series[size_t(series)];
    int lo = 0, hi = ring.size; // first index whose time is > msecs, in [lo, hi]
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (at(ring, mid).msecs <= msecs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

QList<TimeSeriesModel::Point> TimeSeriesModel::points(int series) const
{
    const Ring &ring = m_series[size_t(series)];
    QList<Point> out;
    out.reserve(ring.size);
    for (int i = 0; i < ring.size; ++i)
        out.append(at(ring, i));
    return out;
}

std::pair<qint64, qint64> TimeSeriesModel::timeSpan() const
{
    bool any = false;
    qint64 first = 0, last = 0;
    for (const Ring &ring : m_series) {
        if (ring.size == 0)
            continue;
        const qint64 a = at(ring, 0).msecs;
        const qint64 b = at(ring, ring.size - 1).msecs;
        first = any ? std::min(first, a) : a;
        last = any ? std::max(last, b) : b;
        any = true;
    }
    return {first, last};
}

bool TimeSeriesModel::appendOne(Ring &ring, qint64 msecs, double value)
{
    if (ring.size > 0) {
        Point &last = ring.buffer[size_t((ring.start + ring.size - 1) % m_capacity)];
        if (msecs < last.msecs)
            return false;
        if (msecs == last.msecs) {
            last.value = value;
            return true;
        }
    }
    if (ring.size < m_capacity) {
        if (int(ring.buffer.size()) < m_capacity && ring.start == 0)
            ring.buffer.push_back({msecs, value});
        else
            ring.buffer[size_t((ring.start + ring.size) % m_capacity)] = {msecs, value};
        ++ring.size;
    } else {
        ring.buffer[size_t(ring.start)] = {msecs, value};
        ring.start = (ring.start + 1) % m_capacity;
    }
    return true;
}

void TimeSeriesModel::append(const QList<Sample> &samples)
{
    QList<int> touched;
    for (const Sample &s : samples) {
        if (s.series < 0 || s.series >= seriesCount())
            continue;
        if (appendOne(m_series[size_t(s.series)], s.msecs, s.value))
            touched.append(s.series);
    }
    if (touched.isEmpty())
        return;
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    emit pointsAppended(touched);
}

void TimeSeriesModel::setPoints(int series, QList<Point> points)
{
    if (series < 0 || series >= seriesCount())
        return;
    std::stable_sort(points.begin(), points.end(),
                     [](const Point &a, const Point &b) { return a.msecs < b.msecs; });
    Ring &ring = m_series[size_t(series)];
    ring.buffer.clear();
    ring.start = 0;
    ring.size = 0;
    const qsizetype from = std::max<qsizetype>(0, points.size() - m_capacity);
    for (qsizetype i = from; i < points.size(); ++i)
        appendOne(ring, points[i].msecs, points[i].value);
    emit pointsReset(series);
}

} // namespace Orrery
