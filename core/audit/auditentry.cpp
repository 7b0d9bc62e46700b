// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditentry.h"

#include "util/jsonread.h"

namespace Orrery {

namespace {

const char *const Redacted = "<redacted>";

void redactValues(nlohmann::json &map)
{
    if (map.is_object()) {
        for (auto it = map.begin(); it != map.end(); ++it)
            it.value() = Redacted;
    } else if (!map.is_null()) {
        map = Redacted;
    }
}

void scrubSecretObject(nlohmann::json &obj)
{
    for (const char *key : {"data", "stringData"}) {
        auto it = obj.find(key);
        if (it != obj.end())
            redactValues(*it);
    }
    auto meta = obj.find("metadata");
    if (meta != obj.end() && meta->is_object()) {
        auto ann = meta->find("annotations");
        if (ann != meta->end() && ann->is_object() && ann->contains("kubectl.kubernetes.io/last-applied-configuration"))
            (*ann)["kubectl.kubernetes.io/last-applied-configuration"] = Redacted;
    }
}

// Walks everything: a Secret can hide in a List, a JSON-patch value or an apply body.
void scrubWalk(nlohmann::json &j, bool targetIsSecret)
{
    if (j.is_object()) {
        // Any member may hold any type: in a CRD's schema `properties.kind` is an object.
        const bool isSecret = JsonRead::string(j, "kind") == QLatin1String("Secret")
            || (targetIsSecret && (j.contains("data") || j.contains("stringData")));
        if (isSecret)
            scrubSecretObject(j);
        // JSON patch operation on a Secret.
        if (targetIsSecret && j.contains("op") && j.contains("path") && j["path"].is_string()) {
            const std::string path = JsonRead::stdString(j, "path");
            if (path.rfind("/data", 0) == 0 || path.rfind("/stringData", 0) == 0
                || path.rfind("/metadata/annotations", 0) == 0) {
                if (j.contains("value"))
                    j["value"] = Redacted;
            }
        }
        for (auto it = j.begin(); it != j.end(); ++it)
            scrubWalk(it.value(), targetIsSecret);
    } else if (j.is_array()) {
        for (auto &v : j)
            scrubWalk(v, targetIsSecret);
    }
}

QString str(const nlohmann::json &j, const char *key)
{
    return JsonRead::string(j, key);
}

} // namespace

nlohmann::json AuditEntry::scrub(const nlohmann::json &body, const QString &kind)
{
    nlohmann::json copy = body;
    scrubWalk(copy, kind == QLatin1String("Secret"));
    return copy;
}

AuditEntry AuditEntry::fromWrite(const PlannedWrite &write)
{
    AuditEntry e;
    e.verb = write.verb;
    e.kind = write.kind;
    e.ns = write.ns;
    e.name = write.name;
    e.dryRun = write.dryRun;
    nlohmann::json body = write.body;
    if (body.is_null() && !write.request.body.isEmpty())
        body = JsonRead::parse(write.request.body);
    if (body.is_discarded())
        body = "<unparsed body>";  // never copy raw bytes we could not inspect
    QString summary = QString::fromStdString(JsonRead::dump(scrub(body, write.kind)));
    if (summary.size() > MaxSummary)
        summary = summary.left(MaxSummary) + QStringLiteral("…");
    e.summary = summary;
    return e;
}

nlohmann::json AuditEntry::toJson() const
{
    return {
        {"time", time.toUTC().toString(Qt::ISODateWithMs).toStdString()},
        {"context", context.toStdString()},
        {"cluster", cluster.toStdString()},
        {"user", user.toStdString()},
        {"verb", verb.toStdString()},
        {"kind", kind.toStdString()},
        {"namespace", ns.toStdString()},
        {"name", name.toStdString()},
        {"summary", summary.toStdString()},
        {"dryRun", dryRun},
        {"status", status},
        {"result", result.toStdString()},
    };
}

AuditEntry AuditEntry::fromJson(const nlohmann::json &line)
{
    AuditEntry e;
    if (!line.is_object())
        return e;
    e.time = QDateTime::fromString(str(line, "time"), Qt::ISODateWithMs).toUTC();
    e.context = str(line, "context");
    e.cluster = str(line, "cluster");
    e.user = str(line, "user");
    e.verb = str(line, "verb");
    e.kind = str(line, "kind");
    e.ns = str(line, "namespace");
    e.name = str(line, "name");
    e.summary = str(line, "summary");
    e.dryRun = JsonRead::boolean(line, "dryRun");
    const qint64 status = JsonRead::integer(line, "status");
    e.status = status >= 0 && status <= 999 ? int(status) : 0;
    e.result = str(line, "result");
    return e;
}

} // namespace Orrery
