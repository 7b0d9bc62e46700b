// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineswiring.h"

#include <mainwindow.h>
#include <pipelineimagelinker.h>
#include <pipelinepoller.h>
#include <pipelinespage.h>
#include <topologypage.h>

#include <QApplication>
#include <QLabel>
#include <QSettings>

namespace Orrery::App {

PipelinesPage *installPipelinesPage(MainWindow &window)
{
    auto *page = new PipelinesPage;
    window.addCentralPage(QApplication::translate("GuiApplication", "Pipelines"), page);
    QSettings settings;
    setPipelineSources(page, PipelineSourceSettings::read(settings));
    // The runs the page lists feed the topology's "deployed by run #N" pills
    // (app/topologywiring.cpp made the linker), and a pill's click opens its run here.
    if (auto *linker
        = window.findChild<PipelineImageLinker *>(QStringLiteral("pipelineImageLinker")))
        QObject::connect(page->poller(), &PipelinePoller::runsUpdated, linker,
                         &PipelineImageLinker::updateRuns);
    if (auto *topology = window.findChild<TopologyPage *>()) {
        QObject::connect(topology, &TopologyPage::pipelineRunRequested, page,
                         [&window, page](PipelineProvider, const QString &, const QString &runId) {
                             window.showCentralPage(
                                 QApplication::translate("GuiApplication", "Pipelines"));
                             page->selectRun(runId);
                         });
    }
    return page;
}

void setPipelineSources(PipelinesPage *page, const QList<PipelineSource> &sources,
                        std::function<PipelineConnectOptions(const PipelineSource &)> options)
{
    QStringList labels;
    for (const PipelineSource &s : sources)
        labels << QStringLiteral("%1 · %2").arg(pipelineProviderName(s.provider), s.displayName());
    page->setSourceChoices(labels, sources.isEmpty() ? -1 : 0);
    QObject::disconnect(page, &PipelinesPage::sourceChosen, nullptr, nullptr);
    auto connectSource = [page, sources, options](int index) {
        if (index < 0 || index >= sources.size()) {
            page->setClient(nullptr, QString());
            return;
        }
        const PipelineSource &source = sources.at(index);
        const Result<PipelineConnection> connection
            = connectPipelineSource(source, options ? options(source) : PipelineConnectOptions());
        if (!connection.ok()) {
            page->setClient(nullptr, QString());
            page->emptyLabel()->setText(
                QApplication::translate("GuiApplication", "%1 cannot be read: %2")
                    .arg(source.displayName(), connection.error().toString()));
            return;
        }
        page->setClient(connection->client, source.source);
    };
    QObject::connect(page, &PipelinesPage::sourceChosen, page, connectSource);
    connectSource(sources.isEmpty() ? -1 : 0);
}

} // namespace Orrery::App
