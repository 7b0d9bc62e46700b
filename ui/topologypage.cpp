// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologypage.h"

#include "pipelineimagelinker.h"
#include "presenterwindow.h"
#include "topologybuilder.h"
#include "topologyexporter.h"
#include "topologygraph.h"
#include "topologyminimap.h"
#include "topologyscene.h"
#include "topologyview.h"

#include <alertsstate.h>
#include <problemmonitor.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>
#include <monitoring/metricssnapshot.h>
#include <topologyalerts.h>
#include <topologyheat.h>
#include <topologystyle.h>

#include <QAction>
#include <QActionGroup>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QResizeEvent>
#include <QSettings>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace Orrery {

struct TopologyPage::Topology
{
    TopologyGraph graph;
    TopologyBuilder builder{&graph};
    std::unique_ptr<TopologyScene> scene;
    QPointer<ResourceStore> store;
    QMetaObject::Connection connection;
    bool fitted = false;
    QString context;
    // The generation of the build on the page's pool that will replace the graph (0: none);
    // the store's batches wait for it in `waiting` and are applied after it, in order.
    int building = 0;
    QList<ChangeBatch> waiting;
    // A large batch came during the build: the store holds more than the build saw, so it
    // is built again when this build ends (one build at a time, never one per kind's list).
    bool stale = false;
};

namespace {

// Keeps the minimap in a corner of the view free of nodes (TopologyMinimap::updatePlacement).
class CornerFilter : public QObject
{
public:
    CornerFilter(TopologyMinimap *corner, QObject *parent)
        : QObject(parent)
        , m_corner(corner)
    {
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Resize)
            m_corner->updatePlacement();
        return false;
    }

private:
    TopologyMinimap *m_corner;
};

// Keeps a widget in the view's bottom-left corner.
class LeftCornerFilter : public QObject
{
public:
    LeftCornerFilter(QWidget *corner, QObject *parent)
        : QObject(parent)
        , m_corner(corner)
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize) {
            auto *w = static_cast<QWidget *>(watched);
            const QSize s = m_corner->sizeHint();
            m_corner->setGeometry(16, w->height() - s.height() - 16, s.width(), s.height());
        }
        return false;
    }

private:
    QWidget *m_corner;
};

// The heat overlay's legend: the colour ramp from 0 to 150 % of the request and what it
// measures.
class HeatLegend : public QWidget
{
public:
    explicit HeatLegend(QWidget *parent)
        : QWidget(parent)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setObjectName(QStringLiteral("heatLegend"));
    }
    void setTitle(const QString &title)
    {
        m_title = title;
        update();
    }
    QSize sizeHint() const override { return QSize(340, 58); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QColor back = TopologyStyle::background();
        back.setAlphaF(0.92);
        p.setPen(QPen(TopologyStyle::groupBorder(), 1));
        p.setBrush(back);
        p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        p.setPen(TopologyStyle::text());
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        p.drawText(QRect(10, 4, width() - 20, 18), Qt::AlignLeft | Qt::AlignVCenter, m_title);
        const QRectF ramp(10, 24, width() - 20, 10);
        for (int x = 0; x < int(ramp.width()); ++x)
            p.fillRect(QRectF(ramp.left() + x, ramp.top(), 1.5, ramp.height()),
                       TopologyStyle::heatColor(1.5 * x / ramp.width()));
        p.setFont(font());
        p.setPen(TopologyStyle::mutedText());
        const QString labels[] = {QStringLiteral("0%"), QStringLiteral("50%"),
                                  QStringLiteral("100%"), QStringLiteral("≥150%")};
        for (int i = 0; i < 4; ++i) {
            const qreal x = ramp.left() + ramp.width() * i / 3;
            const Qt::Alignment a = i == 0   ? Qt::AlignLeft
                                    : i == 3 ? Qt::AlignRight
                                             : Qt::AlignHCenter;
            const QRectF box = i == 0   ? QRectF(x, 36, 60, 18)
                               : i == 3 ? QRectF(x - 60, 36, 60, 18)
                                        : QRectF(x - 30, 36, 60, 18);
            p.drawText(box, a | Qt::AlignVCenter, labels[i]);
        }
    }

private:
    QString m_title;
};

