// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfetch.h"

#include <kube/httptransport.h>
#include <util/jsonread.h>

#include <QStringList>

namespace Orrery {

void fetchJson(HttpTransport *transport, const QString &path, QObject *context, JsonHandler handler)
{
    transport->send(ApiRequest::get(path), context,
                    [path, handler](const Result<ApiResponse> &response) {
                        Result<QByteArray> body = bodyOrError(response, path);
                        if (!body.ok()) {
                            handler(body.error());
                            return;
                        }
                        nlohmann::json j = JsonRead::parse(*body);
                        if (j.is_discarded()) {
                            handler(Error(Error::Code::ParseError,
                                          QStringLiteral("the server's answer is not JSON"), path));
                            return;
                        }
                        handler(std::move(j));
                    });
}

QString matchLabelsSelector(const nlohmann::json &selector)
{
    QStringList parts;
    const nlohmann::json &labels = JsonRead::object(selector, "matchLabels");
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (it->is_string())
            parts << QString::fromStdString(it.key()) + QLatin1Char('=') + JsonRead::toString(*it);
    return parts.join(QLatin1Char(','));
}

} // namespace Orrery
