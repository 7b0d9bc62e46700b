// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <monitoring/metricssnapshot.h>

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QTextBrowser;

namespace Orrery {

class ClusterSession;
class ProblemMonitor;

// The page a cluster opens on (issue 18, "First start"): the active context's cluster at a
// glance. Counts of namespaces, workloads, pods and nodes from the session's store, the
// ProblemMonitor's problems of that context (the worst first, a link to the Problems page),
// and CPU and memory in use against the nodes' allocatable amounts when metrics-server answers
// (said so when it does not). Follows the active context; refreshed at most every 300 ms.
class ClusterOverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterOverviewPage(ProblemMonitor *problems, QWidget *parent = nullptr);

    // The context shown and its session (null: not connected).
    void showContext(const QString &context, ClusterSession *session);
    // The active context's latest metrics-server figures (null: none yet, or none at all).
    void setMetrics(std::shared_ptr<const MetricsSnapshot> metrics);

    // What the page shows, for tests and screenshots.
    struct Figures
    {
        int namespaces = 0;
        int workloads = 0; // Deployments, StatefulSets, DaemonSets, Jobs, CronJobs
        int pods = 0;
        int podsRunning = 0;
        int nodes = 0;
        int nodesReady = 0;
        int problems = 0;
        bool usage = false; // metrics-server's node figures are there
        qint64 cpuUsedNanocores = 0;
        qint64 cpuAllocatableNanocores = 0;
        qint64 memoryUsedBytes = 0;
        qint64 memoryAllocatableBytes = 0;
    };
    Figures figures() const { return m_figures; }
    QString context() const { return m_context; }
    QString text() const;

signals:
    void problemsRequested();

private:
    void scheduleRefresh();
    void refresh();

    ProblemMonitor *m_problems;
    QString m_context;
    QPointer<ClusterSession> m_session;
    std::shared_ptr<const MetricsSnapshot> m_metrics;
    QMetaObject::Connection m_storeConnection;
    QTextBrowser *m_view;
    QTimer m_refresh;
    Figures m_figures;
};

} // namespace Orrery
