// SPDX-License-Identifier: GPL-3.0-or-later
#include "alert.h"

#include <QRegularExpression>

namespace Orrery {

AlertSeverity alertSeverityFromLabel(const QString &label)
{
    const QString s = label.trimmed().toLower();
    if (s == QLatin1String("critical") || s == QLatin1String("page") || s == QLatin1String("error")
        || s == QLatin1String("high") || s == QLatin1String("major"))
        return AlertSeverity::Critical;
    if (s == QLatin1String("info") || s == QLatin1String("informational")
        || s == QLatin1String("low") || s == QLatin1String("minor") || s == QLatin1String("notice")
        || s == QLatin1String("none"))
        return AlertSeverity::Info;
    // warning, warn, medium, moderate, and anything unknown or missing.
    return AlertSeverity::Warning;
}

QString alertSeverityName(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Critical: return QStringLiteral("critical");
    case AlertSeverity::Warning: return QStringLiteral("warning");
    case AlertSeverity::Info: return QStringLiteral("info");
    case AlertSeverity::None: break;
    }
    return QStringLiteral("none");
}

AlertSeverity Alert::severity() const
{
    return alertSeverityFromLabel(severityText());
}

QString Alert::summary() const
{
    for (const char *key : {"summary", "message"}) {
        const QString text = annotations.value(QLatin1String(key));
        if (!text.isEmpty())
            return text;
    }
    return name();
}

QString Alert::description() const
{
    return annotations.value(QStringLiteral("description"));
}

QString Alert::runbookUrl() const
{
    const QString url = annotations.value(QStringLiteral("runbook_url"));
    return url.isEmpty() ? labels.value(QStringLiteral("runbook_url")) : url;
}

bool SilenceMatcher::matches(const QMap<QString, QString> &labels) const
{
    const QString actual = labels.value(name);
    bool equal = false;
    if (isRegex) {
        const QRegularExpression re(QRegularExpression::anchoredPattern(value));
        equal = re.isValid() && re.match(actual).hasMatch();
    } else {
        equal = actual == value;
    }
    return equal == isEqual;
}

QString SilenceMatcher::toString() const
{
    QString op = isEqual ? QStringLiteral("=") : QStringLiteral("!");
    if (isRegex)
        op += QLatin1Char('~');
    else if (!isEqual)
        op += QLatin1Char('=');
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return name + op + QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool Silence::matches(const QMap<QString, QString> &labels) const
{
    if (matchers.isEmpty())
        return false;
    for (const SilenceMatcher &m : matchers)
        if (!m.matches(labels))
            return false;
    return true;
}

QString Silence::stateName(State state)
{
    switch (state) {
    case State::Active: return QStringLiteral("active");
    case State::Pending: return QStringLiteral("pending");
    case State::Expired: return QStringLiteral("expired");
    case State::Unknown: break;
    }
    return QStringLiteral("unknown");
}

Silence Silence::forAlert(const Alert &alert, const QDateTime &now, qint64 durationSeconds,
                          const QString &createdBy, const QString &comment)
{
    Silence s;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
        s.matchers.append(SilenceMatcher{it.key(), it.value(), false, true});
    s.startsAt = now.toUTC();
    s.endsAt = s.startsAt.addSecs(durationSeconds);
    s.createdBy = createdBy;
    s.comment = comment;
    return s;
}

} // namespace Orrery
