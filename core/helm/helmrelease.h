// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

namespace Orrery {

// One Helm 3 release revision (helm/helm pkg/release.Release) as decoded from its storage
// Secret. `raw` keeps the whole document (hooks, chart templates, files...) so re-encoding a
// release after a status change loses nothing Helm needs.
struct HelmRelease
{
    QString name;
    QString ns;
    int version = 0; // the revision
    QString status;  // "deployed", "superseded", "failed", "pending-rollback", ...
    QString chartName;
    QString chartVersion;
    QString appVersion;
    QString description;
    QDateTime firstDeployed;                          // UTC
    QDateTime lastDeployed;                           // UTC
    nlohmann::json config = nlohmann::json::object(); // user-supplied values
    QString manifest;                                 // rendered multi-document YAML
    nlohmann::json raw = nlohmann::json::object();

    QString chart() const { return chartName + QLatin1Char('-') + chartVersion; } // as `helm list`
    // Name of the storage Secret: sh.helm.release.v1.<name>.v<version>.
    QString secretName() const
    {
        return QStringLiteral("sh.helm.release.v1.%1.v%2").arg(name).arg(version);
    }

    // `raw` with the typed fields written back (status, description, times, version, ...).
    nlohmann::json toJson() const;
    // Reads the typed fields from a release document.
    static HelmRelease fromJson(const nlohmann::json &release);
    // Helm's time format (RFC 3339 with nanoseconds) parsing and printing.
    static QDateTime parseTime(const std::string &text);
    static std::string formatTime(const QDateTime &time);
};

} // namespace Orrery
