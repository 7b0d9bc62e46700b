// SPDX-License-Identifier: GPL-3.0-or-later
#include "spdyframe.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace Orrery::Sim::Spdy {

namespace {

constexpr std::uint16_t version = 3;

std::uint32_t be32(std::string_view s, std::size_t at)
{
    return (std::uint32_t(std::uint8_t(s[at])) << 24)
           | (std::uint32_t(std::uint8_t(s[at + 1])) << 16)
           | (std::uint32_t(std::uint8_t(s[at + 2])) << 8) | std::uint32_t(std::uint8_t(s[at + 3]));
}

void put32(std::string &out, std::uint32_t v)
{
    out += char((v >> 24) & 0xFF);
    out += char((v >> 16) & 0xFF);
    out += char((v >> 8) & 0xFF);
    out += char(v & 0xFF);
}

std::string controlFrame(Type type, std::uint8_t flags, const std::string &payload)
{
    std::string out;
    out += char(0x80 | (version >> 8));
    out += char(version & 0xFF);
    out += char((std::uint16_t(type) >> 8) & 0xFF);
    out += char(std::uint16_t(type) & 0xFF);
    out += char(flags);
    const auto length = std::uint32_t(payload.size());
    out += char((length >> 16) & 0xFF);
    out += char((length >> 8) & 0xFF);
    out += char(length & 0xFF);
    return out + payload;
}

} // namespace

const std::string &dictionary()
{
    // The SPDY/3 draft's dictionary: length-prefixed header names and values, then a run of
    // common status codes, dates and content types. 1423 bytes, zlib dictionary id 0xe3c6a7c2.
    static const std::string dict = [] {
        const char *words[] = {"options",
                               "head",
                               "post",
                               "put",
                               "delete",
                               "trace",
                               "accept",
                               "accept-charset",
                               "accept-encoding",
                               "accept-language",
                               "accept-ranges",
                               "age",
                               "allow",
                               "authorization",
                               "cache-control",
                               "connection",
                               "content-base",
                               "content-encoding",
                               "content-language",
                               "content-length",
                               "content-location",
                               "content-md5",
                               "content-range",
                               "content-type",
                               "date",
                               "etag",
                               "expect",
                               "expires",
                               "from",
                               "host",
                               "if-match",
                               "if-modified-since",
                               "if-none-match",
                               "if-range",
                               "if-unmodified-since",
                               "last-modified",
                               "location",
                               "max-forwards",
                               "pragma",
                               "proxy-authenticate",
                               "proxy-authorization",
                               "range",
                               "referer",
                               "retry-after",
                               "server",
                               "te",
                               "trailer",
                               "transfer-encoding",
                               "upgrade",
                               "user-agent",
                               "vary",
                               "via",
                               "warning",
                               "www-authenticate",
                               "method",
                               "get",
                               "status",
                               "200 OK",
                               "version",
                               "HTTP/1.1",
                               "url",
                               "public",
                               "set-cookie",
                               "keep-alive",
                               "origin"};
        std::string d;
        for (const char *w : words) {
            put32(d, std::uint32_t(std::strlen(w)));
            d += w;
        }
        d += "100101201202205206300302303304305306307402405406407408409410411412413414415416417"
             "502504505203 Non-Authoritative Information204 No Content301 Moved Permanently"
             "400 Bad Request401 Unauthorized403 Forbidden404 Not Found500 Internal Server "
             "Error501 Not Implemented503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug "
             "Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,"
             "image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,"
             "text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-"
             "8859-1,utf-,*,enq=0.";
        return d;
    }();
    return dict;
}

// --- Parser --------------------------------------------------------------------------------

struct Parser::Inflater
{
    z_stream z{};
    bool ok = false;
    Inflater() { ok = inflateInit(&z) == Z_OK; }
    ~Inflater() { inflateEnd(&z); }
};

Parser::Parser(std::size_t maxFrameBytes, std::size_t maxHeaderBytes)
    : m_maxFrame(maxFrameBytes)
    , m_maxHeader(maxHeaderBytes)
    , m_inflater(std::make_unique<Inflater>())
{
}

Parser::~Parser() = default;

void Parser::feed(std::string_view bytes)
{
    if (failed())
        return;
    m_buffer.append(bytes);
}

