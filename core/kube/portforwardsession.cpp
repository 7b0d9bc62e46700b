// SPDX-License-Identifier: GPL-3.0-or-later
#include "portforwardsession.h"

#include "websocketconnection.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace Orrery {

namespace {

// The error channel carries one sentence; more is not kept.
constexpr qsizetype maxErrorText = 4096;
// One message to the pod at most (the API server, like orrery-sim, refuses messages over
// 1 MiB); the local socket's read buffer is bounded too, so while the stream's queue is full
// a fast local writer meets TCP's own back-pressure instead of filling memory.
constexpr qsizetype maxChunk = 64 * 1024;
constexpr qsizetype maxPendingToPod = 1024 * 1024;
constexpr int retryMs = 20;

} // namespace

QString PortForwardOptions::path() const
{
    return QStringLiteral("/api/v1/namespaces/%1/pods/%2/portforward?ports=%3")
        .arg(QString::fromUtf8(QUrl::toPercentEncoding(ns)),
             QString::fromUtf8(QUrl::toPercentEncoding(pod)))
        .arg(remotePort);
}

QByteArray PortForwardStream::portPrefix(quint16 port)
{
    QByteArray prefix(2, Qt::Uninitialized);
    prefix[0] = char(port & 0xFF);
    prefix[1] = char((port >> 8) & 0xFF);
    return prefix;
}

PortForwardStream::PortForwardStream(ClusterConnection connection, QString ns, QString pod,
                                     quint16 port, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_port(port)
{
    PortForwardOptions o;
    o.ns = std::move(ns);
    o.pod = std::move(pod);
    o.remotePort = port;
    m_path = o.path();
}

PortForwardStream::~PortForwardStream()
{
    m_socket.reset();
}

void PortForwardStream::start()
{
    if (m_socket)
        return;
    Internal::WebSocketConnection::Handlers handlers;
    handlers.opened = [this](const QByteArray &) {
        QMetaObject::invokeMethod(
            this, [this] { emit opened(); }, Qt::QueuedConnection);
    };
    handlers.message = [this](const QByteArray &message) {
        QMetaObject::invokeMethod(
            this, [this, message] { onMessage(message); }, Qt::QueuedConnection);
    };
    handlers.closed = [this](const Result<void> &result) {
        QMetaObject::invokeMethod(
            this, [this, result] { onClosed(result); }, Qt::QueuedConnection);
    };
    // The kubelet's binary channel protocol; "portforward.k8s.io" names the SPDY one.
    m_socket = std::make_unique<Internal::WebSocketConnection>(
        m_connection, m_path, QList<QByteArray>{QByteArrayLiteral("v4.channel.k8s.io")},
        std::move(handlers));
    m_socket->start();
}

bool PortForwardStream::write(const QByteArray &data)
{
    if (data.isEmpty())
        return true;
    if (!m_socket || m_done)
        return false;
    return m_socket->send(QByteArray(1, '\0') + data);
}

void PortForwardStream::close()
{
    if (m_socket && !m_done)
        m_socket->close();
}

void PortForwardStream::onMessage(const QByteArray &message)
{
    if (message.isEmpty() || m_done)
        return;
    const int channel = quint8(message.at(0));
    if (channel > 1) {
        if (m_protocolError.isEmpty())
            m_protocolError = tr("the API server sent on channel %1, which this forward does "
                                 "not have")
                                  .arg(channel);
        m_socket->close();
        return;
    }
    QByteArray data = message.mid(1);
    if (!m_seenPort[channel]) {
        // The channel's opening: the port it belongs to.
        if (data.size() < 2 || data.left(2) != portPrefix(m_port)) {
            if (m_protocolError.isEmpty())
                m_protocolError = tr("the API server opened the stream for another port");
            m_socket->close();
            return;
        }
        m_seenPort[channel] = true;
        data.remove(0, 2);
    }
    if (data.isEmpty())
        return;
    if (channel == 0)
        emit received(data);
    else if (m_errorText.size() < maxErrorText)
        m_errorText += data.left(maxErrorText - m_errorText.size());
}

void PortForwardStream::onClosed(const Result<void> &result)
{
    if (m_done)
        return;
    m_done = true;
    if (!m_protocolError.isEmpty())
        emit finished(Error(Error::Code::Network, m_protocolError, m_connection.contextName));
    else if (!m_errorText.isEmpty())
        emit finished(Error(Error::Code::ServerError, QString::fromUtf8(m_errorText).trimmed(),
                            m_connection.contextName));
    else
        emit finished(result);
}

namespace Internal {

// The listener and its connections, on the session's thread.
class PortForwardRelay : public QObject
{
    Q_OBJECT

public:
    PortForwardRelay(ClusterConnection connection, PortForwardOptions options,
                     std::shared_ptr<PortForwardSession::Counters> counters)
        : m_connection(std::move(connection))
        , m_options(std::move(options))
        , m_counters(std::move(counters))
    {
    }

    void listen()
    {
        m_server = new QTcpServer(this);
        if (!m_server->listen(QHostAddress::LocalHost, m_options.localPort)) {
            emit failed(Error(Error::Code::Network, tr("cannot listen on 127.0.0.1:%1: %2")
                                                        .arg(m_options.localPort)
                                                        .arg(m_server->errorString())));
            return;
        }
        connect(m_server, &QTcpServer::newConnection, this, &PortForwardRelay::accept);
        emit listening(m_server->serverPort());
    }

    void stop()
    {
        if (m_server)
            m_server->close();
        const auto links = m_links;
        for (Link *link : links)
            link->socket->abort();
        m_links.clear();
        qDeleteAll(links);
        emit connectionsChanged(0, m_total);
    }

    ~PortForwardRelay() override { qDeleteAll(m_links); }

signals:
    void listening(quint16 port);
    void failed(const Orrery::Error &error);
    void connectionsChanged(int active, int total);
    void streamError(const QString &message);

private:
    struct Link
    {
        QTcpSocket *socket = nullptr;
        PortForwardStream *stream = nullptr;
        QByteArray pending; // read locally, refused by the stream's full queue
        bool socketClosed = false;
        bool streamDone = false;
        ~Link()
        {
            delete stream;
            delete socket;
        }
    };

    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            auto *link = new Link;
            link->socket = socket;
            socket->setParent(nullptr);
            socket->setReadBufferSize(maxPendingToPod);
            link->stream = new PortForwardStream(m_connection, m_options.ns, m_options.pod,
                                                 m_options.remotePort);
            m_links.append(link);
            ++m_total;
            connect(socket, &QTcpSocket::readyRead, this, [this, link] { pump(link); });
            connect(socket, &QTcpSocket::disconnected, this, [this, link] {
                pump(link); // what the local side sent before closing still goes
                link->socketClosed = true;
                link->stream->close();
                settle(link);
            });
            connect(link->stream, &PortForwardStream::received, this,
                    [this, link](const QByteArray &data) {
                        m_counters->fromPod += data.size();
                        link->socket->write(data);
                    });
            connect(link->stream, &PortForwardStream::finished, this,
                    [this, link](const Result<void> &result) {
                        link->streamDone = true;
                        if (!result.ok())
                            emit streamError(result.error().message);
                        // What the container sent is delivered before the local end closes.
                        if (link->socket->state() == QAbstractSocket::ConnectedState)
                            link->socket->disconnectFromHost();
                        else
                            link->socketClosed = true;
                        settle(link);
                    });
            link->stream->start();
            emit connectionsChanged(int(m_links.size()), m_total);
        }
    }

    // Local bytes to the stream, as much as its queue takes.
    void pump(Link *link)
    {
        if (link->streamDone)
            return;
        while (true) {
            if (link->pending.isEmpty())
                link->pending = link->socket->read(maxChunk);
            if (link->pending.isEmpty())
                return;
            if (!link->stream->write(link->pending))
                break;
            m_counters->toPod += link->pending.size();
            link->pending.clear();
        }
        // The stream's queue is full: try again shortly (readyRead does not repeat for bytes
        // already buffered).
        QTimer::singleShot(retryMs, this, [this, link] {
            if (m_links.contains(link))
                pump(link);
        });
    }

    void settle(Link *link)
    {
        if (!link->socketClosed || !link->streamDone || !m_links.contains(link))
            return;
        m_links.removeOne(link);
        link->socket->disconnect(this);
        link->stream->disconnect(this);
        // Not from inside their own signals.
        QTimer::singleShot(0, this, [link] { delete link; });
        emit connectionsChanged(int(m_links.size()), m_total);
    }

    ClusterConnection m_connection;
    PortForwardOptions m_options;
    std::shared_ptr<PortForwardSession::Counters> m_counters;
    QTcpServer *m_server = nullptr;
    QList<Link *> m_links;
    int m_total = 0;
};

} // namespace Internal

