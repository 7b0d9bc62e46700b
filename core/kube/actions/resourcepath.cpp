// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcepath.h"

#include <QUrl>

namespace Orrery {

QString ResourcePath::path(const QString &groupVersion, const QString &resource, const QString &ns,
                           const QString &name, const QString &subresource)
{
    QString p = groupVersion.contains(QLatin1Char('/')) ? QLatin1String("/apis/") + groupVersion
                                                        : QLatin1String("/api/") + groupVersion;
    if (!ns.isEmpty())
        p += QLatin1String("/namespaces/") + ns;
    p += QLatin1Char('/') + resource;
    if (!name.isEmpty()) {
        p += QLatin1Char('/') + name;
        if (!subresource.isEmpty())
            p += QLatin1Char('/') + subresource;
    }
    return p;
}

QString ResourcePath::apiVersion(Kind kind)
{
    const KindInfo &info = kindInfo(kind);
    const QString version = QString::fromLatin1(info.versions[0]);
    return *info.group ? QString::fromLatin1(info.group) + QLatin1Char('/') + version : version;
}

QString ResourcePath::forKind(Kind kind, const QString &ns, const QString &name,
                              const QString &subresource)
{
    const KindInfo &info = kindInfo(kind);
    return path(apiVersion(kind), QString::fromLatin1(info.resource),
                info.namespaced ? ns : QString(), name, subresource);
}

QString ResourcePath::addQuery(const QString &path, const QString &key, const QString &value)
{
    return path + (path.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + key
           + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace Orrery
