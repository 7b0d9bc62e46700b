// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "clusterconnection.h"
#include "util/limits.h"

#include <QThread>

#include <functional>
#include <memory>

namespace Orrery::Internal {

// The header-name form of an impersonation extra key (Impersonate-Extra-<key>), escaped as
// client-go does: "acme.com/project" → "acme.com%2Fproject".
QByteArray impersonateExtraKey(const QString &key);

// A request as the worker runs it. All callbacks run on the worker thread.
struct CurlJob
{
    ApiRequest request;
    // Set for streams: 2xx body bytes go here as they arrive instead of into the response.
    // Returning false aborts the transfer (onDone then gets Error::Code::Cancelled); aborting
    // this way is the only safe way to stop a transfer from inside its own callback.
    std::function<bool(const QByteArray &)> onData;
    // Called once the response headers are complete, with the final status (watches use it
    // to know they are established before any event arrives).
    std::function<void(int status)> onResponse;
    std::function<void(Result<ApiResponse> &&)> onDone;
    // The most a collected (non-stream) body may hold, after content decoding; beyond it the
    // transfer is aborted with Error::Code::TooLarge. Tests lower it (InformerOptions).
    qint64 maxBodyBytes = Limits::maxResponseBodyBytes;
    // An empty buffer whose capacity the collected body reuses (an informer hands back its
    // previous list page's): a page of 1-2 MB then needs no growing reallocations and no
    // fresh pages from the kernel.
    QByteArray bodyBuffer;
};

// The thread that owns a libcurl multi handle and runs everything of one connection: curl
// transfers, posted tasks and timers (informer backoff). Its loop is curl_multi_poll woken by
// curl_multi_wakeup, not a Qt event loop, so no QObject lives on it.
//
// Thread-safe entry points: submit, cancel, post, schedule, cancelTimer, stop. Everything
// passed in runs on the worker thread, in submission order for posts.
class CurlWorker : public QThread
{
    Q_OBJECT

public:
    explicit CurlWorker(ClusterConnection connection, QObject *parent = nullptr);
    ~CurlWorker() override; // stop() and wait

    quint64 submit(CurlJob job);
    void cancel(quint64 id); // onDone is not called
    void post(std::function<void()> task);
    quint64 schedule(int delayMs, std::function<void()> task); // not before delayMs from now
    void cancelTimer(quint64 id);
    void stop();

    bool isWorkerThread() const;

protected:
    void run() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Internal
