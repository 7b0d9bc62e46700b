// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace Orrery {

// One HTTP request against the cluster's API server. `path` is relative to the server URL
// (which may itself carry a path prefix) and includes the query: "/api/v1/pods?limit=500".
struct ApiRequest
{
    QByteArray method = "GET";
    QString path;
    QByteArray body;
    QByteArray contentType; // e.g. "application/merge-patch+json"
    QByteArray accept = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers
    int connectTimeoutMs = 10000;
    // Total time allowed; 0: no limit (watches and followed logs).
    int timeoutMs = 30000;
    // Streams only: no byte for this long means the connection is dead (half-open TCP);
    // the request then fails with Error::Code::Timeout. 0: no limit.
    int idleTimeoutMs = 0;
    // Follow 3xx answers (at most 5; http and https only), as for a GitHub job log that
    // redirects to its storage. curl sends no Authorization header to another host or port.
    bool followRedirects = false;

    static ApiRequest get(const QString &path)
    {
        ApiRequest r;
        r.path = path;
        return r;
    }
};

// What a non-2xx answer's metav1.Status body says (any part may be missing: a proxy's own
// JSON, a broken server, or no JSON at all read as empty).
struct ApiStatus
{
    struct Cause
    {
        QString reason;  // "FieldManagerConflict"
        QString message; // "conflict with \"kubectl\" using apps/v1"
        QString field;   // ".spec.replicas"
    };
    bool isStatus = false; // the body is an object of kind Status
    qint64 code = 0;       // its `code` (0 when absent)
    QString message;       // its `message`
    QList<Cause> causes;   // details.causes

    // Decodes `body` (bounded and tolerant: JsonRead).
    static ApiStatus decode(QByteArrayView body);
};

// A completed HTTP exchange. Any HTTP status is a response (the transport only fails for
// network, TLS, timeout, credential and cancellation problems); use toError() for non-2xx.
struct ApiResponse
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QByteArray httpVersion;     // "1.1", "2"
    int retryAfterSeconds = -1; // the Retry-After header in seconds (-1: none or not a number)
    // The final response's headers, names lowercased, in order (at most MaxHeaders; the
    // providers' APIs page and stream with them: X-Next-Page, X-Text-Size, Location).
    QList<QPair<QByteArray, QByteArray>> headers;
    static constexpr int MaxHeaders = 200;

    // A non-2xx body decoded by the transport on its worker (decodeStatus()), so that callers
    // explaining a failure on the GUI thread never parse JSON there.
    std::shared_ptr<const ApiStatus> decodedStatus;

    bool isSuccess() const { return status >= 200 && status < 300; }
    // The first header named `name` (any case), or empty.
    QByteArray header(QByteArrayView name) const;

    // Decodes a non-2xx body into decodedStatus (once); the transport calls it on its worker.
    void decodeStatus();
    // The decoded Status: decodedStatus when set, else the body decoded now.
    ApiStatus apiStatus() const;

    // Maps the status (and a metav1.Status body when present) to an Error: 401 AuthError,
    // 403 Forbidden, 404 NotFound, 409 Conflict, 410 Expired, 429 TooManyRequests, 5xx
    // ServerError. `context` names what was requested ("pods in kube-system").
    Error toError(const QString &context = {}) const;
};

// Convenience: a Result holding the body for 2xx, else the mapped error.
Result<QByteArray> bodyOrError(const Result<ApiResponse> &response, const QString &context = {});

} // namespace Orrery
