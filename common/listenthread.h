// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <thread>

namespace Orrery {

// Runs a bound cpp-httplib server's listen_after_bind() on a new thread and returns that thread
// once the server is accepting. cpp-httplib's stop() does nothing until listening has begun,
// so a stop() that came first would be lost and the join after it would wait forever (seen as
// a Simulator that never stopped under load). Waits at most 10 s for a listen that fails.
template <typename Server> std::thread startListening(Server &server)
{
    std::thread thread([&server] { server.listen_after_bind(); });
    for (int waited = 0; waited < 10000 && !server.is_running(); ++waited)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return thread;
}

} // namespace Orrery