bool Parser::inflateHeaders(std::string_view block, HeaderList &out)
{
    if (!m_inflater->ok) {
        m_error = "zlib";
        return false;
    }
    z_stream &z = m_inflater->z;
    std::string plain;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(block.data()));
    z.avail_in = uInt(block.size());
    char chunk[4096];
    while (true) {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        const int r = inflate(&z, Z_SYNC_FLUSH);
        plain.append(chunk, sizeof chunk - z.avail_out);
        if (plain.size() > m_maxHeader) {
            m_error = "header block too large";
            return false;
        }
        if (r == Z_NEED_DICT) {
            const std::string &d = dictionary();
            if (inflateSetDictionary(&z, reinterpret_cast<const Bytef *>(d.data()), uInt(d.size()))
                != Z_OK) {
                m_error = "wrong header dictionary";
                return false;
            }
            continue;
        }
        if (r == Z_BUF_ERROR || (r == Z_OK && z.avail_in == 0 && z.avail_out != 0))
            break; // every byte used and the output flushed
        if (r != Z_OK) {
            m_error = "corrupt header block";
            return false;
        }
    }
    // count, then (name length, name, value length, value) each; values split on NUL.
    if (plain.size() < 4) {
        m_error = "short header block";
        return false;
    }
    const std::uint32_t count = be32(plain, 0);
    std::size_t at = 4;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string parts[2];
        for (std::string &part : parts) {
            if (plain.size() - at < 4) {
                m_error = "truncated header block";
                return false;
            }
            const std::uint32_t length = be32(plain, at);
            at += 4;
            if (plain.size() - at < length) {
                m_error = "truncated header block";
                return false;
            }
            part = plain.substr(at, length);
            at += length;
        }
        std::transform(parts[0].begin(), parts[0].end(), parts[0].begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        std::size_t start = 0;
        while (true) {
            const std::size_t nul = parts[1].find('\0', start);
            out.emplace(parts[0], parts[1].substr(start, nul - start));
            if (nul == std::string::npos)
                break;
            start = nul + 1;
        }
    }
    return true;
}

std::optional<Frame> Parser::next()
{
    while (!failed()) {
        if (m_buffer.size() < 8)
            return std::nullopt;
        const auto b0 = std::uint8_t(m_buffer[0]);
        const std::uint32_t length = (std::uint32_t(std::uint8_t(m_buffer[5])) << 16)
                                     | (std::uint32_t(std::uint8_t(m_buffer[6])) << 8)
                                     | std::uint32_t(std::uint8_t(m_buffer[7]));
        if (length > m_maxFrame) {
            m_error = "frame too large";
            return std::nullopt;
        }
        if (m_buffer.size() < 8 + std::size_t(length))
            return std::nullopt;
        const std::string payload = m_buffer.substr(8, length);
        const std::string head = m_buffer.substr(0, 8);
        m_buffer.erase(0, 8 + std::size_t(length));
        Frame f;
        f.flags = std::uint8_t(head[4]);
        if (!(b0 & 0x80)) {
            f.type = Type::Data;
            f.streamId = be32(head, 0) & 0x7FFFFFFF;
            f.data = payload;
            return f;
        }
        const std::uint16_t frameVersion
            = std::uint16_t(((b0 & 0x7F) << 8) | std::uint8_t(head[1]));
        const auto type
            = std::uint16_t((std::uint16_t(std::uint8_t(head[2])) << 8) | std::uint8_t(head[3]));
        if (frameVersion != version)
            continue; // spdystream answers another version with a reset; nothing sends one
        auto need = [&](std::size_t n) {
            if (payload.size() >= n)
                return true;
            m_error = "short control frame";
            return false;
        };
        f.type = Type(type);
        switch (f.type) {
        case Type::SynStream:
            if (!need(10))
                return std::nullopt;
            f.streamId = be32(payload, 0) & 0x7FFFFFFF;
            if (!inflateHeaders(std::string_view(payload).substr(10), f.headers))
                return std::nullopt;
            return f;
        case Type::SynReply:
        case Type::Headers:
            if (!need(4))
                return std::nullopt;
            f.streamId = be32(payload, 0) & 0x7FFFFFFF;
            if (!inflateHeaders(std::string_view(payload).substr(4), f.headers))
                return std::nullopt;
            return f;
        case Type::RstStream:
        case Type::WindowUpdate:
            if (!need(8))
                return std::nullopt;
            f.streamId = be32(payload, 0) & 0x7FFFFFFF;
            f.value = be32(payload, 4) & (f.type == Type::WindowUpdate ? 0x7FFFFFFF : 0xFFFFFFFF);
            return f;
        case Type::Ping:
            if (!need(4))
                return std::nullopt;
            f.value = be32(payload, 0);
            return f;
        case Type::GoAway:
            if (!need(4))
                return std::nullopt;
            f.streamId = be32(payload, 0) & 0x7FFFFFFF;
            f.value = payload.size() >= 8 ? be32(payload, 4) : 0;
            return f;
        case Type::Settings: return f; // nothing the simulator needs from them
        default: continue;             // unknown control frames are ignored, as SPDY asks
        }
    }
    return std::nullopt;
}

