// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Orrery::Sim::Spdy {

// SPDY/3.1 framing as kubectl's port-forward speaks it (moby/spdystream under client-go's
// httpstream): control frames (SYN_STREAM, SYN_REPLY, RST_STREAM, SETTINGS, PING, GOAWAY,
// HEADERS, WINDOW_UPDATE) and data frames, with header blocks compressed by one zlib stream
// per direction primed with the SPDY/3 dictionary. No I/O: the server feeds the bytes it read
// and writes what the encoders return. Bounded: a frame over `maxFrameBytes` or a header block
// inflating past `maxHeaderBytes` fails the parser, which then stays failed.

enum class Type : std::uint16_t {
    Data = 0,
    SynStream = 1,
    SynReply = 2,
    RstStream = 3,
    Settings = 4,
    Ping = 6,
    GoAway = 7,
    Headers = 8,
    WindowUpdate = 9,
};

constexpr std::uint8_t FlagFin = 0x01;

using HeaderList = std::multimap<std::string, std::string>; // names in lower case

struct Frame
{
    Type type = Type::Data;
    std::uint8_t flags = 0;
    std::uint32_t streamId = 0; // data, SYN_*, RST, HEADERS, WINDOW_UPDATE; GOAWAY's last id
    std::uint32_t value = 0;    // RST/GOAWAY status, PING id, WINDOW_UPDATE delta
    std::string data;           // a data frame's payload
    HeaderList headers;         // SYN_STREAM, SYN_REPLY, HEADERS
    bool fin() const { return flags & FlagFin; }
};

// The SPDY/3 header dictionary (1423 bytes).
const std::string &dictionary();

class Parser
{
public:
    explicit Parser(std::size_t maxFrameBytes = 1 << 20, std::size_t maxHeaderBytes = 64 << 10);
    ~Parser();
    Parser(const Parser &) = delete;
    Parser &operator=(const Parser &) = delete;

    void feed(std::string_view bytes);
    // The next complete frame; frames of unknown types and versions are skipped.
    std::optional<Frame> next();
    bool failed() const { return !m_error.empty(); }
    const std::string &error() const { return m_error; }

private:
    bool inflateHeaders(std::string_view block, HeaderList &out);

    std::string m_buffer;
    std::size_t m_maxFrame;
    std::size_t m_maxHeader;
    std::string m_error;
    struct Inflater;
    std::unique_ptr<Inflater> m_inflater;
};

// Encodes the server's frames; header blocks share one deflate stream.
class Encoder
{
public:
    Encoder();
    ~Encoder();
    Encoder(const Encoder &) = delete;
    Encoder &operator=(const Encoder &) = delete;

    std::string synReply(std::uint32_t streamId, const HeaderList &headers = {}, bool fin = false);
    static std::string data(std::uint32_t streamId, std::string_view payload, bool fin = false);
    static std::string rstStream(std::uint32_t streamId, std::uint32_t status);
    static std::string ping(std::uint32_t id);
    static std::string goAway(std::uint32_t lastStreamId, std::uint32_t status = 0);
    // A client's SYN_STREAM (for tests and the fuzz target's seeds).
    std::string synStream(std::uint32_t streamId, const HeaderList &headers, bool fin = false);

private:
    std::string compress(const HeaderList &headers);
    struct Deflater;
    std::unique_ptr<Deflater> m_deflater;
};

} // namespace Orrery::Sim::Spdy
