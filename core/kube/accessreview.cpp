// SPDX-License-Identifier: GPL-3.0-or-later
#include "accessreview.h"

#include "curlworker.h"
#include "httptransport.h"
#include "util/jsonread.h"

#include <nlohmann/json.hpp>

#include <QPointer>
#include <QThread>

#include <memory>

namespace Orrery {

void AccessReview::run(HttpTransport *transport, const QList<AccessCheck> &checks, QObject *context,
                       Handler handler)
{
    struct State
    {
        QList<AccessResult> results;
        int pending = 0;
        Handler handler;
    };
    auto state = std::make_shared<State>();
    state->handler = std::move(handler);
    state->pending = int(checks.size());
    for (const AccessCheck &c : checks)
        state->results.append(AccessResult{c, false, {}, std::nullopt});
    if (checks.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [state] { state->handler(state->results); }, Qt::QueuedConnection);
        return;
    }
    for (int i = 0; i < checks.size(); ++i) {
        const AccessCheck &c = checks.at(i);
        nlohmann::json attrs = {{"verb", c.verb.toStdString()},
                                {"group", c.group.toStdString()},
                                {"resource", c.resource.toStdString()}};
        if (!c.namespaceName.isEmpty())
            attrs["namespace"] = c.namespaceName.toStdString();
        if (!c.subresource.isEmpty())
            attrs["subresource"] = c.subresource.toStdString();
        if (!c.name.isEmpty())
            attrs["name"] = c.name.toStdString();
        const nlohmann::json review = {{"apiVersion", "authorization.k8s.io/v1"},
                                       {"kind", "SelfSubjectAccessReview"},
                                       {"spec", {{"resourceAttributes", attrs}}}};
        ApiRequest r;
        r.method = "POST";
        r.path = QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
        r.contentType = "application/json";
        r.body = JsonRead::dumpBytes(review);
        r.timeoutMs = 15000;
        // The answer is decoded on the transport's worker; only the verdict comes back.
        Internal::CurlJob job;
        job.request = std::move(r);
        const QPointer<QObject> ctx(context);
        job.onDone = [transport, ctx, state, i,
                      unanswered = state->results.at(i)](Result<ApiResponse> &&response) {
            AccessResult result = unanswered;
            Result<QByteArray> body
                = bodyOrError(response, QStringLiteral("SelfSubjectAccessReview"));
            if (!body.ok()) {
                result.error = body.error();
            } else {
                const nlohmann::json j = JsonRead::parse(*body);
                if (const nlohmann::json *s = JsonRead::find(j, "status"); s && s->is_object()) {
                    // Not allowed unless it says so with a boolean.
                    result.allowed
                        = JsonRead::boolean(*s, "allowed") && !JsonRead::boolean(*s, "denied");
                    result.reason = JsonRead::string(*s, "reason");
                } else {
                    result.error
                        = Error(Error::Code::ParseError,
                                QStringLiteral("unexpected SelfSubjectAccessReview answer"));
                }
            }
            // By way of the transport (it outlives the worker's callbacks): `ctx` is only
            // looked at on the transport's thread, then the handler runs on `ctx`'s.
            QMetaObject::invokeMethod(
                transport,
                [ctx, state, i, result] {
                    if (!ctx)
                        return;
                    auto land = [state, i, result] {
                        state->results[i] = result;
                        if (--state->pending == 0)
                            state->handler(state->results);
                    };
                    if (ctx->thread() == QThread::currentThread())
                        land();
                    else
                        QMetaObject::invokeMethod(ctx.data(), land, Qt::QueuedConnection);
                },
                Qt::QueuedConnection);
        };
        transport->worker()->submit(std::move(job));
    }
}

} // namespace Orrery
