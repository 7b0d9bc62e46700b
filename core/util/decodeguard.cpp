// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodeguard.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>

namespace Orrery::DecodeGuard {

namespace {
std::atomic<quint64> s_mainThreadDecodes{0};
std::atomic<const char *> s_lastEntryPoint{nullptr};
} // namespace

void noteDecode(const char *entryPoint)
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread())
        return;
    s_lastEntryPoint.store(entryPoint, std::memory_order_relaxed);
    s_mainThreadDecodes.fetch_add(1, std::memory_order_relaxed);
}

quint64 mainThreadDecodes()
{
    return s_mainThreadDecodes.load(std::memory_order_relaxed);
}

const char *lastMainThreadDecode()
{
    return s_lastEntryPoint.load(std::memory_order_relaxed);
}

} // namespace Orrery::DecodeGuard
