// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metricshistory.h"
#include "metricsunavailable.h"
#include "resourcemetrics.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace Orrery {

class HttpTransport;

// One poll of metrics.k8s.io: pods and nodes, each either decoded or the reason it is not
// there.
struct MetricsBatch
{
    QDateTime polledAt;
    std::optional<PodMetricsList> pods;
    std::optional<NodeMetricsList> nodes;
    std::optional<MetricsUnavailable> podsUnavailable;
    std::optional<MetricsUnavailable> nodesUnavailable;
};

// Reads metrics-server every `interval` (15 s, its own resolution) off the GUI thread: the
// requests run on the connection's transport worker and the answers are decoded there
// (ResourceMetrics), so the owner's thread only receives values. Each poll's answers are
// added to history() and published as one batchReady(). A poll still in flight when the
// timer fires is not doubled; stop() (or destroying the poller) drops answers still coming.
class MetricsPoller : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultIntervalMs = 15000;

    using PodsHandler = std::function<void(const Result<PodMetricsList> &)>;
    using NodesHandler = std::function<void(const Result<NodeMetricsList> &)>;
    using AllocatableHandler = std::function<void(const Result<QMap<QString, NodeAllocatable>> &)>;

    // The building blocks, for one-shot readers (orrery --top): GET and decode on the
    // transport's worker, `handler` on `context`'s thread (not at all once it is gone).
    // A failed request's Error keeps its HTTP status (MetricsUnavailable::fromError).
    // `ns` empty reads all namespaces.
    static void fetchPods(HttpTransport *transport, const QString &ns, QObject *context,
                          PodsHandler handler);
    static void fetchNodes(HttpTransport *transport, QObject *context, NodesHandler handler);
    static void fetchAllocatable(HttpTransport *transport, QObject *context,
                                 AllocatableHandler handler);
    static QString podsPath(const QString &ns);
    static QString nodesPath();

    explicit MetricsPoller(HttpTransport *transport, QObject *parent = nullptr);
    ~MetricsPoller() override;

    // Pods of this namespace only; empty (the default) for all namespaces.
    void setNamespace(const QString &ns) { m_namespace = ns; }
    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }

    // Polls now, then every interval.
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    // One poll now (when none is in flight).
    void pollNow();

    const MetricsHistory &history() const { return m_history; }
    MetricsHistory &history() { return m_history; }

signals:
    void batchReady(const Orrery::MetricsBatch &batch);

private:
    void finishIfDone();

    HttpTransport *m_transport;
    QString m_namespace;
    QTimer m_timer;
    MetricsHistory m_history;
    // The poll in flight: answers are delivered to this guard, replaced on stop().
    QObject *m_guard = nullptr;
    std::optional<MetricsBatch> m_pending;
    int m_waiting = 0;
};

} // namespace Orrery

Q_DECLARE_METATYPE(Orrery::MetricsBatch)