const QList<QPair<TopologyKind, const char *>> s_filterKinds{
    {TopologyKind::External, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "External entries")},
    {TopologyKind::Ingress, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "Ingresses")},
    {TopologyKind::Service, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "Services")},
    {TopologyKind::Hpa, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "Autoscalers")},
    {TopologyKind::Deployment, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "Deployments")},
    {TopologyKind::StatefulSet, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "StatefulSets")},
    {TopologyKind::DaemonSet, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "DaemonSets")},
    {TopologyKind::CronJob, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "CronJobs")},
    {TopologyKind::ReplicaSet, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "ReplicaSets")},
    {TopologyKind::Job, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "Jobs")},
    {TopologyKind::Pod, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "Pods")},
    {TopologyKind::Pvc, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "Volume claims")},
    {TopologyKind::Pv, QT_TRANSLATE_NOOP("Orrery::TopologyPage", "Volumes")},
};

// From this many objects (or changes in one batch) the graph is built on the page's worker:
// about 0.1 s of building on the GUI thread (docs/PERFORMANCE.md, "Client at scale").
constexpr qsizetype s_topologyAsyncObjects = 20000;

QList<KubeObjectPtr> allObjects(ResourceStore *store)
{
    QList<KubeObjectPtr> out;
    for (Kind kind : allKinds()) {
        if (TopologyBuilder::isTopologyKind(kind) || kind == Kind::Endpoints)
            out += store->objects(kind);
    }
    return out;
}

} // namespace

TopologyPage::TopologyPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QWidget(this);
    layout->addWidget(bar);
    m_view = new TopologyView(this);
    layout->addWidget(m_view, 1);
    m_minimap = new TopologyMinimap(m_view, m_view);
    m_view->installEventFilter(new CornerFilter(m_minimap, this));
    auto *legend = new HeatLegend(m_view);
    m_heatLegend = legend;
    m_heatLegend->hide();
    m_view->installEventFilter(new LeftCornerFilter(m_heatLegend, this));
    buildToolbar(bar);

    connect(m_view, &TopologyView::nodeSelected, this, &TopologyPage::objectSelected);
    connect(m_view, &TopologyView::actionTriggered, this, &TopologyPage::actionRequested);
    connect(m_view, &TopologyView::podGroupActivated, this,
            [this](const QString &owner) { onPodGroup(owner); });
    connect(m_view, &TopologyView::pipelineRunRequested, this, [this](const QString &nodeId) {
        const auto it = m_pipelineLinks.constFind(nodeId);
        if (it != m_pipelineLinks.constEnd())
            emit pipelineRunRequested(it->provider, it->source, it->runId);
    });
    m_view->setActionsProvider(
        [this](const TopologyNode &node, QObject *owner) { return nodeActions(node, owner); });

    auto *present = new QShortcut(QKeySequence(Qt::Key_F5), this);
    present->setWhatsThis(tr("Topology: presenter mode (full screen)"));
    connect(present, &QShortcut::activated, this, [this] { startPresenter(); });
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setWhatsThis(tr("Topology: search"));
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
}

TopologyPage::~TopologyPage()
{
    // A build still running posts its result to this page: let it end first (the posted
    // event then goes with the page).
    m_pool.clear();
    m_pool.waitForDone();
    m_view->setTopologyScene(nullptr);
}

