// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "resourcemetrics.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Orrery {

// Recent metrics-server samples per object, so charts have a past on a cluster with only
// metrics-server, from the moment Orrery connects (metrics-server itself keeps one sample).
//
// Bounded, whatever the cluster does (docs/monitoring.md, "History"):
//  - per object a ring of at most `samplesPerObject` samples (default
//    Limits::maxMetricsSamplesPerObject, one hour at 15 s); the oldest is overwritten, and
//    the ring's storage grows with it, never past the bound;
//  - at most `maxObjects` objects (default Limits::maxMetricsHistoryObjects); a new object
//    beyond it evicts the least recently sampled tenth (gone pods stop being sampled, so they
//    go first).
// A sample is 16 bytes (MetricsSample), so samples take at most
// maxObjects × samplesPerObject × 16 bytes; bytesUsed() reports what is allocated.
//
// Samples of an object are kept in time order: one older than or as old as the newest kept
// (the same metrics-server sample read twice) is ignored. Not thread-safe: one owner thread.
struct MetricsSample
{
    qint64 memoryBytes = 0;
    quint32 timeSec = 0;  // seconds since the epoch, the sample's own timestamp
    quint32 cpuMilli = 0; // millicores, rounded up as kubectl rounds them (saturates)
};
static_assert(sizeof(MetricsSample) == 16);

class MetricsHistory
{
public:
    // "pod/NS/NAME", "node/NAME": the key of an object's series.
    static QString podKey(const QString &ns, const QString &name);
    static QString nodeKey(const QString &name);

    explicit MetricsHistory(int samplesPerObject = -1, int maxObjects = -1);

    int samplesPerObject() const { return m_capacity; }
    int maxObjects() const { return m_maxObjects; }

    // Adds one sample; returns false when it is not newer than the object's newest.
    bool add(const QString &key, const MetricsSample &sample);
    // A batch from one poll.
    void addPods(const PodMetricsList &pods);
    void addNodes(const NodeMetricsList &nodes);

    // The object's samples, oldest first (empty for an unknown key).
    QList<MetricsSample> samples(const QString &key) const;
    bool contains(const QString &key) const { return m_series.contains(key); }
    int objectCount() const { return int(m_series.size()); }
    void remove(const QString &key);
    void clear();

    // Bytes held by samples (allocated ring storage), excluding the keys.
    qint64 bytesUsed() const;
    // The bound on bytesUsed(): maxObjects × samplesPerObject × sizeof(MetricsSample).
    qint64 byteBound() const;

    static MetricsSample sampleOf(const QDateTime &timestamp, qint64 cpuNanocores,
                                  qint64 memoryBytes);

private:
    struct Series
    {
        QList<MetricsSample> ring; // capacity() never exceeds the bound
        int head = 0;              // index of the oldest once the ring is full
        quint64 lastUse = 0;
    };
    void evictOne(); // the least recently sampled tenth

    int m_capacity;
    int m_maxObjects;
    quint64 m_clock = 0;
    QHash<QString, Series> m_series;
};

} // namespace Orrery
