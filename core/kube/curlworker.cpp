// SPDX-License-Identifier: GPL-3.0-or-later
#include "curlworker.h"

#include "pluginprocess.h"
#include "util/limits.h"
#include "util/redaction.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QUrl>

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

Q_LOGGING_CATEGORY(lcTransport, "orrery.transport", QtWarningMsg)

namespace Orrery::Internal {

// Named rather than anonymous: CurlWorker::Private holds a Transfer, and GCC warns
// (-Wsubobject-linkage) when a unity batch includes this file with an anonymous type there.
namespace CurlWorkerDetail {

std::once_flag s_curlInit;

struct Transfer
{
    quint64 id = 0;
    CurlJob job;
    CURL *easy = nullptr;
    curl_slist *headers = nullptr;
    curl_slist *connectTo = nullptr;
    const QElapsedTimer *clock = nullptr;
    Credential credential;
    QByteArray body;
    QByteArray contentType;
    int retryAfterSeconds = -1;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    long status = 0;
    bool retried = false;
    bool abortedByClient = false;
    bool idleTimedOut = false;
    bool bodyTooLarge = false; // the collected body reached job.maxBodyBytes
    qint64 lastDataMs = 0;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

void setBlob(CURL *easy, CURLoption option, const QByteArray &data)
{
    curl_blob blob;
    blob.data = const_cast<char *>(data.constData());
    blob.len = std::size_t(data.size());
    blob.flags = CURL_BLOB_COPY;
    curl_easy_setopt(easy, option, &blob);
}

} // namespace CurlWorkerDetail

using namespace CurlWorkerDetail;

// client-go's headerKeyEscape: bytes that are not legal in an HTTP header name (RFC 7230
// token characters), and '%' itself, become %XX (upper-case hex) of their UTF-8 bytes.
QByteArray impersonateExtraKey(const QString &key)
{
    static const QByteArray legal = QByteArrayLiteral("!#$&'*+-.^_`|~");
    QByteArray out;
    for (const char ch : key.toUtf8()) {
        const auto b = static_cast<unsigned char>(ch);
        const bool keep = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
                          || (b < 0x80 && legal.contains(char(b)));
        if (keep)
            out += char(b);
        else
            out += '%' + QByteArray::number(b, 16).toUpper().rightJustified(2, '0');
    }
    return out;
}

namespace {

Error curlError(CURLcode code, const char *detail, const QString &context)
{
    using C = Error::Code;
    C c = C::Network;
    QString message;
    QString hint;
    switch (code) {
    case CURLE_COULDNT_CONNECT:
        message = QStringLiteral("connection refused");
        hint = QStringLiteral("check that the API server is running and the server URL is right");
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        message = QStringLiteral("host name not found");
        hint = QStringLiteral("check the server URL, DNS and VPN");
        break;
    case CURLE_OPERATION_TIMEDOUT:
        c = C::Timeout;
        message = QStringLiteral("no answer in time");
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
        // Not a network problem: the network worked, the certificates did not match.
        c = C::Tls;
        message = QStringLiteral("TLS failed");
        hint = QStringLiteral(
            "check certificate-authority-data, tls-server-name and the client certificate");
        break;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: message = QStringLiteral("connection dropped"); break;
    default: message = QStringLiteral("transfer failed"); break;
    }
    if (detail && *detail)
        message += QStringLiteral(" (") + QString::fromUtf8(detail).trimmed() + QLatin1Char(')');
    else
        message += QStringLiteral(" (") + QString::fromUtf8(curl_easy_strerror(code))
                   + QLatin1Char(')');
    Error e(c, message, context);
    e.hint = hint;
    return e;
}

} // namespace

struct CurlWorker::Private
{
    ClusterConnection connection;
    QString urlPrefix;    // scheme://host[:port][/prefix] as used in request URLs
    QByteArray connectTo; // CURLOPT_CONNECT_TO entry for tls-server-name, or empty
    CURLM *multi = nullptr;
    QElapsedTimer clock;
    Qt::HANDLE threadId = nullptr;

    std::mutex mutex;
    std::deque<std::function<void()>> tasks;
    std::atomic<bool> stopping = false;
    std::atomic<quint64> nextId = 1;

