// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusclient.h"

#include "kube/curlworker.h"
#include "kube/httptransport.h"
#include "util/async.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

namespace Orrery {

namespace {

QString seconds(const QDateTime &t)
{
    return QString::number(t.toMSecsSinceEpoch() / 1000.0, 'f', 3);
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

QString PrometheusLocation::pathPrefix() const
{
    if (isDirect())
        return {};
    // [SCHEME:]NAME:PORT as kubectl writes it (the colons are the API server's separators,
    // not encoded).
    QString service = servicePort.isEmpty()
                          ? encoded(serviceName)
                          : encoded(serviceName) + QLatin1Char(':') + encoded(servicePort);
    if (!serviceScheme.isEmpty()) // three parts, the port possibly empty: "https:NAME:"
        service = encoded(serviceScheme) + QLatin1Char(':') + service
                  + (servicePort.isEmpty() ? QStringLiteral(":") : QString());
    return QStringLiteral("/api/v1/namespaces/%1/services/%2/proxy")
        .arg(encoded(serviceNamespace), service);
}

PrometheusClient::PrometheusClient(HttpTransport *transport, PrometheusLocation location)
    : m_transport(transport)
    , m_location(std::move(location))
{
}

QString PrometheusClient::queryPath(const QString &promql, std::optional<QDateTime> time) const
{
    QString path
        = m_location.pathPrefix() + QStringLiteral("/api/v1/query?query=") + encoded(promql);
    if (time && time->isValid())
        path += QStringLiteral("&time=") + seconds(*time);
    return path;
}

QString PrometheusClient::rangePath(const QString &promql, const QDateTime &start,
                                    const QDateTime &end, double stepSeconds) const
{
    return m_location.pathPrefix() + QStringLiteral("/api/v1/query_range?query=") + encoded(promql)
           + QStringLiteral("&start=") + seconds(start) + QStringLiteral("&end=") + seconds(end)
           + QStringLiteral("&step=") + QString::number(stepSeconds, 'g', 10);
}

void PrometheusClient::query(const QString &promql, std::optional<QDateTime> time, QObject *context,
                             Handler handler) const
{
    get(queryPath(promql, time), promql, context, std::move(handler));
}

void PrometheusClient::queryRange(const QString &promql, const QDateTime &start,
                                  const QDateTime &end, double stepSeconds, QObject *context,
                                  Handler handler) const
{
    if (!(stepSeconds > 0) || !start.isValid() || !end.isValid() || end < start) {
        const Error e(Error::Code::InvalidArgument,
                      QCoreApplication::translate("PrometheusClient",
                                                  "a range query needs start <= end and a "
                                                  "positive step"),
                      QStringLiteral("PromQL: %1").arg(promql));
        Async::deliverVia(m_transport, QPointer<QObject>(context),
                          [handler, e] { handler(Result<PrometheusResult>(e)); });
        return;
    }
    get(rangePath(promql, start, end, stepSeconds), promql, context, std::move(handler));
}

void PrometheusClient::get(const QString &path, const QString &promql, QObject *context,
                           Handler handler) const
{
    Internal::CurlJob job;
    job.request = ApiRequest::get(path);
    const QPointer<QObject> ctx(context);
    HttpTransport *transport = m_transport;
    const QString server = transport->connection().server;
    job.onDone = [transport, ctx, path, promql, server,
                  handler = std::move(handler)](Result<ApiResponse> &&response) {
        // Worker thread: decode here, never on the caller's thread. Every error names the
        // query and where it was asked (lens#7941: "404" with no hint which query failed).
        Result<PrometheusResult> out
            = response.ok() ? PrometheusResponse::decode(response->status, response->body, promql)
                            : Result<PrometheusResult>(response.error());
        if (!out.ok()) {
            Error e = out.error();
            e.context = QStringLiteral("PromQL: %1 (%2%3)").arg(promql, server, path);
            out = std::move(e);
        }
        Async::deliverVia(transport, ctx, [handler, out = std::move(out)] { handler(out); });
    };
    transport->worker()->submit(std::move(job));
}

} // namespace Orrery
