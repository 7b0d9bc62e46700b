// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/kubeobject.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Orrery {

// One HPA's status at one time: its replicas and, per metric of its spec (in spec order),
// the current value and the target (NaN when unknown), in the unit the chart shows:
// utilisation in percent, CPU in cores, memory in bytes, anything else as written.
struct HpaSample
{
    qint64 timeSec = 0;
    int currentReplicas = 0;
    int desiredReplicas = 0;
    QList<double> current;
    QList<double> target;
};

// The HPA status history Orrery keeps from the informer's updates, so "why did it scale" has
// an answer without Prometheus, from the moment Orrery connects. A sample is added when an
// HPA's replicas or metric values change (an unchanged status adds nothing: the chart holds
// the last value as a step). Bounded: at most samplesPerHpa samples per HPA (the oldest
// dropped) and maxHpas HPAs (the least recently changed dropped first).
class HpaHistory
{
public:
    static constexpr int samplesPerHpa = 240;
    static constexpr int maxHpas = 2000;

    // Records `hpa`'s status at `timeSec` (Unix seconds) unless it equals the newest sample.
    void record(const KubeObject &hpa, qint64 timeSec);
    QList<HpaSample> samples(const QString &ns, const QString &name) const;
    // The metric names of the newest sample's HPA ("cpu", "memory"), matching its value lists.
    QStringList metricNames(const QString &ns, const QString &name) const;
    int hpaCount() const { return int(m_entries.size()); }

    // An HPA metric's text as HpaData keeps it ("85%", "500m", "256Mi", "100") in the unit the
    // chart uses (see HpaSample); NaN when it does not read.
    static double value(const QString &text, const QString &metricName);

private:
    struct Entry
    {
        QStringList metrics;
        QList<HpaSample> samples;
        qint64 lastChange = 0;
    };
    QHash<QString, Entry> m_entries; // "ns/name"
};

} // namespace Orrery
