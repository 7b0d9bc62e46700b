// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Orrery::WebSocket {

// RFC 6455 framing, written once for the simulator's exec and port-forward endpoints and
// core's client (ExecSession, PortForwardSession). No I/O and no handshake here: the callers
// own their sockets; the Sec-WebSocket-Accept hash is computed on each side (OpenSSL, Qt).

enum Opcode : std::uint8_t {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// The GUID RFC 6455 §1.3 appends to Sec-WebSocket-Key before hashing.
inline constexpr std::string_view acceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

// One frame with FIN set. A client masks (RFC 6455 §5.3) with `mask`; a server sends
// unmasked (std::nullopt).
std::string encodeFrame(Opcode opcode, std::string_view payload,
                        std::optional<std::uint32_t> mask = std::nullopt);

// A close frame's payload: the status code, big-endian, then the reason.
std::string closePayload(std::uint16_t code, std::string_view reason = {});

struct Message
{
    Opcode opcode = Binary; // Text, Binary, Close, Ping or Pong; never Continuation
    std::string payload;
};

// Reassembles messages from bytes as they arrive. Tolerant and bounded: a message over
// `maxMessageBytes`, a control frame over 125 bytes or fragmented, a reserved bit or opcode,
// a continuation without a start, or a frame masked the wrong way for `fromClient` puts the
// parser in the failed state (error() says why); the caller then closes with 1002 or 1009.
class FrameParser
{
public:
    explicit FrameParser(bool fromClient, std::size_t maxMessageBytes = 1 << 20);

    void feed(std::string_view bytes);
    // The next complete message, if any. Call until empty after each feed.
    std::optional<Message> next();

    bool failed() const { return !m_error.empty(); }
    const std::string &error() const { return m_error; }
    // 1009 (too big) or 1002 (protocol error), for the close frame.
    std::uint16_t closeCode() const { return m_closeCode; }

private:
    bool fail(std::uint16_t code, std::string why);

    bool m_fromClient;
    std::size_t m_max;
    std::string m_buffer;   // unparsed bytes (at most one frame header plus payload)
    std::string m_fragment; // the data message being reassembled
    std::optional<Opcode> m_fragmentOpcode;
    std::string m_error;
    std::uint16_t m_closeCode = 0;
};

} // namespace Orrery::WebSocket
