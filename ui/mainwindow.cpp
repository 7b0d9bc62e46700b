// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "aboutdialog.h"
#include "clusteroverviewpage.h"
#include "clustersidebar.h"
#include "commandpalette.h"
#include "errorpresenter.h"
#include "execterminal.h"
#include "kindjump.h"
#include "manifestdrop.h"
#include "namespacefilter.h"
#include "palettecontroller.h"
#include "preferencesdialog.h"
#include "problemnotifier.h"
#include "problemspage.h"
#include "resourcebrowser.h"
#include "resourcenavigator.h"
#include "shortcutsdialog.h"
#include "welcomepage.h"
#include "windowstate.h"

#include <contextpreferences.h>
#include <contextstatuslabel.h>
#include <contextstrip.h>
#include <freshnessindicator.h>
#include <namespacelistmodel.h>
#include <problemmonitor.h>
#include <sessionmanager.h>
#include <theme.h>

#include <kube/clustersession.h>
#include <kube/kubekind.h>
#include <monitoring/monitoringsource.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace Orrery {

MainWindow::MainWindow(SessionManager *sessions, ContextPreferences *preferences, QWidget *parent)
    : QMainWindow(parent)
    , m_sessions(sessions)
    , m_preferences(preferences)
    , m_contextModel(new ContextTreeModel(preferences, this))
{
    setWindowTitle(tr("Orrery"));
    resize(1440, 880);
    buildUi();
    buildMenus();
    connectSessions();
    connect(m_preferences, &ContextPreferences::changed, this, [this](const QString &context) {
        if (context == activeContext())
            updateContextChrome();
    });
    connect(Theme::instance(), &Theme::changed, this, &MainWindow::applyThemeColours);
    applyThemeColours();
    showWelcome();
}

MainWindow::~MainWindow()
{
    // The sessions outlive the window (app/ owns them): stop following them. The remembered
    // state goes before the browser, which must not reach for it while it is torn down.
    disconnect(m_sessions, nullptr, this, nullptr);
    m_browser->setWindowState(nullptr);
}

