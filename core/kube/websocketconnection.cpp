// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketconnection.h"

#include <websocketframe.h>

#include <util/jsonread.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QUrl>

#include <curl/curl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <deque>
#include <mutex>
#include <thread>

namespace Orrery::Internal {

namespace {

constexpr int connectTimeoutMs = 15000;
constexpr int handshakeTimeoutMs = 30000;
constexpr qsizetype maxResponseHead = 64 * 1024;

// The API server's Status message of a refused upgrade, else the raw body's first line.
QString statusMessage(const QByteArray &body)
{
    const auto status = JsonRead::parse(QByteArrayView(body));
    if (status.is_object() && status.contains("message") && status["message"].is_string())
        return QString::fromStdString(status["message"].get<std::string>());
    return QString::fromUtf8(body.left(200)).section(QLatin1Char('\n'), 0, 0).trimmed();
}

Error::Code codeForStatus(int status)
{
    switch (status) {
    case 401: return Error::Code::AuthError;
    case 403: return Error::Code::Forbidden;
    case 404: return Error::Code::NotFound;
    case 429: return Error::Code::TooManyRequests;
    default: return status >= 500 ? Error::Code::ServerError : Error::Code::Unsupported;
    }
}

} // namespace

struct WebSocketConnection::Private
{
    ClusterConnection connection;
    QString path;
    QList<QByteArray> protocols;
    Handlers handlers;

    std::thread thread;
    int wakeFd = -1;
    std::mutex mutex;
    std::deque<QByteArray> outgoing; // encoded frames
    qsizetype queuedBytes = 0;
    std::atomic<bool> closeRequested{false};
    std::atomic<bool> abort{false};

    CURL *easy = nullptr;
    curl_socket_t socket = CURL_SOCKET_BAD;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    QByteArray expectedAccept; // Sec-WebSocket-Accept for our key
    QByteArray earlyBytes;     // frame bytes that arrived with the 101 head

