// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertmanagerclient.h"

#include "kube/curlworker.h"
#include "kube/httptransport.h"
#include "monitoring/alertmanagerresponse.h"
#include "util/async.h"

#include <QPointer>
#include <QUrl>

namespace Orrery {

namespace {

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString flag(bool on)
{
    return on ? QStringLiteral("true") : QStringLiteral("false");
}

// Sends `request` on the transport's worker, decodes the answer there with `decode` and
// delivers the Result to `context`'s thread. Errors name the URL asked.
template <typename T, typename Decode>
void call(HttpTransport *transport, ApiRequest request, QObject *context,
          AlertmanagerClient::Handler<T> handler, Decode decode)
{
    Internal::CurlJob job;
    const QString what = transport->connection().server + request.path;
    job.request = std::move(request);
    const QPointer<QObject> ctx(context);
    job.onDone = [transport, ctx, what, decode,
                  handler = std::move(handler)](Result<ApiResponse> &&response) {
        Result<T> out = response.ok() ? decode(response->status, response->body, what)
                                      : Result<T>(response.error());
        if (!out.ok() && out.error().context.isEmpty()) {
            Error e = out.error();
            e.context = what;
            out = std::move(e);
        }
        Async::deliverVia(transport, ctx, [handler, out = std::move(out)] { handler(out); });
    };
    transport->worker()->submit(std::move(job));
}

} // namespace

Result<AlertmanagerEndpoint> AlertmanagerEndpoint::parse(const QString &text)
{
    const QString t = text.trimmed();
    AlertmanagerEndpoint endpoint;
    if (t.startsWith(QLatin1String("service/"))) {
        const QStringList parts = t.mid(8).split(QLatin1Char('/'));
        if (parts.size() == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            const QString name = parts[1].section(QLatin1Char(':'), 0, 0);
            const QString port = parts[1].section(QLatin1Char(':'), 1);
            if (!name.isEmpty()) {
                endpoint.location = AlertmanagerLocation::service(parts[0], name, port);
                return endpoint;
            }
        }
    } else {
        const QUrl url(t, QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty()
            && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            && url.query().isEmpty() && url.fragment().isEmpty()) {
            QString base = url.toString(QUrl::StripTrailingSlash);
            while (base.endsWith(QLatin1Char('/')))
                base.chop(1);
            endpoint.url = base;
            return endpoint;
        }
    }
    return Error(Error::Code::InvalidArgument,
                 QCoreApplication::translate("AlertmanagerEndpoint",
                                             "\"%1\" is not an Alertmanager: give an http(s) URL "
                                             "(http://127.0.0.1:9093) or a Service "
                                             "(service/NAMESPACE/NAME[:PORT])")
                     .arg(t));
}

AlertsUnavailable AlertsUnavailable::notConfigured()
{
    AlertsUnavailable u;
    u.reason = Reason::NotConfigured;
    return u;
}

AlertsUnavailable AlertsUnavailable::fromError(const Error &error,
                                               const AlertmanagerLocation &location,
                                               const QString &server)
{
    AlertsUnavailable u;
    u.where = location.isDirect() ? server
                                  : QStringLiteral("service %1/%2%3")
                                        .arg(location.serviceNamespace, location.serviceName,
                                             location.servicePort.isEmpty()
                                                 ? QString()
                                                 : QLatin1Char(':') + location.servicePort);
    u.httpStatus = error.httpStatus;
    u.message = error.message;
    // No HTTP answer at all (refused, DNS, TLS, timeout, a credential that could not be
    // had): every answer that came, even an unreadable one, carries its status.
    if (error.httpStatus == 0) {
        u.reason = Reason::Unreachable;
    } else if (error.httpStatus == 403 || error.code == Error::Code::Forbidden) {
        u.reason = Reason::Forbidden;
        u.ns = location.isDirect() ? QString() : location.serviceNamespace;
    } else if (error.httpStatus == 404) {
        u.reason = Reason::NotFound;
    } else {
        u.reason = Reason::ApiError;
    }
    return u;
}

QString AlertsUnavailable::text() const
{
    switch (reason) {
    case Reason::NotConfigured:
        return tr("no Alertmanager is set for this context (--alertmanager URL, or the "
                  "context's monitoring settings)");
    case Reason::Unreachable:
        return tr("Alertmanager at %1 could not be reached: %2").arg(where, message);
    case Reason::Forbidden:
        if (!ns.isEmpty())
            return tr("forbidden: reaching Alertmanager through the API server needs the verb "
                      "\"get\" on services/proxy in namespace \"%1\"")
                .arg(ns);
        return tr("forbidden: Alertmanager at %1 answered 403: %2").arg(where, message);
    case Reason::NotFound:
        return tr("no Alertmanager API v2 at %1 (HTTP 404: %2)").arg(where, message);
    case Reason::ApiError: break;
    }
    return tr("Alertmanager at %1 answered HTTP %2: %3").arg(where).arg(httpStatus).arg(message);
}

AlertmanagerClient::AlertmanagerClient(HttpTransport *transport, AlertmanagerLocation location)
    : m_transport(transport)
    , m_location(std::move(location))
{
}

QString AlertmanagerClient::baseUrl() const
{
    return m_transport->connection().server + m_location.pathPrefix();
}

QString AlertmanagerClient::alertsPath(const AlertFilter &filter) const
{
    QString path = m_location.pathPrefix() + QStringLiteral("/api/v2/alerts?active=")
                   + flag(filter.active) + QStringLiteral("&silenced=") + flag(filter.silenced)
                   + QStringLiteral("&inhibited=") + flag(filter.inhibited)
                   + QStringLiteral("&unprocessed=") + flag(filter.unprocessed);
    for (const QString &m : filter.matchers)
        path += QStringLiteral("&filter=") + encoded(m);
    return path;
}

QString AlertmanagerClient::silencesPath() const
{
    return m_location.pathPrefix() + QStringLiteral("/api/v2/silences");
}

QString AlertmanagerClient::silencePath(const QString &id) const
{
    return m_location.pathPrefix() + QStringLiteral("/api/v2/silence/") + encoded(id);
}

void AlertmanagerClient::alerts(const AlertFilter &filter, QObject *context,
                                Handler<QList<Alert>> handler) const
{
    call<QList<Alert>>(m_transport, ApiRequest::get(alertsPath(filter)), context,
                       std::move(handler), &AlertmanagerResponse::decodeAlerts);
}

void AlertmanagerClient::silences(QObject *context, Handler<QList<Silence>> handler) const
{
    call<QList<Silence>>(m_transport, ApiRequest::get(silencesPath()), context, std::move(handler),
                         &AlertmanagerResponse::decodeSilences);
}

void AlertmanagerClient::createSilence(const Silence &silence, QObject *context,
                                       Handler<QString> handler) const
{
    ApiRequest request;
    request.method = "POST";
    request.path = silencesPath();
    request.body = AlertmanagerResponse::encodeSilence(silence);
    request.contentType = "application/json";
    call<QString>(m_transport, std::move(request), context, std::move(handler),
                  &AlertmanagerResponse::decodeSilenceId);
}

void AlertmanagerClient::expireSilence(const QString &id, QObject *context,
                                       Handler<void> handler) const
{
    ApiRequest request;
    request.method = "DELETE";
    request.path = silencePath(id);
    call<void>(m_transport, std::move(request), context, std::move(handler),
               &AlertmanagerResponse::decodeEmpty);
}

} // namespace Orrery