    std::map<quint64, std::unique_ptr<Transfer>> transfers;
    // Keyed by deadline in nanoseconds of `clock`: in whole milliseconds, a timer set at
    // 100.9 ms for 1000 ms would run at 1100.0 ms, 0.9 ms early (a Retry-After is a floor).
    std::multimap<qint64, std::pair<quint64, std::function<void()>>> timers;

    void enqueue(std::function<void()> task)
    {
        {
            std::lock_guard lock(mutex);
            tasks.push_back(std::move(task));
        }
        curl_multi_wakeup(multi);
    }

    std::optional<Error> proxyError(CURL *easy, CURLcode code, const char *detail,
                                    const QString &context) const;
    // Requests wait here while the credential provider runs (an exec plugin) on its own
    // thread; the gate lets that thread find the worker, or not once it is gone.
    struct CredentialGate
    {
        std::mutex mutex;
        Private *d = nullptr;
    };
    std::shared_ptr<CredentialGate> gate = std::make_shared<CredentialGate>();
    std::deque<std::unique_ptr<Transfer>> awaitingCredential;
    bool credentialRunning = false;

    void start(std::unique_ptr<Transfer> t);
    void startWith(std::unique_ptr<Transfer> t, const Result<Credential> &cred);
    void fetchCredential();
    void credentialArrived(const Result<Credential> &cred);
    void launch(std::unique_ptr<Transfer> t);
    void finish(Transfer *t, CURLcode code);
    void remove(quint64 id);
    void checkIdle();
    int pollTimeoutMs();
};

static size_t writeCallback(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    t->lastDataMs = t->clock->elapsed();
    if (t->status == 0)
        curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &t->status);
    const bool stream2xx = t->job.onData && t->status >= 200 && t->status < 300;
    if (stream2xx) {
        if (!t->job.onData(QByteArray(data, qsizetype(bytes)))) {
            t->abortedByClient = true;
            return 0;
        }
    } else {
        // Bytes after content decoding: a gzip-encoded answer is bounded by what it inflates to.
        if (t->body.size() + qint64(bytes) > t->job.maxBodyBytes) {
            t->bodyTooLarge = true;
            return 0; // aborts the transfer (CURLE_WRITE_ERROR)
        }
        t->body.append(data, qsizetype(bytes));
    }
    return bytes;
}

static size_t headerCallback(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    t->lastDataMs = t->clock->elapsed();
    QByteArray line(data, qsizetype(bytes));
    if (line.size() > 13 && line.left(13).toLower() == "content-type:")
        t->contentType = line.mid(13).trimmed();
    if (line.size() > 12 && line.left(12).toLower() == "retry-after:") {
        bool ok = false;
        const int seconds
            = line.mid(12).trimmed().toInt(&ok); // an HTTP date is ignored, as client-go
        t->retryAfterSeconds = ok && seconds >= 0 ? seconds : -1;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith("HTTP/")
        && t->responseHeaders.size() < ApiResponse::MaxHeaders)
        t->responseHeaders.append(
            {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    // A new status line (redirect, 100 Continue) restarts the response.
    if (line.startsWith("HTTP/")) {
        t->status = 0;
        t->contentType.clear();
        t->retryAfterSeconds = -1;
        t->responseHeaders.clear();
    } else if (line == "\r\n" || line == "\n") {
        long status = 0;
        curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
        if (status >= 200 && t->job.onResponse)
            t->job.onResponse(int(status));
    }
    return bytes;
}

void CurlWorker::Private::start(std::unique_ptr<Transfer> t)
{
    if (!connection.credentials) {
        launch(std::move(t));
        return;
    }
    if (credentialRunning) {
        awaitingCredential.push_back(std::move(t));
        return;
    }
    std::optional<Result<Credential>> ready = connection.credentials->credentialIfReady();
    if (!ready) {
        awaitingCredential.push_back(std::move(t));
        fetchCredential();
        return;
    }
    startWith(std::move(t), *ready);
}

void CurlWorker::Private::startWith(std::unique_ptr<Transfer> t, const Result<Credential> &cred)
{
    if (!cred.ok()) {
        Error e = cred.error();
        if (e.code == Error::Code::Unknown)
            e.code = Error::Code::AuthError;
        auto done = std::move(t->job.onDone);
        if (done)
            done(Result<ApiResponse>(e));
        return;
    }
    t->credential = cred.value();
    launch(std::move(t));
}

// Runs the provider (an exec plugin, possibly for seconds or a browser login) off the worker,
// so the cluster's open watches and running requests keep flowing. The thread belongs to the
// plugin registry, which the application's quit shuts down (plugins killed, threads joined).
void CurlWorker::Private::fetchCredential()
{
    credentialRunning = true;
    PluginProcessRegistry::global().runInBackground(
        [provider = connection.credentials, sharedGate = gate] {
            Result<Credential> cred = provider->credential();
            std::lock_guard lock(sharedGate->mutex);
            if (Private *worker = sharedGate->d)
                worker->enqueue([worker, cred] { worker->credentialArrived(cred); });
        });
}

void CurlWorker::Private::credentialArrived(const Result<Credential> &cred)
{
    credentialRunning = false;
    std::deque<std::unique_ptr<Transfer>> waiting;
    waiting.swap(awaitingCredential);
    for (auto &t : waiting)
        startWith(std::move(t), cred);
}

void CurlWorker::Private::launch(std::unique_ptr<Transfer> t)
{
    const ApiRequest &r = t->job.request;

    CURL *easy = curl_easy_init();
    t->easy = easy;
    const QByteArray url = (urlPrefix + r.path).toUtf8();
    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(r.connectTimeoutMs));
    if (r.timeoutMs > 0)
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(r.timeoutMs));
    // Keepalive probes let the kernel notice a dead peer; the idle deadline below catches
    // a peer that is alive but silent.
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPIDLE, 30L);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPINTVL, 15L);
    if (!connection.disableCompression)
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, writeCallback);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, headerCallback);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "orrery/0.1");
    if (r.followRedirects) {
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    }

    if (r.method == "GET") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else {
        if (r.method != "POST")
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, r.method.constData());
        if (!r.body.isEmpty() || r.method == "POST" || r.method == "PUT" || r.method == "PATCH") {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(r.body.size()));
            curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, r.body.constData());
        }
    }

    curl_slist *h = nullptr;
    if (!r.accept.isEmpty())
        h = curl_slist_append(h, ("Accept: " + r.accept).constData());
    if (!r.contentType.isEmpty())
        h = curl_slist_append(h, ("Content-Type: " + r.contentType).constData());
    h = curl_slist_append(h, "Expect:"); // no 100-continue round trip for bodies
    if (!t->credential.bearerToken.isEmpty())
        h = curl_slist_append(h,
                              ("Authorization: Bearer " + t->credential.bearerToken).constData());
    if (!connection.impersonateUser.isEmpty())
        h = curl_slist_append(
            h, ("Impersonate-User: " + connection.impersonateUser.toUtf8()).constData());
    if (!connection.impersonateUid.isEmpty())
        h = curl_slist_append(
            h, ("Impersonate-Uid: " + connection.impersonateUid.toUtf8()).constData());
    for (const QString &g : connection.impersonateGroups)
        h = curl_slist_append(h, ("Impersonate-Group: " + g.toUtf8()).constData());
    for (auto it = connection.impersonateUserExtra.cbegin();
         it != connection.impersonateUserExtra.cend(); ++it) {
        const QByteArray name = "Impersonate-Extra-" + impersonateExtraKey(it.key());
        for (const QString &value : it.value())
            h = curl_slist_append(h, (name + ": " + value.toUtf8()).constData());
    }
    for (const auto &[name, value] : r.headers)
        h = curl_slist_append(h, (name + ": " + value).constData());
    t->headers = h;
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, h);

    if (!t->credential.username.isEmpty()) {
        curl_easy_setopt(easy, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(easy, CURLOPT_USERNAME, t->credential.username.toUtf8().constData());
        curl_easy_setopt(easy, CURLOPT_PASSWORD, t->credential.password.toUtf8().constData());
    }
    if (!t->credential.clientCertPem.isEmpty()) {
        setBlob(easy, CURLOPT_SSLCERT_BLOB, t->credential.clientCertPem);
        curl_easy_setopt(easy, CURLOPT_SSLCERTTYPE, "PEM");
        setBlob(easy, CURLOPT_SSLKEY_BLOB, t->credential.clientKeyPem);
        curl_easy_setopt(easy, CURLOPT_SSLKEYTYPE, "PEM");
    }
    if (!connection.certificateAuthorityPem.isEmpty())
        setBlob(easy, CURLOPT_CAINFO_BLOB, connection.certificateAuthorityPem);
    if (connection.insecureSkipTlsVerify) {
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!connection.proxyUrl.isEmpty()) {
        curl_easy_setopt(easy, CURLOPT_PROXY, connection.proxyUrl.toUtf8().constData());
        // The kubeconfig's proxy is used for every request, whatever NO_PROXY says, and an
        // HTTP proxy always tunnels (CONNECT), also for an http:// server.
        curl_easy_setopt(easy, CURLOPT_NOPROXY, "");
        curl_easy_setopt(easy, CURLOPT_HTTPPROXYTUNNEL, 1L);
    }
    if (!connectTo.isEmpty()) {
        t->connectTo = curl_slist_append(nullptr, connectTo.constData());
        curl_easy_setopt(easy, CURLOPT_CONNECT_TO, t->connectTo);
    }

    t->clock = &clock;
    t->lastDataMs = clock.elapsed();
    Transfer *raw = t.get();
    transfers.emplace(raw->id, std::move(t));
    curl_multi_add_handle(multi, easy);
}

