// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simshell.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

typedef struct ssl_st SSL;

namespace Orrery::Sim {

// One upgraded WebSocket connection the API server took over from cpp-httplib (0.11 has no
// upgrade support): the handler holds the request's TLS session and runs the whole stream
// inside the handler, on the pool thread httplib gave it. Reads poll with a short timeout so
// the server's stop() ends every session within ~200 ms.
class ServerWebSocket
{
public:
    ServerWebSocket(SSL *ssl, const std::atomic<bool> &stopping);

    // Writes the 101 answer choosing `protocol`.
    bool accept(const std::string &key, const std::string &protocol);
    bool sendBinary(const std::string &payload);
    // A binary message, or std::nullopt on timeout (ok() still true) or when the peer closed,
    // broke the protocol or the server stops (ok() false). Pings are answered inside.
    std::optional<std::string> readBinary(int timeoutMs);
    // Close frame with `code`, a short wait for the peer's, then TLS close_notify.
    void close(std::uint16_t code = 1000);
    bool ok() const { return m_ok; }

private:
    bool writeAll(const std::string &bytes);

    SSL *m_ssl;
    const std::atomic<bool> &m_stopping;
    bool m_ok = true;
    bool m_peerClosed = false;
    struct Parser;
    std::shared_ptr<Parser> m_parser;
};

struct ExecRequest
{
    std::vector<std::string> command;
    bool stdinOpen = false;
    bool stdoutOpen = true;
    bool stderrOpen = true;
    bool tty = false;
    bool v5 = true; // v5.channel.k8s.io (close channel) or v4.channel.k8s.io
};

// kubectl exec's remote-command protocol (v4/v5.channel.k8s.io) on `ws` against `shell`:
// channel 0 stdin, 1 stdout, 2 stderr, 3 error (a Status at the end), 4 resize, 255 close.
void runExecSession(ServerWebSocket &ws, SimShell &shell, const ExecRequest &request);

// What a simulated container port answers: "http" serves a small page naming the pod,
// anything else echoes.
struct ForwardTarget
{
    std::string podName;
    std::string ns;
    int port = 0;
    bool http = false;
    bool listening = true; // false: connection refused, said on the error channel
    std::string podUid;
};

// What the kubelet writes on a port's error channel when nothing listens there
// (handleWebSocketStreams: "error forwarding port P to pod ..., uid ...: <dial error>").
std::string refusedPortMessage(const ForwardTarget &target);

// The answer of a simulated listener to `bytes` received so far on one connection: the HTTP
// listener answers once it has a full request head (and then `done`), the echo one echoes.
std::string simulatedPortAnswer(const ForwardTarget &target, std::string &pending, bool &done);

// port-forward's WebSocket protocol (v4.channel.k8s.io / portforward.k8s.io): per requested
// port i, channel 2i carries data and 2i+1 errors; each channel's first message is the port
// number (little-endian uint16).
void runPortForwardSession(ServerWebSocket &ws, const std::vector<ForwardTarget> &targets);

// The WebSocket subprotocol kubectl 1.31+ port-forwards with: SPDY/3.1 tunnelled in WebSocket
// binary messages (client-go's SPDY-over-WebSocket dialer).
constexpr const char *spdyTunnelProtocol = "SPDY/3.1+portforward.k8s.io";

// port-forward as kubectl speaks it in the tunnel (the kubelet's httpstream handler): per
// local connection kubectl opens an "error" and a "data" stream (headers streamtype, port,
// requestid), each answered with SYN_REPLY; once both of a request are there the port is
// "dialled": a closed one gets the kubelet's message on the error stream and both streams are
// finished; else the data stream carries the simulated listener's answer. `targetFor` gives
// the listener of a port (listening false: nothing there).
void runSpdyPortForwardSession(ServerWebSocket &ws,
                               const std::function<ForwardTarget(int port)> &targetFor);

} // namespace Orrery::Sim
