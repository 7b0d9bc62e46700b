// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationpageswiring.h"

#include <audit/auditpage.h>
#include <contextpreferences.h>
#include <helm/helmpage.h>
#include <mainwindow.h>
#include <runbook/runbookplayer.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>

#include <QApplication>

namespace Orrery::App {

OperationPages installOperationPages(MainWindow &window)
{
    OperationPages pages;
    pages.runbooks = new RunbookPlayer;
    // The window's preferences are private to it; a second reader of the same settings gives
    // the confirmation the context's colour and protected mark.
    pages.runbooks->setPreferences(new ContextPreferences(&window));
    pages.audit = new AuditPage(AuditLog::defaultDirectory());
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
    return pages;
}

} // namespace Orrery::App
