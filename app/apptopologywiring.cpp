// SPDX-License-Identifier: GPL-3.0-or-later
#include "apptopologywiring.h"
#include "pipelineswiring.h"

#include <apptopologypage.h>
#include <apptopologyscene.h>
#include <cloud/flyaccount.h>
#include <cloud/railwayaccount.h>
#include <flyappactions.h>
#include <mainwindow.h>
#include <operations/actioncontroller.h>
#include <pipelineimagelinker.h>
#include <pipelinespage.h>
#include <railwayappactions.h>

#include <QApplication>
#include <QPointer>

namespace Orrery::App {

namespace {

QString pageTitle()
{
    return QApplication::translate("GuiApplication", "App topology");
}

} // namespace

AppTopologyPage *installAppTopologyPage(MainWindow &window)
{
    auto *page = new AppTopologyPage;
    window.addCentralPage(pageTitle(), page);
    // Pipeline → image → PaaS box: the topology's linker (app/topologywiring.cpp) links the
    // app's boxes too, and a pill's click opens its run on the Pipelines page.
    page->setPipelineLinker(
        window.findChild<PipelineImageLinker *>(QStringLiteral("pipelineImageLinker")));
    if (auto *pipelines = window.findChild<PipelinesPage *>())
        QObject::connect(page, &AppTopologyPage::pipelineRunRequested, pipelines,
                         [&window, pipelines](PipelineProvider provider, const QString &source,
                                              const QString &runId) {
                             window.showCentralPage(
                                 QApplication::translate("GuiApplication", "Pipelines"));
                             openPipelineRun(pipelines, provider, source, runId);
                         });
    return page;
}

void showCloudApp(MainWindow &window, CloudAccount *account, const CloudResource &app)
{
    auto *page = window.findChild<AppTopologyPage *>();
    if (!page || !account)
        return;
    const QPointer<CloudAccount> guard(account);
    auto *fly = qobject_cast<FlyAccount *>(account);
    auto *railway = qobject_cast<RailwayAccount *>(account);
    const QString title = QStringLiteral("%1 \u00b7 %2").arg(app.name, account->displayName());
    page->setApp(
        title,
        [guard, app](std::function<void(const Result<AppTopology> &)> done) {
            if (!guard)
                return done(
                    Error(Error::Code::Cancelled,
                          QApplication::translate("GuiApplication", "the cloud account is gone")));
            guard->appTopology(app, std::move(done));
        },
        fly       ? AppTopologyPage::ActionsFor(&FlyAppActions::actionsFor)
        : railway ? AppTopologyPage::ActionsFor(&RailwayAppActions::actionsFor)
                  : AppTopologyPage::ActionsFor());
    QObject::disconnect(page, &AppTopologyPage::actionTriggered, nullptr, nullptr);
    auto *controller = window.findChild<ActionController *>(QStringLiteral("actionController"));
    if (fly && controller) {
        const QPointer<FlyAccount> flyGuard(fly);
        QObject::connect(page, &AppTopologyPage::actionTriggered, page,
                         [flyGuard, page, controller](const AppAction &action) {
                             if (!flyGuard)
                                 return;
                             FlyAppActions::create(
                                 flyGuard->client(), page->scene()->topology(), action, page,
                                 [page, controller](ClusterOperation *op) {
                                     QObject::connect(op, &ClusterOperation::finished, page,
                                                      &AppTopologyPage::refresh);
                                     controller->runOperation(op);
                                 });
                         });
    }
    if (railway && controller) {
        const std::shared_ptr<RailwayClient> client = railway->client();
        QObject::connect(
            page, &AppTopologyPage::actionTriggered, page,
            [client, page, controller](const AppAction &action) {
                ClusterOperation *op
                    = RailwayAppActions::create(client, page->scene()->topology(), action, page);
                if (!op)
                    return;
                QObject::connect(op, &ClusterOperation::finished, page, &AppTopologyPage::refresh);
                controller->runOperation(op);
            });
    }
    window.showCentralPage(pageTitle());
}

} // namespace Orrery::App