// A failure that happened at the proxy, not at the API server: say so and name the proxy
// (without any user:password it may carry).
std::optional<Error> CurlWorker::Private::proxyError(CURL *easy, CURLcode code, const char *detail,
                                                     const QString &context) const
{
    long connectCode = 0;
    curl_easy_getinfo(easy, CURLINFO_HTTP_CONNECTCODE, &connectCode);
    const QString proxy = Redaction::stripUrlUserInfo(connection.proxyUrl);
    QString message;
    if (connectCode != 0 && connectCode != 200) {
        message = QStringLiteral(
                      "the proxy %1 could not connect to the API server (CONNECT answered %2)")
                      .arg(proxy)
                      .arg(connectCode);
    } else if (code == CURLE_COULDNT_RESOLVE_PROXY) {
        message = QStringLiteral("proxy host not found: %1").arg(proxy);
    } else if (code == CURLE_COULDNT_CONNECT && connectCode == 0) {
        message = QStringLiteral("cannot connect to the proxy %1").arg(proxy);
    } else if (code == CURLE_PROXY) {
        message = QStringLiteral("the proxy %1 failed").arg(proxy);
    } else {
        return std::nullopt;
    }
    if (detail && *detail)
        message += QStringLiteral(" (") + QString::fromUtf8(detail).trimmed() + QLatin1Char(')');
    Error e(Error::Code::Network, message, context);
    e.hint
        = QStringLiteral(
              "check proxy-url of cluster \"%1\" in the kubeconfig and that the proxy is running")
              .arg(connection.clusterName);
    return e;
}

