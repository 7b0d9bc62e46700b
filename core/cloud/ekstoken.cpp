// SPDX-License-Identifier: GPL-3.0-or-later
#include "ekstoken.h"

#include "awssigv4.h"
#include "util/redaction.h"

namespace Orrery {

EksToken EksToken::make(const AwsCredentials &credentials, const QString &clusterName,
                        const QString &region, const QDateTime &now, const QString &stsHost)
{
    const QString host
        = stsHost.isEmpty() ? QStringLiteral("sts.%1.amazonaws.com").arg(region) : stsHost;
    AwsRequest request;
    request.method = "GET";
    request.path = "/";
    request.query = {{QStringLiteral("Action"), QStringLiteral("GetCallerIdentity")},
                     {QStringLiteral("Version"), QStringLiteral("2011-06-15")}};
    request.headers = {{"host", host.toUtf8()}, {ClusterIdHeader, clusterName.toUtf8()}};

    AwsSigV4::Options options;
    options.region = region;
    options.service = QStringLiteral("sts");
    options.time = now.toUTC();
    const AwsSigV4::PresignedRequest presigned
        = AwsSigV4::presign(request, credentials, options, PresignExpiresSeconds);

    const QByteArray url
        = "https://" + host.toUtf8() + request.path + '?' + presigned.queryString();
    EksToken out;
    out.token = QLatin1String(Prefix)
                + QString::fromLatin1(
                    url.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    // The signature has whole seconds: so do signedAt and the expiration.
    out.signedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    out.expiration = out.signedAt.addSecs(ReportedValiditySeconds);
    out.m_cluster = clusterName;
    return out;
}

QString EksToken::decodeUrl(const QString &token)
{
    if (!token.startsWith(QLatin1String(Prefix)))
        return QString();
    const auto decoded = QByteArray::fromBase64Encoding(
        token.mid(int(qstrlen(Prefix))).toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return QString();
    return QString::fromUtf8(*decoded);
}

bool EksToken::needsRefresh(const QDateTime &now, int marginSeconds) const
{
    return token.isEmpty() || !expiration.isValid() || now.addSecs(marginSeconds) >= expiration;
}

QString EksToken::debugString() const
{
    return QStringLiteral("%1%2 for %3, expires %4")
        .arg(QLatin1String(Prefix), QLatin1String(Redaction::Hidden), m_cluster,
             expiration.toString(Qt::ISODate));
}

} // namespace Orrery
