// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "clustersidebar.h"
#include "commandpalette.h"
#include "namespacefilter.h"
#include "preferencesdialog.h"
#include "resourcenavigator.h"
#include "welcomepage.h"

#include <ageclock.h>
#include <clockjumpdetector.h>
#include <contextpreferences.h>
#include <contextstrip.h>
#include <freshnessindicator.h>
#include <messageoverlay.h>
#include <resourcefilterproxymodel.h>
#include <resourcetablemodel.h>
#include <theme.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QNetworkInformation>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Orrery {

namespace {

// QSettings keys of the remembered layout and selection ("window/…", "session/…"). The
// kubeconfig is never written.
constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";
constexpr auto kMainSplitterKey = "window/mainSplitter";
constexpr auto kLeftSplitterKey = "window/leftSplitter";
constexpr auto kTableSplitterKey = "window/tableSplitter";
constexpr auto kContextKey = "session/context";
constexpr auto kKindKey = "session/kind";
constexpr auto kObjectKey = "session/object";
constexpr auto kDetailsTabKey = "session/detailsTab";

QString columnsKey(Kind kind)
{
    return QStringLiteral("window/columns/%1").arg(kindName(kind));
}

// Kinds every session watches: those the navigator shows, plus what links and the topology
// need (Endpoints, ControllerRevisions).
QString errorTitle(const Error &error, const QString &what)
{
    switch (error.code) {
    case Error::Code::Forbidden: return MainWindow::tr("You may not list %1 here").arg(what);
    case Error::Code::AuthError: return MainWindow::tr("The cluster rejected your credentials");
    case Error::Code::Network: return MainWindow::tr("The cluster cannot be reached");
    case Error::Code::Timeout: return MainWindow::tr("The cluster does not answer");
    case Error::Code::NotFound:
    case Error::Code::Unsupported:
        return MainWindow::tr("This cluster does not serve %1").arg(what);
    case Error::Code::ServerError: return MainWindow::tr("The API server reported an error");
    default: return MainWindow::tr("%1 cannot be loaded").arg(what);
    }
}

QString errorFix(const Error &error, const QString &resource)
{
    QString fix;
    switch (error.code) {
    case Error::Code::Forbidden:
        fix = MainWindow::tr(
                  "Your account lacks the \"list\" and \"watch\" permissions for %1. Ask a cluster "
                  "administrator for them, or check with: kubectl auth can-i list %1")
                  .arg(resource);
        break;
    case Error::Code::AuthError:
        fix = MainWindow::tr(
            "Your login may have expired. Log in again with your cloud or SSO tool "
            "(for example \"aws sso login\" or \"gcloud auth login\"), then choose Reconnect.");
        break;
    case Error::Code::Network:
    case Error::Code::Timeout:
        fix = MainWindow::tr(
            "Check your network or VPN connection and that the server address in the kubeconfig "
            "is right. Orrery keeps retrying.");
        break;
    case Error::Code::NotFound:
    case Error::Code::Unsupported:
        fix = MainWindow::tr("The API group is not installed or is disabled on this cluster.");
        break;
    case Error::Code::TooLarge:
        fix = MainWindow::tr(
                  "One page of %1 is larger than Orrery accepts, so it stopped loading them "
                  "instead of downloading the same page again. Listing fewer at a time helps: a "
                  "smaller page size or one namespace at a time (try: kubectl get %1 "
                  "--chunk-size=50 -n NAMESPACE). Choose Reconnect to try again.")
                  .arg(resource);
        break;
    default: fix = MainWindow::tr("Orrery keeps retrying."); break;
    }
    const QString detail
        = error.hint.isEmpty() ? error.message : error.message + QStringLiteral(" — ") + error.hint;
    return fix + QStringLiteral("\n\n") + MainWindow::tr("Details: %1").arg(detail);
}

} // namespace

MainWindow::MainWindow(ContextPreferences *preferences, QWidget *parent)
    : QMainWindow(parent)
    , m_preferences(preferences)
    , m_contextModel(new ContextTreeModel(preferences, this))
    , m_ageClock(new AgeClock(this))
    , m_clockJump(new ClockJumpDetector(this))
{
    setWindowTitle(tr("Orrery"));
    resize(1440, 880);
    buildUi();
    buildMenus();
    connect(m_preferences, &ContextPreferences::changed, this, [this](const QString &context) {
        if (context == m_activeContext)
            updateContextChrome();
    });
    connect(m_clockJump, &ClockJumpDetector::jumped, this, [this](qint64 ms) {
        onWakeUp(tr("the computer woke up or its clock jumped by %n s", nullptr, int(ms / 1000)));
    });
    // Network changes (Wi-Fi to VPN, cable unplugged and back): watches may be stuck on dead
    // connections, so relist when the network comes back.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online)
                        onWakeUp(tr("the network came back"));
                });
    }
    connect(Theme::instance(), &Theme::changed, this, &MainWindow::applyThemeColours);
    applyThemeColours();
    showWelcome();
}

MainWindow::~MainWindow()
{
    // Sessions stop their workers in their destructors; do it before the models go away.
    m_details->setSession(nullptr);
    m_model->setStore(nullptr);
    qDeleteAll(m_sessions);
    m_sessions.clear();
}

