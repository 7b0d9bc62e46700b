// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfetch.h"

#include <kube/httptransport.h>

#include <QStringList>

namespace Orrery {

void fetchJson(HttpTransport *transport, const QString &path, QObject *context, JsonHandler handler)
{
    transport->send(ApiRequest::get(path), context, [path, handler](const Result<ApiResponse> &response) {
        Result<QByteArray> body = bodyOrError(response, path);
        if (!body.ok()) {
            handler(body.error());
            return;
        }
        nlohmann::json j = nlohmann::json::parse(body->constData(), body->constData() + body->size(),
                                                 nullptr, false);
        if (j.is_discarded()) {
            handler(Error(Error::Code::ParseError, QStringLiteral("the server's answer is not JSON"), path));
            return;
        }
        handler(std::move(j));
    });
}

QString matchLabelsSelector(const nlohmann::json &selector)
{
    QStringList parts;
    if (selector.is_object() && selector.contains("matchLabels") && selector["matchLabels"].is_object())
        for (const auto &[k, v] : selector["matchLabels"].items())
            if (v.is_string())
                parts << QString::fromStdString(k) + QLatin1Char('=') + QString::fromStdString(v.get<std::string>());
    return parts.join(QLatin1Char(','));
}

} // namespace Orrery
