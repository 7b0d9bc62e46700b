// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Orrery::Test {

// The two Helm storage Secrets (JSON bodies to POST to /api/v1/namespaces/production/secrets)
// of a release `name` in namespace production: revision 1 (superseded, chart 0.1.0, manifest
// `v1`) and revision 2 (deployed, chart 0.2.0, manifest `v2`), both deployed ten minutes
// before `now`: what `helm install` then `helm upgrade` leave behind.
QList<QByteArray> helmReleaseSecrets(const QString &name, const QString &v1, const QString &v2,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());

// The two manifests of the "broken" release: revision 1 holds a ConfigMap and a Deployment
// whose container has an empty image (the server refuses it, so a rollback to revision 1
// fails its dry run), revision 2 only another ConfigMap.
QString brokenReleaseRevision1();
QString brokenReleaseRevision2();

} // namespace Orrery::Test
