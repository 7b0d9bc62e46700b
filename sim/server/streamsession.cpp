// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamsession.h"

#include "spdyframe.h"

#include <base64.h>
#include <websocketframe.h>

#include <nlohmann/json.hpp>
#include <openssl/sha.h>
#include <openssl/ssl.h>
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <map>

namespace Orrery::Sim {

using json = nlohmann::json;

struct ServerWebSocket::Parser
{
    WebSocket::FrameParser frames{true};
};

ServerWebSocket::ServerWebSocket(SSL *ssl, const std::atomic<bool> &stopping)
    : m_ssl(ssl)
    , m_stopping(stopping)
    , m_parser(std::make_shared<Parser>())
{
}

bool ServerWebSocket::writeAll(const std::string &bytes)
{
    if (!m_ok && !m_peerClosed)
        return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const int n = SSL_write(m_ssl, bytes.data() + done, static_cast<int>(bytes.size() - done));
        if (n <= 0) {
            m_ok = false;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool ServerWebSocket::accept(const std::string &key, const std::string &protocol)
{
    const std::string seed = key + std::string(WebSocket::acceptGuid);
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(seed.data()), seed.size(), digest);
    const std::string acceptValue
        = Base64::encode(std::string_view(reinterpret_cast<const char *>(digest), sizeof digest));
    std::string head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                       + acceptValue + "\r\n";
    if (!protocol.empty())
        head += "Sec-WebSocket-Protocol: " + protocol + "\r\n";
    head += "\r\n";
    return writeAll(head);
}

bool ServerWebSocket::sendBinary(const std::string &payload)
{
    return writeAll(WebSocket::encodeFrame(WebSocket::Binary, payload));
}

std::optional<std::string> ServerWebSocket::readBinary(int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (m_ok) {
        while (auto m = m_parser->frames.next()) {
            if (m->opcode == WebSocket::Binary || m->opcode == WebSocket::Text)
                return std::move(m->payload);
            if (m->opcode == WebSocket::Ping) {
                writeAll(WebSocket::encodeFrame(WebSocket::Pong, m->payload));
            } else if (m->opcode == WebSocket::Close) {
                m_peerClosed = true;
                m_ok = false;
                return std::nullopt;
            }
        }
        if (m_parser->frames.failed()) {
            writeAll(WebSocket::encodeFrame(WebSocket::Close,
                                            WebSocket::closePayload(m_parser->frames.closeCode())));
            m_ok = false;
            return std::nullopt;
        }
        if (m_stopping) {
            m_ok = false;
            return std::nullopt;
        }
        if (SSL_pending(m_ssl) == 0) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  deadline - std::chrono::steady_clock::now())
                                  .count();
            if (left <= 0)
                return std::nullopt;
            pollfd p{SSL_get_fd(m_ssl), POLLIN, 0};
            const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 200)));
            if (r == 0)
                continue;
            if (r < 0 || (p.revents & (POLLERR | POLLNVAL))) {
                m_ok = false;
                return std::nullopt;
            }
        }
        char buf[16384];
        const int n = SSL_read(m_ssl, buf, sizeof buf);
        if (n <= 0) {
            m_ok = false;
            return std::nullopt;
        }
        m_parser->frames.feed(std::string_view(buf, static_cast<std::size_t>(n)));
    }
    return std::nullopt;
}

void ServerWebSocket::close(std::uint16_t code)
{
    const bool peerClosed = m_peerClosed;
    if (m_ok || peerClosed) {
        m_peerClosed = true; // lets writeAll send the close frame
        writeAll(WebSocket::encodeFrame(WebSocket::Close, WebSocket::closePayload(code)));
    }
    // Wait briefly for the peer's close frame, as RFC 6455 §7.1.1 asks of the server.
    if (!peerClosed && m_ok) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (m_ok && std::chrono::steady_clock::now() < until)
            readBinary(200);
    }
    m_ok = false;
    SSL_shutdown(m_ssl);
}

