// SPDX-License-Identifier: GPL-3.0-or-later
#include "awssso.h"

#include "kube/apirequest.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QUrl>

namespace Orrery {

namespace AwsSsoText {

// Where the token came from, for the errors: the session's name, else the start URL.
QString origin(const AwsSso::Profile &profile)
{
    return profile.session.isEmpty()
               ? QCoreApplication::translate("Orrery::AwsSso", "the SSO start URL %1")
                     .arg(profile.startUrl)
               : QCoreApplication::translate("Orrery::AwsSso", "the SSO session \"%1\"")
                     .arg(profile.session);
}

Error needsLogin(const AwsSso::Profile &profile, const QString &message)
{
    Error e(
        Error::Code::AuthError, message,
        QCoreApplication::translate("Orrery::AwsSso", "AWS profile \"%1\"").arg(profile.profile));
    e.hint = AwsSso::loginHint(profile);
    return e;
}

} // namespace AwsSsoText

QString AwsSso::loginHint(const Profile &profile)
{
    return QCoreApplication::translate("Orrery::AwsSso", "run: aws sso login --profile %1")
        .arg(profile.profile);
}

QString AwsSso::cacheKey(const Profile &profile)
{
    const QString input = profile.session.isEmpty() ? profile.startUrl : profile.session;
    return QString::fromLatin1(
        QCryptographicHash::hash(input.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString AwsSso::cacheFilePath(const QProcessEnvironment &env, const Profile &profile)
{
    const QString home = env.value(QStringLiteral("HOME"), QDir::homePath());
    return home + QStringLiteral("/.aws/sso/cache/") + cacheKey(profile) + QStringLiteral(".json");
}

Result<AwsSso::CachedToken> AwsSso::parseCachedToken(QByteArrayView json)
{
    if (json.size() > MaxCacheFileBytes)
        return Error(Error::Code::TooLarge,
                     QCoreApplication::translate("Orrery::AwsSso",
                                                 "The cached AWS SSO token file is over 64 KiB."));
    const JsonRead::Json j = JsonRead::parse(json);
    if (!j.is_object())
        return Error(Error::Code::ParseError,
                     QCoreApplication::translate(
                         "Orrery::AwsSso", "The cached AWS SSO token file is not a JSON object."));
    CachedToken t;
    const std::string token = JsonRead::stdString(j, "accessToken");
    if (token.empty())
        return Error(Error::Code::ParseError,
                     QCoreApplication::translate("Orrery::AwsSso",
                                                 "The cached AWS SSO token has no accessToken."));
    if (qsizetype(token.size()) > MaxAccessTokenBytes)
        return Error(
            Error::Code::TooLarge,
            QCoreApplication::translate("Orrery::AwsSso",
                                        "The cached AWS SSO token's accessToken is over 16 KiB."));
    for (const unsigned char c : token)
        if (c < 0x20 || c == 0x7f)
            return Error(Error::Code::ParseError,
                         QCoreApplication::translate(
                             "Orrery::AwsSso",
                             "The cached AWS SSO token's accessToken has control characters."));
    t.accessToken = QByteArray::fromStdString(token);
    QString expires = JsonRead::string(j, "expiresAt").trimmed().left(64);
    // The CLI v1 wrote "2019-11-14T04:05:45UTC"; v2 and botocore write "…Z".
    if (expires.endsWith(QLatin1String("UTC")))
        expires = expires.chopped(3) + QLatin1Char('Z');
    t.expiresAt = QDateTime::fromString(expires, Qt::ISODateWithMs).toUTC();
    if (!t.expiresAt.isValid())
        return Error(Error::Code::ParseError,
                     QCoreApplication::translate(
                         "Orrery::AwsSso", "The cached AWS SSO token has no valid expiresAt."));
    t.startUrl = JsonRead::string(j, "startUrl").left(2048);
    t.region = JsonRead::string(j, "region").left(64);
    return t;
}

Result<AwsSso::CachedToken> AwsSso::readCachedToken(const Profile &profile, const QDateTime &now)
{
    QFile f(profile.cacheFile);
    if (!f.open(QIODevice::ReadOnly))
        return AwsSsoText::needsLogin(
            profile,
            QCoreApplication::translate("Orrery::AwsSso", "No AWS SSO login is cached for %1.")
                .arg(AwsSsoText::origin(profile)));
    const QByteArray bytes = f.read(MaxCacheFileBytes + 1);
    Result<CachedToken> token = parseCachedToken(bytes);
    if (!token) {
        Error e = AwsSsoText::needsLogin(profile, token.error().message);
        e.code = token.error().code;
        return e;
    }
    if (token.value().expiresAt <= now)
        return AwsSsoText::needsLogin(
            profile,
            QCoreApplication::translate("Orrery::AwsSso", "The AWS SSO login for %1 expired at %2.")
                .arg(AwsSsoText::origin(profile), token.value().expiresAt.toString(Qt::ISODate)));
    return token;
}

QString AwsSso::defaultPortal(const QString &region)
{
    return QStringLiteral("https://portal.sso.%1.amazonaws.com").arg(region);
}

QString AwsSso::roleCredentialsPath(const QString &roleName, const QString &accountId)
{
    return QStringLiteral("/federation/credentials?role_name=%1&account_id=%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(roleName)),
             QString::fromLatin1(QUrl::toPercentEncoding(accountId)));
}

Result<AwsCredentials> AwsSso::parseRoleCredentials(QByteArrayView json)
{
    if (json.size() > MaxPortalAnswerBytes)
        return Error(Error::Code::TooLarge,
                     QCoreApplication::translate("Orrery::AwsSso",
                                                 "The AWS SSO portal answered with over 256 KiB."));
    const JsonRead::Json j = JsonRead::parse(json);
    const JsonRead::Json &c = JsonRead::object(j, "roleCredentials");
    AwsCredentials out{JsonRead::string(c, "accessKeyId").left(256),
                       JsonRead::string(c, "secretAccessKey").left(1024),
                       JsonRead::string(c, "sessionToken").left(8192)};
    if (!out.isValid() || out.sessionToken.isEmpty())
        return Error(Error::Code::ParseError,
                     QCoreApplication::translate(
                         "Orrery::AwsSso", "The AWS SSO portal's answer has no role credentials."));
    const qint64 ms = JsonRead::integer(c, "expiration", 0);
    // Epoch milliseconds; a time before 2001 or after 2286 is no expiry AWS gives.
    if (ms < 1'000'000'000'000LL || ms > 9'999'999'999'999LL)
        return Error(Error::Code::ParseError,
                     QCoreApplication::translate(
                         "Orrery::AwsSso", "The AWS SSO portal's answer has no valid expiration."));
    out.expiration = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return out;
}

Error AwsSso::portalError(const ApiResponse &response, const Profile &profile)
{
    QString type = QString::fromLatin1(response.header("x-amzn-errortype")).left(200);
    // "UnauthorizedException:http://internal.amazon.com/…" carries a suffix after the name.
    type = type.left(type.indexOf(QLatin1Char(':'))).trimmed();
    const JsonRead::Json j = JsonRead::parse(response.body.left(MaxPortalAnswerBytes));
    const QString message
        = JsonRead::string(j, "message", JsonRead::string(j, "Message")).simplified().left(500);
    QString aws = type.isEmpty()      ? message
                  : message.isEmpty() ? type
                                      : type + QStringLiteral(": ") + message;
    if (aws.isEmpty())
        aws = QCoreApplication::translate("Orrery::AwsSso", "HTTP %1").arg(response.status);
    if (response.status == 401)
        return AwsSsoText::needsLogin(
            profile, QCoreApplication::translate(
                         "Orrery::AwsSso", "The AWS SSO login for %1 is no longer valid (%2).")
                         .arg(AwsSsoText::origin(profile), aws));
    Error e = response.toError(
        QCoreApplication::translate("Orrery::AwsSso", "AWS profile \"%1\"").arg(profile.profile));
    if (response.status == 403) {
        e.code = Error::Code::Forbidden;
        e.message = QCoreApplication::translate(
                        "Orrery::AwsSso", "The SSO user may not use role %1 in account %2 (%3).")
                        .arg(profile.roleName, profile.accountId, aws);
        e.hint = QCoreApplication::translate(
                     "Orrery::AwsSso",
                     "ask for the role in IAM Identity Center, or fix sso_role_name / "
                     "sso_account_id of profile %1")
                     .arg(profile.profile);
        return e;
    }
    e.message = QCoreApplication::translate("Orrery::AwsSso",
                                            "The AWS SSO portal refused GetRoleCredentials (%1).")
                    .arg(aws);
    return e;
}

} // namespace Orrery