void MainWindow::buildUi()
{
    auto *root = new QWidget(this);
    auto *rootLayout = new QVBoxLayout(root);
    rootLayout->setContentsMargins(0, 0, 0, 0);
    rootLayout->setSpacing(0);
    m_strip = new ContextStrip(root);
    rootLayout->addWidget(m_strip);
    m_kubeconfigProblems = new QLabel(root);
    m_kubeconfigProblems->setObjectName(QStringLiteral("kubeconfigProblems"));
    m_kubeconfigProblems->setWordWrap(true);
    m_kubeconfigProblems->setTextFormat(Qt::PlainText);
    m_kubeconfigProblems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_kubeconfigProblems->setContentsMargins(8, 4, 8, 4);
    m_kubeconfigProblems->hide();
    rootLayout->addWidget(m_kubeconfigProblems);

    m_mainSplitter = new QSplitter(Qt::Horizontal, root);
    m_mainSplitter->setChildrenCollapsible(false);
    rootLayout->addWidget(m_mainSplitter, 1);

    // Left: contexts above kinds.
    m_leftSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    auto *contextsBox = new QWidget(m_leftSplitter);
    auto *contextsLayout = new QVBoxLayout(contextsBox);
    contextsLayout->setContentsMargins(0, 6, 0, 0);
    contextsLayout->setSpacing(2);
    m_contextsTitle = new QLabel(tr("CLUSTERS"), contextsBox);
    m_sidebar = new ClusterSidebar(m_contextModel, m_preferences, contextsBox);
    contextsLayout->addWidget(m_contextsTitle);
    contextsLayout->addWidget(m_sidebar);
    m_navigator = new ResourceNavigator(m_leftSplitter);
    m_leftSplitter->addWidget(contextsBox);
    m_leftSplitter->addWidget(m_navigator);
    m_leftSplitter->setStretchFactor(0, 2);
    m_leftSplitter->setStretchFactor(1, 3);
    m_leftSplitter->setSizes({300, 500});
    m_leftSplitter->setMinimumWidth(200);

    // Centre: the resource browser (table and details) or another page.
    m_central = new QStackedWidget(m_mainSplitter);
    m_browser = new ResourceBrowser(m_sessions, m_preferences, m_central);
    m_central->addWidget(m_browser);
    m_welcome = new WelcomePage(m_central);
    m_central->addWidget(m_welcome);

    m_mainSplitter->addWidget(m_leftSplitter);
    m_mainSplitter->addWidget(m_central);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({230, 1200});
    setCentralWidget(root);

    // Status bar: context, counts, messages, freshness.
    m_statusContext = new ContextStatusLabel(this);
    m_statusCounts = new QLabel(this);
    auto *statusMessage = new QLabel(this);
    m_freshness = new FreshnessIndicator(this);
    statusBar()->addWidget(m_statusContext);
    statusBar()->addWidget(m_statusCounts);
    statusBar()->addWidget(statusMessage, 1);
    statusBar()->addPermanentWidget(m_freshness);
    statusBar()->setSizeGripEnabled(false);
    m_errors = new ErrorPresenter(statusMessage, this);

    m_drop = new ManifestDrop(this);
    installEventFilter(m_drop);

    m_palette = new CommandPalette(this);
    m_paletteController = new PaletteController(m_palette, m_navigator, m_contextModel,
                                                m_preferences, m_sessions, this);

    connect(m_sidebar, &ClusterSidebar::contextActivated, this, &MainWindow::activateContext);
    connect(m_sidebar, &ClusterSidebar::connectRequested, this, [this](const QString &c) {
        m_sessions->reconnectContext(c);
        activateContext(c);
    });
    connect(m_sidebar, &ClusterSidebar::disconnectRequested, m_sessions,
            &SessionManager::disconnectContext);
    connect(m_navigator, &ResourceNavigator::kindSelected, this, &MainWindow::selectKind);
    connect(m_navigator, &ResourceNavigator::pageSelected, this, [this](const QString &id) {
        if (QWidget *page = m_pages.value(id))
            m_central->setCurrentWidget(page);
    });
    connect(m_browser, &ResourceBrowser::kindChanged, this, [this](Kind kind) {
        m_central->setCurrentWidget(m_browser);
        const QSignalBlocker blocker(m_navigator);
        m_navigator->selectKind(kind);
        updateCounts();
        updateFreshness();
    });
    connect(m_browser, &ResourceBrowser::countsChanged, this, &MainWindow::updateCounts);
    connect(m_browser, &ResourceBrowser::reconnectRequested, this,
            [this] { m_sessions->reconnectContext(activeContext()); });
    connect(m_browser, &ResourceBrowser::objectNotFound, m_errors, &ErrorPresenter::showObjectGone);
    connect(m_paletteController, &PaletteController::kindRequested, this, [this](Kind kind) {
        selectKind(kind);
        m_browser->focusTable();
    });
    connect(m_paletteController, &PaletteController::contextRequested, this,
            &MainWindow::activateContext);
    connect(m_paletteController, &PaletteController::objectRequested, this,
            &MainWindow::openObject);
    connect(m_paletteController, &PaletteController::pageRequested, this, &MainWindow::showPage);
    connect(m_paletteController, &PaletteController::statusMessage, m_errors,
            &ErrorPresenter::showStatus);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::demoRequested);
    connect(m_welcome, &WelcomePage::kubeconfigChosen, this, &MainWindow::kubeconfigChosen);

    // Problems: one monitor for every connected context; its page, counts and notification.
    m_problems = new ProblemMonitor(m_sessions, this);
    m_problemsPage = new ProblemsPage(m_problems, m_preferences, m_central);
    addCentralPage(QApplication::translate("GuiApplication", "Problems"), m_problemsPage);
    m_notifier = new ProblemNotifier(m_problems, m_preferences, this);
    m_jump = new KindJump(m_navigator, this);
    connect(m_problems, &ProblemMonitor::problemsChanged, this, &MainWindow::updateProblemCounts);
    connect(m_problemsPage, &ProblemsPage::objectRequested, this, &MainWindow::openObject);
    connect(m_notifier, &ProblemNotifier::objectRequested, this, &MainWindow::openObject);
    connect(m_jump, &KindJump::kindRequested, this, [this](Kind kind) {
        selectKind(kind);
        m_browser->focusTable();
    });
    connect(m_jump, &KindJump::pageRequested, this, &MainWindow::showPage);

    // The active cluster at a glance; the page the demo opens on.
    m_overviewPage = new ClusterOverviewPage(m_problems, m_central);
    addCentralPage(overviewPageTitle(), m_overviewPage);
    connect(m_overviewPage, &ClusterOverviewPage::problemsRequested, this,
            [this] { showCentralPage(QApplication::translate("GuiApplication", "Problems")); });
    connect(m_browser, &ResourceBrowser::metricsChanged, m_overviewPage,
            &ClusterOverviewPage::setMetrics);
    connect(
        this, &MainWindow::activeSessionChanged, m_overviewPage,
        [this](ClusterSession *session) { m_overviewPage->showContext(activeContext(), session); });

    // A second heartbeat for the freshness text and stale banner (seconds since last event).
    auto *freshnessTimer = new QTimer(this);
    freshnessTimer->setInterval(1000);
    connect(freshnessTimer, &QTimer::timeout, this, &MainWindow::updateFreshness);
    freshnessTimer->start();
}

