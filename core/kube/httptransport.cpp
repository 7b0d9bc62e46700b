// SPDX-License-Identifier: GPL-3.0-or-later
#include "httptransport.h"

#include "curlworker.h"
#include "util/async.h"

#include <QPointer>

#include <atomic>

namespace Orrery {

namespace {

// Answers reach `context`'s thread by way of the transport (which outlives every worker
// callback because its destructor joins the worker): Async::deliverVia.
template <typename Fn>
void deliver(HttpTransport *transport, const QPointer<QObject> &context, Fn fn)
{
    Async::deliverVia(transport, context, std::move(fn));
}

} // namespace

HttpTransport::HttpTransport(ClusterConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_worker(std::make_unique<Internal::CurlWorker>(std::move(connection)))
{
    m_worker->setObjectName(QStringLiteral("orrery-transport"));
    m_worker->start();
}

HttpTransport::~HttpTransport()
{
    m_worker->stop();
    m_worker->wait();
}

HttpTransport::RequestId HttpTransport::send(ApiRequest request, QObject *context,
                                             ResponseHandler onFinished)
{
    Internal::CurlJob job;
    job.request = std::move(request);
    QPointer<QObject> ctx(context);
    auto id = std::make_shared<std::atomic<RequestId>>(0);
    job.onDone = [this, ctx, id, onFinished = std::move(onFinished)](Result<ApiResponse> &&r) {
        deliver(this, ctx, [this, id, onFinished, r = std::move(r)] {
            if (!takeCancelled(*id))
                onFinished(r);
        });
    };
    *id = m_worker->submit(std::move(job));
    return *id;
}

HttpTransport::RequestId HttpTransport::get(const QString &path, QObject *context,
                                            ResponseHandler onFinished)
{
    return send(ApiRequest::get(path), context, std::move(onFinished));
}

HttpTransport::RequestId HttpTransport::stream(ApiRequest request, QObject *context,
                                               ChunkHandler onChunk, ResponseHandler onFinished)
{
    Internal::CurlJob job;
    job.request = std::move(request);
    QPointer<QObject> ctx(context);
    auto id = std::make_shared<std::atomic<RequestId>>(0);
    job.onData = [this, ctx, id, onChunk = std::move(onChunk)](const QByteArray &chunk) {
        deliver(this, ctx, [this, id, onChunk, chunk] {
            if (!m_cancelled.contains(*id))
                onChunk(chunk);
        });
        return true;
    };
    job.onDone = [this, ctx, id, onFinished = std::move(onFinished)](Result<ApiResponse> &&r) {
        deliver(this, ctx, [this, id, onFinished, r = std::move(r)] {
            if (!takeCancelled(*id))
                onFinished(r);
        });
    };
    *id = m_worker->submit(std::move(job));
    return *id;
}

void HttpTransport::cancel(RequestId id)
{
    // Remembered until the request's final answer would have been delivered (or forever for
    // a request that had already finished: ids are never reused, so the set only grows by
    // cancellations, which are rare).
    m_cancelled.insert(id);
    m_worker->cancel(id);
}

bool HttpTransport::takeCancelled(RequestId id)
{
    return m_cancelled.remove(id);
}

} // namespace Orrery
