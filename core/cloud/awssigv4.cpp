// SPDX-License-Identifier: GPL-3.0-or-later
#include "awssigv4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <map>

namespace Orrery {

namespace {

// Headers never signed: hop-by-hop headers and those a proxy or the HTTP stack may change
// (botocore's SIGNED_HEADERS_BLACKLIST), plus Authorization itself.
bool isUnsignedHeader(const QByteArray &lowerName)
{
    static const char *const names[] = {"authorization",
                                        "connection",
                                        "expect",
                                        "keep-alive",
                                        "proxy-authenticate",
                                        "proxy-authorization",
                                        "te",
                                        "trailer",
                                        "transfer-encoding",
                                        "upgrade",
                                        "user-agent",
                                        "x-amzn-trace-id"};
    for (const char *n : names) {
        if (lowerName == n)
            return true;
    }
    return false;
}

// Leading and trailing whitespace removed, inner runs of spaces and tabs as one space
// (the SigV4 rule; it applies inside quotes too, see the get-header-value-trim vector).
QByteArray canonicalHeaderValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (char c : value) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

struct CanonicalHeaders
{
    QByteArray block; // "name:value\n" per header
    QByteArray signedNames;
};

CanonicalHeaders canonicalHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    std::map<QByteArray, QByteArray> byName; // sorted by lower-case name
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.trimmed().toLower();
        if (lower.isEmpty() || isUnsignedHeader(lower))
            continue;
        QByteArray &joined = byName[lower];
        if (!joined.isEmpty())
            joined += ',';
        joined += canonicalHeaderValue(value);
    }
    CanonicalHeaders out;
    for (const auto &[name, value] : byName) {
        out.block += name + ':' + value + '\n';
        if (!out.signedNames.isEmpty())
            out.signedNames += ';';
        out.signedNames += name;
    }
    return out;
}

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

AwsSigV4::Signature finish(const AwsRequest &request, const QByteArray &canonicalQuery,
                           const CanonicalHeaders &headers, const QByteArray &payloadHash,
                           const AwsCredentials &credentials, const AwsSigV4::Options &options)
{
    AwsSigV4::Signature s;
    s.signedHeaders = headers.signedNames;
    s.canonicalRequest = request.method.toUpper() + '\n'
                         + AwsSigV4::canonicalUri(request.path, options.normalizePath) + '\n'
                         + canonicalQuery + '\n' + headers.block + '\n' + headers.signedNames + '\n'
                         + payloadHash;
    s.stringToSign = QByteArray(AwsSigV4::Algorithm) + '\n' + AwsSigV4::amzDate(options.time) + '\n'
                     + AwsSigV4::credentialScope(options.time, options.region, options.service)
                     + '\n' + AwsSigV4::sha256Hex(s.canonicalRequest);
    const QByteArray key = AwsSigV4::signingKey(credentials.secretAccessKey, options.time,
                                                options.region, options.service);
    s.signature = hmac(key, s.stringToSign).toHex();
    return s;
}

QByteArray payloadHashFor(const AwsRequest &request, const AwsSigV4::Options &options)
{
    return options.payloadHash.isEmpty() ? AwsSigV4::sha256Hex(request.body) : options.payloadHash;
}

} // namespace

