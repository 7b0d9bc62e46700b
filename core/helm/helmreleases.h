// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helmrelease.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace Orrery {

// The releases of one namespace, decoded from its Helm storage Secrets (a SecretList fetched
// with labelSelector=owner=helm, or an array). Undecodable Secrets are skipped and reported
// in errors() so one broken revision does not hide the others.
class HelmReleases
{
public:
    static HelmReleases fromSecrets(const nlohmann::json &secrets);
    // Adds the releases and errors of another page of the same namespace's Secrets.
    void merge(HelmReleases other);

    // `helm list --all`: the latest revision of each release, sorted by name.
    QList<HelmRelease> latest() const;
    // `helm history NAME`: every revision, oldest first.
    QList<HelmRelease> history(const QString &name) const;
    Result<HelmRelease> revision(const QString &name, int version) const;
    const QList<HelmRelease> &all() const { return m_releases; }
    const QList<Error> &errors() const { return m_errors; }

    // `helm get values` (user-supplied) of a revision as YAML.
    static QString valuesYaml(const HelmRelease &release);
    // Unified diffs of manifest and values between two revisions, labelled "NAME vN". The
    // manifest diff hides Secret values (ManifestRedaction): per key <unchanged>, <changed>,
    // <added> or <removed>.
    static QString manifestDiff(const HelmRelease &from, const HelmRelease &to);
    static QString valuesDiff(const HelmRelease &from, const HelmRelease &to);

    // `helm history` as its table prints (REVISION, UPDATED, STATUS, CHART, APP VERSION,
    // DESCRIPTION), UPDATED in Go's ANSIC layout in UTC.
    static QString historyTable(const QList<HelmRelease> &history);

private:
    void sortReleases(); // by name, then version: latest() and history() rely on it

    QList<HelmRelease> m_releases;
    QList<Error> m_errors;
};

} // namespace Orrery
