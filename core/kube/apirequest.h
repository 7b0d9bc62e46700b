// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

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

    static ApiRequest get(const QString &path)
    {
        ApiRequest r;
        r.path = path;
        return r;
    }
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

    bool isSuccess() const { return status >= 200 && status < 300; }

    // Maps the status (and a metav1.Status body when present) to an Error: 401 AuthError,
    // 403 Forbidden, 404 NotFound, 409 Conflict, 410 Expired, 429 TooManyRequests, 5xx
    // ServerError. `context` names what was requested ("pods in kube-system").
    Error toError(const QString &context = {}) const;
};

// Convenience: a Result holding the body for 2xx, else the mapped error.
Result<QByteArray> bodyOrError(const Result<ApiResponse> &response, const QString &context = {});

} // namespace Orrery
