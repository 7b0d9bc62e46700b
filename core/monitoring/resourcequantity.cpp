// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcequantity.h"

#include <limits>

namespace Orrery::ResourceQuantity {

namespace {

using Wide = __int128;

constexpr int maxDigits = 30;   // 10^30 < 2^127: the mantissa never overflows
constexpr int maxExponent = 60; // beyond it nothing fits in qint64 anyway

// 10^n as a Wide, n in [0, 36].
Wide pow10(int n)
{
    Wide v = 1;
    for (int i = 0; i < n; ++i)
        v *= 10;
    return v;
}

} // namespace

std::optional<qint64> parseScaled(QStringView text, int scale)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (i < n && text[i] == u'+')
        ++i;
    // Digits, with at most one point; at least one digit.
    Wide mantissa = 0;
    int digits = 0;   // significant digits kept in mantissa
    int fraction = 0; // digits after the point
    bool point = false;
    bool any = false;
    for (; i < n; ++i) {
        const QChar c = text[i];
        if (c == u'.' && !point) {
            point = true;
            continue;
        }
        if (c < u'0' || c > u'9')
            break;
        any = true;
        if (mantissa == 0 && c == u'0') {
            if (point)
                ++fraction; // leading zeros of a fraction only move the point
            continue;
        }
        if (++digits > maxDigits)
            return std::nullopt;
        mantissa = mantissa * 10 + (c.unicode() - u'0');
        if (point)
            ++fraction;
    }
    if (!any)
        return std::nullopt;

    // The suffix: binary (Ki..Ei), decimal (n u m "" k M G T P E) or an exponent (e3, E-2).
    const QStringView suffix = text.mid(i);
    int exp10 = 0;
    int exp2 = 0;
    if (suffix.isEmpty()) {
    } else if (suffix.size() == 2 && suffix[1] == u'i') {
        static const QString binary = QStringLiteral("KMGTPE");
        const qsizetype k = binary.indexOf(suffix[0]);
        if (k < 0)
            return std::nullopt;
        exp2 = int(10 * (k + 1));
    } else if (suffix.size() == 1 && QStringLiteral("numkMGTPE").contains(suffix[0])) {
        switch (suffix[0].unicode()) {
        case 'n': exp10 = -9; break;
        case 'u': exp10 = -6; break;
        case 'm': exp10 = -3; break;
        case 'k': exp10 = 3; break;
        case 'M': exp10 = 6; break;
        case 'G': exp10 = 9; break;
        case 'T': exp10 = 12; break;
        case 'P': exp10 = 15; break;
        case 'E': exp10 = 18; break;
        }
    } else if (suffix[0] == u'e' || suffix[0] == u'E') {
        qsizetype k = 1;
        const bool negative = k < suffix.size() && suffix[k] == u'-';
        if (k < suffix.size() && (suffix[k] == u'-' || suffix[k] == u'+'))
            ++k;
        if (k == suffix.size())
            return std::nullopt;
        int e = 0;
        for (; k < suffix.size(); ++k) {
            if (suffix[k] < u'0' || suffix[k] > u'9')
                return std::nullopt;
            e = e * 10 + (suffix[k].unicode() - u'0');
            if (e > maxExponent)
                return std::nullopt;
        }
        exp10 = negative ? -e : e;
    } else {
        return std::nullopt;
    }

    if (mantissa == 0)
        return 0;
    // value × 10^scale = mantissa × 2^exp2 × 10^(exp10 + scale − fraction), rounded up.
    const int e = exp10 + scale - fraction;
    constexpr Wide limit = std::numeric_limits<qint64>::max();
    Wide v = mantissa;
    // Intermediate values stay below 2^126; a pathological input beyond (thirty digits of
    // fraction times Ei) is refused rather than computed.
    constexpr Wide cap = Wide(1) << 126;
    for (int b = 0; b < exp2; ++b) {
        v *= 2;
        if (v > cap / 2)
            return std::nullopt;
    }
    if (e >= 0) {
        for (int k = 0; k < e; ++k) {
            v *= 10;
            if (v > limit)
                return std::nullopt;
        }
    } else {
        // Dividing by more than 10^36 leaves less than one unit: the value rounds up to 1.
        if (-e > 36)
            return 1;
        const Wide d = pow10(-e);
        v = v / d + (v % d != 0 ? 1 : 0);
    }
    if (v > limit)
        return std::nullopt;
    return qint64(v);
}

qint64 milliFromNano(qint64 nanocores)
{
    return nanocores / 1000000 + (nanocores % 1000000 != 0 ? 1 : 0);
}

QString formatCpu(qint64 nanocores)
{
    return QString::number(milliFromNano(nanocores)) + QLatin1Char('m');
}

QString formatMemory(qint64 bytes)
{
    return QString::number(bytes / (1024 * 1024)) + QLatin1String("Mi");
}

qint64 percent(qint64 usageMilli, qint64 availableMilli)
{
    if (availableMilli == 0)
        return 0;
    return qint64(double(usageMilli) / double(availableMilli) * 100);
}

} // namespace Orrery::ResourceQuantity