void MainWindow::connectSessions()
{
    connect(m_sessions, &SessionManager::activeContextChanged, this,
            &MainWindow::onActiveContextChanged);
    connect(m_sessions, &SessionManager::activeSessionChanged, this,
            &MainWindow::onActiveSessionChanged);
    connect(m_sessions, &SessionManager::connectionStateChanged, m_contextModel,
            &ContextTreeModel::setConnectionState);
    // The browser follows its context's store and health itself (overlay, namespaces, counts).
    connect(m_sessions, &SessionManager::healthChanged, this, [this](const QString &context) {
        if (context == activeContext())
            updateFreshness();
    });
    connect(m_sessions, &SessionManager::reloading, this,
            [this](const QString &context, const QString &why) {
                m_errors->showReloading(m_preferences->displayName(context), why);
            });
    connect(m_sessions, &SessionManager::reloadingAll, m_errors, &ErrorPresenter::showReloadingAll);
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
    // "/" as in k9s and less; a line edit with the focus keeps its "/" (text input wins).
    filter->setShortcuts({QKeySequence(QKeySequence::Find), QKeySequence(Qt::Key_Slash)});
    connect(filter, &QAction::triggered, this, [this] {
        if (m_central->currentWidget() != m_browser)
            m_central->setCurrentWidget(m_browser);
        m_browser->focusFilter();
    });
    QAction *jump = go->addAction(tr("Go to Kind or Page…"));
    jump->setObjectName(QStringLiteral("kindJumpAction"));
    jump->setShortcut(QKeySequence(Qt::Key_Colon));
    connect(jump, &QAction::triggered, this, [this] { m_jump->popup(); });
    QAction *namespaces = go->addAction(tr("Choose Namespaces…"));
    namespaces->setShortcut(QKeySequence(tr("Ctrl+N")));
    connect(namespaces, &QAction::triggered, m_browser->namespaceFilter(),
            &NamespaceFilter::showPopup);
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
    // E as in k9s: the selected object's YAML, editable (nothing when it cannot be edited).
    QAction *edit = go->addAction(tr("Edit YAML"));
    edit->setObjectName(QStringLiteral("editYamlAction"));
    edit->setShortcut(QKeySequence(Qt::Key_E));
    connect(edit, &QAction::triggered, this, [this] {
        if (m_central->currentWidget() != m_browser || !selectedObject())
            return;
        showDetailsTab(DetailsPane::YamlTab);
        detailsPane()->beginEdit();
    });
    // L as in k9s: the selected object's logs (nothing for a kind without logs).
    QAction *logs = go->addAction(tr("Show Logs"));
    logs->setObjectName(QStringLiteral("showLogsAction"));
    logs->setShortcut(QKeySequence(Qt::Key_L));
    connect(logs, &QAction::triggered, this, [this] {
        const KubeObjectPtr object = selectedObject();
        if (m_central->currentWidget() != m_browser || !object || !kindInfo(object->kind).hasLogs)
            return;
        showDetailsTab(DetailsPane::LogsTab);
    });
    // Ctrl+D as in k9s: the selected object's "Delete…" operation, with its confirmation
    // (nothing when the kind cannot be deleted here or the user may not).
    QAction *remove = go->addAction(tr("Delete Object\u2026"));
    remove->setObjectName(QStringLiteral("deleteObjectAction"));
    remove->setShortcut(QKeySequence(tr("Ctrl+D")));
    connect(remove, &QAction::triggered, this, [this] {
        const KubeObjectPtr object = selectedObject();
        if (m_central->currentWidget() != m_browser || !object || !m_actionsProvider)
            return;
        // The actions live until used: "Delete…" is disabled while its permission is being
        // checked (the first time for a namespace), and runs once the answer allows it.
        auto *scope = new QObject(this);
        QTimer::singleShot(10000, scope, [scope] { delete scope; });
        for (QAction *action : m_actionsProvider(object, scope)) {
            if (action->data().toString() != QLatin1String("delete"))
                continue;
            if (action->isEnabled()) {
                action->trigger();
                break;
            }
            connect(action, &QAction::changed, scope, [this, action, scope] {
                if (action->isEnabled())
                    action->trigger();
                else
                    m_errors->showStatus(action->toolTip()); // why not
                scope->deleteLater();
            });
            return;
        }
        delete scope;
    });
    go->addSeparator();
    QAction *reconnect = go->addAction(tr("Reconnect Cluster"));
    reconnect->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(reconnect, &QAction::triggered, this, [this] {
        const QString context = activeContext();
        if (context.isEmpty())
            return;
        emit reloadRequested(context); // the kubeconfig is read again first
        // What is shown stays (marked reconnecting) until the new session has synced.
        if (!m_sessions->isReloading(context))
            m_sessions->reloadContext(context, tr("asked for"));
    });
    // Next (+1) and previous (-1) context, round the list.
    const auto stepContext = [this](int step) {
        if (const QString next = m_contextModel->contextAfter(activeContext(), step);
            !next.isEmpty())
            activateContext(next);
    };
    QAction *nextContext = go->addAction(tr("Next Context"));
    nextContext->setShortcut(QKeySequence(tr("Ctrl+Alt+Down")));
    connect(nextContext, &QAction::triggered, this, [stepContext] { stepContext(1); });
    QAction *previousContext = go->addAction(tr("Previous Context"));
    previousContext->setShortcut(QKeySequence(tr("Ctrl+Alt+Up")));
    connect(previousContext, &QAction::triggered, this, [stepContext] { stepContext(-1); });
    // A shell in the selected pod (kubectl exec -it … -- sh -c "bash || sh"), in a dock.
    go->addSeparator();
    QAction *shell = go->addAction(tr("Open Shell in Pod"));
    shell->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    connect(shell, &QAction::triggered, this, &MainWindow::openShell);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("Keyboard Shortcuts"));
    shortcuts->setShortcut(QKeySequence(tr("Ctrl+/")));
    connect(shortcuts, &QAction::triggered, this, [this] { ShortcutsDialog(this).exec(); });
    QAction *about = help->addAction(tr("About Orrery"));
    connect(about, &QAction::triggered, this, [this] { AboutDialog(this).exec(); });

    // The palette offers every menu command by name.
    QList<QAction *> commands;
    for (QAction *menuAction : menuBar()->actions())
        if (QMenu *menu = menuAction->menu())
            for (QAction *action : menu->actions())
                if (!action->isSeparator() && !action->menu() && action != m_applyAction)
                    commands << action; // Apply is offered with its own words
    m_paletteController->setWindowActions(commands);
}

