// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Orrery::Test {

// A tiny forwarding proxy on 127.0.0.1 for transport tests: HTTP CONNECT (what curl sends
// for an http:// proxy-url) and SOCKS5 without authentication (socks5:// proxy-url). Each
// accepted connection is tunnelled byte for byte to the requested target, which must be
// 127.0.0.1; anything else is refused. Counts tunnels and remembers their targets.
class ConnectProxy
{
public:
    ConnectProxy() = default;
    ~ConnectProxy();
    ConnectProxy(const ConnectProxy &) = delete;
    ConnectProxy &operator=(const ConnectProxy &) = delete;

    bool start(); // listens on a free loopback port
    void stop();  // closes the listener and every tunnel, joins the threads
    int port() const { return m_port; }

    int connections() const { return m_connections; } // tunnels established
    std::vector<std::string> targets() const;         // "host:port" per tunnel, in order

private:
    void acceptLoop();
    void serve(int client);

    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping = false;
    std::atomic<int> m_connections = 0;
    std::thread m_acceptThread;
    mutable std::mutex m_mutex;
    std::vector<std::thread> m_workers;
    std::vector<int> m_sockets;
    std::vector<std::string> m_targets;
};

} // namespace Orrery::Test
