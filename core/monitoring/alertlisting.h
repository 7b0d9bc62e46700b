// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitoring/alertindex.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Orrery {

// What `orrery --alerts` prints, built from an AlertIndex (so the CLI and tests share it).
// Alerts are ordered worst severity first, then by namespace, alert name and start.
namespace AlertListing {

// A table in kubectl's layout (KubectlTop::tabulate):
//   SEVERITY   ALERT   STATE   AGE   NAMESPACE   OBJECTS   SUMMARY
// OBJECTS lists the keys the alert attaches to besides its namespace ("pod/NS/NAME,
// deployment/NS/NAME", "node/NAME"), "-" for none; AGE counts from startsAt to `now`.
// Column names are not translated (a format, like kubectl's).
QString table(const AlertIndex &index, const QDateTime &now);

// A JSON document: {"alertmanager": URL, "alerts": [{"name", "severity" (critical, warning,
// info), "severityLabel", "state", "startsAt", "endsAt", "summary", "description",
// "runbookUrl", "generatorURL", "fingerprint", "labels", "annotations", "silencedBy",
// "inhibitedBy", "namespace", "objects": [keys]}], "unattached": count}.
QByteArray json(const AlertIndex &index, const QString &alertmanagerUrl);

// The alerts in the listing's order (indices into index.alerts()).
QList<int> order(const AlertIndex &index);

} // namespace AlertListing

} // namespace Orrery
