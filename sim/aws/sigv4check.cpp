// SPDX-License-Identifier: GPL-3.0-or-later
#include "sigv4check.h"

#include "front/cloudencoding.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cctype>
#include <ctime>

namespace Orrery::Sim::SigV4 {

std::string toHex(const std::string &bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::string sha256Hex(const std::string &data)
{
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(data.data()), data.size(), md);
    return toHex(std::string(reinterpret_cast<const char *>(md), sizeof md));
}

std::string hmac(const std::string &key, const std::string &data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char *>(data.data()), data.size(), md, &len);
    return std::string(reinterpret_cast<const char *>(md), len);
}

std::string uriEncode(const std::string &s, bool keepSlash)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~'
            || (keepSlash && c == '/')) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

Pairs parseQuery(const std::string &query)
{
    Pairs out;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos)
            end = query.size();
        const std::string part = query.substr(start, end - start);
        if (!part.empty()) {
            const std::size_t eq = part.find('=');
            if (eq == std::string::npos)
                out.emplace_back(percentDecode(part), std::string());
            else
                out.emplace_back(percentDecode(part.substr(0, eq)),
                                 percentDecode(part.substr(eq + 1)));
        }
        start = end + 1;
    }
    return out;
}

std::string canonicalQuery(const Pairs &query)
{
    std::vector<std::pair<std::string, std::string>> encoded;
    encoded.reserve(query.size());
    for (const auto &[k, v] : query)
        encoded.emplace_back(uriEncode(k, false), uriEncode(v, false));
    std::sort(encoded.begin(), encoded.end());
    std::string out;
    for (const auto &[k, v] : encoded) {
        if (!out.empty())
            out += '&';
        out += k + '=' + v;
    }
    return out;
}

std::string canonicalUri(const std::string &path)
{
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        const std::string seg = path.substr(start, end - start);
        if (seg == "..") {
            if (!segments.empty())
                segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.push_back(seg);
        }
        start = end + 1;
    }
    std::string normalized = "/";
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (i > 0)
            normalized += '/';
        normalized += segments[i];
    }
    if (!segments.empty() && path.size() > 1 && path.back() == '/')
        normalized += '/';
    return uriEncode(normalized, true);
}

std::string signingKey(const std::string &secret, const std::string &date,
                       const std::string &region, const std::string &service)
{
    std::string k = hmac("AWS4" + secret, date);
    k = hmac(k, region);
    k = hmac(k, service);
    return hmac(k, "aws4_request");
}

bool Scope::parse(const std::string &credential)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (parts.size() < 6) {
        const std::size_t slash = credential.find('/', start);
        parts.push_back(credential.substr(start, slash == std::string::npos ? std::string::npos
                                                                            : slash - start));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    if (parts.size() != 5 || parts[4] != "aws4_request" || parts[1].size() != 8)
        return false;
    accessKeyId = parts[0];
    date = parts[1];
    region = parts[2];
    service = parts[3];
    return !accessKeyId.empty() && !region.empty() && !service.empty();
}

namespace {

std::string trimCollapse(const std::string &v)
{
    std::string out;
    bool space = false;
    for (char c : v) {
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

} // namespace

std::string canonicalRequest(const Request &request, const std::string &signedHeaders)
{
    std::string headers;
    std::size_t start = 0;
    while (start <= signedHeaders.size()) {
        std::size_t end = signedHeaders.find(';', start);
        if (end == std::string::npos)
            end = signedHeaders.size();
        const std::string name = signedHeaders.substr(start, end - start);
        std::string joined;
        auto [lo, hi] = request.headers.equal_range(name);
        for (auto it = lo; it != hi; ++it) {
            if (it != lo)
                joined += ',';
            joined += trimCollapse(it->second);
        }
        headers += name + ':' + joined + '\n';
        start = end + 1;
    }
    return request.method + '\n' + canonicalUri(request.path) + '\n' + canonicalQuery(request.query)
           + '\n' + headers + '\n' + signedHeaders + '\n' + request.payloadHash;
}

std::string stringToSign(const std::string &amzDate, const Scope &scope,
                         const std::string &canonical)
{
    return "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope.date + '/' + scope.region + '/'
           + scope.service + "/aws4_request\n" + sha256Hex(canonical);
}

std::string signature(const std::string &secret, const Scope &scope, const std::string &amzDate,
                      const std::string &canonical)
{
    return toHex(hmac(signingKey(secret, scope.date, scope.region, scope.service),
                      stringToSign(amzDate, scope, canonical)));
}

long long parseAmzDate(const std::string &amzDate)
{
    if (amzDate.size() != 16 || amzDate[8] != 'T' || amzDate[15] != 'Z')
        return -1;
    for (int i : {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14})
        if (!std::isdigit(static_cast<unsigned char>(amzDate[static_cast<std::size_t>(i)])))
            return -1;
    std::tm tm{};
    tm.tm_year = std::stoi(amzDate.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(amzDate.substr(4, 2)) - 1;
    tm.tm_mday = std::stoi(amzDate.substr(6, 2));
    tm.tm_hour = std::stoi(amzDate.substr(9, 2));
    tm.tm_min = std::stoi(amzDate.substr(11, 2));
    tm.tm_sec = std::stoi(amzDate.substr(13, 2));
    return static_cast<long long>(timegm(&tm));
}

} // namespace Orrery::Sim::SigV4
