// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertmanagerresponse.h"

#include "kube/apirequest.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Orrery {

namespace {

using Json = nlohmann::json;

QString tr(const char *text)
{
    return QCoreApplication::translate("AlertmanagerResponse", text);
}

Error tooLarge(const char *what, qint64 limit, const QString &context)
{
    return Error(Error::Code::TooLarge,
                 tr("the answer has more than %1 %2").arg(limit).arg(tr(what)), context);
}

// A JSON object of string values (labels, annotations); others skipped, at most `limit`.
QMap<QString, QString> stringMap(const Json &object, qint64 limit)
{
    QMap<QString, QString> out;
    if (!object.is_object())
        return out;
    for (auto it = object.begin(); it != object.end() && out.size() < limit; ++it)
        if (it->is_string())
            out.insert(QString::fromStdString(it.key()), JsonRead::toString(*it));
    return out;
}

QStringList stringArray(const Json &array, qint64 limit)
{
    QStringList out;
    if (!array.is_array())
        return out;
    for (const Json &v : array) {
        if (out.size() >= limit)
            break;
        if (v.is_string())
            out.append(JsonRead::toString(v));
    }
    return out;
}

QDateTime timeOf(const Json &object, std::string_view key)
{
    return AlertmanagerResponse::parseTime(JsonRead::string(object, key));
}

Alert alertOf(const Json &item)
{
    Alert a;
    a.labels = stringMap(JsonRead::object(item, "labels"), AlertmanagerResponse::MaxLabelsPerAlert);
    a.annotations
        = stringMap(JsonRead::object(item, "annotations"), AlertmanagerResponse::MaxLabelsPerAlert);
    a.fingerprint = JsonRead::string(item, "fingerprint");
    a.startsAt = timeOf(item, "startsAt");
    a.endsAt = timeOf(item, "endsAt");
    a.updatedAt = timeOf(item, "updatedAt");
    a.generatorUrl = JsonRead::string(item, "generatorURL");
    const Json &status = JsonRead::object(item, "status");
    const QString state = JsonRead::string(status, "state");
    a.state = state == QLatin1String("suppressed")    ? Alert::State::Suppressed
              : state == QLatin1String("unprocessed") ? Alert::State::Unprocessed
                                                      : Alert::State::Active;
    a.silencedBy
        = stringArray(JsonRead::array(status, "silencedBy"), AlertmanagerResponse::MaxIdsPerAlert);
    a.inhibitedBy
        = stringArray(JsonRead::array(status, "inhibitedBy"), AlertmanagerResponse::MaxIdsPerAlert);
    for (const Json &r : JsonRead::array(item, "receivers")) {
        if (a.receivers.size() >= AlertmanagerResponse::MaxIdsPerAlert)
            break;
        const QString name = JsonRead::string(r, "name");
        if (!name.isEmpty())
            a.receivers.append(name);
    }
    return a;
}

Silence silenceOf(const Json &item)
{
    Silence s;
    s.id = JsonRead::string(item, "id");
    for (const Json &m : JsonRead::array(item, "matchers")) {
        if (s.matchers.size() >= AlertmanagerResponse::MaxMatchers)
            break;
        SilenceMatcher matcher;
        matcher.name = JsonRead::string(m, "name");
        if (matcher.name.isEmpty())
            continue;
        matcher.value = JsonRead::string(m, "value");
        matcher.isRegex = JsonRead::boolean(m, "isRegex", false);
        matcher.isEqual = JsonRead::boolean(m, "isEqual", true); // absent before 0.22
        s.matchers.append(matcher);
    }
    s.startsAt = timeOf(item, "startsAt");
    s.endsAt = timeOf(item, "endsAt");
    s.updatedAt = timeOf(item, "updatedAt");
    s.createdBy = JsonRead::string(item, "createdBy");
    s.comment = JsonRead::string(item, "comment");
    const QString state = JsonRead::string(JsonRead::object(item, "status"), "state");
    s.state = state == QLatin1String("active")    ? Silence::State::Active
              : state == QLatin1String("pending") ? Silence::State::Pending
              : state == QLatin1String("expired") ? Silence::State::Expired
                                                  : Silence::State::Unknown;
    return s;
}

// The top-level array of a 2xx answer, or the Error to return.
Result<Json> arrayAnswer(int httpStatus, const QByteArray &body, const QString &what)
{
    if (httpStatus < 200 || httpStatus >= 300)
        return AlertmanagerResponse::errorOf(httpStatus, body, what);
    Json answer = JsonRead::parse(body);
    if (answer.is_discarded() || !answer.is_array()) {
        Error e(Error::Code::ParseError,
                tr("HTTP %1: the answer is not an Alertmanager API v2 list").arg(httpStatus), what);
        e.httpStatus = httpStatus;
        return e;
    }
    return answer;
}

} // namespace

