// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinehttp.h"

#include "kube/curlworker.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace Orrery::PipelineHttp {

QString urlOf(const HttpTransport *transport, const QString &path)
{
    const QUrl server(transport->connection().server);
    return server.adjusted(QUrl::RemoveUserInfo).toString() + path;
}

void send(HttpTransport *transport, ApiRequest request, Done done, qint64 maxBodyBytes)
{
    Internal::CurlJob job;
    const QString url = urlOf(transport, request.path);
    job.request = std::move(request);
    job.maxBodyBytes = maxBodyBytes;
    job.onDone = [url, done = std::move(done)](Result<ApiResponse> &&response) {
        if (!response.ok() && response.error().context.isEmpty()) {
            Error e = response.error();
            e.context = url;
            response = std::move(e);
        }
        done(std::move(response));
    };
    transport->worker()->submit(std::move(job));
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QDateTime parseTime(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return QDateTime();
    // "+0000" (Java's SimpleDateFormat, Blue Ocean) as "+00:00".
    static const QRegularExpression compactOffset(QStringLiteral("[+-]\\d{4}$"));
    if (t.size() > 5 && compactOffset.match(t).hasMatch() && t.at(t.size() - 5) != QLatin1Char('-'))
        t.insert(t.size() - 2, QLatin1Char(':'));
    QDateTime time = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!time.isValid()) {
        // More than three fractional digits: keep three.
        static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
        t.replace(fraction, QStringLiteral("\\1"));
        time = QDateTime::fromString(t, Qt::ISODateWithMs);
    }
    return time.isValid() ? time.toUTC() : QDateTime();
}

QDateTime fromMillis(qint64 millis)
{
    // Up to year 9999: beyond, the number is not a time.
    if (millis <= 0 || millis > 253402300799000LL)
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC);
}

Error errorOf(const ApiResponse &response, const QString &what, const QString &provider)
{
    Error e = response.toError(what);
    const QByteArray body = response.body.left(64 * 1024);
    const JsonRead::Json answer = JsonRead::parse(body);
    QString message;
    if (answer.is_string()) {
        message = JsonRead::toString(answer);
    } else if (answer.is_object()) {
        // GitLab: {"message": "401 Unauthorized"}, {"message": {"base": ["..."]}},
        // {"error": "insufficient_scope", "error_description": "..."}; Jenkins: {"message"}.
        message = JsonRead::string(answer, "message");
        if (message.isEmpty()) {
            const JsonRead::Json &fields = JsonRead::object(answer, "message");
            QStringList parts;
            for (auto it = fields.begin(); it != fields.end() && parts.size() < 10; ++it) {
                const QStringList words = it->is_array() ? JsonRead::stringList(*it, {})
                                                         : QStringList{JsonRead::toString(*it)};
                parts.append(QString::fromStdString(it.key()) + QLatin1Char(' ')
                             + words.join(QLatin1String(", ")));
            }
            message = parts.join(QLatin1String("; "));
        }
        if (message.isEmpty())
            message = JsonRead::string(answer, "error_description");
        if (message.isEmpty())
            message = JsonRead::string(answer, "error");
    } else if (answer.is_discarded() && !body.trimmed().startsWith('<')) {
        const QString text = QString::fromUtf8(body).trimmed();
        message = text.section(QLatin1Char('\n'), 0, 0).left(300);
    }
    if (!message.isEmpty())
        e.message = message.left(1000);
    if (response.status == 401)
        e.hint = QCoreApplication::translate("PipelineHttp",
                                             "%1 rejected the credentials: check the token")
                     .arg(provider);
    else if (response.status == 403)
        e.hint = QCoreApplication::translate(
                     "PipelineHttp", "%1 refused: the token lacks the permission (or scope)")
                     .arg(provider);
    else
        e.hint.clear();
    return e;
}

Error notAnswer(int httpStatus, const QString &what, const QString &expected)
{
    Error e(Error::Code::ParseError,
            QCoreApplication::translate("PipelineHttp", "HTTP %1: the answer is not %2")
                .arg(httpStatus)
                .arg(expected),
            what);
    e.httpStatus = httpStatus;
    return e;
}

} // namespace Orrery::PipelineHttp
