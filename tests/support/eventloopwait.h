// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <functional>

namespace Orrery::Test {

// Runs the event loop until `condition` holds; false after `timeoutMs`. An explicit loop on
// purpose: QTRY_* re-evaluates its expression and counts rounds rather than time, which hung
// or never waited around code that spins nested event loops (docs/topology.md).
inline bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
    return true;
}

} // namespace Orrery::Test
