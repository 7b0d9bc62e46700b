// SPDX-License-Identifier: GPL-3.0-or-later
#include "ageclock.h"

namespace Orrery {

AgeClock::AgeClock(QObject *parent, int intervalMs)
    : QObject(parent)
{
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &AgeClock::tick);
    m_timer.start();
}

} // namespace Orrery
