// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspane.h"

#include "yamleditbar.h"

#include <alertsstate.h>
#include <eventfilterproxymodel.h>
#include <kindicons.h>
#include <kube/logstreamer.h>
#include <logview.h>
#include <messageoverlay.h>
#include <metricqueries.h>
#include <metricscolumns.h>
#include <metricshistoryview.h>
#include <monitoring/metricspoller.h>
#include <objectmetricsview.h>
#include <resourcetablemodel.h>
#include <secretkeysmodel.h>
#include <theme.h>
#include <workloadusage.h>
#include <yamlhighlighter.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>
#include <operations/jsonfetch.h>
#include <util/ageformat.h>
#include <util/jsonread.h>

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Orrery {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString objectUrl(Kind kind, const QString &ns, const QString &name)
{
    QUrl url;
    url.setScheme(QStringLiteral("orrery"));
    url.setPath(kindName(kind) + QLatin1Char('/') + ns + QLatin1Char('/') + name);
    return url.toString(QUrl::FullyEncoded);
}

QString link(Kind kind, const QString &ns, const QString &name, const QString &text = {})
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(objectUrl(kind, ns, name),
             esc(text.isEmpty() ? kindName(kind) + QLatin1Char('/') + name : text));
}

QString row(const QString &key, const QString &valueHtml)
{
    return QStringLiteral("<tr><td class=k>%1</td><td>%2</td></tr>").arg(esc(key), valueHtml);
}

QString section(const QString &title)
{
    return QStringLiteral("<h4>%1</h4>").arg(esc(title));
}

QString chips(const KeyValues &pairs)
{
    if (pairs.isEmpty())
        return QStringLiteral("<span class=dim>%1</span>").arg(esc(DetailsPane::tr("none")));
    QStringList out;
    for (const KeyValue &kv : pairs)
        out << QStringLiteral("<span class=chip>%1=%2</span>").arg(esc(kv.key), esc(kv.value));
    return out.join(QStringLiteral(" "));
}