namespace {

std::string withCrLf(const std::string &text)
{
    std::string out;
    out.reserve(text.size() + 16);
    for (char ch : text) {
        if (ch == '\n')
            out += '\r';
        out += ch;
    }
    return out;
}

json exitStatus(int code)
{
    if (code == 0)
        return {{"metadata", json::object()}, {"status", "Success"}};
    return {
        {"metadata", json::object()},
        {"status", "Failure"},
        {"message",
         "command terminated with non-zero exit code: exit status " + std::to_string(code)},
        {"reason", "NonZeroExitCode"},
        {"details",
         {{"causes", json::array({{{"reason", "ExitCode"}, {"message", std::to_string(code)}}})}}}};
}

std::string baseName(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

void runExecSession(ServerWebSocket &ws, SimShell &shell, const ExecRequest &request)
{
    enum Channel : char { Stdin = 0, Stdout = 1, Stderr = 2, Error = 3, Resize = 4 };
    auto send = [&](Channel channel, const std::string &data) {
        if (data.empty())
            return;
        if (channel == Stdout && !request.stdoutOpen)
            return;
        if (channel == Stderr && (!request.stderrOpen || request.tty)) {
            if (!request.tty)
                return;
            channel = Stdout; // a terminal has one output
        }
        ws.sendBinary(std::string(1, channel) + (request.tty ? withCrLf(data) : data));
    };
    auto finish = [&](int exitCode) {
        std::string status(1, Error);
        status += exitStatus(exitCode).dump();
        ws.sendBinary(status);
        ws.close(1000);
    };

    enum class Mode { Cat, Shell } mode;
    const bool cat = !request.command.empty() && baseName(request.command[0]) == "cat"
                     && request.command.size() == 1;
    if (cat && request.stdinOpen) {
        mode = Mode::Cat;
    } else {
        SimShell::Outcome o = shell.run(request.command);
        if (!o.interactive || !request.stdinOpen) {
            send(Stdout, o.out);
            send(Stderr, o.err);
            finish(o.interactive ? 0 : o.exitCode);
            return;
        }
        mode = Mode::Shell;
    }

    const std::size_t maxLine = 4096;
    std::string line;
    bool escape = false;
    bool stdinClosed = false;
    if (mode == Mode::Shell && request.tty)
        send(Stdout, shell.prompt());
    // Runs one line of the shell; true when the shell exits.
    auto runLine = [&](const std::string &text) {
        SimShell::Outcome o = shell.runLine(text);
        send(Stdout, o.out);
        send(Stderr, o.err);
        if (o.exit) {
            finish(o.exitCode);
            return true;
        }
        return false;
    };
    while (ws.ok()) {
        auto msg = ws.readBinary(1000);
        if (!msg)
            continue;
        if (msg->empty())
            continue;
        const auto channel = static_cast<unsigned char>((*msg)[0]);
        // The close channel's payload names the closed stream; it is no input.
        const std::string data = channel == 255 ? std::string() : msg->substr(1);
        if (channel == Resize) {
            const json size = json::parse(data, nullptr, false);
            if (size.is_object() && size.contains("Width") && size["Width"].is_number_integer()
                && size.contains("Height") && size["Height"].is_number_integer())
                shell.setTerminalSize(size["Width"].get<int>(), size["Height"].get<int>());
            continue;
        }
        if (channel == 255) {
            if (request.v5 && msg->size() > 1 && (*msg)[1] == Stdin)
                stdinClosed = true;
        } else if (channel != Stdin) {
            continue;
        }
        if (mode == Mode::Cat) {
            send(Stdout, data);
            if (stdinClosed) {
                finish(0);
                return;
            }
            continue;
        }
        if (!request.tty) {
            line += data;
            std::size_t nl;
            while ((nl = line.find('\n')) != std::string::npos) {
                const std::string one = line.substr(0, nl);
                line.erase(0, nl + 1);
                if (runLine(one))
                    return;
            }
            if (line.size() > maxLine)
                line.clear();
            if (stdinClosed) {
                if (!line.empty() && runLine(line))
                    return;
                finish(shell.lastExitCode());
                return;
            }
            continue;
        }
        // A terminal: the line discipline echoes, edits and ends lines on Enter.
        for (char ch : data) {
            const auto c = static_cast<unsigned char>(ch);
            if (escape) {
                if (c >= 0x40 && c <= 0x7E && c != '[')
                    escape = false;
                continue;
            }
            if (c == 0x1B) {
                escape = true;
            } else if (c == '\r' || c == '\n') {
                send(Stdout, "\n");
                const std::string one = line;
                line.clear();
                if (runLine(one))
                    return;
                send(Stdout, shell.prompt());
            } else if (c == 0x7F || c == 0x08) {
                if (!line.empty()) {
                    line.pop_back();
                    send(Stdout, "\b \b");
                }
            } else if (c == 0x03) {
                line.clear();
                send(Stdout, "^C\n" + shell.prompt());
            } else if (c == 0x04) {
                if (line.empty()) {
                    send(Stdout, "exit\n");
                    finish(shell.lastExitCode());
                    return;
                }
            } else if (c >= 0x20 && line.size() < maxLine) {
                line += ch;
                send(Stdout, std::string(1, ch));
            }
        }
        if (stdinClosed) {
            finish(shell.lastExitCode());
            return;
        }
    }
}

std::string simulatedPortAnswer(const ForwardTarget &target, std::string &pending, bool &done)
{
    if (!target.http) {
        std::string out;
        out.swap(pending);
        return out;
    }
    const auto end = pending.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (pending.size() > 16384) {
            done = true;
            return "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\n"
                   "Connection: close\r\n\r\n";
        }
        return {};
    }
    const std::string requestLine = pending.substr(0, pending.find("\r\n"));
    pending.clear();
    done = true;
    const std::string body = "<!doctype html><title>" + target.podName + "</title><p>Hello from "
                             + target.ns + "/" + target.podName + " on port "
                             + std::to_string(target.port) + " (" + requestLine + ")</p>\n";
    return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
           + std::to_string(body.size())
           + "\r\nConnection: close\r\nX-Orrery-Pod: " + target.podName + "\r\n\r\n" + body;
}

std::string refusedPortMessage(const ForwardTarget &target)
{
    const std::string port = std::to_string(target.port);
    // The sandbox id stands where containerd names the pod; the namespace path is the CNI's.
    return "error forwarding port " + port + " to pod " + target.podName + ", uid " + target.podUid
           + ": failed to execute portforward in network namespace " + "\"/var/run/netns/cni-"
           + target.podUid + "\": failed to connect to localhost:" + port + " inside namespace \""
           + target.podName + "\", IPv4: dial tcp4 127.0.0.1:" + port
           + ": connect: connection refused IPv6 dial tcp6 [::1]:" + port
           + ": connect: connection refused ";
}

void runPortForwardSession(ServerWebSocket &ws, const std::vector<ForwardTarget> &targets)
{
    std::vector<std::string> pending(targets.size());
    std::vector<bool> done(targets.size(), false);
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const std::string port{static_cast<char>(targets[i].port & 0xFF),
                               static_cast<char>((targets[i].port >> 8) & 0xFF)};
        ws.sendBinary(std::string(1, static_cast<char>(2 * i)) + port);
        ws.sendBinary(std::string(1, static_cast<char>(2 * i + 1)) + port);
    }
    // The kubelet dials every port at once; a refused one ends with its error, the others go on.
    for (std::size_t i = 0; i < targets.size(); ++i) {
        if (targets[i].listening)
            continue;
        std::string message(1, static_cast<char>(2 * i + 1));
        message += refusedPortMessage(targets[i]);
        ws.sendBinary(message);
        done[i] = true;
    }
    if (std::find(done.begin(), done.end(), false) == done.end()) {
        ws.close(1000);
        return;
    }
    while (ws.ok()) {
        auto msg = ws.readBinary(1000);
        if (!msg || msg->empty())
            continue;
        const auto channel = static_cast<unsigned char>((*msg)[0]);
        if (channel % 2 != 0 || channel / 2 >= targets.size())
            continue;
        const std::size_t i = channel / 2;
        if (done[i])
            continue;
        pending[i] += msg->substr(1);
        bool finished = false;
        const std::string answer = simulatedPortAnswer(targets[i], pending[i], finished);
        if (!answer.empty())
            ws.sendBinary(std::string(1, static_cast<char>(channel)) + answer);
        if (finished) {
            done[i] = true;
            if (std::find(done.begin(), done.end(), false) == done.end()) {
                ws.close(1000);
                return;
            }
        }
    }
}

