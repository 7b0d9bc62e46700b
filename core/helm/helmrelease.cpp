// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmrelease.h"

#include "util/jsonread.h"

#include <QRegularExpression>

#include <limits>

namespace Orrery {

namespace {

// Helm release JSON is written by other tools (or planted by anyone who may create Secrets):
// every field is read tolerantly, a wrong type reads as absent.
std::string str(const nlohmann::json &j, const char *key)
{
    return JsonRead::stdString(j, key);
}

QString qstr(const nlohmann::json &j, const char *key)
{
    return JsonRead::string(j, key);
}

} // namespace

QDateTime HelmRelease::parseTime(const std::string &text)
{
    // Go writes up to nine fractional digits; Qt reads milliseconds. Cut to three.
    static const QRegularExpression frac(QStringLiteral("(\\.\\d{3})\\d+"));
    QString t = QString::fromStdString(text);
    t.replace(frac, QStringLiteral("\\1"));
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

std::string HelmRelease::formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return "0001-01-01T00:00:00Z"; // Go's zero time, what Helm writes for "never"
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

HelmRelease HelmRelease::fromJson(const nlohmann::json &release)
{
    HelmRelease r;
    r.raw = release.is_object() ? release : nlohmann::json::object();
    r.name = qstr(r.raw, "name");
    r.ns = qstr(r.raw, "namespace");
    // 0 (unreadable) when absent, not a number or out of range; HelmCodec refuses such a release.
    const qint64 version = JsonRead::integer(r.raw, "version");
    r.version = version > 0 && version <= std::numeric_limits<int>::max() ? int(version) : 0;
    const nlohmann::json &info = JsonRead::object(r.raw, "info");
    r.status = qstr(info, "status");
    r.description = qstr(info, "description");
    r.firstDeployed = parseTime(str(info, "first_deployed"));
    r.lastDeployed = parseTime(str(info, "last_deployed"));
    const nlohmann::json &meta = JsonRead::object(r.raw, {"chart", "metadata"});
    r.chartName = qstr(meta, "name");
    r.chartVersion = qstr(meta, "version");
    r.appVersion = qstr(meta, "appVersion");
    if (const nlohmann::json *config = JsonRead::find(r.raw, "config");
        config && config->is_object())
        r.config = *config;
    r.manifest = qstr(r.raw, "manifest");
    return r;
}

nlohmann::json HelmRelease::toJson() const
{
    nlohmann::json j = raw.is_object() ? raw : nlohmann::json::object();
    j["name"] = name.toStdString();
    j["namespace"] = ns.toStdString();
    j["version"] = version;
    nlohmann::json &info = j["info"];
    if (!info.is_object())
        info = nlohmann::json::object();
    info["status"] = status.toStdString();
    info["description"] = description.toStdString();
    info["first_deployed"] = formatTime(firstDeployed);
    info["last_deployed"] = formatTime(lastDeployed);
    if (!info.contains("deleted"))
        info["deleted"] = "";
    // raw is outside data: a member of the wrong type is replaced, as writing into it would throw.
    nlohmann::json &chart = j["chart"];
    if (!chart.is_object())
        chart = nlohmann::json::object();
    nlohmann::json &meta = chart["metadata"];
    if (!meta.is_object())
        meta = nlohmann::json::object();
    meta["name"] = chartName.toStdString();
    meta["version"] = chartVersion.toStdString();
    if (!appVersion.isEmpty())
        meta["appVersion"] = appVersion.toStdString();
    j["config"] = config;
    j["manifest"] = manifest.toStdString();
    return j;
}

} // namespace Orrery
