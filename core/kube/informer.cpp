// SPDX-License-Identifier: GPL-3.0-or-later
#include "informer.h"

#include "curlworker.h"
#include "objectdecoder.h"
#include "resourcestore.h"
#include "util/jsonread.h"

#include "util/limits.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUrl>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcInformer, "orrery.informer", QtWarningMsg)

namespace Orrery {

using json = nlohmann::json;

QString WatchHealth::stateName(State s)
{
    switch (s) {
    case State::Syncing: return QStringLiteral("Syncing");
    case State::Live: return QStringLiteral("Live");
    case State::Reconnecting: return QStringLiteral("Reconnecting");
    case State::Stale: return QStringLiteral("Stale");
    case State::Error: return QStringLiteral("Error");
    }
    return {};
}

Informer::Informer(Internal::CurlWorker *worker, ResourceStore *store, ApiResource resource,
                   Kind kind, QString namespaceName, InformerOptions options,
                   HealthHandler onHealth)
    : m_worker(worker)
    , m_store(store)
    , m_resource(std::move(resource))
    , m_kind(kind)
    , m_namespace(std::move(namespaceName))
    , m_options(options)
    , m_onHealth(std::move(onHealth))
    , m_decoder(std::make_unique<Internal::ObjectDecoder>())
{
    m_health.kind = kind;
    m_health.namespaceName = m_namespace;
    m_health.apiVersion = m_resource.groupVersion();
}

Informer::~Informer() = default;

void Informer::start()
{
    m_worker->post([this] {
        reportHealth(true);
        list({});
    });
}

void Informer::reportUnavailable(const Error &error)
{
    m_worker->post([this, error] {
        m_stopped = true;
        m_health.lastError = error;
        setState(WatchHealth::State::Error);
    });
}

void Informer::resync(const QString &reason)
{
    m_worker->post([this, reason] {
        if (m_stopped || (!m_everSynced && !m_gaveUp))
            return;       // never listed yet (or refused): its first list is the resync
        m_gaveUp = false; // asked for: one more try
        ++m_generation;
        if (m_requestId)
            m_worker->cancel(m_requestId);
        if (m_timerId)
            m_worker->cancelTimer(m_timerId);
        m_requestId = 0;
        m_timerId = 0;
        m_expiredInARow = 0;
        m_failures = 0;
        m_health.lastError = Error(Error::Code::Network, reason, m_resource.name);
        // Stale stays Stale until the list succeeds: old data must not look fresher.
        if (m_health.state != WatchHealth::State::Stale)
            setState(WatchHealth::State::Reconnecting, true);
        else
            reportHealth(true);
        // Our own backoff gives way to the resync; the server's Retry-After does not.
        const qint64 wait = m_retryAfter.remainingTime();
        if (wait > 0) {
            m_timerId = m_worker->schedule(int(wait), [this, generation = m_generation] {
                if (generation == m_generation)
                    list({});
            });
            return;
        }
        list({});
    });
}

QString Informer::collectionPath() const
{
    return m_resource.collectionPath(m_namespace);
}

void Informer::list(const QString &continueToken)
{
    m_timerId = 0;
    if (continueToken.isEmpty()) {
        // A new list (the first, a relist, or a restart after an error or an expired
        // continue token): the store starts counting and tracking it afresh.
        m_listId = ResourceStore::newListId();
        m_listedCount = 0;
        m_listTimer.start();
        m_decodeNs = 0;
    }
    QString path
        = collectionPath() + QStringLiteral("?limit=") + QString::number(m_options.pageSize);
    if (!continueToken.isEmpty())
        path += QStringLiteral("&continue=")
                + QString::fromLatin1(QUrl::toPercentEncoding(continueToken));
    Internal::CurlJob job;
    job.request = ApiRequest::get(path);
    job.request.timeoutMs = m_options.requestTimeoutMs;
    job.maxBodyBytes = m_options.maxListPageBytes;
    job.bodyBuffer = std::move(m_pageBuffer);
    m_pageBuffer = {};
    job.onDone = [this, continueToken, generation = m_generation](Result<ApiResponse> &&r) {
        if (generation == m_generation)
            onListPage(std::move(r), continueToken);
    };
    m_requestId = m_worker->submit(std::move(job));
}

void Informer::onListPage(Result<ApiResponse> &&response, const QString &continueToken)
{
    m_requestId = 0;
    const QString what
        = QStringLiteral("list %1%2")
              .arg(m_resource.name,
                   m_namespace.isEmpty() ? QString() : QStringLiteral(" in ") + m_namespace);
    if (!response.ok() && response.error().code == Error::Code::TooLarge) {
        // Retrying would download the same oversized page again and again (client-go retries
        // forever here): stop, and say what makes the pages smaller.
        Error e(Error::Code::TooLarge,
                QStringLiteral("a page of up to %1 %2 is larger than the limit of %3 "
                               "(maxResponseBodyBytes); stopped listing %2")
                    .arg(m_options.pageSize)
                    .arg(m_resource.name, Limits::byteSize(m_options.maxListPageBytes)),
                what);
        e.httpStatus = response.error().httpStatus;
        e.hint = QStringLiteral("list fewer at a time: a smaller page size (limit, kubectl "
                                "--chunk-size) or one namespace at a time (a namespace filter) "
                                "keeps each page under the limit; Reconnect tries again");
        giveUp(e);
        return;
    }
    if (!response.ok()) {
        retry(response.error(), true);
        return;
    }
    if (!response->isSuccess()) {
        if (response->status == 410 && !continueToken.isEmpty()) {
            // The continue token expired (compaction between pages): start over.
            qCInfo(lcInformer) << what << "continue token expired; full list";
            list({});
            return;
        }
        retry(response->toError(what), true);
        return;
    }

    QElapsedTimer decode;
    decode.start();
    // Decoded straight from the text (ObjectDecoder::decodeList): no JSON tree of the page.
    std::string cont;
    std::string rv;
    qint64 remaining = -1;
    StoreDelta page;
    page.type = StoreDelta::Type::ListPage;
    page.kind = m_kind;
    page.scopeNamespace = m_namespace;
    page.listId = m_listId;
    if (!m_decoder->decodeList(m_kind, response->body, m_resource.groupVersion(), page.objects,
                               cont, rv, &remaining)) {
        retry(Error(Error::Code::ParseError, QStringLiteral("the list is not JSON"), what), true);
        return;
    }
    m_decodeNs += decode.nsecsElapsed();
    m_listedCount += qint64(page.objects.size());

    // Each page goes to the store as it arrives (the table fills page by page); the last one
    // completes the list, and the store prunes what it no longer has.
    page.listComplete = cont.empty();
    page.remainingItems = page.listComplete ? 0 : remaining;
    if (m_store)
        m_store->post(std::move(page));
    if (!cont.empty()) {
        // The decoded objects hold no pointer into the text: its buffer serves the next page.
        m_pageBuffer = std::move(response->body);
        m_pageBuffer.resize(0);
        list(QString::fromStdString(cont));
        return;
    }
    m_health.resourceVersion = QString::fromStdString(rv);
    finishList();
}

void Informer::finishList()
{
    m_listId = 0; // its last page completed it in the store
    m_health.lastListMs = m_listTimer.elapsed();
    m_health.lastDecodeMs = m_decodeNs / 1000000;
    m_health.objectCount = int(m_listedCount);
    m_health.lastSyncTime = QDateTime::currentDateTimeUtc();
    m_health.lastEventTime = m_health.lastSyncTime;
    if (m_everSynced)
        ++m_health.relistCount;
    m_everSynced = true;
    m_failuresSinceLive = 0; // a complete list is proof of life
    setState(WatchHealth::State::Live, true);
    watch();
}

void Informer::abandonList()
{
    if (!m_listId)
        return;
    // The pages already sent stay (they are what the server said); nothing is pruned, and
    // the store stops reporting the list's progress. The next list starts afresh.
    StoreDelta stop;
    stop.type = StoreDelta::Type::ListAbandoned;
    stop.kind = m_kind;
    stop.scopeNamespace = m_namespace;
    stop.listId = m_listId;
    m_listId = 0;
    if (m_store)
        m_store->post(std::move(stop));
}

void Informer::watch()
{
    m_timerId = 0;
    const int lo = std::max(1, m_options.minWatchTimeoutSec);
    const int hi = std::max(lo, m_options.maxWatchTimeoutSec);
    const int timeoutSec = lo + int(QRandomGenerator::global()->bounded(hi - lo + 1));
    const QString path = collectionPath()
                         + QStringLiteral("?watch=true&allowWatchBookmarks=true&resourceVersion=")
                         + QString::fromLatin1(QUrl::toPercentEncoding(m_health.resourceVersion))
                         + QStringLiteral("&timeoutSeconds=") + QString::number(timeoutSec);
    m_lineBuffer.clear();
    m_relistRequested = false;
    m_watchError = false;
    m_lineTooLong = false;
    m_watchStarted.start();

    Internal::CurlJob job;
    job.request = ApiRequest::get(path);
    // The server ends the watch after timeoutSeconds; the margin covers a slow close.
    job.request.timeoutMs = (timeoutSec + 30) * 1000;
    job.request.idleTimeoutMs = m_options.watchIdleTimeoutMs;
    const int generation = m_generation;
    job.onResponse = [this, generation](int status) {
        // Headers alone do not prove the stream is alive (a half-open connection answers
        // and then says nothing): Reconnecting may turn Live here, but the failure count is
        // only reset by data (onWatchData), and Stale waits for data too.
        if (generation == m_generation && status >= 200 && status < 300
            && m_health.state == WatchHealth::State::Reconnecting) {
            setState(WatchHealth::State::Live);
        }
    };
    job.onData = [this, generation](const QByteArray &chunk) {
        return generation == m_generation && onWatchData(chunk);
    };
    job.onDone = [this, generation](Result<ApiResponse> &&r) {
        if (generation == m_generation)
            onWatchDone(std::move(r));
    };
    m_requestId = m_worker->submit(std::move(job));
}

bool Informer::onWatchData(const QByteArray &chunk)
{
    m_lineBuffer.append(chunk.constData(), std::size_t(chunk.size()));
    std::vector<StoreDelta> deltas;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = m_lineBuffer.find('\n', start);
        if (nl == std::string::npos)
            break;
        if (qint64(nl - start) > Limits::maxWatchLineBytes) {
            m_lineTooLong = true;
            break;
        }
        std::string_view line(m_lineBuffer.data() + start, nl - start);
        if (!line.empty() && line.find_first_not_of(" \r\t") != std::string_view::npos)
            handleWatchLine(line, deltas);
        start = nl + 1;
        if (m_relistRequested || m_watchError)
            break;
    }
    if (m_lineTooLong)
        start = m_lineBuffer.size(); // nothing after it is read: the watch ends here
    if (start > 0 && !m_watchError && !m_relistRequested && !m_lineTooLong
        && (m_failuresSinceLive > 0 || m_health.state != WatchHealth::State::Live)) {
        // A complete event or bookmark: the stream really is alive.
        m_failuresSinceLive = 0;
        setState(WatchHealth::State::Live, true);
    }
    m_lineBuffer.erase(0, start);
    if (!m_relistRequested && !m_watchError && !m_lineTooLong
        && qint64(m_lineBuffer.size()) > Limits::maxWatchLineBytes) {
        // An event this large is not read into memory: stop the watch and relist, which reads
        // the object through a paginated list (bounded by maxResponseBodyBytes) instead.
        m_lineTooLong = true;
        m_lineBuffer.clear();
        m_lineBuffer.shrink_to_fit();
    }
    if (!deltas.empty() && m_store)
        m_store->post(std::move(deltas));
    reportHealth(false);
    return !(m_relistRequested || m_watchError || m_lineTooLong);
}

