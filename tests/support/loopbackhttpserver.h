// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace Orrery::Test {

// A cpp-httplib server on 127.0.0.1, listening on a thread of its own: what the test API
// servers (FakeApiServer, FaultyApiServer) start, stop and restart on the same port.
class LoopbackHttpServer
{
public:
    LoopbackHttpServer();
    ~LoopbackHttpServer(); // stop()

    // Binds (port 0 picks a free one, kept for the next start) and listens with `threads`
    // worker threads; `routes` installs the handlers first. False when the port is taken.
    bool start(int port, int threads, const std::function<void(httplib::Server &)> &routes);
    // Stops listening and cuts every open connection (streams end at their next write).
    void stop();
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
};

} // namespace Orrery::Test