void MainWindow::buildUi()
{
    auto *root = new QWidget(this);
    auto *rootLayout = new QVBoxLayout(root);
    rootLayout->setContentsMargins(0, 0, 0, 0);
    rootLayout->setSpacing(0);
    m_strip = new ContextStrip(root);
    rootLayout->addWidget(m_strip);

    auto *mainSplitter = new QSplitter(Qt::Horizontal, root);
    m_mainSplitter = mainSplitter;
    mainSplitter->setChildrenCollapsible(false);
    rootLayout->addWidget(mainSplitter, 1);

    // Left: contexts above kinds.
    auto *left = new QSplitter(Qt::Vertical, mainSplitter);
    m_leftSplitter = left;
    auto *contextsBox = new QWidget(left);
    auto *contextsLayout = new QVBoxLayout(contextsBox);
    contextsLayout->setContentsMargins(0, 6, 0, 0);
    contextsLayout->setSpacing(2);
    m_contextsTitle = new QLabel(tr("CLUSTERS"), contextsBox);
    m_sidebar = new ClusterSidebar(m_contextModel, m_preferences, contextsBox);
    contextsLayout->addWidget(m_contextsTitle);
    contextsLayout->addWidget(m_sidebar);
    m_navigator = new ResourceNavigator(left);
    left->addWidget(contextsBox);
    left->addWidget(m_navigator);
    left->setStretchFactor(0, 2);
    left->setStretchFactor(1, 3);
    left->setSizes({300, 500});
    left->setMinimumWidth(200);

    // Centre: the resource page (table and details) or another page.
    m_central = new QStackedWidget(mainSplitter);
    m_resourcePage = new QWidget(m_central);
    auto *pageLayout = new QVBoxLayout(m_resourcePage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);

    auto *toolbar = new QWidget(m_resourcePage);
    auto *toolbarLayout = new QHBoxLayout(toolbar);
    toolbarLayout->setContentsMargins(10, 6, 10, 6);
    m_kindTitle = new QLabel(toolbar);
    QFont titleFont = m_kindTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_kindTitle->setFont(titleFont);
    m_namespaceFilter = new NamespaceFilter(toolbar);
    m_filter = new QLineEdit(toolbar);
    m_filter->setPlaceholderText(
        tr("Filter by name, or a label selector like app=web,tier!=db  (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(320);
    m_filterError = new QLabel(toolbar);
    toolbarLayout->addWidget(m_kindTitle);
    toolbarLayout->addSpacing(12);
    toolbarLayout->addWidget(m_namespaceFilter);
    toolbarLayout->addWidget(m_filter, 1);
    toolbarLayout->addWidget(m_filterError);
    pageLayout->addWidget(toolbar);

    m_staleBanner = new QLabel(m_resourcePage);
    m_staleBanner->setWordWrap(true);
    m_staleBanner->hide();
    pageLayout->addWidget(m_staleBanner);

    m_tableSplitter = new QSplitter(Qt::Horizontal, m_resourcePage);
    m_tableSplitter->setChildrenCollapsible(false);
    m_table = new QTableView(m_tableSplitter);
    m_model = new ResourceTableModel(Kind::Pod, this);
    m_model->setAgeClock(m_ageClock);
    m_proxy = new ResourceFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    // Uniform row heights: the view never asks the model for size hints, which keeps 10,000
    // rows smooth.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_overlay = new MessageOverlay(m_table);
    m_details = new DetailsPane(m_tableSplitter);
    m_tableSplitter->addWidget(m_table);
    m_tableSplitter->addWidget(m_details);
    m_tableSplitter->setStretchFactor(0, 3);
    m_tableSplitter->setStretchFactor(1, 2);
    m_tableSplitter->setSizes({720, 480});
    m_details->setMinimumWidth(360);
    pageLayout->addWidget(m_tableSplitter, 1);
    m_central->addWidget(m_resourcePage);

    m_welcome = new WelcomePage(m_central);
    m_central->addWidget(m_welcome);

    mainSplitter->addWidget(left);
    mainSplitter->addWidget(m_central);
    mainSplitter->setStretchFactor(1, 1);
    mainSplitter->setSizes({230, 1200});
    setCentralWidget(root);

    // Status bar: context, counts, messages, freshness.
    m_statusContext = new QLabel(this);
    m_statusCounts = new QLabel(this);
    m_statusMessage = new QLabel(this);
    m_freshness = new FreshnessIndicator(this);
    statusBar()->addWidget(m_statusContext);
    statusBar()->addWidget(m_statusCounts);
    statusBar()->addWidget(m_statusMessage, 1);
    statusBar()->addPermanentWidget(m_freshness);
    statusBar()->setSizeGripEnabled(false);

    m_palette = new CommandPalette(this);

    connect(m_sidebar, &ClusterSidebar::contextActivated, this, &MainWindow::activateContext);
    connect(m_sidebar, &ClusterSidebar::connectRequested, this, [this](const QString &c) {
        reconnectContext(c);
        activateContext(c);
    });
    connect(m_sidebar, &ClusterSidebar::disconnectRequested, this, &MainWindow::disconnectContext);
    connect(m_navigator, &ResourceNavigator::kindSelected, this, &MainWindow::selectKind);
    connect(m_navigator, &ResourceNavigator::pageSelected, this, [this](const QString &id) {
        if (QWidget *page = m_pages.value(id))
            m_central->setCurrentWidget(page);
    });
    connect(m_namespaceFilter, &NamespaceFilter::selectionChanged, this,
            [this](const QStringList &namespaces) {
                m_proxy->setNamespaces(namespaces);
                if (!m_activeContext.isEmpty())
                    m_preferences->setNamespaces(m_activeContext, namespaces);
                // One namespace: its column only repeats the filter.
                const int nsColumn = m_model->namespaceColumn();
                if (nsColumn >= 0)
                    m_table->setColumnHidden(nsColumn, namespaces.size() == 1);
                updateCounts();
                updateOverlay();
            });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        const bool ok = m_proxy->setFilterString(text);
        m_filterError->setText(ok ? QString() : m_proxy->filterError());
        m_filterInvalid = !ok;
        updateFilterStyle();
        updateCounts();
        updateOverlay();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showTableContextMenu);
    connect(m_table, &QTableView::activated, this, [this] {
        // Enter: into the details, ready for Ctrl+1..4 or reading.
        m_details->setFocus();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_columnsFitted)
            fitColumns();
        updateOverlay();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_columnsFitted = false;
        layoutColumns();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateOverlay);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateOverlay);
    connect(m_overlay, &MessageOverlay::actionTriggered, this, [this] {
        if (!m_activeContext.isEmpty())
            reconnectContext(m_activeContext);
    });
    connect(m_details, &DetailsPane::objectLinkActivated, this,
            [this](Kind kind, const QString &ns, const QString &name) {
                rememberPosition();
                if (!selectObject(kind, ns, name))
                    m_statusMessage->setText(
                        tr("%1 %2 is not in the cluster (any more).").arg(kindName(kind), name));
            });
    connect(m_palette, &CommandPalette::entryActivated, this, &MainWindow::onPaletteEntry);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::demoRequested);
    connect(m_welcome, &WelcomePage::kubeconfigChosen, this, &MainWindow::kubeconfigChosen);

    // A second heartbeat for the freshness text and stale banner (seconds since last event).
    auto *freshnessTimer = new QTimer(this);
    freshnessTimer->setInterval(1000);
    connect(freshnessTimer, &QTimer::timeout, this, [this] { updateFreshness(); });
    freshnessTimer->start();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("Open Kubeconfig…"));
    connect(open, &QAction::triggered, this, [this] { m_welcome->fileButton()->click(); });
    QAction *demo = file->addAction(tr("Open Demo Cluster"));
    connect(demo, &QAction::triggered, this, &MainWindow::demoRequested);
    file->addSeparator();
    m_applyAction = file->addAction(tr("Apply Manifests\u2026"));
    m_applyAction->setObjectName(QStringLiteral("applyManifestsAction"));
    m_applyAction->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_applyAction->setEnabled(false);
    connect(m_applyAction, &QAction::triggered, this, [this] {
        if (m_applyHandler)
            m_applyHandler({});
    });
    file->addSeparator();
    QAction *preferences = file->addAction(tr("Preferences\u2026"));
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setMenuRole(QAction::PreferencesRole);
    // The platform's key where it has one (Cmd+, on macOS), and Ctrl+, everywhere.
    QList<QKeySequence> preferenceKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!preferenceKeys.contains(QKeySequence(tr("Ctrl+,"))))
        preferenceKeys << QKeySequence(tr("Ctrl+,"));
    preferences->setShortcuts(preferenceKeys);
    connect(preferences, &QAction::triggered, this, &MainWindow::openPreferences);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *palette = go->addAction(tr("Go to Anything…"));
    palette->setShortcuts({QKeySequence(tr("Ctrl+K")), QKeySequence(tr("Ctrl+P"))});
    connect(palette, &QAction::triggered, this, &MainWindow::openCommandPalette);
    QAction *filter = go->addAction(tr("Filter Table"));
    filter->setShortcut(QKeySequence::Find);
    connect(filter, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    QAction *namespaces = go->addAction(tr("Choose Namespaces…"));
    namespaces->setShortcut(QKeySequence(tr("Ctrl+N")));
    connect(namespaces, &QAction::triggered, m_namespaceFilter, &NamespaceFilter::showPopup);
    QAction *back = go->addAction(tr("Back"));
    back->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence::Back});
    back->setShortcutContext(Qt::WindowShortcut);
    connect(back, &QAction::triggered, this, &MainWindow::goBack);
    go->addSeparator();
    const QList<std::pair<QString, DetailsPane::Tab>> tabs
        = {{tr("Overview"), DetailsPane::OverviewTab},
           {tr("YAML"), DetailsPane::YamlTab},
           {tr("Events"), DetailsPane::EventsTab},
           {tr("Logs"), DetailsPane::LogsTab}};
    for (int i = 0; i < tabs.size(); ++i) {
        QAction *a = go->addAction(tabs[i].first);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        const DetailsPane::Tab tab = tabs[i].second;
        connect(a, &QAction::triggered, this, [this, tab] { showDetailsTab(tab); });
    }
    go->addSeparator();
    QAction *reconnect = go->addAction(tr("Reconnect Cluster"));
    reconnect->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(reconnect, &QAction::triggered, this, [this] {
        if (!m_activeContext.isEmpty())
            reconnectContext(m_activeContext, tr("asked for"));
    });
    QAction *nextContext = go->addAction(tr("Next Context"));
    nextContext->setShortcut(QKeySequence(tr("Ctrl+Alt+Down")));
    connect(nextContext, &QAction::triggered, this, [this] {
        const QStringList names = m_contextModel->contextNames();
        if (!names.isEmpty())
            activateContext(names.value((names.indexOf(m_activeContext) + 1) % names.size()));
    });
    QAction *previousContext = go->addAction(tr("Previous Context"));
    previousContext->setShortcut(QKeySequence(tr("Ctrl+Alt+Up")));
    connect(previousContext, &QAction::triggered, this, [this] {
        const QStringList names = m_contextModel->contextNames();
        if (!names.isEmpty())
            activateContext(
                names.value((names.indexOf(m_activeContext) + names.size() - 1) % names.size()));
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("Keyboard Shortcuts"));
    shortcuts->setShortcut(QKeySequence(tr("Ctrl+/")));
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    QAction *about = help->addAction(tr("About Orrery"));
    connect(about, &QAction::triggered, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("About Orrery"));
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(new QLabel(
            tr("Orrery %1\nNative Kubernetes cluster and deployment manager.\nGPL-3.0-or-later")
                .arg(QApplication::applicationVersion()),
            &dialog));
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        layout->addWidget(buttons);
        dialog.exec();
    });
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    const QList<std::pair<QString, QString>> rows = {
        {tr("Ctrl+K, Ctrl+P"), tr("Go to any resource, kind or context")},
        {tr("Ctrl+F"), tr("Filter the table (text or label selector)")},
        {tr("Ctrl+N"), tr("Choose namespaces")},
        {tr("Up, Down, Page Up, Page Down"), tr("Move in the table")},
        {tr("Enter"), tr("Open the selected object's details")},
        {tr("Esc, Alt+Left"), tr("Back (to the table, or the previous object)")},
        {tr("Ctrl+1 … Ctrl+4"), tr("Details: Overview, YAML, Events, Logs")},
        {tr("Ctrl+Alt+Up, Ctrl+Alt+Down"), tr("Previous or next context")},
        {tr("Ctrl+R"), tr("Reconnect the cluster (relist everything)")},
        {tr("Ctrl+,"), tr("Preferences: theme and language")},
        {tr("Ctrl+/"), tr("This list")},
    };
    auto *table = new QTableWidget(int(rows.size()), 2, &dialog);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->resizeColumnsToContents();
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(560, 400);
    dialog.exec();
}