QString dateText(Timestamp t)
{
    if (!t)
        return QStringLiteral("—");
    return QStringLiteral("%1 (%2 ago)")
        .arg(QDateTime::fromSecsSinceEpoch(t).toLocalTime().toString(
                 QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             ageText(t, QDateTime::currentSecsSinceEpoch()));
}

QString conditionsTable(const QList<Condition> &conditions)
{
    if (conditions.isEmpty())
        return {};
    QString html = section(DetailsPane::tr("Conditions"))
                   + QStringLiteral(
                         "<table class=grid><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                         .arg(esc(DetailsPane::tr("Type")), esc(DetailsPane::tr("Status")),
                              esc(DetailsPane::tr("Reason")), esc(DetailsPane::tr("Message")));
    for (const Condition &c : conditions) {
        const QString cls
            = c.status == QLatin1String("True") ? QStringLiteral("ok") : QStringLiteral("warn");
        html += QStringLiteral("<tr><td>%1</td><td class=%2>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(esc(c.type), cls, esc(c.status), esc(c.reason), esc(c.message));
    }
    return html + QStringLiteral("</table>");
}

// What the node has and what the scheduler may give to pods (capacity less system reserves).
QString nodeCapacityTable(const NodeData &n)
{
    const auto cell = [](const QString &v) { return esc(v.isEmpty() ? QStringLiteral("—") : v); };
    QString html
        = section(DetailsPane::tr("Capacity"))
          + QStringLiteral("<table class=grid><tr><th></th><th>%1</th><th>%2</th></tr>")
                .arg(esc(DetailsPane::tr("Capacity")), esc(DetailsPane::tr("Allocatable")));
    const struct
    {
        QString label;
        const QString &capacity;
        const QString &allocatable;
    } rows[] = {{DetailsPane::tr("CPU"), n.cpuCapacity, n.cpuAllocatable},
                {DetailsPane::tr("Memory"), n.memoryCapacity, n.memoryAllocatable},
                {DetailsPane::tr("Pods"), n.podsCapacity, n.podsAllocatable}};
    for (const auto &r : rows)
        html += QStringLiteral("<tr><td class=k>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(esc(r.label), cell(r.capacity), cell(r.allocatable));
    return html + QStringLiteral("</table>");
}

QString containersHtml(const QList<ContainerInfo> &containers,
                       const QList<ContainerStatusInfo> &statuses, bool init)
{
    QString html;
    for (const ContainerInfo &c : containers) {
        html += QStringLiteral("<p class=container><b>%1</b>%2<br><span class=mono>%3</span>")
                    .arg(esc(c.name),
                         init ? QStringLiteral(" <span class=dim>(init)</span>") : QString(),
                         esc(c.image));
        for (const ContainerStatusInfo &s : statuses) {
            if (s.name == c.name && s.init == init) {
                html += QStringLiteral("<br>%1 %2%3 · %4")
                            .arg(esc(s.state),
                                 esc(s.reason.isEmpty() ? QString()
                                                        : QStringLiteral("(%1)").arg(s.reason)),
                                 s.ready ? QStringLiteral(" · <span class=ok>ready</span>")
                                         : QStringLiteral(" · <span class=warn>not ready</span>"),
                                 esc(DetailsPane::tr("%n restart(s)", nullptr, s.restartCount)));
            }
        }
        QStringList ports;
        for (const ContainerPort &p : c.ports)
            ports << (p.name.isEmpty() ? QString() : p.name + QLatin1Char(' '))
                         + QString::number(p.containerPort) + QLatin1Char('/')
                         + (p.protocol.isEmpty() ? QStringLiteral("TCP") : p.protocol);
        if (!ports.isEmpty())
            html += QStringLiteral("<br>%1: %2")
                        .arg(esc(DetailsPane::tr("Ports")), esc(ports.join(QStringLiteral(", "))));
        QStringList res;
        if (!c.cpuRequest.isEmpty() || !c.cpuLimit.isEmpty())
            res << QStringLiteral("cpu %1 / %2")
                       .arg(c.cpuRequest.isEmpty() ? QStringLiteral("–") : c.cpuRequest,
                            c.cpuLimit.isEmpty() ? QStringLiteral("–") : c.cpuLimit);
        if (!c.memoryRequest.isEmpty() || !c.memoryLimit.isEmpty())
            res << QStringLiteral("memory %1 / %2")
                       .arg(c.memoryRequest.isEmpty() ? QStringLiteral("–") : c.memoryRequest,
                            c.memoryLimit.isEmpty() ? QStringLiteral("–") : c.memoryLimit);
        if (!res.isEmpty())
            html += QStringLiteral("<br>%1: %2")
                        .arg(esc(DetailsPane::tr("Requests / limits")),
                             esc(res.join(QStringLiteral(", "))));
        if (!c.livenessProbe.isEmpty())
            html += QStringLiteral("<br>%1: %2")
                        .arg(esc(DetailsPane::tr("Liveness")), esc(c.livenessProbe));
        if (!c.readinessProbe.isEmpty())
            html += QStringLiteral("<br>%1: %2")
                        .arg(esc(DetailsPane::tr("Readiness")), esc(c.readinessProbe));
        if (!c.startupProbe.isEmpty())
            html += QStringLiteral("<br>%1: %2")
                        .arg(esc(DetailsPane::tr("Startup")), esc(c.startupProbe));
        html += QStringLiteral("</p>");
    }
    return html;
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new QTextBrowser(this))
    , m_yamlPage(new QWidget(this))
    , m_yaml(new QPlainTextEdit(m_yamlPage))
    , m_yamlOverlay(nullptr)
    , m_secretPanel(new QWidget(m_yamlPage))
    , m_secretList(new QListView(m_secretPanel))
    , m_revealButton(new QPushButton(tr("Reveal value"), m_secretPanel))
    , m_secretKeys(new SecretKeysModel(this))
    , m_events(new QTableView(this))
    , m_eventModel(new ResourceTableModel(Kind::Event, this))
    , m_eventProxy(new EventFilterProxyModel(this))
    , m_logView(new LogView(this))
    , m_logStreamer(new LogStreamer(this))
    , m_logsPage(new QWidget(this))
    , m_logsPlaceholder(new QWidget(m_logsPage))
    , m_ageTimer(new QTimer(this))
    , m_metricsView(new ObjectMetricsView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *titleRow = new QHBoxLayout;
    m_icon = new QLabel(this);
    m_icon->setFixedSize(24, 24);
    m_icon->hide();
    titleRow->addWidget(m_icon);
    titleRow->addWidget(m_title, 1);
    m_actionsButton = new QToolButton(this);
    m_actionsButton->setObjectName(QStringLiteral("detailsActions"));
    m_actionsButton->setText(tr("Actions"));
    m_actionsButton->setPopupMode(QToolButton::InstantPopup);
    m_actionsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *actionsMenu = new QMenu(m_actionsButton);
    actionsMenu->setToolTipsVisible(true);
    m_actionsButton->setMenu(actionsMenu);
    m_actionsButton->hide();
    connect(actionsMenu, &QMenu::aboutToShow, this, [this, actionsMenu] {
        actionsMenu->clear();
        if (m_actionsProvider && m_object)
            actionsMenu->addActions(m_actionsProvider(m_object, actionsMenu));
        if (actionsMenu->isEmpty())
            actionsMenu->addAction(tr("No actions for this object"))->setEnabled(false);
    });
    titleRow->addWidget(m_actionsButton);
    layout->addLayout(titleRow);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_tabs, 1);

    m_overview->setOpenLinks(false);
    m_overview->setFrameShape(QFrame::NoFrame);
    connect(m_overview, &QTextBrowser::anchorClicked, this, &DetailsPane::onLink);

    auto *yamlLayout = new QHBoxLayout(m_yamlPage);
    yamlLayout->setContentsMargins(0, 0, 0, 0);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_yaml->setFont(mono);
    m_yaml->setReadOnly(true);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    new YamlHighlighter(m_yaml->document());
    m_yamlOverlay = new MessageOverlay(m_yaml);
    m_editBar = new YamlEditBar(m_yaml, m_yamlPage);
    connect(m_editBar, &YamlEditBar::editFinished, this, [this] { fetchYaml(); });
    auto *yamlColumn = new QVBoxLayout;
    yamlColumn->addWidget(m_editBar);
    yamlColumn->addWidget(m_yaml, 1);
    yamlLayout->addLayout(yamlColumn, 1);
    auto *secretLayout = new QVBoxLayout(m_secretPanel);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    auto *secretLabel
        = new QLabel(tr("Values are hidden. Select a key and reveal it; revealed values are kept "
                        "only while this object is shown and never saved."),
                     m_secretPanel);
    secretLabel->setWordWrap(true);
    m_mutedLabels = {m_subtitle, secretLabel};
    m_secretList->setModel(m_secretKeys);
    m_secretList->setWordWrap(true);
    auto *hide = new QPushButton(tr("Hide all"), m_secretPanel);
    secretLayout->addWidget(secretLabel);
    secretLayout->addWidget(m_secretList, 1);
    secretLayout->addWidget(m_revealButton);
    secretLayout->addWidget(hide);
    m_secretPanel->setMaximumWidth(280);
    yamlLayout->addWidget(m_secretPanel);
    connect(m_revealButton, &QPushButton::clicked, this, [this] {
        const QModelIndex index = m_secretList->currentIndex();
        if (index.isValid())
            revealSecretKey(index.data(SecretKeysModel::KeyRole).toString());
    });
    connect(hide, &QPushButton::clicked, m_secretKeys, &SecretKeysModel::hideAll);

    m_eventProxy->setSourceModel(m_eventModel);
    m_eventProxy->sort(0, Qt::AscendingOrder);
    m_events->setModel(m_eventProxy);
    m_events->verticalHeader()->hide();
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_events->setShowGrid(false);
    m_events->setWordWrap(false);
    // Events of one object: OBJECT, NAMESPACE and NAME only repeat it. Repeats are grouped
    // (EventFilterProxyModel): when, how often and since when, then what.
    {
        QHeaderView *header = m_events->horizontalHeader();
        const auto column = [this](const char *id) { return m_eventModel->columnOf(id); };
        for (const char *id : {"object", "namespace", "name"})
            if (const int c = column(id); c >= 0)
                m_events->setColumnHidden(c, true);
        int visual = 1;
        for (const char *id : {"first-seen", "count"})
            if (const int c = column(id); c >= 0)
                header->moveSection(header->visualIndex(c), visual++);
    }

    // The Logs tab holds the log view, or (while it is popped out into its own window) a
    // note saying where it went, with a button to bring it back.
    auto *logsLayout = new QVBoxLayout(m_logsPage);
    logsLayout->setContentsMargins(0, 0, 0, 0);
    logsLayout->addWidget(m_logView, 1);
    auto *placeholderLayout = new QVBoxLayout(m_logsPlaceholder);
    auto *placeholderText
        = new QLabel(tr("The logs are shown in their own window."), m_logsPlaceholder);
    placeholderText->setAlignment(Qt::AlignCenter);
    auto *dockBack = new QPushButton(tr("Show Logs Here"), m_logsPlaceholder);
    dockBack->setObjectName(QStringLiteral("dockLogsButton"));
    placeholderLayout->addStretch(1);
    placeholderLayout->addWidget(placeholderText);
    placeholderLayout->addWidget(dockBack, 0, Qt::AlignCenter);
    placeholderLayout->addStretch(1);
    logsLayout->addWidget(m_logsPlaceholder, 1);
    m_logsPlaceholder->hide();
    connect(dockBack, &QPushButton::clicked, this, [this] { setLogsPoppedOut(false); });
    connect(m_logView, &LogView::popOutRequested, this, &DetailsPane::setLogsPoppedOut);

    // Ages ("3m ago") move on while the pane is shown: a cheap refresh of the overview once
    // a minute (ages are shown to the minute at best), only when it is the visible tab.
    m_ageTimer->setObjectName(QStringLiteral("ageTimer"));
    m_ageTimer->setInterval(30000);
    connect(m_ageTimer, &QTimer::timeout, this, [this] {
        if (m_object && isVisible() && m_tabs->currentIndex() == OverviewTab)
            refreshOverview();
    });
    m_ageTimer->start();

    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_yamlPage, tr("YAML"));
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(m_logsPage, tr("Logs"));
    m_tabs->addTab(m_metricsView, tr("Metrics"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == YamlTab && !m_yamlLoadedFor)
            fetchYaml();
        if (index == LogsTab && !m_logStreamer->isRunning())
            restartLogs();
    });

    connect(m_logView, &LogView::parametersChanged, this, &DetailsPane::restartLogs);
    connect(m_logView, &LogView::reconnectRequested, this, &DetailsPane::restartLogs);
    connect(m_logStreamer, &LogStreamer::linesReceived, m_logView, &LogView::appendLines);
    connect(m_logStreamer, &LogStreamer::finished, m_logView, &LogView::streamEnded);
    applyTheme();
    setObject({});
}

