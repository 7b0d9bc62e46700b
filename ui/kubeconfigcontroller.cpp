// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeconfigcontroller.h"

#include "errorpresenter.h"
#include "mainwindow.h"

#include <contextpreferences.h>

#include <kube/clusteridentity.h>
#include <kube/clustersession.h>
#include <kube/kubeconfigwatcher.h>
#include <util/redaction.h>

#include <QDir>

#include <algorithm>
#include <utility>

namespace Orrery {

namespace {

QList<ContextTreeModel::Entry> entriesOf(const Kubeconfig &config)
{
    QList<ContextTreeModel::Entry> entries;
    for (const QString &name : config.contextNames()) {
        const auto context = config.context(name);
        if (!context)
            continue;
        ContextTreeModel::Entry e;
        e.context = name;
        e.cluster = context->clusterName;
        e.user = context->userName;
        e.defaultNamespace = context->namespace_;
        if (const auto cluster = config.cluster(context->clusterName))
            e.server = Redaction::stripUrlCredentials(cluster->server); // shown in the sidebar
        entries << e;
    }
    return entries;
}

bool sameEntries(const QList<ContextTreeModel::Entry> &a, const QList<ContextTreeModel::Entry> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].context != b[i].context || a[i].cluster != b[i].cluster
            || a[i].server != b[i].server || a[i].user != b[i].user
            || a[i].defaultNamespace != b[i].defaultNamespace)
            return false;
    }
    return true;
}

// A whole file that could not be read or parsed (not one entry of it).
bool hasUnreadableFile(const Kubeconfig &config)
{
    const QList<Error> errors = config.errors();
    return std::any_of(errors.cbegin(), errors.cend(), [](const Error &e) {
        return e.context.isEmpty() && !e.file.isEmpty()
               && (e.code == Error::Code::ParseError || e.code == Error::Code::FileError);
    });
}

} // namespace

