// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop application: loads the kubeconfig (or starts the demo cluster), wires sessions
// to the main window, and implements --screenshot.
#include "alertswiring.h"
#include "apptopologywiring.h"
#include "cloudswiring.h"
#include "commands.h"
#include "democluster.h"
#include "demomonitoring.h"
#include "operationpageswiring.h"
#include "operationswiring.h"
#include "pipelineswiring.h"
#include "topologywiring.h"

#include <alertspage.h>
#include <clusteroverviewpage.h>
#include <contextpreferences.h>
#include <errorpresenter.h>
#include <kindicons.h>
#include <kubeconfigcontroller.h>
#include <mainwindow.h>
#include <manifestdrop.h>
#include <resourcenavigator.h>
#include <resourcetablemodel.h>
#include <sessionmanager.h>
#include <theme.h>
#include <topologypage.h>
#include <topologyview.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>
#include <kube/kubeconfig.h>
#include <monitoring/monitoringdiscovery.h>
#include <util/redaction.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDebug>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace Orrery::App {

namespace {

// --view: a kind (anything kindFromName accepts: Deployment, deployments) selects its table;
// anything else names a page (Topology, Runbooks, "Helm releases", "Audit log"), or the
// Preferences dialog (for its documentation screenshot).
bool showView(MainWindow &window, const QString &view)
{
    if (view.compare(QLatin1String("preferences"), Qt::CaseInsensitive) == 0) {
        QTimer::singleShot(0, &window, &MainWindow::openPreferences);
        return true;
    }
    if (const auto kind = kindFromName(view)) {
        window.selectKind(*kind);
        return true;
    }
    if (window.showCentralPage(view))
        return true;
    qWarning().noquote() << QApplication::translate(
                                "GuiApplication",
                                "orrery: no kind or page named \"%1\"; showing the tables.")
                                .arg(view);
    return false;
}

// Everything the running GUI owns besides the window and its sessions, kept together so
// lambdas can share it. Declared before the sessions: they talk to the demo cluster, so they
// stop first.
struct GuiState
{
    std::unique_ptr<DemoCluster> demo;
};

} // namespace

