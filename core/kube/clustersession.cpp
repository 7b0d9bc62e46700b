// SPDX-License-Identifier: GPL-3.0-or-later
#include "clustersession.h"

#include "curlworker.h"
#include "httptransport.h"
#include "informer.h"
#include "resourcestore.h"
#include "util/jsonread.h"
#include "util/jsontoyaml.h"
#include "util/redaction.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace Orrery {

ClusterSession::ClusterSession(ClusterConnection connection, QObject *parent)
    : QObject(parent)
    , m_transport(std::make_unique<HttpTransport>(std::move(connection)))
    , m_store(new ResourceStore(this))
    , m_kinds(allKinds())
{
    qRegisterMetaType<Orrery::WatchHealth>();
}

ClusterSession::~ClusterSession()
{
    // Interrupt, quit, wait: no informer callback may run once the informers are gone.
    m_transport->worker()->stop();
    m_transport->worker()->wait();
    m_informers.clear();
    m_transport.reset();
}

const ClusterConnection &ClusterSession::connection() const
{
    return m_transport->connection();
}

void ClusterSession::start()
{
    ApiDiscovery::discover(m_transport.get(), this, [this](Result<ApiDiscovery> result) {
        if (!result.ok()) {
            ++m_discoveryFailures;
            emit discoveryFailed(result.error());
            // Same backoff shape as the informers: 800 ms doubling to 30 s.
            int delay = m_options.initialBackoffMs;
            for (int i = 1; i < m_discoveryFailures && delay < m_options.maxBackoffMs; ++i)
                delay *= 2;
            delay = std::min(delay, m_options.maxBackoffMs);
            QTimer::singleShot(delay, this, &ClusterSession::start);
            return;
        }
        m_discoveryFailures = 0;
        m_discovery = std::move(result.value());
        emit discovered();
        startInformers();
    });
}

void ClusterSession::resync(const QString &reason)
{
    // Before discovery succeeded there is nothing to refresh; its own retry continues.
    for (const auto &informer : m_informers)
        informer->resync(reason);
}

void ClusterSession::startInformers()
{
    if (!m_informers.empty())
        return;
    for (Kind kind : std::as_const(m_kinds)) {
        const KindInfo &info = kindInfo(kind);
        QStringList scopes{QString()};
        if (info.namespaced && !m_namespaces.isEmpty())
            scopes = m_namespaces;
        std::optional<ApiResource> resource = m_discovery.resource(kind);
        for (const QString &ns : std::as_const(scopes)) {
            auto forward = [this](const WatchHealth &h) {
                // Worker thread → this thread; the session outlives the worker.
                QMetaObject::invokeMethod(
                    this, [this, h] { onHealth(h); }, Qt::QueuedConnection);
            };
            ApiResource r = resource.value_or(ApiResource{});
            if (!resource) {
                r.name = QLatin1String(info.resource);
                r.kind = QLatin1String(info.name);
            }
            auto informer = std::make_unique<Informer>(m_transport->worker(), m_store, r, kind, ns,
                                                       m_options, forward);
            WatchHealth h;
            h.kind = kind;
            h.namespaceName = ns;
            m_health.append(h);
            if (resource)
                informer->start();
            else
                informer->reportUnavailable(*m_discovery.kindError(kind));
            m_informers.push_back(std::move(informer));
        }
    }
}

void ClusterSession::onHealth(const WatchHealth &health)
{
    for (WatchHealth &h : m_health) {
        if (h.kind == health.kind && h.namespaceName == health.namespaceName) {
            h = health;
            break;
        }
    }
    emit healthChanged(health);
    if (!m_syncedEmitted && isSynced()) {
        m_syncedEmitted = true;
        // The Replace batches of the last lists may still sit in the store's inbox.
        m_store->flush();
        emit synced();
    }
}

QList<WatchHealth> ClusterSession::health() const
{
    return m_health;
}

WatchHealth ClusterSession::health(Kind kind, const QString &ns) const
{
    for (const WatchHealth &h : m_health)
        if (h.kind == kind && h.namespaceName == ns)
            return h;
    WatchHealth none;
    none.kind = kind;
    none.namespaceName = ns;
    return none;
}

bool ClusterSession::isSynced() const
{
    if (m_health.isEmpty())
        return false;
    for (const WatchHealth &h : m_health)
        if (!h.lastSyncTime.isValid() && h.state != WatchHealth::State::Error)
            return false;
    return true;
}

void ClusterSession::fetchObject(Kind kind, const QString &ns, const QString &name, Format format,
                                 QObject *context, FetchHandler handler)
{
    std::optional<ApiResource> resource = m_discovery.resource(kind);
    if (!resource) {
        const Error e = m_discovery.kindError(kind).value_or(Error(
            Error::Code::Unsupported, QStringLiteral("discovery has not run"), kindName(kind)));
        QMetaObject::invokeMethod(
            context, [handler, e] { handler(e); }, Qt::QueuedConnection);
        return;
    }
    Internal::CurlJob job;
    job.request = ApiRequest::get(resource->objectPath(ns, name));
    const QString what = kindName(kind) + QLatin1Char(' ') + KubeObject::makeKey(ns, name);
    const bool isSecret = kind == Kind::Secret;
    QPointer<QObject> ctx(context);
    HttpTransport *transport = m_transport.get();
    job.onDone = [transport, ctx, handler, format, what, isSecret](Result<ApiResponse> &&r) {
        // Worker thread: parse, redact and convert here, not on the GUI thread.
        Result<QByteArray> out = bodyOrError(r, what);
        if (out.ok()) {
            nlohmann::json j = JsonRead::parse(*out);
            if (!j.is_object()) {
                out = Error(Error::Code::ParseError, QStringLiteral("the object is not JSON"),
                            what);
            } else {
                // The shared rule (values and the last-applied annotation hidden); the kind
                // is set here because some servers leave it out of a single GET.
                if (isSecret) {
                    j["kind"] = "Secret";
                    j = Redaction::hideSecretValues(std::move(j));
                }
                if (format == Format::Yaml)
                    out = jsonToYaml(j);
                else
                    out = JsonRead::dumpBytes(j, 2);
            }
        }
        QMetaObject::invokeMethod(
            transport,
            [ctx, handler, out] {
                if (ctx)
                    handler(out);
            },
            Qt::QueuedConnection);
    };
    m_transport->worker()->submit(std::move(job));
}

} // namespace Orrery