void TopologyPage::buildToolbar(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(8, 6, 8, 6);
    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Find in topology (Enter: next match)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(280);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const int matches = m_view->search(m_search->text());
        m_status->setText(matches ? tr("%n match(es)", nullptr, matches) : tr("No match"));
    });
    row->addWidget(m_search);

    auto button = [bar, row](const QString &text, const QString &tip) {
        auto *b = new QToolButton(bar);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        row->addWidget(b);
        return b;
    };
    connect(button(tr("Fit"),
                   tr("Fit the diagram into the window at a zoom where names stay readable")),
            &QToolButton::clicked, m_view, &TopologyView::fitAll);
    connect(button(tr("Whole"), tr("Show the whole diagram, however small")), &QToolButton::clicked,
            m_view, &TopologyView::showWhole);
    connect(button(tr("Zoom in"), tr("Zoom in (+)")), &QToolButton::clicked, m_view,
            [this] { m_view->zoomBy(1.25); });
    connect(button(tr("Zoom out"), tr("Zoom out (-)")), &QToolButton::clicked, m_view,
            [this] { m_view->zoomBy(0.8); });
    connect(button(tr("Relayout"), tr("Lay the diagram out again from scratch")),
            &QToolButton::clicked, this, [this] {
                if (m_current)
                    m_current->scene->rebuild();
            });

    QToolButton *filters = button(tr("Filters"), tr("Which kinds, namespaces and health to show"));
    filters->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(filters);
    m_unhealthy = menu->addAction(tr("Only unhealthy (with neighbours)"));
    m_unhealthy->setCheckable(true);
    m_hideSystem = menu->addAction(tr("Hide system namespaces"));
    m_hideSystem->setCheckable(true);
    m_showConfig = menu->addAction(tr("Show ConfigMaps and Secrets"));
    m_showConfig->setCheckable(true);
    m_showConfig->setChecked(true);
    m_kindMenu = menu->addMenu(tr("Kinds"));
    for (const auto &[kind, label] : s_filterKinds) {
        QAction *a = m_kindMenu->addAction(tr(label));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(int(kind));
        connect(a, &QAction::toggled, this, [this] { applyFilter(); });
    }
    filters->setMenu(menu);
    connect(m_unhealthy, &QAction::toggled, this, [this] { applyFilter(); });
    connect(m_hideSystem, &QAction::toggled, this, [this] { applyFilter(); });
    connect(m_showConfig, &QAction::toggled, this, [this] {
        if (m_current)
            applyBuilderOptions(m_current);
    });
    m_groupByNode
        = button(tr("Group by node"),
                 tr("Box pods by the Kubernetes node they run on instead of by application"));
    m_groupByNode->setObjectName(QStringLiteral("groupByNode"));
    m_groupByNode->setCheckable(true);
    connect(m_groupByNode, &QToolButton::toggled, this, [this] {
        if (m_current)
            applyBuilderOptions(m_current);
    });

    m_heatButton = button(tr("Heat"), tr("Colour pods, workloads and nodes by CPU or memory "
                                         "use against their requests (nodes: allocatable)"));
    m_heatButton->setObjectName(QStringLiteral("heatOverlay"));
    m_heatButton->setPopupMode(QToolButton::InstantPopup);
    auto *heatMenu = new QMenu(m_heatButton);
    auto *heatGroup = new QActionGroup(heatMenu);
    const std::pair<Heat, QString> heats[] = {{Heat::Off, tr("No heat overlay")},
                                              {Heat::Cpu, tr("CPU of request")},
                                              {Heat::Memory, tr("Memory of request")}};
    for (const auto &[value, label] : heats) {
        QAction *a = heatMenu->addAction(label);
        a->setCheckable(true);
        a->setActionGroup(heatGroup);
        a->setData(int(value));
        connect(a, &QAction::triggered, this, [this, v = value] { setHeat(v); });
    }
    m_heatButton->setMenu(heatMenu);

    m_labels = new QLineEdit(bar);
    m_labels->setPlaceholderText(tr("Label selector, e.g. app=web"));
    m_labels->setClearButtonEnabled(true);
    m_labels->setMaximumWidth(220);
    connect(m_labels, &QLineEdit::editingFinished, this, [this] { applyFilter(); });
    row->addWidget(m_labels);

    connect(button(tr("Export…"), tr("Save the diagram as PNG, SVG or JSON")),
            &QToolButton::clicked, this, [this] { chooseExportFile(); });
    connect(button(tr("Present"), tr("Presenter mode (F5)")), &QToolButton::clicked, this,
            [this] { startPresenter(); });
    row->addStretch(1);
    m_status = new QLabel(bar);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_status);

    const QString saved = QSettings().value(QStringLiteral("topology/heat")).toString();
    setHeat(saved == QLatin1String("cpu")      ? Heat::Cpu
            : saved == QLatin1String("memory") ? Heat::Memory
                                               : Heat::Off);
}