void CurlWorker::Private::remove(quint64 id)
{
    auto waiting = std::find_if(awaitingCredential.begin(), awaitingCredential.end(),
                                [id](const auto &t) { return t->id == id; });
    if (waiting != awaitingCredential.end()) {
        awaitingCredential.erase(waiting);
        return;
    }
    auto it = transfers.find(id);
    if (it == transfers.end())
        return;
    Transfer *t = it->second.get();
    curl_multi_remove_handle(multi, t->easy);
    curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->headers);
    curl_slist_free_all(t->connectTo);
    transfers.erase(it);
}

void CurlWorker::Private::finish(Transfer *t, CURLcode code)
{
    const QString context = QString::fromLatin1(t->job.request.method) + QLatin1Char(' ')
                            + t->job.request.path.section(QLatin1Char('?'), 0, 0);
    const quint64 id = t->id;
    if (code == CURLE_OK && t->status == 0)
        curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &t->status);

    if (code == CURLE_OK && t->status == 401 && !t->retried && connection.credentials
        && !t->credential.isEmpty()) {
        // The credential may have expired or been rotated: forget it and retry once.
        connection.credentials->reportUnauthorized(t->credential);
        auto retry = std::make_unique<Transfer>();
        retry->id = id;
        retry->retried = true;
        retry->job = std::move(t->job);
        remove(id);
        start(std::move(retry));
        return;
    }

    Result<ApiResponse> result = [&]() -> Result<ApiResponse> {
        if (t->idleTimedOut) {
            Error e(Error::Code::Timeout, QStringLiteral("the stream went silent"), context);
            return e;
        }
        if (t->abortedByClient)
            return Error(Error::Code::Cancelled, QStringLiteral("stopped by the client"), context);
        if (t->bodyTooLarge) {
            Error e(
                Error::Code::TooLarge,
                QStringLiteral("the response is larger than the limit of %1 (maxResponseBodyBytes)")
                    .arg(Limits::byteSize(t->job.maxBodyBytes)),
                context);
            e.httpStatus = int(t->status);
            return e;
        }
        if (code != CURLE_OK && !connection.proxyUrl.isEmpty()) {
            if (auto e = proxyError(t->easy, code, t->errorBuffer, context))
                return *e;
        }
        if (code != CURLE_OK)
            return curlError(code, t->errorBuffer, context);
        ApiResponse response;
        response.status = int(t->status);
        response.body = std::move(t->body);
        response.contentType = t->contentType;
        response.retryAfterSeconds = t->retryAfterSeconds;
        response.headers = std::move(t->responseHeaders);
        long version = 0;
        curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &version);
        response.httpVersion = version == CURL_HTTP_VERSION_2_0   ? "2"
                               : version == CURL_HTTP_VERSION_1_0 ? "1.0"
                                                                  : "1.1";
        // Here, on the worker: whoever explains the failure later reads it decoded.
        response.decodeStatus();
        return response;
    }();
    // libcurl quotes whole URLs in its messages ("Unsupported proxy syntax in
    // 'http://user:password@...'"): no credential leaves the transport in an Error.
    if (!result.ok())
        result = Redaction::stripUrlCredentials(result.error());
    auto done = std::move(t->job.onDone);
    remove(id);
    if (done)
        done(std::move(result));
}

