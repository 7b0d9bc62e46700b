// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditentry.h"

#include <QUuid>

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
        const bool isSecret = j.value("kind", std::string()) == "Secret"
            || (targetIsSecret && (j.contains("data") || j.contains("stringData")));
        if (isSecret)
            scrubSecretObject(j);
        // JSON patch operation on a Secret.
        if (targetIsSecret && j.contains("op") && j.contains("path") && j["path"].is_string()) {
            const std::string path = j["path"].get<std::string>();
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
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
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
        body = nlohmann::json::parse(write.request.body.toStdString(), nullptr, false);
    if (body.is_discarded())
        body = "<unparsed body>";  // never copy raw bytes we could not inspect
    QString summary = QString::fromStdString(scrub(body, write.kind).dump());
    if (summary.size() > MaxSummary)
        summary = summary.left(MaxSummary) + QStringLiteral("…");
    e.summary = summary;
    return e;
}

AuditEntry AuditEntry::intent(const QDateTime &now) const
{
    AuditEntry e = *this;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.phase = Phase::Intent;
    e.time = now.toUTC();
    e.status = 0;
    e.result.clear();
    return e;
}

AuditEntry AuditEntry::outcome(int status, const QString &result, const QDateTime &now) const
{
    AuditEntry e = *this;
    e.phase = Phase::Outcome;
    e.time = now.toUTC();
    e.summary.clear();
    e.status = status;
    e.result = result;
    return e;
}

nlohmann::json AuditEntry::toJson() const
{
    nlohmann::json line = {
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
    if (!id.isEmpty()) {
        line["id"] = id.toStdString();
        line["phase"] = phase == Phase::Intent ? "intent" : "outcome";
    }
    if (phase == Phase::Intent) {
        line.erase("status");  // not known yet: the outcome line carries them
        line.erase("result");
    } else if (!id.isEmpty()) {
        line.erase("summary");  // the intent line has it
    }
    return line;
}

AuditEntry AuditEntry::fromJson(const nlohmann::json &line)
{
    AuditEntry e;
    if (!line.is_object())
        return e;
    e.id = str(line, "id");
    e.phase = str(line, "phase") == QLatin1String("intent") ? Phase::Intent : Phase::Outcome;
    e.time = QDateTime::fromString(str(line, "time"), Qt::ISODateWithMs).toUTC();
    e.context = str(line, "context");
    e.cluster = str(line, "cluster");
    e.user = str(line, "user");
    e.verb = str(line, "verb");
    e.kind = str(line, "kind");
    e.ns = str(line, "namespace");
    e.name = str(line, "name");
    e.summary = str(line, "summary");
    e.dryRun = line.value("dryRun", false);
    e.status = line.value("status", 0);
    e.result = str(line, "result");
    return e;
}

} // namespace Orrery
