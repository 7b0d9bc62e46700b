// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailspane.h"

#include <contexttreemodel.h>

#include <kube/changebatch.h>
#include <kube/kubekind.h>
#include <kube/watchhealth.h>
#include <util/result.h>

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QCloseEvent;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QLineEdit;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace Orrery {

class AgeClock;
class ClockJumpDetector;
class ClusterSession;
class ClusterSidebar;
class CommandPalette;
class ContextPreferences;
class ContextStrip;
class FreshnessIndicator;
class MessageOverlay;
class NamespaceFilter;
class ResourceFilterProxyModel;
class ResourceNavigator;
class ResourceTableModel;
class WelcomePage;
struct PaletteEntry;

// Orrery's main window: clusters and contexts on the left, the kind navigator under them, the
// live table of the selected kind in the middle and the details of the selected object on the
// right. The active context's name, colour and protected mark are always visible (title
// strip and status bar), and so is the freshness of its data.
//
// Several contexts can be connected at once; each keeps its ClusterSession (informers and
// store) while another is shown, so switching is instant. Sessions are created by the
// SessionFactory that app/ provides, which keeps this window free of kubeconfig loading.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    using SessionFactory
        = std::function<Result<ClusterSession *>(const QString &context, QObject *parent)>;

    explicit MainWindow(ContextPreferences *preferences, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setSessionFactory(SessionFactory factory);

    // The window remembers its geometry, splitters, column layout per kind and the last
    // context, kind, object and details tab only when asked: the application does; tests and
    // --screenshot runs do not, so they stay reproducible. Restores at once (the object when
    // its context has synced, silently skipped if it is gone); saves on close. An empty file
    // means the application's QSettings. Call before setContexts()/activateContext().
    void enableStatePersistence(const QString &settingsFile = {});
    // The context active when the window was last closed (empty: none or not persisted).
    QString lastContext() const;
    void saveSettings();
    // The contexts of the merged kubeconfig; `problem` explains errors worth showing.
    void setContexts(const QList<ContextTreeModel::Entry> &entries, const QString &currentContext);
    // Contexts served by the embedded simulator get a "Demo cluster" banner.
    void setDemoContexts(const QStringList &contexts);
    void showWelcome(const QString &problem = {});
    WelcomePage *welcomePage() const { return m_welcome; }

    void connectContext(const QString &context);
    void disconnectContext(const QString &context);
    void reconnectContext(const QString &context, const QString &why = {});
    void activateContext(const QString &context);
    QString activeContext() const { return m_activeContext; }
    ClusterSession *session(const QString &context) const { return m_sessions.value(context); }
    ClusterSession *activeSession() const { return session(m_activeContext); }

    // A page beside the resource tables (e.g. the topology view), listed in the navigator.
    // The window takes ownership. activeSessionChanged() tells the page what to show.
    void addCentralPage(const QString &title, QWidget *page);
    // Shows the page added with this title (case-insensitive); false when there is none.
    bool showCentralPage(const QString &title);

    void selectKind(Kind kind);
    Kind currentKind() const { return m_kind; }
    bool selectObject(Kind kind, const QString &ns, const QString &name);
    void setNamespaces(const QStringList &namespaces); // for the active context
    void setFilterText(const QString &text);
    void showDetailsTab(DetailsPane::Tab tab);
    void openCommandPalette();
    void showShortcuts();
    void openPreferences();

    // Operations on an object (app/operationswiring.cpp provides them): offered in the
    // table's context menu, the details pane's "Actions" menu and the command palette.
    void setObjectActionsProvider(DetailsPane::ActionsProvider provider);
    KubeObjectPtr selectedObject() const;
    // "Apply manifests…" (app/operationswiring.cpp provides it): the File menu entry
    // (Ctrl+Shift+A), the command palette and YAML files dropped on the window call it with
    // the files to apply (none: an empty dialog). Without a handler the entry is disabled.
    using ApplyHandler = std::function<void(const QStringList &files)>;
    void setApplyManifestsHandler(ApplyHandler handler);
    QAction *applyManifestsAction() const { return m_applyAction; }
    // The local manifest files among dropped URLs (.yaml, .yml, .json); empty: not a drop for us.
    static QStringList manifestFiles(const QList<QUrl> &urls);
    ContextPreferences *preferences() const { return m_preferences; }
    // A transient line in the status bar (e.g. the outcome of an operation).
    void showStatusMessage(const QString &text);

    // Parts, for tests and screenshots.
    QTableView *tableView() const { return m_table; }
    ResourceTableModel *tableModel() const { return m_model; }
    ResourceFilterProxyModel *proxyModel() const { return m_proxy; }
    FreshnessIndicator *freshnessIndicator() const { return m_freshness; }
    ContextStrip *contextStrip() const { return m_strip; }
    MessageOverlay *tableOverlay() const { return m_overlay; }
    CommandPalette *commandPalette() const { return m_palette; }
    NamespaceFilter *namespaceFilter() const { return m_namespaceFilter; }
    DetailsPane *detailsPane() const { return m_details; }
    QLabel *staleBanner() const { return m_staleBanner; }
    QLabel *statusMessageLabel() const { return m_statusMessage; }
    QSplitter *mainSplitter() const { return m_mainSplitter; }
    QSplitter *leftSplitter() const { return m_leftSplitter; }
    QSplitter *tableSplitter() const { return m_tableSplitter; }
    // Its jumped() signal is the wake-up path (tests emit it).
    ClockJumpDetector *clockJumpDetector() const { return m_clockJump; }

signals:
    void activeContextChanged(const QString &context);
    void activeSessionChanged(Orrery::ClusterSession *session);
    // The context's first full sync finished (all informers listed or failed).
    void contextSynced(const QString &context);
    void demoRequested();
    void kubeconfigChosen(const QString &file);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void onSessionHealth(const QString &context, const WatchHealth &health);
    void onStoreChanged(const QString &context, const ChangeBatch &batch);
    void updateContextChrome();
    void updateFreshness();
    void updateOverlay();
    void updateCounts();
    void updateNamespaceList();
    void onCurrentRowChanged();
    void showTableContextMenu(const QPoint &pos);
    void onPaletteEntry(const PaletteEntry &entry);
    void onWakeUp(const QString &why);
    void goBack();
    void rememberPosition();
    QString kindPlural(Kind kind) const;
    void fitColumns();
    // The layout saved for the current kind, else measured from the rows.
    void layoutColumns();
    bool restoreColumns();
    void saveColumns();
    void applyPendingSelection(int attempt = 0);
    int detailsTab() const;
    void applyThemeColours();
    void updateFilterStyle();

    struct ContextState
    {
        Kind kind = Kind::Pod;
        std::optional<Error> discoveryError;
        bool synced = false;
    };

    ContextPreferences *m_preferences;
    SessionFactory m_sessionFactory;
    ContextTreeModel *m_contextModel;
    QHash<QString, ClusterSession *> m_sessions;
    QHash<QString, ContextState> m_states;
    QStringList m_demoContexts;
    QString m_activeContext;
    Kind m_kind = Kind::Pod;
    bool m_columnsFitted = false;
    bool m_filterInvalid = false;
    bool m_applyingTheme = false;
    std::unique_ptr<QSettings> m_settings; // null: nothing is remembered
    // The selection to restore once its context has synced.
    struct PendingSelection
    {
        QString context;
        Kind kind = Kind::Pod;
        QString key; // "ns/name" or "name"
        int tab = -1;
    };
    std::optional<PendingSelection> m_pending;
    QList<std::pair<Kind, QString>> m_history; // (kind, key) to go back to with Esc

    AgeClock *m_ageClock;
    ClockJumpDetector *m_clockJump;
    ContextStrip *m_strip;
    ClusterSidebar *m_sidebar;
    ResourceNavigator *m_navigator;
    QStackedWidget *m_central;
    QWidget *m_resourcePage;
    WelcomePage *m_welcome;
    QHash<QString, QWidget *> m_pages;
    QHash<QString, QString> m_pageTitles; // page id -> title as listed in the navigator
    QSplitter *m_mainSplitter;
    QSplitter *m_leftSplitter;
    QLabel *m_contextsTitle;
    QSplitter *m_tableSplitter;
    NamespaceFilter *m_namespaceFilter;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QLabel *m_kindTitle;
    QLabel *m_staleBanner;
    QTableView *m_table;
    MessageOverlay *m_overlay;
    ResourceTableModel *m_model;
    ResourceFilterProxyModel *m_proxy;
    DetailsPane *m_details;
    CommandPalette *m_palette;
    QLabel *m_statusContext;
    QLabel *m_statusCounts;
    QLabel *m_statusMessage;
    FreshnessIndicator *m_freshness;
    DetailsPane::ActionsProvider m_actionsProvider;
    ApplyHandler m_applyHandler;
    QAction *m_applyAction = nullptr;
    QList<QPointer<QAction>> m_paletteActions; // the selection's actions while the palette is open
};

} // namespace Orrery