void MainWindow::setSessionFactory(SessionFactory factory)
{
    m_sessionFactory = std::move(factory);
}

void MainWindow::setContexts(const QList<ContextTreeModel::Entry> &entries,
                             const QString &currentContext)
{
    m_contextModel->setContexts(entries, currentContext);
    for (auto it = m_sessions.constBegin(); it != m_sessions.constEnd(); ++it)
        m_contextModel->setConnectionState(it.key(),
                                           m_states.value(it.key()).synced
                                               ? ContextTreeModel::ConnectionState::Connected
                                               : ContextTreeModel::ConnectionState::Connecting);
    if (entries.isEmpty()) {
        showWelcome();
        return;
    }
    m_central->setCurrentWidget(m_resourcePage);
}

void MainWindow::setDemoContexts(const QStringList &contexts)
{
    m_demoContexts = contexts;
    updateContextChrome();
}

void MainWindow::showWelcome(const QString &problem)
{
    m_welcome->setProblem(problem);
    m_central->setCurrentWidget(m_welcome);
}

void MainWindow::addCentralPage(const QString &title, QWidget *page)
{
    const QString id = QStringLiteral("page:%1").arg(m_pages.size());
    m_pages.insert(id, page);
    page->setParent(m_central);
    m_central->addWidget(page);
    m_navigator->addPage(id, title, tr("Overview"));
    m_pageTitles.insert(id, title);
}

