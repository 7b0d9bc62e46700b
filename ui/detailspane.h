// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <kube/kubeobject.h>
#include <monitoring/metricssnapshot.h>

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;
class QAction;

namespace Orrery {

class ClusterSession;
class EventFilterProxyModel;
class LogStreamer;
class LogView;
class MessageOverlay;
class MonitoringSource;
class ObjectMetricsView;
class MetricsPoller;
class ResourceTableModel;
class SecretKeysModel;
class YamlEditBar;
struct AlertsState;
struct ObjectEditHooks;
struct WorkloadUsage;

// The pane beside the tables for the selected object: Overview (status, conditions, owners
// and dependants as links, labels, annotations, containers), YAML (fetched on demand, read
// only, highlighted; Secret values redacted by the session and revealable per key), Events,
// Logs for pods and workloads, and Metrics (ObjectMetricsView: Prometheus, else metrics-server) for
// pods, workloads, namespaces, nodes and HPAs.
//
// The pane shows the object as the store has it and follows it: when the selected object
// changes in the store the overview is refreshed; the YAML is re-fetched only when asked.
class DetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);
    ~DetailsPane() override;

    void setSession(ClusterSession *session);
    void setObject(const KubeObjectPtr &object);
    KubeObjectPtr object() const { return m_object; }
    // The latest metrics-server figures: a pod's or node's overview shows its CPU and memory
    // (or why there are none).
    void setMetrics(std::shared_ptr<const MetricsSnapshot> metrics);
    // Where the Metrics tab reads a pod's or node's kept samples (the session's poller).
    void setMetricsHistory(MetricsPoller *poller);
    // Alertmanager's alerts: the overview lists those attached to the object (severity,
    // name, summary, since when, runbook link), firing first.
    void setAlerts(std::shared_ptr<const AlertsState> alerts);
    // Where the Metrics tab queries Prometheus (the session's MonitoringSource; null: none).
    void setMonitoringSource(MonitoringSource *source);

    // Tabs, for tests and keyboard navigation.
    enum Tab { OverviewTab, YamlTab, EventsTab, LogsTab, MetricsTab };
    void showTab(Tab tab);
    // The logs in their own window (the Logs tab's "Pop out"), or back in the Logs tab. The
    // stream goes on either way; closing the window docks the logs back.
    void setLogsPoppedOut(bool poppedOut);
    bool logsPoppedOut() const;
    QWidget *logWindow() const { return m_logWindow; }
    QString overviewHtml() const;
    QString yamlText() const;
    SecretKeysModel *secretKeys() const { return m_secretKeys; }

    // The operations on the shown object (scale, restart, ...), asked for each time the
    // "Actions" menu opens so that permissions and the object's state are current. The
    // actions are parented to `parent` (the menu). Without a provider there is no button.
    using ActionsProvider
        = std::function<QList<QAction *>(const KubeObjectPtr &object, QObject *parent)>;
    void setActionsProvider(ActionsProvider provider);
    QToolButton *actionsButton() const { return m_actionsButton; }

    // Editing the YAML in place (the YAML tab's "Edit", the E key): the ActionController's
    // hooks read the object, check the edit with the server and apply it. Without hooks the
    // YAML stays read only.
    void setEditHooks(const ObjectEditHooks &hooks);
    // Shows the YAML tab and starts editing the shown object (nothing when it cannot be).
    void beginEdit();
    YamlEditBar *editBar() const { return m_editBar; }

signals:
    // A link in the overview (owner, dependant, selected pod) was clicked.
    void objectLinkActivated(Orrery::Kind kind, const QString &ns, const QString &name);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyTheme();
    void refreshOverview();
    void refreshMetricsHistory();
    void fetchYaml();
    void revealSecretKey(const QString &key);
    void restartLogs();
    void onLink(const QUrl &url);
    void onStoreChanged();
    QList<KubeObjectPtr> dependants() const;
    QList<KubeObjectPtr> workloadPods() const;

    QPointer<ClusterSession> m_session;
    KubeObjectPtr m_object;
    std::shared_ptr<const MetricsSnapshot> m_metrics;
    // The shown workload's pods summed, for the snapshot it was computed from.
    std::shared_ptr<const WorkloadUsage> m_workloadUsage;
    std::shared_ptr<const AlertsState> m_alerts;
    QLabel *m_icon = nullptr;
    QLabel *m_title;
    QList<QLabel *> m_mutedLabels;
    QToolButton *m_actionsButton = nullptr;
    ActionsProvider m_actionsProvider;
    QLabel *m_subtitle;
    QTabWidget *m_tabs;
    QTextBrowser *m_overview;
    QWidget *m_yamlPage;
    QPlainTextEdit *m_yaml;
    MessageOverlay *m_yamlOverlay;
    YamlEditBar *m_editBar = nullptr;
    QWidget *m_secretPanel;
    QListView *m_secretList;
    QPushButton *m_revealButton;
    SecretKeysModel *m_secretKeys;
    QTableView *m_events;
    ResourceTableModel *m_eventModel;
    EventFilterProxyModel *m_eventProxy;
    LogView *m_logView;
    LogStreamer *m_logStreamer;
    QWidget *m_logsPage;
    QWidget *m_logsPlaceholder;
    QWidget *m_logWindow = nullptr;
    QTimer *m_ageTimer;
    ObjectMetricsView *m_metricsView;
    QPointer<MetricsPoller> m_metricsPoller;
    int m_yamlRequest = 0;
    bool m_yamlLoadedFor = false;
    QMetaObject::Connection m_storeConnection;
};

} // namespace Orrery
