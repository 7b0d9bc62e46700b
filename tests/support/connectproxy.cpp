// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectproxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace Orrery::Test {

namespace {

bool readExactly(int fd, unsigned char *buffer, std::size_t n)
{
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = ::recv(fd, buffer + got, n - got, 0);
        if (r <= 0)
            return false;
        got += std::size_t(r);
    }
    return true;
}

bool writeAll(int fd, const void *data, std::size_t n)
{
    const auto *p = static_cast<const char *>(data);
    while (n > 0) {
        const ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0)
            return false;
        p += w;
        n -= std::size_t(w);
    }
    return true;
}

int connectLoopback(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(std::uint16_t(port));
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Copies bytes both ways until either side closes or `stopping` is set.
void pump(int a, int b, const std::atomic<bool> &stopping)
{
    char buffer[16384];
    pollfd fds[2] = {{a, POLLIN, 0}, {b, POLLIN, 0}};
    while (!stopping) {
        if (::poll(fds, 2, 100) < 0)
            return;
        for (int i = 0; i < 2; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t r = ::recv(fds[i].fd, buffer, sizeof(buffer), 0);
            if (r <= 0 || !writeAll(fds[1 - i].fd, buffer, std::size_t(r)))
                return;
        }
    }
}

} // namespace

ConnectProxy::~ConnectProxy()
{
    stop();
}

bool ConnectProxy::start()
{
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(addr);
    if (::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0
        || ::listen(m_listen, 16) != 0
        || ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
        ::close(m_listen);
        m_listen = -1;
        return false;
    }
    m_port = ntohs(addr.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return true;
}

void ConnectProxy::stop()
{
    if (m_listen < 0)
        return;
    m_stopping = true;
    m_acceptThread.join();
    ::close(m_listen);
    m_listen = -1;
    std::vector<std::thread> workers;
    {
        std::lock_guard lock(m_mutex);
        for (int fd : m_sockets)
            ::shutdown(fd, SHUT_RDWR);
        workers.swap(m_workers);
    }
    for (std::thread &t : workers)
        t.join();
    std::lock_guard lock(m_mutex);
    for (int fd : m_sockets)
        ::close(fd);
    m_sockets.clear();
}

std::vector<std::string> ConnectProxy::targets() const
{
    std::lock_guard lock(m_mutex);
    return m_targets;
}

void ConnectProxy::acceptLoop()
{
    pollfd pfd{m_listen, POLLIN, 0};
    while (!m_stopping) {
        if (::poll(&pfd, 1, 100) <= 0)
            continue;
        const int client = ::accept(m_listen, nullptr, nullptr);
        if (client < 0)
            continue;
        std::lock_guard lock(m_mutex);
        m_sockets.push_back(client);
        m_workers.emplace_back([this, client] { serve(client); });
    }
}

void ConnectProxy::serve(int client)
{
    int upstream = -1;
    std::string target;
    unsigned char first = 0;
    if (!readExactly(client, &first, 1)) {
        ::close(client);
        return;
    }
    if (first == 0x05) {
        // SOCKS5: greeting (methods), then CONNECT with an IPv4 address or a name.
        unsigned char n = 0;
        unsigned char methods[255];
        if (readExactly(client, &n, 1) && readExactly(client, methods, n)) {
            const unsigned char noAuth[2] = {0x05, 0x00};
            writeAll(client, noAuth, 2);
            unsigned char head[4];
            if (readExactly(client, head, 4) && head[1] == 0x01) {
                std::string host;
                if (head[3] == 0x01) {
                    unsigned char ip[4];
                    if (readExactly(client, ip, 4))
                        host = std::to_string(ip[0]) + "." + std::to_string(ip[1]) + "."
                               + std::to_string(ip[2]) + "." + std::to_string(ip[3]);
                } else if (head[3] == 0x03) {
                    unsigned char len = 0;
                    char name[256] = {};
                    if (readExactly(client, &len, 1)
                        && readExactly(client, reinterpret_cast<unsigned char *>(name), len))
                        host.assign(name, len);
                }
                unsigned char portBytes[2];
                if (!host.empty() && readExactly(client, portBytes, 2)) {
                    const int port = portBytes[0] << 8 | portBytes[1];
                    target = host + ":" + std::to_string(port);
                    if (host == "127.0.0.1" || host == "localhost")
                        upstream = connectLoopback(port);
                }
            }
            unsigned char reply[10]
                = {0x05, std::uint8_t(upstream >= 0 ? 0x00 : 0x05), 0x00, 0x01, 0, 0, 0, 0, 0, 0};
            writeAll(client, reply, sizeof(reply));
        }
    } else {
        // HTTP: "CONNECT host:port HTTP/1.1" and headers up to an empty line.
        std::string head(1, char(first));
        char c;
        while (head.size() < 8192 && head.find("\r\n\r\n") == std::string::npos
               && ::recv(client, &c, 1, 0) == 1)
            head += c;
        if (head.rfind("CONNECT ", 0) == 0) {
            target = head.substr(8, head.find(' ', 8) - 8);
            const auto colon = target.rfind(':');
            const std::string host = target.substr(0, colon);
            if (colon != std::string::npos && (host == "127.0.0.1" || host == "localhost"))
                upstream = connectLoopback(std::atoi(target.c_str() + colon + 1));
        }
        const std::string reply = upstream >= 0
                                      ? "HTTP/1.1 200 Connection established\r\n\r\n"
                                      : "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n";
        writeAll(client, reply.data(), reply.size());
    }
    if (upstream >= 0) {
        {
            std::lock_guard lock(m_mutex);
            m_targets.push_back(target);
            m_sockets.push_back(upstream);
        }
        ++m_connections;
        pump(client, upstream, m_stopping);
        ::shutdown(upstream, SHUT_RDWR);
    }
    ::shutdown(client, SHUT_RDWR);
    // The descriptors are closed by stop() after the join, so a shutdown there never hits
    // a number the kernel has already reused.
}

} // namespace Orrery::Test
