// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "awscredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace Orrery {

// One HTTP request to sign, as it goes on the wire.
struct AwsRequest
{
    QByteArray method = "GET";
    // The path exactly as it appears on the request line (already percent-encoded where the
    // URL needs it). The canonical URI encodes it once more, as SigV4 asks for every service
    // but S3 (S3 is not a target of Orrery's signer).
    QByteArray path = "/";
    // Query parameters, decoded; the signer encodes them (RFC 3986, unreserved characters
    // kept) both for the canonical request and for the query string it returns.
    QList<QPair<QString, QString>> query;
    // Headers in the order they are sent; must contain Host. Names are case-insensitive;
    // several headers with one name are joined with "," in the canonical form.
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

// AWS Signature Version 4 (docs/clouds.md), checked against the awslabs/aws-c-auth test
// suite (tests/data/sigv4/) and against `aws eks get-token`. Pure functions, no I/O, no
// clock: the signing time is an argument, so a signature can be reproduced exactly.
// Credentials are used for the HMAC and the credential scope only: nothing returned here
// contains the secret; the session token appears only where AWS requires it (the
// X-Amz-Security-Token header or query parameter).
class AwsSigV4
{
public:
    static constexpr const char *Algorithm = "AWS4-HMAC-SHA256";
    static constexpr const char *UnsignedPayload = "UNSIGNED-PAYLOAD";

    struct Options
    {
        QString region;
        QString service;
        QDateTime time; // UTC or not: converted
        // Remove "." and ".." segments and duplicate slashes from the canonical URI (every
        // service but S3).
        bool normalizePath = true;
        // Hash of the payload for the canonical request: empty = hex SHA-256 of the body;
        // UnsignedPayload for requests whose body is not signed (S3 presigning).
        QByteArray payloadHash;
    };

    // What signing produced, for tests and for debug strings (none of it secret).
    struct Signature
    {
        QByteArray canonicalRequest;
        QByteArray stringToSign;
        QByteArray signature;     // lower-case hex
        QByteArray signedHeaders; // "host;x-amz-date"
    };

    struct SignedRequest : Signature
    {
        // The headers to add to the request: X-Amz-Date, X-Amz-Security-Token (with a
        // session token) and Authorization.
        QList<QPair<QByteArray, QByteArray>> addedHeaders;
        QByteArray authorization;
    };

    struct PresignedRequest : Signature
    {
        // The request's query followed by X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date,
        // X-Amz-Expires, X-Amz-SignedHeaders, X-Amz-Security-Token (with a session token) and
        // X-Amz-Signature, in that order (the order botocore writes them in).
        QList<QPair<QString, QString>> query;
        QByteArray queryString() const; // encoded, without "?"
    };

    // Sign with an Authorization header. The returned addedHeaders are signed too.
    static SignedRequest signHeaders(const AwsRequest &request, const AwsCredentials &credentials,
                                     const Options &options);
    // Presign: the signature travels in the query string. X-Amz-Expires is omitted only
    // when expiresSeconds is empty (some of the older test vectors have none); real
    // presigned requests always give it (AWS caps it at 7 days).
    static PresignedRequest presign(const AwsRequest &request, const AwsCredentials &credentials,
                                    const Options &options, std::optional<int> expiresSeconds);

    // The building blocks, public for tests.
    static QByteArray uriEncode(const QByteArray &bytes, bool keepSlash);
    static QByteArray canonicalUri(const QByteArray &path, bool normalize);
    static QByteArray canonicalQuery(const QList<QPair<QString, QString>> &query);
    static QByteArray amzDate(const QDateTime &time); // 20150830T123600Z
    static QByteArray credentialScope(const QDateTime &time, const QString &region,
                                      const QString &service);
    static QByteArray signingKey(const QString &secretAccessKey, const QDateTime &time,
                                 const QString &region, const QString &service);
    static QByteArray sha256Hex(const QByteArray &data);
};

} // namespace Orrery