void CurlWorker::Private::checkIdle()
{
    const qint64 now = clock.elapsed();
    std::vector<Transfer *> dead;
    for (auto &[id, t] : transfers) {
        const int idle = t->job.request.idleTimeoutMs;
        if (idle > 0 && now - t->lastDataMs > idle)
            dead.push_back(t.get());
    }
    for (Transfer *t : dead) {
        qCInfo(lcTransport) << "stream silent for" << t->job.request.idleTimeoutMs
                            << "ms:" << t->job.request.path.section(QLatin1Char('?'), 0, 0);
        t->idleTimedOut = true;
        finish(t, CURLE_OPERATION_TIMEDOUT);
    }
}

int CurlWorker::Private::pollTimeoutMs()
{
    const qint64 now = clock.elapsed();
    qint64 timeout = 1000;
    if (!timers.empty()) {
        // Rounded up: waking before the deadline only loops once more.
        const qint64 ns = timers.begin()->first - clock.nsecsElapsed();
        timeout = std::min(timeout, ns <= 0 ? 0 : (ns + 999999) / 1000000);
    }
    for (auto &[id, t] : transfers) {
        const int idle = t->job.request.idleTimeoutMs;
        if (idle > 0)
            timeout = std::min(timeout, t->lastDataMs + idle - now + 1);
    }
    long curlTimeout = -1;
    curl_multi_timeout(multi, &curlTimeout);
    if (curlTimeout >= 0)
        timeout = std::min<qint64>(timeout, curlTimeout);
    return int(std::max<qint64>(0, timeout));
}