void Informer::handleWatchLine(std::string_view line, std::vector<StoreDelta> &deltas)
{
    QElapsedTimer decode;
    decode.start();
    using T = Internal::ObjectDecoder::WatchEvent::Type;
    const Internal::ObjectDecoder::WatchEvent event
        = m_decoder->decodeWatchEvent(m_kind, line, m_resource.groupVersion());
    if (event.type == T::Malformed) {
        // A torn line means the stream is corrupt: re-watch from the last good version.
        m_watchError = true;
        m_watchEventError = Error(Error::Code::ParseError, QStringLiteral("malformed watch event"),
                                  m_resource.name);
        return;
    }
    m_health.lastEventTime = QDateTime::currentDateTimeUtc();

    if (event.type == T::Added || event.type == T::Modified || event.type == T::Deleted) {
        const KubeObjectPtr &o = event.object;
        if (!o)
            return;
        StoreDelta d;
        d.type = event.type == T::Deleted ? StoreDelta::Type::Delete : StoreDelta::Type::Upsert;
        d.kind = m_kind;
        d.object = o;
        if (!o->resourceVersion.isEmpty())
            m_health.resourceVersion = o->resourceVersion;
        deltas.push_back(std::move(d));
    } else if (event.type == T::Bookmark) {
        if (!event.resourceVersion.isEmpty())
            m_health.resourceVersion = event.resourceVersion;
    } else if (event.type == T::Error) {
        const qint64 code = event.errorCode;
        if (code == 410) {
            m_relistRequested = true;
        } else {
            ApiResponse r;
            r.status = code >= 100 && code <= 599 ? int(code) : 500;
            r.body = event.errorBody;
            m_watchError = true;
            m_watchEventError = r.toError(QStringLiteral("watch %1").arg(m_resource.name));
        }
    }
    m_decodeNs += decode.nsecsElapsed();
}