DetailsPane::~DetailsPane()
{
    delete m_logWindow;
}

bool DetailsPane::logsPoppedOut() const
{
    return m_logWindow && m_logView->window() == m_logWindow;
}

void DetailsPane::setLogsPoppedOut(bool poppedOut)
{
    if (poppedOut == logsPoppedOut()) {
        m_logView->setPoppedOut(poppedOut);
        return;
    }
    if (poppedOut) {
        if (!m_logWindow) {
            // Its own top-level window (not a child of the pane, so it is not clipped to it),
            // deleted with the pane.
            m_logWindow = new QWidget(nullptr, Qt::Window);
            m_logWindow->setObjectName(QStringLiteral("logWindow"));
            auto *windowLayout = new QVBoxLayout(m_logWindow);
            windowLayout->setContentsMargins(4, 4, 4, 4);
            m_logWindow->installEventFilter(this);
            m_logWindow->resize(qMax(900, width()), qMax(600, height()));
        }
        m_logsPage->layout()->removeWidget(m_logView);
        m_logWindow->layout()->addWidget(m_logView);
        m_logView->show();
        m_logsPlaceholder->show();
        m_logWindow->setWindowTitle(m_object ? tr("Logs — %1").arg(m_object->name) : tr("Logs"));
        m_logWindow->show();
        if (m_tabs->currentIndex() == LogsTab)
            m_tabs->setCurrentIndex(OverviewTab); // the tab would only say where they went
        if (!m_logStreamer->isRunning())
            restartLogs();
        m_logWindow->raise();
        m_logWindow->activateWindow();
    } else {
        m_logWindow->layout()->removeWidget(m_logView);
        m_logView->setParent(m_logsPage);
        static_cast<QVBoxLayout *>(m_logsPage->layout())->insertWidget(0, m_logView, 1);
        m_logView->show();
        m_logsPlaceholder->hide();
        m_logWindow->hide();
    }
    m_logView->setPoppedOut(poppedOut);
}