QByteArray AwsSigV4::uriEncode(const QByteArray &bytes, bool keepSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                                || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                                || c == '~';
        if (unreserved || (keepSlash && c == '/')) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

QByteArray AwsSigV4::canonicalUri(const QByteArray &path, bool normalize)
{
    QByteArray p = path.isEmpty() ? QByteArray("/") : path;
    if (normalize) {
        // RFC 3986 remove_dot_segments, and empty segments ("//") dropped, as aws-c-auth does.
        QList<QByteArray> kept;
        const QList<QByteArray> segments = p.split('/');
        for (const QByteArray &seg : segments) {
            if (seg.isEmpty() || seg == ".")
                continue;
            if (seg == "..") {
                if (!kept.isEmpty())
                    kept.removeLast();
                continue;
            }
            kept.append(seg);
        }
        const QByteArray last = segments.isEmpty() ? QByteArray() : segments.last();
        const bool trailingSlash = last.isEmpty() || last == "." || last == "..";
        QByteArray normalized = "/" + kept.join('/');
        if (trailingSlash && !kept.isEmpty())
            normalized += '/';
        p = normalized;
    }
    return uriEncode(p, true);
}

QByteArray AwsSigV4::canonicalQuery(const QList<QPair<QString, QString>> &query)
{
    // Sorted by encoded name, then encoded value (byte order), as the SigV4 documentation and
    // botocore do. aws-c-auth sorts by the name before encoding: the two differ only for
    // names with characters that need encoding (see tests/core/tst_sigv4.cpp).
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(query.size());
    for (const auto &[name, value] : query)
        encoded.append({uriEncode(name.toUtf8(), false), uriEncode(value.toUtf8(), false)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &[name, value] : encoded) {
        if (!out.isEmpty())
            out += '&';
        out += name + '=' + value;
    }
    return out;
}

QByteArray AwsSigV4::amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray AwsSigV4::credentialScope(const QDateTime &time, const QString &region,
                                     const QString &service)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1() + '/' + region.toUtf8()
           + '/' + service.toUtf8() + "/aws4_request";
}

QByteArray AwsSigV4::signingKey(const QString &secretAccessKey, const QDateTime &time,
                                const QString &region, const QString &service)
{
    const QByteArray date = time.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1();
    QByteArray key = hmac("AWS4" + secretAccessKey.toUtf8(), date);
    key = hmac(key, region.toUtf8());
    key = hmac(key, service.toUtf8());
    return hmac(key, "aws4_request");
}

QByteArray AwsSigV4::sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

AwsSigV4::SignedRequest AwsSigV4::signHeaders(const AwsRequest &request,
                                              const AwsCredentials &credentials,
                                              const Options &options)
{
    SignedRequest out;
    out.addedHeaders.append({"X-Amz-Date", amzDate(options.time)});
    if (!credentials.sessionToken.isEmpty())
        out.addedHeaders.append({"X-Amz-Security-Token", credentials.sessionToken.toUtf8()});
    QList<QPair<QByteArray, QByteArray>> headers = request.headers;
    headers += out.addedHeaders;
    static_cast<Signature &>(out)
        = finish(request, canonicalQuery(request.query), canonicalHeaders(headers),
                 payloadHashFor(request, options), credentials, options);
    out.authorization = QByteArray(Algorithm) + " Credential=" + credentials.accessKeyId.toUtf8()
                        + '/' + credentialScope(options.time, options.region, options.service)
                        + ", SignedHeaders=" + out.signedHeaders + ", Signature=" + out.signature;
    out.addedHeaders.append({"Authorization", out.authorization});
    return out;
}

AwsSigV4::PresignedRequest AwsSigV4::presign(const AwsRequest &request,
                                             const AwsCredentials &credentials,
                                             const Options &options,
                                             std::optional<int> expiresSeconds)
{
    const CanonicalHeaders headers = canonicalHeaders(request.headers);
    PresignedRequest out;
    out.query = request.query;
    out.query.append({QStringLiteral("X-Amz-Algorithm"), QLatin1String(Algorithm)});
    out.query.append(
        {QStringLiteral("X-Amz-Credential"),
         credentials.accessKeyId + QLatin1Char('/')
             + QString::fromUtf8(credentialScope(options.time, options.region, options.service))});
    out.query.append({QStringLiteral("X-Amz-Date"), QString::fromLatin1(amzDate(options.time))});
    if (expiresSeconds)
        out.query.append({QStringLiteral("X-Amz-Expires"), QString::number(*expiresSeconds)});
    out.query.append(
        {QStringLiteral("X-Amz-SignedHeaders"), QString::fromUtf8(headers.signedNames)});
    if (!credentials.sessionToken.isEmpty())
        out.query.append({QStringLiteral("X-Amz-Security-Token"), credentials.sessionToken});
    static_cast<Signature &>(out) = finish(request, canonicalQuery(out.query), headers,
                                           payloadHashFor(request, options), credentials, options);
    out.query.append({QStringLiteral("X-Amz-Signature"), QString::fromLatin1(out.signature)});
    return out;
}

QByteArray AwsSigV4::PresignedRequest::queryString() const
{
    QByteArray out;
    for (const auto &[name, value] : query) {
        if (!out.isEmpty())
            out += '&';
        out += uriEncode(name.toUtf8(), false) + '=' + uriEncode(value.toUtf8(), false);
    }
    return out;
}

} // namespace Orrery
