// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Orrery {

// Notices a laptop sleep (or a manual clock change): the wall clock moved much further than
// the monotonic clock between two checks. Watches may look healthy after a resume while their
// TCP connections are long dead, so the window relists when this fires.
class ClockJumpDetector : public QObject
{
    Q_OBJECT
public:
    explicit ClockJumpDetector(QObject *parent = nullptr, int checkIntervalMs = 2000,
                               qint64 thresholdMs = 10000);

    // Compares the clocks now (the timer calls this; tests call it with injected values).
    void check(qint64 wallNowMs, qint64 monotonicNowMs);

signals:
    // difference: how much more the wall clock moved than the monotonic clock (ms).
    void jumped(qint64 differenceMs);

private:
    QTimer m_timer;
    QElapsedTimer m_monotonic;
    qint64 m_lastWallMs = 0;
    qint64 m_lastMonotonicMs = 0;
    qint64 m_thresholdMs;
};

} // namespace Orrery
