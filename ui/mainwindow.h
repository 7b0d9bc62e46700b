// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailspane.h"
#include "resourcebrowser.h"

#include <contexttreemodel.h>
#include <sessionmanager.h>

#include <kube/kubekind.h>

#include <QHash>
#include <QMainWindow>

#include <functional>
#include <memory>

class QCloseEvent;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace Orrery {

class ClusterSession;
class ClusterOverviewPage;
class ClusterSidebar;
class CommandPalette;
class ContextPreferences;
class ContextStatusLabel;
class ContextStrip;
class ErrorPresenter;
class ExecSession;
class FreshnessIndicator;
class KindJump;
class ManifestDrop;
class PaletteController;
class ProblemMonitor;
class ProblemNotifier;
class ProblemsPage;
class ResourceNavigator;
class WelcomePage;
class WindowState;

// Orrery's main window: clusters and contexts on the left, the kind navigator under them, the
// resource browser (the live table of the selected kind and the details of the selected
// object) or another page in the middle. The active context's name, colour and protected mark
// are always visible (title strip and status bar), and so is the freshness of its data.
//
// The window only assembles and lays out its parts: the SessionManager (built by app/ and
// injected) owns the sessions of the connected contexts and the wake-up relists; the
// ResourceBrowser shows the active one; WindowState remembers the layout; the ErrorPresenter
// words and shows what went wrong; the PaletteController fills the command palette.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(SessionManager *sessions, ContextPreferences *preferences,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // The window remembers its geometry, splitters, column layout per kind and the last
    // context, kind, object and details tab only when asked (WindowState): the application
    // does; tests and --screenshot runs do not, so they stay reproducible. Restores at once;
    // saves on close. An empty file means the application's QSettings. Call before
    // setContexts()/activateContext().
    void enableStatePersistence(const QString &settingsFile = {});
    // The context active when the window was last closed (empty: none or not persisted).
    QString lastContext() const;
    // The contexts of the merged kubeconfig.
    void setContexts(const QList<ContextTreeModel::Entry> &entries, const QString &currentContext);
    // Contexts served by the embedded simulator get a "Demo cluster" banner.
    void setDemoContexts(const QStringList &contexts);
    void showWelcome(const QString &problem = {});
    // What is wrong with the kubeconfig files ("file:line: entry: message" lines) while the
    // contexts that did load are shown: a warning strip above the tables; empty hides it.
    void setKubeconfigProblems(const QStringList &problems);
    QLabel *kubeconfigProblemsLabel() const { return m_kubeconfigProblems; }

    SessionManager *sessions() const { return m_sessions; }
    void activateContext(const QString &context);
    QString activeContext() const { return m_sessions->activeContext(); }
    ClusterSession *activeSession() const { return m_sessions->activeSession(); }

    // A page beside the resource tables (e.g. the topology view), listed in the navigator.
    // The window takes ownership. activeSessionChanged() tells the page what to show.
    void addCentralPage(const QString &title, QWidget *page);
    // Shows the page added with this title (case-insensitive); false when there is none.
    bool showCentralPage(const QString &title);

    void selectKind(Kind kind);
    Kind currentKind() const { return m_browser->kind(); }
    bool selectObject(Kind kind, const QString &ns, const QString &name);
    KubeObjectPtr selectedObject() const { return m_browser->selectedObject(); }
    void showDetailsTab(DetailsPane::Tab tab);
    // Ctrl+Shift+E: a shell in the selected pod: asks for the "exec" operation
    // (operationRequested), whose session comes back through showShell().
    void openShell();
    // Shows a shell the "exec" operation opened for `context` in a dock (the pod's dock again
    // when it has one, after Reconnect), and takes the session.
    void showShell(const QString &context, ExecSession *session);
    void openCommandPalette();
    void openPreferences();

    // Operations on an object (app/operationswiring.cpp provides them): offered in the
    // table's context menu, the details pane's "Actions" menu and the command palette.
    void setObjectActionsProvider(DetailsPane::ActionsProvider provider);
    // "Apply manifests…" (app/operationswiring.cpp provides it): the File menu entry
    // (Ctrl+Shift+A), the command palette and YAML files dropped on the window call it with
    // the files to apply (none: an empty dialog). Without a handler the entry is disabled.
    using ApplyHandler = std::function<void(const QStringList &files)>;
    void setApplyManifestsHandler(ApplyHandler handler);
    QAction *applyManifestsAction() const { return m_applyAction; }
    // Manifest files named on the command line (the desktop entry's `Exec=orrery %F`): they go
    // to the Apply handler once a context is connected (the dialog checks them against that
    // cluster), at once when one already is. Files that are not manifests are left out.
    void openManifests(const QStringList &files);
    ContextPreferences *preferences() const { return m_preferences; }