void Informer::onWatchDone(Result<ApiResponse> &&response)
{
    m_requestId = 0;
    const QString what = QStringLiteral("watch %1").arg(m_resource.name);
    const bool livedLong
        = m_watchStarted.isValid() && m_watchStarted.elapsed() >= m_options.healthyResetMs;
    if (livedLong)
        m_failures = 0;

    if (m_relistRequested || (response.ok() && response->status == 410)) {
        // The resourceVersion left the server's window: relist and replace. The first time
        // at once (as client-go); repeatedly, with backoff so a broken server is not hammered.
        qCInfo(lcInformer) << what << "expired; relisting";
        Error e(Error::Code::Expired,
                QStringLiteral("resourceVersion %1 is too old").arg(m_health.resourceVersion),
                what);
        e.httpStatus = 410;
        m_health.lastError = e;
        if (m_expiredInARow++ == 0) {
            list({});
        } else {
            retry(e, true);
        }
        return;
    }
    m_expiredInARow = 0;

    if (m_lineTooLong) {
        // Relist with backoff: should the object keep changing, its every event is too long.
        retry(
            Error(Error::Code::TooLarge,
                  QStringLiteral(
                      "a watch event is longer than the limit of %1 (maxWatchLineBytes); relisting")
                      .arg(Limits::byteSize(Limits::maxWatchLineBytes)),
                  what),
            true);
        return;
    }

    if (!response.ok()) {
        Error e = response.error();
        if (e.code == Error::Code::Cancelled && m_watchError)
            e = m_watchEventError;
        retry(e, false);
        return;
    }
    if (response->isSuccess()) {
        // Clean close (timeoutSeconds elapsed): re-watch from the last version at once,
        // unless the server closes immediately every time.
        if (m_watchStarted.elapsed() >= 1000) {
            watch();
        } else {
            retry(Error(Error::Code::Network, QStringLiteral("the watch closed at once"), what),
                  false);
        }
        return;
    }
    retry(response->toError(what), false);
}