void MainWindow::setContexts(const QList<ContextTreeModel::Entry> &entries,
                             const QString &currentContext)
{
    m_contextModel->setContexts(entries, currentContext);
    for (const QString &context : m_sessions->connectedContexts())
        m_contextModel->setConnectionState(
            context, m_sessions->isSynced(context) ? ContextTreeModel::ConnectionState::Connected
                                                   : ContextTreeModel::ConnectionState::Connecting);
    if (entries.isEmpty()) {
        showWelcome();
        return;
    }
    m_central->setCurrentWidget(m_browser);
}

void MainWindow::setDemoContexts(const QStringList &contexts)
{
    m_demoContexts = contexts;
    m_preferences->setDemoContexts(contexts); // their monitoring settings stay apart
    updateContextChrome();
}

void MainWindow::showWelcome(const QString &problem)
{
    m_welcome->setProblem(problem);
    m_central->setCurrentWidget(m_welcome);
}

void MainWindow::setKubeconfigProblems(const QStringList &problems)
{
    if (problems.isEmpty()) {
        m_kubeconfigProblems->clear();
        m_kubeconfigProblems->hide();
        return;
    }
    m_kubeconfigProblems->setText(
        tr("Some kubeconfig entries could not be loaded; the contexts listed are the ones that "
           "could:")
        + QLatin1Char('\n') + problems.join(QLatin1Char('\n')));
    m_kubeconfigProblems->show();
}

