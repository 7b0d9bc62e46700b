// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace Orrery {

// The one timer that makes every AGE column tick. Models connect to tick() and emit
// dataChanged for their age columns only, so a second passing never rebuilds display strings
// or re-sorts anything else. Tests call tick() by hand.
class AgeClock : public QObject
{
    Q_OBJECT
public:
    explicit AgeClock(QObject *parent = nullptr, int intervalMs = 1000);

signals:
    void tick();

private:
    QTimer m_timer;
};

} // namespace Orrery