void runSpdyPortForwardSession(ServerWebSocket &ws,
                               const std::function<ForwardTarget(int port)> &targetFor)
{
    using Spdy::Encoder;
    Spdy::Parser parser;
    Encoder encoder;
    struct Stream
    {
        std::string type;
        std::string requestId;
        bool serverFin = false;
    };
    struct Request
    {
        std::uint32_t data = 0;
        std::uint32_t error = 0;
        int port = 0;
        ForwardTarget target;
        std::string pending;
        bool started = false;
        bool done = false;
    };
    std::map<std::uint32_t, Stream> streams;
    std::map<std::string, Request> requests;
    constexpr std::size_t maxStreams = 256;
    std::uint32_t lastStream = 0;
    auto finishStream = [&](std::uint32_t id) {
        auto it = streams.find(id);
        if (id == 0 || it == streams.end() || it->second.serverFin)
            return;
        it->second.serverFin = true;
        ws.sendBinary(Encoder::data(id, {}, true));
    };
    auto finishRequest = [&](Request &r) {
        r.done = true;
        finishStream(r.data);
        finishStream(r.error);
    };
    while (ws.ok()) {
        auto msg = ws.readBinary(1000);
        if (!msg)
            continue;
        parser.feed(*msg);
        while (auto f = parser.next()) {
            switch (f->type) {
            case Spdy::Type::SynStream: {
                auto header = [&](const char *name) {
                    const auto it = f->headers.find(name);
                    return it == f->headers.end() ? std::string() : it->second;
                };
                lastStream = std::max(lastStream, f->streamId);
                if (streams.size() >= maxStreams) {
                    ws.sendBinary(Encoder::rstStream(f->streamId, 3)); // REFUSED_STREAM
                    break;
                }
                Stream s{header("streamtype"), header("requestid"), false};
                streams[f->streamId] = s;
                ws.sendBinary(encoder.synReply(f->streamId));
                Request &r = requests[s.requestId];
                r.port = std::atoi(header("port").c_str());
                if (s.type == "data")
                    r.data = f->streamId;
                else if (s.type == "error")
                    r.error = f->streamId;
                if (r.data && r.error && !r.started) {
                    r.started = true;
                    r.target = targetFor(r.port);
                    if (!r.target.listening) {
                        ws.sendBinary(Encoder::data(r.error, refusedPortMessage(r.target)));
                        finishRequest(r);
                    }
                }
                break;
            }
            case Spdy::Type::Data: {
                const auto sit = streams.find(f->streamId);
                if (sit == streams.end())
                    break;
                Request &r = requests[sit->second.requestId];
                if (f->streamId != r.data || r.done || !r.started)
                    break;
                r.pending += f->data;
                bool finished = false;
                const std::string answer = simulatedPortAnswer(r.target, r.pending, finished);
                if (!answer.empty())
                    ws.sendBinary(Encoder::data(r.data, answer));
                // The listener closed (HTTP) or kubectl's side did (its FIN): both end.
                if (finished || f->fin())
                    finishRequest(r);
                break;
            }
            case Spdy::Type::RstStream: {
                const auto sit = streams.find(f->streamId);
                if (sit != streams.end()) {
                    sit->second.serverFin = true; // a reset stream takes no more frames
                    Request &r = requests[sit->second.requestId];
                    if (f->streamId == r.data)
                        finishRequest(r);
                }
                break;
            }
            case Spdy::Type::Ping: ws.sendBinary(Encoder::ping(f->value)); break;
            case Spdy::Type::GoAway: return;
            default: break;
            }
        }
        if (parser.failed()) {
            ws.sendBinary(Encoder::goAway(lastStream, 1)); // PROTOCOL_ERROR
            return;
        }
    }
}

} // namespace Orrery::Sim