bool MainWindow::showCentralPage(const QString &title)
{
    for (auto it = m_pageTitles.cbegin(); it != m_pageTitles.cend(); ++it) {
        if (it.value().compare(title, Qt::CaseInsensitive) == 0) {
            m_navigator->selectPage(it.key());
            m_central->setCurrentWidget(m_pages.value(it.key()));
            return true;
        }
    }
    return false;
}

void MainWindow::connectContext(const QString &context)
{
    if (m_sessions.contains(context) || !m_sessionFactory)
        return;
    ContextState &state = m_states[context];
    state.discoveryError.reset();
    state.synced = false;
    Result<ClusterSession *> created = m_sessionFactory(context, this);
    if (!created.ok()) {
        state.discoveryError = created.error();
        m_contextModel->setConnectionState(context, ContextTreeModel::ConnectionState::Error,
                                           created.error().message);
        if (context == m_activeContext) {
            updateFreshness();
            updateOverlay();
        }
        return;
    }
    ClusterSession *session = created.value();
    m_sessions.insert(context, session);
    m_contextModel->setConnectionState(context, ContextTreeModel::ConnectionState::Connecting);
    connect(session, &ClusterSession::discoveryFailed, this, [this, context](const Error &error) {
        m_states[context].discoveryError = error;
        m_contextModel->setConnectionState(context, ContextTreeModel::ConnectionState::Error,
                                           error.message);
        if (context == m_activeContext) {
            updateFreshness();
            updateOverlay();
        }
    });
    connect(session, &ClusterSession::discovered, this, [this, context] {
        m_states[context].discoveryError.reset();
        m_contextModel->setConnectionState(context, ContextTreeModel::ConnectionState::Connecting);
        if (context == m_activeContext)
            updateOverlay();
    });
    connect(session, &ClusterSession::healthChanged, this,
            [this, context](const WatchHealth &health) { onSessionHealth(context, health); });
    connect(session, &ClusterSession::synced, this, [this, context] {
        m_states[context].synced = true;
        m_contextModel->setConnectionState(context, ContextTreeModel::ConnectionState::Connected);
        if (context == m_activeContext) {
            updateFreshness();
            updateOverlay();
            if (m_pending && m_pending->context == context)
                applyPendingSelection();
        }
        emit contextSynced(context);
    });
    connect(session->store(), &ResourceStore::changed, this,
            [this, context](const ChangeBatch &batch) { onStoreChanged(context, batch); });
    session->start();
}

void MainWindow::disconnectContext(const QString &context)
{
    ClusterSession *session = m_sessions.take(context);
    if (!session)
        return;
    if (context == m_activeContext) {
        m_model->setStore(nullptr);
        m_details->setSession(nullptr);
        emit activeSessionChanged(nullptr);
    }
    delete session;
    m_states.remove(context);
    m_contextModel->setConnectionState(context, ContextTreeModel::ConnectionState::Disconnected);
    if (context == m_activeContext) {
        updateFreshness();
        updateOverlay();
        updateCounts();
    }
}

void MainWindow::reconnectContext(const QString &context, const QString &why)
{
    const Kind kind = m_states.value(context).kind;
    disconnectContext(context);
    m_states[context].kind = kind;
    connectContext(context);
    if (context == m_activeContext) {
        // Re-attach the table and details to the new session's store.
        const QString active = m_activeContext;
        m_activeContext.clear();
        activateContext(active);
    }
    if (!why.isEmpty())
        m_statusMessage->setText(
            tr("Reloading %1: %2.").arg(m_preferences->displayName(context), why));
}

void MainWindow::onWakeUp(const QString &why)
{
    // Relist every connected cluster: after a sleep, watches can look open while their
    // connections are long gone, and events were missed. A synced session relists in place,
    // so its rows stay on screen (marked reconnecting) until the fresh lists replace them.
    const QStringList contexts = m_sessions.keys();
    for (const QString &context : contexts) {
        if (m_states.value(context).synced)
            m_sessions.value(context)->resync(why);
        else
            reconnectContext(context); // never synced: start afresh
    }
    if (!contexts.isEmpty())
        m_statusMessage->setText(tr("Reloading all clusters: %1.").arg(why));
}

void MainWindow::activateContext(const QString &context)
{
    if (context.isEmpty() || context == m_activeContext)
        return;
    if (!m_activeContext.isEmpty())
        m_states[m_activeContext].kind = m_kind;
    m_activeContext = context;
    m_history.clear();
    if (m_pending && m_pending->context != context)
        m_pending.reset(); // the user went elsewhere before the restored context synced
    if (!m_sessions.contains(context))
        connectContext(context);
    ClusterSession *session = m_sessions.value(context);
    m_central->setCurrentWidget(m_resourcePage);
    m_sidebar->setActiveContext(context);
    m_details->setSession(session);
    m_kind = m_states.value(context).kind;
    m_model->setSource(session ? session->store() : nullptr, m_kind);
    {
        const QSignalBlocker blocker(m_navigator);
        m_navigator->selectKind(m_kind);
    }
    const QStringList namespaces = m_preferences->namespaces(context);
    updateNamespaceList();
    m_namespaceFilter->setSelected(namespaces);
    m_proxy->setNamespaces(namespaces);
    const int nsColumn = m_model->namespaceColumn();
    if (nsColumn >= 0)
        m_table->setColumnHidden(nsColumn, namespaces.size() == 1);
    m_kindTitle->setText(ResourceNavigator::pluralName(m_kind));
    updateContextChrome();
    updateFreshness();
    updateOverlay();
    updateCounts();
    emit activeContextChanged(context);
    emit activeSessionChanged(session);
}