    void run();
    Result<void> connect();
    Result<void> handshake(QByteArray *protocol);
    Result<void> pump();
    bool sendRaw(const QByteArray &bytes);
    bool waitSocket(short events, int timeoutMs);
    void wake()
    {
        const quint64 one = 1;
        if (wakeFd >= 0)
            (void)::write(wakeFd, &one, sizeof one);
    }
    QByteArray frame(WebSocket::Opcode opcode, const QByteArray &payload)
    {
        const std::string f = WebSocket::encodeFrame(
            opcode, std::string_view(payload.constData(), std::size_t(payload.size())),
            QRandomGenerator::system()->generate());
        return QByteArray(f.data(), qsizetype(f.size()));
    }
};

WebSocketConnection::WebSocketConnection(ClusterConnection connection, QString path,
                                         QList<QByteArray> protocols, Handlers handlers)
    : d(std::make_unique<Private>())
{
    d->connection = std::move(connection);
    d->path = std::move(path);
    d->protocols = std::move(protocols);
    d->handlers = std::move(handlers);
    d->wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

WebSocketConnection::~WebSocketConnection()
{
    d->abort = true;
    d->wake();
    if (d->thread.joinable())
        d->thread.join();
    if (d->wakeFd >= 0)
        ::close(d->wakeFd);
}

void WebSocketConnection::start()
{
    if (!d->thread.joinable())
        d->thread = std::thread([p = d.get()] { p->run(); });
}

bool WebSocketConnection::send(const QByteArray &binaryMessage)
{
    const QByteArray f = d->frame(WebSocket::Binary, binaryMessage);
    {
        std::lock_guard lock(d->mutex);
        if (d->queuedBytes + f.size() > maxQueuedBytes)
            return false;
        d->queuedBytes += f.size();
        d->outgoing.push_back(f);
    }
    d->wake();
    return true;
}

void WebSocketConnection::close()
{
    d->closeRequested = true;
    d->wake();
}

void WebSocketConnection::Private::run()
{
    Result<void> result = connect();
    QByteArray protocol;
    if (result.ok())
        result = handshake(&protocol);
    if (result.ok()) {
        if (handlers.opened)
            handlers.opened(protocol);
        result = pump();
    }
    if (easy)
        curl_easy_cleanup(easy);
    easy = nullptr;
    if (handlers.closed && !abort)
        handlers.closed(result);
}

Result<void> WebSocketConnection::Private::connect()
{
    static std::once_flag init;
    std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    Credential credential;
    if (connection.credentials) {
        Result<Credential> c = connection.credentials->credential();
        if (!c.ok())
            return c.error();
        credential = c.value();
    }
    QString prefix = connection.server;
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    QByteArray connectTo;
    const QUrl server(connection.server);
    if (!connection.tlsServerName.isEmpty() && connection.tlsServerName != server.host()) {
        const int port = server.port(server.scheme() == QLatin1String("http") ? 80 : 443);
        QString realHost = server.host();
        if (realHost.contains(QLatin1Char(':')))
            realHost = QLatin1Char('[') + realHost + QLatin1Char(']');
        connectTo = QStringLiteral("%1:%2:%3:%2")
                        .arg(connection.tlsServerName)
                        .arg(port)
                        .arg(realHost)
                        .toUtf8();
        QUrl rewritten = server;
        rewritten.setHost(connection.tlsServerName);
        prefix = rewritten.toString(QUrl::StripTrailingSlash);
    }
    easy = curl_easy_init();
    if (!easy)
        return Error(Error::Code::Unknown, QStringLiteral("cannot initialise libcurl"));
    const QByteArray url = (prefix + path).toUtf8();
    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(connectTimeoutMs));
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    auto blob = [this](CURLoption option, const QByteArray &data) {
        curl_blob b{const_cast<char *>(data.constData()), size_t(data.size()), CURL_BLOB_COPY};
        curl_easy_setopt(easy, option, &b);
    };
    if (!credential.clientCertPem.isEmpty()) {
        blob(CURLOPT_SSLCERT_BLOB, credential.clientCertPem);
        curl_easy_setopt(easy, CURLOPT_SSLCERTTYPE, "PEM");
        blob(CURLOPT_SSLKEY_BLOB, credential.clientKeyPem);
        curl_easy_setopt(easy, CURLOPT_SSLKEYTYPE, "PEM");
    }
    if (!connection.certificateAuthorityPem.isEmpty())
        blob(CURLOPT_CAINFO_BLOB, connection.certificateAuthorityPem);
    if (connection.insecureSkipTlsVerify) {
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!connection.proxyUrl.isEmpty()) {
        curl_easy_setopt(easy, CURLOPT_PROXY, connection.proxyUrl.toUtf8().constData());
        curl_easy_setopt(easy, CURLOPT_NOPROXY, "");
        curl_easy_setopt(easy, CURLOPT_HTTPPROXYTUNNEL, 1L);
    }
    curl_slist *connectToList = nullptr;
    if (!connectTo.isEmpty()) {
        connectToList = curl_slist_append(nullptr, connectTo.constData());
        curl_easy_setopt(easy, CURLOPT_CONNECT_TO, connectToList);
    }
    const CURLcode code = curl_easy_perform(easy);
    curl_slist_free_all(connectToList);
    if (code != CURLE_OK) {
        const QString detail = errorBuffer[0] ? QString::fromUtf8(errorBuffer)
                                              : QString::fromUtf8(curl_easy_strerror(code));
        Error::Code c = Error::Code::Network;
        if (code == CURLE_OPERATION_TIMEDOUT)
            c = Error::Code::Timeout;
        else if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CONNECT_ERROR
                 || code == CURLE_SSL_CERTPROBLEM)
            c = Error::Code::Tls;
        return Error(c, detail, connection.contextName);
    }
    curl_easy_getinfo(easy, CURLINFO_ACTIVESOCKET, &socket);

