// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailspane.h"

#include <kube/kubekind.h>
#include <monitoring/monitoringsource.h>

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QTableView;

namespace Orrery {

class MetricsPoller;
struct AlertsState;
struct MetricsSnapshot;

class AgeClock;
class ClusterSession;
class ContextPreferences;
class MessageOverlay;
class NamespaceFilter;
class ResourceFilterProxyModel;
class ResourceTableModel;
class SessionManager;
class WindowState;

// The resource page of the main window: the live table of one kind of the active context
// with its title, namespace choice and filter line above it, a red banner when the kind's data
// is stale, an overlay that replaces an empty table with the reason (loading, none, filtered
// out, or an error with its fix), and the details pane of the selected row beside it.
//
// It shows what the SessionManager's active context holds: the window calls showContext()
// when the active context changes and setSession() when its session is replaced. Each context
// keeps its own kind; Esc walks back through the objects reached by links (history()).
class ResourceBrowser : public QWidget
{
    Q_OBJECT
public:
    ResourceBrowser(SessionManager *sessions, ContextPreferences *preferences,
                    QWidget *parent = nullptr);
    ~ResourceBrowser() override;

    // The shown session's Prometheus and Alertmanager (null while none is shown).
    MonitoringSource *monitoringSource() const { return m_monitoring; }
    MetricsPoller *metricsPoller() const;

    // The active context and its session (null: not connected): the kind it had, its
    // namespace choice, an empty history.
    void showContext(const QString &context, ClusterSession *session);
    // The active context's session was replaced (reconnected) or went away.
    void setSession(ClusterSession *session);

    void selectKind(Kind kind);
    Kind kind() const { return m_kind; }
    // The kind shown when `context` is next activated (a restored layout).
    void setKindFor(const QString &context, Kind kind);
    // Selects the object, widening the filter and namespace choice if they hide it.
    bool selectObject(Kind kind, const QString &ns, const QString &name);
    bool selectObject(Kind kind, const QString &key); // "ns/name" or "name"
    KubeObjectPtr selectedObject() const;
    void setFilterText(const QString &text);
    void focusFilter();
    void focusTable();
    void showDetailsTab(DetailsPane::Tab tab);
    int detailsTab() const; // -1: none
    void setObjectActionsProvider(DetailsPane::ActionsProvider provider);

    // Remembers the object on screen so goBack() returns to it.
    void rememberPosition();
    // Esc: out of the details into the table, else back to the remembered object.
    void goBack();

    // "1,234 pods", "12 of 1,234 pods".
    QString countText() const;
    // Alertmanager's alerts of the shown context: badges on the table's Name cells and the
    // list in the details pane (null: none).
    void setAlerts(std::shared_ptr<const AlertsState> alerts);

    // Recomputes the overlay and the stale banner (health changed, a second passed).
    void updateOverlay();
    void updateStaleBanner();
    // "Loading pods… 12,500 of about 150,000" and a thin progress bar while the shown kind's
    // list is under way (ResourceStore::listProgress); hidden otherwise.
    void updateListProgress();
    void updateNamespaceList();

    // Column layouts per kind are saved to and restored from `state` (null: measured).
    void setWindowState(WindowState *state) { m_state = state; }
    void saveColumns(); // the current kind's layout, if it is worth keeping

    QTableView *tableView() const { return m_table; }
    ResourceTableModel *tableModel() const { return m_model; }
    ResourceFilterProxyModel *proxyModel() const { return m_proxy; }
    MessageOverlay *overlay() const { return m_overlay; }
    NamespaceFilter *namespaceFilter() const { return m_namespaceFilter; }
    QLineEdit *filterEdit() const { return m_filter; }
    DetailsPane *detailsPane() const { return m_details; }
    QLabel *staleBanner() const { return m_staleBanner; }
    QLabel *listProgressLabel() const { return m_listLabel; }
    QProgressBar *listProgressBar() const { return m_listBar; }
    QSplitter *tableSplitter() const { return m_tableSplitter; }

    static QString kindPlural(Kind kind); // "pods", "persistent volume claims"

signals:
    // The kind on screen changed (the navigator and the counts follow).
    void kindChanged(Orrery::Kind kind);
    // The rows shown changed (the filter, the namespace choice, or the store).
    void countsChanged();
    // The overlay's button: reconnect the active context.
    void reconnectRequested();
    // The shown context's latest metrics-server snapshot (null: none yet, or another context),
    // for the other views that show usage (the topology's heat overlay).
    void metricsChanged(std::shared_ptr<const Orrery::MetricsSnapshot> metrics);
    // The shown session's MonitoringSource was replaced (null: none), e.g. for the alerts.
    void monitoringSourceChanged(Orrery::MonitoringSource *source);
    // A link in the details pane led to an object that is not in the store.
    void objectNotFound(Orrery::Kind kind, const QString &name);

protected:
    void changeEvent(QEvent *event) override;
    // Takes the metrics snapshot that came while another page was shown.
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void applyNamespaces(const QStringList &namespaces);
    void onCurrentRowChanged();
    void updateDetailsVisibility();
    void keepStatusInView();
    void showContextMenu(const QPoint &pos);
    void fitColumns();
    // The layout saved for the current kind, else measured from the rows.
    void layoutColumns();
    bool restoreColumns();
    void applyThemeColours();
    void updateFilterStyle();
    // Polls metrics-server for the shown session (one poller, a child of the session so it
    // never outlives its transport) and feeds the table's CPU and memory columns.
    // And the session's MonitoringSource (Prometheus, Alertmanager) for the details pane.
    void followMetrics(ClusterSession *session);
    // The table's and the details pane's snapshot: at once when shown (or when the window is
    // not shown at all); behind another page (the topology) kept for showEvent, so a hidden
    // table does not re-sort and sum every 15 s.
    void setTableMetrics(std::shared_ptr<const MetricsSnapshot> snapshot);
    void applyMonitoringSettings();
    // Follows the shown session's store for the list progress of the shown kind.
    void followStore(ClusterSession *session);
    // While rows arrive (a page of a list, a burst of events), the row at the top of the
    // table stays at the top when the user has scrolled away from it.
    void rememberTopRow();
    void restoreTopRow();

    SessionManager *m_sessions;
    ContextPreferences *m_preferences;
    WindowState *m_state = nullptr;
    QString m_context;
    ClusterSession *m_session = nullptr;
    QPointer<MetricsPoller> m_metricsPoller;
    std::shared_ptr<const MetricsSnapshot> m_pendingMetrics; // set while m_metricsPending
    bool m_metricsPending = false;
    QPointer<MonitoringSource> m_monitoring;
    Kind m_kind = Kind::Pod;
    QHash<QString, Kind> m_kinds;              // per context, while another is shown
    QList<std::pair<Kind, QString>> m_history; // (kind, key) to go back to with Esc
    bool m_columnsFitted = false;
    bool m_filterInvalid = false;
    bool m_applyingTheme = false;
    DetailsPane::ActionsProvider m_actionsProvider;

    AgeClock *m_ageClock;
    QLabel *m_kindTitle;
    NamespaceFilter *m_namespaceFilter;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QLabel *m_staleBanner;
    QLabel *m_listLabel;
    QProgressBar *m_listBar;
    QMetaObject::Connection m_listConnection;
    QString m_topRowKey; // rememberTopRow: the key of the row at the top, empty: none
    QSplitter *m_tableSplitter;
    QTableView *m_table;
    MessageOverlay *m_overlay;
    ResourceTableModel *m_model;
    ResourceFilterProxyModel *m_proxy;
    DetailsPane *m_details;
};

} // namespace Orrery
