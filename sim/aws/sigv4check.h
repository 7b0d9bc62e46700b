// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace Orrery::Sim::SigV4 {

// AWS Signature Version 4 as a server recomputes it (plain C++ and OpenSSL; the simulator
// never uses Orrery's own signer in core/cloud, so the two check each other).

using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string sha256Hex(const std::string &data);
std::string hmac(const std::string &key, const std::string &data);
std::string toHex(const std::string &bytes);
// RFC 3986 percent-encoding (unreserved kept, upper-case hex); '/' kept when keepSlash.
std::string uriEncode(const std::string &s, bool keepSlash);
// "a=1&b=%2F" -> decoded pairs (a missing '=' gives an empty value). Bounded by its input.
Pairs parseQuery(const std::string &query);
// Sorted by encoded name then value, names and values encoded.
std::string canonicalQuery(const Pairs &query);
// Every service but S3: the path as sent, encoded once more, "." and ".." and empty segments
// removed.
std::string canonicalUri(const std::string &path);
std::string signingKey(const std::string &secret, const std::string &date,
                       const std::string &region, const std::string &service);

// The credential scope's parts: AKID/20261207/eu-west-3/eks/aws4_request.
struct Scope
{
    std::string accessKeyId;
    std::string date;
    std::string region;
    std::string service;
    bool parse(const std::string &credential);
};

// One request, as the server received it.
struct Request
{
    std::string method;
    std::string path; // as on the request line, without the query
    Pairs query;      // decoded, in order (X-Amz-Signature excluded by the caller or not)
    // Header name (lower case) -> values in order.
    std::multimap<std::string, std::string> headers;
    std::string payloadHash; // hex SHA-256 of the body
};

// The canonical request and string to sign for `signedHeaders` ("host;x-amz-date").
std::string canonicalRequest(const Request &request, const std::string &signedHeaders);
std::string stringToSign(const std::string &amzDate, const Scope &scope,
                         const std::string &canonical);
std::string signature(const std::string &secret, const Scope &scope, const std::string &amzDate,
                      const std::string &canonical);

// "20261207T131221Z" -> seconds since the epoch; -1 when malformed.
long long parseAmzDate(const std::string &amzDate);

} // namespace Orrery::Sim::SigV4
