// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmrelease.h"

#include <QRegularExpression>

namespace Orrery {

namespace {

std::string str(const nlohmann::json &j, const char *key)
{
    if (!j.is_object())
        return {};
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

QString qstr(const nlohmann::json &j, const char *key)
{
    return QString::fromStdString(str(j, key));
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
        return "0001-01-01T00:00:00Z";  // Go's zero time, what Helm writes for "never"
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

HelmRelease HelmRelease::fromJson(const nlohmann::json &release)
{
    HelmRelease r;
    r.raw = release.is_object() ? release : nlohmann::json::object();
    r.name = qstr(r.raw, "name");
    r.ns = qstr(r.raw, "namespace");
    r.version = r.raw.value("version", 0);
    const nlohmann::json info = r.raw.value("info", nlohmann::json::object());
    r.status = qstr(info, "status");
    r.description = qstr(info, "description");
    r.firstDeployed = parseTime(str(info, "first_deployed"));
    r.lastDeployed = parseTime(str(info, "last_deployed"));
    const nlohmann::json meta = r.raw.value("chart", nlohmann::json::object()).value("metadata", nlohmann::json::object());
    r.chartName = qstr(meta, "name");
    r.chartVersion = qstr(meta, "version");
    r.appVersion = qstr(meta, "appVersion");
    auto config = r.raw.find("config");
    if (config != r.raw.end() && config->is_object())
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
    nlohmann::json &meta = j["chart"]["metadata"];
    meta["name"] = chartName.toStdString();
    meta["version"] = chartVersion.toStdString();
    if (!appVersion.isEmpty())
        meta["appVersion"] = appVersion.toStdString();
    j["config"] = config;
    j["manifest"] = manifest.toStdString();
    return j;
}

} // namespace Orrery