int Informer::nextBackoffMs()
{
    // 800 ms × 2^(n-1), capped, plus jitter so that many informers do not retry in lockstep.
    double delay = m_options.initialBackoffMs;
    for (int i = 1; i < m_failures && delay < m_options.maxBackoffMs; ++i)
        delay *= 2;
    delay = std::min<double>(delay, m_options.maxBackoffMs);
    delay *= 1.0 + m_options.backoffJitter * QRandomGenerator::global()->generateDouble();
    return int(std::min<double>(delay, m_options.maxBackoffMs));
}

void Informer::retry(const Error &error, bool relist)
{
    if (m_stopped)
        return;
    abandonList();
    ++m_failures;
    if (m_failuresSinceLive++ == 0)
        m_failingSince.start();
    ++m_health.reconnectCount;
    m_health.lastError = error;
    qCInfo(lcInformer) << m_resource.name << m_namespace << "failed:" << error.toString()
                       << (relist ? "(relist)" : "(re-watch)");
    using S = WatchHealth::State;
    using C = Error::Code;
    if (error.code == C::Forbidden || error.code == C::AuthError || error.code == C::NotFound
        || error.code == C::Unsupported || error.code == C::InvalidArgument) {
        setState(S::Error);
    } else if (m_failuresSinceLive >= m_options.staleAfterFailures
               || m_failingSince.elapsed() >= m_options.staleAfterMs) {
        setState(m_everSynced ? S::Stale : S::Reconnecting);
    } else {
        setState(S::Reconnecting);
    }
    reportHealth(true); // the error is news even when the state did not change
    // The server's Retry-After (429, 503) is a floor, as in client-go; the backoff may be longer.
    if (error.retryAfterMs > 0)
        m_retryAfter.setRemainingTime(error.retryAfterMs, Qt::PreciseTimer);
    const int delay = std::max(nextBackoffMs(), error.retryAfterMs);
    m_timerId = m_worker->schedule(delay, [this, relist, generation = m_generation] {
        if (generation != m_generation)
            return;
        if (relist || !m_everSynced)
            list({});
        else
            watch();
    });
}

void Informer::giveUp(const Error &error)
{
    if (m_stopped)
        return;
    qCWarning(lcInformer) << m_resource.name << m_namespace << "gave up:" << error.toString();
    m_gaveUp = true;
    abandonList(); // the pages read so far stay, but the list will not complete
    m_health.lastError = error;
    setState(WatchHealth::State::Error, true);
}

void Informer::setState(WatchHealth::State state, bool forceReport)
{
    const bool changed = m_health.state != state;
    m_health.state = state;
    reportHealth(changed || forceReport);
}

void Informer::reportHealth(bool force)
{
    // Events can arrive by the thousand: the health (last event time, version) is reported
    // on state changes and otherwise at most once a second.
    if (!force && m_sinceReport.isValid() && m_sinceReport.elapsed() < 1000)
        return;
    m_sinceReport.start();
    if (m_onHealth)
        m_onHealth(m_health);
}

} // namespace Orrery
