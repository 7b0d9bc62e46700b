// SPDX-License-Identifier: GPL-3.0-or-later
#include "loopbackhttpserver.h"

#include <httplib.h>
#include <listenthread.h>

#include <chrono>

namespace Orrery::Test {

LoopbackHttpServer::LoopbackHttpServer() = default;

LoopbackHttpServer::~LoopbackHttpServer()
{
    stop();
}

bool LoopbackHttpServer::start(int port, int threads,
                               const std::function<void(httplib::Server &)> &routes)
{
    m_server = std::make_unique<httplib::Server>();
    // Every informer holds a watch open: more threads than cpp-httplib's default of 8.
    m_server->new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    routes(*m_server);
    if (port == 0)
        m_port = m_server->bind_to_any_port("127.0.0.1");
    else
        m_port = m_server->bind_to_port("127.0.0.1", port) ? port : -1;
    if (m_port <= 0)
        return false;
    m_thread = startListening(*m_server);
    return true;
}

void LoopbackHttpServer::stop()
{
    if (m_server)
        m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
    m_server.reset();
}

} // namespace Orrery::Test