bool DetailsPane::eventFilter(QObject *watched, QEvent *event)
{
    // Closing the logs' window docks them back into the Logs tab.
    if (watched == m_logWindow && event->type() == QEvent::Close && logsPoppedOut())
        setLogsPoppedOut(false);
    return QWidget::eventFilter(watched, event);
}

void DetailsPane::applyTheme()
{
    const Theme *t = Theme::instance();
    const auto c = [t](Theme::Role role) { return t->name(role); };
    for (QLabel *label : std::as_const(m_mutedLabels))
        label->setStyleSheet(QStringLiteral("color:%1;").arg(c(Theme::Role::MutedText)));
    // The overview is rich text: its colours live in the document's default style sheet, which
    // only applies when the HTML is set again, hence the refresh.
    m_overview->document()->setDefaultStyleSheet(
        QStringLiteral(
            "h4{margin-top:12px;margin-bottom:4px;color:%1;} td.k{color:%2;padding-right:12px;}"
            "table.grid th{text-align:left;color:%2;padding-right:10px;} table.grid "
            "td{padding-right:10px;}"
            ".chip{background:%3;color:%4;} .dim{color:%2;} .ok{color:%5;} .warn{color:%6;}"
            ".err{color:%7;font-weight:bold;} .mono{font-family:monospace;} a{color:%8;}")
            .arg(c(Theme::Role::HeaderText), c(Theme::Role::MutedText), c(Theme::Role::InfoFill),
                 c(Theme::Role::Text), c(Theme::Role::Ok), c(Theme::Role::Warning),
                 c(Theme::Role::Danger), c(Theme::Role::Link)));
    refreshOverview();
}

void DetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void DetailsPane::setSession(ClusterSession *session)
{
    if (m_session == session)
        return;
    if (m_storeConnection)
        disconnect(m_storeConnection);
    m_logStreamer->stop();
    m_session = session;
    m_eventModel->setStore(session ? session->store() : nullptr);
    m_metricsView->setStore(session ? session->store() : nullptr);
    if (session)
        m_storeConnection = connect(session->store(), &ResourceStore::changed, this,
                                    &DetailsPane::onStoreChanged);
    setObject({});
}

void DetailsPane::setMetrics(std::shared_ptr<const MetricsSnapshot> metrics)
{
    m_metrics = std::move(metrics);
    if (m_object && MetricsColumns::count(m_object->kind) > 0)
        refreshOverview();
    if (m_object && MetricQueries::hasCharts(m_object->kind))
        refreshMetricsHistory();
}

void DetailsPane::setAlerts(std::shared_ptr<const AlertsState> alerts)
{
    m_alerts = std::move(alerts);
    if (m_object)
        refreshOverview();
}

void DetailsPane::setMetricsHistory(MetricsPoller *poller)
{
    m_metricsPoller = poller;
    m_metricsView->setMetricsPoller(poller);
    refreshMetricsHistory();
}

void DetailsPane::setMonitoringSource(MonitoringSource *source)
{
    m_metricsView->setSource(source);
}

void DetailsPane::refreshMetricsHistory()
{
    const bool hasMetrics = m_object && MetricQueries::hasCharts(m_object->kind);
    m_tabs->setTabVisible(MetricsTab, hasMetrics);
    if (!hasMetrics) {
        m_metricsView->showObject({}, {});
        return;
    }
    // Why metrics-server has no sample of a pod or node (the fallback without Prometheus).
    QString reason;
    if (!m_metricsPoller || !m_metrics)
        reason = tr("Waiting for the first answer of metrics-server\u2026");
    else if (m_object->kind == Kind::Pod)
        reason = m_metrics->podReason(m_object->namespaceName, m_object->name).text();
    else if (m_object->kind == Kind::Node)
        reason = m_metrics->nodeReason(m_object->name).text();
    else if (m_metrics->podsUnavailable)
        reason = m_metrics->podsUnavailable->text();
    m_metricsView->showObject(m_object, reason);
}

void DetailsPane::setActionsProvider(ActionsProvider provider)
{
    m_actionsProvider = std::move(provider);
    m_actionsButton->setVisible(m_object && m_actionsProvider);
}

