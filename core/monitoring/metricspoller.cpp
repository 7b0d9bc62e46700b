// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricspoller.h"

#include "kube/curlworker.h"
#include "kube/httptransport.h"
#include "util/async.h"

#include <QPointer>
#include <QUrl>

namespace Orrery {

namespace {

// GET `path` on the transport's worker, decode the body there with `decode`, and hand the
// result to `context`'s thread by way of the transport (which outlives its worker's calls).
template <typename T, typename Decode>
void fetchDecoded(HttpTransport *transport, const QString &path, QObject *context, Decode decode,
                  std::function<void(const Result<T> &)> handler)
{
    Internal::CurlJob job;
    job.request = ApiRequest::get(path);
    const QPointer<QObject> ctx(context);
    job.onDone = [transport, ctx, path, decode, handler](Result<ApiResponse> &&response) {
        Result<T> out = Error();
        Result<QByteArray> body = bodyOrError(response, path);
        if (!body.ok())
            out = body.error();
        else
            out = decode(*body);
        Async::deliverVia(transport, ctx, [handler, out = std::move(out)] { handler(out); });
    };
    transport->worker()->submit(std::move(job));
}

} // namespace

QString MetricsPoller::podsPath(const QString &ns)
{
    if (ns.isEmpty())
        return QStringLiteral("/apis/metrics.k8s.io/v1beta1/pods");
    return QStringLiteral("/apis/metrics.k8s.io/v1beta1/namespaces/%1/pods")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(ns)));
}

QString MetricsPoller::nodesPath()
{
    return QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes");
}

void MetricsPoller::fetchPods(HttpTransport *transport, const QString &ns, QObject *context,
                              PodsHandler handler)
{
    fetchDecoded<PodMetricsList>(
        transport, podsPath(ns), context,
        [](const QByteArray &body) { return ResourceMetrics::decodePods(body); },
        std::move(handler));
}

void MetricsPoller::fetchNodes(HttpTransport *transport, QObject *context, NodesHandler handler)
{
    fetchDecoded<NodeMetricsList>(
        transport, nodesPath(), context,
        [](const QByteArray &body) { return ResourceMetrics::decodeNodes(body); },
        std::move(handler));
}

void MetricsPoller::fetchAllocatable(HttpTransport *transport, QObject *context,
                                     AllocatableHandler handler)
{
    fetchDecoded<QMap<QString, NodeAllocatable>>(
        transport, QStringLiteral("/api/v1/nodes"), context,
        [](const QByteArray &body) { return ResourceMetrics::decodeAllocatable(body); },
        std::move(handler));
}

MetricsPoller::MetricsPoller(HttpTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
    qRegisterMetaType<Orrery::MetricsBatch>();
    m_timer.setInterval(defaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &MetricsPoller::pollNow);
}

MetricsPoller::~MetricsPoller()
{
    stop();
}

void MetricsPoller::start()
{
    m_timer.start();
    pollNow();
}

void MetricsPoller::stop()
{
    m_timer.stop();
    delete m_guard; // answers still on their way find their context gone
    m_guard = nullptr;
    m_pending.reset();
    m_waiting = 0;
}

void MetricsPoller::pollNow()
{
    if (m_pending)
        return; // the previous poll is still out: a slow server is not asked twice
    m_pending = MetricsBatch();
    m_pending->polledAt = QDateTime::currentDateTimeUtc();
    m_waiting = 2;
    delete m_guard;
    m_guard = new QObject(this);
    const QString ns = m_namespace;
    fetchPods(m_transport, ns, m_guard, [this, ns](const Result<PodMetricsList> &r) {
        if (r.ok())
            m_pending->pods = *r;
        else
            m_pending->podsUnavailable = MetricsUnavailable::fromError(
                r.error(), QStringLiteral("list"), QStringLiteral("pods"), ns);
        finishIfDone();
    });
    fetchNodes(m_transport, m_guard, [this](const Result<NodeMetricsList> &r) {
        if (r.ok())
            m_pending->nodes = *r;
        else
            m_pending->nodesUnavailable = MetricsUnavailable::fromError(
                r.error(), QStringLiteral("list"), QStringLiteral("nodes"), QString());
        finishIfDone();
    });
}

void MetricsPoller::finishIfDone()
{
    if (--m_waiting > 0 || !m_pending)
        return;
    MetricsBatch batch = std::move(*m_pending);
    m_pending.reset();
    if (batch.pods)
        m_history.addPods(*batch.pods);
    if (batch.nodes)
        m_history.addNodes(*batch.nodes);
    emit batchReady(batch);
}

} // namespace Orrery
