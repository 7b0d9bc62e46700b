// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/apirequest.h"
#include "kube/httptransport.h"
#include "util/async.h"
#include "util/limits.h"
#include "util/result.h"

#include <QDateTime>
#include <QPointer>
#include <QString>

#include <functional>

namespace Orrery {

// What the GitLab and Jenkins clients share: requests chained on the transport's worker
// thread (so every answer is decoded there, never on the GUI thread), delivery of the final
// Result to the caller's context, and the readers both providers' answers need.
namespace PipelineHttp {

// Called on the transport's worker thread with the answer (any HTTP status) or the
// transport's Error (its context set to `url` when it had none).
using Done = std::function<void(Result<ApiResponse> &&)>;

// The URL a request asks, for Error::context: the transport's server without user info,
// plus the path.
QString urlOf(const HttpTransport *transport, const QString &path);

// Sends `request`; `done` runs on the worker. A body beyond `maxBodyBytes` fails the request
// with Error::Code::TooLarge.
void send(HttpTransport *transport, ApiRequest request, Done done,
          qint64 maxBodyBytes = Limits::maxResponseBodyBytes);

// Hands `out` to `handler` on `context`'s thread (never once `context` is gone). Errors
// without a context get `what`.
template <typename T>
void deliver(HttpTransport *transport, QObject *context,
             std::function<void(const Result<T> &)> handler, Result<T> out, const QString &what)
{
    if (!out.ok() && out.error().context.isEmpty()) {
        Error e = out.error();
        e.context = what;
        out = std::move(e);
    }
    const QPointer<QObject> ctx(context);
    Async::deliverVia(transport, ctx,
                      [handler = std::move(handler), out = std::move(out)] { handler(out); });
}

// A path segment or query value, percent-encoded.
QString encoded(const QString &text);

// ISO 8601 / RFC 3339 ("2026-12-07T09:00:00.123Z", "+01:00", Blue Ocean's "+0000") to UTC;
// invalid when it does not parse.
QDateTime parseTime(const QString &text);
// Milliseconds since the epoch (Jenkins) to UTC; invalid for 0 or less.
QDateTime fromMillis(qint64 millis);

// The Error for a non-2xx answer of a CI provider: the HTTP status mapped to a code as
// ApiResponse::toError does, the server's own words when the body says them ({"message"},
// {"error"}, a JSON string, or a short text line; an HTML page gives the status only),
// and a hint about credentials for 401/403 (never the credential itself).
Error errorOf(const ApiResponse &response, const QString &what, const QString &provider);

// Whether a 2xx answer's body is a JSON document at all; the ParseError to return if not.
Error notAnswer(int httpStatus, const QString &what, const QString &expected);

} // namespace PipelineHttp

} // namespace Orrery