PortForwardSession::PortForwardSession(ClusterConnection connection, PortForwardOptions options,
                                       QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_options(std::move(options))
    , m_counters(std::make_shared<Counters>())
{
    m_thread.setObjectName(QStringLiteral("port-forward"));
}

PortForwardSession::~PortForwardSession()
{
    if (m_relay)
        stop(); // stopped() still reaches those who record the forward's end
    if (m_relay) {
        Internal::PortForwardRelay *relay = m_relay;
        QMetaObject::invokeMethod(
            relay, [relay] { delete relay; }, Qt::BlockingQueuedConnection);
        m_relay = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

void PortForwardSession::start()
{
    if (m_relay || m_stopped)
        return;
    m_relay = new Internal::PortForwardRelay(m_connection, m_options, m_counters);
    m_relay->moveToThread(&m_thread);
    connect(m_relay, &Internal::PortForwardRelay::listening, this, [this](quint16 port) {
        m_listening = true;
        m_localPort = port;
        emit listening(port);
    });
    connect(m_relay, &Internal::PortForwardRelay::failed, this, [this](const Error &error) {
        m_listening = false;
        emit failed(error);
    });
    connect(m_relay, &Internal::PortForwardRelay::connectionsChanged, this,
            [this](int active, int total) {
                m_active = active;
                m_total = total;
                emit connectionsChanged(active, total);
            });
    connect(m_relay, &Internal::PortForwardRelay::streamError, this,
            &PortForwardSession::streamError);
    m_thread.start();
    QMetaObject::invokeMethod(m_relay, &Internal::PortForwardRelay::listen, Qt::QueuedConnection);
}

void PortForwardSession::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_relay) {
        Internal::PortForwardRelay *relay = m_relay;
        QMetaObject::invokeMethod(
            relay, [relay] { relay->stop(); }, Qt::BlockingQueuedConnection);
    }
    m_listening = false;
    m_active = 0;
    emit connectionsChanged(0, m_total);
    emit stopped();
}

qint64 PortForwardSession::bytesToPod() const
{
    return m_counters->toPod;
}

qint64 PortForwardSession::bytesFromPod() const
{
    return m_counters->fromPod;
}

} // namespace Orrery

#include "portforwardsession.moc"