QString MainWindow::overviewPageTitle() const
{
    // In the pages' context, where the navigator finds its icon (resourcenavigator.cpp).
    return QApplication::translate("GuiApplication", "Cluster Overview");
}

void MainWindow::addCentralPage(const QString &title, QWidget *page)
{
    const QString id = QStringLiteral("page:%1").arg(m_pages.size());
    m_pages.insert(id, page);
    page->setParent(m_central);
    m_central->addWidget(page);
    m_navigator->addPage(id, title, tr("Overview"));
}

bool MainWindow::showCentralPage(const QString &title)
{
    const QString id = m_navigator->pageId(title);
    if (id.isEmpty())
        return false;
    m_navigator->selectPage(id);
    m_central->setCurrentWidget(m_pages.value(id));
    return true;
}

void MainWindow::activateContext(const QString &context)
{
    m_sessions->setActiveContext(context);
}

void MainWindow::onActiveContextChanged(const QString &context)
{
    // The pages about the active context (problems, overview) follow it; others give way to
    // the tables.
    if (m_central->currentWidget() != m_problemsPage
        && m_central->currentWidget() != m_overviewPage)
        m_central->setCurrentWidget(m_browser);
    m_overviewPage->showContext(context, m_sessions->session(context));
    m_errors->setActiveContext(context);
    m_problemsPage->setContext(context);
    updateProblemCounts(context);
    m_sidebar->setActiveContext(context);
    m_browser->showContext(context, m_sessions->session(context));
    {
        const QSignalBlocker blocker(m_navigator);
        m_navigator->selectKind(m_browser->kind());
    }
    updateContextChrome();
    updateFreshness();
    updateCounts();
}

