// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Orrery::App {

// How long a headless command waits for one answer before saying so.
constexpr int headlessTimeoutMs = 60000;

// Waits (spinning a local event loop) until `ready()` holds or the timeout passes; the one
// wait of the headless commands (--top, --alerts).
inline bool waitUntil(const std::function<bool()> &ready, QEventLoop &loop)
{
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(headlessTimeoutMs);
    while (!ready() && timeout.isActive())
        loop.exec();
    return ready();
}

} // namespace Orrery::App