void MainWindow::selectKind(Kind kind)
{
    m_central->setCurrentWidget(m_resourcePage);
    if (kind == m_kind
        && m_model->store() == (activeSession() ? activeSession()->store() : nullptr)) {
        const QSignalBlocker blocker(m_navigator);
        m_navigator->selectKind(kind);
        return;
    }
    saveColumns(); // the layout of the kind we leave
    m_kind = kind;
    ClusterSession *session = activeSession();
    m_model->setSource(session ? session->store() : nullptr, kind);
    {
        const QSignalBlocker blocker(m_navigator);
        m_navigator->selectKind(kind);
    }
    m_kindTitle->setText(ResourceNavigator::pluralName(kind));
    const int nsColumn = m_model->namespaceColumn();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnHidden(c, c == nsColumn && m_proxy->namespaces().size() == 1);
    // By name; a layout saved for this kind brings its own sort column.
    m_table->sortByColumn(0, Qt::AscendingOrder);
    layoutColumns();
    m_details->setObject({});
    updateOverlay();
    updateCounts();
    updateFreshness();
}

bool MainWindow::selectObject(Kind kind, const QString &ns, const QString &name)
{
    if (kind != m_kind || m_central->currentWidget() != m_resourcePage)
        selectKind(kind);
    const int sourceRow = m_model->rowOf(KubeObject::makeKey(ns, name));
    if (sourceRow < 0)
        return false;
    QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxyIndex.isValid()) {
        // Hidden by the filter or namespace choice: widen them rather than fail.
        m_filter->clear();
        if (!ns.isEmpty() && !m_proxy->namespaces().isEmpty()
            && !m_proxy->namespaces().contains(ns))
            m_namespaceFilter->setSelected({});
        proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    if (!proxyIndex.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::ClearAndSelect
                                                               | QItemSelectionModel::Rows);
    m_table->scrollTo(proxyIndex, QAbstractItemView::PositionAtCenter);
    return true;
}

void MainWindow::setNamespaces(const QStringList &namespaces)
{
    m_namespaceFilter->setSelected(namespaces);
}

void MainWindow::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void MainWindow::showDetailsTab(DetailsPane::Tab tab)
{
    m_details->showTab(tab);
}

void MainWindow::rememberPosition()
{
    const KubeObjectPtr current = m_details->object();
    m_history.append({m_kind, current ? current->key() : QString()});
    if (m_history.size() > 50)
        m_history.removeFirst();
}

void MainWindow::goBack()
{
    if (m_palette->isVisible()) {
        m_palette->hide();
        return;
    }
    if (m_details->isAncestorOf(QApplication::focusWidget())) {
        m_table->setFocus();
        return;
    }
    if (m_history.isEmpty()) {
        if (!m_filter->text().isEmpty() && m_filter->hasFocus())
            m_filter->clear();
        m_table->setFocus();
        return;
    }
    const auto [kind, key] = m_history.takeLast();
    const QString ns
        = key.contains(QLatin1Char('/')) ? key.section(QLatin1Char('/'), 0, 0) : QString();
    const QString name = key.contains(QLatin1Char('/')) ? key.section(QLatin1Char('/'), 1) : key;
    if (key.isEmpty())
        selectKind(kind);
    else
        selectObject(kind, ns, name);
    m_table->setFocus();
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QModelIndex source = m_proxy->mapToSource(current);
    m_details->setObject(source.isValid() ? m_model->objectAt(source) : KubeObjectPtr());
}

void MainWindow::setApplyManifestsHandler(ApplyHandler handler)
{
    m_applyHandler = std::move(handler);
    m_applyAction->setEnabled(bool(m_applyHandler));
    setAcceptDrops(bool(m_applyHandler));
}

QStringList MainWindow::manifestFiles(const QList<QUrl> &urls)
{
    QStringList files;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
        if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")
            || suffix == QLatin1String("json"))
            files << url.toLocalFile();
    }
    return files;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_applyHandler && event->mimeData()->hasUrls()
        && !manifestFiles(event->mimeData()->urls()).isEmpty())
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files
        = event->mimeData()->hasUrls() ? manifestFiles(event->mimeData()->urls()) : QStringList();
    if (!m_applyHandler || files.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    m_applyHandler(files);
}

void MainWindow::setObjectActionsProvider(DetailsPane::ActionsProvider provider)
{
    m_actionsProvider = provider;
    m_details->setActionsProvider(std::move(provider));
}

KubeObjectPtr MainWindow::selectedObject() const
{
    const QModelIndex source = m_proxy->mapToSource(m_table->selectionModel()->currentIndex());
    return source.isValid() ? m_model->objectAt(source) : KubeObjectPtr();
}

void MainWindow::showStatusMessage(const QString &text)
{
    m_statusMessage->setText(text);
}

void MainWindow::showTableContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid() || !m_actionsProvider)
        return;
    // The menu acts on the row under the cursor, so make it the selection first (as file
    // managers do): the details pane then shows what the action will touch.
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    const KubeObjectPtr object = selectedObject();
    if (!object)
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("tableContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    menu->addActions(m_actionsProvider(object, menu));
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->popup(m_table->viewport()->mapToGlobal(pos));
}

void MainWindow::onSessionHealth(const QString &context, const WatchHealth &health)
{
    Q_UNUSED(health)
    if (context == m_activeContext) {
        updateFreshness();
        updateOverlay();
    }
}

void MainWindow::onStoreChanged(const QString &context, const ChangeBatch &batch)
{
    if (context != m_activeContext)
        return;
    if (batch.contains(Kind::Namespace))
        updateNamespaceList();
    updateCounts();
}

void MainWindow::layoutColumns()
{
    if (!restoreColumns() && m_model->rowCount() > 0)
        fitColumns();
    const int nsColumn = m_model->namespaceColumn();
    if (nsColumn >= 0)
        m_table->setColumnHidden(nsColumn, m_proxy->namespaces().size() == 1);
}

bool MainWindow::restoreColumns()
{
    if (!m_settings)
        return false;
    const QByteArray state = m_settings->value(columnsKey(m_model->kind())).toByteArray();
    if (state.isEmpty() || !m_table->horizontalHeader()->restoreState(state))
        return false;
    m_columnsFitted = true;
    return true;
}

