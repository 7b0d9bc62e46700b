// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "awscredentials.h"
#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QString>

namespace Orrery {

struct ApiResponse;

// AWS IAM Identity Center (SSO) as the AWS CLI v2 and the SDKs use it (docs/clouds.md, "SSO
// profiles"): a profile names an account and a role (sso_account_id, sso_role_name) and the
// portal to ask (sso_session -> [sso-session NAME] with sso_start_url and sso_region, or the
// legacy sso_start_url / sso_region on the profile); `aws sso login` caches an access token in
// ~/.aws/sso/cache/<sha1 of the session name, or of the start URL>.json; the portal's
// GetRoleCredentials exchanges it for temporary credentials. Pure functions: no I/O but
// readCachedToken(). Nothing here puts a token or a key into an Error.
namespace AwsSso {

// What a profile says about its SSO portal and role.
struct Profile
{
    QString profile;   // the profile holding the SSO settings ("aws sso login --profile" it)
    QString session;   // sso_session's name; empty for a legacy profile
    QString startUrl;  // sso_start_url
    QString region;    // sso_region: the portal's region
    QString accountId; // sso_account_id
    QString roleName;  // sso_role_name
    QString cacheFile; // where `aws sso login` left the token (cacheFilePath)

    bool isValid() const { return !startUrl.isEmpty(); }
};

// A token `aws sso login` cached.
struct CachedToken
{
    QByteArray accessToken;
    QDateTime expiresAt; // UTC
    QString startUrl;    // when the file says
    QString region;
};

// Bounds of what is read from outside.
constexpr qsizetype MaxCacheFileBytes = 64 * 1024;
constexpr qsizetype MaxAccessTokenBytes = 16 * 1024;
constexpr qsizetype MaxPortalAnswerBytes = 256 * 1024;

// sha1 hex of the session name (sso_session profiles) or of the start URL (legacy), as
// botocore's SSOTokenLoader and the CLI v2 name the cache file.
QString cacheKey(const Profile &profile);
// $HOME/.aws/sso/cache/<cacheKey>.json (HOME from `env`, else the user's).
QString cacheFilePath(const QProcessEnvironment &env, const Profile &profile);

// The cache file's JSON: accessToken (a string without control characters, at most
// MaxAccessTokenBytes) and expiresAt (ISO 8601: "…Z", an offset, or the CLI v1's "…UTC").
// Tolerant of other fields (refreshToken, clientId ... are ignored), bounded; the error never
// quotes the file.
Result<CachedToken> parseCachedToken(QByteArrayView json);
// Reads and parses `profile.cacheFile`; a missing file, an unreadable one or a token that
// expired at `now` are AuthErrors whose hint is "run: aws sso login --profile P".
Result<CachedToken> readCachedToken(const Profile &profile, const QDateTime &now);

// https://portal.sso.REGION.amazonaws.com, AWS's endpoint for the portal of `region`.
QString defaultPortal(const QString &region);
// The GetRoleCredentials path and query below the portal URL's own path:
// "/federation/credentials?role_name=R&account_id=A" (percent-encoded).
QString roleCredentialsPath(const QString &roleName, const QString &accountId);

// GetRoleCredentials' answer: {"roleCredentials": {accessKeyId, secretAccessKey,
// sessionToken, expiration (epoch milliseconds)}}. Bounded, tolerant; the error never quotes it.
Result<AwsCredentials> parseRoleCredentials(QByteArrayView json);
// A failed GetRoleCredentials as an Error: 401 UnauthorizedException (the token is no longer
// valid) -> AuthError with the login hint; 403 ForbiddenException (the role is not assigned
// to the user in that account) -> Forbidden naming role and account; others with AWS's
// x-amzn-ErrorType and message.
Error portalError(const ApiResponse &response, const Profile &profile);

// The hint every "log in again" error carries.
QString loginHint(const Profile &profile);

} // namespace AwsSso

} // namespace Orrery
