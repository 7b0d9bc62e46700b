// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/actions/plannedwrite.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

namespace Orrery {

// One line of the audit log: who changed what, where, and how it ended. Never holds a token
// or a Secret value: `summary` is built by scrub(), which blanks Secret data.
//
// Every write is two lines sharing one `id`: an intent line (identity and summary, written
// and synced before the request leaves) and an outcome line (status and result, written when
// the answer comes). AuditLog::read() folds each outcome into its intent, so a read entry
// still at Phase::Intent is a write whose outcome nobody recorded (the process died, or the
// request is still in flight). Lines without "phase" (older logs) are complete records.
struct AuditEntry
{
    enum class Phase { Intent, Outcome };

    QString id; // links the intent and outcome lines of one write; empty in old logs
    Phase phase = Phase::Outcome;
    QDateTime time;  // UTC; for a read entry, when the intent was recorded
    QString context; // kubeconfig context
    QString cluster;
    QString user; // identity as the server knows it (user name), never a credential
    QString verb; // "patch", "apply", "delete", "create", "update"
    QString kind;
    QString ns;
    QString name;
    QString summary; // scrubbed, shortened body
    bool dryRun = false;
    int status = 0; // HTTP status; 0 when the request never got an answer
    QString result; // "ok" or the error, one line

    bool outcomeKnown() const { return phase == Phase::Outcome; }

    // The intent line of a write: a fresh id, phase Intent, `now` as its time.
    AuditEntry intent(const QDateTime &now) const;
    // The outcome line that closes this intent: same id and identity, no summary (the intent
    // has it; repeating it would double the log).
    AuditEntry outcome(int httpStatus, const QString &resultText, const QDateTime &now) const;

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
