// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Orrery {

// Kubernetes resource quantities ("250m", "1.5", "131072Ki", "2e3", "250000000n") read the
// way apimachinery's resource.Quantity reads them, and printed the way `kubectl top` prints
// them, so Orrery's numbers are kubectl's numbers.
//
// A quantity is held as a whole number of a fixed unit: nanocores for CPU (the finest unit
// metrics-server reports), bytes for memory. Parsing rounds up to that unit, as Quantity's
// ScaledValue does; nothing a real server sends (n, u, m, Ki..Ei, k..E, plain and exponent
// forms) is finer, so the rounding never shows.
//
// Invalid text (an unknown suffix, no digits, a negative usage) and values that do not fit
// in 63 bits read as nullopt: the caller treats that sample as missing.
namespace ResourceQuantity {

// ceil(value × 10^scale) of `text`, e.g. scale 9 gives nanocores, 3 millicores, 0 bytes.
// Negative quantities, more than 30 significant digits and exponents beyond ±60 are refused.
std::optional<qint64> parseScaled(QStringView text, int scale);

inline std::optional<qint64> cpuNanocores(QStringView text)
{
    return parseScaled(text, 9);
}
inline std::optional<qint64> bytes(QStringView text)
{
    return parseScaled(text, 0);
}

// Quantity.MilliValue() of a CPU amount: millicores, rounded up.
qint64 milliFromNano(qint64 nanocores);

// `kubectl top`'s cells: CPU as "%dm" of MilliValue(), memory as "%dMi" of
// Value() / 2^20 (integer division, so 1023Ki prints "0Mi").
QString formatCpu(qint64 nanocores);
QString formatMemory(qint64 bytes);

// `kubectl top node`'s percentage: int64(float64(usage) / float64(available) × 100) of the
// two MilliValue()s, truncated; 0 when nothing is available.
qint64 percent(qint64 usageMilli, qint64 availableMilli);

} // namespace ResourceQuantity

} // namespace Orrery
