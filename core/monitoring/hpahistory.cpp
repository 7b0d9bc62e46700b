// SPDX-License-Identifier: GPL-3.0-or-later
#include "hpahistory.h"

#include "monitoring/resourcequantity.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Orrery {

namespace {

bool sameValues(const HpaSample &a, const HpaSample &b)
{
    const auto equal = [](const QList<double> &x, const QList<double> &y) {
        if (x.size() != y.size())
            return false;
        for (int i = 0; i < int(x.size()); ++i) {
            if (!(x[i] == y[i] || (std::isnan(x[i]) && std::isnan(y[i]))))
                return false;
        }
        return true;
    };
    return a.currentReplicas == b.currentReplicas && a.desiredReplicas == b.desiredReplicas
           && equal(a.current, b.current) && equal(a.target, b.target);
}

} // namespace

double HpaHistory::value(const QString &input, const QString &metricName)
{
    const QString text = input.trimmed();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (text.isEmpty())
        return nan;
    if (text.endsWith(QLatin1Char('%'))) {
        bool ok = false;
        const double v = text.chopped(1).toDouble(&ok);
        return ok ? v : nan;
    }
    if (metricName == QLatin1String("cpu")) {
        const std::optional<qint64> n = ResourceQuantity::cpuNanocores(text);
        return n ? double(*n) / 1e9 : nan;
    }
    const std::optional<qint64> b = ResourceQuantity::bytes(text);
    if (b && metricName == QLatin1String("memory"))
        return double(*b);
    // Any other metric: a plain quantity ("100", "1.5k"), read in its base unit.
    const std::optional<qint64> milli = ResourceQuantity::parseScaled(text, 3);
    return milli ? double(*milli) / 1000.0 : nan;
}

void HpaHistory::record(const KubeObject &hpa, qint64 timeSec)
{
    const HpaData *h = hpa.as<HpaData>();
    if (!h)
        return;
    HpaSample s;
    s.timeSec = timeSec;
    s.currentReplicas = h->currentReplicas;
    s.desiredReplicas = h->desiredReplicas;
    QStringList metrics;
    for (const HpaMetric &m : h->metrics) {
        metrics << m.name;
        s.current << value(m.current, m.name);
        s.target << value(m.target, m.name);
    }
    const QString key = hpa.key();
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        if (m_entries.size() >= maxHpas) {
            // Drop the least recently changed tenth (HPAs that are gone stop changing).
            QList<std::pair<qint64, QString>> byAge;
            for (auto e = m_entries.cbegin(); e != m_entries.cend(); ++e)
                byAge.append({e->lastChange, e.key()});
            std::sort(byAge.begin(), byAge.end());
            for (int i = 0; i < std::max(1, maxHpas / 10); ++i)
                m_entries.remove(byAge[i].second);
        }
        it = m_entries.insert(key, Entry());
    }
    Entry &e = *it;
    if (e.metrics != metrics) {
        e.metrics = metrics; // another spec: its values are not comparable with the old ones
        e.samples.clear();
    }
    if (!e.samples.isEmpty()
        && (sameValues(e.samples.last(), s) || timeSec < e.samples.last().timeSec))
        return;
    if (e.samples.size() >= samplesPerHpa)
        e.samples.removeFirst();
    e.samples.append(std::move(s));
    e.lastChange = timeSec;
}

QList<HpaSample> HpaHistory::samples(const QString &ns, const QString &name) const
{
    return m_entries.value(KubeObject::makeKey(ns, name)).samples;
}

QStringList HpaHistory::metricNames(const QString &ns, const QString &name) const
{
    return m_entries.value(KubeObject::makeKey(ns, name)).metrics;
}

} // namespace Orrery