void MainWindow::saveColumns()
{
    // Only a layout that was fitted to rows (or restored, or changed by hand since): the
    // header-only widths of an empty table would freeze too narrow.
    if (m_settings && m_columnsFitted && m_model->columnCount() > 0)
        m_settings->setValue(columnsKey(m_model->kind()), m_table->horizontalHeader()->saveState());
}

void MainWindow::fitColumns()
{
    // Sized to the rows on screen (not all 10,000), clamped so one long message or image
    // list cannot push everything else out of view.
    m_columnsFitted = m_model->rowCount() > 0;
    QHeaderView *header = m_table->horizontalHeader();
    header->setResizeContentsPrecision(50);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        m_table->resizeColumnToContents(c);
        m_table->setColumnWidth(c, qBound(60, m_table->columnWidth(c) + 12, 420));
    }
}

QString MainWindow::kindPlural(Kind kind) const
{
    return ResourceNavigator::pluralName(kind).toLower();
}

void MainWindow::updateContextChrome()
{
    if (m_activeContext.isEmpty()) {
        m_strip->clearContext();
        m_statusContext->clear();
        setWindowTitle(tr("Orrery"));
        return;
    }
    const QString name = m_preferences->displayName(m_activeContext);
    const bool isProtected = m_preferences->isProtected(m_activeContext);
    const bool isDemo = m_demoContexts.contains(m_activeContext);
    const QColor colour
        = isProtected ? themeColor(Theme::Role::Danger) : m_preferences->colour(m_activeContext);
    m_strip->setContext(name, m_activeContext, colour, isProtected, isDemo);
    m_strip->setTlsVerificationOff(m_preferences->isTlsVerificationOff(m_activeContext));
    QString status = QStringLiteral("<span style=\"color:%1;font-size:14pt;\">●</span> <b>%2</b>")
                         .arg(colour.name(), name.toHtmlEscaped());
    if (isProtected)
        status += QStringLiteral(
                      " <span "
                      "style=\"background:%1;color:%2;font-weight:bold;\">&nbsp;%3&nbsp;</span>")
                      .arg(themeColor(Theme::Role::Danger).name(),
                           themeColor(Theme::Role::OnDanger).name(), tr("🔒 PROTECTED"));
    if (isDemo)
        status += QStringLiteral(" <span style=\"color:%1;\">%2</span>")
                      .arg(themeColor(Theme::Role::MutedText).name(), tr("(demo)"));
    m_statusContext->setText(status);
    setWindowTitle(tr("%1 — Orrery").arg(name));
}

void MainWindow::updateFreshness()
{
    ClusterSession *session = activeSession();
    if (!session) {
        const auto state = m_states.value(m_activeContext);
        if (state.discoveryError)
            m_freshness->setState(FreshnessIndicator::State::Error, {},
                                  state.discoveryError->message);
        else
            m_freshness->setState(FreshnessIndicator::State::Disconnected);
        m_staleBanner->hide();
        return;
    }
    const ContextState state = m_states.value(m_activeContext);
    const QList<WatchHealth> all = session->health();
    if (state.discoveryError && !state.synced) {
        m_freshness->setState(FreshnessIndicator::State::Error, {}, state.discoveryError->message);
        m_staleBanner->hide();
        return;
    }
    bool syncing = all.isEmpty();
    bool reconnecting = false;
    bool stale = false;
    QString reason;
    QDateTime newest;
    QDateTime oldestStale;
    for (const WatchHealth &h : all) {
        switch (h.state) {
        case WatchHealth::State::Syncing: syncing = true; break;
        case WatchHealth::State::Stale:
            stale = true;
            if (h.lastEventTime.isValid()
                && (!oldestStale.isValid() || h.lastEventTime < oldestStale))
                oldestStale = h.lastEventTime;
            if (h.lastError)
                reason = h.lastError->message;
            break;
        case WatchHealth::State::Reconnecting:
            reconnecting = true;
            if (h.lastError && reason.isEmpty())
                reason = h.lastError->message;
            break;
        case WatchHealth::State::Live:
        case WatchHealth::State::Error: // a 403 for one kind is shown on that kind's table
            break;
        }
        if (h.lastEventTime.isValid() && (!newest.isValid() || h.lastEventTime > newest))
            newest = h.lastEventTime;
    }
    if (stale)
        m_freshness->setState(FreshnessIndicator::State::Stale, oldestStale, reason);
    else if (reconnecting)
        m_freshness->setState(FreshnessIndicator::State::Reconnecting, newest, reason);
    else if (syncing && !state.synced)
        m_freshness->setState(FreshnessIndicator::State::Syncing);
    else
        m_freshness->setState(FreshnessIndicator::State::Live, newest);

    // The banner over the table speaks for the kind on screen.
    const WatchHealth h = session->health(m_kind);
    if (h.state == WatchHealth::State::Stale) {
        const qint64 age = h.lastEventTime.isValid()
                               ? h.lastEventTime.secsTo(QDateTime::currentDateTimeUtc())
                               : -1;
        QString text
            = age >= 0 ? tr("⚠ These %1 may be out of date: no update for %n s.", nullptr, int(age))
                             .arg(kindPlural(m_kind))
                       : tr("⚠ These %1 may be out of date.").arg(kindPlural(m_kind));
        if (h.lastError)
            text += QLatin1Char(' ') + tr("Reconnecting: %1").arg(h.lastError->message);
        m_staleBanner->setText(text);
        m_staleBanner->show();
    } else {
        m_staleBanner->hide();
    }
}

