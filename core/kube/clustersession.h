// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusterconnection.h"
#include "discovery.h"
#include "informeroptions.h"
#include "kubekind.h"
#include "watchhealth.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Orrery {

class HttpTransport;
class Informer;
class ResourceStore;

// Everything Orrery keeps open for one cluster: the transport (one worker thread), discovery,
// one informer per kind (per namespace when limited to namespaces) and the typed store.
// Lives on the GUI thread; all signals are emitted there.
//
// Usage: create, connect to store()->changed and healthChanged, call start(). Destroying the
// session stops the worker (interrupt, quit, wait) before the informers go away.
class ClusterSession : public QObject
{
    Q_OBJECT

public:
    explicit ClusterSession(ClusterConnection connection, QObject *parent = nullptr);
    ~ClusterSession() override;

    HttpTransport *transport() const { return m_transport.get(); }
    ResourceStore *store() const { return m_store; }
    const ClusterConnection &connection() const;

    void setOptions(const InformerOptions &options) { m_options = options; }
    // Empty: all namespaces. Set before start().
    void setNamespaces(const QStringList &namespaces) { m_namespaces = namespaces; }
    void setKinds(const QList<Kind> &kinds) { m_kinds = kinds; }

    // Runs discovery, then starts the informers. discovered() follows; a failed discovery
    // (cluster unreachable, credentials rejected) emits discoveryFailed() and is retried
    // with backoff.
    void start();

    // Relists every informer in place (list, replace, re-watch, as client-go's reflector
    // does after a failed watch) without dropping the store, so rows do not vanish. For the
    // wake-up after a sleep or a network change, when open watches may be dead sockets.
    // Health goes Reconnecting with `reason` (shown in the status bar), then Live per kind.
    // Informers still in their first list (or refused) are left alone.
    void resync(const QString &reason);

    const ApiDiscovery &discovery() const { return m_discovery; }
    QList<WatchHealth> health() const;
    WatchHealth health(Kind kind, const QString &ns = {}) const;
    // Every started informer has completed its first list (or failed with an Error).
    bool isSynced() const;

    enum class Format { Json, Yaml };
    using FetchHandler = std::function<void(const Result<QByteArray> &)>;
    // The whole object, as the API server has it, for the details pane. For Secrets the
    // values under data/stringData and the last-applied annotation are replaced with
    // "<redacted>" (Redaction::hideSecretValues) before the text leaves the worker. Calls `handler`
    // on `context`'s thread.
    void fetchObject(Kind kind, const QString &ns, const QString &name, Format format,
                     QObject *context, FetchHandler handler);

signals:
    void discovered();                                // discovery() is filled
    void discoveryFailed(const Orrery::Error &error); // retried with backoff
    void healthChanged(const Orrery::WatchHealth &health);
    void synced(); // once, when isSynced() first becomes true

private:
    void startInformers();
    void onHealth(const WatchHealth &health);

    std::unique_ptr<HttpTransport> m_transport;
    ResourceStore *m_store;
    InformerOptions m_options;
    QStringList m_namespaces;
    QList<Kind> m_kinds;
    ApiDiscovery m_discovery;
    std::vector<std::unique_ptr<Informer>> m_informers;
    QList<WatchHealth> m_health;
    bool m_syncedEmitted = false;
    int m_discoveryFailures = 0;
};

} // namespace Orrery
