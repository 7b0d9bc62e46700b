// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationswiring.h"

#include <detailspane.h>
#include <errorpresenter.h>
#include <mainwindow.h>
#include <operations/actioncontroller.h>
#include <operations/operationspanel.h>
#include <portforwardlistmodel.h>
#include <portforwardspanel.h>
#include <topologypage.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>

#include <QApplication>
#include <QDockWidget>

namespace Orrery::App {

void installOperations(MainWindow &window, AuditLog *audit)
{
    // One controller per window: one executor per session, one permission cache.
    auto *controller = new ActionController(window.preferences(), &window, audit, &window);
    controller->setObjectName(QStringLiteral("actionController"));

    // Rollout trackers and undo offers: a dock at the bottom, shown when the first card comes.
    auto *dock = new QDockWidget(QApplication::translate("GuiApplication", "Operations"), &window);
    dock->setObjectName(QStringLiteral("operationsDock"));
    auto *panel = new OperationsPanel(dock);
    dock->setWidget(panel);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    QObject::connect(panel, &OperationsPanel::cardAdded, dock,
                     [panel, dock, &window] { panel->revealIn(&window, dock); });
    controller->setPanel(panel);

    controller->setSession(window.activeSession());
    QObject::connect(&window, &MainWindow::activeSessionChanged, controller,
                     &ActionController::setSession);
    QObject::connect(controller, &ActionController::statusMessage, window.errorPresenter(),
                     &ErrorPresenter::showContextStatus);
    window.setApplyManifestsHandler(
        [controller](const QStringList &files) { controller->applyManifests(files); });
    window.setObjectActionsProvider([controller](const KubeObjectPtr &object, QObject *parent) {
        return controller->actionsFor(object, parent);
    });
    window.detailsPane()->setEditHooks(controller->editHooks());

    // Shells and port-forwards: opened by the audited "exec" and "port-forward" operations
    // (the pod's context menu, Ctrl+Shift+E, the topology), shown in docks that own them.
    QObject::connect(
        &window, &MainWindow::operationRequested, controller,
        [controller](const QString &id, Kind kind, const QString &ns, const QString &name) {
            controller->trigger(id, kind, ns, name);
        });
    QObject::connect(controller, &ActionController::shellOpened, &window, &MainWindow::showShell);
    auto *forwards = new PortForwardListModel(&window);
    forwards->setObjectName(QStringLiteral("portForwards"));
    auto *forwardsDock
        = new QDockWidget(QApplication::translate("GuiApplication", "Port Forwards"), &window);
    forwardsDock->setObjectName(QStringLiteral("portForwardsDock"));
    forwardsDock->setWidget(new PortForwardsPanel(forwards, forwardsDock));
    window.addDockWidget(Qt::BottomDockWidgetArea, forwardsDock);
    forwardsDock->hide();
    QObject::connect(controller, &ActionController::portForwardStarted, forwards,
                     [forwards, forwardsDock](const QString &, PortForwardSession *session) {
                         forwards->add(std::unique_ptr<PortForwardSession>(session));
                         forwardsDock->show();
                         forwardsDock->raise();
                     });

    // The topology's context menu emits action ids (views/topologyview.cpp actionsFor): the
    // operations among them go to the controller, "describe" shows the object's details.
    if (auto *topology = window.findChild<TopologyPage *>()) {
        QObject::connect(topology, &TopologyPage::actionRequested, controller,
                         [controller, &window](const QString &kindName, const QString &ns,
                                               const QString &name, const QString &actionId) {
                             const std::optional<Kind> kind = kindFromName(kindName);
                             if (!kind)
                                 return;
                             if (controller->trigger(actionId, *kind, ns, name))
                                 return;
                             if (actionId == QLatin1String("describe")) {
                                 ClusterSession *session = window.activeSession();
                                 if (const KubeObjectPtr object
                                     = session ? session->store()->object(*kind, ns, name)
                                               : nullptr)
                                     window.detailsPane()->setObject(object);
                             }
                         });
    }
}

} // namespace Orrery::App