    // The upgrade request, with what HttpTransport sends for authentication.
    QByteArray request
        = "GET " + QUrl(prefix).path(QUrl::FullyEncoded).toUtf8() + path.toUtf8() + " HTTP/1.1\r\n";
    const QUrl target(prefix);
    QByteArray host = target.host().toUtf8();
    if (target.port() > 0)
        host += ':' + QByteArray::number(target.port());
    request += "Host: " + host + "\r\n";
    request += "User-Agent: orrery/0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Version: 13\r\n";
    request += "Sec-WebSocket-Protocol: " + protocols.join(", ") + "\r\n";
    QByteArray nonce(16, Qt::Uninitialized);
    for (char &ch : nonce)
        ch = char(QRandomGenerator::system()->bounded(256));
    const QByteArray key = nonce.toBase64();
    request += "Sec-WebSocket-Key: " + key + "\r\n";
    if (!credential.bearerToken.isEmpty())
        request += "Authorization: Bearer " + credential.bearerToken + "\r\n";
    else if (!credential.username.isEmpty())
        request
            += "Authorization: Basic "
               + (credential.username + QLatin1Char(':') + credential.password).toUtf8().toBase64()
               + "\r\n";
    if (!connection.impersonateUser.isEmpty())
        request += "Impersonate-User: " + connection.impersonateUser.toUtf8() + "\r\n";
    if (!connection.impersonateUid.isEmpty())
        request += "Impersonate-Uid: " + connection.impersonateUid.toUtf8() + "\r\n";
    for (const QString &g : connection.impersonateGroups)
        request += "Impersonate-Group: " + g.toUtf8() + "\r\n";
    request += "\r\n";
    if (!sendRaw(request))
        return Error(Error::Code::Network,
                     QStringLiteral("the connection closed during the upgrade"),
                     connection.contextName);
    expectedAccept
        = QCryptographicHash::hash(key
                                       + QByteArray(WebSocket::acceptGuid.data(),
                                                    qsizetype(WebSocket::acceptGuid.size())),
                                   QCryptographicHash::Sha1)
              .toBase64();
    return {};
}

bool WebSocketConnection::Private::waitSocket(short events, int timeoutMs)
{
    pollfd fds[2] = {{socket, events, 0}, {wakeFd, POLLIN, 0}};
    const int r = ::poll(fds, 2, timeoutMs);
    if (r > 0 && (fds[1].revents & POLLIN)) {
        quint64 n;
        (void)::read(wakeFd, &n, sizeof n);
    }
    return r > 0 && (fds[0].revents & (events | POLLHUP | POLLERR));
}

bool WebSocketConnection::Private::sendRaw(const QByteArray &bytes)
{
    qsizetype done = 0;
    QElapsedTimer timer;
    timer.start();
    while (done < bytes.size()) {
        size_t n = 0;
        const CURLcode c
            = curl_easy_send(easy, bytes.constData() + done, size_t(bytes.size() - done), &n);
        if (c == CURLE_AGAIN) {
            if (abort || timer.elapsed() > handshakeTimeoutMs)
                return false;
            waitSocket(POLLOUT, 250);
            continue;
        }
        if (c != CURLE_OK)
            return false;
        done += qsizetype(n);
    }
    return true;
}

