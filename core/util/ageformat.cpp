// SPDX-License-Identifier: GPL-3.0-or-later
#include "ageformat.h"

namespace Orrery {

QString humanDuration(qint64 s)
{
    if (s < 0)
        return QStringLiteral("<invalid>");
    if (s < 120)
        return QStringLiteral("%1s").arg(s);
    const qint64 m = s / 60;
    if (m < 10) {
        const qint64 rest = s % 60;
        return rest ? QStringLiteral("%1m%2s").arg(m).arg(rest) : QStringLiteral("%1m").arg(m);
    }
    if (m < 180)
        return QStringLiteral("%1m").arg(m);
    const qint64 h = s / 3600;
    if (h < 8) {
        const qint64 rest = m % 60;
        return rest ? QStringLiteral("%1h%2m").arg(h).arg(rest) : QStringLiteral("%1h").arg(h);
    }
    if (h < 48)
        return QStringLiteral("%1h").arg(h);
    if (h < 24 * 8) {
        const qint64 rest = h % 24;
        return rest ? QStringLiteral("%1d%2h").arg(h / 24).arg(rest)
                    : QStringLiteral("%1d").arg(h / 24);
    }
    if (h < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(h / 24);
    if (h < 24 * 365 * 8) {
        const qint64 days = (h / 24) % 365;
        return days ? QStringLiteral("%1y%2d").arg(h / 24 / 365).arg(days)
                    : QStringLiteral("%1y").arg(h / 24 / 365);
    }
    return QStringLiteral("%1y").arg(h / 24 / 365);
}

QString ageText(qint64 creationSeconds, qint64 nowSeconds)
{
    if (creationSeconds <= 0)
        return QStringLiteral("<unknown>");
    // Clock skew between the client and the API server: a just-created object may look
    // a second or two in the future; show 0s rather than "<invalid>".
    return humanDuration(qMax<qint64>(0, nowSeconds - creationSeconds));
}

} // namespace Orrery
