// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "clusterconnection.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace Orrery {

namespace Internal {
class CurlWorker;
}

// The HTTP client of one cluster connection: one worker thread that drives libcurl's multi
// interface for every request of the connection (HTTP/2 multiplexes them over one TLS
// connection when the server offers it). The GUI thread never blocks on it.
//
// TLS: the CA PEM, client certificate and key are handed to curl as in-memory blobs.
// tls-server-name is implemented with CURLOPT_CONNECT_TO: the URL carries the TLS server name
// (so SNI and certificate verification use it) while the TCP connection goes to the real
// host. The Host header then also carries the TLS name, which the API server ignores.
//
// Credentials come from ClusterConnection::credentials, called on the worker thread for each
// request; a 401 makes the transport call reportUnauthorized() and retry once with a fresh
// credential. Credentials and bodies are never logged.
//
// Callbacks run on the thread of `context` (queued), and not at all once `context` is
// destroyed or the request is cancelled.
class HttpTransport : public QObject
{
    Q_OBJECT

public:
    using RequestId = quint64;
    using ResponseHandler = std::function<void(const Result<ApiResponse> &)>;
    using ChunkHandler = std::function<void(const QByteArray &chunk)>;

    explicit HttpTransport(ClusterConnection connection, QObject *parent = nullptr);
    ~HttpTransport() override; // cancels everything and joins the worker

    const ClusterConnection &connection() const { return m_connection; }

    // Any method, body and content type; the response (any status) or a transport error.
    RequestId send(ApiRequest request, QObject *context, ResponseHandler onFinished);
    RequestId get(const QString &path, QObject *context, ResponseHandler onFinished);

    // A streaming GET (pods/log?follow=true, watches): 2xx body bytes are delivered as they
    // arrive; a non-2xx body is collected and handed to onFinished instead. `request` usually
    // has timeoutMs 0 and an idleTimeoutMs.
    RequestId stream(ApiRequest request, QObject *context, ChunkHandler onChunk,
                     ResponseHandler onFinished);

    // The handlers of a cancelled request are not called, even when its answer was already
    // on its way. Call it from the transport's thread.
    void cancel(RequestId id);

    // Used by informers, discovery and the doctor: the worker whose callbacks run on the
    // worker thread itself (so decoding happens there).
    Internal::CurlWorker *worker() const { return m_worker.get(); }

private:
    bool takeCancelled(RequestId id);

    ClusterConnection m_connection;
    QSet<RequestId> m_cancelled;
    std::unique_ptr<Internal::CurlWorker> m_worker;
};

} // namespace Orrery