CurlWorker::CurlWorker(ClusterConnection connection, QObject *parent)
    : QThread(parent)
    , d(std::make_unique<Private>())
{
    std::call_once(s_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    d->connection = std::move(connection);
    d->multi = curl_multi_init();
    d->gate->d = d.get();
    d->clock.start();

    QUrl server(d->connection.server);
    QString prefix = d->connection.server;
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    const QString tlsName = d->connection.tlsServerName;
    if (!tlsName.isEmpty() && tlsName != server.host()) {
        // No SNI override option in libcurl: put the TLS name into the URL (SNI and
        // verification use it) and route the TCP connection to the real host.
        const int port = server.port(server.scheme() == QLatin1String("http") ? 80 : 443);
        QString realHost = server.host();
        if (realHost.contains(QLatin1Char(':')))
            realHost = QLatin1Char('[') + realHost + QLatin1Char(']');
        d->connectTo = QStringLiteral("%1:%2:%3:%2").arg(tlsName).arg(port).arg(realHost).toUtf8();
        QUrl rewritten = server;
        rewritten.setHost(tlsName);
        prefix = rewritten.toString(QUrl::StripTrailingSlash);
    }
    d->urlPrefix = prefix;
}

CurlWorker::~CurlWorker()
{
    {
        // A credential still being fetched is dropped when it arrives.
        std::lock_guard lock(d->gate->mutex);
        d->gate->d = nullptr;
    }
    stop();
    wait();
    std::vector<quint64> ids;
    for (auto &[id, t] : d->transfers)
        ids.push_back(id);
    for (quint64 id : ids)
        d->remove(id);
    curl_multi_cleanup(d->multi);
}

quint64 CurlWorker::submit(CurlJob job)
{
    const quint64 id = d->nextId++;
    auto t = std::make_shared<std::unique_ptr<Transfer>>(std::make_unique<Transfer>());
    (*t)->id = id;
    (*t)->job = std::move(job);
    (*t)->body = std::move((*t)->job.bodyBuffer);
    (*t)->body.resize(0); // the capacity only
    d->enqueue([this, t] { d->start(std::move(*t)); });
    return id;
}

void CurlWorker::cancel(quint64 id)
{
    d->enqueue([this, id] { d->remove(id); });
}

void CurlWorker::post(std::function<void()> task)
{
    d->enqueue(std::move(task));
}

quint64 CurlWorker::schedule(int delayMs, std::function<void()> task)
{
    const quint64 id = d->nextId++;
    auto fn = std::make_shared<std::function<void()>>(std::move(task));
    d->enqueue([this, id, delayMs, fn] {
        d->timers.emplace(d->clock.nsecsElapsed() + qint64(std::max(0, delayMs)) * 1000000,
                          std::make_pair(id, std::move(*fn)));
    });
    return id;
}

void CurlWorker::cancelTimer(quint64 id)
{
    auto drop = [this, id] {
        for (auto it = d->timers.begin(); it != d->timers.end(); ++it) {
            if (it->second.first == id) {
                d->timers.erase(it);
                return;
            }
        }
    };
    if (isWorkerThread())
        drop();
    d->enqueue(drop); // also after any schedule() still queued
}

void CurlWorker::stop()
{
    d->stopping = true;
    if (d->multi)
        curl_multi_wakeup(d->multi);
}

bool CurlWorker::isWorkerThread() const
{
    return QThread::currentThreadId() == d->threadId;
}

void CurlWorker::run()
{
    d->threadId = QThread::currentThreadId();
    while (!d->stopping) {
        std::deque<std::function<void()>> tasks;
        {
            std::lock_guard lock(d->mutex);
            tasks.swap(d->tasks);
        }
        for (auto &task : tasks) {
            if (d->stopping)
                break;
            task();
        }

        const qint64 now = d->clock.nsecsElapsed();
        while (!d->timers.empty() && d->timers.begin()->first <= now && !d->stopping) {
            auto fn = std::move(d->timers.begin()->second.second);
            d->timers.erase(d->timers.begin());
            fn();
        }

        int running = 0;
        curl_multi_perform(d->multi, &running);
        int queued = 0;
        while (CURLMsg *msg = curl_multi_info_read(d->multi, &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            Transfer *t = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
            const CURLcode code = msg->data.result;
            if (t)
                d->finish(t, code);
        }
        d->checkIdle();

        bool pending;
        {
            std::lock_guard lock(d->mutex);
            pending = !d->tasks.empty();
        }
        if (!pending && !d->stopping)
            curl_multi_poll(d->multi, nullptr, 0, d->pollTimeoutMs(), nullptr);
    }
}

} // namespace Orrery::Internal
