// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Orrery {

// The unit of a metric series. Values are stored in the base unit: cores (not millicores),
// bytes, bytes per second, a plain count, or a percentage (0-100, as HPA utilisation targets).
enum class MetricUnit { Count, Cores, Bytes, BytesPerSecond, Percent };

namespace MetricFormat {

// The one place a metric value becomes text, for axis labels, hover labels and tables:
// cores below one as millicores ("250m"), otherwise "1.2 cores"; bytes with binary prefixes
// ("512 Mi", "1.5 Gi"); "3.4 Mi/s"; counts as "12", "1.5k"; "75 %". At most three significant
// digits, trailing zeros dropped. NaN and infinities give "–".
QString value(double v, MetricUnit unit);

// Tick positions for a value axis spanning [min, max] in `unit`, at most `maxTicks` of them,
// on "nice" steps of that unit (1-2-5 multiples of the unit's display prefix: 250m, 0.5 cores,
// 256 Mi...). Always contains at least the two ends of a non-empty range. The first tick is
// <= min and the last >= max, so the caller can set the axis to [first, last].
QList<double> ticks(double min, double max, MetricUnit unit, int maxTicks = 6);

} // namespace MetricFormat

} // namespace Orrery