Error AlertmanagerResponse::errorOf(int httpStatus, const QByteArray &body, const QString &what)
{
    ApiResponse response;
    response.status = httpStatus;
    response.body = body;
    Error e = response.toError(what);
    // Alertmanager's own error bodies: a JSON string, or go-swagger's {"code", "message"}.
    // (An API server's metav1.Status was read by toError.)
    const Json answer = JsonRead::parse(body);
    QString message;
    if (answer.is_string())
        message = JsonRead::toString(answer);
    else if (answer.is_object() && !JsonRead::string(answer, "kind").isEmpty())
        message.clear(); // a Status: toError has its message
    else if (answer.is_object())
        message = JsonRead::string(answer, "message");
    else if (answer.is_discarded() && !body.trimmed().startsWith('<'))
        message = QString::fromUtf8(body.left(500)).trimmed(); // plain text, not an HTML page
    if (!message.isEmpty())
        e.message = message;
    if (e.code == Error::Code::Unknown)
        e.code = Error::Code::ServerError;
    return e;
}

Result<QList<Alert>> AlertmanagerResponse::decodeAlerts(int httpStatus, const QByteArray &body,
                                                        const QString &what)
{
    Result<Json> answer = arrayAnswer(httpStatus, body, what);
    if (!answer.ok())
        return answer.error();
    if (static_cast<qint64>(answer->size()) > MaxAlerts)
        return tooLarge(QT_TRANSLATE_NOOP("AlertmanagerResponse", "alerts"), MaxAlerts, what);
    QList<Alert> alerts;
    alerts.reserve(static_cast<qsizetype>(answer->size()));
    for (const Json &item : *answer)
        if (item.is_object())
            alerts.append(alertOf(item));
    return alerts;
}

Result<QList<Silence>> AlertmanagerResponse::decodeSilences(int httpStatus, const QByteArray &body,
                                                            const QString &what)
{
    Result<Json> answer = arrayAnswer(httpStatus, body, what);
    if (!answer.ok())
        return answer.error();
    if (static_cast<qint64>(answer->size()) > MaxSilences)
        return tooLarge(QT_TRANSLATE_NOOP("AlertmanagerResponse", "silences"), MaxSilences, what);
    QList<Silence> silences;
    silences.reserve(static_cast<qsizetype>(answer->size()));
    for (const Json &item : *answer)
        if (item.is_object())
            silences.append(silenceOf(item));
    return silences;
}

Result<QString> AlertmanagerResponse::decodeSilenceId(int httpStatus, const QByteArray &body,
                                                      const QString &what)
{
    if (httpStatus < 200 || httpStatus >= 300)
        return errorOf(httpStatus, body, what);
    const QString id = JsonRead::string(JsonRead::parse(body), "silenceID");
    if (id.isEmpty()) {
        Error e(Error::Code::ParseError, tr("the answer names no silence id"), what);
        e.httpStatus = httpStatus;
        return e;
    }
    return id;
}

Result<void> AlertmanagerResponse::decodeEmpty(int httpStatus, const QByteArray &body,
                                               const QString &what)
{
    if (httpStatus < 200 || httpStatus >= 300)
        return errorOf(httpStatus, body, what);
    return {};
}

QByteArray AlertmanagerResponse::encodeSilence(const Silence &silence)
{
    return JsonRead::dumpBytes(silenceJson(silence));
}

nlohmann::json AlertmanagerResponse::silenceJson(const Silence &silence)
{
    Json matchers = Json::array();
    for (const SilenceMatcher &m : silence.matchers)
        matchers.push_back({{"name", m.name.toStdString()},
                            {"value", m.value.toStdString()},
                            {"isRegex", m.isRegex},
                            {"isEqual", m.isEqual}});
    Json body = {{"matchers", matchers},
                 {"startsAt", formatTime(silence.startsAt).toStdString()},
                 {"endsAt", formatTime(silence.endsAt).toStdString()},
                 {"createdBy", silence.createdBy.toStdString()},
                 {"comment", silence.comment.toStdString()}};
    if (!silence.id.isEmpty())
        body["id"] = silence.id.toStdString();
    return body;
}

QDateTime AlertmanagerResponse::parseTime(const QString &text)
{
    // Go writes up to nine fractional digits; Qt reads milliseconds. Cut to three. A date
    // longer than any RFC 3339 form is not one (and is not run through the expression).
    if (text.isEmpty() || text.size() > 64)
        return {};
    static const QRegularExpression frac(QStringLiteral("(\\.\\d{3})\\d+"));
    QString t = text;
    t.replace(frac, QStringLiteral("\\1"));
    const QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QString AlertmanagerResponse::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace Orrery
