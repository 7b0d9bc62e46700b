// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketframe.h"

namespace Orrery::WebSocket {

std::string encodeFrame(Opcode opcode, std::string_view payload, std::optional<std::uint32_t> mask)
{
    std::string out;
    out.reserve(payload.size() + 14);
    out.push_back(static_cast<char>(0x80 | opcode));
    const std::uint8_t maskBit = mask ? 0x80 : 0;
    const std::size_t n = payload.size();
    if (n < 126) {
        out.push_back(static_cast<char>(maskBit | n));
    } else if (n <= 0xFFFF) {
        out.push_back(static_cast<char>(maskBit | 126));
        out.push_back(static_cast<char>((n >> 8) & 0xFF));
        out.push_back(static_cast<char>(n & 0xFF));
    } else {
        out.push_back(static_cast<char>(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.push_back(static_cast<char>((static_cast<std::uint64_t>(n) >> shift) & 0xFF));
    }
    if (!mask) {
        out.append(payload);
        return out;
    }
    const std::uint8_t key[4]
        = {static_cast<std::uint8_t>(*mask >> 24), static_cast<std::uint8_t>(*mask >> 16),
           static_cast<std::uint8_t>(*mask >> 8), static_cast<std::uint8_t>(*mask)};
    out.append(reinterpret_cast<const char *>(key), 4);
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(static_cast<char>(static_cast<std::uint8_t>(payload[i]) ^ key[i % 4]));
    return out;
}

std::string closePayload(std::uint16_t code, std::string_view reason)
{
    std::string out;
    out.push_back(static_cast<char>(code >> 8));
    out.push_back(static_cast<char>(code & 0xFF));
    out.append(reason.substr(0, 123));
    return out;
}

FrameParser::FrameParser(bool fromClient, std::size_t maxMessageBytes)
    : m_fromClient(fromClient)
    , m_max(maxMessageBytes)
{
}

bool FrameParser::fail(std::uint16_t code, std::string why)
{
    m_closeCode = code;
    m_error = std::move(why);
    m_buffer.clear();
    m_fragment.clear();
    return false;
}

void FrameParser::feed(std::string_view bytes)
{
    if (!failed())
        m_buffer.append(bytes);
}

std::optional<Message> FrameParser::next()
{
    while (!failed()) {
        const auto *b = reinterpret_cast<const std::uint8_t *>(m_buffer.data());
        const std::size_t have = m_buffer.size();
        if (have < 2)
            return std::nullopt;
        const bool fin = b[0] & 0x80;
        if (b[0] & 0x70) {
            fail(1002, "reserved bits set");
            return std::nullopt;
        }
        const auto opcode = static_cast<Opcode>(b[0] & 0x0F);
        const bool masked = b[1] & 0x80;
        std::uint64_t len = b[1] & 0x7F;
        std::size_t pos = 2;
        if (len == 126) {
            if (have < 4)
                return std::nullopt;
            len = (std::uint64_t(b[2]) << 8) | b[3];
            pos = 4;
        } else if (len == 127) {
            if (have < 10)
                return std::nullopt;
            len = 0;
            for (int i = 0; i < 8; ++i)
                len = (len << 8) | b[2 + i];
            pos = 10;
        }
        const bool control = opcode & 0x8;
        if (opcode != Continuation && opcode != Text && opcode != Binary && opcode != Close
            && opcode != Ping && opcode != Pong) {
            fail(1002, "unknown opcode");
            return std::nullopt;
        }
        if (masked != m_fromClient) {
            fail(1002, m_fromClient ? "client frame not masked" : "server frame masked");
            return std::nullopt;
        }
        if (control && (len > 125 || !fin)) {
            fail(1002, "invalid control frame");
            return std::nullopt;
        }
        if (!control && len + m_fragment.size() > m_max) {
            fail(1009, "message too big");
            return std::nullopt;
        }
        const std::size_t maskLen = masked ? 4 : 0;
        if (have < pos + maskLen + len)
            return std::nullopt;
        std::string payload = m_buffer.substr(pos + maskLen, static_cast<std::size_t>(len));
        if (masked) {
            const std::uint8_t *key = b + pos;
            for (std::size_t i = 0; i < payload.size(); ++i)
                payload[i] = static_cast<char>(static_cast<std::uint8_t>(payload[i]) ^ key[i % 4]);
        }
        m_buffer.erase(0, pos + maskLen + static_cast<std::size_t>(len));
        if (control)
            return Message{opcode, std::move(payload)};
        if (opcode == Continuation) {
            if (!m_fragmentOpcode) {
                fail(1002, "continuation without a message");
                return std::nullopt;
            }
            m_fragment += payload;
        } else {
            if (m_fragmentOpcode) {
                fail(1002, "new message inside a fragmented one");
                return std::nullopt;
            }
            m_fragmentOpcode = opcode;
            m_fragment = std::move(payload);
        }
        if (fin) {
            Message m{*m_fragmentOpcode, std::move(m_fragment)};
            m_fragment.clear();
            m_fragmentOpcode.reset();
            return m;
        }
    }
    return std::nullopt;
}

} // namespace Orrery::WebSocket