void MainWindow::onActiveSessionChanged(ClusterSession *session)
{
    m_browser->setSession(session); // nothing to do when showContext() already took it
    updateFreshness();
    updateCounts();
    emit activeSessionChanged(session);
    // After the signal: the Apply handler's controller has taken the session by now.
    if (session && !m_pendingManifests.isEmpty())
        openManifests(std::exchange(m_pendingManifests, {}));
}

void MainWindow::selectKind(Kind kind)
{
    m_central->setCurrentWidget(m_browser);
    m_browser->selectKind(kind);
}

bool MainWindow::selectObject(Kind kind, const QString &ns, const QString &name)
{
    if (m_central->currentWidget() != m_browser)
        selectKind(kind);
    return m_browser->selectObject(kind, ns, name);
}

void MainWindow::openShell()
{
    const KubeObjectPtr object = selectedObject();
    if (!object || !activeSession() || object->kind != Kind::Pod) {
        statusBar()->showMessage(tr("Select a pod to open a shell in it."), 5000);
        return;
    }
    emit operationRequested(QStringLiteral("exec"), Kind::Pod, object->namespaceName, object->name);
}

void MainWindow::showShell(const QString &context, ExecSession *session)
{
    if (!session)
        return;
    std::unique_ptr<ExecSession> owned(session);
    const ExecOptions &options = session->options();
    const QString name = QStringLiteral("shell-%1-%2-%3").arg(context, options.ns, options.pod);
    // Reconnect brings the new session to the pod's terminal.
    for (auto *dock : findChildren<QDockWidget *>(name, Qt::FindDirectChildrenOnly)) {
        auto *terminal = qobject_cast<ExecTerminal *>(dock->widget());
        if (!terminal || (terminal->session() && terminal->session()->isRunning()))
            continue;
        terminal->attach(std::move(owned));
        dock->show();
        dock->raise();
        terminal->setFocus();
        return;
    }
    auto *terminal = new ExecTerminal(options, context);
    auto *dock = new QDockWidget(terminal->title(), this);
    dock->setObjectName(name);
    dock->setAttribute(Qt::WA_DeleteOnClose);
    dock->setWidget(terminal);
    connect(terminal, &ExecTerminal::reconnectRequested, this, [this, terminal] {
        // The pod of this terminal's context, never a namesake in the context shown now.
        if (activeContext() != terminal->contextName()) {
            statusBar()->showMessage(
                tr("Switch to %1 to reconnect this shell.").arg(terminal->contextName()), 5000);
            return;
        }
        emit operationRequested(QStringLiteral("exec"), Kind::Pod, terminal->options().ns,
                                terminal->options().pod);
    });
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->show();
    terminal->attach(std::move(owned));
    terminal->setFocus();
}

void MainWindow::showDetailsTab(DetailsPane::Tab tab)
{
    m_browser->showDetailsTab(tab);
}

void MainWindow::goBack()
{
    if (m_palette->isVisible())
        m_palette->hide();
    else if (m_jump->isVisible())
        m_jump->hide();
    else
        m_browser->goBack();
}

void MainWindow::openCommandPalette()
{
    m_paletteController->open(selectedObject());
}

void MainWindow::setObjectActionsProvider(DetailsPane::ActionsProvider provider)
{
    m_actionsProvider = provider;
    m_paletteController->setObjectActionsProvider(provider);
    m_browser->setObjectActionsProvider(std::move(provider));
}

void MainWindow::setApplyManifestsHandler(ApplyHandler handler)
{
    m_applyHandler = std::move(handler);
    m_applyAction->setEnabled(bool(m_applyHandler));
    m_paletteController->setApplyAction(m_applyHandler ? m_applyAction : nullptr);
    m_drop->setHandler(m_applyHandler);
    setAcceptDrops(bool(m_applyHandler));
}

void MainWindow::openManifests(const QStringList &files)
{
    QList<QUrl> urls;
    for (const QString &file : files)
        urls << QUrl::fromLocalFile(file);
    const QStringList manifests = ManifestDrop::manifestFiles(urls);
    if (manifests.isEmpty())
        return;
    if (m_applyHandler && activeSession())
        m_applyHandler(manifests);
    else
        m_pendingManifests += manifests;
}