void TopologyPage::setHeat(Heat heat)
{
    const bool changed = heat != m_heat;
    m_heat = heat;
    for (QAction *a : m_heatButton->menu()->actions())
        a->setChecked(a->data().toInt() == int(heat));
    m_heatButton->setText(heat == Heat::Cpu      ? tr("Heat: CPU")
                          : heat == Heat::Memory ? tr("Heat: memory")
                                                 : tr("Heat"));
    if (changed) {
        QSettings().setValue(QStringLiteral("topology/heat"),
                             heat == Heat::Cpu      ? QStringLiteral("cpu")
                             : heat == Heat::Memory ? QStringLiteral("memory")
                                                    : QStringLiteral("off"));
    }
    static_cast<HeatLegend *>(m_heatLegend)
        ->setTitle(heat == Heat::Cpu ? tr("CPU use of request (nodes: of allocatable)")
                                     : tr("Memory use of request (nodes: of allocatable)"));
    m_heatLegend->setVisible(heat != Heat::Off);
    if (heat != Heat::Off) {
        const QSize s = m_heatLegend->sizeHint();
        m_heatLegend->setGeometry(16, m_view->height() - s.height() - 16, s.width(), s.height());
        m_heatLegend->raise();
    }
    updateHeat();
}

void TopologyPage::setMetrics(std::shared_ptr<const MetricsSnapshot> metrics)
{
    m_metrics = std::move(metrics);
    // Hidden behind another page: coloured when shown again (showEvent), not every 15 s.
    if (!isVisible()) {
        m_heatStale = true;
        return;
    }
    updateHeat();
}

void TopologyPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_heatStale)
        updateHeat();
}

void TopologyPage::setAlerts(std::shared_ptr<const AlertsState> alerts)
{
    m_alerts = std::move(alerts);
    updateAlertBadges();
}

void TopologyPage::updateAlertBadges()
{
    if (!m_current)
        return;
    QHash<QString, TopologyDisplay::AlertBadge> badges;
    if (m_alerts) {
        const QHash<QString, AlertCounts> counts = topologyAlerts(*m_alerts, m_current->graph);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            TopologyDisplay::AlertBadge badge;
            badge.count = it->total();
            const AlertSeverity worst = it->worst();
            badge.severity
                = worst == AlertSeverity::Critical  ? TopologyDisplay::AlertSeverity::Critical
                  : worst == AlertSeverity::Warning ? TopologyDisplay::AlertSeverity::Warning
                                                    : TopologyDisplay::AlertSeverity::Info;
            badges.insert(it.key(), badge);
        }
    }
    m_current->scene->setAlertBadges(badges);
}

void TopologyPage::setPipelineLinker(PipelineImageLinker *linker)
{
    if (m_pipelineLinker)
        disconnect(m_pipelineLinker, nullptr, this, nullptr);
    m_pipelineLinker = linker;
    if (linker) {
        connect(linker, &PipelineImageLinker::linksChanged, this, [this](const QString &context) {
            if (m_current && m_current->context == context)
                updatePipelineBadges();
        });
        // "5m ago" ages: once a minute while shown.
        auto *ages = new QTimer(linker);
        ages->setInterval(60000);
        connect(ages, &QTimer::timeout, this, [this] {
            if (isVisible())
                updatePipelineBadges();
        });
        ages->start();
    }
    updatePipelineBadges();
}

void TopologyPage::updatePipelineBadges()
{
    if (!m_current)
        return;
    m_pipelineLinks.clear();
    QHash<QString, TopologyDisplay::PipelineBadge> badges;
    if (m_pipelineLinker) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const ImageLink &link : m_pipelineLinker->links()) {
            TopologyKind kind;
            if (link.workload.context != m_current->context
                || !topologyKindFromName(link.workload.kind, &kind))
                continue;
            const QString id
                = topologyNodeId(kind, link.workload.namespaceName, link.workload.name);
            badges.insert(id, {link.describe(now), link.rollingOut, link.describeShort(now)});
            m_pipelineLinks.insert(id, link);
        }
    }
    m_current->scene->setPipelineBadges(badges);
}

void TopologyPage::updateHeat()
{
    m_heatStale = false;
    if (!m_current)
        return;
    if (m_heat == Heat::Off || !m_metrics || !m_current->store) {
        m_current->scene->setHeat(m_heat != Heat::Off, {});
        return;
    }
    m_current->scene->setHeat(true,
                              topologyHeat(*m_current->store, m_metrics, m_heat == Heat::Cpu));
}

