// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditentry.h"

#include "util/jsonread.h"
#include "util/redaction.h"
#include <QUuid>

namespace Orrery {

namespace {

QString str(const nlohmann::json &j, const char *key)
{
    return JsonRead::string(j, key);
}

} // namespace

nlohmann::json AuditEntry::scrub(const nlohmann::json &body, const QString &kind)
{
    return Redaction::hideSecretValuesInRequest(body, kind);
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
        body = "<unparsed body>"; // never copy raw bytes we could not inspect
    QString summary = QString::fromStdString(JsonRead::dump(scrub(body, write.kind)));
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

AuditEntry AuditEntry::outcome(int httpStatus, const QString &resultText,
                               const QDateTime &now) const
{
    AuditEntry e = *this;
    e.phase = Phase::Outcome;
    e.time = now.toUTC();
    e.summary.clear();
    e.status = httpStatus;
    e.result = resultText;
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
        // A URL with a password in an error or a body is recorded without it.
        {"summary", Redaction::stripUrlCredentials(summary).toStdString()},
        {"dryRun", dryRun},
        {"status", status},
        {"result", Redaction::stripUrlCredentials(result).toStdString()},
    };
    if (!id.isEmpty()) {
        line["id"] = id.toStdString();
        line["phase"] = phase == Phase::Intent ? "intent" : "outcome";
    }
    if (phase == Phase::Intent) {
        line.erase("status"); // not known yet: the outcome line carries them
        line.erase("result");
    } else if (!id.isEmpty()) {
        line.erase("summary"); // the intent line has it
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
    e.dryRun = JsonRead::boolean(line, "dryRun");
    const qint64 status = JsonRead::integer(line, "status");
    e.status = status >= 0 && status <= 999 ? int(status) : 0;
    e.result = str(line, "result");
    return e;
}

} // namespace Orrery