void MainWindow::updateOverlay()
{
    const QString what = kindPlural(m_kind);
    if (m_activeContext.isEmpty()) {
        m_overlay->showMessage(MessageOverlay::Severity::Info, tr("No cluster selected"),
                               tr("Choose a context on the left to connect."));
        return;
    }
    ClusterSession *session = activeSession();
    const ContextState state = m_states.value(m_activeContext);
    if (!session) {
        if (state.discoveryError) {
            m_overlay->showMessage(MessageOverlay::Severity::Error,
                                   errorTitle(*state.discoveryError, what),
                                   errorFix(*state.discoveryError, what), tr("Try Again"));
        } else {
            m_overlay->showMessage(MessageOverlay::Severity::Info, tr("Not connected"),
                                   tr("This context is disconnected."), tr("Connect"));
        }
        return;
    }
    if (state.discoveryError && m_model->rowCount() == 0) {
        m_overlay->showMessage(MessageOverlay::Severity::Error,
                               errorTitle(*state.discoveryError, what),
                               errorFix(*state.discoveryError, what), tr("Reconnect"));
        return;
    }
    const WatchHealth h = session->health(m_kind);
    if (h.state == WatchHealth::State::Error && h.lastError && m_model->rowCount() == 0) {
        m_overlay->showMessage(MessageOverlay::Severity::Error, errorTitle(*h.lastError, what),
                               errorFix(*h.lastError, what), tr("Reconnect"));
        return;
    }
    if (m_model->rowCount() == 0 && !session->store()->hasSynced(m_kind)) {
        m_overlay->showMessage(MessageOverlay::Severity::Info, tr("Loading %1…").arg(what),
                               QString());
        return;
    }
    if (m_proxy->rowCount() == 0) {
        QString detail;
        if (!m_proxy->filterString().trimmed().isEmpty())
            detail
                = tr("Nothing matches the filter \"%1\".").arg(m_proxy->filterString().trimmed());
        else if (!m_proxy->namespaces().isEmpty())
            detail = tr("There are none in the selected namespaces (%1).")
                         .arg(m_proxy->namespaces().join(QStringLiteral(", ")));
        else
            detail = tr("The cluster has none.");
        m_overlay->showMessage(MessageOverlay::Severity::Info, tr("No %1").arg(what), detail);
        return;
    }
    m_overlay->clear();
}

void MainWindow::updateCounts()
{
    ClusterSession *session = activeSession();
    for (Kind kind : m_navigator->kinds())
        m_navigator->setCount(kind, session && session->store()->hasSynced(kind)
                                        ? session->store()->count(kind)
                                        : -1);
    if (!session) {
        m_statusCounts->clear();
        return;
    }
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_statusCounts->setText(
        shown == total
            ? tr("%1 %2").arg(QLocale().toString(total), kindPlural(m_kind))
            : tr("%1 of %2 %3")
                  .arg(QLocale().toString(shown), QLocale().toString(total), kindPlural(m_kind)));
}

void MainWindow::updateNamespaceList()
{
    ClusterSession *session = activeSession();
    QStringList names;
    if (session) {
        for (const KubeObjectPtr &ns : session->store()->objects(Kind::Namespace))
            names << ns->name;
    }
    m_namespaceFilter->setNamespaces(names);
}

void MainWindow::openCommandPalette()
{
    QList<PaletteEntry> entries;
    for (Kind kind : m_navigator->kinds()) {
        PaletteEntry e;
        e.type = PaletteEntry::Type::Kind;
        e.title = ResourceNavigator::pluralName(kind);
        e.subtitle = ResourceNavigator::categoryOf(kind);
        e.payload = QVariant::fromValue(kind);
        entries << e;
    }
    for (const QString &context : m_contextModel->contextNames()) {
        PaletteEntry e;
        e.type = PaletteEntry::Type::Context;
        e.title = m_preferences->displayName(context);
        e.subtitle = e.title == context ? tr("Context") : tr("Context %1").arg(context);
        e.context = context;
        e.payload = context;
        entries << e;
    }
    if (ClusterSession *session = activeSession()) {
        for (Kind kind : m_navigator->kinds()) {
            if (kind == Kind::Event)
                continue;
            for (const KubeObjectPtr &o : session->store()->objects(kind)) {
                PaletteEntry e;
                e.type = PaletteEntry::Type::Resource;
                e.title = o->name;
                e.subtitle = o->namespaceName.isEmpty()
                                 ? kindName(kind)
                                 : kindName(kind) + QStringLiteral(" · ") + o->namespaceName;
                e.context = m_activeContext;
                e.payload = QVariant::fromValue(kind);
                e.context = o->namespaceName; // namespace of the resource
                entries << e;
                if (entries.size() > 50000)
                    break;
            }
        }
    }
    // The operations on the selected object, as "Scale… web".
    for (const QPointer<QAction> &old : std::as_const(m_paletteActions))
        delete old.data();
    m_paletteActions.clear();
    if (const KubeObjectPtr object = selectedObject(); object && m_actionsProvider) {
        for (QAction *action : m_actionsProvider(object, this)) {
            PaletteEntry e;
            e.type = PaletteEntry::Type::Action;
            e.title = action->text().remove(QChar(0x2026)) + QLatin1Char(' ') + object->name;
            e.subtitle = tr("Action on %1").arg(kindName(object->kind));
            e.context = m_activeContext;
            e.payload = int(m_paletteActions.size());
            m_paletteActions << action;
            entries << e;
        }
    }
    // Not tied to the selection: one palette entry per open, a throwaway QAction like the others.
    if (m_applyHandler) {
        auto *apply = new QAction(m_applyAction->text(), this);
        connect(apply, &QAction::triggered, m_applyAction, &QAction::trigger);
        PaletteEntry e;
        e.type = PaletteEntry::Type::Action;
        e.title = tr("Apply manifests");
        e.subtitle = tr("Server-side apply of YAML files or pasted YAML (Ctrl+Shift+A)");
        e.context = m_activeContext;
        e.payload = int(m_paletteActions.size());
        m_paletteActions << apply;
        entries << e;
    }
    m_palette->setEntries(std::move(entries));
    m_palette->popup();
}

void MainWindow::onPaletteEntry(const PaletteEntry &entry)
{
    switch (entry.type) {
    case PaletteEntry::Type::Kind:
        selectKind(entry.payload.value<Kind>());
        m_table->setFocus();
        break;
    case PaletteEntry::Type::Context: activateContext(entry.payload.toString()); break;
    case PaletteEntry::Type::Resource:
        rememberPosition();
        selectObject(entry.payload.value<Kind>(), entry.context, entry.title);
        m_table->setFocus();
        break;
    case PaletteEntry::Type::Action: {
        QAction *action = m_paletteActions.value(entry.payload.toInt());
        if (action && action->isEnabled())
            action->trigger();
        else if (action)
            m_statusMessage->setText(action->toolTip());
        break;
    }
    }
}

