// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricformat.h"

#include <QCoreApplication>

#include <cmath>

namespace Orrery::MetricFormat {

namespace {

// Up to three significant digits, no trailing zeros: 1.25, 12.5, 512.
QString number(double v)
{
    const double a = std::abs(v);
    const int decimals = a < 10 ? 2 : a < 100 ? 1 : 0;
    QString s = QString::number(v, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    if (s == QLatin1String("-0"))
        s = QStringLiteral("0");
    return s;
}

struct Prefix
{
    double factor;
    const char *symbol;
};

constexpr Prefix kBinary[] = {{1024.0 * 1024 * 1024 * 1024 * 1024, "Pi"},
                              {1024.0 * 1024 * 1024 * 1024, "Ti"},
                              {1024.0 * 1024 * 1024, "Gi"},
                              {1024.0 * 1024, "Mi"},
                              {1024.0, "Ki"}};

// The binary prefix that shows `a` bytes with 1-3 digits before the point (1023 Ki rather than
// 0.99 Mi); factor 1 and "B" below one Ki.
Prefix binaryPrefix(double a)
{
    for (const Prefix &p : kBinary) {
        if (a >= p.factor)
            return p;
    }
    return {1.0, "B"};
}

QString bytes(double v, const char *suffix)
{
    const Prefix p = binaryPrefix(std::abs(v));
    return QStringLiteral("%1 %2%3").arg(number(v / p.factor), QLatin1String(p.symbol),
                                         QLatin1String(suffix));
}

// The smallest 1-2-2.5-5 multiple of a power of ten not below `raw`: the classic "nice number"
// step.
double niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (raw <= m * magnitude)
            return m * magnitude;
    }
    return 10.0 * magnitude;
}

} // namespace

QString value(double v, MetricUnit unit)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    switch (unit) {
    case MetricUnit::Cores:
        if (std::abs(v) < 1.0) {
            const long long milli = std::llround(v * 1000.0);
            if (milli == 0)
                return QStringLiteral("0");
            return QStringLiteral("%1m").arg(milli);
        }
        return QCoreApplication::translate("Orrery::MetricFormat", "%1 cores").arg(number(v));
    case MetricUnit::Bytes: return bytes(v, "");
    case MetricUnit::BytesPerSecond: return bytes(v, "/s");
    case MetricUnit::Percent: return QStringLiteral("%1 %").arg(number(v));
    case MetricUnit::Count:
        if (std::abs(v) >= 1e6)
            return QStringLiteral("%1M").arg(number(v / 1e6));
        if (std::abs(v) >= 1e4)
            return QStringLiteral("%1k").arg(number(v / 1e3));
        return number(v);
    }
    return number(v);
}

QList<double> ticks(double min, double max, MetricUnit unit, int maxTicks)
{
    if (!std::isfinite(min) || !std::isfinite(max))
        return {0.0, 1.0};
    if (max < min)
        std::swap(min, max);
    maxTicks = std::max(2, maxTicks);
    if (max - min <= 0) {
        // A flat series: a range around the value so the line sits inside the plot.
        const double pad = min == 0 ? 1.0 : std::abs(min) * 0.1;
        min = min >= 0 ? std::max(0.0, min - pad) : min - pad;
        max += pad;
    }
    // Bytes step in the binary prefix of the range (256 Mi, not 268.4 M); other units in
    // decimal.
    double factor = 1.0;
    if (unit == MetricUnit::Bytes || unit == MetricUnit::BytesPerSecond)
        factor = binaryPrefix(std::max(std::abs(min), std::abs(max))).factor;
    const double span = (max - min) / factor;
    double step = niceStep(span / (maxTicks - 1));
    double first = std::floor(min / factor / step) * step;
    double last = std::ceil(max / factor / step) * step;
    // Rounding the ends outwards can need one tick more than asked for; widen the step then.
    while ((last - first) / step + 1 > maxTicks + 0.5) {
        step = niceStep(step * 1.01);
        first = std::floor(min / factor / step) * step;
        last = std::ceil(max / factor / step) * step;
    }
    QList<double> out;
    const int count = int(std::llround((last - first) / step));
    out.reserve(count + 1);
    for (int i = 0; i <= count; ++i)
        out.append((first + i * step) * factor);
    return out;
}

} // namespace Orrery::MetricFormat