KubeconfigController::KubeconfigController(MainWindow *window, ContextPreferences *preferences,
                                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_preferences(preferences)
    , m_config(std::make_shared<Kubeconfig>())
    , m_watcher(new KubeconfigWatcher(this))
{
    connect(m_watcher, &KubeconfigWatcher::changed, this, [this] { reload(true); });
    // Ctrl+R reads the kubeconfig again before the window reloads the context.
    connect(m_window, &MainWindow::reloadRequested, this, [this] { reload(false); });
}

KubeconfigController::~KubeconfigController() = default;

SessionManager::Factory KubeconfigController::sessionFactory() const
{
    // The shared Kubeconfig is replaced in place by reload(): sessions made later use it.
    return
        [config = m_config](const QString &context, QObject *parent) -> Result<ClusterSession *> {
            Result<ClusterConnection> connection = config->connection(context);
            if (!connection.ok())
                return connection.error();
            return new ClusterSession(std::move(connection.value()), parent);
        };
}

QStringList KubeconfigController::problemLines(const Kubeconfig &config)
{
    QStringList lines;
    for (const Error &e : config.errors())
        lines << Redaction::stripUrlCredentials(e.toString());
    return lines;
}

QString KubeconfigController::problemText(const Kubeconfig &config, const QString &explicitFile)
{
    QStringList lines;
    if (!config.isLoaded() && config.errors().isEmpty()) {
        const QStringList files = Kubeconfig::precedence(explicitFile);
        lines << tr("No kubeconfig found (looked at %1).")
                     .arg(QDir::toNativeSeparators(files.join(QStringLiteral(", "))));
    } else if (config.contextNames().isEmpty()) {
        lines << (config.errors().isEmpty()
                      ? tr("The kubeconfig defines no contexts.")
                      : tr("The kubeconfig could not be loaded; no context is usable:"));
    }
    lines << problemLines(config);
    return lines.join(QLatin1Char('\n'));
}

KubeconfigController::Start KubeconfigController::start(const QString &explicitFile, bool demo,
                                                        bool welcome, const QString &preferred)
{
    if (demo)
        return Start::Demo;
    m_file = explicitFile;
    const Kubeconfig config = read();
    if (config.contextNames().isEmpty()) {
        // Only the absence of any kubeconfig starts the demo: a broken one is an error to
        // show, never a reason to show a simulated cluster in its place.
        if (explicitFile.isEmpty() && !welcome && !Kubeconfig::anyFileExists())
            return Start::Demo;
        *m_config = config;
        watch(); // fixing the file brings the contexts
        m_window->setKubeconfigProblems({});
        m_window->showWelcome(problemText(config, explicitFile));
        return Start::Problem;
    }
    use(config, preferred, {});
    return Start::Loaded;
}

void KubeconfigController::useDemo(const QString &kubeconfigFile, const QStringList &demoContexts,
                                   const QString &preferred)
{
    m_file = kubeconfigFile;
    use(read(), preferred, demoContexts);
}

bool KubeconfigController::open(const QString &file)
{
    const Kubeconfig config = Kubeconfig::load(file);
    if (config.contextNames().isEmpty()) {
        m_window->showWelcome(problemText(config, file));
        return false;
    }
    m_file = file;
    use(config, QString(), {});
    return true;
}

Kubeconfig KubeconfigController::read() const
{
    return Kubeconfig::load(m_file);
}

void KubeconfigController::use(const Kubeconfig &config, const QString &preferred,
                               const QStringList &demo)
{
    *m_config = config;
    m_demoContexts = demo;
    // Demo contexts first: their settings and protection are kept apart from real ones.
    m_preferences->setDemoContexts(demo);
    m_preferences->setKubeconfig(config); // protection follows clusters; TLS-off marks
    m_window->setDemoContexts(demo);
    m_window->setContexts(entriesOf(config), config.currentContext());
    m_window->setKubeconfigProblems(problemLines(config));
    QString context = preferred;
    if (context.isEmpty() || !config.context(context))
        context = config.currentContext();
    if (context.isEmpty() || !config.context(context))
        context = config.contextNames().value(0);
    if (!m_namespaces.isEmpty() && !context.isEmpty())
        m_preferences->setNamespaces(context, std::exchange(m_namespaces, {}));
    if (!m_prometheus.isEmpty() && !context.isEmpty())
        m_preferences->setPrometheusSetting(context, std::exchange(m_prometheus, {}));
    watch();
    m_window->activateContext(context);
}

void KubeconfigController::watch()
{
    QStringList files = m_config->sourceFiles();
    // Files of the precedence that do not exist yet (or failed to parse) are followed too:
    // creating or fixing one brings its contexts.
    for (const QString &file : Kubeconfig::precedence(m_file))
        if (!files.contains(file))
            files << file;
    files << m_config->referencedFiles();
    m_watcher->setFiles(files);
}

QStringList KubeconfigController::reload(bool announce)
{
    const Kubeconfig before = *m_config;
    const Kubeconfig after = read();
    if (hasUnreadableFile(after) && !before.contextNames().isEmpty()) {
        // Half written, or a typo: keep what works and say what is wrong.
        m_window->setKubeconfigProblems(
            QStringList{tr("The kubeconfig changed but cannot be read; the contexts keep their "
                           "last good configuration until it is fixed.")}
            + problemLines(after));
        watch();
        return {};
    }
    if (before.contextNames().isEmpty() && !after.contextNames().isEmpty()) {
        // Fixed, or created: what start() would have shown.
        use(after, QString(), m_demoContexts);
        if (announce)
            m_window->errorPresenter()->showStatus(tr("The kubeconfig changed: its contexts are "
                                                      "loaded."));
        emit reloaded(after.contextNames());
        return after.contextNames();
    }
    SessionManager *sessions = m_window->sessions();
    const QStringList changed = after.changedContexts(before);
    // Protection follows the cluster; a cluster whose CA was rotated (same server, new CA)
    // is still the cluster the user protected, and stays protected.
    QStringList wasProtected;
    for (const QString &name : before.contextNames())
        if (m_preferences->isProtected(name))
            wasProtected << name;
    *m_config = after;
    m_preferences->setKubeconfig(after);
    for (const QString &name : std::as_const(wasProtected)) {
        const auto old = before.clusterIdentity(name);
        const auto now = after.clusterIdentity(name);
        if (old && now && old->server == now->server && !m_preferences->isProtected(name))
            m_preferences->setProtected(name, true);
    }
    const QList<ContextTreeModel::Entry> entries = entriesOf(after);
    if (!sameEntries(entries, entriesOf(before)))
        m_window->setContexts(entries, after.currentContext());
    m_window->setKubeconfigProblems(problemLines(after));
    watch();

    QStringList rebuilt;
    for (const QString &context : changed) {
        if (!sessions->session(context))
            continue; // not connected: the next connection reads the new entry
        if (!after.context(context)) {
            sessions->disconnectContext(context);
            continue;
        }
        sessions->reloadContext(context, tr("the kubeconfig changed"));
        rebuilt << context;
    }
    if (announce) {
        QStringList names;
        for (const QString &context : std::as_const(rebuilt))
            names << m_preferences->displayName(context);
        m_window->errorPresenter()->showStatus(
            names.isEmpty()
                ? tr("The kubeconfig changed; no connected context is affected.")
                : tr("The kubeconfig changed: reconnecting %1 with the new credentials.")
                      .arg(names.join(QStringLiteral(", "))));
    }
    if (!changed.isEmpty())
        emit reloaded(changed);
    return changed;
}

} // namespace Orrery