void MainWindow::enableStatePersistence(const QString &settingsFile)
{
    m_settings = settingsFile.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    restoreGeometry(m_settings->value(QLatin1String(kGeometryKey)).toByteArray());
    restoreState(m_settings->value(QLatin1String(kStateKey)).toByteArray());
    m_mainSplitter->restoreState(m_settings->value(QLatin1String(kMainSplitterKey)).toByteArray());
    m_leftSplitter->restoreState(m_settings->value(QLatin1String(kLeftSplitterKey)).toByteArray());
    m_tableSplitter->restoreState(
        m_settings->value(QLatin1String(kTableSplitterKey)).toByteArray());
    const QString context = m_settings->value(QLatin1String(kContextKey)).toString();
    if (context.isEmpty())
        return;
    PendingSelection pending;
    pending.context = context;
    if (const auto kind = kindFromName(m_settings->value(QLatin1String(kKindKey)).toString());
        kind && m_navigator->kinds().contains(*kind)) {
        pending.kind = *kind;
        m_states[context].kind = *kind; // shown when the context is activated
    }
    pending.key = m_settings->value(QLatin1String(kObjectKey)).toString();
    pending.tab = m_settings->value(QLatin1String(kDetailsTabKey), -1).toInt();
    if (!pending.key.isEmpty() || pending.tab >= 0)
        m_pending = pending;
}

QString MainWindow::lastContext() const
{
    return m_settings ? m_settings->value(QLatin1String(kContextKey)).toString() : QString();
}

void MainWindow::saveSettings()
{
    if (!m_settings)
        return;
    m_settings->setValue(QLatin1String(kGeometryKey), saveGeometry());
    m_settings->setValue(QLatin1String(kStateKey), saveState());
    m_settings->setValue(QLatin1String(kMainSplitterKey), m_mainSplitter->saveState());
    m_settings->setValue(QLatin1String(kLeftSplitterKey), m_leftSplitter->saveState());
    m_settings->setValue(QLatin1String(kTableSplitterKey), m_tableSplitter->saveState());
    saveColumns();
    if (!m_activeContext.isEmpty()) {
        QString key;
        int tab = detailsTab();
        if (m_pending && m_pending->context == m_activeContext) {
            // Closed before the context synced: keep what was to be restored.
            key = m_pending->key;
            tab = m_pending->tab;
        } else if (const KubeObjectPtr object = selectedObject()) {
            key = object->key();
        }
        m_settings->setValue(QLatin1String(kContextKey), m_activeContext);
        m_settings->setValue(QLatin1String(kKindKey), kindName(m_kind));
        m_settings->setValue(QLatin1String(kObjectKey), key);
        m_settings->setValue(QLatin1String(kDetailsTabKey), tab);
    }
    m_settings->sync();
}

void MainWindow::applyPendingSelection(int attempt)
{
    ClusterSession *session = activeSession();
    if (!m_pending || m_pending->context != m_activeContext || !session)
        return;
    const PendingSelection p = *m_pending;
    if (p.key.isEmpty() || p.kind != m_kind) {
        // No object, or the user chose another kind meanwhile: only the tab is left to restore.
        m_pending.reset();
        if (p.key.isEmpty() && p.tab >= 0)
            showDetailsTab(DetailsPane::Tab(p.tab));
        return;
    }
    const QString ns
        = p.key.contains(QLatin1Char('/')) ? p.key.section(QLatin1Char('/'), 0, 0) : QString();
    const QString name
        = p.key.contains(QLatin1Char('/')) ? p.key.section(QLatin1Char('/'), 1) : p.key;
    if (!session->store()->object(p.kind, ns, name)) {
        m_pending.reset(); // deleted while Orrery was closed: nothing to say
        return;
    }
    if (m_model->rowOf(KubeObject::makeKey(ns, name)) < 0 && attempt < 20) {
        // In the store but not yet in the table: the model applies batches on a short timer.
        QTimer::singleShot(100, this, [this, attempt] { applyPendingSelection(attempt + 1); });
        return;
    }
    m_pending.reset();
    if (selectObject(p.kind, ns, name) && p.tab >= 0)
        showDetailsTab(DetailsPane::Tab(p.tab));
}

int MainWindow::detailsTab() const
{
    const auto *tabs = m_details->findChild<QTabWidget *>(QString(), Qt::FindDirectChildrenOnly);
    return tabs ? tabs->currentIndex() : -1;
}

void MainWindow::openPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyThemeColours();
}

void MainWindow::applyThemeColours()
{
    if (m_applyingTheme)
        return;
    m_applyingTheme = true;
    const auto c = [](Theme::Role role) { return themeColor(role).name(); };
    m_contextsTitle->setStyleSheet(
        QStringLiteral("color:%1;font-weight:bold;font-size:8pt;padding-left:8px;")
            .arg(c(Theme::Role::MutedText)));
    m_leftSplitter->setStyleSheet(
        QStringLiteral("QTreeView,QTreeWidget{background:%1;}").arg(c(Theme::Role::Sidebar)));
    m_filterError->setStyleSheet(QStringLiteral("color:%1;").arg(c(Theme::Role::Danger)));
    m_staleBanner->setStyleSheet(
        QStringLiteral("background:%1;color:%2;font-weight:bold;padding:6px 12px;")
            .arg(c(Theme::Role::Danger), c(Theme::Role::OnDanger)));
    m_table->setStyleSheet(QStringLiteral("QTableView{selection-background-color:%1;selection-"
                                          "color:%2;alternate-background-color:%3;}"
                                          "QHeaderView::section{background:%4;color:%5;font-weight:"
                                          "bold;font-size:8pt;border:none;"
                                          "border-bottom:1px solid %6;padding:4px 6px;}")
                               .arg(c(Theme::Role::Selection), c(Theme::Role::SelectionText),
                                    c(Theme::Role::AlternateBase), c(Theme::Role::HeaderBackground),
                                    c(Theme::Role::HeaderText), c(Theme::Role::Border)));
    updateFilterStyle();
    updateContextChrome();
    m_applyingTheme = false;
}

void MainWindow::updateFilterStyle()
{
    m_filter->setStyleSheet(m_filterInvalid ? QStringLiteral("QLineEdit{border:1px solid %1;}")
                                                  .arg(themeColor(Theme::Role::Danger).name())
                                            : QString());
}

} // namespace Orrery