void TopologyPage::setObjectActionsProvider(ObjectActionsProvider provider)
{
    m_objectActions = std::move(provider);
}

QList<QAction *> TopologyPage::nodeActions(const TopologyNode &node, QObject *parent)
{
    QList<QAction *> actions;
    const std::optional<Kind> kind = kindFromName(topologyKindName(node.kind));
    if (!kind)
        return actions; // pod groups, external entries: no object behind them
    const KubeObjectPtr object = m_current && m_current->store
                                     ? m_current->store->object(*kind, node.ns, node.name)
                                     : KubeObjectPtr();
    if (object && m_objectActions)
        actions += m_objectActions(object, parent);
    auto add = [&](const QString &id, const QString &label) {
        auto *action = new QAction(label, parent);
        action->setObjectName(QStringLiteral("topology-") + id);
        action->setData(id);
        connect(action, &QAction::triggered, this,
                [this, k = kindName(*kind), ns = node.ns, name = node.name, id] {
                    emit actionRequested(k, ns, name, id);
                });
        actions.append(action);
    };
    if (kindInfo(*kind).hasLogs)
        add(QStringLiteral("logs"), tr("Show logs"));
    add(QStringLiteral("describe"), tr("Show details"));
    return actions;
}

TopologyScene *TopologyPage::scene() const
{
    return m_current ? m_current->scene.get() : nullptr;
}

TopologyGraph *TopologyPage::graph() const
{
    return m_current ? &m_current->graph : nullptr;
}

void TopologyPage::setSession(ClusterSession *session)
{
    if (!session) {
        m_current = nullptr;
        m_view->setTopologyScene(nullptr);
        return;
    }
    const QString context = session->connection().contextName;
    showStore(context, session->store());
    if (!session->isSynced()) {
        // The first lists arrive kind by kind and the diagram grows with them; once they are
        // all in, lay it out once from the complete picture (and fit it, if it is shown).
        connect(
            session, &ClusterSession::synced, this,
            [this, context] {
                const std::shared_ptr<Topology> topology = m_topologies.value(context);
                if (!topology)
                    return;
                if (topology->building) {
                    topology->fitted = false; // the build in flight lays out and fits
                    return;
                }
                topology->scene->rebuild();
                if (topology.get() == m_current)
                    m_view->fitAll();
            },
            Qt::SingleShotConnection);
    }
}

void TopologyPage::showStore(const QString &context, ResourceStore *store)
{
    std::shared_ptr<Topology> topology = m_topologies.value(context);
    if (topology && topology->store != store) {
        m_topologies.remove(context);
        topology.reset();
    }
    if (!topology) {
        topology = std::make_shared<Topology>();
        topology->context = context;
        topology->scene = std::make_unique<TopologyScene>(&topology->graph);
        topology->store = store;
        build(topology, builderOptions(topology.get()));
        Topology *raw = topology.get();
        // Kept live in the background: every batch of this context's store updates its scene.
        topology->connection
            = connect(store, &ResourceStore::changed, this,
                      [this, raw](const ChangeBatch &batch) { onBatch(raw, batch); });
        connect(topology->scene.get(), &TopologyScene::updated, m_minimap,
                &TopologyMinimap::scheduleRefresh);
        connect(topology->scene.get(), &TopologyScene::relaidOut, m_minimap,
                &TopologyMinimap::scheduleRefresh);
        m_topologies.insert(context, topology);
    }
    m_current = topology.get();
    applyBuilderOptions(m_current);
    applyFilter(); // rebuilds with this page's filter
    m_view->setTopologyScene(m_current->scene.get());
    updateHeat();
    updateAlertBadges();
    updatePipelineBadges();
    if (!m_current->fitted && m_current->graph.nodeCount() > 0) {
        m_view->fitAll();
        m_current->fitted = true;
    }
    updateStatus();
}

TopologyBuilder::Options TopologyPage::builderOptions(const Topology *topology) const
{
    TopologyBuilder::Options options = topology->builder.options();
    options.showConfig = m_showConfig->isChecked();
    options.groupByNode = m_groupByNode->isChecked();
    return options;
}