void DetailsPane::setObject(const KubeObjectPtr &object)
{
    const bool sameObject = object && m_object && object->uid == m_object->uid;
    m_object = object;
    if (sameObject) {
        refreshOverview();
        return;
    }
    ++m_yamlRequest;
    m_yamlLoadedFor = false;
    m_yaml->clear();
    m_secretKeys->setKeys({});
    m_logStreamer->stop();
    m_logView->clear();
    // Previous, tail and timestamps were chosen for the object (or context) just left.
    m_logView->resetStreamOptions();
    if (m_logWindow)
        m_logWindow->setWindowTitle(object ? tr("Logs — %1").arg(object->name) : tr("Logs"));

    m_actionsButton->setVisible(object && m_actionsProvider);
    m_editBar->setObject(object);
    m_icon->setVisible(bool(object));
    if (object)
        m_icon->setPixmap(kindIcon(object->kind).pixmap(m_icon->size(), devicePixelRatioF()));
    if (!object) {
        m_title->setText(tr("Nothing selected"));
        m_subtitle->setText(tr("Select a row to see its details. Enter opens, Esc goes back."));
        m_overview->clear();
        m_tabs->setEnabled(false);
        m_eventProxy->setInvolvedObject({}, {}, {}, {});
        return;
    }
    m_tabs->setEnabled(true);
    m_title->setText(object->name);
    m_subtitle->setText(
        object->namespaceName.isEmpty()
            ? kindSingularName(object->kind)
            : tr("%1 in namespace %2").arg(kindSingularName(object->kind), object->namespaceName));
    m_eventProxy->setInvolvedObject(object->uid, kindName(object->kind), object->namespaceName,
                                    object->name);
    const bool isSecret = object->kind == Kind::Secret;
    m_secretPanel->setVisible(isSecret);
    if (const SecretData *s = object->as<SecretData>())
        m_secretKeys->setKeys(s->keys);
    m_tabs->setTabVisible(LogsTab, kindInfo(object->kind).hasLogs);
    if (object->kind == Kind::Pod) {
        QStringList containers;
        if (const PodData *p = object->pod()) {
            for (const ContainerInfo &c : p->spec.containers)
                containers << c.name;
        }
        m_logView->setContainers(containers);
    } else {
        m_logView->setContainers({});
    }
    refreshOverview();
    refreshMetricsHistory();
    if (m_tabs->currentIndex() == YamlTab)
        fetchYaml();
    if ((m_tabs->currentIndex() == LogsTab || logsPoppedOut()) && kindInfo(object->kind).hasLogs)
        restartLogs();
}

void DetailsPane::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

QString DetailsPane::overviewHtml() const
{
    return m_overview->toHtml();
}

QString DetailsPane::yamlText() const
{
    return m_yaml->toPlainText();
}

void DetailsPane::onStoreChanged()
{
    if (!m_object || !m_session)
        return;
    const KubeObjectPtr now
        = m_session->store()->object(m_object->kind, m_object->namespaceName, m_object->name);
    if (!now) {
        m_subtitle->setText(tr("%1 — deleted from the cluster")
                                .arg(m_subtitle->text().section(QStringLiteral(" — "), 0, 0)));
        return;
    }
    if (now != m_object) {
        m_object = now;
        refreshOverview();
    }
}

QList<KubeObjectPtr> DetailsPane::dependants() const
{
    QList<KubeObjectPtr> out;
    if (!m_session || !m_object)
        return out;
    const ResourceStore *store = m_session->store();
    for (Kind kind : {Kind::ReplicaSet, Kind::Pod, Kind::Job, Kind::ControllerRevision}) {
        if (kind == m_object->kind)
            continue;
        const QList<KubeObjectPtr> candidates = m_object->namespaceName.isEmpty()
                                                    ? store->objects(kind)
                                                    : store->objects(kind, m_object->namespaceName);
        for (const KubeObjectPtr &o : candidates) {
            for (const OwnerReference &ref : o->ownerReferences) {
                if (ref.uid == m_object->uid) {
                    out << o;
                    break;
                }
            }
        }
    }
    return out;
}

QList<KubeObjectPtr> DetailsPane::workloadPods() const
{
    QList<KubeObjectPtr> out;
    if (!m_session || !m_object)
        return out;
    const ObjectSelector *selector = nullptr;
    if (const WorkloadData *w = m_object->workload())
        selector = &w->selector;
    else if (const JobData *j = m_object->as<JobData>())
        selector = &j->selector;
    KeyValues serviceSelector;
    if (const ServiceData *s = m_object->service())
        serviceSelector = s->selector;
    if (!selector && serviceSelector.isEmpty())
        return out;
    for (const KubeObjectPtr &pod :
         m_session->store()->objects(Kind::Pod, m_object->namespaceName)) {
        if (selector ? (!selector->isEmpty() && selector->matches(pod->labels))
                     : ObjectSelector{serviceSelector, {}}.matches(pod->labels))
            out << pod;
    }
    std::sort(out.begin(), out.end(),
              [](const KubeObjectPtr &a, const KubeObjectPtr &b) { return a->name < b->name; });
    return out;
}

