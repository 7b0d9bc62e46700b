// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <charts/timeserieschart.h>
#include <kube/kubeobject.h>
#include <metricqueries.h>
#include <monitoring/monitoringdiscovery.h>
#include <monitoring/prometheusresponse.h>

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QTimer;
class QVBoxLayout;

namespace Orrery {

class MetricsHistoryView;
class MetricsPoller;
class MonitoringSource;
class ResourceStore;
class TimeSeriesModel;

// The details pane's Metrics tab for pods, workloads (Deployment, StatefulSet, DaemonSet),
// namespaces, nodes and HPAs.
//
// With a Prometheus (MonitoringSource): CPU, memory, network and restarts over the chosen
// range (15 min to 7 days), a workload's or namespace's pods stacked under their total, a
// pod's containers likewise, an HPA's metrics against their targets with its replicas. Every
// chart shows the PromQL it runs (selectable, and a Copy button). The range queries run and
// are decoded on the transport's worker thread; answers of a range or object no longer shown
// are dropped. The charts are re-queried every 15 s (a minute beyond 1 h) while shown.
//
// Without one: the endpoint sentence says why (where discovery looked), and the charts are
// metrics-server's kept samples (MetricsHistory): a pod's or node's own, a workload's or
// namespace's pods summed per 15 s window with each pod under the total; an HPA's status as
// Orrery recorded it since it connected (HpaHistory).
class ObjectMetricsView : public QWidget
{
    Q_OBJECT
public:
    explicit ObjectMetricsView(QWidget *parent = nullptr);
    ~ObjectMetricsView() override;

    void setSource(MonitoringSource *source);
    void setStore(ResourceStore *store);
    void setMetricsPoller(MetricsPoller *poller);

    // Shows `object` (null: nothing). The same object again (an update) keeps the charts and
    // refreshes the metrics-server fallback; `metricsServerReason` is why a pod or node has
    // no kept sample.
    void showObject(const KubeObjectPtr &object, const QString &metricsServerReason);
    // Queries Prometheus again (or re-reads the kept samples).
    void refresh();

    void setRange(TimeSeriesChart::Range range);
    TimeSeriesChart::Range range() const { return m_range; }

    // What the tab shows, for tests and screenshots.
    KubeObjectPtr object() const { return m_object; }
    bool isUsingPrometheus() const;
    QString endpointText() const;
    QStringList chartIds() const;
    TimeSeriesChart *chart(const QString &id) const;
    const TimeSeriesModel *chartModel(const QString &id) const;
    QString promql(const QString &id) const; // the chart's queries, one per line
    // The range query's parameters of the last refresh (Unix seconds).
    qint64 queryEnd() const { return m_end; }
    qint64 queryStep() const { return m_step; }
    MetricsHistoryView *historyView() const { return m_history; }

signals:
    // Every chart of the last refresh has its answer (or its reason).
    void chartsUpdated();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Block;

    void rebuildCharts();
    void clearBlocks();
    Block *addBlock(const MetricChart &spec, bool withPromql);
    void queryPrometheus();
    void onAnswer(int generation, int block, int query, const Result<PrometheusResult> &answer);
    void applyAnswers(Block &block);
    void showMetricsServer();
    void showPodsFromHistory();
    void showHpaFromHistory();
    void updateEndpointText();
    void applyTheme();
    void copyPromql(const QString &id);

    QPointer<MonitoringSource> m_source;
    QPointer<ResourceStore> m_store;
    QPointer<MetricsPoller> m_poller;
    KubeObjectPtr m_object;
    QString m_metricsServerReason;
    TimeSeriesChart::Range m_range = TimeSeriesChart::Range::Hour1;
    int m_generation = 0;
    int m_pending = 0;
    qint64 m_end = 0;
    qint64 m_step = 0;
    bool m_prometheusShown = false;
    // Why the last refresh's queries all failed (the first chart's reason); the tab then
    // shows metrics-server's samples and tries Prometheus again a minute later.
    QString m_prometheusFailure;
    qint64 m_failedAt = 0;

    QLabel *m_endpoint;
    QComboBox *m_rangeBox;
    QStackedWidget *m_pages;
    QScrollArea *m_scroll;
    QWidget *m_chartsPage;
    QVBoxLayout *m_chartsLayout;
    MetricsHistoryView *m_history;
    QTimer *m_timer;
    std::vector<std::unique_ptr<Block>> m_blocks;
};

} // namespace Orrery
