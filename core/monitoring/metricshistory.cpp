// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricshistory.h"

#include "resourcequantity.h"
#include "util/limits.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace Orrery {

QString MetricsHistory::podKey(const QString &ns, const QString &name)
{
    return QLatin1String("pod/") + ns + QLatin1Char('/') + name;
}

QString MetricsHistory::nodeKey(const QString &name)
{
    return QLatin1String("node/") + name;
}

MetricsHistory::MetricsHistory(int samplesPerObject, int maxObjects)
    : m_capacity(samplesPerObject > 0 ? samplesPerObject : Limits::maxMetricsSamplesPerObject)
    , m_maxObjects(maxObjects > 0 ? maxObjects : Limits::maxMetricsHistoryObjects)
{
}

MetricsSample MetricsHistory::sampleOf(const QDateTime &timestamp, qint64 cpuNanocores,
                                       qint64 memoryBytes)
{
    MetricsSample s;
    s.memoryBytes = memoryBytes;
    const qint64 t = timestamp.isValid() ? timestamp.toSecsSinceEpoch() : 0;
    s.timeSec = quint32(std::clamp<qint64>(t, 0, std::numeric_limits<quint32>::max()));
    s.cpuMilli = quint32(std::min<qint64>(ResourceQuantity::milliFromNano(cpuNanocores),
                                          std::numeric_limits<quint32>::max()));
    return s;
}

bool MetricsHistory::add(const QString &key, const MetricsSample &sample)
{
    auto it = m_series.find(key);
    if (it == m_series.end()) {
        if (m_series.size() >= m_maxObjects)
            evictOne();
        it = m_series.insert(key, Series());
    }
    Series &s = *it;
    s.lastUse = ++m_clock;
    if (!s.ring.isEmpty()) {
        const int newest = s.ring.size() < m_capacity ? int(s.ring.size()) - 1
                                                      : (s.head + m_capacity - 1) % m_capacity;
        if (sample.timeSec <= s.ring.at(newest).timeSec)
            return false;
    }
    if (s.ring.size() < m_capacity) {
        // Grow geometrically, but never past the bound (QList's own growth might).
        if (s.ring.size() == s.ring.capacity())
            s.ring.reserve(
                std::min<qsizetype>(m_capacity, std::max<qsizetype>(8, s.ring.size() * 2)));
        s.ring.append(sample);
    } else {
        s.ring[s.head] = sample;
        s.head = (s.head + 1) % m_capacity;
    }
    return true;
}

void MetricsHistory::addPods(const PodMetricsList &pods)
{
    for (const PodMetrics &p : pods.items)
        add(podKey(p.ns, p.name), sampleOf(p.timestamp, p.cpuNanocores, p.memoryBytes));
}

void MetricsHistory::addNodes(const NodeMetricsList &nodes)
{
    for (const NodeMetrics &n : nodes.items)
        add(nodeKey(n.name), sampleOf(n.timestamp, n.cpuNanocores, n.memoryBytes));
}

QList<MetricsSample> MetricsHistory::samples(const QString &key) const
{
    const auto it = m_series.constFind(key);
    if (it == m_series.constEnd())
        return {};
    const Series &s = *it;
    if (s.ring.size() < m_capacity)
        return s.ring;
    QList<MetricsSample> out;
    out.reserve(s.ring.size());
    for (int i = 0; i < s.ring.size(); ++i)
        out.append(s.ring.at((s.head + i) % m_capacity));
    return out;
}

void MetricsHistory::remove(const QString &key)
{
    m_series.remove(key);
}

void MetricsHistory::clear()
{
    m_series.clear();
}

qint64 MetricsHistory::bytesUsed() const
{
    qint64 bytes = 0;
    for (const Series &s : m_series)
        bytes += qint64(s.ring.capacity()) * qint64(sizeof(MetricsSample));
    return bytes;
}

qint64 MetricsHistory::byteBound() const
{
    return qint64(m_maxObjects) * m_capacity * qint64(sizeof(MetricsSample));
}

void MetricsHistory::evictOne()
{
    // Evicts the least recently sampled tenth at once: one pass per maxObjects / 10 new
    // objects, not one per object (a full history meeting 10,000 new pods stays linear).
    const qsizetype count = std::max<qsizetype>(1, m_maxObjects / 10);
    QList<quint64> uses;
    uses.reserve(m_series.size());
    for (const Series &s : std::as_const(m_series))
        uses.append(s.lastUse);
    if (uses.isEmpty())
        return;
    const qsizetype k = std::min(count, uses.size()) - 1;
    std::nth_element(uses.begin(), uses.begin() + k, uses.end());
    const quint64 threshold = uses.at(k);
    for (auto it = m_series.begin(); it != m_series.end();)
        it = it->lastUse <= threshold ? m_series.erase(it) : std::next(it);
}

} // namespace Orrery
