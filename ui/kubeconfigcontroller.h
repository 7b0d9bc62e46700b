// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sessionmanager.h>

#include <kube/kubeconfig.h>

#include <QObject>
#include <QStringList>

#include <memory>

namespace Orrery {

class ContextPreferences;
class KubeconfigWatcher;
class MainWindow;

// The kubeconfig of one window, as the user trusts it to be (docs/kubeconfig.md):
//  - start() loads it as kubectl does; entries or files that fail to parse are shown (file,
//    line, entry) while every context that did load is listed; the demo cluster is asked for
//    only with --demo or when no kubeconfig file exists at all, never for a broken one;
//  - the loaded files and the files their entries name are watched: a change (written in
//    place, or renamed over as `aws eks update-kubeconfig` does) reloads them, rebuilds only
//    the connections whose context, cluster or user changed (SessionManager::reloadContext,
//    which keeps the tables until the new session has synced) and says so in the status bar;
//  - Ctrl+R (MainWindow::reloadRequested) reads the files again first.
// A change that cannot be read (the file half written, a YAML error) keeps the last good
// kubeconfig and its connections, and shows the error.
//
// The sessions are made by sessionFactory() from the current kubeconfig, so a reloaded entry
// takes effect in the next session of its context.
class KubeconfigController : public QObject
{
    Q_OBJECT
public:
    KubeconfigController(MainWindow *window, ContextPreferences *preferences,
                         QObject *parent = nullptr);
    ~KubeconfigController() override;

    // For SessionManager: a session of `context` over the current kubeconfig.
    SessionManager::Factory sessionFactory() const;

    enum class Start {
        Loaded,  // contexts are listed (perhaps with problems shown)
        Problem, // nothing usable: the welcome page says why
        Demo,    // no kubeconfig at all, or --demo: the caller starts the demo cluster
    };
    // explicitFile: --kubeconfig; demo: --demo; welcome: --welcome (show the welcome page
    // rather than start the demo when there is no kubeconfig); preferred: the context to
    // show (--context or the last one), else the kubeconfig's current context.
    Start start(const QString &explicitFile, bool demo, bool welcome, const QString &preferred);
    // --namespace: the namespaces the first context shows.
    void setRequestedNamespaces(const QStringList &namespaces) { m_namespaces = namespaces; }
    // --prometheus: the monitoring setting of the context shown first.
    void setRequestedPrometheus(const QString &where) { m_prometheus = where; }
    // The demo cluster's kubeconfig; its contexts are marked demo (ContextPreferences).
    void useDemo(const QString &kubeconfigFile, const QStringList &demoContexts,
                 const QString &preferred);
    // File → Open Kubeconfig: false (and the welcome page says why) when it has no context.
    bool open(const QString &file);

    // Reads the files again. Contexts whose connection changed are reloaded (connected ones)
    // or disconnected (gone); returns them. `announce`: say so in the status bar.
    QStringList reload(bool announce);

    Kubeconfig config() const { return *m_config; }
    KubeconfigWatcher *watcher() const { return m_watcher; }

    // "file:line: entry: message" per error of `config`.
    static QStringList problemLines(const Kubeconfig &config);
    // What the welcome page says when `config` gives nothing to show.
    static QString problemText(const Kubeconfig &config, const QString &explicitFile);

signals:
    // After a reload that changed something: the contexts whose connections were rebuilt.
    void reloaded(const QStringList &changedContexts);

private:
    Kubeconfig read() const; // the current source, read again
    void use(const Kubeconfig &config, const QString &preferred, const QStringList &demo);
    void watch();

    MainWindow *m_window;
    ContextPreferences *m_preferences;
    std::shared_ptr<Kubeconfig> m_config;
    QString m_file; // --kubeconfig, File → Open or the demo's; empty: KUBECONFIG or ~/.kube/config
    QStringList m_demoContexts;
    QStringList m_namespaces;
    QString m_prometheus;
    KubeconfigWatcher *m_watcher;
};

} // namespace Orrery