void DetailsPane::refreshOverview()
{
    if (!m_object)
        return;
    const KubeObject &o = *m_object;
    QString html;
    html += QStringLiteral("<table>");
    const RowSeverity severity = kindHealth(o);
    const QString sevClass = severity == RowSeverity::Error     ? QStringLiteral("err")
                             : severity == RowSeverity::Warning ? QStringLiteral("warn")
                                                                : QStringLiteral("ok");
    // The kind's status cell, as in the table, coloured.
    for (const KindColumn &c : kindInfo(o.kind).columns) {
        if (c.isName() || c.isNamespace())
            continue;
        // The node of a pod is shown as a link below.
        if (o.kind == Kind::Pod && qstrcmp(c.id, "node") == 0)
            continue;
        QString value;
        if (c.type == KindColumn::Type::Age)
            value = dateText(c.timestamp ? c.timestamp(o) : 0);
        else
            value = c.cellText(o);
        if (value.isEmpty())
            continue;
        const QString cell
            = c.isStatus() ? QStringLiteral("<span class=%1>%2</span>").arg(sevClass, esc(value))
                           : esc(value);
        // "RESTARTS" reads better as "Restarts"; short acronyms ("IP") stay as they are.
        QString title = c.translatedTitle();
        if (title.size() > 3) {
            title = title.toLower();
            title[0] = title[0].toUpper();
        }
        html += row(title, cell);
    }
    if (const int metrics = MetricsColumns::count(o.kind); metrics > 0) {
        // Usage, then its percentages in brackets; or why there is none.
        const MetricsSnapshot *m = m_metrics.get();
        // A workload's pods summed (WorkloadUsage), computed once per snapshot.
        if (WorkloadUsage::covers(o.kind) && m_metrics && m_session
            && (!m_workloadUsage || m_workloadUsage->metrics != m_metrics))
            m_workloadUsage = WorkloadUsage::compute(*m_session->store(), m_metrics);
        const WorkloadUsage *w = WorkloadUsage::covers(o.kind) && m_workloadUsage
                                         && m_workloadUsage->metrics == m_metrics
                                     ? m_workloadUsage.get()
                                     : nullptr;
        const int memoryFirst = metrics / 2;
        for (int first : {0, memoryFirst}) {
            const QString usage = MetricsColumns::text(o.kind, first, o, m, w);
            QString value;
            if (usage == QStringLiteral("—")) {
                value = esc(MetricsColumns::toolTip(o.kind, first, o, m, w));
            } else {
                QStringList shares;
                for (int c = first + 1; c < first + memoryFirst; ++c) {
                    const QString share = MetricsColumns::text(o.kind, c, o, m, w);
                    const bool none = !share.endsWith(QLatin1Char('%'));
                    if (o.kind == Kind::Node)
                        shares << (none ? MetricsColumns::toolTip(o.kind, c, o, m, w)
                                        : tr("%1 of allocatable").arg(share));
                    else if (c == first + 1)
                        shares << (none ? tr("no request set") : tr("%1 of request").arg(share));
                    else
                        shares << (none ? tr("no limit set") : tr("%1 of limit").arg(share));
                }
                value = esc(usage) + QStringLiteral(" (") + esc(shares.join(QStringLiteral(", ")))
                        + QLatin1Char(')');
                if (w)
                    value += QStringLiteral("<br/>")
                             + esc(MetricsColumns::toolTip(o.kind, first, o, m, w));
            }
            html += row(first == 0 ? tr("CPU") : tr("Memory"), value);
        }
    }
    if (const PodData *p = o.pod()) {
        if (!p->message.isEmpty())
            html += row(tr("Message"), esc(p->message));
        if (!p->qosClass.isEmpty())
            html += row(tr("QoS class"), esc(p->qosClass));
        if (!p->nodeName.isEmpty())
            html += row(tr("Node"), link(Kind::Node, {}, p->nodeName, p->nodeName));
        if (!p->spec.serviceAccount.isEmpty())
            html += row(tr("Service account"), esc(p->spec.serviceAccount));
    }
    if (const WorkloadData *w = o.workload()) {
        if (!w->selector.isEmpty())
            html += row(tr("Selector"), esc(w->selector.toString()));
        if (!w->strategy.isEmpty())
            html += row(tr("Strategy"),
                        esc(w->strategy) + (w->paused ? tr(" (paused)") : QString()));
        if (w->revision)
            html += row(tr("Revision"), QString::number(w->revision));
    }
    if (const HpaData *h = o.hpa()) {
        if (auto target = kindFromName(h->targetKind))
            html += row(tr("Scales"), link(*target, o.namespaceName, h->targetName));
        html += row(tr("Desired replicas"), QString::number(h->desiredReplicas));
    }
    if (const EventData *e = o.event()) {
        if (auto kind = kindFromName(e->involvedKind))
            html += row(tr("Object"), link(*kind, e->involvedNamespace, e->involvedName));
        html += row(tr("Source"), esc(e->source));
    }
    if (const PvcData *pvc = o.as<PvcData>()) {
        if (!pvc->volumeName.isEmpty())
            html += row(tr("Volume link"),
                        link(Kind::PersistentVolume, {}, pvc->volumeName, pvc->volumeName));
    }
    if (const PvData *pv = o.as<PvData>()) {
        if (!pv->claimName.isEmpty())
            html += row(tr("Claim link"), link(Kind::PersistentVolumeClaim, pv->claimNamespace,
                                               pv->claimName, pv->claimName));
        if (!pv->source.isEmpty())
            html += row(tr("Source"), esc(pv->source));
    }
    html += row(tr("Created"), esc(dateText(o.creationTimestamp)));
    if (o.deletionTimestamp)
        html += row(
            tr("Deleting since"),
            QStringLiteral("<span class=warn>%1</span>").arg(esc(dateText(o.deletionTimestamp))));
    html += row(tr("UID"), QStringLiteral("<span class=mono>%1</span>").arg(esc(o.uid)));
    html += QStringLiteral("</table>");

    // Alertmanager's alerts attached to this object, firing first.
    if (m_alerts && !m_alerts->unavailable) {
        const QString key = AlertIndex::objectKey(kindName(o.kind), o.namespaceName, o.name);
        QList<Alert> alerts = m_alerts->index.alertsFor(key);
        std::stable_sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) {
            if (AlertsState::isFiring(a) != AlertsState::isFiring(b))
                return AlertsState::isFiring(a);
            return int(a.severity()) > int(b.severity());
        });
        if (!alerts.isEmpty()) {
            html
                += QStringLiteral("<h4>%1</h4><table class=grid>")
                       .arg(esc(tr("Alerts (%1 firing)").arg(m_alerts->firingCounts(key).total())));
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            for (const Alert &a : std::as_const(alerts)) {
                const AlertSeverity alertSeverity = a.severity();
                const QString cls
                    = !AlertsState::isFiring(a)                  ? QStringLiteral("dim")
                      : alertSeverity == AlertSeverity::Critical ? QStringLiteral("err")
                      : alertSeverity == AlertSeverity::Warning  ? QStringLiteral("warn")
                                                                 : QStringLiteral("ok");
                QString state = a.isSilenced()    ? tr("silenced")
                                : a.isInhibited() ? tr("inhibited")
                                                  : tr("firing");
                if (a.startsAt.isValid())
                    state += QStringLiteral(" · ")
                             + tr("for %1").arg(ageText(a.startsAt.toSecsSinceEpoch(), now));
                const QString runbook = a.runbookUrl();
                const QUrl url(runbook);
                const bool openable = url.isValid()
                                      && (url.scheme() == QLatin1String("https")
                                          || url.scheme() == QLatin1String("http"));
                html += QStringLiteral("<tr><td class=%1>%2</td><td><b>%3</b><br>%4</td>"
                                       "<td class=dim>%5</td><td>%6</td></tr>")
                            .arg(cls,
                                 esc(a.severityText().isEmpty() ? tr("warning") : a.severityText()),
                                 esc(a.name()), esc(a.summary()), esc(state),
                                 openable ? QStringLiteral("<a href=\"%1\">%2</a>")
                                                .arg(esc(url.toString()), esc(tr("runbook")))
                                          : QString());
            }
            html += QStringLiteral("</table>");
        }
    }

    // Owners and dependants: the graph around this object, as links.
    QStringList owners;
    for (const OwnerReference &ref : o.ownerReferences) {
        if (auto kind = kindFromName(ref.kind))
            owners << link(*kind, o.namespaceName, ref.name);
        else
            owners << esc(ref.kind + QLatin1Char('/') + ref.name);
    }
    if (!owners.isEmpty())
        html += section(tr("Owned by")) + owners.join(QStringLiteral("<br>"));
    QStringList deps;
    for (const KubeObjectPtr &d : dependants())
        deps << link(d->kind, d->namespaceName, d->name);
    if (o.kind == Kind::Deployment || o.kind == Kind::Service || o.kind == Kind::StatefulSet
        || o.kind == Kind::DaemonSet) {
        // Pods of a Deployment are grandchildren (through ReplicaSets); list them directly.
        for (const KubeObjectPtr &pod : workloadPods()) {
            const QString l = link(Kind::Pod, pod->namespaceName, pod->name);
            if (!deps.contains(l))
                deps << l;
        }
    }
    if (!deps.isEmpty()) {
        const int shown = qMin<int>(int(deps.size()), 50);
        html += section(o.kind == Kind::Service ? tr("Selects") : tr("Owns"))
                + deps.mid(0, shown).join(QStringLiteral("<br>"));
        if (deps.size() > shown)
            html += QStringLiteral("<br><span class=dim>%1</span>")
                        .arg(esc(tr("and %n more", nullptr, int(deps.size() - shown))));
    }

    if (const PodData *p = o.pod())
        html += conditionsTable(p->conditions);
    else if (const WorkloadData *w = o.workload())
        html += conditionsTable(w->conditions);
    else if (const JobData *j = o.as<JobData>())
        html += conditionsTable(j->conditions);
    else if (const NodeData *n = o.node())
        html += conditionsTable(n->conditions) + nodeCapacityTable(*n);
    else if (const HpaData *h = o.hpa())
        html += conditionsTable(h->conditions);

    const PodSpecSummary *spec = nullptr;
    QList<ContainerStatusInfo> statuses;
    if (const PodData *p = o.pod()) {
        spec = &p->spec;
        statuses = p->containerStatuses;
    } else if (const WorkloadData *w = o.workload()) {
        spec = &w->podTemplate;
    } else if (const JobData *j = o.as<JobData>()) {
        spec = &j->podTemplate;
    } else if (const CronJobData *c = o.as<CronJobData>()) {
        spec = &c->podTemplate;
    }
    if (spec && (!spec->containers.isEmpty() || !spec->initContainers.isEmpty())) {
        html += section(tr("Containers"));
        html += containersHtml(spec->initContainers, statuses, true);
        html += containersHtml(spec->containers, statuses, false);
        QStringList refs;
        for (const QString &cm : spec->configMapRefs())
            refs << link(Kind::ConfigMap, o.namespaceName, cm);
        for (const QString &s : spec->secretRefs())
            refs << link(Kind::Secret, o.namespaceName, s);
        for (const QString &c : spec->claimRefs())
            refs << link(Kind::PersistentVolumeClaim, o.namespaceName, c);
        if (!refs.isEmpty())
            html += section(tr("Uses")) + refs.join(QStringLiteral("<br>"));
    }
    if (const SecretData *s = o.as<SecretData>())
        html += section(tr("Keys")) + esc(s->keys.join(QStringLiteral(", ")))
                + QStringLiteral(" <span class=dim>%1</span>")
                      .arg(esc(tr("(values hidden; see YAML tab to reveal)")));
    if (const ConfigMapData *c = o.as<ConfigMapData>())
        html += section(tr("Keys")) + esc(c->keys.join(QStringLiteral(", ")));

    html += section(tr("Labels")) + chips(o.labels);
    if (!o.annotations.isEmpty()) {
        html += section(tr("Annotations")) + QStringLiteral("<table>");
        for (const KeyValue &kv : o.annotations) {
            QString v = kv.value;
            if (v.size() > 200)
                v = v.left(200) + QStringLiteral("…");
            html += row(kv.key, esc(v));
        }
        html += QStringLiteral("</table>");
    }
    const int scroll
        = m_overview->verticalScrollBar() ? m_overview->verticalScrollBar()->value() : 0;
    m_overview->setHtml(html);
    m_overview->verticalScrollBar()->setValue(scroll);
}

