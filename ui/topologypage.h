// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologybuilder.h"
#include "topologyfilter.h"

#include <kube/kubeobject.h>
#include <pipelines/imagelink.h>

#include <QHash>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

namespace Orrery {

class ClusterSession;
class PresenterWindow;
class PipelineImageLinker;
class ProblemMonitor;
class ResourceStore;
class TopologyGraph;
class TopologyMinimap;
class TopologyScene;
class TopologyView;
struct ChangeBatch;
struct AlertsState;
struct MetricsSnapshot;
struct TopologyNode;

// The "Topology" page: the live diagram of the active context with search, filters, fit,
// relayout, export and presenter mode (F5). Keeps one topology per context alive in the
// background (builder and scene follow their store's change batches), so switching context
// shows the diagram at once.
class TopologyPage : public QWidget
{
    Q_OBJECT

public:
    explicit TopologyPage(QWidget *parent = nullptr);
    ~TopologyPage() override;

    // Shows the topology of `context`, built from `store` the first time.
    void showStore(const QString &context, ResourceStore *store);
    void setSession(ClusterSession *session); // convenience for MainWindow::activeSessionChanged
    void setNamespaces(const QStringList &namespaces);
    // The "N need attention" counter counts the objects this monitor finds a problem with.
    void setProblemMonitor(ProblemMonitor *monitor);
    int needAttention() const;
    QLabel *statusLabel() const { return m_status; }

    // The heat overlay (the toolbar's "Heat" menu, remembered in the settings): colours pods,
    // workloads and nodes by CPU or memory use against their requests (nodes: allocatable),
    // recomputed when a metrics snapshot of the shown context arrives, never per frame.
    enum class Heat { Off, Cpu, Memory };
    void setMetrics(std::shared_ptr<const MetricsSnapshot> metrics);
    void setHeat(Heat heat);
    // Alertmanager's alerts of the shown context: a badge (severity colour, count of firing
    // alerts) on each node they attach to, and on the pod group of a collapsed pod.
    void setAlerts(std::shared_ptr<const AlertsState> alerts);
    Heat heat() const { return m_heat; }
    // Pipeline → image → workload: each workload the linker links shows "deployed by run #…"
    // (or "rolling out from run #…") under its card; a click emits pipelineRunRequested.
    void setPipelineLinker(PipelineImageLinker *linker);

    TopologyView *view() const { return m_view; }
    TopologyScene *scene() const;
    TopologyGraph *graph() const;

    void startPresenter();
    PresenterWindow *presenter() const;
    void exportTo(const QString &fileName);

    // The operations on an object (app/topologywiring.cpp: the window's ActionController),
    // offered in a node's context menu; they run themselves when triggered.
    using ObjectActionsProvider
        = std::function<QList<QAction *>(const KubeObjectPtr &object, QObject *parent)>;
    void setObjectActionsProvider(ObjectActionsProvider provider);
    // A node's actions after focus/expand: the operations that fit its object, then "Show
    // logs" (pods, jobs, workloads) and "Show details", which emit actionRequested ("logs",
    // "describe"). Empty for nodes without an object (pod groups, external entries).
    QList<QAction *> nodeActions(const TopologyNode &node, QObject *parent);

signals:
    void objectSelected(const QString &kind, const QString &ns, const QString &name);
    void actionRequested(const QString &kind, const QString &ns, const QString &name,
                         const QString &actionId);
    void exportFinished(const QString &fileName, const QString &error);
    // Open this run (the app shows it on the Pipelines page).
    void pipelineRunRequested(Orrery::PipelineProvider provider, const QString &source,
                              const QString &runId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Topology;
    void buildToolbar(QWidget *bar);
    void applyFilter();
    // The toolbar's builder toggles (ConfigMaps/Secrets layer, group by node) onto a
    // context's topology; rebuilds only when they differ.
    void applyBuilderOptions(Topology *topology);
    void onBatch(Topology *topology, const ChangeBatch &batch);
    // (Re)builds `topology`'s graph from its store with `options`: on the GUI thread for a
    // small cluster, else on m_pool (the page's worker), batches waiting for it in order.
    void build(const std::shared_ptr<Topology> &topology, const TopologyBuilder::Options &options);
    void finishBuild(const std::shared_ptr<Topology> &topology, int generation,
                     TopologyBuilder &built);
    void showBuilt(Topology *topology);
    TopologyBuilder::Options builderOptions(const Topology *topology) const;
    void onPodGroup(const QString &ownerId);
    void chooseExportFile();
    void updateStatus();
    void updateHeat();
    void updateAlertBadges();
    void updatePipelineBadges();

    QHash<QString, std::shared_ptr<Topology>> m_topologies; // by context
    Topology *m_current = nullptr;
    TopologyView *m_view;
    TopologyMinimap *m_minimap;
    QLineEdit *m_search;
    QLineEdit *m_labels;
    QLabel *m_status;
    QMenu *m_kindMenu;
    QAction *m_unhealthy;
    QAction *m_hideSystem;
    QAction *m_showConfig;
    QToolButton *m_groupByNode;
    QToolButton *m_heatButton;
    QWidget *m_heatLegend;
    Heat m_heat = Heat::Off;
    bool m_heatStale = false; // a snapshot came while the page was hidden
    std::shared_ptr<const MetricsSnapshot> m_metrics;
    std::shared_ptr<const AlertsState> m_alerts;
    QStringList m_namespaces;
    QPointer<PresenterWindow> m_presenter;
    ObjectActionsProvider m_objectActions;
    QPointer<ProblemMonitor> m_problems;
    QPointer<PipelineImageLinker> m_pipelineLinker;
    QHash<QString, ImageLink> m_pipelineLinks; // node id → link, of the shown context
    // Builds graphs of large clusters off the GUI thread; waited for when the page goes.
    QThreadPool m_pool;
    int m_buildGeneration = 0;
};

} // namespace Orrery