Result<void> WebSocketConnection::Private::handshake(QByteArray *protocol)
{
    QByteArray head;
    QElapsedTimer timer;
    timer.start();
    QByteArray rest;
    while (true) {
        if (abort)
            return Error(Error::Code::Cancelled, QStringLiteral("cancelled"));
        char buf[4096];
        size_t n = 0;
        const CURLcode c = curl_easy_recv(easy, buf, sizeof buf, &n);
        if (c == CURLE_AGAIN) {
            if (timer.elapsed() > handshakeTimeoutMs)
                return Error(Error::Code::Timeout,
                             QStringLiteral("the API server did not answer the upgrade"),
                             connection.contextName);
            waitSocket(POLLIN, 250);
            continue;
        }
        if (c != CURLE_OK || n == 0)
            break;
        head.append(buf, qsizetype(n));
        if (head.size() > maxResponseHead)
            return Error(Error::Code::TooLarge, QStringLiteral("the upgrade answer is too large"),
                         connection.contextName);
        // A refused upgrade: read its body until the server closes or Content-Length is met.
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const bool switching = head.startsWith("HTTP/1.1 101");
        if (switching) {
            rest = head.mid(end + 4);
            head.truncate(end + 4);
            break;
        }
        const qsizetype lenAt = head.toLower().indexOf("\r\ncontent-length:");
        if (lenAt >= 0 && lenAt < end) {
            const qsizetype lineEnd = head.indexOf("\r\n", lenAt + 2);
            const qsizetype want
                = head.mid(lenAt + 17, lineEnd - lenAt - 17).trimmed().toLongLong();
            if (head.size() - end - 4 >= want)
                break;
        }
    }
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return Error(Error::Code::Network,
                     QStringLiteral("the connection closed during the upgrade"),
                     connection.contextName);
    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    const int status = statusLine.value(1).toInt();
    if (status != 101) {
        Error e(codeForStatus(status), statusMessage(head.mid(end + 4)), connection.contextName);
        if (e.message.isEmpty())
            e.message = QStringLiteral("the API server refused the upgrade (HTTP %1)").arg(status);
        e.httpStatus = status;
        return e;
    }
    QByteArray accept;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "sec-websocket-accept")
            accept = value;
        else if (name == "sec-websocket-protocol")
            *protocol = value;
    }
    if (accept != expectedAccept)
        return Error(Error::Code::Network,
                     QStringLiteral("the WebSocket upgrade answer is invalid"),
                     connection.contextName);
    if (!protocols.contains(*protocol))
        return Error(Error::Code::Unsupported,
                     QStringLiteral("the API server chose no supported stream protocol"),
                     connection.contextName);
    earlyBytes = rest; // frames that came with the head
    return {};
}

Result<void> WebSocketConnection::Private::pump()
{
    WebSocket::FrameParser parser(false);
    parser.feed(std::string_view(earlyBytes.constData(), std::size_t(earlyBytes.size())));
    bool closeSent = false;
    QElapsedTimer closeTimer;
    while (!abort) {
        while (auto m = parser.next()) {
            if (m->opcode == WebSocket::Binary || m->opcode == WebSocket::Text) {
                if (handlers.message)
                    handlers.message(QByteArray(m->payload.data(), qsizetype(m->payload.size())));
            } else if (m->opcode == WebSocket::Ping) {
                sendRaw(frame(WebSocket::Pong, QByteArray::fromStdString(m->payload)));
            } else if (m->opcode == WebSocket::Close) {
                if (!closeSent)
                    sendRaw(frame(WebSocket::Close,
                                  QByteArray::fromStdString(m->payload.substr(0, 2))));
                return {};
            }
        }
        if (parser.failed()) {
            sendRaw(frame(WebSocket::Close,
                          QByteArray::fromStdString(WebSocket::closePayload(parser.closeCode()))));
            return Error(Error::Code::Network,
                         QStringLiteral("the stream broke the WebSocket protocol: %1")
                             .arg(QString::fromStdString(parser.error())),
                         connection.contextName);
        }
        // Outgoing first, so typing is never held up by a busy output.
        std::deque<QByteArray> out;
        {
            std::lock_guard lock(mutex);
            out.swap(outgoing);
            queuedBytes = 0;
        }
        for (const QByteArray &f : out) {
            if (!sendRaw(f))
                return Error(Error::Code::Network,
                             QStringLiteral("the connection to the API server was lost"),
                             connection.contextName);
        }
        if (closeRequested && !closeSent) {
            closeSent = true;
            closeTimer.start();
            sendRaw(
                frame(WebSocket::Close, QByteArray::fromStdString(WebSocket::closePayload(1000))));
        }
        if (closeSent && closeTimer.elapsed() > 2000)
            return {};
        char buf[16384];
        size_t n = 0;
        const CURLcode c = curl_easy_recv(easy, buf, sizeof buf, &n);
        if (c == CURLE_AGAIN) {
            waitSocket(POLLIN, 250);
            continue;
        }
        if (c != CURLE_OK)
            return Error(Error::Code::Network,
                         QStringLiteral("the connection to the API server was lost"),
                         connection.contextName);
        if (n == 0)
            return {}; // the server closed the connection without a close frame
        parser.feed(std::string_view(buf, n));
    }
    return Error(Error::Code::Cancelled, QStringLiteral("cancelled"));
}

} // namespace Orrery::Internal
