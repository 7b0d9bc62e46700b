// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitoring/prometheusresponse.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Orrery {

class HttpTransport;

// Where a Prometheus answers, relative to the transport it is reached through:
//  - direct: the transport's server is Prometheus itself (http://host:9090[/prefix]);
//  - service proxy: the transport is a cluster's API server and Prometheus is a Service,
//    reached at /api/v1/namespaces/NS/services/NAME:PORT/proxy (needs services/proxy get).
struct PrometheusLocation
{
    QString serviceNamespace; // empty: direct
    QString serviceName;
    QString servicePort;   // a port name or number; empty: the Service's only port
    QString serviceScheme; // "https" for a port that speaks TLS; empty: http

    static PrometheusLocation direct() { return {}; }
    static PrometheusLocation service(const QString &ns, const QString &name,
                                      const QString &port = {}, const QString &scheme = {})
    {
        return {ns, name, port, scheme};
    }
    bool isDirect() const { return serviceName.isEmpty(); }
    // The path prefix of Prometheus' API on the transport: "" or ".../proxy".
    QString pathPrefix() const;

    bool operator==(const PrometheusLocation &) const = default;
};

// Instant and range PromQL queries over an HttpTransport (so TLS, credentials, proxies and
// the API server's service proxy work as for every other request). Requests and decoding run
// on the transport's worker thread; handlers run on `context`'s thread, not at all once it
// is gone. Every failure is a value: an Error whose context names the query (and, for
// transport errors, the URL asked), never an exception.
class PrometheusClient
{
public:
    using Handler = std::function<void(const Result<PrometheusResult> &)>;

    // `transport` must outlive the client's requests (it joins its worker on destruction).
    PrometheusClient(HttpTransport *transport, PrometheusLocation location);

    const PrometheusLocation &location() const { return m_location; }

    // /api/v1/query at `time` (unset: the server's now).
    void query(const QString &promql, std::optional<QDateTime> time, QObject *context,
               Handler handler) const;
    // /api/v1/query_range from `start` to `end` every `stepSeconds` (> 0).
    void queryRange(const QString &promql, const QDateTime &start, const QDateTime &end,
                    double stepSeconds, QObject *context, Handler handler) const;

    // The request paths (public for tests and for showing what Orrery asks).
    QString queryPath(const QString &promql, std::optional<QDateTime> time) const;
    QString rangePath(const QString &promql, const QDateTime &start, const QDateTime &end,
                      double stepSeconds) const;

private:
    void get(const QString &path, const QString &promql, QObject *context, Handler handler) const;

    HttpTransport *m_transport;
    PrometheusLocation m_location;
};

} // namespace Orrery
