// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitoring/alert.h"
#include "monitoring/prometheusclient.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace Orrery {

class HttpTransport;

// Where an Alertmanager answers: the same two ways as Prometheus (direct: the transport's
// server is Alertmanager's URL, e.g. http://127.0.0.1:9093; service proxy: the transport is
// the cluster's API server and Alertmanager a Service, reached at
// /api/v1/namespaces/NS/services/NAME:PORT/proxy, which needs "get" on services/proxy).
using AlertmanagerLocation = PrometheusLocation;

// An Alertmanager as a user names it (--alertmanager, a context's setting):
//  - "http://127.0.0.1:9093" or "https://host/prefix": reached directly (`url` set), on a
//    transport of its own;
//  - "service/NS/NAME" or "service/NS/NAME:PORT": through the context's API server
//    (`location` set, `url` empty).
struct AlertmanagerEndpoint
{
    QString url;
    AlertmanagerLocation location;

    bool isDirect() const { return !url.isEmpty(); }
    // Error::Code::InvalidArgument, in words, for anything else.
    static Result<AlertmanagerEndpoint> parse(const QString &text);
};

// Which alerts GET /api/v2/alerts returns (its query parameters; Alertmanager's defaults
// are all true).
struct AlertFilter
{
    bool active = true;
    bool silenced = true;
    bool inhibited = true;
    bool unprocessed = true;
    QStringList matchers; // filter=..., in amtool's form: alertname="X", namespace=~"a|b"

    // Only what fires and nobody muted: what `orrery --alerts` lists.
    static AlertFilter activeOnly() { return {true, false, false, false, {}}; }
};

// Why Orrery shows no alerts, in words the operator can act on (a value, like
// MetricsUnavailable):
//  - NotConfigured: no Alertmanager is known for this context;
//  - Unreachable: no HTTP answer (refused, DNS, TLS, timeout, no credential): the
//    transport's message and URL;
//  - Forbidden: 403; through the service proxy it names the permission ("get" on
//    services/proxy in the namespace), directly the URL that refused;
//  - NotFound: 404 (no such Service, or the URL is not an Alertmanager API v2);
//  - ApiError: any other answer that is not what was asked (an error status, or a 2xx that
//    is not an Alertmanager answer): HTTP status and message.
struct AlertsUnavailable
{
    Q_DECLARE_TR_FUNCTIONS(AlertsUnavailable)

public:
    enum class Reason { NotConfigured, Unreachable, Forbidden, NotFound, ApiError };

    Reason reason = Reason::ApiError;
    QString where;      // the base URL or "service NS/NAME:PORT"
    QString ns;         // Forbidden through the service proxy: the Service's namespace
    int httpStatus = 0; // 0 when no answer came
    QString message;    // the server's or the transport's words

    static AlertsUnavailable notConfigured();
    // From a failed client call against `location` on a transport whose server is `server`.
    static AlertsUnavailable fromError(const Error &error, const AlertmanagerLocation &location,
                                       const QString &server);

    // One translated sentence.
    QString text() const;

    bool operator==(const AlertsUnavailable &) const = default;
};

// Alertmanager's API v2 over an HttpTransport (TLS, credentials, proxies and the API server's
// service proxy as for every other request). Requests and decoding run on the transport's
// worker thread; handlers run on `context`'s thread, not at all once it is gone. Every
// failure is an Error (httpStatus set when an answer came, context naming the URL asked);
// AlertsUnavailable::fromError turns it into the sentence to show.
class AlertmanagerClient
{
public:
    template <typename T> using Handler = std::function<void(const Result<T> &)>;

    // `transport` must outlive the client's requests.
    AlertmanagerClient(HttpTransport *transport, AlertmanagerLocation location = {});

    const AlertmanagerLocation &location() const { return m_location; }
    HttpTransport *transport() const { return m_transport; }
    // The base the API paths hang off, for messages: "http://127.0.0.1:9093" or
    // "https://api:6443/api/v1/namespaces/monitoring/services/alertmanager:9093/proxy".
    QString baseUrl() const;

    // GET /api/v2/alerts?active=..&silenced=..&inhibited=..&unprocessed=..&filter=..
    void alerts(const AlertFilter &filter, QObject *context, Handler<QList<Alert>> handler) const;
    // GET /api/v2/silences (every state; Alertmanager keeps expired ones for a while).
    void silences(QObject *context, Handler<QList<Silence>> handler) const;
    // POST /api/v2/silences; the new silence's id. An `id` in `silence` updates that one.
    void createSilence(const Silence &silence, QObject *context, Handler<QString> handler) const;
    // DELETE /api/v2/silence/{id}: expires it (Alertmanager keeps it as expired).
    void expireSilence(const QString &id, QObject *context, Handler<void> handler) const;

    // The request paths (public for tests and for showing what Orrery asks).
    QString alertsPath(const AlertFilter &filter) const;
    QString silencesPath() const;
    QString silencePath(const QString &id) const;

private:
    HttpTransport *m_transport;
    AlertmanagerLocation m_location;
};

} // namespace Orrery
