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

QString brokenReleaseRevision1()
{
    return QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken-config\n"
                          "data:\n  a: \"1\"\n"
                          "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "
                          "broken-web\nspec:\n  selector:\n    matchLabels: {app: broken-web}\n"
                          "  template:\n    metadata:\n      labels: {app: broken-web}\n"
                          "    spec:\n      containers:\n      - name: web\n        image: \"\"\n");
}

QString brokenReleaseRevision2()
{
    return QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken-other\n"
                          "data:\n  b: \"2\"\n");
}

} // namespace Orrery::Test
