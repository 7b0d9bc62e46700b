// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusterconnection.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace Orrery {

namespace Internal {
class WebSocketConnection;
class PortForwardRelay;
} // namespace Internal

struct PortForwardOptions
{
    QString ns;
    QString pod;
    quint16 remotePort = 0;
    quint16 localPort = 0; // 0: any free port on 127.0.0.1

    // /api/v1/namespaces/NS/pods/POD/portforward?ports=REMOTE
    QString path() const;
};

// One TCP connection carried through pods/portforward over the WebSocket channel protocol the
// API server serves (kubelet's handleWebSocketStreams): subprotocol v4.channel.k8s.io, one
// port per request, channel 0 its data and channel 1 its errors; the server opens each
// channel with the port as 2 bytes little-endian, checked here and not handed on. The server
// closes the WebSocket when the container's end of the connection closes, and an error (the
// port is closed in the container) arrives as text on channel 1.
//
// The network runs on the stream's own thread (Internal::WebSocketConnection); signals are
// delivered on the thread that owns the stream. write() is bounded by the connection's queue.
class PortForwardStream : public QObject
{
    Q_OBJECT

public:
    PortForwardStream(ClusterConnection connection, QString ns, QString pod, quint16 port,
                      QObject *parent = nullptr);
    ~PortForwardStream() override; // closes the stream and joins its thread

    void start();
    // Data for the container's port; false when the unsent queue is full (try again later).
    bool write(const QByteArray &data);
    void close();
    bool isFinished() const { return m_done; }

    // Each channel's first message: the port, 2 bytes little-endian. Exposed for the tests.
    static QByteArray portPrefix(quint16 port);

signals:
    void opened();
    void received(const QByteArray &data);
    // Once, last: an Error naming the server's complaint (the error channel's text, a refused
    // upgrade, a lost connection), success when the stream simply ended.
    void finished(const Orrery::Result<void> &result);

private:
    void onMessage(const QByteArray &message);
    void onClosed(const Result<void> &result);

    ClusterConnection m_connection;
    QString m_path;
    quint16 m_port;
    std::unique_ptr<Internal::WebSocketConnection> m_socket;
    bool m_seenPort[2] = {false, false};
    QByteArray m_errorText; // bounded
    QString m_protocolError;
    bool m_done = false;
};

// `kubectl port-forward pod/POD LOCAL:REMOTE`: listens on 127.0.0.1:LOCAL and carries every
// accepted connection through its own PortForwardStream (as kubectl does, one stream per
// connection). The listener, the sockets and the streams live on a thread of their own, so no
// byte is copied on the owner's thread; signals arrive on the owner's thread. A connection
// the remote side refuses is closed and said (streamError); the forward keeps listening, as
// kubectl's does, until stop() or destruction.
class PortForwardSession : public QObject
{
    Q_OBJECT

public:
    PortForwardSession(ClusterConnection connection, PortForwardOptions options,
                       QObject *parent = nullptr);
    ~PortForwardSession() override; // stops listening, closes every connection, joins

    const PortForwardOptions &options() const { return m_options; }
    QString contextName() const { return m_connection.contextName; }
    void start();
    void stop();

    bool isListening() const { return m_listening; }
    // The local port once listening (the chosen one when options().localPort is 0).
    quint16 localPort() const { return m_localPort; }
    int activeConnections() const { return m_active; }
    int totalConnections() const { return m_total; }
    qint64 bytesToPod() const;
    qint64 bytesFromPod() const;

    struct Counters
    {
        std::atomic<qint64> toPod{0};
        std::atomic<qint64> fromPod{0};
    };

signals:
    void listening(quint16 localPort);
    // Listening failed (the port is taken, ...): nothing is forwarded.
    void failed(const Orrery::Error &error);
    void connectionsChanged(int active, int total);
    // A connection the API server or the container refused or broke, in its words.
    void streamError(const QString &message);
    // After stop() (also from the destructor): the listener is closed, every connection ended.
    void stopped();

private:
    ClusterConnection m_connection;
    PortForwardOptions m_options;
    std::shared_ptr<Counters> m_counters;
    QThread m_thread;
    Internal::PortForwardRelay *m_relay = nullptr;
    bool m_listening = false;
    bool m_stopped = false;
    quint16 m_localPort = 0;
    int m_active = 0;
    int m_total = 0;
};

} // namespace Orrery
