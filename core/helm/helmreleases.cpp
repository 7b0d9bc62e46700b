// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmreleases.h"

#include "helmcodec.h"
#include "kube/actions/yamljson.h"
#include "kube/manifestredaction.h"
#include "util/jsonread.h"
#include "util/linediff.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace Orrery {

HelmReleases HelmReleases::fromSecrets(const nlohmann::json &secrets)
{
    HelmReleases out;
    const nlohmann::json &items = secrets.is_array() ? secrets : JsonRead::array(secrets, "items");
    for (const auto &secret : items) {
        if (JsonRead::string(secret, "type") != QLatin1String("helm.sh/release.v1"))
            continue;
        auto release = HelmCodec::decodeSecret(secret);
        if (release)
            out.m_releases.append(std::move(*release));
        else
            out.m_errors.append(release.error());
    }
    out.sortReleases();
    return out;
}

void HelmReleases::merge(HelmReleases other)
{
    m_releases.append(std::move(other.m_releases));
    m_errors.append(std::move(other.m_errors));
    sortReleases();
}

void HelmReleases::sortReleases()
{
    std::stable_sort(m_releases.begin(), m_releases.end(),
                     [](const HelmRelease &a, const HelmRelease &b) {
                         return a.name != b.name ? a.name < b.name : a.version < b.version;
                     });
}

QList<HelmRelease> HelmReleases::latest() const
{
    QList<HelmRelease> out;
    for (const HelmRelease &r : m_releases) {
        if (!out.isEmpty() && out.last().name == r.name)
            out.last() = r; // sorted by version within a name, so the last one wins
        else
            out.append(r);
    }
    return out;
}

QList<HelmRelease> HelmReleases::history(const QString &name) const
{
    QList<HelmRelease> out;
    for (const HelmRelease &r : m_releases)
        if (r.name == name)
            out.append(r);
    return out;
}

Result<HelmRelease> HelmReleases::revision(const QString &name, int version) const
{
    for (const HelmRelease &r : m_releases)
        if (r.name == name && r.version == version)
            return r;
    return Error(Error::Code::NotFound,
                 QCoreApplication::translate("Orrery::HelmReleases", "release: not found"),
                 QStringLiteral("%1 v%2").arg(name).arg(version));
}

QString HelmReleases::valuesYaml(const HelmRelease &release)
{
    return release.config.empty() ? QStringLiteral("null\n") : YamlJson::toYaml(release.config);
}

QString HelmReleases::manifestDiff(const HelmRelease &from, const HelmRelease &to)
{
    // Secrets compared value by value, shown key by key without values (the shared rule).
    const auto [before, after]
        = ManifestRedaction::hideSecretValuesForDiff(from.manifest, to.manifest);
    return LineDiff::unified(before, after,
                             QStringLiteral("%1 v%2").arg(from.name).arg(from.version),
                             QStringLiteral("%1 v%2").arg(to.name).arg(to.version));
}

QString HelmReleases::valuesDiff(const HelmRelease &from, const HelmRelease &to)
{
    return LineDiff::unified(valuesYaml(from), valuesYaml(to),
                             QStringLiteral("%1 v%2").arg(from.name).arg(from.version),
                             QStringLiteral("%1 v%2").arg(to.name).arg(to.version));
}

QString HelmReleases::historyTable(const QList<HelmRelease> &history)
{
    QList<QStringList> rows{{QStringLiteral("REVISION"), QStringLiteral("UPDATED"),
                             QStringLiteral("STATUS"), QStringLiteral("CHART"),
                             QStringLiteral("APP VERSION"), QStringLiteral("DESCRIPTION")}};
    const QLocale c = QLocale::c();
    for (const HelmRelease &r : history) {
        // Go's ANSIC: "Mon Jan _2 15:04:05 2006" (day padded with a space).
        const QDateTime t = r.lastDeployed.toUTC();
        const QString updated
            = t.isValid() ? c.toString(t, QStringLiteral("ddd MMM "))
                                + QStringLiteral("%1").arg(t.date().day(), 2, 10, QLatin1Char(' '))
                                + c.toString(t, QStringLiteral(" HH:mm:ss yyyy"))
                          : QString();
        rows.append({QString::number(r.version), updated, r.status, r.chart(), r.appVersion,
                     r.description});
    }
    QList<int> widths(6, 0);
    for (const QStringList &row : rows)
        for (int i = 0; i < 6; ++i)
            widths[i] = std::max(widths[i], int(row[i].size()));
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < 6; ++i)
            line += i < 5 ? row[i].leftJustified(widths[i]) + QLatin1Char('\t') : row[i];
        out += line + QLatin1Char('\n');
    }
    return out;
}

} // namespace Orrery
