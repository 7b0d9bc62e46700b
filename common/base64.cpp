// SPDX-License-Identifier: GPL-3.0-or-later
#include "base64.h"

namespace Orrery::Base64 {

namespace {

constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

} // namespace

std::string encode(std::string_view bytes)
{
    std::string out;
    out.reserve(4 * ((bytes.size() + 2) / 3));
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = unsigned(static_cast<unsigned char>(bytes[i])) << 16
                           | unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8
                           | unsigned(static_cast<unsigned char>(bytes[i + 2]));
        out += Alphabet[(v >> 18) & 63];
        out += Alphabet[(v >> 12) & 63];
        out += Alphabet[(v >> 6) & 63];
        out += Alphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        unsigned v = unsigned(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2)
            v |= unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += Alphabet[(v >> 18) & 63];
        out += Alphabet[(v >> 12) & 63];
        out += rest == 2 ? Alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::string> decode(std::string_view text)
{
    // Padding only at the end, at most two characters, and only to a multiple of four.
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '=')
        --end;
    const std::size_t padding = text.size() - end;
    if (padding > 2 || (padding > 0 && text.size() % 4 != 0))
        return std::nullopt;
    if (end % 4 == 1)
        return std::nullopt; // one sextet cannot encode a byte
    std::string out;
    out.reserve(end / 4 * 3 + 2);
    unsigned buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < end; ++i) {
        const int d = sextet(static_cast<unsigned char>(text[i]));
        if (d < 0)
            return std::nullopt;
        buffer = (buffer << 6) | unsigned(d);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

} // namespace Orrery::Base64
