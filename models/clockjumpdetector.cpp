// SPDX-License-Identifier: GPL-3.0-or-later
#include "clockjumpdetector.h"

#include <QDateTime>

namespace Orrery {

ClockJumpDetector::ClockJumpDetector(QObject *parent, int checkIntervalMs, qint64 thresholdMs)
    : QObject(parent)
    , m_thresholdMs(thresholdMs)
{
    m_monotonic.start();
    m_lastWallMs = QDateTime::currentMSecsSinceEpoch();
    m_lastMonotonicMs = 0;
    m_timer.setInterval(checkIntervalMs);
    connect(&m_timer, &QTimer::timeout, this,
            [this] { check(QDateTime::currentMSecsSinceEpoch(), m_monotonic.elapsed()); });
    m_timer.start();
}

void ClockJumpDetector::check(qint64 wallNowMs, qint64 monotonicNowMs)
{
    const qint64 wallDelta = wallNowMs - m_lastWallMs;
    const qint64 monotonicDelta = monotonicNowMs - m_lastMonotonicMs;
    m_lastWallMs = wallNowMs;
    m_lastMonotonicMs = monotonicNowMs;
    // On Linux the monotonic clock stops during suspend, the wall clock does not.
    const qint64 difference = wallDelta - monotonicDelta;
    if (qAbs(difference) > m_thresholdMs)
        emit jumped(difference);
}

} // namespace Orrery
