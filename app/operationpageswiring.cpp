// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationpageswiring.h"

#include <audit/auditpage.h>
#include <helm/helmpage.h>
#include <mainwindow.h>
#include <operations/actioncontroller.h>
#include <operations/helmreleaserollback.h>
#include <presentermetricsview.h>
#include <presenterwindow.h>
#include <resourcebrowser.h>
#include <runbook/runbookplayer.h>
#include <topologypage.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>

#include <QApplication>

namespace Orrery::App {

namespace {

// The views a runbook's `show:` step names in presenter mode besides the diagram.
void registerStepViews(MainWindow &window, PresenterWindow &presenter, const QString &ns)
{
    // `show: metrics hpa/web`: the details pane's chart of the object, on the active session.
    presenter.setStepView(
        QStringLiteral("metrics"), [&window, ns](const RunbookStep &step, QWidget *parent) {
            ClusterSession *session = window.activeSession();
            ResourceBrowser *browser = window.resourceBrowser();
            return createPresenterMetricsView(step, ns, session ? session->store() : nullptr,
                                              browser->monitoringSource(), browser->metricsPoller(),
                                              parent);
        });
}

} // namespace

OperationPages installOperationPages(MainWindow &window, AuditLog *audit)
{
    OperationPages pages;
    pages.runbooks = new RunbookPlayer;
    pages.runbooks->setPreferences(window.preferences());
    pages.runbooks->setAuditLog(audit);
    pages.audit = new AuditPage(audit->directory());
    pages.helm = new HelmPage;
    window.addCentralPage(QApplication::translate("GuiApplication", "Runbooks"), pages.runbooks);
    window.addCentralPage(QApplication::translate("GuiApplication", "Helm releases"), pages.helm);
    window.addCentralPage(QApplication::translate("GuiApplication", "Audit log"), pages.audit);

    auto follow = [pages](ClusterSession *session) {
        pages.runbooks->setSession(session);
        pages.helm->setSession(session);
    };
    QObject::connect(&window, &MainWindow::activeSessionChanged, &window, follow);
    if (window.activeSession())
        follow(window.activeSession());
    // "Present" on the Runbooks page: presenter mode on the topology of the same (active)
    // context, the player's runner driving the captions over the diagram.
    QObject::connect(pages.runbooks, &RunbookPlayer::presentRequested, &window,
                     [&window, player = pages.runbooks] {
                         auto *topology = window.findChild<TopologyPage *>();
                         if (!topology)
                             return;
                         topology->startPresenter();
                         if (PresenterWindow *presenter = topology->presenter()) {
                             registerStepViews(window, *presenter, player->runbook().ns);
                             presenter->playRunbook(player->runner(), player->runbook());
                         }
                     });
    return pages;
}

void connectHelmRollback(MainWindow &window, const OperationPages &pages)
{
    auto *controller = window.findChild<ActionController *>(QStringLiteral("actionController"));
    if (!controller || !pages.helm)
        return;
    QObject::connect(pages.helm, &HelmPage::rollbackRequested, controller,
                     [&window, controller](const QString &context, const QString &ns,
                                           const QString &release, int revision) {
                         // The controller acts on the active session; a request from a page
                         // still showing another context must not land elsewhere.
                         if (context != window.activeContext())
                             return;
                         controller->rollbackHelmRelease(ns, release, revision);
                     });
    // Permission first: the page's Rollback button waits for the SelfSubjectAccessReviews
    // (Secrets and the manifest's kinds) on the active session and shows a denial.
    pages.helm->setRollbackCheck([&window](const HelmRelease &current, const HelmRelease &target,
                                           QObject *context,
                                           std::function<void(const QString &)> done) {
        HelmReleaseRollback::checkAccess(window.activeSession(), current, target, context,
                                         std::move(done));
    });
    // A Helm rollback changed the history (or recorded a failure): show it.
    QObject::connect(controller, &ActionController::operationFinished, pages.helm,
                     [helm = pages.helm] { helm->invalidate(); });
}

} // namespace Orrery::App
