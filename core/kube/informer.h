// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "discovery.h"
#include "informeroptions.h"
#include "storedelta.h"
#include "watchhealth.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QPointer>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace Orrery {

class ResourceStore;

namespace Internal {
class CurlWorker;
class ObjectDecoder;
} // namespace Internal

// List-then-watch for one kind in one namespace (or all), with client-go semantics:
// paginated list (limit + continue; 410 on a continue token restarts a full list; each page
// goes to the store as it arrives, and the last one prunes what the list no longer has), then a
// watch from the list's resourceVersion with bookmarks and a random timeoutSeconds; a 410
// (HTTP or ERROR event) relists and replaces the store, synthesising deletions; other failures
// (dropped stream, silent stream, 5xx, 429, refused) back off exponentially with jitter and
// re-watch from the last resourceVersion without relisting; a clean close re-watches at once.
// A list page larger than InformerOptions::maxListPageBytes is not retried: the kind goes to
// Error with a TooLarge error that says what would help, until resync() asks again.
//
// Threading: after start(), every member runs on the CurlWorker thread; objects are decoded
// there and handed to the ResourceStore with post(). Health changes are reported through
// `onHealth`, also on the worker thread (ClusterSession forwards them to its own thread).
// The owner destroys the informer only after the worker has stopped.
class Informer
{
public:
    using HealthHandler = std::function<void(const WatchHealth &)>;

    Informer(Internal::CurlWorker *worker, ResourceStore *store, ApiResource resource, Kind kind,
             QString namespaceName, InformerOptions options, HealthHandler onHealth);
    ~Informer();

    void start(); // thread-safe: posts to the worker
    // Thread-safe. Drops the current request or backoff timer and lists again at once, then
    // replaces the store and re-watches (client-go's relist): after a sleep or a network
    // change the open watch may be a dead socket that the idle deadline would only notice
    // minutes later. Health goes Reconnecting with `reason`, then Live after the list.
    // Only a Retry-After the server sent (429, 5xx) still holds: the list waits it out.
    void resync(const QString &reason);
    // Thread-safe: marks the informer Error (e.g. the kind is not served) without any request.
    void reportUnavailable(const Error &error);

    Kind kind() const { return m_kind; }
    QString namespaceName() const { return m_namespace; }

private:
    // tests/fuzz feeds list pages and watch streams straight into the handlers below.
    friend struct InformerFuzzProbe;

    void list(const QString &continueToken);
    void onListPage(Result<ApiResponse> &&response, const QString &continueToken);
    void finishList();
    void abandonList(); // the list in progress stopped (an error): the store forgets its pages
    void watch();
    bool onWatchData(const QByteArray &chunk);
    void handleWatchLine(std::string_view line, std::vector<StoreDelta> &deltas);
    void onWatchDone(Result<ApiResponse> &&response);
    void retry(const Error &error, bool relist);
    void giveUp(const Error &error);
    int nextBackoffMs();
    void setState(WatchHealth::State state, bool forceReport = false);
    void reportHealth(bool force);
    QString collectionPath() const;

    Internal::CurlWorker *m_worker;
    QPointer<ResourceStore> m_store;
    ApiResource m_resource;
    Kind m_kind;
    QString m_namespace;
    InformerOptions m_options;
    HealthHandler m_onHealth;
    std::unique_ptr<Internal::ObjectDecoder> m_decoder;

    WatchHealth m_health;
    quint64 m_requestId = 0;
    quint64 m_timerId = 0;
    // The list in progress: its id for the store (StoreDelta::listId; 0: none in progress,
    // or its pages already complete) and the objects its pages held so far.
    quint64 m_listId = 0;
    qint64 m_listedCount = 0;
    // The previous page's body, emptied: the next page's answer reuses its capacity. Dropped
    // when the list ends.
    QByteArray m_pageBuffer;
    QElapsedTimer m_listTimer;
    qint64 m_decodeNs = 0;
    std::string m_lineBuffer;
    bool m_relistRequested = false;
    bool m_watchError = false;
    bool m_lineTooLong = false; // a watch line passed Limits::maxWatchLineBytes: relist
    Error m_watchEventError;
    int m_failures = 0;          // consecutive, for the backoff (reset after a healthy period)
    int m_failuresSinceLive = 0; // for Stale
    int m_expiredInARow = 0;
    QElapsedTimer m_watchStarted;
    QElapsedTimer m_failingSince; // first failure since the informer was last Live
    QElapsedTimer m_sinceReport;
    // Until when the server asked this resource to wait (its last Retry-After): no request
    // goes out before, whoever asks (backoff, resync).
    QDeadlineTimer m_retryAfter;
    bool m_everSynced = false;
    bool m_stopped = false;
    // A list page was larger than the limit: no retry until resync() (Reconnect) asks again.
    bool m_gaveUp = false;
    // Bumped by resync(): answers of requests started before it are ignored (the worker's
    // cancel() is queued, so a completion may still slip in).
    int m_generation = 0;
};

} // namespace Orrery
