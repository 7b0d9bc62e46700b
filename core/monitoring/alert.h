// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Orrery {

// How bad an alert is, from its `severity` label, ordered so that a larger value is worse
// (std::max gives the worst). None is "no alert"; a label Orrery does not know (or none)
// reads as Warning, so an unfamiliar alert is never shown as harmless.
//   critical, page, error, high, major  -> Critical
//   warning, warn, medium, moderate     -> Warning
//   info, informational, low, minor, notice, none -> Info
enum class AlertSeverity { None = 0, Info = 1, Warning = 2, Critical = 3 };

AlertSeverity alertSeverityFromLabel(const QString &label);
// "critical", "warning", "info", "none" (stable, for JSON output and icon names).
QString alertSeverityName(AlertSeverity severity);

// One alert as Alertmanager's API v2 answers it (GettableAlert of GET /api/v2/alerts).
// A value: decoded on a worker, copied to the GUI thread, compared in tests.
struct Alert
{
    // status.state: active (firing, not silenced or inhibited), suppressed (silenced or
    // inhibited), unprocessed (received, not yet through the routing tree).
    enum class State { Active, Suppressed, Unprocessed };

    QMap<QString, QString> labels;      // alertname, severity, namespace, pod, ...
    QMap<QString, QString> annotations; // summary, description, runbook_url, ...
    QString fingerprint;                // Alertmanager's id of the label set
    QDateTime startsAt;                 // UTC; invalid when absent
    QDateTime endsAt;                   // UTC; for a firing alert, when it resolves unless re-sent
    QDateTime updatedAt;                // UTC
    QString generatorUrl;               // the Prometheus graph link of the rule
    State state = State::Active;
    QStringList silencedBy;  // ids of the silences that mute it
    QStringList inhibitedBy; // fingerprints of the alerts that inhibit it
    QStringList receivers;   // receiver names it is routed to

    QString name() const { return labels.value(QStringLiteral("alertname")); }
    AlertSeverity severity() const; // from labels["severity"] (see AlertSeverity)
    QString severityText() const { return labels.value(QStringLiteral("severity")); }
    // annotations summary, else message (kube-prometheus' older rules), else the alert name.
    QString summary() const;
    QString description() const; // annotations description
    // annotations runbook_url, else labels runbook_url (some rules put it there).
    QString runbookUrl() const;
    bool isSilenced() const { return !silencedBy.isEmpty(); }
    bool isInhibited() const { return !inhibitedBy.isEmpty(); }

    bool operator==(const Alert &) const = default;
};

// One matcher of a silence: `name` = / != / =~ / !~ `value` (Alertmanager's Matcher).
struct SilenceMatcher
{
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true; // false: != or !~

    // Whether `labels` satisfy it, as Alertmanager decides (a regex is anchored: ^(?:value)$;
    // a missing label reads as "").
    bool matches(const QMap<QString, QString> &labels) const;
    // name="value", name!="value", name=~"value", name!~"value" (amtool's form).
    QString toString() const;

    bool operator==(const SilenceMatcher &) const = default;
};

// One silence (GettableSilence of GET /api/v2/silences; without id, the PostableSilence
// Orrery creates).
struct Silence
{
    enum class State { Active, Pending, Expired, Unknown };

    QString id; // empty for a silence not created yet
    QList<SilenceMatcher> matchers;
    QDateTime startsAt; // UTC
    QDateTime endsAt;   // UTC
    QDateTime updatedAt;
    QString createdBy;
    QString comment;
    State state = State::Unknown;

    // Whether every matcher matches `labels` (a silence without matchers matches nothing:
    // Alertmanager refuses to create one).
    bool matches(const QMap<QString, QString> &labels) const;
    // "active", "pending", "expired", "unknown".
    static QString stateName(State state);

    // The silence Orrery proposes for an alert, as Alertmanager's own UI prefills it: one
    // equality matcher per label of the alert (the label set is the alert's identity),
    // from `now` for `durationSeconds`.
    static Silence forAlert(const Alert &alert, const QDateTime &now, qint64 durationSeconds,
                            const QString &createdBy, const QString &comment);

    bool operator==(const Silence &) const = default;
};

} // namespace Orrery
