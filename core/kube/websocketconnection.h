// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusterconnection.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace Orrery::Internal {

// One WebSocket connection to a context's API server (pods/exec, pods/portforward), on a
// thread of its own. Debian 12's libcurl (7.88) has no ws:// support, so libcurl is used with
// CURLOPT_CONNECT_ONLY: it connects with the kubeconfig's CA, client certificate, proxy
// (CONNECT tunnel) and tls-server-name exactly as HttpTransport does, and this class writes
// the HTTP/1.1 upgrade (with the bearer token, never logged) and the RFC 6455 frames
// (common/websocketframe.h) over curl_easy_send/recv.
//
// Callbacks run on the connection's thread; the owner marshals them to its own thread.
// Sending is thread-safe and bounded: beyond `maxQueuedBytes` unsent, send() refuses.
class WebSocketConnection
{
public:
    struct Handlers
    {
        std::function<void(const QByteArray &protocol)> opened;
        std::function<void(const QByteArray &message)> message; // binary messages
        // Once, last: an Error when it failed or broke (a refused upgrade carries the server's
        // status message and HTTP status), success after a close handshake or a clean EOF.
        std::function<void(const Result<void> &)> closed;
    };

    static constexpr qsizetype maxQueuedBytes = 4 * 1024 * 1024;

    WebSocketConnection(ClusterConnection connection, QString path, QList<QByteArray> protocols,
                        Handlers handlers);
    ~WebSocketConnection(); // closes and joins; no handler runs after it returns

    WebSocketConnection(const WebSocketConnection &) = delete;
    WebSocketConnection &operator=(const WebSocketConnection &) = delete;

    void start();
    bool send(const QByteArray &binaryMessage);
    void close(); // close handshake, then `closed`

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Internal
