// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmreleasefixture.h"

#include <helm/helmcodec.h>
#include <helm/helmrelease.h>

namespace Orrery::Test {

QList<QByteArray> helmReleaseSecrets(const QString &name, const QString &v1, const QString &v2,
                                     const QDateTime &now)
{
    HelmRelease r;
    r.name = name;
    r.ns = QStringLiteral("production");
    r.chartName = name;
    r.appVersion = QStringLiteral("1.0");
    r.firstDeployed = now.addSecs(-600);
    r.lastDeployed = now.addSecs(-600);
    r.raw = {{"name", name.toStdString()},
             {"namespace", "production"},
             {"info", nlohmann::json::object()},
             {"chart",
              {{"metadata",
                {{"name", name.toStdString()}, {"version", "0.1.0"}, {"appVersion", "1.0"}}}}},
             {"config", nlohmann::json::object()}};
    HelmRelease first = r;
    first.version = 1;
    first.chartVersion = QStringLiteral("0.1.0");
    first.status = QStringLiteral("superseded");
    first.description = QStringLiteral("Install complete");
    first.manifest = v1;
    HelmRelease second = r;
    second.version = 2;
    second.chartVersion = QStringLiteral("0.2.0");
    second.status = QStringLiteral("deployed");
    second.description = QStringLiteral("Upgrade complete");
    second.manifest = v2;
    QList<QByteArray> bodies;
    for (const HelmRelease &revision : {first, second})
        bodies << QByteArray::fromStdString(HelmCodec::toSecret(revision, now, true).dump());
    return bodies;
}

} // namespace Orrery::Test