void DetailsPane::setEditHooks(const ObjectEditHooks &hooks)
{
    m_editBar->setHooks(hooks);
}

void DetailsPane::beginEdit()
{
    if (!m_object || !m_editBar->canEdit())
        return;
    showTab(YamlTab);
    if (!m_editBar->isEditing()) {
        // A read of the YAML view still on its way must not land in the editor afterwards.
        ++m_yamlRequest;
        m_yamlOverlay->clear();
        m_editBar->beginEdit();
    }
}

void DetailsPane::fetchYaml()
{
    if (!m_object || !m_session || m_editBar->isEditing())
        return;
    m_yamlLoadedFor = true;
    const int request = ++m_yamlRequest;
    m_yamlOverlay->showMessage(MessageOverlay::Severity::Info, tr("Loading YAML…"), QString());
    m_session->fetchObject(m_object->kind, m_object->namespaceName, m_object->name,
                           ClusterSession::Format::Yaml, this,
                           [this, request](const Result<QByteArray> &result) {
                               if (request != m_yamlRequest || m_editBar->isEditing())
                                   return; // the selection moved on, or editing began
                               if (!result.ok()) {
                                   m_yamlLoadedFor = false;
                                   m_yamlOverlay->showMessage(MessageOverlay::Severity::Error,
                                                              tr("Could not load the YAML"),
                                                              result.error().toString());
                                   return;
                               }
                               m_yamlOverlay->clear();
                               m_yaml->setPlainText(QString::fromUtf8(result.value()));
                           });
}