// --- Encoder -------------------------------------------------------------------------------

struct Encoder::Deflater
{
    z_stream z{};
    bool ok = false;
    Deflater()
    {
        ok = deflateInit(&z, Z_DEFAULT_COMPRESSION) == Z_OK;
        if (ok) {
            const std::string &d = dictionary();
            ok = deflateSetDictionary(&z, reinterpret_cast<const Bytef *>(d.data()), uInt(d.size()))
                 == Z_OK;
        }
    }
    ~Deflater() { deflateEnd(&z); }
};

Encoder::Encoder()
    : m_deflater(std::make_unique<Deflater>())
{
}

Encoder::~Encoder() = default;

std::string Encoder::compress(const HeaderList &headers)
{
    std::string plain;
    std::map<std::string, std::string> joined; // one entry per name, values NUL-separated
    for (const auto &[name, value] : headers) {
        auto [it, inserted] = joined.emplace(name, value);
        if (!inserted)
            it->second += std::string(1, '\0') + value;
    }
    put32(plain, std::uint32_t(joined.size()));
    for (const auto &[name, value] : joined) {
        put32(plain, std::uint32_t(name.size()));
        plain += name;
        put32(plain, std::uint32_t(value.size()));
        plain += value;
    }
    std::string out;
    if (!m_deflater->ok)
        return out;
    z_stream &z = m_deflater->z;
    z.next_in = reinterpret_cast<Bytef *>(plain.data());
    z.avail_in = uInt(plain.size());
    char chunk[4096];
    do {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        deflate(&z, Z_SYNC_FLUSH);
        out.append(chunk, sizeof chunk - z.avail_out);
    } while (z.avail_out == 0);
    return out;
}

std::string Encoder::synReply(std::uint32_t streamId, const HeaderList &headers, bool fin)
{
    std::string payload;
    put32(payload, streamId & 0x7FFFFFFF);
    payload += compress(headers);
    return controlFrame(Type::SynReply, fin ? FlagFin : 0, payload);
}

std::string Encoder::synStream(std::uint32_t streamId, const HeaderList &headers, bool fin)
{
    std::string payload;
    put32(payload, streamId & 0x7FFFFFFF);
    put32(payload, 0); // associated stream
    payload += '\0';   // priority
    payload += '\0';   // slot
    payload += compress(headers);
    return controlFrame(Type::SynStream, fin ? FlagFin : 0, payload);
}

std::string Encoder::data(std::uint32_t streamId, std::string_view payload, bool fin)
{
    std::string out;
    put32(out, streamId & 0x7FFFFFFF);
    out += char(fin ? FlagFin : 0);
    const auto length = std::uint32_t(payload.size());
    out += char((length >> 16) & 0xFF);
    out += char((length >> 8) & 0xFF);
    out += char(length & 0xFF);
    out.append(payload);
    return out;
}

std::string Encoder::rstStream(std::uint32_t streamId, std::uint32_t status)
{
    std::string payload;
    put32(payload, streamId & 0x7FFFFFFF);
    put32(payload, status);
    return controlFrame(Type::RstStream, 0, payload);
}

std::string Encoder::ping(std::uint32_t id)
{
    std::string payload;
    put32(payload, id);
    return controlFrame(Type::Ping, 0, payload);
}

std::string Encoder::goAway(std::uint32_t lastStreamId, std::uint32_t status)
{
    std::string payload;
    put32(payload, lastStreamId & 0x7FFFFFFF);
    put32(payload, status);
    return controlFrame(Type::GoAway, 0, payload);
}

} // namespace Orrery::Sim::Spdy
