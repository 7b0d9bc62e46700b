// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/actions/plannedwrite.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

namespace Orrery {

// One line of the audit log: who changed what, where, and how it ended. Never holds a token
// or a Secret value: `summary` is built by scrub(), which blanks Secret data.
struct AuditEntry
{
    QDateTime time;        // UTC
    QString context;       // kubeconfig context
    QString cluster;
    QString user;          // identity as the server knows it (user name), never a credential
    QString verb;          // "patch", "apply", "delete", "create", "update"
    QString kind;
    QString ns;
    QString name;
    QString summary;       // scrubbed, shortened body
    bool dryRun = false;
    int status = 0;        // HTTP status; 0 when the request never got an answer
    QString result;        // "ok" or the error, one line

    nlohmann::json toJson() const;
    static AuditEntry fromJson(const nlohmann::json &line);

    // Identity and scrubbed summary of a write; the caller fills time, context, cluster,
    // user, status and result.
    static AuditEntry fromWrite(const PlannedWrite &write);

    // Redaction::hideSecretValuesInRequest, the shared rule: a copy of a request body with
    // Secret values replaced by "<redacted>": data and
    // stringData of any Secret object (also inside Lists and JSON-patch values), JSON-patch
    // operations on /data or /stringData of a Secret, and the last-applied annotation of a
    // Secret (it repeats the data). `kind` is the kind of the target object.
    static nlohmann::json scrub(const nlohmann::json &body, const QString &kind);

    // At most this many characters of summary are kept.
    static constexpr int MaxSummary = 2000;
};

} // namespace Orrery