void DetailsPane::revealSecretKey(const QString &key)
{
    if (!m_object || !m_session || m_object->kind != Kind::Secret || !m_session->transport())
        return;
    const QString path
        = QStringLiteral("/api/v1/namespaces/%1/secrets/%2")
              .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_object->namespaceName)),
                   QString::fromLatin1(QUrl::toPercentEncoding(m_object->name)));
    const QString uid = m_object->uid;
    HttpTransport *transport = m_session->transport();
    transport->get(path, this, [this, key, uid, transport](const Result<ApiResponse> &result) {
        if (!m_object || m_object->uid != uid)
            return;
        const Result<QByteArray> body = bodyOrError(result, tr("secret"));
        if (!body.ok()) {
            m_secretKeys->reveal(key, tr("<could not read: %1>").arg(body.error().message));
            return;
        }
        // Parse on the transport's worker (no JSON on the GUI thread), take the one value
        // asked for, and let the rest of the document go: the body is never stored, logged or
        // shown.
        runOnWorker(transport, this, [this, key, uid, bytes = body.value()] {
            QString value;
            const nlohmann::json doc = JsonRead::parse(bytes);
            const std::string field = key.toStdString();
            if (doc.is_discarded()) {
                value = tr("<could not decode>");
            } else if (const nlohmann::json *encoded = JsonRead::find(doc, {"data", field});
                       encoded && encoded->is_string()) {
                value = QString::fromUtf8(QByteArray::fromBase64(
                    QByteArray::fromStdString(JsonRead::stdString(doc, {"data", field}))));
            } else {
                value = tr("<no value>");
            }
            // Back on the GUI thread (not at all once the pane is gone).
            return std::function<void()>([this, key, uid, value] {
                if (m_object && m_object->uid == uid)
                    m_secretKeys->reveal(key, value);
            });
        });
    });
}

void DetailsPane::restartLogs()
{
    m_logStreamer->stop();
    m_logView->clear();
    if (!m_object || !m_session || !kindInfo(m_object->kind).hasLogs)
        return;
    const LogView::Parameters p = m_logView->parameters();
    LogStreamer::Options options;
    options.previous = p.previous;
    options.tailLines = p.tailLines;
    options.timestamps = p.timestamps;
    QList<LogStreamer::Target> targets;
    auto addPod = [&](const KubeObject &pod, bool prefixPod) {
        const PodData *podData = pod.pod();
        QStringList containers;
        if (!p.container.isEmpty())
            containers << p.container;
        else if (podData)
            for (const ContainerInfo &c : podData->spec.containers)
                containers << c.name;
        if (containers.isEmpty())
            containers << QString();
        for (const QString &c : containers) {
            QString prefix;
            if (prefixPod)
                prefix = containers.size() > 1 ? pod.name + QLatin1Char('/') + c : pod.name;
            else if (containers.size() > 1)
                prefix = c;
            targets << LogStreamer::Target{pod.namespaceName, pod.name, c, prefix};
        }
    };
    if (m_object->kind == Kind::Pod) {
        addPod(*m_object, false);
    } else {
        const QList<KubeObjectPtr> pods = workloadPods();
        // A bounded number of concurrent streams: enough to see a workload's behaviour
        // without opening hundreds of connections for a large DaemonSet.
        for (int i = 0; i < pods.size() && i < 10; ++i)
            addPod(*pods[i], true);
        if (pods.isEmpty()) {
            m_logView->streamEnded(tr("no pods match this workload's selector"), false);
            return;
        }
    }
    m_logView->streamStarted(targets.size() == 1 ? tr("Following %1").arg(targets.first().pod)
                                                 : tr("Following %n container(s), merged", nullptr,
                                                      int(targets.size())));
    m_logStreamer->start(m_session->transport(), targets, options);
}

void DetailsPane::onLink(const QUrl &url)
{
    // An alert's runbook opens in the browser.
    if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) {
        QDesktopServices::openUrl(url);
        return;
    }
    if (url.scheme() != QLatin1String("orrery"))
        return;
    const QStringList parts = url.path().split(QLatin1Char('/'));
    if (parts.size() < 3)
        return;
    if (const auto kind = kindFromName(parts.at(0)))
        emit objectLinkActivated(*kind, parts.at(1), parts.mid(2).join(QLatin1Char('/')));
}

} // namespace Orrery
