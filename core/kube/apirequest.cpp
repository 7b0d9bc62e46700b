// SPDX-License-Identifier: GPL-3.0-or-later
#include "apirequest.h"

#include "util/jsonread.h"

#include <algorithm>

namespace Orrery {

ApiStatus ApiStatus::decode(QByteArrayView body)
{
    ApiStatus s;
    const nlohmann::json j = JsonRead::parse(body);
    s.isStatus = JsonRead::string(j, "kind") == QLatin1String("Status");
    s.code = JsonRead::integer(j, "code");
    s.message = JsonRead::string(j, "message");
    for (const nlohmann::json &cause : JsonRead::array(j, {"details", "causes"}))
        s.causes.append({JsonRead::string(cause, "reason"), JsonRead::string(cause, "message"),
                         JsonRead::string(cause, "field")});
    return s;
}

void ApiResponse::decodeStatus()
{
    if (!isSuccess() && !decodedStatus)
        decodedStatus = std::make_shared<const ApiStatus>(ApiStatus::decode(body));
}

ApiStatus ApiResponse::apiStatus() const
{
    return decodedStatus ? *decodedStatus : ApiStatus::decode(body);
}

QByteArray ApiResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers)
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return QByteArray();
}

Error ApiResponse::toError(const QString &context) const
{
    using Code = Error::Code;
    Code code = Code::Unknown;
    switch (status) {
    case 400:
    case 422: code = Code::InvalidArgument; break;
    case 401: code = Code::AuthError; break;
    case 403: code = Code::Forbidden; break;
    case 404: code = Code::NotFound; break;
    case 409: code = Code::Conflict; break;
    case 410: code = Code::Expired; break;
    case 429: code = Code::TooManyRequests; break;
    case 504: code = Code::Timeout; break;
    default:
        if (status >= 500)
            code = Code::ServerError;
        break;
    }
    // A metav1.Status body carries the server's own sentence ("pods is forbidden: ...").
    // Any field may be missing, null or of another type (a proxy's own JSON, a broken server).
    const ApiStatus decoded = apiStatus();
    QString message = decoded.isStatus ? decoded.message : QString();
    if (message.isEmpty())
        message = QStringLiteral("the server answered HTTP %1").arg(status);
    Error e(code, message, context);
    e.httpStatus = status;
    // As client-go: a 429 or 5xx with Retry-After (delta-seconds) sets the earliest retry.
    // Capped, so a wrong header cannot silence a watch for hours.
    constexpr int MaxRetryAfterSeconds = 300;
    if ((status == 429 || status >= 500) && retryAfterSeconds > 0)
        e.retryAfterMs = std::min(retryAfterSeconds, MaxRetryAfterSeconds) * 1000;
    switch (code) {
    case Code::AuthError:
        e.hint = QStringLiteral("the credentials were rejected; log in again or refresh the token");
        break;
    case Code::Forbidden: e.hint = QStringLiteral("ask a cluster admin for RBAC permission"); break;
    default: break;
    }
    return e;
}

Result<QByteArray> bodyOrError(const Result<ApiResponse> &response, const QString &context)
{
    if (!response.ok())
        return response.error();
    if (!response->isSuccess())
        return response->toError(context);
    return response->body;
}

} // namespace Orrery
