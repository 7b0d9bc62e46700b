// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologywiring.h"

#include <detailspane.h>
#include <mainwindow.h>
#include <namespacefilter.h>
#include <operations/actioncontroller.h>
#include <resourcebrowser.h>
#include <topologypage.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>
#include <monitoring/metricssnapshot.h>
#include <pipelineimagelinker.h>

#include <QApplication>
#include <QSettings>

namespace Orrery::App {

void installTopologyPage(MainWindow &window)
{
    auto *page = new TopologyPage;
    window.addCentralPage(QApplication::translate("GuiApplication", "Topology"), page);
    QObject::connect(&window, &MainWindow::activeSessionChanged, page,
                     [page](ClusterSession *session) { page->setSession(session); });
    if (window.activeSession())
        page->setSession(window.activeSession());
    page->setProblemMonitor(window.problemMonitor());
    // Pipeline → image → workload: one linker follows every connected context; the pipeline
    // wiring feeds it the runs it lists (findChild "pipelineImageLinker", updateRuns), and
    // TopologyPage::pipelineRunRequested asks to open a run.
    auto *linker = new PipelineImageLinker(&window);
    linker->setObjectName(QStringLiteral("pipelineImageLinker"));
    {
        QSettings settings;
        linker->setSettings(PipelineImageLinker::loadSettings(settings));
    }
    linker->follow(window.sessions());
    page->setPipelineLinker(linker);
    // A node's context menu offers the operations of the window's ActionController
    // (app/operationswiring.cpp creates it after this page, so it is looked up when needed).
    page->setObjectActionsProvider([&window](const KubeObjectPtr &object, QObject *parent) {
        auto *controller = window.findChild<ActionController *>(QStringLiteral("actionController"));
        return controller ? controller->actionsFor(object, parent) : QList<QAction *>();
    });
    // "Show logs": the object in the details pane, on its Logs tab ("Show details" is handled
    // with the operations, app/operationswiring.cpp).
    QObject::connect(page, &TopologyPage::actionRequested, &window,
                     [&window](const QString &kindName, const QString &ns, const QString &name,
                               const QString &actionId) {
                         if (actionId != QLatin1String("logs"))
                             return;
                         const auto kind = kindFromName(kindName);
                         ClusterSession *session = window.activeSession();
                         if (!kind || !session)
                             return;
                         if (const KubeObjectPtr object
                             = session->store()->object(*kind, ns, name)) {
                             window.detailsPane()->setObject(object);
                             window.showDetailsTab(DetailsPane::LogsTab);
                         }
                     });
    QObject::connect(window.resourceBrowser()->namespaceFilter(),
                     &NamespaceFilter::selectionChanged, page,
                     [page](const QStringList &namespaces) { page->setNamespaces(namespaces); });
    // The heat overlay follows the metrics the tables show.
    QObject::connect(window.resourceBrowser(), &ResourceBrowser::metricsChanged, page,
                     [page](std::shared_ptr<const MetricsSnapshot> metrics) {
                         page->setMetrics(std::move(metrics));
                     });
    // Selecting a node shows the object in the details pane, like a table row does.
    QObject::connect(page, &TopologyPage::objectSelected, &window,
                     [&window](const QString &kindName, const QString &ns, const QString &name) {
                         const auto kind = kindFromName(kindName);
                         ClusterSession *session = window.activeSession();
                         if (!kind || !session)
                             return;
                         if (const KubeObjectPtr object = session->store()->object(*kind, ns, name))
                             window.detailsPane()->setObject(object);
                     });
}

} // namespace Orrery::App
