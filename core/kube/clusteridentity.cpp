// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusteridentity.h"

#include "clusterconnection.h"

#include <QCryptographicHash>
#include <QList>
#include <QUrl>

#include <algorithm>

namespace Orrery {

namespace {

constexpr char kSha256Prefix[] = "sha256:";

} // namespace

bool ClusterIdentity::isSameCluster(const ClusterIdentity &other) const
{
    if (!isValid() || server != other.server)
        return false;
    return caFingerprint.isEmpty() || other.caFingerprint.isEmpty()
           || caFingerprint == other.caFingerprint;
}

QString ClusterIdentity::key() const
{
    if (caFingerprint.isEmpty())
        return server;
    return QLatin1String(kSha256Prefix) + caFingerprint + QLatin1Char('@') + server;
}

ClusterIdentity ClusterIdentity::fromKey(const QString &key)
{
    ClusterIdentity identity;
    QString server = key;
    if (key.startsWith(QLatin1String(kSha256Prefix))) {
        const qsizetype at = key.indexOf(QLatin1Char('@'));
        if (at < 0)
            return {};
        identity.caFingerprint
            = key.mid(qsizetype(qstrlen(kSha256Prefix)), at - qsizetype(qstrlen(kSha256Prefix)));
        server = key.mid(at + 1);
    }
    identity.server = normaliseServer(server);
    if (!identity.isValid())
        return {};
    return identity;
}

ClusterIdentity ClusterIdentity::of(const QString &server, const QByteArray &caPem)
{
    ClusterIdentity identity;
    identity.server = normaliseServer(server);
    if (identity.isValid())
        identity.caFingerprint = fingerprintOf(caPem);
    return identity;
}

ClusterIdentity ClusterIdentity::of(const ClusterConnection &connection)
{
    return of(connection.server, connection.certificateAuthorityPem);
}

QString ClusterIdentity::normaliseServer(const QString &server)
{
    QUrl url(server.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return {};
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    // QUrl already lower-cases the host; IPv6 literals need their brackets back.
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3%4").arg(scheme, host).arg(port).arg(path);
}

QString ClusterIdentity::fingerprintOf(const QByteArray &caPem)
{
    const QByteArray trimmed = caPem.trimmed();
    if (trimmed.isEmpty())
        return {};
    static const QByteArray begin = QByteArrayLiteral("-----BEGIN CERTIFICATE-----");
    static const QByteArray end = QByteArrayLiteral("-----END CERTIFICATE-----");
    QList<QByteArray> ders;
    qsizetype from = 0;
    while (true) {
        const qsizetype b = trimmed.indexOf(begin, from);
        if (b < 0)
            break;
        const qsizetype e = trimmed.indexOf(end, b + begin.size());
        if (e < 0)
            break;
        const QByteArray der
            = QByteArray::fromBase64(trimmed.mid(b + begin.size(), e - b - begin.size())
                                         .simplified()
                                         .replace(' ', QByteArray()));
        if (!der.isEmpty())
            ders << der;
        from = e + end.size();
    }
    std::sort(ders.begin(), ders.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (ders.isEmpty()) {
        hash.addData(trimmed);
    } else {
        for (const QByteArray &der : std::as_const(ders))
            hash.addData(der);
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace Orrery