void TopologyPage::applyBuilderOptions(Topology *topology)
{
    const TopologyBuilder::Options options = builderOptions(topology);
    const TopologyBuilder::Options current = topology->builder.options();
    if (options.showConfig == current.showConfig && options.groupByNode == current.groupByNode)
        return;
    for (auto it = m_topologies.cbegin(); it != m_topologies.cend(); ++it) {
        if (it->get() == topology) {
            build(*it, options);
            return;
        }
    }
}

void TopologyPage::build(const std::shared_ptr<Topology> &topology,
                         const TopologyBuilder::Options &options)
{
    QList<KubeObjectPtr> objects
        = topology->store ? allObjects(topology->store) : QList<KubeObjectPtr>();
    const int generation = ++m_buildGeneration;
    if (objects.size() < s_topologyAsyncObjects) {
        topology->building = 0;
        topology->stale = false;
        topology->waiting.clear();
        TopologyGraph graph;
        TopologyBuilder built(&graph);
        built.setOptions(options);
        built.setExpandedOwners(topology->builder.expandedOwners());
        built.reset(objects);
        finishBuild(topology, 0, built);
        return;
    }
    // Large: built by a builder and graph of the worker's own, handed over whole. The objects
    // are immutable and shared; nothing of the page or the store is touched there.
    topology->building = generation;
    topology->stale = false;
    topology->waiting.clear(); // the store's objects include them
    const std::weak_ptr<Topology> weak = topology;
    const QSet<QString> expanded = topology->builder.expandedOwners();
    if (topology.get() == m_current)
        updateStatus(); // "Building the topology…"
    m_pool.start([this, weak, generation, options, expanded, objects = std::move(objects)] {
        auto graph = std::make_shared<TopologyGraph>();
        auto built = std::make_shared<TopologyBuilder>(graph.get());
        built->setOptions(options);
        built->setExpandedOwners(expanded);
        built->reset(objects);
        QMetaObject::invokeMethod(
            this,
            [this, weak, generation, graph, built] {
                if (const std::shared_ptr<Topology> alive = weak.lock())
                    finishBuild(alive, generation, *built);
            },
            Qt::QueuedConnection);
    });
}

void TopologyPage::finishBuild(const std::shared_ptr<Topology> &topology, int generation,
                               TopologyBuilder &built)
{
    if (generation != topology->building)
        return; // superseded by a later build
    topology->building = 0;
    if (std::exchange(topology->stale, false)) {
        build(topology, builderOptions(topology.get()));
        return;
    }
    topology->builder.adopt(std::move(built));
    for (const ChangeBatch &batch : std::as_const(topology->waiting))
        topology->builder.apply(batch);
    topology->waiting.clear();
    topology->graph.takeDelta(); // the scene lays the whole graph out
    topology->scene->rebuild();
    showBuilt(topology.get());
}

void TopologyPage::showBuilt(Topology *topology)
{
    if (topology != m_current)
        return;
    if (!topology->fitted && topology->graph.nodeCount() > 0) {
        m_view->fitAll();
        topology->fitted = true;
    }
    updateHeat();
    updateAlertBadges();
    updatePipelineBadges();
    updateStatus();
}

void TopologyPage::onBatch(Topology *topology, const ChangeBatch &batch)
{
    if (topology->building && topology->stale)
        return; // the next build reads the store, this batch included
    if (batch.changes.size() >= s_topologyAsyncObjects) {
        // The first list of a large cluster's pods: built again from the store (which holds
        // the batch already, and every batch before it) on the worker rather than applied
        // here; after the build in flight, if there is one.
        if (topology->building) {
            topology->stale = true;
            topology->waiting.clear();
            return;
        }
        for (auto it = m_topologies.cbegin(); it != m_topologies.cend(); ++it) {
            if (it->get() == topology) {
                build(*it, builderOptions(topology));
                return;
            }
        }
    }
    if (topology->building) {
        topology->waiting.append(batch);
        return;
    }
    topology->builder.apply(batch);
    topology->scene->applyPendingChanges();
    if (topology == m_current) {
        if (!topology->fitted && topology->graph.nodeCount() > 0) {
            m_view->fitAll();
            topology->fitted = true;
        }
        updateStatus();
    }
}