int runGui(const QCommandLineParser &parser)
{
    // The look is applied before any widget exists so nothing is drawn twice.
    const QString themeOverride = parser.value(QStringLiteral("theme"));
    Theme::Mode ignored;
    if (!themeOverride.isEmpty() && !Theme::parseMode(themeOverride, &ignored)) {
        qWarning().noquote() << QApplication::translate(
                                    "GuiApplication",
                                    "orrery: unknown --theme \"%1\"; use system, light or dark.")
                                    .arg(themeOverride);
        return 2;
    }
    Theme::instance()->applyStoredMode(themeOverride);
    QApplication::setWindowIcon(applicationIcon()); // every window, dialogs included

    ContextPreferences preferences;
    // The one audit log of the process: every writer (operations, runbooks) appends to it.
    AuditLog audit(AuditLog::defaultDirectory());
    GuiState state;
    // The sessions of the connected contexts, created from the loaded kubeconfig (the
    // KubeconfigController's factory, set below: the kubeconfig belongs to the window).
    SessionManager sessions;
    MainWindow window(&sessions, &preferences);
    KubeconfigController kubeconfig(&window, &preferences);
    sessions.setFactory(kubeconfig.sessionFactory());
    // Screenshots stay reproducible: no remembered size, splitters or selection, and the
    // user's remembered layout is not overwritten either.
    const bool screenshot = parser.isSet(QStringLiteral("screenshot"));
    if (!screenshot)
        window.enableStatePersistence();
    installTopologyPage(window);
    installOperations(window, &audit);
    const OperationPages pages = installOperationPages(window, &audit);
    connectHelmRollback(window, pages);
    // Alerts: the context's Alertmanager setting (the demo's own, below), else the one found
    // among its Services, else --alertmanager.
    AlertsWiring *alerts = installAlertsPage(window);
    const QString alertmanager = parser.value(QStringLiteral("alertmanager"));
    alerts->setEndpoint(alertmanager);
    PipelinesPage *pipelines = installPipelinesPage(window);
    // Clouds: the accounts the user's cloud credentials give (the demo's own once it runs);
    // its in-memory contexts come before the kubeconfig's in the sessions' factory.
    CloudsWiring *clouds = installCloudsPage(window, sessions, kubeconfig.sessionFactory(), &audit);
    installAppTopologyPage(window);

    // --size WxH: the window at that size (after the remembered one, which it overrides).
    if (const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
        size.size() == 2) {
        const int width = size.at(0).toInt();
        const int height = size.at(1).toInt();
        if (width >= 200 && height >= 200 && width <= 10000 && height <= 10000)
            window.resize(width, height);
        else
            qWarning().noquote() << QApplication::translate(
                "GuiApplication", "orrery: --size: expected WIDTHxHEIGHT");
    }
    kubeconfig.setRequestedNamespaces(parser.values(QStringLiteral("namespace")));
    // --prometheus: the context's monitoring setting, checked before anything starts.
    const QString prometheus = parser.value(QStringLiteral("prometheus"));
    if (const Result<MonitoringTarget> target = MonitoringTarget::parse(prometheus); !target.ok()) {
        qWarning().noquote() << QApplication::translate("GuiApplication",
                                                        "orrery: --prometheus: %1")
                                    .arg(target.error().message);
        return 2;
    }
    kubeconfig.setRequestedPrometheus(prometheus);

    // --context C (with --demo too: the seed scenarios' screenshots), else the context in use
    // when Orrery was last closed, else the kubeconfig's current context.
    QString requestedContext = parser.value(QStringLiteral("context"));
    if (requestedContext.isEmpty())
        requestedContext = window.lastContext();
    auto startDemo = [&window, &state, &kubeconfig, &preferences, requestedContext, alerts,
                      alertmanager, pipelines, clouds] {
        if (!state.demo) {
            state.demo = std::make_unique<DemoCluster>();
            // Its Prometheus and Alertmanager are the watched contexts' settings; what it
            // runs or misses is said on the Alerts page and once in the status bar.
            QObject::connect(
                state.demo.get(), &DemoCluster::monitoringChanged, alerts,
                [&window, &preferences, alerts, useAlertmanager = alertmanager.isEmpty(),
                 ours = std::make_shared<QHash<QString, QString>>()](
                    const MonitoringServersStatus &status) {
                    applyDemoMonitoring(preferences, status, useAlertmanager, *ours);
                    const QString text
                        = QApplication::translate("GuiApplication", "Demo: %1").arg(status.text());
                    alerts->page()->setHint(text);
                    if (!window.activeContext().isEmpty()) {
                        window.errorPresenter()->showStatus(text);
                        return;
                    }
                    // Before the first context is shown: once it is (showing a context
                    // clears the status line first).
                    auto once = std::make_shared<QMetaObject::Connection>();
                    *once = QObject::connect(&window, &MainWindow::activeSessionChanged, &window,
                                             [&window, text, once] {
                                                 QObject::disconnect(*once);
                                                 QTimer::singleShot(0, &window, [&window, text] {
                                                     window.errorPresenter()->showStatus(text);
                                                 });
                                             });
                });
        }
        window.showWelcome(QApplication::translate("GuiApplication", "Starting the demo cluster…"));
        state.demo->start([&window, &state, &kubeconfig, requestedContext, pipelines,
                           clouds](const Result<QString> &path) {
            if (!path.ok()) {
                window.showWelcome(QApplication::translate("GuiApplication",
                                                           "The demo cluster could not start: %1")
                                       .arg(path.error().toString()));
                return;
            }
            // First start (no context asked for, none remembered): the first seed's cluster,
            // pfe, on its overview page.
            QString context = requestedContext;
            const bool firstStart = context.isEmpty();
            if (firstStart) {
                for (const QString &demoContext : state.demo->contextNames()) {
                    if (demoContext.startsWith(QLatin1String("pfe"))) {
                        context = demoContext; // pfe-k8s, before its -operator and -viewer
                        break;
                    }
                }
            }
            kubeconfig.useDemo(path.value(), state.demo->contextNames(), context);
            // The demo's simulated GitHub, GitLab and Jenkins pipelines, with the services
            // front's CA and each service's token (in memory only).
            DemoCluster *demo = state.demo.get();
            setPipelineSources(pipelines, demo->pipelineSources(), [demo](const PipelineSource &s) {
                return demo->pipelineConnectOptions(s);
            });
            clouds->setEnvironment(demo->cloudEnvironment());
            if (firstStart)
                window.showCentralPage(window.overviewPageTitle());
        });
    };

    QObject::connect(&window, &MainWindow::demoRequested, &window, startDemo);
    QObject::connect(&window, &MainWindow::kubeconfigChosen, &kubeconfig,
                     [&kubeconfig](const QString &file) { kubeconfig.open(file); });

    // The demo only with --demo or when there is no kubeconfig at all (KubeconfigController):
    // a broken kubeconfig is shown as an error, never replaced by the simulated clusters.
    if (kubeconfig.start(parser.value(QStringLiteral("kubeconfig")),
                         parser.isSet(QStringLiteral("demo")),
                         parser.isSet(QStringLiteral("welcome")), requestedContext)
        == KubeconfigController::Start::Demo)
        startDemo();
    else
        clouds->setEnvironment(CloudEnvironment());

    // Manifests on the command line (opened from a file manager through the desktop entry).
    QStringList manifests;
    for (const QString &argument : parser.positionalArguments()) {
        const QString file = QFileInfo(argument).absoluteFilePath();
        if (ManifestDrop::manifestFiles({QUrl::fromLocalFile(file)}).isEmpty())
            qWarning().noquote() << QApplication::translate(
                                        "GuiApplication",
                                        "orrery: %1 is not a manifest (.yaml, .yml or .json); "
                                        "ignored.")
                                        .arg(argument);
        else
            manifests << file;
    }
    window.openManifests(manifests);

    const QString view = parser.value(QStringLiteral("view"));
    if (!view.isEmpty() && !screenshot) {
        // Once the first context has synced, so a page has data and a kind its rows.
        auto shown = std::make_shared<bool>(false);
        QObject::connect(&sessions, &SessionManager::contextSynced, &window,
                         [&window, view, shown](const QString &context) {
                             if (*shown || context != window.activeContext())
                                 return;
                             *shown = true;
                             showView(window, view);
                         });
    }

    if (screenshot) {
        // Wait for the first sync of the active context (or ~20 s), apply the requested
        // selection, let the view settle, render, exit.
        const QString file = parser.value(QStringLiteral("screenshot"));
        const QString objectName = parser.value(QStringLiteral("select"));
        const QString tab = parser.value(QStringLiteral("details-tab"));
        const bool welcome = parser.isSet(QStringLiteral("welcome"));
        // ORRERY_SCREENSHOT_DELAY_MS: wait longer before rendering (the demo's Prometheus
        // needs a few scrapes before its charts have lines).
        const int extra = qMax(0, qEnvironmentVariableIntValue("ORRERY_SCREENSHOT_DELAY_MS"));
        auto done = std::make_shared<bool>(false);
        auto shoot = [&window, file, done] {
            if (*done)
                return;
            *done = true;
            // A dialog on top (--view Preferences) is what was asked for.
            QWidget *top = QApplication::activeModalWidget();
            const bool ok = (top ? top : &window)->grab().save(file);
            // What was shot, for scripts and tests: the context and the page.
            const QWidget *page = window.currentPage();
            const QString pageName
                = page == window.overviewPage() ? window.overviewPageTitle()
                  : page == window.resourceBrowser()
                      ? ResourceNavigator::pluralName(window.resourceBrowser()->kind())
                      : page->objectName();
            QTextStream(stdout) << QApplication::translate("GuiApplication",
                                                           "orrery: screenshot %1: context %2, "
                                                           "page %3")
                                       .arg(file, window.activeContext(), pageName)
                                << Qt::endl;
            QApplication::exit(ok ? 0 : 1);
        };
        auto prepare = [&window, view, objectName, tab, shoot, done, extra] {
            if (*done)
                return;
            if (!view.isEmpty() && !kindFromName(view)) {
                showView(window, view);
                auto *topology = qobject_cast<TopologyPage *>(window.currentPage());
                if (topology && !objectName.isEmpty()) {
                    // --select on the Topology page: found by its search, which centres on
                    // the match (expanding a large cluster's namespace box), then shot.
                    QTimer::singleShot(2500 + extra, &window, [topology, objectName, shoot] {
                        topology->view()->search(objectName);
                        QTimer::singleShot(1500, topology, shoot);
                    });
                    return;
                }
                QTimer::singleShot(2500 + extra, &window, shoot); // let the page lay out and fetch
                return;
            }
            if (!view.isEmpty())
                showView(window, view);
            int delay = 1500;
            if (!objectName.isEmpty()) {
                ResourceTableModel *model = window.resourceBrowser()->tableModel();
                for (int r = 0; r < model->rowCount(); ++r) {
                    const KubeObjectPtr o = model->objectAt(r);
                    if (o && (o->name == objectName || o->name.startsWith(objectName))) {
                        window.selectObject(o->kind, o->namespaceName, o->name);
                        break;
                    }
                }
                if (tab == QLatin1String("yaml"))
                    window.showDetailsTab(DetailsPane::YamlTab);
                else if (tab == QLatin1String("events"))
                    window.showDetailsTab(DetailsPane::EventsTab);
                else if (tab == QLatin1String("logs"))
                    window.showDetailsTab(DetailsPane::LogsTab);
                else if (tab == QLatin1String("metrics"))
                    window.showDetailsTab(DetailsPane::MetricsTab);
                delay = 2500;
            } else if (window.tableView()->model()->rowCount() > 0) {
                window.tableView()->selectRow(0);
            }
            QTimer::singleShot(delay + extra, &window, shoot);
        };
        bool atOnce = false;
        const int afterMs = parser.value(QStringLiteral("screenshot-after-ms")).toInt(&atOnce);
        if (atOnce && afterMs >= 0) {
            // Mid-sync (a table filling page by page): the view asked for, then the picture
            // at the time given, whatever has arrived by then.
            if (!view.isEmpty())
                QObject::connect(&sessions, &SessionManager::activeSessionChanged, &window,
                                 [&window, view] { showView(window, view); });
            QTimer::singleShot(afterMs, &window, shoot);
        } else if (welcome) {
            QTimer::singleShot(500, &window, shoot);
        } else {
            QObject::connect(&sessions, &SessionManager::contextSynced, &window,
                             [&window, prepare](const QString &context) {
                                 if (context == window.activeContext())
                                     QTimer::singleShot(2000, &window,
                                                        prepare); // let pods become Running
                             });
            QTimer::singleShot(20000, &window, prepare);
            QTimer::singleShot(30000 + extra, &window, shoot);
        }
    }

    window.show();
    return QApplication::exec();
}

} // namespace Orrery::App
