// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudencoding.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace Orrery::Sim {

long long wallNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

long long parseIso(const std::string &s)
{
    std::tm tm{};
    if (s.size() < 19
        || sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec)
               != 6)
        return 0;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<long long>(timegm(&tm));
}

std::string percentDecode(const std::string &s, bool plusIsSpace)
{
    const auto hexValue = [](char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            const int hi = hexValue(s[i + 1]);
            const int lo = hexValue(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += plusIsSpace && s[i] == '+' ? ' ' : s[i];
    }
    return out;
}

std::string base64(const std::string &in)
{
    std::string out(4 * ((in.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                  reinterpret_cast<const unsigned char *>(in.data()),
                                  static_cast<int>(in.size()));
    out.resize(static_cast<std::size_t>(std::max(n, 0)));
    return out;
}

std::optional<std::string> base64UrlDecode(const std::string &in)
{
    std::string std64;
    std64.reserve(in.size() + 3);
    for (char c : in) {
        if (c == '-')
            std64 += '+';
        else if (c == '_')
            std64 += '/';
        else if (std::isalnum(static_cast<unsigned char>(c)))
            std64 += c;
        else
            return std::nullopt;
    }
    if (std64.size() % 4 == 1)
        return std::nullopt;
    while (std64.size() % 4)
        std64 += '=';
    std::string out(std64.size() / 4 * 3, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                  reinterpret_cast<const unsigned char *>(std64.data()),
                                  static_cast<int>(std64.size()));
    if (n < 0)
        return std::nullopt;
    std::size_t len = static_cast<std::size_t>(n);
    for (std::size_t i = std64.size(); i > 0 && std64[i - 1] == '='; --i)
        --len;
    out.resize(len);
    return out;
}

bool constantTimeEqual(const std::string &a, const std::string &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

std::vector<std::string> strings(const nlohmann::json &j)
{
    std::vector<std::string> out;
    if (j.is_array())
        for (const nlohmann::json &s : j)
            if (s.is_string())
                out.push_back(s.get<std::string>());
    return out;
}

} // namespace Orrery::Sim
