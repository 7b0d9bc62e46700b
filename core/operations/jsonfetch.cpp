// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfetch.h"

#include "kube/curlworker.h"
#include "kube/httptransport.h"
#include "util/async.h"
#include "util/jsonread.h"
#include "util/redaction.h"

#include <QPointer>
#include <QStringList>
#include <QThread>

namespace Orrery {

namespace {

// Runs `fn` on `context`'s thread by way of the transport, which outlives every worker
// callback (its destructor joins the worker), as HttpTransport delivers its answers.
template <typename Fn>
void deliver(HttpTransport *transport, const QPointer<QObject> &context, Fn fn)
{
    Async::deliverVia(transport, context, std::move(fn));
}

} // namespace

void fetchJson(HttpTransport *transport, const QString &path, QObject *context, JsonHandler handler,
               JsonFetchOptions options)
{
    Internal::CurlJob job;
    job.request = ApiRequest::get(path);
    const QPointer<QObject> ctx(context);
    job.onDone = [transport, ctx, path, handler, options](Result<ApiResponse> &&response) {
        // Worker thread: decode (and redact) here, never on the caller's thread.
        Result<nlohmann::json> out = Error();
        Result<QByteArray> body = bodyOrError(response, path);
        if (!body.ok()) {
            out = body.error();
        } else {
            nlohmann::json j = JsonRead::parse(*body);
            if (j.is_discarded()) {
                out = Error(Error::Code::ParseError,
                            QStringLiteral("the server's answer is not JSON"), path);
            } else {
                if (options.secret && j.is_object()) {
                    // Some servers leave the kind out of a single GET; the rule needs it.
                    j["kind"] = "Secret";
                    j = Redaction::hideSecretValues(std::move(j));
                }
                out = std::move(j);
            }
        }
        deliver(transport, ctx, [handler, out = std::move(out)] { handler(out); });
    };
    transport->worker()->submit(std::move(job));
}

void runOnWorker(HttpTransport *transport, QObject *context,
                 std::function<std::function<void()>()> work)
{
    const QPointer<QObject> ctx(context);
    transport->worker()->post(
        [transport, ctx, work] { deliver(transport, ctx, [then = work()] { then(); }); });
}

void parseJson(HttpTransport *transport, QByteArray body, QObject *context,
               std::function<void(const nlohmann::json &)> handler)
{
    runOnWorker(transport, context, [body = std::move(body), handler]() -> std::function<void()> {
        nlohmann::json j = JsonRead::parse(body);
        return [handler, j = std::move(j)] { handler(j); };
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