void TopologyPage::onPodGroup(const QString &ownerId)
{
    if (!m_current || m_current->building)
        return;
    m_current->builder.setExpanded(ownerId, !m_current->builder.isExpanded(ownerId));
    m_current->scene->applyPendingChanges();
    updateAlertBadges(); // a pod's badge moves between it and its group
}

void TopologyPage::setNamespaces(const QStringList &namespaces)
{
    m_namespaces = namespaces;
    applyFilter();
}

void TopologyPage::applyFilter()
{
    if (!m_current)
        return;
    TopologyFilter filter;
    filter.namespaces = m_namespaces;
    filter.unhealthyOnly = m_unhealthy->isChecked();
    filter.hideSystem = m_hideSystem->isChecked();
    for (QAction *a : m_kindMenu->actions()) {
        if (!a->isChecked())
            filter.hiddenKinds.insert(TopologyKind(a->data().toInt()));
    }
    if (filter.hiddenKinds.contains(TopologyKind::Pod))
        filter.hiddenKinds.insert(TopologyKind::PodGroup);
    const LabelSelector selector = LabelSelector::parse(m_labels->text());
    if (selector.isValid())
        filter.labels = selector;
    m_labels->setToolTip(selector.isValid() ? QString() : selector.errorString());
    m_current->scene->setFilter(filter);
    updateStatus();
}

void TopologyPage::setProblemMonitor(ProblemMonitor *monitor)
{
    if (m_problems)
        disconnect(m_problems, nullptr, this, nullptr);
    m_problems = monitor;
    if (m_problems)
        connect(m_problems, &ProblemMonitor::problemsChanged, this, [this] { updateStatus(); });
    updateStatus();
}

int TopologyPage::needAttention() const
{
    // The objects with a problem by the same rule as the Problems page (a scale-up in
    // progress is not one), not the nodes coloured "progressing" or "warning".
    const ProblemDetector *detector
        = m_problems && m_current ? m_problems->detectorFor(m_current->store) : nullptr;
    return detector ? detector->objectCount() : 0;
}

void TopologyPage::updateStatus()
{
    if (!m_current)
        return;
    if (m_current->building) {
        m_status->setText(tr("Building the topology…"));
        return;
    }
    // %Ln: the locale's digit grouping (246,010) and the plural forms of each count.
    m_status->setText(tr("%1, %2", "topology status: objects shown, objects needing attention")
                          .arg(tr("%Ln objects", nullptr, int(m_current->graph.nodeCount())),
                               tr("%Ln need attention", nullptr, int(needAttention()))));
}

void TopologyPage::chooseExportFile()
{
    auto *dialog = new QFileDialog(this, tr("Export topology"), QString(),
                                   tr("PNG image (*.png);;SVG drawing (*.svg);;JSON (*.json)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString &file) {
        QString name = file;
        if (QFileInfo(name).suffix().isEmpty()) {
            const QString filter = dialog->selectedNameFilter();
            name += filter.contains(QLatin1String("svg"))    ? QStringLiteral(".svg")
                    : filter.contains(QLatin1String("json")) ? QStringLiteral(".json")
                                                             : QStringLiteral(".png");
        }
        exportTo(name);
    });
    dialog->open();
}

void TopologyPage::exportTo(const QString &fileName)
{
    if (!m_current) {
        emit exportFinished(fileName, tr("No topology to export."));
        return;
    }
    const Result<void> result = TopologyExporter::write(m_current->scene.get(), fileName);
    const QString error = result.ok() ? QString() : result.error().toString();
    m_status->setText(result.ok() ? tr("Exported to %1").arg(fileName)
                                  : tr("Export failed: %1").arg(error));
    emit exportFinished(fileName, error);
}

PresenterWindow *TopologyPage::presenter() const
{
    return m_presenter;
}

void TopologyPage::startPresenter()
{
    if (!m_current || m_presenter)
        return;
    m_presenter = new PresenterWindow(m_current->scene.get());
    m_presenter->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_presenter, &QObject::destroyed, this, [this] { applyFilter(); });
    m_presenter->showFullScreen();
}

} // namespace Orrery