void MainWindow::updateContextChrome()
{
    const QString context = activeContext();
    if (context.isEmpty()) {
        m_strip->clearContext();
        m_statusContext->clear();
        setWindowTitle(tr("Orrery"));
        return;
    }
    const QString name = m_preferences->displayName(context);
    const bool isProtected = m_preferences->isProtected(context);
    const bool isDemo = m_demoContexts.contains(context);
    const QColor colour
        = isProtected ? themeColor(Theme::Role::Danger) : m_preferences->colour(context);
    m_strip->setContext(name, context, colour, isProtected, isDemo);
    m_strip->setTlsVerificationOff(m_preferences->isTlsVerificationOff(context));
    m_statusContext->setContext(name, colour, isProtected, isDemo);
    setWindowTitle(tr("%1 — Orrery").arg(name));
}

void MainWindow::updateFreshness()
{
    m_freshness->setFreshness(m_sessions->freshness(activeContext()));
    m_browser->updateStaleBanner();
}

void MainWindow::updateCounts()
{
    ClusterSession *session = activeSession();
    m_navigator->setCounts(session ? session->store() : nullptr);
    m_statusCounts->setText(session ? m_browser->countText() : QString());
}

void MainWindow::enableStatePersistence(const QString &settingsFile)
{
    m_state = std::make_unique<WindowState>(WindowState::Parts{this, m_mainSplitter, m_leftSplitter,
                                                               m_browser, m_sessions,
                                                               m_navigator->kinds()},
                                            settingsFile);
    m_browser->setWindowState(m_state.get());
}

QString MainWindow::lastContext() const
{
    return m_state ? m_state->lastContext() : QString();
}

void MainWindow::openPreferences()
{
    PreferencesDialog dialog(this);
    const MonitoringSource *monitoring = m_browser ? m_browser->monitoringSource() : nullptr;
    dialog.setContext(m_preferences, activeContext(),
                      monitoring ? monitoring->endpoints().prometheusSentence() : QString());
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_state)
        m_state->save();
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
    m_kubeconfigProblems->setStyleSheet(
        QStringLiteral("background:%1;color:%2;")
            .arg(c(Theme::Role::WarningFill), c(Theme::Role::Text)));
    m_contextsTitle->setStyleSheet(
        QStringLiteral("color:%1;font-weight:bold;font-size:8pt;padding-left:8px;")
            .arg(c(Theme::Role::MutedText)));
    m_leftSplitter->setStyleSheet(
        QStringLiteral("QTreeView,QTreeWidget{background:%1;}").arg(c(Theme::Role::Sidebar)));
    updateContextChrome();
    m_applyingTheme = false;
}

QWidget *MainWindow::currentPage() const
{
    return m_central->currentWidget();
}

void MainWindow::showPage(const QString &pageId)
{
    QWidget *page = m_pages.value(pageId);
    if (!page)
        return;
    m_navigator->selectPage(pageId);
    m_central->setCurrentWidget(page);
    page->setFocus();
}

void MainWindow::openObject(const QString &context, Kind kind, const QString &ns,
                            const QString &name)
{
    if (!context.isEmpty() && context != activeContext())
        activateContext(context);
    m_browser->rememberPosition();
    selectKind(kind);
    selectObject(kind, ns, name);
    m_browser->focusTable();
}

void MainWindow::updateProblemCounts(const QString &context)
{
    m_contextModel->setProblemCount(context, m_problems->count(context));
    if (context != activeContext())
        return;
    m_navigator->setProblemCounts(m_problems->countsByKind(context));
    m_browser->namespaceFilter()->model()->setProblemCounts(m_problems->countsByNamespace(context));
}

} // namespace Orrery