    // Parts, for tests, screenshots and app/ wiring.
    ResourceBrowser *resourceBrowser() const { return m_browser; }
    ErrorPresenter *errorPresenter() const { return m_errors; }
    DetailsPane *detailsPane() const { return m_browser->detailsPane(); }
    QTableView *tableView() const { return m_browser->tableView(); }
    FreshnessIndicator *freshnessIndicator() const { return m_freshness; }
    ContextStrip *contextStrip() const { return m_strip; }
    CommandPalette *commandPalette() const { return m_palette; }
    // Problems (issue 18): what needs attention in every connected context, its page, the
    // rollout notification and the ":" jump.
    ProblemMonitor *problemMonitor() const { return m_problems; }
    ProblemsPage *problemsPage() const { return m_problemsPage; }
    ProblemNotifier *problemNotifier() const { return m_notifier; }
    KindJump *kindJump() const { return m_jump; }
    // The active cluster at a glance (counts, problems, usage): the page a cluster opens on.
    ClusterOverviewPage *overviewPage() const { return m_overviewPage; }
    QString overviewPageTitle() const;
    ResourceNavigator *navigator() const { return m_navigator; }
    ClusterSidebar *sidebar() const { return m_sidebar; }
    ContextTreeModel *contextModel() const { return m_contextModel; }
    QWidget *currentPage() const;
    // Shows the object, switching to its context first when it is another one.
    void openObject(const QString &context, Kind kind, const QString &ns, const QString &name);
    // Shows a page by its navigator id (pageId()).
    void showPage(const QString &pageId);
    QSplitter *mainSplitter() const { return m_mainSplitter; }

signals:
    // The session the window shows changed (null: the active context is not connected).
    void activeSessionChanged(Orrery::ClusterSession *session);
    void demoRequested();
    void kubeconfigChosen(const QString &file);
    // Go → Reload (Ctrl+R) for `context`: emitted before the window reloads the context's
    // session, so a receiver can read the kubeconfig again first (a reload it starts for the
    // context itself is then not repeated).
    void reloadRequested(const QString &context);
    // An operation of the catalog on an object of the active context, asked by the window
    // itself (Ctrl+Shift+E, a terminal's Reconnect); app/ hands it to the ActionController.
    void operationRequested(const QString &id, Orrery::Kind kind, const QString &ns,
                            const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void connectSessions();
    void onActiveContextChanged(const QString &context);
    void onActiveSessionChanged(ClusterSession *session);
    void goBack();
    void updateContextChrome();
    void updateFreshness();
    void updateCounts();
    void applyThemeColours();
    void updateProblemCounts(const QString &context);

    SessionManager *m_sessions;
    ContextPreferences *m_preferences;
    ContextTreeModel *m_contextModel;
    QStringList m_demoContexts;
    bool m_applyingTheme = false;
    std::unique_ptr<WindowState> m_state; // null: nothing is remembered

    ContextStrip *m_strip;
    QLabel *m_kubeconfigProblems;
    ClusterSidebar *m_sidebar;
    ResourceNavigator *m_navigator;
    QStackedWidget *m_central;
    ResourceBrowser *m_browser;
    WelcomePage *m_welcome;
    QHash<QString, QWidget *> m_pages; // by page id, as listed in the navigator
    QSplitter *m_mainSplitter;
    QSplitter *m_leftSplitter;
    QLabel *m_contextsTitle;
    CommandPalette *m_palette;
    PaletteController *m_paletteController;
    ContextStatusLabel *m_statusContext;
    QLabel *m_statusCounts;
    FreshnessIndicator *m_freshness;
    ErrorPresenter *m_errors;
    ManifestDrop *m_drop;
    ApplyHandler m_applyHandler;
    QAction *m_applyAction = nullptr;
    QStringList m_pendingManifests; // openManifests() before a context was connected
    ProblemMonitor *m_problems = nullptr;
    ProblemsPage *m_problemsPage = nullptr;
    ClusterOverviewPage *m_overviewPage = nullptr;
    ProblemNotifier *m_notifier = nullptr;
    KindJump *m_jump = nullptr;
    DetailsPane::ActionsProvider m_actionsProvider; // Ctrl+D finds "Delete…" among them
};

} // namespace Orrery
